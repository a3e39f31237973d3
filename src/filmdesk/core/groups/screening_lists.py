"""Screening lists: a teacher's ordered programme of films for an audience (``catalog.lists``).

Each entry has the film, an optional date and time (naive local time; 00:00 means the day
only), the teacher's note, and whether it has been screened (a log of this list, apart from the
user's own "watched"). Positions run 1..n without gaps after every change. A film appears in a
list once; taking it out of a list never deletes the film, and deleting a film takes it out of
every list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from filmdesk.core.errors import ScreeningListNotFoundError
from filmdesk.core.groups.entries import entry_record, list_record, summaries
from filmdesk.core.groups.list_ops import (
    AddToList,
    CreateList,
    DeleteList,
    DuplicateList,
    EditEntry,
    EditList,
    MoveInList,
    RemoveFromList,
    RestoreEntries,
    RestoreList,
    SetListOrder,
    SortListByDate,
)
from filmdesk.core.models import Film, ListEntry
from filmdesk.core.names import name_key
from filmdesk.core.operations import Runner
from filmdesk.core.records import ListEntryRecord, ScreeningListRecord, ScreeningListSummary
from filmdesk.core.validation import EntryFields, ListFields


class ListService:
    """The screening lists of one catalog."""

    def __init__(self, sessions: Callable[[], Session], run: Runner) -> None:
        self._sessions = sessions
        self._run = run

    # --- reading ------------------------------------------------------------------------

    def summaries(self) -> list[ScreeningListSummary]:
        """Every screening list without its entries (counts and total runtime), by name."""
        with self._sessions() as session:
            return summaries(session)

    def get(self, list_id: int) -> ScreeningListRecord:
        """One screening list with its entries in order; raises ScreeningListNotFoundError."""
        with self._sessions() as session:
            return list_record(session, list_id)

    def resolve(self, reference: str) -> ScreeningListRecord:
        """A screening list named by numeric id or exact name (any case, spacing ignored).

        Raises ScreeningListNotFoundError (also when a name is shared, listing the ids).
        """
        text = reference.strip()
        lists = self.summaries()
        if text.isascii() and text.isdigit():
            found = next((s for s in lists if s.id == int(text)), None)
            if found is not None:
                return self.get(found.id)
        matches = [s for s in lists if name_key(s.name) == name_key(text)]
        if len(matches) == 1:
            return self.get(matches[0].id)
        if matches:
            ids = ", ".join(str(s.id) for s in matches)
            raise ScreeningListNotFoundError(
                f"{reference!r} names {len(matches)} screening lists (ids {ids}); use an id"
            )
        raise ScreeningListNotFoundError(f"no screening list with the id or name {reference!r}")

    def with_film(self, film_id: int) -> list[ListEntryRecord]:
        """The film's entries in every screening list it is in (by list id)."""
        with self._sessions() as session:
            rows = session.scalars(
                select(ListEntry)
                .where(ListEntry.film_id == film_id)
                .order_by(ListEntry.list_id)
                .options(selectinload(ListEntry.film).selectinload(Film.tags))
            )
            return [entry_record(e) for e in rows]

    def holding_all(self, film_ids: Iterable[int]) -> set[int]:
        """The ids of the lists that hold every one of these films (one query: lists are
        short, so every entry's two ids are read and compared here)."""
        wanted = set(film_ids)
        if not wanted:
            return set()
        held: dict[int, set[int]] = {}
        with self._sessions() as session:
            for list_id, film_id in session.execute(select(ListEntry.list_id, ListEntry.film_id)):
                if film_id in wanted:
                    held.setdefault(list_id, set()).add(film_id)
        return {list_id for list_id, films in held.items() if films == wanted}

    # --- changing (each an operation, in one transaction) --------------------------------

    def create(self, name: str, audience: str = "", description: str = "") -> ScreeningListRecord:
        """A new, empty screening list. Names are unique regardless of case (NameTakenError)."""
        return self._run(CreateList(name, audience, description)).result

    def edit(self, list_id: int, fields: ListFields) -> ScreeningListRecord:
        """Change a list's name, audience or description."""
        return self._run(EditList(list_id, fields)).result

    def rename(self, list_id: int, name: str) -> ScreeningListRecord:
        """Rename a screening list."""
        return self.edit(list_id, {"name": name})

    def duplicate(
        self, list_id: int, name: str | None = None, *, keep_schedule: bool = True
    ) -> ScreeningListRecord:
        """A copy of a list under a new name (see ``DuplicateList``); the copy is unscreened."""
        return self._run(DuplicateList(list_id, name, keep_schedule)).result

    def delete(self, list_id: int) -> ScreeningListRecord:
        """Delete a screening list (its films stay); returns it as it was, for ``restore``."""
        return self._run(DeleteList(list_id)).result

    def restore(self, snapshot: ScreeningListRecord) -> ScreeningListRecord:
        """Bring a deleted list back as it was (same id, fields and entries)."""
        return self._run(RestoreList(snapshot)).result

    def add(
        self,
        list_id: int,
        film_ids: Iterable[int],
        *,
        position: int | None = None,
        scheduled_at: datetime | date | str | None = None,
        note: str = "",
        skip_present: bool = False,
    ) -> list[ListEntryRecord]:
        """Add films to a list, at the end or from a 1-based ``position`` on, optionally with
        a date (and time) and a note for each. A film already in the list raises
        DuplicateEntryError and nothing changes, unless ``skip_present`` leaves it where it
        is. Returns the new entries."""
        operation = AddToList(list_id, tuple(film_ids), position, scheduled_at, note, skip_present)
        return self._run(operation).result

    def remove(self, list_id: int, film_ids: Iterable[int]) -> list[ListEntryRecord]:
        """Take films out of a list; returns the removed entries as they were."""
        return self._run(RemoveFromList(list_id, tuple(film_ids))).result

    def restore_entries(self, entries: Iterable[ListEntryRecord]) -> list[ListEntryRecord]:
        """Put removed entries back at their positions with their dates, notes and log."""
        return self._run(RestoreEntries(tuple(entries))).result

    def move(self, list_id: int, film_id: int, position: int) -> ScreeningListRecord:
        """Move a film to a 1-based position in the list; the others close up."""
        return self._run(MoveInList(list_id, film_id, position)).result

    def set_order(self, list_id: int, film_ids: Sequence[int]) -> ScreeningListRecord:
        """Put the list's films in this order."""
        return self._run(SetListOrder(list_id, tuple(film_ids))).result

    def sort_by_date(self, list_id: int) -> ScreeningListRecord:
        """Order the list by date and time; films without a date keep their order at the end."""
        return self._run(SortListByDate(list_id)).result

    def edit_entry(self, list_id: int, film_id: int, fields: EntryFields) -> ListEntryRecord:
        """Change an entry's date and time, note, or screening log."""
        return self._run(EditEntry(list_id, film_id, fields)).result

    def schedule(
        self, list_id: int, film_id: int, at: datetime | date | str | None
    ) -> ListEntryRecord:
        """Set (or with None, clear) when a film is screened: a naive local date and time, or
        a date (that day)."""
        return self.edit_entry(list_id, film_id, {"scheduled_at": at})  # type: ignore[typeddict-item]

    def set_note(self, list_id: int, film_id: int, note: str) -> ListEntryRecord:
        """Replace the teacher's note on an entry."""
        return self.edit_entry(list_id, film_id, {"note": note})

    def set_screened(
        self, list_id: int, film_id: int, screened: bool = True, on: date | None = None
    ) -> ListEntryRecord:
        """Log an entry as screened (on a day, if given) or not screened."""
        fields: EntryFields = {"screened": screened}
        if screened and on is not None:
            fields["screened_on"] = on
        return self.edit_entry(list_id, film_id, fields)
