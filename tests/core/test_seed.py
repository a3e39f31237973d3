from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from filmdesk.core.catalog import open_catalog
from filmdesk.core.seed import SeedError, load_seed
from filmdesk.paths import seed_path

SOURCE_TITLES = {
    ("The Irony of Fate, or Enjoy Your Bath!", 1975),
    ("Moscow Does Not Believe in Tears", 1980),
    ("The Letter", 1982),
    ("The Stationmaster", 1972),
    ("The Dawns Here Are Quiet", 1972),
    ("The Cranes Are Flying", 1957),
    ("The Lady with the Dog", 1960),
    ("The Story of Asya Klyachina", 1966),
    ("The House I Live In", 1957),
    ("The Ballad of a Soldier", 1959),
}


def write_seed(path: Path, doc: dict[str, Any]) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_shipped_seed_has_the_ten_films_of_the_source_page() -> None:
    seed = load_seed(seed_path())
    assert {(f.values["title"], f.values["year"]) for f in seed.films} == SOURCE_TITLES
    for film in seed.films:
        assert film.values["description"], film.key
        assert film.values["fact"], film.key
        assert film.values["trailer_url"] == ""
        assert "Amazon Prime Video" in film.values["availability_note"]
        assert film.values["availability_checked_on"]
    (collection,) = seed.collections
    assert collection.values["name"] == "Soviet Films About Correspondence"
    assert collection.values["source"] == "cinepicker.com"
    assert collection.values["description"].startswith("The art of letter writing")
    assert len(collection.film_keys) == 10


def test_first_open_seeds_and_reopening_never_duplicates(db_path: Path) -> None:
    first = open_catalog(str(db_path))
    assert first.seeded
    assert len(first.catalog.films.all()) == 10
    first.catalog.close()
    second = open_catalog(str(db_path))
    assert not second.seeded
    films = second.catalog.films.all()
    assert len(films) == 10
    cranes = next(f for f in films if f.title == "The Cranes Are Flying")
    assert cranes.original_title == "Летят журавли"
    assert cranes.directors == ("Mikhail Kalatozov",)
    collections = second.catalog.collections.all()
    assert [c.name for c in collections] == ["Soviet Films About Correspondence"]
    assert len(collections[0].film_ids) == 10
    second.catalog.close()


def test_changed_seed_updates_in_place_and_keeps_the_users_fields(
    tmp_path: Path, db_path: Path, seed_doc: dict[str, Any]
) -> None:
    v1 = write_seed(tmp_path / "seed1.json", seed_doc)
    opened = open_catalog(str(db_path), seed=v1)
    catalog = opened.catalog
    cranes = catalog.films.resolve("The Cranes Are Flying")
    catalog.films.edit(
        cranes.id,
        {"rating": 5, "watched_on": "2026-11-01", "notes": "mine", "tags": ["war", "classic"]},
    )
    irony = catalog.films.resolve("The Irony of Fate, or Enjoy Your Bath!")
    catalog.films.edit(irony.id, {"description": "My own words."})
    letter = catalog.films.resolve("The Letter")
    catalog.films.delete(letter.id)
    catalog.close()

    films = seed_doc["films"]
    by_key = {f["key"]: f for f in films}
    # A release renames a film, corrects facts, and adds a new film.
    by_key["the-cranes-are-flying-1957"]["title"] = "The Cranes are Flying"
    by_key["the-cranes-are-flying-1957"]["fact"] = "Corrected fact."
    by_key["irony-of-fate-1975"]["description"] = "The seed's new description."
    by_key["irony-of-fate-1975"]["fact"] = "New fact."
    by_key["the-letter-1982"]["fact"] = "Changed too, but the user deleted it."
    films.append({**by_key["ballad-of-a-soldier-1959"], "key": "new-film", "title": "New Film"})
    seed_doc["collections"][0]["films"].append("new-film")
    v2 = write_seed(tmp_path / "seed2.json", seed_doc)

    reopened = open_catalog(str(db_path), seed=v2)
    catalog = reopened.catalog
    assert reopened.seeded
    cranes_after = catalog.films.get(cranes.id)
    assert cranes_after.title == "The Cranes are Flying"
    assert cranes_after.fact == "Corrected fact."
    assert cranes_after.rating == 5.0
    assert cranes_after.watched and cranes_after.watched_on.isoformat() == "2026-11-01"
    assert cranes_after.notes == "mine"
    assert set(cranes_after.tags) == {"war", "classic"}
    irony_after = catalog.films.get(irony.id)
    assert irony_after.description == "My own words."  # edited by the user: kept
    assert irony_after.fact == "New fact."  # untouched by the user: updated
    titles = [f.title for f in catalog.films.all()]
    assert "The Letter" not in titles  # deleted stays deleted
    assert "New Film" in titles
    assert len(titles) == 10
    new_film = catalog.films.resolve("New Film")
    assert new_film.id in catalog.collections.all()[0].film_ids
    catalog.close()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(format="other"), "not a filmdesk seed"),
        (lambda d: d.update(version=99), "seed version 99"),
        (lambda d: d["films"][2].update(year=1500), "film 3 (the-letter-1982): year: 1500"),
        (lambda d: d["films"][0].pop("key"), "film 1: missing 'key'"),
        (lambda d: d["films"][5].update(trailer_url="javascript:x"), "trailer_url"),
    ],
)
def test_bad_seed_is_refused_with_file_item_and_field(
    tmp_path: Path, seed_doc: dict[str, Any], change: Any, expected: str
) -> None:
    change(seed_doc)
    path = write_seed(tmp_path / "bad.json", seed_doc)
    with pytest.raises(SeedError) as err:
        load_seed(path)
    assert expected in str(err.value)
    assert str(path) in str(err.value)


def test_a_field_missing_from_one_seed_is_filled_by_the_next(
    tmp_path: Path, db_path: Path, seed_doc: dict[str, Any]
) -> None:
    cranes = next(f for f in seed_doc["films"] if f["key"] == "the-cranes-are-flying-1957")
    fact = cranes.pop("fact")
    open_catalog(str(db_path), seed=write_seed(tmp_path / "v1.json", seed_doc)).catalog.close()
    cranes["fact"] = fact
    cranes["trailer_url"] = "https://example.org/cranes"
    reopened = open_catalog(str(db_path), seed=write_seed(tmp_path / "v2.json", seed_doc))
    film = reopened.catalog.films.resolve("The Cranes Are Flying")
    assert (film.fact, film.trailer_url) == (fact, "https://example.org/cranes")
    assert reopened.seeded


def test_a_catalog_seeded_before_bookkeeping_keeps_edits_and_deletions(
    tmp_path: Path, db_path: Path
) -> None:
    import sqlite3

    from alembic import command
    from sqlalchemy import text

    from filmdesk.core.db import alembic_config, create_catalog_engine

    engine = create_catalog_engine(str(db_path))
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        for key, title, year, description in [
            ("the-cranes-are-flying-1957", "Cranes (my title)", 1957, "My description."),
            ("the-letter-1982", "The Letter", 1982, ""),
        ]:
            conn.execute(
                text(
                    "INSERT INTO films (seed_key, title, original_title, year, directors,"
                    " countries, description, fact, trailer_url, availability_note, watched,"
                    " notes, created_at, updated_at) VALUES (:key, :title, '', :year, '[]', '[]',"
                    " :description, '', '', '', 0, '', '2020-01-01', '2020-01-01')"
                ),
                {"key": key, "title": title, "year": year, "description": description},
            )
    engine.dispose()
    opened = open_catalog(str(db_path))
    films = {f.seed_key: f for f in opened.catalog.films.all()}
    assert len(films) == 2  # the eight the user had deleted stay deleted
    cranes = films["the-cranes-are-flying-1957"]
    assert (cranes.title, cranes.description) == ("Cranes (my title)", "My description.")
    assert cranes.fact.startswith("It won the Palme d'Or")  # empty fields are filled in
    assert films["the-letter-1982"].description.startswith("A poignant tale")
    opened.catalog.close()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM films").fetchone() == (2,)
