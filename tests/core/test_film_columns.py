"""Films kept column by column read back as the list of rows they stand for, whatever is
done to them, and take a fraction of its memory."""

from __future__ import annotations

import tracemalloc
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filmdesk.core.catalog import Catalog
from filmdesk.core.film_columns import FilmColumns
from filmdesk.core.records import FilmRow

texts = st.text(max_size=12)  # (any letters: Cyrillic, accents, emoji, NUL, surrogate-free)
names = st.lists(st.sampled_from(["Тарковский", "Ryazanov", "Varda", ""]), max_size=2)
film_rows = st.builds(
    FilmRow,
    id=st.integers(1, 10**12),
    title=texts,
    original_title=texts,
    year=st.one_of(st.none(), st.integers(1888, 2100)),
    directors=names.map(tuple),
    countries=names.map(tuple),
    rating=st.one_of(st.none(), st.sampled_from([0.5, 1.0, 3.5, 5.0])),
    watched=st.booleans(),
    watched_on=st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 1, 1))),
    tags=names.map(tuple),
    poster=st.one_of(st.none(), st.text("0123456789abcdef", min_size=4, max_size=4)),
    viewed_months=st.sampled_from([(), (202403,), (199901, 202411)]),
)
maybe_rows = st.one_of(st.none(), film_rows)
steps = st.lists(
    st.one_of(
        st.tuples(st.just("extend"), st.lists(maybe_rows, max_size=12)),
        st.tuples(st.just("append"), maybe_rows),
        st.tuples(st.just("set"), st.tuples(st.integers(-20, 60), maybe_rows)),
        st.tuples(st.just("read"), st.integers(-20, 60)),
        st.tuples(st.just("copy"), st.none()),
    ),
    max_size=40,
)


@settings(max_examples=250, deadline=None)
@given(st.lists(maybe_rows, max_size=30), steps)
def test_columns_read_as_the_list_of_rows_would(start: list, changes: list) -> None:
    made = FilmColumns(start)
    expected = list(start)
    for kind, value in changes:
        if kind == "extend":
            made.extend(value)
            expected.extend(value)
        elif kind == "append":
            made.append(value)
            expected.append(value)
        elif kind == "set":
            at, film = value
            if -len(expected) <= at < len(expected):
                made[at] = film
                expected[at] = film
            else:
                with pytest.raises(IndexError):
                    made[at] = film
        elif kind == "read":
            if -len(expected) <= value < len(expected):
                assert made[value] == expected[value]
                assert made[value] == expected[value]  # (the row kept from the last read)
            else:
                with pytest.raises(IndexError):
                    made[value]
        else:  # a copy changed does not change what it was copied from
            copy = made.copy()
            copy.append(None)
            if len(copy) > 1:
                copy[0] = None
            assert len(copy) == len(made) + 1
        assert len(made) == len(expected)
    assert list(made) == expected
    assert [made[at] for at in range(len(made))] == expected
    assert made[2:9:3] == expected[2:9:3]
    live = [at for at, film in enumerate(expected) if film is not None]
    assert made.live_positions() == live
    assert list(made.ids()) == [expected[at].id for at in live]
    assert list(made.with_ids("title")) == [(expected[at].id, expected[at].title) for at in live]
    assert made.ids_at(reversed(range(len(made)))) == [expected[at].id for at in reversed(live)]
    assert made.watched_count() == sum(1 for at in live if expected[at].watched)


def test_a_row_read_after_its_film_changed_is_the_new_one() -> None:
    first = FilmRow(1, "Письма", "", 1975, (), (), None, False, None, ())
    made = FilmColumns([first])
    assert made[0] == first  # (kept as the last row read)
    made[0] = first._replace(title="Письма мёртвого человека", watched=True)
    assert made[0].title == "Письма мёртвого человека"  # type: ignore[union-attr]
    assert made[0].watched is True  # type: ignore[union-attr]
    made[0] = None
    assert made[0] is None
    assert list(made.ids()) == []
    assert made[-1] is None
    made.append(first)
    assert made[-1] == first  # (not the row read before it was appended)


def test_films_edited_again_and_again_take_no_more_memory() -> None:
    made = FilmColumns(
        [FilmRow(n, f"Film {n}", "", None, (), (), None, False, None, ()) for n in range(50)]
    )

    def edit(times: int) -> None:
        for n in range(times):
            row = made[7]
            assert row is not None
            made[7] = row._replace(title=f"Письмо {n % 10}", original_title=f"{n}")

    tracemalloc.start()
    try:
        edit(5000)  # (Python keeps a few thousand freed tuples for reuse: not counted)
        before = tracemalloc.get_traced_memory()[0]
        edit(5000)
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 2000
    assert made[7].title == "Письмо 9"  # type: ignore[union-attr]
    assert [row.title for row in made][7] == "Письмо 9"  # type: ignore[union-attr]


def test_many_films_take_under_half_the_memory_of_their_rows() -> None:
    words = ["Письмо", "Журавли", "Letters", "Station", "Снег", "Ёлка", "Amélie"]
    shared = ("Тарковский",)
    years = list(range(1950, 2020))  # (shared, as ``bulk.film_rows`` reads them)

    def rows() -> list[FilmRow]:
        return [
            FilmRow(
                10_000 + n,
                f"{words[n % 7]} {words[n * 3 % 7]} {n}",
                f"{words[n * 5 % 7]} {n}",
                years[n % 70],
                shared,
                (),
                None if n % 3 else 4.5,
                bool(n % 2),
                None,
                (),
            )
            for n in range(20_000)
        ]

    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        as_list = rows()
        list_size = tracemalloc.get_traced_memory()[0] - before
        made = FilmColumns(as_list)
        del as_list
        size = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert size < list_size / 2
    assert list(made) == rows()


def test_a_catalog_reads_its_films_column_by_column(catalog: Catalog) -> None:
    rows = catalog.films.rows()
    assert isinstance(rows, FilmColumns)
    records = catalog.films.all()
    assert sorted(row.title for row in rows if row is not None) == sorted(
        record.title for record in records
    )
    by_id = {row.id: row for row in rows if row is not None}
    for record in records:
        assert by_id[record.id][:10] == FilmRow.of(record)[:10]
