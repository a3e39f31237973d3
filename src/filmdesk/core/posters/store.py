"""Keeping posters in the catalog: once per content, read without their bytes until needed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import Connection, delete, exists, insert, select, text

from filmdesk.core.posters.images import PosterImage

if TYPE_CHECKING:  # (the models are imported where used: not before a window's first paint)
    from sqlalchemy.orm import Session

ANY = "*"  # a poster change's ``expected``: whatever poster the film has now


def existing_posters(session: Session, hashes: Iterable[str]) -> list[str]:
    """Those of ``hashes`` the catalog keeps a poster under."""
    from filmdesk.core.models import Poster

    wanted = sorted(set(hashes))
    found: list[str] = []
    for start in range(0, len(wanted), 500):
        found += session.scalars(
            select(Poster.hash).where(Poster.hash.in_(wanted[start : start + 500]))
        )
    return found


def keep_poster(session: Session, image: PosterImage) -> str:
    """Keep ``image`` (unless the same picture is kept already); its hash."""
    from filmdesk.core.models import Poster, utcnow

    key = image.hash
    if session.get(Poster, key) is None:
        session.execute(
            insert(Poster).values(
                hash=key,
                format=image.format,
                width=image.width,
                height=image.height,
                data=image.data,
                created_at=utcnow(),
            )
        )
    return key


def poster_image(session: Session | Connection, key: str) -> PosterImage | None:
    """The poster kept under ``key``, bytes and all; None when there is none."""
    from filmdesk.core.models import Poster

    row = session.execute(
        select(Poster.data, Poster.format, Poster.width, Poster.height).where(Poster.hash == key)
    ).first()
    if row is None:
        return None
    return PosterImage(bytes(row.data), row.format, row.width, row.height)


def drop_if_unused(session: Session, key: str | None) -> None:
    """Drop the poster under ``key`` when no film shows it any more."""
    from filmdesk.core.models import Film, Poster

    if key is None:
        return
    session.flush()
    if session.scalar(select(exists().where(Film.poster_hash == key))):
        return
    session.execute(delete(Poster).where(Poster.hash == key))


def drop_unused_posters(conn: Connection) -> int:
    """Drop every poster no film shows (those of deleted films); how many went. (Plain SQL:
    a window does it as it opens, before its first paint, which does without the ORM.)"""
    result = conn.execute(
        text(
            "DELETE FROM posters WHERE NOT EXISTS"
            " (SELECT 1 FROM films WHERE films.poster_hash = posters.hash)"
        )
    )
    return int(result.rowcount or 0)
