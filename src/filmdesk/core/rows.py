"""Turning database rows into records, and the small conversions every part shares."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from filmdesk.core.errors import FilmNotFoundError
from filmdesk.core.fields import FIELDS, FILM_FIELDS, FilmField, Kind
from filmdesk.core.folding import fold
from filmdesk.core.records import FilmRecord

if TYPE_CHECKING:  # (the ORM is not imported before the window's first paint: bulk reads)
    from sqlalchemy.orm import Session

    from filmdesk.core.models import Film


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
    values = {
        name: value if read is None else read(value)
        for name, read, value in zip(_STORED_NAMES, _READERS, _get_columns(source), strict=True)
    }
    return FilmRecord(
        id=source.id, tags=tuple(tags), poster=getattr(source, "poster_hash", None), **values
    )


def column_values(record: FilmRecord) -> dict[str, Any]:
    """A record's columns of the films table (``Film`` keyword arguments) but the id: every
    field that has a column, timestamps too; not the tags."""
    return {column: write(getattr(record, name)) for name, column, write in _WRITE_COLUMNS}


def empty_columns() -> dict[str, Any]:
    """What a new film holds in the columns that may not be NULL, but the title and the
    timestamps: each field's empty value (new lists each time)."""
    return {column: write(FIELDS[name].empty) for name, column, write in _EMPTY_COLUMNS}


def _text(value: str | None) -> str:
    return value or ""  # (a text column holding NULL reads as no text)


def _names(value: Sequence[str] | None) -> tuple[str, ...]:
    return tuple(value or ())


def _same(value: Any) -> Any:
    return value


def _reader(field: FilmField) -> Callable[[Any], Any] | None:
    """How a record takes the field from its column; None: as it is."""
    by_kind: dict[Kind, Callable[[Any], Any]] = {
        Kind.NAMES: _names,
        Kind.RATING: rating_of,
        Kind.BOOL: bool,
        Kind.TIMESTAMP: aware,
    }
    return by_kind.get(field.kind, _text if field.empty == "" else None)


def _writer(field: FilmField) -> Callable[[Any], Any]:
    by_kind: dict[Kind, Callable[[Any], Any]] = {Kind.NAMES: list, Kind.RATING: half_stars_of}
    return by_kind.get(field.kind, _same)


# The fields kept in a column of the films table (all but the tags) with their columns, how a
# record reads each (all taken at once: a record is made for every film an edit touches) and
# how each is written back.
_STORED = [(f, f.column) for f in FILM_FIELDS if f.column is not None]
_STORED_NAMES = [f.name for f, _ in _STORED]
_get_columns = attrgetter(*(column for _, column in _STORED))
_READERS = [_reader(f) for f, _ in _STORED]
_WRITE_COLUMNS = [(f.name, column, _writer(f)) for f, column in _STORED]
_EMPTY_COLUMNS = [
    (f.name, column, _writer(f))
    for f, column in _STORED
    if not (f.nullable or f.required or f.kind is Kind.TIMESTAMP)
]


def film_record(film: Film) -> FilmRecord:
    """A frozen record of an ORM film (its tags loaded)."""
    return record_of(film, sorted((t.name for t in film.tags), key=fold))


def film_label(film: Film | FilmRecord) -> str:
    """How messages name a film: title with year."""
    return f"{film.title} ({film.year})" if film.year else film.title


def check_film_ids(session: Session, film_ids: Sequence[int]) -> None:
    """Raise FilmNotFoundError naming the first of these ids that has no film."""
    from filmdesk.core.models import Film

    found = set(session.scalars(select(Film.id).where(Film.id.in_(film_ids))))
    missing = [f for f in film_ids if f not in found]
    if missing:
        raise FilmNotFoundError(f"no film with id {missing[0]}")
