from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from filmdesk.ui.shell.i18n import install_translators


def type_text(widget: QWidget, text: str) -> None:
    """Type any text (Cyrillic included) as key presses; QTest only knows ASCII keys."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


@pytest.fixture(autouse=True, scope="session")
def _english(qapp: QApplication) -> None:
    # The window as an English desktop shows it: English plural forms come from filmdesk_en.qm.
    install_translators("en")
