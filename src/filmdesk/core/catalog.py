"""The catalog: a thin front over one database, with a service per part (as Anki's
``col.decks``): ``catalog.films``, ``catalog.collections``, ``catalog.lists``,
``catalog.imports``, ``catalog.stats``. Every change is an operation
(``filmdesk.core.operations``) that ``Catalog.run`` applies in one transaction.

The GUI and the CLI call only this. Methods take and return plain values and frozen records;
no ORM object ever leaves a method.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import Engine, text

from filmdesk.core.backups.naming import Backup
from filmdesk.core.backups.service import BackupService
from filmdesk.core.catalog_file import CHECK_FAILED, WholeFileCheck, quick_check
from filmdesk.core.db import (
    MigrationResult,
    catch_up_id_sequences,
    close_own_connection,
    engine_read_only,
    open_database,
    read_only_refusal,
    sqlite_path,
    writing,
)
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
from filmdesk.core.operations import Operation, Outcome
from filmdesk.core.problems import (
    CatalogFileError,
    DamagedCatalogError,
    explain,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from filmdesk.core.films.service import FilmService
    from filmdesk.core.groups.collections import CollectionService
    from filmdesk.core.groups.screening_lists import ListService
    from filmdesk.core.importing.service import ImportService
    from filmdesk.core.posters.service import PosterService
    from filmdesk.core.searches import SearchService
    from filmdesk.core.stats import StatsService

# The errors the services raise, importable from here.
__all__ = [
    "AmbiguousFilmError",
    "Catalog",
    "CollectionNotFoundError",
    "CommentNotFoundError",
    "DuplicateEntryError",
    "EntryNotFoundError",
    "FilmNotFoundError",
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
        self.backups = BackupService(engine)
        self._numbered_by_sequences = engine.dialect.name == "postgresql"
        self._user_name: str | None = None

    # Each service is made when first used, and the ORM (SQLAlchemy's and the models) is
    # imported when a session is first opened: the window's first paint reads the films with
    # plain SQL (``films.bulk``) and needs neither (a tenth of the start).
    @cached_property
    def films(self) -> FilmService:
        """The films."""
        from filmdesk.core.films.service import FilmService

        return FilmService(self.engine, self._session, self.run)

    @cached_property
    def collections(self) -> CollectionService:
        """The collections."""
        from filmdesk.core.groups.collections import CollectionService

        return CollectionService(self._session, self.run)

    @cached_property
    def lists(self) -> ListService:
        """The screening lists."""
        from filmdesk.core.groups.screening_lists import ListService

        return ListService(self._session, self.run)

    @cached_property
    def posters(self) -> PosterService:
        """The films' posters."""
        from filmdesk.core.posters.service import PosterService

        return PosterService(self.engine, self._session, self.run)

    @cached_property
    def searches(self) -> SearchService:
        """The saved searches."""
        from filmdesk.core.searches import SearchService

        return SearchService(self._session, self.run)

    @cached_property
    def _sessions(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.engine, expire_on_commit=False)

    @cached_property
    def _writes(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(writing(self.engine), expire_on_commit=False)

    def _session(self) -> Session:
        """A new session for reading (what the services open)."""
        return self._sessions()

    @cached_property
    def imports(self) -> ImportService:
        """Applying import plans."""
        from filmdesk.core.importing.service import ImportService

        return ImportService(self.engine, self.run)

    @cached_property
    def stats(self) -> StatsService:
        """Statistics of watching."""
        from filmdesk.core.stats import StatsService

        return StatsService(self.engine)

    @property
    def user_name(self) -> str:
        """Who uses the catalog, as its database knows them: a shared catalog's account name
        (signs comments by default); "" for a catalog in a file of one's own."""
        if self._user_name is None:
            self._user_name = ""
            if self.engine.dialect.name == "postgresql":
                with self.engine.connect() as conn:
                    self._user_name = str(conn.execute(text("SELECT current_user")).scalar())
        return self._user_name

    @property
    def read_only(self) -> bool:
        """filmdesk may read this catalog but not change it (no permission to write)."""
        return engine_read_only(self.engine)

    def check_whole(self, started: WholeFileCheck | None = None) -> None:
        """Read the whole file once (SQLite's quick check); raise DamagedCatalogError when
        part of it is damaged. A tenth of a second for 100,000 films. (SQLite only.)

        ``started``: the check of this file begun before the catalog was opened, waited for
        here. Where it had no answer (it failed, or it is another file's), the file is
        checked now, as opened."""
        path = self.backups.catalog_path
        if path is None:
            return
        found = None
        if started is not None and started.path == path:
            with contextlib.suppress(Exception):
                found = started.found()
        if found is None:
            raw = self.engine.raw_connection()
            try:
                try:
                    found = quick_check(raw.driver_connection)  # type: ignore[arg-type]
                except sqlite3.DatabaseError as exc:
                    raise explain(exc, path) or exc from None
            finally:
                raw.close()
        if found:
            raise DamagedCatalogError(path, CHECK_FAILED)

    def run(self, operation: Operation[T]) -> Outcome[T]:
        """Apply ``operation`` in one transaction: all of it is written, or (on any error)
        none of it. The outcome holds its result, its inverse and what changed."""
        if self.read_only:
            raise read_only_refusal(self.engine)
        from filmdesk.core.films.editing import drop_unused_tags
        from filmdesk.core.transaction import Transaction

        with self._writes.begin() as session:
            tx = Transaction(session)
            outcome = operation.apply(tx)
            if tx.tags_touched:
                # Once per transaction, not once per film: a tag no film carries goes.
                session.flush()
                drop_unused_tags(session)
            if self._numbered_by_sequences:
                session.flush()
                catch_up_id_sequences(session.connection())
        return outcome

    def close(self) -> None:
        """Release the database connections."""
        close_own_connection(self.engine, for_good=True)
        self.engine.dispose()


@dataclass(frozen=True)
class OpenedCatalog:
    """What ``open_catalog`` did besides opening: schema migration, seeding, the automatic
    backup (or why none could be made)."""

    catalog: Catalog
    migration: MigrationResult
    seeded: bool
    backup: Backup | None = None
    backup_problem: CatalogFileError | None = None


def open_catalog(
    target: str, *, seed: Path | None = None, read_only: bool = False
) -> OpenedCatalog:
    """Open the catalog at ``target`` (path or URL): migrate, seed if needed, back it up if a
    day has passed since the last automatic backup, return it.

    ``seed`` defaults to the collection shipped with filmdesk. A catalog filmdesk may not write
    (or ``read_only``) is opened read-only, as it is (no seed, no backup). Raises
    DatabaseOpenError, or DamagedCatalogError when the backup's check finds the catalog
    damaged; a backup that cannot be written (a full disk) does not stop the opening:
    ``backup_problem`` says why.
    """
    from filmdesk.core.backups.writing import backup_if_due
    from filmdesk.core.seed import apply_seed, default_seed_path

    engine, migration = open_database(target, read_only=read_only)
    read_only = engine_read_only(engine)
    path = sqlite_path(engine.url)
    backup: Backup | None = None
    problem: CatalogFileError | None = None
    try:
        # A catalog made just now has nothing to lose yet.
        if path is not None and not read_only and migration.from_revision is not None:
            try:
                backup = backup_if_due(path)
            except DamagedCatalogError:
                raise
            except CatalogFileError as exc:
                problem = exc
        seeded = False if read_only else apply_seed(engine, seed or default_seed_path()).changed
    except BaseException:
        engine.dispose()
        raise
    return OpenedCatalog(Catalog(engine), migration, seeded, backup, problem)
