"""filmdesk CSV: one row per film with every field, the user's own included.

Header names are stable (see ``COLUMNS``); lists (directors, countries, tags) share one cell,
separated by `` | ``; dates are ISO (2026-11-27); rating is 0.5 to 5 in half stars or empty;
watched is ``yes`` or ``no``. Notes keep their newlines, quotes and commas (standard CSV quoting).
The last column, ``viewings``, holds every time the film was watched, in order, separated by
`` | ``: each its day (``undated`` when not known), the rating given then and ``rewatch``, as in
``2021-05-09 3.5 | 2024-01-04 rewatch``; the viewings' notes travel in the JSON backup. A file
without the column gives a watched film one viewing, on its watch date.

Reading (``csv_reading``) also takes what a spreadsheet (Excel, LibreOffice) leaves when it
saves the file again:

* dates (``watched_on``, ``availability_checked_on``) as ``YYYY-MM-DD``, ``M/D/YYYY``,
  ``D/M/YYYY`` or ``D.M.YYYY``, with or without leading zeros, years of four digits or two
  (``4/18/26`` is 2026). Whether the day or the month comes first is decided for the whole file
  by its own dates (``filmdesk.core.exchange.dates``): ``18/04/2026`` can only be day first,
  ``4/18/2026`` only month first. A file with dates of both kinds is read the way its first such
  date reads, and every date that reads only the other way is a problem (its line and field).
  When no date settles it, slashes are read month first (as Excel writes in the US) and dots
  day first, and a notice says so, naming the first date that could be read either way;
* ratings with a decimal comma (``4,5``);
* a rating out of 10, in a column headed ``rating10``, ``rating/10``, ``rating (1-10)`` or
  ``rating (out of 10)`` (any case and spacing) instead of ``rating``: it is halved into stars
  (7 is 3.5); a value that does not halve into a half star (7.5, 0, 11) is a problem naming
  that column.

Cells a spreadsheet would run as a formula (starting with ``= + - @``, a tab or a carriage
return) are written with a leading apostrophe, as OWASP advises; reading filmdesk CSV removes it
again, so nothing is lost.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import fields as dataclass_fields
from datetime import date
from itertools import islice
from operator import itemgetter
from pathlib import Path
from typing import IO, Any

from filmdesk.core.collector import collector_paused
from filmdesk.core.exchange.textfile import (
    replaced_atomically,
)
from filmdesk.core.fields import FIELD_NAMES, FIELDS, INPUT_FIELDS, Kind
from filmdesk.core.progress import Progress
from filmdesk.core.records import FilmPieces, FilmRecord, ViewingRecord, record_values

# The header, in this order: every film field an edit or a file may give (a test pins it,
# since files depend on it), then the film's viewings.
COLUMNS: tuple[str, ...] = FIELD_NAMES
VIEWINGS_COLUMN = "viewings"
HEADER: tuple[str, ...] = (*COLUMNS, VIEWINGS_COLUMN)
UNDATED = "undated"  # a viewing whose day is not known, in the viewings column
REWATCH = "rewatch"
LIST_SEPARATOR = " | "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


_RISKY_FIRST = frozenset("=+-@\t\r'")
_RISKY_LINE = re.compile("\n[" + re.escape("".join(sorted(_RISKY_FIRST))) + "]")
_FIRST_CHARACTER = itemgetter(slice(0, 1))  # ('' for an empty cell)


def neutralise(text: str) -> str:
    """A cell value a spreadsheet will show as text, never run as a formula."""
    if not text or text[0] not in _RISKY_FIRST:  # almost every cell: nothing to look at
        return text
    return "'" + text if text.lstrip("'").startswith(FORMULA_STARTS) else text


def restore(text: str) -> str:
    """Undo ``neutralise``."""
    if not text or text[0] != "'":  # almost every cell
        return text
    if text.lstrip("'").startswith(FORMULA_STARTS):
        return text[1:]
    return text


FilmColumns = Mapping[str, Sequence[Any]]  # what Catalog.film_columns gives


def _columns_of(films: Iterable[FilmRecord] | FilmColumns) -> FilmColumns:
    if isinstance(films, Mapping):
        return films
    records = list(films)
    values = zip(*(record_values(film) for film in records), strict=True)
    names = (f.name for f in dataclass_fields(FilmRecord))
    return dict(zip(names, (list(column) for column in values), strict=False)) or {
        name: [] for name in COLUMNS
    }


def viewings_text(viewings: Sequence[ViewingRecord]) -> str:
    """A film's viewings in one cell, in the order they happened, separated by `` | ``: each
    its day (``undated`` when not known), the rating given then, and ``rewatch``:
    ``2021-05-09 3.5 | 2024-01-04 rewatch | undated``. (Their notes are in the JSON backup.)"""
    parts = []
    for viewing in viewings:
        words = [viewing.watched_on.isoformat() if viewing.watched_on else UNDATED]
        if viewing.rating is not None:
            words.append(f"{viewing.rating:g}")
        if viewing.rewatch:
            words.append(REWATCH)
        parts.append(" ".join(words))
    return LIST_SEPARATOR.join(parts)


def _cells(films: Iterable[FilmRecord] | FilmColumns) -> list[Sequence[object]]:
    """The CSV columns, in COLUMNS order (a test pins the header; this follows it), as text
    (the writer neutralises what a spreadsheet could run).

    Column by column: each distinct list, date or rating is formatted once.
    """
    columns = _columns_of(films)

    def each(name: str, convert: Callable[[Any], str]) -> list[str]:
        values = columns[name]
        done = {value: convert(value) for value in set(values)}
        return list(map(done.__getitem__, values))

    def names(value: tuple[str, ...]) -> str:
        return LIST_SEPARATOR.join(value)

    def day(value: date | None) -> str:
        return value.isoformat() if value else ""

    def rating(value: float | None) -> str:
        return "" if value is None else f"{value:g}"

    def yes_no(value: bool) -> str:
        return "yes" if value else "no"

    def cells(name: str, kind: Kind) -> Sequence[object]:
        if FIELDS[name].empty is None and kind in _TEXT_CELLS:
            values = columns[name]  # None, for no address, is an empty cell
            return [value or "" for value in values] if None in values else values
        if kind in (Kind.NAMES, Kind.TAGS):
            return each(name, names)
        if kind is Kind.DATE:
            return each(name, day)
        if kind is Kind.RATING:
            return each(name, rating)
        if kind is Kind.BOOL:
            return each(name, yes_no)
        return columns[name]  # text as it is, numbers, IMDb ids

    return [cells(field.name, field.kind) for field in INPUT_FIELDS]


# Text a spreadsheet could take for a formula, looked at before it is written.
_TEXT_CELLS = frozenset({Kind.LINE, Kind.TEXT, Kind.TEXT_AS_TYPED, Kind.URL})


def _safe_column(values: Sequence[Any]) -> Sequence[object]:
    """A column with every text cell ``neutralise``d; the column itself when none needs it
    (almost always).

    A column of short texts (titles, names, dates) is looked at as one string, its cells a line
    each: no line may begin with a character a formula could begin with. A cell with a line
    break of its own may be taken for risky when it is not; every cell is then looked at
    alone. Longer texts (descriptions, notes) cost more to join than to look at the first
    character of each.
    """
    try:
        sample = values[:_SAMPLE]  # (TypeError for a number or None)
        if sum(map(len, sample)) <= _JOINED_UP_TO * len(sample):
            joined = "\n".join(values)
            if joined[:1] not in _RISKY_FIRST and _RISKY_LINE.search(joined) is None:
                return values
            return [neutralise(v) if isinstance(v, str) else v for v in values]
        firsts = set(map(_FIRST_CHARACTER, values))
    except TypeError:  # numbers (years, runtimes), with None: few distinct values to look at
        firsts = {v[:1] for v in set(values) if isinstance(v, str)}
    if _RISKY_FIRST.isdisjoint(firsts):
        return values
    return [neutralise(v) if isinstance(v, str) else v for v in values]


_SAMPLE = 100  # cells whose mean length decides how a column is looked at
_JOINED_UP_TO = 32  # characters a cell, on the mean: joined below, cell by cell above


class CsvWriter:
    """The one way filmdesk writes CSV, for every file it writes (filmdesk CSV, a screening
    list's CSV, the CSVs Letterboxd's importers read): standard quoting, CRLF line ends, and
    every text cell a spreadsheet would run as a formula written with a leading apostrophe
    (``neutralise``), whoever reads the file next."""

    def __init__(self, out: IO[str], *, delimiter: str = ",") -> None:
        self._writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")

    def row(self, cells: Iterable[object]) -> None:
        """Write one row."""
        self._writer.writerow([neutralise(c) if isinstance(c, str) else c for c in cells])

    def columns(self, columns: Sequence[Sequence[object]], progress: Progress | None = None) -> int:
        """Write the rows that ``columns`` (all of one length) make, a piece at a time;
        ``progress(done, total)`` is called between pieces (it may raise ImportCancelled).
        Returns how many rows."""
        total = len(columns[0]) if columns else 0
        rows = zip(*map(_safe_column, columns), strict=True)
        for done in range(0, total, _WRITE_PIECE):
            if progress is not None:
                progress(done, total)
            self._writer.writerows(islice(rows, _WRITE_PIECE))
        return total


def write_csv(
    out: IO[str],
    films: Iterable[FilmRecord] | FilmColumns | FilmPieces,
    *,
    delimiter: str = ",",
    progress: Progress | None = None,
    viewings: Mapping[int, Sequence[ViewingRecord]] | None = None,
) -> int:
    """Write films (records, ``Catalog.film_columns``: quicker, or ``FilmPieces``: a piece
    at a time, with their viewings) as filmdesk CSV; how many.

    With ``viewings`` (film id -> its viewings), the last column holds them; pieces always
    bring their own (and ``viewings`` is not taken with them). ``progress(done, total)`` is
    called now and then; it may raise ImportCancelled to stop.
    """
    writer = CsvWriter(out, delimiter=delimiter)
    if isinstance(films, FilmPieces):
        total, pieces, with_viewings = films.total, films.pieces, True
    else:
        columns = _columns_of(films)
        total, pieces = len(columns["id"]), [(columns, viewings or {})]
        with_viewings = viewings is not None
    writer.row(HEADER if with_viewings else COLUMNS)
    done = 0
    for columns, seen in pieces:
        cells = _cells(columns)
        if with_viewings:
            cells.append([viewings_text(seen.get(i, ())) for i in columns["id"]])
        done += writer.columns(cells, _shifted(progress, done, total))
    return done


def _shifted(progress: Progress | None, before: int, total: int) -> Progress | None:
    """``progress`` for a piece of the rows, after ``before`` of ``total``."""
    if progress is None:
        return None
    return lambda done, _: progress(before + done, total)


_WRITE_PIECE = 10_000


@collector_paused()
def export_csv(
    path: Path,
    films: Iterable[FilmRecord] | FilmColumns | FilmPieces,
    *,
    bom: bool = True,
    delimiter: str = ",",
    progress: Progress | None = None,
    viewings: Mapping[int, Sequence[ViewingRecord]] | None = None,
) -> int:
    """Write a CSV file atomically: an existing file is replaced only once the new one is whole
    (a failure or a Cancel leaves the old one).

    UTF-8 with a BOM by default, so Excel shows Cyrillic correctly.
    """
    with replaced_atomically(Path(path), encoding="utf-8", newline="") as out:
        if bom:
            out.write("\ufeff")  # (the utf-8-sig codec would do it, slowly: per write)
        count = write_csv(out, films, delimiter=delimiter, progress=progress, viewings=viewings)
    return count
