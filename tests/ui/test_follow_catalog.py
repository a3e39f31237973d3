"""The window and another process on one catalog: what filmdesk-cli changes is shown within
a second, and nothing the window does overwrites it."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog
from filmdesk.ui.main_window import MainWindow
from tests.ui.test_main_window import make_window, row_of, shown_titles
from tests.unusual_catalogs import writer_holding_the_lock

CRANES = "The Cranes Are Flying"


def cli(db: str, *args: str) -> None:
    """filmdesk-cli in a process of its own, as a user runs it beside the window."""
    done = subprocess.run(
        [sys.executable, "-m", "filmdesk.cli", "--database", db, *args],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], dict[str, str]]:
    """The window's questions (their texts, in order) and the button the user clicks, by
    its text ("Keep the Other Change" unless a test says otherwise)."""
    asked: list[str] = []
    answer = {"button": "Keep the Other Change"}

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == answer["button"]).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked, answer


@pytest.fixture
def window(qtbot: QtBot, catalog: Catalog) -> MainWindow:
    return make_window(qtbot, catalog)


def test_what_the_cli_changes_appears_in_the_table_and_the_panel(
    qtbot: QtBot, window: MainWindow, catalog: Catalog, database: str
) -> None:
    window.films.select_film(catalog.films.resolve(CRANES).id)
    cli(database, "edit", CRANES, "--add-tag", "from-cli", "--notes", "Written in a terminal")
    cli(database, "add", "--title", "Paper Lanterns", "--year", "1961")
    cli(database, "delete", "The Letter")
    # The window's own timer looks within a second.
    qtbot.waitUntil(lambda: "Paper Lanterns" in shown_titles(window), timeout=5000)
    assert "The Letter" not in shown_titles(window)
    panel = window.detail
    assert panel.film() is not None and panel.film().title == CRANES  # still the user's choice
    assert panel.notes.toPlainText() == "Written in a terminal"
    assert "from-cli" in panel.tags.text()
    assert window.statusBar().currentMessage() == "Showing changes made elsewhere."


def test_a_tag_added_in_the_window_keeps_the_one_the_cli_added(
    qtbot: QtBot, window: MainWindow, catalog: Catalog, database: str
) -> None:
    cranes = catalog.films.resolve(CRANES)
    window.films.select_film(cranes.id)
    cli(database, "edit", CRANES, "--add-tag", "from-cli")
    # Before the window has looked again, the user adds a tag to what it shows.
    window.film_ops.set_tags(cranes.id, ["mine"])
    assert set(catalog.films.get(cranes.id).tags) == {"from-cli", "mine"}


def test_an_undo_does_not_overwrite_a_rating_given_elsewhere(
    qtbot: QtBot,
    window: MainWindow,
    catalog: Catalog,
    database: str,
    questions: tuple[list[str], dict[str, str]],
) -> None:
    asked, answer = questions
    cranes = catalog.films.resolve(CRANES)
    window.film_ops.set_rating(cranes.id, 2)
    cli(database, "edit", CRANES, "--rating", "4.5")
    window.undo_stack.undo()
    assert catalog.films.get(cranes.id).rating == 4.5  # not emptied by the undo
    (question,) = asked
    assert "changed elsewhere" in question and "rating is now 4.5" in question
    # The window shows the catalog as it is.
    model = window.films.model
    assert model.film_at(row_of(window, CRANES)).rating == 4.5
    # Rated again here, changed again elsewhere: this time the user keeps theirs.
    window.film_ops.set_rating(cranes.id, 1)
    cli(database, "edit", CRANES, "--rating", "3")
    answer["button"] = "Keep Mine"
    window.undo_stack.undo()
    assert catalog.films.get(cranes.id).rating == 4.5  # the undo, over the other change


def test_notes_typed_while_another_program_writes_are_kept_and_saved_later(
    qtbot: QtBot, database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import filmdesk.core.db
    import filmdesk.ui.operations.failures
    from filmdesk.core.catalog import open_catalog

    # A short wait for the lock, so that the save fails while the other program writes.
    monkeypatch.setattr(filmdesk.core.db, "BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr(filmdesk.ui.operations.failures, "BUSY_RETRY_MS", 300)
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: boxes.append(text))
    catalog = open_catalog(database).catalog
    window = make_window(qtbot, catalog)
    cranes = catalog.films.resolve(CRANES)
    window.films.select_film(cranes.id)
    writer = writer_holding_the_lock(database, 1.5)
    panel = window.detail
    panel.notes.setPlainText("Typed while the import ran")
    panel.flush_notes()
    # Not saved yet, and said so without a box; what was typed is still there.
    assert catalog.films.get(cranes.id).notes == ""
    assert "busy" in window.statusBar().currentMessage() and boxes == []
    assert panel.notes.toPlainText() == "Typed while the import ran"
    assert writer.wait(timeout=30) == 0
    qtbot.waitUntil(
        lambda: catalog.films.get(cranes.id).notes == "Typed while the import ran", timeout=10000
    )
    assert panel.notes.toPlainText() == "Typed while the import ran"
    window.close()
    catalog.close()


def test_notes_typed_for_a_film_deleted_elsewhere_are_kept_and_can_bring_it_back(
    qtbot: QtBot, window: MainWindow, catalog: Catalog, database: str
) -> None:
    cranes = catalog.films.resolve(CRANES)
    window.films.select_film(cranes.id)
    panel = window.detail
    panel.notes.setFocus()
    panel.notes.setPlainText("Half a thought about the station scene")  # not saved yet
    cli(database, "delete", CRANES)
    window.follow_catalog()
    assert CRANES not in shown_titles(window)
    assert panel.gone.isVisibleTo(panel) and not panel.rating.isEnabled()
    assert panel.notes.toPlainText() == "Half a thought about the station scene"
    panel.copy_notes_button.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == "Half a thought about the station scene"
    panel.add_back_button.click()
    (back,) = [f for f in catalog.films.all() if f.title == CRANES]
    assert (back.year, back.notes) == (1957, "Half a thought about the station scene")
    assert CRANES in shown_titles(window) and not panel.gone.isVisibleTo(panel)


def test_notes_typed_over_notes_changed_elsewhere_ask_before_overwriting(
    qtbot: QtBot,
    window: MainWindow,
    catalog: Catalog,
    database: str,
    questions: tuple[list[str], dict[str, str]],
) -> None:
    asked, answer = questions
    cranes = catalog.films.resolve(CRANES)
    window.films.select_film(cranes.id)
    panel = window.detail
    panel.notes.setFocus()
    panel.notes.setPlainText("Mine, typed in the window")
    cli(database, "edit", CRANES, "--notes", "Theirs, from the terminal")
    window.follow_catalog()  # the panel keeps what is being typed
    assert panel.notes.toPlainText() == "Mine, typed in the window"
    panel.flush_notes()  # the save is refused, and the user asked
    assert len(asked) == 1 and "notes is now 'Theirs, from the terminal'" in asked[0]
    assert catalog.films.get(cranes.id).notes == "Theirs, from the terminal"
    assert panel.notes.toPlainText() == "Theirs, from the terminal"  # theirs, as chosen
    # Typed again over theirs, changed again elsewhere: this time the user keeps theirs.
    panel.notes.setPlainText("Mine again")
    cli(database, "edit", CRANES, "--notes", "Theirs again")
    answer["button"] = "Keep Mine"
    panel.flush_notes()
    assert catalog.films.get(cranes.id).notes == "Mine again"
    assert panel.notes.toPlainText() == "Mine again"


def test_typed_notes_not_yet_saved_stay_when_the_field_has_lost_the_focus(
    qtbot: QtBot,
    window: MainWindow,
    catalog: Catalog,
    database: str,
    questions: tuple[list[str], dict[str, str]],
) -> None:
    # Typed, the window left (another program chosen: no focus anywhere in it) before the
    # save could be made; then someone else's notes arrive for the same film.
    asked, _answer = questions
    cranes = catalog.films.resolve(CRANES)
    window.films.select_film(cranes.id)
    panel = window.detail
    panel.notes.blockSignals(True)  # (the pause that saves has not come yet)
    panel.notes.setPlainText("Mine, not saved yet")
    panel.notes.blockSignals(False)
    panel.notes.clearFocus()
    cli(database, "edit", CRANES, "--notes", "Theirs, from the terminal")
    window.follow_catalog()
    assert panel.notes.toPlainText() == "Mine, not saved yet"  # (was once replaced)
    panel.flush_notes()
    assert len(asked) == 1 and "notes is now 'Theirs, from the terminal'" in asked[0]


def test_a_big_catalog_loses_no_change_made_before_it_has_read_every_film(
    qtbot: QtBot, catalog: Catalog, database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big catalog paints its first page, then reads every film, and looks for others'
    changes from then on: a change made before that is in what it reads, one made after is
    seen by its look."""
    from filmdesk.ui.films import loading

    monkeypatch.setattr(loading, "FIRST_PAGE_THRESHOLD", 3)
    monkeypatch.setattr(loading, "FIRST_PAGE", 2)
    window = MainWindow(catalog)
    qtbot.addWidget(window)
    assert window.films.is_loading()  # (its first page only, until it is painted)
    cli(database, "edit", "The Letter", "--title", "The Letter, Sent Before")
    window.show()
    qtbot.waitUntil(lambda: not window.films.is_loading(), timeout=5000)
    assert "The Letter, Sent Before" in shown_titles(window)
    cli(database, "add", "--title", "Paper Lanterns", "--year", "1961")
    qtbot.waitUntil(lambda: "Paper Lanterns" in shown_titles(window), timeout=5000)
    assert shown_titles(window).count("The Letter, Sent Before") == 1
    sidebar = window.sidebar  # (its counts read before the catalog's server stops)
    qtbot.waitUntil(lambda: sidebar._counts is not None and not sidebar._count_timer.isActive())
