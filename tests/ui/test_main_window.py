from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.ui.dialogs.film_dialog import FilmDialog
from filmdesk.ui.films.film_order import Column
from filmdesk.ui.films.star_delegate import StarDelegate
from filmdesk.ui.main_window import MainWindow
from tests.ui.conftest import type_text

CRANES = "The Cranes Are Flying"


def make_window(qtbot: QtBot, catalog: Catalog) -> MainWindow:
    """The window as a person sees it: shown, active, its sidebar filled (after the films'
    first paint)."""
    win = MainWindow(catalog)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()  # shortcuts only reach the active window
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.waitUntil(lambda: win.sidebar_view.tree.topLevelItemCount() > 0)
    return win


@pytest.fixture
def window(qtbot: QtBot, catalog: Catalog) -> Iterator[MainWindow]:
    yield make_window(qtbot, catalog)


def fresh(db_path: Path) -> Catalog:
    """A second connection, as the next process would see the database."""
    return open_catalog(str(db_path)).catalog


def shown_titles(win: MainWindow) -> list[str]:
    model = win.films.model
    return [model.index(r, Column.TITLE).data() for r in range(model.rowCount())]


def row_of(win: MainWindow, title: str) -> int:
    return shown_titles(win).index(title)


def click_star(qtbot: QtBot, win: MainWindow, row: int, stars: float) -> None:
    index = win.films.model.index(row, Column.RATING)
    cell = win.films.table.visualRect(index)
    rect = StarDelegate.stars_rect(cell.toRectF())
    star = rect.width() / 5
    x = rect.left() + star * stars - star / 4  # inside the half that gives ``stars``
    qtbot.mouseClick(
        win.films.table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(int(x), cell.center().y())
    )


def test_window_lists_the_catalog(window: MainWindow) -> None:
    assert window.windowTitle() == "filmdesk"
    assert len(shown_titles(window)) == 10
    assert window.status_label.text() == "10 films · 0 watched"
    assert shown_titles(window)[0] == "The Ballad of a Soldier"  # "The" is not sorted on


def test_typing_a_query_filters_the_table(qtbot: QtBot, window: MainWindow) -> None:
    type_text(window.films.search.field, "летят")
    assert shown_titles(window) == [CRANES]
    assert window.status_label.text() == "10 films · 0 watched · 1 shown"
    window.films.search.field.clear()
    qtbot.keyClicks(window.films.search.field, "year:1957")
    assert shown_titles(window) == [CRANES, "The House I Live In"]
    qtbot.keyClick(window.films.search.field, Qt.Key.Key_Escape)
    assert window.films.search.field.text() == ""
    assert len(shown_titles(window)) == 10


def test_ctrl_f_focuses_search(qtbot: QtBot, window: MainWindow) -> None:
    window.films.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.films.search.field.hasFocus()


def test_a_bad_term_shows_a_message_instead_of_failing(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.films.search.field, "year:abc")
    assert window.films.search.error.isVisible()
    assert "year:abc" in window.films.search.error.text()
    window.films.search.field.clear()
    assert not window.films.search.error.isVisible()
    assert len(shown_titles(window)) == 10


def test_no_match_says_so_and_offers_to_clear(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.films.search.field, "zzzz")
    assert window.films.stack.currentWidget() is window.films.empty_state
    assert "No films match “zzzz”" in window.films.empty_label.text()
    qtbot.mouseClick(window.films.clear_search_button, Qt.MouseButton.LeftButton)
    assert window.films.stack.currentWidget() is window.films.table
    assert len(shown_titles(window)) == 10


def test_clicking_a_header_sorts_and_again_reverses(qtbot: QtBot, window: MainWindow) -> None:
    header = window.films.table.horizontalHeader()
    x = header.sectionViewportPosition(Column.YEAR) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    years = [window.films.model.index(r, Column.YEAR).data() for r in range(10)]
    assert years == sorted(years)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert [window.films.model.index(r, Column.YEAR).data() for r in range(10)] == sorted(
        years, reverse=True
    )


@pytest.mark.parametrize("chosen", [1, 3, 10])  # a few films (looked up one by one) or many
def test_a_sort_keeps_the_selected_films_selected(
    qtbot: QtBot, window: MainWindow, chosen: int
) -> None:
    table = window.films.table
    model = window.films.model
    titles = shown_titles(window)
    wanted = set(titles[10 - chosen :])
    selection = table.selectionModel()
    for row in range(10 - chosen, 10):
        selection.select(
            model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    selection.setCurrentIndex(model.index(9, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    current = model.index(9, Column.TITLE).data()
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(Column.YEAR) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert shown_titles(window) != titles  # (the order changed)
    rows = {i.row() for i in selection.selectedRows()}
    assert {model.index(r, Column.TITLE).data() for r in rows} == wanted
    assert table.currentIndex().data() == current


def test_click_a_star_rates_and_undo_clears(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    click_star(qtbot, window, row_of(window, CRANES), 4.5)
    assert fresh(db_path).films.resolve(CRANES).rating == 4.5
    assert window.window_actions["undo"].text() == f"&Undo Set rating of {CRANES}"
    window.window_actions["undo"].trigger()
    assert fresh(db_path).films.resolve(CRANES).rating is None
    window.window_actions["redo"].trigger()
    assert fresh(db_path).films.resolve(CRANES).rating == 4.5
    # Clicking the current value clears it.
    click_star(qtbot, window, row_of(window, CRANES), 4.5)
    assert fresh(db_path).films.resolve(CRANES).rating is None


def test_rating_widget_mouse_and_keyboard(qtbot: QtBot, window: MainWindow, db_path: Path) -> None:
    window.films.select_film(window.catalog.films.resolve(CRANES).id)
    stars = window.detail.rating
    assert stars.accessibleName() == "Rating"
    stars.setFocus()
    qtbot.keyClick(stars, Qt.Key.Key_3)
    assert fresh(db_path).films.resolve(CRANES).rating == 3.0
    qtbot.keyClick(stars, Qt.Key.Key_Right)
    assert fresh(db_path).films.resolve(CRANES).rating == 3.5
    assert stars.accessibleDescription() == "3.5 of 5 stars"
    qtbot.keyClick(stars, Qt.Key.Key_Left)
    qtbot.keyClick(stars, Qt.Key.Key_Left)
    assert fresh(db_path).films.resolve(CRANES).rating == 2.5
    qtbot.keyClick(stars, Qt.Key.Key_Delete)
    assert fresh(db_path).films.resolve(CRANES).rating is None
    size = stars.sizeHint()
    qtbot.mouseClick(
        stars,
        Qt.MouseButton.LeftButton,
        pos=QPoint(3 + (size.width() - 6) // 10, size.height() // 2),
    )
    assert fresh(db_path).films.resolve(CRANES).rating == 0.5
    # the table shows the same value
    assert (
        window.films.model.index(row_of(window, CRANES), Column.RATING).data(
            Qt.ItemDataRole.ToolTipRole
        )
        == "0.5 of 5 stars"
    )


def accept_next_message_box(qtbot: QtBot, button_text: str) -> list[str]:
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        for button in box.findChildren(QPushButton):
            if button.text().replace("&", "") == button_text:
                button.click()
                return

    QTimer.singleShot(0, click)
    return seen


def test_delete_asks_names_the_film_and_undo_brings_every_field_back(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    catalog = window.catalog
    cranes = catalog.films.resolve(CRANES)
    catalog.films.edit(
        cranes.id,
        {
            "rating": 4.5,
            "watched_on": date(2026, 11, 1),
            "notes": "Line 1\nLine 2",
            "tags": ["war"],
        },
    )
    window.films.load()
    before = fresh(db_path).films.resolve(CRANES)
    window.films.select_film(cranes.id)
    seen = accept_next_message_box(qtbot, "Delete")
    qtbot.keyClick(window.films.table, Qt.Key.Key_Delete)
    assert seen and CRANES in seen[0]
    assert CRANES not in shown_titles(window)
    assert CRANES not in [f.title for f in fresh(db_path).films.all()]
    assert window.window_actions["undo"].text() == f"&Undo Delete {CRANES}"
    window.activateWindow()  # the confirmation has closed; back to the window
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.films.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    after = fresh(db_path).films.resolve(CRANES)
    assert after == before  # every field, tags and id included
    assert after.id in fresh(db_path).collections.all()[0].film_ids
    assert CRANES in shown_titles(window)


def test_undoing_a_delete_stays_on_the_films_shown(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    catalog = window.catalog
    cranes = catalog.films.resolve(CRANES)
    year9 = catalog.lists.create("Year 9")
    catalog.lists.add(year9.id, [cranes.id])
    window.sidebar.refresh()
    window.sidebar_view.select("all")
    window.films.select_film(cranes.id)
    accept_next_message_box(qtbot, "Delete")
    window.window_actions["delete"].trigger()
    # Undo brings the film back where the user is, not into the shipped collection (or onto
    # the list page) the film happened to be in; redo does not move away either.
    window.undo()
    assert window.sidebar_view.selected() == ("all", None)
    assert window.center.currentWidget() is window.films
    assert window.films.current_film() is not None
    assert window.films.current_film().id == cranes.id
    window.redo()
    assert window.sidebar_view.selected() == ("all", None)
    assert CRANES not in shown_titles(window)


def test_cancelled_delete_changes_nothing(qtbot: QtBot, window: MainWindow, db_path: Path) -> None:
    window.films.select_film(window.catalog.films.resolve(CRANES).id)
    accept_next_message_box(qtbot, "Cancel")
    window.window_actions["delete"].trigger()
    assert len(fresh(db_path).films.all()) == 10
    assert not window.undo_stack.canUndo()


def test_bulk_mark_watched_is_one_undo_step(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    window.films.table.setFocus()
    window.films.table.selectAll()
    window.window_actions["mark_watched"].trigger()
    assert fresh(db_path).films.stats().watched == 10
    assert window.status_label.text() == "10 films · 10 watched"
    assert window.window_actions["undo"].text() == "&Undo Mark 10 films watched"
    window.window_actions["undo"].trigger()
    assert fresh(db_path).films.stats().watched == 0


def test_watched_checkbox_in_the_table(qtbot: QtBot, window: MainWindow, db_path: Path) -> None:
    index = window.films.model.index(row_of(window, CRANES), Column.WATCHED)
    assert window.films.model.setData(
        index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    film = fresh(db_path).films.resolve(CRANES)
    assert film.watched and film.watched_on == date.today()
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_notes_are_saved_on_close(qtbot: QtBot, catalog: Catalog, db_path: Path) -> None:
    win = make_window(qtbot, catalog)
    win.films.select_film(catalog.films.resolve(CRANES).id)
    win.detail.notes.setFocus()
    type_text(win.detail.notes, "Урусевский")
    win.close()  # well before the autosave pause
    assert fresh(db_path).films.resolve(CRANES).notes == "Урусевский"


def test_notes_autosave_after_a_pause_as_one_undo_step(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    window.films.select_film(window.catalog.films.resolve(CRANES).id)
    notes = window.detail.notes
    notes.setFocus()
    type_text(notes, "first")
    qtbot.waitUntil(lambda: fresh(db_path).films.resolve(CRANES).notes == "first", timeout=3000)
    type_text(notes, " second")
    qtbot.waitUntil(
        lambda: fresh(db_path).films.resolve(CRANES).notes == "first second", timeout=3000
    )
    assert window.undo_stack.count() == 1
    window.window_actions["undo"].trigger()
    assert fresh(db_path).films.resolve(CRANES).notes == ""


def test_tags_from_the_panel(qtbot: QtBot, window: MainWindow, db_path: Path) -> None:
    window.films.select_film(window.catalog.films.resolve(CRANES).id)
    tags = window.detail.tags
    tags.setFocus()
    qtbot.keyClicks(tags, "war, Classic, WAR")
    qtbot.keyClick(tags, Qt.Key.Key_Return)
    assert fresh(db_path).films.resolve(CRANES).tags == ("Classic", "war")
    assert window.window_actions["undo"].text() == f"&Undo Set tags of {CRANES}"


def test_edit_dialog_shows_problems_next_to_fields(qtbot: QtBot) -> None:
    dialog = FilmDialog()
    qtbot.addWidget(dialog)
    dialog.editors["year"].setText("abc")  # type: ignore[union-attr]
    dialog.editors["trailer_url"].setText("javascript:alert(1)")  # type: ignore[union-attr]
    dialog.accept()
    assert dialog.result() != FilmDialog.DialogCode.Accepted
    assert not dialog.errors["title"].isHidden() and "required" in dialog.errors["title"].text()
    assert "'abc' is not a year" in dialog.errors["year"].text()
    assert "http" in dialog.errors["trailer_url"].text()
    assert dialog.errors["description"].isHidden()


def test_new_film_through_the_dialog_and_undo(
    qtbot: QtBot, window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill_and_accept(dialog: FilmDialog) -> int:
        dialog.editors["title"].setText("Mirror")  # type: ignore[union-attr]
        dialog.editors["year"].setText("1975")  # type: ignore[union-attr]
        dialog.editors["directors"].setText("Andrei Tarkovsky")  # type: ignore[union-attr]
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(FilmDialog, "exec", fill_and_accept)
    window.window_actions["new_film"].trigger()
    mirror = fresh(db_path).films.resolve("Mirror")
    assert mirror.directors == ("Andrei Tarkovsky",)
    assert window.films.current_film() is not None and window.films.current_film().title == "Mirror"  # type: ignore[union-attr]
    window.window_actions["undo"].trigger()
    assert "Mirror" not in [f.title for f in fresh(db_path).films.all()]
    window.window_actions["redo"].trigger()
    assert fresh(db_path).films.resolve("Mirror").id == mirror.id


def test_column_layout_and_sort_survive_a_restart(qtbot: QtBot, catalog: Catalog) -> None:
    first = make_window(qtbot, catalog)
    header = first.films.table.horizontalHeader()
    header.resizeSection(Column.TITLE, 321)
    header.setSectionHidden(Column.TAGS, True)
    header.moveSection(header.visualIndex(Column.YEAR), 0)
    header.setSortIndicator(Column.YEAR, Qt.SortOrder.DescendingOrder)
    first.close()

    second = make_window(qtbot, catalog)
    header2 = second.films.table.horizontalHeader()
    assert header2.sectionSize(Column.TITLE) == 321
    assert header2.isSectionHidden(Column.TAGS)
    assert header2.visualIndex(Column.YEAR) == 0
    assert header2.sortIndicatorSection() == Column.YEAR
    assert header2.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    years = [second.films.model.index(r, Column.YEAR).data() for r in range(10)]
    assert years == sorted(years, reverse=True)


def test_a_window_saved_off_screen_comes_back(qtbot: QtBot, catalog: Catalog) -> None:
    first = make_window(qtbot, catalog)
    first.move(20000, 20000)
    first.close()
    second = make_window(qtbot, catalog)
    screen = QApplication.primaryScreen().availableGeometry()
    assert screen.intersects(QRect(second.frameGeometry()))


def test_search_finds_descriptions_and_new_notes_at_every_stage(
    qtbot: QtBot, catalog: Catalog
) -> None:
    win = make_window(qtbot, catalog)
    # Straight away, before the window has indexed descriptions in the background.
    qtbot.keyClicks(win.films.search.field, "pushkin")
    assert shown_titles(win) == ["The Stationmaster"]
    win.films.search.field.clear()
    qtbot.waitUntil(lambda: not win.films.is_preparing(), timeout=10000)
    qtbot.keyClicks(win.films.search.field, "pushkin")
    assert shown_titles(win) == ["The Stationmaster"]
    win.films.search.field.clear()
    # A note written now is found by the next search.
    win.film_ops.set_notes(catalog.films.resolve(CRANES).id, "Urusevsky's camera")
    qtbot.keyClicks(win.films.search.field, "urusev")
    assert shown_titles(win) == [CRANES]


def test_tab_goes_from_search_to_table_to_the_films_fields(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.films.select_film(window.catalog.films.resolve(CRANES).id)
    window.films.search.field.setFocus()
    order = []
    for _ in range(7):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    detail = window.detail
    # A film not watched has no viewings to list, edit or remove: only "Add Viewing…".
    assert order == [
        window.films.table,
        detail.trailer_button,
        detail.rating,
        detail.watched,
        detail.history.add_button,
        detail.tags,
        detail.notes,
    ]


def test_undo_while_typing_notes_keeps_both_steps(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    window.films.select_film(window.catalog.films.resolve(CRANES).id)
    notes = window.detail.notes
    notes.setFocus()
    type_text(notes, "great film")
    qtbot.waitUntil(
        lambda: fresh(db_path).films.resolve(CRANES).notes == "great film", timeout=3000
    )
    window.undo()
    assert fresh(db_path).films.resolve(CRANES).notes == ""
    assert notes.toPlainText() == ""  # the field follows the undo
    window.films.table.setFocus()  # leaving the field must not save the old text again
    assert fresh(db_path).films.resolve(CRANES).notes == ""
    assert window.undo_stack.canRedo()
    window.redo()
    assert fresh(db_path).films.resolve(CRANES).notes == "great film"


def test_notes_typed_just_before_a_delete_come_back_with_undo(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    window.films.select_film(window.catalog.films.resolve(CRANES).id)
    window.detail.notes.setFocus()
    type_text(window.detail.notes, "watch with grandma")
    accept_next_message_box(qtbot, "Delete")
    window.window_actions["delete"].trigger()
    window.undo()
    assert fresh(db_path).films.resolve(CRANES).notes == "watch with grandma"


def test_search_keeps_the_selection_and_a_typo_does_not_lose_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    ids = [window.catalog.films.resolve(t).id for t in (CRANES, "The Letter", "The Stationmaster")]
    window.films.select_film(ids[0])
    for film_id in ids[1:]:
        row = window.films.model.row_of(film_id)
        assert row is not None
        window.films.table.selectionModel().select(
            window.films.model.index(row, 0),
            window.films.table.selectionModel().SelectionFlag.Select
            | window.films.table.selectionModel().SelectionFlag.Rows,
        )
    qtbot.keyClicks(window.films.search.field, "year:1957..1982")
    assert sorted(f.id for f in window.films.selected_films()) == sorted(ids)
    window.films.search.field.clear()
    qtbot.keyClicks(window.films.search.field, "cranx")
    assert window.films.current_film() is None
    qtbot.keyClick(window.films.search.field, Qt.Key.Key_Backspace)
    assert window.films.current_film() is not None and window.films.current_film().id == ids[0]  # type: ignore[union-attr]
    assert window.detail.film() is not None


def test_a_search_typed_on_after_an_edit_finds_the_edited_film(
    qtbot: QtBot, window: MainWindow
) -> None:
    letter = window.catalog.films.resolve("The Letter")
    qtbot.keyClicks(window.films.search.field, "cr")
    window.film_ops.set_tags(letter.id, ["crime"])  # The Letter now matches, though not shown yet
    qtbot.keyClicks(window.films.search.field, "ime")
    assert "The Letter" in shown_titles(window)


def test_double_click_in_the_stars_rates_without_opening_the_editor(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[object] = []
    monkeypatch.setattr(FilmDialog, "exec", lambda self: opened.append(self) or 0)
    window.films.select_film(window.catalog.films.resolve(CRANES).id)
    index = window.films.model.index(row_of(window, CRANES), Column.RATING)
    window.films.table.doubleClicked.emit(index)
    assert opened == []
    window.films.table.doubleClicked.emit(
        window.films.model.index(row_of(window, CRANES), Column.TITLE)
    )
    assert len(opened) == 1


def test_deleting_many_films_and_undoing(qtbot: QtBot, catalog: Catalog, db_path: Path) -> None:
    for number in range(300):
        catalog.films.add({"title": f"Generated {number}", "year": 2000})
    win = make_window(qtbot, catalog)
    qtbot.keyClicks(win.films.search.field, "generated")
    win.films.table.selectAll()
    accept_next_message_box(qtbot, "Delete")
    win.window_actions["delete"].trigger()
    assert fresh(db_path).films.stats().films == 10
    assert win.status_label.text().startswith("10 films")
    win.undo()
    assert fresh(db_path).films.stats().films == 310
    assert win.films.model.shown_count() == 300
    assert len(win.films.selected_films()) >= 1


def test_switching_appearance_repaints_the_table_too(window: MainWindow) -> None:
    from PySide6.QtGui import QPalette

    from filmdesk.ui.shell.settings import apply_appearance

    def choose(name: str) -> None:
        action = next(a for a in window.appearance_group.actions() if a.data() == name)
        action.trigger()

    try:
        choose("dark")
        assert window.films.table.palette().color(QPalette.ColorRole.Base).lightness() < 100
        choose("light")
        assert window.films.table.palette().color(QPalette.ColorRole.Base).lightness() > 200
    finally:
        apply_appearance("system")


def test_the_star_preview_ends_when_the_mouse_leaves(qtbot: QtBot, window: MainWindow) -> None:
    index = window.films.model.index(row_of(window, CRANES), Column.RATING)
    cell = window.films.table.visualRect(index)
    # (From elsewhere first: a move to where the pointer already is, as the test before may
    # have left it, is no move at all.)
    qtbot.mouseMove(window.films.table.viewport(), QPoint(1, 1))
    qtbot.mouseMove(window.films.table.viewport(), QPoint(cell.left() + 30, cell.center().y()))
    assert window.films.table.star_delegate._hover is not None
    from PySide6.QtCore import QEvent

    QApplication.sendEvent(window.films.table.viewport(), QEvent(QEvent.Type.Leave))
    assert window.films.table.star_delegate._hover is None


DATA = Path(__file__).resolve().parent.parent / "data"


def test_import_from_the_file_menu_is_one_undo_step(
    qtbot: QtBot, window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from filmdesk.ui.dialogs.import_dialog import ImportDialog

    shown: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(DATA / "utf8_bom.csv"), "")
    )

    def accept(dialog: ImportDialog) -> int:
        shown.append(dialog.findChild(QLabel).text())  # type: ignore[union-attr]
        return ImportDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ImportDialog, "exec", accept)
    window.window_actions["import"].trigger()
    assert "2 new, 0 updated, 0 unchanged" in shown[0]
    assert fresh(db_path).films.stats().films == 12
    assert "Зеркало" in shown_titles(window)
    assert window.window_actions["undo"].text() == "&Undo Import utf8_bom.csv"
    window.undo()
    assert fresh(db_path).films.stats().films == 10
    assert "Зеркало" not in shown_titles(window)
    window.redo()
    assert fresh(db_path).films.resolve("Зеркало").notes == "Смотрели всей семьёй;\nобсудить сон"


def test_a_bad_file_is_refused_with_its_problem(
    window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    warnings: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(DATA / "wrong_columns.csv"), "")
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    window.window_actions["import"].trigger()
    assert "no 'title' column" in warnings[0]
    assert fresh(db_path).films.stats().films == 10


def test_export_from_the_file_menu(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from filmdesk.ui.dialogs.export_dialog import ExportDialog

    target = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(ExportDialog, "exec", lambda self: ExportDialog.DialogCode.Accepted.value)
    window.window_actions["export"].trigger()
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("title,original_title,year")
    assert len([line for line in lines if ",1957," in line]) == 2


def test_export_a_printable_list_with_posters(
    window: MainWindow, catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import re
    import subprocess

    from PIL import Image
    from PySide6.QtWidgets import QFileDialog

    from filmdesk.core.posters.images import prepare_poster
    from filmdesk.ui.dialogs.export_dialog import ExportDialog

    picture = io.BytesIO()
    Image.new("RGB", (300, 450), (20, 60, 150)).save(picture, "PNG")
    poster = prepare_poster(picture.getvalue(), "poster.png")
    for title in ("The Letter", "The Cranes Are Flying"):
        catalog.posters.set(catalog.films.resolve(title).id, poster)
    target = tmp_path / "films.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    seen: list[bool] = []

    def choose_pdf_with_posters(dialog: ExportDialog) -> int:
        assert not dialog.with_posters.isEnabled()  # (CSV first: no posters there)
        dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
        seen.append(dialog.with_posters.isEnabled())
        dialog.with_posters.setChecked(True)
        return ExportDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ExportDialog, "exec", choose_pdf_with_posters)
    window.window_actions["export"].trigger()
    assert seen == [True]
    # Two films, one picture: drawn twice, kept once in the file.
    assert len(re.findall(rb"/Subtype\s*/Image", target.read_bytes())) == 1
    listed = subprocess.run(["pdfimages", "-list", str(target)], capture_output=True, text=True)
    assert len(listed.stdout.splitlines()) - 2 == 2


def test_cancel_stops_background_work(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QProgressDialog

    from filmdesk.core.progress import ImportCancelled
    from filmdesk.ui.shell.background import run_with_progress

    reached: list[int] = []

    def task(progress: object) -> str:
        for step in range(20_000_000):
            progress(step, 20_000_000)  # type: ignore[operator]
            reached.append(step) if step % 100_000 == 0 else None
        return "finished"

    def press_cancel() -> None:
        dialogs = window.findChildren(QProgressDialog)
        if dialogs:
            dialogs[-1].findChild(QPushButton).click()  # type: ignore[union-attr]
        else:
            QTimer.singleShot(10, press_cancel)

    QTimer.singleShot(10, press_cancel)
    with pytest.raises(ImportCancelled):
        run_with_progress(window, "Working…", task)
    assert len(reached) < 150  # stopped long before the end


def test_undoing_an_import_takes_out_its_lists_and_comments_too(
    qtbot: QtBot, window: MainWindow, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    from PySide6.QtWidgets import QFileDialog

    from filmdesk.core.exchange.json_format import export_backup
    from filmdesk.ui.dialogs.import_dialog import ImportDialog

    # Someone else's catalog: a comment and a rating on the shipped collection.
    other = open_catalog(str(tmp_path / "other.sqlite3")).catalog
    shipped = other.collections.all()[0]
    other.collections.add_comment(shipped.id, "Посмотрели с 9 «Б»: обсуждали письма с фронта")
    other.collections.rate(shipped.id, 4.5)
    backup = tmp_path / "backup.json"
    export_backup(backup, other, other.films.all(timestamps=True))
    # A Letterboxd export with a list: it becomes a screening list.
    letterboxd = tmp_path / "letterboxd.zip"
    with zipfile.ZipFile(letterboxd, "w") as archive:
        for file in [*(DATA / "letterboxd").glob("*.csv"), *(DATA / "letterboxd").glob("lists/*")]:
            archive.write(file, file.relative_to(DATA / "letterboxd"))
    monkeypatch.setattr(ImportDialog, "exec", lambda self: ImportDialog.DialogCode.Accepted.value)
    for source in (backup, letterboxd):
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, s=source, **k: (str(s), ""))
        window.window_actions["import"].trigger()

    def state() -> tuple[object, ...]:
        catalog = fresh(db_path)
        collection = catalog.collections.all()[0]
        return (
            [c.text for c in catalog.collections.comments(collection.id)],
            collection.rating,
            [(x.name, x.film_count) for x in catalog.lists.summaries()],
            catalog.films.stats().films,
        )

    imported = state()
    assert imported[0] == ["Посмотрели с 9 «Б»: обсуждали письма с фронта"]
    assert imported[1] == 4.5 and len(imported[2]) == 1
    window.undo()
    window.undo()
    assert state() == ([], None, [], 10)
    window.redo()
    window.redo()
    assert state() == imported


def test_a_long_catalog_fits_without_scrolling_sideways(qtbot: QtBot, catalog: Catalog) -> None:
    # More films than the window shows: the vertical scroll bar takes room from the columns,
    # and the last column gives it up rather than pushing the table sideways.
    for number in range(60):
        catalog.films.add({"title": f"Film {number}", "year": 1960 + number % 30})
    win = make_window(qtbot, catalog)
    table = win.films.table
    qtbot.waitUntil(lambda: table.verticalScrollBar().isVisible())
    assert table.horizontalScrollBar().maximum() == 0
    header = table.horizontalHeader()
    assert header.sectionViewportPosition(Column.TAGS) + header.sectionSize(Column.TAGS) <= (
        table.viewport().width()
    )


def _add_mirror(monkeypatch: pytest.MonkeyPatch) -> None:
    def fill_and_accept(dialog: FilmDialog) -> int:
        dialog.editors["title"].setText("Mirror")  # type: ignore[union-attr]
        dialog.editors["year"].setText("1975")  # type: ignore[union-attr]
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(FilmDialog, "exec", fill_and_accept)


def test_a_new_film_hidden_by_the_search_is_shown(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot.keyClicks(window.films.search.field, "cranes")
    assert shown_titles(window) == [CRANES]
    _add_mirror(monkeypatch)
    window.window_actions["new_film"].trigger()
    assert window.films.search.text() == ""
    assert "Mirror" in shown_titles(window)
    current = window.films.current_film()
    assert current is not None and current.title == "Mirror"
    assert window.detail.title.text() == "Mirror"
    assert "search was cleared" in window.statusBar().currentMessage()


def test_a_new_film_outside_the_sidebar_entry_is_shown(
    qtbot: QtBot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    year9 = catalog.lists.create("Year 9")
    window = make_window(qtbot, catalog)
    for kind, key in (("watched", None), ("list", year9.id)):
        window.sidebar_view.select(kind, key)
        _add_mirror(monkeypatch)
        window.window_actions["new_film"].trigger()
        assert window.sidebar_view.selected() == ("all", None)
        assert window.center.currentWidget() is window.films
        current = window.films.current_film()
        assert current is not None and current.title == "Mirror"
        assert "Showing all films" in window.statusBar().currentMessage()


def _cli(db_path: Path, *args: str) -> None:
    """filmdesk-cli in a process of its own, on the window's database."""
    import os
    import subprocess
    import sys

    src = Path(__file__).resolve().parents[2] / "src"
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, "-m", "filmdesk.cli", "--database", str(db_path), *args]
    subprocess.run(command, env=env, check=True, capture_output=True)


def test_a_step_that_fails_says_so_and_the_list_page_shows_the_list_as_it_is(
    qtbot: QtBot, catalog: Catalog, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    cranes = catalog.films.resolve(CRANES)
    year9 = catalog.lists.create("Year 9")
    catalog.lists.add(year9.id, [cranes.id])
    window = make_window(qtbot, catalog)
    qtbot.waitUntil(lambda: window.sidebar_view.item("list", year9.id) is not None)
    window.sidebar_view.select("list", year9.id)
    shown = window.screening_list.current()
    assert shown is not None
    window.list_ops.edit_entry(shown, cranes.id, {"note": "Who writes?"})
    _cli(db_path, "lists", "remove", "Year 9", str(cranes.id))  # another process
    window.undo()
    assert len(warnings) == 1 and "not in the screening list" in warnings[0]
    # The page no longer shows the film that left the list, so nothing else fails on it.
    assert window.list_view.model.rowCount() == 0
    current = window.screening_list.current()
    assert current is not None and current.film_ids == ()


FIRST_PAINT_PROBE = """
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from filmdesk.app import create_application, open_window

def orm() -> bool:
    return "sqlalchemy.orm" in sys.modules or "filmdesk.core.models" in sys.modules

def sidebar_entries() -> list[str]:
    tree = window.sidebar_view.tree
    return [tree.topLevelItem(i).child(j).text(0) for i in range(tree.topLevelItemCount())
            for j in range(tree.topLevelItem(i).childCount())]

class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not hasattr(self, "seen"):
            self.seen = True
            shown = window.center.currentWidget().objectName() or "films"
            print(f"{shown}: {window.films.model.rowCount()} films;",
                  "ORM;" if orm() else "no ORM;",
                  "sidebar filled" if sidebar_entries() else "sidebar empty", flush=True)
            QTimer.singleShot(0, self.later)
        return False

    def later(self):
        if not sidebar_entries():
            QTimer.singleShot(20, self.later)
            return
        print("then:", window.sidebar_view.selected()[0], "|".join(sidebar_entries()), flush=True)
        os._exit(0)

app = create_application()
window = open_window(sys.argv[1])
probe = Probe()
window.films.table.viewport().installEventFilter(probe)
window.list_view.installEventFilter(probe)
window.show()
QTimer.singleShot(20000, lambda: os._exit(3))
app.exec()
"""


@pytest.mark.parametrize(
    ("chosen", "first_frame"),
    [
        ("all:", "films: 10 films; no ORM; sidebar empty"),
        ("watched:", "films: 2 films; no ORM; sidebar empty"),
        ("unwatched:", "films: 8 films; no ORM; sidebar empty"),
        ("tag:letters", "films: 1 films; no ORM; sidebar empty"),
        ("collection:1", "films: 10 films; ORM; sidebar filled"),
    ],
)
def test_the_first_frame_shows_the_films_chosen_without_the_orm_where_it_can(
    db_path: Path, tmp_path: Path, chosen: str, first_frame: str
) -> None:
    """The window's first paint reads the films with plain SQL: SQLAlchemy's ORM and the
    models (a tenth of the start) are imported after it, when the sidebar is filled. The
    sidebar entry chosen at the last close is shown from the first frame: watched films or
    a tag by the films alone, a collection (read through the ORM) with the sidebar filled."""
    import os
    import subprocess
    import sys

    catalog = open_catalog(str(db_path)).catalog  # made and seeded: the start only opens it
    films = catalog.films.all()
    catalog.films.set_watched(films[0].id, True)
    catalog.films.set_watched(films[1].id, True)
    catalog.films.set_tags(films[2].id, ["letters"])
    catalog.close()
    settings = Path(os.environ["XDG_CONFIG_HOME"]) / "filmdesk" / "filmdesk.ini"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(f"[sidebar]\nselected={chosen}\n", encoding="utf-8")
    found = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT_PROBE, str(db_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert found.returncode == 0, found.stderr
    first, then = found.stdout.splitlines()
    assert first == first_frame
    kind, entries = then.split(" ", 2)[1:]
    assert kind == chosen.split(":")[0]
    assert "Soviet Films About Correspondence" in entries.split("|")
