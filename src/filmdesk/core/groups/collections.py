"""Collections: named, described groups of films with the user's rating and dated comments
(``catalog.collections``). Deleting a collection never deletes a film."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from filmdesk.core.errors import CollectionNotFoundError
from filmdesk.core.groups.collection_ops import (
    AddComment,
    AddToCollection,
    CreateCollection,
    DeleteCollection,
    DeleteComment,
    EditCollection,
    EditComment,
    MoveInCollection,
    RemoveFromCollection,
    RestoreCollection,
    RestoreComment,
    SetCollectionFilms,
    collection_record,
    collection_records,
    comment_record,
    load_collection,
)
from filmdesk.core.models import CollectionComment
from filmdesk.core.names import name_key
from filmdesk.core.operations import Runner
from filmdesk.core.records import CollectionRecord, CommentRecord, DeletedCollection
from filmdesk.core.validation import CollectionFields


class CollectionService:
    """The collections of one catalog."""

    def __init__(self, sessions: Callable[[], Session], run: Runner) -> None:
        self._sessions = sessions
        self._run = run

    # --- reading ------------------------------------------------------------------------

    def all(self) -> list[CollectionRecord]:
        """Every collection with its films in order, its rating and comment count, by id."""
        with self._sessions() as session:
            return collection_records(session)

    def get(self, collection_id: int) -> CollectionRecord:
        """One collection; raises CollectionNotFoundError."""
        with self._sessions() as session:
            return collection_record(session, collection_id)

    def resolve(self, reference: str) -> CollectionRecord:
        """A collection named by numeric id or exact name (any case, spacing ignored).

        Raises CollectionNotFoundError (also when a name is shared, listing the ids).
        """
        text = reference.strip()
        collections = self.all()
        if text.isascii() and text.isdigit():
            found = next((c for c in collections if c.id == int(text)), None)
            if found is not None:
                return found
        matches = [c for c in collections if name_key(c.name) == name_key(text)]
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
            load_collection(session, collection_id)
            rows = session.scalars(
                select(CollectionComment)
                .where(CollectionComment.collection_id == collection_id)
                .order_by(CollectionComment.created_at.desc(), CollectionComment.id.desc())
            )
            return [comment_record(c) for c in rows]

    # --- changing (each an operation, in one transaction) --------------------------------

    def create(self, name: str, description: str = "", source: str = "") -> CollectionRecord:
        """A new, empty collection. Names are unique regardless of case (NameTakenError)."""
        return self._run(CreateCollection(name, description, source)).result

    def edit(self, collection_id: int, fields: CollectionFields) -> CollectionRecord:
        """Change a collection's name, description, source or rating (None clears it)."""
        return self._run(EditCollection(collection_id, fields)).result

    def rename(self, collection_id: int, name: str) -> CollectionRecord:
        """Rename a collection."""
        return self.edit(collection_id, {"name": name})

    def describe(self, collection_id: int, description: str) -> CollectionRecord:
        """Replace a collection's description."""
        return self.edit(collection_id, {"description": description})

    def rate(self, collection_id: int, rating: float | None) -> CollectionRecord:
        """Rate a collection in half stars, 0.5 to 5, or clear the rating with None."""
        return self.edit(collection_id, {"rating": rating})

    def delete(self, collection_id: int) -> DeletedCollection:
        """Delete a collection with its comments; its films stay in the catalog. Returns what
        ``restore`` needs to bring it back."""
        return self._run(DeleteCollection(collection_id)).result

    def restore(self, deleted: DeletedCollection) -> CollectionRecord:
        """Bring a deleted collection back as it was (same id, films, rating, comments)."""
        return self._run(RestoreCollection(deleted)).result

    def add(
        self,
        collection_id: int,
        film_ids: Iterable[int],
        position: int | None = None,
        *,
        skip_present: bool = False,
    ) -> CollectionRecord:
        """Add films at the end or from a 1-based ``position`` on. A film in the collection
        already raises DuplicateEntryError, unless ``skip_present`` leaves it where it is."""
        operation = AddToCollection(collection_id, tuple(film_ids), position, skip_present)
        return self._run(operation).result

    def remove(self, collection_id: int, film_ids: Iterable[int]) -> CollectionRecord:
        """Take films out of a collection (they stay in the catalog); EntryNotFoundError for
        a film that is not in it."""
        return self._run(RemoveFromCollection(collection_id, tuple(film_ids))).result

    def move(self, collection_id: int, film_id: int, position: int) -> CollectionRecord:
        """Move a film to a 1-based position in the collection; the others close up."""
        return self._run(MoveInCollection(collection_id, film_id, position)).result

    def set_films(self, collection_id: int, film_ids: Sequence[int]) -> CollectionRecord:
        """Make the collection hold exactly these films in this order."""
        return self._run(SetCollectionFilms(collection_id, tuple(film_ids))).result

    def add_comment(self, collection_id: int, text: str, author: str = "") -> CommentRecord:
        """Write a dated comment on a collection, signed by ``author`` (may be "")."""
        return self._run(AddComment(collection_id, text, author)).result

    def edit_comment(self, comment_id: int, text: str) -> CommentRecord:
        """Change a comment's text (its date of writing stays; ``updated_at`` moves on)."""
        return self._run(EditComment(comment_id, text)).result

    def delete_comment(self, comment_id: int) -> CommentRecord:
        """Delete a comment; returns it as it was, for ``restore_comment``."""
        return self._run(DeleteComment(comment_id)).result

    def restore_comment(self, comment: CommentRecord) -> CommentRecord:
        """Put a comment back exactly as recorded (same id, text and dates)."""
        return self._run(RestoreComment(comment)).result
