"""A screening list as CSV: one row per entry, in the list's order, for a spreadsheet.

Header (a test pins it): ``position, date, time, title, original_title, year, directors,
runtime_minutes, note, screened, screened_on, imdb_id, letterboxd_uri``. ``date`` is
``YYYY-MM-DD`` and ``time`` ``HH:MM`` (empty when only the day is set); directors share a cell,
separated by `` | ``; ``screened`` is ``yes``/``no``. Written like filmdesk CSV: UTF-8 with a
byte-order mark, formula-looking cells with a leading ``'``.

Reading such a file back makes a screening list named after the file (``year-9.csv`` ->
``year-9``): its films are matched to the catalog (or added) as any import does, and the
entries keep their order, dates, notes and screening log.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from filmdesk.core.checks import MAX_NAME
from filmdesk.core.exchange import (
    IncomingEntry,
    IncomingFilm,
    IncomingList,
    Problem,
    UnreadableFileError,
)
from filmdesk.core.exchange.csv_format import LIST_SEPARATOR, CsvWriter, restore
from filmdesk.core.exchange.csv_rows import cell_too_long, csv_rows
from filmdesk.core.exchange.textfile import (
    first_line_of,
    guess_delimiter,
    read_text,
    replaced_atomically,
)
from filmdesk.core.records import ScreeningListRecord
from filmdesk.core.validation import (
    FieldProblem,
    ValidationError,
    clean_entry_fields,
    clean_film_fields,
)

COLUMNS = (
    "position",
    "date",
    "time",
    "title",
    "original_title",
    "year",
    "directors",
    "runtime_minutes",
    "note",
    "screened",
    "screened_on",
    "imdb_id",
    "letterboxd_uri",
)
FILM_COLUMNS = ("title", "original_title", "year", "runtime_minutes", "imdb_id", "letterboxd_uri")


def looks_like_list_csv(header: list[str]) -> bool:
    """True for the header of a screening list CSV."""
    names = {h.strip().lower().lstrip("\ufeff") for h in header}
    return {"position", "title", "note"} <= names


def write_list_csv(out: IO[str], screening_list: ScreeningListRecord, delimiter: str = ",") -> int:
    """Write the list's entries, in order, to an open text stream; returns how many."""
    writer = CsvWriter(out, delimiter=delimiter)
    writer.row(COLUMNS)
    for entry in screening_list.entries:
        film = entry.film
        at = entry.scheduled_at
        writer.row(
            [
                entry.position,
                at.date().isoformat() if at else "",
                at.strftime("%H:%M") if at and entry.has_time else "",
                film.title,
                film.original_title,
                film.year or "",
                LIST_SEPARATOR.join(film.directors),
                film.runtime_minutes or "",
                entry.note,
                "yes" if entry.screened else "no",
                entry.screened_on.isoformat() if entry.screened_on else "",
                film.imdb_id or "",
                film.letterboxd_uri or "",
            ]
        )
    return screening_list.film_count


def export_list_csv(
    path: Path, screening_list: ScreeningListRecord, *, bom: bool = True, delimiter: str = ","
) -> int:
    """Write the list as CSV atomically (UTF-8 with a BOM by default, so Excel shows
    Cyrillic); returns the number of entries."""
    encoding = "utf-8-sig" if bom else "utf-8"
    with replaced_atomically(Path(path), encoding=encoding, newline="") as out:
        return write_list_csv(out, screening_list, delimiter)


def read_list_csv(path: Path) -> tuple[list[IncomingFilm], list[IncomingList], list[Problem]]:
    """The films and the screening list of a list CSV, with every problem (line, field)."""
    name = str(path)
    text, _encoding = read_text(path)
    rows = csv_rows(text, name, delimiter=guess_delimiter(first_line_of(text)))
    first = next(rows, None)
    if first is None or not any(cell.strip() for cell in first[1]):
        raise UnreadableFileError([Problem(name, 1, None, "has no header row")])
    too_long = cell_too_long(name, 1, first[1], first[1])
    if too_long is not None:
        raise UnreadableFileError([too_long])
    header = [h.strip().lower().lstrip("\ufeff") for h in first[1]]
    if not looks_like_list_csv(header):
        raise UnreadableFileError(
            [Problem(name, 1, None, "is not a screening list CSV (" + ",".join(COLUMNS) + ")")]
        )
    films: list[IncomingFilm] = []
    entries: list[tuple[int, IncomingEntry]] = []
    problems: list[Problem] = []
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        too_long = cell_too_long(name, line, header, row)
        if too_long is not None:
            problems.append(too_long)
            continue
        cells = {c: restore(v) for c, v in zip(header, row, strict=False) if c in COLUMNS}
        try:
            film, entry, position = _row(cells, line)
        except ValidationError as exc:
            problems += [Problem(name, line, p.field, p.message) for p in exc.problems]
            continue
        films.append(film)
        entries.append((position, entry))
    entries.sort(key=lambda item: item[0])
    list_name = " ".join(path.stem.split())[:MAX_NAME] or "Imported list"
    return films, [IncomingList(list_name, entries=tuple(e for _, e in entries))], problems


def _row(cells: dict[str, str], line: int) -> tuple[IncomingFilm, IncomingEntry, int]:
    raw: dict[str, object] = {c: cells[c].strip() for c in FILM_COLUMNS if cells.get(c, "").strip()}
    if cells.get("directors", "").strip():
        raw["directors"] = [d.strip() for d in cells["directors"].split("|") if d.strip()]
    problems: list[FieldProblem] = []
    try:
        fields = clean_film_fields(raw)
    except ValidationError as exc:
        problems += exc.problems
        fields = {}
    if "title" not in raw:
        problems.append(FieldProblem("title", "a title is required"))
    day, time = cells.get("date", "").strip(), cells.get("time", "").strip()
    entry_raw: dict[str, object] = {"note": cells.get("note", "")}
    if day:
        entry_raw["scheduled_at"] = f"{day}T{time}" if time else day
    elif time:
        problems.append(FieldProblem("time", f"{time!r} has no date"))
    screened = cells.get("screened", "").strip().casefold()
    if screened not in ("", "yes", "no"):
        problems.append(FieldProblem("screened", f"{screened!r} is not yes or no"))
    elif screened:
        entry_raw["screened"] = screened == "yes"
    if cells.get("screened_on", "").strip():
        entry_raw["screened_on"] = cells["screened_on"].strip()
    try:
        entry_fields = clean_entry_fields(entry_raw)
    except ValidationError as exc:
        problems += exc.problems
        entry_fields = {}
    try:
        position = int(cells.get("position", "").strip() or line)
    except ValueError:
        problems.append(FieldProblem("position", f"{cells['position']!r} is not a number"))
        position = line
    if problems:
        raise ValidationError(problems)
    ref = ("list-csv", line)
    return IncomingFilm(line, fields, ref=ref), IncomingEntry(ref, entry_fields), position
