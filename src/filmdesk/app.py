"""Composition root: arguments -> database -> catalog -> main window."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from filmdesk import __version__
from filmdesk.paths import DATABASE_ENV, database_target, shipped_file

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from filmdesk.core.problems import DamagedCatalogError
    from filmdesk.ui.main_window import MainWindow

# One id everywhere the desktop looks: the .desktop file's name, the AppStream id, the icon
# name, the Flatpak app id (packaging/README.md).
APP_ID = "io.github.filmdesk.Filmdesk"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options of the GUI."""
    parser = argparse.ArgumentParser(prog="filmdesk", description="The filmdesk film catalog.")
    parser.add_argument("--version", action="version", version=f"filmdesk {__version__}")
    parser.add_argument(
        "--database",
        metavar="PATH_OR_URL",
        help=f"catalog to open (default: ${DATABASE_ENV}, else the shared catalog chosen in "
        "File › Open Shared Catalog…, else the user data folder)",
    )
    parser.add_argument(
        "--read-only", action="store_true", help="open the catalog for reading only"
    )
    # For packaging checks: show the window, print what it shows, close it, exit 0.
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    args, _qt_args = parser.parse_known_args(argv)
    return args


def app_icon() -> QIcon:
    """The icon in every size drawn for it (crisp when small), else scaled from the SVG."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    hicolor = shipped_file("resources", "icons", "hicolor")
    icon = QIcon()
    for size in ICON_SIZES:
        png = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        if png.exists():
            icon.addFile(str(png), QSize(size, size))
    return icon if not icon.isNull() else QIcon(str(shipped_file("resources", "filmdesk.svg")))


def create_application() -> QApplication:
    """The QApplication with filmdesk's name, icon and appearance."""
    from PySide6.QtWidgets import QApplication

    from filmdesk.ui.shell.module_sources import read_sources_lightly

    read_sources_lightly()  # (before what the window imports: a tenth of it at start)

    from filmdesk.ui.shell.i18n import install_translators
    from filmdesk.ui.shell.settings import apply_appearance, open_settings

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName("filmdesk")
    app.setOrganizationName("filmdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    settings = open_settings()
    install_translators(str(settings.value("language", "system")))
    apply_appearance(str(settings.value("appearance", "system")))
    return app


def open_window(target: str, *, read_only: bool = False) -> MainWindow:
    """Open the catalog at ``target`` and build its main window (not shown yet).

    Raises DatabaseOpenError or SeedError when the catalog cannot be opened, and a
    CatalogFileError (DamagedCatalogError) when it is damaged.
    """
    # The whole file is read once before the window shows any of it, so a damaged catalog is
    # said at once, not at some later click. That check starts first, in a thread of its own,
    # and goes on while what opening the catalog needs is imported (SQLite reads without
    # Python's lock): at 100,000 films it costs the start nothing, at a million 0.5 s less.
    from filmdesk.core.catalog_file import WholeFileCheck
    from filmdesk.core.collector import collector_paused, set_aside

    check = WholeFileCheck.started(target)
    try:
        # What is made here lives as long as the window: the cyclic collector would walk it
        # again and again for nothing before the first paint (30-40 ms of the start). It is
        # set aside, and collected once, when every film is prepared (or the window closed).
        with collector_paused():
            from sqlalchemy.exc import SQLAlchemyError

            from filmdesk.core.catalog import open_catalog
            from filmdesk.core.db import database_url, sqlite_path
            from filmdesk.core.problems import explain
            from filmdesk.ui.main_window import MainWindow

            opened = open_catalog(target, read_only=read_only)
            catalog = opened.catalog
            try:
                catalog.check_whole(check)
                if not catalog.read_only:
                    catalog.posters.drop_unused()  # (deleted films' posters; this undo is empty)
                window = MainWindow(catalog)
            except SQLAlchemyError as exc:
                catalog.close()
                raise explain(exc, sqlite_path(database_url(target))) or exc from None
            except BaseException:
                catalog.close()
                raise
            set_aside()
    except BaseException:
        if check is not None:  # (done before anything, a restored backup say, replaces it)
            with contextlib.suppress(Exception):
                check.found()
        raise
    if opened.backup_problem is not None:
        window.statusBar().showMessage(str(opened.backup_problem), 15000)
    return window


def _chosen_catalog() -> str | None:
    """The shared catalog chosen in the window (File › Open Shared Catalog…), unless
    $FILMDESK_DATABASE says otherwise."""
    import os

    from filmdesk.ui.shell.settings import CATALOG_KEY, open_settings

    if os.environ.get(DATABASE_ENV, "").strip():
        return None
    return str(open_settings().value(CATALOG_KEY, "") or "") or None


def _offer_restore(target: str, problem: DamagedCatalogError) -> str | None:
    """The catalog is damaged: offer its latest good backup. When one was restored, what to
    say about it once the window is open (open the catalog again); None to quit."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from filmdesk.core.backups.naming import backups_folder
    from filmdesk.core.backups.restoring import latest_good_backup, restore_backup
    from filmdesk.core.db import database_url, sqlite_path
    from filmdesk.core.problems import CatalogFileError
    from filmdesk.ui.dialogs.damaged_dialog import Choice, ask_about_damage
    from filmdesk.ui.dialogs.restore_dialog import films_text, when_text

    path = sqlite_path(database_url(target))
    if path is None:
        QMessageBox.critical(None, "filmdesk", _cannot_open(problem))
        return None
    backup = latest_good_backup(path)
    choice = ask_about_damage(path, problem.reason, backup, backups_folder(path))
    if choice is not Choice.RESTORE or backup is None:
        return None
    try:
        restore_backup(path, backup.path)
    except CatalogFileError as exc:
        text = QCoreApplication.translate("App", "The backup could not be restored.")
        QMessageBox.critical(None, "filmdesk", f"{text}\n\n{exc}")
        return None
    return (
        QCoreApplication.translate(
            "App", "Restored the backup ({date}, {films}). The damaged catalog is kept in {folder}."
        )
        .replace("{date}", when_text(backup))
        .replace("{films}", films_text(backup.films))
        .replace("{folder}", str(backups_folder(path)))
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Open the catalog and run the window until it is closed.

    When filmdesk already runs with the same catalog, bring that window to the front instead.
    """
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = create_application()

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from filmdesk.core.db import DatabaseOpenError
    from filmdesk.core.problems import CatalogFileError, DamagedCatalogError
    from filmdesk.core.seed import SeedError
    from filmdesk.ui.shell.single_instance import SingleInstance, bring_to_front, instance_name

    try:
        target = database_target(args.database or _chosen_catalog())
    except ValueError as exc:
        QMessageBox.critical(None, "filmdesk", _cannot_open(exc))
        return 1
    instance = SingleInstance(instance_name(target))
    if not instance.claim():
        if instance.activate_running():
            print("filmdesk: already open with this catalog; showing that window", file=sys.stderr)
            return 0
        QMessageBox.critical(
            None,
            "filmdesk",
            QCoreApplication.translate(
                "App", "filmdesk is already open with this catalog, but does not answer."
            ),
        )
        return 1
    try:
        restored: str | None = None
        while True:
            try:
                window = open_window(target, read_only=args.read_only)
                break
            except DamagedCatalogError as exc:
                restored = _offer_restore(target, exc)
                if restored is None:
                    return 1
            except (DatabaseOpenError, CatalogFileError, SeedError, ValueError) as exc:
                QMessageBox.critical(None, "filmdesk", _cannot_open(exc))
                return 1
        instance.activation_requested.connect(lambda token: bring_to_front(window, token))
        window.show()
        if restored is not None:
            window.statusBar().showMessage(restored, 20000)
        if args.smoke_test:
            _close_when_shown(window)
        try:
            return app.exec()
        finally:
            window.catalog.close()
    finally:
        instance.release()


def _cannot_open(error: Exception) -> str:
    from PySide6.QtCore import QCoreApplication

    # The error itself comes from the core, in English (see README, "Languages").
    text = QCoreApplication.translate("App", "The catalog could not be opened.")
    return f"{text}\n\n{error}"


def _close_when_shown(window: MainWindow, timeout_s: float = 30) -> None:
    """--smoke-test: once the window is up and its films are loaded, say so and close it."""
    from time import monotonic

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    deadline = monotonic() + timeout_s
    timer = QTimer(window, interval=100)

    def check() -> None:
        if window.isVisible() and not window.films.is_loading():
            timer.stop()
            title, films = window.windowTitle(), window.films.model.rowCount()
            print(f"filmdesk: main window shown: {title!r}, {films} films", flush=True)
            window.close()
        elif monotonic() > deadline:
            timer.stop()
            print("filmdesk: main window did not finish loading", file=sys.stderr, flush=True)
            QApplication.exit(3)

    timer.timeout.connect(check)
    timer.start()
