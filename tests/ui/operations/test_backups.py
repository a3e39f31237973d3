"""File › Restore from Backup…, a read-only catalog, and a damaged one, in the window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from filmdesk.core.backups.naming import Reason, list_backups
from filmdesk.core.backups.writing import make_backup
from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.core.problems import DamagedCatalogError
from filmdesk.ui.dialogs.damaged_dialog import Choice, damaged_box
from filmdesk.ui.dialogs.restore_dialog import RestoreDialog
from filmdesk.ui.main_window import MainWindow
from tests.ui.test_main_window import click_star, fresh, make_window, row_of, shown_titles
from tests.unusual_catalogs import damage, read_only_folder


@pytest.fixture
def window(qtbot: QtBot, catalog: Catalog) -> MainWindow:
    return make_window(qtbot, catalog)


def choose_first(monkeypatch: pytest.MonkeyPatch, seen: list[RestoreDialog]) -> None:
    def accept(dialog: RestoreDialog) -> int:
        seen.append(dialog)
        return RestoreDialog.DialogCode.Accepted.value

    monkeypatch.setattr(RestoreDialog, "exec", accept)


def test_restoring_a_backup_shows_it_and_undo_brings_the_catalog_back(
    qtbot: QtBot, window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_backup(db_path, Reason.AUTOMATIC, now=datetime.now(UTC) - timedelta(days=1))
    window.film_ops.catalog.films.add({"title": "Mirror", "year": 1975})
    window.reload_everything()
    assert "Mirror" in shown_titles(window)
    seen: list[RestoreDialog] = []
    choose_first(monkeypatch, seen)

    window.window_actions["restore_backup"].trigger()

    rows = seen[0].list
    assert rows.topLevelItemCount() == 1
    assert rows.topLevelItem(0).text(1) == "10\u00a0films"  # type: ignore[union-attr]
    assert rows.topLevelItem(0).text(2) == "Daily copy"  # type: ignore[union-attr]
    assert rows.topLevelItem(0).text(0).startswith("Yesterday, ")  # type: ignore[union-attr]
    assert "Mirror" not in shown_titles(window) and len(shown_titles(window)) == 10
    assert fresh(db_path).films.stats().films == 10
    assert window.status_label.text() == "10 films · 0 watched"
    assert window.statusBar().currentMessage().startswith("Restored the backup (Yesterday, ")
    assert window.window_actions["undo"].text().startswith("&Undo Restore Backup (Yesterday, ")

    window.undo()
    assert "Mirror" in shown_titles(window)
    assert fresh(db_path).films.stats().films == 11
    window.redo()
    assert "Mirror" not in shown_titles(window)
    assert fresh(db_path).films.stats().films == 10


def test_the_restore_dialog_without_backups_says_why_and_restores_nothing(
    qtbot: QtBot, window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[RestoreDialog] = []
    monkeypatch.setattr(RestoreDialog, "exec", lambda d: seen.append(d) or 0)
    window.window_actions["restore_backup"].trigger()
    dialog = seen[0]
    assert dialog.empty.isVisibleTo(dialog) and not dialog.list.isVisibleTo(dialog)
    assert "no backups of this catalog yet" in dialog.empty.text()
    assert not dialog.restore_button.isEnabled()
    assert not window.window_actions["undo"].isEnabled()


def test_a_backup_that_cannot_be_restored_is_said_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = make_backup(db_path, Reason.AUTOMATIC)
    damage(backup.path)
    choose_first(monkeypatch, [])
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    window.window_actions["restore_backup"].trigger()
    assert len(warnings) == 1 and "is damaged" in warnings[0]
    assert "Error" not in warnings[0] and "sqlite+" not in warnings[0]
    assert len(shown_titles(window)) == 10
    assert not window.window_actions["undo"].isEnabled()


def test_a_read_only_catalog_says_so_and_cannot_be_changed(
    qtbot: QtBot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_catalog(str(db_path)).catalog.close()
    with read_only_folder(tmp_path / "shared", db_path) as copy:
        catalog = open_catalog(str(copy)).catalog
        win = make_window(qtbot, catalog)
        try:
            assert win.windowTitle() == "filmdesk (read-only)"
            assert win.notice.isVisible()
            assert str(copy) in win.notice.text.text()
            assert "read-only" in win.notice.text.text()
            for action in ("new_film", "import", "restore_backup", "delete", "edit_film"):
                assert not win.window_actions[action].isEnabled(), action
            win.films.select_film(catalog.films.resolve("The Letter").id)
            assert not win.window_actions["delete"].isEnabled()
            assert win.window_actions["export"].isEnabled()
            assert win.detail.notes.isReadOnly() and not win.detail.rating.isEnabled()
            assert not win.sidebar_view.new_collection_button.isEnabled()
            # A click that would change something says why in the status bar, no box.
            boxes: list[str] = []
            monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: boxes.append(text))
            click_star(qtbot, win, row_of(win, "The Letter"), 4)
            assert boxes == []
            assert "read-only" in win.statusBar().currentMessage()
            assert catalog.films.resolve("The Letter").rating is None
        finally:
            # Done reading before the read-only disk goes away.
            qtbot.waitUntil(lambda: not win.films.is_preparing(), timeout=10000)
            win.close()
            catalog.close()


def test_a_damaged_catalog_offers_its_latest_good_backup(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from filmdesk import app

    catalog = open_catalog(str(db_path)).catalog
    good = make_backup(db_path, Reason.AUTOMATIC)
    catalog.close()
    damage(db_path)
    with pytest.raises(DamagedCatalogError) as raised:
        app.open_window(str(db_path))
    box, buttons = damaged_box(
        db_path, raised.value.reason, list_backups(db_path)[0], db_path.parent / "backups", None
    )
    assert box.windowTitle() == "The catalog is damaged"
    assert box.text() == "filmdesk cannot open the catalog: part of the file is damaged."
    assert str(db_path) in box.informativeText()
    assert "Latest good backup: Today, " in box.informativeText()
    assert ", 10\u00a0films." in box.informativeText()
    assert [b.text() for b in box.buttons()].count("&Quit") == 1
    assert set(buttons) == {"restore", "folder", "quit"}

    asked: list[object] = []

    def restore(path: Path, reason: str, backup: object, folder: Path, *_: object) -> Choice:
        asked.append(backup)
        return Choice.RESTORE

    monkeypatch.setattr("filmdesk.ui.dialogs.damaged_dialog.ask_about_damage", restore)
    said = app._offer_restore(str(db_path), raised.value)
    assert said is not None and said.startswith("Restored the backup (Today, ")
    assert said.endswith(f"The damaged catalog is kept in {db_path.parent / 'backups'}.")
    assert [b.path for b in asked] == [good.path]  # type: ignore[attr-defined]
    win = app.open_window(str(db_path))
    qtbot.addWidget(win)
    assert len(shown_titles(win)) == 10
    win.catalog.close()


def test_a_damaged_catalog_without_backups_can_only_be_left(db_path: Path) -> None:
    box, buttons = damaged_box(db_path, "malformed", None, db_path.parent / "backups", None)
    assert "There is no backup of this catalog to restore." in box.informativeText()
    assert set(buttons) == {"folder", "quit"}
    assert not buttons["folder"].isEnabled()  # type: ignore[attr-defined]


def test_about_names_the_catalog_file(window: MainWindow, db_path: Path) -> None:
    from filmdesk.core.db import location

    assert location(window.catalog.engine) == str(db_path)


def test_a_catalog_opened_read_only_offers_no_change_of_lists_or_collections(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by a tester: the sidebar's menu, the list's buttons, its entries' menu and cells,
    # and the collection's rating, Edit… and comments stayed live, opened their dialogs and
    # then changed nothing.
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMenu

    from filmdesk.ui.screening_lists.list_view import NOTE, SCREENED, WHEN

    writable = open_catalog(str(db_path)).catalog
    made = writable.lists.create("Year 9")
    writable.lists.add(made.id, [writable.films.resolve("The Letter").id])
    (collection,) = writable.collections.all()
    writable.collections.add_comment(collection.id, "For the club's first evening.")
    writable.close()
    catalog = open_catalog(str(db_path), read_only=True).catalog
    win = make_window(qtbot, catalog)
    menus: list[QMenu] = []
    monkeypatch.setattr(QMenu, "exec", lambda menu, *_: menus.append(menu))
    try:
        sidebar = win.sidebar_view
        assert sidebar.select("list", made.id)
        qtbot.waitUntil(lambda: win.center.currentWidget() is win.list_view)
        view = win.list_view
        view.table.selectRow(0)
        assert view.selected_film_ids() == [catalog.films.resolve("The Letter").id]
        for button in (view.edit_button, view.add_button, view.remove_button, view.up_button):
            assert not button.isEnabled(), button.text()
        assert view.handout_button.isEnabled() and view.export_button.isEnabled()
        for column in (WHEN, NOTE, SCREENED):
            flags = view.model.flags(view.model.index(0, column))
            assert not flags & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
        rect = view.table.visualRect(view.model.index(0, NOTE))
        view.table.customContextMenuRequested.emit(rect.center())
        item = sidebar._items[("list", made.id)]
        sidebar.tree.customContextMenuRequested.emit(sidebar.tree.visualItemRect(item).center())
        assert menus == []  # every item of those menus changes the catalog

        assert sidebar.select("collection", collection.id)
        panel = win.collection_panel
        qtbot.waitUntil(lambda: len(panel.comment_views) == 1)
        assert not panel.rating.isEnabled() and not panel.edit_button.isEnabled()
        assert panel.composer.isHidden() and panel.add_comment_button.isHidden()
        (comment,) = panel.comment_views
        assert comment.edit_button.isHidden() and comment.delete_button.isHidden()
        assert comment.text_label.text() == "For the club's first evening."
    finally:
        qtbot.waitUntil(lambda: not win.films.is_preparing(), timeout=10000)
        win.close()
        catalog.close()
