"""Reading filmdesk CSV (the format, and what reading accepts besides, is described in
``csv_format``).

A large file is read a piece of rows at a time, each piece column by column; a row with anything
unusual is read again on its own, so that every problem names its line and field.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import IO, Protocol, TypeVar

from filmdesk.core.checks import (
    IMDB_ID,
    MAX_TITLE,
    RATING_STEPS,
    check_imdb_id,
    check_original_title,
    check_text,
    check_title,
    check_trimmed_text,
)
from filmdesk.core.exchange import (
    FIELD_DEFAULTS,
    FilmBatch,
    IncomingFilm,
    Notice,
    Problem,
    UnreadableFileError,
)
from filmdesk.core.exchange.csv_format import (
    COLUMNS,
    LIST_SEPARATOR,
    REWATCH,
    UNDATED,
    VIEWINGS_COLUMN,
    restore,
)
from filmdesk.core.exchange.csv_rows import MAX_CELL, csv_pieces
from filmdesk.core.exchange.dates import (
    DateReading,
    Where,
    date_order,
    numeric_parts,
    order_assumed,
    proven_order,
    read_date,
)
from filmdesk.core.exchange.textfile import (
    decode_head,
    decode_text,
    first_line_of,
    guess_delimiter,
    read_bytes,
)
from filmdesk.core.fields import FIELD_NAMES, FIELDS, INPUT_FIELDS, Kind
from filmdesk.core.progress import Progress
from filmdesk.core.validation import CHECKS as _CHECKS
from filmdesk.core.validation import (
    ValidationError,
    ViewingFields,
    clean_film_fields,
    clean_viewing_fields,
)

_READ_PIECE = 10_000


class _DatesUnsettled(Exception):  # noqa: N818 (a request to read the file's dates first)
    """A numeric date (4/18/2026) turned up before the file's date order was known."""


class _Dates:
    """How a file's numeric dates are read: in the order its own dates settle (see
    ``dates.date_order``), or, when they disagree, the order of the first that settles it."""

    def __init__(self, reading: DateReading) -> None:
        self.reading = reading
        first = reading.settled_by
        self.order = reading.order
        if reading.mixed and first is not None:  # dates of both kinds: the first one decides
            self.order = proven_order(first[0]) or reading.order

    def read(self, text: str) -> date:
        """A numeric date; ValueError when it is none, or reads only the other way."""
        first = self.reading.settled_by
        if self.reading.mixed and first is not None:
            proven = proven_order(text)
            if proven is not None and proven is not self.order:
                raise ValueError(
                    f"{text} reads {proven.value}/year, but {first[0]} (line {first[1]}) reads "
                    f"{self.order.value}/year: write every date of the file one way"
                )
        return read_date(text, self.order)

    def notices(self, name: str) -> list[Notice]:
        """A note when no date of the file settles the order, naming the first that could
        be read either way."""
        reading = self.reading
        if reading.ambiguous is None or reading.settled or reading.mixed:
            return []
        value, line, title = reading.ambiguous
        return [Notice(name, line, title, order_assumed(value, self.order), left_out=False)]


@dataclass(frozen=True)
class _Reading:
    """How a file's cells are read besides their field: its rating scale and date order."""

    # The header of a rating column out of 10, as the file writes it; None: stars.
    ten_point: str | None = None
    dates: _Dates | None = None  # None: not known yet (the file has no numeric date so far)

    def field(self, name: str) -> str:
        """The column a problem names: the file's own header for a rating out of 10."""
        return self.ten_point if name == "rating" and self.ten_point else name


_AS_WRITTEN = _Reading()

# A header that says its ratings are out of 10: rating10, rating/10, rating (1-10) ...
# (Possessive: a header of "rating" and a million spaces is refused at once, not in hours.)
_TEN_POINT = re.compile(r"rating[\s_]*+(?:/?\s*+10|\(\s*+(?:1\s*+[-–]|out\s++of)\s*+10\s*+\))")


def _stars_of_ten(text: str) -> float:
    """A rating out of 10 as stars (7 is 3.5); ValueError unless it halves into a half star."""
    try:
        stars = float(text.replace(",", ".")) / 2
    except ValueError:
        raise ValueError(f"{text!r} is not a rating from 1 to 10") from None
    if stars not in RATING_STEPS:
        raise ValueError(
            f"{text} is not a rating from 1 to 10 in whole steps (out of 10, 7 is 3.5 stars)"
        )
    return stars


def _convert(column: str, cell: str, reading: _Reading = _AS_WRITTEN) -> object:
    """One cell as its field's value; ValueError says what is wrong with it."""
    if len(cell) > MAX_CELL:
        raise ValueError(f"is {len(cell):,} characters; at most {MAX_CELL:,}")
    value = _value(column, restore(cell), reading)
    if value is None and _KINDS[column] is Kind.BOOL:
        raise ValueError("expects yes or no")
    return _CHECKS[column](value)


class _Bad:
    """A cell that did not convert (its row is read again, one cell at a time, for messages)."""


_BAD = _Bad()


def _quick_column(column: str, cells: Sequence[str]) -> list[object] | None:
    """Columns of distinct free text checked all at once, with the same result as ``_convert``
    cell by cell; None when a cell needs that (oversized, apostrophe, anything invalid)."""
    kind = _QUICK.get(column)
    if kind is None or max(map(len, cells), default=0) > MAX_CELL:
        return None
    # The column as one text (cells joined by NUL, which no CSV cell holds): quick to search.
    joined = "\0".join(cells)
    if joined.count("\0") != len(cells) - 1:  # a cell holds NUL itself: look at each one
        return None
    if joined.startswith("'") or "\0'" in joined:  # a neutralised formula, maybe
        return None
    if kind is Kind.TEXT_AS_TYPED:
        return list(cells)
    if kind is Kind.TEXT:
        return list(map(str.strip, cells))
    if kind is Kind.IMDB_ID:
        ids = list(map(str.strip, cells))
        if not _IMDB_IDS.fullmatch("\0".join(ids)):
            return None
        return [value or None for value in ids]
    # One line (title, original title): runs of white space become one space, none at the ends.
    # The whole column is already so when it has no white space but single spaces inside cells
    # (printable text has no other kind; quicker to ask than to split the column and join it).
    tidy = (
        (
            (all(map(str.isprintable, cells)) and "  " not in joined)
            or " ".join(joined.split()) == joined
        )
        and " \0" not in joined
        and "\0 " not in joined
        and not joined.startswith(" ")
        and not joined.endswith(" ")
    )
    one_line = list(cells) if tidy else list(map(" ".join, map(str.split, cells)))
    if max(map(len, one_line), default=0) > MAX_TITLE or (
        FIELDS[column].required and "" in one_line
    ):
        return None
    return one_line  # type: ignore[return-value]


_ONE_ID = IMDB_ID.pattern.removeprefix("^").removesuffix("$")
_IMDB_IDS = re.compile(f"(?:{_ONE_ID})?(?:\0(?:{_ONE_ID})?)*")
# The checks that _quick_column does for a whole column at once, with the same result; the
# columns of fields with one of them are read that way, by their kind.
_QUICK_CHECKS = frozenset(
    {check_title, check_original_title, check_trimmed_text, check_text, check_imdb_id}
)
_QUICK = {f.name: f.kind for f in INPUT_FIELDS if f.check in _QUICK_CHECKS}
_KINDS = {f.name: f.kind for f in INPUT_FIELDS}


def _convert_column(
    column: str,
    cells: Sequence[str],
    known: dict[str, object] | None = None,
    reading: _Reading = _AS_WRITTEN,
) -> tuple[list[object], bool]:
    """The column's values, and whether any cell did not convert (those are ``_BAD``).

    ``known``: cells of this column converted before (from earlier pieces of the file), kept
    up to date.
    """
    quick = _quick_column(column, cells)
    if quick is not None:
        return quick, False
    # Each distinct cell is converted once: years, dates, names, ratings repeat a lot.
    converted: dict[str, object] = {} if known is None else known
    distinct = set(cells)
    for cell in distinct - converted.keys():
        try:
            converted[cell] = _convert(column, cell, reading)
        except ValueError:
            converted[cell] = _BAD
    bad = any(converted[cell] is _BAD for cell in distinct)
    return list(map(converted.__getitem__, cells)), bad


def _row_films(
    name: str,
    fields_at: Sequence[tuple[int, str]],
    width: int,
    line: int,
    row: list[str],
    reading: _Reading = _AS_WRITTEN,
) -> IncomingFilm | list[Problem] | None:
    """One row the careful way: its film, or every problem in it, or None for a blank row.

    ``fields_at``: where the header names each field (``_fields_at``), ``width``: how many
    columns it has. Missing cells at the end of a row are empty.
    """
    if not any(cell.strip() for cell in row):
        return None
    if len(row) > width:
        return [Problem(name, line, None, f"has {len(row)} cells; the header has {width}")]
    raw: dict[str, object] = {}
    problems: list[Problem] = []
    unread: list[Problem] = []  # cells that are not their field's value (a date, a rating)
    # (Only the fields' columns: a header may have thousands of empty ones.)
    for at, column in fields_at:
        cell = row[at] if at < len(row) else ""
        if len(cell) > MAX_CELL:
            problems.append(
                Problem(name, line, column, f"is {len(cell):,} characters; at most {MAX_CELL:,}")
            )
            continue
        try:
            raw[column] = _value(column, restore(cell), reading)
        except ValueError as exc:
            unread.append(Problem(name, line, reading.field(column), str(exc)))
    if problems:
        return problems
    unreadable = [
        column for column, value in raw.items() if value is None and _KINDS[column] is Kind.BOOL
    ]
    if unreadable:
        return [Problem(name, line, unreadable[0], "expects yes or no")]
    if raw.get("watched") is False and raw.get("watched_on"):
        return [Problem(name, line, "watched_on", "has a date, but watched says no")]
    try:
        fields = clean_film_fields(raw)
    except ValidationError as exc:
        return unread + [
            Problem(name, line, reading.field(p.field), p.message) for p in exc.problems
        ]
    return unread or IncomingFilm(line, fields)


def read_csv(
    path: Path, progress: Progress | None = None
) -> tuple[FilmBatch, list[Problem], list[Notice]]:
    """Films from a filmdesk CSV file, with every problem found (file, line, field) and the
    notes on how it was read (a date order no date of the file settles).

    Every column the header names is given for every film: an empty cell empties the field
    (re-importing an edited file clears what was cleared). Raises UnreadableFileError when the
    file as a whole cannot be used.
    """
    name = str(path)
    raw, encoding = read_bytes(path)
    delimiter = guess_delimiter(first_line_of(decode_head(raw)))

    def films(dates: _Dates | None) -> _FilmsRead:
        return _read_rows(
            name,
            raw,
            encoding,
            delimiter,
            lambda columns, reading, end: _FilmsRead(name, columns, end, reading),
            dates,
            progress,
        )

    try:
        read = films(None)  # a file of ISO dates (as filmdesk writes it) is read once
    except _DatesUnsettled:
        # A spreadsheet wrote its dates its own way: their order comes from all of them.
        seen = _read_rows(name, raw, encoding, delimiter, _DatesSeen, None, None)
        read = films(_Dates(seen.reading()))
    batch, problems = read.result()
    return batch, problems, read.reading.dates.notices(name) if read.reading.dates else []


class _Rows(Protocol):
    def add(self, piece: list[list[str]], ends: Sequence[int]) -> None: ...


_R = TypeVar("_R", bound=_Rows)


def _read_rows(
    name: str,
    raw: bytes,
    encoding: str,
    delimiter: str,
    start: Callable[[list[str], _Reading, int], _R],
    dates: _Dates | None,
    progress: Progress | None,
) -> _R:
    """What ``start(columns, reading, header_end)`` makes of a CSV file's rows, given to it a
    piece at a time."""

    def begin(header: list[str], header_end: int) -> _R:
        return start(*_header_columns(name, header, dates), header_end)

    # Decoded as it is read (the whole text at once would take several times the file's size
    # in memory). Not UTF-8 after all: read again, as Windows-1251.
    stream = io.BytesIO(raw)
    try:
        return _read_pieces(
            name,
            io.TextIOWrapper(stream, encoding=encoding, newline=""),
            delimiter,
            begin,
            lambda: progress(stream.tell(), len(raw)) if progress else None,
        )
    except UnicodeDecodeError:
        text, _ = decode_text(raw, encoding, name)
        lines = io.StringIO(text, newline="")
        return _read_pieces(
            name,
            lines,
            delimiter,
            begin,
            lambda: progress(lines.tell(), len(text)) if progress else None,
        )


def _read_pieces(
    name: str,
    lines: IO[str],
    delimiter: str,
    start: Callable[[list[str], int], _R],
    report: Callable[[], None],
) -> _R:
    """The rows of a CSV file's lines, after its header, a piece at a time; ``report`` tells
    progress after each piece."""
    rows: _R | None = None
    # A piece at a time: each piece's rows are gone once its films are taken, so a large file
    # never has all its rows in memory at once.
    for piece, ends in csv_pieces(lines, name, delimiter=delimiter, size=_READ_PIECE):
        if rows is None:
            rows = start(piece[0], ends[0])
            piece, ends = piece[1:], ends[1:]
        if piece:
            rows.add(piece, ends)
        report()
    if rows is None:
        raise UnreadableFileError([Problem(name, 1, None, "has no header row")])
    return rows


def _header_columns(
    name: str, header: list[str], dates: _Dates | None = None
) -> tuple[list[str], _Reading]:
    """The header's column names, and how its cells are read (a rating column out of 10 is
    named ``rating``); UnreadableFileError when filmdesk cannot use them."""
    columns = [h.strip().lower().lstrip("\ufeff") for h in header]
    ten_point: str | None = None
    for at, column in enumerate(columns):
        if column.startswith("rating") and _TEN_POINT.fullmatch(column):
            columns[at] = "rating"
            ten_point = header[at].strip().lstrip("\ufeff")
    if "title" not in columns:
        raise UnreadableFileError(
            [
                Problem(
                    name,
                    1,
                    None,
                    "has no 'title' column; a filmdesk CSV starts with the header "
                    + ",".join(COLUMNS),
                )
            ]
        )
    counted = Counter(columns)  # (not columns.count(): a header may have 100,000 columns)
    repeated = sorted(c for c, n in counted.items() if c in COLUMNS and n > 1)
    if repeated:
        raise UnreadableFileError(
            [Problem(name, 1, None, f"has more than one column named {', '.join(repeated)}")]
        )
    unknown = [c for c in columns if c and c not in COLUMNS and c not in ("id", VIEWINGS_COLUMN)]
    if unknown:
        raise UnreadableFileError(
            [Problem(name, 1, None, f"has columns filmdesk does not know: {', '.join(unknown)}")]
        )
    return columns, _Reading(ten_point, dates)


def _fields_at(columns: Sequence[str]) -> list[tuple[int, str]]:
    """Each column that names a field, with where it is (each field once: see
    ``_header_columns``)."""
    return [(at, column) for at, column in enumerate(columns) if column in COLUMNS]


class _DatesSeen:
    """The values of a file's date columns, each the first time it appears, with its line and
    film: what ``dates.date_order`` decides the file's date order from."""

    def __init__(self, columns: list[str], reading: _Reading, header_end: int) -> None:
        self.dated = [at for at, c in enumerate(columns) if c in COLUMNS and _KINDS[c] is Kind.DATE]
        self.title = columns.index("title")
        self.first: dict[str, Where] = {}

    def add(self, piece: list[list[str]], ends: Sequence[int]) -> None:
        """Take the dates of ``piece``, whose rows end on the lines ``ends``."""
        first = self.first
        for row, line in zip(piece, ends, strict=True):
            for at in self.dated:
                cell = row[at].strip() if at < len(row) else ""
                if cell and cell not in first:
                    title = row[self.title].strip() if self.title < len(row) else ""
                    first[cell] = (cell, line, title)

    def reading(self) -> DateReading:
        """How the file's numeric dates are read."""
        return date_order(sorted(self.first.values(), key=itemgetter(1)))


class _FilmsRead:
    """The films of a CSV file, taken from its rows a piece at a time.

    Column by column for speed (100,000 rows in well under a second); a row with anything
    unusual (a bad or oversized cell, wrong length, no title) is read again on its own.
    """

    def __init__(
        self, name: str, columns: list[str], header_end: int, reading: _Reading = _AS_WRITTEN
    ) -> None:
        self.name = name
        self.columns = columns
        self.reading = reading
        self.given = frozenset(c for c in columns if c in COLUMNS)
        self.fields_at = _fields_at(columns)
        self.values: dict[str, list[object]] = {field: [] for field in FIELD_NAMES}
        self.known: dict[str, dict[str, object]] = {column: {} for column in self.given}
        self.lines: list[int] = []
        # Each film's row number (0: the first after the header), a piece at a time.
        self.positions: list[Sequence[int]] = []
        self.careful_films: dict[int, IncomingFilm] = {}
        self.problems: list[Problem] = []
        self.read = 0  # rows read so far
        # The viewings column, where there is one: row number -> (cell, line, title).
        self.viewings_at = columns.index(VIEWINGS_COLUMN) if VIEWINGS_COLUMN in columns else None
        self.title_at = columns.index("title")
        self.viewing_cells: dict[int, tuple[str, int, str]] = {}

    def add(self, piece: list[list[str]], ends: Sequence[int]) -> None:
        """Take the films of ``piece``, whose rows end on the lines ``ends``."""
        if self.viewings_at is not None:
            at_v, at_t = self.viewings_at, self.title_at
            for at, row in enumerate(piece):
                if at_v < len(row) and row[at_v].strip():
                    title = row[at_t].strip() if at_t < len(row) else ""
                    self.viewing_cells[self.read + at] = (row[at_v], ends[at], title)
        width = len(self.columns)
        careful: set[int] = set()
        if set(map(len, piece)) - {width}:
            careful = {at for at, row in enumerate(piece) if len(row) != width}
            quick = [at for at in range(len(piece)) if at not in careful]
            quick_rows = [piece[at] for at in quick]
        else:
            quick, quick_rows = list(range(len(piece))), piece
        converted: dict[str, list[object]] = {}
        if quick:
            cells_by_column = list(zip(*quick_rows, strict=True))
            for number, column in enumerate(self.columns):
                if column in self.given:
                    values, bad = _convert_column(
                        column, cells_by_column[number], self.known[column], self.reading
                    )
                    converted[column] = values
                    if bad:  # an empty title, too: blank rows are skipped by the careful reading
                        careful.update(quick[at] for at, v in enumerate(values) if v is _BAD)
            if "watched" in converted and "watched_on" in converted:
                careful.update(
                    quick[at]
                    for at, (watched, on) in enumerate(
                        zip(converted["watched"], converted["watched_on"], strict=True)
                    )
                    if watched is False and on is not None
                )
        for at in sorted(careful):
            read = _row_films(
                self.name, self.fields_at, len(self.columns), ends[at], piece[at], self.reading
            )
            if isinstance(read, IncomingFilm):
                self.careful_films[self.read + at] = read
            elif read:
                self.problems += read
        kept = [at for at in quick if at not in careful] if careful else quick
        if kept is not quick:
            chosen = [number for number, at in enumerate(quick) if at not in careful]
            converted = {
                column: [values[number] for number in chosen]
                for column, values in converted.items()
            }
        for field, values in self.values.items():
            values += (
                converted[field] if field in converted else [FIELD_DEFAULTS[field]] * len(kept)
            )
        self.lines += [ends[at] for at in kept] if careful else ends
        self.positions.append(
            [self.read + at for at in kept] if careful else range(self.read, self.read + len(piece))
        )
        self.read += len(piece)

    def result(self) -> tuple[FilmBatch, list[Problem]]:
        """Every film read, in file order, and every problem found."""
        batch = FilmBatch(self.values, self.lines, self.given)
        if self.viewing_cells and not self.careful_films:
            # Column by column still: each film's viewings are its ``extra``.
            extras: list[dict[str, object] | None] = []
            kept: list[int] = []
            for at, index in enumerate(chain.from_iterable(self.positions)):
                viewings = self._viewings(index)
                extras.append({"viewings": viewings} if viewings else None)
                if viewings is not None:
                    kept.append(at)
            batch = FilmBatch(self.values, self.lines, self.given, extras=extras)
            return batch.take(kept), self.problems
        if self.careful_films:
            # Rows read one by one join the others, in file order; a film's viewings are its
            # ``extra`` (a film whose viewings cannot be read is left out, with the problem).
            positions = list(chain.from_iterable(self.positions))
            merged = dict(zip(positions, batch, strict=True)) | self.careful_films
            films = []
            for index in sorted(merged):
                film = merged[index]
                viewings = self._viewings(index)
                if viewings is None:
                    continue
                if viewings:
                    film.extra = {**film.extra, "viewings": viewings}
                films.append(film)
            batch = FilmBatch.of(films)
        return batch, self.problems

    def _viewings(self, index: int) -> tuple[ViewingFields, ...] | None:
        """The viewings of the film of row ``index``; None (a problem said) when the cell
        cannot be read."""
        cell = self.viewing_cells.get(index)
        if cell is None:
            return ()
        text, line, title = cell
        if len(text) > MAX_CELL:
            message = f"is {len(text):,} characters; at most {MAX_CELL:,}"
            self.problems.append(Problem(self.name, line, VIEWINGS_COLUMN, message, film=title))
            return None
        try:
            return read_viewings(restore(text.strip()), self.reading)
        except ValueError as exc:
            self.problems.append(Problem(self.name, line, VIEWINGS_COLUMN, str(exc), film=title))
            return None


def read_viewings(text: str, reading: _Reading) -> tuple[ViewingFields, ...]:
    """The viewings of a ``viewings`` cell (see ``csv_format.viewings_text``); ValueError
    saying which one is wrong and why."""
    viewings: list[ViewingFields] = []
    for number, part in enumerate(text.split(LIST_SEPARATOR.strip()), start=1):
        words = part.split()
        if not words:
            continue
        raw: dict[str, object] = {"rewatch": False}
        day, *rest = words
        if day.casefold() != UNDATED:
            try:
                raw["watched_on"] = _value("watched_on", day, reading)
            except _DatesUnsettled:
                raw["watched_on"] = day  # (not ISO, in a file of ISO dates: its check says so)
        for word in rest:
            if word.casefold() == REWATCH:
                raw["rewatch"] = True
            elif "rating" not in raw:
                raw["rating"] = word.replace(",", ".")
            else:
                raise ValueError(f"viewing {number} ({part.strip()!r}): {word!r} is not understood")
        try:
            viewings.append(clean_viewing_fields(raw))
        except ValidationError as exc:
            problem = exc.problems[0]
            what = {"watched_on": "the day", "rating": "the rating"}.get(problem.field, "")
            raise ValueError(
                f"viewing {number} ({part.strip()!r}): {what} {problem.message}".replace("  ", " ")
            ) from None
    return tuple(viewings)


def _value(column: str, cell: str, reading: _Reading = _AS_WRITTEN) -> object:
    """A cell as its field's check takes it (None for a yes/no that is neither); ValueError
    for a rating out of 10 that is not a whole number from 1 to 10, or a numeric date that is
    no date or reads only the other way than the file's others."""
    kind = _KINDS[column]
    # Free text is left to its check, which trims what is trimmed (notes are kept as typed).
    text = cell if kind in (Kind.TEXT, Kind.TEXT_AS_TYPED) else cell.strip()
    if kind in (Kind.NAMES, Kind.TAGS):
        return [part.strip() for part in cell.split(LIST_SEPARATOR.strip()) if part.strip()]
    if kind is Kind.BOOL:
        folded = text.casefold()
        if folded in ("yes", "y", "true", "1", "да", "x", "✓"):
            return True
        if folded in ("", "no", "n", "false", "0", "нет"):
            return False
        return None
    if kind is Kind.DATE and text[4:5] != "-" and numeric_parts(text) is not None:
        if reading.dates is None:
            raise _DatesUnsettled
        return reading.dates.read(text)  # (text is not ISO: a spreadsheet's 4/18/2026)
    if kind is Kind.RATING and text and reading.ten_point:
        return _stars_of_ten(text)
    if kind in (Kind.INT, Kind.RATING, Kind.DATE):
        return text or None
    return text
