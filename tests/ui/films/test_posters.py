"""Posters in the window: set from a file, dropped on the panel or a row, pasted; undone and
redone in Edit › Undo; refused with a message naming the file; followed when changed
elsewhere."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QByteArray, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage, QPixmap
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.core.posters.images import prepare_poster
from filmdesk.ui.dialogs.film_dialog import FilmDialog
from filmdesk.ui.films.film_order import Column
from filmdesk.ui.main_window import MainWindow
from filmdesk.ui.screening_lists.list_view import FILM, POSTER_SIZE
from tests.ui.test_main_window import make_window, row_of

LETTER = "The Letter"
CRANES = "The Cranes Are Flying"


def png(colour: tuple[int, int, int], size: tuple[int, int] = (200, 300)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def window(qtbot: QtBot, catalog: Catalog) -> MainWindow:
    return make_window(qtbot, catalog)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the warnings the window shows (none is shown for real)."""
    said: list[str] = []

    def warning(_parent: QWidget, _title: str, text: str, *args: object) -> int:
        said.append(text)
        return 0

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QMessageBox, "information", warning)
    return said


def show(window: MainWindow, catalog: Catalog, title: str) -> int:
    film_id = catalog.films.resolve(title).id
    window.films.select_film(film_id)
    assert window.details.shown_id() == film_id
    return film_id


def poster_of(catalog: Catalog, film_id: int) -> str | None:
    return catalog.films.get(film_id).poster


def drop(target: QWidget, mime: QMimeData, at: QPointF) -> None:
    """A drag entering ``target``, moving to ``at`` and dropped there (Qt delivers a drop only
    where the drag was let in)."""
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    copy = Qt.DropAction.CopyAction
    point = at.toPoint()
    QApplication.sendEvent(target, QDragEnterEvent(point, copy, mime, buttons, keys))
    QApplication.sendEvent(target, QDragMoveEvent(point, copy, mime, buttons, keys))
    QApplication.sendEvent(target, QDropEvent(at, copy, mime, buttons, keys))


def test_set_poster_from_a_file_then_undo_and_redo(
    qtbot: QtBot,
    window: MainWindow,
    catalog: Catalog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    letter = show(window, catalog, LETTER)
    box = window.detail.poster
    assert box.shown_key() is None and box.set_button.isVisibleTo(window)
    image = tmp_path / "letter.png"
    image.write_bytes(png((180, 40, 40)))
    expected = prepare_poster(image.read_bytes(), "letter.png").hash
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(image), ""))
    with qtbot.waitSignal(window.router.applied):
        box.set_button.click()
    assert poster_of(catalog, letter) == expected
    assert box.shown_key() == expected and not box.picture.pixmap().isNull()
    assert window.undo_stack.undoText() == "Set poster of The Letter"
    assert window.window_actions["undo"].text() == "&Undo Set poster of The Letter"

    with qtbot.waitSignal(window.router.applied):
        window.window_actions["undo"].trigger()
    assert poster_of(catalog, letter) is None
    assert box.shown_key() is None and box.set_button.isVisibleTo(window)

    with qtbot.waitSignal(window.router.applied):
        window.window_actions["redo"].trigger()
    assert poster_of(catalog, letter) == expected
    assert box.shown_key() == expected

    # Removing it is a step of its own, and undone the same way.
    with qtbot.waitSignal(window.router.applied):
        box.remove_button.click()
    assert poster_of(catalog, letter) is None
    assert window.undo_stack.undoText() == "Remove poster of The Letter"
    with qtbot.waitSignal(window.router.applied):
        window.window_actions["undo"].trigger()
    assert poster_of(catalog, letter) == expected


def test_image_data_dropped_on_the_panel_sets_the_poster(
    qtbot: QtBot, window: MainWindow, catalog: Catalog
) -> None:
    letter = show(window, catalog, LETTER)
    data = png((20, 90, 160))
    mime = QMimeData()  # as a web browser offers a picture dragged out of a page
    mime.setData("image/png", QByteArray(data))
    box = window.detail.poster
    with qtbot.waitSignal(window.router.applied):
        drop(box, mime, QPointF(box.rect().center()))
    assert poster_of(catalog, letter) == prepare_poster(data, "x").hash
    assert box.shown_key() == poster_of(catalog, letter)


def test_an_image_file_dropped_on_a_row_sets_that_films_poster(
    qtbot: QtBot, window: MainWindow, catalog: Catalog, tmp_path: Path
) -> None:
    letter = show(window, catalog, LETTER)  # the film shown is another than the one dropped on
    cranes = catalog.films.resolve(CRANES).id
    image = tmp_path / "cranes.png"
    image.write_bytes(png((10, 130, 60)))
    mime = QMimeData()  # as a file manager offers a file
    mime.setUrls([QUrl.fromLocalFile(str(image))])
    table = window.films.table
    cell = table.visualRect(window.films.model.index(row_of(window, CRANES), Column.YEAR))
    with qtbot.waitSignal(window.router.applied):
        drop(table.viewport(), mime, QPointF(cell.center()))
    assert poster_of(catalog, cranes) is not None
    assert poster_of(catalog, letter) is None
    assert window.undo_stack.undoText() == f"Set poster of {CRANES}"
    # Films dragged from the table are still what it offers.
    assert table.model().mimeTypes() == ["application/x-filmdesk-film-ids"]


def test_paste_poster_takes_the_clipboards_image(
    qtbot: QtBot, window: MainWindow, catalog: Catalog
) -> None:
    letter = show(window, catalog, LETTER)
    picture = QImage(120, 180, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.darkMagenta)
    QApplication.clipboard().setImage(picture)
    paste = window.window_actions["paste_poster"]
    assert paste.isEnabled() and paste.shortcut().toString() == "Ctrl+Shift+V"
    with qtbot.waitSignal(window.router.applied):
        paste.trigger()
    key = poster_of(catalog, letter)
    assert key is not None
    kept = catalog.posters.info(key)
    assert kept is not None and (kept.width, kept.height) == (120, 180)


def test_a_file_that_is_not_an_image_is_refused_naming_it(
    qtbot: QtBot, window: MainWindow, catalog: Catalog, tmp_path: Path, warnings: list[str]
) -> None:
    letter = show(window, catalog, LETTER)
    notes = tmp_path / "shopping list.txt"
    notes.write_text("milk, bread\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(notes))])
    box = window.detail.poster
    drop(box, mime, QPointF(box.rect().center()))
    assert len(warnings) == 1
    assert "The poster was not set" in warnings[0] and "shopping list.txt" in warnings[0]
    assert "Traceback" not in warnings[0]
    assert poster_of(catalog, letter) is None
    assert window.undo_stack.count() == 0 and box.shown_key() is None


def test_the_panel_shows_a_poster_set_by_another_process(
    qtbot: QtBot, window: MainWindow, catalog: Catalog, database: str
) -> None:
    letter = show(window, catalog, LETTER)
    other = open_catalog(database).catalog  # another filmdesk on the same catalog
    try:
        first = prepare_poster(png((200, 200, 0)), "first.png")
        other.posters.set(letter, first)
        qtbot.waitUntil(lambda: window.detail.poster.shown_key() == first.hash, timeout=5000)
        second = prepare_poster(png((0, 200, 200)), "second.png")
        other.posters.set(letter, second)
        qtbot.waitUntil(lambda: window.detail.poster.shown_key() == second.hash, timeout=5000)
        other.posters.set(letter, None)
        qtbot.waitUntil(lambda: window.detail.poster.shown_key() is None, timeout=5000)
    finally:
        other.close()


def test_the_film_dialogs_poster_is_kept_with_ok_in_one_step_with_the_fields(
    qtbot: QtBot,
    window: MainWindow,
    catalog: Catalog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    letter = show(window, catalog, LETTER)
    image = tmp_path / "letter.webp"
    Image.new("RGB", (300, 450), (70, 70, 160)).save(image, "WEBP")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(image), ""))
    answers = {"ok": False}

    def exec_(dialog: FilmDialog) -> int:
        dialog.poster_button.click()
        assert not dialog.poster_preview.pixmap().isNull()
        assert poster_of(catalog, letter) is None  # nothing is kept before OK
        dialog.editors["year"].setText("1983")
        if not answers["ok"]:
            dialog.reject()
            return FilmDialog.DialogCode.Rejected
        dialog.accept()
        return FilmDialog.DialogCode.Accepted

    monkeypatch.setattr(FilmDialog, "exec", exec_)
    window.film_ops.edit_film(window.films.current_film())  # Cancel: nothing changes
    assert poster_of(catalog, letter) is None and window.undo_stack.count() == 0

    answers["ok"] = True
    with qtbot.waitSignal(window.router.applied):
        window.film_ops.edit_film(window.films.current_film())
    film = catalog.films.get(letter)
    assert film.year == 1983 and film.poster is not None
    assert window.detail.poster.shown_key() == film.poster
    assert window.undo_stack.count() == 1 and window.undo_stack.undoText() == "Edit The Letter"
    with qtbot.waitSignal(window.router.applied):
        window.window_actions["undo"].trigger()
    film = catalog.films.get(letter)
    assert film.year == 1982 and film.poster is None


def test_a_titles_tooltip_shows_the_poster_and_a_list_shows_it_small(
    qtbot: QtBot, window: MainWindow, catalog: Catalog
) -> None:
    letter = show(window, catalog, LETTER)
    cranes = catalog.films.resolve(CRANES).id
    title = window.films.model.index(row_of(window, LETTER), Column.TITLE)
    assert title.data(Qt.ItemDataRole.ToolTipRole) in (None, LETTER)
    mime = QMimeData()
    mime.setData("image/png", QByteArray(png((150, 20, 20))))
    with qtbot.waitSignal(window.router.applied):
        window.poster_ops.drop(letter, mime)
    tip = title.data(Qt.ItemDataRole.ToolTipRole)
    key = poster_of(catalog, letter)
    assert key is not None and '<img src="file://' in tip and LETTER in tip
    assert catalog.posters.thumbnails.path(key).exists()

    evening = catalog.lists.create("Evening")
    catalog.lists.add(evening.id, [letter, cranes])
    # (The window finds the list made beside it within a second.)
    qtbot.waitUntil(lambda: window.sidebar_view.select("list", evening.id), timeout=5000)
    view = window.list_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    decoration = Qt.ItemDataRole.DecorationRole
    shown = {
        view.model.entry_at(r).film_id: view.model.index(r, FILM).data(decoration) for r in range(2)
    }
    picture = shown[letter]
    assert isinstance(picture, QPixmap) and not picture.isNull()
    assert picture.height() == POSTER_SIZE[1] and picture.toImage().pixelColor(5, 5).red() > 100
    blank = shown[cranes]  # a film without one keeps the place, so the titles line up
    assert isinstance(blank, QPixmap) and blank.toImage().pixelColor(5, 5).alpha() == 0
    assert view.table.rowHeight(0) >= POSTER_SIZE[1]


def test_the_table_takes_images_but_not_its_own_films_dragged_back(
    window: MainWindow, catalog: Catalog
) -> None:
    table = window.films.table
    point = table.visualRect(window.films.model.index(0, Column.TITLE)).center()
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    films = window.films.model.mimeData([window.films.model.index(0, Column.TITLE)])
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, films, buttons, keys)
    QApplication.sendEvent(table.viewport(), enter)
    assert not enter.isAccepted()  # films go onto collections and lists, not onto films
    picture = QMimeData()
    picture.setData("image/png", QByteArray(png((1, 2, 3))))
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, picture, buttons, keys)
    QApplication.sendEvent(table.viewport(), enter)
    assert enter.isAccepted()
