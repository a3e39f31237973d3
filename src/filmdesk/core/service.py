"""What every part of the catalog service shares: sessions, transactions, turning ORM rows into
records, and the errors for things that cannot be found.

``Catalog`` (films, in ``catalog.py``) is assembled from this base and the collections and
screening lists parts (``film_collections.py``, ``screening_lists.py``), so each file stays
about one thing while the GUI and the CLI still talk to one object.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session, sessionmaker

from filmdesk.core.models import CollectionFilm, Film, ListEntry, Tag, film_tags
from filmdesk.core.records import FilmRecord
from filmdesk.core.search import fold
from filmdesk.core.validation import FieldProblem, ValidationError, check_position


class FilmNotFoundError(LookupError):
    """No film matches the given id or title."""


class CollectionNotFoundError(LookupError):
    """No collection matches the given id or name."""


class ScreeningListNotFoundError(LookupError):
    """No screening list matches the given id or name."""


class CommentNotFoundError(LookupError):
    """No comment has the given id."""


class EntryNotFoundError(LookupError):
    """The film is not in the screening list (or the collection)."""


class DuplicateEntryError(ValueError):
    """The film is in the screening list already; a film appears in a list once."""


class NameTakenError(ValueError):
    """Another collection (or screening list) has this name already, in any case."""


def aware(value: datetime | None) -> datetime | None:
    """A timestamp from the database as an aware UTC datetime (SQLite gives naive ones)."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def rating_of(half_stars: int | None) -> float | None:
    """Stars (0.5..5) from the stored half stars."""
    return None if half_stars is None else half_stars / 2


def half_stars_of(rating: float | None) -> int | None:
    """The stored half stars (1..10) of a rating in stars."""
    return None if rating is None else round(rating * 2)


def record_of(source: Any, tags: Sequence[str]) -> FilmRecord:
    """A record from anything with the film columns as attributes (a Film or a result Row)."""
    return FilmRecord(
        id=source.id,
        title=source.title,
        original_title=source.original_title or "",
        year=source.year,
        directors=tuple(source.directors or ()),
        countries=tuple(source.countries or ()),
        runtime_minutes=source.runtime_minutes,
        description=source.description or "",
        fact=source.fact or "",
        trailer_url=source.trailer_url or "",
        availability_note=source.availability_note or "",
        availability_checked_on=source.availability_checked_on,
        imdb_id=source.imdb_id,
        letterboxd_uri=source.letterboxd_uri,
        rating=rating_of(source.rating_half_stars),
        watched=bool(source.watched),
        watched_on=source.watched_on,
        notes=source.notes or "",
        tags=tuple(tags),
        seed_key=source.seed_key,
        created_at=aware(source.created_at),
        updated_at=aware(source.updated_at),
    )


def film_record(film: Film) -> FilmRecord:
    """A frozen record of an ORM film (its tags loaded)."""
    return record_of(film, sorted((t.name for t in film.tags), key=fold))


def film_label(film: Film | FilmRecord) -> str:
    """How messages name a film: title with year."""
    return f"{film.title} ({film.year})" if film.year else film.title


def check_film_ids(session: Session, film_ids: Sequence[int]) -> None:
    """Raise FilmNotFoundError naming the first of these ids that has no film."""
    found = set(session.scalars(select(Film.id).where(Film.id.in_(film_ids))))
    missing = [f for f in film_ids if f not in found]
    if missing:
        raise FilmNotFoundError(f"no film with id {missing[0]}")


def checked_position(position: object, count: int) -> int:
    """A 1-based position (1..count); ValidationError names the field and the value."""
    try:
        return check_position(position, count)
    except ValueError as exc:
        raise ValidationError([FieldProblem("position", str(exc))]) from None


class CatalogBase:
    """Sessions and transactions over one database; the parts of ``Catalog`` build on it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session
            if session.info.pop("tags_changed", False):
                # Once per transaction, not once per film: a tag no film carries goes.
                session.flush()
                self._drop_unused_tags(session)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    @staticmethod
    def _drop_unused_tags(session: Session) -> None:
        session.execute(
            delete(Tag).where(~Tag.id.in_(select(film_tags.c.tag_id).distinct())),
            execution_options={"synchronize_session": False},
        )


# --- ordered members (collection films, list entries) ----------------------------------------
# Both keep their films in ``position`` order without gaps: collections from 0 (as they always
# have), screening lists from 1 (as users count). Lists are short, so orders are worked out in
# Python on the film ids and written back where a position changed.

Ordered = type[CollectionFilm] | type[ListEntry]


def _container(model: Ordered) -> Any:
    return model.collection_id if model is CollectionFilm else model.list_id  # type: ignore[union-attr]


def first_position(model: Ordered) -> int:
    """Where positions start: 0 in collections, 1 in screening lists."""
    return 0 if model is CollectionFilm else 1


def ordered_ids(session: Session, model: Ordered, container_id: int) -> list[int]:
    """The film ids of a collection or list, in order."""
    return list(
        session.scalars(
            select(model.film_id)
            .where(_container(model) == container_id)
            .order_by(model.position, model.film_id)
        )
    )


def write_order(session: Session, model: Ordered, container_id: int, order: Sequence[int]) -> None:
    """Give the rows of a collection or list the positions of ``order``, without gaps.

    Every film in ``order`` must have its row (new rows added to the session already); rows
    not in ``order`` must have been deleted.
    """
    found: Iterable[Any] = session.scalars(select(model).where(_container(model) == container_id))
    rows = {row.film_id: row for row in found}
    for position, film_id in enumerate(order, start=first_position(model)):
        row = rows[film_id]
        if row.position != position:
            row.position = position


def close_gaps(session: Session, model: Ordered, container_ids: Iterable[int]) -> None:
    """Renumber collections or lists after rows were deleted (by a cascade, say)."""
    session.flush()
    for container_id in sorted(set(container_ids)):
        write_order(session, model, container_id, ordered_ids(session, model, container_id))


def insertion_order(
    current: list[int], placements: Iterable[tuple[int, int]], first: int
) -> list[int]:
    """``current`` with films put back at their former positions: (film id, position) pairs.

    Placed from the lowest position up, each one lands where it was as long as the films
    around it are still there; a position past the end puts the film at the end.
    """
    order = list(current)
    for film_id, position in sorted(placements, key=lambda p: p[1]):
        if film_id in order:
            continue
        order.insert(min(max(position - first, 0), len(order)), film_id)
    return order
