"""filmdesk-cli: the catalog from a terminal. A thin front end over ``filmdesk.core``.

One module per command group (films, posters, files, copying, collections, lists, searches,
stats, backups), each with
``register`` (its sub-commands and options) and ``run`` (or, for the commands on the catalog's
file itself, ``run_on_file``); this module holds the top-level parser and its global options,
opens the catalog, dispatches, and turns every failure into one line on stderr and an exit
status.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from sqlalchemy.exc import SQLAlchemyError

from filmdesk import __version__
from filmdesk.cli import (
    backups,
    collections,
    copying,
    files,
    films,
    lists,
    posters,
    searches,
    stats,
)
from filmdesk.cli.errors import EXIT_FAILURE, EXIT_USAGE, CliError
from filmdesk.cli.parsing import PROG, Parser, Subparsers, add_database_option
from filmdesk.core.catalog import (
    Catalog,
    CollectionNotFoundError,
    DuplicateEntryError,
    EntryNotFoundError,
    FilmNotFoundError,
    NameTakenError,
    ScreeningListNotFoundError,
    open_catalog,
)
from filmdesk.core.db import DatabaseOpenError, database_url, sqlite_path
from filmdesk.core.errors import StaleEditError, database_reason
from filmdesk.core.problems import CatalogFileError, DamagedCatalogError, explain
from filmdesk.core.searches import SavedSearchNotFoundError
from filmdesk.core.seed import SeedError
from filmdesk.core.validation import ValidationError
from filmdesk.paths import database_target


class CommandGroup(Protocol):
    """A module of commands: ``films``, ``files``, ``collections``, ``lists``."""

    def register(self, subparsers: Subparsers) -> None: ...

    def run(self, args: argparse.Namespace, catalog: Catalog) -> None: ...


@runtime_checkable
class FileCommandGroup(Protocol):
    """A module of commands on the catalog's file, which must work when the catalog cannot
    be opened (damaged): ``backups``. Main does not open the catalog for them."""

    def register(self, subparsers: Subparsers) -> None: ...

    def run_on_file(self, args: argparse.Namespace, target: str) -> None: ...


# In the order --help lists their commands.
GROUPS: tuple[CommandGroup | FileCommandGroup, ...] = (
    films, posters, files, copying, collections, lists, searches, stats, backups,
)  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of filmdesk-cli."""
    parser = Parser(prog=PROG, description="Work with the filmdesk catalog from a terminal.")
    parser.add_argument("--version", action="version", version=f"filmdesk {__version__}")
    add_database_option(parser, None)
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="open the catalog for reading only: every change is refused, nothing is written",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands.required = True
    for group in GROUPS:
        known = len(commands.choices)
        group.register(commands)
        # The commands it just added run through it.
        for name in list(commands.choices)[known:]:
            if isinstance(group, FileCommandGroup):
                commands.choices[name].set_defaults(run_on_file=group.run_on_file)
            else:
                commands.choices[name].set_defaults(run=group.run)
    return parser


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
    path: Path | None = None
    try:
        try:
            target = database_target(args.database)
        except ValueError as exc:
            raise CliError(str(exc)) from None
        try:
            path = sqlite_path(database_url(target))
        except DatabaseOpenError as exc:
            raise CliError(str(exc), EXIT_FAILURE) from None
        if getattr(args, "run_on_file", None) is not None:
            args.run_on_file(args, target)
            return 0
        try:
            opened = open_catalog(target, read_only=args.read_only)
        except (DatabaseOpenError, SeedError) as exc:
            raise CliError(str(exc), EXIT_FAILURE) from None
        catalog = opened.catalog
        if opened.backup_problem is not None:
            print(
                f"{PROG}: warning: today's backup was not made: {opened.backup_problem}",
                file=sys.stderr,
            )
        args.run(args, catalog)
    except CatalogFileError as exc:
        print(f"{PROG}: error: {_with_advice(exc)}", file=sys.stderr)
        return EXIT_FAILURE
    except CliError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return exc.status
    except (ValidationError, DuplicateEntryError, NameTakenError, StaleEditError) as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (
        CollectionNotFoundError,
        ScreeningListNotFoundError,
        EntryNotFoundError,
        FilmNotFoundError,
        SavedSearchNotFoundError,
    ) as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except (SQLAlchemyError, sqlite3.Error) as exc:
        problem = explain(exc, path)
        if problem is not None:
            print(f"{PROG}: error: {_with_advice(problem)}", file=sys.stderr)
            return EXIT_FAILURE
        reason = database_reason(exc)
        print(f"{PROG}: error: the catalog could not be used ({reason}); nothing was changed",
              file=sys.stderr)  # fmt: skip
        return EXIT_FAILURE
    except BrokenPipeError:
        # The reader stopped reading (``filmdesk-cli list | head``): nothing to say. Python
        # would complain again when it flushes stdout at exit; point it at nowhere first.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURE
    except OSError as exc:
        print(f"{PROG}: error: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILURE
    finally:
        if catalog is not None:
            catalog.close()
    return 0


def _with_advice(problem: CatalogFileError) -> str:
    """The problem, and for a damaged catalog what to do about it."""
    if isinstance(problem, DamagedCatalogError):
        return (
            f"{problem}. '{PROG} check' tells more; '{PROG} backups' lists the copies filmdesk "
            f"made, and '{PROG} restore NUMBER' puts one back"
        )
    return str(problem)
