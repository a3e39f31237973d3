"""Plain, immutable records handed to the UI and the CLI (never live ORM rows)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any, NamedTuple

# The order and names of a film's keys in JSON output (CLI --json and exports build on it).
FILM_JSON_KEYS = (
    "id",
    "title",
    "original_title",
    "year",
    "directors",
    "countries",
    "runtime_minutes",
    "description",
    "fact",
    "trailer_url",
    "availability",
    "rating",
    "watched",
    "watched_on",
    "notes",
    "tags",
    "imdb_id",  # null when unknown, so scripts can tell what came from where
    "letterboxd_uri",
)


@dataclass(frozen=True, slots=True)
class FilmRecord:
    """A film as the catalog holds it at one moment."""

    id: int
    title: str
    original_title: str = ""
    year: int | None = None
    directors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    runtime_minutes: int | None = None
    description: str = ""
    fact: str = ""
    trailer_url: str = ""
    availability_note: str = ""
    availability_checked_on: date | None = None
    imdb_id: str | None = None
    letterboxd_uri: str | None = None
    rating: float | None = None
    watched: bool = False
    watched_on: date | None = None
    notes: str = ""
    tags: tuple[str, ...] = ()
    seed_key: str | None = None
    created_at: datetime | None = field(default=None, compare=False)
    updated_at: datetime | None = field(default=None, compare=False)
    # The hash of the film's poster (``catalog.posters``), or None. Not a film field: the
    # picture is kept in a table of its own, and files of films do not carry it.
    poster: str | None = None

    @property
    def display_title(self) -> str:
        """Title with the year, as people write it: "The Cranes Are Flying (1957)"."""
        return f"{self.title} ({self.year})" if self.year else self.title

    def to_json(self) -> dict[str, object]:
        """The film as a JSON-ready dict with the documented keys, in order."""
        availability: dict[str, object] | None = None
        if self.availability_note or self.availability_checked_on:
            availability = {
                "note": self.availability_note,
                "checked_on": _iso(self.availability_checked_on),
            }
        values: dict[str, object] = {
            "id": self.id,
            "title": self.title,
            "original_title": self.original_title,
            "year": self.year,
            "directors": list(self.directors),
            "countries": list(self.countries),
            "runtime_minutes": self.runtime_minutes,
            "description": self.description,
            "fact": self.fact,
            "trailer_url": self.trailer_url,
            "availability": availability,
            "rating": self.rating,
            "watched": self.watched,
            "watched_on": _iso(self.watched_on),
            "notes": self.notes,
            "tags": list(self.tags),
            "imdb_id": self.imdb_id or None,
            "letterboxd_uri": self.letterboxd_uri or None,
        }
        return {k: values[k] for k in FILM_JSON_KEYS}


class FilmRow(NamedTuple):
    """The part of a film a table shows, sorts and filters on; loaded for every film at start.

    Long texts (description, notes) stay in the database until a film is opened; search gets
    them separately (``Catalog.film_texts``). A NamedTuple rather than a frozen dataclass:
    just as immutable, and several times faster to create 100,000 of.
    """

    id: int
    title: str
    original_title: str
    year: int | None
    directors: tuple[str, ...]
    countries: tuple[str, ...]
    rating: float | None
    watched: bool
    watched_on: date | None
    tags: tuple[str, ...]
    poster: str | None = None  # the hash of its poster (the cover view shows it)
    # The months it was watched in (dated viewings), as YYYYMM numbers in order: 202403 is
    # March 2024. For the search term ``watched:2024-03``; films share equal tuples.
    viewed_months: tuple[int, ...] = ()

    @classmethod
    def of(cls, film: FilmRecord, viewed_months: tuple[int, ...] = ()) -> FilmRow:
        """The row of a full record (which does not hold its viewings: give their months,
        ``FilmService.viewed_months``, for ``watched:2024`` to find it)."""
        return cls(
            film.id,
            film.title,
            film.original_title,
            film.year,
            film.directors,
            film.countries,
            film.rating,
            film.watched,
            film.watched_on,
            film.tags,
            film.poster,
            viewed_months,
        )

    @property
    def display_title(self) -> str:
        """Title with the year."""
        return f"{self.title} ({self.year})" if self.year else self.title


@dataclass(frozen=True, slots=True)
class ListEntryRecord:
    """A film's place in a screening list.

    ``position`` is 1-based (as users see it). ``scheduled_at`` is a naive local date and
    time; 00:00 means the day only (``has_time`` is False). ``screened`` is the screening log
    of this list, apart from the user's own "watched".
    """

    list_id: int
    film: FilmRecord
    position: int
    scheduled_at: datetime | None = None
    note: str = ""
    screened: bool = False
    screened_on: date | None = None

    @property
    def film_id(self) -> int:
        """The id of the film in this entry."""
        return self.film.id

    @property
    def has_time(self) -> bool:
        """True when a time of day was given, not just the day."""
        at = self.scheduled_at
        return at is not None and (at.hour, at.minute) != (0, 0)

    @property
    def scheduled_text(self) -> str | None:
        """The schedule as ISO text: ``2026-12-01T10:30``, ``2026-12-01`` (day only) or None."""
        at = self.scheduled_at
        if at is None:
            return None
        return at.strftime("%Y-%m-%dT%H:%M") if self.has_time else at.date().isoformat()

    def to_json(self) -> dict[str, object]:
        """The entry as ``filmdesk-cli lists show --json`` prints it."""
        return {
            "position": self.position,
            "film": self.film.to_json(),
            "scheduled_at": self.scheduled_text,
            "note": self.note,
            "screened": self.screened,
            "screened_on": _iso(self.screened_on),
        }


@dataclass(frozen=True, slots=True)
class ScreeningListRecord:
    """A screening list with its entries in order (position 1 first)."""

    id: int
    name: str
    audience: str = ""
    description: str = ""
    entries: tuple[ListEntryRecord, ...] = ()
    created_at: datetime | None = field(default=None, compare=False)
    updated_at: datetime | None = field(default=None, compare=False)

    @property
    def film_ids(self) -> tuple[int, ...]:
        """The films of the list, in order."""
        return tuple(e.film.id for e in self.entries)

    @property
    def film_count(self) -> int:
        """How many films the list has."""
        return len(self.entries)

    @property
    def runtime_minutes(self) -> int:
        """The total runtime of the films whose runtime is known."""
        return sum(e.film.runtime_minutes or 0 for e in self.entries)

    @property
    def unknown_runtimes(self) -> int:
        """How many films have no runtime (the total leaves them out)."""
        return sum(1 for e in self.entries if e.film.runtime_minutes is None)

    @property
    def screened_count(self) -> int:
        """How many entries have been screened."""
        return sum(1 for e in self.entries if e.screened)

    def entry(self, film_id: int) -> ListEntryRecord | None:
        """The entry of this film, or None when it is not in the list."""
        return next((e for e in self.entries if e.film.id == film_id), None)

    def summary(self) -> ScreeningListSummary:
        """The list without its entries, as ``Catalog.screening_lists`` gives it."""
        return ScreeningListSummary(
            self.id,
            self.name,
            self.audience,
            self.description,
            self.film_count,
            self.runtime_minutes,
            self.screened_count,
        )

    def to_json(self) -> dict[str, object]:
        """The list with its entries, as ``filmdesk-cli lists show --json`` prints it."""
        return {
            **self.summary().to_json(),
            "entries": [e.to_json() for e in self.entries],
        }


@dataclass(frozen=True, slots=True)
class ScreeningListSummary:
    """A screening list without its entries: what a sidebar or ``filmdesk-cli lists`` shows."""

    id: int
    name: str
    audience: str
    description: str
    film_count: int
    runtime_minutes: int
    screened_count: int

    def to_json(self) -> dict[str, object]:
        """The summary as ``filmdesk-cli lists --json`` prints it."""
        return {
            "id": self.id,
            "name": self.name,
            "audience": self.audience,
            "description": self.description,
            "film_count": self.film_count,
            "runtime_minutes": self.runtime_minutes,
            "screened_count": self.screened_count,
        }


@dataclass(frozen=True, slots=True)
class ViewingRecord:
    """One time a film was watched: the day (None: not known), the rating given then, whether
    it was a rewatch, and a note."""

    id: int
    film_id: int
    watched_on: date | None = None
    rating: float | None = None
    rewatch: bool = False
    note: str = ""

    @property
    def order_key(self) -> tuple[date, int]:
        """Viewings in the order they happened: by day, undated ones first, then as added."""
        return (self.watched_on or date.min, self.id)

    def to_json(self) -> dict[str, object]:
        """The viewing as ``filmdesk-cli show --json`` and the JSON backup write it."""
        return {
            "watched_on": _iso(self.watched_on),
            "rating": self.rating,
            "rewatch": self.rewatch,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class DeletedFilm:
    """A deleted film with everything needed to bring it back: its record, its collection
    memberships, its screening list entries with their positions, and its viewings."""

    film: FilmRecord
    memberships: tuple[tuple[int, int], ...] = ()  # (collection id, 0-based position)
    list_entries: tuple[ListEntryRecord, ...] = ()
    viewings: tuple[ViewingRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class TagCount:
    """A tag and how many films carry it."""

    name: str
    films: int


@dataclass(frozen=True, slots=True)
class CollectionRecord:
    """A collection, the ids of its films in order, its rating and how many comments it has."""

    id: int
    name: str
    description: str
    source: str
    film_ids: tuple[int, ...]
    seed_key: str | None = None
    rating: float | None = None
    comment_count: int = 0
    created_at: datetime | None = field(default=None, compare=False)
    updated_at: datetime | None = field(default=None, compare=False)

    def to_json(self) -> dict[str, object]:
        """The collection as ``filmdesk-cli collections --json`` prints it."""
        return {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "source": self.source,
            "rating": self.rating,
            "films": list(self.film_ids),
            "comment_count": self.comment_count,
        }


@dataclass(frozen=True, slots=True)
class CommentRecord:
    """A dated comment on a collection. ``updated_at`` is later than ``created_at`` once
    the comment has been edited."""

    id: int
    collection_id: int
    text: str
    created_at: datetime
    updated_at: datetime
    author: str = ""  # who wrote it on a shared catalog; "" when not known

    @property
    def edited(self) -> bool:
        """True when the comment was changed after it was written."""
        return self.updated_at > self.created_at

    def to_json(self) -> dict[str, object]:
        """The comment as JSON (times in ISO 8601, UTC)."""
        return {
            "id": self.id,
            "text": self.text,
            "author": self.author,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "updated_at": self.updated_at.isoformat(timespec="seconds"),
        }


@dataclass(frozen=True, slots=True)
class DeletedCollection:
    """A deleted collection with everything ``Catalog.restore_collection`` needs: the
    collection (same id, films in order, rating) and its comments."""

    collection: CollectionRecord
    comments: tuple[CommentRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class CatalogStats:
    """Counts shown in status bars and summaries."""

    films: int
    watched: int
    rated: int


def format_minutes(minutes: int) -> str:
    """A running time for people: "97 min", "3 h 12 min", "2 h"."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


_VALUE_FIELDS = tuple(f.name for f in fields(FilmRecord))[:-2]  # all but the timestamps


def record_values(film: FilmRecord) -> tuple[Any, ...]:
    """A record as the plain tuple ``Catalog.film_values`` gives (no timestamps)."""
    return tuple(getattr(film, name) for name in _VALUE_FIELDS)


@dataclass(frozen=True)
class FilmPieces:
    """Films read a piece at a time (``FilmService.read_in_pieces``), all in one snapshot of
    the catalog: how many there are, and the pieces, each the films' columns (as
    ``FilmService.columns`` gives them) with their viewings by film id. The pieces can be
    walked through once."""

    total: int
    pieces: Iterable[tuple[Mapping[str, Sequence[Any]], Mapping[int, Sequence[ViewingRecord]]]]
