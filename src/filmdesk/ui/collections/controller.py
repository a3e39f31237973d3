"""The collection chosen in the sidebar: read it, show it, keep it current from ``Changes``,
and pass the user's changes to it on to whoever makes them into undo steps."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Signal

from filmdesk.core.catalog import Catalog
from filmdesk.core.errors import CollectionNotFoundError
from filmdesk.core.operations import Changes
from filmdesk.core.records import CollectionRecord, CommentRecord
from filmdesk.ui.collections.collection_panel import CollectionPanel


class CollectionEditor(Protocol):
    """The changes a collection's panel asks for (``operations.collections`` makes them)."""

    def rate(self, collection_id: int, rating: float | None) -> None: ...
    def add_comment(self, collection_id: int, text: str) -> None: ...
    def edit_comment(self, comment: CommentRecord) -> None: ...
    def delete_comment(self, comment: CommentRecord) -> None: ...
    def edit_details(self, collection_id: int) -> None: ...


class CollectionController(QObject):
    """The collection shown in a ``CollectionPanel``."""

    films_changed = Signal(object)  # the film ids of the collection shown, now different

    def __init__(
        self,
        catalog: Catalog,
        panel: CollectionPanel,
        editor: CollectionEditor,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.panel = panel
        self._collection: CollectionRecord | None = None
        panel.rating_changed.connect(editor.rate)
        panel.comment_added.connect(editor.add_comment)
        panel.comment_edit_requested.connect(editor.edit_comment)
        panel.comment_delete_requested.connect(editor.delete_comment)
        panel.edit_requested.connect(editor.edit_details)

    def current(self) -> CollectionRecord | None:
        """The collection shown, as last read."""
        return self._collection

    def show(self, collection_id: int) -> CollectionRecord | None:
        """Read and show a collection; None when it is gone."""
        try:
            collection = self.catalog.collections.get(collection_id)
            comments = self.catalog.collections.comments(collection_id)
        except CollectionNotFoundError:
            return None
        self._collection = collection
        self.panel.set_collection(collection, comments)
        return collection

    def clear(self) -> None:
        """No collection is chosen."""
        self._collection = None

    def empty_text(self) -> str:
        """What the film table says when the collection has no films."""
        return self.tr(
            "This collection has no films yet. Choose “All films”, then drag films onto "
            "the collection in the sidebar, or right-click them: Add to."
        )

    def apply_changes(self, changes: Changes) -> None:
        """Read the collection shown again when it (or which films exist) changed."""
        shown = self._collection
        if shown is None:
            return
        touched = changes.collections_changed | changes.collections_added
        if shown.id not in touched and not (changes.films_added or changes.films_removed):
            return
        collection = self.show(shown.id)
        if collection is not None and collection.film_ids != shown.film_ids:
            self.films_changed.emit(collection.film_ids)
