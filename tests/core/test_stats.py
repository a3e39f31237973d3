"""Statistics (``catalog.stats``) against a catalog with known viewings (tests/core/watching.py),
every figure worked out by hand."""

from __future__ import annotations

import json
import random
from datetime import date

import pytest

from filmdesk.core import stats
from filmdesk.core.catalog import Catalog
from filmdesk.core.folding import fold
from filmdesk.core.stats import HALF_STARS
from tests.core.watching import build


def ratings(**counts: int) -> dict[str, int]:
    """The histogram with these counts (``r4_5=2``), zeros elsewhere."""
    given = {key[1:].replace("_", "."): n for key, n in counts.items()}
    return {key: given.get(key, 0) for key in HALF_STARS}


def names(entries: object) -> list[tuple[str, int, int]]:
    return [(e["name"], e["viewings"], e["films"]) for e in entries]  # type: ignore[attr-defined, index]


def test_all_time(catalog: Catalog) -> None:
    ids = build(catalog)
    figures = catalog.stats.compute().to_json()
    assert {k: figures[k] for k in ("year", "films", "watched", "never_watched")} == {
        "year": None, "films": 6, "watched": 4, "never_watched": 2,
    }  # fmt: skip
    assert figures["viewings"] == 10  # the undated one too
    assert figures["undated"] == 1
    # Mirror: 2 after its first; Stalker: its unmarked second; the cranes: the dated one
    # after the undated one; Amélie: two after its first (2022).
    assert figures["rewatches"] == 6
    assert figures["minutes"] == 107 * 3 + 162 * 2 + 97 * 2
    assert figures["hours"] == 14.0
    assert figures["no_runtime"] == 3  # Amélie has no runtime
    assert figures["by_month"] == {
        "2022-01": 1, "2023-12": 1, "2024-03": 3, "2024-05": 1, "2024-07": 1, "2024-11": 2,
    }  # fmt: skip
    assert list(figures["by_month"]) == sorted(figures["by_month"])  # type: ignore[arg-type]
    assert figures["by_year"] == {"2022": 1, "2023": 1, "2024": 7}
    assert figures["ratings"] == ratings(r5_0=1, r4_5=2, r3_5=1, r2_0=1)
    assert figures["by_decade"] == {"1950s": 1, "1960s": 1, "1970s": 2, "2000s": 1}
    # Ties by name as search folds it: é as e, ё as е (raw order would put Emil and жара first).
    assert names(figures["top_directors"]) == [
        ("Andrei Tarkovsky", 5, 2), ("élise Girardot", 3, 1), ("Emil Loteanu", 3, 1),
        ("Михаил Калатозов", 2, 1),
    ]  # fmt: skip
    assert names(figures["top_countries"]) == [("Soviet Union", 7, 3), ("France", 3, 1)]
    assert names(figures["top_tags"]) == [
        ("comedy", 3, 1), ("ёлка", 3, 1), ("жара", 3, 1), ("war", 2, 1),
    ]  # fmt: skip
    # Stalker and the cranes tie at 4.5: Stalker was watched more recently.
    assert [(f["id"], f["rating"], f["last_watched"]) for f in figures["highest_rated"]] == [  # type: ignore[attr-defined, index]
        (ids["Mirror"], 5.0, "2024-03-20"),
        (ids["Stalker"], 4.5, "2024-07-04"),
        (ids["Летят журавли"], 4.5, "2024-05-09"),
        (ids["Amélie"], 3.5, "2024-11-03"),
        (ids["Never Seen"], 2.0, None),
    ]
    assert figures["highest_rated"][2]["title"] == "Летят журавли"  # type: ignore[index]
    json.dumps(figures)  # plain JSON values only


def test_one_year(catalog: Catalog) -> None:
    ids = build(catalog)
    stats = catalog.stats.compute(year=2024)
    figures = stats.to_json()
    assert (figures["films"], figures["watched"], figures["never_watched"]) == (6, 4, 2)
    assert figures["viewings"] == 7
    assert figures["undated"] == 1
    # Mirror's first 2024 viewing is marked, the second follows it; Stalker's second; the
    # cranes' one is marked; Amélie's second of November.
    assert figures["rewatches"] == 5
    assert stats.minutes == 107 * 2 + 162 * 2 + 97
    assert figures["hours"] == 10.6
    assert figures["no_runtime"] == 2
    assert list(figures["by_month"]) == [f"2024-{m:02d}" for m in range(1, 13)]  # type: ignore[arg-type]
    assert {k: n for k, n in figures["by_month"].items() if n} == {  # type: ignore[attr-defined]
        "2024-03": 3, "2024-05": 1, "2024-07": 1, "2024-11": 2,
    }  # fmt: skip
    assert figures["by_year"] == {"2024": 7}
    # Mirror: 4.5 given on 2024-03-20 (not its own 5, nor the 4 of 2023); Stalker: 5 given
    # in March; the cranes and Amélie: their own ratings.
    assert figures["ratings"] == ratings(r5_0=1, r4_5=2, r3_5=1)
    assert figures["by_decade"] == {"1950s": 1, "1970s": 2, "2000s": 1}  # the films watched
    assert names(figures["top_directors"])[0] == ("Andrei Tarkovsky", 4, 2)
    assert names(figures["top_tags"]) == [
        ("comedy", 2, 1), ("ёлка", 2, 1), ("жара", 2, 1), ("war", 1, 1),
    ]  # fmt: skip
    assert [(f.id, f.rating, f.last_watched) for f in stats.highest_rated] == [
        (ids["Stalker"], 5.0, date(2024, 7, 4)),
        (ids["Летят журавли"], 4.5, date(2024, 5, 9)),
        (ids["Mirror"], 4.5, date(2024, 3, 20)),
        (ids["Amélie"], 3.5, date(2024, 11, 3)),
    ]


def test_a_year_without_viewings(catalog: Catalog) -> None:
    build(catalog)
    figures = catalog.stats.compute(year=2019).to_json()
    assert (figures["watched"], figures["viewings"], figures["rewatches"]) == (0, 0, 0)
    assert figures["by_month"] == {f"2019-{m:02d}": 0 for m in range(1, 13)}
    assert figures["ratings"] == ratings()
    assert figures["top_directors"] == figures["highest_rated"] == []
    assert figures["films"] == 6


def test_a_scope_of_films(catalog: Catalog) -> None:
    ids = build(catalog)
    scope = [ids["Mirror"], ids["Amélie"], ids["Never Seen"], 10**6]  # an unknown id is ignored
    figures = catalog.stats.compute(film_ids=scope).to_json()
    assert (figures["films"], figures["watched"], figures["never_watched"]) == (3, 2, 1)
    assert (figures["viewings"], figures["rewatches"], figures["undated"]) == (6, 4, 0)
    assert (figures["minutes"], figures["no_runtime"]) == (321, 3)
    assert figures["by_decade"] == {"1960s": 1, "1970s": 1, "2000s": 1}
    assert names(figures["top_countries"]) == [("France", 3, 1), ("Soviet Union", 3, 1)]
    in_2023 = catalog.stats.compute(year=2023, film_ids=scope).to_json()
    assert (in_2023["viewings"], in_2023["watched"], in_2023["rewatches"]) == (1, 1, 0)
    assert in_2023["ratings"] == ratings(r4_0=1)  # given then, not Mirror's 5 of today
    assert catalog.stats.compute(film_ids=[]).to_json()["films"] == 0


def test_follows_changes(catalog: Catalog) -> None:
    ids = build(catalog)
    catalog.films.add_viewing(ids["Never Seen"], {"watched_on": date(2024, 3, 5)})
    catalog.films.delete(ids["Stalker"])
    figures = catalog.stats.compute(year=2024).to_json()
    assert figures["by_month"]["2024-03"] == 3  # type: ignore[index]
    assert figures["viewings"] == 6
    assert figures["films"] == 5


@pytest.mark.parametrize("year", [0, 10000, -1])
def test_a_year_out_of_range_is_refused(catalog: Catalog, year: int) -> None:
    with pytest.raises(ValueError, match="not a year"):
        catalog.stats.compute(year=year)


def test_highest_rated_of_many(catalog: Catalog) -> None:
    """With more rated films than places: the highest, ties by the latest viewing, then id."""
    build(catalog)
    rng = random.Random(5)
    expected = []
    for number in range(30):
        half = rng.choice([6, 8, 9, 9, 10])
        film = catalog.films.add({"title": f"Film {number}", "rating": half / 2})
        day = rng.choice([None, date(2024, 1, 2), date(2024, 6, 1), date(2025, 2, 3)])
        if day is not None:
            catalog.films.add_viewing(film.id, {"watched_on": day})
        expected.append((-half, -(day or date.min).toordinal(), film.id))
    for film in catalog.films.all():
        if film.title in ("Mirror", "Stalker", "Летят журавли", "Amélie", "Never Seen"):
            last = film.watched_on
            expected.append((-round(film.rating * 2), -(last or date.min).toordinal(), film.id))  # type: ignore[operator]
    best = [film_id for *_, film_id in sorted(expected)[:10]]
    assert [f.id for f in catalog.stats.compute().highest_rated] == best


@pytest.mark.parametrize("in_sql_up_to", [1000, 0], ids=["ids-in-sql", "temporary-table"])
def test_a_scope_written_into_the_queries_or_as_a_table(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch, in_sql_up_to: int
) -> None:
    """A scope of few ids goes into each query, of many into a temporary table: the same
    figures either way, and the same as no scope when it holds every film."""
    ids = build(catalog)
    monkeypatch.setattr(stats, "SCOPE_IN_SQL_UP_TO", in_sql_up_to)
    every = list(ids.values())
    for year in (None, 2024, 2023):
        assert catalog.stats.compute(year=year, film_ids=every) == catalog.stats.compute(year=year)
    scope = [ids["Mirror"], ids["Amélie"], ids["Never Seen"], 10**6]
    figures = catalog.stats.compute(film_ids=scope).to_json()
    assert (figures["films"], figures["viewings"], figures["rewatches"]) == (3, 6, 4)
    assert (figures["minutes"], figures["no_runtime"]) == (321, 3)
    assert catalog.stats.compute(year=2024, film_ids=[]).to_json()["films"] == 0
    # Twice in a row on the same connection: the table of the first is gone.
    assert catalog.stats.compute(film_ids=scope) == catalog.stats.compute(film_ids=scope)


def test_a_scope_of_a_run_of_ids(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    """Consecutive ids (the films of an import) are one BETWEEN in the queries."""
    build(catalog)
    added = [
        catalog.films.add({"title": f"Run {n}", "runtime_minutes": 90 + n % 3}).id
        for n in range(60)
    ]
    for film_id in added[:30]:
        catalog.films.add_viewing(film_id, {"watched_on": date(2024, 2, 1)})
    catalog.films.add_viewing(added[0], {"watched_on": None})
    in_sql = catalog.stats.compute(year=2024, film_ids=added)
    monkeypatch.setattr(stats, "SCOPE_IN_SQL_UP_TO", 0)
    assert catalog.stats.compute(year=2024, film_ids=added) == in_sql
    assert (in_sql.films, in_sql.watched, in_sql.viewings, in_sql.undated) == (60, 30, 30, 1)
    assert in_sql.minutes == sum(90 + n % 3 for n in range(30))
    assert in_sql.by_month["2024-02"] == 30


def test_undated_viewings_follow_the_scope(catalog: Catalog) -> None:
    """Undated viewings count for the films in scope whatever the year, never in a year's
    viewings, months or rewatches."""
    ids = build(catalog)
    cranes = catalog.stats.compute(year=2024, film_ids=[ids["Летят журавли"]])
    assert (cranes.undated, cranes.viewings, cranes.rewatches) == (1, 1, 1)  # marked
    assert sum(cranes.by_month.values()) == 1
    assert catalog.stats.compute(year=2024, film_ids=[ids["Mirror"]]).undated == 0
    ever = catalog.stats.compute(film_ids=[ids["Летят журавли"]])
    # All time the undated one is the first, the dated one (marked) a rewatch after it.
    assert (ever.undated, ever.viewings, ever.rewatches, ever.by_year) == (1, 2, 1, {"2024": 1})
    assert ever.minutes == 97 * 2


def test_films_without_runtime_or_names(catalog: Catalog) -> None:
    """A film without runtime, directors, countries or tags counts in the viewings and
    no_runtime, and in no top list."""
    ids = build(catalog)
    catalog.films.add_viewing(ids["No Year"], {"watched_on": date(2024, 8, 1)})
    catalog.films.add_viewing(ids["No Year"], {"watched_on": date(2024, 8, 2)})
    figures = catalog.stats.compute(year=2024)
    assert (figures.viewings, figures.no_runtime, figures.watched) == (9, 4, 5)
    assert figures.minutes == 107 * 2 + 162 * 2 + 97
    assert figures.by_decade == {"1950s": 1, "1970s": 2, "2000s": 1}  # no year: left out
    assert sum(n.viewings for n in figures.top_countries) == 7


def test_a_years_rating_given_twice_on_a_day(catalog: Catalog) -> None:
    """Two ratings given on the same day: the one added last counts; equal ratings on the
    same last day are ordered by id."""
    ids = build(catalog)
    never, no_year = ids["Never Seen"], ids["No Year"]
    catalog.films.add_viewing(never, {"watched_on": date(2025, 3, 1), "rating": 5})
    catalog.films.add_viewing(never, {"watched_on": date(2025, 3, 1), "rating": 3})
    catalog.films.add_viewing(no_year, {"watched_on": date(2025, 3, 1), "rating": 3})
    figures = catalog.stats.compute(year=2025)
    assert figures.ratings == ratings(r3_0=2)
    assert [(f.id, f.rating) for f in figures.highest_rated] == [(never, 3.0), (no_year, 3.0)]
    assert figures.rewatches == 1


def test_top_lists_ties_beyond_ten(catalog: Catalog) -> None:
    """More names than places, all tied: the first ten by folded name."""
    build(catalog)
    names_ = ["Ёж", "ель", "Éclair", "eagle", "Zed", "alpha", "Beta", "gamma", "Ωmega", "delta",
              "Échec", "epsilon"]  # fmt: skip
    for n, name in enumerate(names_):
        film = catalog.films.add({"title": f"Tied {n}", "countries": [name], "tags": [name]})
        catalog.films.add_viewing(film.id, {"watched_on": date(2021, 5, 5)})
    figures = catalog.stats.compute(year=2021)
    expected = sorted(names_, key=lambda name: (fold(name), name))[:10]
    assert [n.name for n in figures.top_countries] == expected
    assert [n.name for n in figures.top_tags] == expected
    assert all((n.viewings, n.films) == (1, 1) for n in figures.top_tags)


def test_a_database_error_comes_as_sqlalchemy_raises_it(catalog: Catalog) -> None:
    """The counts run on the driver's cursor; its errors still come as SQLAlchemy's, which
    the window and the command line turn into words."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    with catalog.engine.begin() as conn:
        conn.execute(text("ALTER TABLE viewings RENAME TO viewings_gone"))
    with pytest.raises(DBAPIError, match="viewings"):
        catalog.stats.compute()
