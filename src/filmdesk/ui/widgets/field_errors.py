"""A dialog's field problems, as the core words them, each shown under its field."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from filmdesk.core.validation import ValidationError
from filmdesk.ui.widgets.plain_text import plain_label

ERROR_COLOUR = "#c0392b"


class FieldErrors:
    """One hidden label per field; ``show`` fills in those a ``ValidationError`` names."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}

    def add(self, name: str) -> QLabel:
        """The (hidden) label for field ``name``, to place under it."""
        label = plain_label(QLabel())  # messages quote what was typed
        label.setObjectName(f"{name}_error")
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {ERROR_COLOUR};")
        label.hide()
        self.labels[name] = label
        return label

    def clear(self) -> None:
        """Hide every message."""
        for label in self.labels.values():
            label.hide()

    def show(self, error: ValidationError) -> list[str]:
        """Show each problem under its field; return the fields shown, in the error's order."""
        shown = []
        for problem in error.problems:
            label = self.labels.get(problem.field)
            if label is not None:
                label.setText(problem.message[:1].upper() + problem.message[1:])
                label.show()
                shown.append(problem.field)
        return shown
