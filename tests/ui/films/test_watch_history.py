"""The watch history in the detail panel: a film's viewings listed, added, edited and removed,
and the Watched check box, each one undo step that the panel and the table follow."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import Qt as QtGui
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog
from filmdesk.core.exchange.planning import plan_import
from filmdesk.core.records import ViewingRecord
from filmdesk.ui.dialogs.film_dialog import FilmDialog
from filmdesk.ui.dialogs.viewing_dialog import ViewingDialog
from filmdesk.ui.films.film_order import Column
from filmdesk.ui.films.watch_history import ViewingListModel, WatchHistory
from filmdesk.ui.main_window import MainWindow
from filmdesk.ui.shell.i18n import format_medium_date, format_short_date
from tests.ui.test_main_window import CRANES, accept_next_message_box, fresh, make_window, row_of

DIARY = """\
Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date
2019-05-05,Harbour Lights,1950,https://boxd.it/Tq01,3.5,,,2019-05-04
2024-03-13,Harbour Lights,1950,https://boxd.it/Tq03,5,Yes,,2024-03-12
2022-11-21,Harbour Lights,1950,https://boxd.it/Tq02,4.5,Yes,,2022-11-20
"""


@pytest.fixture
def window(qtbot: QtBot, catalog: Catalog) -> Iterator[MainWindow]:
    yield make_window(qtbot, catalog)


def show(window: MainWindow, title: str) -> WatchHistory:
    """Select the film in the table; its watch history is in the detail panel."""
    assert window.films.select_film(window.catalog.films.resolve(title).id)
    return window.detail.history


def listed(history: WatchHistory) -> list[tuple[date | None, float | None, bool, str]]:
    return [(v.watched_on, v.rating, v.rewatch, v.note) for v in history.viewings()]


def watched_cell(window: MainWindow, title: str) -> str:
    index = window.films.model.index(row_of(window, title), Column.WATCHED)
    return str(index.data() or "")


def answer_dialog(
    monkeypatch: pytest.MonkeyPatch,
    *,
    day: date | None = None,
    rating: float | None = None,
    note: str | None = None,
) -> list[ViewingDialog]:
    """The next viewing dialog gets these values typed and OK pressed."""
    seen: list[ViewingDialog] = []

    def fill_and_accept(dialog: ViewingDialog) -> int:
        seen.append(dialog)
        if day is not None:
            dialog.day.setDate(QDate(day.year, day.month, day.day))
        if rating is not None:
            dialog.rating.set_rating(rating)
        if note is not None:
            dialog.note.setPlainText(note)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ViewingDialog, "exec", fill_and_accept)
    return seen


def test_a_diary_with_three_viewings_shows_three_in_the_panel(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path
) -> None:
    diary = tmp_path / "diary.csv"
    diary.write_text(DIARY, encoding="utf-8")
    catalog.imports.apply(plan_import(catalog, diary))
    window = make_window(qtbot, catalog)
    history = show(window, "Harbour Lights")
    assert history.summary.text() == "Seen 3 times · last " + format_medium_date(
        date(2024, 3, 12)
    ).replace(" ", "\u00a0")
    # Most recent first, each with the rating given that day and whether it was a rewatch.
    assert listed(history) == [
        (date(2024, 3, 12), 5.0, True, ""),
        (date(2022, 11, 20), 4.5, True, ""),
        (date(2019, 5, 4), 3.5, False, ""),
    ]
    first = history.model.index(0)
    assert first.data() == f"{format_medium_date(date(2024, 3, 12))}, 5 of 5 stars, rewatch"
    assert history.list.isVisible() and window.detail.watched.isChecked()
    assert watched_cell(window, "Harbour Lights") == format_short_date(date(2024, 3, 12))


def test_adding_a_viewing_lists_it_and_undo_and_redo_follow(
    qtbot: QtBot, window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = show(window, CRANES)
    assert history.summary.text() == "Not watched yet" and not history.list.isVisible()
    dialogs = answer_dialog(monkeypatch, day=date(2024, 3, 12), rating=4, note="with grandma")
    qtbot.mouseClick(history.add_button, Qt.MouseButton.LeftButton)
    assert dialogs[0].windowTitle() == f"Add Viewing of “{CRANES}”"
    assert not dialogs[0].rewatch.isChecked()  # the first time the film is seen
    assert listed(history) == [(date(2024, 3, 12), 4.0, False, "with grandma")]
    assert history.summary.text().startswith("Seen 1 time · ")
    assert window.detail.watched.isChecked()
    assert watched_cell(window, CRANES) == format_short_date(date(2024, 3, 12))
    (stored,) = fresh(db_path).films.viewings(fresh(db_path).films.resolve(CRANES).id)
    assert window.window_actions["undo"].text() == f"&Undo Add viewing of {CRANES}"

    window.window_actions["undo"].trigger()
    assert listed(history) == [] and history.summary.text() == "Not watched yet"
    assert not window.detail.watched.isChecked() and watched_cell(window, CRANES) == ""
    assert fresh(db_path).films.viewings(stored.film_id) == ()

    window.window_actions["redo"].trigger()
    assert history.viewings() == (stored,)  # the same viewing, id included
    assert watched_cell(window, CRANES) == format_short_date(date(2024, 3, 12))


def test_a_second_viewing_is_a_rewatch_and_the_latest_date_shows_in_the_table(
    qtbot: QtBot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    cranes = catalog.films.resolve(CRANES)
    catalog.films.add_viewing(cranes.id, {"watched_on": date(2020, 1, 5)})
    window = make_window(qtbot, catalog)
    history = show(window, CRANES)
    dialogs = answer_dialog(monkeypatch)  # today, as the dialog proposes
    qtbot.mouseClick(history.add_button, Qt.MouseButton.LeftButton)
    assert dialogs[0].rewatch.isChecked()
    assert [v.watched_on for v in history.viewings()] == [date.today(), date(2020, 1, 5)]
    assert history.viewings()[0].rewatch
    assert watched_cell(window, CRANES) == format_short_date(date.today())


def test_removing_a_viewing_with_delete_and_undo_brings_back_its_note(
    qtbot: QtBot, catalog: Catalog, db_path: Path
) -> None:
    cranes = catalog.films.resolve(CRANES)
    catalog.films.add_viewing(cranes.id, {"watched_on": date(2020, 1, 5), "note": "first"})
    catalog.films.add_viewing(cranes.id, {"watched_on": date(2023, 6, 1), "note": "Cannes copy"})
    window = make_window(qtbot, catalog)
    history = show(window, CRANES)
    before = history.viewings()
    history.list.setFocus()
    history.select_viewing(before[0].id)
    # Delete in the list removes the viewing, not the film (the window's Delete shortcut).
    qtbot.keyClick(history.list, Qt.Key.Key_Delete)
    assert listed(history) == [(date(2020, 1, 5), None, False, "first")]
    assert CRANES in [f.title for f in fresh(db_path).films.all()]
    assert watched_cell(window, CRANES) == format_short_date(date(2020, 1, 5))
    assert window.window_actions["undo"].text() == f"&Undo Remove viewing of {CRANES}"

    window.window_actions["undo"].trigger()
    assert history.viewings() == before  # same ids, note and all
    assert fresh(db_path).films.viewings(cranes.id)[-1].note == "Cannes copy"
    assert watched_cell(window, CRANES) == format_short_date(date(2023, 6, 1))


def test_the_remove_button_removes_every_selected_viewing_in_one_step(
    qtbot: QtBot, catalog: Catalog
) -> None:
    cranes = catalog.films.resolve(CRANES)
    for day in (date(2020, 1, 5), date(2021, 1, 5), date(2022, 1, 5)):
        catalog.films.add_viewing(cranes.id, {"watched_on": day})
    window = make_window(qtbot, catalog)
    history = show(window, CRANES)
    assert not history.remove_button.isEnabled()  # nothing selected yet
    history.list.selectAll()
    qtbot.mouseClick(history.remove_button, Qt.MouseButton.LeftButton)
    assert history.viewings() == () and not window.detail.watched.isChecked()
    assert window.window_actions["undo"].text() == f"&Undo Remove 3 viewings of {CRANES}"
    window.undo()
    assert len(history.viewings()) == 3


def test_double_click_edits_a_viewing_and_undo_puts_it_back(
    qtbot: QtBot, catalog: Catalog, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cranes = catalog.films.resolve(CRANES)
    catalog.films.add_viewing(cranes.id, {"watched_on": date(2020, 1, 5), "rating": 3})
    window = make_window(qtbot, catalog)
    history = show(window, CRANES)
    (before,) = history.viewings()
    dialogs = answer_dialog(monkeypatch, rating=4.5, note="better the second time")
    rect = history.list.visualRect(history.model.index(0))
    qtbot.mouseDClick(history.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialogs and dialogs[0].rating.rating() == 4.5  # it opened on the viewing shown
    assert listed(history) == [(date(2020, 1, 5), 4.5, False, "better the second time")]
    assert window.window_actions["undo"].text() == f"&Undo Edit viewing of {CRANES}"
    window.undo()
    assert history.viewings() == (before,)
    assert fresh(db_path).films.viewings(cranes.id) == (before,)


def test_a_day_in_the_future_is_refused_next_to_the_field(
    qtbot: QtBot, window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    history = show(window, CRANES)
    dialogs = answer_dialog(monkeypatch, day=date.today() + timedelta(days=3))
    qtbot.mouseClick(history.add_button, Qt.MouseButton.LeftButton)
    dialog = dialogs[0]
    assert dialog.result() != ViewingDialog.DialogCode.Accepted
    error = dialog.errors()["watched_on"]
    assert not error.isHidden() and "in the future" in error.text()
    assert fresh(db_path).films.viewings(fresh(db_path).films.resolve(CRANES).id) == ()
    assert not window.undo_stack.canUndo()


def test_a_viewing_on_a_day_not_known(qtbot: QtBot, catalog: Catalog) -> None:
    dialog = ViewingDialog("The Letter", seen_before=True)
    qtbot.addWidget(dialog)
    assert dialog.day.date().toPython() == date.today() and dialog.rewatch.isChecked()
    dialog.unknown_day.setChecked(True)
    assert not dialog.day.isEnabled()
    dialog.accept()
    assert dialog.fields() == {"watched_on": None, "rating": None, "rewatch": True, "note": ""}
    # Editing asks only for what changed.
    viewing = ViewingRecord(7, 3, None, 4.0, False, "at the club")
    edit = ViewingDialog("The Letter", viewing)
    qtbot.addWidget(edit)
    assert edit.unknown_day.isChecked() and edit.note.toPlainText() == "at the club"
    edit.note.setPlainText("at the film club")
    edit.accept()
    assert edit.fields() == {"note": "at the film club"}


def test_ticking_watched_adds_a_viewing_today(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    history = show(window, CRANES)
    qtbot.mouseClick(window.detail.watched, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    assert [v.watched_on for v in history.viewings()] == [date.today()]
    assert watched_cell(window, CRANES) == format_short_date(date.today())
    assert window.window_actions["undo"].text() == f"&Undo Mark {CRANES} watched"
    window.undo()
    assert history.viewings() == () and not window.detail.watched.isChecked()
    film = fresh(db_path).films.resolve(CRANES)
    assert not film.watched and fresh(db_path).films.viewings(film.id) == ()


def test_unticking_watched_asks_then_removes_every_viewing_and_undo_restores_them(
    qtbot: QtBot, catalog: Catalog, db_path: Path
) -> None:
    cranes = catalog.films.resolve(CRANES)
    catalog.films.add_viewing(cranes.id, {"watched_on": date(2019, 5, 4), "note": "school"})
    catalog.films.add_viewing(cranes.id, {"watched_on": date(2022, 11, 20)})
    catalog.films.add_viewing(cranes.id, {"watched_on": None, "rating": 5})
    window = make_window(qtbot, catalog)
    history = show(window, CRANES)
    before = history.viewings()
    checkbox = window.detail.watched

    seen = accept_next_message_box(qtbot, "Cancel")
    qtbot.mouseClick(checkbox, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    assert seen and "3 viewings" in seen[0]
    assert checkbox.isChecked() and history.viewings() == before  # nothing changed
    assert not window.undo_stack.canUndo()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    accept_next_message_box(qtbot, "Mark Not Watched")
    qtbot.mouseClick(checkbox, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    assert not checkbox.isChecked() and history.viewings() == ()
    assert watched_cell(window, CRANES) == ""
    assert fresh(db_path).films.viewings(cranes.id) == ()

    window.undo()
    assert checkbox.isChecked() and history.viewings() == before
    in_order = tuple(sorted(before, key=lambda v: v.order_key))
    assert fresh(db_path).films.viewings(cranes.id) == in_order
    assert watched_cell(window, CRANES) == format_short_date(date(2022, 11, 20))


def test_unticking_a_single_bare_viewing_asks_nothing(
    qtbot: QtBot, catalog: Catalog, db_path: Path
) -> None:
    cranes = catalog.films.resolve(CRANES)
    catalog.films.add_viewing(cranes.id, {"watched_on": date(2019, 5, 4)})
    window = make_window(qtbot, catalog)
    history = show(window, CRANES)
    qtbot.mouseClick(window.detail.watched, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    assert history.viewings() == () and fresh(db_path).films.viewings(cranes.id) == ()


def test_marking_films_not_watched_from_the_menu_asks_before_losing_their_history(
    qtbot: QtBot, catalog: Catalog, db_path: Path
) -> None:
    cranes = catalog.films.resolve(CRANES)
    catalog.films.add_viewing(cranes.id, {"watched_on": date(2019, 5, 4), "note": "school"})
    window = make_window(qtbot, catalog)
    show(window, CRANES)
    seen = accept_next_message_box(qtbot, "Cancel")
    window.window_actions["mark_unwatched"].trigger()
    assert seen and "1 viewing " in seen[0]
    assert len(fresh(db_path).films.viewings(cranes.id)) == 1


def test_saving_the_film_dialog_keeps_the_viewings(
    qtbot: QtBot, catalog: Catalog, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cranes = catalog.films.resolve(CRANES)
    catalog.films.add_viewing(cranes.id, {"watched_on": date(2019, 5, 4), "note": "school"})
    catalog.films.add_viewing(cranes.id, {"watched_on": date(2022, 11, 20)})
    before = catalog.films.viewings(cranes.id)
    window = make_window(qtbot, catalog)
    history = show(window, CRANES)

    def retitle(dialog: FilmDialog) -> int:
        dialog.editors["title"].setText("Letyat zhuravli")  # type: ignore[union-attr]
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(FilmDialog, "exec", retitle)
    window.window_actions["edit_film"].trigger()
    film = fresh(db_path).films.get(cranes.id)
    assert film.title == "Letyat zhuravli" and film.watched_on == date(2022, 11, 20)
    assert fresh(db_path).films.viewings(cranes.id) == before
    assert len(history.viewings()) == 2


def test_thirty_viewings_scroll_inside_a_list_of_bounded_height(
    qtbot: QtBot, catalog: Catalog
) -> None:
    cranes = catalog.films.resolve(CRANES)
    for n in range(30):
        catalog.films.add_viewing(
            cranes.id, {"watched_on": date(1990 + n, 1, 1), "note": f"time {n}" * (n % 2)}
        )
    window = make_window(qtbot, catalog)
    history = show(window, CRANES)
    assert len(history.viewings()) == 30
    line = history.list.fontMetrics().height()
    assert history.list.height() < 12 * line  # the tags and notes stay a short scroll away
    assert history.list.verticalScrollBar().maximum() > 0
    assert history.summary.text().startswith("Seen 30 times")


def test_the_viewing_list_model(qtmodeltester: object) -> None:
    model = ViewingListModel()
    model.set_viewings(
        [
            ViewingRecord(1, 5, date(2020, 1, 1), 3.5, False, "first"),
            ViewingRecord(2, 5, None, None, True, "<b>school</b>"),
            ViewingRecord(3, 5, date(2024, 1, 1), None, True, ""),
        ]
    )
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    # Most recent first, a day not known last; a note is shown as typed, never as HTML.
    assert [model.viewing_at(r).id for r in range(3)] == [3, 1, 2]
    tip = str(model.index(2).data(Qt.ItemDataRole.ToolTipRole))
    assert "Day not known" in tip
    # Qt shows a tooltip as HTML when it guesses so: this one it shows as typed.
    assert "<b>school</b>" in tip and not QtGui.mightBeRichText(tip)
