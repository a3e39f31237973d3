"""Saved searches: ``searches`` lists them; ``searches save|edit|rename|delete`` keeps, changes
or drops one; ``list --saved NAME`` lists a saved search's films."""

from __future__ import annotations

import argparse

from filmdesk.cli.errors import CliError
from filmdesk.cli.output import clip, print_json, table
from filmdesk.cli.parsing import Handler, Parser, Subparsers, add_command
from filmdesk.core.catalog import Catalog
from filmdesk.core.searches import SavedSearchRecord, SearchFields

SCOPE_HELP = (
    "the sidebar entry to search within: all (the default), watched, unwatched, tag:NAME,"
    " collection:NAME or list:NAME"
)


def register(subparsers: Subparsers) -> None:
    """Add searches with its actions."""
    p = add_command(
        subparsers, "searches", "Saved searches: list them, or save, change or delete one."
    )
    p.add_argument("--json", action="store_true", help="print a JSON array of saved searches")
    p.set_defaults(handler=_list_all)
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    sub = actions.add_parser("save", help="keep QUERY under NAME")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("query", metavar="QUERY", help="e.g. 'year:1970..1979 watched:no'")
    sub.add_argument("--scope", default="all", metavar="SCOPE", help=SCOPE_HELP)
    sub.set_defaults(handler=_save)
    sub = actions.add_parser("edit", help="change the query or the scope of a saved search")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("--query", metavar="QUERY")
    sub.add_argument("--scope", metavar="SCOPE", help=SCOPE_HELP)
    sub.set_defaults(handler=_edit)
    sub = actions.add_parser("rename", help="give a saved search a new name")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("new_name", metavar="NEW_NAME")
    sub.set_defaults(handler=_rename)
    sub = actions.add_parser("delete", help="forget a saved search (no film changes)")
    sub.add_argument("name", metavar="NAME")
    sub.set_defaults(handler=_delete)


def run(args: argparse.Namespace, catalog: Catalog) -> None:
    """Run the searches command."""
    handler: Handler = args.handler
    handler(args, catalog)


def _scope(text: str) -> str:
    return "" if text.strip().casefold() in ("", "all") else text.strip()


def _scope_text(search: SavedSearchRecord) -> str:
    return search.scope or "all"


def _list_all(args: argparse.Namespace, catalog: Catalog) -> None:
    searches = catalog.searches.all()
    if args.json:
        print_json([s.to_json() for s in searches])
        return
    if not searches:
        print("No saved searches.")
        return
    rows = [(clip(s.name, 30), clip(s.query, 50), _scope_text(s)) for s in searches]
    print("\n".join(table(("NAME", "QUERY", "WITHIN"), rows, set())))
    count = len(searches)
    print(f"{count} saved search{'es' if count != 1 else ''}")


def _save(args: argparse.Namespace, catalog: Catalog) -> None:
    saved = catalog.searches.save(args.name, args.query, _scope(args.scope))
    print(f"Saved search {saved.name!r}: {saved.query or '(every film)'}")


def _edit(args: argparse.Namespace, catalog: Catalog) -> None:
    search = catalog.searches.resolve(args.name)
    fields: SearchFields = {}
    if args.query is not None:
        fields["query"] = args.query
    if args.scope is not None:
        fields["scope"] = _scope(args.scope)
    if not fields:
        raise CliError("nothing to change: give --query or --scope")
    edited = catalog.searches.edit(search.id, fields)
    print(f"Changed saved search {edited.name!r}: {edited.query} (within {_scope_text(edited)})")


def _rename(args: argparse.Namespace, catalog: Catalog) -> None:
    search = catalog.searches.resolve(args.name)
    renamed = catalog.searches.edit(search.id, {"name": args.new_name})
    print(f"Renamed saved search {search.name!r} -> {renamed.name!r}")


def _delete(args: argparse.Namespace, catalog: Catalog) -> None:
    search = catalog.searches.resolve(args.name)
    catalog.searches.delete(search.id)
    print(f"Deleted saved search {search.name!r}")
