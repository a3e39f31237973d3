"""The New film / Edit film dialog. The core validates; problems show next to their fields."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from filmdesk.core.fields import FILM_FIELDS, FilmField, Group, Kind
from filmdesk.core.posters.images import PosterError, PosterImage
from filmdesk.core.records import FilmRecord
from filmdesk.core.validation import FilmFields, ValidationError, clean_film_fields
from filmdesk.ui.shell.i18n import QT_TRANSLATE_NOOP
from filmdesk.ui.widgets.field_errors import FieldErrors
from filmdesk.ui.widgets.plain_text import as_typed
from filmdesk.ui.widgets.poster_input import file_input, image_filter, prepare, refusal_text

PREVIEW_HEIGHT = 72  # the poster's small copy beside its buttons

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
    """Edits a film's descriptive fields; ``fields()`` holds the validated result after OK.

    Its poster too (``poster``: the bytes of the one it has): one chosen here is kept with OK,
    in the same step as the fields, and dropped with Cancel, as everything else typed here.
    """

    def __init__(
        self,
        film: FilmRecord | None = None,
        parent: QWidget | None = None,
        *,
        poster: bytes | None = None,
        folder: str = "",
    ) -> None:
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
        self._folder = folder
        self._had_poster = poster is not None
        self._poster: PosterImage | None = None  # chosen here; None with _poster_changed: removed
        self._poster_changed = False
        poster_label = QLabel(self.tr("&Poster:"))
        form.addRow(poster_label, self._poster_row(poster))
        poster_label.setBuddy(self.poster_button)

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

    def _poster_row(self, poster: bytes | None) -> QHBoxLayout:
        self.poster_preview = QLabel()
        self.poster_preview.setFixedSize(PREVIEW_HEIGHT * 2 // 3, PREVIEW_HEIGHT)
        self.poster_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.poster_preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.poster_button = QPushButton(self.tr("Choose Image…"))
        self.poster_button.setObjectName("choosePoster")
        self.poster_button.setToolTip(self.tr("Choose an image file as the film's poster"))
        self.poster_button.clicked.connect(self._choose_poster)
        self.remove_poster_button = QPushButton(self.tr("No Poster"))
        self.remove_poster_button.setObjectName("removePoster")
        self.remove_poster_button.clicked.connect(self._remove_poster)
        self.poster_note = QLabel()
        self.poster_note.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.poster_preview)
        row.addWidget(self.poster_button)
        row.addWidget(self.remove_poster_button)
        row.addWidget(self.poster_note, 1)
        self._show_poster(poster)
        return row

    def _show_poster(self, data: bytes | None) -> None:
        pixmap = QPixmap()
        if data:
            pixmap.loadFromData(data)
        if pixmap.isNull():
            self.poster_preview.setPixmap(QPixmap())
            self.poster_preview.setText("—")
        else:
            size = self.poster_preview.size()
            self.poster_preview.setPixmap(
                pixmap.scaled(
                    size,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        has = not pixmap.isNull()
        self.remove_poster_button.setEnabled(has)
        if not self._poster_changed:
            note = "" if has else self.tr("No poster yet")
        else:
            note = self.tr("New poster chosen") if has else self.tr("The poster will be removed")
        self.poster_note.setText(note)

    def _choose_poster(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a poster"), self._folder, image_filter()
        )
        if not path:
            return
        self._folder = str(Path(path).parent)
        try:
            image = prepare(self, file_input(Path(path)))
        except PosterError as exc:
            QMessageBox.warning(self, self.tr("Poster"), as_typed(refusal_text(exc)))
            return
        self._poster, self._poster_changed = image, True
        self._show_poster(image.data)

    def _remove_poster(self) -> None:
        self._poster = None
        self._poster_changed = self._had_poster
        self._show_poster(None)

    def poster_change(self) -> tuple[bool, PosterImage | None]:
        """Whether the poster is to change with OK, and to what (None: no poster)."""
        return self._poster_changed, self._poster

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
