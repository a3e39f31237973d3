"""Changes to collections and their comments; each one undo step."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QInputDialog

from filmdesk.core.records import CollectionRecord, CommentRecord
from filmdesk.core.validation import CollectionFields
from filmdesk.ui.dialogs.list_dialogs import DetailsDialog
from filmdesk.ui.operations.context import Asking, StepContext, quoted
from filmdesk.ui.operations.group_steps import (
    add_comment_step,
    collection_films_step,
    create_collection_step,
    delete_collection_step,
    delete_comment_step,
    edit_collection_step,
    edit_comment_step,
)
from filmdesk.ui.shell.settings import AUTHOR_KEY, open_settings


def adding_text(context: StepContext, film_ids: Sequence[int], name: str) -> str:
    """ "Add “Film” to “Name”" or "Add 3 films to “Name”"."""
    return _Texts().adding(context, film_ids, name)


class _Texts(QObject):
    def adding(self, context: StepContext, film_ids: Sequence[int], name: str) -> str:
        film = context.films.film(film_ids[0]) if len(film_ids) == 1 else None
        if film is not None:
            text = self.tr("Add {film} to {name}").replace("{film}", quoted(film.title))
        else:
            text = self.tr("Add %n film(s) to {name}", "", len(film_ids))
        return text.replace("{name}", quoted(name))


class CollectionOperations(QObject):
    """Ask, name the step, push the command."""

    def __init__(self, context: StepContext) -> None:
        super().__init__(context.window)
        self.context = context
        self.catalog = context.catalog
        self.asking = Asking(context.window)

    def _push(self, command: QUndoCommand) -> None:
        self.context.undo_stack.push(command)

    def _message(self, text: str) -> None:
        self.context.message(text, 6000)

    @Slot()
    def new_collection(self, film_ids: Sequence[int] = ()) -> int | None:
        """Make a collection (with these films, in one step); returns its id."""
        dialog = DetailsDialog(self.tr("New collection"), parent=self.context.window)
        if dialog.exec() != DetailsDialog.DialogCode.Accepted:
            return None
        values = dialog.values()
        command = create_collection_step(
            self.catalog, self.context.sink, values["name"], values["description"]
        )
        stack = self.context.undo_stack
        if film_ids:
            stack.beginMacro(command.text())
        stack.push(command)
        if command.result is not None and film_ids:
            self.add_films(command.result.id, film_ids)
        if film_ids:
            stack.endMacro()
        return command.result.id if command.result is not None else None

    def add_films(self, collection_id: int, film_ids: Sequence[int]) -> None:
        """Films dropped on (or sent to) a collection."""
        collection = self.catalog.collections.get(collection_id)
        adding = [f for f in film_ids if f not in collection.film_ids]
        if not adding:
            self._message(
                self.tr("Those films are in {name} already.").replace(
                    "{name}", quoted(collection.name)
                )
            )
            return
        text = adding_text(self.context, adding, collection.name)
        self._push(
            collection_films_step(text, self.catalog, self.context.sink, collection_id, adding)
        )
        self._message(text)

    def remove_films(self, collection: CollectionRecord, film_ids: Sequence[int]) -> None:
        """Take films out of a collection (they stay in the catalog)."""
        removing = [f for f in film_ids if f in collection.film_ids]
        if not removing:
            return
        text = self.tr("Remove %n film(s) from {name}", "", len(removing)).replace(
            "{name}", quoted(collection.name)
        )
        self._push(
            collection_films_step(
                text, self.catalog, self.context.sink, collection.id, removing, remove=True
            )
        )

    @Slot(int, object)
    def rate(self, collection_id: int, rating: float | None) -> None:
        """The user rated a collection (None clears it)."""
        name = quoted(self.catalog.collections.get(collection_id).name)
        text = (
            self.tr("Clear rating of {name}") if rating is None else self.tr("Rate {name}")
        ).replace("{name}", name)
        fields: CollectionFields = {"rating": rating}
        self._push(
            edit_collection_step(text, self.catalog, self.context.sink, collection_id, fields)
        )

    @Slot(int, str)
    def add_comment(self, collection_id: int, text: str) -> None:
        """Write a comment on a collection, signed with the name set in File › Open Shared
        Catalog…, else (on a shared catalog) the account's name."""
        author = str(open_settings().value(AUTHOR_KEY, "") or "") or self.catalog.user_name
        self._push(add_comment_step(self.catalog, self.context.sink, collection_id, text, author))

    @Slot(object)
    def edit_comment(self, comment: CommentRecord) -> None:
        """Change a comment's text."""
        text, ok = QInputDialog.getMultiLineText(
            self.context.window, self.tr("Edit comment"), self.tr("Comment:"), comment.text
        )
        text = text.strip()
        if ok and text and text != comment.text:
            self._push(edit_comment_step(self.catalog, self.context.sink, comment, text))

    @Slot(object)
    def delete_comment(self, comment: CommentRecord) -> None:
        """Delete a comment (Edit › Undo brings it back)."""
        self._push(delete_comment_step(self.catalog, self.context.sink, comment))
        self._message(self.tr("Comment deleted. Edit › Undo brings it back."))

    @Slot(int)
    def rename(self, collection_id: int) -> None:
        """Rename a collection."""
        old = self.catalog.collections.get(collection_id).name
        name = self.asking.text(self.tr("Rename collection"), self.tr("New name:"), old)
        if name and name != old:
            text = self.tr("Rename collection {name}").replace("{name}", quoted(old))
            fields: CollectionFields = {"name": name}
            self._push(
                edit_collection_step(text, self.catalog, self.context.sink, collection_id, fields)
            )

    @Slot(int)
    def edit_details(self, collection_id: int) -> None:
        """Edit a collection's name and description."""
        collection = self.catalog.collections.get(collection_id)
        dialog = DetailsDialog(
            self.tr("Edit collection"), collection.name, collection.description,
            parent=self.context.window,
        )  # fmt: skip
        if dialog.exec() != DetailsDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        fields: CollectionFields = {}
        if values["name"] != collection.name:
            fields["name"] = values["name"]
        if values["description"] != collection.description:
            fields["description"] = values["description"]
        if fields:
            text = self.tr("Edit collection {name}").replace("{name}", quoted(collection.name))
            self._push(
                edit_collection_step(text, self.catalog, self.context.sink, collection_id, fields)
            )

    @Slot(int)
    def delete(self, collection_id: int) -> None:
        """Delete a collection (after asking); its films stay in the catalog."""
        collection = self.catalog.collections.get(collection_id)
        question = self.tr("Delete the collection {name}?").replace(
            "{name}", quoted(collection.name)
        )
        undo_hint = self.tr("Its films stay in the catalog. You can undo this with Edit › Undo.")
        if self.asking.confirm_delete(self.tr("Delete collection"), question + "\n\n" + undo_hint):
            self._push(delete_collection_step(self.catalog, self.context.sink, collection))
