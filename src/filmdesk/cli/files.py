"""Files: export (films, or a screening list with --list) and import.

Which formats there are, which suffix chooses which, and what writes each: the core's table,
``filmdesk.core.exchange.formats``.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TypeVar

from filmdesk.cli.errors import EXIT_FAILURE, CliError
from filmdesk.cli.output import plural
from filmdesk.cli.parsing import Handler, Subparsers, add_command
from filmdesk.cli.stats import parse_year
from filmdesk.core.catalog import Catalog
from filmdesk.core.exchange import UnreadableFileError
from filmdesk.core.exchange.formats import (
    FILM_EXPORTS,
    ExportFormat,
    ExportOptions,
    FilmSelection,
    UnknownFormatError,
    YearReview,
    film_export,
    film_export_for,
    list_export,
    list_export_for,
    review_export_for,
)
from filmdesk.core.exchange.handout import LANGUAGES, MAX_STUDENT_LINES, HandoutOptions
from filmdesk.core.exchange.planning import FORMATS as IMPORT_CHOICES
from filmdesk.core.exchange.planning import plan_import
from filmdesk.core.search import QueryError

T = TypeVar("T")  # what a format writes: a FilmSelection or a ScreeningListRecord


def register(subparsers: Subparsers) -> None:
    """Add export and import."""
    p = add_command(
        subparsers,
        "export",
        "Write films to a file: filmdesk CSV, a JSON backup, Letterboxd's CSV or a printable "
        "catalog; with --list, a screening list as a handout (PDF, HTML) or CSV; with --year, "
        "the year in review (PDF).",
    )
    p.add_argument("path", metavar="PATH")
    p.add_argument(
        "--format",
        choices=[f.name for f in FILM_EXPORTS],
        default=None,
        help="default: from PATH's extension (.json, .html, .pdf), else csv",
    )
    p.add_argument("--title", default="Film catalog", help="heading of an HTML or PDF catalog")
    p.add_argument("--search", default="", metavar="QUERY", help="only the films it finds")
    p.add_argument("--plain-utf8", action="store_true", help="no byte-order mark")
    p.add_argument("--delimiter", choices=[",", ";"], default=",")
    p.add_argument("--list", metavar="NAME", help="export this screening list (id or name)")
    p.add_argument(
        "--year",
        metavar="YEAR",
        help="the year in review of YEAR: figures, charts and every film watched (PDF only)",
    )
    p.add_argument(
        "--with-posters",
        action="store_true",
        help="a PDF or HTML catalog or handout: each film's poster, small, beside it",
    )
    handout = p.add_argument_group("handout of a list (--list, PDF or HTML), year in review")
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
        choices=list(LANGUAGES),
        help="language of the handout's or review's own words and dates "
        "(default: from LANG, else en)",
    )
    p.set_defaults(handler=_export)

    p = add_command(
        subparsers, "import", "Read films from a file: a dry run first, then all or nothing."
    )
    p.add_argument("path", metavar="PATH")
    p.add_argument("--format", choices=list(IMPORT_CHOICES), default="auto")
    p.add_argument("--dry-run", action="store_true", help="say what would change; change nothing")
    p.add_argument(
        "--skip-bad-rows", action="store_true", help="import the good rows, list the bad ones"
    )
    p.set_defaults(handler=_import)


def run(args: argparse.Namespace, catalog: Catalog) -> None:
    """Run the file command ``args`` names."""
    handler: Handler = args.handler
    handler(args, catalog)


def _language_from_environment() -> str:
    """ru when the user's locale is Russian (LC_ALL, LC_MESSAGES, LANG), else en."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "ru" if value.lower().startswith("ru") else "en"
    return "en"


def _export(args: argparse.Namespace, catalog: Catalog) -> None:
    if args.year is not None:
        _export_review(args, catalog)
        return
    if args.list is not None:
        _export_list(args, catalog)
        return
    try:
        films = catalog.films.search(args.search) if args.search else []
    except QueryError as exc:
        raise CliError(f"search term {exc}") from None
    path = Path(args.path)
    chosen = film_export(args.format) if args.format else film_export_for(path)
    # No search: every film, which each format reads its quickest way.
    selection = FilmSelection(catalog, [f.id for f in films] if args.search else None)
    options = ExportOptions(
        bom=not args.plain_utf8,
        delimiter=args.delimiter,
        title=args.title,
        posters=catalog.posters if args.with_posters else None,
    )
    count = _write(chosen, path, selection, options, args.path)
    print(f"Exported {plural(count, 'film')} to {args.path}")


def _export_list(args: argparse.Namespace, catalog: Catalog) -> None:
    if args.search:
        raise CliError("--list and --search cannot be used together")
    path = Path(args.path)
    try:
        chosen = list_export(args.format) if args.format else list_export_for(path)
    except UnknownFormatError as exc:
        raise CliError(f"--list: {exc}") from None
    if not 0 <= args.lines <= MAX_STUDENT_LINES:
        raise CliError(f"--lines: {args.lines} is outside 0..{MAX_STUDENT_LINES}")
    screening_list = catalog.lists.resolve(args.list)
    handout = HandoutOptions(
        descriptions=not args.no_descriptions,
        facts=not args.no_facts,
        notes=not args.no_notes,
        language=args.language or _language_from_environment(),
        student_lines=args.lines,
    )
    options = ExportOptions(
        bom=not args.plain_utf8,
        delimiter=args.delimiter,
        handout=handout,
        posters=catalog.posters if args.with_posters else None,
    )
    count = _write(chosen, path, screening_list, options, args.path)
    print(f"Exported {screening_list.name} ({plural(count, 'film')}) to {args.path}")


def _export_review(args: argparse.Namespace, catalog: Catalog) -> None:
    year = parse_year(args.year)
    assert year is not None
    for option, given in (("--list", args.list is not None), ("--search", bool(args.search))):
        if given:
            raise CliError(f"--year and {option} cannot be used together")
    path = Path(args.path)
    chosen = review_export_for(path)
    if args.format not in (None, "pdf"):
        raise CliError(f"--year: the year in review is written as pdf, not {args.format}")
    if chosen is None:
        raise CliError(f"--year: the year in review is a PDF; {args.path} does not end in .pdf")
    review = YearReview(catalog, year, args.language or _language_from_environment())
    count = _write(chosen, path, review, ExportOptions(), args.path)
    print(f"Exported {year} in review ({plural(count, 'film')} watched) to {args.path}")


def _write(chosen: ExportFormat[T], path: Path, what: T, options: ExportOptions, typed: str) -> int:
    try:
        return chosen.write(path, what, options)
    except OSError as exc:
        raise CliError(f"cannot write {typed}: {exc.strerror}", EXIT_FAILURE) from None


def _import(args: argparse.Namespace, catalog: Catalog) -> None:
    try:
        plan = plan_import(catalog, Path(args.path), args.format)
    except UnreadableFileError as exc:
        raise CliError(str(exc), EXIT_FAILURE) from None
    print(f"{args.path}: {plan.summary()}")
    for problem in plan.problems:
        print(f"  {problem}")
    for heading, notices in (
        ("Left out by design (not problems):", plan.left_out()),
        ("Notes on rows that are imported (not problems):", plan.notes()),
    ):
        if notices:
            print(heading)
            for notice in notices:
                print(f"  {notice}")
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
