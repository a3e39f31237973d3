"""Import and export: one module per format, shared by the window and the command line.

Every import is planned first (``plan_import``: what is new, what changes, every problem with
its file, line and field), then applied in one transaction (``Catalog.apply_import``) or not at
all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from filmdesk.core.validation import EntryFields, FilmFields


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
class IncomingComment:
    """A comment on a collection read from a backup, with its dates (None: now)."""

    text: str
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class IncomingCollection:
    """A collection read from a file, its films given by their refs in the file."""

    name: str
    description: str
    source: str
    seed_key: str | None
    film_refs: tuple[object, ...]
    rating: float | None = None
    comments: tuple[IncomingComment, ...] = ()


@dataclass(frozen=True)
class IncomingEntry:
    """One entry of a screening list read from a file: its film's ref and its fields."""

    ref: object
    fields: EntryFields = field(default_factory=lambda: EntryFields())


@dataclass(frozen=True)
class IncomingList:
    """A screening list read from a file (a backup, a Letterboxd list), entries in order."""

    name: str
    audience: str = ""
    description: str = ""
    entries: tuple[IncomingEntry, ...] = ()


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
    lists: list[IncomingList] = field(default_factory=list)
    matched_refs: dict[object, int] = field(default_factory=dict)  # file ref -> film id

    def summary(self) -> str:
        """One line: how many films are new, updated, unchanged, how many problems, and the
        screening lists the file brings."""
        text = (
            f"{len(self.new)} new, {len(self.updates)} updated, {self.unchanged} unchanged, "
            f"{len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}"
        )
        if self.lists:
            names = ", ".join(f"{x.name!r} ({len(x.entries)} films)" for x in self.lists[:3])
            more = f" and {len(self.lists) - 3} more" if len(self.lists) > 3 else ""
            plural = "s" if len(self.lists) != 1 else ""
            text += f"; screening list{plural} {names}{more}"
        return text
