"""The film dialog shows the fields the core's field table says a user edits."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from filmdesk.core.fields import Kind
from filmdesk.ui.dialogs.film_dialog import _LABELS, FilmDialog, dialog_fields


def test_the_film_dialog_edits_the_curated_fields_of_the_core(qtbot: QtBot) -> None:
    # A curated field added to the core's table without a label here fails this test.
    assert list(_LABELS) == [f.name for f in dialog_fields()]
    dialog = FilmDialog()
    qtbot.addWidget(dialog)
    assert list(dialog.editors) == [f.name for f in dialog_fields()]
    multi_line = {f.name for f in dialog_fields() if f.kind is Kind.TEXT}
    assert multi_line == {"description", "fact", "availability_note"}
    assert {
        n for n, e in dialog.editors.items() if e.metaObject().className() == "QPlainTextEdit"
    } == multi_line
