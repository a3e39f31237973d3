"""FilmColumns: every film's lean row (``FilmRow``), kept column by column.

A window holds a row for every film of its catalog. As a list of FilmRows, 100,000 films took
35 MB: a tuple of twelve (144 bytes), an int for the id, and a str for each title (a Cyrillic
one two bytes a letter, behind a 74-byte header). Here the ids are an array, the watched flags
bytes, the titles are joined into long strings (one per piece of films given together) and
read back by their offsets, and the other fields, which films share (``bulk.film_rows`` gives
equal names, dates and tags as one object), are lists of references: about 14 MB.

A row is made when it is read (under a microsecond); the last one read is kept, since a view
reads a row's cells one after another. Going through every film makes every row (about 0.1 s
at 100,000 films, where a list was read in a millisecond), so what reads a field of every film
reads its column instead: ``column``, ``with_ids``, ``ids_at``, and ``field_values`` for a
sequence of either kind.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from itertools import accumulate, compress, repeat
from typing import Any, overload

from filmdesk.core.records import FilmRow

_PIECE = 4096  # strings joined into one: a title with other letters widens only its piece
_new_row = partial(tuple.__new__, FilmRow)
_LISTS = {  # FilmRow's fields kept as lists
    "year": "_years",
    "directors": "_directors",
    "countries": "_countries",
    "rating": "_ratings",
    "watched_on": "_watched_on",
    "tags": "_tags",
    "poster": "_posters",
    "viewed_months": "_months",
}
_GONE = FilmRow(0, "", "", None, (), (), None, False, None, ())  # what a position left holds


class _Strings:
    """Strings kept joined in a few long ones, each read back by its offsets (12 bytes a
    string, and its letters): a str object each would add 49 to 74 bytes. A string set later
    (a film edited) is kept apart, by position, in place of the joined one."""

    __slots__ = ("_joined", "_loose", "_piece", "_start", "_stop")

    def __init__(self) -> None:
        self._joined: list[str] = []
        self._loose: dict[int, str] = {}
        self._piece = array("i")
        self._start = array("i")
        self._stop = array("i")

    def __len__(self) -> int:
        return len(self._piece)

    def __getitem__(self, at: int) -> str:
        if self._loose:
            loose = self._loose.get(at if at >= 0 else at + len(self._piece))
            if loose is not None:
                return loose
        return self._joined[self._piece[at]][self._start[at] : self._stop[at]]

    def extend(self, strings: Sequence[str]) -> None:
        for begin in range(0, len(strings), _PIECE):
            piece = strings[begin : begin + _PIECE]
            stops = array("i", accumulate(map(len, piece)))
            self._piece.extend(repeat(len(self._joined), len(piece)))
            self._start.append(0)
            self._start.extend(stops[:-1])
            self._stop.extend(stops)
            self._joined.append("".join(piece))

    def copy(self) -> _Strings:
        made = _Strings()
        made._joined = self._joined.copy()  # (the strings themselves are shared)
        made._loose = self._loose.copy()
        made._piece = self._piece[:]
        made._start = self._start[:]
        made._stop = self._stop[:]
        return made

    def set(self, at: int, string: str) -> None:
        """A new string at ``at`` (0 <= at < len), kept apart."""
        self._loose[at] = string

    def every(self) -> list[str]:
        """Every string, in order (slices made in C: under 20 ms at 100,000)."""
        made = list(
            map(
                str.__getitem__,
                map(self._joined.__getitem__, self._piece),
                map(slice, self._start, self._stop),
            )
        )
        for at, string in self._loose.items():
            made[at] = string
        return made


class FilmColumns(Sequence[FilmRow | None]):
    """Films by position, as a list of FilmRows holds them (None where a film was deleted):
    read a position, set one, append or extend. See the module docstring for the layout."""

    __slots__ = (
        "_alive",
        "_countries",
        "_directors",
        "_gone",
        "_ids",
        "_last",
        "_months",
        "_originals",
        "_posters",
        "_ratings",
        "_tags",
        "_titles",
        "_watched",
        "_watched_on",
        "_years",
    )

    def __init__(self, films: Iterable[FilmRow | None] = ()) -> None:
        self._ids = array("q")
        self._titles = _Strings()
        self._originals = _Strings()
        self._years: list[int | None] = []
        self._directors: list[tuple[str, ...]] = []
        self._countries: list[tuple[str, ...]] = []
        self._ratings: list[float | None] = []
        self._watched = bytearray()
        self._watched_on: list[Any] = []
        self._tags: list[tuple[str, ...]] = []
        self._posters: list[str | None] = []
        self._months: list[tuple[int, ...]] = []
        self._alive = bytearray()
        self._gone = 0  # positions left
        self._last: tuple[int, FilmRow | None] | None = None  # the last row read
        self.extend(films)

    def extend_columns(
        self,
        ids: Sequence[int],
        titles: Sequence[str],
        originals: Sequence[str],
        years: Iterable[int | None],
        directors: Iterable[tuple[str, ...]],
        countries: Iterable[tuple[str, ...]],
        ratings: Iterable[float | None],
        watched: Iterable[bool],
        watched_on: Iterable[Any],
        tags: Iterable[tuple[str, ...]],
        posters: Iterable[str | None],
        months: Iterable[tuple[int, ...]],
    ) -> None:
        """Append films given column by column (each in FilmRow's order), all living."""
        self._last = None
        self._ids.extend(ids)
        self._titles.extend(titles)
        self._originals.extend(originals)
        self._years += years
        self._directors += directors
        self._countries += countries
        self._ratings += ratings
        self._watched += bytes(map(bool, watched))
        self._watched_on += watched_on
        self._tags += tags
        self._posters += posters
        self._months += months
        self._alive += b"\x01" * len(ids)
        self._check_lengths()

    def extend(self, films: Iterable[FilmRow | None]) -> None:
        """Append films (None: a position that holds none)."""
        given = list(films)
        if not given:
            return
        start = len(self)
        self.extend_columns(*zip(*(_GONE if f is None else f for f in given), strict=True))
        for at, film in enumerate(given):
            if film is None:
                self._alive[start + at] = 0
                self._gone += 1

    def append(self, film: FilmRow | None) -> None:
        self.extend((film,))

    def copy(self) -> FilmColumns:
        """A copy to change apart from this one (a few milliseconds at 100,000 films: the
        values in it are shared)."""
        made = FilmColumns()
        made._ids = self._ids[:]
        made._titles = self._titles.copy()
        made._originals = self._originals.copy()
        made._years = self._years.copy()
        made._directors = self._directors.copy()
        made._countries = self._countries.copy()
        made._ratings = self._ratings.copy()
        made._watched = self._watched.copy()
        made._watched_on = self._watched_on.copy()
        made._tags = self._tags.copy()
        made._posters = self._posters.copy()
        made._months = self._months.copy()
        made._alive = self._alive.copy()
        made._gone = self._gone
        return made

    def _check_lengths(self) -> None:
        size = len(self._alive)
        columns = (
            self._ids, self._titles, self._originals, self._years, self._directors,
            self._countries, self._ratings, self._watched, self._watched_on, self._tags,
            self._posters, self._months,
        )  # fmt: skip
        if any(len(column) != size for column in columns):
            raise ValueError("films given with columns of different lengths")

    def __len__(self) -> int:
        return len(self._alive)

    @overload
    def __getitem__(self, at: int) -> FilmRow | None: ...
    @overload
    def __getitem__(self, at: slice) -> list[FilmRow | None]: ...
    def __getitem__(self, at: int | slice) -> FilmRow | list[FilmRow | None] | None:
        if isinstance(at, slice):
            return [self[i] for i in range(*at.indices(len(self)))]
        last = self._last
        if last is not None and last[0] == at:
            return last[1]
        row = (
            _new_row(
                (
                    self._ids[at],
                    self._titles[at],
                    self._originals[at],
                    self._years[at],
                    self._directors[at],
                    self._countries[at],
                    self._ratings[at],
                    bool(self._watched[at]),
                    self._watched_on[at],
                    self._tags[at],
                    self._posters[at],
                    self._months[at],
                )
            )
            if self._alive[at]
            else None
        )
        self._last = (at, row)
        return row

    def __setitem__(self, at: int, film: FilmRow | None) -> None:
        at = range(len(self))[at]  # (IndexError as a list gives; a negative one counts back)
        self._last = None
        if film is None:
            if self._alive[at]:
                self._alive[at] = 0
                self._gone += 1
            return
        if not self._alive[at]:
            self._alive[at] = 1
            self._gone -= 1
        self._ids[at] = film.id
        self._titles.set(at, film.title)
        self._originals.set(at, film.original_title)
        self._years[at] = film.year
        self._directors[at] = film.directors
        self._countries[at] = film.countries
        self._ratings[at] = film.rating
        self._watched[at] = bool(film.watched)
        self._watched_on[at] = film.watched_on
        self._tags[at] = film.tags
        self._posters[at] = film.poster
        self._months[at] = film.viewed_months

    def __iter__(self) -> Iterator[FilmRow | None]:
        rows = map(
            _new_row,
            zip(
                self._ids,
                self._titles.every(),
                self._originals.every(),
                self._years,
                self._directors,
                self._countries,
                self._ratings,
                map(bool, self._watched),
                self._watched_on,
                self._tags,
                self._posters,
                self._months,
                strict=True,
            ),
        )
        if not self._gone:
            return rows
        return (row if alive else None for row, alive in zip(rows, self._alive, strict=True))

    def column(self, name: str) -> list[Any]:
        """The value of FilmRow's field ``name`` at every position, with no row made (a
        position left holds its last film's, or an empty row's)."""
        if name == "title":
            return self._titles.every()
        if name == "original_title":
            return self._originals.every()
        if name == "id":
            return self._ids.tolist()
        if name == "watched":
            return list(map(bool, self._watched))
        return list(getattr(self, _LISTS[name]))

    def with_ids(self, name: str) -> Iterator[tuple[int, Any]]:
        """(id, FilmRow's field ``name``) of every film, in position order: no row made."""
        return compress(zip(self._ids, self.column(name), strict=True), self._alive)

    def ids_at(self, positions: Iterable[int]) -> list[int]:
        """The ids of the films at ``positions`` (those that hold one), in their order."""
        at = list(positions)
        return list(compress(map(self._ids.__getitem__, at), map(self._alive.__getitem__, at)))

    def holds(self, at: int) -> bool:
        """True when a film is at ``at`` (not deleted): no row made."""
        return bool(self._alive[at])

    def ids(self) -> Iterator[int]:
        """The id at every living position, in order."""
        return compress(self._ids, self._alive)

    def live_positions(self) -> list[int]:
        """The positions that hold a film."""
        return list(compress(range(len(self)), self._alive))

    def watched_count(self) -> int:
        """How many films are marked watched."""
        return sum(compress(self._watched, self._alive))


def positions_held(films: Sequence[object | None]) -> list[int]:
    """The positions of ``films`` that hold a film (of FilmColumns, with no row made)."""
    if isinstance(films, FilmColumns):
        return films.live_positions()
    return [at for at, film in enumerate(films) if film is not None]


def field_values(films: Sequence[object | None], name: str, default: object = None) -> list[Any]:
    """The field ``name`` of the film at every position of ``films`` (of a list's films,
    ``default`` for one without it, as records have no ``viewed_months``). A position without
    a film gives an empty row's: ``positions_held`` tells them apart. Of FilmColumns, read
    from its column with no row made."""
    if isinstance(films, FilmColumns):
        return films.column(name)
    return [getattr(_GONE if film is None else film, name, default) for film in films]


def none_where_no_film(values: list[Any], films: Sequence[object | None]) -> list[Any]:
    """``values`` (one a position of ``films``, as ``field_values`` gives them, or made from
    them) with None at each position that holds no film."""
    held = positions_held(films)
    if len(held) == len(values):
        return values
    kept: list[Any] = [None] * len(values)
    for position in held:
        kept[position] = values[position]
    return kept
