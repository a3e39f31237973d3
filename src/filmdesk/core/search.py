"""Search: the query language, and an in-memory index (text folds as ``folding`` says).

The GUI and the CLI both search through here, so a query means the same thing everywhere.

Query language (terms combine with AND; a leading ``-`` negates a term)::

    cranes                 word prefix in title, original title, directors, tags, notes, description
    "cranes are"           a phrase: these words in sequence (the last may be a prefix)
    year:1957              year:1970..1979   year:>=1970
    rating:>=4             rating:4.5   rating:3..4   rating:none
    tag:war                tag:"cold war"
    watched:yes            watched:no
    watched:2024           watched:2024-03   watched:2024-03..2024-05   watched:2023..
                           (a viewing on a day in that year, month or span of months)
    director:ryazanov      title:...   country:...
"""

from __future__ import annotations

import bisect
import math
import re
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import compress, repeat
from operator import contains, not_
from typing import Any, Protocol

from filmdesk.core.film_columns import (
    FilmColumns,
    field_values,
    none_where_no_film,
    positions_held,
)
from filmdesk.core.folding import FIELD_BREAK, fold, word_blob, word_blobs, words
from filmdesk.core.text_store import TextStore

FIELDS = ("year", "rating", "tag", "watched", "director", "title", "country")


def field_term(field: str, value: str) -> str:
    """``director:"Eldar Ryazanov"``: a search term for one name of a field (a quote in the
    name cannot be searched for; the rest of the name still finds the films)."""
    return f'{field}:"{value.replace(chr(34), " ").strip()}"'


class QueryError(ValueError):
    """A search term that cannot be understood; the message names the term."""

    def __init__(self, term: str, problem: str) -> None:
        super().__init__(f"{term!r}: {problem}")
        self.term = term
        self.problem = problem


class Searchable(Protocol):
    """What search reads of a film (FilmRecord and FilmRow both have it)."""

    @property
    def title(self) -> str: ...
    @property
    def original_title(self) -> str: ...
    @property
    def year(self) -> int | None: ...
    @property
    def directors(self) -> tuple[str, ...]: ...
    @property
    def countries(self) -> tuple[str, ...]: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def rating(self) -> float | None: ...
    @property
    def watched(self) -> bool: ...


def _text_parts(film: Searchable, notes: str, description: str) -> tuple[str, ...]:
    return text_parts(
        film.title, film.original_title, film.directors, film.tags, notes, description
    )


def text_parts(
    title: str,
    original_title: str,
    directors: Sequence[str],
    tags: Sequence[str],
    notes: str,
    description: str,
) -> tuple[str, ...]:
    """What a film's search text is made of (``folding.word_blobs`` makes it), in order."""
    return (title, original_title, " ".join(directors), " ".join(tags), notes, description)


# A film's search text as a catalog keeps it (``models.film_search_texts``) begins with this
# mark of the rules it was folded by: a text kept by other rules (another version) is folded
# again. Change it whenever folding or the parts above change.
KEPT_TEXT_MARK = "v1"


def _text_blob(film: Searchable, notes: str = "", description: str = "") -> str:
    return word_blob(*_text_parts(film, notes, description))


_FEW_ROWS = 2000  # fewer rows are picked as quickly without an array
_MANY_POSITIONS = 256  # a word's films are marked in a mask with one array operation


def _numpy() -> Any:
    import numpy  # (0.1 s and 18 MB: not before a search needs it)

    return numpy


def _as_array(numpy: Any, rows: Sequence[int]) -> Any:
    if isinstance(rows, array) and rows.typecode == "i":  # (an order's: copied in C)
        return numpy.frombuffer(rows, numpy.int32).astype(numpy.intp)
    return numpy.fromiter(rows, numpy.intp, len(rows))


class Positions(Sequence[int]):
    """Positions a search picked, held in the NumPy array it picked them into: a search that
    keeps most of 100,000 films makes no Python int per film (``tolist`` took an eighth of a
    keystroke). Read-only, like the lists searches return; a slice is a list. The whole list
    is made only when something goes through every position."""

    __slots__ = ("_list", "array")

    def __init__(self, array: Any) -> None:
        self.array = array
        self._list: list[int] | None = None

    def __len__(self) -> int:
        return len(self.array)

    def __getitem__(self, at: Any) -> Any:  # (int -> int, slice -> list[int])
        if isinstance(at, slice):
            return self.as_list()[at]
        return int(self.array[at])

    def __iter__(self) -> Iterator[int]:
        return iter(self.as_list())

    def __contains__(self, position: object) -> bool:
        try:
            return bool((self.array == position).any())
        except (TypeError, ValueError):  # (not a number)
            return False

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Positions):
            return len(other) == len(self) and bool((other.array == self.array).all())
        if isinstance(other, list):
            return len(other) == len(self) and other == self.as_list()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def index(self, position: Any, start: int = 0, stop: int | None = None) -> int:
        start, stop, _ = slice(start, stop).indices(len(self))  # (as a list counts them)
        found = _numpy().flatnonzero(self.array[start:stop] == position)
        if not len(found):
            raise ValueError(f"{position} is not among the positions")
        return start + int(found[0])

    def as_list(self) -> list[int]:
        """The positions as a list (made once)."""
        if self._list is None:
            self._list = self.array.tolist()
        return self._list

    def __repr__(self) -> str:
        return f"Positions({self.as_list()!r})"


def _mask(groups: Iterable[Sequence[int] | bytes], size: int) -> bytearray:
    """A byte per position, 1 for the positions in ``groups`` (positions, or a bitmap: see
    ``_bits``). Filters test rows against it (``SearchIndex.select``): a quarter of the time a
    set's ``__contains__`` takes on 100,000 rows, which must hash each and land all over
    memory."""
    mask = bytearray(size)
    ones = repeat(1)
    view: Any = None
    for positions in groups:
        if isinstance(positions, bytes):  # (a bitmap)
            numpy = _numpy()
            if view is None:
                view = numpy.frombuffer(mask, dtype=numpy.bool_)
            bits = numpy.frombuffer(positions, dtype=numpy.uint8)
            view |= numpy.unpackbits(bits, count=size).view(numpy.bool_)
        elif len(positions) >= _MANY_POSITIONS and isinstance(positions, array):
            numpy = _numpy()
            if view is None:
                view = numpy.frombuffer(mask, dtype=numpy.bool_)
            view[numpy.frombuffer(positions, dtype=f"i{positions.itemsize}")] = True
        else:  # (the loop over positions runs in C)
            deque(map(mask.__setitem__, positions, ones), maxlen=0)
    return mask


def _bits(positions: Sequence[int] | bytearray, size: int) -> bytes:
    """``size`` positions as a bitmap, one bit each: positions, or a mask (see ``_mask``)."""
    numpy = _numpy()
    mask = positions if isinstance(positions, bytearray) else _mask((positions,), size)
    return bytes(numpy.packbits(numpy.frombuffer(mask, dtype=numpy.bool_)))


# A word in more than one film in this many (and in _MANY_POSITIONS at least) is kept as a
# bitmap: an eighth of a byte per film rather than 4 bytes per film that has it. (At 100,000
# generated films, the word index went from 11.8 MB to 2.2 MB.)
_DENSE = 32


class _WordIndex:
    """Which positions have a word, for prefix lookups without scanning every text."""

    def __init__(self) -> None:
        # Each word's positions: an array while the index is built, then (``finish``) a
        # bitmap (``_bits``) for a word many films have.
        self.postings: dict[str, array[int] | bytes] = {}
        self.vocabulary: list[str] = []
        self.next_position = 0
        self._cache: dict[str, bytearray] = {}
        # The first letters of many words, each with its mask made ahead (``prepare_step``),
        # as a bitmap: a search's first key is its slowest, the union of thousands of words'
        # films.
        self._first: dict[str, bytes] = {}
        self._first_to_make: list[str] = []

    def add(self, position: int, blob: str) -> None:
        postings = self.postings
        for word in set(blob.split()) - {FIELD_BREAK}:
            found = postings.get(word)
            if found is None:
                postings[word] = array("i", (position,))  # 4 bytes a film, not a list slot + int
            else:
                found.append(position)  # type: ignore[union-attr]

    def finish(self) -> None:
        size = self.next_position
        self.vocabulary = sorted(self.postings)
        counts: dict[str, int] = {}
        for word, positions in self.postings.items():
            if isinstance(positions, bytes):  # (a bitmap already: finished before)
                counts[word[0]] = counts.get(word[0], 0) + int.from_bytes(positions).bit_count()
                continue
            counts[word[0]] = counts.get(word[0], 0) + len(positions)
            if len(positions) * _DENSE > size and len(positions) >= _MANY_POSITIONS:
                self.postings[word] = _bits(positions, size)
        enough = max(1000, size // 20)  # (fewer are quick to find on the key)
        self._first_to_make = sorted((c for c, n in counts.items() if n >= enough), reverse=True)

    def prepare_step(self) -> bool:
        """Make one more first letter's mask; True when every one is made."""
        if self._first_to_make:
            letter = self._first_to_make.pop()
            self._first[letter] = _bits(self._prefix_mask(letter), self.next_position)
        return not self._first_to_make

    def with_prefix(self, prefix: str) -> bytearray:
        """A mask (see ``_mask``) of the positions indexed (``next_position``): those having a
        word that starts with ``prefix``. Not to be changed in place."""
        cached = self._cache.get(prefix)
        if cached is None:
            first = self._first.get(prefix)
            size = self.next_position
            cached = self._prefix_mask(prefix) if first is None else _mask((first,), size)
            if len(self._cache) >= 16:  # (100 KB each at 100,000 films; typing reuses a few)
                self._cache.clear()
            self._cache[prefix] = cached
        return cached

    def _prefix_mask(self, prefix: str) -> bytearray:
        lo = bisect.bisect_left(self.vocabulary, prefix)
        hi = bisect.bisect_left(self.vocabulary, prefix + "\U0010ffff", lo)
        postings = self.postings
        return _mask((postings[word] for word in self.vocabulary[lo:hi]), self.next_position)


class SearchIndex:
    """Films by position (None where one was removed), with the folded text search scans.

    Free text is matched against one folded string per film (kept in a ``TextStore``:
    compressed when many are given at once). Built from FilmRecords, that string has
    everything. A window with 100,000 films builds it from lean FilmRows with
    ``texts_later=True`` instead and adds each film's text with ``set_long_texts`` after it has
    appeared; ``complete`` says when every film has its text. Blobs for field terms (title,
    director, country) and tag sets are built when a query first needs them.

    The months films were watched in (``watched:2024-03``) are FilmRow's ``viewed_months``;
    records do not hold them, so an index of records takes them as ``viewed_months`` (film id
    -> months, ``FilmService.viewed_months``).
    """

    def __init__(
        self,
        films: Iterable[Searchable | None] = (),
        *,
        texts_later: bool = False,
        viewed_months: Mapping[int, tuple[int, ...]] | None = None,
    ) -> None:
        # (The window's lean rows stay column by column: ``FilmColumns``.)
        self.films: list[Searchable | None] | FilmColumns = (
            films.copy() if isinstance(films, FilmColumns) else list(films)
        )
        self._viewed_months = viewed_months
        self._fields: dict[str, list[object]] = {}
        self._words: _WordIndex | None = None
        self._changed: set[int] = set()
        self._groups: dict[str, dict[object, array[int]]] = {}
        # The rows a search usually starts from (the table's order of every film; see
        # ``set_order``), and the same as an array (``select``).
        self.order: Sequence[int] | None = None
        self._order_array: Any = None
        # The last list ``select`` returned and its array: the next key of a search that
        # grows starts from it (the caller never changes it in place).
        self._selected: tuple[Sequence[int], Any] | None = None
        if texts_later:
            self._texts = TextStore()
            self._has_text = bytearray(len(self.films))
            self._missing = len(positions_held(self.films))
        else:
            self._texts = TextStore(
                _text_blob(f, getattr(f, "notes", ""), getattr(f, "description", ""))
                if f is not None
                else ""
                for f in self.films
            )
            self._has_text = bytearray(b"\x01") * len(self.films)
            self._missing = 0

    @classmethod
    def of(
        cls,
        films: Iterable[Searchable],
        viewed_months: Mapping[int, tuple[int, ...]] | None = None,
    ) -> SearchIndex:
        """Index the given films (FilmRecords: with their notes and descriptions), in order;
        ``viewed_months`` (film id -> YYYYMM months) for the terms ``watched:YEAR[-MM]``."""
        return cls(films, viewed_months=viewed_months)

    def _value(self, name: str, film: Searchable) -> object:
        if name == "months" and self._viewed_months is not None:
            return self._viewed_months.get(film.id, ())  # type: ignore[attr-defined]
        fields, make = _FIELD_BUILDERS[name]
        return make(*(getattr(film, f, ()) for f in fields))

    def __len__(self) -> int:
        return len(self.films)

    def text(self, position: int) -> str:
        """The folded text free text is matched against at ``position`` ("" until given)."""
        return self._texts[position]

    def containing(self, rows: Sequence[int], needle: str) -> list[int]:
        """The rows (positions) whose text contains ``needle``, in their order."""
        return self._texts.containing(rows, needle)

    def begin_search(self) -> None:
        """A search begins (the window's): texts the last one scanned stay open until it ends."""
        self._texts.scanned = False

    def end_search(self, *, phrase: bool = False) -> None:
        """A search ended: texts opened to scan them are let go, unless it scanned too or
        has a ``phrase`` (the next key of a phrase scans them: see ``TextStore``)."""
        if not (self._texts.scanned or phrase):
            self._texts.close()

    def close_texts(self) -> None:
        """Let go of the texts opened for a scan (see ``TextStore``)."""
        self._texts.close()

    def open_texts_step(self, blocks: int = 50) -> bool:
        """Open ``blocks`` more blocks of texts ahead of a scan (a phrase is being typed:
        ``end_search`` keeps them; 50 are 4 ms); True when every one is open."""
        return self._texts.open_step(blocks)

    @property
    def complete(self) -> bool:
        """True when every film's text can be searched."""
        return self._missing == 0

    @property
    def words_ready(self) -> bool:
        """True when free text is looked up in the word index instead of scanned."""
        return self._words is not None and bool(self._words.vocabulary)

    def build_words_step(self, limit: int = 10000) -> bool:
        """Index the words of ``limit`` more films (texts must be complete); True when done."""
        if not self.complete:
            return False
        if self._words is None:
            self._words = _WordIndex()
        words_index = self._words
        if words_index.vocabulary:
            return True
        start = words_index.next_position
        end = min(len(self.films), start + limit)
        text = self._texts.__getitem__
        for position in range(start, end):
            if self.holds(position) and position not in self._changed:
                words_index.add(position, text(position))
        words_index.next_position = end
        if end >= len(self.films):
            words_index.finish()
            return True
        return False

    def prepare_prefixes_step(self) -> bool:
        """Make one more first letter's mask ahead of a search (the word index built); True
        when every one is made."""
        return self._words is None or not self._words.vocabulary or self._words.prepare_step()

    def positions_with_word_prefix(self, needle: str) -> bytearray:
        """A mask (see ``_mask``) of the positions whose text has a word starting with
        ``needle`` (one word, no spaces)."""
        assert self._words is not None
        size = len(self.films)
        built = self._words.next_position  # (films added since are among the changed)
        found = self._words.with_prefix(needle)
        if not self._changed and built == size:
            return found
        # Films changed since the word index was built are checked directly.
        mask = bytearray(found)
        mask.extend(bytes(size - built))
        spaced = " " + needle
        text = self._texts.__getitem__
        for position in self._changed:
            mask[position] = spaced in text(position)
        return mask

    def set_order(self, order: Sequence[int]) -> None:
        """Searches will often start from ``order`` (this very sequence, never changed in place:
        the table's order of every film); it is kept as a NumPy array for ``select``."""
        if order is not self.order:
            self.order = order
            self._order_array = None

    def select(self, rows: Sequence[int], mask: bytes | bytearray) -> Sequence[int]:
        """The rows (positions, in any order) whose byte in ``mask`` is set, in their order.
        What it returns (a list, or ``Positions`` for many) is kept as an array too, for the
        next key's search, which starts from it: never to be changed in place.

        Typing a search picks thousands of rows per key, in the table's order, which is not
        the positions' order: a lookup per row in Python takes 5-13 ms at 100,000 rows, as
        one NumPy gather takes under one (imported on first use: the window asks for it once
        it is idle, ``prepare_select``).
        """
        if len(rows) < _FEW_ROWS:
            return list(compress(rows, map(mask.__getitem__, rows)))
        numpy = _numpy()
        chosen = self._array_of(rows)
        hits = numpy.frombuffer(mask, dtype=numpy.bool_)
        picked = chosen[hits[chosen]]
        found = picked.tolist() if len(picked) < _FEW_ROWS else Positions(picked)
        self._selected = (found, picked)
        return found

    def _array_of(self, rows: Sequence[int]) -> Any:
        numpy = _numpy()
        if self._selected is not None and rows is self._selected[0]:
            return self._selected[1]
        if isinstance(rows, Positions):
            return rows.array
        if rows is not self.order:
            return _as_array(numpy, rows)
        if self._order_array is None:
            self._order_array = _as_array(numpy, rows)
        return self._order_array

    def prepare_select(self) -> None:
        """Ahead of a search: import what ``select`` uses, and make the order's array."""
        if self.order is not None and len(self.order) >= _FEW_ROWS:
            self._array_of(self.order)

    def _mark_changed(self, position: int) -> None:
        if self._words is not None:
            self._changed.add(position)

    def live_positions(self) -> list[int]:
        """Positions that hold a film."""
        return positions_held(self.films)

    def holds(self, position: int) -> bool:
        """True when a film is at ``position`` (not deleted)."""
        films = self.films
        if isinstance(films, FilmColumns):
            return films.holds(position)
        return films[position] is not None

    def field(self, name: str) -> list[object]:
        """A per-position column for field terms (see _FIELD_BUILDERS), built on first use."""
        column = self._fields.get(name)
        if column is None:
            films = self.films
            if name == "months" and self._viewed_months is not None:
                build = partial(self._value, name)
                column = [build(f) if f is not None else None for f in films]
            else:  # a field at a time, with no row made (``FilmColumns``)
                fields, make = _FIELD_BUILDERS[name]
                made = map(make, *(field_values(films, f, ()) for f in fields))
                column = none_where_no_film(list(made), films)
            self._fields[name] = column
        return column

    def positions_where(self, attribute: str, predicate: Callable[[Any], object]) -> bytearray:
        """A mask (see ``_mask``) of the positions whose value of ``attribute`` satisfies
        ``predicate``.

        Values are grouped first (there are few distinct years, ratings, tags), so the predicate
        runs once per distinct value, not once per film.
        """
        groups = self._groups.get(attribute)
        if groups is None:
            groups = {}
            for position, value in enumerate(self.field(attribute)):
                if value is None:
                    continue
                for key in value if isinstance(value, tuple) else (value,):
                    found = groups.get(key)
                    if found is None:
                        groups[key] = array("i", (position,))
                    else:
                        found.append(position)
            self._groups[attribute] = groups
        return _mask(
            (positions for key, positions in groups.items() if predicate(key)), len(self.films)
        )

    def set_long_texts(self, texts: Sequence[tuple[int, str, str]]) -> None:
        """Give films their searchable text (with their notes and descriptions): (position,
        notes, description) each, folded together (quicker than one by one)."""
        found = [(at, self.films[at], notes, text) for at, notes, text in texts]
        given = [(at, film, notes, text) for at, film, notes, text in found if film is not None]
        blobs = word_blobs([_text_parts(film, notes, text) for _at, film, notes, text in given])
        self.set_texts([(at, blob) for (at, *_), blob in zip(given, blobs, strict=True)])

    def set_texts(self, texts: Sequence[tuple[int, str]]) -> None:
        """Give films their searchable text as made already (``text_parts``, folded, as a
        catalog keeps it): (position, text) each."""
        given = [(position, text) for position, text in texts if self.holds(position)]
        self._texts.add_many(given)
        has_text = self._has_text
        for position, _ in given:
            self._mark_changed(position)
            if not has_text[position]:
                has_text[position] = 1
                self._missing -= 1

    def append(self, film: Searchable, notes: str = "", description: str = "") -> None:
        """Add a film at the next position, with its text."""
        self._mark_changed(len(self.films))
        self._groups.clear()
        self.films.append(film)  # type: ignore[arg-type]  # (FilmColumns: FilmRows given)
        self._texts.set(len(self.films) - 1, _text_blob(film, notes, description))
        self._has_text.append(1)
        for name, column in self._fields.items():
            column.append(self._value(name, film))

    def extend_texts_later(self, films: Sequence[Searchable]) -> None:
        """Add many films at the next positions, their text to come with ``set_long_texts``
        (until then ``complete`` is False). The word index and field columns are built
        again when next needed, rather than grown a film at a time."""
        self.films.extend(films)  # type: ignore[arg-type]  # (FilmColumns: FilmRows given)
        self._has_text.extend(bytes(len(films)))
        self._missing += len(films)
        self._groups.clear()
        self._fields.clear()
        self._words = None
        self._changed.clear()

    def replace(
        self, position: int, film: Searchable | None, notes: str = "", description: str = ""
    ) -> None:
        """Update the film at ``position`` with its full text, or with None remove it."""
        if not self._has_text[position] and self.holds(position):
            self._missing -= 1
        self._has_text[position] = 1
        self._mark_changed(position)
        self._groups.clear()
        self.films[position] = film  # type: ignore[assignment]  # (FilmColumns: a FilmRow)
        self._texts.set(position, _text_blob(film, notes, description) if film is not None else "")
        for name, column in self._fields.items():
            column[position] = self._value(name, film) if film is not None else None


@lru_cache(maxsize=4096)
def _folded_tags(tags: tuple[str, ...]) -> tuple[str, ...]:
    # Films share a few tag combinations; share their folded forms too.
    return tuple(fold(t).strip() for t in tags)


# Each field term's column: the films' fields it is made of, and how.
_FIELD_BUILDERS: dict[str, tuple[tuple[str, ...], Callable[..., object]]] = {
    "year": (("year",), lambda year: year if year is not None else -1),
    "half_stars": (("rating",), lambda rating: round(rating * 2) if rating is not None else -1),
    "watched": (("watched",), bool),
    "title": (("title", "original_title"), word_blob),
    "directors": (("directors",), lambda names: word_blob(*names)),
    "countries": (("countries",), lambda names: word_blob(*names)),
    "tags": (("tags",), _folded_tags),
    "months": (("viewed_months",), tuple),  # (FilmRow has them, records do not: none)
}


# A term narrows a list of candidate row numbers of an index.
Filter = Callable[["SearchIndex", Sequence[int]], Sequence[int]]


@dataclass(frozen=True)
class Query:
    """A parsed query: a conjunction of terms. Empty text gives a query that matches all."""

    text: str
    terms: tuple[tuple[str, Filter], ...]

    free_text_only: bool = False
    # A term needs the months films were watched in (``SearchIndex``'s ``viewed_months``).
    uses_viewings: bool = False
    # A term is a phrase ("in quotes"): one of more than one word scans the films' texts.
    has_phrase: bool = False

    def refines(self, other: Query) -> bool:
        """True when every film matching self also matches ``other`` (the user typed on).

        Holds for plain words: typing more letters only narrows word-prefix matches.
        """
        return (
            self.free_text_only
            and other.free_text_only
            and not other.is_empty
            and self.text.startswith(other.text)
        )

    @property
    def is_empty(self) -> bool:
        """True when the query matches every film."""
        return not self.terms

    def shared_terms(self, other: Query) -> int:
        """How many leading terms the two queries have in common."""
        count = 0
        for (mine, _), (theirs, _) in zip(self.terms, other.terms, strict=False):
            if mine != theirs:
                break
            count += 1
        return count

    def run(
        self, index: SearchIndex, candidates: Sequence[int] | None = None, *, skip: int = 0
    ) -> Sequence[int]:
        """Positions of ``index`` that match, in the order of ``candidates``: a list, or
        ``Positions`` when a search keeps many.

        ``skip`` leading terms are taken as already satisfied by every candidate. What it
        returns may be ``candidates`` itself, or what the index keeps (``SearchIndex.select``):
        never to be changed in place.
        """
        rows: Sequence[int] = index.live_positions() if candidates is None else candidates
        for _label, term in self.terms[skip:]:
            rows = term(index, rows)
            if not rows:
                return []
        return _as_rows(rows)


# --- parsing -------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""\s*(?P<neg>-)?(?:(?P<field>[^\s:"]+):)?(?:"(?P<quoted>[^"]*)"?|(?P<bare>[^\s"]+))?"""
)


def parse_query(text: str) -> Query:
    """Parse a search box's text into a Query; raises QueryError naming a bad term."""
    terms: list[tuple[str, Filter]] = []
    free_text_only = True
    uses_viewings = False
    has_phrase = False
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None or match.end() == pos:
            break
        pos = match.end()
        raw = match.group(0).strip()
        if not raw:
            continue
        negate = bool(match.group("neg"))
        field = match.group("field")
        value = match.group("quoted") if match.group("quoted") is not None else match.group("bare")
        if negate or field is not None or match.group("quoted") is not None:
            free_text_only = False
        if field is None:
            has_phrase |= match.group("quoted") is not None  # (from its opening quote on)
            if value is None or (negate and not value):
                continue
            term = _text_term(value, phrase=match.group("quoted") is not None)
        else:
            term = _field_term(raw, field.casefold(), value or "")
            uses_viewings |= field.casefold() == "watched" and _is_period(value or "")
        if term is None:
            continue
        terms.append((raw, _negated(term) if negate else term))
    return Query(text, tuple(terms), free_text_only, uses_viewings, has_phrase)


def _negated(term: Filter) -> Filter:
    def run(index: SearchIndex, rows: Sequence[int]) -> list[int]:
        keep = set(term(index, rows))
        return [r for r in rows if r not in keep]

    return run


def _prefix_needles(value: str) -> list[str]:
    return [" " + w for w in words(value)]


# Filters run over up to 100,000 rows per keystroke, so they avoid a Python-level loop per row:
# map/compress/repeat and C-implemented predicates (str.__contains__, range.__contains__) do
# the iteration.


def _containing(rows: Sequence[int], blobs: Sequence[str], needle: str) -> list[int]:
    return list(compress(rows, map(contains, map(blobs.__getitem__, rows), repeat(needle))))


def _as_rows(rows: Sequence[int]) -> Sequence[int]:
    # (A list or Positions as it is, not a copy: ``select`` keeps the array of what it
    # returned.)
    return rows if isinstance(rows, list | Positions) else list(rows)


def _text_term(value: str, *, phrase: bool) -> Filter | None:
    folded = words(value)
    if not folded:
        return None
    needles = [" " + " ".join(folded)] if phrase else [" " + w for w in folded]

    def run(index: SearchIndex, rows: Sequence[int]) -> Sequence[int]:
        result: Sequence[int] = rows
        if index.words_ready:
            for word in folded:  # each word (a prefix) must be there: look it up
                result = index.select(result, index.positions_with_word_prefix(word))
            if not phrase or len(folded) == 1:
                return _as_rows(result)
        for needle in needles:  # scan (also checks a phrase's words are in sequence)
            result = index.containing(result, needle)
        return _as_rows(result)

    return run


def _blob_term(attribute: str, value: str) -> Filter:
    needles = _prefix_needles(value)

    def run(index: SearchIndex, rows: Sequence[int]) -> list[int]:
        blobs: list[str] = index.field(attribute)  # type: ignore[assignment]
        result: Sequence[int] = rows
        for needle in needles:
            result = _containing(result, blobs, needle)
        return list(result)

    return run


def _column_term(attribute: str, predicate: Callable[..., object]) -> Filter:
    def run(index: SearchIndex, rows: Sequence[int]) -> Sequence[int]:
        return index.select(rows, index.positions_where(attribute, predicate))

    return run


def _field_term(raw: str, field: str, value: str) -> Filter | None:
    if field not in FIELDS:
        raise QueryError(raw, f"unknown field {field!r}; known fields: {', '.join(FIELDS)}")
    if not value.strip():
        raise QueryError(raw, f"{field}: needs a value, e.g. {_EXAMPLES[field]}")
    value = value.strip()
    if field == "year":
        lo, hi = _int_range(raw, value, "a year", 1, 9999)
        return _column_term("year", range(lo, hi + 1).__contains__)  # no year: -1, never in
    if field == "rating":
        if value.casefold() in ("none", "no", "unrated"):
            return _column_term("half_stars", (-1).__eq__)
        return _column_term("half_stars", _half_star_range(raw, value).__contains__)
    if field == "watched":
        if _is_period(value):
            first, last = _month_range(raw, value)
            return _column_term("months", range(first, last + 1).__contains__)
        return _column_term("watched", bool if _yes_no(raw, value) else not_)
    if field == "tag":
        key = fold(value).strip()
        return _column_term("tags", key.__eq__)  # grouped by each tag of a film
    attribute = {"director": "directors", "title": "title", "country": "countries"}[field]
    if not words(value):
        raise QueryError(raw, f"{field}: needs letters or digits to look for")
    return _blob_term(attribute, value)


_EXAMPLES = {
    "year": "year:1957 or year:1970..1979",
    "rating": "rating:>=4 or rating:3.5",
    "tag": "tag:war",
    "watched": "watched:yes, watched:no, watched:2024 or watched:2024-03",
    "director": "director:ryazanov",
    "title": "title:cranes",
    "country": "country:soviet",
}

_COMPARISON = re.compile(r"^(>=|<=|>|<|=)?\s*(.+)$")
_RANGE = re.compile(r"^(.*?)\.\.(.*)$")


def _int_range(raw: str, value: str, what: str, lowest: int, highest: int) -> tuple[int, int]:
    def number(text: str) -> int:
        try:
            return int(text.strip())
        except ValueError:
            raise QueryError(
                raw, f"{text.strip()!r} is not {what}; try {_EXAMPLES['year']}"
            ) from None

    if (m := _RANGE.match(value)) is not None:
        lo = number(m.group(1)) if m.group(1).strip() else lowest
        hi = number(m.group(2)) if m.group(2).strip() else highest
        if lo > hi:
            raise QueryError(raw, f"the range {value} is empty ({lo} is after {hi})")
        return lo, hi
    m2 = _COMPARISON.match(value)
    assert m2 is not None
    op, n = m2.group(1) or "=", number(m2.group(2))
    return {
        "=": (n, n),
        ">=": (n, highest),
        ">": (n + 1, highest),
        "<=": (lowest, n),
        "<": (lowest, n - 1),
    }[op]


def _half_star_range(raw: str, value: str) -> range:
    """The half-star values (1..10) a rating term accepts."""

    def number(text: str) -> float:
        try:
            result = float(text.strip().replace(",", "."))
        except ValueError:
            raise QueryError(
                raw, f"{text.strip()!r} is not a rating; try {_EXAMPLES['rating']}"
            ) from None
        if not 0 <= result <= 5:
            raise QueryError(raw, f"ratings go from 0.5 to 5 stars, not {text.strip()}")
        return result * 2

    if (m := _RANGE.match(value)) is not None:
        lo = math.ceil(number(m.group(1))) if m.group(1).strip() else 1
        hi = math.floor(number(m.group(2))) if m.group(2).strip() else 10
        if lo > hi:
            raise QueryError(raw, f"the range {value} is empty")
        return range(lo, hi + 1)
    m2 = _COMPARISON.match(value)
    assert m2 is not None
    op, halves = m2.group(1) or "=", number(m2.group(2))
    if op == "=":
        if halves != int(halves):
            raise QueryError(raw, "ratings are in half stars: 3, 3.5, 4, ...")
        return range(int(halves), int(halves) + 1)
    return {
        ">=": range(math.ceil(halves), 11),
        ">": range(math.floor(halves) + 1, 11),
        "<=": range(1, math.floor(halves) + 1),
        "<": range(1, math.ceil(halves)),
    }[op]


def _is_period(value: str) -> bool:
    # yes/no words have no digits; a year, a month or a span of them starts with one or "..".
    text = value.strip()
    return text[:1].isdigit() or text.startswith("..")


_MONTH = re.compile(r"^(\d{4})(?:-(\d{1,2}))?$")


def _month_range(raw: str, value: str) -> tuple[int, int]:
    """The first and last month (YYYYMM) of ``2024``, ``2024-03``, ``2024-03..2024-05``,
    ``2023..`` or ``..2024-06``."""

    def bounds(text: str) -> tuple[int, int]:
        m = _MONTH.match(text.strip())
        month = int(m.group(2)) if m is not None and m.group(2) else None
        if m is None or (month is not None and not 1 <= month <= 12):
            raise QueryError(
                raw,
                f"{text.strip()!r} is not a year or a month; try watched:2024, watched:2024-03"
                " or watched:2024-03..2024-05",
            )
        year = int(m.group(1))
        return (
            (year * 100 + month, year * 100 + month) if month else (year * 100 + 1, year * 100 + 12)
        )

    if (m := _RANGE.match(value)) is not None:
        first = bounds(m.group(1))[0] if m.group(1).strip() else 0
        last = bounds(m.group(2))[1] if m.group(2).strip() else 999912
        if first > last:
            raise QueryError(raw, f"the span {value} is empty (it ends before it starts)")
        return first, last
    return bounds(value)


def _yes_no(raw: str, value: str) -> bool:
    folded = value.casefold()
    if folded in ("yes", "y", "true", "1", "да"):
        return True
    if folded in ("no", "n", "false", "0", "нет"):
        return False
    raise QueryError(raw, f"watched: expects yes or no, not {value!r}")
