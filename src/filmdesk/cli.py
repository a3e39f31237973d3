"""filmdesk-cli: the catalog from a terminal. A thin front end over ``filmdesk.core``."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import textwrap
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from sqlalchemy.exc import SQLAlchemyError

from filmdesk import __version__
from filmdesk.core.catalog import (
    AmbiguousFilmError,
    Catalog,
    CollectionNotFoundError,
    DuplicateEntryError,
    EntryNotFoundError,
    FilmNotFoundError,
    NameTakenError,
    ScreeningListNotFoundError,
    open_catalog,
)
from filmdesk.core.db import DatabaseOpenError
from filmdesk.core.exchange import UnreadableFileError
from filmdesk.core.exchange.csv_format import export_csv
from filmdesk.core.exchange.json_format import export_backup
from filmdesk.core.exchange.letterboxd import export_letterboxd, export_letterboxd_list
from filmdesk.core.exchange.list_csv import export_list_csv
from filmdesk.core.exchange.planning import plan_import
from filmdesk.core.records import (
    CollectionRecord,
    FilmRecord,
    ListEntryRecord,
    ScreeningListRecord,
    format_minutes,
)
from filmdesk.core.search import SORT_FIELDS, QueryError
from filmdesk.core.seed import SeedError
from filmdesk.core.validation import FilmFields, ValidationError
from filmdesk.paths import DATABASE_ENV, database_target

PROG = "filmdesk-cli"
MAX_STUDENT_LINES = 30  # as filmdesk.core.exchange.handout, which loads the PDF library
EXIT_FAILURE = 1  # the catalog could not do it (not found, database problem)
EXIT_USAGE = 2  # the input was wrong


class CliError(Exception):
    """An error to print as one line, with its exit status."""

    def __init__(self, message: str, status: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.status = status


class _Parser(argparse.ArgumentParser):
    # One line on stderr, as every other error of this tool; --help shows the usage.
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{PROG}: error: {message} (see {self.prog} --help)\n")


def _add_database_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--database",
        metavar="PATH_OR_URL",
        default=default,
        help=f"catalog to use (default: ${DATABASE_ENV}, else the user data folder)",
    )


def _add_film_fields(parser: argparse.ArgumentParser, *, adding: bool) -> None:
    parser.add_argument("--title", required=adding)
    parser.add_argument("--year", required=adding, help="year of release")
    parser.add_argument("--original-title")
    parser.add_argument(
        "--director",
        action="append",
        metavar="NAME",
        help="a director (repeat for several)" + ("" if adding else "; replaces the list"),
    )
    parser.add_argument(
        "--country",
        action="append",
        metavar="NAME",
        help="a country (repeat for several)" + ("" if adding else "; replaces the list"),
    )
    parser.add_argument("--runtime", metavar="MINUTES")
    parser.add_argument("--description")
    parser.add_argument("--fact")
    parser.add_argument("--trailer-url", metavar="URL", help="http or https only")
    parser.add_argument("--availability", metavar="NOTE", help="where it can be watched")
    parser.add_argument("--imdb-id", metavar="ID", help="e.g. tt0050634")
    parser.add_argument("--letterboxd-uri", metavar="URL")
    parser.add_argument("--rating", metavar="R", help="0.5 to 5 in half stars")
    parser.add_argument(
        "--watched",
        nargs="?",
        const="",
        metavar="DATE",
        help="mark watched, optionally on DATE (YYYY-MM-DD or 'today')",
    )
    parser.add_argument("--notes", metavar="TEXT")
    parser.add_argument("--json", action="store_true", help="print the film as JSON")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of filmdesk-cli."""
    parser = _Parser(prog=PROG, description="Work with the filmdesk catalog from a terminal.")
    parser.add_argument("--version", action="version", version=f"filmdesk {__version__}")
    _add_database_option(parser, None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _add_database_option(sub, argparse.SUPPRESS)
        return sub

    p = command("list", "List films, optionally searched and sorted.")
    p.add_argument("--search", default="", metavar="QUERY", help="e.g. 'year:1957 cranes'")
    p.add_argument(
        "--sort",
        default="title",
        metavar="FIELD",
        help=f"one of {', '.join(SORT_FIELDS)}; '-FIELD' or 'FIELD:desc' for descending",
    )
    p.add_argument("--json", action="store_true", help="print a JSON array of films")

    p = command("show", "Show one film.")
    p.add_argument("film", metavar="FILM", help="numeric id or exact title (any case)")
    p.add_argument("--json", action="store_true")

    p = command("add", "Add a film.")
    _add_film_fields(p, adding=True)
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="repeatable")

    p = command("edit", "Change a film; every change is checked before any is saved.")
    p.add_argument("film", metavar="FILM", help="numeric id or exact title (any case)")
    _add_film_fields(p, adding=False)
    p.add_argument("--clear-rating", action="store_true")
    p.add_argument("--unwatched", action="store_true", help="mark not watched (clears the date)")
    p.add_argument("--add-tag", action="append", default=[], metavar="TAG")
    p.add_argument("--remove-tag", action="append", default=[], metavar="TAG")

    p = command("delete", "Delete a film.")
    p.add_argument("film", metavar="FILM", help="numeric id or exact title (any case)")

    p = command(
        "export",
        "Write films to a file: filmdesk CSV, a JSON backup, Letterboxd's CSV or a printable "
        "catalog; with --list, a screening list as a handout (PDF, HTML) or CSV.",
    )
    p.add_argument("path", metavar="PATH")
    p.add_argument(
        "--format",
        choices=["csv", "json", "letterboxd", "html", "pdf"],
        default=None,
        help="default: from PATH's extension (.json, .html, .pdf), else csv",
    )
    p.add_argument("--title", default="Film catalog", help="heading of an HTML or PDF catalog")
    p.add_argument("--search", default="", metavar="QUERY", help="only the films it finds")
    p.add_argument("--plain-utf8", action="store_true", help="no byte-order mark")
    p.add_argument("--delimiter", choices=[",", ";"], default=",")
    p.add_argument("--list", metavar="NAME", help="export this screening list (id or name)")
    handout = p.add_argument_group("handout of a list (--list, PDF or HTML)")
    handout.add_argument("--no-descriptions", action="store_true", help="leave descriptions out")
    handout.add_argument("--no-facts", action="store_true", help='leave "Did you know?" out')
    handout.add_argument("--no-notes", action="store_true", help="leave the teacher's notes out")
    handout.add_argument(
        "--lines",
        type=int,
        default=0,
        metavar="N",
        help=f"N ruled lines under each film for students' notes (0-{MAX_STUDENT_LINES})",
    )
    handout.add_argument(
        "--language",
        choices=["en", "ru"],
        help="language of the handout's own words and dates (default: from LANG, else en)",
    )

    p = command("import", "Read films from a file: a dry run first, then all or nothing.")
    p.add_argument("path", metavar="PATH")
    p.add_argument(
        "--format",
        choices=["auto", "csv", "json", "letterboxd", "imdb", "list-csv"],
        default="auto",
    )
    p.add_argument("--dry-run", action="store_true", help="say what would change; change nothing")
    p.add_argument(
        "--skip-bad-rows", action="store_true", help="import the good rows, list the bad ones"
    )

    p = command("collections", "List the collections.")
    p.add_argument("--json", action="store_true", help="print a JSON array of collections")

    p = command("collection", "Show or change one collection (NAME: id or exact name).")
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.required = True
    sub = actions.add_parser("show", help="the collection, its films and comments")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("--json", action="store_true")
    sub = actions.add_parser("create", help="a new, empty collection")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("--description", default="", metavar="TEXT")
    sub.add_argument("--source", default="", metavar="TEXT", help="where it comes from")
    sub = actions.add_parser("rename", help="give the collection a new name")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("new_name", metavar="NEW_NAME")
    sub = actions.add_parser("describe", help="replace the description")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("text", metavar="TEXT")
    sub = actions.add_parser("rate", help="rate it 0.5 to 5 in half stars, or 'none'")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("rating", metavar="R")
    sub = actions.add_parser("comment", help="add a dated comment")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("text", metavar="TEXT")
    sub = actions.add_parser("add", help="add a film (at the end)")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("film", metavar="FILM", help="numeric id or exact title")
    sub = actions.add_parser("remove", help="take a film out (the film stays)")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("film", metavar="FILM")
    sub = actions.add_parser("delete", help="delete the collection (its films stay)")
    sub.add_argument("name", metavar="NAME")

    p = command("lists", "Screening lists: list them, or create, fill, reorder and show one.")
    p.add_argument("--json", action="store_true", help="print a JSON array of lists")
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    sub = actions.add_parser("create", help="a new, empty list")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("--audience", default="", metavar="A", help="e.g. a class: 9B")
    sub.add_argument("--description", default="", metavar="D")
    sub = actions.add_parser("show", help="the list with its entries in order")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("--json", action="store_true")
    sub = actions.add_parser("add", help="add a film (at the end, or at --position)")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("film", metavar="FILM", help="numeric id or exact title")
    sub.add_argument("--date", metavar="YYYY-MM-DD[THH:MM]", help="when it is screened")
    sub.add_argument("--note", default="", metavar="TEXT", help="questions, what to watch for")
    sub.add_argument("--position", metavar="N", help="1 is the first place")
    sub = actions.add_parser("move", help="move a film to POSITION (1 is the first)")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("film", metavar="FILM")
    sub.add_argument("position", metavar="POSITION")
    sub = actions.add_parser("remove", help="take a film out of the list (the film stays)")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("film", metavar="FILM")
    sub = actions.add_parser("screened", help="log a film as screened (today, or --on DATE)")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("film", metavar="FILM")
    sub.add_argument("--on", metavar="YYYY-MM-DD", help="the day it was screened")
    sub.add_argument("--not", dest="unscreened", action="store_true", help="not screened")
    sub = actions.add_parser("schedule", help="set when a film is screened, or 'none'")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("film", metavar="FILM")
    sub.add_argument("date", metavar="YYYY-MM-DD[THH:MM]")
    sub = actions.add_parser("note", help="replace the note on a film of the list")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("film", metavar="FILM")
    sub.add_argument("text", metavar="TEXT")
    sub = actions.add_parser("edit", help="change the name, audience or description")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("--name", dest="new_name", metavar="NEW_NAME")
    sub.add_argument("--audience", metavar="A")
    sub.add_argument("--description", metavar="D")
    sub = actions.add_parser("rename", help="give the list a new name")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("new_name", metavar="NEW_NAME")
    sub = actions.add_parser("duplicate", help="copy the list (not its screening log)")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("new_name", metavar="NEW_NAME", nargs="?")
    sub = actions.add_parser("delete", help="delete the list (its films stay)")
    sub.add_argument("name", metavar="NAME")
    return parser


# --- output ------------------------------------------------------------------------------


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _rating_text(rating: float | None) -> str:
    return "" if rating is None else f"{rating:g}"


def _watched_text(film: FilmRecord) -> str:
    if not film.watched:
        return ""
    return film.watched_on.isoformat() if film.watched_on else "yes"


def format_table(films: Sequence[FilmRecord]) -> str:
    """Films as an aligned plain-text table."""
    headers = ("ID", "Title", "Year", "Director", "Rating", "Watched", "Tags")
    rows = [
        (
            str(f.id),
            _clip(f.title, 44),
            str(f.year or ""),
            _clip(", ".join(f.directors), 28),
            _rating_text(f.rating),
            _watched_text(f),
            _clip(", ".join(f.tags), 30),
        )
        for f in films
    ]
    widths = [max(len(r[i]) for r in (headers, *rows)) for i in range(len(headers))]
    right = {0, 2, 4}  # numbers align right

    def line(cells: Sequence[str]) -> str:
        parts = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    out.append(f"{len(films)} film{'s' if len(films) != 1 else ''}")
    return "\n".join(out)


def format_film(film: FilmRecord) -> str:
    """One film as labelled, wrapped lines."""
    width = min(shutil.get_terminal_size((100, 24)).columns, 100)
    fields: list[tuple[str, str]] = [
        ("Title", film.title),
        ("Original title", film.original_title),
        ("Year", str(film.year or "")),
        ("Directors", ", ".join(film.directors)),
        ("Countries", ", ".join(film.countries)),
        ("Runtime", f"{film.runtime_minutes} min" if film.runtime_minutes else ""),
        ("Description", film.description),
        ("Did you know?", film.fact),
        ("Trailer", film.trailer_url),
        (
            "Availability",
            film.availability_note
            + (
                f" (checked {film.availability_checked_on.isoformat()})"
                if film.availability_checked_on
                else ""
            ),
        ),
        ("IMDb", film.imdb_id or ""),
        ("Letterboxd", film.letterboxd_uri or ""),
        ("Rating", f"{_rating_text(film.rating)} / 5" if film.rating is not None else "not rated"),
        ("Watched", _watched_text(film) or "no"),
        ("Tags", ", ".join(film.tags)),
        ("Notes", film.notes),
    ]
    label_width = max(len(label) for label, _ in fields) + 2
    out = [f"#{film.id}"]
    for label, value in fields:
        if not value:
            continue
        indent = " " * label_width
        paragraphs = value.splitlines() or [""]
        wrapped: list[str] = []
        for paragraph in paragraphs:
            wrapped += textwrap.wrap(paragraph, max(width - label_width, 30)) or [""]
        out.append(f"{label + ':':<{label_width}}{wrapped[0]}")
        out += [indent + w for w in wrapped[1:]]
    return "\n".join(out)


def _language_from_environment() -> str:
    """ru when the user's locale is Russian (LC_ALL, LC_MESSAGES, LANG), else en."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "ru" if value.lower().startswith("ru") else "en"
    return "en"


def _print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


# --- commands ------------------------------------------------------------------------------


def _parse_date(text: str) -> date:
    if text.strip().casefold() in ("", "today"):
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f"--watched: {text!r} is not a date like 2026-11-27 or 'today'") from None


def _fields_from_args(args: argparse.Namespace) -> FilmFields:
    fields: dict[str, object] = {}
    simple = {
        "title": "title",
        "year": "year",
        "original_title": "original_title",
        "runtime": "runtime_minutes",
        "description": "description",
        "fact": "fact",
        "trailer_url": "trailer_url",
        "availability": "availability_note",
        "imdb_id": "imdb_id",
        "letterboxd_uri": "letterboxd_uri",
        "rating": "rating",
        "notes": "notes",
    }
    for attribute, field in simple.items():
        value = getattr(args, attribute, None)
        if value is not None:
            fields[field] = value
    if args.director is not None:
        fields["directors"] = args.director
    if args.country is not None:
        fields["countries"] = args.country
    if args.watched is not None:
        fields["watched"] = True
        if args.watched:
            fields["watched_on"] = _parse_date(args.watched)
        elif args.command == "add":
            fields["watched_on"] = date.today()
    return fields  # type: ignore[return-value]


def _resolve(catalog: Catalog, reference: str) -> FilmRecord:
    try:
        return catalog.films.resolve(reference)
    except AmbiguousFilmError as exc:
        listed = "; ".join(f"id {f.id}: {f.display_title}" for f in exc.candidates)
        raise CliError(
            f"{reference!r} matches {len(exc.candidates)} films; use an id: {listed}",
            EXIT_FAILURE,
        ) from None
    except FilmNotFoundError as exc:
        message = str(exc)
        try:
            similar = catalog.films.search(f'"{reference}"') or catalog.films.search(reference)
        except QueryError:
            similar = []
        if similar:
            listed = "; ".join(f"id {f.id}: {f.display_title}" for f in similar[:5])
            message += f"; did you mean {listed}"
        raise CliError(message, EXIT_FAILURE) from None


def _run(args: argparse.Namespace, catalog: Catalog) -> None:
    if args.command == "list":
        try:
            films = catalog.films.search(args.search, args.sort)
        except QueryError as exc:
            raise CliError(f"search term {exc}") from None
        except ValueError as exc:
            raise CliError(f"--sort: {exc}") from None
        if args.json:
            _print_json([f.to_json() for f in films])
        else:
            print(format_table(films))
    elif args.command == "show":
        film = _resolve(catalog, args.film)
        if args.json:
            _print_json(film.to_json())
        else:
            print(format_film(film))
    elif args.command == "add":
        fields = _fields_from_args(args)
        if args.tag:
            fields["tags"] = args.tag
        film = catalog.films.add(fields)
        if args.json:
            _print_json(film.to_json())
        else:
            print(f"Added #{film.id}: {film.display_title}")
    elif args.command == "edit":
        film = _resolve(catalog, args.film)
        if args.rating is not None and args.clear_rating:
            raise CliError("--rating and --clear-rating cannot be used together")
        if args.watched is not None and args.unwatched:
            raise CliError("--watched and --unwatched cannot be used together")
        fields = _fields_from_args(args)
        if args.clear_rating:
            fields["rating"] = None
        if args.unwatched:
            fields["watched"] = False
        if not fields and not args.add_tag and not args.remove_tag:
            raise CliError(f"nothing to change for {film.display_title}; see edit --help")
        film = catalog.films.edit(
            film.id, fields, add_tags=args.add_tag, remove_tags=args.remove_tag
        )
        if args.json:
            _print_json(film.to_json())
        else:
            print(f"Updated #{film.id}: {film.display_title}")
    elif args.command == "export" and args.list is not None:
        _export_list(args, catalog)
    elif args.command == "export":
        try:
            films = catalog.films.search(args.search) if args.search else []
        except QueryError as exc:
            raise CliError(f"search term {exc}") from None
        path = Path(args.path)
        by_suffix = {".json": "json", ".html": "html", ".htm": "html", ".pdf": "pdf"}
        file_format = args.format or by_suffix.get(path.suffix.lower(), "csv")
        try:
            if file_format == "json":
                if not args.search:
                    films = catalog.films.all(timestamps=True)
                else:
                    films = catalog.films.get_many(f.id for f in films)
                count = export_backup(path, catalog, films)
            elif file_format == "letterboxd":
                count = export_letterboxd(path, films if args.search else catalog.films.all())
            elif file_format in ("html", "pdf"):
                # Loaded only when printing: the PDF library brings Pillow and fontTools along.
                from filmdesk.core.exchange.printable import export_html, export_pdf

                writer = export_pdf if file_format == "pdf" else export_html
                count = writer(path, films if args.search else catalog.films.all(), args.title)
            else:
                rows = films if args.search else catalog.films.columns()  # no records: quicker
                count = export_csv(path, rows, bom=not args.plain_utf8, delimiter=args.delimiter)
        except OSError as exc:
            raise CliError(f"cannot write {args.path}: {exc.strerror}", EXIT_FAILURE) from None
        print(f"Exported {count} film{'s' if count != 1 else ''} to {args.path}")
    elif args.command == "import":
        try:
            plan = plan_import(catalog, Path(args.path), args.format)
        except UnreadableFileError as exc:
            raise CliError(str(exc), EXIT_FAILURE) from None
        print(f"{args.path}: {plan.summary()}")
        for problem in plan.problems:
            print(f"  {problem}")
        if args.dry_run:
            print("Dry run: nothing was changed.")
            return
        if plan.problems and not args.skip_bad_rows:
            raise CliError(
                "nothing was imported because of the problems above; fix them, or use "
                "--skip-bad-rows to import the other rows",
                EXIT_FAILURE,
            )
        result = catalog.imports.apply(plan, skip_bad_rows=args.skip_bad_rows)
        print(f"Imported: {len(result.added)} added, {len(result.updated)} updated.")
        if result.backup is not None:
            print(f"Backup of the catalog before the import: {result.backup}")
    elif args.command == "delete":
        film = _resolve(catalog, args.film)
        catalog.films.delete(film.id)
        print(f"Deleted #{film.id}: {film.display_title}")
    elif args.command in ("collections", "collection"):
        _run_collections(args, catalog)
    elif args.command == "lists":
        _run_lists(args, catalog)


# --- collections and screening lists ---------------------------------------------------------


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> list[str]:
    widths = [max(len(r[i]) for r in (headers, *rows)) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        parts = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    return [line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def _wrapped(label: str, text: str, width: int = 12) -> list[str]:
    columns = min(shutil.get_terminal_size((100, 24)).columns, 100)
    out: list[str] = []
    for paragraph in text.splitlines() or [""]:
        out += textwrap.wrap(paragraph, max(columns - width, 30)) or [""]
    head = f"{label:<{width}}" if label else " " * width
    return [head + out[0], *(" " * width + rest for rest in out[1:])]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def _collection(catalog: Catalog, reference: str) -> CollectionRecord:
    return catalog.collections.resolve(reference)


def _screening_list(catalog: Catalog, reference: str) -> ScreeningListRecord:
    return catalog.lists.resolve(reference)


def _film_of(catalog: Catalog, reference: str, films: Sequence[FilmRecord]) -> FilmRecord:
    """A film named by id or title, looked for among ``films`` (a list's) first."""
    text = " ".join(reference.split())
    wanted = text.casefold()
    for attribute in ("id", "title", "original_title", "display_title"):
        matches = [f for f in films if str(getattr(f, attribute)).casefold() == wanted]
        if len(matches) == 1:
            return matches[0]
    return _resolve(catalog, reference)


def _run_collections(args: argparse.Namespace, catalog: Catalog) -> None:
    if args.command == "collections":
        collections = catalog.collections.all()
        if args.json:
            _print_json([c.to_json() for c in collections])
            return
        rows = [
            (
                str(c.id),
                _clip(c.name, 50),
                str(len(c.film_ids)),
                _rating_text(c.rating),
                str(c.comment_count),
            )
            for c in collections
        ]
        print("\n".join(_table(("ID", "Name", "Films", "Rating", "Comments"), rows, {0, 2, 3, 4})))
        print(_plural(len(collections), "collection"))
        return
    if args.action == "create":
        made = catalog.collections.create(args.name, args.description, args.source)
        print(f"Created collection #{made.id}: {made.name}")
        return
    collection = _collection(catalog, args.name)
    if args.action == "show":
        films = catalog.films.get_many(collection.film_ids)
        comments = catalog.collections.comments(collection.id)
        if args.json:
            _print_json(
                {
                    **collection.to_json(),
                    "films": [f.to_json() for f in films],
                    "comments": [c.to_json() for c in comments],
                }
            )
            return
        out = [f"#{collection.id} {collection.name}"]
        if collection.source:
            out += _wrapped("Source:", collection.source)
        stars = _rating_text(collection.rating)
        out += _wrapped("Rating:", f"{stars} / 5" if stars else "not rated")
        if collection.description:
            out += _wrapped("About:", collection.description)
        out.append(f"Films ({len(films)}):")
        out += [f"{n:>4}. {f.display_title}" for n, f in enumerate(films, start=1)]
        if comments:
            out.append(f"Comments ({len(comments)}), newest first:")
            for comment in comments:
                stamp = comment.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
                out += _wrapped(f"  {stamp}", comment.text, 20)
        print("\n".join(out))
    elif args.action == "rename":
        edited = catalog.collections.rename(collection.id, args.new_name)
        print(f"Renamed collection #{collection.id}: {collection.name} -> {edited.name}")
    elif args.action == "describe":
        catalog.collections.describe(collection.id, args.text)
        print(f"Described collection #{collection.id}: {collection.name}")
    elif args.action == "rate":
        given: str = args.rating.strip()
        rating = None if given.casefold() in ("none", "clear", "") else given
        rated = catalog.collections.edit(collection.id, {"rating": rating})  # type: ignore[typeddict-item]
        shown = _rating_text(rated.rating)
        print(f"Rated {collection.name}: " + (f"{shown} / 5" if shown else "no rating"))
    elif args.action == "comment":
        comment = catalog.collections.add_comment(collection.id, args.text)
        print(f"Commented on {collection.name} (comment #{comment.id})")
    elif args.action == "add":
        film = _resolve(catalog, args.film)
        if film.id in collection.film_ids:
            raise CliError(f"{film.display_title} is in the collection {collection.name!r} already")
        catalog.collections.add(collection.id, [film.id])
        print(f"Added {film.display_title} to {collection.name}")
    elif args.action == "remove":
        films = catalog.films.get_many(collection.film_ids)
        film = _film_of(catalog, args.film, films)
        catalog.collections.remove(collection.id, [film.id])
        print(f"Removed {film.display_title} from {collection.name} (the film stays)")
    elif args.action == "delete":
        catalog.collections.delete(collection.id)
        print(f"Deleted collection #{collection.id}: {collection.name} (its films stay)")


def _entry_row(entry: ListEntryRecord) -> tuple[str, ...]:
    at = entry.scheduled_at
    when = "" if at is None else at.strftime("%Y-%m-%d %H:%M" if entry.has_time else "%Y-%m-%d")
    screened = ""
    if entry.screened:
        screened = entry.screened_on.isoformat() if entry.screened_on else "yes"
    runtime = entry.film.runtime_minutes
    return (
        str(entry.position),
        when,
        _clip(entry.film.title, 40),
        str(entry.film.year or ""),
        format_minutes(runtime) if runtime else "",
        screened,
    )


def format_list(screening_list: ScreeningListRecord) -> str:
    """A screening list as text: heading, description, then its entries with their notes."""
    out = [f"#{screening_list.id} {screening_list.name}"]
    if screening_list.audience:
        out += _wrapped("Audience:", screening_list.audience)
    if screening_list.description:
        out += _wrapped("About:", screening_list.description)
    if screening_list.entries:
        headers = ("#", "When", "Film", "Year", "Runtime", "Screened")
        rows = [_entry_row(e) for e in screening_list.entries]
        lines = _table(headers, rows, {0, 3, 4})
        out += lines[:2]
        for entry, line in zip(screening_list.entries, lines[2:], strict=True):
            out.append(line)
            if entry.note:
                out += _wrapped("", f"Note: {entry.note}", len(str(screening_list.film_count)) + 2)
    summary = _plural(screening_list.film_count, "film")
    if screening_list.runtime_minutes:
        summary += f" · {format_minutes(screening_list.runtime_minutes)}"
    summary += f" · {screening_list.screened_count} screened"
    out.append(summary)
    return "\n".join(out)


def _run_lists(args: argparse.Namespace, catalog: Catalog) -> None:
    if args.action is None:
        lists = catalog.lists.summaries()
        if args.json:
            _print_json([s.to_json() for s in lists])
            return
        rows = [
            (
                str(s.id),
                _clip(s.name, 40),
                _clip(s.audience, 20),
                str(s.film_count),
                format_minutes(s.runtime_minutes) if s.runtime_minutes else "",
                str(s.screened_count),
            )
            for s in lists
        ]
        headers = ("ID", "Name", "Audience", "Films", "Runtime", "Screened")
        print("\n".join(_table(headers, rows, {0, 3, 4, 5})))
        print(_plural(len(lists), "screening list"))
        return
    if args.action == "create":
        made = catalog.lists.create(args.name, args.audience, args.description)
        print(f"Created screening list #{made.id}: {made.name}")
        return
    screening_list = _screening_list(catalog, args.name)
    name = screening_list.name
    films = [e.film for e in screening_list.entries]
    if args.action == "show":
        if args.json:
            _print_json(screening_list.to_json())
        else:
            print(format_list(screening_list))
    elif args.action == "add":
        film = _resolve(catalog, args.film)
        position = None if args.position is None else _position_arg(args.position)
        (entry,) = catalog.lists.add(
            screening_list.id, [film.id], position=position, scheduled_at=args.date, note=args.note
        )
        print(f"Added {film.display_title} to {name} at position {entry.position}")
    elif args.action == "move":
        film = _film_of(catalog, args.film, films)
        catalog.lists.move(screening_list.id, film.id, _position_arg(args.position))
        print(f"Moved {film.display_title} to position {args.position.strip()} in {name}")
    elif args.action == "remove":
        film = _film_of(catalog, args.film, films)
        catalog.lists.remove(screening_list.id, [film.id])
        print(f"Removed {film.display_title} from {name} (the film stays)")
    elif args.action == "screened":
        film = _film_of(catalog, args.film, films)
        if args.unscreened:
            if args.on is not None:
                raise CliError("--on and --not cannot be used together")
            catalog.lists.set_screened(screening_list.id, film.id, False)
            print(f"Not screened: {film.display_title} in {name}")
            return
        on = date.today() if args.on is None else _parse_day(args.on, "--on")
        catalog.lists.set_screened(screening_list.id, film.id, True, on)
        print(f"Screened: {film.display_title} in {name} on {on.isoformat()}")
    elif args.action == "schedule":
        film = _film_of(catalog, args.film, films)
        at = None if args.date.strip().casefold() in ("none", "") else args.date
        edited = catalog.lists.schedule(screening_list.id, film.id, at)
        when = edited.scheduled_text
        print(f"Scheduled {film.display_title} in {name}: {when or 'no date'}")
    elif args.action == "note":
        film = _film_of(catalog, args.film, films)
        catalog.lists.set_note(screening_list.id, film.id, args.text)
        print(f"Noted on {film.display_title} in {name}")
    elif args.action == "edit":
        fields: dict[str, object] = {}
        for attribute, field_name in (
            ("new_name", "name"),
            ("audience", "audience"),
            ("description", "description"),
        ):
            if getattr(args, attribute) is not None:
                fields[field_name] = getattr(args, attribute)
        if not fields:
            raise CliError(f"nothing to change for {name}; see lists edit --help")
        catalog.lists.edit(screening_list.id, fields)  # type: ignore[arg-type]
        print(f"Updated screening list #{screening_list.id}")
    elif args.action == "rename":
        renamed = catalog.lists.rename(screening_list.id, args.new_name)
        print(f"Renamed screening list #{screening_list.id}: {name} -> {renamed.name}")
    elif args.action == "duplicate":
        copy = catalog.lists.duplicate(screening_list.id, args.new_name)
        print(f"Copied {name} to screening list #{copy.id}: {copy.name}")
    elif args.action == "delete":
        catalog.lists.delete(screening_list.id)
        print(f"Deleted screening list #{screening_list.id}: {name} (its films stay)")


def _position_arg(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise CliError(f"position: {text!r} is not a whole number") from None


def _parse_day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f"{option}: {text!r} is not a date like 2026-11-27") from None


def _export_list(args: argparse.Namespace, catalog: Catalog) -> None:
    if args.search:
        raise CliError("--list and --search cannot be used together")
    path = Path(args.path)
    by_suffix = {".json": "json", ".html": "html", ".htm": "html", ".pdf": "pdf"}
    file_format = args.format or by_suffix.get(path.suffix.lower(), "csv")
    if file_format == "json":
        raise CliError("--list: a list exports as pdf, html, csv or letterboxd, not json")
    if not 0 <= args.lines <= MAX_STUDENT_LINES:
        raise CliError(f"--lines: {args.lines} is outside 0..{MAX_STUDENT_LINES}")
    screening_list = _screening_list(catalog, args.list)
    try:
        if file_format in ("pdf", "html"):
            # Loaded only when printing: the PDF library brings Pillow and fontTools along.
            from filmdesk.core.exchange.handout import (
                HandoutOptions,
                export_handout_html,
                export_handout_pdf,
            )

            options = HandoutOptions(
                descriptions=not args.no_descriptions,
                facts=not args.no_facts,
                notes=not args.no_notes,
                language=args.language or _language_from_environment(),
                student_lines=args.lines,
            )
            writer = export_handout_pdf if file_format == "pdf" else export_handout_html
            count = writer(path, screening_list, options)
        elif file_format == "letterboxd":
            count = export_letterboxd_list(path, screening_list)
        else:
            count = export_list_csv(
                path, screening_list, bom=not args.plain_utf8, delimiter=args.delimiter
            )
    except OSError as exc:
        raise CliError(f"cannot write {args.path}: {exc.strerror}", EXIT_FAILURE) from None
    print(f"Exported {screening_list.name} ({_plural(count, 'film')}) to {args.path}")


def _attach_dash_values(argv: Sequence[str]) -> list[str]:
    # "--search -tag:war" and "--sort -rating" mean what they say; argparse alone would take
    # the value for an option.
    joined: list[str] = []
    items = list(argv)
    index = 0
    while index < len(items):
        item = items[index]
        following = items[index + 1] if index + 1 < len(items) else None
        if item in ("--search", "--sort") and following is not None and following.startswith("-"):
            joined.append(f"{item}={following}")
            index += 2
            continue
        joined.append(item)
        index += 1
    return joined


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of filmdesk-cli; returns the exit status."""
    args = build_parser().parse_args(_attach_dash_values(sys.argv[1:] if argv is None else argv))
    catalog: Catalog | None = None
    try:
        try:
            target = database_target(args.database)
        except ValueError as exc:
            raise CliError(str(exc)) from None
        try:
            catalog = open_catalog(target).catalog
        except (DatabaseOpenError, SeedError) as exc:
            raise CliError(str(exc), EXIT_FAILURE) from None
        _run(args, catalog)
    except CliError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return exc.status
    except (ValidationError, DuplicateEntryError, NameTakenError) as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (
        CollectionNotFoundError,
        ScreeningListNotFoundError,
        EntryNotFoundError,
        FilmNotFoundError,
    ) as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        print(f"{PROG}: error: the catalog could not be used ({reason}); nothing was changed",
              file=sys.stderr)  # fmt: skip
        return EXIT_FAILURE
    except OSError as exc:
        print(f"{PROG}: error: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILURE
    finally:
        if catalog is not None:
            catalog.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
