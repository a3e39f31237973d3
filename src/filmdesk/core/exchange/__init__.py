"""Import and export: one module per format, shared by the window and the command line.

Every import is planned first (``plan_import``: what is new, what changes, every problem with
its file, line and field), then applied in one transaction (``Catalog.apply_import``) or not at
all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from filmdesk.core.validation import FilmFields


@dataclass(frozen=True)
class Problem:
    """Something wrong in an input file, and where."""

    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.field:
            where += f", {self.field}"
        return f"{where}: {self.message}"


class UnreadableFileError(ValueError):
    """The file cannot be imported at all; nothing was changed. ``problems`` says why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems[:5]))


class ImportCancelled(Exception):  # noqa: N818 (a request, not an error)
    """The user stopped the import; nothing was changed."""


# Called now and then with (done, total); it may raise ImportCancelled to stop.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class IncomingFilm:
    """One film read from a file: its fields and where it came from.

    ``ref`` is the film's id inside the file (collections refer to it); ``extra`` holds what
    a lossless backup restores for a new film besides its fields (seed key, timestamps).
    """

    line: int
    fields: FilmFields
    ref: object = None
    extra: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class IncomingCollection:
    """A collection read from a file, its films given by their refs in the file."""

    name: str
    description: str
    source: str
    seed_key: str | None
    film_refs: tuple[object, ...]


@dataclass
class ImportPlan:
    """What an import would do. Nothing is written until it is applied."""

    source: Path
    format: str
    new: list[IncomingFilm] = field(default_factory=list)
    updates: list[tuple[int, IncomingFilm]] = field(default_factory=list)  # (film id, fields)
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    collections: list[IncomingCollection] = field(default_factory=list)
    matched_refs: dict[object, int] = field(default_factory=dict)  # file ref -> film id

    def summary(self) -> str:
        """One line: how many films are new, updated, unchanged, and how many problems."""
        return (
            f"{len(self.new)} new, {len(self.updates)} updated, {self.unchanged} unchanged, "
            f"{len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}"
        )
