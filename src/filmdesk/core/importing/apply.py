"""Applying a planned import: one operation, in one transaction, undone by one ``Batch``.

The undo takes out what the import added (films, collections, comments, screening lists and
their entries) and puts back what it changed (fields of matched films, collection ratings),
all in one transaction: a failure half-way leaves the catalog as it was.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from filmdesk.core.exchange import ImportPlan, IncomingCollection, IncomingList
from filmdesk.core.films.editing import apply_fields, load_film, user_fields
from filmdesk.core.films.operations import DeleteFilms, EditFilms
from filmdesk.core.films.viewings import RemoveViewings, RestoreViewings, follow_viewings
from filmdesk.core.groups.collection_ops import (
    DeleteCollection,
    DeleteComment,
    EditCollection,
    RemoveFromCollection,
)
from filmdesk.core.groups.list_ops import DeleteList, EditList, RemoveFromList
from filmdesk.core.groups.ordered import COLLECTION_FILMS, LIST_ENTRIES
from filmdesk.core.importing.bulk_insert import (
    REBUILD_INDEXES_FROM,
    foreign_keys_checked_after,
    insert_pieces,
    large_cache,
    may_restructure,
    search_text_triggers_paused,
)
from filmdesk.core.models import (
    Base,
    Collection,
    CollectionComment,
    CollectionFilm,
    Film,
    ListEntry,
    ScreeningList,
    Viewing,
)
from filmdesk.core.names import name_key
from filmdesk.core.operations import Batch, Changes, Operation, Outcome
from filmdesk.core.posters.operations import SetPoster
from filmdesk.core.posters.store import existing_posters, keep_poster
from filmdesk.core.progress import Progress
from filmdesk.core.records import FilmRecord, ViewingRecord
from filmdesk.core.rows import aware, film_record, half_stars_of, rating_of
from filmdesk.core.searches import merge_searches
from filmdesk.core.transaction import Transaction
from filmdesk.core.validation import FilmFields, ListFields, ViewingFields


@dataclass(frozen=True)
class ImportResult:
    """What an applied import changed (ids), and the backup written before it."""

    added: list[int]
    updated: list[int]
    backup: Path | None = None
    lists_added: list[int] = field(default_factory=list)
    list_entries_added: list[tuple[int, int]] = field(default_factory=list)
    collections_added: list[int] = field(default_factory=list)
    collection_films_added: list[tuple[int, int]] = field(default_factory=list)
    comments_added: list[int] = field(default_factory=list)
    collection_ratings_before: dict[int, float | None] = field(default_factory=dict)
    # Lists merged into whose empty audience or description the import filled: as they were.
    list_details_before: dict[int, ListFields] = field(default_factory=dict)
    # Viewings the import gave films that were there before (new films bring their own).
    viewings_added: list[int] = field(default_factory=list)
    viewings_removed: list[ViewingRecord] = field(default_factory=list)  # ("day not known")


@dataclass
class _Merged:
    """What merging collections and lists did, for the undo."""

    collections_added: list[int] = field(default_factory=list)
    collection_films_added: list[tuple[int, int]] = field(default_factory=list)
    comments_added: list[int] = field(default_factory=list)
    ratings_before: dict[int, float | None] = field(default_factory=dict)
    lists_added: list[int] = field(default_factory=list)
    entries_added: list[tuple[int, int]] = field(default_factory=list)
    commented: set[int] = field(default_factory=set)
    list_details_before: dict[int, ListFields] = field(default_factory=dict)


@dataclass(frozen=True)
class ApplyImport(Operation[ImportResult]):
    """Apply a planned import (its rows with problems were left out of the plan already)."""

    plan: ImportPlan
    progress: Progress | None = field(default=None, compare=False)
    backup: Path | None = None

    def apply(self, tx: Transaction) -> Outcome[ImportResult]:
        plan, session = self.plan, tx.session
        film_of_ref = dict(plan.matched_refs)
        total = len(plan.new) + len(plan.updates)
        _keep_new_films_posters(session, plan)
        added = self._insert_new(tx, total)
        before: dict[int, FilmFields] = {}
        viewed: list[int] = []  # films that gain viewings
        posters_before: list[Operation[object]] = []
        for number, (film_id, incoming) in enumerate(plan.updates):
            if self.progress is not None and number % 5000 == 0:
                self.progress(len(plan.new) + number, total)
            film = load_film(session, film_id)
            before[film_id] = user_fields(film_record(film), incoming.fields)
            apply_fields(tx, film, incoming.fields)  # checked when the file was read
            if incoming.extra.get("viewings"):
                viewed.append(film_id)
            if "poster" in incoming.extra:
                key = incoming.extra["poster"]
                image = None if key is None else plan.posters[str(key)]
                posters_before.append(SetPoster(film_id, image).apply(tx).inverse)
        viewings_added, viewings_removed = _add_viewings(session, plan, viewed)
        session.flush()
        changed = [film_record(load_film(session, film_id)) for film_id in before]
        for ref, film_id in zip(plan.new.refs(), added, strict=True):
            if ref is not None:
                film_of_ref[ref] = film_id
        for ref, first in plan.same_refs.items():
            if first in film_of_ref:
                film_of_ref[ref] = film_of_ref[first]
        merged = _Merged()
        _merge_collections(session, plan.collections, film_of_ref, merged)
        _merge_lists(session, plan.lists, film_of_ref, merged)
        searches_before = merge_searches(tx, plan.searches)
        session.flush()
        tx.tags_touched = True
        result = ImportResult(
            added=added,
            updated=list(before),
            backup=self.backup,
            lists_added=merged.lists_added,
            list_entries_added=merged.entries_added,
            collections_added=merged.collections_added,
            collection_films_added=merged.collection_films_added,
            comments_added=merged.comments_added,
            collection_ratings_before=merged.ratings_before,
            list_details_before=merged.list_details_before,
            viewings_added=viewings_added,
            viewings_removed=viewings_removed,
        )
        changes = _changes(result, changed, merged.commented)
        if searches_before:
            changes = changes | Changes(searches=True)
        undo = _undo(result, before, [*posters_before, *reversed(searches_before)])
        return Outcome(result, undo, changes)

    def _insert_new(self, tx: Transaction, total: int) -> list[int]:
        """The new films; many at once build the films indexes afterwards, in one sorted pass
        (quicker than growing them a row at a time), and on PostgreSQL check the foreign keys
        of their tags and viewings in one query each. One transaction, so a failure or Cancel
        brings the indexes and keys back too; an account that may not (see
        ``may_restructure``) inserts with them in place."""
        session, new = tx.session, self.plan.new
        rebuild = (
            len(new) >= REBUILD_INDEXES_FROM
            and len(new) > (session.scalar(select(func.count(Film.id))) or 0)
            and may_restructure(session.connection())
        )
        if not rebuild:
            return insert_pieces(tx, new, total, self.progress)
        indexes = [
            *Base.metadata.tables["films"].indexes,
            *Base.metadata.tables["film_tags"].indexes,
        ]
        with (
            large_cache(session.connection()),
            foreign_keys_checked_after(session.connection()),
            search_text_triggers_paused(session.connection()),
        ):
            for index in indexes:
                index.drop(session.connection())
            added = insert_pieces(tx, new, total, self.progress)
            for index in indexes:
                index.create(session.connection())
        return added


def _add_viewings(
    session: Session, plan: ImportPlan, film_ids: Sequence[int]
) -> tuple[list[int], list[ViewingRecord]]:
    """Give films that were there before the viewings the plan found missing (in place of a
    viewing that only said "watched, day not known", where the file tells the day); their
    watched fields follow. Returns the new viewings' ids and the viewings taken out."""
    wanted = set(film_ids)
    added: list[int] = []
    removed: list[ViewingRecord] = []
    for film_id, incoming in plan.updates:
        if film_id not in wanted:
            continue
        items: Sequence[ViewingFields] = incoming.extra["viewings"]  # type: ignore[assignment]
        replaced: Sequence[ViewingRecord] = incoming.extra.get("replaces", ())  # type: ignore[assignment]
        for record in replaced:
            viewing = session.get(Viewing, record.id)
            if viewing is not None:
                session.delete(viewing)
                removed.append(record)
        rows = [
            Viewing(
                film_id=film_id,
                watched_on=item.get("watched_on"),
                rating_half_stars=half_stars_of(item.get("rating")),
                rewatch=item.get("rewatch", False),
                note=item.get("note", ""),
            )
            for item in items
        ]
        session.add_all(rows)
        session.flush()
        added += [row.id for row in rows]
    follow_viewings(session, film_ids)
    return added, removed


def _keep_new_films_posters(session: Session, plan: ImportPlan) -> None:
    """Keep the posters the new films show (those the catalog lacks), before the films come
    in: a film refers to its poster."""
    wanted = {str(e["poster"]) for e in plan.new.extras() if e and e.get("poster")}
    for key in sorted(wanted - set(existing_posters(session, wanted))):
        keep_poster(session, plan.posters[key])


def _undo(
    result: ImportResult,
    before: Mapping[int, FilmFields],
    posters_before: Sequence[Operation[object]] = (),
) -> Batch:
    """The steps that take an import out again, in an order whose inverses (the redo) work:
    entries and lists first, then comments, ratings and collections, then films."""
    steps: list[Operation[object]] = []
    new_lists = set(result.lists_added)
    by_list: defaultdict[int, list[int]] = defaultdict(list)
    for list_id, film_id in result.list_entries_added:
        if list_id not in new_lists:
            by_list[list_id].append(film_id)
    steps += [RemoveFromList(list_id, tuple(ids)) for list_id, ids in by_list.items()]
    steps += [EditList(list_id, fields) for list_id, fields in result.list_details_before.items()]
    steps += [DeleteList(list_id) for list_id in result.lists_added]
    steps += [DeleteComment(comment_id) for comment_id in result.comments_added]
    steps += [
        EditCollection(collection_id, {"rating": rating})
        for collection_id, rating in result.collection_ratings_before.items()
    ]
    new_collections = set(result.collections_added)
    by_collection: defaultdict[int, list[int]] = defaultdict(list)
    for collection_id, film_id in result.collection_films_added:
        if collection_id not in new_collections:
            by_collection[collection_id].append(film_id)
    steps += [RemoveFromCollection(c, tuple(ids)) for c, ids in by_collection.items()]
    steps += [DeleteCollection(collection_id) for collection_id in result.collections_added]
    if result.added:
        steps.append(DeleteFilms(tuple(result.added)))
    if result.viewings_added:
        steps.append(RemoveViewings(tuple(result.viewings_added)))
    if result.viewings_removed:
        steps.append(RestoreViewings(tuple(result.viewings_removed)))
    if before:
        steps.append(EditFilms(dict(before)))
    steps += posters_before
    return Batch(tuple(steps))


def _changes(result: ImportResult, changed: Sequence[FilmRecord], commented: set[int]) -> Changes:
    touched_collections = {c for c, _ in result.collection_films_added}
    touched_collections |= set(result.collection_ratings_before)
    return Changes(
        films_added=frozenset(result.added),
        films_changed=frozenset(result.updated),
        collections_added=frozenset(result.collections_added),
        collections_changed=frozenset(touched_collections - set(result.collections_added)),
        lists_added=frozenset(result.lists_added),
        lists_changed=(
            frozenset({lst for lst, _ in result.list_entries_added})
            | frozenset(result.list_details_before)
        )
        - frozenset(result.lists_added),
        tags=True,
        films=tuple(changed),
    ) | Changes(collections_changed=frozenset(commented - set(result.collections_added)))


def _merge_collections(
    session: Session,
    incoming: Sequence[IncomingCollection],
    film_of_ref: Mapping[object, int],
    merged: _Merged,
) -> None:
    """Merge collections from a file: a collection is matched by seed key, then name; films
    it lacks are added at the end, comments it lacks (same text and date) are added, and a
    rating in the file replaces its rating."""
    if not incoming:
        return
    # Looked up once, not once per collection of the file (a file may bring thousands).
    by_seed: dict[str, Collection] = {}
    by_name: dict[str, Collection] = {}
    for existing in session.scalars(select(Collection)):
        if existing.seed_key is not None:
            by_seed.setdefault(existing.seed_key, existing)
        by_name.setdefault(name_key(existing.name), existing)
    for item in incoming:
        collection = by_seed.get(item.seed_key) if item.seed_key else None
        if collection is None:
            collection = by_name.get(name_key(item.name))
        is_new = collection is None
        if collection is None:  # (a seed key it has is free: it was looked for above)
            collection = Collection(
                name=item.name,
                description=item.description,
                source=item.source,
                seed_key=item.seed_key,
            )
            session.add(collection)
            session.flush()
            merged.collections_added.append(collection.id)
            by_name.setdefault(name_key(collection.name), collection)
            if collection.seed_key is not None:
                by_seed.setdefault(collection.seed_key, collection)
        if item.rating is not None and rating_of(collection.rating_half_stars) != item.rating:
            if not is_new:
                merged.ratings_before[collection.id] = rating_of(collection.rating_half_stars)
            collection.rating_half_stars = half_stars_of(item.rating)
        members = set(COLLECTION_FILMS.ids(session, collection.id))
        for ref in item.film_refs:
            film_id = film_of_ref.get(ref)
            if film_id is None or film_id in members:
                continue
            session.add(
                CollectionFilm(
                    collection_id=collection.id, film_id=film_id, position=len(members) + 1
                )
            )
            members.add(film_id)
            if not is_new:
                merged.collection_films_added.append((collection.id, film_id))
        _merge_comments(session, collection.id, item, merged)


def _merge_comments(
    session: Session, collection_id: int, item: IncomingCollection, merged: _Merged
) -> None:
    known = {
        (c.text, aware(c.created_at))
        for c in session.scalars(
            select(CollectionComment).where(CollectionComment.collection_id == collection_id)
        )
    }
    for comment in item.comments:
        created = comment.created_at or datetime.now(UTC)
        if (comment.text, created) in known:
            continue
        row = CollectionComment(
            collection_id=collection_id,
            text=comment.text,
            author=comment.author,
            created_at=created,
            updated_at=comment.updated_at or created,
        )
        session.add(row)
        session.flush()
        known.add((comment.text, created))
        merged.comments_added.append(row.id)
        merged.commented.add(collection_id)


def _merge_lists(
    session: Session,
    incoming: Sequence[IncomingList],
    film_of_ref: Mapping[object, int],
    merged: _Merged,
) -> None:
    """Make screening lists from a file. A list with the name of an existing one (any case)
    is merged into it: its films that the list lacks are added at the end, and an empty
    audience or description is filled. Entries whose film is not in the import are left out."""
    if not incoming:
        return
    # Looked up once, not once per list of the file (an export may bring thousands).
    by_name: dict[str, ScreeningList] = {}
    for existing in session.scalars(select(ScreeningList)):
        by_name.setdefault(name_key(existing.name), existing)
    for item in incoming:
        screening_list = by_name.get(name_key(item.name))
        now = datetime.now(UTC)
        is_new = screening_list is None
        if screening_list is None:
            screening_list = ScreeningList(
                name=item.name,
                audience=item.audience,
                description=item.description,
                created_at=now,
                updated_at=now,
            )
            session.add(screening_list)
            session.flush()
            merged.lists_added.append(screening_list.id)
            by_name[name_key(screening_list.name)] = screening_list
        else:
            before: ListFields = {}
            if not screening_list.audience and item.audience:
                before["audience"] = ""
                screening_list.audience = item.audience
            if not screening_list.description and item.description:
                before["description"] = ""
                screening_list.description = item.description
            if before:
                merged.list_details_before[screening_list.id] = before
        present = set(LIST_ENTRIES.ids(session, screening_list.id))
        for entry in item.entries:
            film_id = film_of_ref.get(entry.ref)
            if film_id is None or film_id in present:
                continue
            fields = entry.fields
            session.add(
                ListEntry(
                    list_id=screening_list.id,
                    film_id=film_id,
                    position=len(present) + 1,
                    scheduled_at=fields.get("scheduled_at"),
                    note=fields.get("note", ""),
                    screened=fields.get("screened", False),
                    screened_on=fields.get("screened_on"),
                )
            )
            present.add(film_id)
            if not is_new:
                merged.entries_added.append((screening_list.id, film_id))
