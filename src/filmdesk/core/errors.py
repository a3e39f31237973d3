"""The errors the catalog raises for things that cannot be found or cannot be done."""

from __future__ import annotations

from collections.abc import Sequence

from filmdesk.core.records import FilmRecord


class FilmNotFoundError(LookupError):
    """No film matches the given id or title."""


class AmbiguousFilmError(LookupError):
    """Several films match a title; ``candidates`` lists them."""

    def __init__(self, reference: str, candidates: Sequence[FilmRecord]) -> None:
        self.reference = reference
        self.candidates = tuple(candidates)
        listed = "; ".join(f"id {f.id}: {f.display_title}" for f in self.candidates)
        super().__init__(f"{reference!r} matches {len(self.candidates)} films ({listed})")


class CollectionNotFoundError(LookupError):
    """No collection matches the given id or name."""


class ScreeningListNotFoundError(LookupError):
    """No screening list matches the given id or name."""


class CommentNotFoundError(LookupError):
    """No comment has the given id."""


class EntryNotFoundError(LookupError):
    """The film is not in the screening list (or the collection)."""


class DuplicateEntryError(ValueError):
    """The film is in the screening list (or the collection) already; a film appears once."""


class NameTakenError(ValueError):
    """Another collection (or screening list) has this name already, in any case."""
