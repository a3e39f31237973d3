"""A collection's panel on its own, without a window: shown, then kept current by Changes."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog
from filmdesk.core.operations import Changes
from filmdesk.core.records import CommentRecord
from filmdesk.ui.collections.collection_panel import CollectionPanel
from filmdesk.ui.collections.controller import CollectionController


class Editor:
    """Records what the panel asks for."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, object]] = []

    def rate(self, collection_id: int, rating: float | None) -> None:
        self.asked.append(("rate", rating))

    def add_comment(self, collection_id: int, text: str) -> None:
        self.asked.append(("comment", text))

    def edit_comment(self, comment: CommentRecord) -> None:
        self.asked.append(("edit", comment.id))

    def delete_comment(self, comment: CommentRecord) -> None:
        self.asked.append(("delete", comment.id))

    def edit_details(self, collection_id: int) -> None:
        self.asked.append(("details", collection_id))


def test_the_collection_follows_changes(qtbot: QtBot, catalog: Catalog) -> None:
    panel = CollectionPanel()
    qtbot.addWidget(panel)
    editor = Editor()
    controller = CollectionController(catalog, panel, editor)
    collection = controller.show(1)
    assert collection is not None and panel.name.text() == collection.name
    catalog.collections.add_comment(1, "Good for Year 9")
    controller.apply_changes(Changes(collections_changed=frozenset({1})))
    assert [v.text_label.text() for v in panel.comment_views] == ["Good for Year 9"]
    catalog.collections.remove(1, [6])
    with qtbot.waitSignal(controller.films_changed) as changed:
        controller.apply_changes(Changes(collections_changed=frozenset({1})))
    assert 6 not in changed.args[0]
    panel.rating_changed.emit(1, 4.5)
    assert editor.asked == [("rate", 4.5)]
