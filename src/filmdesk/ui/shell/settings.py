"""Where the window keeps its state: an INI file in the platform's config folder."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from filmdesk.paths import config_dir

APPEARANCES = ("system", "light", "dark")
# The shared catalog to open at start (File › Open Shared Catalog…; no password in it), and
# the name comments are signed with.
CATALOG_KEY = "catalog"
AUTHOR_KEY = "author_name"


def open_settings() -> QSettings:
    """The settings file (``<config dir>/filmdesk.ini``)."""
    path = config_dir() / "filmdesk.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def dark_palette() -> QPalette:
    """A dark palette for styles that have none of their own."""
    palette = QPalette()
    window, base, text = QColor("#2b2d30"), QColor("#1f2023"), QColor("#e6e6e6")
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor("#26282b"),
        QPalette.ColorRole.ToolTipBase: window,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor("#8c8f94"),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor("#35373b"),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#ff6b6b"),
        QPalette.ColorRole.Highlight: QColor("#3d7bd9"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor("#7ab4ff"),
        QPalette.ColorRole.Light: QColor("#45484d"),
        QPalette.ColorRole.Midlight: QColor("#3a3c40"),
        QPalette.ColorRole.Mid: QColor("#2f3134"),
        QPalette.ColorRole.Dark: QColor("#18191b"),
        QPalette.ColorRole.Shadow: QColor("#000000"),
    }
    for role, colour in roles.items():
        palette.setColor(role, colour)
    disabled = QColor("#6d7076")
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_appearance(name: str) -> None:
    """Follow the desktop ("system"), or force a light or dark palette."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    hints = QGuiApplication.styleHints()
    style = app.style()
    if name == "dark":
        hints.setColorScheme(hints.colorScheme().Dark)
        app.setPalette(dark_palette())
    elif name == "light":
        hints.setColorScheme(hints.colorScheme().Light)
        app.setPalette(style.standardPalette())
    else:
        hints.unsetColorScheme()
        app.setPalette(QPalette())  # an empty palette means: whatever the desktop gives
