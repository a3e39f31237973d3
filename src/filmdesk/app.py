"""Composition root: arguments -> database -> catalog -> main window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from filmdesk import __version__
from filmdesk.paths import DATABASE_ENV, database_target, shipped_file

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from filmdesk.ui.main_window import MainWindow


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options of the GUI."""
    parser = argparse.ArgumentParser(prog="filmdesk", description="The filmdesk film catalog.")
    parser.add_argument("--version", action="version", version=f"filmdesk {__version__}")
    parser.add_argument(
        "--database",
        metavar="PATH_OR_URL",
        help=f"catalog to open (default: ${DATABASE_ENV}, else the user data folder)",
    )
    args, _qt_args = parser.parse_known_args(argv)
    return args


def create_application() -> QApplication:
    """The QApplication with filmdesk's name, icon and appearance."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from filmdesk.ui.settings import apply_appearance, open_settings

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("filmdesk")
    app.setOrganizationName("filmdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("filmdesk")
    app.setWindowIcon(QIcon(str(shipped_file("resources", "filmdesk.svg"))))
    apply_appearance(str(open_settings().value("appearance", "system")))
    return app


def open_window(target: str) -> MainWindow:
    """Open the catalog at ``target`` and build its main window (not shown yet).

    Raises DatabaseOpenError or SeedError when the catalog cannot be opened.
    """
    from filmdesk.core.catalog import open_catalog
    from filmdesk.ui.main_window import MainWindow

    opened = open_catalog(target)
    return MainWindow(opened.catalog)


def main(argv: Sequence[str] | None = None) -> int:
    """Open the catalog and run the window until it is closed."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = create_application()

    from PySide6.QtWidgets import QMessageBox

    from filmdesk.core.db import DatabaseOpenError
    from filmdesk.core.seed import SeedError

    try:
        window = open_window(database_target(args.database))
    except (DatabaseOpenError, SeedError, ValueError) as exc:
        QMessageBox.critical(None, "filmdesk", f"The catalog could not be opened.\n\n{exc}")
        return 1
    window.show()
    try:
        return app.exec()
    finally:
        window.catalog.close()
