"""A teacher builds a screening list in the window: films, dates, notes, order, handout."""

from __future__ import annotations

import csv
import io
import re
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QStyleOptionViewItem,
)
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog
from filmdesk.core.posters.images import prepare_poster
from filmdesk.ui.dialogs.handout_dialog import HandoutDialog
from filmdesk.ui.dialogs.list_dialogs import FilmPickerDialog
from filmdesk.ui.main_window import MainWindow
from filmdesk.ui.operations.context import Asking
from filmdesk.ui.screening_lists.list_view import ENTRIES_MIME, FILM, NOTE, SCREENED, WHEN
from tests.ui.conftest import type_text
from tests.ui.sidebar.test_sidebar import fill_details
from tests.ui.test_main_window import CRANES, fresh, make_window

FOUR = [6, 10, 7, 4]  # Cranes, Ballad, Lady with the Dog, Stationmaster


@pytest.fixture
def window(qtbot: QtBot, catalog: Catalog) -> MainWindow:
    return make_window(qtbot, catalog)


def films_in_view(win: MainWindow) -> list[str]:
    model = win.list_view.model
    return [model.index(r, FILM).data() for r in range(model.rowCount())]


def db_order(db_path: Path, list_id: int) -> list[int]:
    return list(fresh(db_path).lists.get(list_id).film_ids)


@pytest.fixture
def year9(qtbot: QtBot, catalog: Catalog) -> tuple[MainWindow, int]:
    """A window showing a four-film list."""
    screening_list = catalog.lists.create("Year 9: letters", audience="9B")
    catalog.lists.add(screening_list.id, FOUR)
    win = make_window(qtbot, catalog)
    win.sidebar_view.select("list", screening_list.id)
    return win, screening_list.id


def test_a_teacher_builds_a_four_film_list(
    qtbot: QtBot, window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_details(monkeypatch, name="Year 9: letters", audience="9B", description="Autumn")
    qtbot.mouseClick(window.sidebar_view.new_list_button, Qt.MouseButton.LeftButton)
    view = window.list_view
    assert window.center.currentWidget() is view
    assert view.title.text() == "Year 9: letters"
    assert view.audience.text() == "For 9B"
    assert view.empty_hint.isVisible()

    def pick(dialog: FilmPickerDialog) -> int:
        type_text(dialog.filter, "the")
        for row in range(dialog.list.count()):
            item = dialog.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) in FOUR:
                item.setSelected(True)
        assert dialog.buttons.buttons()[0].text() in ("Add 4 films", "Cancel")
        return FilmPickerDialog.DialogCode.Accepted.value

    monkeypatch.setattr(FilmPickerDialog, "exec", pick)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    (summary,) = fresh(db_path).lists.summaries()
    assert summary.film_count == 4
    assert not view.empty_hint.isVisible()
    assert view.totals.text().startswith("4 films · ")

    # A date through the table's own editor (the delegate), then a note typed inline.
    model = view.model
    model.setData(model.index(0, WHEN), datetime(2026, 12, 1, 10, 30))
    index = model.index(0, NOTE)
    view.table.setCurrentIndex(index)
    view.table.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    type_text(editor, "Кто пишет письма?")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits a moment later (a queued call), as after a real Return.
    qtbot.waitUntil(lambda: view.table.state() != view.table.State.EditingState)
    entry = fresh(db_path).lists.get(summary.id).entries[0]
    assert entry.scheduled_at == datetime(2026, 12, 1, 10, 30)
    assert entry.note == "Кто пишет письма?"
    assert model.index(0, WHEN).data().endswith("2026, 10:30")
    assert model.index(0, NOTE).data() == "Кто пишет письма?"


def test_alt_down_and_alt_up_move_an_entry_with_undo(
    qtbot: QtBot, year9: tuple[MainWindow, int], db_path: Path
) -> None:
    win, list_id = year9
    table = win.list_view.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert db_order(db_path, list_id) == [10, 6, 7, 4]
    assert films_in_view(win)[1] == f"{CRANES} (1957)"
    assert win.list_view.selected_film_ids() == [6]  # the moved film stays selected
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert db_order(db_path, list_id) == [10, 7, 6, 4]
    assert win.window_actions["undo"].text() == f"&Undo Move “{CRANES}” in “Year 9: letters”"
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert db_order(db_path, list_id) == [10, 6, 7, 4]
    win.undo()
    assert db_order(db_path, list_id) == [10, 7, 6, 4]
    win.undo()
    win.undo()
    assert db_order(db_path, list_id) == FOUR
    win.redo()
    assert db_order(db_path, list_id) == [10, 6, 7, 4]


def test_dragging_entries_reorders(
    qtbot: QtBot, year9: tuple[MainWindow, int], db_path: Path
) -> None:
    win, list_id = year9
    model = win.list_view.model
    mime = model.mimeData([model.index(3, 0)])  # the Stationmaster...
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())  # ... to the top
    qtbot.waitUntil(lambda: db_order(db_path, list_id) == [4, 6, 10, 7])
    mime = QMimeData()
    mime.setData(ENTRIES_MIME, QByteArray(b"6\n10"))
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 4, 0, QModelIndex())  # to the end
    qtbot.waitUntil(lambda: db_order(db_path, list_id) == [4, 7, 6, 10])
    assert films_in_view(win)[0] == "The Stationmaster (1972)"
    win.undo()
    win.undo()
    assert db_order(db_path, list_id) == FOUR


def test_screened_date_clearing_and_removal_undo(
    qtbot: QtBot, year9: tuple[MainWindow, int], db_path: Path
) -> None:
    win, list_id = year9
    view = win.list_view
    model = view.model
    model.setData(
        model.index(1, SCREENED), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert fresh(db_path).lists.get(list_id).entries[1].screened
    assert view.totals.text().endswith("1 screened")
    model.setData(model.index(2, WHEN), datetime(2026, 12, 15))
    assert model.index(2, WHEN).data().endswith("Dec 2026")  # a day, no time
    view.table.setFocus()
    view.table.setCurrentIndex(model.index(2, WHEN))
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)  # on the date: clears it
    assert fresh(db_path).lists.get(list_id).entries[2].scheduled_at is None
    view.table.selectRow(0)
    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    assert db_order(db_path, list_id) == [10, 7, 4]
    assert fresh(db_path).films.get(6).title == CRANES  # the film stays in the catalog
    win.undo()
    assert db_order(db_path, list_id) == FOUR
    win.undo()
    assert fresh(db_path).lists.get(list_id).entries[2].scheduled_at == datetime(2026, 12, 15)
    win.undo()
    win.undo()
    assert not fresh(db_path).lists.get(list_id).entries[1].screened


def test_undo_of_a_list_change_shows_the_list(year9: tuple[MainWindow, int], db_path: Path) -> None:
    win, list_id = year9
    model = win.list_view.model
    model.setData(model.index(0, NOTE), "Bring tissues")
    win.sidebar_view.select("all")
    win.undo()
    assert win.center.currentWidget() is win.list_view
    assert fresh(db_path).lists.get(list_id).entries[0].note == ""


def test_rename_duplicate_delete_a_list(
    year9: tuple[MainWindow, int], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win, list_id = year9
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Autumn term", True))
    monkeypatch.setattr(Asking, "confirm_delete", lambda *a: True)
    win.list_ops.rename(list_id)
    assert win.list_view.title.text() == "Autumn term"
    assert win.window_actions["undo"].text() == "&Undo Rename list “Year 9: letters”"
    win.list_ops.duplicate(list_id)
    names = [s.name for s in fresh(db_path).lists.summaries()]
    assert names == ["Autumn term", "Autumn term (copy)"]
    assert win.list_view.title.text() == "Autumn term (copy)"
    win.list_ops.delete(list_id)
    assert [s.name for s in fresh(db_path).lists.summaries()] == ["Autumn term (copy)"]
    assert fresh(db_path).films.stats().films == 10
    win.undo()
    assert db_order(db_path, list_id) == FOUR
    win.undo()
    win.undo()
    assert [s.name for s in fresh(db_path).lists.summaries()] == ["Year 9: letters"]


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_the_handout_is_previewed_and_saved_with_the_films_in_order(
    year9: tuple[MainWindow, int], catalog: Catalog, tmp_path: Path
) -> None:
    win, list_id = year9
    catalog.lists.set_note(list_id, 6, "Who writes to whom?")
    dialog = HandoutDialog(catalog.lists.get(list_id), str(tmp_path), win)
    assert dialog.page_count() >= 1
    dialog.notes.setChecked(False)
    dialog.lines.setValue(4)
    dialog.update_preview()
    target = tmp_path / "year9.pdf"
    dialog.save_pdf(target)
    text = pdf_text(target)
    titles = ["The Cranes Are Flying", "The Ballad of a Soldier", "The Lady with the Dog"]
    positions = [text.index(t) for t in [*titles, "The Stationmaster"]]
    assert positions == sorted(positions)
    assert "Who writes to whom?" not in text  # notes left out
    dialog.notes.setChecked(True)
    dialog.save_html(tmp_path / "year9.html")
    assert "Who writes to whom?" in (tmp_path / "year9.html").read_text(encoding="utf-8")


def test_the_handout_with_posters_shows_them(
    year9: tuple[MainWindow, int], catalog: Catalog, tmp_path: Path
) -> None:
    win, list_id = year9
    picture = io.BytesIO()
    Image.new("RGB", (300, 450), (150, 20, 20)).save(picture, "JPEG")
    poster = prepare_poster(picture.getvalue(), "cranes.jpg")
    catalog.posters.set(catalog.films.resolve(CRANES).id, poster)
    dialog = HandoutDialog(catalog.lists.get(list_id), str(tmp_path), win, posters=catalog.posters)
    assert dialog.with_posters.isVisibleTo(dialog) and not dialog.with_posters.isChecked()
    counts = []
    for wanted in (False, True):
        dialog.with_posters.setChecked(wanted)
        dialog.update_preview()
        target = tmp_path / f"posters-{wanted}.pdf"
        dialog.save_pdf(target)
        counts.append(len(re.findall(rb"/Subtype\s*/Image", target.read_bytes())))
    assert counts == [0, 1]  # the one film of four with a poster
    without = HandoutDialog(catalog.lists.get(list_id), str(tmp_path), win)
    assert not without.with_posters.isVisibleTo(without)


def test_export_as_csv_and_for_letterboxd(
    year9: tuple[MainWindow, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win, _list_id = year9
    for name, kind in (("year9.csv", "List as CSV (*.csv)"), ("lb.csv", "Letterboxd list")):
        target = tmp_path / name
        chosen = kind if kind.endswith(")") else "Letterboxd list import (*.csv)"
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", lambda *a, t=target, c=chosen, **k: (str(t), c)
        )
        win.screening_list.export()
    with (tmp_path / "year9.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert [r["title"] for r in rows] == [
        CRANES,
        "The Ballad of a Soldier",
        "The Lady with the Dog",
        "The Stationmaster",
    ]
    with (tmp_path / "lb.csv").open(encoding="utf-8") as f:
        letterboxd = list(csv.DictReader(f))
    assert [r["Position"] for r in letterboxd] == ["1", "2", "3", "4"]
    assert letterboxd[0]["Title"] == CRANES


def test_with_a_list_shown_delete_does_not_delete_films(
    qtbot: QtBot, year9: tuple[MainWindow, int], db_path: Path
) -> None:
    win, list_id = year9
    assert not win.window_actions["delete"].isEnabled()
    view = win.list_view
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, FILM))
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)  # takes the film out of the list only
    assert db_order(db_path, list_id) == [10, 7, 4]
    assert fresh(db_path).films.stats().films == 10
    assert win.detail.title.text() != ""  # the current entry's film is shown beside


def test_the_entries_model_is_a_well_behaved_model(
    qtmodeltester: object, year9: tuple[MainWindow, int]
) -> None:
    win, _list_id = year9
    qtmodeltester.check(win.list_view.model)  # type: ignore[attr-defined]


def test_printing_sends_the_handout_pages(
    year9: tuple[MainWindow, int], catalog: Catalog, tmp_path: Path
) -> None:
    win, list_id = year9
    dialog = HandoutDialog(catalog.lists.get(list_id), str(tmp_path), win)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    dialog.print_to(printer)
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
    pages = next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))
    assert int(pages) == dialog.page_count()


def test_a_long_note_is_edited_in_a_box(
    year9: tuple[MainWindow, int], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win, list_id = year9
    note = "Before: who writes?\nAfter: who never answers?"
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: (note, True))
    win.screening_list.edit_note(6)
    assert fresh(db_path).lists.get(list_id).entries[0].note == note
    assert win.list_view.model.index(0, NOTE).data() == " ".join(note.split())
    win.undo()
    assert fresh(db_path).lists.get(list_id).entries[0].note == ""


def test_a_taken_name_is_refused_and_nothing_changes(
    year9: tuple[MainWindow, int], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win, _list_id = year9
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    fill_details(monkeypatch, name="year 9: LETTERS")
    win.list_ops.new_list()
    assert "is taken" in warnings[0]
    assert [s.name for s in fresh(db_path).lists.summaries()] == ["Year 9: letters"]
    assert not win.undo_stack.canUndo()
    assert win.list_view.title.text() == "Year 9: letters"


def test_films_dropped_on_the_list_page_go_where_they_are_dropped(
    qtbot: QtBot, year9: tuple[MainWindow, int], db_path: Path
) -> None:
    win, list_id = year9
    model = win.list_view.model
    mime = win.films.model.mimeData([win.films.model.index(win.films.model.row_of(8), 0)])
    model.dropMimeData(mime, Qt.DropAction.CopyAction, 1, 0, QModelIndex())
    qtbot.waitUntil(lambda: db_order(db_path, list_id) == [6, 8, 10, 7, 4])


def test_the_list_shown_at_close_is_shown_at_the_next_start(
    qtbot: QtBot, year9: tuple[MainWindow, int], db_path: Path
) -> None:
    win, list_id = year9
    win.close()
    again = make_window(qtbot, fresh(db_path))
    assert again.sidebar_view.selected() == ("list", list_id)
    assert again.list_view.title.text() == "Year 9: letters"


def test_a_new_date_defaults_to_a_week_after_the_one_before(
    year9: tuple[MainWindow, int], catalog: Catalog
) -> None:
    win, list_id = year9
    catalog.lists.schedule(list_id, 6, "2026-12-01T10:30")
    win.screening_list.show_list(list_id)
    view = win.list_view
    index = view.model.index(2, WHEN)
    editor = view.date_delegate.createEditor(view.table.viewport(), QStyleOptionViewItem(), index)
    view.date_delegate.setEditorData(editor, index)
    assert editor.when() == datetime(2026, 12, 15, 10, 30)  # type: ignore[attr-defined]


def test_put_the_list_in_date_order(
    year9: tuple[MainWindow, int], catalog: Catalog, db_path: Path
) -> None:
    win, list_id = year9
    catalog.lists.schedule(list_id, 6, "2026-12-08")
    catalog.lists.schedule(list_id, 10, "2026-12-01T10:30")
    catalog.lists.schedule(list_id, 4, "2026-12-01T09:00")
    win.screening_list.show_list(list_id)
    win.screening_list.sort_by_date()
    assert db_order(db_path, list_id) == [4, 10, 6, 7]  # the undated film last
    win.undo()
    assert db_order(db_path, list_id) == FOUR
