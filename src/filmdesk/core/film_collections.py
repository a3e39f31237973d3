"""Collections: named, described groups of films with the user's rating and dated comments.

Part of the catalog service (``Catalog`` inherits these methods). Deleting a collection never
deletes a film. Every change returns what undoing it needs:

* ``create_collection`` -> the record; undo with ``delete_collection``;
* ``edit_collection`` (and ``rename_``, ``describe_``, ``rate_collection``) -> ``Edited`` whose
  ``before`` passed to ``edit_collection`` undoes it;
* ``delete_collection`` -> ``DeletedCollection``; undo with ``restore_collection`` (same id,
  films in order, rating, comments);
* ``add_to_collection``, ``remove_from_collection``, ``move_in_collection``,
  ``set_collection_films`` -> ``Edited`` whose ``before`` (the previous film ids, in order)
  passed to ``set_collection_films`` undoes it;
* ``add_comment`` -> the comment; undo with ``delete_comment``; ``delete_comment`` and
  ``edit_comment`` give the comment as it was; ``restore_comment`` puts it back exactly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from filmdesk.core.exchange import IncomingCollection
from filmdesk.core.models import Collection, CollectionComment, CollectionFilm, Film
from filmdesk.core.records import (
    CollectionRecord,
    CommentRecord,
    DeletedCollection,
    Edited,
)
from filmdesk.core.search import fold
from filmdesk.core.service import (
    CatalogBase,
    CollectionNotFoundError,
    CommentNotFoundError,
    EntryNotFoundError,
    NameTakenError,
    aware,
    check_film_ids,
    checked_position,
    half_stars_of,
    ordered_ids,
    rating_of,
    write_order,
)
from filmdesk.core.validation import (
    CollectionFields,
    FieldProblem,
    ValidationError,
    check_comment,
    clean_collection_fields,
)


@dataclass
class CollectionsImported:
    """What an import did to collections (see ``ImportResult``)."""

    added: list[int] = field(default_factory=list)
    films_added: list[tuple[int, int]] = field(default_factory=list)
    comments_added: list[int] = field(default_factory=list)
    ratings_before: dict[int, float | None] = field(default_factory=dict)


def _comment_record(comment: CollectionComment) -> CommentRecord:
    created = aware(comment.created_at)
    updated = aware(comment.updated_at)
    assert created is not None and updated is not None
    return CommentRecord(comment.id, comment.collection_id, comment.text, created, updated)


def _key(name: str) -> str:
    return " ".join(fold(name).split())


class CollectionsMixin(CatalogBase):
    """Collections, their films and comments (part of ``Catalog``)."""

    # --- reading ------------------------------------------------------------------------

    def collections(self) -> list[CollectionRecord]:
        """Every collection with its films in order, its rating and comment count, by id."""
        with self._sessions() as session:
            return self._collection_records(session, None)

    def collection(self, collection_id: int) -> CollectionRecord:
        """One collection; raises CollectionNotFoundError."""
        with self._sessions() as session:
            return self._collection_record(session, collection_id)

    def resolve_collection(self, reference: str) -> CollectionRecord:
        """A collection named by numeric id or exact name (any case, spacing ignored).

        Raises CollectionNotFoundError (also when a name is shared, listing the ids).
        """
        text = reference.strip()
        collections = self.collections()
        if text.isascii() and text.isdigit():
            found = next((c for c in collections if c.id == int(text)), None)
            if found is not None:
                return found
        matches = [c for c in collections if _key(c.name) == _key(text)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            ids = ", ".join(str(c.id) for c in matches)
            raise CollectionNotFoundError(
                f"{reference!r} names {len(matches)} collections (ids {ids}); use an id"
            )
        raise CollectionNotFoundError(f"no collection with the id or name {reference!r}")

    def comments(self, collection_id: int) -> list[CommentRecord]:
        """A collection's comments, newest first."""
        with self._sessions() as session:
            self._load_collection(session, collection_id)
            rows = session.scalars(
                select(CollectionComment)
                .where(CollectionComment.collection_id == collection_id)
                .order_by(CollectionComment.created_at.desc(), CollectionComment.id.desc())
            )
            return [_comment_record(c) for c in rows]

    # --- collections ---------------------------------------------------------------------

    def create_collection(
        self, name: str, description: str = "", source: str = ""
    ) -> CollectionRecord:
        """A new, empty collection. Names are unique regardless of case (NameTakenError)."""
        cleaned = clean_collection_fields(
            {"name": name, "description": description, "source": source}, subject="collection"
        )
        with self._transaction() as session:
            self._check_collection_name_free(session, cleaned["name"], None)
            collection = Collection(
                name=cleaned["name"],
                description=cleaned.get("description", ""),
                source=cleaned.get("source", ""),
            )
            session.add(collection)
            session.flush()
            return self._collection_record(session, collection.id)

    def edit_collection(
        self, collection_id: int, fields: CollectionFields
    ) -> Edited[CollectionRecord, CollectionFields]:
        """Change a collection's name, description, source or rating (None clears it).

        Returns the collection as it is now and, in ``before``, the previous values of the
        fields given: ``edit_collection(id, edited.before)`` undoes the change.
        """
        with self._transaction() as session:
            collection = self._load_collection(session, collection_id)
            cleaned = clean_collection_fields(fields, subject=f"collection {collection.name!r}")
            if "name" in cleaned:
                self._check_collection_name_free(session, cleaned["name"], collection_id)
            before: dict[str, object] = {}
            for name, value in cleaned.items():
                if name == "rating":
                    before[name] = rating_of(collection.rating_half_stars)
                    collection.rating_half_stars = half_stars_of(value)  # type: ignore[arg-type]
                else:
                    before[name] = getattr(collection, name)
                    setattr(collection, name, value)
            collection.updated_at = datetime.now(UTC)
            session.flush()
            return Edited(self._collection_record(session, collection_id), before)  # type: ignore[arg-type]

    def rename_collection(
        self, collection_id: int, name: str
    ) -> Edited[CollectionRecord, CollectionFields]:
        """Rename a collection (see ``edit_collection``)."""
        return self.edit_collection(collection_id, {"name": name})

    def describe_collection(
        self, collection_id: int, description: str
    ) -> Edited[CollectionRecord, CollectionFields]:
        """Replace a collection's description (see ``edit_collection``)."""
        return self.edit_collection(collection_id, {"description": description})

    def rate_collection(
        self, collection_id: int, rating: float | None
    ) -> Edited[CollectionRecord, CollectionFields]:
        """Rate a collection in half stars, 0.5 to 5, or clear the rating with None."""
        return self.edit_collection(collection_id, {"rating": rating})

    def delete_collection(self, collection_id: int) -> DeletedCollection:
        """Delete a collection with its comments; its films stay in the catalog.

        Returns what ``restore_collection`` needs to bring it back.
        """
        with self._transaction() as session:
            record = self._collection_record(session, collection_id)
            comments = session.scalars(
                select(CollectionComment)
                .where(CollectionComment.collection_id == collection_id)
                .order_by(CollectionComment.id)
            )
            deleted = DeletedCollection(record, tuple(_comment_record(c) for c in comments))
            session.delete(self._load_collection(session, collection_id))
            return deleted

    def restore_collection(self, deleted: DeletedCollection) -> CollectionRecord:
        """Bring a deleted collection back as it was: same id, name, rating, films still in
        the catalog (in their order) and comments (same ids and dates)."""
        record = deleted.collection
        with self._transaction() as session:
            if session.get(Collection, record.id) is not None:
                raise ValueError(f"collection id {record.id} exists already; cannot restore it")
            collection = Collection(
                id=record.id,
                seed_key=record.seed_key,
                name=record.name,
                description=record.description,
                source=record.source,
                rating_half_stars=half_stars_of(record.rating),
                created_at=record.created_at or datetime.now(UTC),
                updated_at=record.updated_at or datetime.now(UTC),
            )
            session.add(collection)
            session.flush()
            existing = set(session.scalars(select(Film.id).where(Film.id.in_(record.film_ids))))
            for position, film_id in enumerate(f for f in record.film_ids if f in existing):
                session.add(
                    CollectionFilm(collection_id=record.id, film_id=film_id, position=position)
                )
            for comment in deleted.comments:
                self._put_comment(session, comment)
            session.flush()
            return self._collection_record(session, record.id)

    # --- films of a collection -------------------------------------------------------------

    def add_to_collection(
        self, collection_id: int, film_ids: Iterable[int], position: int | None = None
    ) -> Edited[CollectionRecord, tuple[int, ...]]:
        """Add films to a collection, at the end or from a 1-based ``position`` on.

        Films already in it stay where they are. ``before`` holds the previous film ids:
        ``set_collection_films(id, edited.before)`` undoes it.
        """
        wanted = list(dict.fromkeys(film_ids))
        with self._transaction() as session:
            self._load_collection(session, collection_id)
            check_film_ids(session, wanted)
            current = ordered_ids(session, CollectionFilm, collection_id)
            adding = [f for f in wanted if f not in current]
            at = (
                len(current)
                if position is None
                else checked_position(position, len(current) + 1) - 1
            )
            order = current[:at] + adding + current[at:]
            return self._write_films(session, collection_id, current, order)

    def remove_from_collection(
        self, collection_id: int, film_ids: Iterable[int]
    ) -> Edited[CollectionRecord, tuple[int, ...]]:
        """Take films out of a collection (the films stay in the catalog).

        Raises EntryNotFoundError for a film that is not in it. ``before`` as in
        ``add_to_collection``.
        """
        removing = set(film_ids)
        with self._transaction() as session:
            collection = self._load_collection(session, collection_id)
            current = ordered_ids(session, CollectionFilm, collection_id)
            missing = sorted(removing - set(current))
            if missing:
                raise EntryNotFoundError(
                    f"film id {missing[0]} is not in the collection {collection.name!r}"
                )
            order = [f for f in current if f not in removing]
            return self._write_films(session, collection_id, current, order)

    def move_in_collection(
        self, collection_id: int, film_id: int, position: int
    ) -> Edited[CollectionRecord, tuple[int, ...]]:
        """Move a film to a 1-based position in the collection; the others close up."""
        with self._transaction() as session:
            collection = self._load_collection(session, collection_id)
            current = ordered_ids(session, CollectionFilm, collection_id)
            if film_id not in current:
                raise EntryNotFoundError(
                    f"film id {film_id} is not in the collection {collection.name!r}"
                )
            target = checked_position(position, len(current)) - 1
            order = [f for f in current if f != film_id]
            order.insert(target, film_id)
            return self._write_films(session, collection_id, current, order)

    def set_collection_films(
        self, collection_id: int, film_ids: Sequence[int]
    ) -> Edited[CollectionRecord, tuple[int, ...]]:
        """Make the collection hold exactly these films in this order (the undo of every
        change to its films). Ids of films no longer in the catalog are left out."""
        with self._transaction() as session:
            self._load_collection(session, collection_id)
            current = ordered_ids(session, CollectionFilm, collection_id)
            wanted = list(dict.fromkeys(film_ids))
            existing = set(session.scalars(select(Film.id).where(Film.id.in_(wanted))))
            order = [f for f in wanted if f in existing]
            return self._write_films(session, collection_id, current, order)

    # --- comments -----------------------------------------------------------------------

    def add_comment(self, collection_id: int, text: str) -> CommentRecord:
        """Write a dated comment on a collection; undo with ``delete_comment``."""
        cleaned = check_comment_text(text)
        with self._transaction() as session:
            self._load_collection(session, collection_id)
            now = datetime.now(UTC)
            comment = CollectionComment(
                collection_id=collection_id, text=cleaned, created_at=now, updated_at=now
            )
            session.add(comment)
            session.flush()
            return _comment_record(comment)

    def edit_comment(self, comment_id: int, text: str) -> Edited[CommentRecord, CommentRecord]:
        """Change a comment's text (its date of writing stays; ``updated_at`` moves on).

        ``before`` is the comment as it was: ``restore_comment(edited.before)`` undoes it.
        """
        cleaned = check_comment_text(text)
        with self._transaction() as session:
            comment = self._load_comment(session, comment_id)
            before = _comment_record(comment)
            comment.text = cleaned
            comment.updated_at = datetime.now(UTC)
            session.flush()
            return Edited(_comment_record(comment), before)

    def delete_comment(self, comment_id: int) -> CommentRecord:
        """Delete a comment; returns it as it was, for ``restore_comment``."""
        with self._transaction() as session:
            comment = self._load_comment(session, comment_id)
            record = _comment_record(comment)
            session.delete(comment)
            return record

    def restore_comment(self, comment: CommentRecord) -> CommentRecord:
        """Put a comment back exactly as recorded (same id, text and dates), whether it was
        deleted or edited since."""
        with self._transaction() as session:
            self._load_collection(session, comment.collection_id)
            self._put_comment(session, comment)
            session.flush()
            return comment

    # --- imports (inside Catalog.apply_import's transaction) ---------------------------------

    def _import_collections(
        self,
        session: Session,
        incoming: Sequence[IncomingCollection],
        film_of_ref: Mapping[object, int],
    ) -> CollectionsImported:
        """Merge collections from a file: a collection is matched by seed key, then name;
        films it lacks are added at the end, comments it lacks (same text and date) are
        added, and a rating in the file replaces its rating."""
        done = CollectionsImported()
        for item in incoming:
            collection = None
            if item.seed_key:
                collection = session.scalar(
                    select(Collection).where(Collection.seed_key == item.seed_key)
                )
            if collection is None:
                wanted = _key(item.name)
                collection = next(
                    (c for c in session.scalars(select(Collection)) if _key(c.name) == wanted),
                    None,
                )
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
                done.added.append(collection.id)
            if item.rating is not None and rating_of(collection.rating_half_stars) != item.rating:
                if not is_new:
                    done.ratings_before[collection.id] = rating_of(collection.rating_half_stars)
                collection.rating_half_stars = half_stars_of(item.rating)
            current = ordered_ids(session, CollectionFilm, collection.id)
            members = set(current)
            for ref in item.film_refs:
                film_id = film_of_ref.get(ref)
                if film_id is None or film_id in members:
                    continue
                session.add(
                    CollectionFilm(
                        collection_id=collection.id, film_id=film_id, position=len(members)
                    )
                )
                members.add(film_id)
                if not is_new:
                    done.films_added.append((collection.id, film_id))
            known = {
                (c.text, aware(c.created_at))
                for c in session.scalars(
                    select(CollectionComment).where(
                        CollectionComment.collection_id == collection.id
                    )
                )
            }
            for comment in item.comments:
                created = comment.created_at or datetime.now(UTC)
                if (comment.text, created) in known:
                    continue
                row = CollectionComment(
                    collection_id=collection.id,
                    text=comment.text,
                    created_at=created,
                    updated_at=comment.updated_at or created,
                )
                session.add(row)
                session.flush()
                known.add((comment.text, created))
                done.comments_added.append(row.id)
        return done

    # --- internals ----------------------------------------------------------------------

    @staticmethod
    def _put_comment(session: Session, record: CommentRecord) -> None:
        existing = session.get(CollectionComment, record.id)
        if existing is None:
            session.add(
                CollectionComment(
                    id=record.id,
                    collection_id=record.collection_id,
                    text=record.text,
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

    def _write_films(
        self, session: Session, collection_id: int, current: list[int], order: list[int]
    ) -> Edited[CollectionRecord, tuple[int, ...]]:
        kept = set(order)
        for row in session.scalars(
            select(CollectionFilm).where(CollectionFilm.collection_id == collection_id)
        ):
            if row.film_id not in kept:
                session.delete(row)
        present = set(current)
        for film_id in order:
            if film_id not in present:
                session.add(
                    CollectionFilm(collection_id=collection_id, film_id=film_id, position=-1)
                )
        session.flush()
        write_order(session, CollectionFilm, collection_id, order)
        if order != current:
            self._load_collection(session, collection_id).updated_at = datetime.now(UTC)
        session.flush()
        return Edited(self._collection_record(session, collection_id), tuple(current))

    @staticmethod
    def _load_collection(session: Session, collection_id: int) -> Collection:
        collection = session.get(Collection, collection_id)
        if collection is None:
            raise CollectionNotFoundError(f"no collection with id {collection_id}")
        return collection

    @staticmethod
    def _load_comment(session: Session, comment_id: int) -> CollectionComment:
        comment = session.get(CollectionComment, comment_id)
        if comment is None:
            raise CommentNotFoundError(f"no comment with id {comment_id}")
        return comment

    @staticmethod
    def _check_collection_name_free(session: Session, name: str, own_id: int | None) -> None:
        wanted = _key(name)
        for other_id, other in session.execute(select(Collection.id, Collection.name)):
            if other_id != own_id and _key(other) == wanted:
                raise NameTakenError(
                    f"collection name: {name!r} is taken (collection id {other_id}, {other!r})"
                )

    def _collection_record(self, session: Session, collection_id: int) -> CollectionRecord:
        records = self._collection_records(session, collection_id)
        if not records:
            raise CollectionNotFoundError(f"no collection with id {collection_id}")
        return records[0]

    @staticmethod
    def _collection_records(session: Session, only: int | None) -> list[CollectionRecord]:
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


def check_comment_text(text: str) -> str:
    """The text of a comment, checked; ValidationError names the field."""
    try:
        return check_comment(text)
    except ValueError as exc:
        raise ValidationError([FieldProblem("comment", str(exc))]) from None
