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

The database counts (``benchmarks/bench_stats.py`` measures 100,000 films with 150,000
viewings): a few portable queries on the driver's cursor, in one transaction, each grouping the
viewings (per day; per film, then per distinct JSON text of directors and of countries, and per
tag) or the films (per release year), so a few hundred or thousand rows come back rather than a
row per film or viewing; Python expands the lists of names and ranks them. Only a year's
ratings and highest rated are worked out from that year's viewings, a row each. A scope of many
ids is a temporary table of the connection; a few are written into the queries.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError

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
        scope = None if film_ids is None else {int(film_id) for film_id in film_ids}
        # One transaction: every query sees the same catalog.
        with self._engine.connect() as conn, conn.begin():
            cursor = bulk.dbapi_cursor(conn)
            driver_error = conn.dialect.loaded_dbapi.Error
            try:
                if conn.dialect.name == "postgresql":  # sorts and hashes in memory
                    cursor.execute(f"SET LOCAL work_mem = '{_WORK_MEM}'")
                with _scoped(cursor, conn.dialect.name, scope) as in_scope:
                    counts = _Queries(cursor, conn.dialect.name, year, in_scope).run()
            except driver_error as exc:  # as SQLAlchemy raises it: callers catch one kind
                raise DBAPIError.instance(None, None, exc, driver_error) from exc
            finally:
                cursor.close()
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


# PostgreSQL's memory for the sorts and hashes of one statistics transaction (the default, 4MB,
# sends a grouping of 100,000 films to disk).
_WORK_MEM = "64MB"


# --- the scope -----------------------------------------------------------------------------

# Up to this many ids, the scope is written into each query (``bulk.id_conditions``); more go
# into a temporary table of the connection, which each query reads.
SCOPE_IN_SQL_UP_TO = 1000

_InScope = Callable[[str], str]  # an id column -> an SQL condition: the film is in scope


@contextmanager
def _scoped(cursor: Any, dialect: str, scope: set[int] | None) -> Iterator[_InScope]:
    if scope is None:
        yield lambda column: "1 = 1"
        return
    if len(scope) <= SCOPE_IN_SQL_UP_TO:
        conditions = bulk.id_conditions(sorted(scope))

        def in_conditions(column: str) -> str:
            if not conditions:
                return "1 = 0"
            return "(" + " OR ".join(f"{column} {condition}" for condition in conditions) + ")"

        yield in_conditions
        return
    if dialect == "sqlite":
        table = "temp.filmdesk_stats_scope"
        create = f"CREATE TABLE {table} (id INTEGER PRIMARY KEY)"
    else:
        table = "pg_temp.filmdesk_stats_scope"
        create = f"CREATE TABLE {table} (id BIGINT PRIMARY KEY)"
    cursor.execute(f"DROP TABLE IF EXISTS {table}")  # one a failed run left on this connection
    cursor.execute(create)
    if dialect == "sqlite":
        cursor.executemany(f"INSERT INTO {table} (id) VALUES (?)", [(i,) for i in sorted(scope)])
        # Each row of the query looked up in the table (``+``: SQLite would otherwise go from
        # the table's ids to the viewings through their film's index, a lookup per viewing).
        yield lambda column: f"+{column} IN (SELECT id FROM {table})"
    else:  # psycopg's COPY of one block of text; counted, for the planner's estimates
        with cursor.copy(f"COPY {table} (id) FROM STDIN") as copy:
            copy.write("".join(f"{film_id}\n" for film_id in sorted(scope)))
        cursor.execute(f"ANALYZE {table}")
        yield lambda column: f"{column} IN (SELECT id FROM {table})"
    cursor.execute(f"DROP TABLE {table}")


# --- the queries ---------------------------------------------------------------------------
# The database counts: a few hundred or thousand rows come back (per day, per release year,
# per distinct list of directors and countries, per tag), never a row per film or viewing,
# but for the viewings of one year (ratings given then, the highest rated).


def _period(year: int | None, alias: str = "") -> str:
    """SQL: the viewings of the period (all time: all, undated ones too; a year: its days).
    ISO dates compare as text on SQLite and as dates on PostgreSQL, the same way."""
    if year is None:
        return "1 = 1"
    column = f"{alias}watched_on"
    return f"({column} >= '{year:04d}-01-01' AND {column} <= '{year:04d}-12-31')"  # an int


def _iso(value: Any) -> str:
    """A day from the driver (ISO text on SQLite, a date on PostgreSQL) as ISO text, or ""."""
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value.isoformat())


def _int(value: Any) -> int:
    """A count or sum from the driver (PostgreSQL's sums are Decimal; an empty sum is NULL)."""
    return int(value or 0)


_TRUE = {"sqlite": "1", "postgresql": "true"}

_Ranked = tuple[int, int | None, int, str]  # id, year, half stars, last day


class _Queries:
    """The figures of one period and scope, read query by query on one cursor."""

    def __init__(self, cursor: Any, dialect: str, year: int | None, in_scope: _InScope) -> None:
        self.cursor = cursor
        self.dialect = dialect
        self.year = year
        self.in_scope = in_scope
        self.names = bulk.NameCache()

    def rows(self, sql: str) -> list[Any]:
        self.cursor.execute(sql)
        return list(self.cursor.fetchall())

    def text(self, column: str) -> str:
        """A JSON column as its text (SQLite stores text; PostgreSQL's json is cast)."""
        return column if self.dialect == "sqlite" else f"CAST({column} AS TEXT)"

    def run(self) -> dict[str, Any]:
        year, in_scope = self.year, self.in_scope
        all_time = year is None
        # The films in scope: how many, how many watched (ever), and all time their ratings.
        ratings_sql = "".join(
            f", count(CASE WHEN rating_half_stars = {half} THEN 1 END)" for half in range(1, 11)
        )
        films, watched_ever, *own_ratings = self.rows(
            f"SELECT count(*), count(CASE WHEN watched THEN 1 END)"
            f"{ratings_sql if all_time else ''} FROM films WHERE {in_scope('id')}"
        )[0]
        films, watched_ever = _int(films), _int(watched_ever)

        # The viewings per day (NULL: undated, of any period), through which month and year.
        undated_too = "1 = 1" if all_time else f"(watched_on IS NULL OR {_period(year)})"
        by_day = self.rows(
            f"SELECT watched_on, count(*) FROM viewings"
            f" WHERE {undated_too} AND {in_scope('film_id')} GROUP BY watched_on"
        )
        undated = sum(_int(n) for day, n in by_day if day is None)
        by_month, by_year = _by_month_and_year(by_day, year)

        # The viewings of the period per film, then per distinct list of directors and of
        # countries: how many films and viewings, and the runtimes of those viewings.
        period = f"{_period(year, 'v.')} AND {in_scope('v.film_id')}"
        if self.dialect == "sqlite":
            # All time through the index on the viewings' film; a year's viewings are found
            # by reading the table (``+``: not the index, which would look each one up). The
            # films are looked up by id afterwards.
            film = "v.film_id" if all_time else "+v.film_id"
            per_film = (
                f"SELECT {film} AS film_id, count(*) AS n FROM viewings v"
                f" WHERE {period} GROUP BY {film}"
            )
            source = "p JOIN films f ON f.id = p.film_id"
            directors, countries, runtime = "f.directors", "f.countries", "f.runtime_minutes"
        else:
            # PostgreSQL hashes the films and the viewings together, quicker than looking up
            # each film by id (and the films' values come with their id, its primary key).
            per_film = (
                f"SELECT f.id AS film_id, count(*) AS n,"
                f" CAST(f.directors AS TEXT) AS directors, CAST(f.countries AS TEXT) AS countries,"
                f" f.runtime_minutes FROM films f JOIN viewings v ON v.film_id = f.id"
                f" WHERE {period} GROUP BY f.id"
            )
            source = "p"
            directors, countries, runtime = "p.directors", "p.countries", "p.runtime_minutes"
        # One statement, so the viewings per film are counted once (a CTE used twice is made
        # a table once): a row per distinct (directors, countries) text, then per tag (grouped
        # by id, then named: quicker on SQLite than grouping by name).
        grouped = self.rows(
            f"WITH p AS ({per_film})"
            f" SELECT 0, {directors}, {countries}, count(*), sum(p.n), sum(p.n * {runtime}),"
            f" sum(CASE WHEN {runtime} IS NULL THEN p.n ELSE 0 END)"
            f" FROM {source} GROUP BY {directors}, {countries}"
            f" UNION ALL SELECT 1, t.name, NULL, x.films, x.n, 0, 0 FROM"
            f" (SELECT ft.tag_id, count(*) AS films, sum(p.n) AS n FROM p"
            f" JOIN film_tags ft ON ft.film_id = p.film_id GROUP BY ft.tag_id) x"
            f" JOIN tags t ON t.id = x.tag_id"
        )
        films_seen = viewings = minutes = no_runtime = 0
        by_directors: dict[str, list[int]] = {}
        by_countries: dict[str, list[int]] = {}
        tags: dict[str, list[int]] = {}
        for kind, text, countries_text, film_count, n, film_minutes, unknown in grouped:
            film_count, n = _int(film_count), _int(n)
            if kind:  # a tag (tags of the same name add up)
                counts = tags.setdefault(text, [0, 0])
                counts[0] += n
                counts[1] += film_count
                continue
            films_seen += film_count
            viewings += n
            minutes += _int(film_minutes)
            no_runtime += _int(unknown)
            for found, key in ((by_directors, text), (by_countries, countries_text)):
                counts = found.setdefault(key, [0, 0])
                counts[0] += n
                counts[1] += film_count
        # Each film's viewings after its first in the period, and the first ones marked.
        rewatches = viewings - films_seen + self.first_marked()

        if all_time:
            watched = watched_ever
            ratings = {key: _int(n) for key, n in zip(HALF_STARS, own_ratings, strict=True)}
            releases = self.rows(
                f"SELECT year, count(*) FROM films"
                f" WHERE year IS NOT NULL AND {in_scope('id')} GROUP BY year"
            )
            highest = self.highest_rated_ever()
        else:
            watched = films_seen
            ratings, releases, ranked = self.rated_in_year()
            highest = self.titled(ranked)
        decades: Counter[int] = Counter()
        for release, n in releases:
            if release is not None:
                decades[release // 10 * 10] += _int(n)
        return {
            "films": films,
            "watched": watched,
            "never_watched": films - watched_ever,
            "viewings": viewings,
            "rewatches": rewatches,
            "minutes": minutes,
            "no_runtime": no_runtime,
            "undated": undated,
            "by_month": by_month,
            "by_year": by_year,
            "ratings": ratings,
            "by_decade": {f"{decade}s": n for decade, n in sorted(decades.items())},
            "top_directors": self.top(by_directors, self.names.names),
            "top_countries": self.top(by_countries, self.names.names),
            "top_tags": self.top(tags, lambda name: (name,)),
            "highest_rated": highest,
        }

    def first_marked(self) -> int:
        """How many films' first viewing of the period is marked rewatch (by day, undated ones
        first, then in the order they were added). Only marked viewings are looked at, each
        with the index on the viewings' film."""
        year = self.year
        earlier = (
            "(w.watched_on IS NULL AND (v.watched_on IS NOT NULL OR w.id < v.id))"
            " OR w.watched_on < v.watched_on OR (w.watched_on = v.watched_on AND w.id < v.id)"
        )
        ((found,),) = self.rows(
            f"SELECT count(*) FROM viewings v WHERE v.rewatch = {_TRUE[self.dialect]}"
            f" AND {_period(year, 'v.')} AND {self.in_scope('v.film_id')}"
            f" AND NOT EXISTS (SELECT 1 FROM viewings w"
            f" WHERE w.film_id = v.film_id AND {_period(year, 'w.')} AND ({earlier}))"
        )
        return _int(found)

    def highest_rated_ever(self) -> tuple[RatedFilm, ...]:
        """All time: the films' own ratings, ties by the day last watched (none: last), then
        by id."""
        found = self.rows(
            f"SELECT id, title, year, rating_half_stars, watched_on FROM films"
            f" WHERE rating_half_stars >= 1 AND {self.in_scope('id')}"
            f" ORDER BY rating_half_stars DESC, CASE WHEN watched_on IS NULL THEN 1 ELSE 0 END,"
            f" watched_on DESC, id LIMIT {TOP}"
        )
        return tuple(
            RatedFilm(film_id, title, film_year, half / 2, self.names.date(day))
            for film_id, title, film_year, half, day in found
        )

    def rated_in_year(
        self,
    ) -> tuple[dict[str, int], list[tuple[int | None, int]], list[_Ranked]]:
        """A year: the ratings histogram, the films watched per release year, and the highest
        rated, from the year's viewings (a row each: a year holds few of them)."""
        rows = self.rows(
            f"SELECT v.film_id, v.id, v.watched_on, v.rating_half_stars, f.rating_half_stars,"
            f" f.year FROM viewings v JOIN films f ON f.id = v.film_id"
            f" WHERE {_period(self.year, 'v.')} AND {self.in_scope('v.film_id')}"
        )
        iso: dict[Any, str] = {}
        given: dict[int, tuple[str, int, int]] = {}  # film -> (day, viewing, half stars)
        last_day: dict[int, str] = {}
        films: dict[int, tuple[int | None, int | None]] = {}  # film -> (own rating, year)
        for film_id, viewing, raw, half, own, release in rows:
            day = iso.get(raw)
            if day is None:
                day = iso[raw] = _iso(raw)
            if half is not None:
                latest = given.get(film_id)
                if latest is None or (day, viewing) > latest[:2]:
                    given[film_id] = (day, viewing, half)
            if day > last_day.get(film_id, ""):
                last_day[film_id] = day
            films[film_id] = (own, release)
        # The rating given at the latest viewing of the year that has one, else the film's.
        rating_of: dict[int, int] = {}
        for film_id, (own, _) in films.items():
            half = given[film_id][2] if film_id in given else (own or None)
            if half is not None:
                rating_of[film_id] = half
        half_counts = Counter(rating_of.values())
        ratings = {key: half_counts[half] for half, key in enumerate(HALF_STARS, start=1)}
        releases = list(Counter(release for _, release in films.values()).items())
        ranked = heapq.nlargest(
            TOP, rating_of.items(), key=lambda item: (item[1], last_day[item[0]], -item[0])
        )
        highest = [(film_id, films[film_id][1], half, last_day[film_id]) for film_id, half in
                   ranked]  # fmt: skip
        return ratings, releases, highest

    def titled(self, ranked: list[_Ranked]) -> tuple[RatedFilm, ...]:
        """The highest rated (id, year, half stars, last day) with their titles."""
        if not ranked:
            return ()
        ids = ", ".join(str(int(film_id)) for film_id, *_ in ranked)
        titles = dict(self.rows(f"SELECT id, title FROM films WHERE id IN ({ids})"))
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

    @staticmethod
    def top(
        found: dict[Any, list[int]], names: Callable[[Any], tuple[str, ...]]
    ) -> tuple[NameCount, ...]:
        """From [viewings, films] per list of names (its JSON text) or per name, the names
        with most viewings (ties by name as search folds it), at most TOP."""
        viewings: Counter[str] = Counter()
        films: Counter[str] = Counter()
        for key, (n, film_count) in found.items():
            for name in names(key):
                viewings[name] += n
                films[name] += film_count
        ranked = sorted(viewings.items(), key=lambda item: (-item[1], fold(item[0]), item[0]))
        return tuple(NameCount(name, n, films[name]) for name, n in ranked[:TOP])


def _by_month_and_year(
    by_day: list[tuple[Any, Any]], year: int | None
) -> tuple[dict[str, int], dict[str, int]]:
    """Viewings per ``YYYY-MM`` (a year: its twelve months) and per ``YYYY``, from those per
    day (the undated ones left out)."""
    by_month_counter: Counter[str] = Counter()
    by_year_counter: Counter[str] = Counter()
    for raw, n in by_day:
        if raw is not None:
            day = _iso(raw)
            by_month_counter[day[:7]] += _int(n)
            by_year_counter[day[:4]] += _int(n)
    if year is None:
        by_month = dict(sorted(by_month_counter.items()))
    else:
        months = [f"{year:04d}-{m:02d}" for m in range(1, 13)]
        by_month = {month: by_month_counter[month] for month in months}
    return by_month, dict(sorted(by_year_counter.items()))
