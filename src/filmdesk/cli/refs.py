"""What the user types to name things: films by id or title, and dates and positions.

Collections and screening lists are named by id or name too; ``catalog.resolve_collection``
and ``catalog.resolve_list`` read those, as ``catalog.resolve_film`` reads a film. Titles and
names compare as the core folds them (case, ё and е, accents), never by ``str.casefold``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from filmdesk.cli.errors import EXIT_FAILURE, CliError
from filmdesk.core.catalog import AmbiguousFilmError, Catalog, FilmNotFoundError
from filmdesk.core.folding import fold
from filmdesk.core.records import FilmRecord
from filmdesk.core.search import QueryError


def resolve_film(catalog: Catalog, reference: str) -> FilmRecord:
    """The film named by id or exact title; CliError lists the candidates of an ambiguous
    title, or films with a similar one."""
    try:
        return catalog.films.resolve(reference)
    except AmbiguousFilmError as exc:
        listed = "; ".join(f"id {f.id}: {f.display_title}" for f in exc.candidates)
        raise CliError(
            f"{reference!r} matches {len(exc.candidates)} films; use an id: {listed}",
            EXIT_FAILURE,
        ) from None
    except FilmNotFoundError as exc:
        message = str(exc)
        try:
            similar = catalog.films.search(f'"{reference}"') or catalog.films.search(reference)
        except QueryError:
            similar = []
        if similar:
            listed = "; ".join(f"id {f.id}: {f.display_title}" for f in similar[:5])
            message += f"; did you mean {listed}"
        raise CliError(message, EXIT_FAILURE) from None


def film_among(catalog: Catalog, reference: str, films: Sequence[FilmRecord]) -> FilmRecord:
    """A film named by id or title, looked for among ``films`` (a list's or a collection's)
    first: a title two films of the catalog share may name only one of them there."""
    wanted = fold(" ".join(reference.split()))
    for attribute in ("id", "title", "original_title", "display_title"):
        matches = [f for f in films if fold(str(getattr(f, attribute))) == wanted]
        if len(matches) == 1:
            return matches[0]
    return resolve_film(catalog, reference)


def position_arg(text: str) -> int:
    """A position as typed (1 is the first place)."""
    try:
        return int(text.strip())
    except ValueError:
        raise CliError(f"position: {text!r} is not a whole number") from None


def day_arg(text: str, option: str) -> date:
    """A date typed for ``option`` as YYYY-MM-DD."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f"{option}: {text!r} is not a date like 2026-11-27") from None


def watched_day_arg(text: str) -> date:
    """The date of --watched: YYYY-MM-DD, or 'today' (or nothing)."""
    if text.strip().casefold() in ("", "today"):
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f"--watched: {text!r} is not a date like 2026-11-27 or 'today'") from None
