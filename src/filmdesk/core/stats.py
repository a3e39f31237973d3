"""Statistics of watching (``catalog.stats``): for the whole catalog or some films (a sidebar
choice, a search's result), for all time or one year.

What each figure means (the README's ``stats --json`` keys say the same):

* ``films``: the films in scope; ``watched``: those marked watched (all time), or those with a
  viewing on a day of the year; ``never_watched``: films in scope not watched at all (all time,
  whatever the year).
* ``viewings``: viewings of those films in the period (all time: every viewing, undated ones
  too; a year: those on a day of it). ``undated``: viewings of films in scope whose day is not
  known (all time: they count in ``viewings``; a year never holds them).
* ``rewatches``: a viewing in the period is a rewatch when it is marked so, or when the same
  film has an earlier viewing in the same period (by day, undated ones first, then in the order
  they were added). So a film seen twice in 2024 for the first time counts one rewatch, whether
  the second viewing was marked or not, and one first seen in 2020 and seen once in 2024 (marked
  rewatch) counts one too.
* ``hours``: the runtimes of the films of those viewings, summed (a film seen twice counts
  twice), in hours to one decimal; ``minutes`` exactly. ``no_runtime``: viewings of films
  without a runtime, left out of the sum.
* ``by_month``: ``YYYY-MM`` -> viewings (a year: its twelve months, zeros too; all time: every
  month with a viewing, in order); ``by_year``: ``YYYY`` -> viewings.
* ``ratings``: ``"0.5"`` .. ``"5.0"`` -> films with that rating (all ten keys). All time: each
  film's own rating. A year: the films watched in it, each with the rating given at its latest
  viewing of that year that has one, else the film's own rating; films with neither are left out.
* ``by_decade``: ``"1950s"`` -> films by year of release (all time: the films in scope; a year:
  those watched in it); films without a year are left out.
* ``top_directors``, ``top_countries``, ``top_tags``: at most ten ``{"name", "viewings",
  "films"}``: viewings in the period of films with that name (a film of two directors counts
  for both) and how many films those were; most viewings first, ties by name as search folds
  it (case, ё/е and accents aside).
* ``highest_rated``: at most ten ``{"id", "title", "year", "rating", "last_watched"}``, rated
  as ``ratings`` rates them: highest first, ties by the most recent viewing (in the period),
  then by id.

A few plain queries on the driver's cursor read the films and the viewings; Python counts them
column by column (``benchmarks/bench_stats.py`` measures 100,000 films with 150,000 viewings).
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import compress
from typing import Any

from sqlalchemy import Connection, Engine, select

from filmdesk.core.films import bulk
from filmdesk.core.folding import fold
from filmdesk.core.models import Film, Viewing
from filmdesk.core.rows import rating_of

TOP = 10
HALF_STARS = tuple(f"{half / 2:.1f}" for half in range(1, 11))  # "0.5" .. "5.0"


@dataclass(frozen=True, slots=True)
class NameCount:
    """A director, country or tag with its viewings in the period and how many films."""

    name: str
    viewings: int
    films: int

    def to_json(self) -> dict[str, object]:
        """``{"name", "viewings", "films"}``."""
        return {"name": self.name, "viewings": self.viewings, "films": self.films}


@dataclass(frozen=True, slots=True)
class RatedFilm:
    """A film of the highest rated: its rating (as ``Statistics.ratings`` counts it) and the
    day it was last watched (in the period), or None."""

    id: int
    title: str
    year: int | None
    rating: float
    last_watched: date | None

    def to_json(self) -> dict[str, object]:
        """``{"id", "title", "year", "rating", "last_watched"}``."""
        return {
            "id": self.id,
            "title": self.title,
            "year": self.year,
            "rating": self.rating,
            "last_watched": self.last_watched.isoformat() if self.last_watched else None,
        }


@dataclass(frozen=True, slots=True)
class YearViewing:
    """One viewing of a year, for a list of what was watched: the day, the film, the rating
    given then (None: none given) and whether it was a rewatch (marked so, or an earlier
    viewing of the film in the same year: as ``rewatches`` counts them)."""

    watched_on: date
    film_id: int
    title: str
    year: int | None
    rating: float | None
    rewatch: bool


@dataclass(frozen=True, slots=True)
class Statistics:
    """The figures of one scope and period; the module docstring says what each means."""

    year: int | None
    films: int
    watched: int
    never_watched: int
    viewings: int
    rewatches: int
    minutes: int
    no_runtime: int
    undated: int
    by_month: dict[str, int]
    by_year: dict[str, int]
    ratings: dict[str, int]
    by_decade: dict[str, int]
    top_directors: tuple[NameCount, ...]
    top_countries: tuple[NameCount, ...]
    top_tags: tuple[NameCount, ...]
    highest_rated: tuple[RatedFilm, ...]

    @property
    def hours(self) -> float:
        """Hours watched, to one decimal."""
        return round(self.minutes / 60, 1)

    def to_json(self) -> dict[str, object]:
        """The figures as ``filmdesk-cli stats --json`` prints them, in the documented order."""
        return {
            "year": self.year,
            "films": self.films,
            "watched": self.watched,
            "never_watched": self.never_watched,
            "viewings": self.viewings,
            "rewatches": self.rewatches,
            "hours": self.hours,
            "minutes": self.minutes,
            "no_runtime": self.no_runtime,
            "undated": self.undated,
            "by_month": dict(self.by_month),
            "by_year": dict(self.by_year),
            "ratings": dict(self.ratings),
            "by_decade": dict(self.by_decade),
            "top_directors": [n.to_json() for n in self.top_directors],
            "top_countries": [n.to_json() for n in self.top_countries],
            "top_tags": [n.to_json() for n in self.top_tags],
            "highest_rated": [f.to_json() for f in self.highest_rated],
        }


class StatsService:
    """Statistics of one catalog (``catalog.stats``)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def compute(
        self, *, year: int | None = None, film_ids: Iterable[int] | None = None
    ) -> Statistics:
        """The statistics of ``film_ids`` (None: every film) for ``year`` (None: all time).

        Ids of films that do not exist are ignored. Raises ValueError for a year outside
        1..9999.
        """
        if year is not None and not 1 <= year <= 9999:
            raise ValueError(f"{year} is not a year")
        scope = None if film_ids is None else set(film_ids)
        with self._engine.connect() as conn:
            films = _read_films(conn, scope)
            viewings = _read_viewings(conn, year, films.ids if scope is not None else None)
            first_marked = _first_marked(conn, year, films.ids if scope is not None else None)
            tags = bulk.tags_by_film(conn)
            counts = _count(films, viewings, first_marked, tags, year)
            counts["highest_rated"] = _titled(conn, counts["highest_rated"])
        return Statistics(year=year, **counts)

    def viewings_in(self, year: int) -> tuple[YearViewing, ...]:
        """Every viewing on a day of ``year``, in the order they happened (by day, then in the
        order they were added). Raises ValueError for a year outside 1..9999."""
        if not 1 <= year <= 9999:
            raise ValueError(f"{year} is not a year")
        query = (
            select(
                Viewing.watched_on,
                Viewing.film_id,
                Film.title,
                Film.year,
                Viewing.rating_half_stars,
                Viewing.rewatch,
            )
            .join(Film, Film.id == Viewing.film_id)
            .where(Viewing.watched_on.between(date(year, 1, 1), date(year, 12, 31)))
            .order_by(Viewing.watched_on, Viewing.id)
        )
        seen: set[int] = set()
        found = []
        with self._engine.connect() as conn:
            for day, film_id, title, release, half, marked in conn.execute(query):
                if day is None:  # (never: the query asks for days of the year)
                    continue
                again = bool(marked) or film_id in seen
                seen.add(film_id)
                found.append(YearViewing(day, film_id, title, release, rating_of(half), again))
        return tuple(found)

    def years(self) -> tuple[int, ...]:
        """The years that have a viewing on a day of them, newest first."""
        with self._engine.connect() as conn:
            days = conn.execute(
                select(Viewing.watched_on).distinct().where(Viewing.watched_on.is_not(None))
            )
            return tuple(sorted({day.year for (day,) in days if day is not None}, reverse=True))


# --- reading -------------------------------------------------------------------------------
# Column by column, each distinct value converted once, counted with Counter and dict(zip()):
# a Python statement per film or per viewing would take most of the half second.


@dataclass
class _Films:
    """The films in scope: id -> each value statistics need."""

    ids: dict[int, int | None]  # id -> year
    runtime: dict[int, int | None]
    rated: dict[int, int]  # the films with a rating: id -> half stars
    watched: int
    last_day: dict[int, str]  # id -> latest viewing's day as ISO text ("" when none)
    directors: dict[int, tuple[str, ...]]
    countries: dict[int, tuple[str, ...]]


def _read_films(conn: Connection, scope: set[int] | None) -> _Films:
    dialect = conn.dialect.name
    directors, countries = (
        ("directors", "countries")
        if dialect == "sqlite"
        else ("CAST(directors AS TEXT)", "CAST(countries AS TEXT)")
    )
    cursor = bulk.dbapi_cursor(conn)
    try:
        cursor.execute(
            f"SELECT id, year, runtime_minutes, rating_half_stars, watched, watched_on,"
            f" {directors}, {countries} FROM films"
        )
        rows = cursor.fetchall()
    finally:
        cursor.close()
    if scope is not None:
        rows = [row for row in rows if row[0] in scope]
    ids, years, runtimes, halves, watched, days, film_directors, film_countries = (
        zip(*rows, strict=True) if rows else ((),) * 8
    )
    names = bulk.NameCache()
    return _Films(
        ids=dict(zip(ids, years, strict=True)),
        runtime=dict(zip(ids, runtimes, strict=True)),
        rated={film_id: half for film_id, half in zip(ids, halves, strict=True) if half},
        watched=sum(map(bool, watched)),
        last_day=dict(zip(ids, _each(days, _iso), strict=True)),
        directors=dict(zip(ids, _each(film_directors, names.names), strict=True)),
        countries=dict(zip(ids, _each(film_countries, names.names), strict=True)),
    )


def _each(values: Iterable[Any], convert: Any) -> list[Any]:
    """``convert`` of each value, called once per distinct value."""
    values = list(values)
    done = {value: convert(value) for value in set(values)}
    return list(map(done.__getitem__, values))


def _iso(value: Any) -> str:
    """A day from the driver (ISO text on SQLite, a date on PostgreSQL) as ISO text, or ""."""
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value.isoformat())


def _period(year: int | None, alias: str = "") -> str:
    """SQL: the viewings of the period (all time: all, undated ones too; a year: its days).
    ISO dates compare as text on SQLite and as dates on PostgreSQL, the same way."""
    if year is None:
        return "1 = 1"
    column = f"{alias}watched_on"
    return f"({column} >= '{year:04d}-01-01' AND {column} <= '{year:04d}-12-31')"  # an int


@dataclass
class _Viewings:
    """The viewings of the period of the films in scope, column by column."""

    film: list[int]
    # A year: ISO text; all time: as the driver gives them (None when not known).
    day: list[Any]
    half_stars: list[int | None]  # a year only
    undated: int  # of the films in scope, whatever the period


def _read_viewings(conn: Connection, year: int | None, scope: dict[int, Any] | None) -> _Viewings:
    cursor = bulk.dbapi_cursor(conn)
    try:
        if year is None:  # every viewing; the ratings given then are not needed
            cursor.execute("SELECT film_id, watched_on FROM viewings")
        else:
            cursor.execute(
                "SELECT film_id, watched_on, rating_half_stars FROM viewings"
                f" WHERE watched_on IS NULL OR {_period(year)}"
            )
        rows = cursor.fetchall()
    finally:
        cursor.close()
    if scope is not None:
        rows = [row for row in rows if row[0] in scope]
    if year is None:
        # The days as the driver gives them: counted first, each distinct one made ISO text
        # afterwards (``_count``).
        films, days = zip(*rows, strict=True) if rows else ((), ())
        return _Viewings(list(films), list(days), [], days.count(None))
    films, days, halves = zip(*rows, strict=True) if rows else ((), (), ())
    day = _each(days, _iso)
    dated = list(map(bool, day))
    return _Viewings(
        list(compress(films, dated)), list(compress(day, dated)), list(compress(halves, dated)),
        day.count(""),
    )  # fmt: skip


def _first_marked(conn: Connection, year: int | None, scope: dict[int, Any] | None) -> int:
    """How many films' first viewing of the period is marked rewatch (by day, undated ones
    first, then in the order they were added). Only marked viewings are looked at, each with
    the index on the viewings' film."""
    earlier = (
        "(w.watched_on IS NULL AND (v.watched_on IS NOT NULL OR w.id < v.id))"
        " OR w.watched_on < v.watched_on OR (w.watched_on = v.watched_on AND w.id < v.id)"
    )
    cursor = bulk.dbapi_cursor(conn)
    try:
        cursor.execute(
            f"SELECT v.film_id FROM viewings v WHERE v.rewatch = {_TRUE[conn.dialect.name]}"
            f" AND {_period(year, 'v.')} AND NOT EXISTS (SELECT 1 FROM viewings w"
            f" WHERE w.film_id = v.film_id AND {_period(year, 'w.')} AND ({earlier}))"
        )
        found = [film_id for (film_id,) in cursor.fetchall()]
    finally:
        cursor.close()
    return len(found) if scope is None else sum(1 for film_id in found if film_id in scope)


_TRUE = {"sqlite": "1", "postgresql": "true"}


_Ranked = tuple[int, int | None, int, str]  # id, year, half stars, last day


def _titled(conn: Connection, ranked: list[_Ranked]) -> tuple[RatedFilm, ...]:
    """The highest rated (id, year, half stars, last day) with their titles."""
    if not ranked:
        return ()
    cursor = bulk.dbapi_cursor(conn)
    try:
        ids = ", ".join(str(int(film_id)) for film_id, *_ in ranked)
        cursor.execute(f"SELECT id, title FROM films WHERE id IN ({ids})")
        titles = dict(cursor.fetchall())
    finally:
        cursor.close()
    return tuple(
        RatedFilm(
            film_id,
            titles.get(film_id, ""),
            film_year,
            half / 2,
            date.fromisoformat(day) if day else None,
        )
        for film_id, film_year, half, day in ranked
    )


# --- counting ------------------------------------------------------------------------------


def _count(
    films: _Films,
    viewings: _Viewings,
    first_marked: int,
    tags: dict[int, tuple[str, ...]],
    year: int | None,
) -> dict[str, Any]:
    per_film = Counter(viewings.film)  # film -> viewings in the period
    count = len(viewings.film)
    # Each film's viewings after its first in the period, and the first ones marked rewatch.
    rewatches = count - len(per_film) + first_marked

    minutes = 0
    no_runtime = 0
    runtime_of = films.runtime
    for film_id, n in per_film.items():
        runtime = runtime_of[film_id]
        if runtime is None:
            no_runtime += n
        else:
            minutes += runtime * n

    day_counts: Counter[str] = Counter()
    for raw, n in Counter(viewings.day).items():
        if raw is not None:
            day_counts[_iso(raw)] += n
    by_month_counter: Counter[str] = Counter()
    by_year_counter: Counter[str] = Counter()
    for day, n in day_counts.items():
        by_month_counter[day[:7]] += n
        by_year_counter[day[:4]] += n
    if year is None:
        by_month = dict(sorted(by_month_counter.items()))
    else:
        months = [f"{year:04d}-{m:02d}" for m in range(1, 13)]
        by_month = {month: by_month_counter[month] for month in months}
    by_year = dict(sorted(by_year_counter.items()))

    year_of = films.ids
    if year is None:
        watched = films.watched
        counted: Iterable[int] = year_of  # ratings, decades: the films in scope
        rating_of = films.rated
        last_day = films.last_day
    else:
        watched = len(per_film)
        counted = per_film  # the films watched in the year
        # The rating given at the latest viewing of the year that has one, else the film's.
        given: dict[int, tuple[str, int]] = {}
        for film_id, day, half in zip(viewings.film, viewings.day, viewings.half_stars,
                                      strict=True):  # fmt: skip
            if half is not None and (film_id not in given or day >= given[film_id][0]):
                given[film_id] = (day, half)
        own = films.rated
        rating_of = {}
        for film_id in per_film:
            half = given[film_id][1] if film_id in given else own.get(film_id)
            if half is not None:
                rating_of[film_id] = half
        last_day = {}
        for film_id, day in zip(viewings.film, viewings.day, strict=True):
            if day > last_day.get(film_id, ""):
                last_day[film_id] = day
    never_watched = len(year_of) - films.watched

    half_counts = Counter(rating_of.values())
    ratings = {key: half_counts[half] for half, key in enumerate(HALF_STARS, start=1)}
    release_years = Counter(year_of.values() if year is None else map(year_of.get, counted))
    decades: Counter[int] = Counter()
    for release, n in release_years.items():
        if release is not None:
            decades[release // 10 * 10] += n
    by_decade = {f"{decade}s": n for decade, n in sorted(decades.items())}

    # Highest rating first, then the latest day ("" when none: last), then the lowest id;
    # only the films of the few highest ratings that hold the first TOP can be among them.
    lowest, enough = 10, 0
    while lowest > 1 and enough + half_counts[lowest] < TOP:
        enough += half_counts[lowest]
        lowest -= 1
    candidates = [item for item in rating_of.items() if item[1] >= lowest]
    ranked = heapq.nlargest(
        TOP, candidates, key=lambda item: (item[1], last_day.get(item[0], ""), -item[0])
    )
    highest = [(film_id, year_of[film_id], half, last_day.get(film_id, "")) for film_id, half
               in ranked]  # fmt: skip

    top_directors, top_countries, top_tags = _tops(per_film, films.directors, films.countries, tags)
    return {
        "films": len(year_of),
        "watched": watched,
        "never_watched": never_watched,
        "viewings": count,
        "rewatches": rewatches,
        "minutes": minutes,
        "no_runtime": no_runtime,
        "undated": viewings.undated,
        "by_month": by_month,
        "by_year": by_year,
        "ratings": ratings,
        "by_decade": by_decade,
        "top_directors": top_directors,
        "top_countries": top_countries,
        "top_tags": top_tags,
        "highest_rated": highest,
    }


def _tops(
    per_film: Counter[int], *kinds: dict[int, tuple[str, ...]]
) -> list[tuple[NameCount, ...]]:
    """For each kind of names (directors, countries, tags: film -> names), the names with
    most viewings (ties by folded name), at most TOP.

    One pass over the films watched, counting per tuple of names (films share them:
    ``NameCache``, ``tags_by_film``), then per name."""
    directors, countries, tags = kinds
    no_names: tuple[str, ...] = ()
    # tuple of names -> [viewings, films]; written out three times, as a loop over the kinds
    # inside the loop over films took twice as long.
    by_directors: dict[tuple[str, ...], list[int]] = {}
    by_countries: dict[tuple[str, ...], list[int]] = {}
    by_tags: dict[tuple[str, ...], list[int]] = {}
    tags_of = tags.get
    for film_id, n in per_film.items():
        names = directors[film_id]
        if names:
            counts = by_directors.get(names)
            if counts is None:
                by_directors[names] = [n, 1]
            else:
                counts[0] += n
                counts[1] += 1
        names = countries[film_id]
        if names:
            counts = by_countries.get(names)
            if counts is None:
                by_countries[names] = [n, 1]
            else:
                counts[0] += n
                counts[1] += 1
        names = tags_of(film_id, no_names)
        if names:
            counts = by_tags.get(names)
            if counts is None:
                by_tags[names] = [n, 1]
            else:
                counts[0] += n
                counts[1] += 1
    per_tuple = (by_directors, by_countries, by_tags)
    result = []
    for found in per_tuple:
        viewings: Counter[str] = Counter()
        films: Counter[str] = Counter()
        for names, (n, film_count) in found.items():
            for name in names:
                viewings[name] += n
                films[name] += film_count
        ranked = sorted(viewings.items(), key=lambda item: (-item[1], fold(item[0]), item[0]))
        result.append(tuple(NameCount(name, n, films[name]) for name, n in ranked[:TOP]))
    return result
