"""A film's viewings: add one, edit one, remove some; each one undo step."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from filmdesk.core.catalog import FilmNotFoundError
from filmdesk.core.records import ViewingRecord
from filmdesk.ui.dialogs.viewing_dialog import ViewingDialog
from filmdesk.ui.operations.context import StepContext
from filmdesk.ui.operations.film_steps import viewing_step

if TYPE_CHECKING:
    from filmdesk.core.films.viewings import AddViewing, EditViewing, RemoveViewings


class ViewingOperations(QObject):
    """Ask (in the viewing dialog), name the step, push the command."""

    def __init__(self, context: StepContext) -> None:
        super().__init__(context.window)
        self.context = context
        self.catalog = context.catalog

    def _title(self, film_id: int) -> str | None:
        film = self.context.films.film(film_id)
        if film is not None:
            return film.title
        try:
            return self.catalog.films.get(film_id).title
        except FilmNotFoundError:
            return None

    @Slot(int)
    def add_viewing(self, film_id: int) -> None:
        """Record a viewing of a film (today, unless the user picks a day)."""
        from filmdesk.core.films.viewings import AddViewing

        self.context.save_typing()
        title = self._title(film_id)
        if title is None:
            return
        seen_before = bool(self.catalog.films.viewings(film_id))
        dialog = ViewingDialog(title, seen_before=seen_before, parent=self.context.window)
        if dialog.exec() != ViewingDialog.DialogCode.Accepted:
            return
        self._push(title, AddViewing(film_id, dialog.fields()))

    @Slot(object)
    def edit_viewing(self, viewing: ViewingRecord) -> None:
        """Change a viewing's day, rating, rewatch or note in the dialog."""
        from filmdesk.core.films.viewings import EditViewing

        self.context.save_typing()
        title = self._title(viewing.film_id)
        if title is None:
            return
        dialog = ViewingDialog(title, viewing, parent=self.context.window)
        if dialog.exec() != ViewingDialog.DialogCode.Accepted or not dialog.fields():
            return
        self._push(title, EditViewing(viewing.id, dialog.fields()))

    @Slot(list)
    def remove_viewings(self, viewings: Sequence[ViewingRecord]) -> None:
        """Remove viewings of one film (undo brings them back, notes and all)."""
        from filmdesk.core.films.viewings import RemoveViewings

        self.context.save_typing()
        title = self._title(viewings[0].film_id) if viewings else None
        if title is None:
            return
        self._push(title, RemoveViewings(tuple(v.id for v in viewings)))

    def _push(self, title: str, operation: AddViewing | EditViewing | RemoveViewings) -> None:
        step = viewing_step(self.catalog, self.context.sink, title, operation)
        self.context.undo_stack.push(step)
