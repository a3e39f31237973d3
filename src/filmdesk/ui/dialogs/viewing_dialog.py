"""Add viewing / Edit viewing: the day it was watched (or "day not known"), the rating given
then, whether it was a rewatch, and a note. The core validates; a problem shows next to its
field and the dialog stays open."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from filmdesk.core.checks import FIRST_FILM_YEAR
from filmdesk.core.records import ViewingRecord
from filmdesk.core.validation import ValidationError, ViewingFields, clean_viewing_fields
from filmdesk.ui.shell.i18n import short_date_format
from filmdesk.ui.widgets.field_errors import FieldErrors
from filmdesk.ui.widgets.star_rating import StarRatingWidget


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ViewingDialog(QDialog):
    """Edits one viewing of the film titled ``title`` (a new one when ``viewing`` is None:
    today, a rewatch when ``seen_before``); ``fields()`` holds the result after OK."""

    def __init__(
        self,
        title: str,
        viewing: ViewingRecord | None = None,
        *,
        seen_before: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            (
                self.tr("Add Viewing of “{title}”")
                if viewing is None
                else self.tr("Edit Viewing of “{title}”")
            ).replace("{title}", title)
        )
        self.setMinimumWidth(420)
        self._viewing = viewing
        self._fields: ViewingFields = {}
        self._errors = FieldErrors()

        self.day = QDateEdit()
        self.day.setObjectName("watchedOn")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(short_date_format())
        self.day.setMinimumDate(QDate(FIRST_FILM_YEAR, 1, 1))
        self.day.setAccessibleName(self.tr("Day watched"))
        self.unknown_day = QCheckBox(self.tr("Day not &known"))
        self.unknown_day.setObjectName("unknownDay")
        self.unknown_day.toggled.connect(self._unknown_day_toggled)
        self.rating = StarRatingWidget()
        self.rating.setObjectName("viewingRating")
        self.rewatch = QCheckBox(self.tr("Re&watch: I had seen it before"))
        self.rewatch.setObjectName("rewatch")
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("Where, with whom, what struck you…"))
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 5 + 12)

        on = viewing.watched_on if viewing is not None else date.today()
        self.day.setDate(_qdate(on or date.today()))
        self.unknown_day.setChecked(viewing is not None and viewing.watched_on is None)
        self._unknown_day_toggled(self.unknown_day.isChecked())
        self.rating.set_rating(viewing.rating if viewing is not None else None)
        self.rewatch.setChecked(viewing.rewatch if viewing is not None else seen_before)
        self.note.setPlainText(viewing.note if viewing is not None else "")

        day_row = QHBoxLayout()
        day_row.addWidget(self.day)
        day_row.addWidget(self.unknown_day)
        day_row.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(
            self._label(self.tr("&Watched on:"), self.day), self._with_error(day_row, "watched_on")
        )
        form.addRow(
            self._label(self.tr("&Rating:"), self.rating), self._with_error(self.rating, "rating")
        )
        form.addRow("", self.rewatch)
        form.addRow(self._label(self.tr("&Note:"), self.note), self._with_error(self.note, "note"))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Add Viewing") if viewing is None else self.tr("Save"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.day.setFocus()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)  # Alt+letter jumps to the field
        return label

    def _with_error(self, field: QWidget | QHBoxLayout, name: str) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setSpacing(2)
        if isinstance(field, QWidget):
            box.addWidget(field)
        else:
            box.addLayout(field)
        box.addWidget(self._errors.add(name))
        return box

    @Slot(bool)
    def _unknown_day_toggled(self, unknown: bool) -> None:
        self.day.setEnabled(not unknown)

    def errors(self) -> dict[str, QLabel]:
        """The message label under each field (hidden while the field is fine)."""
        return self._errors.labels

    def fields(self) -> ViewingFields:
        """The validated fields: all of them for a new viewing, those changed for an edit."""
        return self._fields

    def accept(self) -> None:
        self._errors.clear()
        raw: dict[str, object] = {
            "watched_on": None if self.unknown_day.isChecked() else self.day.date().toPython(),
            "rating": self.rating.rating(),
            "rewatch": self.rewatch.isChecked(),
            "note": self.note.toPlainText(),
        }
        try:
            cleaned = clean_viewing_fields(raw)
        except ValidationError as exc:
            focus = {"watched_on": self.day, "rating": self.rating, "note": self.note}
            shown = self._errors.show(exc)
            if shown and shown[0] in focus:
                focus[shown[0]].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self._viewing is not None:
            before = self._viewing
            cleaned = {  # type: ignore[assignment]
                name: value for name, value in cleaned.items() if getattr(before, name) != value
            }
        self._fields = cleaned
        super().accept()
