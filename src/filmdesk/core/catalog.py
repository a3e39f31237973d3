"""The catalog: a thin front over one database, with a service per part (as Anki's
``col.decks``): ``catalog.films``, ``catalog.collections``, ``catalog.lists``,
``catalog.imports``. Every change is an operation (``filmdesk.core.operations``) that
``Catalog.run`` applies in one transaction.

The GUI and the CLI call only this. Methods take and return plain values and frozen records;
no ORM object ever leaves a method.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from filmdesk.core.db import MigrationResult, open_database, writing
from filmdesk.core.errors import (
    AmbiguousFilmError,
    CollectionNotFoundError,
    CommentNotFoundError,
    DuplicateEntryError,
    EntryNotFoundError,
    FilmNotFoundError,
    NameTakenError,
    ScreeningListNotFoundError,
)
from filmdesk.core.films.editing import drop_unused_tags
from filmdesk.core.films.service import FilmService
from filmdesk.core.groups.collections import CollectionService
from filmdesk.core.groups.screening_lists import ListService
from filmdesk.core.importing.apply import ImportResult
from filmdesk.core.importing.service import ImportService
from filmdesk.core.operations import Operation, Outcome
from filmdesk.core.transaction import Transaction

# The errors the services raise, importable from here.
__all__ = [
    "AmbiguousFilmError",
    "Catalog",
    "CollectionNotFoundError",
    "CommentNotFoundError",
    "DuplicateEntryError",
    "EntryNotFoundError",
    "FilmNotFoundError",
    "ImportResult",
    "NameTakenError",
    "OpenedCatalog",
    "ScreeningListNotFoundError",
    "open_catalog",
]

T = TypeVar("T")


class Catalog:
    """The film catalog behind one database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._writes = sessionmaker(writing(engine), expire_on_commit=False)
        self.films = FilmService(engine, self._sessions, self.run)
        self.collections = CollectionService(self._sessions, self.run)
        self.lists = ListService(self._sessions, self.run)
        self.imports = ImportService(engine, self.run)

    def run(self, operation: Operation[T]) -> Outcome[T]:
        """Apply ``operation`` in one transaction: all of it is written, or (on any error)
        none of it. The outcome holds its result, its inverse and what changed."""
        with self._writes.begin() as session:
            tx = Transaction(session)
            outcome = operation.apply(tx)
            if tx.tags_touched:
                # Once per transaction, not once per film: a tag no film carries goes.
                session.flush()
                drop_unused_tags(session)
        return outcome

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()


@dataclass(frozen=True)
class OpenedCatalog:
    """What ``open_catalog`` did besides opening: schema migration and seeding."""

    catalog: Catalog
    migration: MigrationResult
    seeded: bool


def open_catalog(target: str, *, seed: Path | None = None) -> OpenedCatalog:
    """Open the catalog at ``target`` (path or URL): migrate, seed if needed, return it.

    ``seed`` defaults to the collection shipped with filmdesk.
    """
    from filmdesk.core.seed import apply_seed, default_seed_path

    engine, migration = open_database(target)
    try:
        result = apply_seed(engine, seed or default_seed_path())
    except BaseException:
        engine.dispose()
        raise
    return OpenedCatalog(Catalog(engine), migration, result.changed)
