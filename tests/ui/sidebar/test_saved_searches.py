"""Saved searches in the window: saved from the search shown, in the sidebar with live counts,
their films shown when chosen, changed and deleted as undoable steps."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.ui.dialogs.saved_search_dialog import SavedSearchDialog
from filmdesk.ui.films.film_order import Column
from filmdesk.ui.main_window import MainWindow
from tests.ui.conftest import type_text
from tests.ui.test_main_window import make_window


@pytest.fixture
def window(qtbot: QtBot, catalog: Catalog) -> Iterator[MainWindow]:
    yield make_window(qtbot, catalog)


def _shown(win: MainWindow) -> list[str]:
    model = win.films.model
    return sorted(model.index(r, Column.TITLE).data() for r in range(model.rowCount()))


def _count(win: MainWindow, search_id: int) -> str:
    item = win.sidebar_view.item("saved", search_id)
    assert item is not None
    return item.text(1)


def test_a_search_saved_in_the_window_is_a_sidebar_entry_that_follows_the_catalog(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, database: str
) -> None:
    catalog = window.catalog
    window.films.focus_search()
    type_text(window.films.search.field, "year:1970..1979")
    qtbot.waitUntil(lambda: len(_shown(window)) == 3)
    seventies = _shown(window)

    def name_it(dialog: SavedSearchDialog) -> int:
        assert dialog.query.text() == "year:1970..1979"  # the search shown, to keep
        dialog.name.setText("Seventies")
        return SavedSearchDialog.DialogCode.Accepted

    monkeypatch.setattr(SavedSearchDialog, "exec", name_it)
    window.window_actions["save_search"].trigger()
    (saved,) = catalog.searches.all()
    assert (saved.name, saved.query, saved.scope) == ("Seventies", "year:1970..1979", "")
    assert _count(window, saved.id) == "3"
    assert "Save search “Seventies”" in window.undo_stack.undoText()

    window.films.clear_search()
    assert window.sidebar_view.select("saved", saved.id)
    assert _shown(window) == seventies
    # The count follows an edit made by another program: one more film of the seventies.
    other = open_catalog(database).catalog
    other.films.edit(other.films.resolve("The Letter").id, {"year": 1975})
    other.close()
    # (the window follows changes made elsewhere on its own; the server's notice may take a
    # moment to arrive)
    qtbot.waitUntil(lambda: _count(window, saved.id) == "4", timeout=10000)

    window.undo_stack.undo()  # the edit elsewhere is not ours; undo takes back the save
    assert catalog.searches.all() == []
    assert window.sidebar_view.item("saved", saved.id) is None
    window.undo_stack.redo()
    assert [s.name for s in catalog.searches.all()] == ["Seventies"]


def test_editing_and_deleting_a_saved_search_are_steps_of_undo(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = window.catalog
    saved = catalog.searches.save("Ryazanov", "director:ryazanov")
    window.sidebar.refresh()
    assert window.sidebar_view.select("saved", saved.id)
    assert _shown(window) == ["The Irony of Fate, or Enjoy Your Bath!"]

    def change_it(dialog: SavedSearchDialog) -> int:
        dialog.query.setText("year:abc")
        assert dialog.problem.isVisibleTo(dialog) and "year:abc" in dialog.problem.text()
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.query.setText("year:1957")
        return SavedSearchDialog.DialogCode.Accepted

    monkeypatch.setattr(SavedSearchDialog, "exec", change_it)
    window.search_ops.edit_details(saved.id)
    assert catalog.searches.resolve("Ryazanov").query == "year:1957"
    assert _shown(window) == ["The Cranes Are Flying", "The House I Live In"]  # shown anew
    window.search_ops.delete(saved.id)
    assert catalog.searches.all() == []
    window.undo_stack.undo()
    assert catalog.searches.resolve("Ryazanov").query == "year:1957"
    window.undo_stack.undo()
    assert catalog.searches.resolve("Ryazanov").query == "director:ryazanov"


def test_a_film_edited_in_the_window_is_still_found_by_the_month_it_was_watched(
    qtbot: QtBot, catalog: Catalog
) -> None:
    letter = catalog.films.resolve("The Letter")
    catalog.films.add_viewing(letter.id, {"watched_on": date(2024, 3, 12)})
    window = make_window(qtbot, catalog)
    window.film_ops.set_rating(letter.id, 4.5)  # the row is made again from the record
    assert catalog.films.get(letter.id).rating == 4.5
    window.films.focus_search()
    type_text(window.films.search.field, "watched:2024-03")
    qtbot.waitUntil(lambda: _shown(window) == ["The Letter"])
