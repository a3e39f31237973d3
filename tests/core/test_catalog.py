from __future__ import annotations

import dataclasses

import pytest

from filmdesk.core.catalog import AmbiguousFilmError, Catalog, FilmNotFoundError


def test_add_edit_delete(catalog: Catalog) -> None:
    film = catalog.films.add(
        {"title": " Mirror ", "year": 1975, "directors": ["Andrei Tarkovsky"], "tags": ["dream"]}
    )
    assert film.title == "Mirror"
    assert catalog.films.get(film.id) == film
    edited = catalog.films.edit(film.id, {"original_title": "Зеркало", "runtime_minutes": 107})
    assert (edited.original_title, edited.runtime_minutes, edited.tags) == (
        "Зеркало",
        107,
        ("dream",),
    )
    assert edited.updated_at is not None and film.updated_at is not None
    assert edited.updated_at >= film.updated_at
    deleted = catalog.films.delete(film.id)
    assert deleted == edited
    with pytest.raises(FilmNotFoundError):
        catalog.films.get(film.id)
    assert catalog.films.tag_counts() == []  # an unused tag goes with its last film


def test_records_are_frozen(catalog: Catalog) -> None:
    film = catalog.films.all()[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        film.title = "x"  # type: ignore[misc]


def test_resolve_by_id_title_and_original_title(catalog: Catalog) -> None:
    cranes = catalog.films.resolve("the cranes are flying")
    assert catalog.films.resolve(str(cranes.id)) == cranes
    assert catalog.films.resolve("ЛЕТЯТ ЖУРАВЛИ") == cranes
    assert catalog.films.resolve("The Cranes Are Flying (1957)") == cranes
    catalog.films.add({"title": "The Letter", "year": 1999})
    with pytest.raises(AmbiguousFilmError) as err:
        catalog.films.resolve("the letter")
    assert len(err.value.candidates) == 2
    assert "(1999)" in str(err.value) and "(1982)" in str(err.value)
    with pytest.raises(FilmNotFoundError):
        catalog.films.resolve("No Such Film")


def test_bulk_tag_change_is_one_step(catalog: Catalog) -> None:
    ids = [f.id for f in catalog.films.all()[:3]]
    catalog.films.change_tags(ids, add=["classic"])
    assert {t.name: t.films for t in catalog.films.tag_counts()} == {"classic": 3}
    catalog.films.change_tags(ids[:2], remove=["CLASSIC"])
    assert {t.name: t.films for t in catalog.films.tag_counts()} == {"classic": 1}
    with pytest.raises(FilmNotFoundError):
        catalog.films.change_tags([*ids, 999], add=["x"])
    assert {t.name: t.films for t in catalog.films.tag_counts()} == {"classic": 1}


def test_stats(catalog: Catalog) -> None:
    film = catalog.films.all()[0]
    catalog.films.edit(film.id, {"watched": True, "rating": 2})
    stats = catalog.films.stats()
    assert (stats.films, stats.watched, stats.rated) == (10, 1, 1)
