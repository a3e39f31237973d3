"""Changes to films: rate, watched, tags, notes, new, edit, delete; each one undo step."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QInputDialog, QMessageBox

from filmdesk.core.catalog import FilmNotFoundError
from filmdesk.core.fields import FIELD_NAMES
from filmdesk.core.folding import fold
from filmdesk.core.names import has_tag, without_tag
from filmdesk.core.records import FilmRecord, FilmRow
from filmdesk.core.validation import FilmFields
from filmdesk.ui.dialogs.film_dialog import FilmDialog
from filmdesk.ui.operations.context import Asking, StepContext, quoted
from filmdesk.ui.operations.film_steps import (
    NOTES_MERGE_ID,
    add_film_step,
    delete_films_step,
    edit_films_step,
)
from filmdesk.ui.operations.posters import poster_step
from filmdesk.ui.widgets.plain_text import as_typed

# Fields whose value the window shows and an edit is made on (watched follows the viewings,
# which have operations of their own; notes are saved as typed).
_SHOWN_FIELDS = frozenset(
    {"title", "original_title", "year", "directors", "countries", "runtime_minutes",
     "description", "fact", "trailer_url", "availability_note", "availability_checked_on",
     "imdb_id", "letterboxd_uri", "rating"}
)  # fmt: skip


class FilmOperations(QObject):
    """Ask, name the step, push the command."""

    def __init__(self, context: StepContext) -> None:
        super().__init__(context.window)
        self.context = context
        self.catalog = context.catalog
        self.asking = Asking(context.window)

    def _load(self, film_id: int) -> FilmRecord | None:
        try:
            return self.catalog.films.get(film_id)
        except FilmNotFoundError:
            return None

    def _push_edit(
        self,
        text: str,
        films: Sequence[FilmRow | FilmRecord],
        after: dict[int, FilmFields],
        merge_id: int = -1,
    ) -> None:
        # The operation reads what undo puts back itself, in its own transaction; it is made
        # on the values shown, and refused if someone else has changed one since.
        expected = {
            film.id: {
                name: getattr(film, name)
                for name in after.get(film.id, {})
                if name in _SHOWN_FIELDS and hasattr(film, name)
            }
            for film in films
        }
        command = edit_films_step(
            text, self.catalog, self.context.sink, after, merge_id, expected=expected
        )
        self.context.undo_stack.push(command)

    @Slot(int, object)
    def set_rating(self, film_id: int, rating: float | None) -> None:
        """Rate a film (None clears the rating)."""
        film = self.context.films.film(film_id)
        if film is None or film.rating == rating:
            return
        text = (
            self.tr("Clear rating of {title}")
            if rating is None
            else self.tr("Set rating of {title}")
        ).replace("{title}", film.title)
        self._push_edit(text, [film], {film_id: {"rating": rating}})

    @Slot(int, bool, object)
    def set_watched(self, film_id: int, watched: bool, on: date | None = None) -> None:
        """Mark a film watched (a viewing on ``on``) or not watched (no viewings: asked first
        when that takes away more than one, or a note)."""
        self.context.save_typing()
        film = self.context.films.film(film_id)
        if film is None or film.watched == watched:
            return
        if not watched and not self._may_remove_viewings([film]):
            return
        text = (
            self.tr("Mark {title} watched") if watched else self.tr("Mark {title} not watched")
        ).replace("{title}", film.title)
        after: FilmFields = {"watched": watched, "watched_on": on if watched else None}
        self._push_edit(text, [film], {film_id: after})

    def _may_remove_viewings(self, films: Sequence[FilmRow]) -> bool:
        """Whether marking ``films`` not watched may take their viewings away: asked when
        that loses more than a bare date (several viewings, or a note)."""
        history = self.catalog.films.viewings_of([f.id for f in films])
        if not any(len(v) > 1 or any(x.note for x in v) for v in history.values()):
            return True
        question = (
            self.tr("Mark {title} not watched?").replace("{title}", quoted(films[0].title))
            if len(films) == 1
            else self.tr("Mark %Ln film(s) not watched?", "", len(films))
        )
        count = sum(len(v) for v in history.values())
        detail = self.tr(
            "This removes %Ln viewing(s) from the watch history, with their ratings and notes.",
            "",
            count,
        )
        text = f"{question}\n\n{detail}\n\n" + self.tr("You can undo this with Edit › Undo.")
        return self.asking.confirm(self.tr("Mark not watched"), text, self.tr("Mark Not Watched"))

    @Slot(int, list)
    def set_tags(self, film_id: int, tags: list[str]) -> None:
        """Replace a film's tags."""
        film = self.context.films.film(film_id)
        if film is None:
            return
        text = self.tr("Set tags of {title}").replace("{title}", film.title)
        # What the user added and took away, not the whole list: a tag added elsewhere since
        # (filmdesk-cli edit --add-tag) stays.
        had = {fold(t) for t in film.tags}
        now = {fold(t) for t in tags}
        added = [t for t in tags if fold(t) not in had]
        removed = [t for t in film.tags if fold(t) not in now]
        if not added and not removed:
            return
        command = edit_films_step(
            text,
            self.catalog,
            self.context.sink,
            {film_id: {}},
            add_tags=added,
            remove_tags=removed,
        )
        self.context.undo_stack.push(command)

    @Slot(int, str, str)
    def set_notes(self, film_id: int, notes: str, typed_over: str | None = None) -> None:
        """Replace a film's notes (consecutive edits of one film's notes are one undo step).
        ``typed_over``: the notes the text was typed over; if someone else has changed them
        since, the save is refused (and the user asked), not made over theirs."""
        film = self._load(film_id)
        if film is None or film.notes == notes:
            return
        text = self.tr("Edit notes of {title}").replace("{title}", film.title)
        expected = None if typed_over is None else {film_id: {"notes": typed_over}}
        command = edit_films_step(
            text,
            self.catalog,
            self.context.sink,
            {film_id: {"notes": notes}},
            NOTES_MERGE_ID,
            expected=expected,
        )
        self.context.undo_stack.push(command)

    def add_back(self, film: FilmRecord, notes: str) -> None:
        """A film deleted elsewhere while its notes were typed: add it again (a new film,
        with every field it had) with those notes; undoable like any new film."""
        fields: dict[str, object] = {}
        for name in FIELD_NAMES:
            value = getattr(film, name)
            fields[name] = list(value) if isinstance(value, tuple) else value
        fields["notes"] = notes
        self.context.undo_stack.push(
            add_film_step(self.catalog, self.context.sink, fields)  # type: ignore[arg-type]
        )

    def new_film(self) -> None:
        """Ctrl+N: add a film through the dialog."""
        dialog = FilmDialog(parent=self.context.window, folder=self.context.last_folder())
        if dialog.exec() != FilmDialog.DialogCode.Accepted:
            return
        stack = self.context.undo_stack
        command = add_film_step(self.catalog, self.context.sink, dialog.fields())
        changed, poster = dialog.poster_change()
        if not changed or poster is None:
            stack.push(command)
            return
        # One step: the film and its poster (undone together, like everything the dialog
        # did).
        stack.beginMacro(command.text())
        stack.push(command)
        if isinstance(command.result, FilmRecord):
            stack.push(poster_step(self.catalog, self.context.sink, command.result, poster))
        stack.endMacro()

    def edit_film(self, row: FilmRow | None) -> None:
        """F2 / double-click: edit a film's details."""
        self.context.save_typing()
        film = self._load(row.id) if row is not None else None
        if film is None:
            return
        poster = self.catalog.posters.data(film.poster) if film.poster else None
        dialog = FilmDialog(
            film, parent=self.context.window, poster=poster, folder=self.context.last_folder()
        )
        if dialog.exec() != FilmDialog.DialogCode.Accepted:
            return
        changed, image = dialog.poster_change()
        step = poster_step(self.catalog, self.context.sink, film, image) if changed else None
        if not dialog.fields():
            if step is not None:
                self.context.undo_stack.push(step)  # (named after the poster's change)
            return
        text = self.tr("Edit {title}").replace("{title}", film.title)
        stack = self.context.undo_stack
        if step is not None:  # the fields and the poster: one step, as one OK made them
            stack.beginMacro(text)
        self._push_edit(text, [film], {film.id: dialog.fields()})
        if step is not None:
            stack.push(step)
            stack.endMacro()

    def delete(self, films: Sequence[FilmRow]) -> None:
        """Del: delete films after confirmation."""
        self.context.save_typing()
        if not films:
            return
        names = "\n".join(f"• {f.display_title}" for f in films[:10])
        if len(films) > 10:
            names += "\n" + self.tr("… and %Ln more", "", len(films) - 10)
        question = (
            self.tr("Delete “{title}”?").replace("{title}", films[0].title)
            if len(films) == 1
            else self.tr("Delete %Ln film(s)?", "", len(films))
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete films") if len(films) > 1 else self.tr("Delete film"),
            as_typed(
                question + f"\n\n{names}\n\n" + self.tr("You can undo this with Edit › Undo.")
            ),
            QMessageBox.StandardButton.Cancel,
            self.context.window,
        )
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not delete:
            return
        self.context.undo_stack.push(delete_films_step(self.catalog, self.context.sink, films))

    def mark_watched(self, films: Sequence[FilmRow], watched: bool) -> None:
        """Mark films watched (today, unless they have a date) or not watched, in one step."""
        self.context.save_typing()
        films = [f for f in films if f.watched != watched]
        if not films or (not watched and not self._may_remove_viewings(films)):
            return
        today = date.today()
        after: dict[int, FilmFields] = {
            f.id: {"watched": watched, "watched_on": (f.watched_on or today) if watched else None}
            for f in films
        }
        if len(films) == 1:
            text = (
                self.tr("Mark {title} watched") if watched else self.tr("Mark {title} not watched")
            ).replace("{title}", films[0].title)
        elif watched:
            text = self.tr("Mark %Ln film(s) watched", "", len(films))
        else:
            text = self.tr("Mark %Ln film(s) not watched", "", len(films))
        self._push_edit(text, films, after)

    def _ask_tag(self, title: str, label: str, tags: list[str]) -> str | None:
        tag, ok = QInputDialog.getItem(self.context.window, title, label, tags, 0, True)
        tag = " ".join(tag.split())
        return tag if ok and tag else None

    def add_tag(self, films: Sequence[FilmRow]) -> None:
        """Add one tag to every film, in one step."""
        if not films:
            return
        tag = self._ask_tag(
            self.tr("Add tag"),
            self.tr("Tag to add to %Ln film(s):", "", len(films)),
            self.context.films.tag_names(),
        )
        if tag is None:
            return
        changed = [f for f in films if not has_tag(f.tags, tag)]
        if changed:
            after: dict[int, FilmFields] = {f.id: {"tags": [*f.tags, tag]} for f in changed}
            text = self.tr("Add tag “{tag}” to %Ln film(s)", "", len(changed))
            self._push_edit(text.replace("{tag}", tag), changed, after)

    def remove_tag(self, films: Sequence[FilmRow]) -> None:
        """Remove one tag from every film, in one step."""
        present = sorted({t for f in films for t in f.tags}, key=str.casefold)
        if not present:
            self.context.message(self.tr("The selected films have no tags."), 4000)
            return
        tag = self._ask_tag(
            self.tr("Remove tag"),
            self.tr("Tag to remove from %Ln film(s):", "", len(films)),
            present,
        )
        if tag is None:
            return
        changed = [f for f in films if has_tag(f.tags, tag)]
        if changed:
            after: dict[int, FilmFields] = {
                f.id: {"tags": without_tag(f.tags, tag)} for f in changed
            }
            text = self.tr("Remove tag “{tag}” from %Ln film(s)", "", len(changed))
            self._push_edit(text.replace("{tag}", tag), changed, after)
