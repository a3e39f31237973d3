"""The film's fields, defined once: their order, kind, check, column and label.

Validation, the CSV header and its cells, the JSON backup, the bulk reads and writes, the
defaults of incoming films, the seed and the records' database conversions read this table
instead of naming the fields again. ``FilmRecord``, ``FilmRow`` and ``FilmFields`` stay written
out for the type checker; ``tests/core/test_fields.py`` fails when one of them differs from it.

The order is ``FilmRecord``'s, the CSV header's and the JSON backup's: files depend on it (a
test pins the CSV header). ``label``, ``editable`` and ``option`` are for the front ends: the
film dialog shows the curated fields the user may edit, the command line has an option for each
field that has one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from filmdesk.core import checks


class Kind(Enum):
    """What a field's values are; it decides how each format writes and reads them."""

    LINE = "line"  # one line of text, runs of spaces made one (titles)
    TEXT = "text"  # free text with its line breaks, trimmed at both ends
    TEXT_AS_TYPED = "text as typed"  # free text kept exactly as typed, spaces and all (notes)
    INT = "int"  # a whole number, or None
    DATE = "date"  # a day, or None
    NAMES = "names"  # a list of names; a JSON list in the films table
    TAGS = "tags"  # the film's tags; a table of their own, not a column
    RATING = "rating"  # 0.5 to 5 stars; kept as 1 to 10 half stars, so always exact
    BOOL = "bool"  # yes or no
    URL = "url"  # an http or https address
    IMDB_ID = "imdb id"  # an IMDb title id: tt0050634
    KEY = "key"  # a stable key that updates match on (the seed's)
    TIMESTAMP = "timestamp"  # an aware UTC date and time


class Group(Enum):
    """Whose a field is: it decides who may write it."""

    CURATED = "curated"  # what the film is; the seed and imports provide it
    OWN = "own"  # the user's own (rating, watched, notes, tags); the seed never writes them
    BOOKKEEPING = "bookkeeping"  # what filmdesk keeps about the record; no check, never edited


@dataclass(frozen=True, slots=True, kw_only=True)
class FilmField:
    """One film field, with what the parts that handle films need to know about it."""

    name: str
    kind: Kind
    group: Group
    # Short, English, lower case: for messages and command-line help (the window has its
    # own translated labels).
    label: str
    # A film's value when it has none, as a record holds it ("", None, (), False); None means
    # the films table may hold NULL (see ``nullable``).
    empty: object
    # Takes a value as given, returns it clean or raises ValueError saying what is wrong. A
    # field with a check is one that an edit or a file may give; one without is bookkeeping.
    check: Callable[[object], object] | None
    # Its column in the films table: "" for the same as its name, None for none (tags).
    column: str | None = ""
    # The user types it (in the film dialog, on the command line); False where filmdesk sets
    # it: the date of the availability note follows the note, bookkeeping follows the record.
    editable: bool = True
    # A film cannot be without it: an empty value is a problem, not an empty field.
    required: bool = False
    # In the lean row every table shows and sorts (``FilmRow``), read for every film at start.
    in_row: bool = False
    # The command line's option for it (``--runtime``), without the dashes; "" for none of its
    # own (the watch date comes with ``--watched DATE``).
    option: str = ""

    def __post_init__(self) -> None:
        if self.column == "":
            object.__setattr__(self, "column", self.name)

    @property
    def nullable(self) -> bool:
        """True when the films table may hold NULL for it (an empty value is None).

        Timestamps are None only in records read without them; the table always has them.
        """
        return self.empty is None and self.kind is not Kind.TIMESTAMP


FILM_FIELDS: tuple[FilmField, ...] = (
    FilmField(
        name="title",
        kind=Kind.LINE,
        group=Group.CURATED,
        label="title",
        empty="",
        check=checks.check_title,
        required=True,
        in_row=True,
        option="title",
    ),
    FilmField(
        name="original_title",
        kind=Kind.LINE,
        group=Group.CURATED,
        label="original title",
        empty="",
        check=checks.check_original_title,
        in_row=True,
        option="original-title",
    ),
    FilmField(
        name="year",
        kind=Kind.INT,
        group=Group.CURATED,
        label="year",
        empty=None,
        check=checks.check_year,
        in_row=True,
        option="year",
    ),
    FilmField(
        name="directors",
        kind=Kind.NAMES,
        group=Group.CURATED,
        label="directors",
        empty=(),
        check=checks.check_names,
        in_row=True,
        option="director",
    ),
    FilmField(
        name="countries",
        kind=Kind.NAMES,
        group=Group.CURATED,
        label="countries",
        empty=(),
        check=checks.check_names,
        in_row=True,
        option="country",
    ),
    FilmField(
        name="runtime_minutes",
        kind=Kind.INT,
        group=Group.CURATED,
        label="runtime (minutes)",
        empty=None,
        check=checks.check_runtime,
        option="runtime",
    ),
    FilmField(
        name="description",
        kind=Kind.TEXT,
        group=Group.CURATED,
        label="description",
        empty="",
        check=checks.check_trimmed_text,
        option="description",
    ),
    FilmField(
        name="fact",
        kind=Kind.TEXT,
        group=Group.CURATED,
        label="fact",
        empty="",
        check=checks.check_trimmed_text,
        option="fact",
    ),
    FilmField(
        name="trailer_url",
        kind=Kind.URL,
        group=Group.CURATED,
        label="trailer URL",
        empty="",
        check=checks.check_trailer_url,
        option="trailer-url",
    ),
    FilmField(
        name="availability_note",
        kind=Kind.TEXT,
        group=Group.CURATED,
        label="where to watch",
        empty="",
        check=checks.check_trimmed_text,
        option="availability",
    ),
    FilmField(
        name="availability_checked_on",
        kind=Kind.DATE,
        group=Group.CURATED,
        label="where to watch, checked on",
        empty=None,
        check=checks.check_past_date,
        editable=False,
    ),
    FilmField(
        name="imdb_id",
        kind=Kind.IMDB_ID,
        group=Group.CURATED,
        label="IMDb id",
        empty=None,
        check=checks.check_imdb_id,
        option="imdb-id",
    ),
    FilmField(
        name="letterboxd_uri",
        kind=Kind.URL,
        group=Group.CURATED,
        label="Letterboxd URI",
        empty=None,
        check=checks.check_letterboxd_uri,
        option="letterboxd-uri",
    ),
    FilmField(
        name="rating",
        kind=Kind.RATING,
        group=Group.OWN,
        label="rating",
        empty=None,
        check=checks.check_rating,
        column="rating_half_stars",
        in_row=True,
        option="rating",
    ),
    FilmField(
        name="watched",
        kind=Kind.BOOL,
        group=Group.OWN,
        label="watched",
        empty=False,
        check=checks.check_bool,
        in_row=True,
        option="watched",
    ),
    FilmField(
        name="watched_on",
        kind=Kind.DATE,
        group=Group.OWN,
        label="watched on",
        empty=None,
        check=checks.check_past_date,
        in_row=True,
    ),
    FilmField(
        name="notes",
        kind=Kind.TEXT_AS_TYPED,
        group=Group.OWN,
        label="notes",
        empty="",
        check=checks.check_text,
        option="notes",
    ),
    FilmField(
        name="tags",
        kind=Kind.TAGS,
        group=Group.OWN,
        label="tags",
        empty=(),
        check=checks.check_tags,
        column=None,
        in_row=True,
        option="tag",
    ),
    FilmField(
        name="seed_key",
        kind=Kind.KEY,
        group=Group.BOOKKEEPING,
        label="seed key",
        empty=None,
        check=None,
        editable=False,
    ),
    FilmField(
        name="created_at",
        kind=Kind.TIMESTAMP,
        group=Group.BOOKKEEPING,
        label="added",
        empty=None,
        check=None,
        editable=False,
    ),
    FilmField(
        name="updated_at",
        kind=Kind.TIMESTAMP,
        group=Group.BOOKKEEPING,
        label="last changed",
        empty=None,
        check=None,
        editable=False,
    ),
)

FIELDS: dict[str, FilmField] = {field.name: field for field in FILM_FIELDS}

# What an edit or a file may give (the fields with a check), in order: the keys of
# ``FilmFields``, the CSV columns, the fields of an incoming film.
INPUT_FIELDS: tuple[FilmField, ...] = tuple(f for f in FILM_FIELDS if f.check is not None)
FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in INPUT_FIELDS)
