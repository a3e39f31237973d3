"""The catalog service: one method per user action, one transaction each.

The GUI and the CLI call only this. Methods take and return plain values and frozen records;
no ORM object ever leaves a method.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import chain, repeat
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.orm import Session, selectinload

from filmdesk.core.db import MigrationResult, backup_sqlite, open_database, sqlite_path
from filmdesk.core.exchange import (
    FilmBatch,
    ImportPlan,
    Progress,
    UnreadableFileError,
    collector_paused,
)
from filmdesk.core.film_collections import CollectionsMixin
from filmdesk.core.models import Base, Collection, CollectionFilm, Film, ListEntry, Tag, film_tags
from filmdesk.core.records import (
    CatalogStats,
    DeletedFilm,
    FilmRecord,
    FilmRow,
    TagCount,
)
from filmdesk.core.screening_lists import ScreeningListsMixin, entry_record
from filmdesk.core.search import (
    SearchIndex,
    fold,
    parse_query,
    sort_films,
    title_sort_keys,
)
from filmdesk.core.service import (
    CatalogBase,
    CollectionNotFoundError,
    CommentNotFoundError,
    DuplicateEntryError,
    EntryNotFoundError,
    FilmNotFoundError,
    NameTakenError,
    ScreeningListNotFoundError,
    aware,
    close_gaps,
    film_label,
    film_record,
    insertion_order,
    ordered_ids,
    rating_of,
    write_order,
)
from filmdesk.core.validation import FieldProblem, FilmFields, ValidationError, clean_film_fields


class AmbiguousFilmError(LookupError):
    """Several films match a title; ``candidates`` lists them."""

    def __init__(self, reference: str, candidates: Sequence[FilmRecord]) -> None:
        self.reference = reference
        self.candidates = tuple(candidates)
        listed = "; ".join(f"id {f.id}: {f.display_title}" for f in self.candidates)
        super().__init__(f"{reference!r} matches {len(self.candidates)} films ({listed})")


IMPORT_PIECE = 5000
REBUILD_INDEXES_FROM = 10_000
# SQLite's page cache for such a large import (KiB): the new rows stay in memory until the
# commit, and the indexes are rebuilt from memory rather than read back from the WAL file.
IMPORT_CACHE_KIB = 128 * 1024
# _insert_films writes these, in this order.
_INSERT_COLUMNS = (
    "id",
    "seed_key",
    "title",
    "sort_title",
    "original_title",
    "year",
    "directors",
    "countries",
    "runtime_minutes",
    "description",
    "fact",
    "trailer_url",
    "availability_note",
    "availability_checked_on",
    "imdb_id",
    "letterboxd_uri",
    "rating_half_stars",
    "watched",
    "watched_on",
    "notes",
    "created_at",
    "updated_at",
)

# Nullable columns without a default: an INSERT that leaves one out makes it NULL.
_NULL_WHEN_LEFT_OUT = frozenset(
    {
        "seed_key",
        "year",
        "runtime_minutes",
        "availability_checked_on",
        "imdb_id",
        "letterboxd_uri",
        "rating_half_stars",
        "watched_on",
    }
)
# Of those, the ones where '' is never a value (validation makes an empty value None). The
# sqlite3 module binds None slowly (it looks for an adapter each time; a third of a large
# import's insert time), so _bulk_insert leaves out a column that is all NULL and sends the
# NULLs of these as '' for NULLIF to turn back.
_NEVER_EMPTY = _NULL_WHEN_LEFT_OUT - {"seed_key"}  # (a backup may hold any seed key)
_NULL_AS_EMPTY: dict[object, object] = {None: ""}

# Errors the service raises, importable from here as before.
__all__ = [
    "AmbiguousFilmError",
    "Catalog",
    "CollectionNotFoundError",
    "CommentNotFoundError",
    "DuplicateEntryError",
    "EntryNotFoundError",
    "FilmNotFoundError",
    "ImportResult",
    "NameTakenError",
    "OpenedCatalog",
    "ScreeningListNotFoundError",
    "film_label",
    "film_record",
    "open_catalog",
]


@dataclass(frozen=True)
class ImportResult:
    """What an applied import changed, and the backup written before it.

    Enough to undo it: delete the lists in ``lists_added`` (``delete_list``), take the
    ``list_entries_added`` (list id, film id) out of lists that were there before
    (``remove_from_list``), delete ``comments_added``, put back ``collection_ratings_before``,
    take ``collection_films_added`` (collection id, film id) out, delete
    ``collections_added``, then the films in ``added`` and the old values of ``updated``.
    """

    added: list[int]
    updated: list[int]
    backup: Path | None
    lists_added: list[int] = field(default_factory=list)
    list_entries_added: list[tuple[int, int]] = field(default_factory=list)
    collections_added: list[int] = field(default_factory=list)
    collection_films_added: list[tuple[int, int]] = field(default_factory=list)
    comments_added: list[int] = field(default_factory=list)
    collection_ratings_before: dict[int, float | None] = field(default_factory=dict)


@dataclass(frozen=True)
class OpenedCatalog:
    """What ``open_catalog`` did besides opening: schema migration and seeding."""

    catalog: Catalog
    migration: MigrationResult
    seeded: bool


_MISSING = object()


class _NameCache:
    """Shares equal values between records read in bulk (100,000 films have few distinct
    directors, tag sets or watch dates), and turns driver values into Python ones."""

    def __init__(self) -> None:
        self._json: dict[str | None, tuple[str, ...]] = {}
        self._dates: dict[object, date | None] = {None: None}

    def date(self, value: object) -> date | None:
        """A date from the driver (ISO text on SQLite), shared between equal dates."""
        parsed = self._dates.get(value, _MISSING)
        if parsed is _MISSING:
            parsed = date.fromisoformat(value) if isinstance(value, str) else value
            self._dates[value] = parsed  # type: ignore[assignment]
        return parsed  # type: ignore[return-value]

    def names(self, raw: str | list[str] | None) -> tuple[str, ...]:
        if isinstance(raw, list):  # a driver that decodes JSON itself
            return tuple(raw)
        value = self._json.get(raw)
        if value is None:
            parsed = json.loads(raw) if raw else []
            value = tuple(str(name) for name in parsed) if isinstance(parsed, list) else ()
            self._json[raw] = value
        return value


class Catalog(CollectionsMixin, ScreeningListsMixin, CatalogBase):
    """The film catalog behind one database: films here, collections and screening lists in
    their own parts (``film_collections.py``, ``screening_lists.py``)."""

    # --- reading ------------------------------------------------------------------------

    @staticmethod
    def _cursor(conn: Connection) -> Any:
        # Plain, portable SQL on the DB-API cursor for bulk reads: SQLAlchemy's per-row result
        # handling costs more than the query itself at 100,000 films. Callers normalise the
        # values (SQLite gives text for dates and JSON, PostgreSQL gives objects).
        return conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]

    def _tags_by_film(self, conn: Connection, where: str = "") -> dict[int, tuple[str, ...]]:
        """Each tagged film's tags in display order; equal tag sets are one shared tuple."""
        cursor = self._cursor(conn)
        try:
            cursor.execute("SELECT id, key, name FROM tags")
            tags = {tag_id: (key, name) for tag_id, key, name in cursor.fetchall()}
            # The link table alone, in its key order (no join, no sort): on SQLite one row per
            # film with its tag ids joined, elsewhere a row per link.
            if conn.dialect.name == "sqlite":
                cursor.execute(
                    f"SELECT film_id, group_concat(tag_id) FROM film_tags {where} GROUP BY film_id"
                )
                per_film = cursor.fetchall()
            else:
                cursor.execute(
                    f"SELECT film_id, tag_id FROM film_tags {where} ORDER BY film_id, tag_id"
                )
                ids_of: defaultdict[int, list[int]] = defaultdict(list)
                for film_id, tag_id in cursor.fetchall():
                    ids_of[film_id].append(tag_id)
                per_film = [(film_id, ",".join(map(str, ids))) for film_id, ids in ids_of.items()]
        finally:
            cursor.close()
        named: dict[str, tuple[str, ...]] = {}

        def names(tag_ids: str) -> tuple[str, ...]:  # tags.key is the folded name: display order
            found = sorted(tags[int(tag_id)] for tag_id in tag_ids.split(","))
            return tuple(name for _, name in found)

        result = {}
        for film_id, tag_ids in per_film:
            shared = named.get(tag_ids)
            if shared is None:
                shared = named[tag_ids] = names(tag_ids)
            result[film_id] = shared
        return result

    @collector_paused()
    def all_films(self, *, timestamps: bool = False) -> list[FilmRecord]:
        """Every film, in id order, as records (two queries, however many films).

        Records carry created/updated timestamps only when asked (reading them costs time).
        """
        values = self.film_values()
        if not timestamps:
            return [FilmRecord(*film) for film in values]
        with self.engine.connect() as conn:
            stamps = {
                film_id: (aware(created), aware(changed))
                for film_id, created, changed in conn.execute(
                    select(Film.id, Film.created_at, Film.updated_at)
                )
            }
        no_stamps = (None, None)
        return [
            FilmRecord(*film, *stamps.get(film[0], no_stamps))  # type: ignore[call-arg]
            for film in values
        ]

    def film_values(self, film_ids: Sequence[int] | None = None) -> list[tuple[Any, ...]]:
        """Films as plain tuples in FilmRecord's field order, without the timestamps
        (``FilmRecord(*values)`` makes the record). See ``film_columns``."""
        columns = self.film_columns(film_ids)
        return list(zip(*columns.values(), strict=True))

    @collector_paused()
    def film_columns(self, film_ids: Sequence[int] | None = None) -> dict[str, list[Any]]:
        """Films column by column: FilmRecord's field names (but the timestamps) -> values.

        For exports of many films, where a record for each would cost more than writing the
        file. In id order, or in the order of ``film_ids`` (a missing id raises
        FilmNotFoundError). Equal names, tag sets and dates are shared between films.
        """
        select_films = (
            "SELECT id, title, original_title, year, directors, countries,"
            " runtime_minutes, description, fact, trailer_url, availability_note,"
            " availability_checked_on, imdb_id, letterboxd_uri, rating_half_stars,"
            " watched, watched_on, notes, seed_key FROM films"
        )
        with self.engine.connect() as conn:
            cursor = self._cursor(conn)
            try:
                if film_ids is None:
                    tags = self._tags_by_film(conn)
                    cursor.execute(select_films + " ORDER BY id")
                    rows = cursor.fetchall()
                else:
                    wanted = list(dict.fromkeys(film_ids))
                    tags, rows = {}, []
                    for start in range(0, len(wanted), 500):  # within SQL parameter limits
                        some = ", ".join(str(int(i)) for i in wanted[start : start + 500])
                        tags |= self._tags_by_film(conn, f"WHERE film_tags.film_id IN ({some})")
                        cursor.execute(f"{select_films} WHERE id IN ({some})")
                        rows += cursor.fetchall()
            finally:
                cursor.close()
        if film_ids is not None:
            by_id = {row[0]: row for row in rows}
            missing = [i for i in film_ids if i not in by_id]
            if missing:
                raise FilmNotFoundError(f"no film with id {missing[0]}")
            rows = [by_id[i] for i in film_ids]
        names = _NameCache()
        raw = list(zip(*rows, strict=True)) or [()] * 19
        ids = list(raw[0])
        no_tags: tuple[str, ...] = ()

        def each(values: Sequence[Any], convert: Callable[[Any], Any]) -> list[Any]:
            done = {value: convert(value) for value in set(values)}
            return list(map(done.__getitem__, values))

        return {
            "id": ids,
            "title": list(raw[1]),
            "original_title": list(raw[2]),
            "year": list(raw[3]),
            "directors": each(raw[4], names.names),
            "countries": each(raw[5], names.names),
            "runtime_minutes": list(raw[6]),
            "description": list(raw[7]),
            "fact": list(raw[8]),
            "trailer_url": list(raw[9]),
            "availability_note": list(raw[10]),
            "availability_checked_on": each(raw[11], names.date),
            "imdb_id": list(raw[12]),
            "letterboxd_uri": list(raw[13]),
            "rating": each(raw[14], rating_of),
            "watched": each(raw[15], bool),
            "watched_on": each(raw[16], names.date),
            "notes": list(raw[17]),
            "tags": [tags.get(film_id, no_tags) for film_id in ids],
            "seed_key": list(raw[18]),
        }

    def film_rows(self) -> list[FilmRow]:
        """Every film as a lean row (what the table needs), in id order; fast for 100,000 films."""
        return self._film_rows("ORDER BY films.id", "")

    def first_film_rows(self, limit: int) -> list[FilmRow]:
        """The first ``limit`` films in title order: enough to show a window at once."""
        return self._film_rows(
            f"ORDER BY films.sort_title, films.id LIMIT {int(limit)}",
            f"WHERE film_tags.film_id IN (SELECT id FROM films ORDER BY sort_title, id"
            f" LIMIT {int(limit)})",
        )

    def _film_rows(self, order_and_limit: str, tag_filter: str) -> list[FilmRow]:
        with self.engine.connect() as conn:
            tags = self._tags_by_film(conn, tag_filter)
            cursor = self._cursor(conn)
            try:
                cursor.execute(
                    "SELECT id, title, original_title, year, directors, countries,"
                    f" rating_half_stars, watched, watched_on FROM films {order_and_limit}"
                )
                names = _NameCache()
                no_tags: tuple[str, ...] = ()
                ratings: dict[int | None, float | None] = {None: None}
                ratings.update({half: half / 2 for half in range(1, 11)})
                result: list[FilmRow] = []
                # In pieces: the raw rows of one piece are freed before the next is read.
                while chunk := cursor.fetchmany(5000):
                    result += [
                        FilmRow(
                            film_id,
                            title,
                            original_title or "",
                            year,
                            names.names(directors),
                            names.names(countries),
                            ratings[half_stars],
                            bool(watched),
                            names.date(watched_on),
                            tags.get(film_id, no_tags),
                        )
                        for (
                            film_id,
                            title,
                            original_title,
                            year,
                            directors,
                            countries,
                            half_stars,
                            watched,
                            watched_on,
                        ) in chunk
                    ]
            finally:
                cursor.close()
        return result

    def film_texts(self, after_id: int = 0, limit: int = 5000) -> list[tuple[int, str, str]]:
        """(id, notes, description) of up to ``limit`` films with ids above ``after_id``.

        Lets a window index long texts in small steps after it has appeared.
        """
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(Film.id, Film.notes, Film.description)
                .where(Film.id > after_id)
                .order_by(Film.id)
                .limit(limit)
            ).all()
        return [(film_id, notes or "", description or "") for film_id, notes, description in rows]

    def get_films(self, film_ids: Iterable[int]) -> list[FilmRecord]:
        """Several films by id, in the order asked; raises FilmNotFoundError for a missing one."""
        ids = list(film_ids)
        with self._sessions() as session:
            found = {
                f.id: film_record(f)
                for f in session.scalars(
                    select(Film).where(Film.id.in_(ids)).options(selectinload(Film.tags))
                )
            }
        missing = [i for i in ids if i not in found]
        if missing:
            raise FilmNotFoundError(f"no film with id {missing[0]}")
        return [found[i] for i in ids]

    def list_films(self, search: str = "", sort: str = "title") -> list[FilmRecord]:
        """Films matching the search query (see ``filmdesk.core.search``), sorted.

        Raises ``QueryError`` for a term it cannot understand and ``ValueError`` for an unknown
        sort field, before reading anything.
        """
        query = parse_query(search)
        sort_films((), sort)  # validate the sort spec up front
        films = self.all_films()
        if not query.is_empty:
            films = [films[i] for i in query.run(SearchIndex.of(films))]
        return sort_films(films, sort)

    def get_film(self, film_id: int) -> FilmRecord:
        """The film with this id; raises FilmNotFoundError."""
        with self._sessions() as session:
            return film_record(self._load(session, film_id))

    def resolve_film(self, reference: str) -> FilmRecord:
        """A film named by numeric id or exact title (any case; original title also accepted).

        Raises FilmNotFoundError, or AmbiguousFilmError listing the candidates.
        """
        text = reference.strip()
        if text.isascii() and text.isdigit():
            try:
                return self.get_film(int(text))
            except FilmNotFoundError:
                pass
        wanted = fold(" ".join(text.split()))
        films = self.all_films()
        for attribute in ("title", "original_title", "display_title"):
            matches = [f for f in films if fold(getattr(f, attribute)) == wanted]
            if len(matches) == 1:
                return matches[0]
            if matches:
                raise AmbiguousFilmError(reference, matches)
        raise FilmNotFoundError(f"no film with the id or title {reference!r}")

    def tag_counts(self) -> list[TagCount]:
        """Every tag with the number of films carrying it, by name."""
        with self._sessions() as session:
            rows = session.execute(
                select(Tag.name, func.count(film_tags.c.film_id))
                .join(film_tags, film_tags.c.tag_id == Tag.id)
                .group_by(Tag.id, Tag.name)
            ).all()
        return sorted((TagCount(name, count) for name, count in rows), key=lambda t: fold(t.name))

    def stats(self) -> CatalogStats:
        """How many films there are, watched and rated."""
        with self._sessions() as session:
            films, watched, rated = session.execute(
                select(
                    func.count(Film.id),
                    func.count(Film.id).filter(Film.watched.is_(True)),
                    func.count(Film.rating_half_stars),
                )
            ).one()
        return CatalogStats(films=films, watched=watched, rated=rated)

    # --- writing ------------------------------------------------------------------------

    def add_film(self, fields: FilmFields) -> FilmRecord:
        """Add a film; ``title`` is required. Returns the stored film."""
        if "title" not in fields:
            raise ValidationError([FieldProblem("title", "a title is required")])
        cleaned = clean_film_fields(fields)
        with self._transaction() as session:
            film = self._new_film(session, cleaned)
            session.flush()
            return film_record(film)

    def edit_film(
        self,
        film_id: int,
        fields: FilmFields,
        *,
        add_tags: Iterable[str] = (),
        remove_tags: Iterable[str] = (),
    ) -> FilmRecord:
        """Change any of a film's fields in one step; all are validated before any is written.

        ``add_tags`` and ``remove_tags`` adjust the tags (after ``fields["tags"]``, if given).
        """
        with self._transaction() as session:
            film = self._load(session, film_id)
            self._edit(session, film, fields, add_tags, remove_tags)
            session.flush()
            return film_record(film)

    def rate(self, film_id: int, rating: float | None) -> FilmRecord:
        """Set (or with None, clear) the user's rating in half stars, 0.5 to 5."""
        return self.edit_film(film_id, {"rating": rating})

    def set_watched(self, film_id: int, watched: bool, on: date | None = None) -> FilmRecord:
        """Mark a film watched (optionally on a date) or not watched (which clears the date)."""
        fields: FilmFields = {"watched": watched}
        if watched and on is not None:
            fields["watched_on"] = on
        return self.edit_film(film_id, fields)

    def set_notes(self, film_id: int, notes: str) -> FilmRecord:
        """Replace the user's notes on a film."""
        return self.edit_film(film_id, {"notes": notes})

    def set_tags(self, film_id: int, tags: Iterable[str]) -> FilmRecord:
        """Replace a film's tags."""
        return self.edit_film(film_id, {"tags": list(tags)})

    def change_tags(
        self, film_ids: Iterable[int], add: Iterable[str] = (), remove: Iterable[str] = ()
    ) -> list[FilmRecord]:
        """Add and remove tags on several films in one transaction."""
        adding, removing = list(add), list(remove)
        with self._transaction() as session:
            films = [self._load(session, film_id) for film_id in film_ids]
            for film in films:
                self._edit(session, film, {}, adding, removing)
            session.flush()
            return [film_record(film) for film in films]

    def edit_films(self, changes: Mapping[int, FilmFields]) -> list[FilmRecord]:
        """Apply different field changes to several films in one transaction (all or none)."""
        with self._transaction() as session:
            films = [self._load(session, film_id) for film_id in changes]
            for film in films:
                self._edit(session, film, changes[film.id], (), ())
            session.flush()
            return [film_record(film) for film in films]

    def delete_film(self, film_id: int) -> FilmRecord:
        """Delete a film and return it as it was."""
        return self.delete_films([film_id])[0].film

    def delete_films(self, film_ids: Iterable[int]) -> list[DeletedFilm]:
        """Delete films in one transaction; returns what ``restore_films`` needs to undo it.

        The films leave their collections and screening lists, which close up behind them.
        """
        ids = list(dict.fromkeys(film_ids))
        with self._transaction() as session:
            films = [self._load(session, film_id) for film_id in ids]
            memberships: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
            entries: defaultdict[int, list[ListEntry]] = defaultdict(list)
            for start in range(0, len(ids), 500):
                piece = ids[start : start + 500]
                for collection_id, film_id, position in session.execute(
                    select(
                        CollectionFilm.collection_id,
                        CollectionFilm.film_id,
                        CollectionFilm.position,
                    ).where(CollectionFilm.film_id.in_(piece))
                ):
                    memberships[film_id].append((collection_id, position))
                for entry in session.scalars(select(ListEntry).where(ListEntry.film_id.in_(piece))):
                    entries[entry.film_id].append(entry)
            deleted = []
            for film in films:
                record = film_record(film)
                deleted.append(
                    DeletedFilm(
                        record,
                        tuple(sorted(memberships[film.id])),
                        tuple(
                            entry_record(e, record)
                            for e in sorted(entries[film.id], key=lambda e: e.list_id)
                        ),
                    )
                )
                session.delete(film)
            session.flush()
            close_gaps(session, CollectionFilm, {c for m in memberships.values() for c, _ in m})
            close_gaps(session, ListEntry, {e.list_id for es in entries.values() for e in es})
            self._drop_unused_tags(session)
            return deleted

    def restore_films(self, deleted: Iterable[DeletedFilm]) -> list[FilmRecord]:
        """Bring deleted films back as they were: same id, every field, tags, and their places
        in collections and screening lists (with dates, notes and screening log) where those
        still exist."""
        items = list(deleted)
        with self._transaction() as session:
            restored = []
            for item in items:
                record = item.film
                if session.get(Film, record.id) is not None:
                    raise ValueError(f"film id {record.id} exists already; cannot restore it")
                film = Film(
                    id=record.id,
                    seed_key=record.seed_key,
                    title=record.title,
                    original_title=record.original_title,
                    year=record.year,
                    directors=list(record.directors),
                    countries=list(record.countries),
                    runtime_minutes=record.runtime_minutes,
                    description=record.description,
                    fact=record.fact,
                    trailer_url=record.trailer_url,
                    availability_note=record.availability_note,
                    availability_checked_on=record.availability_checked_on,
                    imdb_id=record.imdb_id,
                    letterboxd_uri=record.letterboxd_uri,
                    rating_half_stars=None if record.rating is None else round(record.rating * 2),
                    watched=record.watched,
                    watched_on=record.watched_on,
                    notes=record.notes,
                    created_at=record.created_at,
                    updated_at=record.updated_at,
                )
                film.tags = self._tags(session, record.tags)
                session.add(film)
                restored.append(film)
            session.flush()
            self._place_in_collections(session, items)
            self._place_entries(session, [e for item in items for e in item.list_entries])
            session.flush()
            return [film_record(film) for film in restored]

    @staticmethod
    def _place_in_collections(session: Session, items: Sequence[DeletedFilm]) -> None:
        placements: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
        for item in items:
            for collection_id, position in item.memberships:
                placements[collection_id].append((item.film.id, position))
        existing = set(session.scalars(select(Collection.id)))
        for collection_id, wanted in sorted(placements.items()):
            if collection_id not in existing:
                continue
            current = ordered_ids(session, CollectionFilm, collection_id)
            adding = [(f, p) for f, p in wanted if f not in current]
            for film_id, _position in adding:
                session.add(
                    CollectionFilm(collection_id=collection_id, film_id=film_id, position=-1)
                )
            session.flush()
            write_order(session, CollectionFilm, collection_id, insertion_order(current, adding, 0))

    @collector_paused()
    def apply_import(
        self,
        plan: ImportPlan,
        *,
        skip_bad_rows: bool = False,
        progress: Progress | None = None,
    ) -> ImportResult:
        """Apply a planned import in one transaction, after backing up a SQLite catalog.

        With problems in the plan, nothing is written unless ``skip_bad_rows`` is given (the
        rows with problems were left out of the plan already).
        """
        if plan.problems and not skip_bad_rows:
            raise UnreadableFileError(plan.problems)
        backup = None
        path = sqlite_path(self.engine.url)
        if path is not None and (plan.new or plan.updates or plan.lists):
            backup = backup_sqlite(path, "before-import")
        with self._transaction() as session:
            film_of_ref = dict(plan.matched_refs)
            total = len(plan.new) + len(plan.updates)
            # Many new films at once: building the films indexes afterwards, in one sorted
            # pass, is quicker than growing them a row at a time (this is one transaction, so
            # a failure or Cancel brings the indexes back too).
            indexes = [
                *Base.metadata.tables["films"].indexes,
                *Base.metadata.tables["film_tags"].indexes,
            ]
            rebuild = len(plan.new) >= REBUILD_INDEXES_FROM and len(plan.new) > (
                session.scalar(select(func.count(Film.id))) or 0
            )
            if rebuild:
                with self._large_cache(session.connection()):
                    for index in indexes:
                        index.drop(session.connection())
                    added = self._insert_pieces(session, plan.new, total, progress)
                    for index in indexes:
                        index.create(session.connection())
            else:
                added = self._insert_pieces(session, plan.new, total, progress)
            updated = []
            for number, (film_id, incoming) in enumerate(plan.updates):
                if progress is not None and number % IMPORT_PIECE == 0:
                    progress(len(plan.new) + number, total)
                film = self._load(session, film_id)
                self._apply(session, film, incoming.fields)
                updated.append(film.id)
            session.flush()
            for ref, film_id in zip(plan.new.refs(), added, strict=True):
                if ref is not None:
                    film_of_ref[ref] = film_id
            for ref, first in plan.same_refs.items():
                if first in film_of_ref:
                    film_of_ref[ref] = film_of_ref[first]
            collections = self._import_collections(session, plan.collections, film_of_ref)
            lists_added, entries_added = self._import_lists(session, plan.lists, film_of_ref)
            session.flush()
            return ImportResult(
                added=added,
                updated=updated,
                backup=backup,
                lists_added=lists_added,
                list_entries_added=entries_added,
                collections_added=collections.added,
                collection_films_added=collections.films_added,
                comments_added=collections.comments_added,
                collection_ratings_before=collections.ratings_before,
            )

    def _insert_pieces(
        self, session: Session, films: FilmBatch, total: int, progress: Progress | None
    ) -> list[int]:
        """New films in pieces, so progress can be shown and a Cancel (ImportCancelled raised
        by ``progress``) rolls everything back."""
        added: list[int] = []
        for start in range(0, len(films), IMPORT_PIECE):
            if progress is not None:
                progress(start, total)
            added += self._insert_films(session, films[start : start + IMPORT_PIECE])
        return added

    @staticmethod
    @contextmanager
    def _large_cache(connection: Connection) -> Iterator[None]:
        """A page cache of IMPORT_CACHE_KIB for a large import on SQLite, then as it was."""
        if connection.dialect.name != "sqlite":
            yield
            return
        previous = int(connection.exec_driver_sql("PRAGMA cache_size").scalar() or -2000)
        connection.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
        try:
            yield
        finally:
            connection.exec_driver_sql(f"PRAGMA cache_size = {previous}")

    def _insert_films(self, session: Session, films: FilmBatch) -> list[int]:
        """New films in bulk: column by column, then plain tuples on the DB-API cursor."""
        count = len(films)
        if not count:
            return []
        now = datetime.now(UTC)
        # Ids are given here rather than read back: RETURNING over many rows is slow, and this
        # transaction holds the write lock, so no one else takes them.
        first_id = (session.scalar(select(func.max(Film.id))) or 0) + 1
        ids = range(first_id, first_id + count)
        connection = session.connection()
        sqlite = connection.dialect.name == "sqlite"

        def converted(name: str, convert: Callable[[Any], Any]) -> list[Any]:
            # Values repeat a lot (names, dates, ratings): each distinct one converted once.
            values = films.column(name)
            if name in ("directors", "countries"):
                keys: list[tuple[str, ...]] = list(map(tuple, values))
                done = {key: convert(list(key)) for key in set(keys)}
                return list(map(done.__getitem__, keys))
            done = {value: convert(value) for value in set(values)}
            return list(map(done.__getitem__, values))

        # SQLite keeps dates, timestamps and JSON as text, written the way SQLAlchemy does.
        def day(value: date | None) -> Any:
            return value.isoformat() if sqlite and value is not None else value

        def stamp(value: object) -> Any:
            # A time without a zone is UTC (as filmdesk writes them), not local time.
            moment = aware(value) if isinstance(value, datetime) else None
            moment = moment.astimezone(UTC) if moment is not None else now
            return moment.strftime("%Y-%m-%d %H:%M:%S.%f") if sqlite else moment

        watched_on = films.column("watched_on")
        # A watch date means watched. (As 1 and 0 on SQLite: the sqlite3 module binds a bool
        # slowly, like None.)
        yes, no = (1, 0) if sqlite else (True, False)
        watched = [
            yes if flag or on is not None else no
            for flag, on in zip(films.column("watched"), watched_on, strict=True)
        ]
        seed_keys: list[object] = [None] * count
        created: list[object] = [stamp(now)] * count
        changed = list(created)
        extras = films.extras()
        if any(extras):
            taken = set(session.scalars(select(Film.seed_key).where(Film.seed_key.is_not(None))))
            for at, extra in enumerate(extras):
                if not extra:
                    continue
                seed_key = extra.get("seed_key")
                if isinstance(seed_key, str) and seed_key not in taken:
                    taken.add(seed_key)
                    seed_keys[at] = seed_key
                if "created_at" in extra:
                    created[at] = stamp(extra["created_at"])
                if "updated_at" in extra:
                    changed[at] = stamp(extra["updated_at"])
        titles = films.column("title")
        columns = (
            ids,
            seed_keys,
            titles,
            title_sort_keys(titles),
            films.column("original_title"),
            films.column("year"),
            converted("directors", json.dumps if sqlite else list),
            converted("countries", json.dumps if sqlite else list),
            films.column("runtime_minutes"),
            films.column("description"),
            films.column("fact"),
            films.column("trailer_url"),
            films.column("availability_note"),
            converted("availability_checked_on", day),
            films.column("imdb_id"),
            films.column("letterboxd_uri"),
            converted("rating", lambda r: None if r is None else round(r * 2)),
            watched,
            converted("watched_on", day),
            films.column("notes"),
            created,
            changed,
        )
        self._bulk_insert(
            connection, "films", _INSERT_COLUMNS, columns, _NULL_WHEN_LEFT_OUT, _NEVER_EMPTY
        )
        tag_names = list(map(tuple, films.column("tags")))
        wanted = dict.fromkeys(tag_names)  # in file order: a new tag takes its first spelling
        wanted.pop((), None)
        if wanted:
            # Each set of tag names is looked up once per import (the pieces share the answer).
            ids_of: dict[tuple[str, ...], list[int]] = session.info.setdefault("tag_ids_of", {})
            if missing := [names for names in wanted if names not in ids_of]:
                tags_of = {names: self._tags(session, names) for names in missing}
                session.flush()  # new tags get their ids
                ids_of.update((names, [tag.id for tag in tags]) for names, tags in tags_of.items())
            ids_of[()] = []
            tag_ids = list(map(ids_of.__getitem__, tag_names))
            self._bulk_insert(
                connection,
                "film_tags",
                ("film_id", "tag_id"),
                [  # each film's id as many times as it has tags, beside those tags' ids
                    list(chain.from_iterable(map(repeat, ids, map(len, tag_ids)))),
                    list(chain.from_iterable(tag_ids)),
                ],
            )
        return list(ids)

    @staticmethod
    def _bulk_insert(
        connection: Connection,
        table: str,
        names: Sequence[str],
        columns: Sequence[Sequence[Any]],
        null_when_left_out: frozenset[str] = frozenset(),
        never_empty: frozenset[str] = frozenset(),
    ) -> None:
        """Insert rows given column by column. On SQLite, a column of ``null_when_left_out``
        that is all NULL is left out, and the NULLs of a ``never_empty`` column are sent as ''
        (see ``_NEVER_EMPTY``)."""
        if connection.dialect.name != "sqlite":
            rows = zip(*columns, strict=True)
            connection.execute(
                insert(Base.metadata.tables[table]),
                [dict(zip(names, row, strict=True)) for row in rows],
            )
            return
        sent_names = []
        marks = []
        sent: list[Sequence[Any]] = []
        for name, values in zip(names, columns, strict=True):
            if name in null_when_left_out and values.count(None) == len(values):
                continue
            sent_names.append(name)
            if name in never_empty and None in values:
                marks.append("NULLIF(?, '')")
                sent.append(list(map(_NULL_AS_EMPTY.get, values, values)))
            else:
                marks.append("?")
                sent.append(values)
        cursor = Catalog._cursor(connection)
        try:
            cursor.executemany(
                f"INSERT INTO {table} ({', '.join(sent_names)}) VALUES ({', '.join(marks)})",
                zip(*sent, strict=True),
            )
        finally:
            cursor.close()

    # --- internals ----------------------------------------------------------------------

    def _new_film(self, session: Session, cleaned: FilmFields) -> Film:
        film = Film(
            title=cleaned["title"],
            original_title="",
            directors=[],
            countries=[],
            description="",
            fact="",
            trailer_url="",
            availability_note="",
            watched=False,
            notes="",
        )
        session.add(film)
        self._apply(session, film, cleaned)
        return film

    @staticmethod
    def _load(session: Session, film_id: int) -> Film:
        film = session.get(Film, film_id, options=[selectinload(Film.tags)])
        if film is None:
            raise FilmNotFoundError(f"no film with id {film_id}")
        return film

    def _edit(
        self,
        session: Session,
        film: Film,
        fields: FilmFields,
        add_tags: Iterable[str],
        remove_tags: Iterable[str],
    ) -> None:
        changes: dict[str, Any] = dict(fields)
        adding, removing = list(add_tags), {fold(t).strip() for t in remove_tags}
        if adding or removing:
            base = changes.get("tags", [t.name for t in film.tags])
            kept = [t for t in base if fold(t).strip() not in removing]
            changes["tags"] = kept + adding
        cleaned = clean_film_fields(changes, subject=film_label(film))
        self._apply(session, film, cleaned)

    def _apply(self, session: Session, film: Film, cleaned: FilmFields) -> None:
        values: dict[str, Any] = dict(cleaned)
        if "rating" in values:
            rating = values.pop("rating")
            film.rating_half_stars = None if rating is None else round(rating * 2)
        if "tags" in values:
            film.tags = self._tags(session, values.pop("tags"))
            session.info["tags_changed"] = True
        if "watched" in values or "watched_on" in values:
            watched = bool(
                values.pop("watched", film.watched or values.get("watched_on") is not None)
            )
            on = values.pop("watched_on", film.watched_on)
            if not watched and on is not None and "watched_on" in cleaned:
                raise ValidationError(
                    [FieldProblem("watched_on", "a film that is not watched has no watch date")],
                    film_label(film),
                )
            film.watched = watched
            film.watched_on = on if watched else None
        for name, value in values.items():
            setattr(film, name, value)
        film.updated_at = datetime.now(UTC)

    @staticmethod
    def _tags(session: Session, names: Iterable[str]) -> list[Tag]:
        # Tags met in this transaction are remembered, so a thousand films tagged "war" in one
        # import share one Tag without a query (or a flush) per film.
        known: dict[str, Tag] = session.info.setdefault("tags_by_key", {})
        wanted = {fold(n): n for n in names}
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


def open_catalog(target: str, *, seed: Path | None = None) -> OpenedCatalog:
    """Open the catalog at ``target`` (path or URL): migrate, seed if needed, return the service.

    ``seed`` defaults to the collection shipped with filmdesk.
    """
    from filmdesk.core.seed import apply_seed, default_seed_path

    engine, migration = open_database(target)
    try:
        result = apply_seed(engine, seed or default_seed_path())
    except BaseException:
        engine.dispose()
        raise
    return OpenedCatalog(Catalog(engine), migration, result.changed)
