"""Changes to screening lists and their entries; each one undo step."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QInputDialog

from filmdesk.core.records import ScreeningListRecord
from filmdesk.core.validation import EntryFields, ListFields
from filmdesk.ui.dialogs.list_dialogs import DetailsDialog, FilmPickerDialog
from filmdesk.ui.operations.collections import adding_text
from filmdesk.ui.operations.context import Asking, StepContext, quoted
from filmdesk.ui.operations.group_steps import (
    add_to_list_step,
    create_list_step,
    delete_list_step,
    edit_entry_step,
    edit_list_step,
    remove_from_list_step,
    reorder_list_step,
    sort_list_by_date_step,
)
from filmdesk.ui.widgets.plain_text import as_typed


class ListOperations(QObject):
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

    # --- whole lists ------------------------------------------------------------------------

    @Slot()
    def new_list(self, film_ids: Sequence[int] = ()) -> int | None:
        """Make a screening list (with these films, in one step); returns its id."""
        dialog = DetailsDialog(
            self.tr("New screening list"), audience="", parent=self.context.window
        )
        if dialog.exec() != DetailsDialog.DialogCode.Accepted:
            return None
        values = dialog.values()
        command = create_list_step(
            self.catalog, self.context.sink, values["name"], values["audience"],
            values["description"],
        )  # fmt: skip
        stack = self.context.undo_stack
        if film_ids:
            stack.beginMacro(command.text())
        stack.push(command)
        if command.result is not None and film_ids:
            self.add_films(command.result.id, film_ids)
        if film_ids:
            stack.endMacro()
        return command.result.id if command.result is not None else None

    @Slot(int)
    def duplicate(self, list_id: int) -> None:
        """A copy of a list (unscreened), selected."""
        original = self.catalog.lists.get(list_id)
        self._push(create_list_step(self.catalog, self.context.sink, "", copy_of=original))

    @Slot(int)
    def rename(self, list_id: int) -> None:
        """Rename a list."""
        old = self.catalog.lists.get(list_id).name
        name = self.asking.text(self.tr("Rename list"), self.tr("New name:"), old)
        if name and name != old:
            text = self.tr("Rename list {name}").replace("{name}", quoted(old))
            fields: ListFields = {"name": name}
            self._push(edit_list_step(text, self.catalog, self.context.sink, list_id, fields))

    @Slot(int)
    def edit_details(self, list_id: int) -> None:
        """Edit a list's title, audience and description."""
        screening_list = self.catalog.lists.get(list_id)
        dialog = DetailsDialog(
            self.tr("Edit screening list"), screening_list.name, screening_list.description,
            audience=screening_list.audience, parent=self.context.window,
        )  # fmt: skip
        if dialog.exec() != DetailsDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        fields: ListFields = {}
        for name in ("name", "audience", "description"):
            if values[name] != getattr(screening_list, name):
                fields[name] = values[name]
        if fields:
            text = self.tr("Edit list {name}").replace("{name}", quoted(screening_list.name))
            self._push(edit_list_step(text, self.catalog, self.context.sink, list_id, fields))

    @Slot(int)
    def delete(self, list_id: int) -> None:
        """Delete a list (after asking); its films stay in the catalog."""
        screening_list = self.catalog.lists.get(list_id)
        question = self.tr("Delete the screening list {name}?").replace(
            "{name}", quoted(screening_list.name)
        )
        undo_hint = self.tr("Its films stay in the catalog. You can undo this with Edit › Undo.")
        if self.asking.confirm_delete(self.tr("Delete list"), question + "\n\n" + undo_hint):
            self._push(delete_list_step(self.catalog, self.context.sink, screening_list))

    # --- entries ------------------------------------------------------------------------

    def add_films(self, list_id: int, film_ids: Sequence[int], position: int | None = None) -> None:
        """Films dropped on (or sent to) a list; a film is in a list once."""
        screening_list = self.catalog.lists.get(list_id)
        adding = [f for f in dict.fromkeys(film_ids) if f not in screening_list.film_ids]
        if not adding:
            self._message(
                self.tr(
                    "Those films are in {name} already; a film appears in a list once."
                ).replace("{name}", quoted(screening_list.name))
            )
            return
        text = adding_text(self.context, adding, screening_list.name)
        self._push(
            add_to_list_step(text, self.catalog, self.context.sink, list_id, adding, position)
        )
        skipped = len(set(film_ids)) - len(adding)
        message = text
        if skipped:
            message += " · " + self.tr("%n in it already", "", skipped)
        self._message(message)

    def pick_films(self, screening_list: ScreeningListRecord) -> None:
        """Add films…: choose films from the catalog for a list."""
        dialog = FilmPickerDialog(
            self.tr("Add films to {name}").replace("{name}", quoted(screening_list.name)),
            self.context.films.all_films(),
            screening_list.film_ids,
            self.context.window,
        )
        if dialog.exec() == FilmPickerDialog.DialogCode.Accepted and dialog.film_ids():
            self.add_films(screening_list.id, dialog.film_ids())

    def remove_entries(self, screening_list: ScreeningListRecord, film_ids: list[int]) -> None:
        """Take films out of a list (they stay in the catalog)."""
        entry = screening_list.entry(film_ids[0])
        name = quoted(screening_list.name)
        if len(film_ids) == 1 and entry is not None:
            text = (
                self.tr("Remove {film} from {name}")
                .replace("{film}", quoted(entry.film.title))
                .replace("{name}", name)
            )
        else:
            text = self.tr("Remove %n film(s) from {name}", "", len(film_ids)).replace(
                "{name}", name
            )
        self._push(
            remove_from_list_step(
                text, self.catalog, self.context.sink, screening_list.id, film_ids
            )
        )

    def move_entries(
        self, screening_list: ScreeningListRecord, order: list[int], moved: list[int]
    ) -> None:
        """Put the list in a new order in which ``moved`` moved."""
        if len(moved) == 1 and (entry := screening_list.entry(moved[0])) is not None:
            text = self.tr("Move {film} in {name}").replace("{film}", quoted(entry.film.title))
        else:
            text = self.tr("Move %n film(s) in {name}", "", len(moved))
        text = text.replace("{name}", quoted(screening_list.name))
        self._push(
            reorder_list_step(text, self.catalog, self.context.sink, screening_list.id, order)
        )

    def put_in_date_order(self, screening_list: ScreeningListRecord) -> None:
        """Order by date and time (the core's rule: films without a date keep their order at
        the end); nothing to undo when the list is in that order already."""
        from filmdesk.core.groups.entries import date_order

        if date_order(screening_list) != list(screening_list.film_ids):
            text = self.tr("Put {name} in date order").replace(
                "{name}", quoted(screening_list.name)
            )
            self._push(
                sort_list_by_date_step(text, self.catalog, self.context.sink, screening_list.id)
            )

    def edit_entry(
        self, screening_list: ScreeningListRecord, film_id: int, fields: EntryFields
    ) -> None:
        """An entry's date, note or screened mark changed."""
        if (entry := screening_list.entry(film_id)) is None:
            return
        film = quoted(entry.film.title)
        if "note" in fields:
            text = self.tr("Edit note on {film}")
        elif "scheduled_at" in fields:
            text = (
                self.tr("Clear date of {film}")
                if fields["scheduled_at"] is None
                else self.tr("Schedule {film}")
            )
        elif fields.get("screened"):
            text = self.tr("Mark {film} screened")
        else:
            text = self.tr("Mark {film} not screened")
        self._push(
            edit_entry_step(
                text.replace("{film}", film), self.catalog, self.context.sink,
                screening_list.id, film_id, fields,
            )
        )  # fmt: skip

    def edit_note(self, screening_list: ScreeningListRecord, film_id: int) -> None:
        """The teacher's note on an entry, in a box big enough for several lines."""
        if (entry := screening_list.entry(film_id)) is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self.context.window,
            self.tr("Note"),
            as_typed(
                self.tr("Note on {film} (printed on the handout):").replace(
                    "{film}", quoted(entry.film.title)
                )
            ),
            entry.note,
        )
        if ok and text.strip() != entry.note:
            self.edit_entry(screening_list, film_id, {"note": text.strip()})
