"""File › Open Shared Catalog… and File › Open Local Catalog: filmdesk on another catalog.

The window belongs to one catalog (its undo stack, its single-instance lock, what it follows),
so another catalog opens in a filmdesk of its own and this window closes: the same as starting
filmdesk with ``--database``. The choice is kept in the settings (``catalog``) when asked.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Slot
from PySide6.QtWidgets import QMessageBox

from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.core.db import DatabaseOpenError, location, read_only_reason
from filmdesk.core.errors import database_reason
from filmdesk.core.problems import CatalogFileError
from filmdesk.core.seed import SeedError
from filmdesk.core.server_login import ServerLogin, login_of, remember_password
from filmdesk.paths import default_database_path
from filmdesk.ui.dialogs.shared_catalog_dialog import SharedCatalogDialog
from filmdesk.ui.operations.context import StepContext
from filmdesk.ui.shell.settings import AUTHOR_KEY, CATALOG_KEY


def read_only_text(catalog: Catalog) -> str:
    """What the window says at its top when the catalog is read-only, and why."""
    why = read_only_reason(catalog.engine)
    if why == "account":
        text = QCoreApplication.translate(
            "MainWindow",
            "This shared catalog is read-only for you: your account ({user}) may only read "
            "{path}. You can browse, search and export; nothing can be changed.",
        ).replace("{user}", catalog.user_name)
    elif why == "asked":
        text = QCoreApplication.translate(
            "MainWindow",
            "This catalog was opened read-only ({path}). You can browse, search and export; "
            "nothing can be changed.",
        )
    else:
        text = QCoreApplication.translate(
            "MainWindow",
            "This catalog is read-only: filmdesk has no permission to change {path}. You can "
            "browse, search and export; nothing can be changed.",
        )
    return text.replace("{path}", location(catalog.engine))


def start_filmdesk(target: str) -> bool:
    """A new filmdesk on the catalog at ``target``; whether it started."""
    if getattr(sys, "frozen", False):  # the one-folder program: its own executable
        program, args = sys.executable, ["--database", target]
    else:
        program, args = sys.executable, ["-m", "filmdesk", "--database", target]
    started, _pid = QProcess.startDetached(program, args)
    return bool(started)


def try_catalog(login: ServerLogin, password: str) -> str | None:
    """Open the shared catalog once (making it, if the database is empty) with the password
    saved first when one is given; why it cannot be opened, or None."""
    if password:
        try:
            remember_password(login, password)
        except OSError as exc:
            return f"the password could not be saved ({exc.strerror})"
    try:
        opened = open_catalog(login.url())
    except (DatabaseOpenError, SeedError, CatalogFileError) as exc:
        return str(exc)
    except Exception as exc:  # a driver's error the core did not word
        if type(exc).__module__.split(".")[0] not in ("sqlalchemy", "psycopg"):
            raise
        return database_reason(exc)
    opened.catalog.close()
    return None


class SharedCatalogOperations(QObject):
    """Switching the window to a shared catalog, or back to the local one."""

    def __init__(
        self,
        context: StepContext,
        close_window: Callable[[], object],
        start: Callable[[str], bool] = start_filmdesk,
    ) -> None:
        super().__init__(context.window)
        self.context = context
        self._close_window = close_window
        self._start = start

    @property
    def on_server(self) -> bool:
        """The window shows a shared catalog (not a file)."""
        return self.context.catalog.engine.dialect.name != "sqlite"

    def _switch_to(self, target: str) -> None:
        self.context.save_typing()
        if not self._start(target):
            QMessageBox.warning(
                self.context.window,
                self.tr("Open Catalog"),
                self.tr("filmdesk could not be started again on {target}.").replace(
                    "{target}", target
                ),
            )
            return
        self._close_window()

    @Slot()
    def open_shared_catalog(self) -> None:
        """Ask where the shared catalog is, try it, and open it in place of this one."""
        settings = self.context.settings
        known = login_of(str(settings.value(CATALOG_KEY, "") or ""))
        if known is None and self.on_server:
            known = login_of(self.context.catalog.engine.url.render_as_string())
        dialog = SharedCatalogDialog(
            try_catalog,
            known,
            str(settings.value(AUTHOR_KEY, "") or ""),
            self.context.window,
        )
        if not dialog.exec():
            return
        url = dialog.login().url()
        settings.setValue(AUTHOR_KEY, dialog.author_name())
        if dialog.remember():
            settings.setValue(CATALOG_KEY, url)
        settings.sync()
        self._switch_to(url)

    @Slot()
    def open_local_catalog(self) -> None:
        """Back to the catalog in the user's data folder, from now on."""
        self.context.settings.remove(CATALOG_KEY)
        self.context.settings.sync()
        self._switch_to(str(default_database_path()))
