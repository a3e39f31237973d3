"""Films: list, show, add, edit, watch, unwatch, delete."""

from __future__ import annotations

import argparse
from datetime import date

from filmdesk.cli.errors import CliError
from filmdesk.cli.output import format_film, format_table, plural, print_json, viewing_text
from filmdesk.cli.parsing import Handler, Subparsers, add_command
from filmdesk.cli.posters import describe
from filmdesk.cli.refs import resolve_film, watched_day_arg
from filmdesk.core.catalog import Catalog
from filmdesk.core.fields import FILM_FIELDS, FilmField, Kind
from filmdesk.core.records import FilmRecord
from filmdesk.core.search import QueryError
from filmdesk.core.searches import full_query
from filmdesk.core.sorting import SORT_FIELDS
from filmdesk.core.validation import FilmFields, ValidationError, ViewingFields

FILM_HELP = "numeric id or exact title (any case)"


def register(subparsers: Subparsers) -> None:
    """Add list, show, add, edit, watch, unwatch and delete."""
    p = add_command(subparsers, "list", "List films, optionally searched and sorted.")
    p.add_argument("--search", default="", metavar="QUERY", help="e.g. 'year:1957 cranes'")
    p.add_argument(
        "--sort",
        default="title",
        metavar="FIELD",
        help=f"one of {', '.join(SORT_FIELDS)}; '-FIELD' or 'FIELD:desc' for descending",
    )
    p.add_argument(
        "--saved", metavar="NAME", help="the films of a saved search (with --search: within them)"
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

    p = add_command(
        subparsers,
        "watch",
        "Record that you watched a film: the day, the rating given then, a note.",
    )
    p.add_argument("film", metavar="FILM", help=FILM_HELP)
    p.add_argument(
        "--on", metavar="DATE", default="today", help="YYYY-MM-DD, 'today' (default) or 'unknown'"
    )
    p.add_argument("--rating", metavar="R", help="the rating given then, 0.5 to 5")
    p.add_argument("--note", metavar="TEXT", default="")
    rewatch = p.add_mutually_exclusive_group()
    rewatch.add_argument("--rewatch", dest="rewatch", action="store_const", const=True)
    rewatch.add_argument("--first-time", dest="rewatch", action="store_const", const=False)
    p.add_argument("--json", action="store_true", help="print the film with its viewings")
    p.set_defaults(handler=_watch)

    p = add_command(
        subparsers,
        "unwatch",
        "Remove a viewing of a film (--on DATE), or all of them (--all).",
    )
    p.add_argument("film", metavar="FILM", help=FILM_HELP)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--on", metavar="DATE", help="YYYY-MM-DD, or 'unknown'")
    which.add_argument("--all", action="store_true", help="every viewing of the film")
    p.add_argument("--json", action="store_true", help="print the film with its viewings")
    p.set_defaults(handler=_unwatch)

    p = add_command(subparsers, "delete", "Delete a film.")
    p.add_argument("film", metavar="FILM", help=FILM_HELP)
    p.set_defaults(handler=_delete)


def run(args: argparse.Namespace, catalog: Catalog) -> None:
    """Run the film command ``args`` names."""
    handler: Handler = args.handler
    handler(args, catalog)


# How some fields are typed on the command line: metavar and help; the options themselves
# (which fields, in which order, under which name) come from the core's field table.
_METAVARS = {
    "runtime_minutes": "MINUTES",
    "trailer_url": "URL",
    "availability_note": "NOTE",
    "imdb_id": "ID",
    "letterboxd_uri": "URL",
    "rating": "R",
    "notes": "TEXT",
}
_HINTS = {
    "year": "year of release",
    "trailer_url": "http or https only",
    "availability_note": "where it can be watched",
    "imdb_id": "e.g. tt0050634",
    "rating": "0.5 to 5 in half stars",
}


def _option_fields() -> list[FilmField]:
    # Tags have options of their own (--tag on add, --add-tag/--remove-tag on edit).
    return [f for f in FILM_FIELDS if f.option and f.kind is not Kind.TAGS]


def _add_film_fields(parser: argparse.ArgumentParser, *, adding: bool) -> None:
    for field in _option_fields():
        option = f"--{field.option}"
        if field.kind is Kind.NAMES:
            replaces = "" if adding else "; replaces the list"
            parser.add_argument(
                option,
                dest=field.name,
                action="append",
                metavar="NAME",
                help=f"a {field.option} (repeat for several){replaces}",
            )
        elif field.kind is Kind.BOOL:
            parser.add_argument(
                option,
                dest=field.name,
                nargs="?",
                const="",
                metavar="DATE",
                help="mark watched, optionally on DATE (YYYY-MM-DD or 'today')",
            )
        else:
            parser.add_argument(
                option,
                dest=field.name,
                # A film is added with its year as well, so that it can be told apart.
                required=adding and (field.required or field.name == "year"),
                metavar=_METAVARS.get(field.name),
                help=_HINTS.get(field.name),
            )
    parser.add_argument("--json", action="store_true", help="print the film as JSON")


def _fields_from_args(args: argparse.Namespace, *, adding: bool) -> FilmFields:
    fields: dict[str, object] = {}
    for field in _option_fields():
        value = getattr(args, field.name, None)
        if value is None:
            continue
        if field.kind is Kind.BOOL:  # --watched [DATE]
            fields[field.name] = True
            if value:
                fields["watched_on"] = watched_day_arg(value)
            elif adding:  # a new film watched "now"; an edit keeps the date it has
                fields["watched_on"] = date.today()
        else:
            fields[field.name] = value
    return fields  # type: ignore[return-value]


def _list(args: argparse.Namespace, catalog: Catalog) -> None:
    query, within = args.search, None
    if args.saved is not None:
        saved = catalog.searches.resolve(args.saved)
        query = " ".join(part for part in (full_query(saved), args.search) if part)
        within = catalog.searches.film_ids(saved)
    try:
        films = catalog.films.search(query, args.sort)
    except QueryError as exc:
        raise CliError(f"search term {exc}") from None
    except ValueError as exc:
        raise CliError(f"--sort: {exc}") from None
    if within is not None:
        kept = set(within)
        films = [f for f in films if f.id in kept]
    if args.json:
        print_json([f.to_json() for f in films])
    else:
        print(format_table(films))


def _show(args: argparse.Namespace, catalog: Catalog) -> None:
    _print_with_viewings(catalog, resolve_film(catalog, args.film), as_json=args.json)


def _print_with_viewings(catalog: Catalog, film: FilmRecord, *, as_json: bool) -> None:
    viewings = catalog.films.viewings(film.id)
    key = catalog.posters.of_films([film.id]).get(film.id)
    poster = None if key is None else catalog.posters.info(key)
    if as_json:
        print_json(
            {
                **film.to_json(),
                "viewings": [v.to_json() for v in viewings],
                "poster": None if poster is None else poster.to_json(),
            }
        )
    else:
        print(format_film(film, viewings, "" if poster is None else describe(poster)))


def _day_arg(option: str, text: str) -> date | None:
    """A viewing's day: YYYY-MM-DD, 'today', or 'unknown' (None)."""
    if text.strip().casefold() == "unknown":
        return None
    try:
        return watched_day_arg(text)
    except CliError:
        raise CliError(
            f"{option}: {text!r} is not a date like 2026-11-27, 'today' or 'unknown'"
        ) from None


def _watch(args: argparse.Namespace, catalog: Catalog) -> None:
    film = resolve_film(catalog, args.film)
    fields: ViewingFields = {"watched_on": _day_arg("--on", args.on), "note": args.note}
    if args.rating is not None:
        fields["rating"] = args.rating  # (text; the core checks it)
    if args.rewatch is not None:
        fields["rewatch"] = args.rewatch
    try:
        viewing = catalog.films.add_viewing(film.id, fields)
    except ValidationError as exc:
        options = {"watched_on": "--on", "rating": "--rating", "note": "--note"}
        raise CliError(
            "; ".join(f"{options.get(p.field, p.field)}: {p.message}" for p in exc.problems)
        ) from None
    if args.json:
        _print_with_viewings(catalog, catalog.films.get(film.id), as_json=True)
    else:
        count = len(catalog.films.viewings(film.id))
        print(f"Watched #{film.id}: {film.display_title}, {viewing_text(viewing)} (seen {count}×)")


def _unwatch(args: argparse.Namespace, catalog: Catalog) -> None:
    film = resolve_film(catalog, args.film)
    viewings = catalog.films.viewings(film.id)
    if args.all:
        chosen = list(viewings)
        if not chosen:
            raise CliError(f"{film.display_title} has no viewings")
    else:
        day = _day_arg("--on", args.on)
        on_day = [v for v in viewings if v.watched_on == day]
        if not on_day:
            seen = ", ".join(
                v.watched_on.isoformat() if v.watched_on else "unknown" for v in viewings
            )
            raise CliError(
                f"{film.display_title} has no viewing on {args.on}"
                + (f" (it has: {seen})" if seen else " (it has none)")
            )
        chosen = on_day[-1:]  # one viewing; the last one added of that day
    catalog.films.remove_viewings(v.id for v in chosen)
    if args.json:
        _print_with_viewings(catalog, catalog.films.get(film.id), as_json=True)
    else:
        left = len(viewings) - len(chosen)
        print(
            f"Removed {plural(len(chosen), 'viewing')} of #{film.id}: {film.display_title}"
            f" ({plural(left, 'viewing')} left)"
        )


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
