"""Imports (``catalog.imports``): apply a planned import after backing up a SQLite catalog."""

from __future__ import annotations

from sqlalchemy import Engine

from filmdesk.core.db import backup_sqlite, sqlite_path
from filmdesk.core.exchange import ImportPlan, Progress, UnreadableFileError, collector_paused
from filmdesk.core.importing.apply import ApplyImport, ImportResult
from filmdesk.core.operations import Outcome, Runner


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
        outcome's inverse takes it all out again, in one transaction too.

        With problems in the plan, nothing is written unless ``skip_bad_rows`` is given (the
        rows with problems were left out of the plan already).
        """
        if plan.problems and not skip_bad_rows:
            raise UnreadableFileError(plan.problems)
        backup = None
        path = sqlite_path(self._engine.url)
        if path is not None and (plan.new or plan.updates or plan.lists):
            backup = backup_sqlite(path, "before-import")
        return self._run(ApplyImport(plan, progress, backup))

    def apply(
        self, plan: ImportPlan, *, skip_bad_rows: bool = False, progress: Progress | None = None
    ) -> ImportResult:
        """``run``, for a caller that does not undo (the command line)."""
        return self.run(plan, skip_bad_rows=skip_bad_rows, progress=progress).result
