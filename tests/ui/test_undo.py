"""The one undo command: a step that changes nothing is no step."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog
from filmdesk.core.groups.list_ops import AddToList
from filmdesk.core.operations import Changes
from filmdesk.ui.undo import OperationCommand


class _Sink:
    def __init__(self) -> None:
        self.applied: list[Changes] = []
        self.failed: list[str] = []

    def changes_applied(self, changes: Changes, select: bool) -> None:
        self.applied.append(changes)

    def command_failed(self, action: str, error: Exception) -> None:
        self.failed.append(action)


def test_adding_films_that_are_all_in_the_list_leaves_no_undo_step(
    qtbot: QtBot, catalog: Catalog
) -> None:
    ids = [f.id for f in catalog.films.all()][:2]
    year9 = catalog.lists.create("Year 9")
    catalog.lists.add(year9.id, ids)  # (another window, say, added them meanwhile)
    stack, sink = QUndoStack(), _Sink()
    stack.push(
        OperationCommand(
            "Add 2 films to Year 9",
            catalog,
            sink,
            AddToList(year9.id, tuple(ids), skip_present=True),
        )
    )
    assert stack.count() == 0 and not stack.canUndo()
    assert sink.applied == [] and sink.failed == []
    # A step that does change something stays, and reports what it changed.
    other = catalog.films.all()[5].id
    stack.push(OperationCommand("Add", catalog, sink, AddToList(year9.id, (other,))))
    assert stack.count() == 1 and sink.applied[0].lists_changed == {year9.id}
