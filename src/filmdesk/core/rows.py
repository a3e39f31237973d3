"""Turning database rows into records, and the small conversions every part shares."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from filmdesk.core.errors import FilmNotFoundError
from filmdesk.core.folding import fold
from filmdesk.core.models import Film
from filmdesk.core.records import FilmRecord


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
