"""Catalog text is shown as typed: a title like ``<b>Bold</b> <img src="x.png">`` is never HTML.

Labels, tooltips and message boxes guess between plain text and HTML (Qt.AutoText); catalog text
that looks like HTML was shown bold, or as a picture loaded from the user's disk.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog
from filmdesk.ui.films.film_table_model import Column
from filmdesk.ui.sidebar.sidebar import Sidebar
from tests.ui.test_main_window import make_window

HTML = '<b>Bold</b> <img src="x.png">'
AMPERSAND = "Tom &amp; Jerry & <i>friends</i>"


def seen(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a person reads where ``text`` is shown with ``text_format`` (Qt's own guess)."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and QtGuiNamespace.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def reads(label: QLabel) -> str:
    return seen(label.text(), label.textFormat())


def assert_plain(label: QLabel, expected: str) -> None:
    """The label shows ``expected`` as it is, and takes it as plain text."""
    assert label.text() == expected
    assert label.textFormat() == Qt.TextFormat.PlainText


@pytest.fixture
def odd(catalog: Catalog) -> Catalog:
    """A catalog whose texts look like HTML."""
    catalog.films.add(
        {
            "title": HTML,
            "original_title": "<i>Оригинал</i>",
            "description": f"<h1>Big</h1>\n{AMPERSAND}",
            "fact": "<u>underlined</u>",
            "availability_note": "<a href='https://example.com'>link</a>",
            "directors": ["<s>Director</s>"],
            "trailer_url": "https://example.com/watch?v=<b>x</b>",
            "tags": ["<b>tag</b>"],
        }
    )
    collection = catalog.collections.create(
        "<b>Collection</b>",
        description="<i>about letters</i>",
        source="https://example.com/?q=<b>letters</b>&page=2",
    )
    catalog.collections.add_comment(collection.id, f"{HTML}\n{AMPERSAND}")
    screening_list = catalog.lists.create(
        "<b>Year 9</b>", audience="<i>9B</i>", description=f"<h1>Autumn</h1> {AMPERSAND}"
    )
    catalog.lists.add(screening_list.id, [6])
    catalog.lists.set_note(screening_list.id, 6, "<b>Who writes?</b>")
    return catalog


def film_id(catalog: Catalog) -> int:
    return catalog.films.resolve(HTML).id


def test_the_detail_panel_shows_a_films_texts_as_typed(qtbot: QtBot, odd: Catalog) -> None:
    window = make_window(qtbot, odd)
    assert window.films.select_film(film_id(odd))
    detail = window.detail
    assert_plain(detail.title, HTML)
    assert_plain(detail.original_title, "<i>Оригинал</i>")
    assert_plain(detail.description, f"<h1>Big</h1>\n{AMPERSAND}")
    assert_plain(detail.fact, "<u>underlined</u>")
    assert reads(detail.availability) == "<a href='https://example.com'>link</a>"
    assert "<s>Director</s>" in reads(detail.meta)
    assert seen(detail.trailer_button.toolTip()) == "https://example.com/watch?v=<b>x</b>"


def test_the_film_tables_tooltips_show_titles_as_typed(qtbot: QtBot, odd: Catalog) -> None:
    window = make_window(qtbot, odd)
    row = window.films.model.row_of(film_id(odd))
    assert row is not None
    tips = {
        column: window.films.model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
        for column in (Column.TITLE, Column.ORIGINAL_TITLE, Column.DIRECTOR, Column.TAGS)
    }
    assert {column: seen(tip) for column, tip in tips.items()} == {
        Column.TITLE: HTML,
        Column.ORIGINAL_TITLE: "<i>Оригинал</i>",
        Column.DIRECTOR: "<s>Director</s>",
        Column.TAGS: "<b>tag</b>",
    }
    # Plain titles keep a plain tooltip (no HTML wrapping that changes how it looks).
    plain_row = window.films.model.row_of(6)
    assert plain_row is not None
    tip = window.films.model.index(plain_row, Column.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "The Cranes Are Flying"


def test_a_collection_its_comment_and_source_are_shown_as_typed(qtbot: QtBot, odd: Catalog) -> None:
    window = make_window(qtbot, odd)
    (collection,) = [c for c in odd.collections.all() if c.name == "<b>Collection</b>"]
    window.sidebar_view.select("collection", collection.id)
    panel = window.collection_panel
    assert_plain(panel.name, "<b>Collection</b>")
    assert_plain(panel.description, "<i>about letters</i>")
    (comment,) = panel.comment_views
    assert_plain(comment.text_label, f"{HTML}\n{AMPERSAND}")
    # The source stays a link, and reads as typed.
    source = "https://example.com/?q=<b>letters</b>&page=2"
    assert panel.source.textFormat() == Qt.TextFormat.RichText
    assert reads(panel.source).endswith(source)
    assert f'href="{source.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")}"' in (
        panel.source.text()
    )
    item = window.sidebar_view.item("collection", collection.id)
    assert item is not None
    assert seen(item.toolTip(0)) == "<i>about letters</i>"


def test_a_screening_list_is_shown_as_typed(qtbot: QtBot, odd: Catalog) -> None:
    window = make_window(qtbot, odd)
    (summary,) = odd.lists.summaries()
    window.sidebar_view.select("list", summary.id)
    view = window.list_view
    assert_plain(view.title, "<b>Year 9</b>")
    assert view.audience.textFormat() == Qt.TextFormat.PlainText
    assert view.audience.text() == "For <i>9B</i>"
    assert_plain(view.description, f"<h1>Autumn</h1> {AMPERSAND}")
    note_tip = view.model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert seen(note_tip) == "<b>Who writes?</b>"
    item = window.sidebar_view.item("list", summary.id)
    assert item is not None
    assert seen(item.toolTip(0)) == "For <i>9B</i>"


def test_a_sidebar_names_tooltip_is_the_name_as_typed(qtbot: QtBot, odd: Catalog) -> None:
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    sidebar.populate((11, 0, 11), [], [], odd.films.tag_counts())
    item = sidebar.item("tag", "<b>tag</b>")
    assert item is not None
    assert seen(item.toolTip(0)) == "<b>tag</b>"


def test_the_delete_question_names_the_film_as_typed(
    qtbot: QtBot, odd: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, odd)
    assert window.films.select_film(film_id(odd))
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(seen(box.text(), box.textFormat()))
        return QMessageBox.StandardButton.Cancel.value

    monkeypatch.setattr(QMessageBox, "exec", answer)
    window.window_actions["delete"].trigger()
    assert asked and asked[0].startswith(f"Delete “{HTML}”?")


def test_a_failed_change_names_it_as_typed(
    qtbot: QtBot, odd: Catalog, monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    window = make_window(qtbot, odd)
    warned: list[str] = []

    def warning(_parent: QWidget, _title: str, text: str, *args: object) -> int:
        warned.append(seen(text))
        return QMessageBox.StandardButton.Ok.value

    monkeypatch.setattr(QMessageBox, "warning", warning)
    window.router.command_failed(f"Rename “{HTML}”", ValueError("name: <b>taken</b>"))
    # (As HTML, the blank line between the two is a paragraph break: lines are what matter.)
    assert [line for text in warned for line in text.splitlines() if line] == [
        f"“Rename “{HTML}”” could not be saved.",
        "Name: <b>taken</b>.",  # why in words: no class name
    ]


def test_deleting_a_collection_asks_about_it_by_its_name_as_typed(
    qtbot: QtBot, odd: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, odd)
    (collection,) = [c for c in odd.collections.all() if c.name == "<b>Collection</b>"]
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(seen(box.text(), box.textFormat()))
        return QMessageBox.StandardButton.Cancel.value

    monkeypatch.setattr(QMessageBox, "exec", answer)
    window.collection_ops.delete(collection.id)
    assert asked and "“<b>Collection</b>”" in asked[0]


def test_the_note_box_names_the_film_as_typed(
    qtbot: QtBot, odd: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, odd)
    screening_list = odd.lists.create("Plain")
    odd.lists.add(screening_list.id, [film_id(odd)])
    window.sidebar.refresh()  # the list made outside the window appears in the sidebar
    window.sidebar_view.select("list", screening_list.id)
    labels: list[str] = []

    def ask(_parent: QWidget, _title: str, label: str, text: str = "") -> tuple[str, bool]:
        labels.append(seen(label))
        return text, False

    monkeypatch.setattr(QInputDialog, "getMultiLineText", ask)
    window.screening_list.edit_note(film_id(odd))
    assert labels == [f"Note on “{HTML}” (printed on the handout):"]


def test_a_search_that_finds_nothing_is_quoted_as_typed(qtbot: QtBot, odd: Catalog) -> None:
    window = make_window(qtbot, odd)
    qtbot.keyClicks(window.films.search.field, "<b>zzz</b>")
    assert window.films.stack.currentWidget() is window.films.empty_state
    assert reads(window.films.empty_label) == "No films match “<b>zzz</b>”."
