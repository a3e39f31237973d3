"""Posters of one catalog (``catalog.posters``): reading them, setting them, their thumbnails."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.exc import SQLAlchemyError

from filmdesk.core.db import writing_if_free
from filmdesk.core.errors import is_busy
from filmdesk.core.operations import Outcome, Runner
from filmdesk.core.posters.images import PosterError, PosterImage
from filmdesk.core.posters.store import ANY, drop_unused_posters, poster_image
from filmdesk.core.posters.thumbnails import ThumbnailCache, thumbnail_bytes
from filmdesk.core.records import FilmRecord

if TYPE_CHECKING:  # (the ORM is imported where used: not before a window's first paint)
    from sqlalchemy.orm import Session

_PIECE = 20  # posters read at a time (each up to a megabyte or so)


@dataclass(frozen=True, slots=True)
class PosterInfo:
    """What a poster is, without its bytes."""

    hash: str
    format: str
    width: int
    height: int
    size: int  # bytes

    def to_json(self) -> dict[str, object]:
        """``filmdesk-cli show --json``'s ``poster``."""
        return {
            "width": self.width,
            "height": self.height,
            "format": self.format,
            "hash": self.hash,
            "bytes": self.size,
        }


class PosterService:
    """The posters of one catalog."""

    def __init__(self, engine: Engine, sessions: Callable[[], Session], run: Runner) -> None:
        self._engine = engine
        self._sessions = sessions
        self._run = run
        self._thumbnails: ThumbnailCache | None = None

    def info(self, key: str) -> PosterInfo | None:
        """The poster kept under ``key`` (its size and kind), or None."""
        from filmdesk.core.models import Poster

        with self._sessions() as session:
            row = session.execute(
                select(Poster.format, Poster.width, Poster.height, func.length(Poster.data)).where(
                    Poster.hash == key
                )
            ).first()
        if row is None:
            return None
        return PosterInfo(key, row[0], row[1], row[2], int(row[3] or 0))

    def image(self, key: str) -> PosterImage | None:
        """The poster kept under ``key``, its bytes and all; None when there is none."""
        with self._engine.connect() as conn:
            return poster_image(conn, key)

    def data(self, key: str) -> bytes | None:
        """The bytes of the poster kept under ``key`` (a JPEG or PNG file's), or None."""
        image = self.image(key)
        return None if image is None else image.data

    def images(self, keys: Sequence[str]) -> Iterator[PosterImage]:
        """The posters kept under ``keys`` (those the catalog has), bytes and all, read a few
        at a time: a backup of thousands of posters never holds them all in memory."""
        from filmdesk.core.models import Poster

        for start in range(0, len(keys), _PIECE):
            part = list(keys[start : start + _PIECE])
            with self._engine.connect() as conn:
                rows = conn.execute(
                    select(Poster.hash, Poster.data, Poster.format, Poster.width, Poster.height)
                    .where(Poster.hash.in_(part))
                    .order_by(Poster.hash)
                ).all()
            for row in rows:
                yield PosterImage(bytes(row.data), row.format, row.width, row.height)

    def of_films(self, film_ids: Sequence[int] | None = None) -> dict[int, str]:
        """Film id -> the hash of its poster, for the films that have one (of ``film_ids``,
        or all)."""
        from filmdesk.core.models import Film

        query = select(Film.id, Film.poster_hash).where(Film.poster_hash.is_not(None))
        with self._engine.connect() as conn:
            if film_ids is None:
                return {film_id: str(key) for film_id, key in conn.execute(query)}
            wanted = list(dict.fromkeys(film_ids))
            found: dict[int, str] = {}
            for start in range(0, len(wanted), 500):
                part = query.where(Film.id.in_(wanted[start : start + 500]))
                found.update({film_id: str(key) for film_id, key in conn.execute(part)})
            return found

    def for_print(self, film_ids: Sequence[int]) -> dict[int, bytes]:
        """Film id -> a small JPEG of its poster (the cover view's thumbnail, made if it is
        missing), for the films of ``film_ids`` that have one: what a printout embeds (a
        poster a few centimetres high needs no more, and a catalog of thousands stays small)."""
        found: dict[int, bytes] = {}
        done: dict[str, bytes | None] = {}
        for film_id, key in self.of_films(film_ids).items():
            if key not in done:
                done[key] = self._small(key)
            small = done[key]
            if small is not None:
                found[film_id] = small
        return found

    def _small(self, key: str) -> bytes | None:
        path = self.thumbnails.get(key)
        if path is not None:
            try:
                return path.read_bytes()
            except OSError:
                pass
        data = self.data(key)  # (a cache folder that cannot be written: made here instead)
        if data is None:
            return None
        try:
            return thumbnail_bytes(data)
        except PosterError:
            return None

    def count(self) -> int:
        """How many posters the catalog keeps."""
        from filmdesk.core.models import Poster

        with self._engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(Poster)).scalar() or 0)

    def set(
        self, film_id: int, image: PosterImage | None, *, expected: str | None = ANY
    ) -> Outcome[FilmRecord]:
        """Give a film a poster (None: take it away); see ``SetPoster``."""
        from filmdesk.core.posters.operations import SetPoster

        return self._run(SetPoster(film_id, image, expected))

    def drop_unused(self) -> int:
        """Drop the posters no film shows any more (those of deleted films, kept until now so
        an undo could bring them back); how many went. Only when no other filmdesk has the
        catalog open: its undo may still want them. Call it when a window opens (its own undo
        is empty then), not from the command line.

        Bookkeeping, done another time when the catalog is busy: while another program writes
        to it (an import, say), this gives up at once, and the window opens as usual."""
        try:
            with writing_if_free(self._engine) as conn:
                if conn.dialect.name == "postgresql" and _others_connected(conn):
                    return 0
                return drop_unused_posters(conn)
        except (SQLAlchemyError, sqlite3.Error) as exc:  # (the latter: the file's own link)
            if is_busy(exc):
                return 0  # (at the next opening)
            raise

    @property
    def thumbnails(self) -> ThumbnailCache:
        """The on-disk thumbnails of this catalog's posters (the user's cache folder)."""
        if self._thumbnails is None:
            from filmdesk.paths import cache_dir

            self._thumbnails = ThumbnailCache(cache_dir() / "thumbnails", self.data)
        return self._thumbnails

    def use_thumbnail_folder(self, folder: Path) -> None:
        """Keep thumbnails in ``folder`` instead of the user's cache folder."""
        self._thumbnails = ThumbnailCache(folder, self.data)


def _others_connected(conn: Connection) -> bool:
    """Another filmdesk is connected to this server catalog."""
    others = conn.execute(
        text(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND application_name = 'filmdesk' AND pid <> pg_backend_pid()"
        )
    ).scalar()
    return bool(others)
