"""Screening lists as records, and putting entries back where they were."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, selectinload

from filmdesk.core.errors import ScreeningListNotFoundError
from filmdesk.core.folding import fold
from filmdesk.core.groups.ordered import LIST_ENTRIES, insertion_order
from filmdesk.core.models import Film, ListEntry, ScreeningList
from filmdesk.core.records import (
    FilmRecord,
    ListEntryRecord,
    ScreeningListRecord,
    ScreeningListSummary,
)
from filmdesk.core.rows import aware, film_record


def entry_record(entry: ListEntry, film: FilmRecord | None = None) -> ListEntryRecord:
    """A record of an ORM entry, with ``film`` as its film (default: the entry's film, which
    must be loaded with its tags)."""
    return ListEntryRecord(
        list_id=entry.list_id,
        film=film if film is not None else film_record(entry.film),
        position=entry.position,
        scheduled_at=entry.scheduled_at,
        note=entry.note or "",
        screened=bool(entry.screened),
        screened_on=entry.screened_on,
    )


def entry_row(entry: ListEntryRecord, position: int) -> ListEntry:
    """An ORM entry made from a record, at ``position``."""
    return ListEntry(
        list_id=entry.list_id,
        film_id=entry.film_id,
        position=position,
        scheduled_at=entry.scheduled_at,
        note=entry.note,
        screened=entry.screened,
        screened_on=entry.screened_on,
    )


def load_list(session: Session, list_id: int) -> ScreeningList:
    """The screening list with this id; ScreeningListNotFoundError."""
    screening_list = session.get(ScreeningList, list_id)
    if screening_list is None:
        raise ScreeningListNotFoundError(f"no screening list with id {list_id}")
    return screening_list


def entries_of(session: Session, list_id: int, film_ids: Sequence[int]) -> list[ListEntryRecord]:
    """The entries of these films in the list, in the order of ``film_ids``."""
    session.flush()
    rows = {
        e.film_id: e
        for e in session.scalars(
            select(ListEntry)
            .where(ListEntry.list_id == list_id, ListEntry.film_id.in_(film_ids))
            .options(selectinload(ListEntry.film).selectinload(Film.tags))
        )
    }
    return [entry_record(rows[f]) for f in film_ids]


def list_record(session: Session, list_id: int) -> ScreeningListRecord:
    """One screening list with its entries in order; ScreeningListNotFoundError."""
    session.flush()
    screening_list = load_list(session, list_id)
    entries = session.scalars(
        select(ListEntry)
        .where(ListEntry.list_id == list_id)
        .order_by(ListEntry.position, ListEntry.film_id)
        .options(selectinload(ListEntry.film).selectinload(Film.tags))
    )
    return ScreeningListRecord(
        id=screening_list.id,
        name=screening_list.name,
        audience=screening_list.audience or "",
        description=screening_list.description or "",
        entries=tuple(entry_record(e) for e in entries),
        created_at=aware(screening_list.created_at),
        updated_at=aware(screening_list.updated_at),
    )


def summaries(session: Session, only: int | None = None) -> list[ScreeningListSummary]:
    """Every list (or only one) without its entries: counts and total runtime, by name."""
    query = (
        select(
            ScreeningList.id,
            ScreeningList.name,
            ScreeningList.audience,
            ScreeningList.description,
            func.count(ListEntry.film_id),
            func.coalesce(func.sum(Film.runtime_minutes), 0),
            func.coalesce(func.sum(case((ListEntry.screened.is_(True), 1), else_=0)), 0),
        )
        .outerjoin(ListEntry, ListEntry.list_id == ScreeningList.id)
        .outerjoin(Film, Film.id == ListEntry.film_id)
        .group_by(ScreeningList.id)
    )
    if only is not None:
        query = query.where(ScreeningList.id == only)
    found = [
        ScreeningListSummary(
            list_id, name, audience or "", description or "", count, int(runtime), int(done)
        )
        for list_id, name, audience, description, count, runtime, done in session.execute(query)
    ]
    return sorted(found, key=lambda s: (fold(s.name), s.id))


def place_entries(session: Session, entries: Sequence[ListEntryRecord]) -> None:
    """Insert entries at their former positions, moving the others down (lists that are gone,
    films that are gone and films already in the list are skipped)."""
    by_list: defaultdict[int, list[ListEntryRecord]] = defaultdict(list)
    for entry in entries:
        by_list[entry.list_id].append(entry)
    films = {e.film_id for e in entries}
    existing = set(session.scalars(select(Film.id).where(Film.id.in_(films))))
    for list_id, items in sorted(by_list.items()):
        if session.get(ScreeningList, list_id) is None:
            continue
        current = LIST_ENTRIES.ids(session, list_id)
        adding = [e for e in items if e.film_id in existing and e.film_id not in current]
        for entry in adding:
            session.add(entry_row(entry, 0))
        session.flush()
        order = insertion_order(current, [(e.film_id, e.position) for e in adding])
        LIST_ENTRIES.write(session, list_id, order)


def date_order(screening_list: ScreeningListRecord) -> list[int]:
    """The list's films by date and time; films without a date keep their order at the end."""
    dated = sorted(
        (e for e in screening_list.entries if e.scheduled_at is not None),
        key=lambda e: (e.scheduled_at, e.position),
    )
    order = [e.film_id for e in dated]
    return order + [e.film_id for e in screening_list.entries if e.scheduled_at is None]
