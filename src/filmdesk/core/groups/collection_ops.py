"""The operations that change collections, their films and their comments."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from filmdesk.core.checks import check_comment
from filmdesk.core.errors import CollectionNotFoundError, CommentNotFoundError
from filmdesk.core.groups.ordered import COLLECTION_FILMS, check_name_free
from filmdesk.core.models import Collection, CollectionComment, CollectionFilm, Film
from filmdesk.core.operations import Changes, Operation, Outcome
from filmdesk.core.records import CollectionRecord, CommentRecord, DeletedCollection
from filmdesk.core.rows import aware, check_film_ids, half_stars_of, rating_of
from filmdesk.core.transaction import Transaction
from filmdesk.core.validation import (
    CollectionFields,
    FieldProblem,
    ValidationError,
    clean_collection_fields,
)


def comment_record(comment: CollectionComment) -> CommentRecord:
    """A record of an ORM comment."""
    created = aware(comment.created_at)
    updated = aware(comment.updated_at)
    assert created is not None and updated is not None
    return CommentRecord(
        comment.id, comment.collection_id, comment.text, created, updated, comment.author or ""
    )


def check_comment_text(text: str) -> str:
    """The text of a comment, checked; ValidationError names the field."""
    try:
        return check_comment(text)
    except ValueError as exc:
        raise ValidationError([FieldProblem("comment", str(exc))]) from None


def load_collection(session: Session, collection_id: int) -> Collection:
    """The collection with this id; CollectionNotFoundError."""
    collection = session.get(Collection, collection_id)
    if collection is None:
        raise CollectionNotFoundError(f"no collection with id {collection_id}")
    return collection


def load_comment(session: Session, comment_id: int) -> CollectionComment:
    """The comment with this id; CommentNotFoundError."""
    comment = session.get(CollectionComment, comment_id)
    if comment is None:
        raise CommentNotFoundError(f"no comment with id {comment_id}")
    return comment


def collection_records(session: Session, only: int | None = None) -> list[CollectionRecord]:
    """Every collection (or only one) with its films in order and comment count, by id."""
    query = select(Collection).order_by(Collection.id)
    films = select(CollectionFilm.collection_id, CollectionFilm.film_id).order_by(
        CollectionFilm.collection_id, CollectionFilm.position, CollectionFilm.film_id
    )
    counts = select(CollectionComment.collection_id, func.count()).group_by(
        CollectionComment.collection_id
    )
    if only is not None:
        query = query.where(Collection.id == only)
        films = films.where(CollectionFilm.collection_id == only)
        counts = counts.where(CollectionComment.collection_id == only)
    film_ids: defaultdict[int, list[int]] = defaultdict(list)
    for collection_id, film_id in session.execute(films):
        film_ids[collection_id].append(film_id)
    comment_counts: dict[int, int] = {c: n for c, n in session.execute(counts)}
    return [
        CollectionRecord(
            id=c.id,
            name=c.name,
            description=c.description,
            source=c.source,
            film_ids=tuple(film_ids.get(c.id, ())),
            seed_key=c.seed_key,
            rating=rating_of(c.rating_half_stars),
            comment_count=comment_counts.get(c.id, 0),
            created_at=aware(c.created_at),
            updated_at=aware(c.updated_at),
        )
        for c in session.scalars(query)
    ]


def collection_record(session: Session, collection_id: int) -> CollectionRecord:
    """One collection as a record; CollectionNotFoundError."""
    session.flush()
    records = collection_records(session, collection_id)
    if not records:
        raise CollectionNotFoundError(f"no collection with id {collection_id}")
    return records[0]


def _changed(collection_id: int) -> Changes:
    return Changes(collections_changed=frozenset({collection_id}))


@dataclass(frozen=True)
class CreateCollection(Operation[CollectionRecord]):
    """A new, empty collection (names unique regardless of case). Undone by deleting it."""

    name: str
    description: str = ""
    source: str = ""

    def apply(self, tx: Transaction) -> Outcome[CollectionRecord]:
        fields = {"name": self.name, "description": self.description, "source": self.source}
        cleaned = clean_collection_fields(fields, subject="collection")
        session = tx.session
        check_name_free(session, Collection, "collection", cleaned["name"], None)
        collection = Collection(
            name=cleaned["name"],
            description=cleaned.get("description", ""),
            source=cleaned.get("source", ""),
        )
        session.add(collection)
        session.flush()
        record = collection_record(session, collection.id)
        changes = Changes(collections_added=frozenset({record.id}))
        return Outcome(record, DeleteCollection(record.id), changes)


@dataclass(frozen=True)
class EditCollection(Operation[CollectionRecord]):
    """Change a collection's name, description, source or rating (None clears it). Undone by
    the previous values of the fields given."""

    collection_id: int
    fields: CollectionFields

    def apply(self, tx: Transaction) -> Outcome[CollectionRecord]:
        session = tx.session
        collection = load_collection(session, self.collection_id)
        cleaned = clean_collection_fields(self.fields, subject=f"collection {collection.name!r}")
        if "name" in cleaned:
            check_name_free(session, Collection, "collection", cleaned["name"], collection.id)
        before: dict[str, object] = {}
        for name, value in cleaned.items():
            if name == "rating":
                before[name] = rating_of(collection.rating_half_stars)
                collection.rating_half_stars = half_stars_of(value)  # type: ignore[arg-type]
            else:
                before[name] = getattr(collection, name)
                setattr(collection, name, value)
        collection.updated_at = datetime.now(UTC)
        record = collection_record(session, collection.id)
        inverse = EditCollection(collection.id, before)  # type: ignore[arg-type]
        return Outcome(record, inverse, _changed(collection.id))


@dataclass(frozen=True)
class DeleteCollection(Operation[DeletedCollection]):
    """Delete a collection with its comments; its films stay. Undone by restoring it."""

    collection_id: int

    def apply(self, tx: Transaction) -> Outcome[DeletedCollection]:
        session = tx.session
        record = collection_record(session, self.collection_id)
        comments = session.scalars(
            select(CollectionComment)
            .where(CollectionComment.collection_id == self.collection_id)
            .order_by(CollectionComment.id)
        )
        deleted = DeletedCollection(record, tuple(comment_record(c) for c in comments))
        session.delete(load_collection(session, self.collection_id))
        session.flush()
        changes = Changes(collections_removed=frozenset({record.id}))
        return Outcome(deleted, RestoreCollection(deleted), changes)


@dataclass(frozen=True)
class RestoreCollection(Operation[CollectionRecord]):
    """Bring a deleted collection back as it was: same id, name, rating, films still in the
    catalog (in their order) and comments (same ids and dates). Undone by deleting it."""

    deleted: DeletedCollection

    def apply(self, tx: Transaction) -> Outcome[CollectionRecord]:
        session = tx.session
        record = self.deleted.collection
        if session.get(Collection, record.id) is not None:
            raise ValueError(f"collection id {record.id} exists already; cannot restore it")
        session.add(
            Collection(
                id=record.id,
                seed_key=record.seed_key,
                name=record.name,
                description=record.description,
                source=record.source,
                rating_half_stars=half_stars_of(record.rating),
                created_at=record.created_at or datetime.now(UTC),
                updated_at=record.updated_at or datetime.now(UTC),
            )
        )
        session.flush()
        existing = set(session.scalars(select(Film.id).where(Film.id.in_(record.film_ids))))
        kept = [f for f in record.film_ids if f in existing]
        for position, film_id in enumerate(kept, start=1):
            session.add(CollectionFilm(collection_id=record.id, film_id=film_id, position=position))
        for comment in self.deleted.comments:
            put_comment(session, comment)
        restored = collection_record(session, record.id)
        changes = Changes(collections_added=frozenset({record.id}))
        return Outcome(restored, DeleteCollection(record.id), changes)


@dataclass(frozen=True)
class SetCollectionFilms(Operation[CollectionRecord]):
    """Make the collection hold exactly these films in this order (ids of films no longer in
    the catalog are left out). Every change to a collection's films is undone by one."""

    collection_id: int
    film_ids: tuple[int, ...]

    def apply(self, tx: Transaction) -> Outcome[CollectionRecord]:
        session = tx.session
        load_collection(session, self.collection_id)
        current = COLLECTION_FILMS.ids(session, self.collection_id)
        wanted = list(dict.fromkeys(self.film_ids))
        existing = set(session.scalars(select(Film.id).where(Film.id.in_(wanted))))
        return write_films(
            session, self.collection_id, current, [f for f in wanted if f in existing]
        )


@dataclass(frozen=True)
class AddToCollection(Operation[CollectionRecord]):
    """Add films at the end or from a 1-based ``position`` on (a film in it already: see
    ``Membership.adding``)."""

    collection_id: int
    film_ids: tuple[int, ...]
    position: int | None = None
    skip_present: bool = False

    def apply(self, tx: Transaction) -> Outcome[CollectionRecord]:
        session = tx.session
        collection = load_collection(session, self.collection_id)
        wanted = list(dict.fromkeys(self.film_ids))
        check_film_ids(session, wanted)
        current = COLLECTION_FILMS.ids(session, collection.id)
        _adding, order = COLLECTION_FILMS.adding(
            session,
            collection.name,
            current,
            wanted,
            self.position,
            skip_present=self.skip_present,
        )
        return write_films(session, collection.id, current, order)


@dataclass(frozen=True)
class RemoveFromCollection(Operation[CollectionRecord]):
    """Take films out of a collection (they stay in the catalog); EntryNotFoundError for a
    film not in it."""

    collection_id: int
    film_ids: tuple[int, ...]

    def apply(self, tx: Transaction) -> Outcome[CollectionRecord]:
        session = tx.session
        collection = load_collection(session, self.collection_id)
        current = COLLECTION_FILMS.ids(session, collection.id)
        COLLECTION_FILMS.check_members(session, collection.name, current, self.film_ids)
        removing = set(self.film_ids)
        order = [f for f in current if f not in removing]
        return write_films(session, collection.id, current, order)


@dataclass(frozen=True)
class MoveInCollection(Operation[CollectionRecord]):
    """Move a film to a 1-based position; the others close up."""

    collection_id: int
    film_id: int
    position: int

    def apply(self, tx: Transaction) -> Outcome[CollectionRecord]:
        session = tx.session
        collection = load_collection(session, self.collection_id)
        current = COLLECTION_FILMS.ids(session, collection.id)
        order = COLLECTION_FILMS.moved(
            session, collection.name, current, self.film_id, self.position
        )
        return write_films(session, collection.id, current, order)


def write_films(
    session: Session, collection_id: int, current: Sequence[int], order: Sequence[int]
) -> Outcome[CollectionRecord]:
    """Make the collection's films ``order``; undone by setting ``current`` back."""
    kept = set(order)
    for row in session.scalars(
        select(CollectionFilm).where(CollectionFilm.collection_id == collection_id)
    ):
        if row.film_id not in kept:
            session.delete(row)
    present = set(current)
    for film_id in order:
        if film_id not in present:
            session.add(CollectionFilm(collection_id=collection_id, film_id=film_id, position=0))
    session.flush()
    COLLECTION_FILMS.write(session, collection_id, order)
    if list(order) != list(current):
        load_collection(session, collection_id).updated_at = datetime.now(UTC)
    record = collection_record(session, collection_id)
    inverse = SetCollectionFilms(collection_id, tuple(current))
    changed = _changed(collection_id) if list(order) != list(current) else Changes()
    return Outcome(record, inverse, changed)


@dataclass(frozen=True)
class AddComment(Operation[CommentRecord]):
    """Write a dated comment on a collection. Undone by deleting it."""

    collection_id: int
    text: str
    author: str = ""  # who writes it (a shared catalog's user); "" on a catalog of one's own

    def apply(self, tx: Transaction) -> Outcome[CommentRecord]:
        cleaned = check_comment_text(self.text)
        session = tx.session
        load_collection(session, self.collection_id)
        now = datetime.now(UTC)
        comment = CollectionComment(
            collection_id=self.collection_id,
            text=cleaned,
            author=self.author.strip()[:200],
            created_at=now,
            updated_at=now,
        )
        session.add(comment)
        session.flush()
        record = comment_record(comment)
        return Outcome(record, DeleteComment(record.id), _changed(self.collection_id))


@dataclass(frozen=True)
class EditComment(Operation[CommentRecord]):
    """Change a comment's text (its date of writing stays). Undone by restoring it as it was."""

    comment_id: int
    text: str

    def apply(self, tx: Transaction) -> Outcome[CommentRecord]:
        cleaned = check_comment_text(self.text)
        comment = load_comment(tx.session, self.comment_id)
        before = comment_record(comment)
        comment.text = cleaned
        comment.updated_at = datetime.now(UTC)
        tx.session.flush()
        record = comment_record(comment)
        return Outcome(record, RestoreComment(before), _changed(comment.collection_id))


@dataclass(frozen=True)
class DeleteComment(Operation[CommentRecord]):
    """Delete a comment; the result is the comment as it was. Undone by restoring it."""

    comment_id: int

    def apply(self, tx: Transaction) -> Outcome[CommentRecord]:
        comment = load_comment(tx.session, self.comment_id)
        record = comment_record(comment)
        tx.session.delete(comment)
        tx.session.flush()
        return Outcome(record, RestoreComment(record), _changed(record.collection_id))


@dataclass(frozen=True)
class RestoreComment(Operation[CommentRecord]):
    """Put a comment back exactly as recorded (same id, text and dates), whether it was
    deleted or edited since. Undone by what it replaced (or by deleting it)."""

    comment: CommentRecord

    def apply(self, tx: Transaction) -> Outcome[CommentRecord]:
        session = tx.session
        load_collection(session, self.comment.collection_id)
        existing = session.get(CollectionComment, self.comment.id)
        inverse: Operation[CommentRecord] = (
            DeleteComment(self.comment.id)
            if existing is None
            else RestoreComment(comment_record(existing))
        )
        put_comment(session, self.comment)
        session.flush()
        return Outcome(self.comment, inverse, _changed(self.comment.collection_id))


def put_comment(session: Session, record: CommentRecord) -> None:
    """Write a comment as recorded, over the one with its id if there is one."""
    existing = session.get(CollectionComment, record.id)
    if existing is None:
        session.add(
            CollectionComment(
                id=record.id,
                collection_id=record.collection_id,
                text=record.text,
                author=record.author,
                created_at=record.created_at,
                updated_at=record.updated_at,
            )
        )
        return
    if existing.collection_id != record.collection_id:
        raise ValueError(f"comment id {record.id} belongs to another collection")
    existing.text = record.text
    existing.created_at = record.created_at
    existing.updated_at = record.updated_at
