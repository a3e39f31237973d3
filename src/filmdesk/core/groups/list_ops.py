"""The operations that change screening lists and their entries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from filmdesk.core.errors import EntryNotFoundError
from filmdesk.core.groups.entries import (
    date_order,
    entries_of,
    entry_row,
    list_record,
    load_list,
    place_entries,
)
from filmdesk.core.groups.ordered import LIST_ENTRIES, check_name_free, free_copy_name, reordered
from filmdesk.core.models import Film, ListEntry, ScreeningList
from filmdesk.core.operations import Batch, Changes, Operation, Outcome
from filmdesk.core.records import ListEntryRecord, ScreeningListRecord
from filmdesk.core.rows import check_film_ids, film_label
from filmdesk.core.transaction import Transaction
from filmdesk.core.validation import EntryFields, ListFields, clean_entry_fields, clean_list_fields


def _changed(*list_ids: int) -> Changes:
    return Changes(lists_changed=frozenset(list_ids))


def _touch(screening_list: ScreeningList) -> None:
    screening_list.updated_at = datetime.now(UTC)


@dataclass(frozen=True)
class CreateList(Operation[ScreeningListRecord]):
    """A new, empty screening list (names unique regardless of case). Undone by deleting it."""

    name: str
    audience: str = ""
    description: str = ""

    def apply(self, tx: Transaction) -> Outcome[ScreeningListRecord]:
        fields: ListFields = {
            "name": self.name,
            "audience": self.audience,
            "description": self.description,
        }
        cleaned = clean_list_fields(fields, subject="screening list")
        session = tx.session
        check_name_free(session, ScreeningList, "screening list", cleaned["name"], None)
        now = datetime.now(UTC)
        screening_list = ScreeningList(
            name=cleaned["name"],
            audience=cleaned.get("audience", ""),
            description=cleaned.get("description", ""),
            created_at=now,
            updated_at=now,
        )
        session.add(screening_list)
        session.flush()
        record = list_record(session, screening_list.id)
        changes = Changes(lists_added=frozenset({record.id}))
        return Outcome(record, DeleteList(record.id), changes)


@dataclass(frozen=True)
class EditList(Operation[ScreeningListRecord]):
    """Change a list's name, audience or description. Undone by the previous values."""

    list_id: int
    fields: ListFields

    def apply(self, tx: Transaction) -> Outcome[ScreeningListRecord]:
        session = tx.session
        screening_list = load_list(session, self.list_id)
        cleaned = clean_list_fields(self.fields, subject=f"screening list {screening_list.name!r}")
        if "name" in cleaned:
            check_name_free(
                session, ScreeningList, "screening list", cleaned["name"], screening_list.id
            )
        before = {name: getattr(screening_list, name) for name in cleaned}
        for name, value in cleaned.items():
            setattr(screening_list, name, value)
        _touch(screening_list)
        record = list_record(session, self.list_id)
        inverse = EditList(self.list_id, before)  # type: ignore[arg-type]
        return Outcome(record, inverse, _changed(self.list_id))


@dataclass(frozen=True)
class DuplicateList(Operation[ScreeningListRecord]):
    """A copy of a list under a new name (default "NAME (copy)", "NAME (copy 2)", ...): same
    audience, description, films in order and notes, and the dates unless ``keep_schedule``
    is False; the copy is unscreened. Undone by deleting the copy."""

    list_id: int
    name: str | None = None
    keep_schedule: bool = True

    def apply(self, tx: Transaction) -> Outcome[ScreeningListRecord]:
        session = tx.session
        original = list_record(session, self.list_id)
        name = self.name
        if name is None:
            name = free_copy_name(session.scalars(select(ScreeningList.name)), original.name)
        cleaned = clean_list_fields({"name": name}, subject="screening list")
        check_name_free(session, ScreeningList, "screening list", cleaned["name"], None)
        now = datetime.now(UTC)
        copy = ScreeningList(
            name=cleaned["name"],
            audience=original.audience,
            description=original.description,
            created_at=now,
            updated_at=now,
        )
        session.add(copy)
        session.flush()
        for entry in original.entries:
            session.add(
                ListEntry(
                    list_id=copy.id,
                    film_id=entry.film_id,
                    position=entry.position,
                    scheduled_at=entry.scheduled_at if self.keep_schedule else None,
                    note=entry.note,
                    screened=False,
                    screened_on=None,
                )
            )
        record = list_record(session, copy.id)
        changes = Changes(lists_added=frozenset({record.id}))
        return Outcome(record, DeleteList(record.id), changes)


@dataclass(frozen=True)
class DeleteList(Operation[ScreeningListRecord]):
    """Delete a screening list (its films stay); the result is the list as it was, with
    every entry. Undone by restoring it."""

    list_id: int

    def apply(self, tx: Transaction) -> Outcome[ScreeningListRecord]:
        session = tx.session
        record = list_record(session, self.list_id)
        session.delete(load_list(session, self.list_id))
        session.flush()
        changes = Changes(lists_removed=frozenset({record.id}))
        return Outcome(record, RestoreList(record), changes)


@dataclass(frozen=True)
class RestoreList(Operation[ScreeningListRecord]):
    """Bring a deleted list back as it was: same id, fields and entries (dates, notes,
    screening log) in order; films deleted since are left out. Undone by deleting it."""

    snapshot: ScreeningListRecord

    def apply(self, tx: Transaction) -> Outcome[ScreeningListRecord]:
        session = tx.session
        snapshot = self.snapshot
        if session.get(ScreeningList, snapshot.id) is not None:
            raise ValueError(f"screening list id {snapshot.id} exists already; cannot restore it")
        now = datetime.now(UTC)
        session.add(
            ScreeningList(
                id=snapshot.id,
                name=snapshot.name,
                audience=snapshot.audience,
                description=snapshot.description,
                created_at=snapshot.created_at or now,
                updated_at=snapshot.updated_at or now,
            )
        )
        session.flush()
        existing = set(session.scalars(select(Film.id).where(Film.id.in_(snapshot.film_ids))))
        kept = [e for e in snapshot.entries if e.film_id in existing]
        for position, entry in enumerate(kept, start=1):
            session.add(entry_row(entry, position))
        record = list_record(session, snapshot.id)
        changes = Changes(lists_added=frozenset({record.id}))
        return Outcome(record, DeleteList(record.id), changes)


@dataclass(frozen=True)
class AddToList(Operation[list[ListEntryRecord]]):
    """Add films at the end or from a 1-based ``position`` on, optionally with a date (and
    time) and a note for each (a film in it already: see ``Membership.adding``). The result
    is the new entries. Undone by taking them out."""

    list_id: int
    film_ids: tuple[int, ...]
    position: int | None = None
    scheduled_at: datetime | date | str | None = None
    note: str = ""
    skip_present: bool = False

    def apply(self, tx: Transaction) -> Outcome[list[ListEntryRecord]]:
        session = tx.session
        screening_list = load_list(session, self.list_id)
        fields = clean_entry_fields(
            {"scheduled_at": self.scheduled_at, "note": self.note},
            subject=f"screening list {screening_list.name!r}",
        )
        wanted = list(dict.fromkeys(self.film_ids))
        check_film_ids(session, wanted)
        current = LIST_ENTRIES.ids(session, self.list_id)
        adding, order = LIST_ENTRIES.adding(
            session,
            screening_list.name,
            current,
            wanted,
            self.position,
            skip_present=self.skip_present,
        )
        for film_id in adding:
            session.add(
                ListEntry(
                    list_id=self.list_id,
                    film_id=film_id,
                    position=0,
                    scheduled_at=fields.get("scheduled_at"),
                    note=fields.get("note", ""),
                    screened=False,
                )
            )
        session.flush()
        LIST_ENTRIES.write(session, self.list_id, order)
        if adding:
            _touch(screening_list)
        added = entries_of(session, self.list_id, adding)
        inverse = RemoveFromList(self.list_id, tuple(adding))
        return Outcome(added, inverse, _changed(self.list_id) if adding else Changes())


@dataclass(frozen=True)
class RemoveFromList(Operation[list[ListEntryRecord]]):
    """Take films out of a list (they stay in the catalog); the rest close up.
    EntryNotFoundError for a film not in it. The result is the removed entries as they were;
    undone by putting them back."""

    list_id: int
    film_ids: tuple[int, ...]

    def apply(self, tx: Transaction) -> Outcome[list[ListEntryRecord]]:
        session = tx.session
        screening_list = load_list(session, self.list_id)
        removing = list(dict.fromkeys(self.film_ids))
        current = LIST_ENTRIES.ids(session, self.list_id)
        LIST_ENTRIES.check_members(session, screening_list.name, current, removing)
        removed = sorted(entries_of(session, self.list_id, removing), key=lambda e: e.position)
        for film_id in removing:
            session.delete(session.get(ListEntry, (self.list_id, film_id)))
        session.flush()
        LIST_ENTRIES.write(session, self.list_id, [f for f in current if f not in removing])
        if removing:
            _touch(screening_list)
        return Outcome(removed, RestoreEntries(tuple(removed)), _changed(self.list_id))


@dataclass(frozen=True)
class RestoreEntries(Operation[list[ListEntryRecord]]):
    """Put removed entries back at their positions with their dates, notes and screening log
    (entries of several lists may be given; films deleted since, and films back in the list
    already, are left out). Undone by taking them out again."""

    entries: tuple[ListEntryRecord, ...]

    def apply(self, tx: Transaction) -> Outcome[list[ListEntryRecord]]:
        session = tx.session
        # Lists deleted since are skipped, as their entries cannot come back.
        list_ids = sorted(
            {e.list_id for e in self.entries if session.get(ScreeningList, e.list_id) is not None}
        )
        for list_id in list_ids:
            _touch(load_list(session, list_id))
        before = {list_id: set(LIST_ENTRIES.ids(session, list_id)) for list_id in list_ids}
        place_entries(session, self.entries)
        session.flush()
        restored: list[ListEntryRecord] = []
        undo: list[Operation[list[ListEntryRecord]]] = []
        for list_id in list_ids:
            present = set(LIST_ENTRIES.ids(session, list_id))
            back = [
                e.film_id
                for e in self.entries
                if e.list_id == list_id and e.film_id in present - before[list_id]
            ]
            restored += entries_of(session, list_id, back)
            if back:
                undo.append(RemoveFromList(list_id, tuple(back)))
        inverse = undo[0] if len(undo) == 1 else Batch(tuple(undo))
        return Outcome(restored, inverse, _changed(*list_ids))


@dataclass(frozen=True)
class SetListOrder(Operation[ScreeningListRecord]):
    """Put the list's films in this order (ids no longer in it are ignored; films missing
    from ``film_ids`` keep their order at the end). Undone by the order it replaced."""

    list_id: int
    film_ids: tuple[int, ...]

    def apply(self, tx: Transaction) -> Outcome[ScreeningListRecord]:
        current = LIST_ENTRIES.ids(tx.session, self.list_id)
        return _reorder(tx.session, self.list_id, current, reordered(current, self.film_ids))


@dataclass(frozen=True)
class MoveInList(Operation[ScreeningListRecord]):
    """Move a film to a 1-based position in the list; the others close up."""

    list_id: int
    film_id: int
    position: int

    def apply(self, tx: Transaction) -> Outcome[ScreeningListRecord]:
        session = tx.session
        screening_list = load_list(session, self.list_id)
        current = LIST_ENTRIES.ids(session, self.list_id)
        order = LIST_ENTRIES.moved(
            session, screening_list.name, current, self.film_id, self.position
        )
        return _reorder(session, self.list_id, current, order)


@dataclass(frozen=True)
class SortListByDate(Operation[ScreeningListRecord]):
    """Order the list by date and time; films without a date keep their order at the end."""

    list_id: int

    def apply(self, tx: Transaction) -> Outcome[ScreeningListRecord]:
        record = list_record(tx.session, self.list_id)
        return _reorder(tx.session, self.list_id, list(record.film_ids), date_order(record))


def _reorder(
    session: Session, list_id: int, current: Sequence[int], order: Sequence[int]
) -> Outcome[ScreeningListRecord]:
    screening_list = load_list(session, list_id)
    LIST_ENTRIES.write(session, list_id, order)
    if list(order) != list(current):
        _touch(screening_list)
    record = list_record(session, list_id)
    changed = _changed(list_id) if list(order) != list(current) else Changes()
    return Outcome(record, SetListOrder(list_id, tuple(current)), changed)


@dataclass(frozen=True)
class EditEntry(Operation[ListEntryRecord]):
    """Change an entry's date and time, note, or screening log (``screened=False`` clears
    the screening date; a screening date implies screened). Undone by the previous values
    (screened and its date together)."""

    list_id: int
    film_id: int
    fields: EntryFields = field(default_factory=lambda: EntryFields())

    def apply(self, tx: Transaction) -> Outcome[ListEntryRecord]:
        session = tx.session
        screening_list = load_list(session, self.list_id)
        entry = session.get(ListEntry, (self.list_id, self.film_id))
        if entry is None:
            film = session.get(Film, self.film_id)
            name = film_label(film) if film is not None else f"film id {self.film_id}"
            raise EntryNotFoundError(f"{name} is not in the screening list {screening_list.name!r}")
        film = session.get(Film, self.film_id)
        assert film is not None
        cleaned = clean_entry_fields(
            self.fields, subject=f"{film_label(film)} in {screening_list.name!r}"
        )
        before: dict[str, object] = {}
        for name in ("scheduled_at", "note"):
            if name in cleaned:
                before[name] = getattr(entry, name)
                setattr(entry, name, cleaned[name])  # type: ignore[literal-required]
        if "screened" in cleaned or "screened_on" in cleaned:
            before["screened"] = entry.screened
            before["screened_on"] = entry.screened_on
            # clean_entry_fields made a screening date imply screened already.
            screened = cleaned.get("screened", entry.screened)
            on = cleaned.get("screened_on", entry.screened_on)
            entry.screened = screened
            entry.screened_on = on if screened else None
        _touch(screening_list)
        (record,) = entries_of(session, self.list_id, [self.film_id])
        inverse = EditEntry(self.list_id, self.film_id, before)  # type: ignore[arg-type]
        return Outcome(record, inverse, _changed(self.list_id))
