"""Copy: the whole catalog into an empty one, a file or a database on a server, either way.

The catalog copied is the one every command works on (``--database``); it is only read.
"""

from __future__ import annotations

import argparse

from filmdesk.cli.errors import EXIT_FAILURE, EXIT_USAGE, CliError
from filmdesk.cli.output import plural
from filmdesk.cli.parsing import Subparsers, add_command
from filmdesk.core.catalog import Catalog
from filmdesk.core.copying import (
    CopyError,
    CopyResult,
    SameCatalogError,
    TargetNotEmptyError,
    copy_catalog,
)


def register(subparsers: Subparsers) -> None:
    """Add copy."""
    p = add_command(
        subparsers,
        "copy",
        "Copy the whole catalog (films with every field, viewings, tags, collections with "
        "their comments, screening lists, posters) into an empty catalog: a new file, or an empty "
        "database on a PostgreSQL server. A catalog that holds films already is refused.",
    )
    p.add_argument(
        "target",
        metavar="TARGET",
        help="a new catalog file's path, or the URL of an empty database "
        "(postgresql+psycopg://USER@HOST:PORT/DATABASE)",
    )


def run(args: argparse.Namespace, catalog: Catalog) -> None:
    """Copy the catalog to ``args.target`` and say what was copied."""
    try:
        result = copy_catalog(catalog.engine, args.target)
    except (SameCatalogError, TargetNotEmptyError) as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    except CopyError as exc:
        raise CliError(str(exc), EXIT_FAILURE) from None
    print(f"Copied {summary(result)} to {result.target}.")


def summary(result: CopyResult) -> str:
    """``10 films (12 viewings), 1 collection (2 comments), 1 screening list (3 entries)``;
    what each holds only where it holds any."""
    entries = f"{result.entries} {'entry' if result.entries == 1 else 'entries'}"
    parts = (
        (plural(result.films, "film"), plural(result.viewings, "viewing"), result.viewings),
        (plural(result.collections, "collection"), plural(result.comments, "comment"),
         result.comments),
        (plural(result.lists, "screening list"), entries, result.entries),
    )  # fmt: skip
    said = ", ".join(f"{whole} ({held})" if count else whole for whole, held, count in parts)
    return said + (f", {plural(result.posters, 'poster')}" if result.posters else "")
