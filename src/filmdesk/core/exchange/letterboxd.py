"""Letterboxd: importing its export (the ZIP, or any of its CSVs) and writing its import CSV.

What Letterboxd's export holds, and what filmdesk keeps of it:

* watched.csv, ratings.csv, diary.csv, reviews.csv: watched (with the latest watched date from
  the diary), the rating (0.5-5), diary tags, reviews as notes (several joined by a blank
  line), a rewatch as the tag ``rewatch``, the Letterboxd URI;
* watchlist.csv: unwatched films with the tag ``watchlist``;
* lists/*.csv (or one list's CSV on its own): each list becomes a screening list with the
  list's name and description, its films in Letterboxd's order and each film's list notes as
  the entry's note.

Films are combined across files by name and year.

A screening list is written in the CSV Letterboxd's list importer reads (letterboxd.com,
New list, Import): one row per film in order, with ``Position, Title, Year, Directors,
imdbID, LetterboxdURI, Review``. Letterboxd matches a film by its LetterboxdURI or imdbID
when given, else by title, year and directors; the list keeps the rows' order; ``Review``
carries the entry's note.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

from filmdesk.core.exchange import (
    IncomingEntry,
    IncomingFilm,
    IncomingList,
    Problem,
    UnreadableFileError,
)
from filmdesk.core.exchange.textfile import read_text, replaced_atomically
from filmdesk.core.folding import fold
from filmdesk.core.records import FilmRecord, ScreeningListRecord
from filmdesk.core.validation import (
    MAX_NAME,
    ValidationError,
    check_long_text,
    clean_film_fields,
)

EXPORT_COLUMNS = ("Title", "Year", "Rating", "WatchedDate", "Tags", "Review", "imdbID",
                  "LetterboxdURI")  # fmt: skip
KNOWN_FILES = ("watched.csv", "ratings.csv", "diary.csv", "reviews.csv", "watchlist.csv")
LIST_EXPORT_COLUMNS = ("Position", "Title", "Year", "Directors", "imdbID", "LetterboxdURI",
                       "Review")  # fmt: skip


def export_letterboxd(path: Path, films: Iterable[FilmRecord]) -> int:
    """A CSV Letterboxd's importer accepts (written atomically, UTF-8)."""
    count = 0
    with replaced_atomically(Path(path), newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(EXPORT_COLUMNS)
        for film in films:
            writer.writerow(
                [
                    film.title,
                    film.year or "",
                    "" if film.rating is None else f"{film.rating:g}",
                    film.watched_on.isoformat() if film.watched_on else "",
                    ", ".join(film.tags),
                    film.notes,
                    film.imdb_id or "",
                    film.letterboxd_uri or "",
                ]
            )
            count += 1
    return count


def export_letterboxd_list(path: Path, screening_list: ScreeningListRecord) -> int:
    """A screening list as the CSV Letterboxd's list importer reads (atomically, UTF-8)."""
    with replaced_atomically(Path(path), newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(LIST_EXPORT_COLUMNS)
        for entry in screening_list.entries:
            film = entry.film
            writer.writerow(
                [
                    entry.position,
                    film.title,
                    film.year or "",
                    ", ".join(film.directors),
                    film.imdb_id or "",
                    film.letterboxd_uri or "",
                    entry.note,
                ]
            )
    return screening_list.film_count


def looks_like_letterboxd(header: list[str]) -> bool:
    """True for the header of one of Letterboxd's export CSVs (or a list export)."""
    names = {h.strip() for h in header}
    return "Letterboxd URI" in names or (header[:1] == ["Letterboxd list export v7"])


class _Film:
    def __init__(self, name: str, year: str, line: int) -> None:
        self.name, self.year, self.line = name, year, line
        self.uri = ""
        self.rating = ""
        self.watched = False
        self.watched_on = ""
        self.tags: list[str] = []
        self.reviews: list[str] = []


def _files(path: Path) -> list[tuple[str, str]]:
    """(name, text) of each CSV to read: the ZIP's known files and lists, or the one file."""
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                names = [
                    n
                    for n in archive.namelist()
                    if Path(n).name in KNOWN_FILES
                    or (n.startswith("lists/") and n.endswith(".csv"))
                ]
                if not names:
                    raise UnreadableFileError(
                        [Problem(str(path), None, None, "is a ZIP without Letterboxd's CSV files")]
                    )
                return [(n, archive.read(n).decode("utf-8-sig")) for n in sorted(names)]
        except (zipfile.BadZipFile, OSError, UnicodeDecodeError) as exc:
            raise UnreadableFileError(
                [Problem(str(path), None, None, f"is a damaged ZIP archive ({exc})")]
            ) from None
    text, _ = read_text(path)
    return [(path.name, text)]


def _list_header(lines: list[str], name: str) -> tuple[str, str, int]:
    """(name, description, first line of the films) of a Letterboxd list export.

    The file starts ``Letterboxd list export v7``, then a header ``Date,Name,Tags,URL,
    Description`` and one row about the list (the description may span lines), a blank line,
    and the films under ``Position,Name,Year,URL,Description``.
    """
    start = next((i for i, line in enumerate(lines) if line.startswith("Position,")), 0)
    meta = list(csv.DictReader(io.StringIO("".join(lines[1:start]))))
    about = meta[0] if meta else {}
    list_name = " ".join((about.get("Name") or "").split())[:MAX_NAME] or Path(name).stem
    return list_name, (about.get("Description") or "").strip(), start


def _position(row: dict[str, str], default: int) -> int:
    try:
        return int((row.get("Position") or "").strip())
    except ValueError:
        return default


def read_letterboxd(path: Path) -> tuple[list[IncomingFilm], list[IncomingList], list[Problem]]:
    """Films and lists from a Letterboxd export, films combined across its files.

    Each film's ``ref`` is its (folded name, year); the lists' entries refer to it.
    """
    films: dict[tuple[str, str], _Film] = {}
    lists: list[IncomingList] = []
    problems: list[Problem] = []
    for name, text in _files(path):
        where = f"{path}:{name}" if name != path.name else str(path)
        lines = text.splitlines(keepends=True)
        list_name = list_description = ""
        start = 0
        entries: list[tuple[int, IncomingEntry]] = []
        if lines and lines[0].startswith("Letterboxd list export"):
            list_name, list_description, start = _list_header(lines, name)
        reader = csv.DictReader(io.StringIO("".join(lines[start:])))
        base = Path(name).name
        for row in reader:
            line = reader.line_num + start
            title = (row.get("Name") or "").strip()
            year = (row.get("Year") or "").strip()
            if not title:
                problems.append(Problem(where, line, "Name", "is empty"))
                continue
            key = (fold(title), year)
            film = films.setdefault(key, _Film(title, year, line))
            if list_name:
                try:
                    note = check_long_text(row.get("Description") or "")
                except ValueError as exc:
                    problems.append(Problem(where, line, "Description", str(exc)))
                    note = ""
                entries.append(
                    (_position(row, len(entries) + 1), IncomingEntry(key, {"note": note}))
                )
            uri = (row.get("Letterboxd URI") or row.get("URL") or "").strip()
            if uri and (not film.uri or base == "watched.csv"):
                film.uri = uri
            if row.get("Rating"):
                film.rating = row["Rating"].strip()
            if base in ("watched.csv", "ratings.csv", "diary.csv", "reviews.csv"):
                film.watched = True
            watched_date = (row.get("Watched Date") or "").strip()
            if watched_date > film.watched_on:
                film.watched_on = watched_date
            tags = [t.strip() for t in (row.get("Tags") or "").split(",") if t.strip()]
            if (row.get("Rewatch") or "").strip().lower() == "yes":
                tags.append("rewatch")
            if base == "watchlist.csv":
                tags.append("watchlist")
            film.tags += [t for t in tags if t.casefold() not in map(str.casefold, film.tags)]
            review = (row.get("Review") or "").strip()
            if review and review not in film.reviews:
                film.reviews.append(review)
        if list_name:
            entries.sort(key=lambda item: item[0])  # stable: equal positions keep file order
            unique: dict[object, IncomingEntry] = {}
            for _, entry in entries:
                unique.setdefault(entry.ref, entry)  # a film is in a list once
            lists.append(
                IncomingList(
                    list_name, description=list_description, entries=tuple(unique.values())
                )
            )
    incoming: list[IncomingFilm] = []
    for key, film in films.items():
        raw: dict[str, object] = {"title": film.name, "tags": film.tags}
        if film.year:
            raw["year"] = film.year
        if film.uri:
            raw["letterboxd_uri"] = film.uri
        if film.rating:
            raw["rating"] = film.rating
        if film.watched:
            raw["watched"] = True
            if film.watched_on:
                raw["watched_on"] = film.watched_on
        if film.reviews:
            raw["notes"] = "\n\n".join(film.reviews)
        try:
            incoming.append(IncomingFilm(film.line, clean_film_fields(raw), ref=key))
        except ValidationError as exc:
            problems += [Problem(str(path), film.line, p.field, p.message) for p in exc.problems]
    return incoming, lists, problems
