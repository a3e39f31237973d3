"""A large import (over 10,000 new films: the bulk insert that makes the films' indexes, and on
PostgreSQL the foreign keys, again afterwards) on both backends; and on PostgreSQL, one by an
account that may write rows but does not own the tables."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.core.exchange.csv_format import COLUMNS
from filmdesk.core.exchange.planning import plan_import
from filmdesk.core.progress import ImportCancelled
from tests.pg_server import LocalServer

FILMS = 10_050
# Text a COPY must escape, and text that reads as its NULL: each must come back as it was.
AWKWARD = "tab\there \\N back\\slash\nnew line\r\nand \\.end"


def _source(tmp_path: Path) -> Path:
    rows = []
    for number in range(FILMS):
        film = dict.fromkeys(COLUMNS, "")
        film |= {
            "title": f"Film {number}",
            "year": str(1950 + number % 70),
            "directors": f'Эльдар "{number % 40}" Рязанов',
            "rating": str(1 + number % 5) if number % 3 else "",
            "watched": "yes" if number % 2 else "no",
            "watched_on": f"2024-03-{1 + number % 28:02d}" if number % 4 == 1 else "",
            "tags": " | ".join(["war", "drama", "Классика"][: number % 4]),
        }
        rows.append(film)
    rows[7]["notes"] = AWKWARD
    rows[8]["notes"] = "\\N"
    source = tmp_path / "many.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return source


def _empty(database: str) -> Catalog:
    catalog = open_catalog(database).catalog
    catalog.films.delete_many([film.id for film in catalog.films.all()])
    return catalog


def _foreign_keys(catalog: Catalog) -> set[tuple[str, str]]:
    with catalog.engine.connect() as conn:
        found = inspect(conn)
        return {
            (table, key["referred_table"])
            for table in ("film_tags", "viewings")
            for key in found.get_foreign_keys(table)
        }


def test_a_large_import_keeps_every_field_tag_viewing_and_key(
    database: str, tmp_path: Path
) -> None:
    catalog = _empty(database)
    keys = _foreign_keys(catalog)
    assert keys == {("film_tags", "films"), ("film_tags", "tags"), ("viewings", "films")}
    outcome = catalog.imports.run(plan_import(catalog, _source(tmp_path)))
    assert len(outcome.result.added) == FILMS
    assert catalog.films.stats().films == FILMS

    awkward, null_like = catalog.films.resolve("Film 7"), catalog.films.resolve("Film 8")
    assert (awkward.notes, null_like.notes) == (AWKWARD, "\\N")
    assert awkward.directors == ('Эльдар "7" Рязанов',)
    assert (awkward.year, awkward.rating) == (1957, 3.0)
    assert awkward.tags == ("drama", "war", "Классика")
    dated = catalog.films.resolve("Film 5")
    assert (dated.watched, dated.watched_on) == (True, date(2024, 3, 6))
    assert [v.watched_on for v in catalog.films.viewings(dated.id)] == [date(2024, 3, 6)]
    assert catalog.films.resolve("Film 4").watched is False
    # (10,050 films: the last two have none and one tag.)
    assert {t.name: t.films for t in catalog.films.tag_counts()} == {
        "Классика": 2512,
        "drama": 2512 * 2,
        "war": 2512 * 3 + 1,
    }

    # A film added by hand afterwards takes a new id (the id sequence caught up).
    by_hand = catalog.films.add({"title": "By hand", "tags": ["war"], "watched_on": "2025-01-02"})
    assert by_hand.id > max(outcome.result.added)
    catalog.run(outcome.inverse)  # the undo takes every imported film out again
    assert [film.title for film in catalog.films.all()] == ["By hand"]

    # The keys are there again, and they hold: a film deleted in the database itself takes
    # its tags and viewings with it.
    assert _foreign_keys(catalog) == keys
    with catalog.engine.begin() as conn:
        conn.exec_driver_sql(f"DELETE FROM films WHERE id = {by_hand.id}")
        left = conn.exec_driver_sql(
            "SELECT (SELECT count(*) FROM viewings), (SELECT count(*) FROM film_tags)"
        ).one()
    assert tuple(left) == (0, 0)
    catalog.close()


def test_a_cancelled_large_import_leaves_the_catalog_and_its_keys(
    database: str, tmp_path: Path
) -> None:
    catalog = _empty(database)
    keys = _foreign_keys(catalog)
    plan = plan_import(catalog, _source(tmp_path))

    def cancel(done: int, total: int) -> None:
        if done >= 5000:  # after the first piece is in
            raise ImportCancelled

    with pytest.raises(ImportCancelled):
        catalog.imports.apply(plan, progress=cancel)
    assert catalog.films.all() == []
    assert _foreign_keys(catalog) == keys
    catalog.imports.apply(plan)  # and it can be done again
    assert catalog.films.stats().films == FILMS
    catalog.close()


@pytest.mark.postgresql
def test_an_account_that_may_only_write_rows_imports_a_large_file(
    pg_server: LocalServer, tmp_path: Path
) -> None:
    # The tables' owner made the catalog; another account may read and write its rows but
    # not drop its indexes or keys: the import goes in with them in place.
    url = pg_server.new_database()
    _empty(url).close()
    name = make_url(url).database
    assert name is not None
    pg_server.sql("DROP ROLE IF EXISTS film_writer")
    pg_server.sql("CREATE ROLE film_writer LOGIN")
    for statement in (
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO film_writer",
        "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO film_writer",
    ):
        pg_server.sql(statement, database=name)
    try:
        catalog = open_catalog(pg_server.url(name, user="film_writer")).catalog
        assert not catalog.read_only
        added = catalog.imports.apply(plan_import(catalog, _source(tmp_path))).added
        assert len(added) == catalog.films.stats().films == FILMS
        assert catalog.films.resolve("Film 7").notes == AWKWARD
        catalog.close()
    finally:
        pg_server.drop(url)
        pg_server.sql("DROP ROLE IF EXISTS film_writer")
