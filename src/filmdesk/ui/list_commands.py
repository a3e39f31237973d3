"""Undoable changes to collections, their comments, and screening lists.

Like ``commands.py`` for films: each command calls the catalog, keeps what the catalog returned
for undoing it (``Edited.before``, deleted snapshots), and tells the sink what changed (the
same ``ChangeSink`` and ``Changes`` as the film commands). A
command that is redone after an undo brings back the same thing (same ids), not a copy.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from filmdesk.core.catalog import Catalog
from filmdesk.core.operations import Changes
from filmdesk.core.records import (
    CollectionRecord,
    CommentRecord,
    DeletedCollection,
    ListEntryRecord,
    ScreeningListRecord,
)
from filmdesk.core.validation import CollectionFields, EntryFields, ListFields
from filmdesk.ui.commands import ChangeSink

ENTRY_NOTE_MERGE_ID = 2


def named(text: str, name: str) -> str:
    """``text`` (already translated) with ``{name}`` filled in."""
    return text.replace("{name}", name)


How = Literal["added", "changed", "removed"]


def group_changes(kind: Literal["collections", "lists"], group_id: int | None, how: How) -> Changes:
    """``Changes`` naming one collection or list as added, changed or removed."""
    if group_id is None:
        return Changes()
    ids = frozenset({group_id})
    if kind == "collections":
        return {
            "added": Changes(collections_added=ids),
            "changed": Changes(collections_changed=ids),
            "removed": Changes(collections_removed=ids),
        }[how]
    return {
        "added": Changes(lists_added=ids),
        "changed": Changes(lists_changed=ids),
        "removed": Changes(lists_removed=ids),
    }[how]


class _Step(QUndoCommand):
    """One change: ``apply`` does it (again), ``revert`` undoes it; the sink hears of both.

    The sink is asked to show what changed (select it) on undo and redo, and the first time
    for a step that makes or deletes a whole list or collection.
    """

    select_first = False
    # What applying the step does to its list or collection; reverting does the opposite.
    applies: How = "changed"

    def __init__(self, text: str, catalog: Catalog, sink: ChangeSink) -> None:
        super().__init__(text)
        self.catalog = catalog
        self.sink = sink
        self.done_once = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def notify(self, select: bool, how: How) -> None:
        raise NotImplementedError

    def _run(self, action: str) -> None:
        select = self.done_once or self.select_first
        try:
            self.apply() if action == "apply" else self.revert()
        except Exception as exc:  # a database error must not take the window down
            self.setObsolete(True)
            self.sink.command_failed(self.text(), exc)
            return
        self.done_once = True
        opposite: dict[How, How] = {"added": "removed", "removed": "added", "changed": "changed"}
        self.notify(select, self.applies if action == "apply" else opposite[self.applies])

    def redo(self) -> None:
        self._run("apply")

    def undo(self) -> None:
        self._run("revert")


# --- collections ---------------------------------------------------------------------------


class _CollectionStep(_Step):
    collection_id: int | None = None

    def notify(self, select: bool, how: How) -> None:
        changes = group_changes("collections", self.collection_id, how)
        self.sink.changes_applied(changes, reveal=select)


class CreateCollectionCommand(_CollectionStep):
    """A new collection; undo deletes it, redo brings back the same one."""

    select_first = True
    applies = "added"

    def __init__(
        self, catalog: Catalog, sink: ChangeSink, name: str, description: str = ""
    ) -> None:
        text = QCoreApplication.translate("ListCommands", "New collection “{name}”")
        super().__init__(named(text, name), catalog, sink)
        self.name = name
        self.description = description
        self.deleted: DeletedCollection | None = None
        self.record: CollectionRecord | None = None

    def apply(self) -> None:
        if self.deleted is not None:
            self.record = self.catalog.restore_collection(self.deleted)
        else:
            self.record = self.catalog.create_collection(self.name, self.description)
        self.collection_id = self.record.id

    def revert(self) -> None:
        assert self.record is not None
        self.deleted = self.catalog.delete_collection(self.record.id)


class EditCollectionCommand(_CollectionStep):
    """Rename, describe or rate a collection."""

    def __init__(
        self,
        text: str,
        catalog: Catalog,
        sink: ChangeSink,
        collection_id: int,
        fields: CollectionFields,
    ) -> None:
        super().__init__(text, catalog, sink)
        self.collection_id = collection_id
        self.after = fields
        self.before: CollectionFields = {}

    def apply(self) -> None:
        assert self.collection_id is not None
        self.before = self.catalog.edit_collection(self.collection_id, self.after).before

    def revert(self) -> None:
        assert self.collection_id is not None
        self.catalog.edit_collection(self.collection_id, self.before)


class DeleteCollectionCommand(_CollectionStep):
    """Delete a collection (its films stay); undo brings it back with its comments."""

    select_first = True
    applies = "removed"

    def __init__(self, catalog: Catalog, sink: ChangeSink, collection: CollectionRecord) -> None:
        text = QCoreApplication.translate("ListCommands", "Delete collection “{name}”")
        super().__init__(named(text, collection.name), catalog, sink)
        self.collection_id = collection.id
        self.deleted: DeletedCollection | None = None

    def apply(self) -> None:
        assert self.collection_id is not None
        self.deleted = self.catalog.delete_collection(self.collection_id)

    def revert(self) -> None:
        assert self.deleted is not None
        self.catalog.restore_collection(self.deleted)


class CollectionFilmsCommand(_CollectionStep):
    """Add films to a collection or take them out; undo puts the previous films back."""

    def __init__(
        self,
        text: str,
        catalog: Catalog,
        sink: ChangeSink,
        collection_id: int,
        film_ids: Sequence[int],
        *,
        remove: bool = False,
    ) -> None:
        super().__init__(text, catalog, sink)
        self.collection_id = collection_id
        self.film_ids = list(film_ids)
        self.remove = remove
        self.before: tuple[int, ...] = ()

    def apply(self) -> None:
        assert self.collection_id is not None
        change = (
            self.catalog.remove_from_collection if self.remove else self.catalog.add_to_collection
        )
        self.before = change(self.collection_id, self.film_ids).before

    def revert(self) -> None:
        assert self.collection_id is not None
        self.catalog.set_collection_films(self.collection_id, self.before)


class AddCommentCommand(_CollectionStep):
    """A new comment on a collection; undo deletes it, redo brings back the same comment."""

    def __init__(self, catalog: Catalog, sink: ChangeSink, collection_id: int, text: str) -> None:
        super().__init__(QCoreApplication.translate("ListCommands", "Add comment"), catalog, sink)
        self.collection_id = collection_id
        self.comment_text = text
        self.comment: CommentRecord | None = None

    def apply(self) -> None:
        assert self.collection_id is not None
        if self.comment is None:
            self.comment = self.catalog.add_comment(self.collection_id, self.comment_text)
        else:
            self.catalog.restore_comment(self.comment)

    def revert(self) -> None:
        assert self.comment is not None
        self.catalog.delete_comment(self.comment.id)


class EditCommentCommand(_CollectionStep):
    """Change a comment's text; undo puts the comment back exactly as it was."""

    def __init__(
        self, catalog: Catalog, sink: ChangeSink, comment: CommentRecord, text: str
    ) -> None:
        super().__init__(QCoreApplication.translate("ListCommands", "Edit comment"), catalog, sink)
        self.collection_id = comment.collection_id
        self.comment_id = comment.id
        self.new_text = text
        self.before: CommentRecord = comment

    def apply(self) -> None:
        self.before = self.catalog.edit_comment(self.comment_id, self.new_text).before

    def revert(self) -> None:
        self.catalog.restore_comment(self.before)


class DeleteCommentCommand(_CollectionStep):
    """Delete a comment; undo puts it back (same date)."""

    def __init__(self, catalog: Catalog, sink: ChangeSink, comment: CommentRecord) -> None:
        super().__init__(
            QCoreApplication.translate("ListCommands", "Delete comment"), catalog, sink
        )
        self.collection_id = comment.collection_id
        self.comment = comment

    def apply(self) -> None:
        self.comment = self.catalog.delete_comment(self.comment.id)

    def revert(self) -> None:
        self.catalog.restore_comment(self.comment)


# --- screening lists -----------------------------------------------------------------------


class _ListStep(_Step):
    list_id: int | None = None

    def notify(self, select: bool, how: How) -> None:
        self.sink.changes_applied(group_changes("lists", self.list_id, how), reveal=select)


class CreateListCommand(_ListStep):
    """A new screening list (or a copy of one); undo deletes it, redo brings the same back."""

    select_first = True
    applies = "added"

    def __init__(
        self,
        catalog: Catalog,
        sink: ChangeSink,
        name: str,
        audience: str = "",
        description: str = "",
        *,
        copy_of: ScreeningListRecord | None = None,
    ) -> None:
        text = (
            named(
                QCoreApplication.translate("ListCommands", "Duplicate list “{name}”"), copy_of.name
            )
            if copy_of is not None
            else named(QCoreApplication.translate("ListCommands", "New list “{name}”"), name)
        )
        super().__init__(text, catalog, sink)
        self.fields = (name, audience, description)
        self.copy_of = copy_of
        self.snapshot: ScreeningListRecord | None = None

    def apply(self) -> None:
        if self.snapshot is not None:
            record = self.catalog.restore_list(self.snapshot)
        elif self.copy_of is not None:
            record = self.catalog.duplicate_list(self.copy_of.id, self.fields[0] or None)
        else:
            record = self.catalog.create_list(*self.fields)
        self.list_id = record.id

    def revert(self) -> None:
        assert self.list_id is not None
        self.snapshot = self.catalog.delete_list(self.list_id)


class EditListCommand(_ListStep):
    """Rename a list, or change its audience or description."""

    def __init__(
        self, text: str, catalog: Catalog, sink: ChangeSink, list_id: int, fields: ListFields
    ) -> None:
        super().__init__(text, catalog, sink)
        self.list_id = list_id
        self.after = fields
        self.before: ListFields = {}

    def apply(self) -> None:
        assert self.list_id is not None
        self.before = self.catalog.edit_list(self.list_id, self.after).before

    def revert(self) -> None:
        assert self.list_id is not None
        self.catalog.edit_list(self.list_id, self.before)


class DeleteListCommand(_ListStep):
    """Delete a list (its films stay); undo brings it back with every entry."""

    select_first = True
    applies = "removed"

    def __init__(
        self, catalog: Catalog, sink: ChangeSink, screening_list: ScreeningListRecord
    ) -> None:
        text = QCoreApplication.translate("ListCommands", "Delete list “{name}”")
        super().__init__(named(text, screening_list.name), catalog, sink)
        self.list_id = screening_list.id
        self.snapshot = screening_list

    def apply(self) -> None:
        assert self.list_id is not None
        self.snapshot = self.catalog.delete_list(self.list_id)

    def revert(self) -> None:
        self.catalog.restore_list(self.snapshot)


class AddToListCommand(_ListStep):
    """Add films to a list (films already in it stay where they are)."""

    def __init__(
        self,
        text: str,
        catalog: Catalog,
        sink: ChangeSink,
        list_id: int,
        film_ids: Sequence[int],
        position: int | None = None,
    ) -> None:
        super().__init__(text, catalog, sink)
        self.list_id = list_id
        self.film_ids = list(film_ids)
        self.position = position
        self.added: list[ListEntryRecord] = []

    def apply(self) -> None:
        assert self.list_id is not None
        if self.added and self.done_once:
            self.catalog.restore_list_entries(self.added)
        else:
            self.added = self.catalog.add_to_list(
                self.list_id, self.film_ids, position=self.position, skip_present=True
            )

    def revert(self) -> None:
        assert self.list_id is not None
        if self.added:
            self.catalog.remove_from_list(self.list_id, [e.film_id for e in self.added])


class RemoveFromListCommand(_ListStep):
    """Take films out of a list (the films stay); undo puts the entries back as they were."""

    def __init__(
        self, text: str, catalog: Catalog, sink: ChangeSink, list_id: int, film_ids: Sequence[int]
    ) -> None:
        super().__init__(text, catalog, sink)
        self.list_id = list_id
        self.film_ids = list(film_ids)
        self.removed: list[ListEntryRecord] = []

    def apply(self) -> None:
        assert self.list_id is not None
        self.removed = self.catalog.remove_from_list(self.list_id, self.film_ids)

    def revert(self) -> None:
        self.catalog.restore_list_entries(self.removed)


class ReorderListCommand(_ListStep):
    """Put a list's films in a new order."""

    def __init__(
        self, text: str, catalog: Catalog, sink: ChangeSink, list_id: int, order: Sequence[int]
    ) -> None:
        super().__init__(text, catalog, sink)
        self.list_id = list_id
        self.order = list(order)
        self.before: tuple[int, ...] = ()

    def apply(self) -> None:
        assert self.list_id is not None
        self.before = self.catalog.set_list_order(self.list_id, self.order).before

    def revert(self) -> None:
        assert self.list_id is not None
        self.catalog.set_list_order(self.list_id, self.before)


class EditEntryCommand(_ListStep):
    """Change an entry's date and time, note or screened mark."""

    def __init__(
        self,
        text: str,
        catalog: Catalog,
        sink: ChangeSink,
        list_id: int,
        film_id: int,
        fields: EntryFields,
    ) -> None:
        super().__init__(text, catalog, sink)
        self.list_id = list_id
        self.film_id = film_id
        self.after = fields
        self.before: EntryFields = {}

    def apply(self) -> None:
        assert self.list_id is not None
        edited = self.catalog.edit_entry(self.list_id, self.film_id, self.after)
        if not self.before:
            self.before = edited.before

    def revert(self) -> None:
        assert self.list_id is not None
        self.catalog.edit_entry(self.list_id, self.film_id, self.before)
