"""Writing many new films at once (an import): column by column on the DB-API cursor.

The ``sqlite3`` module binds ``None`` and ``bool`` slowly (it looks for an adapter each time),
so columns that are all NULL are left out and NULLs are sent as '' where '' is never a value.
On PostgreSQL (psycopg 3) the rows go in with ``COPY ... FROM STDIN``: one statement whatever
their number, where an INSERT per row costs a round of the server's parse, plan and triggers
each (six times SQLite's time for an import of 100,000 films).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from itertools import chain, repeat
from typing import Any

from sqlalchemy import Connection, func, insert, select

from filmdesk.core.exchange import FilmBatch
from filmdesk.core.fields import FIELDS, FILM_FIELDS, Kind
from filmdesk.core.films.bulk import dbapi_cursor
from filmdesk.core.films.editing import tags_named
from filmdesk.core.models import Base, Film
from filmdesk.core.progress import Progress
from filmdesk.core.rows import aware, half_stars_of
from filmdesk.core.sorting import title_sort_keys
from filmdesk.core.transaction import Transaction
from filmdesk.core.validation import ViewingFields

IMPORT_PIECE = 5000
REBUILD_INDEXES_FROM = 10_000
# SQLite's page cache for such a large import (KiB): the new rows stay in memory until the
# commit, and the indexes are rebuilt from memory rather than read back from the WAL file.
IMPORT_CACHE_KIB = 128 * 1024
# insert_films writes these, in this order: the id, every field that has a column of the
# films table (tags have a table of their own), and the title as it sorts.
_INSERT_COLUMNS = (
    "id",
    *(f.column for f in FILM_FIELDS if f.column is not None),
    "sort_title",
    "poster_hash",  # (a backup's; the poster is kept before its films come in)
)

# Nullable columns without a default: an INSERT that leaves one out makes it NULL.
_NULL_WHEN_LEFT_OUT = frozenset(f.column for f in FILM_FIELDS if f.column and f.nullable) | {
    "poster_hash"
}
# Of those, the ones where '' is never a value (validation makes an empty value None). The
# sqlite3 module binds None slowly (it looks for an adapter each time; a third of a large
# import's insert time), so bulk_insert leaves out a column that is all NULL and sends the
# NULLs of these as '' for NULLIF to turn back.
_NEVER_EMPTY = _NULL_WHEN_LEFT_OUT - {"seed_key"}  # (a backup may hold any seed key)
_NULL_AS_EMPTY: dict[object, object] = {None: ""}


def insert_pieces(
    tx: Transaction, films: FilmBatch, total: int, progress: Progress | None
) -> list[int]:
    """New films in pieces, so progress can be shown and a Cancel (ImportCancelled raised
    by ``progress``) rolls everything back."""
    added: list[int] = []
    for start in range(0, len(films), IMPORT_PIECE):
        if progress is not None:
            progress(start, total)
        added += insert_films(tx, films[start : start + IMPORT_PIECE])
    return added


@contextmanager
def large_cache(connection: Connection) -> Iterator[None]:
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


def may_restructure(connection: Connection) -> bool:
    """Whether this account may drop the films' indexes for a large import and make them
    again (and on PostgreSQL its foreign keys): on a server, only the tables' owner may. An
    account that may only write rows imports with the indexes in place, more slowly."""
    if connection.dialect.name != "postgresql":
        return True
    return bool(
        connection.exec_driver_sql(
            "SELECT bool_and(pg_has_role(relowner, 'USAGE')) FROM pg_class"
            f" WHERE oid IN ({_RESTRUCTURED})"
        ).scalar()
    )


# The tables a large import fills, whose indexes or foreign keys it makes again afterwards.
_RESTRUCTURED = "'films'::regclass, 'film_tags'::regclass, 'viewings'::regclass"


@contextmanager
def foreign_keys_checked_after(connection: Connection) -> Iterator[None]:
    """For a large import on PostgreSQL: the foreign keys of the tables it fills are dropped,
    and made again at the end. PostgreSQL checks a foreign key with a lookup per new row (two
    for a tag link: two seconds of an import of 100,000 films), where making it again checks
    every row in one query. (One transaction: an error or a Cancel brings them back as they
    were; only the tables' owner may, see ``may_restructure``.)"""
    if connection.dialect.name != "postgresql":
        yield
        return
    found = connection.exec_driver_sql(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
        f" WHERE contype = 'f' AND conrelid IN ({_RESTRUCTURED}) ORDER BY conrelid, conname"
    ).all()
    quote = connection.dialect.identifier_preparer.quote
    for table, name, _ in found:
        connection.exec_driver_sql(f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}")
    yield
    for table, name, definition in found:
        connection.exec_driver_sql(f"ALTER TABLE {table} ADD CONSTRAINT {quote(name)} {definition}")


@contextmanager
def search_text_triggers_paused(connection: Connection) -> Iterator[None]:
    """For a large import of new films on SQLite: the triggers that drop a film's kept search
    text when it or its tags change (migration 0012) are dropped, and made again from their
    own definitions at the end. New films have no text kept, and a trigger run per film and
    per tag link was a tenth of an import of 100,000 films. (PostgreSQL's run once per
    statement.) One transaction: an error or a Cancel brings them back."""
    if connection.dialect.name != "sqlite":
        yield
        return
    found = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        " AND tbl_name IN ('films', 'film_tags') AND name LIKE 'film_search_text%'"
        " ORDER BY name"
    ).all()
    for name, _ in found:
        connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    for _, definition in found:
        connection.exec_driver_sql(definition)


def insert_films(tx: Transaction, films: FilmBatch) -> list[int]:
    """New films in bulk: column by column, then plain tuples on the DB-API cursor."""
    session = tx.session
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
    # JSON goes as its text to SQLite and to COPY; SQLAlchemy's insert takes the lists.
    json_as_text = sqlite or copies(connection)

    def converted(name: str, convert: Callable[[Any], Any]) -> list[Any]:
        # Values repeat a lot (names, dates, ratings): each distinct one converted once.
        values = films.column(name)
        if FIELDS[name].kind is Kind.NAMES:  # (lists: a tuple of each is a key)
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
    # A film's viewings, where the file gives them (a Letterboxd diary, a backup); a watched
    # film without them gets one, on its watch date.
    viewings: dict[int, Sequence[ViewingFields]] = {}
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
            if "viewings" in extra:
                given: Sequence[ViewingFields] = extra["viewings"]  # type: ignore[assignment]
                viewings[at] = given
                dates = [v["watched_on"] for v in given if v.get("watched_on") is not None]
                watched[at] = yes if given else no
                latest = max(dates, default=None)  # type: ignore[type-var]
                if latest != watched_on[at]:
                    if not isinstance(watched_on, list):
                        watched_on = list(watched_on)
                    watched_on[at] = latest
    titles = films.column("title")
    by_column: dict[str, Sequence[Any]] = {
        "id": ids,
        "seed_key": seed_keys,
        "sort_title": title_sort_keys(titles),
        "watched": watched,
        "watched_on": [day(on) for on in watched_on] if viewings else converted("watched_on", day),
        "created_at": created,
        "updated_at": changed,
        "poster_hash": [extra.get("poster") if extra else None for extra in extras],
    }
    # The other columns as their fields' kinds are written (as the file gave them, mostly).
    convert: dict[Kind, Callable[[Any], Any]] = {
        Kind.NAMES: json.dumps if json_as_text else list,
        Kind.DATE: day,
        Kind.RATING: half_stars_of,
    }
    for field in FILM_FIELDS:
        if field.column is None or field.column in by_column:
            continue
        kind = field.kind
        by_column[field.column] = (
            converted(field.name, convert[kind]) if kind in convert else films.column(field.name)
        )
    columns = [by_column[name] for name in _INSERT_COLUMNS]
    bulk_insert(connection, "films", _INSERT_COLUMNS, columns, _NULL_WHEN_LEFT_OUT, _NEVER_EMPTY)
    _insert_viewings(connection, ids, watched, watched_on, viewings, day, (yes, no))
    tag_names = list(map(tuple, films.column("tags")))
    wanted = dict.fromkeys(tag_names)  # in file order: a new tag takes its first spelling
    wanted.pop((), None)
    if wanted:
        # Each set of tag names is looked up once per import (the pieces share the answer).
        ids_of: dict[tuple[str, ...], list[int]] = session.info.setdefault("tag_ids_of", {})
        if missing := [names for names in wanted if names not in ids_of]:
            tags_of = {names: tags_named(tx, names) for names in missing}
            session.flush()  # new tags get their ids
            ids_of.update((names, [tag.id for tag in tags]) for names, tags in tags_of.items())
        ids_of[()] = []
        tag_ids = list(map(ids_of.__getitem__, tag_names))
        bulk_insert(
            connection,
            "film_tags",
            ("film_id", "tag_id"),
            [  # each film's id as many times as it has tags, beside those tags' ids
                list(chain.from_iterable(map(repeat, ids, map(len, tag_ids)))),
                list(chain.from_iterable(tag_ids)),
            ],
        )
    return list(ids)


_VIEWING_COLUMNS = ("film_id", "watched_on", "rating_half_stars", "rewatch", "note")
_VIEWING_NULLABLE = frozenset({"watched_on", "rating_half_stars"})


def _insert_viewings(
    connection: Connection,
    ids: Sequence[int],
    watched: Sequence[object],
    watched_on: Sequence[date | None],
    given: dict[int, Sequence[ViewingFields]],
    day: Callable[[date | None], Any],
    flags: tuple[object, object],
) -> None:
    """The viewings of new films: those the file gives, else one for a watched film."""
    columns: tuple[list[Any], ...] = ([], [], [], [], [])
    film_ids, dates, ratings, rewatches, notes = columns
    yes, no = flags
    for at, film_id in enumerate(ids):
        items = given.get(at)
        if items is None:
            if watched[at]:
                film_ids.append(film_id)
                dates.append(day(watched_on[at]))
                ratings.append(None)
                rewatches.append(no)
                notes.append("")
            continue
        for item in items:
            film_ids.append(film_id)
            dates.append(day(item.get("watched_on")))
            ratings.append(half_stars_of(item.get("rating")))
            rewatches.append(yes if item.get("rewatch") else no)
            notes.append(item.get("note", ""))
    if film_ids:
        bulk_insert(connection, "viewings", _VIEWING_COLUMNS, columns, _VIEWING_NULLABLE)


def copies(connection: Connection) -> bool:
    """Whether ``bulk_insert`` writes with COPY here: PostgreSQL through psycopg 3."""
    return connection.dialect.name == "postgresql" and connection.dialect.driver == "psycopg"


def bulk_insert(
    connection: Connection,
    table: str,
    names: Sequence[str],
    columns: Sequence[Sequence[Any]],
    null_when_left_out: frozenset[str] = frozenset(),
    never_empty: frozenset[str] = frozenset(),
) -> None:
    """Insert rows given column by column. On SQLite, a column of ``null_when_left_out``
    that is all NULL is left out, and the NULLs of a ``never_empty`` column are sent as ''
    (see ``_NEVER_EMPTY``). With COPY (``copies``), JSON values are given as their text."""
    if copies(connection):
        cursor = dbapi_cursor(connection)
        try:
            with cursor.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
                for row in zip(*columns, strict=True):
                    copy.write_row(row)
        finally:
            cursor.close()
        return
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
    cursor = dbapi_cursor(connection)
    try:
        cursor.executemany(
            f"INSERT INTO {table} ({', '.join(sent_names)}) VALUES ({', '.join(marks)})",
            zip(*sent, strict=True),
        )
    finally:
        cursor.close()
