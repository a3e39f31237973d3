"""Reading many films at once: plain SQL on the DB-API cursor, values shared between films.

SQLAlchemy's per-row result handling costs more than the query itself at 100,000 films, so the
bulk reads go to the driver's cursor with portable SQL; callers get normalised values (SQLite
gives text for dates and JSON, PostgreSQL gives objects).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from itertools import repeat
from typing import Any

from sqlalchemy import Connection, Engine

from filmdesk.core.collector import collector_paused
from filmdesk.core.errors import FilmNotFoundError
from filmdesk.core.fields import FILM_FIELDS, Kind
from filmdesk.core.film_columns import FilmColumns
from filmdesk.core.folding import word_blobs
from filmdesk.core.rows import rating_of
from filmdesk.core.search import KEPT_TEXT_MARK, text_parts

_MISSING = object()


class NameCache:
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


def _converted(values: Sequence[Any], convert: Callable[[Any], Any]) -> Iterator[Any]:
    """``convert`` of each value, called once per distinct value."""
    done = {value: convert(value) for value in set(values)}
    return map(done.__getitem__, values)


def _same(value: Any) -> Any:
    return value


def dbapi_cursor(conn: Connection) -> Any:
    # Plain, portable SQL on the DB-API cursor for bulk reads: SQLAlchemy's per-row result
    # handling costs more than the query itself at 100,000 films. Callers normalise the
    # values (SQLite gives text for dates and JSON, PostgreSQL gives objects).
    return conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]


# A film's tag ids joined by commas, as SQLite's group_concat gives them (PostgreSQL).
_JOINED_IDS = "string_agg(CAST(tag_id AS TEXT), ',')"


def tags_by_film(conn: Connection, where: str = "") -> dict[int, tuple[str, ...]]:
    """Each tagged film's tags in display order; equal tag sets are one shared tuple."""
    cursor = dbapi_cursor(conn)
    try:
        cursor.execute("SELECT id, key, name FROM tags")
        tags = {tag_id: (key, name) for tag_id, key, name in cursor.fetchall()}
        # The link table alone, in its key order (no join, no sort), one row per film with
        # its tag ids joined by the database: a row per link, grouped here, takes twice as
        # long on PostgreSQL.
        joined = "group_concat(tag_id)" if conn.dialect.name == "sqlite" else _JOINED_IDS
        cursor.execute(f"SELECT film_id, {joined} FROM film_tags {where} GROUP BY film_id")
        per_film = cursor.fetchall()
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


_RUN = 51  # consecutive ids taken as one range (the films an import added)


def id_groups(film_ids: Iterable[int]) -> list[range | list[int]]:
    """Groups that together take exactly ``film_ids``: a range for each run of consecutive
    ids, lists of at most 500 (within SQL parameter limits) for the rest."""
    wanted = sorted({int(i) for i in film_ids})
    if len(wanted) >= _RUN and wanted[-1] - wanted[0] == len(wanted) - 1:  # (one run)
        return [range(wanted[0], wanted[-1] + 1)]
    groups: list[range | list[int]] = []
    single: list[int] = []
    start = 0
    while start < len(wanted):
        end = start
        while end + 1 < len(wanted) and wanted[end + 1] == wanted[end] + 1:
            end += 1
        if end - start + 1 >= _RUN:
            groups.append(range(wanted[start], wanted[end] + 1))
        else:
            single += wanted[start : end + 1]
        start = end + 1
    groups += [single[at : at + 500] for at in range(0, len(single), 500)]
    return groups


def id_conditions(film_ids: Iterable[int]) -> list[str]:
    """``id_groups`` as SQL conditions on an id: ``BETWEEN`` for a run, ``IN`` for a list."""
    return [
        f"BETWEEN {group.start} AND {group.stop - 1}"
        if isinstance(group, range)
        else f"IN ({', '.join(map(str, group))})"
        for group in id_groups(film_ids)
    ]


@collector_paused()
def film_columns(engine: Engine, film_ids: Sequence[int] | None = None) -> dict[str, list[Any]]:
    """Films column by column: FilmRecord's field names (but the timestamps) -> values.

    For exports of many films, where a record for each would cost more than writing the
    file. In id order, or in the order of ``film_ids`` (a missing id raises
    FilmNotFoundError). Equal names, tag sets and dates are shared between films.
    """
    with engine.connect() as conn:
        return read_columns(conn, film_ids)


def all_film_ids(conn: Connection) -> list[int]:
    """Every film's id, in order."""
    cursor = dbapi_cursor(conn)
    try:
        cursor.execute("SELECT id FROM films ORDER BY id")
        return [int(row[0]) for row in cursor.fetchall()]
    finally:
        cursor.close()


def read_columns(
    conn: Connection, film_ids: Sequence[int] | None = None, names: NameCache | None = None
) -> dict[str, list[Any]]:
    """``film_columns`` read on ``conn`` (in its transaction, if it has one); ``names`` shares
    equal values with the films of earlier reads."""
    cursor = dbapi_cursor(conn)
    try:
        if film_ids is None:
            tags = tags_by_film(conn)
            cursor.execute(_select_films(conn.dialect.name) + " ORDER BY id")
            rows = cursor.fetchall()
        else:
            tags, rows = {}, []
            for condition in id_conditions(film_ids):
                tags |= tags_by_film(conn, f"WHERE film_tags.film_id {condition}")
                cursor.execute(f"{_select_films(conn.dialect.name)} WHERE id {condition}")
                rows += cursor.fetchall()
    finally:
        cursor.close()
    if film_ids is not None:
        by_id = {row[0]: row for row in rows}
        missing = [i for i in film_ids if i not in by_id]
        if missing:
            raise FilmNotFoundError(f"no film with id {missing[0]}")
        rows = [by_id[i] for i in film_ids]
    names = names if names is not None else NameCache()
    raw = list(zip(*rows, strict=True)) or [()] * (1 + len(_COLUMNS))
    ids = list(raw[0])
    no_tags: tuple[str, ...] = ()
    # Values as records hold them; each distinct name list, date or rating converted once.
    convert: dict[Kind, Callable[[Any], Any]] = {
        Kind.NAMES: names.names,
        Kind.DATE: names.date,
        Kind.RATING: rating_of,
        Kind.BOOL: bool,
    }

    def each(values: Sequence[Any], kind: Kind) -> list[Any]:
        if kind not in convert:
            return list(values)
        return list(_converted(values, convert[kind]))

    read = dict(zip(_COLUMNS, raw[1:], strict=True))
    columns: dict[str, list[Any]] = {"id": ids}
    for field in _RECORD_FIELDS:  # in FilmRecord's order: FilmRecord(*values) makes a record
        if field.kind is Kind.TAGS:
            columns[field.name] = [tags.get(film_id, no_tags) for film_id in ids]
        else:
            columns[field.name] = each(read[field.name], field.kind)
    return columns


def poster_hashes(engine: Engine, film_ids: Sequence[int]) -> dict[int, str]:
    """Film id -> the hash of its poster, for those of ``film_ids`` that have one."""
    found: dict[int, str] = {}
    with engine.connect() as conn:
        cursor = dbapi_cursor(conn)
        try:
            for condition in id_conditions(film_ids):
                cursor.execute(
                    "SELECT id, poster_hash FROM films"
                    f" WHERE poster_hash IS NOT NULL AND id {condition}"
                )
                found.update((int(i), str(key)) for i, key in cursor.fetchall())
        finally:
            cursor.close()
    return found


# FilmRecord's fields but the timestamps (reading them costs time; few need them), and of
# those the ones with a column of the films table, which one SELECT reads.
_RECORD_FIELDS = tuple(f for f in FILM_FIELDS if f.kind is not Kind.TIMESTAMP)
_COLUMNS = {f.name: f.column for f in _RECORD_FIELDS if f.column is not None}  # field -> column
_NAME_COLUMNS = {f.column for f in _RECORD_FIELDS if f.kind is Kind.NAMES}


def _as_read(column: str, dialect: str) -> str:
    # Lists of names as their JSON text on every backend (SQLite stores text; psycopg would
    # decode each row's JSON into a new list), so equal lists are one shared tuple.
    if column in _NAME_COLUMNS and dialect != "sqlite":
        return f"CAST({column} AS TEXT)"
    return column


def _select_films(dialect: str) -> str:
    columns = ", ".join(_as_read(column, dialect) for column in _COLUMNS.values())
    return f"SELECT id, {columns} FROM films"


def viewed_months(conn: Connection, film_ids: str = "") -> dict[int, tuple[int, ...]]:
    """The months each film was watched in (its dated viewings), as ordered tuples of YYYYMM
    numbers (202403: March 2024); equal tuples are one shared tuple. ``film_ids`` is an SQL
    condition on the film's id (``IN (...)``), or empty for every film."""
    where = f"AND film_id {film_ids}" if film_ids else ""
    cursor = dbapi_cursor(conn)
    try:
        # In the order of the index on (film_id, watched_on), which holds both: no sort, and no
        # lookup in the table (a sort of 150,000 viewings took three times as long).
        cursor.execute(
            f"SELECT film_id, watched_on FROM viewings WHERE watched_on IS NOT NULL {where}"
            f" ORDER BY film_id, watched_on"
        )
        rows = cursor.fetchall()
    finally:
        cursor.close()
    month_of: dict[object, int] = {}
    for day in {day for _, day in rows}:
        parsed = date.fromisoformat(day) if isinstance(day, str) else day
        month_of[day] = parsed.year * 100 + parsed.month
    shared: dict[tuple[int, ...], tuple[int, ...]] = {}
    result: dict[int, tuple[int, ...]] = {}
    current: list[int] = []
    previous = None
    for film_id, day in rows:
        month = month_of[day]
        if film_id != previous:
            if current:
                months = tuple(current)
                result[previous] = shared.setdefault(months, months)  # type: ignore[index]
            current = [month]
            previous = film_id
        elif month != current[-1]:
            current.append(month)
    if current:
        months = tuple(current)
        result[previous] = shared.setdefault(months, months)  # type: ignore[index]
    return result


@collector_paused()
def film_rows(engine: Engine, order_and_limit: str, film_ids: str = "") -> FilmColumns:
    """Films as lean rows, kept column by column (``FilmColumns``), in the order (and up to
    the limit) of ``order_and_limit``; with ``film_ids`` (an SQL condition on the id,
    ``IN (...)``) the tags and viewed months of those films only are read (the others get
    none)."""
    with engine.connect() as conn:
        tags = tags_by_film(conn, f"WHERE film_tags.film_id {film_ids}" if film_ids else "")
        months = viewed_months(conn, film_ids)
        cursor = dbapi_cursor(conn)
        try:
            dialect = conn.dialect.name
            cursor.execute(
                f"SELECT id, title, original_title, year, {_as_read('directors', dialect)},"
                f" {_as_read('countries', dialect)}, rating_half_stars, watched, watched_on,"
                f" poster_hash"
                f" FROM films {order_and_limit}"
            )
            names = NameCache()
            no_tags: tuple[str, ...] = ()
            no_months: tuple[int, ...] = ()
            ratings: dict[int | None, float | None] = {None: None}
            ratings.update({half: half / 2 for half in range(1, 11)})
            result = FilmColumns()
            # In pieces: the raw rows of one piece are freed before the next is read. Column
            # by column, each distinct value converted once, and no Python call per film.
            while chunk := cursor.fetchmany(5000):
                (ids, titles, originals, years, directors, countries, halves, watched,
                 watched_on, posters) = zip(*chunk, strict=True)  # fmt: skip
                result.extend_columns(
                    ids,
                    titles,
                    [text or "" for text in originals],
                    _converted(years, _same),  # (an int object a year per piece, not per film)
                    _converted(directors, names.names),
                    _converted(countries, names.names),
                    map(ratings.__getitem__, halves),
                    watched,
                    _converted(watched_on, names.date),
                    map(tags.get, ids, repeat(no_tags)),
                    posters,
                    map(months.get, ids, repeat(no_months)),
                )
        finally:
            cursor.close()
    return result


def search_texts(conn: Connection, after_id: int, limit: int) -> list[tuple[int, str | None]]:
    """(id, the search text kept, or None) of up to ``limit`` films with ids above
    ``after_id``, in id order (see ``models.film_search_texts``). A text kept by other folding
    rules (another ``search.KEPT_TEXT_MARK``) is None: it must be made again."""
    mark = len(KEPT_TEXT_MARK)
    cursor = dbapi_cursor(conn)
    try:
        # (The mark is looked at, and cut off, by the database: no copy of each text here. A
        # text begins with a space: "v1 ", never the start of "v10 ".)
        cursor.execute(
            f"SELECT films.id, CASE WHEN substr(t.text, 1, {mark + 1}) = '{KEPT_TEXT_MARK} '"
            f" THEN substr(t.text, {mark + 1}) END"
            " FROM films LEFT JOIN film_search_texts AS t ON t.film_id = films.id"
            f" WHERE films.id > {int(after_id)} ORDER BY films.id LIMIT {int(limit)}"
        )
        return cursor.fetchall()  # type: ignore[no-any-return]
    finally:
        cursor.close()


def lock_films(conn: Connection, film_ids: Sequence[int]) -> None:
    """On PostgreSQL, lock these films' rows until the transaction ends: another program's
    change to one of them (or a tag given to one) waits, or makes this wait and give up.
    (SQLite's write lock already keeps every other writer out.)"""
    if conn.dialect.name != "postgresql":
        return
    cursor = dbapi_cursor(conn)
    try:
        for condition in id_conditions(film_ids):
            cursor.execute(f"SELECT id FROM films WHERE id {condition} FOR UPDATE")
    finally:
        cursor.close()


def make_search_texts(conn: Connection, film_ids: Sequence[int]) -> dict[int, str]:
    """The search texts of these films (their folded words, ``search.text_parts``), made from
    what the catalog holds now."""
    names = NameCache()
    parts: list[tuple[int, tuple[str, ...]]] = []
    cursor = dbapi_cursor(conn)
    try:
        for condition in id_conditions(film_ids):
            tags = tags_by_film(conn, f"WHERE film_tags.film_id {condition}")
            cursor.execute(
                "SELECT id, title, original_title,"
                f" {_as_read('directors', conn.dialect.name)}, notes, description"
                f" FROM films WHERE id {condition}"
            )
            parts += [
                (
                    film_id,
                    text_parts(
                        title,
                        original_title or "",
                        names.names(directors),
                        tags.get(film_id, ()),
                        notes or "",
                        description or "",
                    ),
                )
                for film_id, title, original_title, directors, notes, description in (
                    cursor.fetchall()
                )
            ]
    finally:
        cursor.close()
    made = word_blobs([film_parts for _, film_parts in parts])
    return {film_id: text for (film_id, _), text in zip(parts, made, strict=True)}


def keep_search_texts(conn: Connection, texts: dict[int, str]) -> None:
    """Keep these films' search texts (``make_search_texts``), marked with the rules they
    were folded by (``search.KEPT_TEXT_MARK``), in place of any kept before."""
    rows = [(film_id, KEPT_TEXT_MARK + text) for film_id, text in texts.items()]
    marker = "?" if conn.dialect.name == "sqlite" else "%s"
    cursor = dbapi_cursor(conn)
    try:
        cursor.executemany(
            f"INSERT INTO film_search_texts (film_id, text) VALUES ({marker}, {marker})"
            " ON CONFLICT (film_id) DO UPDATE SET text = excluded.text",
            rows,
        )
    finally:
        cursor.close()
