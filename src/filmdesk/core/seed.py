"""The curated collection filmdesk ships with: reading it, first-run seeding, and updates.

``data/seed.json`` has a format name and version. Each film and collection carries a stable
``key``; updates match on it, never on titles. Applying the seed is idempotent and remembers
what it wrote (``seed_records``):

* a key never seen before is added;
* a key seen before whose film still exists is updated in place, but only in curated fields the
  user has not changed since the seed last wrote them, and never in the user's own fields
  (rating, watched, notes, tags);
* a key seen before whose film is gone was deleted by the user and stays deleted.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, func, select, text

from filmdesk.core.db import writing
from filmdesk.core.fields import FIELDS, FILM_FIELDS, Group, Kind
from filmdesk.core.validation import ValidationError, clean_film_fields
from filmdesk.paths import seed_path

if TYPE_CHECKING:  # (the ORM: imported when the seed is merged, not at every start)
    from sqlalchemy.orm import Session

    from filmdesk.core.models import Film, SeedRecord

SEED_FORMAT = "filmdesk-seed"
SEED_VERSION = 1
_DIGEST_KEY = "seed_digest"

# Curated fields a seed film provides (the user's own fields are never seeded).
CURATED_FIELDS = tuple(f.name for f in FILM_FIELDS if f.group is Group.CURATED)
COLLECTION_FIELDS = ("name", "description", "source")


class SeedError(ValueError):
    """The seed file is unusable; the message names the file, item and field."""


@dataclass(frozen=True)
class SeedFilm:
    """One film of the seed, validated, with JSON-compatible values."""

    key: str
    values: dict[str, Any]


@dataclass(frozen=True)
class SeedCollection:
    """One collection of the seed."""

    key: str
    values: dict[str, Any]
    film_keys: tuple[str, ...]


@dataclass(frozen=True)
class Seed:
    """A parsed seed file."""

    version: int
    films: tuple[SeedFilm, ...]
    collections: tuple[SeedCollection, ...]
    digest: str


@dataclass(frozen=True)
class SeedResult:
    """What applying the seed changed."""

    added: int = 0
    updated: int = 0
    kept_deleted: int = 0
    skipped_unchanged_file: bool = False

    @property
    def changed(self) -> bool:
        """True when any film was added or updated."""
        return bool(self.added or self.updated)


def default_seed_path() -> Path:
    """The seed shipped with this installation."""
    return seed_path()


def _jsonable(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def load_seed(path: Path) -> Seed:
    """Read and validate a seed file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SeedError(f"{path}: cannot read the seed ({exc.strerror})") from None
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SeedError(f"{path}: not valid UTF-8 JSON ({exc})") from None
    if not isinstance(doc, dict) or doc.get("format") != SEED_FORMAT:
        raise SeedError(f"{path}: not a filmdesk seed (format must be {SEED_FORMAT!r})")
    version = doc.get("version")
    if not isinstance(version, int) or version > SEED_VERSION:
        raise SeedError(f"{path}: seed version {version!r} is not supported (up to {SEED_VERSION})")
    films: list[SeedFilm] = []
    seen: set[str] = set()
    for number, item in enumerate(doc.get("films") or [], start=1):
        key = item.get("key") if isinstance(item, dict) else None
        where = f"{path}: film {number}" + (f" ({key})" if key else "")
        if not isinstance(key, str) or not key.strip():
            raise SeedError(f"{where}: missing 'key'")
        if key in seen:
            raise SeedError(f"{where}: duplicate key {key!r}")
        seen.add(key)
        availability = item.get("availability") or {}
        fields = {
            name: item.get(name)
            for name in CURATED_FIELDS
            if name in item and not name.startswith("availability")
        }
        fields["availability_note"] = availability.get("note", "")
        fields["availability_checked_on"] = availability.get("checked_on")
        fields["imdb_id"] = item.get("imdb_id") or None
        fields["letterboxd_uri"] = item.get("letterboxd_uri") or None
        try:
            cleaned = clean_film_fields(fields)
        except ValidationError as exc:
            raise SeedError(f"{where}: {exc}") from None
        if "title" not in cleaned:
            raise SeedError(f"{where}: missing 'title'")
        # Values as the columns hold them ("" not None for text), so later comparisons with
        # what the catalog holds are exact.
        values = {name: _jsonable(_to_column(name, cleaned.get(name))) for name in CURATED_FIELDS}
        films.append(SeedFilm(key, values))
    collections: list[SeedCollection] = []
    for number, item in enumerate(doc.get("collections") or [], start=1):
        key = item.get("key") if isinstance(item, dict) else None
        where = f"{path}: collection {number}"
        if not isinstance(key, str) or not key.strip():
            raise SeedError(f"{where}: missing 'key'")
        if not str(item.get("name") or "").strip():
            raise SeedError(f"{where} ({key}): missing 'name'")
        unknown = [k for k in item.get("films") or [] if k not in seen]
        if unknown:
            raise SeedError(f"{where} ({key}): unknown film keys {unknown}")
        values = {name: str(item.get(name) or "").strip() for name in COLLECTION_FIELDS}
        collections.append(SeedCollection(key, values, tuple(item.get("films") or ())))
    return Seed(version, tuple(films), tuple(collections), hashlib.sha256(raw).hexdigest())


def _film_value(film: Film, name: str) -> object:
    value = getattr(film, name)
    return _jsonable(list(value) if isinstance(value, list | tuple) else value)


def _to_column(name: str, value: object) -> object:
    """A curated value (checked, or as the seed records keep it) as the film's column holds it."""
    field = FIELDS[name]
    if field.kind is Kind.DATE and isinstance(value, str):
        return date.fromisoformat(value)
    if field.kind is Kind.NAMES:
        return list(value or [])  # type: ignore[call-overload]
    if value is None or (value == "" and field.empty is None):
        return field.empty  # an empty IMDb id is None, an empty description ""
    return value


def apply_seed(engine: Engine, path: Path) -> SeedResult:
    """Bring the catalog up to date with the seed at ``path``, in one transaction."""
    seed = load_seed(path)
    # A look first, in plain SQL: most starts stop here, before the window's first paint,
    # which does without the ORM.
    with engine.connect() as conn:
        kept = conn.execute(
            text("SELECT value FROM catalog_meta WHERE key = :key"), {"key": _DIGEST_KEY}
        ).scalar()
    if kept == seed.digest:
        return SeedResult(skipped_unchanged_file=True)
    from sqlalchemy.orm import Session

    from filmdesk.core.models import CatalogMeta

    # A writer that takes its turn, as every change does (what it reads stays so until it
    # writes; a window keeping search texts waits for it).
    with Session(writing(engine)) as session, session.begin():
        meta = session.get(CatalogMeta, _DIGEST_KEY)
        if meta is not None and meta.value == seed.digest:
            return SeedResult(skipped_unchanged_file=True)
        result = _merge(session, seed)
        if meta is None:
            session.add(CatalogMeta(key=_DIGEST_KEY, value=seed.digest))
        else:
            meta.value = seed.digest
        return result


def _merge(session: Session, seed: Seed) -> SeedResult:
    from filmdesk.core.models import Film, SeedRecord

    records = {(r.kind, r.key): r for r in session.scalars(select(SeedRecord)).all()}
    films = {f.seed_key: f for f in session.scalars(select(Film).where(Film.seed_key.is_not(None)))}
    added = updated = kept_deleted = 0
    new_film_keys: set[str] = set()
    # A catalog seeded before filmdesk kept these records has some with nothing applied: we
    # cannot tell what the user changed there, so such films only get fields that are empty,
    # and a seed film missing from such a catalog was deleted by the user.
    legacy = any(r.seed_version == 0 for r in records.values())
    for item in seed.films:
        record = records.get(("film", item.key))
        film = films.get(item.key)
        if record is None and film is None and legacy:
            session.add(
                SeedRecord(
                    key=item.key, kind="film", applied=item.values, seed_version=seed.version
                )
            )
            kept_deleted += 1
            continue
        if record is None and film is None:
            film = Film(seed_key=item.key, watched=False, notes="")
            for name in CURATED_FIELDS:
                setattr(film, name, _to_column(name, item.values[name]))
            session.add(film)
            films[item.key] = film
            new_film_keys.add(item.key)
            session.add(
                SeedRecord(
                    key=item.key, kind="film", applied=item.values, seed_version=seed.version
                )
            )
            added += 1
            continue
        if film is None:
            kept_deleted += 1  # the user deleted it; respect that
            continue
        previous = record.applied if record is not None else {}
        unknown_history = record is None or record.seed_version == 0
        changed = False
        for name in CURATED_FIELDS:
            current = _film_value(film, name)
            # Only overwrite what still holds the seed's earlier value (the user did not edit it).
            if name in previous and current != previous[name]:
                continue
            if unknown_history and current not in (None, "", []):
                continue
            if current != item.values[name]:
                setattr(film, name, _to_column(name, item.values[name]))
                changed = True
        if record is None:
            session.add(
                SeedRecord(
                    key=item.key, kind="film", applied=item.values, seed_version=seed.version
                )
            )
        else:
            record.applied = dict(item.values)
            record.seed_version = seed.version
        if changed:
            updated += 1
    session.flush()
    for collection_item in seed.collections:
        _merge_collection(session, seed, collection_item, records, films, new_film_keys)
    return SeedResult(added=added, updated=updated, kept_deleted=kept_deleted)


def _merge_collection(
    session: Session,
    seed: Seed,
    item: SeedCollection,
    records: dict[tuple[str, str], SeedRecord],
    films: dict[str | None, Film],
    new_film_keys: set[str],
) -> None:
    from filmdesk.core.models import Collection, CollectionFilm, SeedRecord

    record = records.get(("collection", item.key))
    collection = session.scalar(select(Collection).where(Collection.seed_key == item.key))
    if record is not None and collection is None:
        return  # deleted by the user
    if collection is None:
        collection = Collection(seed_key=item.key, **item.values)
        session.add(collection)
        session.flush()
        session.add(
            SeedRecord(
                key=item.key, kind="collection", applied=item.values, seed_version=seed.version
            )
        )
        members = set[int]()
    else:
        previous = record.applied if record is not None else {}
        for name in COLLECTION_FIELDS:
            if name in previous and getattr(collection, name) != previous[name]:
                continue
            setattr(collection, name, item.values[name])
        if record is None:
            session.add(
                SeedRecord(
                    key=item.key, kind="collection", applied=item.values, seed_version=seed.version
                )
            )
        else:
            record.applied = dict(item.values)
            record.seed_version = seed.version
        members = {
            m
            for m in session.scalars(
                select(CollectionFilm.film_id).where(CollectionFilm.collection_id == collection.id)
            )
        }
    position = session.scalar(
        select(func.coalesce(func.max(CollectionFilm.position), 0)).where(
            CollectionFilm.collection_id == collection.id
        )
    )
    next_position = (position or 0) + 1  # positions count from 1
    # Films join a seeded collection when they are new to this catalog; a film the user took
    # out of the collection is not put back.
    for key in item.film_keys:
        film = films.get(key)
        if film is None or key not in new_film_keys or film.id in members:
            continue
        session.add(
            CollectionFilm(collection_id=collection.id, film_id=film.id, position=next_position)
        )
        next_position += 1
