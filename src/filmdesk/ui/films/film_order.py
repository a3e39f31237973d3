"""The order of the film table: each column's order ascending and descending, worked out ahead
of time so a header click only reads an array.

Ties keep title order in both directions, and films without a value stay last, as the core's
``sort_films`` has them. Positions are the model's (a film's index in the search index); a
deleted film's position holds ``None``.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Callable, Iterable, Sequence
from enum import IntEnum
from typing import Any

from filmdesk.core.film_columns import field_values, none_where_no_film, positions_held
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


def _no_value_last(make: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: make(value) if value else _LAST


# How a film sorts in each column (ties are then broken by title): one plain value made from
# one of its fields.
_KEYS: dict[Column, tuple[str, Callable[[Any], Any]]] = {
    Column.TITLE: ("title", title_sort_key),
    Column.ORIGINAL_TITLE: ("original_title", _no_value_last(fold)),
    Column.YEAR: ("year", lambda year: year if year is not None else _NO_YEAR),
    Column.DIRECTOR: ("directors", _no_value_last(lambda names: fold(", ".join(names)))),
    # Best first when ascending: that is what a click on "Rating" should show.
    Column.RATING: ("rating", lambda rating: -rating if rating is not None else _NO_RATING),
    Column.WATCHED: ("watched", lambda watched: 0 if watched else 1),
    Column.TAGS: ("tags", _no_value_last(lambda tags: fold(", ".join(tags)))),
}


def column_key(column: Column, film: FilmRow) -> Any:
    """How ``film`` sorts in ``column`` (ties are then broken by title): one plain value."""
    field, make = _KEYS[column]
    return make(getattr(film, field))


def column_keys(column: Column, films: Sequence[FilmRow | None]) -> list[Any]:
    """``column_key`` of every film (None where no film is), a field at a time: no row made
    of ``FilmColumns``."""
    field, make = _KEYS[column]
    return none_where_no_film(list(map(make, field_values(films, field))), films)


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


_Order = tuple[Column, bool]  # a column, descending or not
# More films changed than this since an order was made: it is made again rather than mended
# (each mend is a binary search and a list insertion).
_MEND_AT_MOST = 300


class FilmOrder:
    """Each column's order, ascending and descending, over the films at their positions
    (``films()`` gives them).

    Orders are kept as compact arrays (4 bytes a film). The sort keys they come from are made
    for the time it takes to order a column, not kept: at 100,000 films they took 32 MB. A
    film changed, added or removed later is noted against each order made, and moved into
    place with a binary search (its key worked out again) when that order is next read.
    """

    def __init__(self, films: Callable[[], Sequence[FilmRow | None]]) -> None:
        self._films = films
        self._orders: dict[_Order, array[int]] = {}  # each order, once made
        self._moved: dict[_Order, set[int]] = {}  # positions to put in place again, per order
        self._keys: dict[Column, list[Any]] = {}  # a column's keys while its orders are made
        self.column = Column.TITLE
        self.descending = False
        # Every position, in the current order: the order's own array (4 bytes a film; a list
        # took 4 MB at 100,000 films), or a list after a film moved. A new one whenever the
        # order changes, never changed in place (the search index keeps it: ``set_order``).
        self.shown: Sequence[int] = array("i")

    def reset(self) -> None:
        """The films were replaced: forget every order, and order them again."""
        self._orders.clear()
        self._moved.clear()
        self._keys.clear()
        self.shown = self._order(self.column, self.descending)

    def reorder(self) -> None:
        """Order every film again in the current order (after films were added)."""
        self.shown = self._order(self.column, self.descending)

    def set_sort(self, column: Column, descending: bool) -> None:
        """Sort by ``column`` in this direction from now on."""
        if column is not self.column or descending != self.descending:
            self.column = column
            self.descending = descending
            self.shown = self._order(column, descending)

    def _keys_for(self, column: Column) -> list[Any]:
        keys = self._keys.get(column)
        if keys is None:
            keys = column_keys(column, self._films())
            self._keys[column] = keys
        return keys

    def _made(self, column: Column) -> None:
        """A column's orders are made (both, or the one asked for): its keys can go."""
        if (column, False) in self._orders and (column, True) in self._orders:
            self._keys.pop(column, None)

    def prepare_step(self) -> bool:
        """Make one more column's keys or order ahead of time; True when all are made."""
        for column in Column:
            for descending in (False, True):
                which = (column, descending)
                if which in self._orders and not self._moved.get(which):
                    continue
                if which not in self._orders and column not in self._keys:
                    self._keys_for(column)  # (a step of its own: the slowest part)
                    return False
                self._order(column, descending)  # a click on its header then only reads it
                return False
        self._keys.clear()
        return True

    def key_function(
        self, column: Column | None = None, descending: bool | None = None
    ) -> Callable[[int], Any]:
        """An order (default: the current one) as one ascending key of a position, for a
        binary search when a few films move: the column's key, then the title's, then the
        position, as a fresh sort has them (too slow to sort 100,000 films with)."""
        column = self.column if column is None else column
        descending = self.descending if descending is None else descending
        films = self._films()

        def title(position: int) -> Any:
            film = films[position]
            assert film is not None
            return column_key(Column.TITLE, film)

        def key(position: int) -> Any:
            film = films[position]
            assert film is not None
            return column_key(column, film)

        if column is Column.TITLE:
            if descending:
                return lambda position: (_Reversed(title(position)), position)
            return lambda position: (title(position), position)
        if not descending:
            return lambda position: (key(position), title(position), position)
        none = _NO_VALUE.get(column, _NOTHING)

        def descending_key(position: int) -> Any:
            value = key(position)
            return (value == none, _Reversed(value), title(position), position)

        return descending_key

    def _order(self, column: Column, descending: bool) -> array[int]:
        """Every position in the order of ``column``: as made before, mended if films moved."""
        which = (column, descending)
        cached = self._orders.get(which)
        moved = self._moved.pop(which, set())
        if cached is not None and len(moved) <= _MEND_AT_MOST:
            if moved:
                films = self._films()
                order = [p for p in cached if p not in moved]
                key = self.key_function(column, descending)
                for position in sorted(moved):
                    if position < len(films) and films[position] is not None:
                        bisect.insort(order, position, key=key)
                cached = array("i", order)
                self._orders[which] = cached
            return cached
        if descending:
            keys = self._keys_for(column)
            ascending = self._order(column, False).tolist()
            made = _descending(ascending, keys, _NO_VALUE.get(column, _NOTHING))
        elif column is Column.TITLE:
            titles = self._keys_for(Column.TITLE)
            made = positions_held(self._films())
            made.sort(key=titles.__getitem__)  # stable: equal titles stay in position order
        else:
            keys = self._keys_for(column)
            by_title = self._order(Column.TITLE, False).tolist()
            made = sorted(by_title, key=keys.__getitem__)  # stable: ties in title order
        cached = array("i", made)
        self._orders[which] = cached
        self._made(column)
        return cached

    def positions(self, column: Column | None = None, descending: bool | None = None) -> list[int]:
        """Every position in the order of ``column`` (default: the current sort)."""
        column = self.column if column is None else column
        descending = self.descending if descending is None else descending
        return self._order(column, descending).tolist()

    def _note_moved(self, positions: Iterable[int]) -> None:
        moved = list(positions)
        for which in self._orders:
            self._moved.setdefault(which, set()).update(moved)
        self._keys.clear()

    def film_changed(self, position: int, film: FilmRow | None) -> None:
        """The film at ``position`` changed (None: it is gone): each order moves it when next
        read."""
        self._note_moved((position,))

    def film_added(self, film: FilmRow) -> None:
        """A film appended at the next position."""
        self._note_moved((len(self._films()) - 1,))

    def films_added(self, films: Sequence[FilmRow]) -> None:
        """Many films appended at the next positions."""
        end = len(self._films())
        self._note_moved(range(end - len(films), end))

    def take_out(self, position: int) -> None:
        """Take a position out of the current order (before its keys change)."""
        shown = list(self.shown)
        shown.remove(position)
        self.shown = shown

    def put_in(self, position: int) -> None:
        """Put a position into the current order where its keys place it."""
        shown = list(self.shown)
        bisect.insort(shown, position, key=self.key_function())
        self.shown = shown

    def drop(self, gone: set[int]) -> None:
        """Positions deleted: out of the current order, and of the others when next read."""
        self.shown = [p for p in self.shown if p not in gone]
        self._note_moved(gone)

    def row_for_new(self, rows: Sequence[int], position: int) -> int:
        """Where a new position goes among ``rows`` (shown in the current order)."""
        key = self.key_function()
        return bisect.bisect_left(rows, key(position), key=key)
