"""File › Import Folder…: an unzipped Letterboxd export is a folder, which File › Import…'s file
dialog cannot choose."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog
from filmdesk.ui.dialogs.import_dialog import ImportDialog
from filmdesk.ui.main_window import MainWindow
from tests.ui.test_main_window import fresh, make_window, shown_titles

EXPORT = Path(__file__).resolve().parents[2] / "data" / "letterboxd" / "exports" / "older-2021"


@pytest.fixture
def window(qtbot: QtBot, catalog: Catalog) -> MainWindow:
    return make_window(qtbot, catalog)


def test_the_file_menu_offers_a_folder_beside_a_file(window: MainWindow) -> None:
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert texts[texts.index("&Import…") + 1] == "Import &Folder…"
    assert window.window_actions["import_folder"].shortcut().toString() == "Ctrl+Shift+I"


def test_an_unzipped_letterboxd_export_imports_as_one_undo_step(
    qtbot: QtBot, window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def choose(_parent: object, caption: str, _start: str) -> str:
        asked.append(caption)
        return str(EXPORT)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    shown: list[str] = []

    def accept(dialog: ImportDialog) -> int:
        shown.append(dialog.windowTitle())
        return ImportDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ImportDialog, "exec", accept)
    window.window_actions["import_folder"].trigger()
    assert asked == ["Import a folder"]
    assert shown == ["Import older-2021"]
    assert fresh(db_path).films.stats().films == 13
    assert "A Kite for Orla" in shown_titles(window)
    assert window.window_actions["undo"].text() == "&Undo Import older-2021"
    window.undo()
    assert fresh(db_path).films.stats().films == 10
    assert "A Kite for Orla" not in shown_titles(window)


def test_a_folder_with_no_export_in_it_is_refused_with_why(
    window: MainWindow, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "holiday photos").mkdir()
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *a: str(tmp_path / "holiday photos")
    )
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    window.window_actions["import_folder"].trigger()
    assert "is a folder with no Letterboxd export in it" in warnings[0]
    assert fresh(db_path).films.stats().films == 10


def test_cancelling_the_folder_dialog_does_nothing(
    window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: "")
    window.window_actions["import_folder"].trigger()
    assert fresh(db_path).films.stats().films == 10
    assert not window.window_actions["undo"].isEnabled()
