"""filmdesk CSV: one row per film with every field, the user's own included.

Header names are stable (see ``COLUMNS``); lists (directors, countries, tags) share one cell,
separated by `` | ``; dates are ISO (2026-11-27); rating is 0.5 to 5 in half stars or empty;
watched is ``yes`` or ``no``. Notes keep their newlines, quotes and commas (standard CSV quoting).

Cells a spreadsheet would run as a formula (starting with ``= + - @``, a tab or a carriage
return) are written with a leading apostrophe, as OWASP advises; reading filmdesk CSV removes it
again, so nothing is lost.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO

from filmdesk.core.exchange import IncomingFilm, Problem, Progress, UnreadableFileError
from filmdesk.core.exchange.textfile import guess_delimiter, read_text, replaced_atomically
from filmdesk.core.records import FilmRecord
from filmdesk.core.validation import FIELD_NAMES, ValidationError, clean_film_fields

# The header, in this order: every film field (a test pins it, since files depend on it).
COLUMNS: tuple[str, ...] = FIELD_NAMES
LIST_SEPARATOR = " | "
LIST_COLUMNS = ("directors", "countries", "tags")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL = 1_000_000


_RISKY_FIRST = frozenset("=+-@\t\r'")


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


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def _cells(film: FilmRecord) -> list[str]:
    # In COLUMNS order (a test pins the header; this list follows it).
    return [
        neutralise(film.title),
        neutralise(film.original_title),
        str(film.year or ""),
        neutralise(LIST_SEPARATOR.join(film.directors)),
        neutralise(LIST_SEPARATOR.join(film.countries)),
        str(film.runtime_minutes or ""),
        neutralise(film.description),
        neutralise(film.fact),
        neutralise(film.trailer_url),
        neutralise(film.availability_note),
        _iso(film.availability_checked_on),
        film.imdb_id or "",
        neutralise(film.letterboxd_uri or ""),
        "" if film.rating is None else f"{film.rating:g}",
        "yes" if film.watched else "no",
        _iso(film.watched_on),
        neutralise(film.notes),
        neutralise(LIST_SEPARATOR.join(film.tags)),
    ]


def write_csv(out: IO[str], films: Iterable[FilmRecord], *, delimiter: str = ",") -> int:
    """Write films as filmdesk CSV to an open text stream; returns how many."""
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    for film in films:
        writer.writerow(_cells(film))
        count += 1
    return count


def export_csv(
    path: Path,
    films: Iterable[FilmRecord],
    *,
    bom: bool = True,
    delimiter: str = ",",
) -> int:
    """Write a CSV file atomically: an existing file is replaced only once the new one is whole.

    UTF-8 with a BOM by default, so Excel shows Cyrillic correctly.
    """
    encoding = "utf-8-sig" if bom else "utf-8"
    with replaced_atomically(Path(path), encoding=encoding, newline="") as out:
        count = write_csv(out, films, delimiter=delimiter)
    return count


def _rows(text: str, name: str) -> Iterator[tuple[int, list[str]]]:
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=guess_delimiter(first_line))
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise UnreadableFileError(
                [Problem(name, reader.line_num, None, f"is not readable as CSV ({exc})")]
            ) from None
        yield reader.line_num, row


def read_csv(
    path: Path, progress: Progress | None = None
) -> tuple[list[IncomingFilm], list[Problem]]:
    """Films from a filmdesk CSV file, with every problem found (file, line, field).

    Raises UnreadableFileError when the file as a whole cannot be used.
    """
    name = str(path)
    text, _encoding = read_text(path)
    # Read oversized cells whole, so the problem can name their line and column.
    previous_limit = csv.field_size_limit(2**31 - 1)
    try:
        rows = _rows(text, name)
        try:
            _line, header = next(rows)
        except StopIteration:
            raise UnreadableFileError([Problem(name, 1, None, "has no header row")]) from None
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
        unknown = [c for c in columns if c and c not in COLUMNS and c != "id"]
        if unknown:
            raise UnreadableFileError(
                [
                    Problem(
                        name, 1, None, f"has columns filmdesk does not know: {', '.join(unknown)}"
                    )
                ]
            )
        films: list[IncomingFilm] = []
        problems: list[Problem] = []
        total_lines = text.count("\n") + 1
        for line, row in rows:
            if progress is not None and line % 2000 == 0:
                progress(line, total_lines)
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(columns):
                problems.append(
                    Problem(
                        name, line, None, f"has {len(row)} cells; the header has {len(columns)}"
                    )
                )
                continue
            raw: dict[str, object] = {}
            bad = False
            for column, cell in zip(columns, row, strict=False):
                if column not in COLUMNS:
                    continue
                if len(cell) > MAX_CELL:
                    problems.append(
                        Problem(
                            name, line, column, f"is {len(cell):,} characters; at most {MAX_CELL:,}"
                        )
                    )
                    bad = True
                    continue
                raw[column] = _value(column, restore(cell))
            if bad:
                continue
            if "watched" in raw and raw["watched"] is None:
                problems.append(Problem(name, line, "watched", "expects yes or no"))
                continue
            if raw.get("watched") is False and raw.get("watched_on"):
                problems.append(
                    Problem(name, line, "watched_on", "has a date, but watched says no")
                )
                continue
            try:
                fields = clean_film_fields(
                    {k: v for k, v in raw.items() if v is not None or k in ("rating",)}
                )
            except ValidationError as exc:
                problems += [Problem(name, line, p.field, p.message) for p in exc.problems]
                continue
            if "title" not in fields:
                problems.append(Problem(name, line, "title", "a title is required"))
                continue
            films.append(IncomingFilm(line, fields))
        return films, problems
    finally:
        csv.field_size_limit(previous_limit)


def _value(column: str, cell: str) -> object:
    text = cell.strip() if column not in ("notes", "description", "fact") else cell
    if column in LIST_COLUMNS:
        return [part.strip() for part in cell.split(LIST_SEPARATOR.strip()) if part.strip()]
    if column == "watched":
        folded = text.casefold()
        if folded in ("yes", "y", "true", "1", "да", "x", "✓"):
            return True
        if folded in ("", "no", "n", "false", "0", "нет"):
            return False
        return None
    if column in ("year", "runtime_minutes", "rating", "availability_checked_on", "watched_on"):
        return text or None
    return text
