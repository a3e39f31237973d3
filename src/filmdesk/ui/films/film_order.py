"""The order of the film table: every column's sort keys and, once known, each column's order
ascending and descending, worked out ahead of time so a header click only reads a list.

Ties keep title order in both directions, and films without a value stay last, as the core's
``sort_films`` has them. Positions are the model's (a film's index in the search index); a
deleted film's position holds ``None``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from filmdesk.core.folding import fold
from filmdesk.core.records import FilmRow
from filmdesk.core.sorting import title_sort_key


class Column(IntEnum):
    """The table's columns, in their default order."""

    TITLE = 0
    ORIGINAL_TITLE = 1
    YEAR = 2
    DIRECTOR = 3
    RATING = 4
    WATCHED = 5
    TAGS = 6


_LAST = "\U0010ffff"  # sorts after any text: films without a value come last
_NO_YEAR = 1_000_000
_NO_RATING = 1.0  # after every -rating
# The key of a film without a value, per column: such films stay last in both directions, as
# the core's sort_films has them. (Not watched is a value: a second click shows those first.)
_NO_VALUE: dict[Column, object] = {
    Column.ORIGINAL_TITLE: _LAST,
    Column.YEAR: _NO_YEAR,
    Column.DIRECTOR: _LAST,
    Column.RATING: _NO_RATING,
    Column.TAGS: _LAST,
}
_NOTHING = object()  # equal to no key


def column_key(column: Column, film: FilmRow) -> Any:
    """How ``film`` sorts in ``column`` (ties are then broken by title): one plain value."""
    if column is Column.TITLE:
        return title_sort_key(film.title)
    if column is Column.ORIGINAL_TITLE:
        return fold(film.original_title) if film.original_title else _LAST
    if column is Column.YEAR:
        return film.year if film.year is not None else _NO_YEAR
    if column is Column.DIRECTOR:
        return fold(", ".join(film.directors)) if film.directors else _LAST
    if column is Column.RATING:
        # Best first when ascending: that is what a click on "Rating" should show.
        return -film.rating if film.rating is not None else _NO_RATING
    if column is Column.WATCHED:
        return 0 if film.watched else 1
    return fold(", ".join(film.tags)) if film.tags else _LAST


def _descending(ascending: list[int], keys: list[Any], none: Any) -> list[int]:
    """``ascending`` the other way round, except that ties keep their (title) order and films
    whose key is ``none`` (no value) stay last.

    Not ``ascending[::-1]``, which would reverse the titles of ties too. Python's sort is stable
    with ``reverse=True`` as well, and fast on a list already in order.
    """
    present = len(ascending)
    if none is not _NOTHING:  # films without a value are the end of the ascending order
        present = bisect.bisect_left(ascending, none, key=keys.__getitem__)
    return sorted(ascending[:present], key=keys.__getitem__, reverse=True) + ascending[present:]


class _Reversed:
    """Compares the other way: a descending column inside one ascending key."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _Reversed) -> bool:
        return bool(other.value < self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reversed) and bool(self.value == other.value)


class FilmOrder:
    """Sort keys and orders over the films at their positions (``films()`` gives them)."""

    def __init__(self, films: Callable[[], Sequence[FilmRow | None]]) -> None:
        self._films = films
        self._keys: dict[Column, list[Any]] = {}
        self._orders: dict[tuple[Column, bool], list[int]] = {}  # each order, once known
        self.column = Column.TITLE
        self.descending = False
        # Every position, in the current order; a new list whenever the order changes, never
        # changed in place (the search index keeps masks in terms of it: ``set_order``).
        self.shown: list[int] = []

    def reset(self) -> None:
        """The films were replaced: forget every key and order, and order them again."""
        self._keys.clear()
        self._orders.clear()
        self.shown = self.positions()

    def reorder(self) -> None:
        """Order every film again (after many were added), keeping the keys known."""
        self._orders.clear()
        self.shown = self.positions()

    def set_sort(self, column: Column, descending: bool) -> None:
        """Sort by ``column`` in this direction from now on."""
        if column is not self.column or descending != self.descending:
            self.column = column
            self.descending = descending
            self.shown = self.positions()

    def keys_for(self, column: Column) -> list[Any]:
        """Every position's key in ``column`` (worked out once)."""
        keys = self._keys.get(column)
        if keys is None:
            keys = [None if f is None else column_key(column, f) for f in self._films()]
            self._keys[column] = keys
        return keys

    def _titles_in_order(self) -> list[int]:
        by_title = self._orders.get((Column.TITLE, False))
        if by_title is None:
            titles = self.keys_for(Column.TITLE)
            by_title = [i for i, f in enumerate(self._films()) if f is not None]
            by_title.sort(key=titles.__getitem__)  # stable: equal titles stay in id order
            self._orders[(Column.TITLE, False)] = by_title
        return by_title

    def prepare_step(self) -> bool:
        """Work out one more column's keys or order ahead of time; True when all are known."""
        self._titles_in_order()
        for column in Column:
            if column not in self._keys:
                self.keys_for(column)
                return False
        for descending in (False, True):
            for column in Column:
                if (column, descending) not in self._orders:
                    # A click on its header then only reads it.
                    self.positions(column, descending)
                    return False
        return True

    def key_function(self) -> Callable[[int], Any]:
        """The current order as one ascending key, for a binary search when one film moves
        (too slow to sort 100,000 films with: ``positions`` makes the same order)."""
        column = self.column
        keys = self.keys_for(column)
        titles = self.keys_for(Column.TITLE)
        if column is Column.TITLE:
            if self.descending:
                return lambda position: _Reversed(titles[position])
            return titles.__getitem__
        if not self.descending:
            return lambda position: (keys[position], titles[position])
        none = _NO_VALUE.get(column, _NOTHING)
        return lambda position: (
            keys[position] == none,
            _Reversed(keys[position]),
            titles[position],
        )

    def positions(self, column: Column | None = None, descending: bool | None = None) -> list[int]:
        """Every position in the order of ``column`` (default: the current sort)."""
        column = self.column if column is None else column
        descending = self.descending if descending is None else descending
        cached = self._orders.get((column, descending))
        if cached is None:
            keys = self.keys_for(column)
            if descending:
                ascending = self.positions(column, False)
                cached = _descending(ascending, keys, _NO_VALUE.get(column, _NOTHING))
            elif column is Column.TITLE:
                cached = self._titles_in_order()
            else:
                by_title = self._titles_in_order()
                cached = sorted(by_title, key=keys.__getitem__)  # stable: ties in title order
            self._orders[(column, descending)] = cached
        return list(cached)

    def film_changed(self, position: int, film: FilmRow | None) -> None:
        """The film at ``position`` changed (None: it is gone): new keys, and the orders of
        other columns are worked out again when next needed."""
        for column, keys in self._keys.items():
            keys[position] = None if film is None else column_key(column, film)
        self._orders.clear()

    def film_added(self, film: FilmRow) -> None:
        """A film appended at the next position."""
        for column, keys in self._keys.items():
            keys.append(column_key(column, film))
        self._orders.clear()

    def films_added(self, films: Sequence[FilmRow]) -> None:
        """Many films appended at the next positions: the keys of the title and the current
        column grow; the other columns' keys are worked out again when next needed (once,
        rather than a film at a time)."""
        for column in list(self._keys):
            if column in (Column.TITLE, self.column):
                self._keys[column] += [column_key(column, film) for film in films]
            else:
                del self._keys[column]
        self._orders.clear()

    def take_out(self, position: int) -> None:
        """Take a position out of the current order (before its keys change)."""
        shown = list(self.shown)
        shown.remove(position)
        self.shown = shown
        self._orders.clear()

    def put_in(self, position: int) -> None:
        """Put a position into the current order where its keys place it."""
        shown = list(self.shown)
        bisect.insort(shown, position, key=self.key_function())
        self.shown = shown

    def drop(self, gone: set[int]) -> None:
        """Positions deleted: out of the current order."""
        self.shown = [p for p in self.shown if p not in gone]
        self._orders.clear()

    def row_for_new(self, rows: Sequence[int], position: int) -> int:
        """Where a new position goes among ``rows`` (shown in the current order)."""
        key = self.key_function()
        return bisect.bisect_left(rows, key(position), key=key)
