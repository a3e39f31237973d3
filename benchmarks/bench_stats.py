"""Statistics and the viewing search terms on a big catalog; figures beside a baseline from the
same run.

    python benchmarks/bench_stats.py [--films N] [--viewings M] [--json]
                                     [--postgresql | --database URL]

The catalog: N generated films (default 100,000; ``_catalog.build_catalog``) and M viewings
(default 150,000) inserted in one batch: days over 2015-2025 (2% without a day), a third with a
rating given then, rewatches marked now and then.

* stats_s: ``catalog.stats.compute()`` (every film, all time), the quickest of ``--repeat``
  runs; stats_year_s: the same for one year (2024); stats_scope_s: one year, for half of the
  films (a sidebar's choice);
  stats_read_baseline_s: the films' columns and the viewings that stats needs, fetched with
  the DB-API cursor and nothing done with them (what counting in Python would start from;
  stats now lets the database count); stats_count_baseline_s: ``SELECT count(*)`` over the
  viewings.
* viewed_months_s: reading every film's viewed months (what ``catalog.films.rows()`` reads
  besides the films for ``watched:2024-03``); rows_s: the whole ``catalog.films.rows()``.
* watched_month_filter_ms: ``watched:2024-03`` over every film's row (the index's groups of
  films by month built by a first run, as when typing); year_filter_baseline_ms: ``year:1990``,
  a term the window already had, the same way.

Target: stats_s under 0.5 s at 100,000 films with 150,000 viewings (issue 16). Reports only.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert, select

HERE = Path(__file__).resolve().parent


def add_viewings(target: str, count: int, seed: int = 11) -> None:
    """``count`` viewings of random films of the catalog at ``target``, in one batch."""
    from filmdesk.core.db import create_catalog_engine
    from filmdesk.core.models import Film, Viewing

    rng = random.Random(seed)
    engine = create_catalog_engine(target)
    start = date(2015, 1, 1)
    with engine.begin() as conn:
        ids = [row[0] for row in conn.execute(select(Film.id).order_by(Film.id))]
        rows = [
            {
                "film_id": rng.choice(ids),
                "watched_on": None
                if rng.random() < 0.02
                else start + timedelta(days=rng.randrange(11 * 365)),
                "rating_half_stars": rng.randint(1, 10) if rng.random() < 0.33 else None,
                "rewatch": rng.random() < 0.1,
                "note": "",
            }
            for _ in range(count)
        ]
        conn.execute(insert(Viewing), rows)
        conn.exec_driver_sql("UPDATE films SET watched = true WHERE id IN"
                             " (SELECT film_id FROM viewings)")  # fmt: skip
    engine.dispose()


def quickest(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def measure(target: str, repeat: int) -> dict[str, float]:
    from filmdesk.core.catalog import open_catalog
    from filmdesk.core.films.bulk import dbapi_cursor, viewed_months
    from filmdesk.core.search import SearchIndex, parse_query

    catalog = open_catalog(target).catalog
    engine = catalog.engine
    every_other = [row[0] for row in engine.connect().exec_driver_sql("SELECT id FROM films")][::2]

    def read_only() -> None:
        with engine.connect() as conn:
            cursor = dbapi_cursor(conn)
            cursor.execute(
                "SELECT id, year, runtime_minutes, rating_half_stars, watched, watched_on,"
                " CAST(directors AS TEXT), CAST(countries AS TEXT) FROM films"
            )
            cursor.fetchall()
            cursor.execute("SELECT film_id, watched_on, rating_half_stars FROM viewings")
            cursor.fetchall()
            cursor.close()

    def count_only() -> None:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM viewings").scalar()

    def months() -> None:
        with engine.connect() as conn:
            viewed_months(conn)

    result = {
        "stats_s": quickest(repeat, lambda: catalog.stats.compute()),
        "stats_year_s": quickest(repeat, lambda: catalog.stats.compute(year=2024)),
        "stats_scope_s": quickest(
            repeat, lambda: catalog.stats.compute(year=2024, film_ids=every_other)
        ),
        "stats_read_baseline_s": quickest(repeat, read_only),
        "stats_count_baseline_s": quickest(repeat, count_only),
        "viewed_months_s": quickest(repeat, months),
        "rows_s": quickest(repeat, catalog.films.rows),
    }
    rows = catalog.films.rows()

    index = SearchIndex(rows)

    def filter_ms(query: str) -> float:
        parsed = parse_query(query)
        parsed.run(index)  # the first run groups the films by value; typing reuses them
        return 1000 * quickest(repeat, lambda: parsed.run(index))

    result["watched_month_filter_ms"] = filter_ms("watched:2024-03")
    result["year_filter_baseline_ms"] = filter_ms("year:1990")
    figures = catalog.stats.compute()
    result["viewings"] = figures.viewings
    catalog.close()
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--films", type=int, default=100_000)
    parser.add_argument("--viewings", type=int, default=150_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    sys.path.insert(0, str(HERE))
    from _catalog import add_postgresql_options, add_ratios, build_catalog, report, server_databases

    add_postgresql_options(parser)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, server_databases(args) as server:
        os.environ["XDG_DATA_HOME"] = str(Path(tmp) / "data")  # backups stay in the temp folder
        targets = [str(Path(tmp) / "bench.sqlite3")]
        if server is not None:
            targets.append(server.new())
        result: dict[str, object] = {"films": args.films}
        for prefix, target in zip(("", "pg_"), targets, strict=False):
            started = time.perf_counter()
            build_catalog(target, args.films)
            add_viewings(target, args.viewings)
            result[f"{prefix}build_s"] = round(time.perf_counter() - started, 1)
            result.update({f"{prefix}{k}": v for k, v in measure(target, args.repeat).items()})
        if server is not None:
            add_ratios(result)
    report(result, args.json)


if __name__ == "__main__":
    main()
