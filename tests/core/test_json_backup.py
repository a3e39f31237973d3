"""The JSON backup restores everything into an empty catalog."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.core.exchange import UnreadableFileError
from filmdesk.core.exchange.json_format import export_backup
from filmdesk.core.exchange.planning import plan_import


def snapshot(catalog: Catalog) -> tuple[list[object], list[object], list[object]]:
    """Everything a backup carries, with ids (which differ between catalogs) left out."""
    films = sorted(
        (replace(f, id=0) for f in catalog.films.all(timestamps=True)),
        key=lambda f: (f.title, f.year or 0),
    )
    titles = {f.id: f.title for f in catalog.films.all()}
    collections = [
        (
            c.name,
            c.rating,
            [titles[i] for i in c.film_ids],
            [
                (m.text, m.created_at, m.updated_at, m.author)
                for m in catalog.collections.comments(c.id)
            ],
        )
        for c in catalog.collections.all()
    ]
    lists = []
    for summary in catalog.lists.summaries():
        screening_list = catalog.lists.get(summary.id)
        lists.append(
            (
                screening_list.name,
                screening_list.audience,
                screening_list.description,
                [
                    (e.position, e.film.title, e.scheduled_at, e.note, e.screened, e.screened_on)
                    for e in screening_list.entries
                ],
            )
        )
    return films, collections, lists


def with_collection_and_lists(catalog: Catalog) -> None:
    """Give the catalog a rated, commented collection and two screening lists."""
    shipped = catalog.collections.all()[0]
    catalog.collections.rate(shipped.id, 4.5)
    first = catalog.collections.add_comment(shipped.id, "Seen with 9B.\nThey liked the ending.")
    catalog.collections.add_comment(shipped.id, "Второй раз — лучше", "Ms Orlova")
    catalog.collections.edit_comment(first.id, "Seen with 9B; they liked the ending.")
    year9 = catalog.lists.create("Year 9: письма", audience="9B", description="Autumn, Fridays")
    cranes = catalog.films.resolve("The Cranes Are Flying").id
    mirror = catalog.films.resolve("Зеркало").id
    catalog.lists.add(year9.id, [mirror, cranes])
    catalog.lists.edit_entry(
        year9.id,
        cranes,
        {"scheduled_at": datetime(2026, 12, 4, 10, 30), "note": "Стр. 3:\n1. Who writes?"},
    )
    catalog.lists.edit_entry(
        year9.id, mirror, {"scheduled_at": date(2025, 11, 28), "screened_on": date(2025, 11, 28)}
    )
    catalog.lists.create("Empty for now")


def test_backup_restores_identically_into_an_empty_catalog(
    catalog: Catalog, tmp_path: Path
) -> None:
    cranes = catalog.films.resolve("The Cranes Are Flying")
    catalog.films.edit(
        cranes.id,
        {"rating": 4.5, "watched_on": "2026-11-01", "notes": "Line 1\nLine 2", "tags": ["war"]},
    )
    catalog.films.delete(catalog.films.resolve("The Letter").id)
    catalog.films.add({"title": "Зеркало", "year": 1975, "tags": ["Классика"]})
    with_collection_and_lists(catalog)
    backup = tmp_path / "backup.json"
    export_backup(backup, catalog, catalog.films.all(timestamps=True))
    document = json.loads(backup.read_text(encoding="utf-8"))
    assert (document["format"], document["version"]) == ("filmdesk-backup", 4)
    (year9, _empty) = sorted(document["lists"], key=lambda x: x["name"], reverse=True)
    assert [e["scheduled_at"] for e in year9["entries"]] == ["2025-11-28", "2026-12-04T10:30"]

    other = open_catalog(str(tmp_path / "other.sqlite3")).catalog
    for film in other.films.all():
        other.films.delete(film.id)
    plan = plan_import(other, backup)
    assert (len(plan.new), plan.problems) == (10, [])
    assert "screening lists 'Empty for now' (0 films), 'Year 9: письма' (2 films)" in (
        plan.summary()
    )
    other.imports.apply(plan)
    assert snapshot(other) == snapshot(catalog)
    again = plan_import(other, backup)
    assert (len(again.new), len(again.updates), again.unchanged) == (0, 0, 10)
    result = other.imports.apply(again)  # the same backup twice adds nothing
    assert (result.lists_added, result.list_entries_added, result.comments_added) == ([], [], [])
    assert snapshot(other) == snapshot(catalog)
    other.close()


def test_a_backup_of_some_films_keeps_only_their_entries(catalog: Catalog, tmp_path: Path) -> None:
    catalog.films.add({"title": "Зеркало", "year": 1975})
    with_collection_and_lists(catalog)
    backup = tmp_path / "some.json"
    export_backup(backup, catalog, catalog.films.search("зеркало"))
    document = json.loads(backup.read_text(encoding="utf-8"))
    (year9,) = (x for x in document["lists"] if x["entries"])
    (entry,) = year9["entries"]
    assert entry["film"] == document["films"][0]["ref"]
    assert entry["screened"] is True and entry["screened_on"] == "2025-11-28"
    assert document["collections"][0]["films"] == []


def test_a_version_1_backup_is_still_read(catalog: Catalog, tmp_path: Path) -> None:
    old = tmp_path / "v1.json"
    old.write_text(
        json.dumps(
            {
                "format": "filmdesk-backup",
                "version": 1,
                "films": [{"ref": 1, "title": "Зеркало", "year": 1975, "rating": 5}],
                "collections": [
                    {"name": "Tarkovsky", "description": "", "source": "", "films": [1]}
                ],
            }
        ),
        encoding="utf-8",
    )
    plan = plan_import(catalog, old)
    assert (len(plan.new), plan.problems, plan.lists) == (1, [], [])
    catalog.imports.apply(plan)
    tarkovsky = catalog.collections.resolve("Tarkovsky")
    assert tarkovsky.rating is None and tarkovsky.comment_count == 0
    assert [catalog.films.get(i).title for i in tarkovsky.film_ids] == ["Зеркало"]


def test_problems_in_lists_and_comments_name_where(catalog: Catalog, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "filmdesk-backup",
                "version": 2,
                "films": [{"ref": 1, "title": "Зеркало"}],
                "collections": [{"name": "C", "rating": 7, "films": [1]}],
                "lists": [
                    {"name": "", "entries": []},
                    {"name": "L", "entries": [{"film": 1, "scheduled_at": "2026-02-30"}]},
                ],
            }
        ),
        encoding="utf-8",
    )
    plan = plan_import(catalog, bad)
    where = sorted(p.field or "" for p in plan.problems)
    assert where == ["collection 1 rating", "list 1 name", "list 2 entry 1 scheduled_at"]
    assert "2026-02-30" in str(plan.problems[-1])


def test_a_backup_from_a_newer_filmdesk_is_refused(catalog: Catalog, tmp_path: Path) -> None:
    future = tmp_path / "future.json"
    future.write_text('{"format": "filmdesk-backup", "version": 99, "films": []}', "utf-8")
    with pytest.raises(UnreadableFileError, match="version 99"):
        plan_import(catalog, future)
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "filmdesk-backup", "version": 1, "films": [', "utf-8")
    with pytest.raises(UnreadableFileError, match="not valid JSON"):
        plan_import(catalog, broken)


def test_an_update_changes_only_the_fields_its_film_gives(catalog: Catalog, tmp_path: Path) -> None:
    cranes = catalog.films.resolve("The Cranes Are Flying")
    catalog.films.edit(cranes.id, {"notes": "my notes", "rating": 4, "watched": True})
    mixed = tmp_path / "mixed.json"
    mixed.write_text(
        json.dumps(
            {
                "format": "filmdesk-backup",
                "version": 1,
                "films": [
                    {"ref": 1, "title": "New", "year": 2001, "notes": "n", "rating": 3},
                    {"ref": 2, "title": "The Cranes Are Flying", "year": 1957, "fact": "New."},
                ],
            }
        ),
        encoding="utf-8",
    )
    plan = plan_import(catalog, mixed)
    assert [set(incoming.fields) for _, incoming in plan.updates] == [{"fact"}]
    catalog.imports.apply(plan)
    after = catalog.films.get(cranes.id)
    assert (after.notes, after.rating, after.watched, after.fact) == ("my notes", 4, True, "New.")


def test_backup_times_without_a_zone_are_utc(catalog: Catalog, tmp_path: Path) -> None:
    import os
    import time

    backup = tmp_path / "naive.json"
    backup.write_text(
        json.dumps(
            {
                "format": "filmdesk-backup",
                "version": 1,
                "films": [
                    {
                        "ref": 1,
                        "title": "Naive",
                        "year": 2001,
                        "created_at": "2020-01-01T10:00:00",
                        "updated_at": "2020-01-02T10:00:00+03:00",
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    zone = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Moscow"
    time.tzset()
    try:
        catalog.imports.apply(plan_import(catalog, backup))
    finally:
        if zone is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = zone
        time.tzset()
    film = next(f for f in catalog.films.all(timestamps=True) if f.title == "Naive")
    assert film.created_at is not None and film.updated_at is not None
    assert (film.created_at.hour, film.updated_at.hour) == (10, 7)


def test_a_collection_naming_a_repeated_film_keeps_it(catalog: Catalog, tmp_path: Path) -> None:
    twice = tmp_path / "twice.json"
    twice.write_text(
        json.dumps(
            {
                "format": "filmdesk-backup",
                "version": 1,
                "films": [
                    {"ref": 1, "title": "Hamlet", "year": 1948},
                    {"ref": 2, "title": "Hamlet", "year": 1948},
                ],
                "collections": [{"name": "Shakespeare", "films": [2]}],
            }
        ),
        encoding="utf-8",
    )
    plan = plan_import(catalog, twice)
    assert [(p.film, p.message) for p in plan.problems] == [
        ("Hamlet", "repeats the film of line 1")
    ]
    catalog.imports.apply(plan, skip_bad_rows=True)
    shakespeare = catalog.collections.resolve("Shakespeare")
    assert [catalog.films.get(i).title for i in shakespeare.film_ids] == ["Hamlet"]


def test_seed_keys_come_back_as_they_were(tmp_path: Path) -> None:
    # An empty seed key is a key; a film without one has none.
    backup = tmp_path / "keys.json"
    films = [
        {"ref": 1, "title": "Alpha", "seed_key": ""},
        {"ref": 2, "title": "Beta"},
        {"ref": 3, "title": "Gamma", "seed_key": "mine:gamma"},
    ]
    backup.write_text(
        json.dumps({"format": "filmdesk-backup", "version": 2, "films": films}), encoding="utf-8"
    )
    catalog = open_catalog(str(tmp_path / "empty.sqlite3")).catalog
    catalog.films.delete_many([f.id for f in catalog.films.all()])
    catalog.imports.apply(plan_import(catalog, backup))
    keys = {f.title: f.seed_key for f in catalog.films.all()}
    assert keys == {"Alpha": "", "Beta": None, "Gamma": "mine:gamma"}
    catalog.close()


def test_a_backup_carries_every_viewing_and_a_second_import_adds_none(
    catalog: Catalog, tmp_path: Path
) -> None:
    films = catalog.films
    cranes = films.resolve("The Cranes Are Flying")
    films.add_viewing(cranes.id, {"watched_on": date(2021, 5, 9), "rating": 3.5, "note": "Cold"})
    films.add_viewing(cranes.id, {"watched_on": None})
    films.add_viewing(cranes.id, {"watched_on": date(2024, 1, 4), "rewatch": True})
    backup = tmp_path / "backup.json"
    export_backup(backup, catalog, films.all(timestamps=True))
    document = json.loads(backup.read_text(encoding="utf-8"))
    (item,) = [f for f in document["films"] if f["ref"] == cranes.id]
    assert [v["watched_on"] for v in item["viewings"]] == [None, "2021-05-09", "2024-01-04"]

    other = open_catalog(str(tmp_path / "other.sqlite3")).catalog
    other.imports.apply(plan_import(other, backup))
    again = other.films.resolve("The Cranes Are Flying")
    assert [v.to_json() for v in other.films.viewings(again.id)] == [
        v.to_json() for v in films.viewings(cranes.id)
    ]
    assert str(again.watched_on) == "2024-01-04"
    # Into the catalog it came from: nothing new, nothing changed.
    plan = plan_import(catalog, backup)
    assert (len(plan.new), len(plan.updates)) == (0, 0)
    other.close()


def test_a_version_2_backup_turns_watched_dates_into_viewings(
    catalog: Catalog, tmp_path: Path
) -> None:
    backup = tmp_path / "old.json"
    backup.write_text(
        json.dumps(
            {
                "format": "filmdesk-backup",
                "version": 2,
                "films": [
                    {"ref": 1, "title": "Glass Harbour", "year": 1961, "watched": True,
                     "watched_on": "2019-02-03"},
                    {"ref": 2, "title": "Quiet Relay", "year": 1964, "watched": True},
                ],
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    catalog.imports.apply(plan_import(catalog, backup))
    harbour = catalog.films.resolve("Glass Harbour")
    assert [str(v.watched_on) for v in catalog.films.viewings(harbour.id)] == ["2019-02-03"]
    relay = catalog.films.resolve("Quiet Relay")
    assert [v.watched_on for v in catalog.films.viewings(relay.id)] == [None]
