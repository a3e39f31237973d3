"""Collection and screening-list steps for Edit › Undo: each builds the one
``OperationCommand`` (``undo.py``) around a core operation and names the step."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from filmdesk.core.catalog import Catalog
from filmdesk.core.records import CollectionRecord, CommentRecord, ScreeningListRecord
from filmdesk.core.validation import CollectionFields, EntryFields, ListFields
from filmdesk.ui.undo import ChangeSink, OperationCommand


def named(text: str, name: str) -> str:
    """``text`` (already translated) with ``{name}`` filled in."""
    return text.replace("{name}", name)


# --- collections ---------------------------------------------------------------------------


def create_collection_step(
    catalog: Catalog, sink: ChangeSink, name: str, description: str = ""
) -> OperationCommand:
    """A new collection; undo deletes it, redo brings back the same one."""
    from filmdesk.core.groups.collection_ops import CreateCollection

    text = named(QCoreApplication.translate("ListCommands", "New collection “{name}”"), name)
    operation = CreateCollection(name, description)
    return OperationCommand(text, catalog, sink, operation, select_first=True)


def edit_collection_step(
    text: str, catalog: Catalog, sink: ChangeSink, collection_id: int, fields: CollectionFields
) -> OperationCommand:
    """Rename, describe or rate a collection."""
    from filmdesk.core.groups.collection_ops import EditCollection

    return OperationCommand(text, catalog, sink, EditCollection(collection_id, fields))


def delete_collection_step(
    catalog: Catalog, sink: ChangeSink, collection: CollectionRecord
) -> OperationCommand:
    """Delete a collection (its films stay); undo brings it back with its comments."""
    from filmdesk.core.groups.collection_ops import DeleteCollection

    text = named(
        QCoreApplication.translate("ListCommands", "Delete collection “{name}”"), collection.name
    )
    operation = DeleteCollection(collection.id)
    return OperationCommand(text, catalog, sink, operation, select_first=True)


def collection_films_step(
    text: str,
    catalog: Catalog,
    sink: ChangeSink,
    collection_id: int,
    film_ids: Sequence[int],
    *,
    remove: bool = False,
) -> OperationCommand:
    """Add films to a collection (those in it already stay where they are) or take them out."""
    from filmdesk.core.groups.collection_ops import AddToCollection, RemoveFromCollection

    operation = (
        RemoveFromCollection(collection_id, tuple(film_ids))
        if remove
        else AddToCollection(collection_id, tuple(film_ids), skip_present=True)
    )
    return OperationCommand(text, catalog, sink, operation)


def add_comment_step(
    catalog: Catalog, sink: ChangeSink, collection_id: int, text: str, author: str = ""
) -> OperationCommand:
    """A new comment signed by ``author``; undo deletes it, redo brings back the same
    comment."""
    from filmdesk.core.groups.collection_ops import AddComment

    return OperationCommand(
        QCoreApplication.translate("ListCommands", "Add comment"),
        catalog,
        sink,
        AddComment(collection_id, text, author),
    )


def edit_comment_step(
    catalog: Catalog, sink: ChangeSink, comment: CommentRecord, text: str
) -> OperationCommand:
    """Change a comment's text; undo puts it back exactly as it was."""
    from filmdesk.core.groups.collection_ops import EditComment

    return OperationCommand(
        QCoreApplication.translate("ListCommands", "Edit comment"),
        catalog,
        sink,
        EditComment(comment.id, text),
    )


def delete_comment_step(
    catalog: Catalog, sink: ChangeSink, comment: CommentRecord
) -> OperationCommand:
    """Delete a comment; undo puts it back (same date)."""
    from filmdesk.core.groups.collection_ops import DeleteComment

    return OperationCommand(
        QCoreApplication.translate("ListCommands", "Delete comment"),
        catalog,
        sink,
        DeleteComment(comment.id),
    )


# --- screening lists -----------------------------------------------------------------------


def create_list_step(
    catalog: Catalog,
    sink: ChangeSink,
    name: str,
    audience: str = "",
    description: str = "",
    *,
    copy_of: ScreeningListRecord | None = None,
) -> OperationCommand:
    """A new screening list (or a copy of one); undo deletes it, redo brings the same back."""
    from filmdesk.core.groups.list_ops import CreateList, DuplicateList

    if copy_of is not None:
        text = named(
            QCoreApplication.translate("ListCommands", "Duplicate list “{name}”"), copy_of.name
        )
        return OperationCommand(
            text, catalog, sink, DuplicateList(copy_of.id, name or None), select_first=True
        )
    text = named(QCoreApplication.translate("ListCommands", "New list “{name}”"), name)
    operation = CreateList(name, audience, description)
    return OperationCommand(text, catalog, sink, operation, select_first=True)


def edit_list_step(
    text: str, catalog: Catalog, sink: ChangeSink, list_id: int, fields: ListFields
) -> OperationCommand:
    """Rename a list, or change its audience or description."""
    from filmdesk.core.groups.list_ops import EditList

    return OperationCommand(text, catalog, sink, EditList(list_id, fields))


def delete_list_step(
    catalog: Catalog, sink: ChangeSink, screening_list: ScreeningListRecord
) -> OperationCommand:
    """Delete a list (its films stay); undo brings it back with every entry."""
    from filmdesk.core.groups.list_ops import DeleteList

    text = named(
        QCoreApplication.translate("ListCommands", "Delete list “{name}”"), screening_list.name
    )
    operation = DeleteList(screening_list.id)
    return OperationCommand(text, catalog, sink, operation, select_first=True)


def add_to_list_step(
    text: str,
    catalog: Catalog,
    sink: ChangeSink,
    list_id: int,
    film_ids: Sequence[int],
    position: int | None = None,
) -> OperationCommand:
    """Add films to a list (films already in it stay where they are)."""
    from filmdesk.core.groups.list_ops import AddToList

    operation = AddToList(list_id, tuple(film_ids), position, skip_present=True)
    return OperationCommand(text, catalog, sink, operation)


def remove_from_list_step(
    text: str, catalog: Catalog, sink: ChangeSink, list_id: int, film_ids: Sequence[int]
) -> OperationCommand:
    """Take films out of a list (the films stay); undo puts the entries back as they were."""
    from filmdesk.core.groups.list_ops import RemoveFromList

    return OperationCommand(text, catalog, sink, RemoveFromList(list_id, tuple(film_ids)))


def reorder_list_step(
    text: str, catalog: Catalog, sink: ChangeSink, list_id: int, order: Sequence[int]
) -> OperationCommand:
    """Put a list's films in a new order."""
    from filmdesk.core.groups.list_ops import SetListOrder

    return OperationCommand(text, catalog, sink, SetListOrder(list_id, tuple(order)))


def sort_list_by_date_step(
    text: str, catalog: Catalog, sink: ChangeSink, list_id: int
) -> OperationCommand:
    """Put a list in date order (the rule is the core's)."""
    from filmdesk.core.groups.list_ops import SortListByDate

    return OperationCommand(text, catalog, sink, SortListByDate(list_id))


def edit_entry_step(
    text: str,
    catalog: Catalog,
    sink: ChangeSink,
    list_id: int,
    film_id: int,
    fields: EntryFields,
    merge_id: int = -1,
) -> OperationCommand:
    """Change an entry's date and time, note or screened mark."""
    from filmdesk.core.groups.list_ops import EditEntry

    operation = EditEntry(list_id, film_id, fields)
    return OperationCommand(
        text, catalog, sink, operation, merge_id=merge_id, merge_key=(list_id, film_id)
    )
