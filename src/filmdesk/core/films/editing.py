"""Changing films inside a transaction: the steps the film operations are made of."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, selectinload

from filmdesk.core.errors import FilmNotFoundError
from filmdesk.core.films.viewings import insert_viewings, sync_watched, viewing_columns, viewings_of
from filmdesk.core.folding import fold
from filmdesk.core.groups.entries import entry_record, place_entries
from filmdesk.core.groups.ordered import COLLECTION_FILMS, LIST_ENTRIES, insertion_order
from filmdesk.core.models import Collection, CollectionFilm, Film, ListEntry, Tag, film_tags
from filmdesk.core.names import tag_key
from filmdesk.core.posters.store import existing_posters
from filmdesk.core.records import DeletedFilm, FilmRecord
from filmdesk.core.rows import column_values, empty_columns, film_label, film_record, half_stars_of
from filmdesk.core.sorting import title_sort_key
from filmdesk.core.transaction import Transaction
from filmdesk.core.validation import FieldProblem, FilmFields, ValidationError, clean_film_fields


def load_film(session: Session, film_id: int) -> Film:
    """The film with this id, its tags loaded; FilmNotFoundError."""
    film = session.get(Film, film_id, options=[selectinload(Film.tags)])
    if film is None:
        raise FilmNotFoundError(f"no film with id {film_id}")
    return film


def tags_named(tx: Transaction, names: Iterable[str]) -> list[Tag]:
    """The tags of these names, made where missing (a new tag takes its first spelling)."""
    # Tags met in this transaction are remembered, so a thousand films tagged "war" in one
    # import share one Tag without a query (or a flush) per film.
    session = tx.session
    known: dict[str, Tag] = session.info.setdefault("tags_by_key", {})
    wanted: dict[str, str] = {}
    for name in names:
        wanted.setdefault(tag_key(name), name)
    missing = [key for key in wanted if key not in known]
    if missing:
        for tag in session.scalars(select(Tag).where(Tag.key.in_(missing))):
            known[tag.key] = tag
    tags = []
    for key, name in wanted.items():
        if key not in known:
            known[key] = Tag(name=name, key=key)
            session.add(known[key])
        tags.append(known[key])
    return tags


def drop_unused_tags(session: Session) -> None:
    """Delete the tags no film carries."""
    session.execute(
        delete(Tag).where(~Tag.id.in_(select(film_tags.c.tag_id).distinct())),
        execution_options={"synchronize_session": False},
    )


def new_film(tx: Transaction, cleaned: FilmFields) -> Film:
    """A film made from checked fields (``clean_film_fields``), added to the session."""
    # Each column holds its empty value from the start (the defaults would come at the flush).
    film = Film(title=cleaned["title"], **empty_columns())
    tx.session.add(film)
    apply_fields(tx, film, cleaned)
    return film


def user_fields(film: FilmRecord, names: Iterable[str]) -> FilmFields:
    """The current values of ``names`` on ``film``, as an edit takes them (the undo of an
    edit of those fields)."""
    values: dict[str, object] = {}
    for name in names:
        value = getattr(film, name)
        values[name] = list(value) if isinstance(value, tuple) else value
    if "watched" in values or "watched_on" in values:
        values["watched"] = film.watched
        values["watched_on"] = film.watched_on
    return values  # type: ignore[return-value]


def edit_fields(
    tx: Transaction,
    film: Film,
    fields: FilmFields,
    add_tags: Sequence[str] = (),
    remove_tags: Sequence[str] = (),
) -> None:
    """Check ``fields`` (and tags to add or remove) and write them to ``film``."""
    changes: dict[str, Any] = dict(fields)
    if add_tags or remove_tags:
        removing = {tag_key(t) for t in remove_tags}
        base = changes.get("tags", [t.name for t in film.tags])
        changes["tags"] = [t for t in base if tag_key(t) not in removing] + list(add_tags)
    apply_fields(tx, film, clean_film_fields(changes, subject=film_label(film)))


def apply_fields(tx: Transaction, film: Film, cleaned: FilmFields) -> None:
    """Write checked fields to ``film``; a watch date means watched. Watched and its date
    follow the film's viewings: see ``viewings.sync_watched``."""
    values: dict[str, Any] = dict(cleaned)
    if "rating" in values:
        film.rating_half_stars = half_stars_of(values.pop("rating"))
    if "tags" in values:
        film.tags = tags_named(tx, values.pop("tags"))
        tx.tags_touched = True
    if "watched" in values or "watched_on" in values:
        watched = bool(values.pop("watched", film.watched or values.get("watched_on") is not None))
        on = values.pop("watched_on", film.watched_on)
        if not watched and on is not None and "watched_on" in cleaned:
            raise ValidationError(
                [FieldProblem("watched_on", "a film that is not watched has no watch date")],
                film_label(film),
            )
        sync_watched(tx.session, film, watched, on, dated="watched_on" in cleaned)
        dates = [v.watched_on for v in film.viewings if v.watched_on is not None]
        film.watched = bool(film.viewings)
        film.watched_on = max(dates, default=None)
    for name, value in values.items():
        setattr(film, name, value)
    film.updated_at = datetime.now(UTC)


def _films_by_id(session: Session, ids: Sequence[int]) -> list[Film]:
    """The films of ``ids`` in that order, their tags loaded, a query per 500 (not one per
    film); FilmNotFoundError for the first that is missing."""
    found: dict[int, Film] = {}
    for start in range(0, len(ids), 500):
        piece = ids[start : start + 500]
        query = select(Film).where(Film.id.in_(piece)).options(selectinload(Film.tags))
        found.update((film.id, film) for film in session.scalars(query))
    missing = [film_id for film_id in ids if film_id not in found]
    if missing:
        raise FilmNotFoundError(f"no film with id {missing[0]}")
    return [found[film_id] for film_id in ids]


def delete_films(tx: Transaction, film_ids: Sequence[int]) -> list[DeletedFilm]:
    """Delete films; they leave their collections and lists, which close up behind them.
    Returns what ``restore_films`` needs to bring them back.

    Many at once (undoing an import of thousands): the films are read a piece at a time and
    deleted with one statement per piece; the database's cascades take their tags,
    memberships and entries with them.
    """
    session = tx.session
    session.flush()
    ids = list(dict.fromkeys(film_ids))
    films = _films_by_id(session, ids)
    memberships: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
    entries: defaultdict[int, list[ListEntry]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        piece = ids[start : start + 500]
        for collection_id, film_id, position in session.execute(
            select(
                CollectionFilm.collection_id, CollectionFilm.film_id, CollectionFilm.position
            ).where(CollectionFilm.film_id.in_(piece))
        ):
            memberships[film_id].append((collection_id, position))
        for entry in session.scalars(select(ListEntry).where(ListEntry.film_id.in_(piece))):
            entries[entry.film_id].append(entry)
    viewings = viewings_of(session, ids)
    deleted = []
    for film in films:
        record = film_record(film)
        mine = sorted(entries[film.id], key=lambda e: e.list_id)
        deleted.append(
            DeletedFilm(
                record,
                tuple(sorted(memberships[film.id])),
                tuple(entry_record(e, record) for e in mine),
                viewings[film.id],
            )
        )
    # The rows go with one statement per piece; what the session holds of them is let go, so
    # that it does not write them again.
    for obj in [*films, *(e for es in entries.values() for e in es)]:
        session.expunge(obj)
    for start in range(0, len(ids), 500):
        session.execute(
            delete(Film).where(Film.id.in_(ids[start : start + 500])),
            execution_options={"synchronize_session": False},
        )
    COLLECTION_FILMS.close_gaps(session, {c for m in memberships.values() for c, _ in m})
    LIST_ENTRIES.close_gaps(session, {e.list_id for es in entries.values() for e in es})
    tx.tags_touched = True
    return deleted


def restore_films(tx: Transaction, deleted: Sequence[DeletedFilm]) -> list[FilmRecord]:
    """Bring deleted films back as they were: same id, every field, tags, and their places in
    collections and screening lists (with dates, notes and screening log) where those still
    exist, and their viewings. Many at once are written with one statement per table, not an
    object per film."""
    session = tx.session
    session.flush()
    ids = [item.film.id for item in deleted]
    for start in range(0, len(ids), 500):
        taken = session.scalars(select(Film.id).where(Film.id.in_(ids[start : start + 500])))
        for film_id in taken:
            raise ValueError(f"film id {film_id} exists already; cannot restore it")
    # A deleted film's poster is kept until the catalog is next opened alone; when it has
    # gone since (another window opened the catalog), the film comes back without it.
    wanted = {item.film.poster for item in deleted if item.film.poster}
    kept = set(existing_posters(session, wanted))
    # (An INSERT statement does not run the model's hook that keeps the sort key.)
    rows = [
        {
            "id": item.film.id,
            "sort_title": title_sort_key(item.film.title),
            "poster_hash": item.film.poster if item.film.poster in kept else None,
            **column_values(item.film),
        }
        for item in deleted
    ]
    if rows:
        session.execute(insert(Film), rows)
    tags_of = {item.film.id: tags_named(tx, item.film.tags) for item in deleted}
    session.flush()  # new tags get their ids
    links = [
        {"film_id": film_id, "tag_id": tag.id} for film_id, tags in tags_of.items() for tag in tags
    ]
    if links:
        session.execute(insert(film_tags), links)
    insert_viewings(session, [viewing_columns(v) for item in deleted for v in item.viewings])
    _place_in_collections(session, deleted)
    place_entries(session, [e for item in deleted for e in item.list_entries])
    session.flush()
    # As the catalog has them now: a tag that exists in another spelling keeps that one.
    return [
        replace(
            item.film,
            tags=tuple(sorted((t.name for t in tags_of[item.film.id]), key=fold)),
            poster=item.film.poster if item.film.poster in kept else None,
        )
        for item in deleted
    ]


def _place_in_collections(session: Session, items: Sequence[DeletedFilm]) -> None:
    placements: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
    for item in items:
        for collection_id, position in item.memberships:
            placements[collection_id].append((item.film.id, position))
    existing = set(session.scalars(select(Collection.id)))
    for collection_id, wanted in sorted(placements.items()):
        if collection_id not in existing:
            continue
        current = COLLECTION_FILMS.ids(session, collection_id)
        adding = [(f, p) for f, p in wanted if f not in current]
        for film_id, _position in adding:
            session.add(CollectionFilm(collection_id=collection_id, film_id=film_id, position=0))
        session.flush()
        COLLECTION_FILMS.write(session, collection_id, insertion_order(current, adding))
