"""The film's details on the right: which film they show, and keeping them current."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from filmdesk.core.catalog import Catalog, FilmNotFoundError
from filmdesk.core.operations import Changes
from filmdesk.core.records import FilmRecord, ViewingRecord
from filmdesk.ui.films.detail_panel import FilmDetailPanel


class FilmDetails(QObject):
    """Shows one film (or none) in a ``FilmDetailPanel`` and follows changes to it."""

    def __init__(
        self,
        catalog: Catalog,
        panel: FilmDetailPanel,
        tag_names: Callable[[], list[str]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.panel = panel
        self._tag_names = tag_names

    def load(self, film_id: int) -> FilmRecord | None:
        """The film as the catalog has it, or None when it is gone."""
        try:
            return self.catalog.films.get(film_id)
        except FilmNotFoundError:
            return None

    def viewings(self, film_id: int) -> tuple[ViewingRecord, ...]:
        """The film's viewings (none when it is gone)."""
        try:
            return self.catalog.films.viewings(film_id)
        except FilmNotFoundError:
            return ()

    def _show(self, film: FilmRecord | None) -> None:
        # ``Changes`` carry the film but not its viewings: those are read here, for one film.
        viewings = self.viewings(film.id) if film is not None else ()
        self.panel.set_film(film, viewings)
        self._show_poster(film)

    def _show_poster(self, film: FilmRecord | None) -> None:
        # Read only when the poster differs from the one shown (a few hundred KB at most, and
        # decoded in a few milliseconds: read here, not in the background).
        key = film.poster if film is not None else None
        box = self.panel.poster
        if key == box.shown_key():
            return
        data = self.catalog.posters.data(key) if key is not None else None
        box.show_poster(key, data)

    def show_film(self, film_id: int | None) -> None:
        """Show this film (None: no film)."""
        shown = self.panel.film()
        if film_id is not None and shown is not None and shown.id == film_id:
            return
        self._show(self.load(film_id) if film_id is not None else None)

    def shown_id(self) -> int | None:
        """The id of the film shown."""
        film = self.panel.film()
        return film.id if film is not None else None

    def flush(self) -> None:
        """Save what is being typed in the notes now."""
        self.panel.flush()

    def apply_changes(self, changes: Changes) -> None:
        """The film shown changed or went; the tags to complete from may differ."""
        shown = self.panel.film()
        if shown is not None:
            if shown.id in changes.films_removed:
                self.panel.set_film(None)
            elif (film := changes.film(shown.id)) is not None:
                self._show(film)
        if changes.tags or changes.films_added or changes.films_removed:
            self.panel.set_tag_names(self._tag_names())

    def typed_for_removed(self, changes: Changes) -> tuple[FilmRecord, str] | None:
        """The film shown and the notes typed for it, when ``changes`` (made elsewhere)
        delete it while those notes are not saved."""
        shown = self.panel.film()
        if shown is None or shown.id not in changes.films_removed:
            return None
        return (shown, self.panel.notes.toPlainText()) if self.panel.has_typed_notes() else None

    def show_gone(self, film: FilmRecord, notes: str) -> None:
        """Show a film deleted elsewhere with the notes typed for it, to copy or to add the
        film back with (nothing typed is thrown away)."""
        self.panel.set_film(film, ())
        self.panel.notes.blockSignals(True)
        self.panel.notes.setPlainText(notes)
        self.panel.notes.blockSignals(False)
        self.panel.show_gone()

    def reload(self, *, keep_typed: bool = True) -> None:
        """Show the film as the database has it (after a failed step): typed text kept, or
        with ``keep_typed`` False dropped for what is saved."""
        self.panel.set_tag_names(self._tag_names())
        shown = self.panel.film()
        self._show(self.load(shown.id) if shown else None)
        if not keep_typed:
            self.panel.drop_typed()
