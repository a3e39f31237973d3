from __future__ import annotations

import pytest

from filmdesk.core.catalog import Catalog
from filmdesk.core.folding import fold
from filmdesk.core.search import QueryError, parse_query


def titles(catalog: Catalog, query: str) -> list[str]:
    return [f.title for f in catalog.films.search(query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ЛЕТЯТ", ["The Cranes Are Flying"]),
        ("легким", ["The Irony of Fate, or Enjoy Your Bath!"]),
        ("лёгким", ["The Irony of Fate, or Enjoy Your Bath!"]),
        ("cranes", ["The Cranes Are Flying"]),
        ("CRAN", ["The Cranes Are Flying"]),
        ("year:1957", ["The Cranes Are Flying", "The House I Live In"]),
        ("director:ryazanov", ["The Irony of Fate, or Enjoy Your Bath!"]),
        ("director:segel", ["The House I Live In"]),
        ("москва слезам", ["Moscow Does Not Believe in Tears"]),
        ('"does not believe"', ["Moscow Does Not Believe in Tears"]),
        ("pushkin", ["The Stationmaster"]),
        ("year:1970..1979 -director:ryazanov", ["The Dawns Here Are Quiet", "The Stationmaster"]),
    ],
)
def test_free_text_and_field_terms(catalog: Catalog, query: str, expected: list[str]) -> None:
    assert titles(catalog, query) == expected


def test_prefix_not_infix(catalog: Catalog) -> None:
    assert titles(catalog, "ranes") == []
    assert titles(catalog, '"believe in"') == ["Moscow Does Not Believe in Tears"]
    assert titles(catalog, '"in believe"') == []


def test_accents_are_ignored(catalog: Catalog) -> None:
    catalog.films.add({"title": "Le Fabuleux Destin d'Amélie Poulain", "year": 2001})
    assert titles(catalog, "amelie") == ["Le Fabuleux Destin d'Amélie Poulain"]
    assert titles(catalog, "AMÉLIE") == ["Le Fabuleux Destin d'Amélie Poulain"]
    assert fold("Мой") != fold("мои")  # й is not folded to и


def test_user_fields_are_searchable(catalog: Catalog) -> None:
    cranes = catalog.films.resolve("The Cranes Are Flying")
    letter = catalog.films.resolve("The Letter")
    catalog.films.edit(cranes.id, {"rating": 4.5, "tags": ["war"], "notes": "Urusevsky camera"})
    catalog.films.edit(letter.id, {"rating": 3, "watched": True})
    assert titles(catalog, "rating:>=4") == ["The Cranes Are Flying"]
    assert titles(catalog, "rating:3") == ["The Letter"]
    assert titles(catalog, "tag:WAR") == ["The Cranes Are Flying"]
    assert titles(catalog, "urusevsky") == ["The Cranes Are Flying"]
    assert titles(catalog, "watched:yes") == ["The Letter"]
    assert len(titles(catalog, "watched:no")) == 9
    assert len(titles(catalog, "rating:none")) == 8


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("year:abc", "year:abc"),
        ("rating:>=9", "rating:>=9"),
        ("colour:red", "colour"),
        ("watched:maybe", "maybe"),
        ("year:1990..1980", "empty"),
        ("cranes tag:", "tag:"),
    ],
)
def test_bad_terms_name_the_term(query: str, names: str) -> None:
    with pytest.raises(QueryError) as err:
        parse_query(query)
    assert names in str(err.value)


def test_sorting(catalog: Catalog) -> None:
    by_year = [f.year for f in catalog.films.search(sort="year")]
    assert by_year == sorted(by_year)
    assert [f.year for f in catalog.films.search(sort="-year")] == sorted(by_year, reverse=True)
    cranes = catalog.films.resolve("The Cranes Are Flying")
    catalog.films.rate(cranes.id, 4)
    by_rating = catalog.films.search(sort="rating:desc")
    assert by_rating[0].id == cranes.id  # rated first, unrated after, in either direction
    assert catalog.films.search(sort="rating")[0].id == cranes.id
    with pytest.raises(ValueError, match="cannot sort by 'colour'"):
        catalog.films.search(sort="colour")


def test_rating_terms_between_half_stars(catalog: Catalog) -> None:
    films = catalog.films.all()
    for film, rating in zip(films[:3], (3.5, 4.0, 4.5), strict=True):
        catalog.films.rate(film.id, rating)
    assert sorted(f.rating for f in catalog.films.search("rating:<4.3")) == [3.5, 4.0]
    assert [f.rating for f in catalog.films.search("rating:>4.2")] == [4.5]
    assert sorted(f.rating for f in catalog.films.search("rating:3.5..4")) == [3.5, 4.0]
    for bad in ("rating:3..2", "rating:4.3"):
        with pytest.raises(QueryError):
            parse_query(bad)


def test_stress_marks_and_field_boundaries(catalog: Catalog) -> None:
    catalog.films.add({"title": "Ми́лый друг", "year": 1955})
    assert titles(catalog, "милый") == ["Ми́лый друг"]
    assert titles(catalog, '"flying летят"') == []  # end of one field, start of the next
    assert titles(catalog, '"are flying"') == ["The Cranes Are Flying"]


def test_sort_keys_of_many_titles_are_those_of_each_title() -> None:
    from filmdesk.core.sorting import title_sort_key, title_sort_keys

    titles = [
        "The Cranes Are Flying",
        "  The Letter ",
        "A",
        "An Old Tale",
        "the\tend",
        "The  Two Spaces",
        "Théâtre",
        "Ёлки",
        "Ирония судьбы",
        "ÆON Flux",
        "Straße",
        "И\u0306",
        "a\u00a0b",
        "Thé x",
        "",
    ]
    assert title_sort_keys(titles) == [title_sort_key(t) for t in titles]
    assert title_sort_keys(["two\nlines", "The X"]) == ["two\nlines", "x"]
