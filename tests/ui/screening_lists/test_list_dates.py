"""A teacher types a screening date into the list page's date cell: it is read as written.

Dates are typed the way a user does: a double-click on the cell, keys, Return; what counts is
the date stored in the catalog and the date the cell then shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QCalendarWidget, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog
from filmdesk.ui.main_window import MainWindow
from filmdesk.ui.screening_lists.list_view import WHEN, ScreeningListView
from filmdesk.ui.screening_lists.when_edit import WhenEdit, read_when
from filmdesk.ui.shell.i18n import format_short_date, install_translators
from tests.ui.conftest import type_text
from tests.ui.test_main_window import fresh, make_window

MORNING = datetime(2026, 12, 1, 10, 30)
DAY = datetime(2026, 12, 1)


@pytest.fixture(params=["en", "ru"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    install_translators(request.param)
    yield request.param
    install_translators("en")


@pytest.fixture
def page(qtbot: QtBot, catalog: Catalog, language: str) -> tuple[MainWindow, int]:
    """A window showing a two-film list, in ``language``."""
    screening_list = catalog.lists.create("Year 9: letters")
    catalog.lists.add(screening_list.id, [6, 10])
    window = make_window(qtbot, catalog)
    window.sidebar_view.select("list", screening_list.id)
    return window, screening_list.id


def open_date_editor(qtbot: QtBot, view: ScreeningListView, row: int) -> QWidget:
    """Double-click the date cell, as a user does; the editor that gets the keys."""
    index = view.model.index(row, WHEN)
    view.table.scrollTo(index)
    centre = view.table.visualRect(index).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(lambda: view.table.state() == view.table.State.EditingState)
    editor = QApplication.focusWidget()
    assert editor is not None
    return editor


def type_date(qtbot: QtBot, view: ScreeningListView, row: int, text: str) -> None:
    editor = open_date_editor(qtbot, view, row)
    type_text(editor, text)  # straight away: what the editor shows is typed over
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits a moment later (a queued call), as after a real Return.
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)


def schedule(window: MainWindow, list_id: int, film_id: int, at: datetime) -> None:
    """Schedule a film as a step of the window's (its panels are told, as after any step)."""
    screening_list = window.catalog.lists.get(list_id)
    window.list_ops.edit_entry(screening_list, film_id, {"scheduled_at": at})


def scheduled(db_path: Path, list_id: int, row: int = 0) -> datetime | None:
    return fresh(db_path).lists.get(list_id).entries[row].scheduled_at


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01 10:30", MORNING),
        ("2026-12-01T10:30", MORNING),
        ("2026-12-01", DAY),
    ],
)
def test_an_iso_date_typed_in_the_cell_is_stored_as_written(
    qtbot: QtBot, page: tuple[MainWindow, int], db_path: Path, text: str, expected: datetime
) -> None:
    window, list_id = page
    view = window.list_view
    type_date(qtbot, view, 0, text)
    assert scheduled(db_path, list_id) == expected
    assert "1" in view.model.index(0, WHEN).data()
    assert "2026" in view.model.index(0, WHEN).data()


def test_the_date_as_the_cell_shows_it_can_be_typed_back(
    qtbot: QtBot, page: tuple[MainWindow, int], db_path: Path
) -> None:
    window, list_id = page
    view = window.list_view
    # The second film is scheduled; its cell shows e.g. "Tue 1 Dec 2026, 10:30" (English) or
    # "вт 1 дек. 2026, 10:30" (Russian). That text, typed into the first film's cell, means the
    # same moment; so does the same day without the time.
    schedule(window, list_id, 10, MORNING)
    shown = view.model.index(1, WHEN).data()
    assert "2026" in shown and "10:30" in shown
    type_date(qtbot, view, 0, shown)
    assert scheduled(db_path, list_id) == MORNING
    assert view.model.index(0, WHEN).data() == shown
    type_date(qtbot, view, 0, shown.split(",")[0])
    assert scheduled(db_path, list_id) == DAY


def test_the_locales_short_date_is_read_in_its_order(
    qtbot: QtBot, page: tuple[MainWindow, int], db_path: Path, language: str
) -> None:
    window, list_id = page
    view = window.list_view
    short = format_short_date(MORNING.date())  # 01.12.2026 in Russian, 12/1/2026 in American
    type_date(qtbot, view, 0, f"{short} 10:30")
    assert scheduled(db_path, list_id) == MORNING


def test_text_that_is_no_date_keeps_the_editor_open_and_changes_nothing(
    qtbot: QtBot, page: tuple[MainWindow, int], db_path: Path
) -> None:
    window, list_id = page
    view = window.list_view
    editor = open_date_editor(qtbot, view, 0)
    type_text(editor, "next Tuesday")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert view.table.state() == view.table.State.EditingState
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert scheduled(db_path, list_id) is None
    assert not window.undo_stack.canUndo()


def test_emptying_the_cell_clears_the_date(
    qtbot: QtBot, page: tuple[MainWindow, int], db_path: Path
) -> None:
    window, list_id = page
    schedule(window, list_id, 6, MORNING)
    view = window.list_view
    editor = open_date_editor(qtbot, view, 0)
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "2026-12-01 10:30"  # ISO: easy to change a digit of
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert scheduled(db_path, list_id) is None


def test_a_day_picked_on_the_calendar_keeps_the_typed_time(
    qtbot: QtBot, page: tuple[MainWindow, int], db_path: Path
) -> None:
    window, list_id = page
    schedule(window, list_id, 6, MORNING)
    view = window.list_view
    editor = open_date_editor(qtbot, view, 0)
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = editor.findChild(QCalendarWidget)
    assert calendar is not None
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.selectedDate() == QDate(2026, 12, 1)
    # The same moment the editor is still open around: picking a day does not close it.
    with qtbot.waitSignal(calendar.activated):
        calendar.setSelectedDate(QDate(2026, 12, 8))
        qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    assert not calendar.isVisible()
    assert view.table.state() == view.table.State.EditingState
    focused = QApplication.focusWidget()
    assert isinstance(focused, QLineEdit)
    assert focused.text() == "2026-12-08 10:30"
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    assert scheduled(db_path, list_id) == datetime(2026, 12, 8, 10, 30)


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        ("en_US", "Tue 1 Dec 2026, 10:30", MORNING),
        ("en_US", "Thu 1 Dec 2026, 10:30", MORNING),  # a weekday left from an earlier date
        ("en_US", "1 December 2026 10:30", MORNING),
        ("en_US", "Dec 1, 2026 10:30 AM", MORNING),
        ("en_US", "Dec 1, 2026 10:30 pm", datetime(2026, 12, 1, 22, 30)),
        ("en_US", "12/1/2026", DAY),
        ("en_US", "12/1/26 10:30", MORNING),
        ("en_GB", "01/12/2026 10:30", MORNING),
        ("ru_RU", "вт 1 дек. 2026, 10:30", MORNING),
        ("ru_RU", "1 декабря 2026 г. 10:30", MORNING),
        ("ru_RU", "1 декабрь 2026", DAY),
        ("ru_RU", "1 дек 2026", DAY),
        ("ru_RU", "01.12.2026 10:30", MORNING),
        ("ru_RU", "1 Dec 2026", DAY),  # English month names are read in Russian too
        ("ru_RU", "2026-12-01 10:30", MORNING),
        ("ru_RU", "  ", None),
    ],
)
def test_the_forms_a_date_is_read_in(locale: str, text: str, expected: datetime | None) -> None:
    assert read_when(text, QLocale(locale)) == expected


@pytest.mark.parametrize(
    "text",
    ["next Tuesday", "2026-13-01", "31.11.2026", "1 Mar", "1 ма 2026", "1 Dec 2026 25:00",
     "1 Dec 2026 13:00 pm", "1500-01-01", "1 Dec 1500", "1.12"],
)  # fmt: skip
def test_what_is_no_date_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        read_when(text, QLocale("ru_RU"))


def test_text_that_is_no_date_is_shown_in_another_colour(qtbot: QtBot) -> None:
    editor = WhenEdit()
    qtbot.addWidget(editor)
    plain = editor.palette().color(QPalette.ColorRole.Text)
    editor.set_when(MORNING)
    assert editor.palette().color(QPalette.ColorRole.Text) == plain
    editor.setText("2026-12-0110:30")  # the space forgotten
    assert editor.palette().color(QPalette.ColorRole.Text) != plain
    editor.setText("2026-12-01 10:30")
    assert editor.palette().color(QPalette.ColorRole.Text) == plain
