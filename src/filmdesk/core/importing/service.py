"""Imports (``catalog.imports``): apply a planned import after backing up a SQLite catalog."""

from __future__ import annotations

from sqlalchemy import Engine

from filmdesk.core.backups.naming import Reason
from filmdesk.core.backups.writing import make_backup
from filmdesk.core.collector import collector_paused
from filmdesk.core.db import engine_read_only, read_only_refusal, sqlite_path
from filmdesk.core.exchange import ImportPlan, UnreadableFileError
from filmdesk.core.importing.apply import ApplyImport, ImportResult
from filmdesk.core.operations import Outcome, Runner
from filmdesk.core.progress import Progress


class ImportService:
    """Applies import plans (``filmdesk.core.exchange.planning.plan_import`` makes them)."""

    def __init__(self, engine: Engine, run: Runner) -> None:
        self._engine = engine
        self._run = run

    @collector_paused()
    def run(
        self, plan: ImportPlan, *, skip_bad_rows: bool = False, progress: Progress | None = None
    ) -> Outcome[ImportResult]:
        """Apply a planned import in one transaction, after backing up a SQLite catalog; the
        outcome's inverse takes it all out again, in one transaction too. When no backup can
        be made (a full disk), the import is not started (a CatalogFileError says why).

        With problems in the plan, nothing is written unless ``skip_bad_rows`` is given (the
        rows with problems were left out of the plan already).
        """
        if plan.problems and not skip_bad_rows:
            raise UnreadableFileError(plan.problems)
        backup = None
        path = sqlite_path(self._engine.url)
        if engine_read_only(self._engine):
            raise read_only_refusal(self._engine)
        if path is not None and (plan.new or plan.updates or plan.lists):
            backup = make_backup(path, Reason.BEFORE_IMPORT).path
        return self._run(ApplyImport(plan, progress, backup))

    def apply(
        self, plan: ImportPlan, *, skip_bad_rows: bool = False, progress: Progress | None = None
    ) -> ImportResult:
        """``run``, for a caller that does not undo (the command line)."""
        return self.run(plan, skip_bad_rows=skip_bad_rows, progress=progress).result
