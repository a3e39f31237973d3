"""CollectionPanel: a collection's name, source, description, the user's rating of it, and the
user's dated comments (newest first) with a box to write a new one.

Changes are announced by signals; the controller records them for undo and shows the
collection again.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QDate, QLocale, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from filmdesk.core.records import CollectionRecord, CommentRecord
from filmdesk.ui.widgets.plain_text import link, plain_label
from filmdesk.ui.widgets.star_rating import StarRatingWidget


def _label(text: str = "", *, bold: bool = False, scale: float = 1.0) -> QLabel:
    label = plain_label(QLabel(text))  # names, descriptions, comments: the user's own text
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    font = QFont(label.font())
    font.setBold(bold)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def _link_button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    font = QFont(button.font())
    font.setUnderline(True)
    button.setFont(font)
    button.setFixedWidth(button.fontMetrics().horizontalAdvance(text) + 12)
    return button


class CommentView(QFrame):
    """One comment: its date, its text, and Edit / Delete."""

    edit_requested = Signal(object)  # CommentRecord
    delete_requested = Signal(object)

    def __init__(self, comment: CommentRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comment = comment
        self.setObjectName("comment")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        top = QHBoxLayout()
        written = comment.created_at.astimezone()
        day = QDate(written.year, written.month, written.day)
        when = QLocale().toString(day, "d MMM yyyy")
        when += ", " + written.strftime("%H:%M")
        if comment.author:
            when = f"{comment.author} · {when}"
        if comment.updated_at > comment.created_at:
            when += " · " + self.tr("edited")
        self.date_label = QLabel(when)
        self.date_label.setEnabled(False)
        self.date_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top.addWidget(self.date_label, 1)
        self.edit_button = _link_button(self.tr("Edit"))
        self.edit_button.setAccessibleName(self.tr("Edit comment"))
        self.delete_button = _link_button(self.tr("Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete comment"))
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.comment))
        self.delete_button.clicked.connect(lambda: self.delete_requested.emit(self.comment))
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        layout.addLayout(top)
        self.text_label = _label(comment.text)
        layout.addWidget(self.text_label)

    def set_editable(self, editable: bool) -> None:
        """Edit and Delete are offered only where the comment can be changed."""
        self.edit_button.setVisible(editable)
        self.delete_button.setVisible(editable)


class CollectionPanel(QScrollArea):
    """One collection, with its rating and comments."""

    rating_changed = Signal(int, object)  # collection id, float | None
    comment_added = Signal(int, str)  # collection id, text
    comment_edit_requested = Signal(object)  # CommentRecord
    comment_delete_requested = Signal(object)
    edit_requested = Signal(int)  # collection id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collectionPanel")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(300)
        self._collection: CollectionRecord | None = None

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(14, 10, 14, 14)
        layout.setSpacing(6)
        self.name = _label(bold=True, scale=1.45)
        self.name.setObjectName("collectionName")
        self.films = QLabel()
        self.films.setEnabled(False)
        self.source = _label()
        self.source.setObjectName("collectionSource")
        self.source.setTextFormat(Qt.TextFormat.RichText)  # a link; the text in it is escaped
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.source.setOpenExternalLinks(True)
        self.description = _label()
        self.description.setObjectName("collectionDescription")
        layout.addWidget(self.name)
        layout.addWidget(self.films)
        layout.addWidget(self.description)
        layout.addWidget(self.source)

        rating_row = QHBoxLayout()
        rating_label = QLabel(self.tr("Your rating:"))
        self.rating = StarRatingWidget()
        self.rating.setObjectName("collectionRating")
        self.rating.setAccessibleName(self.tr("Your rating of the collection"))
        rating_label.setBuddy(self.rating)
        self.rating.rating_changed.connect(self._rating_edited)
        rating_row.addWidget(rating_label)
        rating_row.addWidget(self.rating)
        rating_row.addStretch(1)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editCollection")
        self.edit_button.setToolTip(self.tr("Rename the collection or change its description"))
        self.edit_button.clicked.connect(self._edit_clicked)
        rating_row.addWidget(self.edit_button)
        layout.addLayout(rating_row)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addSpacing(4)
        layout.addWidget(line)
        self.comments_heading = _label(self.tr("Comments"), bold=True)
        layout.addWidget(self.comments_heading)
        self.composer = QPlainTextEdit()
        self.composer.setObjectName("commentComposer")
        self.composer.setPlaceholderText(self.tr("Write a comment on this collection…"))
        self.composer.setAccessibleName(self.tr("New comment"))
        self.composer.setTabChangesFocus(True)
        self.composer.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.composer.textChanged.connect(self._composer_changed)
        layout.addWidget(self.composer)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        self.add_comment_button = QPushButton(self.tr("Add comment"))
        self.add_comment_button.setObjectName("addComment")
        self.add_comment_button.setEnabled(False)
        self.add_comment_button.clicked.connect(self._add_clicked)
        add_row.addWidget(self.add_comment_button)
        layout.addLayout(add_row)

        self.comment_list = QVBoxLayout()
        self.comment_list.setSpacing(6)
        layout.addLayout(self.comment_list)
        self.no_comments = QLabel(self.tr("No comments yet."))
        self.no_comments.setEnabled(False)
        layout.addWidget(self.no_comments)
        layout.addStretch(1)
        self.setWidget(body)
        self.comment_views: list[CommentView] = []
        self._editable = True

    def set_editable(self, editable: bool) -> None:
        """Whether the collection can be changed here (not in a read-only catalog): its
        rating, name and description, and its comments. Comments are shown either way."""
        self._editable = editable
        self.rating.setEnabled(editable)
        self.edit_button.setEnabled(editable)
        self.composer.setVisible(editable)
        self.add_comment_button.setVisible(editable)
        for view in self.comment_views:
            view.set_editable(editable)

    def collection(self) -> CollectionRecord | None:
        """The collection shown."""
        return self._collection

    def set_collection(
        self, collection: CollectionRecord, comments: Sequence[CommentRecord]
    ) -> None:
        """Show a collection and its comments (newest first, as given)."""
        changed = self._collection is None or self._collection.id != collection.id
        self._collection = collection
        self.name.setText(collection.name)
        self.films.setText(self.tr("%n film(s)", "", len(collection.film_ids)))
        self.description.setText(collection.description)
        self.description.setVisible(bool(collection.description))
        source = collection.source
        if source.startswith(("http://", "https://")):
            self.source.setText(
                html.escape(self.tr("Source: {link}")).replace("{link}", link(source))
            )
        else:
            self.source.setText(
                html.escape(self.tr("Source: {source}")).replace("{source}", html.escape(source))
            )
        self.source.setVisible(bool(source))
        self.rating.set_rating(collection.rating)
        if changed:
            self.composer.clear()
        for view in self.comment_views:
            view.setParent(None)
            view.deleteLater()
        self.comment_views = []
        for comment in comments:
            view = CommentView(comment)
            view.set_editable(self._editable)
            view.edit_requested.connect(self.comment_edit_requested)
            view.delete_requested.connect(self.comment_delete_requested)
            self.comment_list.addWidget(view)
            self.comment_views.append(view)
        self.no_comments.setVisible(not comments)
        self.comments_heading.setText(
            self.tr("Comments ({count})").replace("{count}", str(len(comments)))
            if comments
            else self.tr("Comments")
        )

    @Slot(object)
    def _rating_edited(self, rating: float | None) -> None:
        if self._collection is not None:
            self.rating_changed.emit(self._collection.id, rating)

    @Slot()
    def _composer_changed(self) -> None:
        self.add_comment_button.setEnabled(bool(self.composer.toPlainText().strip()))

    @Slot()
    def _add_clicked(self) -> None:
        text = self.composer.toPlainText().strip()
        if self._collection is None or not text:
            return
        self.composer.clear()
        self.comment_added.emit(self._collection.id, text)

    @Slot()
    def _edit_clicked(self) -> None:
        if self._collection is not None:
            self.edit_requested.emit(self._collection.id)
