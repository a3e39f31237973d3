"""The file formats filmdesk writes and reads: one table, looked up by name or by a path.

Front ends (the window, the command line) choose a format here instead of naming formats
again: ``film_export(name)`` or ``film_export_for(path)`` for films, ``list_export(...)`` and
``list_export_for(...)`` for a screening list, ``review_export_for(path)`` for a year in
review, ``import_format(name)`` or
``detect_format(path)`` for a file to import. Each format's own module reads or writes it; this
table says which function does, and what it is given.

Every writer of one kind takes the same arguments (the path, what to write, ``ExportOptions``),
so a front end calls ``format.write(...)`` without knowing which format it chose.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Generic, Literal, Protocol, TypeVar

from filmdesk.core.exchange import (
    IncomingCollection,
    IncomingFilm,
    IncomingList,
    Notice,
    Problem,
    UnreadableFileError,
)
from filmdesk.core.exchange.csv_format import export_csv
from filmdesk.core.exchange.csv_reading import read_csv
from filmdesk.core.exchange.csv_rows import csv_rows
from filmdesk.core.exchange.handout import (
    HandoutOptions,
    export_handout_html,
    export_handout_pdf,
)
from filmdesk.core.exchange.imdb import looks_like_imdb, read_imdb
from filmdesk.core.exchange.json_format import export_backup, read_json
from filmdesk.core.exchange.letterboxd import (
    NOT_AN_EXPORT,
    export_letterboxd,
    export_letterboxd_list,
    is_letterboxd_folder,
    looks_like_letterboxd,
    read_letterboxd,
)
from filmdesk.core.exchange.list_csv import export_list_csv, looks_like_list_csv, read_list_csv
from filmdesk.core.exchange.textfile import first_line_of, guess_delimiter, read_head
from filmdesk.core.posters.images import PosterImage
from filmdesk.core.progress import Progress
from filmdesk.core.records import FilmPieces, FilmRecord, ScreeningListRecord
from filmdesk.core.searches import IncomingSearch
from filmdesk.core.sorting import sort_films

if TYPE_CHECKING:
    from filmdesk.core.catalog import Catalog

Writes = Literal["films", "list", "review"]
T = TypeVar("T")  # what a writer is given: a FilmSelection, a ScreeningListRecord, a YearReview

# A path whose suffix chooses no format is written as filmdesk CSV (as it always was).
DEFAULT_EXPORT = "csv"


class UnknownFormatError(ValueError):
    """No format of that name for that purpose; the message lists the ones there are."""

    def __init__(self, name: str, subject: str, choices: Sequence[str]) -> None:
        self.name = name
        self.choices = tuple(choices)
        listed = ", ".join(self.choices[:-1]) + f" or {self.choices[-1]}"
        super().__init__(f"{subject} as {listed}, not {name}")


# --- export ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FilmSelection:
    """The films an export writes: those of ``ids``, in that order, or (None) every film of
    the catalog in id order. Each format reads them from the catalog as it needs them (CSV
    column by column, a backup with its timestamps)."""

    catalog: Catalog
    ids: Sequence[int] | None = None


class PosterSource(Protocol):
    """Where a printout with posters reads them (``catalog.posters``)."""

    def for_print(self, film_ids: Sequence[int]) -> dict[int, bytes]:
        """Film id -> a small JPEG of its poster, for those that have one."""
        ...


@dataclass(frozen=True)
class ExportOptions:
    """How to write: each format uses the options that concern it and ignores the others."""

    bom: bool = True  # CSV: UTF-8 with a byte-order mark, so Excel shows Cyrillic
    delimiter: str = ","  # CSV
    title: str = "Film catalog"  # the heading of a printable catalog
    sort: str | None = None  # a printable catalog's order (a sort spec); None: as given
    handout: HandoutOptions = field(default_factory=HandoutOptions)  # a list's handout
    progress: Progress | None = None  # may raise ImportCancelled to stop
    # A printable catalog or a handout "with posters": where to read them (None: without).
    posters: PosterSource | None = None


@dataclass(frozen=True)
class ExportFormat(Generic[T]):
    """One format that writes films, or one that writes a screening list."""

    name: str  # as the command line's --format takes it
    writes: Writes
    suffixes: tuple[str, ...]  # a path ending in one of these (any case) chooses it
    save_suffix: str  # what a new file of it is named with (a save dialog proposes it)
    write: Callable[[Path, T, ExportOptions], int]  # returns how many films it wrote


def _records(films: FilmSelection, options: ExportOptions) -> list[FilmRecord]:
    catalog = films.catalog
    records = catalog.films.all() if films.ids is None else catalog.films.get_many(films.ids)
    if options.progress is not None:
        options.progress(0, 1)  # read; a chance to stop before the file is written
    return records


def _write_csv(path: Path, films: FilmSelection, options: ExportOptions) -> int:
    # Columns, not records: quicker for many films, and what the file is made of anyway; a
    # piece at a time, all from one snapshot of the catalog.
    def write(pieces: FilmPieces) -> int:
        return export_csv(
            path, pieces, bom=options.bom, delimiter=options.delimiter, progress=options.progress
        )

    return films.catalog.films.read_in_pieces(films.ids, write)


def _write_backup(path: Path, films: FilmSelection, options: ExportOptions) -> int:
    catalog = films.catalog
    if films.ids is None:
        records = catalog.films.all(timestamps=True)  # a backup keeps when films were added
    else:
        records = catalog.films.get_many(films.ids)
    if options.progress is not None:
        options.progress(0, 1)
    return export_backup(path, catalog, records)


def _write_letterboxd(path: Path, films: FilmSelection, options: ExportOptions) -> int:
    records = _records(films, options)
    viewings = films.catalog.films.viewings_of(None if films.ids is None else films.ids)
    return export_letterboxd(path, records, viewings)


def _printable(pdf: bool) -> Callable[[Path, FilmSelection, ExportOptions], int]:
    def write(path: Path, films: FilmSelection, options: ExportOptions) -> int:
        # Loaded only when printing: the PDF library brings Pillow and fontTools along.
        from filmdesk.core.exchange.printable import export_html, export_pdf

        records = _records(films, options)
        if options.sort is not None:
            records = sort_films(records, options.sort)
        posters = None
        if options.posters is not None:
            posters = options.posters.for_print([record.id for record in records])
        return (export_pdf if pdf else export_html)(path, records, options.title, posters)

    return write


@dataclass(frozen=True)
class YearReview:
    """What a year in review writes: one year of ``catalog``, in ``language`` (en or ru)."""

    catalog: Catalog
    year: int
    language: str = "en"


def _write_review(path: Path, review: YearReview, options: ExportOptions) -> int:
    # Loaded only when printing: the PDF library and matplotlib are large.
    from filmdesk.core.exchange.review import export_review

    if options.progress is not None:
        options.progress(0, 1)
    return export_review(path, review.catalog, review.year, review.language)


def _write_list_csv(path: Path, screening_list: ScreeningListRecord, options: ExportOptions) -> int:
    return export_list_csv(path, screening_list, bom=options.bom, delimiter=options.delimiter)


def _write_list_letterboxd(
    path: Path, screening_list: ScreeningListRecord, options: ExportOptions
) -> int:
    return export_letterboxd_list(path, screening_list)


def _write_handout_html(
    path: Path, screening_list: ScreeningListRecord, options: ExportOptions
) -> int:
    return export_handout_html(
        path, screening_list, options.handout, _posters_of(screening_list, options)
    )


def _write_handout_pdf(
    path: Path, screening_list: ScreeningListRecord, options: ExportOptions
) -> int:
    return export_handout_pdf(
        path, screening_list, options.handout, _posters_of(screening_list, options)
    )


def _posters_of(
    screening_list: ScreeningListRecord, options: ExportOptions
) -> dict[int, bytes] | None:
    if options.posters is None:
        return None
    return options.posters.for_print([entry.film.id for entry in screening_list.entries])


# In the order a user is offered them (--format's choices, the messages that list them).
FILM_EXPORTS: tuple[ExportFormat[FilmSelection], ...] = (
    ExportFormat("csv", "films", (".csv",), ".csv", _write_csv),
    ExportFormat("json", "films", (".json",), ".json", _write_backup),
    ExportFormat("letterboxd", "films", (), ".csv", _write_letterboxd),  # a .csv is filmdesk's
    ExportFormat("html", "films", (".html", ".htm"), ".html", _printable(pdf=False)),
    ExportFormat("pdf", "films", (".pdf",), ".pdf", _printable(pdf=True)),
)
LIST_EXPORTS: tuple[ExportFormat[ScreeningListRecord], ...] = (
    ExportFormat("pdf", "list", (".pdf",), ".pdf", _write_handout_pdf),
    ExportFormat("html", "list", (".html", ".htm"), ".html", _write_handout_html),
    ExportFormat("csv", "list", (".csv",), ".csv", _write_list_csv),
    ExportFormat("letterboxd", "list", (), ".csv", _write_list_letterboxd),
)

# The year in review is printed only (``export review-2025.pdf --year 2025``).
REVIEW_EXPORTS: tuple[ExportFormat[YearReview], ...] = (
    ExportFormat("pdf", "review", (".pdf",), ".pdf", _write_review),
)


def film_export(name: str) -> ExportFormat[FilmSelection]:
    """The format named ``name`` that writes films; UnknownFormatError lists the others."""
    return _named(FILM_EXPORTS, name, "films export")


def list_export(name: str) -> ExportFormat[ScreeningListRecord]:
    """The format named ``name`` that writes a screening list; UnknownFormatError lists the
    others (a list has no JSON backup of its own)."""
    return _named(LIST_EXPORTS, name, "a list exports")


def export_name_for(path: Path | str) -> str:
    """The name of the format a path's suffix chooses (any case), else ``DEFAULT_EXPORT``.

    One mapping for films and lists alike, so ``list.json`` chooses json for a list too, and
    ``list_export`` then says a list cannot be written as such.
    """
    suffix = Path(path).suffix.lower()
    for table in (FILM_EXPORTS, LIST_EXPORTS):
        for chosen in table:
            if suffix in chosen.suffixes:
                return chosen.name
    return DEFAULT_EXPORT


def film_export_for(path: Path | str) -> ExportFormat[FilmSelection]:
    """The format that writes films to ``path``, chosen by its suffix (see
    ``export_name_for``)."""
    return film_export(export_name_for(path))


def list_export_for(path: Path | str) -> ExportFormat[ScreeningListRecord]:
    """The format that writes a screening list to ``path``, chosen by its suffix (see
    ``export_name_for``); UnknownFormatError for a suffix that chooses a films-only format."""
    return list_export(export_name_for(path))


def review_export_for(path: Path | str) -> ExportFormat[YearReview] | None:
    """The format that writes a year in review to ``path``, chosen by its suffix (any case),
    or None when no format of a review has that suffix (a review is a PDF)."""
    suffix = Path(path).suffix.lower()
    return next((chosen for chosen in REVIEW_EXPORTS if suffix in chosen.suffixes), None)


# --- import ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FileContents:
    """What one file holds: its films, what is wrong in it, and its collections and lists."""

    films: Sequence[IncomingFilm]
    problems: list[Problem]
    collections: list[IncomingCollection] = field(default_factory=list)
    lists: list[IncomingList] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)  # left out by design, or notes
    posters: dict[str, PosterImage] = field(default_factory=dict)  # by hash (a backup's)
    searches: list[IncomingSearch] = field(default_factory=list)  # saved searches (a backup's)


@dataclass(frozen=True)
class ImportFormat:
    """One format filmdesk imports."""

    name: str  # as the command line's --format takes it
    read: Callable[[Path, Progress | None], FileContents]


def _read_csv(path: Path, progress: Progress | None) -> FileContents:
    films, problems, notices = read_csv(path, progress)
    return FileContents(films, problems, notices=notices)


def _read_json(path: Path, progress: Progress | None) -> FileContents:
    films, collections, lists, problems, posters, searches = read_json(path)
    return FileContents(films, problems, collections, lists, posters=posters, searches=searches)


def _read_letterboxd(path: Path, progress: Progress | None) -> FileContents:
    films, lists, problems, notices = read_letterboxd(path)
    return FileContents(films, problems, lists=lists, notices=notices)


def _read_imdb(path: Path, progress: Progress | None) -> FileContents:
    films, problems, notices = read_imdb(path)
    return FileContents(films, problems, notices=notices)


def _read_list_csv(path: Path, progress: Progress | None) -> FileContents:
    films, lists, problems = read_list_csv(path)
    return FileContents(films, problems, lists=lists)


IMPORT_FORMATS: tuple[ImportFormat, ...] = (
    ImportFormat("csv", _read_csv),
    ImportFormat("json", _read_json),
    ImportFormat("letterboxd", _read_letterboxd),
    ImportFormat("imdb", _read_imdb),
    ImportFormat("list-csv", _read_list_csv),
)


def import_format(name: str) -> ImportFormat:
    """The import format named ``name``; UnknownFormatError lists the others."""
    return _named(IMPORT_FORMATS, name, "a file imports")


def detect_format(path: Path) -> str:
    """The name of a file's import format, from its contents (reading it says what is wrong
    with it). Raises UnreadableFileError when the file cannot be opened."""
    if path.is_dir():
        if is_letterboxd_folder(path):
            return "letterboxd"  # an extracted export (reading it says if it cannot be read)
        try:
            next(path.iterdir(), None)
        except OSError as exc:
            raise UnreadableFileError(
                [Problem(str(path), None, None, f"cannot be read ({exc.strerror or exc})")]
            ) from None
        raise UnreadableFileError([Problem(str(path), None, None, NOT_AN_EXPORT)])
    try:
        with path.open("rb") as handle:
            head = handle.read(16).lstrip(b"\xef\xbb\xbf").lstrip()
    except OSError as exc:
        raise UnreadableFileError(
            [Problem(str(path), None, None, f"cannot be read ({exc.strerror or exc})")]
        ) from None
    if head.startswith(b"PK"):
        return "letterboxd"  # the export ZIP; reading it says if it is not
    if head.startswith((b"{", b"[")) or path.suffix.lower() == ".json":
        return "json"  # (reading it says when it is not a backup)
    text = read_head(path)  # the header is enough; reading the file says what is wrong
    first = first_line_of(text)
    # An older Letterboxd list export starts with an empty line.
    first_filled = first_line_of(text.lstrip("\ufeff\r\n"))
    if looks_like_letterboxd(_first_row(first_filled, str(path), ",")):
        return "letterboxd"
    separated = _first_row(first, str(path), guess_delimiter(first))
    if looks_like_imdb(separated):  # (a spreadsheet may have re-saved it with semicolons)
        return "imdb"
    if looks_like_list_csv(separated):
        return "list-csv"
    return "csv"


def _first_row(line: str, name: str, delimiter: str) -> list[str]:
    return next(csv_rows(line, name, delimiter=delimiter), (1, []))[1]


# --- lookup ------------------------------------------------------------------------------


class _HasName(Protocol):
    @property
    def name(self) -> str: ...


_Named = TypeVar("_Named", bound=_HasName)


def _named(table: Sequence[_Named], name: str, subject: str) -> _Named:
    for entry in table:
        if entry.name == name:
            return entry
    raise UnknownFormatError(name, subject, [entry.name for entry in table])
