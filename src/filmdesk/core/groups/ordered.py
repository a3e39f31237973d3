"""What collections and screening lists share: films in order, each film once, positions
1..n without gaps after every change, and names unique regardless of case.

Groups are short, so orders are worked out in Python on the film ids and written back where
a position changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from filmdesk.core.checks import check_position
from filmdesk.core.errors import DuplicateEntryError, EntryNotFoundError, NameTakenError
from filmdesk.core.models import CollectionFilm, Film, ListEntry
from filmdesk.core.names import name_key
from filmdesk.core.rows import film_label
from filmdesk.core.validation import FieldProblem, ValidationError

Member = type[CollectionFilm] | type[ListEntry]


def checked_position(position: object, count: int) -> int:
    """A 1-based position (1..count); ValidationError names the field and the value."""
    try:
        return check_position(position, count)
    except ValueError as exc:
        raise ValidationError([FieldProblem("position", str(exc))]) from None


@dataclass(frozen=True)
class Membership:
    """The ordered films of one kind of group (collections or screening lists)."""

    model: Member
    kind: str  # how messages name the group: "collection", "screening list"

    def _container(self) -> Any:
        model: Any = self.model
        return model.collection_id if self.model is CollectionFilm else model.list_id

    def ids(self, session: Session, group_id: int) -> list[int]:
        """The film ids of a group, in order."""
        return list(
            session.scalars(
                select(self.model.film_id)
                .where(self._container() == group_id)
                .order_by(self.model.position, self.model.film_id)
            )
        )

    def write(self, session: Session, group_id: int, order: Sequence[int]) -> None:
        """Give the group's rows the positions of ``order`` (1..n).

        Every film in ``order`` must have its row (new rows added to the session already);
        rows not in ``order`` must have been deleted.
        """
        found: Iterable[Any] = session.scalars(
            select(self.model).where(self._container() == group_id)
        )
        rows = {row.film_id: row for row in found}
        for position, film_id in enumerate(order, start=1):
            row = rows[film_id]
            if row.position != position:
                row.position = position

    def close_gaps(self, session: Session, group_ids: Iterable[int]) -> None:
        """Renumber groups after rows were deleted (by a cascade, say)."""
        session.flush()
        for group_id in sorted(set(group_ids)):
            self.write(session, group_id, self.ids(session, group_id))

    def adding(
        self,
        session: Session,
        group_name: str,
        current: Sequence[int],
        wanted: Sequence[int],
        position: int | None,
        *,
        skip_present: bool,
    ) -> tuple[list[int], list[int]]:
        """(films to add, the order after adding them) for adding ``wanted`` at the end or
        from a 1-based ``position`` on.

        The one rule for a film added twice: a film already in the group raises
        DuplicateEntryError naming it and its position, and nothing changes, unless
        ``skip_present`` leaves such films where they are (dropping several films on a group).
        """
        present = [f for f in wanted if f in current]
        if present and not skip_present:
            film = session.get(Film, present[0])
            name = film_label(film) if film is not None else f"film id {present[0]}"
            raise DuplicateEntryError(
                f"{name} is in the {self.kind} {group_name!r} already "
                f"(position {list(current).index(present[0]) + 1}); a film appears in a "
                f"{self.kind} once"
            )
        adding = [f for f in wanted if f not in current]
        at = len(current) if position is None else checked_position(position, len(current) + 1) - 1
        return adding, [*current[:at], *adding, *current[at:]]

    def check_members(
        self, session: Session, group_name: str, current: Sequence[int], film_ids: Iterable[int]
    ) -> None:
        """EntryNotFoundError naming the first of ``film_ids`` that is not in the group."""
        present = set(current)
        for film_id in film_ids:
            if film_id not in present:
                film = session.get(Film, film_id)
                name = film_label(film) if film is not None else f"film id {film_id}"
                raise EntryNotFoundError(f"{name} is not in the {self.kind} {group_name!r}")

    def moved(
        self,
        session: Session,
        group_name: str,
        current: Sequence[int],
        film_id: int,
        position: int,
    ) -> list[int]:
        """The order after moving a film to a 1-based position; the others close up."""
        self.check_members(session, group_name, current, [film_id])
        target = checked_position(position, len(current)) - 1
        order = [f for f in current if f != film_id]
        order.insert(target, film_id)
        return order


def reordered(current: Sequence[int], film_ids: Sequence[int]) -> list[int]:
    """``current`` put in the order of ``film_ids``: ids no longer in the group are ignored,
    films missing from ``film_ids`` keep their order relative to each other at the end."""
    present = set(current)
    order = [f for f in dict.fromkeys(film_ids) if f in present]
    placed = set(order)
    return order + [f for f in current if f not in placed]


def insertion_order(current: Sequence[int], placements: Iterable[tuple[int, int]]) -> list[int]:
    """``current`` with films put back at their former 1-based positions: (film id, position)
    pairs.

    Placed from the lowest position up, each one lands where it was as long as the films
    around it are still there; a position past the end puts the film at the end.
    """
    order = list(current)
    for film_id, position in sorted(placements, key=lambda p: p[1]):
        if film_id in order:
            continue
        order.insert(min(max(position - 1, 0), len(order)), film_id)
    return order


def check_name_free(session: Session, model: Any, kind: str, name: str, own_id: int | None) -> None:
    """NameTakenError when another group of this kind has this name, in any case or spacing."""
    wanted = name_key(name)
    for other_id, other in session.execute(select(model.id, model.name)):
        if other_id != own_id and name_key(other) == wanted:
            raise NameTakenError(
                f"{kind} name: {name!r} is taken ({kind} id {other_id}, {other!r})"
            )


def free_copy_name(taken: Iterable[str], name: str) -> str:
    """ "NAME (copy)", "NAME (copy 2)", ...: the first not among ``taken`` (any case)."""
    keys = {name_key(n) for n in taken}
    candidate, number = f"{name} (copy)", 2
    while name_key(candidate) in keys:
        candidate = f"{name} (copy {number})"
        number += 1
    return candidate


COLLECTION_FILMS = Membership(CollectionFilm, "collection")
LIST_ENTRIES = Membership(ListEntry, "screening list")
