"""A screening list's page on its own, without a window: shown, kept current by Changes, and
its moves asked for as whole new orders."""

from __future__ import annotations

from collections.abc import Sequence

from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog
from filmdesk.core.operations import Changes
from filmdesk.core.records import ScreeningListRecord
from filmdesk.core.validation import EntryFields
from filmdesk.ui.screening_lists.controller import ScreeningListController
from filmdesk.ui.screening_lists.list_view import ScreeningListView


class Editor:
    """Records what the page asks for."""

    def __init__(self) -> None:
        self.moves: list[tuple[list[int], list[int]]] = []

    def edit_details(self, list_id: int) -> None: ...
    def pick_films(self, screening_list: ScreeningListRecord) -> None: ...
    def add_films(
        self, list_id: int, film_ids: Sequence[int], position: int | None = None
    ) -> None: ...
    def remove_entries(self, screening_list: ScreeningListRecord, film_ids: list[int]) -> None: ...
    def move_entries(
        self, screening_list: ScreeningListRecord, order: list[int], moved: list[int]
    ) -> None:
        self.moves.append((order, moved))

    def put_in_date_order(self, screening_list: ScreeningListRecord) -> None: ...
    def edit_entry(
        self, screening_list: ScreeningListRecord, film_id: int, fields: EntryFields
    ) -> None: ...
    def edit_note(self, screening_list: ScreeningListRecord, film_id: int) -> None: ...
    def open_handout(self, screening_list: ScreeningListRecord) -> None: ...
    def export_list(self, screening_list: ScreeningListRecord) -> None: ...


def test_the_list_follows_changes(qtbot: QtBot, catalog: Catalog, qtmodeltester: object) -> None:
    year9 = catalog.lists.create("Year 9")
    catalog.lists.add(year9.id, [6, 10])
    view = ScreeningListView()
    qtbot.addWidget(view)
    editor = Editor()
    controller = ScreeningListController(catalog, view, editor, editor)
    with qtbot.waitSignal(controller.film_chosen) as chosen:
        controller.show_list(year9.id, first=True)
    assert chosen.args == [6]
    assert view.model.rowCount() == 2
    catalog.lists.add(year9.id, [7])
    controller.apply_changes(Changes(lists_changed=frozenset({year9.id})))
    assert view.model.rowCount() == 3
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]
    view.table.selectRow(0)
    controller.move_selected(1)
    assert editor.moves == [([10, 6, 7], [6])]
