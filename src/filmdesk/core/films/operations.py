"""The operations that change films; each says what undoes it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from filmdesk.core.errors import StaleEditError
from filmdesk.core.films.editing import (
    delete_films,
    edit_fields,
    load_film,
    new_film,
    restore_films,
    user_fields,
)
from filmdesk.core.films.viewings import SetViewings, viewings_of
from filmdesk.core.folding import fold
from filmdesk.core.operations import (
    Batch,
    Changes,
    Operation,
    Outcome,
    films_added,
    films_changed,
    films_removed,
)
from filmdesk.core.records import DeletedFilm, FilmRecord
from filmdesk.core.rows import film_label, film_record
from filmdesk.core.transaction import Transaction
from filmdesk.core.validation import FieldProblem, FilmFields, ValidationError, clean_film_fields

_WATCH_FIELDS = frozenset({"watched", "watched_on"})


@dataclass(frozen=True)
class AddFilm(Operation[FilmRecord]):
    """Add a film; ``title`` is required. Undone by deleting it."""

    fields: FilmFields

    def apply(self, tx: Transaction) -> Outcome[FilmRecord]:
        if "title" not in self.fields:
            raise ValidationError([FieldProblem("title", "a title is required")])
        film = new_film(tx, clean_film_fields(self.fields))
        tx.session.flush()
        record = film_record(film)
        return Outcome(record, DeleteFilms((record.id,)), films_added([record]))


@dataclass(frozen=True)
class EditFilms(Operation[list[FilmRecord]]):
    """Change fields of one or more films, each its own, and add or remove tags on all of
    them (tags matched as the core matches them: case, ё and accents ignored). Everything is
    checked before anything is written. Undone by putting the previous values back."""

    changes: Mapping[int, FilmFields]
    add_tags: tuple[str, ...] = ()
    remove_tags: tuple[str, ...] = ()
    # The values the edit was made on, per film (what the window showed; what an undo's
    # change left): a field that no longer holds them was changed by someone else since, and
    # the edit is refused (StaleEditError) rather than overwrite it.
    expected: Mapping[int, Mapping[str, object]] | None = None

    def apply(self, tx: Transaction) -> Outcome[list[FilmRecord]]:
        films = [load_film(tx.session, film_id) for film_id in self.changes]
        if self.expected:
            for film in films:
                _check_expected(film_record(film), self.expected.get(film.id, {}))
        retagged = bool(self.add_tags or self.remove_tags)
        before: dict[int, FilmFields] = {}
        # An edit of "watched" may take, add or move viewings: the undo puts them back as
        # they were, and the watched fields follow.
        watching = [f.id for f in films if _WATCH_FIELDS & set(self.changes[f.id])]
        viewings_before = viewings_of(tx.session, watching)
        for film in films:
            names = [*self.changes[film.id], *(["tags"] if retagged else [])]
            values = user_fields(film_record(film), names)
            before[film.id] = {  # type: ignore[assignment]
                k: v for k, v in values.items() if k not in _WATCH_FIELDS
            }
        for film in films:
            edit_fields(tx, film, self.changes[film.id], self.add_tags, self.remove_tags)
        tx.session.flush()
        records = [film_record(film) for film in films]
        tags = retagged or any("tags" in fields for fields in self.changes.values())
        # The undo expects what this edit left, so it never overwrites a later change.
        left = {r.id: dict(user_fields(r, before[r.id])) for r in records}
        undo = EditFilms(before, expected=left)
        inverse: Operation[Any] = undo
        if watching:
            inverse = Batch((undo, SetViewings(viewings_before)))
        return Outcome(records, inverse, films_changed(records, tags=tags))


def _comparable(name: str, value: object) -> object:
    if name == "tags":
        return tuple(sorted(fold(str(t)) for t in value))  # type: ignore[attr-defined]
    if isinstance(value, list | tuple):
        return tuple(value)
    return value


def _check_expected(film: FilmRecord, expected: Mapping[str, object]) -> None:
    """StaleEditError when a field of ``film`` no longer holds the value expected of it."""
    changed = [
        (name, getattr(film, name))
        for name, value in expected.items()
        if _comparable(name, getattr(film, name)) != _comparable(name, value)
    ]
    if changed:
        raise StaleEditError(film_label(film), changed)


def change_tags(
    film_ids: Iterable[int], add: Iterable[str] = (), remove: Iterable[str] = ()
) -> EditFilms:
    """The operation adding and removing tags on several films."""
    return EditFilms({film_id: {} for film_id in film_ids}, tuple(add), tuple(remove))


@dataclass(frozen=True)
class DeleteFilms(Operation[list[DeletedFilm]]):
    """Delete films (they leave their collections and lists). Undone by ``RestoreFilms``."""

    film_ids: tuple[int, ...]

    def apply(self, tx: Transaction) -> Outcome[list[DeletedFilm]]:
        deleted = delete_films(tx, self.film_ids)
        changes = films_removed(d.film.id for d in deleted) | _groups_of(deleted)
        return Outcome(deleted, RestoreFilms(tuple(deleted)), changes)


@dataclass(frozen=True)
class RestoreFilms(Operation[list[FilmRecord]]):
    """Bring deleted films back as they were (same ids). Undone by deleting them again."""

    deleted: tuple[DeletedFilm, ...]

    def apply(self, tx: Transaction) -> Outcome[list[FilmRecord]]:
        records = restore_films(tx, self.deleted)
        tx.tags_touched = True
        changes = films_added(records) | _groups_of(self.deleted)
        return Outcome(records, DeleteFilms(tuple(f.id for f in records)), changes)


def _groups_of(deleted: tuple[DeletedFilm, ...] | list[DeletedFilm]) -> Changes:
    """The collections and lists the deleted films were in (they changed too)."""
    return Changes(
        collections_changed=frozenset(c for d in deleted for c, _ in d.memberships),
        lists_changed=frozenset(e.list_id for d in deleted for e in d.list_entries),
    )
