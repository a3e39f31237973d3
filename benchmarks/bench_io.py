"""Export and import speed through the real core, beside a plain baseline from the same run.

    python benchmarks/bench_io.py [--films N] [--json] [--postgresql | --database URL]

* export_csv_s: filmdesk CSV of N films (catalog -> file);
  export_csv_baseline_s: the same rows read with a sqlite3 cursor and written with csv.writer;
  export_csv_window_s: the file as File › Export and ``filmdesk-cli export`` write it, which
  has one more column (each film's viewings) and so no baseline of its own.
* import_csv_s: that file planned (dry run) and applied into an empty catalog;
  import_csv_baseline_s: the same rows read with csv.reader and inserted with sqlite3
  executemany into an equivalent table (filmdesk's films table: same columns, types and
  indexes), in one transaction; import_csv_plain_baseline_s: the same into a table of text
  columns without indexes, for comparison.
* export_json_s / import_json_s: the JSON backup both ways, as File › Export writes it (every
  film with its viewings, collections and lists) and as an import reads it into an empty
  catalog; export_json_baseline_s: the same films from a sqlite3 cursor written with json.dump;
  import_json_baseline_s: that file read with json.load and inserted with executemany into a
  table like filmdesk's.

The CSV timings are taken ``--repeat`` times (default 3), filmdesk and its baseline in turn, and
the quickest of each is reported, as timeit does: on a shared machine a run is often slowed by
others, and the quickest is the closest to what the code itself costs. The JSON ones run once.

With ``--postgresql`` (a throwaway local server, started and stopped here, fsync on) or
``--database URL`` (a PostgreSQL server whose account may create databases: the benchmark makes
its own and drops them afterwards), the same catalog is built there too and every filmdesk
figure is taken on both backends in the same run, in turn: ``pg_export_csv_s``,
``pg_import_csv_s`` (the same CSV file, imported into an empty catalog on the server),
``pg_export_json_s``, ``pg_import_json_s``, each with ``pg_<figure>_vs_sqlite`` (PostgreSQL's
time over SQLite's). The baselines stay those on SQLite.

Targets: CSV import <= 2x its baseline, CSV export <= 1.5x; JSON both ways <= 2x. On
PostgreSQL: CSV import <= 2x SQLite's. Reports; never fails a test run.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# filmdesk's films table and its indexes (see filmdesk.core.models), with a tags column.
BASELINE_DDL = [
    """CREATE TABLE films (
        id INTEGER PRIMARY KEY, title VARCHAR(500) NOT NULL, original_title VARCHAR(500) NOT NULL,
        year INTEGER, directors JSON NOT NULL, countries JSON NOT NULL, runtime_minutes INTEGER,
        description TEXT NOT NULL, fact TEXT NOT NULL, trailer_url VARCHAR(2000) NOT NULL,
        availability_note TEXT NOT NULL, availability_checked_on DATE, imdb_id VARCHAR(20),
        letterboxd_uri VARCHAR(500), rating SMALLINT, watched BOOLEAN NOT NULL, watched_on DATE,
        notes TEXT NOT NULL, tags TEXT NOT NULL)""",
    "CREATE INDEX ix_films_year ON films (year)",
    "CREATE INDEX ix_films_imdb_id ON films (imdb_id)",
    "CREATE INDEX ix_films_letterboxd_uri ON films (letterboxd_uri)",
    "CREATE INDEX ix_films_title ON films (title, id)",
]


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def empty_catalog(target: Path | str):  # type: ignore[no-untyped-def]
    """A catalog without films at ``target`` (a path, made afresh, or an empty database's URL)."""
    from filmdesk.core.catalog import open_catalog

    if isinstance(target, Path):
        remove_database(target)
    catalog = open_catalog(str(target)).catalog
    catalog.films.delete_many([f.id for f in catalog.films.all()])
    return catalog


_FILM_COLUMNS = (
    "id, title, original_title, year, directors, countries, runtime_minutes, description,"
    " fact, trailer_url, availability_note, availability_checked_on, imdb_id, letterboxd_uri,"
    " rating_half_stars, watched, watched_on, notes, seed_key, created_at, updated_at"
)


def export_json_baseline(source_db: Path, folder: Path) -> float:
    """The plainest JSON of the same films: rows from a sqlite3 cursor (tags joined in), one
    dict each, one json.dumps (json's C encoder: no indentation, not json.dump, which encodes
    in Python)."""
    started = time.perf_counter()
    conn = sqlite3.connect(source_db)
    tags: dict[int, list[str]] = {}
    for film_id, name in conn.execute(
        "SELECT film_id, tags.name FROM film_tags JOIN tags ON tags.id = film_tags.tag_id"
    ):
        tags.setdefault(film_id, []).append(name)
    cursor = conn.execute(f"SELECT {_FILM_COLUMNS} FROM films")
    names = [d[0] for d in cursor.description]
    films = []
    for row in cursor:
        film = dict(zip(names, row, strict=True))
        film["directors"] = json.loads(film["directors"])
        film["countries"] = json.loads(film["countries"])
        film["tags"] = tags.get(film["id"], [])
        films.append(film)
    conn.close()
    with (folder / "baseline.json").open("w", encoding="utf-8") as out:
        out.write(json.dumps({"films": films}, ensure_ascii=False))
    return time.perf_counter() - started


def import_json_baseline(folder: Path) -> float:
    """That JSON read with json.load and inserted with executemany into a table like filmdesk's
    (same columns and indexes), in one transaction."""
    database = folder / "json-baseline.sqlite3"
    remove_database(database)
    started = time.perf_counter()
    with (folder / "baseline.json").open(encoding="utf-8") as handle:
        films = json.load(handle)["films"]
    with sqlite3.connect(database) as conn:
        for statement in BASELINE_DDL:
            conn.execute(statement)
        conn.executemany(
            "INSERT INTO films (id, title, original_title, year, directors, countries,"
            " runtime_minutes, description, fact, trailer_url, availability_note,"
            " availability_checked_on, imdb_id, letterboxd_uri, rating, watched, watched_on,"
            " notes, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    f["id"],
                    f["title"],
                    f["original_title"],
                    f["year"],
                    json.dumps(f["directors"]),
                    json.dumps(f["countries"]),
                    f["runtime_minutes"],
                    f["description"],
                    f["fact"],
                    f["trailer_url"],
                    f["availability_note"],
                    f["availability_checked_on"],
                    f["imdb_id"],
                    f["letterboxd_uri"],
                    f["rating_half_stars"],
                    f["watched"],
                    f["watched_on"],
                    f["notes"],
                    json.dumps(f["tags"]),
                )
                for f in films
            ),
        )
    conn.close()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--films", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="CSV timings: the quickest of N")
    parser.add_argument("--json", action="store_true")
    sys.path.insert(0, str(HERE))
    from _catalog import add_postgresql_options, add_ratios, build_catalog, report, server_databases

    add_postgresql_options(parser)
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat is at least 1")
    from filmdesk.core.catalog import open_catalog
    from filmdesk.core.exchange.csv_format import COLUMNS, export_csv
    from filmdesk.core.exchange.formats import ExportOptions, FilmSelection, film_export
    from filmdesk.core.exchange.planning import plan_import

    result: dict[str, object] = {"films": args.films, "repeat": args.repeat}
    with tempfile.TemporaryDirectory() as tmp, server_databases(args) as server:
        folder = Path(tmp)
        os.environ["XDG_DATA_HOME"] = str(folder / "data")
        source_db = folder / "source.sqlite3"
        build_catalog(source_db, args.films)
        source = open_catalog(str(source_db)).catalog
        if server is not None:  # the same films on the server
            pg_source_url = server.new()
            build_catalog(pg_source_url, args.films)
            pg_source = open_catalog(pg_source_url).catalog

        out = folder / "films.csv"

        def export_filmdesk() -> float:
            started = time.perf_counter()
            export_csv(out, source.films.columns())
            return time.perf_counter() - started

        def export_window() -> float:
            started = time.perf_counter()
            film_export("csv").write(folder / "window.csv", FilmSelection(source), ExportOptions())
            return time.perf_counter() - started

        def export_baseline() -> float:
            started = time.perf_counter()
            with (
                sqlite3.connect(source_db) as conn,
                (folder / "base.csv").open("w", encoding="utf-8-sig", newline="") as handle,
            ):
                writer = csv.writer(handle)
                writer.writerow(COLUMNS)
                writer.writerows(
                    conn.execute(
                        "SELECT title, original_title, year, directors, countries,"
                        " runtime_minutes, description, fact, trailer_url, availability_note,"
                        " availability_checked_on, imdb_id, letterboxd_uri, rating_half_stars,"
                        " watched, watched_on, notes, '' FROM films"
                    )
                )
            conn.close()
            return time.perf_counter() - started

        def import_filmdesk() -> float:
            target = empty_catalog(folder / "target.sqlite3")
            started = time.perf_counter()
            target.imports.apply(plan_import(target, out))
            elapsed = time.perf_counter() - started
            target.close()
            return elapsed

        def import_baseline(database: Path, create: list[str]) -> float:
            remove_database(database)
            started = time.perf_counter()
            with sqlite3.connect(database) as conn, out.open(encoding="utf-8-sig", newline="") as f:
                reader = csv.reader(f)
                header = next(reader)
                for statement in create:
                    conn.execute(statement)
                conn.executemany(
                    f"INSERT INTO films ({', '.join(header)})"
                    f" VALUES ({', '.join('?' * len(header))})",
                    reader,
                )
            conn.close()
            return time.perf_counter() - started

        def export_postgresql() -> float:
            started = time.perf_counter()
            export_csv(folder / "pg.csv", pg_source.films.columns())
            return time.perf_counter() - started

        def import_postgresql() -> float:
            # The file SQLite's catalog wrote, into an empty database of its own each time.
            url = server.new()
            target = empty_catalog(url)
            started = time.perf_counter()
            target.imports.apply(plan_import(target, out))
            elapsed = time.perf_counter() - started
            target.close()
            server.drop(url)
            return elapsed

        on_server = server is not None
        times: dict[str, list[float]] = {}
        for _ in range(args.repeat):
            for key, run in (
                ("export_csv_s", export_filmdesk),
                *([("pg_export_csv_s", export_postgresql)] if on_server else []),
                ("export_csv_baseline_s", export_baseline),
                ("export_csv_window_s", export_window),
                ("import_csv_s", import_filmdesk),
                *([("pg_import_csv_s", import_postgresql)] if on_server else []),
                # The baseline table is equivalent to filmdesk's: the same columns, types and
                # indexes (filmdesk keeps tags in a link table; here they stay a text column).
                (
                    "import_csv_baseline_s",
                    lambda: import_baseline(folder / "baseline.sqlite3", BASELINE_DDL),
                ),
                # For comparison, the plainest table: every column text, no index.
                (
                    "import_csv_plain_baseline_s",
                    lambda: import_baseline(
                        folder / "plain.sqlite3",
                        [f"CREATE TABLE films ({', '.join(h + ' TEXT' for h in COLUMNS)})"],
                    ),
                ),
            ):
                times.setdefault(key, []).append(run())
        for key, values in times.items():
            result[key] = round(min(values), 3)
        for name in ("export_csv", "import_csv"):
            ratio = float(result[f"{name}_s"]) / float(result[f"{name}_baseline_s"])  # type: ignore[arg-type]
            result[f"{name}_ratio"] = round(ratio, 2)

        # The JSON backup as File › Export and filmdesk-cli export write it (every film with
        # its viewings, collections, lists), and read back into an empty catalog.
        backup = folder / "backup.json"
        started = time.perf_counter()
        film_export("json").write(backup, FilmSelection(source), ExportOptions())
        result["export_json_s"] = round(time.perf_counter() - started, 3)
        result["export_json_baseline_s"] = round(export_json_baseline(source_db, folder), 3)
        target = empty_catalog(folder / "target2.sqlite3")
        started = time.perf_counter()
        target.imports.apply(plan_import(target, backup))
        result["import_json_s"] = round(time.perf_counter() - started, 3)
        target.close()
        result["import_json_baseline_s"] = round(import_json_baseline(folder), 3)
        for name in ("export_json", "import_json"):
            ratio = float(result[f"{name}_s"]) / float(result[f"{name}_baseline_s"])  # type: ignore[arg-type]
            result[f"{name}_ratio"] = round(ratio, 2)
        source.close()
        if server is not None:
            # The same backup both ways on the server, and whether its catalog wrote the same
            # CSV file as SQLite's (the same films: it should).
            started = time.perf_counter()
            film_export("json").write(folder / "pg.json", FilmSelection(pg_source), ExportOptions())
            result["pg_export_json_s"] = round(time.perf_counter() - started, 3)
            url = server.new()
            target = empty_catalog(url)
            started = time.perf_counter()
            target.imports.apply(plan_import(target, backup))
            result["pg_import_json_s"] = round(time.perf_counter() - started, 3)
            target.close()
            server.drop(url)
            pg_source.close()
            same = (folder / "pg.csv").read_bytes() == out.read_bytes()
            result["pg_export_csv_same_as_sqlite"] = same
            add_ratios(result)
    report(result, args.json)


if __name__ == "__main__":
    main()
