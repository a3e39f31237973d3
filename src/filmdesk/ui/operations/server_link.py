"""A shared catalog's server that cannot be reached: said once at the top of the window, with
nothing the user typed lost; when the server answers again, the window reads everything
again and saves what was typed meanwhile.

Reads that fail while the server is away (choosing a film, the sidebar's counts) raise in
Qt's slots; ``excepthook`` turns those into this notice instead of a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject

from filmdesk.core.errors import is_unreachable
from filmdesk.core.watch import CatalogWatch
from filmdesk.ui.widgets.notice_bar import NoticeBar


class ServerLink(QObject):
    """Whether the window's catalog can be reached, and what to do when it comes back."""

    def __init__(
        self,
        watch: CatalogWatch,
        notice: NoticeBar,
        message: Callable[[str, int], None],
        back: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._watch = watch
        self._notice = notice
        self._message = message
        self._back = back
        self.lost = False
        self._hook = sys.excepthook
        sys.excepthook = self.excepthook

    def close(self) -> None:
        """The window goes: errors are printed as before."""
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._hook

    def excepthook(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        """An error raised in a slot: the server gone is said in the window, else as ever."""
        if is_unreachable(error):
            self.went_away()
            return
        self._hook(kind, error, trace)

    def failed(self, error: BaseException) -> bool:
        """A step failed with ``error``: whether it was the server gone (then said)."""
        if not is_unreachable(error):
            return False
        self.went_away()
        return True

    def went_away(self) -> None:
        """Say that the server cannot be reached (once), until it answers again."""
        if self.lost:
            return
        self.lost = True
        self._notice.show_text(
            self.tr(
                "The catalog's server cannot be reached. filmdesk keeps trying; what you type "
                "is kept and saved when the server answers again."
            )
        )

    def look(self) -> bool:
        """At every look for others' changes: whether the catalog can be reached now. When
        the server answers again, the window reads everything again and saves what was typed."""
        if not self._watch.connected:
            self.went_away()
            return False
        if self.lost:
            self.lost = False
            self._notice.hide()
            self._message(self.tr("Connected to the catalog's server again."), 6000)
            self._back()
        return True
