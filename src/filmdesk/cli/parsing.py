"""What every command group builds its parsers with: the parser that fails in one line, and
``add_command``, which gives each command the global --database option too."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import NoReturn, TypeAlias

from filmdesk.cli.errors import EXIT_USAGE
from filmdesk.core.catalog import Catalog
from filmdesk.paths import DATABASE_ENV

PROG = "filmdesk-cli"

# What a sub-command runs (``set_defaults(handler=...)``); it prints, or raises CliError.
Handler = Callable[[argparse.Namespace, Catalog], None]


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr, as every other error of this
    tool; --help shows the usage."""

    def error(self, message: str) -> NoReturn:
        """Exit with EXIT_USAGE after one line naming the problem."""
        self.exit(EXIT_USAGE, f"{PROG}: error: {message} (see {self.prog} --help)\n")


# What add_subparsers returns (a string: the class cannot be subscripted at run time).
Subparsers: TypeAlias = "argparse._SubParsersAction[Parser]"


def add_database_option(parser: argparse.ArgumentParser, default: object) -> None:
    """The --database option (the top level's default is None; a command's is SUPPRESS, so
    that it does not overwrite one given before the command)."""
    parser.add_argument(
        "--database",
        metavar="PATH_OR_URL",
        default=default,
        help=f"catalog to use (default: ${DATABASE_ENV}, else the user data folder)",
    )


def add_command(subparsers: Subparsers, name: str, help_text: str) -> argparse.ArgumentParser:
    """A top-level command, which also takes --database (``filmdesk-cli list --database X``)."""
    command: argparse.ArgumentParser = subparsers.add_parser(
        name, help=help_text, description=help_text
    )
    add_database_option(command, argparse.SUPPRESS)
    return command
