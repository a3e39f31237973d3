"""The action table: every key does one thing, Redo's keys work on X11, and the toolbar's
icons suit the appearance and do not move when a step is named."""

from __future__ import annotations

import gc
from collections import defaultdict

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QAction, QIcon, QImage, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog
from filmdesk.ui.actions import ACTIONS, key_sequences
from filmdesk.ui.main_window import MainWindow
from filmdesk.ui.shell.settings import apply_appearance
from tests.ui.test_main_window import CRANES, make_window

PORTABLE = QKeySequence.SequenceFormat.PortableText


def test_no_two_enabled_actions_share_a_key(qtbot: QtBot, catalog: Catalog) -> None:
    window = make_window(qtbot, catalog)
    window.films.select_film(catalog.films.resolve(CRANES).id)  # the film actions are on
    owners: dict[str, list[str]] = defaultdict(list)
    for action in window.findChildren(QAction):
        if not action.isEnabled():
            continue
        keys = [k.toString(PORTABLE) for k in action.shortcuts()]
        assert len(keys) == len(set(keys)), f"{action.text()!r} has a key twice: {keys}"
        for key in keys:
            owners[key].append(action.text())
    shared = {key: texts for key, texts in owners.items() if len(texts) > 1}
    assert not shared
    # Every row of the table with keys of its own got them (a platform may bind no Quit).
    for spec in ACTIONS:
        if any(isinstance(key, str) for key in spec.shortcuts):
            assert window.window_actions[spec.id].shortcuts(), spec.id


def test_redo_has_ctrl_shift_z_once(qtbot: QtBot, catalog: Catalog) -> None:
    window = make_window(qtbot, catalog)
    keys = [k.toString(PORTABLE) for k in window.window_actions["redo"].shortcuts()]
    assert keys.count("Ctrl+Shift+Z") == 1
    # On X11 the platform's Redo *is* Ctrl+Shift+Z: as here, where Undo's is Ctrl+Z.
    undo = [k.toString(PORTABLE) for k in key_sequences(("Ctrl+Z", QKeySequence.StandardKey.Undo))]
    assert undo == ["Ctrl+Z"]


def _toolbar_widths(window: MainWindow) -> list[int]:
    return [
        window.toolbar.widgetForAction(a).width()
        for a in window.toolbar.actions()
        if window.toolbar.widgetForAction(a) is not None and not a.isSeparator()
    ]


def test_the_undo_button_keeps_its_size_when_a_step_is_named(
    qtbot: QtBot, catalog: Catalog
) -> None:
    long_title = "An Extraordinarily Long Film Title That Would Push Every Other Button Aside"
    film = catalog.films.add({"title": long_title, "year": 1970})
    window = make_window(qtbot, catalog)
    QApplication.processEvents()
    before = _toolbar_widths(window)
    window.film_ops.set_rating(film.id, 4.0)
    QApplication.processEvents()
    undo = window.window_actions["undo"]
    assert undo.text() == f"&Undo Set rating of {long_title}"  # the Edit menu names the step
    assert undo.toolTip() == f"Undo Set rating of {long_title}"
    assert window.toolbar.widgetForAction(undo).text() == "Undo"
    assert _toolbar_widths(window) == before


def _image(icon: QIcon, mode: QIcon.Mode) -> QImage:
    return icon.pixmap(24, 24, mode).toImage()


def _mean_lightness(image: QImage) -> float:
    seen = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 128
    ]
    assert seen, "the icon draws nothing"
    return sum(c.lightnessF() for c in seen) / len(seen)


def test_disabled_toolbar_icons_are_greyed(qtbot: QtBot, catalog: Catalog) -> None:
    window = make_window(qtbot, catalog)
    for action_id in ("undo", "redo", "edit_film", "delete", "mark_watched", "new_film"):
        icon = window.window_actions[action_id].icon()
        assert not icon.isNull(), action_id
        normal = _image(icon, QIcon.Mode.Normal)
        assert normal != _image(icon, QIcon.Mode.Disabled), action_id


def test_icons_are_drawn_at_the_size_asked_for(qtbot: QtBot, catalog: Catalog) -> None:
    """Each size and look is painted when first asked for: a size between the usual ones and
    a screen of twice the density get a drawing of their own, not a smaller one scaled."""
    window = make_window(qtbot, catalog)
    icon = window.window_actions["undo"].icon()
    for side in (16, 20, 24, 37):
        image = icon.pixmap(side, side).toImage()
        assert (image.width(), image.height()) == (side, side)
        _mean_lightness(image)  # (it draws something)
    dense = icon.pixmap(QSize(24, 24), 2.0, QIcon.Mode.Normal)
    assert (dense.width(), dense.height(), dense.devicePixelRatio()) == (48, 48, 2.0)
    # As sharp as a drawing made at 48 pixels: the same picture, not 24 pixels stretched.
    assert dense.toImage() == icon.pixmap(48, 48).toImage()
    assert icon.pixmap(24, 24).toImage() == _image(icon, QIcon.Mode.Normal)
    # Asked for a wider space, it is as tall as it is wide, in the middle.
    assert icon.actualSize(QSize(64, 32)) == QSize(32, 32)
    wide = QImage(64, 32, QImage.Format.Format_ARGB32)
    wide.fill(0)
    painter = QPainter(wide)
    icon.paint(painter, QRect(0, 0, 64, 32))
    painter.end()
    drawn = [x for x in range(64) for y in range(32) if wide.pixelColor(x, y).alpha()]
    assert drawn and min(drawn) >= 16 and max(drawn) < 48
    # A copy changed on its own (Qt then asks the drawing for a copy of itself) still draws.
    for _ in range(20):
        copy = QIcon(icon)
        copy.addPixmap(QPixmap(8, 8))
        gc.collect()
        assert copy.pixmap(24, 24).toImage() == _image(icon, QIcon.Mode.Normal)
        del copy
        gc.collect()


def test_icons_are_light_in_the_dark_appearance(qtbot: QtBot, catalog: Catalog) -> None:
    window = make_window(qtbot, catalog)

    def choose(name: str) -> None:
        next(a for a in window.appearance_group.actions() if a.data() == name).trigger()

    try:
        choose("dark")
        for action_id in ("undo", "redo", "delete"):
            icon = window.window_actions[action_id].icon()
            assert _mean_lightness(_image(icon, QIcon.Mode.Normal)) > 0.6, action_id
        choose("light")
        icon = window.window_actions["undo"].icon()
        assert _mean_lightness(_image(icon, QIcon.Mode.Normal)) < 0.4
    finally:
        apply_appearance("system")


def test_a_step_named_after_a_film_with_an_ampersand_keeps_it(
    qtbot: QtBot, catalog: Catalog
) -> None:
    film = catalog.films.add({"title": "Tom & Jerry", "year": 1940})
    window = make_window(qtbot, catalog)
    window.film_ops.set_rating(film.id, 4)
    undo = window.window_actions["undo"]
    # "&&" is a literal "&" in a menu; a single one would make "J" the mnemonic and hide "&".
    assert undo.text() == "&Undo Set rating of Tom && Jerry"
    assert undo.toolTip() == "Undo Set rating of Tom & Jerry"
