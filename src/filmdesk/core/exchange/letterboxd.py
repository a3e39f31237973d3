"""Letterboxd: importing its export (the ZIP, or any of its CSVs) and writing its import CSV.

What Letterboxd's export holds, and what filmdesk keeps of it:

* watched.csv, ratings.csv, diary.csv, reviews.csv: watched (with the latest watched date from
  the diary), the rating (0.5-5), diary tags, reviews as notes (several joined by a blank
  line), a rewatch as the tag ``rewatch``, the Letterboxd URI;
* watchlist.csv: unwatched films with the tag ``watchlist``;
* lists/*.csv: each list becomes a tag with the list's name.

Films are combined across files by name and year.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

from filmdesk.core.exchange import IncomingFilm, Problem, UnreadableFileError
from filmdesk.core.exchange.textfile import read_text, replaced_atomically
from filmdesk.core.records import FilmRecord
from filmdesk.core.search import fold
from filmdesk.core.validation import ValidationError, clean_film_fields

EXPORT_COLUMNS = ("Title", "Year", "Rating", "WatchedDate", "Tags", "Review", "imdbID",
                  "LetterboxdURI")  # fmt: skip
KNOWN_FILES = ("watched.csv", "ratings.csv", "diary.csv", "reviews.csv", "watchlist.csv")


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


def read_letterboxd(path: Path) -> tuple[list[IncomingFilm], list[Problem]]:
    """Films from a Letterboxd export, combined across its files."""
    films: dict[tuple[str, str], _Film] = {}
    problems: list[Problem] = []
    for name, text in _files(path):
        where = f"{path}:{name}" if name != path.name else str(path)
        lines = text.splitlines(keepends=True)
        list_name = ""
        start = 0
        if lines and lines[0].startswith("Letterboxd list export"):
            meta = list(csv.reader(lines[1:3]))
            list_name = (
                meta[1][1].strip() if len(meta) > 1 and len(meta[1]) > 1 else Path(name).stem
            )
            start = next((i for i, line in enumerate(lines) if line.startswith("Position,")), 0)
        reader = csv.DictReader(io.StringIO("".join(lines[start:])))
        base = Path(name).name
        for row in reader:
            line = reader.line_num + start
            title = (row.get("Name") or "").strip()
            year = (row.get("Year") or "").strip()
            if not title:
                problems.append(Problem(where, line, "Name", "is empty"))
                continue
            film = films.setdefault((fold(title), year), _Film(title, year, line))
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
            if list_name:
                tags.append(list_name)
            film.tags += [t for t in tags if t.casefold() not in map(str.casefold, film.tags)]
            review = (row.get("Review") or "").strip()
            if review and review not in film.reviews:
                film.reviews.append(review)
    incoming: list[IncomingFilm] = []
    for film in films.values():
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
            incoming.append(IncomingFilm(film.line, clean_film_fields(raw)))
        except ValidationError as exc:
            problems += [Problem(str(path), film.line, p.field, p.message) for p in exc.problems]
    return incoming, problems
