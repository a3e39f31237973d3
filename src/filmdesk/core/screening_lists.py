"""Screening lists: a teacher's ordered programme of films for an audience (a class, a club).

Part of the catalog service (``Catalog`` inherits these methods). Each entry has the film, an
optional date and time (naive local time; 00:00 means the day only), the teacher's note, and
whether it has been screened (a log of this list, apart from the user's own "watched").
Positions run 1..n without gaps after every change. A film appears in a list once; taking it
out of a list never deletes the film, and deleting a film takes it out of every list.

Every change returns what undoing it needs:

* ``create_list``, ``duplicate_list`` -> the new list; undo with ``delete_list``;
* ``edit_list`` (``rename_list``) -> ``Edited``; ``edit_list(id, edited.before)`` undoes it;
* ``delete_list`` -> the list as it was; ``restore_list`` brings it back (same id, entries);
* ``add_to_list`` -> the new entries; undo with ``remove_from_list``;
* ``remove_from_list`` -> the removed entries; ``restore_list_entries`` puts them back at
  their positions with their dates, notes and screening log;
* ``move_in_list``, ``set_list_order`` -> ``Edited`` whose ``before`` (the previous order of
  film ids) passed to ``set_list_order`` undoes it;
* ``edit_entry`` (``schedule_entry``, ``set_entry_note``, ``set_screened``) -> ``Edited``;
  ``edit_entry(list_id, film_id, edited.before)`` undoes it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, selectinload

from filmdesk.core.exchange import IncomingList
from filmdesk.core.models import Film, ListEntry, ScreeningList
from filmdesk.core.records import (
    Edited,
    FilmRecord,
    ListEntryRecord,
    ScreeningListRecord,
    ScreeningListSummary,
)
from filmdesk.core.search import fold
from filmdesk.core.service import (
    CatalogBase,
    DuplicateEntryError,
    EntryNotFoundError,
    NameTakenError,
    ScreeningListNotFoundError,
    aware,
    check_film_ids,
    checked_position,
    film_label,
    film_record,
    insertion_order,
    ordered_ids,
    write_order,
)
from filmdesk.core.validation import (
    EntryFields,
    ListFields,
    clean_entry_fields,
    clean_list_fields,
)


def _key(name: str) -> str:
    return " ".join(fold(name).split())


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


class ScreeningListsMixin(CatalogBase):
    """Screening lists and their entries (part of ``Catalog``)."""

    # --- reading ------------------------------------------------------------------------

    def screening_lists(self) -> list[ScreeningListSummary]:
        """Every screening list without its entries (counts and total runtime), by name."""
        with self._sessions() as session:
            return self._summaries(session, None)

    def screening_list(self, list_id: int) -> ScreeningListRecord:
        """One screening list with its entries in order; raises ScreeningListNotFoundError."""
        with self._sessions() as session:
            return self._list_record(session, list_id)

    def resolve_list(self, reference: str) -> ScreeningListRecord:
        """A screening list named by numeric id or exact name (any case, spacing ignored).

        Raises ScreeningListNotFoundError (also when a name is shared, listing the ids).
        """
        text = reference.strip()
        lists = self.screening_lists()
        if text.isascii() and text.isdigit():
            found = next((s for s in lists if s.id == int(text)), None)
            if found is not None:
                return self.screening_list(found.id)
        matches = [s for s in lists if _key(s.name) == _key(text)]
        if len(matches) == 1:
            return self.screening_list(matches[0].id)
        if matches:
            ids = ", ".join(str(s.id) for s in matches)
            raise ScreeningListNotFoundError(
                f"{reference!r} names {len(matches)} screening lists (ids {ids}); use an id"
            )
        raise ScreeningListNotFoundError(f"no screening list with the id or name {reference!r}")

    def lists_with_film(self, film_id: int) -> list[ListEntryRecord]:
        """The film's entries in every screening list it is in (by list id)."""
        with self._sessions() as session:
            rows = session.scalars(
                select(ListEntry)
                .where(ListEntry.film_id == film_id)
                .order_by(ListEntry.list_id)
                .options(selectinload(ListEntry.film).selectinload(Film.tags))
            )
            return [entry_record(e) for e in rows]

    # --- lists --------------------------------------------------------------------------

    def create_list(
        self, name: str, audience: str = "", description: str = ""
    ) -> ScreeningListRecord:
        """A new, empty screening list. Names are unique regardless of case (NameTakenError)."""
        cleaned = clean_list_fields(
            {"name": name, "audience": audience, "description": description},
            subject="screening list",
        )
        with self._transaction() as session:
            self._check_list_name_free(session, cleaned["name"], None)
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
            return self._list_record(session, screening_list.id)

    def edit_list(
        self, list_id: int, fields: ListFields
    ) -> Edited[ScreeningListRecord, ListFields]:
        """Change a list's name, audience or description.

        ``before`` holds the previous values of the fields given:
        ``edit_list(id, edited.before)`` undoes the change.
        """
        with self._transaction() as session:
            screening_list = self._load_list(session, list_id)
            cleaned = clean_list_fields(fields, subject=f"screening list {screening_list.name!r}")
            if "name" in cleaned:
                self._check_list_name_free(session, cleaned["name"], list_id)
            before = {name: getattr(screening_list, name) for name in cleaned}
            for name, value in cleaned.items():
                setattr(screening_list, name, value)
            screening_list.updated_at = datetime.now(UTC)
            session.flush()
            return Edited(self._list_record(session, list_id), before)  # type: ignore[arg-type]

    def rename_list(self, list_id: int, name: str) -> Edited[ScreeningListRecord, ListFields]:
        """Rename a screening list (see ``edit_list``)."""
        return self.edit_list(list_id, {"name": name})

    def duplicate_list(
        self, list_id: int, name: str | None = None, *, keep_schedule: bool = True
    ) -> ScreeningListRecord:
        """A copy of a list under a new name (default: "NAME (copy)", "NAME (copy 2)", ...):
        same audience, description, films in order and notes, and the dates unless
        ``keep_schedule`` is False. The screening log is not copied: the copy is unscreened.
        """
        with self._transaction() as session:
            original = self._list_record(session, list_id)
            if name is None:
                taken = {_key(n) for n in session.scalars(select(ScreeningList.name))}
                name = f"{original.name} (copy)"
                number = 2
                while _key(name) in taken:
                    name = f"{original.name} (copy {number})"
                    number += 1
            cleaned = clean_list_fields({"name": name}, subject="screening list")
            self._check_list_name_free(session, cleaned["name"], None)
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
                        scheduled_at=entry.scheduled_at if keep_schedule else None,
                        note=entry.note,
                        screened=False,
                        screened_on=None,
                    )
                )
            session.flush()
            return self._list_record(session, copy.id)

    def delete_list(self, list_id: int) -> ScreeningListRecord:
        """Delete a screening list (its films stay in the catalog).

        Returns the list as it was, with every entry: ``restore_list`` brings it back.
        """
        with self._transaction() as session:
            record = self._list_record(session, list_id)
            session.delete(self._load_list(session, list_id))
            return record

    def restore_list(self, snapshot: ScreeningListRecord) -> ScreeningListRecord:
        """Bring a deleted list back as it was: same id, fields and entries (dates, notes,
        screening log) in order; films deleted since are left out."""
        with self._transaction() as session:
            if session.get(ScreeningList, snapshot.id) is not None:
                raise ValueError(
                    f"screening list id {snapshot.id} exists already; cannot restore it"
                )
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
                session.add(_entry_row(entry, position))
            session.flush()
            return self._list_record(session, snapshot.id)

    # --- entries --------------------------------------------------------------------------

    def add_to_list(
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
        a date (and time) and a note for each.

        A film already in the list raises DuplicateEntryError and nothing changes, unless
        ``skip_present`` leaves such films where they are (dropping several films on a list).
        Returns the new entries; ``remove_from_list`` undoes it.
        """
        wanted = list(dict.fromkeys(film_ids))
        with self._transaction() as session:
            screening_list = self._load_list(session, list_id)
            fields = clean_entry_fields(
                {"scheduled_at": scheduled_at, "note": note},
                subject=f"screening list {screening_list.name!r}",
            )
            check_film_ids(session, wanted)
            current = ordered_ids(session, ListEntry, list_id)
            present = [f for f in wanted if f in current]
            if present and not skip_present:
                film = session.get(Film, present[0])
                assert film is not None
                raise DuplicateEntryError(
                    f"{film_label(film)} is in the screening list {screening_list.name!r} "
                    f"already (position {current.index(present[0]) + 1}); a film appears "
                    "in a list once"
                )
            adding = [f for f in wanted if f not in current]
            at = (
                len(current)
                if position is None
                else checked_position(position, len(current) + 1) - 1
            )
            for film_id in adding:
                session.add(
                    ListEntry(
                        list_id=list_id,
                        film_id=film_id,
                        position=0,
                        scheduled_at=fields.get("scheduled_at"),
                        note=fields.get("note", ""),
                        screened=False,
                    )
                )
            session.flush()
            write_order(session, ListEntry, list_id, current[:at] + adding + current[at:])
            screening_list.updated_at = datetime.now(UTC)
            session.flush()
            return self._entries(session, list_id, adding)

    def remove_from_list(self, list_id: int, film_ids: Iterable[int]) -> list[ListEntryRecord]:
        """Take films out of a list (the films stay in the catalog); the rest close up.

        Raises EntryNotFoundError for a film not in the list (nothing changes). Returns the
        removed entries as they were, positions included, for ``restore_list_entries``.
        """
        removing = list(dict.fromkeys(film_ids))
        with self._transaction() as session:
            screening_list = self._load_list(session, list_id)
            current = ordered_ids(session, ListEntry, list_id)
            missing = [f for f in removing if f not in current]
            if missing:
                raise EntryNotFoundError(self._not_in_list(session, missing[0], screening_list))
            removed = self._entries(session, list_id, removing)
            for film_id in removing:
                row = session.get(ListEntry, (list_id, film_id))
                session.delete(row)
            session.flush()
            write_order(session, ListEntry, list_id, [f for f in current if f not in removing])
            screening_list.updated_at = datetime.now(UTC)
            return sorted(removed, key=lambda e: e.position)

    def restore_list_entries(self, entries: Iterable[ListEntryRecord]) -> list[ListEntryRecord]:
        """Put removed entries back at their positions with their dates, notes and screening
        log (the undo of ``remove_from_list``; entries of several lists may be given).

        Films deleted since, and films back in the list already, are left out.
        """
        wanted = list(entries)
        with self._transaction() as session:
            for list_id in {e.list_id for e in wanted}:
                self._load_list(session, list_id).updated_at = datetime.now(UTC)
            self._place_entries(session, wanted)
            session.flush()
            restored = []
            for list_id in sorted({e.list_id for e in wanted}):
                film_ids = [e.film_id for e in wanted if e.list_id == list_id]
                present = set(ordered_ids(session, ListEntry, list_id))
                restored += self._entries(session, list_id, [f for f in film_ids if f in present])
            return restored

    def move_in_list(
        self, list_id: int, film_id: int, position: int
    ) -> Edited[ScreeningListRecord, tuple[int, ...]]:
        """Move a film to a 1-based position in the list; the others close up.

        ``before`` is the previous order of film ids: ``set_list_order(id, edited.before)``
        undoes it.
        """
        with self._transaction() as session:
            screening_list = self._load_list(session, list_id)
            current = ordered_ids(session, ListEntry, list_id)
            if film_id not in current:
                raise EntryNotFoundError(self._not_in_list(session, film_id, screening_list))
            target = checked_position(position, len(current)) - 1
            order = [f for f in current if f != film_id]
            order.insert(target, film_id)
            return self._reorder(session, screening_list, current, order)

    def set_list_order(
        self, list_id: int, film_ids: Sequence[int]
    ) -> Edited[ScreeningListRecord, tuple[int, ...]]:
        """Put the list's films in this order; ``film_ids`` holds each of them once.

        The undo of every reordering (``before`` is the order it replaced). Ids of films no
        longer in the list are ignored, and films missing from ``film_ids`` keep their place
        relative to each other at the end.
        """
        with self._transaction() as session:
            screening_list = self._load_list(session, list_id)
            current = ordered_ids(session, ListEntry, list_id)
            present = set(current)
            order = [f for f in dict.fromkeys(film_ids) if f in present]
            order += [f for f in current if f not in set(order)]
            return self._reorder(session, screening_list, current, order)

    def edit_entry(
        self, list_id: int, film_id: int, fields: EntryFields
    ) -> Edited[ListEntryRecord, EntryFields]:
        """Change an entry's date and time, note, or screening log.

        ``screened=False`` clears the screening date; a screening date implies screened.
        ``before`` holds the previous values (screened and its date together):
        ``edit_entry(list_id, film_id, edited.before)`` undoes the change.
        """
        with self._transaction() as session:
            screening_list = self._load_list(session, list_id)
            entry = session.get(ListEntry, (list_id, film_id))
            if entry is None:
                raise EntryNotFoundError(self._not_in_list(session, film_id, screening_list))
            film = session.get(Film, film_id)
            assert film is not None
            cleaned = clean_entry_fields(
                fields, subject=f"{film_label(film)} in {screening_list.name!r}"
            )
            before: dict[str, object] = {}
            for name in ("scheduled_at", "note"):
                if name in cleaned:
                    before[name] = getattr(entry, name)
                    setattr(entry, name, cleaned[name])
            if "screened" in cleaned or "screened_on" in cleaned:
                before["screened"] = entry.screened
                before["screened_on"] = entry.screened_on
                # clean_entry_fields made a screening date imply screened already.
                screened = cleaned.get("screened", entry.screened)
                on = cleaned.get("screened_on", entry.screened_on)
                entry.screened = screened
                entry.screened_on = on if screened else None
            screening_list.updated_at = datetime.now(UTC)
            session.flush()
            (record,) = self._entries(session, list_id, [film_id])
            return Edited(record, before)  # type: ignore[arg-type]

    def schedule_entry(
        self, list_id: int, film_id: int, at: datetime | date | str | None
    ) -> Edited[ListEntryRecord, EntryFields]:
        """Set (or with None, clear) when a film is screened: a naive local date and time,
        or a date (that day). See ``edit_entry``."""
        return self.edit_entry(list_id, film_id, {"scheduled_at": at})  # type: ignore[typeddict-item]

    def set_entry_note(
        self, list_id: int, film_id: int, note: str
    ) -> Edited[ListEntryRecord, EntryFields]:
        """Replace the teacher's note on an entry. See ``edit_entry``."""
        return self.edit_entry(list_id, film_id, {"note": note})

    def set_screened(
        self, list_id: int, film_id: int, screened: bool = True, on: date | None = None
    ) -> Edited[ListEntryRecord, EntryFields]:
        """Log an entry as screened (on a day, if given) or not screened. See ``edit_entry``."""
        fields: EntryFields = {"screened": screened}
        if screened and on is not None:
            fields["screened_on"] = on
        return self.edit_entry(list_id, film_id, fields)

    # --- shared with Catalog (film deletion and restore) ------------------------------------

    @staticmethod
    def _place_entries(session: Session, entries: Sequence[ListEntryRecord]) -> None:
        """Insert entries at their former positions, moving the others down (lists that are
        gone, films that are gone and films already in the list are skipped)."""
        by_list: defaultdict[int, list[ListEntryRecord]] = defaultdict(list)
        for entry in entries:
            by_list[entry.list_id].append(entry)
        films = {e.film_id for e in entries}
        existing = set(session.scalars(select(Film.id).where(Film.id.in_(films))))
        for list_id, items in sorted(by_list.items()):
            if session.get(ScreeningList, list_id) is None:
                continue
            current = ordered_ids(session, ListEntry, list_id)
            adding = [e for e in items if e.film_id in existing and e.film_id not in current]
            for entry in adding:
                session.add(_entry_row(entry, 0))
            session.flush()
            order = insertion_order(current, [(e.film_id, e.position) for e in adding], 1)
            write_order(session, ListEntry, list_id, order)

    # --- imports (inside Catalog.apply_import's transaction) ---------------------------------

    def _import_lists(
        self,
        session: Session,
        incoming: Sequence[IncomingList],
        film_of_ref: Mapping[object, int],
    ) -> tuple[list[int], list[tuple[int, int]]]:
        """Make screening lists from a file; returns (new list ids, (list id, film id) of
        entries added to lists that were there already).

        A list with the name of an existing one (any case) is merged into it: its films that
        the list lacks are added at the end, and an empty audience or description is filled.
        Entries whose film is not in the import (a row left out) are left out.
        """
        added_lists: list[int] = []
        added_entries: list[tuple[int, int]] = []
        for item in incoming:
            wanted = _key(item.name)
            screening_list = next(
                (s for s in session.scalars(select(ScreeningList)) if _key(s.name) == wanted),
                None,
            )
            now = datetime.now(UTC)
            is_new = screening_list is None
            if screening_list is None:
                screening_list = ScreeningList(
                    name=item.name,
                    audience=item.audience,
                    description=item.description,
                    created_at=now,
                    updated_at=now,
                )
                session.add(screening_list)
                session.flush()
                added_lists.append(screening_list.id)
            else:
                screening_list.audience = screening_list.audience or item.audience
                screening_list.description = screening_list.description or item.description
            present = set(ordered_ids(session, ListEntry, screening_list.id))
            for entry in item.entries:
                film_id = film_of_ref.get(entry.ref)
                if film_id is None or film_id in present:
                    continue
                fields = entry.fields
                session.add(
                    ListEntry(
                        list_id=screening_list.id,
                        film_id=film_id,
                        position=len(present) + 1,
                        scheduled_at=fields.get("scheduled_at"),
                        note=fields.get("note", ""),
                        screened=fields.get("screened", False),
                        screened_on=fields.get("screened_on"),
                    )
                )
                present.add(film_id)
                if not is_new:
                    added_entries.append((screening_list.id, film_id))
        return added_lists, added_entries

    # --- internals ----------------------------------------------------------------------

    def _reorder(
        self,
        session: Session,
        screening_list: ScreeningList,
        current: list[int],
        order: list[int],
    ) -> Edited[ScreeningListRecord, tuple[int, ...]]:
        write_order(session, ListEntry, screening_list.id, order)
        if order != current:
            screening_list.updated_at = datetime.now(UTC)
        session.flush()
        return Edited(self._list_record(session, screening_list.id), tuple(current))

    @staticmethod
    def _entries(session: Session, list_id: int, film_ids: Sequence[int]) -> list[ListEntryRecord]:
        rows = {
            e.film_id: e
            for e in session.scalars(
                select(ListEntry)
                .where(ListEntry.list_id == list_id, ListEntry.film_id.in_(film_ids))
                .options(selectinload(ListEntry.film).selectinload(Film.tags))
            )
        }
        return [entry_record(rows[f]) for f in film_ids]

    @staticmethod
    def _not_in_list(session: Session, film_id: int, screening_list: ScreeningList) -> str:
        film = session.get(Film, film_id)
        name = film_label(film) if film is not None else f"film id {film_id}"
        return f"{name} is not in the screening list {screening_list.name!r}"

    @staticmethod
    def _load_list(session: Session, list_id: int) -> ScreeningList:
        screening_list = session.get(ScreeningList, list_id)
        if screening_list is None:
            raise ScreeningListNotFoundError(f"no screening list with id {list_id}")
        return screening_list

    @staticmethod
    def _check_list_name_free(session: Session, name: str, own_id: int | None) -> None:
        wanted = _key(name)
        for other_id, other in session.execute(select(ScreeningList.id, ScreeningList.name)):
            if other_id != own_id and _key(other) == wanted:
                raise NameTakenError(
                    f"screening list name: {name!r} is taken (list id {other_id}, {other!r})"
                )

    def _list_record(self, session: Session, list_id: int) -> ScreeningListRecord:
        screening_list = self._load_list(session, list_id)
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

    @staticmethod
    def _summaries(session: Session, only: int | None) -> list[ScreeningListSummary]:
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
        summaries = [
            ScreeningListSummary(
                list_id, name, audience or "", description or "", count, int(runtime), int(done)
            )
            for list_id, name, audience, description, count, runtime, done in session.execute(query)
        ]
        return sorted(summaries, key=lambda s: (fold(s.name), s.id))


def _entry_row(entry: ListEntryRecord, position: int) -> ListEntry:
    return ListEntry(
        list_id=entry.list_id,
        film_id=entry.film_id,
        position=position,
        scheduled_at=entry.scheduled_at,
        note=entry.note,
        screened=entry.screened,
        screened_on=entry.screened_on,
    )
