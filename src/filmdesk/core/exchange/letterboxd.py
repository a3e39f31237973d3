"""Letterboxd: importing its export (the ZIP, or any of its CSVs) and writing its import CSV.

What Letterboxd's export holds, and what filmdesk keeps of it:

* watched.csv, ratings.csv, diary.csv, reviews.csv: watched, the rating (0.5-5; ratings.csv's
  over the diary's), diary tags, reviews as plain-text notes (several joined by a blank line),
  the film's Letterboxd URI; every diary entry as a viewing (its date, the rating given then,
  rewatch, and its review as the viewing's note). A review is the diary entry of its film and
  day, a viewing of its own only where the diary has none;
* watchlist.csv: unwatched films with the tag ``watchlist``; likes/films.csv: the tag ``liked``;
* lists/*.csv (or one list's CSV on its own, with or without the ``Letterboxd list export v7``
  line): each list becomes a screening list with the list's name and description, its films
  in Letterboxd's order and each film's list notes as the entry's note;
* orphaned/diary.csv and orphaned/reviews.csv (diary rows whose film Letterboxd no longer has,
  without year or URI): films by name, each with a notice;
* deleted/..., profile.csv, comments.csv, likes/lists.csv, likes/reviews.csv: not about the
  user's films, left out with one notice per file.

A diary or review row's URI is the diary entry's, not the film's: those rows find their film by
name and year; the other files' rows by the film's URI. Two films of one name and year with
different URIs stay two films.

A screening list is written in the CSV Letterboxd's list importer reads (letterboxd.com,
New list, Import): one row per film in order, with ``Position, Title, Year, Directors,
imdbID, LetterboxdURI, Review``. Letterboxd matches a film by its LetterboxdURI or imdbID
when given, else by title, year and directors; the list keeps the rows' order; ``Review``
carries the entry's note.
"""

from __future__ import annotations

import zipfile
from collections import Counter, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from filmdesk.core.checks import MAX_NAME, check_long_text
from filmdesk.core.exchange import (
    IncomingEntry,
    IncomingFilm,
    IncomingList,
    Notice,
    Problem,
    UnreadableFileError,
)
from filmdesk.core.exchange.archive import MAX_MEMBERS, MAX_UNPACKED, zip_members
from filmdesk.core.exchange.csv_format import CsvWriter
from filmdesk.core.exchange.csv_rows import MAX_ROWS, cell_too_long, csv_rows
from filmdesk.core.exchange.html_text import html_to_text
from filmdesk.core.exchange.textfile import read_text, replaced_atomically, text_of
from filmdesk.core.folding import fold
from filmdesk.core.records import FilmRecord, ScreeningListRecord, ViewingRecord
from filmdesk.core.validation import (
    ValidationError,
    ViewingFields,
    clean_film_fields,
    clean_viewing_fields,
)

EXPORT_COLUMNS = ("Title", "Year", "Rating", "WatchedDate", "Rewatch", "Tags", "Review",
                  "imdbID", "LetterboxdURI")  # fmt: skip
LIST_EXPORT_COLUMNS = ("Position", "Title", "Year", "Directors", "imdbID", "LetterboxdURI",
                       "Review")  # fmt: skip


def export_letterboxd(
    path: Path,
    films: Iterable[FilmRecord],
    viewings: Mapping[int, Sequence[ViewingRecord]] | None = None,
) -> int:
    """A CSV Letterboxd's importer accepts (written atomically, UTF-8): one row per viewing,
    which it reads as a diary entry (``WatchedDate``, ``Rewatch``, the rating given then, the
    viewing's note as its review), and one row for a film without viewings.

    The film's own rating goes on its latest row where that viewing has none; its notes go
    on the latest row where no viewing has a note (they are the reviews otherwise)."""
    seen = viewings or {}
    count = 0
    with replaced_atomically(Path(path), newline="") as out:
        writer = CsvWriter(out)
        writer.row(EXPORT_COLUMNS)
        for film in films:
            items = seen.get(film.id, ())
            tags = ", ".join(film.tags)
            ids = [film.imdb_id or "", film.letterboxd_uri or ""]
            notes_elsewhere = any(v.note for v in items)
            rows = [(v.watched_on, v.rating, v.rewatch, v.note) for v in items] or [
                (film.watched_on, None, False, "")
            ]
            for number, (on, rating, rewatch, note) in enumerate(rows, start=1):
                latest = number == len(rows)
                if latest and rating is None:
                    rating = film.rating
                if latest and not notes_elsewhere:
                    note = film.notes
                writer.row(
                    [
                        film.title,
                        film.year or "",
                        "" if rating is None else f"{rating:g}",
                        on.isoformat() if on else "",
                        "Yes" if rewatch else "",
                        tags,
                        note,
                        *ids,
                    ]
                )
            count += 1
    return count


def export_letterboxd_list(path: Path, screening_list: ScreeningListRecord) -> int:
    """A screening list as the CSV Letterboxd's list importer reads (atomically, UTF-8)."""
    with replaced_atomically(Path(path), newline="") as out:
        writer = CsvWriter(out)
        writer.row(LIST_EXPORT_COLUMNS)
        for entry in screening_list.entries:
            film = entry.film
            writer.row(
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


LIST_EXPORT_LINE = "Letterboxd list export"
LIST_META_HEADER = ["Date", "Name", "Tags", "URL", "Description"]
LIST_FILMS_HEADER = ["Position", "Name", "Year", "URL"]

# What each file of the export is, by its path inside the ZIP or folder. Rows of "watched",
# "ratings", "watchlist", "liked" and lists carry the film's own URI; rows of "diary" and
# "reviews" carry the diary entry's, so their films are found by name and year.
_FILM_FILES = {
    "watched.csv": "watched",
    "ratings.csv": "ratings",
    "watchlist.csv": "watchlist",
    "likes/films.csv": "liked",
    "diary.csv": "diary",
    "reviews.csv": "reviews",
    "orphaned/diary.csv": "orphaned",
    "orphaned/reviews.csv": "orphaned",
}
# Files that are not about the user's films: one notice each, their rows left out.
_LEFT_OUT = {
    "profile.csv": "your Letterboxd profile, not about films",
    "comments.csv": "comments you wrote on Letterboxd, not about your films",
    "likes/lists.csv": "lists by others you liked, not about your films",
    "likes/reviews.csv": "reviews by others you liked, not about your films",
    "orphaned/comments.csv": "comments on pages Letterboxd no longer has",
}
# Films are read in this order, so that a diary or review row (no film URI) finds the film
# that watched/ratings/watchlist/likes/lists already named with its URI.
_ORDER = ("watched", "ratings", "watchlist", "liked", "list", "diary", "reviews", "orphaned")
_FILM_URI_KINDS = frozenset({"watched", "ratings", "watchlist", "liked", "list"})
_WATCHED_KINDS = frozenset({"watched", "ratings", "diary", "reviews", "orphaned"})


def looks_like_letterboxd(header: list[str]) -> bool:
    """True for the header of one of Letterboxd's export CSVs (or a list export)."""
    names = [h.strip() for h in header]
    return (
        "Letterboxd URI" in names
        or (names[:1] != [] and names[0].startswith(LIST_EXPORT_LINE))
        or names == LIST_META_HEADER
    )


def is_letterboxd_folder(path: Path) -> bool:
    """True for a folder holding an extracted Letterboxd export (or the folder above it)."""
    if not path.is_dir():
        return False
    try:
        folders = [path, *(p for p in path.iterdir() if p.is_dir())]
    except OSError:
        return False  # (reading it says why it cannot be read)
    return any((folder / name).is_file() for folder in folders for name in _ROOT_FILES)


NOT_AN_EXPORT = (
    "is a folder with no Letterboxd export in it (watched.csv, diary.csv, ratings.csv...): "
    "filmdesk imports a folder only when it holds one"
)


class _Film:
    def __init__(self, number: int, name: str, year: str, where: str, line: int) -> None:
        self.number, self.name, self.year, self.where, self.line = number, name, year, where, line
        self.uri = ""
        self.rating = ""
        # ratings.csv holds the current rating; else the latest diary entry's counts.
        self.rating_from_ratings = False
        self.rating_on = ""
        self.watched = False
        self.watched_on = ""
        self.tags: list[str] = []
        self.reviews: list[str] = []
        # Each diary entry (and each review without one): (line, where, viewing fields).
        self.viewings: list[tuple[int, str, dict[str, object]]] = []
        # The viewings without a note yet, by day (a review becomes the note of the first).
        self.unreviewed: dict[str, deque[dict[str, object]]] = {}

    def add_tags(self, tags: Iterable[str]) -> None:
        folded = {t.casefold() for t in self.tags}
        for tag in tags:
            if tag.casefold() not in folded:
                self.tags.append(tag)
                folded.add(tag.casefold())


class _Reader:
    """Films, lists, problems and notices of one export, films combined across its files."""

    def __init__(self) -> None:
        self.films: list[_Film] = []
        self.by_uri: dict[str, _Film] = {}
        # By name and year: the first film of it, and those still without a URI, in order.
        self.by_name: dict[tuple[str, str], _Film] = {}
        self.without_uri: dict[tuple[str, str], deque[_Film]] = {}
        self.namesakes: Counter[tuple[str, str]] = Counter()  # films of each name and year
        self.lists: list[tuple[str, str, list[tuple[int, _Film, str]]]] = []
        self.problems: list[Problem] = []
        self.notices: list[Notice] = []

    def film(self, name: str, year: str, uri: str, where: str, line: int) -> _Film:
        """The film a row names: by the film's URI where the row has one, else by name and
        year. Two films of one name and year with different URIs stay two films."""
        if uri and uri in self.by_uri:
            return self.by_uri[uri]
        key = (" ".join(fold(name).split()), year)
        if uri:  # the first namesake without a URI is this one
            waiting = self.without_uri.get(key)
            known = waiting.popleft() if waiting else None
        else:
            known = self.by_name.get(key)
            if known is not None and self.namesakes[key] > 1:
                self.notices.append(
                    Notice(
                        where,
                        line,
                        name,
                        f"{self.namesakes[key]} films of this export have this name and year;"
                        f" this row comes in on the first of them ({known.uri or 'no address'})",
                        left_out=False,
                    )
                )
        if known is None:
            known = _Film(len(self.films), name, year, where, line)
            self.films.append(known)
            self.namesakes[key] += 1
            self.by_name.setdefault(key, known)
            if not uri:
                self.without_uri.setdefault(key, deque()).append(known)
        if uri:
            known.uri = uri
            self.by_uri[uri] = known
        return known

    def read_file(self, kind: str, where: str, rows: list[tuple[int, list[str]]]) -> None:
        if kind == "list":
            self.read_list(where, rows)
            return
        if not rows:
            return
        too_long = cell_too_long(where, rows[0][0], rows[0][1], rows[0][1])
        if too_long is not None:  # (a header no row can be read by)
            self.problems.append(too_long)
            return
        header = [h.strip() for h in rows[0][1]]
        for line, cells in rows[1:]:
            if not any(c.strip() for c in cells):
                continue
            too_long = cell_too_long(where, line, header, cells)
            if too_long is not None:
                self.problems.append(too_long)
                continue
            row = dict(zip(header, cells, strict=False))
            self.read_row(kind, where, line, row)

    def read_row(self, kind: str, where: str, line: int, row: dict[str, str]) -> None:
        name = (row.get("Name") or "").strip()
        year = (row.get("Year") or "").strip()
        if not name:
            self.problems.append(Problem(where, line, "Name", "is empty"))
            return
        uri = (row.get("Letterboxd URI") or "").strip() if kind in _FILM_URI_KINDS else ""
        film = self.film(name, year, uri, where, line)
        if kind == "orphaned":
            self.notices.append(
                Notice(
                    where,
                    line,
                    name,
                    "its film is no longer on Letterboxd: comes in by name",
                    left_out=False,
                )
            )
        rating = (row.get("Rating") or "").strip()
        watched_date = (row.get("Watched Date") or "").strip()
        rated_on = watched_date or (row.get("Date") or "").strip()
        if kind == "ratings" and rating:
            film.rating, film.rating_from_ratings = rating, True
        elif rating and not film.rating_from_ratings and rated_on >= film.rating_on:
            film.rating, film.rating_on = rating, rated_on
        if kind in _WATCHED_KINDS:
            film.watched = True
        if watched_date > film.watched_on:
            film.watched_on = watched_date
        tags = [t.strip() for t in (row.get("Tags") or "").split(",") if t.strip()]
        if kind == "watchlist":
            tags.append("watchlist")
        if kind == "liked":
            tags.append("liked")
        film.add_tags(tags)
        review = html_to_text(row.get("Review") or "")
        if review and review not in film.reviews:
            film.reviews.append(review)
        if kind in ("diary", "reviews", "orphaned"):
            self.add_viewing(film, where, line, row, review)

    @staticmethod
    def add_viewing(film: _Film, where: str, line: int, row: dict[str, str], review: str) -> None:
        """A diary row is a viewing. A review row is the diary entry of the same film and day
        (every review is in the diary too), whose note it becomes; a viewing of its own only
        where the diary has no such entry."""
        on = (row.get("Watched Date") or "").strip()
        if "Review" in row:
            waiting = film.unreviewed.get(on)
            if waiting:
                if review:
                    waiting.popleft()["note"] = review
                return
        viewing: dict[str, object] = {
            "rewatch": (row.get("Rewatch") or "").strip().lower() == "yes",
            "note": review,
        }
        if on:
            viewing["watched_on"] = on
        if rating := (row.get("Rating") or "").strip():
            viewing["rating"] = rating
        film.viewings.append((line, where, viewing))
        if not review:
            film.unreviewed.setdefault(on, deque()).append(viewing)

    def viewings_of(self, film: _Film) -> tuple[ViewingFields, ...] | None:
        """The film's diary entries as checked viewing fields, in the order they happened;
        None (and the problems said) when one of them is wrong."""
        viewings: list[ViewingFields] = []
        for line, where, raw in film.viewings:
            try:
                viewings.append(clean_viewing_fields(raw))
            except ValidationError as exc:
                self.problems += [
                    Problem(where, line, _DIARY_COLUMNS.get(p.field, p.field), p.message, film.name)
                    for p in exc.problems
                ]
                return None
        return tuple(sorted(viewings, key=lambda v: v.get("watched_on") or date.min))

    def read_list(self, where: str, rows: list[tuple[int, list[str]]]) -> None:
        """A list export: its data under ``Date,Name,Tags,URL,Description`` (the description
        may span lines), then its films under ``Position,Name,Year,URL,Description``."""
        at_meta = next(i for i, (_, cells) in enumerate(rows) if cells == LIST_META_HEADER)
        about_row = rows[at_meta + 1] if at_meta + 1 < len(rows) else (0, [])
        too_long = cell_too_long(where, about_row[0], LIST_META_HEADER, about_row[1])
        if too_long is not None:
            self.problems.append(too_long)
            about_row = (0, [])
        about = dict(zip(LIST_META_HEADER, about_row[1], strict=False))
        stem = where.rsplit("/", 1)[-1].rsplit(":", 1)[-1].removesuffix(".csv")
        list_name = " ".join((about.get("Name") or "").split())[:MAX_NAME] or stem
        description = html_to_text(about.get("Description") or "")
        at_films = next(
            (
                i
                for i, (_, c) in enumerate(rows)
                if c[: len(LIST_FILMS_HEADER)] == LIST_FILMS_HEADER
            ),
            len(rows),
        )
        header = rows[at_films][1] if at_films < len(rows) else []
        entries: list[tuple[int, _Film, str]] = []
        for line, cells in rows[at_films + 1 :]:
            if not any(c.strip() for c in cells):
                continue
            too_long = cell_too_long(where, line, header, cells)
            if too_long is not None:
                self.problems.append(too_long)
                continue
            row = dict(zip(header, cells, strict=False))
            name = (row.get("Name") or "").strip()
            if not name:
                self.problems.append(Problem(where, line, "Name", "is empty"))
                continue
            film = self.film(
                name, (row.get("Year") or "").strip(), (row.get("URL") or "").strip(), where, line
            )
            try:
                note = check_long_text(html_to_text(row.get("Description") or ""))
            except ValueError as exc:
                self.problems.append(Problem(where, line, "Description", str(exc), film=name))
                note = ""
            entries.append((_position(row, len(entries) + 1), film, note))
        self.lists.append((list_name, description, entries))

    def results(self) -> tuple[list[IncomingFilm], list[IncomingList]]:
        incoming: list[IncomingFilm] = []
        for film in self.films:
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
            said = len(self.problems)
            viewings = self.viewings_of(film)
            # A diary's bad date is the film's too (its watch date comes from the diary), and
            # so is its bad rating unless ratings.csv gave the film's: said once, of the row.
            from_diary = (
                {"Watched Date"} if film.rating_from_ratings else {"Watched Date", "Rating"}
            )
            said_of_viewings = {
                (p.field, p.message) for p in self.problems[said:] if p.field in from_diary
            }
            try:
                cleaned = clean_film_fields(raw)
            except ValidationError as exc:
                self.problems += [
                    Problem(film.where, film.line, p.field, p.message, film=film.name)
                    for p in exc.problems
                    if (_DIARY_COLUMNS.get(p.field, p.field), p.message) not in said_of_viewings
                ]
                continue
            if viewings is not None:
                # (Where the film was first named: a problem with it names that file.)
                extra: dict[str, object] = {"file": film.where}
                if viewings:
                    extra["viewings"] = viewings
                incoming.append(IncomingFilm(film.line, cleaned, ref=film.number, extra=extra))
        lists: list[IncomingList] = []
        for list_name, description, entries in self.lists:
            entries.sort(key=lambda item: item[0])  # stable: equal positions keep file order
            unique: dict[object, IncomingEntry] = {}
            for _, film, note in entries:
                unique.setdefault(film.number, IncomingEntry(film.number, {"note": note}))
            lists.append(
                IncomingList(list_name, description=description, entries=tuple(unique.values()))
            )
        return incoming, lists


# The column of a diary file each viewing field is read from (problems name the column).
_DIARY_COLUMNS = {"watched_on": "Watched Date", "rating": "Rating", "note": "Review"}


def _position(row: dict[str, str], default: int) -> int:
    try:
        return int((row.get("Position") or "").strip())
    except ValueError:
        return default


def _is_list(rows: list[tuple[int, list[str]]]) -> bool:
    """A list export, by its structure: its data header within the first lines (after
    ``Letterboxd list export v7``, or an empty line in older exports)."""
    return any(cells == LIST_META_HEADER for _, cells in rows[:3])


_ROOT_FILES = ("profile.csv", "watched.csv", "diary.csv", "ratings.csv", "watchlist.csv")


def _export_root(names: list[str]) -> str:
    """The folder inside a ZIP or folder that holds the export ("" when at its top): a user
    may zip the extracted folder again, or choose the folder above it."""
    if any(n in _ROOT_FILES for n in names):
        return ""
    roots = sorted((n.rsplit("/", 1)[0] + "/" for n in names if n.rsplit("/", 1)[-1] in
                    _ROOT_FILES and "/" in n), key=len)  # fmt: skip
    return roots[0] if roots else ""


@dataclass
class _Export:
    """The CSV files of an export as text: (name in the export, where a message says it is,
    text), and the problems of files that are not text (each left out, the others read)."""

    files: list[tuple[str, str, str]]
    problems: list[Problem]
    single: bool  # one CSV on its own, not an export's ZIP or folder


def _files(path: Path) -> _Export:
    """Each CSV of the export: the ZIP's or folder's files, or the one file."""
    if path.is_dir():
        return _folder_files(path)
    if zipfile.is_zipfile(path):
        root = ""

        def choose(names: list[str]) -> list[str]:
            nonlocal root
            found = [n for n in names if n.endswith(".csv")]
            root = _export_root(found)
            chosen = sorted(n for n in found if n.startswith(root))
            if not any(looks_like_letterboxd_name(n.removeprefix(root)) for n in chosen):
                raise UnreadableFileError(
                    [Problem(str(path), None, None, "is a ZIP without Letterboxd's CSV files")]
                )
            return chosen

        export = _Export([], [], single=False)
        for member, raw in zip_members(path, choose):
            where = f"{path}:{member}"
            try:
                export.files.append((member.removeprefix(root), where, text_of(raw, where)))
            except UnreadableFileError as exc:
                export.problems += exc.problems
        return export
    if _starts_as_zip(path):  # (and has no ZIP's end: it was cut short)
        raise UnreadableFileError(
            [Problem(str(path), None, None, "is an incomplete ZIP archive: it may be cut short")]
        )
    text, _ = read_text(path)
    return _Export([(path.name, str(path), text)], [], single=True)


def _starts_as_zip(path: Path) -> bool:
    """Whether a file begins as a ZIP archive does (its first file's header)."""
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False  # (reading it as text says why)


def _folder_files(path: Path) -> _Export:
    """The CSV files of an extracted export, within the limits a ZIP has."""
    try:
        next(path.iterdir(), None)  # (OSError here: the folder cannot be read)
        if not is_letterboxd_folder(path):  # (not every CSV under a home folder)
            raise UnreadableFileError([Problem(str(path), None, None, NOT_AN_EXPORT)])
        found = sorted(p.relative_to(path).as_posix() for p in path.rglob("*.csv"))
        root = _export_root(found)
        chosen = [n for n in found if n.startswith(root)]
        if len(chosen) > MAX_MEMBERS:
            raise UnreadableFileError(
                [Problem(str(path), None, None, f"holds {len(chosen):,} CSV files; "
                         f"filmdesk reads exports of up to {MAX_MEMBERS:,}")]
            )  # fmt: skip
        total = sum((path / n).stat().st_size for n in chosen)
    except OSError as exc:
        raise UnreadableFileError(
            [Problem(str(path), None, None, f"cannot be read ({exc.strerror or exc})")]
        ) from None
    if total > MAX_UNPACKED:
        raise UnreadableFileError(
            [Problem(str(path), None, None, f"holds {total / 2**20:,.0f} MB of CSV files; "
                     f"filmdesk reads exports of up to {MAX_UNPACKED / 2**20:,.0f} MB")]
        )  # fmt: skip
    export = _Export([], [], single=False)
    for name in chosen:
        where = str(path / name)
        try:
            # (As a ZIP's files are read: an empty one is just empty.)
            export.files.append(
                (name.removeprefix(root), where, text_of((path / name).read_bytes(), where))
            )
        except OSError as exc:
            export.problems.append(
                Problem(where, None, None, f"cannot be read ({exc.strerror or exc})")
            )
        except UnreadableFileError as exc:
            export.problems += exc.problems
    return export


def looks_like_letterboxd_name(name: str) -> bool:
    """True for the path of a file Letterboxd's export holds (inside its ZIP or folder)."""
    return name in _FILM_FILES or name in _LEFT_OUT or name.startswith(("lists/", "deleted/"))


def _kind(name: str, rows: list[tuple[int, list[str]]], single: bool) -> str:
    """What a file is: one of ``_ORDER``, "left out", "deleted", or "other"."""
    if name.startswith("deleted/"):
        return "deleted"
    if _is_list(rows):
        return "list"
    if single:
        name = Path(name).name
    if name in _FILM_FILES:
        return _FILM_FILES[name]
    if name in _LEFT_OUT:
        return "left out"
    header = [h.strip() for h in rows[0][1]] if rows else []
    return "other" if single and "Name" in header else "unknown"


def read_letterboxd(
    path: Path,
) -> tuple[list[IncomingFilm], list[IncomingList], list[Problem], list[Notice]]:
    """Films, lists, problems and notices from a Letterboxd export (its ZIP, its extracted
    folder, or one of its CSVs), films combined across its files.

    Each film's ``ref`` is a number inside the export; the lists' entries refer to it.
    """
    path = Path(path)
    export = _files(path)
    single = export.single
    reader = _Reader()
    reader.problems += export.problems
    to_read: list[tuple[int, str, str, list[tuple[int, list[str]]]]] = []
    rows_left = MAX_ROWS  # in all the export's files together
    for name, where, text in export.files:
        rows = list(csv_rows(text, where, max_rows=rows_left))
        rows_left -= len(rows)
        has_rows = any(any(c.strip() for c in cells) for _, cells in rows[1:])
        kind = _kind(name, rows, single)
        if kind in _ORDER or kind == "other":
            order = _ORDER.index(kind) if kind in _ORDER else 0
            to_read.append((order, where, kind, rows))
        elif not has_rows:
            continue  # an empty file (only its header): nothing to say
        elif kind == "deleted":
            count = sum(1 for _, cells in rows[1:] if any(c.strip() for c in cells))
            what = "a list" if _is_list(rows) else f"{count} row{'s' if count != 1 else ''}"
            reader.notices.append(
                Notice(where, None, None, f"{what} you deleted on Letterboxd: left out")
            )
        elif kind == "left out":
            reader.notices.append(Notice(where, None, None, f"{_LEFT_OUT[name]}: left out"))
        else:
            reader.notices.append(
                Notice(where, None, None, "not a file filmdesk reads from the export: left out")
            )
    if path.is_dir():
        # A ZIP beside the export's files (another export, kept whole) is not read with them.
        for archive in sorted(path.rglob("*.zip")):
            reader.notices.append(
                Notice(
                    str(archive),
                    None,
                    None,
                    "a ZIP in the folder is not read with it: import the ZIP on its own",
                )
            )
    for _, where, kind, rows in sorted(to_read, key=lambda item: item[0]):
        reader.read_file(kind, where, rows)
    films, lists = reader.results()
    return films, lists, reader.problems, reader.notices
