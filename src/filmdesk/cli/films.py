"""Films: list, show, add, edit, delete."""

from __future__ import annotations

import argparse
from datetime import date

from filmdesk.cli.errors import CliError
from filmdesk.cli.output import format_film, format_table, print_json
from filmdesk.cli.parsing import Handler, Subparsers, add_command
from filmdesk.cli.refs import resolve_film, watched_day_arg
from filmdesk.core.catalog import Catalog
from filmdesk.core.search import QueryError
from filmdesk.core.sorting import SORT_FIELDS
from filmdesk.core.validation import FilmFields

FILM_HELP = "numeric id or exact title (any case)"


def register(subparsers: Subparsers) -> None:
    """Add list, show, add, edit and delete."""
    p = add_command(subparsers, "list", "List films, optionally searched and sorted.")
    p.add_argument("--search", default="", metavar="QUERY", help="e.g. 'year:1957 cranes'")
    p.add_argument(
        "--sort",
        default="title",
        metavar="FIELD",
        help=f"one of {', '.join(SORT_FIELDS)}; '-FIELD' or 'FIELD:desc' for descending",
    )
    p.add_argument("--json", action="store_true", help="print a JSON array of films")
    p.set_defaults(handler=_list)

    p = add_command(subparsers, "show", "Show one film.")
    p.add_argument("film", metavar="FILM", help=FILM_HELP)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_show)

    p = add_command(subparsers, "add", "Add a film.")
    _add_film_fields(p, adding=True)
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="repeatable")
    p.set_defaults(handler=_add)

    p = add_command(
        subparsers, "edit", "Change a film; every change is checked before any is saved."
    )
    p.add_argument("film", metavar="FILM", help=FILM_HELP)
    _add_film_fields(p, adding=False)
    p.add_argument("--clear-rating", action="store_true")
    p.add_argument("--unwatched", action="store_true", help="mark not watched (clears the date)")
    p.add_argument("--add-tag", action="append", default=[], metavar="TAG")
    p.add_argument("--remove-tag", action="append", default=[], metavar="TAG")
    p.set_defaults(handler=_edit)

    p = add_command(subparsers, "delete", "Delete a film.")
    p.add_argument("film", metavar="FILM", help=FILM_HELP)
    p.set_defaults(handler=_delete)


def run(args: argparse.Namespace, catalog: Catalog) -> None:
    """Run the film command ``args`` names."""
    handler: Handler = args.handler
    handler(args, catalog)


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


# Options that set one field each: option's dest -> the field's name.
_SIMPLE_FIELDS = {
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


def _fields_from_args(args: argparse.Namespace, *, adding: bool) -> FilmFields:
    fields: dict[str, object] = {}
    for attribute, field in _SIMPLE_FIELDS.items():
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
            fields["watched_on"] = watched_day_arg(args.watched)
        elif adding:  # a new film watched "now"; an edit keeps the date it has
            fields["watched_on"] = date.today()
    return fields  # type: ignore[return-value]


def _list(args: argparse.Namespace, catalog: Catalog) -> None:
    try:
        films = catalog.films.search(args.search, args.sort)
    except QueryError as exc:
        raise CliError(f"search term {exc}") from None
    except ValueError as exc:
        raise CliError(f"--sort: {exc}") from None
    if args.json:
        print_json([f.to_json() for f in films])
    else:
        print(format_table(films))


def _show(args: argparse.Namespace, catalog: Catalog) -> None:
    film = resolve_film(catalog, args.film)
    if args.json:
        print_json(film.to_json())
    else:
        print(format_film(film))


def _add(args: argparse.Namespace, catalog: Catalog) -> None:
    fields = _fields_from_args(args, adding=True)
    if args.tag:
        fields["tags"] = args.tag
    film = catalog.films.add(fields)
    if args.json:
        print_json(film.to_json())
    else:
        print(f"Added #{film.id}: {film.display_title}")


def _edit(args: argparse.Namespace, catalog: Catalog) -> None:
    film = resolve_film(catalog, args.film)
    if args.rating is not None and args.clear_rating:
        raise CliError("--rating and --clear-rating cannot be used together")
    if args.watched is not None and args.unwatched:
        raise CliError("--watched and --unwatched cannot be used together")
    fields = _fields_from_args(args, adding=False)
    if args.clear_rating:
        fields["rating"] = None
    if args.unwatched:
        fields["watched"] = False
    if not fields and not args.add_tag and not args.remove_tag:
        raise CliError(f"nothing to change for {film.display_title}; see edit --help")
    # Tags are matched by the core (any case, ё as е), not here.
    film = catalog.films.edit(film.id, fields, add_tags=args.add_tag, remove_tags=args.remove_tag)
    if args.json:
        print_json(film.to_json())
    else:
        print(f"Updated #{film.id}: {film.display_title}")


def _delete(args: argparse.Namespace, catalog: Catalog) -> None:
    film = resolve_film(catalog, args.film)
    catalog.films.delete(film.id)
    print(f"Deleted #{film.id}: {film.display_title}")
