"""FilmDetailPanel: everything about the current film, and the user's own fields to edit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from urllib.parse import quote_plus

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from filmdesk.core.checks import check_http_url
from filmdesk.core.records import FilmRecord, ViewingRecord
from filmdesk.ui.films.poster_box import PosterBox
from filmdesk.ui.films.watch_history import WatchHistory
from filmdesk.ui.shell.i18n import format_date
from filmdesk.ui.widgets.plain_text import as_typed, plain_label
from filmdesk.ui.widgets.star_rating import StarRatingWidget

NOTES_SAVE_DELAY_MS = 800
TRAILER_SEARCH = "https://www.youtube.com/results?search_query={}"


def split_tags(text: str) -> list[str]:
    """Tags typed as "war, classic, drama"."""
    return [t.strip() for t in text.split(",") if t.strip()]


def _section_label(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _wrapping_label() -> QLabel:
    label = plain_label(QLabel())  # every one shows the film's own text
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class FilmDetailPanel(QScrollArea):
    """Shows one film; user edits are announced by signals (the window records them for undo)."""

    rating_changed = Signal(int, object)  # film id, float | None
    watched_changed = Signal(int, bool, object)  # film id, watched, date | None
    add_viewing_requested = Signal(int)  # film id
    edit_viewing_requested = Signal(object)  # ViewingRecord
    remove_viewings_requested = Signal(list)  # [ViewingRecord]
    tags_changed = Signal(int, list)  # film id, tags
    notes_changed = Signal(int, str, str)  # film id, notes, the notes they were typed over
    add_back_requested = Signal(object, str)  # the film deleted elsewhere, the notes typed
    poster_requested = Signal(str, int)  # "set", "remove", "copy" or "save"; film id
    poster_dropped = Signal(int, object)  # film id, the QMimeData dropped on the poster

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(300)
        self._film: FilmRecord | None = None
        self._gone = False  # the film shown was deleted elsewhere while notes were typed
        self._editable = True  # False for a read-only catalog
        # The notes the text being typed started from: what a save expects to replace (if
        # someone else changed them meanwhile, the save is refused, not made over theirs).
        self._notes_base = ""

        body = QWidget()
        body.setObjectName("detailBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(14, 10, 14, 14)
        layout.setSpacing(6)

        self.placeholder = QLabel(self.tr("Select a film to see its details."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)
        layout.addWidget(self.placeholder)

        self.content = QWidget()
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(6)
        layout.addWidget(self.content, 1)

        # Said when the film shown is deleted elsewhere while notes are being typed: the
        # notes stay, to copy or to add the film back with.
        self.gone = QFrame()
        self.gone.setObjectName("goneBanner")
        self.gone.setFrameShape(QFrame.Shape.StyledPanel)
        gone = QVBoxLayout(self.gone)
        self.gone_text = _wrapping_label()
        self.gone_text.setText(
            self.tr(
                "This film was deleted elsewhere (in another window or filmdesk-cli). "
                "Your notes below were not saved: copy them, or add the film back with them."
            )
        )
        gone.addWidget(self.gone_text)
        gone_buttons = QHBoxLayout()
        self.copy_notes_button = QPushButton(self.tr("Copy Notes"))
        self.copy_notes_button.clicked.connect(self._copy_notes)
        self.add_back_button = QPushButton(self.tr("Add the Film Back"))
        self.add_back_button.clicked.connect(self._add_back)
        gone_buttons.addWidget(self.copy_notes_button)
        gone_buttons.addWidget(self.add_back_button)
        gone_buttons.addStretch(1)
        gone.addLayout(gone_buttons)
        self.gone.hide()
        content.addWidget(self.gone)

        self.poster = PosterBox()
        for action, signal in (
            ("set", self.poster.set_requested),
            ("remove", self.poster.remove_requested),
            ("copy", self.poster.copy_requested),
            ("save", self.poster.save_requested),
        ):
            signal.connect(lambda action=action: self._poster_asked(action))
        self.poster.image_dropped.connect(self._poster_image_dropped)
        content.addWidget(self.poster)
        content.addSpacing(4)

        self.title = _wrapping_label()
        self.title.setObjectName("detailTitle")
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.45)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.original_title = _wrapping_label()
        original_font = QFont(self.original_title.font())
        original_font.setPointSizeF(original_font.pointSizeF() * 1.15)
        self.original_title.setFont(original_font)
        self.meta = _wrapping_label()
        self.meta.setObjectName("detailMeta")
        content.addWidget(self.title)
        content.addWidget(self.original_title)
        content.addWidget(self.meta)

        self.description = _wrapping_label()
        content.addWidget(self.description)
        self.fact_heading = _section_label(self.tr("Did you know?"))
        self.fact = _wrapping_label()
        content.addSpacing(4)
        content.addWidget(self.fact_heading)
        content.addWidget(self.fact)
        self.availability_heading = _section_label(self.tr("Where to watch"))
        self.availability = _wrapping_label()
        content.addWidget(self.availability_heading)
        content.addWidget(self.availability)

        self.trailer_button = QPushButton()
        self.trailer_button.setObjectName("trailer")
        self.trailer_button.clicked.connect(self._open_trailer)
        trailer_row = QHBoxLayout()
        trailer_row.addWidget(self.trailer_button)
        trailer_row.addStretch(1)
        content.addLayout(trailer_row)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        content.addSpacing(6)
        content.addWidget(line)
        content.addWidget(_section_label(self.tr("Your notes")))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.rating = StarRatingWidget()
        self.rating.rating_changed.connect(self._rating_edited)
        form.addRow(self.tr("&Rating:"), self.rating)

        self.watched = QCheckBox(self.tr("Watched"))
        self.watched.setObjectName("watched")
        self.watched.toggled.connect(self._watched_edited)
        form.addRow(self.watched)
        self.history = WatchHistory()
        self.history.setObjectName("watchHistory")
        self.history.add_requested.connect(self._add_viewing)
        self.history.edit_requested.connect(self.edit_viewing_requested)
        self.history.remove_requested.connect(self.remove_viewings_requested)
        form.addRow(self.history)

        self.tags = QLineEdit()
        self.tags.setObjectName("tags")
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. war, classic"))
        self.tags.setAccessibleName(self.tr("Tags"))
        self._completer = QCompleter([], self.tags)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self._completer.activated.connect(self._complete_tag)
        self.tags.textEdited.connect(self._update_completion_prefix)
        self.tags.editingFinished.connect(self._tags_edited)
        form.addRow(self.tr("&Tags:"), self.tags)
        content.addLayout(form)

        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setPlaceholderText(
            self.tr("Your thoughts, who recommended it, what to look for…")
        )
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setMinimumHeight(120)
        self.notes.setTabChangesFocus(True)
        self.notes.installEventFilter(self)
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(NOTES_SAVE_DELAY_MS)
        self._notes_timer.timeout.connect(self.flush_notes)
        self.notes.textChanged.connect(self._notes_typed)
        notes_label = QLabel(self.tr("&Notes:"))
        notes_label.setBuddy(self.notes)
        content.addWidget(notes_label)
        content.addWidget(self.notes, 1)
        layout.addStretch(0)
        self.setWidget(body)
        self.set_film(None)

    # --- showing ----------------------------------------------------------------------------

    def film(self) -> FilmRecord | None:
        """The film shown."""
        return self._film

    def set_tag_names(self, names: list[str]) -> None:
        """Tags offered for completion."""
        model = self._completer.model()
        model.setStringList(names)  # type: ignore[attr-defined]

    def set_film(
        self,
        film: FilmRecord | None,
        viewings: Sequence[ViewingRecord] = (),
    ) -> None:
        """Show ``film`` (None: nothing selected) with its ``viewings``. Pending notes are
        saved first.

        For the film already shown, a field typed in keeps its text unless it holds nothing
        new (with or without the focus, after a failed save too): nothing typed is thrown away.
        """
        if self._film is not None and (film is None or film.id != self._film.id):
            self.flush_notes()
            self._tags_edited()
        self._set_gone(False)
        previous = self._film
        same_film = film is not None and previous is not None and film.id == previous.id
        self._film = film
        self.placeholder.setVisible(film is None)
        self.content.setVisible(film is not None)
        if film is None:
            return
        self.title.setText(film.title)
        self.original_title.setText(film.original_title)
        self.original_title.setVisible(bool(film.original_title))
        meta = []
        if film.year:
            meta.append(str(film.year))
        if film.directors:
            meta.append(
                self.tr("Directed by {names}").replace("{names}", ", ".join(film.directors))
            )
        if film.countries:
            meta.append(", ".join(film.countries))
        if film.runtime_minutes:
            hours, minutes = divmod(film.runtime_minutes, 60)
            runtime = (
                self.tr("{hours} h {minutes} min")
                .replace("{hours}", str(hours))
                .replace("{minutes}", f"{minutes:02d}")
                if hours
                else self.tr("{minutes} min").replace("{minutes}", str(minutes))
            )
            meta.append(runtime.replace(" ", "\u00a0"))  # never "1 h" / "37 min" on two lines
        self.meta.setText("  ·  ".join(meta))
        self.description.setText(film.description)
        self.description.setVisible(bool(film.description))
        self.fact.setText(film.fact)
        self.fact.setVisible(bool(film.fact))
        self.fact_heading.setVisible(bool(film.fact))
        availability = film.availability_note
        if film.availability_checked_on:
            availability += " " + self.tr("(as of {date})").replace(
                "{date}", format_date(film.availability_checked_on)
            )
        self.availability.setText(availability)
        self.availability.setVisible(bool(availability))
        self.availability_heading.setVisible(bool(availability))
        if film.trailer_url:
            self.trailer_button.setText("▶  " + self.tr("Watch the trailer"))
            self.trailer_button.setToolTip(as_typed(film.trailer_url))
        else:
            self.trailer_button.setText(self.tr("Search for a trailer"))
            self.trailer_button.setToolTip(
                self.tr("Opens a web search for the trailer in your browser")
            )

        self.rating.set_rating(film.rating)
        self._show_watched()
        if not same_film:
            self.history.list.clearSelection()
        self.history.show_viewings(viewings)
        # A field typed in keeps its text, unless it holds nothing new since the last save
        # (then it follows the database, e.g. on undo). Focus is not asked: a field may have
        # lost it (another window was chosen) with its text not saved yet.
        typing_tags = (
            same_film
            and previous is not None
            and split_tags(self.tags.text()) != list(previous.tags)
        )
        if not typing_tags:
            self.tags.setText(", ".join(film.tags))
        typing_notes = (
            same_film and previous is not None and self.notes.toPlainText() != previous.notes
        )
        if not typing_notes and self.notes.toPlainText() != film.notes:
            self.notes.blockSignals(True)
            self.notes.setPlainText(film.notes)
            self.notes.blockSignals(False)
        if not typing_notes or self.notes.toPlainText() == film.notes:
            self._notes_base = film.notes

    # --- user edits --------------------------------------------------------------------------

    def _poster_asked(self, action: str) -> None:
        if self._film is not None:
            self.poster_requested.emit(action, self._film.id)

    @Slot(object)
    def _poster_image_dropped(self, mime: object) -> None:
        if self._film is not None:
            self.poster_dropped.emit(self._film.id, mime)

    @Slot(object)
    def _rating_edited(self, rating: float | None) -> None:
        if self._film is not None:
            self.rating_changed.emit(self._film.id, rating)

    def _show_watched(self) -> None:
        self.watched.blockSignals(True)
        self.watched.setChecked(self._film is not None and self._film.watched)
        self.watched.blockSignals(False)

    @Slot(bool)
    def _watched_edited(self, checked: bool) -> None:
        if self._film is None:
            return
        # Ticked: a viewing today. Unticked: every viewing goes (the window may ask first).
        self.watched_changed.emit(self._film.id, checked, date.today() if checked else None)
        self._show_watched()  # as the film is now: changed, or not (a question cancelled)

    @Slot()
    def _add_viewing(self) -> None:
        if self._film is not None:
            self.add_viewing_requested.emit(self._film.id)

    @Slot(str)
    def _update_completion_prefix(self, text: str) -> None:
        # Complete the tag being typed (after the last comma), not the whole line.
        current = text.rsplit(",", 1)[-1].strip()
        self._completer.setWidget(self.tags)
        self._completer.setCompletionPrefix(current)
        if current and self._completer.completionCount():
            self._completer.complete()
        else:
            popup = self._completer.popup()
            if popup is not None:
                popup.hide()

    @Slot(str)
    def _complete_tag(self, tag: str) -> None:
        head = self.tags.text().rsplit(",", 1)
        prefix = head[0] + ", " if len(head) == 2 else ""
        self.tags.setText(prefix + tag + ", ")

    @Slot()
    def _tags_edited(self) -> None:
        if self._film is None or self._gone:
            return
        tags = split_tags(self.tags.text())
        if [t.casefold() for t in tags] != [t.casefold() for t in self._film.tags]:
            self.tags_changed.emit(self._film.id, tags)

    @Slot()
    def _notes_typed(self) -> None:
        self._notes_timer.start()

    def drop_typed(self) -> None:
        """Show the film's tags and notes as saved, over anything typed (the user chose to
        keep a change made elsewhere)."""
        if self._film is None:
            return
        self._notes_timer.stop()
        self.tags.setText(", ".join(self._film.tags))
        self.notes.blockSignals(True)
        self.notes.setPlainText(self._film.notes)
        self.notes.blockSignals(False)
        self._notes_base = self._film.notes

    def has_typed_notes(self) -> bool:
        """Whether the notes hold text that is not saved yet."""
        return self._film is not None and self.notes.toPlainText() != self._film.notes

    def show_gone(self) -> None:
        """The film shown was deleted elsewhere: say so, keep the typed notes (to copy, or
        to add the film back with), and offer nothing else to edit."""
        self._notes_timer.stop()
        self._set_gone(True)

    def set_editable(self, editable: bool) -> None:
        """Whether the user's own fields can be changed (not in a read-only catalog)."""
        self._editable = editable
        self._set_gone(self._gone)

    def _set_gone(self, gone: bool) -> None:
        self._gone = gone
        self.gone.setVisible(gone)
        for widget in (self.rating, self.watched, self.history, self.tags):
            widget.setEnabled(not gone and self._editable)
        self.poster.set_editable(not gone and self._editable)
        self.trailer_button.setEnabled(not gone)

    @Slot()
    def _copy_notes(self) -> None:
        QGuiApplication.clipboard().setText(self.notes.toPlainText())
        self.copy_notes_button.setText(self.tr("Copied"))
        button = self.copy_notes_button  # (the timer goes with the button)
        QTimer.singleShot(2000, button, lambda: button.setText(self.tr("Copy Notes")))

    @Slot()
    def _add_back(self) -> None:
        if self._film is not None and self._gone:
            self.add_back_requested.emit(self._film, self.notes.toPlainText())

    @Slot()
    def flush_notes(self) -> None:
        """Save notes typed but not yet saved (called on a pause, focus loss and close)."""
        self._notes_timer.stop()
        if self._film is None or self._gone:
            return
        text = self.notes.toPlainText()
        if text != self._film.notes:
            self.notes_changed.emit(self._film.id, text, self._notes_base)

    def flush(self) -> None:
        """Save every pending edit of the panel."""
        self.flush_notes()
        self._tags_edited()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notes and event.type() == QEvent.Type.FocusOut:
            self.flush_notes()
        return super().eventFilter(watched, event)

    @Slot()
    def _open_trailer(self) -> None:
        if self._film is None:
            return
        QDesktopServices.openUrl(trailer_url_for(self._film))


def trailer_url_for(film: FilmRecord) -> QUrl:
    """The film's trailer (http/https only), or a web search for it by title and year."""
    try:
        url = check_http_url(film.trailer_url)
    except ValueError:
        url = ""
    if url:
        return QUrl(url)
    words = f"{film.title} {film.year or ''} trailer".split()
    return QUrl(TRAILER_SEARCH.format(quote_plus(" ".join(words))))
