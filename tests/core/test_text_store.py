"""Search texts kept compressed read back as they were given, and scan as strings do."""

from __future__ import annotations

import random
import tracemalloc

from hypothesis import given, settings
from hypothesis import strategies as st

from filmdesk.core.folding import word_blob
from filmdesk.core.text_store import BLOCK, TextStore

WORDS = "letter письмо журавли ёлка amélie naïve crane ночь war 1957 x".split()

texts = st.lists(st.sampled_from(WORDS), max_size=6).map(lambda ws: word_blob(" ".join(ws)))
# A change: many texts given at once (positions, texts), or one text given alone.
changes = st.one_of(
    st.lists(st.tuples(st.integers(0, 150), texts), max_size=140).map(
        lambda pairs: ("many", list(dict(pairs).items()))
    ),
    st.tuples(st.integers(0, 150), texts).map(lambda pair: ("one", pair)),
    st.integers(1, 3).map(lambda blocks: ("open", blocks)),  # (a phrase being typed)
    st.just(("close", None)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(changes, max_size=10), st.lists(st.integers(0, 150), max_size=60))
def test_the_latest_text_given_is_read_and_scanned(
    steps: list[tuple[str, object]], rows: list[int]
) -> None:
    store = TextStore()
    expected: dict[int, str] = {}
    for kind, change in steps:
        if kind == "many":
            store.add_many(change)  # type: ignore[arg-type]
            expected.update(change)  # type: ignore[arg-type]
        elif kind == "open":
            store.open_step(change)  # type: ignore[arg-type]
            continue
        elif kind == "close":
            store.close()
            continue
        else:
            position, text = change  # type: ignore[misc]
            store.set(position, text)
            expected[position] = text
        for needle in (" ле", " письмо", " ел", " amelie naive", " crane", " z"):
            scanned = [r for r in rows if needle in expected.get(r, "")]
            assert store.containing(rows, needle) == scanned, needle
    for position in range(152):
        assert store[position] == expected.get(position, "")


def test_a_text_is_read_back_as_it_was_given_from_any_block() -> None:
    rng = random.Random(5)
    given_texts = [word_blob(" ".join(rng.sample(WORDS, 4)), "ещё", str(n)) for n in range(1000)]
    store = TextStore()
    order = list(range(1000))
    rng.shuffle(order)  # (positions come in any order, a block holds any of them)
    store.add_many([(position, given_texts[position]) for position in order])
    assert [store[position] for position in reversed(range(1000))] == given_texts[::-1]
    assert store[5000] == ""


def test_a_text_with_a_nul_is_kept_as_it_is() -> None:
    store = TextStore()
    store.add_many([(0, " a "), (1, " b\x00c "), (2, " d ")])
    assert [store[0], store[1], store[2]] == [" a ", " b\x00c ", " d "]
    assert store.containing([0, 1, 2], "c ") == [1]


def test_texts_opened_ahead_a_few_blocks_at_a_time_hold_the_latest() -> None:
    store = TextStore()
    store.add_many([(position, f" film {position} ") for position in range(10 * BLOCK)])
    store.add_many([(3, " film 3 again ")])
    assert not store.open_step(4)
    store.set(5, " retitled ")  # (while opening)
    store.set(20 * BLOCK, " film added ")
    while not store.open_step(4):
        pass
    assert store.is_open
    rows = [*range(10 * BLOCK), 20 * BLOCK]
    assert store.containing(rows, " again") == [3]
    assert store.containing(rows, " retitled") == [5]
    assert store.containing(rows, " added") == [20 * BLOCK]
    assert store.containing(rows, " film 5 ") == []


def test_a_scan_sees_an_edit_made_while_its_texts_are_open() -> None:
    store = TextStore()
    store.add_many([(position, f" film {position} ") for position in range(300)])
    assert store.containing(range(300), " film 7 ") == [7]  # (the texts are opened)
    store.set(7, " retitled ")
    store.set(400, " film 7 added ")
    assert store.containing([*range(300), 400], " film 7 ") == [400]
    store.add_many([(8, " film 7 again ")])
    assert store.containing(range(301), " film 7 ") == [8]
    store.close()
    assert store.containing([7, 8, 400], " film 7") == [8, 400]


def test_many_texts_take_a_fraction_of_their_strings_memory() -> None:
    rng = random.Random(7)
    vocabulary = [f"{rng.choice(WORDS)}{n}" for n in range(3000)]
    many = [word_blob(" ".join(rng.choices(vocabulary, k=40))) for _ in range(20 * BLOCK)]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        strings = [("x" + text)[1:] for text in many]  # (copies, as the catalog's texts are)
        as_strings = tracemalloc.get_traced_memory()[0] - before
        del strings
        before = tracemalloc.get_traced_memory()[0]
        store = TextStore()
        store.add_many(list(enumerate(many)))
        stored = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert stored < as_strings / 2
    assert store[17] == many[17]


def test_a_scan_of_a_few_rows_reads_only_their_blocks() -> None:
    store = TextStore()
    store.add_many([(position, f" film {position} ") for position in range(40 * BLOCK)])
    store.set(3, " film 3 retitled ")
    rows = [3, 5 * BLOCK + 1, 39 * BLOCK, 41 * BLOCK]  # (the last has no text)
    assert store.containing(rows, " film") == rows[:3]
    assert store.containing(rows, " retitled") == [3]
    assert not store.is_open  # (a film added, a saved search's few films: nothing kept open)
    assert store.containing(range(40 * BLOCK), " film 7 ") == [7]
    assert store.is_open
