"""A film's viewings: each time it was watched. The film's ``watched`` and ``watched_on``
follow from them (watched when it has any; the date of the latest one).

The operations here add, edit and remove viewings; ``SetViewings`` puts a film's viewings back
exactly as they were (the undo of an edit of "watched" that took or changed some).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.orm import Session

from filmdesk.core.errors import FilmNotFoundError
from filmdesk.core.films.bulk import id_groups
from filmdesk.core.models import Film, Viewing
from filmdesk.core.operations import Changes, Operation, Outcome, films_changed
from filmdesk.core.records import ViewingRecord
from filmdesk.core.rows import film_label, film_record, half_stars_of, rating_of
from filmdesk.core.transaction import Transaction
from filmdesk.core.validation import (
    FieldProblem,
    ValidationError,
    ViewingFields,
    clean_viewing_fields,
)


class ViewingNotFoundError(LookupError):
    """No viewing with that id (it was removed, or its film deleted)."""


def viewing_record(viewing: Viewing) -> ViewingRecord:
    """A frozen record of an ORM viewing."""
    return ViewingRecord(
        id=viewing.id,
        film_id=viewing.film_id,
        watched_on=viewing.watched_on,
        rating=rating_of(viewing.rating_half_stars),
        rewatch=bool(viewing.rewatch),
        note=viewing.note or "",
    )


def viewing_columns(record: ViewingRecord) -> dict[str, object]:
    """A record as the columns of the viewings table (with its id)."""
    return {
        "id": record.id,
        "film_id": record.film_id,
        "watched_on": record.watched_on,
        "rating_half_stars": half_stars_of(record.rating),
        "rewatch": record.rewatch,
        "note": record.note,
    }


_COLUMNS = (
    Viewing.id,
    Viewing.film_id,
    Viewing.watched_on,
    Viewing.rating_half_stars,
    Viewing.rewatch,
    Viewing.note,
)


def _records(rows: Iterable[tuple[object, ...]]) -> dict[int, tuple[ViewingRecord, ...]]:
    found: defaultdict[int, list[ViewingRecord]] = defaultdict(list)
    for viewing_id, film_id, on, half_stars, rewatch, note in rows:
        found[film_id].append(  # type: ignore[index]
            ViewingRecord(
                viewing_id,  # type: ignore[arg-type]
                film_id,  # type: ignore[arg-type]
                on,  # type: ignore[arg-type]
                rating_of(half_stars),  # type: ignore[arg-type]
                bool(rewatch),
                note or "",  # type: ignore[arg-type]
            )
        )
    return {
        film_id: tuple(sorted(items, key=lambda v: v.order_key)) for film_id, items in found.items()
    }


def viewings_of(
    reader: Session | Connection, film_ids: Iterable[int]
) -> dict[int, tuple[ViewingRecord, ...]]:
    """The viewings of these films in the order they happened (a query per run of ids or 500
    films); a film without viewings has an empty tuple. Read as plain rows: nothing enters a
    session."""
    if isinstance(reader, Session):
        reader.flush()
    ids = list(dict.fromkeys(film_ids))
    found: dict[int, tuple[ViewingRecord, ...]] = {}
    for group in id_groups(ids):  # (a run of ids is one BETWEEN)
        if isinstance(group, range):
            wanted = Viewing.film_id.between(group.start, group.stop - 1)
        else:
            wanted = Viewing.film_id.in_(group)
        found.update(_records(reader.execute(select(*_COLUMNS).where(wanted))))
    return {film_id: found.get(film_id, ()) for film_id in ids}


def all_viewings(session: Session) -> dict[int, tuple[ViewingRecord, ...]]:
    """Every viewing in the catalog by film (films without viewings are not keys)."""
    return _records(session.execute(select(*_COLUMNS)))


def follow_viewings(session: Session, film_ids: Iterable[int]) -> None:
    """Set each film's ``watched`` and ``watched_on`` from its viewings."""
    session.flush()
    for film_id, viewings in viewings_of(session, film_ids).items():
        film = session.get(Film, film_id)
        if film is None:
            continue
        session.expire(film, ["viewings"])  # (rows may have been written by a statement)
        dates = [v.watched_on for v in viewings if v.watched_on is not None]
        watched, on = bool(viewings), max(dates, default=None)
        if (film.watched, film.watched_on) != (watched, on):
            film.watched, film.watched_on = watched, on
        film.updated_at = datetime.now(UTC)  # (its history changed: a window shows it anew)


def insert_viewings(session: Session, rows: Sequence[Mapping[str, object]]) -> None:
    """Write many viewings with one statement (columns as ``viewing_columns`` gives them; an
    id may be left out)."""
    with_ids = [row for row in rows if row.get("id") is not None]
    without = [{k: v for k, v in row.items() if k != "id"} for row in rows if row.get("id") is None]
    for batch in (with_ids, without):
        if batch:
            session.execute(insert(Viewing), batch)


def sync_watched(session: Session, film: Film, watched: bool, on: date | None, dated: bool) -> None:
    """Make ``film``'s viewings agree with an edit of its watched fields.

    Not watched takes every viewing away. Watched with no viewings adds one (on ``on``). A new
    watch date (``dated``: the edit gave one) moves the latest viewing to that day; it may not
    be earlier than another viewing (edit the viewings for that).
    """
    viewings = sorted(film.viewings, key=lambda v: (v.watched_on or date.min, v.id or 0))
    if not watched:
        for viewing in viewings:
            film.viewings.remove(viewing)
    elif not viewings:
        film.viewings.append(Viewing(watched_on=on, rewatch=False, note=""))
    elif dated and viewings[-1].watched_on != on:
        earlier = [v.watched_on for v in viewings[:-1] if v.watched_on is not None]
        if on is None or (earlier and on < max(earlier)):
            latest = max(earlier, default=None)
            raise ValidationError(
                [
                    FieldProblem(
                        "watched_on",
                        f"the film was also watched on {latest.isoformat() if latest else '?'}; "
                        "change its viewings to move an earlier one",
                    )
                ],
                film_label(film),
            )
        viewings[-1].watched_on = on


def _film(session: Session, film_id: int) -> Film:
    film = session.get(Film, film_id)
    if film is None:
        raise FilmNotFoundError(f"no film with id {film_id}")
    return film


def _viewing(session: Session, viewing_id: int) -> Viewing:
    viewing = session.get(Viewing, viewing_id)
    if viewing is None:
        raise ViewingNotFoundError(f"no viewing with id {viewing_id}")
    return viewing


def _films_changed(session: Session, film_ids: Iterable[int]) -> Changes:
    """The films whose viewings changed, with their watched fields followed, as changed."""
    ids = list(dict.fromkeys(film_ids))
    follow_viewings(session, ids)
    session.flush()
    return films_changed([film_record(_film(session, film_id)) for film_id in ids])


@dataclass(frozen=True)
class AddViewing(Operation[ViewingRecord]):
    """Add a viewing to a film (today's, by default, in the window). Without ``rewatch`` given,
    it is a rewatch when the film has an earlier viewing. Undone by removing it."""

    film_id: int
    fields: ViewingFields

    def apply(self, tx: Transaction) -> Outcome[ViewingRecord]:
        session = tx.session
        film = _film(session, self.film_id)
        cleaned = clean_viewing_fields(self.fields, subject=film_label(film))
        rewatch = cleaned.get("rewatch")
        if rewatch is None:
            on = cleaned.get("watched_on")
            rewatch = any(
                v.watched_on is None or on is None or v.watched_on <= on for v in film.viewings
            )
        viewing = Viewing(
            film_id=film.id,
            watched_on=cleaned.get("watched_on"),
            rating_half_stars=half_stars_of(cleaned.get("rating")),
            rewatch=rewatch,
            note=cleaned.get("note", ""),
        )
        session.add(viewing)
        session.flush()
        record = viewing_record(viewing)
        changes = _films_changed(session, [film.id])
        return Outcome(record, RemoveViewings((record.id,)), changes)


@dataclass(frozen=True)
class EditViewing(Operation[ViewingRecord]):
    """Change a viewing's date, rating, rewatch or note. Undone by the previous values."""

    viewing_id: int
    fields: ViewingFields

    def apply(self, tx: Transaction) -> Outcome[ViewingRecord]:
        session = tx.session
        viewing = _viewing(session, self.viewing_id)
        cleaned = clean_viewing_fields(self.fields, subject=film_label(viewing.film))
        before_record = viewing_record(viewing)
        before: ViewingFields = {}
        for name, value in cleaned.items():
            if name == "rating":
                before["rating"] = before_record.rating
                viewing.rating_half_stars = half_stars_of(value)  # type: ignore[arg-type]
            else:
                before[name] = getattr(before_record, name)  # type: ignore[literal-required]
                setattr(viewing, name, value)
        session.flush()
        record = viewing_record(viewing)
        changes = _films_changed(session, [viewing.film_id])
        return Outcome(record, EditViewing(self.viewing_id, before), changes)


@dataclass(frozen=True)
class RemoveViewings(Operation[list[ViewingRecord]]):
    """Remove viewings. Undone by putting them back (same ids)."""

    viewing_ids: tuple[int, ...]

    def apply(self, tx: Transaction) -> Outcome[list[ViewingRecord]]:
        session = tx.session
        viewings = [_viewing(session, viewing_id) for viewing_id in self.viewing_ids]
        removed = [viewing_record(v) for v in viewings]
        for viewing in viewings:
            session.delete(viewing)
        session.flush()
        changes = _films_changed(session, [v.film_id for v in removed])
        return Outcome(removed, RestoreViewings(tuple(removed)), changes)


@dataclass(frozen=True)
class RestoreViewings(Operation[list[ViewingRecord]]):
    """Put removed viewings back as they were, with their ids. Undone by removing them."""

    viewings: tuple[ViewingRecord, ...]

    def apply(self, tx: Transaction) -> Outcome[list[ViewingRecord]]:
        session = tx.session
        for film_id in {v.film_id for v in self.viewings}:
            if session.get(Film, film_id) is None:
                raise FilmNotFoundError(f"no film with id {film_id}")
        insert_viewings(session, [viewing_columns(v) for v in self.viewings])
        changes = _films_changed(session, [v.film_id for v in self.viewings])
        restored = list(self.viewings)
        return Outcome(restored, RemoveViewings(tuple(v.id for v in restored)), changes)


@dataclass(frozen=True)
class SetViewings(Operation[None]):
    """Make these films' viewings exactly these (same ids): what an edit of "watched" that
    took or moved viewings is undone by. Undone by the viewings they had."""

    viewings: Mapping[int, tuple[ViewingRecord, ...]]

    def apply(self, tx: Transaction) -> Outcome[None]:
        session = tx.session
        session.flush()
        ids = list(self.viewings)
        before = viewings_of(session, ids)
        session.execute(
            delete(Viewing).where(Viewing.film_id.in_(ids)),
            execution_options={"synchronize_session": "fetch"},
        )
        for film_id in ids:
            film = session.get(Film, film_id)
            if film is not None:
                session.expire(film, ["viewings"])
        insert_viewings(
            session, [viewing_columns(v) for items in self.viewings.values() for v in items]
        )
        changes = _films_changed(session, ids)
        return Outcome(None, SetViewings(before), changes)
