"""The one undo command: it runs a core operation and keeps the operation that undoes it.

Every change a user makes in the window is an ``OperationCommand`` on the window's
QUndoStack: redo runs the operation (the first time, or its inverse's inverse after an undo,
which brings back the same ids), undo runs the inverse, each in one transaction. What changed
goes to a ``ChangeSink`` (the window routes it to the panels); a failure makes the step
obsolete and is reported, and the window stays as the catalog is.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import replace
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from filmdesk.core.catalog import Catalog
from filmdesk.core.errors import StaleEditError, database_reason
from filmdesk.core.operations import Batch, Changes, Operation, Outcome
from filmdesk.core.validation import ValidationError
from filmdesk.ui.widgets.plain_text import as_typed

# Merge ids (QUndoCommand.id): steps with the same id and the same merge key become one step.
NOTES_MERGE_ID = 1


class ChangeSink(Protocol):
    """What an OperationCommand reports to (the window)."""

    def changes_applied(self, changes: Changes, select: bool) -> None:
        """``changes`` were made (or undone). ``select`` asks to show what changed."""

    def command_failed(
        self, action: str, error: Exception, keep_mine: Operation[Any] | None = None
    ) -> None:
        """The step named ``action`` could not be saved. ``keep_mine``: for a step refused
        because someone else changed what it changes, the same step without that check."""


class OperationCommand(QUndoCommand):
    """One step of Edit › Undo: an operation and, once run, its inverse."""

    def __init__(
        self,
        text: str,
        catalog: Catalog,
        sink: ChangeSink,
        operation: Operation[Any],
        *,
        applied: Outcome[Any] | None = None,
        merge_id: int = -1,
        merge_key: Hashable = None,
        select_first: bool = False,
    ) -> None:
        """``applied`` is the outcome of an operation run already (an import, run in the
        background): the first redo only reports it. ``select_first`` asks the window to
        show what changed the first time too (a new or deleted list), not only on undo and
        redo."""
        super().__init__(text)
        self._catalog = catalog
        self._sink = sink
        self._operation: Operation[Any] = operation
        self._inverse: Operation[Any] | None = None
        self._applied = applied
        self._merge_id = merge_id
        self._merge_key = merge_key
        self._select_first = select_first
        self._done_once = False
        self.result: Any = None

    def redo(self) -> None:
        if self._applied is not None:
            outcome, self._applied = self._applied, None
            self._finish(outcome, forward=True)
            return
        self._run(self._operation, forward=True)

    def undo(self) -> None:
        if self._inverse is not None:
            self._run(self._inverse, forward=False)

    def _run(self, operation: Operation[Any], *, forward: bool) -> None:
        try:
            outcome = self._catalog.run(operation)
        except Exception as exc:  # a database error must not take the window down
            self.setObsolete(True)
            retry = _overwriting(operation) if isinstance(exc, StaleEditError) else None
            self._sink.command_failed(self.text(), exc, retry)
            return
        self._finish(outcome, forward=forward)

    def _finish(self, outcome: Outcome[Any], *, forward: bool) -> None:
        if forward and not self._done_once and outcome.changes.is_empty:
            # Nothing to undo (every film was in the list already, say): no step for it.
            self.setObsolete(True)
            return
        if forward:
            self._inverse = outcome.inverse
            self.result = outcome.result
        else:  # what undoes the undo: the same change again, with the same ids
            self._operation = outcome.inverse
        select = self._done_once or self._select_first
        self._done_once = True
        self._sink.changes_applied(self._with_records(outcome.changes), select)

    def _with_records(self, changes: Changes) -> Changes:
        return with_records(self._catalog, changes)

    def id(self) -> int:
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Notes are saved after every pause in typing: one film's note edits are one step,
        # undone by the inverse of the first and redone by the operation of the last.
        from filmdesk.core.films.operations import EditFilms

        if not isinstance(other, OperationCommand) or other.id() != self.id():
            return False
        if other._merge_key != self._merge_key or other._inverse is None:
            return False
        self._operation = other._operation
        self.result = other.result
        # The undo puts back what was there before the first edit, over what the last one
        # left (and refuses if someone else has changed it since).
        first, last = self._inverse, other._inverse
        if isinstance(first, EditFilms) and isinstance(last, EditFilms):
            self._inverse = replace(first, expected=last.expected)
        return True


def with_records(catalog: Catalog, changes: Changes) -> Changes:
    """``changes`` carrying every added film's record (an import carries none of its new films:
    they are read after the commit, in bulk; an import in the background reads them there)."""
    carried = {film.id for film in changes.films}
    missing = sorted(changes.films_added - carried)
    if not missing:
        return changes
    return replace(changes, films=(*changes.films, *catalog.films.records(missing)))


def _overwriting(operation: Operation[Any]) -> Operation[Any] | None:
    """``operation`` without its check that nobody changed its fields since (the user chose to
    keep theirs); None when it has no such check."""
    from filmdesk.core.films.operations import EditFilms

    if isinstance(operation, EditFilms) and operation.expected:
        return replace(operation, expected=None)
    if isinstance(operation, Batch):
        steps = [_overwriting(step) or step for step in operation.steps]
        return Batch(tuple(steps)) if steps != list(operation.steps) else None
    return None


def failure_text(action: str, error: Exception) -> str:
    """What the window says when the step named ``action`` could not be saved: the step, and
    why in words (a field's problem, a change made elsewhere, a busy or full catalog), never
    a class name or SQL."""
    detail = (
        str(error)
        if isinstance(error, ValidationError | StaleEditError | LookupError | ValueError)
        else database_reason(error)
    )
    # (In the window's translation context, where the sentence has always been.)
    text = QCoreApplication.translate("MainWindow", "“{action}” could not be saved.")
    return as_typed(text.replace("{action}", action) + f"\n\n{detail[:1].upper()}{detail[1:]}.")
