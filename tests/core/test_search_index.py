"""The search index gives the same answers however it is built or looked up."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from filmdesk.core.folding import fold
from filmdesk.core.records import FilmRecord, FilmRow
from filmdesk.core.search import SearchIndex, parse_query

WORDS = (
    "letter lettered night ночь ночной журавли журавль cranes crane war война амели amélie".split()
)


def make_films(count: int, seed: int = 3) -> list[FilmRecord]:
    rng = random.Random(seed)
    films = []
    for number in range(count):
        films.append(
            FilmRecord(
                id=number + 1,
                title=" ".join(rng.sample(WORDS, 2)).title(),
                original_title=rng.choice(WORDS),
                year=rng.choice([None, 1957, 1966, 1975, 1980]),
                directors=(rng.choice(["Eldar Ryazanov", "Mikhail Kalatozov", "Ёжиков"]),),
                rating=rng.choice([None, 0.5, 3.0, 4.0, 4.5, 5.0]),
                watched=rng.random() < 0.5,
                tags=tuple(rng.sample(["war", "Classic", "драма"], rng.randint(0, 2))),
                notes=" ".join(rng.sample(WORDS, 3)) if rng.random() < 0.5 else "",
                description=" ".join(rng.sample(WORDS, 5)),
            )
        )
    return films


QUERIES = [
    "let", "letter", "lettered", "ноч", "ночной", "журавл", "cranes war", "амели", "amelie",
    '"night ночь"', "year:1957", "year:1960..1979", "rating:>=4", "rating:none", "tag:war",
    "tag:драма", "watched:no", "director:ryaz", "director:ежиков", "-tag:war cranes",
    "title:crane", "zzz",
]  # fmt: skip


def naive(films: list[FilmRecord | None], query: str) -> list[int]:
    """Each film on its own, through the plain scanning path."""
    parsed = parse_query(query)
    return [
        position
        for position, film in enumerate(films)
        if film is not None and parsed.run(SearchIndex([film]), [0]) == [0]
    ]


def words_of(film: FilmRecord) -> set[str]:
    parts = (film.title, film.original_title, *film.directors, *film.tags, film.notes,
             film.description)  # fmt: skip
    return {fold(w) for part in parts for w in part.split()}


@pytest.mark.parametrize("prefix", ["let", "ноч", "журав", "amel", "cr"])
def test_a_word_matches_by_its_start(prefix: str) -> None:
    films = make_films(300)
    index = SearchIndex(films)
    while not index.build_words_step():
        pass
    expected = [i for i, f in enumerate(films) if any(w.startswith(prefix) for w in words_of(f))]
    assert run(index, prefix) == expected
    assert expected


def run(index: SearchIndex, query: str) -> list[int]:
    return parse_query(query).run(index)


@pytest.mark.parametrize("query", QUERIES)
def test_word_index_agrees_with_scanning(query: str) -> None:
    films = make_films(400)
    scanned = SearchIndex(films)
    looked_up = SearchIndex(films)
    while not looked_up.build_words_step(limit=97):
        pass
    assert looked_up.words_ready
    assert run(looked_up, query) == run(scanned, query) == naive(list(films), query)


def edit_add_and_remove(
    index: SearchIndex, films: list[FilmRecord | None], edited: str, added: str, removed: int
) -> None:
    """Film 0 retitled ``edited``, a film ``added`` at the end, film ``removed`` deleted: in
    the index and in ``films`` alike."""
    first = films[0]
    assert first is not None
    new = replace(first, title=edited, notes="", description="")
    index.replace(0, new, new.notes, new.description)
    films[0] = new
    extra = replace(first, id=99_999, title=added, notes="", description="")
    index.append(extra, "", "")
    films.append(extra)
    index.replace(removed, None)
    films[removed] = None


def test_word_index_stays_right_after_edits_additions_and_removals() -> None:
    films: list[FilmRecord | None] = list(make_films(200))
    index = SearchIndex(films)
    while not index.build_words_step():
        pass
    edit_add_and_remove(index, films, "Completely Unique", "Another Cranes Story", 5)
    for query in ["completely", "unique", "cranes", "letter", "another", "war"]:
        assert run(index, query) == naive(films, query), query


def test_lean_rows_get_their_long_text_later() -> None:
    films = make_films(50)
    rows = [FilmRow.of(f) for f in films]
    index = SearchIndex(rows, texts_later=True)
    assert not index.complete
    given = [(position, film.notes, film.description) for position, film in enumerate(films)]
    for start in range(0, len(given), 7):  # in batches, as the window gives them
        index.set_long_texts(given[start : start + 7])
    assert index.complete
    full = SearchIndex(films)
    for query in QUERIES:
        assert run(index, query) == run(full, query), query


def test_first_letters_made_ahead_agree_with_scanning_after_edits() -> None:
    films: list[FilmRecord | None] = list(make_films(3000))
    index = SearchIndex(films)
    while not index.build_words_step():
        pass
    steps = 0
    while not index.prepare_prefixes_step():
        steps += 1
    assert steps > 3  # (several first letters were common enough to be made ahead)
    letters = ["l", "c", "n", "ж", "н", "t", "w"]
    for query in letters:
        assert run(index, query) == naive(films, query), query
    edit_add_and_remove(index, films, "Zzyzx", "Letters Never Sent", 7)  # (film 0's words go)
    for query in [*letters, "z"]:
        assert run(index, query) == naive(films, query), query


def test_many_rows_in_any_order_are_picked_as_one_by_one_would(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Thousands of rows are picked with arrays (``select``); the answers, and their order,
    are those of picking each row on its own."""
    from filmdesk.core import search

    many = search._FEW_ROWS
    films: list[FilmRecord | None] = list(make_films(5000))
    order = list(range(len(films)))
    random.Random(7).shuffle(order)  # the table's order is not the positions'

    def answers(index: SearchIndex, order: list[int]) -> dict[str, list[int]]:
        index.set_order(order)
        found = {query: parse_query(query).run(index, order) for query in QUERIES}
        some = found["let"]  # typing on from a result: not the order itself
        found["let > letter"] = parse_query("letter").run(index, some)
        found["zzyzx"] = parse_query("zzyzx").run(index, order)
        return found

    def built(films: list[FilmRecord | None]) -> SearchIndex:
        index = SearchIndex(films)
        while not index.build_words_step():
            pass
        while not index.prepare_prefixes_step():
            pass
        return index

    fast_index = built(films)
    fast = answers(fast_index, order)
    edit_add_and_remove(fast_index, films, "Zzyzx", "Letters Never Sent", 7)
    order = [p for p in order if p != 7] + [len(films) - 1]
    fast_after = answers(fast_index, order)

    monkeypatch.setattr(search, "_FEW_ROWS", 10**9)
    monkeypatch.setattr(search, "_MANY_POSITIONS", 10**9)
    slow_films: list[FilmRecord | None] = list(make_films(5000))
    slow_index = built(slow_films)
    slow_order = list(range(5000))
    random.Random(7).shuffle(slow_order)
    assert fast == answers(slow_index, slow_order)
    edit_add_and_remove(slow_index, slow_films, "Zzyzx", "Letters Never Sent", 7)
    assert fast_after == answers(slow_index, order)
    assert len(fast["let"]) >= many and len(fast["year:1960..1979"]) >= many  # (picked fast)
    assert fast_after["zzyzx"] == [0] and fast_after["letter"] != fast["letter"]


def test_positions_read_as_the_list_they_stand_for() -> None:
    """``Positions`` (a search's rows kept in their NumPy array) answers as the same list."""
    import numpy

    from filmdesk.core.search import Positions

    plain = [5, 3, 9, 3, 0]
    held = Positions(numpy.array(plain, dtype=numpy.intp))
    assert len(held) == 5 and list(held) == plain and held[1] == 3 and held[-1] == 0
    assert type(held[0]) is int
    assert held[1:3] == [3, 9] and held[::-1] == plain[::-1]
    assert 9 in held and 4 not in held and "9" not in held
    assert held.index(3) == 1 and held.index(3, 2) == 3 and held.index(3, -3) == 3
    assert 9.0 in held and numpy.intp(9) in held
    with pytest.raises(ValueError):
        held.index(4)
    with pytest.raises(IndexError):
        held[5]
    assert held == plain and held == Positions(numpy.array(plain, dtype=numpy.intp))
    assert held != [5, 3, 9, 3] and held != Positions(numpy.array([5, 3, 9, 3, 1]))
    assert bool(held) and not Positions(numpy.array([], dtype=numpy.intp))


@pytest.mark.parametrize("count", [2001, 3003])
def test_words_many_films_have_are_found_as_scanning_finds_them(count: int) -> None:
    # (most words of these films are in more than one film in 32: kept as bitmaps, of a
    # size that is no whole number of bytes)
    films = make_films(count, seed=count)
    scanned = SearchIndex(films)
    looked_up = SearchIndex(films)
    while not looked_up.build_words_step(limit=1000):
        pass
    while not looked_up.prepare_prefixes_step():
        pass
    for query in [*QUERIES, "l", "н", "ж", "a", "c"]:
        assert run(looked_up, query) == run(scanned, query), query


def test_phrases_find_the_latest_texts_while_they_are_opened_ahead() -> None:
    films: list[FilmRecord | None] = list(make_films(700))
    rows = [FilmRow.of(f) for f in films if f is not None]
    index = SearchIndex(rows, texts_later=True)
    given = [(position, f.notes, f.description) for position, f in enumerate(films) if f]
    for start in range(0, len(given), 300):  # (compressed, as a window's catalog is)
        index.set_long_texts(given[start : start + 300])
    while not index.build_words_step():
        pass
    phrases = ['"night ночь"', '"cranes war"', '"журавли журавль"', '"amelie"', 'letter "war в']
    assert not index.open_texts_step(2)  # (a phrase is being typed: a few blocks at a time)
    edit_add_and_remove(index, films, "Night Ночь Special", "Cranes War Again", 11)
    assert not index.open_texts_step(2)
    index.end_search(phrase=True)  # (a key of the phrase that scanned nothing)
    while not index.open_texts_step():
        pass
    for query in phrases:
        assert run(index, query) == naive(films, query), query
    index.end_search()  # (a search with no phrase: the texts are let go)
    for query in phrases:
        assert run(index, query) == naive(films, query), query
