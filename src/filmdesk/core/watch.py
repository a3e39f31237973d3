"""Noticing what other processes change in the catalog (``filmdesk-cli`` while the window is
open, a second window): a cheap check whether anything was committed, then what changed.

On SQLite, ``PRAGMA data_version`` on the catalog's ``OwnConnection`` changes whenever another
connection commits (but not for the bookkeeping the window writes through that connection
itself: the search texts). On PostgreSQL, every commit that changes the catalog sends a
notification (migration 0008's triggers), which a connection of our own listens for; those sent
by our own connections are ours. Only then are the films' change stamps read (one query, tens
of milliseconds at 100,000 films) and compared with those last seen.
"""

from __future__ import annotations

import sqlite3
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from itertools import compress
from operator import itemgetter, ne
from typing import Any, Protocol

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from filmdesk.core.catalog import Catalog
from filmdesk.core.db import (
    CHANGES_CHANNEL,
    OwnConnection,
    own_connection,
    own_connections,
    sqlite_path,
)
from filmdesk.core.films.bulk import dbapi_cursor, id_conditions
from filmdesk.core.operations import Changes


class _Signal(Protocol):
    def committed_elsewhere(self) -> bool: ...
    def again(self) -> None: ...
    def forget(self) -> None: ...
    def close(self) -> None: ...


class _FileSignal:
    """SQLite: the file's data version, which others' commits change."""

    def __init__(self, own: OwnConnection) -> None:
        self._own: OwnConnection | None = own
        self._version = self._read()

    def _read(self) -> int:
        if self._own is None:
            return 0
        try:
            with self._own.raw() as conn:
                assert conn is not None
                return int(conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:  # the file went away or cannot be read now: nothing new to show
            return getattr(self, "_version", 0)

    def committed_elsewhere(self) -> bool:
        version = self._read()
        changed = version != self._version
        self._version = version
        return changed

    def again(self) -> None:
        self._version = -1  # (no version a connection gives)

    def forget(self) -> None:
        self._version = self._read()

    def close(self) -> None:
        self._own = None  # (the catalog's to close)


class _ServerSignal:
    """PostgreSQL: notifications on ``CHANGES_CHANNEL`` from connections not our own."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._conn: Any = None
        self._lost = False
        self._again = False
        self._listen()

    def _listen(self) -> None:
        try:
            raw = self._engine.raw_connection()
            conn: Any = raw.driver_connection
            raw.detach()  # ours alone, outside the pool, for as long as the window is open
            conn.rollback()
            conn.autocommit = True
            conn.execute(f"LISTEN {CHANGES_CHANNEL}")
            self._conn = conn
        except Exception as exc:
            if not _is_driver_error(exc):
                raise
            self._conn = None

    def again(self) -> None:
        self._again = True

    def committed_elsewhere(self) -> bool:
        if self._again:
            self._again = False
            return True
        if self._conn is None or self._conn.closed:
            # (Re)connect: while away, anything may have changed.
            self._lost = self._lost or self._conn is not None
            self._listen()
            lost, self._lost = self._lost, False
            return lost and self._conn is not None
        mine = own_connections(self._engine)
        try:
            return any(note.pid not in mine for note in self._conn.notifies(timeout=0))
        except Exception as exc:
            if not _is_driver_error(exc):
                raise
            self._lost = True
            self.close()
            return False

    @property
    def connected(self) -> bool:
        return self._conn is not None and not self._conn.closed

    def forget(self) -> None:
        if self._conn is not None and not self._conn.closed:
            try:
                for _ in self._conn.notifies(timeout=0):
                    pass
            except Exception as exc:
                if not _is_driver_error(exc):
                    raise

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception as exc:
                if not _is_driver_error(exc):
                    raise
        self._conn = None


def _is_driver_error(exc: BaseException) -> bool:
    """A database driver's error (the server went away, say), not a bug of ours."""
    import psycopg

    return isinstance(exc, (psycopg.Error, SQLAlchemyError, OSError))


class _Stamps:
    """Each film's change stamp as last seen, compactly: the films' ids in ascending order
    beside a hash of each one's stamp, two arrays of 8-byte numbers (a dict of ids and stamps
    took 150 bytes a film: 150 MB at a million films). Stamps are only ever compared, and a
    stamp that changed keeps its hash with a chance of one in 2**64."""

    __slots__ = ("hashes", "ids")

    def __init__(self, rows: Iterable[tuple[int, object]] = ()) -> None:
        """From (id, stamp) rows in ascending order of id."""
        rows = list(rows)
        self.ids = array("q", map(itemgetter(0), rows))
        self.hashes = array("q", map(hash, map(itemgetter(1), rows)))

    def __len__(self) -> int:
        return len(self.ids)

    def differences(self, newer: _Stamps) -> tuple[set[int], set[int], set[int]]:
        """The films (added, removed, changed) from these stamps to ``newer``."""
        if self.ids == newer.ids:  # (the usual look: the same films, a few of them changed)
            changed = compress(newer.ids, map(ne, self.hashes, newer.hashes))
            return set(), set(), set(changed)
        known = dict(zip(self.ids, self.hashes, strict=True))
        now = dict(zip(newer.ids, newer.hashes, strict=True))
        changed_ids = {i for i, stamp in now.items() if i in known and known[i] != stamp}
        return now.keys() - known.keys(), known.keys() - now.keys(), changed_ids

    def update(self, newer: _Stamps) -> None:
        """Take the stamps of ``newer``'s films as seen."""
        ids, hashes = self.ids, self.hashes
        new_ids: list[int] = []  # (ascending, as newer's are)
        new_hashes: list[int] = []
        for film_id, stamp in zip(newer.ids, newer.hashes, strict=True):
            at = bisect_left(ids, film_id)
            if at < len(ids) and ids[at] == film_id:
                hashes[at] = stamp
            else:
                new_ids.append(film_id)
                new_hashes.append(stamp)
        if not new_ids:
            return
        places = [bisect_left(ids, film_id) for film_id in new_ids]
        if places[0] == len(ids):  # films added: their ids come after every other
            ids.extend(new_ids)
            hashes.extend(new_hashes)
        else:  # films put back (an undone delete): among the others, in one pass
            self.ids = _spliced(ids, places, new_ids)
            self.hashes = _spliced(hashes, places, new_hashes)

    def forget(self, film_ids: Iterable[int]) -> None:
        """Forget films (deleted), in one pass over the arrays however many."""
        ids = self.ids
        places = sorted(
            at
            for film_id in set(film_ids)
            if (at := bisect_left(ids, film_id)) < len(ids) and ids[at] == film_id
        )
        if places:
            self.ids = _cut(ids, places)
            self.hashes = _cut(self.hashes, places)


def _spliced(values: array[int], places: list[int], put: list[int]) -> array[int]:
    """``values`` with each of ``put`` before the value at its place (places ascending, as
    they were in ``values``)."""
    result = array("q")
    start = 0
    for at, value in zip(places, put, strict=True):
        result += values[start:at]
        result.append(value)
        start = at
    result += values[start:]
    return result


def _cut(values: array[int], places: list[int]) -> array[int]:
    """``values`` without those at ``places`` (ascending, each once)."""
    result = array("q")
    start = 0
    for at in places:
        result += values[start:at]
        start = at + 1
    result += values[start:]
    return result


# From this many films touched by a change of our own, every stamp is read again (one query)
# rather than those films' stamps.
_MANY = 1000


class CatalogWatch:
    """What others changed in one catalog since it was last looked at."""

    def __init__(self, catalog: Catalog, *, start: bool = True) -> None:
        """Watch ``catalog`` from now on; or, not ``start``ed, from ``start()`` on (a window
        reads every film's change stamp once its first page is painted, just before it reads
        every film)."""
        self._catalog = catalog
        self._own: OwnConnection | None = None
        self._signal: _Signal | None = None
        self._stamps = _Stamps()
        self._collections: set[int] = set()
        self._lists: set[int] = set()
        self._started = False
        if start:
            self.start()

    def start(self) -> None:
        """Take what the catalog holds now as seen (the films' change stamps, the collections
        and lists there are): what others commit from here on is reported. When they cannot
        be read now (a server away), the next look starts again."""
        if self._started:
            return
        if self._signal is not None:
            self._signal.close()
        self._own = self._signal = None
        catalog = self._catalog
        if sqlite_path(catalog.engine.url) is not None:
            try:
                # (Opened anew after a restore: a restored backup is another file.)
                self._own = own_connection(catalog.engine)
                with self._own.raw() as conn:
                    assert conn is not None
                    conn.execute("PRAGMA data_version").fetchone()
                self._signal = _FileSignal(self._own)
            except sqlite3.Error:  # (a read-only folder, say: not watched, nothing else lost)
                self._own = None
        elif catalog.engine.dialect.name == "postgresql":
            self._signal = _ServerSignal(catalog.engine)
        try:
            self._stamps = self._read_stamps()
            self._collections, self._lists = self._group_ids()
        except (SQLAlchemyError, sqlite3.Error):
            return
        self._started = True

    @property
    def connected(self) -> bool:
        """The catalog could be reached at the last look (a server's catalog: its listening
        connection is up; a file: always)."""
        return not isinstance(self._signal, _ServerSignal) or self._signal.connected

    def close(self) -> None:
        """Stop watching (the connection is closed)."""
        if self._signal is not None:
            self._signal.close()
            self._signal = None
        self._own = None

    def _read_stamps(self, film_ids: Iterable[int] | None = None) -> _Stamps:
        """Each film's change stamp as stored (text on SQLite: read as it is, no conversion;
        tens of milliseconds for 100,000 films), in the order of the films' ids."""
        if film_ids is None:
            wheres = [""]
        else:  # (BETWEEN for a run of ids, IN lists of up to 500 for the rest)
            wheres = [f"WHERE id {condition}" for condition in id_conditions(list(film_ids))]
        rows: list[tuple[int, object]] = []
        if self._own is not None:
            with self._own.raw() as conn:
                assert conn is not None
                for where in wheres:
                    rows += conn.execute(f"SELECT id, updated_at FROM films {where} ORDER BY id")
        else:
            # On a server, the stamps as text on the driver's cursor: they are only compared,
            # and turning 100,000 of them into datetimes through SQLAlchemy's rows costs a
            # third of a second at every start.
            engine: Engine = self._catalog.engine
            with engine.connect() as conn:
                cursor = dbapi_cursor(conn)
                try:
                    for where in wheres:
                        cursor.execute(
                            f"SELECT id, CAST(updated_at AS TEXT) FROM films {where} ORDER BY id"
                        )
                        rows += cursor.fetchall()
                finally:
                    cursor.close()
        if len(wheres) > 1:
            rows.sort()  # (a few films' stamps, read in pieces)
        return _Stamps(rows)

    def _group_ids(self) -> tuple[set[int], set[int]]:
        with self._catalog.engine.connect() as conn:
            # (Plain SQL: a small catalog starts watching before the window's first paint,
            # which does without the ORM.)
            collections = set(conn.scalars(text("SELECT id FROM collections")))
            lists = set(conn.scalars(text("SELECT id FROM screening_lists")))
        return collections, lists

    def poll(self) -> Changes | None:
        """What others committed since the last look (None: nothing). Films come with their
        records; every collection and list that exists is said to have changed (they are
        cheap to read again), those gone as removed.

        On a SQLite file, not while the window's own bookkeeping is being written (the next
        look sees what others committed meanwhile)."""
        if not self._started:
            self.start()  # (one that could not read before; or not started yet: no look)
            return None
        if self._own is None:
            return self._poll()
        with self._own.raw(wait=False) as conn:
            return None if conn is None else self._poll()

    def _poll(self) -> Changes | None:
        if self._signal is None or not self._signal.committed_elsewhere():
            return None
        try:
            stamps = self._read_stamps()
        except (SQLAlchemyError, sqlite3.Error):  # cannot be read now: look again next time
            self._signal.again()
            return None
        added, removed, changed = self._stamps.differences(stamps)
        self._stamps = stamps
        collections, lists = self._group_ids()
        old_collections, old_lists = self._collections, self._lists
        self._collections, self._lists = collections, lists
        records = self._catalog.films.records(sorted(added | changed))
        return Changes(
            films_added=frozenset(added),
            films_changed=frozenset(changed),
            films_removed=frozenset(removed),
            collections_added=frozenset(collections - old_collections),
            collections_changed=frozenset(collections & old_collections),
            collections_removed=frozenset(old_collections - collections),
            lists_added=frozenset(lists - old_lists),
            lists_changed=frozenset(lists & old_lists),
            lists_removed=frozenset(old_lists - lists),
            tags=True,
            films=tuple(records),
        )

    def reset(self) -> None:
        """Everything shown was read again (a restore, a server back): look for changes from
        here on, as ``start`` does."""
        self._started = False
        self.start()

    def saw(self, changes: Changes) -> None:
        """Changes made here (and already shown): not to be reported as someone else's."""
        if not self._started or self._signal is None:
            return
        if isinstance(self._signal, _FileSignal):  # (a server's notifications say whose they are)
            self._signal.forget()
        touched = changes.films_added | changes.films_changed
        try:
            if len(touched) >= _MANY:
                self._stamps = self._read_stamps()
            else:
                self._stamps.forget(changes.films_removed)
                if touched:
                    self._stamps.update(self._read_stamps(touched))
        except (SQLAlchemyError, sqlite3.Error):
            # Cannot be read now: the next look starts again from what the catalog holds
            # then (these films shown as they are here).
            self._started = False
        if (
            changes.collections_added
            or changes.collections_removed
            or changes.lists_added
            or changes.lists_removed
        ):
            self._collections, self._lists = self._group_ids()
