"""Undoable operations. Each command calls the catalog and reports what changed (``Changes``)
to one sink, which routes it to every panel.

Every change a user makes goes through one of these and the window's QUndoStack, so Undo and
Redo cover ratings, watched, notes, tags, edits, additions, deletions and bulk actions alike.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoCommand

from filmdesk.core.catalog import Catalog, ImportResult
from filmdesk.core.exchange import ImportPlan
from filmdesk.core.operations import Changes, films_added, films_changed, films_removed
from filmdesk.core.records import (
    CommentRecord,
    DeletedCollection,
    DeletedFilm,
    FilmRecord,
    FilmRow,
    ListEntryRecord,
    ScreeningListRecord,
)
from filmdesk.core.validation import FilmFields

NOTES_MERGE_ID = 1


class _Plurals(QObject):
    # lupdate does not see the count in QCoreApplication.translate() calls; it does in tr().
    def delete_films(self, count: int) -> str:
        return self.tr("Delete %Ln film(s)", "", count)


class ChangeSink(Protocol):
    """What every command reports to: what changed (``reveal``: show it, select it), or that
    the change could not be made."""

    def changes_applied(self, changes: Changes, reveal: bool = False) -> None: ...
    def command_failed(self, action: str, error: Exception) -> None: ...


def _touches_tags(changes: Mapping[int, FilmFields]) -> bool:
    return any("tags" in fields for fields in changes.values())


def user_fields_of(film: FilmRecord, names: Sequence[str]) -> FilmFields:
    """The current values of ``names`` on ``film``, in the form ``edit_films`` accepts."""
    values: dict[str, object] = {}
    for name in names:
        value = getattr(film, name)
        values[name] = list(value) if isinstance(value, tuple) else value
    if "watched" in values and "watched_on" not in values:
        values["watched_on"] = film.watched_on
    return values  # type: ignore[return-value]


class _Command(QUndoCommand):
    def __init__(self, text: str, catalog: Catalog, sink: ChangeSink) -> None:
        super().__init__(text)
        self.catalog = catalog
        self.sink = sink

    def _guard(self, action: Callable[[], None]) -> None:
        try:
            action()
        except Exception as exc:  # a database error must not take the window down
            self.setObsolete(True)
            self.sink.command_failed(self.text(), exc)


class EditFilmsCommand(_Command):
    """Changes fields of one or more films; undo puts the previous values back."""

    def __init__(
        self,
        text: str,
        catalog: Catalog,
        sink: ChangeSink,
        before: Mapping[int, FilmFields],
        after: Mapping[int, FilmFields],
        merge_id: int = -1,
    ) -> None:
        super().__init__(text, catalog, sink)
        self.before = dict(before)
        self.after = dict(after)
        self._merge_id = merge_id

    def _apply(self, changes: Mapping[int, FilmFields]) -> None:
        edited = self.catalog.edit_films(changes)
        self.sink.changes_applied(films_changed(edited, tags=_touches_tags(changes)))

    def redo(self) -> None:
        self._guard(lambda: self._apply(self.after))

    def undo(self) -> None:
        self._guard(lambda: self._apply(self.before))

    def id(self) -> int:
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Notes are saved after every pause in typing; one film's note edits are one undo step.
        if not isinstance(other, EditFilmsCommand) or other.id() != self.id():
            return False
        if set(other.after) != set(self.after):
            return False
        self.after = other.after
        return True


class AddFilmCommand(_Command):
    """Adds a film; undo deletes it, redo brings back the same film (same id)."""

    def __init__(self, catalog: Catalog, sink: ChangeSink, fields: FilmFields) -> None:
        title = str(fields.get("title", ""))
        text = (
            QCoreApplication.translate("Commands", "Add {title}").replace("{title}", title)
            if title
            else QCoreApplication.translate("Commands", "Add a film")
        )
        super().__init__(text, catalog, sink)
        self.fields = fields
        self.deleted: list[DeletedFilm] = []
        self.film: FilmRecord | None = None

    def redo(self) -> None:
        def run() -> None:
            if self.deleted:
                films = self.catalog.restore_films(self.deleted)
            else:
                films = [self.catalog.add_film(self.fields)]
            self.film = films[0]
            # A film the user has just made is shown, even where a search would hide it.
            self.sink.changes_applied(films_added(films), reveal=True)

        self._guard(run)

    def undo(self) -> None:
        def run() -> None:
            assert self.film is not None
            self.deleted = self.catalog.delete_films([self.film.id])
            self.sink.changes_applied(films_removed([self.film.id]))

        self._guard(run)


class DeleteFilmsCommand(_Command):
    """Deletes films; undo restores each with every field, tag and collection membership."""

    def __init__(
        self, catalog: Catalog, sink: ChangeSink, films: Sequence[FilmRecord | FilmRow]
    ) -> None:
        if len(films) == 1:
            text = QCoreApplication.translate("Commands", "Delete {title}")
            text = text.replace("{title}", films[0].title)
        else:
            text = _Plurals().delete_films(len(films))
        super().__init__(text, catalog, sink)
        self.film_ids = [f.id for f in films]
        self.deleted: list[DeletedFilm] = []

    def redo(self) -> None:
        def run() -> None:
            self.deleted = self.catalog.delete_films(self.film_ids)
            self.sink.changes_applied(films_removed(self.film_ids))

        self._guard(run)

    def undo(self) -> None:
        self._guard(
            lambda: self.sink.changes_applied(films_added(self.catalog.restore_films(self.deleted)))
        )


class ImportCommand(_Command):
    """An import already applied (in the background); undo takes out what it added (films,
    collections, comments, screening lists and their entries) and puts back what it changed,
    redo brings it all back."""

    def __init__(
        self,
        catalog: Catalog,
        sink: ChangeSink,
        plan: ImportPlan,
        result: ImportResult,
        before: Mapping[int, FilmFields],
    ) -> None:
        super().__init__(
            QCoreApplication.translate("Commands", "Import {file}").replace(
                "{file}", plan.source.name
            ),
            catalog,
            sink,
        )
        self.result = result
        self.added = list(result.added)
        self.before = dict(before)
        self.after: dict[int, FilmFields] = {
            film_id: incoming.fields for film_id, incoming in plan.updates
        }
        self.deleted: list[DeletedFilm] = []
        self.shown = False
        # What undo took out, for redo to put back.
        self.lists: list[ScreeningListRecord] = []
        self.entries: list[ListEntryRecord] = []
        self.comments: list[CommentRecord] = []
        self.ratings_after: dict[int, float | None] = {}
        self.collection_orders: dict[int, tuple[int, ...]] = {}
        self.collections: list[DeletedCollection] = []

    def redo(self) -> None:
        def run() -> None:
            if not self.shown:  # the first time: the import is in the catalog already
                self.shown = True
                changes = films_added(self.catalog.get_films(self.added))
            else:
                changes = films_added(self.catalog.restore_films(self.deleted))
                if self.after:
                    self.catalog.edit_films(self.after)
                self._put_back_the_rest()
            if self.after:
                changes |= films_changed(self.catalog.get_films(self.after), tags=True)
            self.sink.changes_applied(changes | self._group_changes(added=True))

        self._guard(run)

    def undo(self) -> None:
        def run() -> None:
            groups = self._group_changes(added=False)
            self._take_out_the_rest()
            self.deleted = self.catalog.delete_films(self.added)
            changes = films_removed(self.added)
            if self.before:
                changes |= films_changed(self.catalog.edit_films(self.before), tags=True)
            self.sink.changes_applied(changes | groups)

        self._guard(run)

    def _group_changes(self, *, added: bool) -> Changes:
        """The collections and lists the import made (``added``) or takes out again, and
        those it changed."""
        result = self.result
        new_lists = frozenset(result.lists_added)
        new_collections = frozenset(result.collections_added)
        lists = frozenset(list_id for list_id, _film in result.list_entries_added) - new_lists
        collections = frozenset(c for c, _film in result.collection_films_added) | frozenset(
            result.collection_ratings_before
        )
        if result.comments_added:  # which collection each comment is on is not kept
            collections |= frozenset(c.id for c in self.catalog.collections())
        return Changes(
            collections_added=new_collections if added else frozenset(),
            collections_removed=frozenset() if added else new_collections,
            collections_changed=collections - new_collections,
            lists_added=new_lists if added else frozenset(),
            lists_removed=frozenset() if added else new_lists,
            lists_changed=lists,
        )

    def _take_out_the_rest(self) -> None:
        catalog, result = self.catalog, self.result
        self.lists = [catalog.delete_list(list_id) for list_id in result.lists_added]
        new_lists = set(result.lists_added)
        by_list: dict[int, list[int]] = {}
        for list_id, film_id in result.list_entries_added:
            if list_id not in new_lists:
                by_list.setdefault(list_id, []).append(film_id)
        self.entries = [
            entry
            for list_id, film_ids in by_list.items()
            for entry in catalog.remove_from_list(list_id, film_ids)
        ]
        self.comments = [catalog.delete_comment(c) for c in result.comments_added]
        self.ratings_after = {
            collection_id: catalog.collection(collection_id).rating
            for collection_id in result.collection_ratings_before
        }
        for collection_id, rating in result.collection_ratings_before.items():
            catalog.rate_collection(collection_id, rating)
        new_collections = set(result.collections_added)
        by_collection: dict[int, list[int]] = {}
        for collection_id, film_id in result.collection_films_added:
            if collection_id not in new_collections:
                by_collection.setdefault(collection_id, []).append(film_id)
        self.collection_orders = {
            collection_id: catalog.remove_from_collection(collection_id, film_ids).before
            for collection_id, film_ids in by_collection.items()
        }
        self.collections = [catalog.delete_collection(c) for c in result.collections_added]

    def _put_back_the_rest(self) -> None:
        catalog = self.catalog
        for collection in self.collections:
            catalog.restore_collection(collection)
        for collection_id, order in self.collection_orders.items():
            catalog.set_collection_films(collection_id, order)
        for collection_id, rating in self.ratings_after.items():
            catalog.rate_collection(collection_id, rating)
        for comment in self.comments:
            catalog.restore_comment(comment)
        if self.entries:
            catalog.restore_list_entries(self.entries)
        for snapshot in self.lists:
            catalog.restore_list(snapshot)
