"""Positions by id answer as a dict would, whatever the ids."""

from __future__ import annotations

import tracemalloc

from hypothesis import given, settings
from hypothesis import strategies as st

from filmdesk.core.id_positions import IdPositions

ids = st.one_of(st.integers(0, 300), st.integers(-5, 10**9))
steps = st.lists(
    st.one_of(
        st.tuples(st.just("set"), ids, st.integers(0, 10**6)),
        st.tuples(st.just("del"), ids, st.just(0)),
    ),
    max_size=80,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(ids, unique=True, max_size=60), steps)
def test_ids_and_positions_read_as_a_dict_would(start: list[int], changes: list) -> None:
    made = IdPositions.of(start)
    expected = {film_id: position for position, film_id in enumerate(start)}
    for kind, film_id, position in changes:
        if kind == "set":
            made[film_id] = position
            expected[film_id] = position
        elif film_id in expected:
            del made[film_id]
            del expected[film_id]
        assert len(made) == len(expected)
    assert dict(made.items()) == expected
    for film_id in [*expected, -1, 301, 10**9 + 1]:
        assert (film_id in made) == (film_id in expected)
        assert made.get(film_id) == expected.get(film_id)


def test_a_catalog_of_ids_takes_a_fraction_of_a_dict() -> None:
    ids = [film_id for film_id in range(1, 60_000) if film_id % 7]  # (some films deleted)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        as_dict = {film_id: position for position, film_id in enumerate(ids)}
        dict_size = tracemalloc.get_traced_memory()[0] - before
        del as_dict
        before = tracemalloc.get_traced_memory()[0]
        made = IdPositions.of(ids)
        size = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert size < dict_size / 5
    assert made[ids[-1]] == len(ids) - 1
    assert 7 not in made


def test_sparse_ids_do_not_grow_the_array_without_bound() -> None:
    made = IdPositions()
    for position, film_id in enumerate(range(4000, 40_000_001, 4000)):  # (10,000 films)
        made[film_id] = position
    assert len(made) == 10_000
    assert made[40_000_000] == 9_999
    assert len(made._at) < 100_000  # (the rest are kept apart)


def test_an_id_given_twice_counts_once() -> None:
    made = IdPositions.of([5, 6, 5])
    assert len(made) == 2
    assert made[5] == 2
