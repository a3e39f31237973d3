"""Screening lists: ``lists`` lists them; ``lists ACTION NAME`` creates, fills, reorders,
schedules, shows or changes one."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from filmdesk.cli.errors import CliError
from filmdesk.cli.output import clip, format_list, plural, print_json, table
from filmdesk.cli.parsing import Handler, Parser, Subparsers, add_command
from filmdesk.cli.refs import day_arg, film_among, position_arg, resolve_film
from filmdesk.core.catalog import Catalog
from filmdesk.core.records import FilmRecord, ScreeningListRecord, format_minutes

# An action on one screening list, given the list NAME resolved.
OnList = Callable[[argparse.Namespace, Catalog, ScreeningListRecord], None]


def register(subparsers: Subparsers) -> None:
    """Add lists with its actions."""
    p = add_command(
        subparsers, "lists", "Screening lists: list them, or create, fill, reorder and show one."
    )
    p.add_argument("--json", action="store_true", help="print a JSON array of lists")
    p.set_defaults(handler=_list_all)  # no ACTION
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    sub = actions.add_parser("create", help="a new, empty list")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("--audience", default="", metavar="A", help="e.g. a class: 9B")
    sub.add_argument("--description", default="", metavar="D")
    sub.set_defaults(handler=_create)
    sub = actions.add_parser("show", help="the list with its entries in order")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(handler=_named(_show))
    sub = actions.add_parser("add", help="add a film (at the end, or at --position)")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("film", metavar="FILM", help="numeric id or exact title")
    sub.add_argument("--date", metavar="YYYY-MM-DD[THH:MM]", help="when it is screened")
    sub.add_argument("--note", default="", metavar="TEXT", help="questions, what to watch for")
    sub.add_argument("--position", metavar="N", help="1 is the first place")
    sub.set_defaults(handler=_named(_add))
    sub = actions.add_parser("move", help="move a film to POSITION (1 is the first)")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("film", metavar="FILM")
    sub.add_argument("position", metavar="POSITION")
    sub.set_defaults(handler=_named(_move))
    sub = actions.add_parser("remove", help="take a film out of the list (the film stays)")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("film", metavar="FILM")
    sub.set_defaults(handler=_named(_remove))
    sub = actions.add_parser("screened", help="log a film as screened (today, or --on DATE)")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("film", metavar="FILM")
    sub.add_argument("--on", metavar="YYYY-MM-DD", help="the day it was screened")
    sub.add_argument("--not", dest="unscreened", action="store_true", help="not screened")
    sub.set_defaults(handler=_named(_screened))
    sub = actions.add_parser("schedule", help="set when a film is screened, or 'none'")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("film", metavar="FILM")
    sub.add_argument("date", metavar="YYYY-MM-DD[THH:MM]")
    sub.set_defaults(handler=_named(_schedule))
    sub = actions.add_parser("note", help="replace the note on a film of the list")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("film", metavar="FILM")
    sub.add_argument("text", metavar="TEXT")
    sub.set_defaults(handler=_named(_note))
    sub = actions.add_parser("edit", help="change the name, audience or description")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("--name", dest="new_name", metavar="NEW_NAME")
    sub.add_argument("--audience", metavar="A")
    sub.add_argument("--description", metavar="D")
    sub.set_defaults(handler=_named(_edit))
    sub = actions.add_parser("rename", help="give the list a new name")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("new_name", metavar="NEW_NAME")
    sub.set_defaults(handler=_named(_rename))
    sub = actions.add_parser("duplicate", help="copy the list (not its screening log)")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("new_name", metavar="NEW_NAME", nargs="?")
    sub.set_defaults(handler=_named(_duplicate))
    sub = actions.add_parser("delete", help="delete the list (its films stay)")
    sub.add_argument("name", metavar="NAME")
    sub.set_defaults(handler=_named(_delete))


def run(args: argparse.Namespace, catalog: Catalog) -> None:
    """Run the screening-list command ``args`` names."""
    handler: Handler = args.handler
    handler(args, catalog)


def _named(action: OnList) -> Handler:
    """``action`` on the screening list NAME (id or exact name) names."""

    def handler(args: argparse.Namespace, catalog: Catalog) -> None:
        action(args, catalog, catalog.lists.resolve(args.name))

    return handler


def _films(screening_list: ScreeningListRecord) -> list[FilmRecord]:
    return [e.film for e in screening_list.entries]


def _list_all(args: argparse.Namespace, catalog: Catalog) -> None:
    lists = catalog.lists.summaries()
    if args.json:
        print_json([s.to_json() for s in lists])
        return
    rows = [
        (
            str(s.id),
            clip(s.name, 40),
            clip(s.audience, 20),
            str(s.film_count),
            format_minutes(s.runtime_minutes) if s.runtime_minutes else "",
            str(s.screened_count),
        )
        for s in lists
    ]
    headers = ("ID", "Name", "Audience", "Films", "Runtime", "Screened")
    print("\n".join(table(headers, rows, {0, 3, 4, 5})))
    print(plural(len(lists), "screening list"))


def _create(args: argparse.Namespace, catalog: Catalog) -> None:
    made = catalog.lists.create(args.name, args.audience, args.description)
    print(f"Created screening list #{made.id}: {made.name}")


def _show(args: argparse.Namespace, catalog: Catalog, screening_list: ScreeningListRecord) -> None:
    if args.json:
        print_json(screening_list.to_json())
    else:
        print(format_list(screening_list))


def _add(args: argparse.Namespace, catalog: Catalog, screening_list: ScreeningListRecord) -> None:
    film = resolve_film(catalog, args.film)
    position = None if args.position is None else position_arg(args.position)
    (entry,) = catalog.lists.add(
        screening_list.id, [film.id], position=position, scheduled_at=args.date, note=args.note
    )
    print(f"Added {film.display_title} to {screening_list.name} at position {entry.position}")


def _move(args: argparse.Namespace, catalog: Catalog, screening_list: ScreeningListRecord) -> None:
    film = film_among(catalog, args.film, _films(screening_list))
    catalog.lists.move(screening_list.id, film.id, position_arg(args.position))
    where = f"position {args.position.strip()} in {screening_list.name}"
    print(f"Moved {film.display_title} to {where}")


def _remove(
    args: argparse.Namespace, catalog: Catalog, screening_list: ScreeningListRecord
) -> None:
    film = film_among(catalog, args.film, _films(screening_list))
    catalog.lists.remove(screening_list.id, [film.id])
    print(f"Removed {film.display_title} from {screening_list.name} (the film stays)")


def _screened(
    args: argparse.Namespace, catalog: Catalog, screening_list: ScreeningListRecord
) -> None:
    film = film_among(catalog, args.film, _films(screening_list))
    name = screening_list.name
    if args.unscreened:
        if args.on is not None:
            raise CliError("--on and --not cannot be used together")
        catalog.lists.set_screened(screening_list.id, film.id, False)
        print(f"Not screened: {film.display_title} in {name}")
        return
    on = date.today() if args.on is None else day_arg(args.on, "--on")
    catalog.lists.set_screened(screening_list.id, film.id, True, on)
    print(f"Screened: {film.display_title} in {name} on {on.isoformat()}")


def _schedule(
    args: argparse.Namespace, catalog: Catalog, screening_list: ScreeningListRecord
) -> None:
    film = film_among(catalog, args.film, _films(screening_list))
    at = None if args.date.strip().casefold() in ("none", "") else args.date  # a word, not a name
    edited = catalog.lists.schedule(screening_list.id, film.id, at)
    when = edited.scheduled_text
    print(f"Scheduled {film.display_title} in {screening_list.name}: {when or 'no date'}")


def _note(args: argparse.Namespace, catalog: Catalog, screening_list: ScreeningListRecord) -> None:
    film = film_among(catalog, args.film, _films(screening_list))
    catalog.lists.set_note(screening_list.id, film.id, args.text)
    print(f"Noted on {film.display_title} in {screening_list.name}")


def _edit(args: argparse.Namespace, catalog: Catalog, screening_list: ScreeningListRecord) -> None:
    fields: dict[str, object] = {}
    for attribute, field_name in (
        ("new_name", "name"),
        ("audience", "audience"),
        ("description", "description"),
    ):
        if getattr(args, attribute) is not None:
            fields[field_name] = getattr(args, attribute)
    if not fields:
        raise CliError(f"nothing to change for {screening_list.name}; see lists edit --help")
    catalog.lists.edit(screening_list.id, fields)  # type: ignore[arg-type]
    print(f"Updated screening list #{screening_list.id}")


def _rename(
    args: argparse.Namespace, catalog: Catalog, screening_list: ScreeningListRecord
) -> None:
    renamed = catalog.lists.rename(screening_list.id, args.new_name)
    old = screening_list.name
    print(f"Renamed screening list #{screening_list.id}: {old} -> {renamed.name}")


def _duplicate(
    args: argparse.Namespace, catalog: Catalog, screening_list: ScreeningListRecord
) -> None:
    copy = catalog.lists.duplicate(screening_list.id, args.new_name)
    print(f"Copied {screening_list.name} to screening list #{copy.id}: {copy.name}")


def _delete(
    args: argparse.Namespace, catalog: Catalog, screening_list: ScreeningListRecord
) -> None:
    catalog.lists.delete(screening_list.id)
    name = screening_list.name
    print(f"Deleted screening list #{screening_list.id}: {name} (its films stay)")
