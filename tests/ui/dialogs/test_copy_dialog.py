"""File › Copy Catalog To…: a file chosen (or a server's database named), the catalog copied in
the background, then what was copied and where; a target that holds a catalog is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.core.db import database_url, location_of
from filmdesk.core.posters.images import prepare_poster
from filmdesk.core.server_login import password_file
from filmdesk.ui.dialogs.copy_dialog import CopyDialog
from filmdesk.ui.main_window import MainWindow
from tests.core.test_copying import rows, rows_at
from tests.pg_server import LocalServer
from tests.posters import image_bytes
from tests.ui.conftest import type_text
from tests.ui.test_main_window import make_window


@pytest.fixture
def window(qtbot: QtBot, catalog: Catalog) -> MainWindow:
    return make_window(qtbot, catalog)


def answer_with(monkeypatch: pytest.MonkeyPatch, fill: object) -> list[CopyDialog]:
    """The dialog, when it opens, is filled in by ``fill(dialog)`` and Copy is clicked."""
    seen: list[CopyDialog] = []

    def run(dialog: CopyDialog) -> int:
        seen.append(dialog)
        fill(dialog)  # type: ignore[operator]
        assert dialog.copy_button.isEnabled()
        dialog.copy_button.click()
        return dialog.result()

    monkeypatch.setattr(CopyDialog, "exec", run)
    return seen


def said(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda _p, _t, text, kind=kind: shown.append((kind, text))
        )
    return shown


def test_the_catalog_is_copied_to_a_chosen_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "club films"  # typed without the suffix
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    seen = answer_with(monkeypatch, lambda dialog: qtbot.mouseClick(
        dialog.choose_button, Qt.MouseButton.LeftButton))  # fmt: skip
    shown = said(monkeypatch)
    catalog = window.film_ops.catalog
    mirror = catalog.films.add({"title": "Mirror", "year": 1975, "tags": ["Тарковский"]})
    catalog.posters.set(mirror.id, prepare_poster(image_bytes(), "mirror.png"))

    window.window_actions["copy_catalog"].trigger()

    copied = tmp_path / "club films.sqlite3"
    assert seen[0].path.text() == str(copied)
    assert shown == [
        (
            "information",
            # (The posters were copied and not said: the command line said them.)
            f"Copied 11 films (1 poster), 1 collection and 0 screening lists to {copied}.\n\n"
            "This window goes on with the catalog it has open. To open the copy, start "
            f"filmdesk with --database {copied}",
        )
    ]
    assert rows_at(str(copied)) == rows(catalog.engine)
    copy = open_catalog(str(copied)).catalog
    assert copy.films.resolve("Mirror").tags == ("Тарковский",)
    copy.close()
    assert window.film_ops.catalog.films.stats().films == 11  # the window's catalog as it was


def test_a_file_that_holds_a_catalog_is_refused_and_left_as_it_was(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = tmp_path / "taken.sqlite3"
    open_catalog(str(taken)).catalog.close()
    before = rows_at(str(taken))
    answer_with(monkeypatch, lambda dialog: type_text(dialog.path, str(taken)))
    shown = said(monkeypatch)

    window.window_actions["copy_catalog"].trigger()

    assert shown == [
        (
            "warning",
            f"The catalog was not copied.\n\n{taken} already holds a catalog (10 films, 1 "
            "collection); a catalog is copied only into an empty one, so nothing was changed",
        )
    ]
    assert rows_at(str(taken)) == before


def test_a_server_is_named_by_its_fields_never_with_a_password(qtbot: QtBot) -> None:
    dialog = CopyDialog("/home/anna")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.file_choice.isChecked() and not dialog.copy_button.isEnabled()
    assert not dialog.server.host.isEnabled()

    with qtbot.waitSignal(dialog.server_choice.toggled):
        # (On its text: the button is as wide as the dialog, its text is not.)
        qtbot.mouseClick(dialog.server_choice, Qt.MouseButton.LeftButton,
                         pos=QPoint(30, dialog.server_choice.height() // 2))  # fmt: skip
    assert dialog.server.host.isEnabled() and not dialog.path.isEnabled()
    type_text(dialog.server.host, "films.school.example")
    assert not dialog.copy_button.isEnabled()  # no database yet
    type_text(dialog.server.database, "фильмы")
    type_text(dialog.server.user, "anna")
    dialog.server.port.setValue(5433)

    assert dialog.copy_button.isEnabled()
    assert dialog.target() == (
        "postgresql+psycopg://anna@films.school.example:5433/%D1%84%D0%B8%D0%BB%D1%8C%D0%BC%D1%8B"
    )
    note = dialog.password_note.text().replace("\u2060", "")  # (a path is not broken)
    assert f"read from ~/{password_file().name}," in note
    # No field where a password could be typed.
    normal = QLineEdit.EchoMode.Normal
    assert {f.echoMode() for f in dialog.findChildren(QLineEdit)} == {normal}


def test_a_file_name_without_a_folder_goes_where_the_dialog_starts(qtbot: QtBot) -> None:
    dialog = CopyDialog("/home/anna/Documents")
    qtbot.addWidget(dialog)
    type_text(dialog.path, "copy.sqlite3")
    assert dialog.target() == "/home/anna/Documents/copy.sqlite3"


def test_the_catalog_is_copied_to_a_database_on_a_server(
    qtbot: QtBot, window: MainWindow, pg_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = database_url(pg_server.new_database())

    def name_the_server(dialog: CopyDialog) -> None:
        dialog.server_choice.setChecked(True)
        type_text(dialog.server.host, server.host or "")
        dialog.server.port.setValue(server.port or 5432)
        type_text(dialog.server.database, server.database or "")
        type_text(dialog.server.user, server.username or "")

    answer_with(monkeypatch, name_the_server)
    shown = said(monkeypatch)

    window.window_actions["copy_catalog"].trigger()

    where = location_of(server)
    assert shown == [
        (
            "information",
            f"Copied 10 films, 1 collection and 0 screening lists to {where}.\n\n"
            "This window goes on with the catalog it has open. File › Open Shared Catalog… "
            "opens the copy.",
        )
    ]
    assert rows_at(server.render_as_string()) == rows(window.film_ops.catalog.engine)
