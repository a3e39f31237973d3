from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from filmdesk.core.catalog import Catalog
from filmdesk.core.validation import ValidationError


def snapshot(catalog: Catalog) -> list[Any]:
    return [(f, f.updated_at) for f in catalog.films.all()]


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"rating": 7}, "rating", "7"),
        ({"rating": 3.3}, "rating", "3.3"),
        ({"rating": -1}, "rating", "-1"),
        ({"title": ""}, "title", "required"),
        ({"title": "   "}, "title", "required"),
        ({"year": 1500}, "year", "1500"),
        ({"year": date.today().year + 11}, "year", "outside"),
        ({"year": 1873}, "year", "outside"),
        ({"trailer_url": "javascript:alert(1)"}, "trailer_url", "javascript"),
        ({"trailer_url": "ftp://example.org/x"}, "trailer_url", "http"),
        ({"runtime_minutes": -5}, "runtime_minutes", "-5"),
        ({"imdb_id": "12345"}, "imdb_id", "12345"),
        ({"watched_on": "yesterday"}, "watched_on", "yesterday"),
    ],
)
def test_bad_edits_are_refused_and_change_nothing(
    catalog: Catalog, fields: dict[str, Any], field: str, words: str
) -> None:
    cranes = catalog.films.resolve("The Cranes Are Flying")
    before = snapshot(catalog)
    with pytest.raises(ValidationError) as err:
        catalog.films.edit(cranes.id, {**fields, "notes": "should not be saved"})  # type: ignore[typeddict-item]
    assert err.value.for_field(field) is not None
    assert words in str(err.value)
    assert "The Cranes Are Flying (1957)" in str(err.value)
    assert snapshot(catalog) == before


def test_all_problems_of_one_edit_are_reported_together(catalog: Catalog) -> None:
    with pytest.raises(ValidationError) as err:
        catalog.films.add({"title": "", "year": 1500, "rating": 9})
    assert {p.field for p in err.value.problems} == {"title", "year", "rating"}
    assert len(catalog.films.all()) == 10


def test_every_half_star_step_is_accepted(catalog: Catalog) -> None:
    film = catalog.films.resolve("The Letter")
    for half in range(1, 11):
        assert catalog.films.rate(film.id, half / 2).rating == half / 2
    assert catalog.films.rate(film.id, None).rating is None


def test_year_bounds(catalog: Catalog) -> None:
    assert catalog.films.add({"title": "Passage of Venus", "year": 1874}).year == 1874
    assert catalog.films.add({"title": "Unreleased", "year": ""}).year is None
    top = date.today().year + 10
    assert catalog.films.add({"title": "Announced", "year": top}).year == top


def test_tags_are_trimmed_and_unique_regardless_of_case(catalog: Catalog) -> None:
    film = catalog.films.resolve("The Letter")
    other = catalog.films.resolve("The Stationmaster")
    tags = catalog.films.set_tags(film.id, ["  War ", "war", "WAR", "Драма", "драма", ""]).tags
    assert tags == ("War", "Драма")
    # An existing tag keeps its spelling when added in another case.
    assert catalog.films.set_tags(other.id, ["wAr"]).tags == ("War",)
    assert {t.name: t.films for t in catalog.films.tag_counts()} == {"War": 2, "Драма": 1}


def test_watched_date_implies_watched_and_unwatching_clears_it(catalog: Catalog) -> None:
    film = catalog.films.resolve("The Letter")
    marked = catalog.films.edit(film.id, {"watched_on": date(2026, 1, 2)})
    assert marked.watched and marked.watched_on == date(2026, 1, 2)
    unmarked = catalog.films.set_watched(film.id, False)
    assert not unmarked.watched and unmarked.watched_on is None
    with pytest.raises(ValidationError):
        catalog.films.edit(film.id, {"watched": False, "watched_on": date(2026, 1, 2)})


def test_the_file_list_separator_is_refused_in_tags_and_names(catalog: Catalog) -> None:
    film = catalog.films.resolve("The Letter")
    for fields in ({"tags": ["a|b"]}, {"directors": ["A | B"]}):
        with pytest.raises(ValidationError, match=r"\|"):
            catalog.films.edit(film.id, fields)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="future"):
        catalog.films.edit(film.id, {"watched_on": date(2999, 1, 1)})
    with pytest.raises(ValidationError, match="original_title"):
        catalog.films.edit(film.id, {"original_title": "x" * 501})
