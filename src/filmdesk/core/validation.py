"""Checking fields before anything is written: films, collections, screening lists, entries.

Every check reports which field and which value is wrong; the ``clean_*_fields`` functions
collect all problems of one edit so a dialog can show each next to its field. The checks of
single values are in ``checks``; which check a film field has is in ``fields``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypedDict

# The checks of single values are in ``checks`` (``fields`` names them, and this module reads
# ``fields``); callers import them from there.
from filmdesk.core.checks import (
    check_bool,
    check_long_text,
    check_name,
    check_past_date,
    check_rating,
    check_scheduled_at,
    check_short_line,
    check_source,
)
from filmdesk.core.fields import INPUT_FIELDS


class FilmFields(TypedDict, total=False):
    """Film fields as the service accepts them (every key optional).

    Written out for the type checker; the keys are ``fields.FIELD_NAMES`` in that order, and
    ``tests/core/test_fields.py`` fails when the two differ.
    """

    title: str
    original_title: str
    year: int | None
    directors: list[str]
    countries: list[str]
    runtime_minutes: int | None
    description: str
    fact: str
    trailer_url: str
    availability_note: str
    availability_checked_on: date | None
    imdb_id: str | None
    letterboxd_uri: str | None
    rating: float | None
    watched: bool
    watched_on: date | None
    notes: str
    tags: list[str]


@dataclass(frozen=True)
class FieldProblem:
    """One field's problem."""

    field: str
    message: str


class ValidationError(ValueError):
    """One or more fields are invalid; nothing was written."""

    def __init__(self, problems: Iterable[FieldProblem], subject: str = "") -> None:
        self.problems = tuple(problems)
        self.subject = subject
        text = "; ".join(f"{p.field}: {p.message}" for p in self.problems)
        super().__init__(f"{subject}: {text}" if subject else text)

    def for_field(self, field: str) -> str | None:
        """The message for ``field``, if it has one."""
        return next((p.message for p in self.problems if p.field == field), None)


# Each field's check: takes a value, returns it clean or raises ValueError saying what is wrong.
CHECKS: dict[str, Callable[[object], object]] = {
    f.name: f.check
    for f in INPUT_FIELDS
    if f.check is not None  # (all of them: see INPUT_FIELDS)
}

# Fields where an empty string is simply empty (title is not among them: it is required).
_EMPTY_IS_EMPTY = frozenset(f.name for f in INPUT_FIELDS if f.empty == "" and not f.required)


def clean_film_fields(fields: Mapping[str, object], *, subject: str = "") -> FilmFields:
    """Validate and normalise the given fields; raise ValidationError listing every problem."""
    problems: list[FieldProblem] = []
    cleaned: dict[str, object] = {}
    for name, value in fields.items():
        if value == "" and name in _EMPTY_IS_EMPTY:  # imports are mostly empty cells
            cleaned[name] = ""
            continue
        check = CHECKS.get(name)
        if check is None:
            problems.append(FieldProblem(name, "is not a film field"))
            continue
        try:
            cleaned[name] = check(value)
        except ValueError as exc:
            problems.append(FieldProblem(name, str(exc)))
    if problems:
        raise ValidationError(problems, subject)
    return cleaned  # type: ignore[return-value]


# --- collections, comments, screening lists --------------------------------------------------


class CollectionFields(TypedDict, total=False):
    """A collection's own fields as the service accepts them (every key optional)."""

    name: str
    description: str
    source: str
    rating: float | None


class ListFields(TypedDict, total=False):
    """A screening list's fields as the service accepts them (every key optional)."""

    name: str
    audience: str
    description: str


class EntryFields(TypedDict, total=False):
    """A list entry's fields as the service accepts them (every key optional).

    ``scheduled_at`` is a naive local date and time (a ``date`` or ISO text without a time
    means that day, stored as 00:00); ``screened_on`` is the day it was shown.
    """

    scheduled_at: datetime | None
    note: str
    screened: bool
    screened_on: date | None


class ViewingFields(TypedDict, total=False):
    """A viewing's fields as the service accepts them (every key optional): the day it was
    watched (None: not known), the rating given then, whether it was a rewatch, a note."""

    watched_on: date | None
    rating: float | None
    rewatch: bool
    note: str


_COLLECTION_CHECKS: dict[str, Callable[[object], object]] = {
    "name": check_name,
    "description": check_long_text,
    "source": check_source,
    "rating": check_rating,
}
_LIST_CHECKS: dict[str, Callable[[object], object]] = {
    "name": check_name,
    "audience": check_short_line,
    "description": check_long_text,
}
_ENTRY_CHECKS: dict[str, Callable[[object], object]] = {
    "scheduled_at": check_scheduled_at,
    "note": check_long_text,
    "screened": check_bool,
    "screened_on": check_past_date,
}
_VIEWING_CHECKS: dict[str, Callable[[object], object]] = {
    "watched_on": check_past_date,
    "rating": check_rating,
    "rewatch": check_bool,
    "note": check_long_text,
}


def _clean(
    fields: Mapping[str, object],
    checks: Mapping[str, Callable[[object], object]],
    what: str,
    subject: str,
) -> dict[str, object]:
    problems: list[FieldProblem] = []
    cleaned: dict[str, object] = {}
    for name, value in fields.items():
        check = checks.get(name)
        if check is None:
            problems.append(FieldProblem(name, f"is not a {what} field"))
            continue
        try:
            cleaned[name] = check(value)
        except ValueError as exc:
            problems.append(FieldProblem(name, str(exc)))
    if problems:
        raise ValidationError(problems, subject)
    return cleaned


def clean_collection_fields(fields: Mapping[str, object], *, subject: str = "") -> CollectionFields:
    """Validate and normalise collection fields; raise ValidationError listing every problem."""
    return _clean(fields, _COLLECTION_CHECKS, "collection", subject)  # type: ignore[return-value]


def clean_list_fields(fields: Mapping[str, object], *, subject: str = "") -> ListFields:
    """Validate and normalise screening list fields; raise ValidationError listing every problem."""
    return _clean(fields, _LIST_CHECKS, "screening list", subject)  # type: ignore[return-value]


def clean_viewing_fields(fields: Mapping[str, object], *, subject: str = "") -> ViewingFields:
    """Validate and normalise viewing fields; raise ValidationError listing every problem."""
    return _clean(fields, _VIEWING_CHECKS, "viewing", subject)  # type: ignore[return-value]


def clean_entry_fields(fields: Mapping[str, object], *, subject: str = "") -> EntryFields:
    """Validate and normalise list entry fields; raise ValidationError listing every problem.

    Screened and its date go together: a date without ``screened`` implies it, and
    ``screened=False`` with a date is refused.
    """
    cleaned = _clean(fields, _ENTRY_CHECKS, "list entry", subject)
    if cleaned.get("screened") is False and cleaned.get("screened_on") is not None:
        raise ValidationError(
            [FieldProblem("screened_on", "an entry that was not screened has no screening date")],
            subject,
        )
    if cleaned.get("screened_on") is not None:
        cleaned["screened"] = True
    return cleaned  # type: ignore[return-value]
