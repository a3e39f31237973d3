"""How filmdesk-cli fails: one line on stderr, and an exit status that says whose fault it was."""

from __future__ import annotations

EXIT_FAILURE = 1  # the catalog could not do it (not found, database problem)
EXIT_USAGE = 2  # the input was wrong


class CliError(Exception):
    """An error to print as one line, with its exit status."""

    def __init__(self, message: str, status: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.status = status
