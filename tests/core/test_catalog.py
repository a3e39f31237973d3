from __future__ import annotations

import dataclasses

import pytest

from filmdesk.core.catalog import AmbiguousFilmError, Catalog, FilmNotFoundError


def test_add_edit_delete(catalog: Catalog) -> None:
    film = catalog.add_film(
        {"title": " Mirror ", "year": 1975, "directors": ["Andrei Tarkovsky"], "tags": ["dream"]}
    )
    assert film.title == "Mirror"
    assert catalog.get_film(film.id) == film
    edited = catalog.edit_film(film.id, {"original_title": "Зеркало", "runtime_minutes": 107})
    assert (edited.original_title, edited.runtime_minutes, edited.tags) == (
        "Зеркало",
        107,
        ("dream",),
    )
    assert edited.updated_at is not None and film.updated_at is not None
    assert edited.updated_at >= film.updated_at
    deleted = catalog.delete_film(film.id)
    assert deleted == edited
    with pytest.raises(FilmNotFoundError):
        catalog.get_film(film.id)
    assert catalog.tag_counts() == []  # an unused tag goes with its last film


def test_records_are_frozen(catalog: Catalog) -> None:
    film = catalog.all_films()[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        film.title = "x"  # type: ignore[misc]


def test_resolve_by_id_title_and_original_title(catalog: Catalog) -> None:
    cranes = catalog.resolve_film("the cranes are flying")
    assert catalog.resolve_film(str(cranes.id)) == cranes
    assert catalog.resolve_film("ЛЕТЯТ ЖУРАВЛИ") == cranes
    assert catalog.resolve_film("The Cranes Are Flying (1957)") == cranes
    catalog.add_film({"title": "The Letter", "year": 1999})
    with pytest.raises(AmbiguousFilmError) as err:
        catalog.resolve_film("the letter")
    assert len(err.value.candidates) == 2
    assert "(1999)" in str(err.value) and "(1982)" in str(err.value)
    with pytest.raises(FilmNotFoundError):
        catalog.resolve_film("No Such Film")


def test_bulk_tag_change_is_one_step(catalog: Catalog) -> None:
    ids = [f.id for f in catalog.all_films()[:3]]
    catalog.change_tags(ids, add=["classic"])
    assert {t.name: t.films for t in catalog.tag_counts()} == {"classic": 3}
    catalog.change_tags(ids[:2], remove=["CLASSIC"])
    assert {t.name: t.films for t in catalog.tag_counts()} == {"classic": 1}
    with pytest.raises(FilmNotFoundError):
        catalog.change_tags([*ids, 999], add=["x"])
    assert {t.name: t.films for t in catalog.tag_counts()} == {"classic": 1}


def test_stats(catalog: Catalog) -> None:
    film = catalog.all_films()[0]
    catalog.edit_film(film.id, {"watched": True, "rating": 2})
    stats = catalog.stats()
    assert (stats.films, stats.watched, stats.rated) == (10, 1, 1)


def test_the_parts_of_the_catalog_do_not_shadow_each_other() -> None:
    # Catalog is assembled from parts; a helper defined in two of them would silently use one.
    from filmdesk.core.film_collections import CollectionsMixin
    from filmdesk.core.screening_lists import ScreeningListsMixin
    from filmdesk.core.service import CatalogBase

    parts = [Catalog, CollectionsMixin, ScreeningListsMixin, CatalogBase]
    names = [{n for n in vars(part) if not n.startswith("__")} for part in parts]
    for index, own in enumerate(names):
        for other in names[index + 1 :]:
            assert own & other == set()
