"""The cover view: the same films, order and selection as the table; posters painted once their
thumbnails arrive; cards for the others; the memory the thumbnails hold capped."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog
from filmdesk.core.operations import films_changed
from filmdesk.core.posters.images import prepare_poster
from filmdesk.ui.films.cover_view import CoverView, poster_size
from filmdesk.ui.films.film_order import Column
from filmdesk.ui.films.films_panel import COVERS, TABLE, FilmsPanel
from filmdesk.ui.films.thumbnails import ImageCache
from filmdesk.ui.main_window import MainWindow
from filmdesk.ui.widgets.poster_card import (
    CREAM,
    INK,
    PALETTE,
    card_colours,
    contrast,
    paint_poster_card,
)
from tests.ui.conftest import type_text
from tests.ui.test_main_window import CRANES, make_window

GREEN = (30, 190, 70)
RED = (210, 30, 40)


@pytest.fixture
def panel(qtbot: QtBot, catalog: Catalog, tmp_path: Path) -> FilmsPanel:
    catalog.posters.use_thumbnail_folder(tmp_path / "thumbnails")
    films = FilmsPanel(catalog)
    qtbot.addWidget(films)
    films.resize(900, 700)
    films.load()
    films.show_view(COVERS)
    films.show()
    qtbot.waitExposed(films)
    return films


def poster_bytes(colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (200, 300), colour).save(out, "PNG")
    return out.getvalue()


def grid_titles(view: CoverView) -> list[str]:
    """The titles the grid shows, in reading order (top to bottom, left to right)."""
    model = view.model()
    cells = []
    for row in range(model.rowCount()):
        rect = view.visualRect(model.index(row, 0))
        assert rect.isValid() and not view.isRowHidden(row)
        cells.append((rect.top(), rect.left(), model.index(row, Column.TITLE).data()))
    return [title for _top, _left, title in sorted(cells)]


def table_titles(panel: FilmsPanel) -> list[str]:
    model, table = panel.model, panel.table
    rows = sorted(range(model.rowCount()), key=lambda r: table.rowViewportPosition(r))
    return [model.index(r, Column.TITLE).data() for r in rows]


def centre_colour(view: CoverView, row: int) -> QColor:
    """The colour in the middle of the poster of the film in ``row``, as painted on screen."""
    rect = view.visualRect(view.model().index(row, 0))
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    # (The poster sits at the top of its cell; its middle is half a poster down.)
    point = QPoint(rect.center().x(), rect.top() + 8 + poster_size().height() // 2)
    return image.pixelColor(round(point.x() * ratio), round(point.y() * ratio))


def near(colour: QColor, rgb: tuple[int, int, int], slack: int = 12) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(colour.getRgb()[:3], rgb, strict=True))


def test_the_grid_shows_the_tables_films_after_a_search_and_a_sort(
    qtbot: QtBot, panel: FilmsPanel
) -> None:
    assert panel.stack.currentWidget() is panel.covers
    assert grid_titles(panel.covers) == table_titles(panel)
    type_text(panel.search.field, "year:1950..1969")
    qtbot.waitUntil(lambda: panel.model.rowCount() < 10)
    panel.table.sortByColumn(Column.YEAR, Qt.SortOrder.DescendingOrder)
    found = grid_titles(panel.covers)
    assert found == table_titles(panel)
    years = [panel.model.film_at(r).year for r in range(panel.model.rowCount())]
    assert years == sorted(years, reverse=True) and len(found) == len(years) > 1
    # Nothing found: the same word as in the table, not an empty grid.
    panel.search.field.clear()
    type_text(panel.search.field, "zzzz")
    assert panel.stack.currentWidget() is panel.empty_state
    panel.clear_search()
    assert panel.stack.currentWidget() is panel.covers


def test_selecting_a_cover_selects_the_film_in_the_table_and_shows_it(
    qtbot: QtBot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, catalog)
    window.window_actions["view_covers"].trigger()
    covers = window.films.covers
    assert window.films.stack.currentWidget() is covers
    row = window.films.model.row_of(catalog.films.resolve(CRANES).id)
    assert row is not None
    rect = covers.visualRect(window.films.model.index(row, 0))
    with qtbot.waitSignal(window.films.current_film_changed):
        qtbot.mouseClick(covers.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    table = window.films.table
    assert table.selectionModel().isRowSelected(row)
    assert [f.title for f in window.films.selected_films()] == [CRANES]
    assert window.details.shown_id() == catalog.films.resolve(CRANES).id
    assert window.window_actions["edit_film"].isEnabled()
    # A double click edits, as in the table; a right click asks for the film menu.
    edited: list[object] = []
    monkeypatch.setattr(window.film_ops, "edit_film", edited.append)  # (not the dialog itself)
    with qtbot.waitSignal(window.films.edit_requested):
        qtbot.mouseDClick(covers.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [getattr(film, "title", None) for film in edited] == [CRANES]
    window.films.context_menu_requested.disconnect(window.show_film_menu)  # (no menu opened)
    with qtbot.waitSignal(window.films.context_menu_requested) as asked:
        covers.customContextMenuRequested.emit(rect.center())
    assert asked.args == [covers.viewport().mapToGlobal(rect.center())]


def test_switching_views_keeps_the_selection_focus_and_place(
    qtbot: QtBot, catalog: Catalog
) -> None:
    for n in range(60):
        catalog.films.add({"title": f"Zzz film {n:02}", "year": 1990})
    window: MainWindow = make_window(qtbot, catalog)
    films = window.films
    last = films.shown_ids()[-1]
    films.select_films([last, films.shown_ids()[-2]])
    films.table.setFocus()
    qtbot.waitUntil(films.table.hasFocus)
    qtbot.keyClick(films.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    covers = films.covers
    assert films.view_name() == COVERS and window.window_actions["view_covers"].isChecked()
    qtbot.waitUntil(covers.hasFocus)
    current = covers.currentIndex()
    assert films.current_film() is not None and films.current_film().id == last  # type: ignore[union-attr]
    assert current.column() == Column.TITLE
    assert sorted(covers.selectionModel().selectedRows()) == sorted(
        films.model.index(r, 0) for r in films.model.rows_of(films.shown_ids()[-2:])
    )
    # The current film is on screen, after the scroll the switch made.
    assert covers.viewport().rect().intersects(covers.visualRect(current))
    assert covers.verticalScrollBar().value() > 0
    # The keys move through the grid: Home to the first film, Right to the second.
    qtbot.keyClick(covers, Qt.Key.Key_Home)
    qtbot.keyClick(covers, Qt.Key.Key_Right)
    second = films.shown_ids()[1]
    assert films.current_film().id == second  # type: ignore[union-attr]
    qtbot.keyClick(covers, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert films.view_name() == TABLE and films.stack.currentWidget() is films.table
    qtbot.waitUntil(films.table.hasFocus)
    assert [f.id for f in films.selected_films()] == [second]
    assert films.table.currentIndex().row() == 1


def test_the_view_is_remembered(qtbot: QtBot, catalog: Catalog, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    first = FilmsPanel(catalog)
    qtbot.addWidget(first)
    first.show_view(COVERS)
    first.save_state(settings)
    second = FilmsPanel(catalog)
    qtbot.addWidget(second)
    second.load()
    assert second.view_name() == TABLE
    second.restore_state(settings)
    assert second.view_name() == COVERS and second.stack.currentWidget() is second.covers


def test_a_poster_is_painted_once_loaded_and_again_when_it_changes(
    qtbot: QtBot, panel: FilmsPanel, catalog: Catalog
) -> None:
    film = catalog.films.resolve(CRANES)
    row = panel.model.row_of(film.id)
    assert row is not None
    card = card_colours(CRANES).background
    assert not near(centre_colour(panel.covers, row), GREEN)  # its card, before
    record = catalog.posters.set(film.id, prepare_poster(poster_bytes(GREEN), "green.png")).result
    panel.apply_changes(films_changed([record]))
    qtbot.waitUntil(lambda: near(centre_colour(panel.covers, row), GREEN))
    assert panel.thumbnails.image(record.poster or "") is not None
    # A new poster: the new thumbnail is read and painted in its place.
    record = catalog.posters.set(film.id, prepare_poster(poster_bytes(RED), "red.png")).result
    panel.apply_changes(films_changed([record]))
    qtbot.waitUntil(lambda: near(centre_colour(panel.covers, row), RED))
    # Taken away: the card again.
    record = catalog.posters.set(film.id, None).result
    panel.apply_changes(films_changed([record]))
    qtbot.waitUntil(lambda: not near(centre_colour(panel.covers, row), RED))
    assert near(centre_colour(panel.covers, row), card.getRgb()[:3], slack=40)


def test_only_the_posters_on_screen_and_a_page_ahead_are_read(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path
) -> None:
    catalog.posters.use_thumbnail_folder(tmp_path / "thumbnails")
    image = prepare_poster(poster_bytes(GREEN), "green.png")
    for n in range(200):
        film = catalog.films.add({"title": f"Film {n:03}", "year": 2000})
        catalog.posters.set(film.id, image if n % 2 else None)
    many = FilmsPanel(catalog)
    qtbot.addWidget(many)
    many.resize(700, 600)
    many.load()
    many.show_view(COVERS)
    read: list[str] = []
    reader = many.thumbnails._work.read
    many.thumbnails._work.read = lambda key: read.append(key) or reader(key)  # type: ignore[func-returns-value]
    many.show()
    qtbot.waitExposed(many)
    qtbot.waitUntil(lambda: bool(read) and many.thumbnails.is_idle())
    assert len(read) == 1  # one poster shared by 100 films: read once
    covers = many.covers
    shown = covers.visible_rows()
    assert shown.stop < 60  # (a page is a few rows, not all 210 films)
    # The cards of the page below are painted ahead, to be copied when it is scrolled to.
    qtbot.waitUntil(covers.is_settled)
    below = [many.model.film_at(r) for r in range(shown.stop, shown.stop + len(shown))]
    assert any(f.poster is None for f in below)
    assert all(not covers.delegate.needs_card(f) for f in below)
    assert covers.delegate.needs_card(many.model.film_at(many.model.rowCount() - 1))


def test_the_thumbnails_memory_is_capped() -> None:
    cache = ImageCache(cap=1_000_000)
    images = {}
    for n in range(40):
        image = QImage(100, 100, QImage.Format.Format_RGB32)  # 40,000 bytes
        image.fill(QColor(n, n, n))
        images[f"k{n}"] = image
    for n in range(20):
        cache.put(f"k{n}", images[f"k{n}"])
    assert len(cache) == 20 and cache.bytes_used() == 800_000
    assert cache.get("k0") is not None  # used again: kept longer than k1
    for n in range(20, 40):
        cache.put(f"k{n}", images[f"k{n}"])
        assert cache.bytes_used() <= 1_000_000
    assert len(cache) == 25
    assert "k0" in cache and "k1" not in cache and "k39" in cache


def test_a_cards_colour_is_chosen_from_its_title_and_stays(qapp: object) -> None:
    assert card_colours("Stalker") == card_colours("Stalker")
    assert card_colours("Stalker") == card_colours("  stalker ")
    backgrounds = {card_colours(f"Film {n}").background.name() for n in range(100)}
    assert len(backgrounds) >= 8  # spread over the palette, not one colour for all
    for colour in PALETTE:  # whichever colour, the text on it reads, top to bottom
        for background in (QColor(colour).lighter(110), QColor(colour).darker(115)):
            best = max(contrast(CREAM, background), contrast(INK, background))
            assert best >= 4.5, colour

    def painted(title: str) -> QImage:
        image = QImage(140, 210, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        paint_poster_card(painter, QRect(0, 0, 140, 210), title, 1979, "Andrei Tarkovsky")
        painter.end()
        return image

    assert painted("Stalker") == painted("Stalker")
    assert painted("Stalker") != painted("Solaris")
    # The card's own colour fills it (top left, inside the ornament's reach or not).
    corner = painted("Stalker").pixelColor(2, 205)
    assert abs(corner.lightness() - card_colours("Stalker").background.lightness()) < 40


def test_the_grid_is_a_fast_list_mode_grid(panel: FilmsPanel) -> None:
    covers = panel.covers
    assert covers.viewMode() == covers.ViewMode.ListMode and covers.uniformItemSizes()
    assert covers.isWrapping() and covers.gridSize().isValid()
    assert covers.selectionModel() is panel.table.selectionModel()
    assert covers.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
