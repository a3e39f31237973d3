"""Reading filmdesk CSV (the format, and what reading accepts besides, is described in
``csv_format``).

A large file is read a piece of rows at a time, each piece column by column; a row with anything
unusual is read again on its own, so that every problem names its line and field.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from itertools import accumulate, chain, islice
from pathlib import Path
from typing import IO

from filmdesk.core.checks import (
    IMDB_ID,
    MAX_TITLE,
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
    Problem,
    Progress,
    UnreadableFileError,
)
from filmdesk.core.exchange.csv_format import COLUMNS, LIST_SEPARATOR, MAX_CELL, restore
from filmdesk.core.exchange.textfile import (
    decode_head,
    decode_text,
    first_line_of,
    guess_delimiter,
    read_bytes,
)
from filmdesk.core.fields import FIELD_NAMES, FIELDS, INPUT_FIELDS, Kind
from filmdesk.core.validation import CHECKS as _CHECKS
from filmdesk.core.validation import ValidationError, clean_film_fields

_READ_PIECE = 10_000


def _row_ends(piece: list[list[str]], before: int, after: int) -> Sequence[int]:
    """The line each row of ``piece`` ends on, given the lines read before and after it.

    csv counts a line at each \n, \r or \r\n; a row ends one line on from the previous row's
    end, plus the line breaks inside its own cells (notes often have some).
    """
    if after - before == len(piece):  # a line per row
        return range(before + 1, after + 1)
    # (Counted cell by cell: a cell ending in \r before one starting with \n is two breaks.)
    steps = (
        1 + sum(map(_breaks, row)) if "\n" in joined or "\r" in joined else 1
        for row, joined in zip(piece, map("".join, piece), strict=True)
    )
    return list(accumulate(steps, initial=before))[1:]


def _breaks(text: str) -> int:
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def _convert(column: str, cell: str) -> object:
    """One cell as its field's value; ValueError says what is wrong with it."""
    if len(cell) > MAX_CELL:
        raise ValueError(f"is {len(cell):,} characters; at most {MAX_CELL:,}")
    value = _value(column, restore(cell))
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
    column: str, cells: Sequence[str], known: dict[str, object] | None = None
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
            converted[cell] = _convert(column, cell)
        except ValueError:
            converted[cell] = _BAD
    bad = any(converted[cell] is _BAD for cell in distinct)
    return list(map(converted.__getitem__, cells)), bad


def _row_films(
    name: str, columns: list[str], line: int, row: list[str]
) -> IncomingFilm | list[Problem] | None:
    """One row the careful way: its film, or every problem in it, or None for a blank row."""
    if not any(cell.strip() for cell in row):
        return None
    if len(row) > len(columns):
        return [Problem(name, line, None, f"has {len(row)} cells; the header has {len(columns)}")]
    row = row + [""] * (len(columns) - len(row))
    raw: dict[str, object] = {}
    problems: list[Problem] = []
    for column, cell in zip(columns, row, strict=True):
        if column not in COLUMNS:
            continue
        if len(cell) > MAX_CELL:
            problems.append(
                Problem(name, line, column, f"is {len(cell):,} characters; at most {MAX_CELL:,}")
            )
            continue
        raw[column] = _value(column, restore(cell))
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
        return [Problem(name, line, p.field, p.message) for p in exc.problems]
    return IncomingFilm(line, fields)


def read_csv(path: Path, progress: Progress | None = None) -> tuple[FilmBatch, list[Problem]]:
    """Films from a filmdesk CSV file, with every problem found (file, line, field).

    Every column the header names is given for every film: an empty cell empties the field
    (re-importing an edited file clears what was cleared). Raises UnreadableFileError when the
    file as a whole cannot be used.
    """
    name = str(path)
    raw, encoding = read_bytes(path)
    delimiter = guess_delimiter(first_line_of(decode_head(raw)))
    # Read oversized cells whole, so the problem can name their line and column.
    previous_limit = csv.field_size_limit(2**31 - 1)
    try:
        # Decoded as it is read (the whole text at once would take several times the file's
        # size in memory). Not UTF-8 after all: read again, as Windows-1251.
        stream = io.BytesIO(raw)
        try:
            return _read_films(
                name,
                io.TextIOWrapper(stream, encoding=encoding, newline=""),
                delimiter,
                lambda: progress(stream.tell(), len(raw)) if progress else None,
            )
        except UnicodeDecodeError:
            text, _ = decode_text(raw, encoding, name)
            lines = io.StringIO(text, newline="")
            return _read_films(
                name,
                lines,
                delimiter,
                lambda: progress(lines.tell(), len(text)) if progress else None,
            )
    finally:
        csv.field_size_limit(previous_limit)


def _read_films(
    name: str, lines: IO[str], delimiter: str, report: Callable[[], None]
) -> tuple[FilmBatch, list[Problem]]:
    """The films of a CSV file's lines; ``report`` tells progress after each piece."""
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None:
            raise UnreadableFileError([Problem(name, 1, None, "has no header row")])
        films = _FilmsRead(name, _header_columns(name, header), reader.line_num)
        # A piece at a time: each piece's rows are gone once its films are taken, so a large
        # file never has all its rows in memory at once.
        while piece := list(islice(reader, _READ_PIECE)):
            films.add(piece, reader.line_num)
            report()
    except csv.Error as exc:
        raise UnreadableFileError(
            [Problem(name, reader.line_num, None, f"is not readable as CSV ({exc})")]
        ) from None
    return films.result()


def _header_columns(name: str, header: list[str]) -> list[str]:
    """The header's column names; UnreadableFileError when filmdesk cannot use them."""
    columns = [h.strip().lower().lstrip("\ufeff") for h in header]
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
    repeated = sorted({c for c in columns if c in COLUMNS and columns.count(c) > 1})
    if repeated:
        raise UnreadableFileError(
            [Problem(name, 1, None, f"has more than one column named {', '.join(repeated)}")]
        )
    unknown = [c for c in columns if c and c not in COLUMNS and c != "id"]
    if unknown:
        raise UnreadableFileError(
            [Problem(name, 1, None, f"has columns filmdesk does not know: {', '.join(unknown)}")]
        )
    return columns


class _FilmsRead:
    """The films of a CSV file, taken from its rows a piece at a time.

    Column by column for speed (100,000 rows in well under a second); a row with anything
    unusual (a bad or oversized cell, wrong length, no title) is read again on its own.
    """

    def __init__(self, name: str, columns: list[str], header_end: int) -> None:
        self.name = name
        self.columns = columns
        self.given = frozenset(c for c in columns if c in COLUMNS)
        self.values: dict[str, list[object]] = {field: [] for field in FIELD_NAMES}
        self.known: dict[str, dict[str, object]] = {column: {} for column in self.given}
        self.lines: list[int] = []
        # Each film's row number (0: the first after the header), a piece at a time.
        self.positions: list[Sequence[int]] = []
        self.careful_films: dict[int, IncomingFilm] = {}
        self.problems: list[Problem] = []
        self.read = 0  # rows read so far
        self.last_line = header_end  # the line the rows read so far end on

    def add(self, piece: list[list[str]], last_line: int) -> None:
        """Take the films of ``piece``, rows that end on line ``last_line``."""
        ends = _row_ends(piece, self.last_line, last_line)
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
                        column, cells_by_column[number], self.known[column]
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
            read = _row_films(self.name, self.columns, ends[at], piece[at])
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
        self.last_line = last_line

    def result(self) -> tuple[FilmBatch, list[Problem]]:
        """Every film read, in file order, and every problem found."""
        batch = FilmBatch(self.values, self.lines, self.given)
        if self.careful_films:  # rows read one by one join the others, in file order
            positions = chain.from_iterable(self.positions)
            merged = dict(zip(positions, batch, strict=True)) | self.careful_films
            batch = FilmBatch.of([merged[index] for index in sorted(merged)])
        return batch, self.problems


def _value(column: str, cell: str) -> object:
    """A cell as its field's check takes it (None for a yes/no that is neither)."""
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
    if kind in (Kind.INT, Kind.RATING, Kind.DATE):
        return text or None
    return text
