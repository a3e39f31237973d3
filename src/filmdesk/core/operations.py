"""One way to change the catalog: an ``Operation`` runs in one transaction and returns an
``Outcome``: its result, the operation that undoes it, and ``Changes`` (what it added, changed
or removed), from which front ends refresh what they show.

``Catalog.run(operation)`` opens the transaction; ``Batch`` runs several operations in one
(an import's undo, say) and is undone by the inverses in reverse order, also in one.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from filmdesk.core.records import FilmRecord

if TYPE_CHECKING:
    from filmdesk.core.transaction import Transaction

T = TypeVar("T", covariant=True)
R = TypeVar("R")

_NONE: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Changes:
    """What one operation did, by kind: ids added, changed and removed.

    ``films`` holds the films added or changed as they are now, so a front end does not ask
    the catalog again for what the operation already read (an import carries the films it
    changed but not the thousands it may add: those are best read after the commit).
    ``tags`` says the set of tags (or how many films carry each) may differ; ``searches``, that
    the saved searches do.
    """

    films_added: frozenset[int] = _NONE
    films_changed: frozenset[int] = _NONE
    films_removed: frozenset[int] = _NONE
    collections_added: frozenset[int] = _NONE
    collections_changed: frozenset[int] = _NONE
    collections_removed: frozenset[int] = _NONE
    lists_added: frozenset[int] = _NONE
    lists_changed: frozenset[int] = _NONE
    lists_removed: frozenset[int] = _NONE
    tags: bool = False
    searches: bool = False  # the saved searches (names, queries) differ
    films: tuple[FilmRecord, ...] = field(default=(), compare=False)

    def __or__(self, later: Changes) -> Changes:
        """This change followed by ``later``: a film added then changed is added; added then
        removed is nothing; removed then added again (undo, redo) is changed."""
        return Changes(
            *_merged(
                self.films_added,
                self.films_changed,
                self.films_removed,
                later.films_added,
                later.films_changed,
                later.films_removed,
            ),
            *_merged(
                self.collections_added,
                self.collections_changed,
                self.collections_removed,
                later.collections_added,
                later.collections_changed,
                later.collections_removed,
            ),
            *_merged(
                self.lists_added,
                self.lists_changed,
                self.lists_removed,
                later.lists_added,
                later.lists_changed,
                later.lists_removed,
            ),
            tags=self.tags or later.tags,
            searches=self.searches or later.searches,
            films=_latest(self.films, later.films),
        )

    @property
    def is_empty(self) -> bool:
        """Whether nothing changed."""
        return self == Changes()

    @property
    def touches_films(self) -> bool:
        """Whether any film was added, changed or removed."""
        return bool(self.films_added or self.films_changed or self.films_removed)

    @property
    def touches_groups(self) -> bool:
        """Whether any collection or screening list was added, changed or removed."""
        return bool(
            self.collections_added
            or self.collections_changed
            or self.collections_removed
            or self.lists_added
            or self.lists_changed
            or self.lists_removed
        )

    def film(self, film_id: int) -> FilmRecord | None:
        """The film as the operation left it, if it was added or changed."""
        return next((f for f in self.films if f.id == film_id), None)


def _merged(
    added: frozenset[int],
    changed: frozenset[int],
    removed: frozenset[int],
    later_added: frozenset[int],
    later_changed: frozenset[int],
    later_removed: frozenset[int],
) -> tuple[frozenset[int], frozenset[int], frozenset[int]]:
    back = removed & later_added
    new_added = (added - later_removed) | (later_added - back)
    new_removed = (removed - later_added) | (later_removed - added)
    new_changed = ((changed | later_changed | back) - new_added) - new_removed
    return frozenset(new_added), frozenset(new_changed), frozenset(new_removed)


def _latest(earlier: Sequence[FilmRecord], later: Sequence[FilmRecord]) -> tuple[FilmRecord, ...]:
    by_id = {film.id: film for film in earlier}
    by_id.update((film.id, film) for film in later)
    return tuple(by_id.values())


def films_changed(films: Iterable[FilmRecord], *, tags: bool = False) -> Changes:
    """Changes naming these films as changed, carrying them."""
    records = tuple(films)
    return Changes(films_changed=frozenset(f.id for f in records), tags=tags, films=records)


def films_added(films: Iterable[FilmRecord]) -> Changes:
    """Changes naming these films as added, carrying them."""
    records = tuple(films)
    return Changes(
        films_added=frozenset(f.id for f in records),
        tags=any(f.tags for f in records),
        films=records,
    )


def films_removed(film_ids: Iterable[int], *, tags: bool = True) -> Changes:
    """Changes naming these films as removed."""
    return Changes(films_removed=frozenset(film_ids), tags=tags)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What an operation did: its ``result``, the ``inverse`` that undoes it, and ``changes``."""

    result: T
    inverse: Operation[Any]
    changes: Changes


class Operation(ABC, Generic[T]):
    """One change to the catalog. ``apply`` runs inside a transaction that ``Catalog.run``
    opened (or a ``Batch``), and must leave everything it cannot do unchanged by raising."""

    @abstractmethod
    def apply(self, tx: Transaction) -> Outcome[T]:
        """Make the change in ``tx`` and say what it did and how to undo it."""


@dataclass(frozen=True)
class Batch(Operation[tuple[Any, ...]]):
    """Several operations in order, in one transaction; undone by their inverses, reversed."""

    steps: tuple[Operation[Any], ...]

    def apply(self, tx: Transaction) -> Outcome[tuple[Any, ...]]:
        results = []
        inverses: list[Operation[Any]] = []
        changes = Changes()
        for step in self.steps:
            outcome = step.apply(tx)
            results.append(outcome.result)
            inverses.append(outcome.inverse)
            changes = changes | outcome.changes
        return Outcome(tuple(results), Batch(tuple(reversed(inverses))), changes)


class Runner(Protocol):
    """What runs an operation in a transaction of its own (``Catalog.run``)."""

    def __call__(self, operation: Operation[R], /) -> Outcome[R]: ...
