"""File › Open Shared Catalog…: where a club's or a school's catalog is (a PostgreSQL server,
its database, the account), the password kept in PostgreSQL's own password file if given,
and the name shown on one's comments. The catalog is tried before the dialog closes; what went
wrong shows in the dialog, which stays open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from filmdesk.core.server_login import DEFAULT_PORT, ServerLogin, password_file


class ServerFields(QWidget):
    """Server, port, database and user: a shared catalog's address (also for File › Copy
    Catalog To…)."""

    def __init__(self, login: ServerLogin | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = QLineEdit(login.host if login else "")
        self.host.setObjectName("host")
        self.host.setPlaceholderText(self.tr("e.g. films.school.example or 192.168.1.20"))
        self.port = QSpinBox()
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(login.port if login else DEFAULT_PORT)
        self.port.setGroupSeparatorShown(False)
        self.port.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # 5 digits
        self.database = QLineEdit(login.database if login else "")
        self.database.setObjectName("database")
        self.database.setPlaceholderText(self.tr("e.g. filmclub"))
        self.user = QLineEdit(login.user if login else "")
        self.user.setObjectName("user")
        self.user.setPlaceholderText(self.tr("your account on the server"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Server:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        self.form = form

    def login(self) -> ServerLogin:
        """What the fields say."""
        return ServerLogin(
            self.host.text().strip(),
            self.database.text().strip(),
            self.user.text().strip(),
            self.port.value(),
        )


class SharedCatalogDialog(QDialog):
    """Asks where the shared catalog is; ``try_open(login, password)`` opens it (returns a
    reason when it cannot). After OK: ``login()``, ``author_name()``, ``remember()``."""

    def __init__(
        self,
        try_open: Callable[[ServerLogin, str], str | None],
        login: ServerLogin | None = None,
        author_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open Shared Catalog"))
        self.setMinimumWidth(520)
        self._try_open = try_open
        intro = QLabel(
            self.tr(
                "A catalog on a PostgreSQL server, shared by a film club or a school: "
                "everyone sees the others' changes as they are made."
            )
        )
        intro.setWordWrap(True)
        self.server = ServerFields(login)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("leave empty if it is saved already"))
        where = QLabel(
            self.tr(
                "A password typed here is saved in {file}, which only you can read, where "
                "PostgreSQL's own tools look for it; filmdesk's settings never hold it."
            ).replace("{file}", str(password_file()))
        )
        where.setWordWrap(True)
        where.setEnabled(False)
        self.author = QLineEdit(author_name)
        self.author.setObjectName("authorName")
        self.author.setPlaceholderText(self.tr("your account's name"))
        self.server.form.addRow(self.tr("Pass&word:"), self.password)
        self.server.form.addRow(self.tr("Your &name on comments:"), self.author)
        self.remember_box = QCheckBox(self.tr("Open this catalog &whenever filmdesk starts"))
        self.remember_box.setObjectName("remember")
        self.remember_box.setChecked(True)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setStyleSheet("color: palette(highlight);")
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._open)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(self.server)
        layout.addWidget(where)  # (in the form, a wrapped label is cut short)
        layout.addSpacing(4)
        layout.addWidget(self.remember_box)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def login(self) -> ServerLogin:
        """Where the catalog is."""
        return self.server.login()

    def author_name(self) -> str:
        """The name to sign comments with ("" for the account's name)."""
        return self.author.text().strip()

    def remember(self) -> bool:
        """Whether filmdesk opens this catalog from now on when it starts."""
        return self.remember_box.isChecked()

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    @Slot()
    def _open(self) -> None:
        login = self.login()
        if not login.host:
            self._say(self.tr("Give the server's name or address."))
            self.server.host.setFocus()
            return
        if not login.database:
            self._say(self.tr("Give the name of the catalog's database."))
            self.server.database.setFocus()
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            reason = self._try_open(login, self.password.text())
        finally:
            QGuiApplication.restoreOverrideCursor()
        if reason is not None:
            self._say(self.tr("Not opened: {reason}").replace("{reason}", reason))
            return
        self.accept()
