"""The statistics page's slow parts, off the window's thread: importing the charts' module
(matplotlib and NumPy: most of a second, the first time) and counting (the database's work;
SQLite and psycopg let the window's thread run meanwhile).

Each job is a ticket; its result or error comes back to the window's thread as a signal with
that ticket, so the controller can tell a count it still wants from one overtaken by a newer.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any

from PySide6.QtCore import QObject, QThread, QThreadPool, Signal, Slot

CHARTS_MODULE = "filmdesk.ui.stats.charts"


class _Relay(QObject):
    """Carries a job's outcome from its thread to the window's (a queued signal)."""

    done = Signal(int, object)
    failed = Signal(int, object)
    skipped = Signal(int)


class StatsBackground(QObject):
    """Runs the page's jobs on two threads of its own: a count does not wait for the import."""

    counted = Signal(int, object)  # ticket, the result of a ``count``
    count_failed = Signal(int, object)  # ticket, the exception it raised
    charts_ready = Signal(object)  # the charts' module, imported
    charts_failed = Signal(object)  # the exception importing it raised

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        # Below the window's own thread: typing and painting come first.
        self._pool.setThreadPriority(QThread.Priority.LowPriority)
        self._relay = _Relay(self)
        self._relay.done.connect(self._done)
        self._relay.failed.connect(self._failed)
        self._relay.skipped.connect(lambda ticket: self._running.discard(ticket))
        self._tickets = 0
        self._running: set[int] = set()
        self._latest_count = 0  # a count asked before it and not begun is not wanted
        self._charts: ModuleType | None = None
        self._charts_ticket: int | None = None

    def count(self, job: Callable[[], Any]) -> int:
        """Start ``job`` on a thread; its ticket (``counted`` or ``count_failed`` carries it).
        A count asked for before it and still waiting for a thread is dropped."""
        return self._start(job, latest_only=True)

    def import_charts(self) -> None:
        """Import the charts' module on a thread (once); ``charts_ready`` says when."""
        if self._charts is None and self._charts_ticket is None:
            self._charts_ticket = self._start(lambda: importlib.import_module(CHARTS_MODULE))

    def charts(self) -> ModuleType | None:
        """The charts' module, once imported."""
        return self._charts

    def is_busy(self) -> bool:
        """Whether a job has not come back yet."""
        return bool(self._running)

    def wait(self) -> None:
        """Block until every job is done (before the catalog closes)."""
        self._pool.waitForDone()

    def _start(self, job: Callable[[], Any], *, latest_only: bool = False) -> int:
        self._tickets += 1
        ticket = self._tickets
        relay = self._relay
        self._running.add(ticket)
        if latest_only:
            self._latest_count = ticket  # (before the thread can look)

        def work() -> None:
            if latest_only and self._latest_count != ticket:  # (an int read: no lock needed)
                with contextlib.suppress(RuntimeError):  # (the relay gone: its window closed)
                    relay.skipped.emit(ticket)
                return
            try:
                result = job()
            except Exception as exc:  # handed to the window's thread, which reports it
                signal, outcome = relay.failed, exc
            else:
                signal, outcome = relay.done, result
            try:
                signal.emit(ticket, outcome)
            except RuntimeError:  # the relay is gone (its window closed)
                return

        self._pool.start(work)
        return ticket

    @Slot(int, object)
    def _done(self, ticket: int, result: object) -> None:
        self._running.discard(ticket)
        if ticket != self._charts_ticket:
            self.counted.emit(ticket, result)
            return
        self._charts_ticket = None
        assert isinstance(result, ModuleType)
        self._charts = result
        self.charts_ready.emit(result)

    @Slot(int, object)
    def _failed(self, ticket: int, error: object) -> None:
        self._running.discard(ticket)
        if ticket != self._charts_ticket:
            self.count_failed.emit(ticket, error)
            return
        self._charts_ticket = None
        self.charts_failed.emit(error)
