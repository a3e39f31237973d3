"""The search terms on viewings (``watched:2024``, ``watched:2024-03``, spans), and the terms a
click on a statistics entry sets, in the core's search, over records and over the window's rows."""

from __future__ import annotations

from datetime import date

import pytest

from filmdesk.core.catalog import Catalog
from filmdesk.core.records import FilmRow
from filmdesk.core.search import QueryError, SearchIndex, parse_query
from tests.core.watching import build


def titles(catalog: Catalog, query: str) -> list[str]:
    return sorted(f.title for f in catalog.films.search(query))


CASES = [
    ("watched:2024", ["Amélie", "Mirror", "Stalker", "Летят журавли"]),
    ("watched:2023", ["Mirror"]),
    ("watched:2024-03", ["Mirror", "Stalker"]),
    ("watched:2024-5", ["Летят журавли"]),
    ("watched:2024-03..2024-05", ["Mirror", "Stalker", "Летят журавли"]),
    ("watched:2022..2023", ["Amélie", "Mirror"]),
    ("watched:..2023-12", ["Amélie", "Mirror"]),
    ("watched:2024-11..", ["Amélie"]),
    ("watched:2024-04", []),
    ("-watched:2024", ["Never Seen", "No Year"]),
    ("watched:yes", ["Amélie", "Mirror", "Stalker", "Летят журавли"]),
    ("watched:no", ["Never Seen", "No Year"]),
    # What a click on a statistics entry sets.
    ("director:калатозов watched:2024-05", ["Летят журавли"]),
    ("director:КАЛАТОЗОВ watched:2023", []),
    ('director:"andrei tarkovsky" watched:2024-07', ["Stalker"]),
    ("director:ёлкин", ["Never Seen"]),
    ("director:елкин", ["Never Seen"]),
    ("country:france", ["Amélie"]),
    ('country:"soviet union" watched:2024-03', ["Mirror", "Stalker"]),
    ("tag:ёлка watched:2024", ["Mirror"]),
    ("tag:ЕЛКА", ["Mirror"]),
    ("year:1970..1979", ["Mirror", "Stalker"]),  # the 1970s
    ("year:1950..1959 watched:2024", ["Летят журавли"]),
    ("rating:4.5", ["Stalker", "Летят журавли"]),
]


@pytest.mark.parametrize(("query", "expected"), CASES)
def test_terms(catalog: Catalog, query: str, expected: list[str]) -> None:
    build(catalog)
    assert titles(catalog, query) == expected


def test_the_windows_rows_find_the_same(catalog: Catalog) -> None:
    """The window searches lean rows (with their months), not records."""
    build(catalog)
    rows = catalog.films.rows()
    index = SearchIndex(rows)
    for query, expected in CASES:
        found = sorted(rows[i].title for i in parse_query(query).run(index))
        assert found == expected, query


def test_rows_share_and_order_their_months(catalog: Catalog) -> None:
    ids = build(catalog)
    catalog.films.add_viewing(ids["Never Seen"], {"watched_on": date(2024, 5, 1)})
    rows = {row.title: row for row in catalog.films.rows()}
    assert rows["Mirror"].viewed_months == (202312, 202403)
    assert rows["Amélie"].viewed_months == (202201, 202411)
    assert rows["No Year"].viewed_months == ()
    assert rows["Never Seen"].viewed_months is rows["Летят журавли"].viewed_months  # shared
    assert catalog.films.viewed_months([ids["Mirror"], ids["No Year"]]) == {
        ids["Mirror"]: (202312, 202403)
    }
    # The window's first page (in title order: Amélie, Летят журавли last) has them too.
    first = catalog.films.first_rows(2)
    assert [(row.title, row.viewed_months) for row in first] == [
        ("Amélie", (202201, 202411)), ("Mirror", (202312, 202403)),
    ]  # fmt: skip


def test_a_row_made_again_from_a_record_keeps_its_months(catalog: Catalog) -> None:
    ids = build(catalog)
    record = catalog.films.get(ids["Stalker"])
    months = catalog.films.viewed_months([record.id])[record.id]
    index = SearchIndex([FilmRow.of(record, months)])
    assert parse_query("watched:2024-07").run(index) == [0]
    assert parse_query("watched:2024-07").run(SearchIndex([FilmRow.of(record)])) == []


def test_an_index_follows_changed_rows(catalog: Catalog) -> None:
    ids = build(catalog)
    rows = catalog.films.rows()
    index = SearchIndex(rows)
    query = parse_query("watched:2024-04")
    assert query.run(index) == []
    at = next(i for i, row in enumerate(rows) if row.id == ids["No Year"])
    index.replace(at, rows[at]._replace(viewed_months=(202404,)))
    assert query.run(index) == [at]
    index.append(rows[0]._replace(id=99, viewed_months=(202404, 202405)))
    assert query.run(index) == [at, len(rows)]


def test_only_period_terms_need_viewings() -> None:
    assert parse_query("watched:2024-03").uses_viewings
    assert parse_query("-watched:..2024").uses_viewings
    assert not parse_query("watched:yes year:2024").uses_viewings


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("watched:2024-13", "2024-13"),
        ("watched:2024-00", "not a year or a month"),
        ("watched:20x4", "20x4"),
        ("watched:2024-05..2024-03", "empty"),
        ("watched:2024..2023", "empty"),
        ("watched:maybe", "maybe"),
        ("watched:2024-03-12", "2024-03-12"),
    ],
)
def test_bad_periods_name_the_term(query: str, names: str) -> None:
    with pytest.raises(QueryError) as err:
        parse_query(query)
    assert names in str(err.value)
