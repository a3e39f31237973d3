"""Catalog text shown as typed, never as HTML.

Qt's labels, tooltips and message boxes guess (Qt.AutoText): text with something like a tag
before its first line break is taken for HTML. A film titled ``<b>Bold</b>`` came out bold, and
``<img src="/some/local.png">`` showed a picture from the user's disk. Labels that show catalog
text are made plain with ``plain_label``; where no format can be chosen (tooltips, message
boxes, input dialogs), text goes through ``as_typed`` first.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QLabel


def plain_label(label: QLabel) -> QLabel:
    """``label``, set to show its text as it is (returned, for building in one expression)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def as_typed(text: str) -> str:
    """``text`` for a place that guesses between plain text and HTML: shown as it is.

    Text Qt would take for plain stays as it is (a tooltip keeps its look); text it would take
    for HTML becomes HTML that shows it, line breaks included.
    """
    if not QtGui.mightBeRichText(text):
        return text
    return QtGui.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def link(url: str, text: str | None = None) -> str:
    """An HTML link to ``url`` for a rich-text label, both escaped."""
    return f'<a href="{html.escape(url)}">{html.escape(url if text is None else text)}</a>'


__all__ = ["as_typed", "link", "plain_label"]
