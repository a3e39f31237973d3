"""The New film / Edit film dialog. The core validates; problems show next to their fields."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from filmdesk.core.fields import FILM_FIELDS, FilmField, Group, Kind
from filmdesk.core.records import FilmRecord
from filmdesk.core.validation import FilmFields, ValidationError, clean_film_fields
from filmdesk.ui.shell.i18n import QT_TRANSLATE_NOOP
from filmdesk.ui.widgets.field_errors import FieldErrors

# The dialog's labels, with their mnemonics (translated when shown). Which fields it shows, in
# which order and how each is typed come from the core's field table: the curated fields a
# user may edit (a test checks these labels cover exactly those).
_LABELS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("FilmDialog", "&Title:"),
    "original_title": QT_TRANSLATE_NOOP("FilmDialog", "&Original title:"),
    "year": QT_TRANSLATE_NOOP("FilmDialog", "&Year:"),
    "directors": QT_TRANSLATE_NOOP("FilmDialog", "&Directors:"),
    "countries": QT_TRANSLATE_NOOP("FilmDialog", "&Countries:"),
    "runtime_minutes": QT_TRANSLATE_NOOP("FilmDialog", "&Runtime (min):"),
    "description": QT_TRANSLATE_NOOP("FilmDialog", "D&escription:"),
    "fact": QT_TRANSLATE_NOOP("FilmDialog", "&Fact:"),
    "trailer_url": QT_TRANSLATE_NOOP("FilmDialog", "Trailer &URL:"),
    "availability_note": QT_TRANSLATE_NOOP("FilmDialog", "&Availability:"),
    "imdb_id": QT_TRANSLATE_NOOP("FilmDialog", "&IMDb id:"),
    "letterboxd_uri": QT_TRANSLATE_NOOP("FilmDialog", "&Letterboxd URI:"),
}


def dialog_fields() -> list[FilmField]:
    """The fields the dialog edits: the curated ones a user may type, in the table's order."""
    return [f for f in FILM_FIELDS if f.group is Group.CURATED and f.editable]


# (field, label, multi-line)
_FIELDS: tuple[tuple[str, str, bool], ...] = tuple(
    (f.name, _LABELS[f.name], f.kind is Kind.TEXT) for f in dialog_fields()
)
_LIST_FIELDS = tuple(f.name for f in dialog_fields() if f.kind is Kind.NAMES)
_PLACEHOLDERS = {
    "directors": QT_TRANSLATE_NOOP("FilmDialog", "comma-separated"),
    "countries": QT_TRANSLATE_NOOP("FilmDialog", "comma-separated"),
    "trailer_url": "https://…",
    "imdb_id": QT_TRANSLATE_NOOP("FilmDialog", "e.g. tt0050634"),
    "year": QT_TRANSLATE_NOOP("FilmDialog", "e.g. 1957"),
}


class FilmDialog(QDialog):
    """Edits a film's descriptive fields; ``fields()`` holds the validated result after OK."""

    def __init__(self, film: FilmRecord | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Edit “{title}”").replace("{title}", film.title)
            if film
            else self.tr("New film")
        )
        self.setMinimumWidth(600)
        self._film = film
        self._cleaned: FilmFields = {}
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        self._errors = FieldErrors()
        self.errors: dict[str, QLabel] = self._errors.labels

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, label, multi_line in _FIELDS:
            editor: QLineEdit | QPlainTextEdit
            if multi_line:
                editor = QPlainTextEdit()
                editor.setTabChangesFocus(True)
                editor.setFixedHeight(editor.fontMetrics().lineSpacing() * 4 + 12)
            else:
                editor = QLineEdit()
                editor.setPlaceholderText(
                    self.tr(_PLACEHOLDERS[name]) if name in _PLACEHOLDERS else ""
                )
            editor.setObjectName(name)
            self.editors[name] = editor
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(editor)
            box.addWidget(self._errors.add(name))
            label_widget = QLabel(self.tr(label))
            label_widget.setBuddy(editor)  # Alt+letter jumps to the field
            form.addRow(label_widget, box)
        if film is not None:
            self._fill(film)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Save") if film else self.tr("Add film"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _fill(self, film: FilmRecord) -> None:
        values: dict[str, Any] = {
            "title": film.title,
            "original_title": film.original_title,
            "year": str(film.year or ""),
            "directors": ", ".join(film.directors),
            "countries": ", ".join(film.countries),
            "runtime_minutes": str(film.runtime_minutes or ""),
            "description": film.description,
            "fact": film.fact,
            "trailer_url": film.trailer_url,
            "availability_note": film.availability_note,
            "imdb_id": film.imdb_id or "",
            "letterboxd_uri": film.letterboxd_uri or "",
        }
        for name, value in values.items():
            editor = self.editors[name]
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(value)
            else:
                editor.setText(value)
                editor.setCursorPosition(0)  # show the start of a long value

    def _raw(self) -> dict[str, object]:
        raw: dict[str, object] = {}
        for name, editor in self.editors.items():
            text = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
            raw[name] = [p for p in text.split(",")] if name in _LIST_FIELDS else text
        return raw

    def fields(self) -> FilmFields:
        """The validated fields (only those that differ from the film being edited)."""
        return self._cleaned

    def accept(self) -> None:
        self._errors.clear()
        raw = self._raw()
        try:
            cleaned = clean_film_fields(raw)
        except ValidationError as exc:
            shown = self._errors.show(exc)
            if shown:
                self.editors[shown[0]].setFocus()
            return
        if self._film is not None:
            current = clean_film_fields(
                {name: getattr(self._film, name) for name in cleaned if name not in _LIST_FIELDS}
                | {name: list(getattr(self._film, name)) for name in _LIST_FIELDS}
            )
            cleaned = {k: v for k, v in cleaned.items() if current.get(k) != v}  # type: ignore[assignment]
        if "availability_note" in cleaned and (
            self._film is not None or cleaned["availability_note"]
        ):
            # A changed note is a fresh check of where the film can be watched.
            cleaned["availability_checked_on"] = (
                date.today() if cleaned["availability_note"] else None
            )
        self._cleaned = cleaned
        super().accept()
