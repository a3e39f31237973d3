"""Long work (reading, importing a big file) off the UI thread, with progress and Cancel."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from filmdesk.core.progress import ImportCancelled

Task = Callable[[Callable[[int, int], None]], Any]


class TaskThread(QThread):
    """Runs ``task(progress)`` in a thread; Cancel makes the next progress call stop it."""

    progressed = Signal(int, int)

    def __init__(self, task: Task, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._task = task
        self._cancelled = False
        self._last_report = 0.0
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        """Ask the task to stop at its next progress report."""
        self._cancelled = True

    def _progress(self, done: int, total: int) -> None:
        if self._cancelled:
            raise ImportCancelled
        now = time.monotonic()
        if now - self._last_report >= 0.05:  # a few reports a second; more would flood the UI
            self._last_report = now
            self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            self.result = self._task(self._progress)
        except BaseException as exc:  # handed to the UI thread, which reports it
            self.error = exc


def run_with_progress(parent: QWidget, label: str, task: Task) -> Any:
    """Run ``task`` in a thread behind a progress dialog; return its result or raise its error.

    The window stays responsive; Cancel raises ImportCancelled (the task has changed nothing).
    """
    thread = TaskThread(task, parent)
    cancel = QCoreApplication.translate("Progress", "Cancel")
    dialog = QProgressDialog(label, cancel, 0, 0, parent)
    dialog.setWindowTitle("filmdesk")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # quick files never show it
    dialog.canceled.connect(thread.cancel)

    def show_progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, total))

    thread.progressed.connect(show_progress)
    loop = QEventLoop()
    thread.finished.connect(loop.quit)
    thread.start()
    if not thread.isFinished():
        loop.exec()
    thread.wait()
    dialog.close()
    if thread.error is not None:
        raise thread.error
    return thread.result
