"""The errors the catalog raises for things that cannot be found or cannot be done."""

from __future__ import annotations

from collections.abc import Sequence

from filmdesk.core.records import FilmRecord


class FilmNotFoundError(LookupError):
    """No film matches the given id or title."""


class StaleEditError(ValueError):
    """A film's field changed since the edit (or the undo) was made, by someone else: it is
    not overwritten, nothing is written. ``changed`` holds (field, its value now)."""

    def __init__(self, film: str, changed: Sequence[tuple[str, object]]) -> None:
        self.film = film
        self.changed = tuple(changed)
        what = "; ".join(
            f"{name.replace('_', ' ')} is now {_shown(value)}" for name, value in changed
        )
        super().__init__(f"{film} was changed elsewhere ({what}); nothing was overwritten")


def _shown(value: object) -> str:
    if value is None or value == "" or value == () or value == []:
        return "empty"
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    if not isinstance(value, str):
        return f"{value:g}" if isinstance(value, float) else str(value)
    text = " ".join(value.split())
    return repr(text if len(text) <= 60 else text[:59] + "…")


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


# What the database says (SQLite's words), and what a person is told instead.
_DATABASE_REASONS = (
    (("database is locked", "database is busy"), "the catalog is busy: another program is "
     "writing to it; try again in a moment"),
    (("database or disk is full", "disk i/o error"), "the disk is full, or cannot be written"),
    (("readonly database", "read-only"), "the catalog is read-only"),
    (("malformed", "file is not a database", "file is encrypted"), "the catalog file is damaged"),
    (("unable to open database file",), "the catalog file cannot be opened"),
)  # fmt: skip


def database_reason(error: BaseException) -> str:
    """Why the catalog could not be read or written, in words: no driver's class names, no
    SQL, no URL (``str`` of a SQLAlchemy error has all three)."""
    original = getattr(error, "orig", None) or error
    text = str(original.args[0]) if getattr(original, "args", None) else str(original)
    folded = text.casefold()
    for needles, reason in _DATABASE_REASONS:
        if any(needle in folded for needle in needles):
            return reason
    return text.split("\n", 1)[0].split("[SQL:", 1)[0].strip() or "the database refused it"


def is_busy(error: BaseException) -> bool:
    """Whether ``error`` says another program holds the catalog's write lock (worth a retry)."""
    return database_reason(error).startswith("the catalog is busy")
