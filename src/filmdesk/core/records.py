"""Plain, immutable records handed to the UI and the CLI (never live ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any, NamedTuple

# The order and names of a film's keys in JSON output (CLI --json and exports build on it).
FILM_JSON_KEYS = (
    "id",
    "title",
    "original_title",
    "year",
    "directors",
    "countries",
    "runtime_minutes",
    "description",
    "fact",
    "trailer_url",
    "availability",
    "rating",
    "watched",
    "watched_on",
    "notes",
    "tags",
)


@dataclass(frozen=True, slots=True)
class FilmRecord:
    """A film as the catalog holds it at one moment."""

    id: int
    title: str
    original_title: str = ""
    year: int | None = None
    directors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    runtime_minutes: int | None = None
    description: str = ""
    fact: str = ""
    trailer_url: str = ""
    availability_note: str = ""
    availability_checked_on: date | None = None
    imdb_id: str | None = None
    letterboxd_uri: str | None = None
    rating: float | None = None
    watched: bool = False
    watched_on: date | None = None
    notes: str = ""
    tags: tuple[str, ...] = ()
    seed_key: str | None = None
    created_at: datetime | None = field(default=None, compare=False)
    updated_at: datetime | None = field(default=None, compare=False)

    @property
    def display_title(self) -> str:
        """Title with the year, as people write it: "The Cranes Are Flying (1957)"."""
        return f"{self.title} ({self.year})" if self.year else self.title

    def to_json(self) -> dict[str, object]:
        """The film as a JSON-ready dict with the documented keys, in order."""
        availability: dict[str, object] | None = None
        if self.availability_note or self.availability_checked_on:
            availability = {
                "note": self.availability_note,
                "checked_on": _iso(self.availability_checked_on),
            }
        values: dict[str, object] = {
            "id": self.id,
            "title": self.title,
            "original_title": self.original_title,
            "year": self.year,
            "directors": list(self.directors),
            "countries": list(self.countries),
            "runtime_minutes": self.runtime_minutes,
            "description": self.description,
            "fact": self.fact,
            "trailer_url": self.trailer_url,
            "availability": availability,
            "rating": self.rating,
            "watched": self.watched,
            "watched_on": _iso(self.watched_on),
            "notes": self.notes,
            "tags": list(self.tags),
        }
        extra: dict[str, object] = {}
        if self.imdb_id:
            extra["imdb_id"] = self.imdb_id
        if self.letterboxd_uri:
            extra["letterboxd_uri"] = self.letterboxd_uri
        return {**{k: values[k] for k in FILM_JSON_KEYS}, **extra}


class FilmRow(NamedTuple):
    """The part of a film a table shows, sorts and filters on; loaded for every film at start.

    Long texts (description, notes) stay in the database until a film is opened; search gets
    them separately (``Catalog.film_texts``). A NamedTuple rather than a frozen dataclass:
    just as immutable, and several times faster to create 100,000 of.
    """

    id: int
    title: str
    original_title: str
    year: int | None
    directors: tuple[str, ...]
    countries: tuple[str, ...]
    rating: float | None
    watched: bool
    watched_on: date | None
    tags: tuple[str, ...]

    @classmethod
    def of(cls, film: FilmRecord) -> FilmRow:
        """The row of a full record."""
        return cls(
            film.id,
            film.title,
            film.original_title,
            film.year,
            film.directors,
            film.countries,
            film.rating,
            film.watched,
            film.watched_on,
            film.tags,
        )

    @property
    def display_title(self) -> str:
        """Title with the year."""
        return f"{self.title} ({self.year})" if self.year else self.title


@dataclass(frozen=True, slots=True)
class DeletedFilm:
    """A deleted film with everything needed to bring it back: its record and memberships."""

    film: FilmRecord
    memberships: tuple[tuple[int, int], ...] = ()  # (collection id, position)


@dataclass(frozen=True, slots=True)
class TagCount:
    """A tag and how many films carry it."""

    name: str
    films: int


@dataclass(frozen=True, slots=True)
class CollectionRecord:
    """A collection and the ids of its films, in order."""

    id: int
    name: str
    description: str
    source: str
    film_ids: tuple[int, ...]
    seed_key: str | None = None


@dataclass(frozen=True, slots=True)
class CatalogStats:
    """Counts shown in status bars and summaries."""

    films: int
    watched: int
    rated: int


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


_VALUE_FIELDS = tuple(f.name for f in fields(FilmRecord))[:-2]  # all but the timestamps


def record_values(film: FilmRecord) -> tuple[Any, ...]:
    """A record as the plain tuple ``Catalog.film_values`` gives (no timestamps)."""
    return tuple(getattr(film, name) for name in _VALUE_FIELDS)
