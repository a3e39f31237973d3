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


class InWords(str):
    """A value said in words in a message ("another picture"), not quoted as typed text."""

    __slots__ = ()


def _shown(value: object) -> str:
    if isinstance(value, InWords):
        return str(value)
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


BUSY_REASON = _DATABASE_REASONS[0][1]
READ_ONLY_REASON = "the catalog is read-only for you: the server lets your account only read it"
UNREACHABLE_REASON = "the catalog's server cannot be reached; check the address and try again"

# What PostgreSQL says (its SQLSTATE codes, by class or in full), and what a person is told.
_SERVER_REASONS = {
    "55P03": BUSY_REASON,  # lock_not_available: lock_timeout passed
    "40P01": BUSY_REASON,  # deadlock_detected
    "40001": BUSY_REASON,  # serialization_failure
    "42501": READ_ONLY_REASON,  # insufficient_privilege
    "25006": READ_ONLY_REASON,  # read_only_sql_transaction
    "53100": "the server's disk is full",
    "53": "the server is out of memory or connections; try again in a moment",
    "08": UNREACHABLE_REASON,
    "57P": "the catalog's server is shutting down or restarting; try again in a moment",
    "28": "the server refused the user name or password",
    "3D000": "the server has no such database",
}


# psycopg's own words when it cannot reach the server (these errors have no SQLSTATE).
_UNREACHABLE_WORDS = (
    "connection refused", "connection failed", "could not connect",
    "server closed the connection", "connection timeout", "the connection is lost",
)  # fmt: skip


# What the server says when it refuses a connection (psycopg gives these no SQLSTATE).
_REFUSED_WORDS = (
    ("does not exist", "the server has no such database or account; check the names"),
    ("password authentication failed", "the server refused the user name or password"),
    ("no pg_hba.conf entry", "the server does not let this computer or account in"),
)


def _server_reason(original: BaseException) -> str | None:
    code = str(getattr(original, "sqlstate", None) or "")
    for length in (5, 3, 2):
        if code and code[:length] in _SERVER_REASONS:
            return _SERVER_REASONS[code[:length]]
    text = str(original).casefold()
    for words, reason in _REFUSED_WORDS:
        if "fatal:" in text and words in text:
            return reason
    if any(words in text for words in _UNREACHABLE_WORDS):
        return UNREACHABLE_REASON
    if "no password supplied" in text:
        return (
            "the server asks for a password: give it in File › Open Shared Catalog…, or put "
            "it in ~/.pgpass"
        )
    return None


def database_reason(error: BaseException) -> str:
    """Why the catalog could not be read or written, in words: no driver's class names, no
    SQL, no URL (``str`` of a SQLAlchemy error has all three)."""
    original = getattr(error, "orig", None) or error
    server = _server_reason(original)
    if server is not None:
        return server
    text = str(original.args[0]) if getattr(original, "args", None) else str(original)
    folded = text.casefold()
    for needles, reason in _DATABASE_REASONS:
        if any(needle in folded for needle in needles):
            return reason
    return text.split("\n", 1)[0].split("[SQL:", 1)[0].strip() or "the database refused it"


def is_unreachable(error: BaseException) -> bool:
    """Whether ``error`` says the catalog's server cannot be reached now (it may come back)."""
    reason = database_reason(error)
    return reason in (UNREACHABLE_REASON, _SERVER_REASONS["57P"])


def is_busy(error: BaseException) -> bool:
    """Whether ``error`` says another program holds the catalog's write lock (worth a retry)."""
    return database_reason(error) == BUSY_REASON
