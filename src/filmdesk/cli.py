"""filmdesk-cli: the catalog from a terminal. A thin front end over ``filmdesk.core``."""

from __future__ import annotations

import argparse
import json
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
    FilmNotFoundError,
    open_catalog,
)
from filmdesk.core.db import DatabaseOpenError
from filmdesk.core.exchange import UnreadableFileError
from filmdesk.core.exchange.csv_format import export_csv
from filmdesk.core.exchange.json_format import export_backup
from filmdesk.core.exchange.letterboxd import export_letterboxd
from filmdesk.core.exchange.planning import plan_import
from filmdesk.core.records import FilmRecord
from filmdesk.core.search import SORT_FIELDS, QueryError
from filmdesk.core.seed import SeedError
from filmdesk.core.validation import FilmFields, ValidationError
from filmdesk.paths import DATABASE_ENV, database_target

PROG = "filmdesk-cli"
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
        "export", "Write films to a file: filmdesk CSV, a JSON backup, or Letterboxd's CSV."
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

    p = command("import", "Read films from a file: a dry run first, then all or nothing.")
    p.add_argument("path", metavar="PATH")
    p.add_argument(
        "--format", choices=["auto", "csv", "json", "letterboxd", "imdb"], default="auto"
    )
    p.add_argument("--dry-run", action="store_true", help="say what would change; change nothing")
    p.add_argument(
        "--skip-bad-rows", action="store_true", help="import the good rows, list the bad ones"
    )
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
        return catalog.resolve_film(reference)
    except AmbiguousFilmError as exc:
        listed = "; ".join(f"id {f.id}: {f.display_title}" for f in exc.candidates)
        raise CliError(
            f"{reference!r} matches {len(exc.candidates)} films; use an id: {listed}",
            EXIT_FAILURE,
        ) from None
    except FilmNotFoundError as exc:
        message = str(exc)
        try:
            similar = catalog.list_films(f'"{reference}"') or catalog.list_films(reference)
        except QueryError:
            similar = []
        if similar:
            listed = "; ".join(f"id {f.id}: {f.display_title}" for f in similar[:5])
            message += f"; did you mean {listed}"
        raise CliError(message, EXIT_FAILURE) from None


def _run(args: argparse.Namespace, catalog: Catalog) -> None:
    if args.command == "list":
        try:
            films = catalog.list_films(args.search, args.sort)
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
        film = catalog.add_film(fields)
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
        film = catalog.edit_film(
            film.id, fields, add_tags=args.add_tag, remove_tags=args.remove_tag
        )
        if args.json:
            _print_json(film.to_json())
        else:
            print(f"Updated #{film.id}: {film.display_title}")
    elif args.command == "export":
        try:
            films = catalog.list_films(args.search) if args.search else catalog.all_films()
        except QueryError as exc:
            raise CliError(f"search term {exc}") from None
        path = Path(args.path)
        by_suffix = {".json": "json", ".html": "html", ".htm": "html", ".pdf": "pdf"}
        file_format = args.format or by_suffix.get(path.suffix.lower(), "csv")
        try:
            if file_format == "json":
                if not args.search:
                    films = catalog.all_films(timestamps=True)
                else:
                    films = catalog.get_films(f.id for f in films)
                count = export_backup(path, catalog, films)
            elif file_format == "letterboxd":
                count = export_letterboxd(path, films)
            elif file_format in ("html", "pdf"):
                # Loaded only when printing: the PDF library brings Pillow and fontTools along.
                from filmdesk.core.exchange.printable import export_html, export_pdf

                writer = export_pdf if file_format == "pdf" else export_html
                count = writer(path, films, args.title)
            else:
                count = export_csv(path, films, bom=not args.plain_utf8, delimiter=args.delimiter)
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
        result = catalog.apply_import(plan, skip_bad_rows=args.skip_bad_rows)
        print(f"Imported: {len(result.added)} added, {len(result.updated)} updated.")
        if result.backup is not None:
            print(f"Backup of the catalog before the import: {result.backup}")
    elif args.command == "delete":
        film = _resolve(catalog, args.film)
        catalog.delete_film(film.id)
        print(f"Deleted #{film.id}: {film.display_title}")


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
    except ValidationError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
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
