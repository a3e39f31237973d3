"""The sidebar: library, collections, lists and tags filter the table; drops and Add to… add
films; collections are made, renamed, rated and commented on, with undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog
from filmdesk.ui.dialogs.list_dialogs import DetailsDialog
from filmdesk.ui.films.film_order import Column
from filmdesk.ui.main_window import MainWindow
from filmdesk.ui.operations.context import Asking
from filmdesk.ui.shell.settings import open_settings
from tests.ui.conftest import type_text
from tests.ui.test_main_window import CRANES, fresh, make_window, row_of, shown_titles

SEED_COLLECTION = "Soviet Films About Correspondence"


@pytest.fixture
def window(qtbot: QtBot, catalog: Catalog) -> MainWindow:
    return make_window(qtbot, catalog)


def sidebar_names(win: MainWindow) -> list[str]:
    tree = win.sidebar_view.tree
    names = []
    for i in range(tree.topLevelItemCount()):
        section = tree.topLevelItem(i)
        names.append(section.text(0))
        names += [f"  {section.child(j).text(0)}" for j in range(section.childCount())]
    return names


def fill_details(monkeypatch: pytest.MonkeyPatch, **values: str) -> None:
    def accept(dialog: DetailsDialog) -> int:
        dialog.name.setText(values.get("name", ""))
        if dialog.audience is not None:
            dialog.audience.setText(values.get("audience", ""))
        dialog.description.setPlainText(values.get("description", ""))
        return DetailsDialog.DialogCode.Accepted.value

    monkeypatch.setattr(DetailsDialog, "exec", accept)


def test_sidebar_shows_library_collections_lists_and_tags(qtbot: QtBot, catalog: Catalog) -> None:
    catalog.films.edit_many({6: {"tags": ["war"]}, 10: {"tags": ["war"], "watched": True}})
    catalog.lists.create("Year 9", audience="9B")
    win = make_window(qtbot, catalog)
    names = sidebar_names(win)
    assert names[:4] == ["LIBRARY", "  All films", "  Watched", "  Not watched"]
    assert "  " + SEED_COLLECTION in names
    assert "  Year 9" in names
    assert names[-2:] == ["TAGS", "  war"]
    sidebar = win.sidebar_view
    assert sidebar.item("tag", "war").text(1) == "2"
    assert sidebar.item("watched").text(1) == "1"
    assert sidebar.item("unwatched").text(1) == "9"


def test_selecting_entries_filters_the_table_and_search_works_within(
    qtbot: QtBot, catalog: Catalog
) -> None:
    catalog.films.edit_many({6: {"tags": ["war"]}, 10: {"tags": ["war"], "watched": True}})
    win = make_window(qtbot, catalog)
    sidebar = win.sidebar_view
    sidebar.select("tag", "war")
    assert shown_titles(win) == ["The Ballad of a Soldier", CRANES]
    type_text(win.films.search.field, "cranes")
    assert shown_titles(win) == [CRANES]
    win.films.search.field.clear()
    sidebar.select("watched")
    assert shown_titles(win) == ["The Ballad of a Soldier"]
    sidebar.select("unwatched")
    assert len(shown_titles(win)) == 9
    assert "9 shown" in win.status_label.text()
    sidebar.select("all")
    assert len(shown_titles(win)) == 10


def test_an_empty_collection_says_how_to_fill_it(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    fill_details(monkeypatch, name="Thaw cinema", description="1956-1966")
    qtbot.mouseClick(window.sidebar_view.new_collection_button, Qt.MouseButton.LeftButton)
    assert [c.name for c in fresh(db_path).collections.all()][-1] == "Thaw cinema"
    assert window.sidebar_view.selected()[0] == "collection"
    assert window.films.stack.currentWidget() is window.films.empty_state
    assert "drag films" in window.films.empty_label.text()
    assert window.collection_panel.name.text() == "Thaw cinema"
    window.undo()
    assert "Thaw cinema" not in [c.name for c in fresh(db_path).collections.all()]
    assert window.sidebar_view.selected() == ("all", None)
    window.redo()
    assert [c.name for c in fresh(db_path).collections.all()][-1] == "Thaw cinema"


def drop_on(win: MainWindow, kind: str, key: int, film_ids: list[int]) -> None:
    """Drop films (as the film table drags them) on a sidebar entry."""
    tree = win.sidebar_view.tree
    item = win.sidebar_view.item(kind, key)
    assert item is not None
    tree.scrollToItem(item)
    position = tree.visualItemRect(item).center()
    mime = win.films.model.mimeData(
        [win.films.model.index(win.films.model.row_of(i), 0) for i in film_ids]
    )
    assert isinstance(mime, QMimeData)
    # As a real drag delivers it: enter, move over the entry, drop.
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(tree.viewport(), QDragEnterEvent(position, *args))
    QApplication.sendEvent(tree.viewport(), QDragMoveEvent(position, *args))
    QApplication.sendEvent(tree.viewport(), QDropEvent(position.toPointF(), *args))


def test_dropping_films_on_a_collection_adds_them_in_one_step(
    qtbot: QtBot, catalog: Catalog, db_path: Path
) -> None:
    thaw = catalog.collections.create("Thaw cinema")
    win = make_window(qtbot, catalog)
    drop_on(win, "collection", thaw.id, [6, 8])
    assert fresh(db_path).collections.get(thaw.id).film_ids == (6, 8)
    assert win.sidebar_view.item("collection", thaw.id).text(1) == "2"
    assert win.window_actions["undo"].text() == "&Undo Add 2 films to “Thaw cinema”"
    win.undo()
    assert fresh(db_path).collections.get(thaw.id).film_ids == ()
    win.sidebar_view.select("collection", thaw.id)
    win.redo()
    assert shown_titles(win) == [CRANES, "The Story of Asya Klyachina"]


def test_dropping_films_on_a_list_adds_them_once(
    qtbot: QtBot, catalog: Catalog, db_path: Path
) -> None:
    year9 = catalog.lists.create("Year 9")
    catalog.lists.add(year9.id, [6])
    win = make_window(qtbot, catalog)
    drop_on(win, "list", year9.id, [6, 10])
    assert fresh(db_path).lists.get(year9.id).film_ids == (6, 10)
    assert "1 in it already" in win.statusBar().currentMessage()
    win.undo()
    assert fresh(db_path).lists.get(year9.id).film_ids == (6,)


def test_context_menu_add_to_a_list(
    qtbot: QtBot, catalog: Catalog, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    year9 = catalog.lists.create("Year 9")
    win = make_window(qtbot, catalog)
    win.films.select_film(6)
    chosen = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        add_to = next(a.menu() for a in menu.actions() if a.text() == "Add to")
        chosen.append(next(a for a in add_to.actions() if a.text() == "Year 9"))
        menu.close()

    QTimer.singleShot(50, choose)
    win.show_film_menu(QPoint(5, 5))
    chosen[0].trigger()
    assert fresh(db_path).lists.get(year9.id).film_ids == (6,)


def test_new_list_from_the_context_menu_with_the_selected_films(
    qtbot: QtBot, window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_details(monkeypatch, name="Club", audience="Film club")
    window.films.select_film(6)
    window.list_ops.new_list([6])
    (summary,) = fresh(db_path).lists.summaries()
    assert (summary.name, summary.audience, summary.film_count) == ("Club", "Film club", 1)
    assert window.center.currentWidget() is window.list_view
    window.undo()  # one step: the list and its film
    assert fresh(db_path).lists.summaries() == []


def test_rename_and_delete_a_collection_keeps_its_films(
    qtbot: QtBot, window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Letters", True))
    monkeypatch.setattr(Asking, "confirm_delete", lambda *a: True)
    window.collection_ops.rename(1)
    assert fresh(db_path).collections.get(1).name == "Letters"
    assert window.sidebar_view.item("collection", 1).text(0) == "Letters"
    window.collection_ops.delete(1)
    assert fresh(db_path).collections.all() == []
    assert fresh(db_path).films.stats().films == 10
    window.undo()
    restored = fresh(db_path).collections.get(1)
    assert (restored.name, len(restored.film_ids)) == ("Letters", 10)
    window.undo()
    assert fresh(db_path).collections.get(1).name == SEED_COLLECTION


def test_collection_rating_and_comments_persist_across_a_restart(
    qtbot: QtBot, catalog: Catalog, db_path: Path
) -> None:
    win = make_window(qtbot, catalog)
    win.sidebar_view.select("collection", 1)
    panel = win.collection_panel
    assert panel.isVisible()
    assert panel.name.text() == SEED_COLLECTION
    assert "cinepicker" in panel.source.text()
    rating = panel.rating
    star = rating.width() / 5
    qtbot.mouseClick(
        rating,
        Qt.MouseButton.LeftButton,
        pos=QPoint(int(star * 4 - star / 4), rating.height() // 2),
    )
    assert fresh(db_path).collections.get(1).rating == 4.0
    type_text(panel.composer, "Первый комментарий")
    qtbot.mouseClick(panel.add_comment_button, Qt.MouseButton.LeftButton)
    type_text(panel.composer, "Second thoughts")
    qtbot.mouseClick(panel.add_comment_button, Qt.MouseButton.LeftButton)
    assert [v.text_label.text() for v in panel.comment_views] == [
        "Second thoughts",
        "Первый комментарий",
    ]
    win.close()

    again = MainWindow(fresh(db_path))
    qtbot.addWidget(again)
    again.show()  # (the sidebar is filled once the films are painted)
    qtbot.waitUntil(lambda: again.sidebar_view.tree.topLevelItemCount() > 0)
    again.sidebar_view.select("collection", 1)
    panel = again.collection_panel
    assert panel.rating.rating() == 4.0
    assert [v.text_label.text() for v in panel.comment_views] == [
        "Second thoughts",
        "Первый комментарий",
    ]


def test_comments_edit_delete_and_undo(
    qtbot: QtBot, window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.sidebar_view.select("collection", 1)
    panel = window.collection_panel
    type_text(panel.composer, "Good for Year 9")
    qtbot.mouseClick(panel.add_comment_button, Qt.MouseButton.LeftButton)
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda *a, **k: ("Good for Year 10", True)
    )
    qtbot.mouseClick(panel.comment_views[0].edit_button, Qt.MouseButton.LeftButton)
    assert [c.text for c in fresh(db_path).collections.comments(1)] == ["Good for Year 10"]
    qtbot.mouseClick(panel.comment_views[0].delete_button, Qt.MouseButton.LeftButton)
    assert fresh(db_path).collections.comments(1) == []
    assert panel.no_comments.isVisible()
    window.undo()
    assert [v.text_label.text() for v in panel.comment_views] == ["Good for Year 10"]
    window.undo()
    assert [c.text for c in fresh(db_path).collections.comments(1)] == ["Good for Year 9"]
    window.undo()
    assert fresh(db_path).collections.comments(1) == []


def test_choosing_a_film_in_a_collection_shows_its_details(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.sidebar_view.select("collection", 1)
    assert window.side.stack.currentWidget() is window.collection_panel
    window.films.select_film(6)
    assert window.side.stack.currentWidget() is window.detail
    assert window.detail.title.text() == CRANES
    qtbot.mouseClick(window.side.show_collection_button, Qt.MouseButton.LeftButton)
    assert window.side.stack.currentWidget() is window.collection_panel
    assert row_of(window, CRANES) >= 0
    assert window.films.table.model().index(0, Column.TITLE).flags() & Qt.ItemFlag.ItemIsDragEnabled


def test_remove_from_the_collection_shown_keeps_the_films(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    window.sidebar_view.select("collection", 1)
    window.films.select_film(6)
    window.collection_ops.remove_films(
        window.collection.current(), [f.id for f in window.films.selected_films()]
    )
    assert 6 not in fresh(db_path).collections.get(1).film_ids
    assert CRANES not in shown_titles(window)
    assert fresh(db_path).films.get(6).title == CRANES
    window.undo()
    assert CRANES in shown_titles(window)


def test_f2_and_delete_in_the_sidebar_act_on_the_entry_not_on_films(
    qtbot: QtBot, catalog: Catalog, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    year9 = catalog.lists.create("Year 9")
    win = make_window(qtbot, catalog)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Year 10", True))
    monkeypatch.setattr(Asking, "confirm_delete", lambda *a: True)
    tree = win.sidebar_view.tree
    win.sidebar_view.select("list", year9.id)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    assert fresh(db_path).lists.get(year9.id).name == "Year 10"
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert fresh(db_path).lists.summaries() == []
    assert fresh(db_path).films.stats().films == 10


def remember(entry: str) -> None:
    settings = open_settings()
    settings.setValue("sidebar/selected", entry)
    settings.sync()


def test_a_window_closed_before_its_first_paint_keeps_the_entry_remembered(
    qtbot: QtBot, catalog: Catalog
) -> None:
    remember("watched:")
    win = MainWindow(catalog)  # (the sidebar is filled once the films are painted)
    qtbot.addWidget(win)
    win.show()
    win.close()  # before any paint
    assert open_settings().value("sidebar/selected") == "watched:"
    again = make_window(qtbot, catalog)
    assert again.sidebar_view.selected() == ("watched", None)


def test_a_tag_remembered_and_gone_before_the_first_paint_leaves_every_film_shown(
    qtbot: QtBot, catalog: Catalog, db_path: Path
) -> None:
    film = catalog.films.resolve(CRANES)
    catalog.films.set_tags(film.id, ["letters"])
    remember("tag:letters")
    win = MainWindow(catalog)
    qtbot.addWidget(win)
    assert shown_titles(win) == [CRANES]  # the tag's films, from the first frame
    fresh(db_path).films.set_tags(film.id, [])  # another program takes the tag away
    win.show()
    qtbot.waitUntil(lambda: win.sidebar_view.tree.topLevelItemCount() > 0)
    assert win.sidebar_view.selected() == ("all", None)
    assert len(shown_titles(win)) == len(catalog.films.all())
