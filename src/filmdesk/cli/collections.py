"""Collections: ``collections`` lists them; ``collection ACTION NAME`` shows or changes one."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from filmdesk.cli.output import clip, plural, print_json, rating_text, table, wrapped
from filmdesk.cli.parsing import Handler, Parser, Subparsers, add_command
from filmdesk.cli.refs import film_among, resolve_film
from filmdesk.core.catalog import Catalog
from filmdesk.core.records import CollectionRecord

# An action on one collection, given the collection NAME resolved.
OnCollection = Callable[[argparse.Namespace, Catalog, CollectionRecord], None]


def register(subparsers: Subparsers) -> None:
    """Add collections, and collection with its actions."""
    p = add_command(subparsers, "collections", "List the collections.")
    p.add_argument("--json", action="store_true", help="print a JSON array of collections")
    p.set_defaults(handler=_list)

    p = add_command(
        subparsers, "collection", "Show or change one collection (NAME: id or exact name)."
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    actions.required = True
    sub = actions.add_parser("show", help="the collection, its films and comments")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(handler=_named(_show))
    sub = actions.add_parser("create", help="a new, empty collection")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("--description", default="", metavar="TEXT")
    sub.add_argument("--source", default="", metavar="TEXT", help="where it comes from")
    sub.set_defaults(handler=_create)
    sub = actions.add_parser("rename", help="give the collection a new name")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("new_name", metavar="NEW_NAME")
    sub.set_defaults(handler=_named(_rename))
    sub = actions.add_parser("describe", help="replace the description")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("text", metavar="TEXT")
    sub.set_defaults(handler=_named(_describe))
    sub = actions.add_parser("rate", help="rate it 0.5 to 5 in half stars, or 'none'")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("rating", metavar="R")
    sub.set_defaults(handler=_named(_rate))
    sub = actions.add_parser("comment", help="add a dated comment")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("text", metavar="TEXT")
    sub.add_argument(
        "--author",
        metavar="NAME",
        help="who writes it (default: the account's name on a shared catalog, else no one)",
    )
    sub.set_defaults(handler=_named(_comment))
    sub = actions.add_parser("add", help="add a film (at the end)")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("film", metavar="FILM", help="numeric id or exact title")
    sub.set_defaults(handler=_named(_add))
    sub = actions.add_parser("remove", help="take a film out (the film stays)")
    sub.add_argument("name", metavar="NAME")
    sub.add_argument("film", metavar="FILM")
    sub.set_defaults(handler=_named(_remove))
    sub = actions.add_parser("delete", help="delete the collection (its films stay)")
    sub.add_argument("name", metavar="NAME")
    sub.set_defaults(handler=_named(_delete))


def run(args: argparse.Namespace, catalog: Catalog) -> None:
    """Run the collection command ``args`` names."""
    handler: Handler = args.handler
    handler(args, catalog)


def _named(action: OnCollection) -> Handler:
    """``action`` on the collection NAME (id or exact name) names."""

    def handler(args: argparse.Namespace, catalog: Catalog) -> None:
        action(args, catalog, catalog.collections.resolve(args.name))

    return handler


def _list(args: argparse.Namespace, catalog: Catalog) -> None:
    collections = catalog.collections.all()
    if args.json:
        print_json([c.to_json() for c in collections])
        return
    rows = [
        (
            str(c.id),
            clip(c.name, 50),
            str(len(c.film_ids)),
            rating_text(c.rating),
            str(c.comment_count),
        )
        for c in collections
    ]
    print("\n".join(table(("ID", "Name", "Films", "Rating", "Comments"), rows, {0, 2, 3, 4})))
    print(plural(len(collections), "collection"))


def _create(args: argparse.Namespace, catalog: Catalog) -> None:
    made = catalog.collections.create(args.name, args.description, args.source)
    print(f"Created collection #{made.id}: {made.name}")


def _show(args: argparse.Namespace, catalog: Catalog, collection: CollectionRecord) -> None:
    films = catalog.films.get_many(collection.film_ids)
    comments = catalog.collections.comments(collection.id)
    if args.json:
        print_json(
            {
                **collection.to_json(),
                "films": [f.to_json() for f in films],
                "comments": [c.to_json() for c in comments],
            }
        )
        return
    out = [f"#{collection.id} {collection.name}"]
    if collection.source:
        out += wrapped("Source:", collection.source)
    stars = rating_text(collection.rating)
    out += wrapped("Rating:", f"{stars} / 5" if stars else "not rated")
    if collection.description:
        out += wrapped("About:", collection.description)
    out.append(f"Films ({len(films)}):")
    out += [f"{n:>4}. {f.display_title}" for n, f in enumerate(films, start=1)]
    if comments:
        out.append(f"Comments ({len(comments)}), newest first:")
        for comment in comments:
            stamp = comment.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            by = f" · {comment.author}" if comment.author else ""
            out += wrapped(f"  {stamp}{by}", comment.text, 20 + len(by))
    print("\n".join(out))


def _rename(args: argparse.Namespace, catalog: Catalog, collection: CollectionRecord) -> None:
    edited = catalog.collections.rename(collection.id, args.new_name)
    print(f"Renamed collection #{collection.id}: {collection.name} -> {edited.name}")


def _describe(args: argparse.Namespace, catalog: Catalog, collection: CollectionRecord) -> None:
    catalog.collections.describe(collection.id, args.text)
    print(f"Described collection #{collection.id}: {collection.name}")


def _rate(args: argparse.Namespace, catalog: Catalog, collection: CollectionRecord) -> None:
    given: str = args.rating.strip()
    rating = None if given.casefold() in ("none", "clear", "") else given  # words, not names
    rated = catalog.collections.edit(collection.id, {"rating": rating})  # type: ignore[typeddict-item]
    shown = rating_text(rated.rating)
    print(f"Rated {collection.name}: " + (f"{shown} / 5" if shown else "no rating"))


def _comment(args: argparse.Namespace, catalog: Catalog, collection: CollectionRecord) -> None:
    author = catalog.user_name if args.author is None else args.author
    comment = catalog.collections.add_comment(collection.id, args.text, author)
    print(f"Commented on {collection.name} (comment #{comment.id})")


def _add(args: argparse.Namespace, catalog: Catalog, collection: CollectionRecord) -> None:
    film = resolve_film(catalog, args.film)
    catalog.collections.add(collection.id, [film.id])  # a film in it already: the core says so
    print(f"Added {film.display_title} to {collection.name}")


def _remove(args: argparse.Namespace, catalog: Catalog, collection: CollectionRecord) -> None:
    film = film_among(catalog, args.film, catalog.films.get_many(collection.film_ids))
    catalog.collections.remove(collection.id, [film.id])
    print(f"Removed {film.display_title} from {collection.name} (the film stays)")


def _delete(args: argparse.Namespace, catalog: Catalog, collection: CollectionRecord) -> None:
    catalog.collections.delete(collection.id)
    print(f"Deleted collection #{collection.id}: {collection.name} (its films stay)")
