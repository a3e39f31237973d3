"""Positions by id, in an array: what a table of every film looks its films up by."""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Iterable, Iterator, MutableMapping
from operator import index

_GAP = 4096  # an id this far past the array's end is kept apart rather than grow it


class IdPositions(MutableMapping[int, int]):
    """id -> position, for ids that are mostly small and dense, as a catalog's film ids are.

    An array indexed by id holds each position: 4 bytes a slot, up to the largest id; 0.4 MB
    at 100,000 films, where a dict took 8 MB (its table, and an int object for each position).
    An id far past the others (or below 0) is kept in a dict instead, so one odd id does not
    grow the array, nor do ids far apart.
    """

    __slots__ = ("_apart", "_at", "_count")

    def __init__(self, pairs: Iterable[tuple[int, int]] = ()) -> None:
        self._at = array("i")  # position at each id, -1 where none
        self._count = 0  # ids in the array
        self._apart: dict[int, int] = {}
        for film_id, position in pairs:
            self[film_id] = position

    @classmethod
    def of(cls, ids: Iterable[int]) -> IdPositions:
        """The positions of ``ids`` (each once) in their order: 0, 1, 2..."""
        ids = list(ids)
        if not ids or min(ids) < 0 or max(ids) >= 2 * len(ids) + _GAP:
            return cls((film_id, position) for position, film_id in enumerate(ids))
        made = cls()
        made._at = array("i", (-1,)) * (max(ids) + 1)
        deque(map(made._at.__setitem__, ids, range(len(ids))), maxlen=0)  # (a loop in C)
        made._count = len(made._at) - made._at.count(-1)  # (an id given twice counts once)
        return made

    def __getitem__(self, film_id: int) -> int:
        if 0 <= film_id < len(self._at):
            position = self._at[film_id]
            if position >= 0:
                return position
            raise KeyError(film_id)
        return self._apart[film_id]

    def get(self, film_id: int, default: int | None = None) -> int | None:  # type: ignore[override]
        try:
            film_id = index(film_id)  # (an int, or a number that is one: NumPy's)
        except TypeError:
            return self._apart.get(film_id, default)
        if 0 <= film_id < len(self._at):
            position = self._at[film_id]
            return position if position >= 0 else default
        return self._apart.get(film_id, default)

    def __contains__(self, film_id: object) -> bool:
        return self.get(film_id) is not None  # type: ignore[arg-type]

    def __setitem__(self, film_id: int, position: int) -> None:
        if position < 0:
            raise ValueError(f"a position is 0 or more, not {position}")
        at = self._at
        # (the array grows to an id near its end, and to no more than a few per id it holds)
        if len(at) <= film_id < min(len(at) + _GAP, 4 * (self._count + 1) + _GAP):
            at.extend(array("i", (-1,)) * (film_id + 1 - len(at)))
            for moved in [i for i in self._apart if len(at) > i >= 0]:
                at[moved] = self._apart.pop(moved)
                self._count += 1
        if 0 <= film_id < len(at):
            self._count += at[film_id] < 0
            at[film_id] = position
        else:
            self._apart[film_id] = position

    def __delitem__(self, film_id: int) -> None:
        if 0 <= film_id < len(self._at) and self._at[film_id] >= 0:
            self._at[film_id] = -1
            self._count -= 1
        else:
            del self._apart[film_id]

    def __len__(self) -> int:
        return self._count + len(self._apart)

    def __iter__(self) -> Iterator[int]:
        yield from (film_id for film_id, position in enumerate(self._at) if position >= 0)
        yield from self._apart
