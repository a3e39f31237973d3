"""Saved searches: save the search shown, change, rename or delete one; each one undo step."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Slot

from filmdesk.core.operations import Operation
from filmdesk.core.searches import (
    DeleteSearch,
    EditSearch,
    SavedSearchRecord,
    SaveSearch,
    SearchFields,
    scope_of,
)
from filmdesk.ui.dialogs.saved_search_dialog import SavedSearchDialog
from filmdesk.ui.operations.context import Asking, StepContext, quoted
from filmdesk.ui.undo import OperationCommand


class SearchOperations(QObject):
    """Ask, name the step, push the command."""

    def __init__(self, context: StepContext) -> None:
        super().__init__(context.window)
        self.context = context
        self.catalog = context.catalog
        self.asking = Asking(context.window)

    def scopes(self) -> list[tuple[str, str]]:
        """What a saved search may look within, as the sidebar names it."""
        choices = [
            (self.tr("All films"), ""),
            (self.tr("Watched"), "watched"),
            (self.tr("Not watched"), "unwatched"),
        ]
        for collection in self.catalog.collections.all():
            label = self.tr("Collection: {name}").replace("{name}", collection.name)
            choices.append((label, scope_of("collection", collection.name)))
        for summary in self.catalog.lists.summaries():
            label = self.tr("Screening list: {name}").replace("{name}", summary.name)
            choices.append((label, scope_of("list", summary.name)))
        for tag in self.context.films.tag_names():
            choices.append((self.tr("Tag: {name}").replace("{name}", tag), scope_of("tag", tag)))
        return choices

    def _push(self, text: str, operation: Operation[Any]) -> None:
        command = OperationCommand(text, self.catalog, self.context.sink, operation)
        self.context.undo_stack.push(command)

    def _scope_of_entry(self, kind: str, key: object) -> str:
        """The stored scope of the sidebar's entry (kind, key)."""
        if kind in ("watched", "unwatched"):
            return kind
        if kind == "tag":
            return scope_of("tag", str(key))
        if kind == "collection" and isinstance(key, int):
            return scope_of(kind, self.catalog.collections.get(key).name)
        if kind == "list" and isinstance(key, int):
            return scope_of(kind, self.catalog.lists.get(key).name)
        if kind == "saved" and isinstance(key, int):
            search = self._search(key)
            return search.scope if search is not None else ""
        return ""

    def save(self, query: str, kind: str = "all", key: object = None) -> None:
        """Save the search shown (``query``, within the sidebar's entry ``kind``, ``key``)
        under a name the user gives."""
        scope = self._scope_of_entry(kind, key)
        if kind == "saved" and isinstance(key, int) and (shown := self._search(key)) is not None:
            query = " ".join(part for part in (shown.query, query) if part)  # narrowed further
        dialog = SavedSearchDialog(
            self.tr("Save search"), self.scopes(), "", query, scope, parent=self.context.window
        )
        if dialog.exec() != SavedSearchDialog.DialogCode.Accepted:
            return
        name, query, scope = dialog.values()
        text = self.tr("Save search {name}").replace("{name}", quoted(name))
        self._push(text, SaveSearch(name, query, scope))
        self.context.message(
            self.tr("Saved. {name} is in the sidebar under “Saved searches”.").replace(
                "{name}", quoted(name)
            ),
            6000,
        )

    def _search(self, search_id: int) -> SavedSearchRecord | None:
        return self.catalog.searches.find(search_id)

    @Slot(int)
    def edit_details(self, search_id: int) -> None:
        """Change a saved search's name, query or scope."""
        search = self._search(search_id)
        if search is None:
            return
        dialog = SavedSearchDialog(
            self.tr("Edit saved search"), self.scopes(), search.name, search.query,
            search.scope, parent=self.context.window,
        )  # fmt: skip
        if dialog.exec() != SavedSearchDialog.DialogCode.Accepted:
            return
        name, query, scope = dialog.values()
        fields: SearchFields = {}
        if name != search.name:
            fields["name"] = name
        if query != search.query:
            fields["query"] = query
        if scope != search.scope:
            fields["scope"] = scope
        if fields:
            text = self.tr("Edit saved search {name}").replace("{name}", quoted(search.name))
            self._push(text, EditSearch(search.id, fields))

    @Slot(int)
    def rename(self, search_id: int) -> None:
        """Rename a saved search."""
        search = self._search(search_id)
        if search is None:
            return
        title = self.tr("Rename saved search")
        name = self.asking.text(title, self.tr("New name:"), search.name)
        if name and name != search.name:
            text = self.tr("Rename saved search {name}").replace("{name}", quoted(search.name))
            self._push(text, EditSearch(search.id, {"name": name}))

    @Slot(int)
    def delete(self, search_id: int) -> None:
        """Delete a saved search (no film changes; Edit › Undo brings it back)."""
        search = self._search(search_id)
        if search is None:
            return
        text = self.tr("Delete saved search {name}").replace("{name}", quoted(search.name))
        self._push(text, DeleteSearch(search.id))
        self.context.message(self.tr("Saved search deleted. Edit › Undo brings it back."), 6000)
