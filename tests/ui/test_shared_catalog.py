"""File › Open Shared Catalog… on a real PostgreSQL server, and the window of an account that
may only read."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import open_catalog
from filmdesk.ui.dialogs.shared_catalog_dialog import SharedCatalogDialog
from filmdesk.ui.main_window import MainWindow
from filmdesk.ui.operations.shared import try_catalog
from filmdesk.ui.shell.settings import AUTHOR_KEY, CATALOG_KEY
from tests.core.test_shared_catalog import _roles
from tests.pg_server import SUPERUSER, LocalServer
from tests.ui.test_main_window import make_window

pytestmark = pytest.mark.postgresql


def _fill(dialog: SharedCatalogDialog, server: LocalServer, database: str, **more: str) -> None:
    fields = dialog.server
    fields.host.setText("127.0.0.1")
    fields.port.setValue(server.port)
    fields.database.setText(database)
    fields.user.setText(more.get("user", SUPERUSER))
    dialog.password.setText(more.get("password", ""))
    dialog.author.setText(more.get("author", ""))


def _open_button(dialog: SharedCatalogDialog) -> QDialogButtonBox:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box


def test_open_shared_catalog_makes_it_remembers_it_and_opens_it_in_place_of_this_one(
    qtbot: QtBot,
    pg_server: LocalServer,
    catalog: object,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    window = make_window(qtbot, catalog)  # type: ignore[arg-type]
    started: list[str] = []
    window.shared_ops._start = lambda target: started.append(target) or True  # type: ignore[method-assign]
    empty = pg_server.new_database().rsplit("/", 1)[1]

    def answer() -> None:
        dialog = next(
            w for w in window.findChildren(SharedCatalogDialog) if w.isVisible()
        )  # (shown modally)
        _fill(dialog, pg_server, "", author="Ms Orlova")
        _open_button(dialog).accepted.emit()
        assert dialog.problem.text() == "Give the name of the catalog's database."
        assert dialog.isVisible()
        _fill(dialog, pg_server, empty, password="s3cret:x", author="Ms Orlova")
        _open_button(dialog).accepted.emit()

    qtbot.waitUntil(lambda: True)
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, answer)
    window.shared_ops.open_shared_catalog()
    url = pg_server.url(empty)
    assert started == [url]
    assert not window.isVisible()  # this window closed; filmdesk starts on the shared one
    assert window.settings.value(CATALOG_KEY) == url
    assert window.settings.value(AUTHOR_KEY) == "Ms Orlova"
    # The empty database became a catalog with the curated collection.
    shared = open_catalog(url).catalog
    assert len(shared.films.all()) == 10
    shared.close()
    # The password went to PostgreSQL's password file, for the owner's eyes only.
    saved = (tmp_path / "pgpass").read_text(encoding="utf-8")
    assert saved == f"127.0.0.1:{pg_server.port}:{empty}:{SUPERUSER}:s3cret\\:x\n"
    assert stat.S_IMODE((tmp_path / "pgpass").stat().st_mode) == 0o600


def test_a_server_that_cannot_be_reached_is_said_in_the_dialog(pg_server: LocalServer) -> None:
    from filmdesk.core.server_login import ServerLogin
    from tests.pg_server import _free_port

    reason = try_catalog(ServerLogin("127.0.0.1", "club", SUPERUSER, _free_port()), "")
    assert reason is not None and "server cannot be reached" in reason
    assert "Traceback" not in reason and "psycopg" not in reason


def test_a_viewer_sees_a_read_only_window(qtbot: QtBot, pg_server: LocalServer) -> None:
    url = pg_server.new_database()
    open_catalog(url).catalog.close()
    _editor, viewer = _roles(pg_server, url)
    catalog = open_catalog(viewer).catalog
    window: MainWindow = make_window(qtbot, catalog)
    account = viewer.split("//")[1].split("@")[0]
    assert window.notice.isVisible()
    assert f"read-only for you: your account ({account}) may only read" in window.notice.text.text()
    assert window.windowTitle() == "filmdesk (read-only)"
    assert not window.window_actions["new_film"].isEnabled()
    assert window.detail.notes.isReadOnly()
    assert window.window_actions["open_local"].isVisible()
    window.close()
    catalog.close()


def test_comments_written_in_the_window_are_signed(
    qtbot: QtBot, pg_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = pg_server.new_database()
    catalog = open_catalog(url).catalog
    window = make_window(qtbot, catalog)
    collection = catalog.collections.all()[0]
    window.collection_ops.add_comment(collection.id, "Thursday: The Letter")
    window.settings.setValue(AUTHOR_KEY, "Ms Orlova")
    window.collection_ops.add_comment(collection.id, "Agreed")
    authors = [c.author for c in catalog.collections.comments(collection.id)]
    assert sorted(authors) == ["Ms Orlova", SUPERUSER]
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    window.close()
    catalog.close()


def test_a_server_gone_away_is_said_and_what_was_typed_is_saved_when_it_is_back(
    qtbot: QtBot,
) -> None:
    server = LocalServer().start()  # its own: this test stops it
    try:
        url = server.new_database()
        catalog = open_catalog(url).catalog
        window = make_window(qtbot, catalog)
        cranes = catalog.films.resolve("The Cranes Are Flying").id
        letter = catalog.films.resolve("The Letter").id
        window.films.select_film(cranes)
        # Everything the window reads after it opens (the rest of the table, the sidebar's
        # counts) read before the server goes: while it is away, no event loop is run here,
        # where pytest-qt's own hook, not the window's, would take what fails.
        sidebar = window.sidebar
        qtbot.waitUntil(
            lambda: (
                not window.films.is_loading()
                and sidebar._counts is not None
                and not sidebar._count_timer.isActive()
            )
        )
        server.pause()
        window.detail.notes.setPlainText("typed while the server was away")
        window.detail.flush_notes()  # fails: no traceback, no box, the text stays
        notice = window.notice
        assert notice.isVisible()
        assert notice.text.text().startswith("The catalog's server cannot be reached.")
        window.films.select_film(letter)  # reading it fails, quietly
        server.resume()
        qtbot.waitUntil(lambda: not notice.isVisible(), timeout=30000)
        assert window.statusBar().currentMessage() == "Connected to the catalog's server again."
        assert catalog.films.get(cranes).notes == "typed while the server was away"
        # What the window still has to read (the sidebar's counts after the save) is read
        # while the server is up, not after this test has stopped it.
        qtbot.waitUntil(lambda: not sidebar._count_timer.isActive())
        window.close()
        catalog.close()
    finally:
        server.stop()
