"""The JSON backup restores everything into an empty catalog."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.core.exchange import UnreadableFileError
from filmdesk.core.exchange.json_format import export_json
from filmdesk.core.exchange.planning import plan_import


def snapshot(catalog: Catalog) -> tuple[list[object], list[tuple[str, list[str]]]]:
    films = sorted(
        (replace(f, id=0) for f in catalog.all_films(timestamps=True)),
        key=lambda f: (f.title, f.year or 0),
    )
    titles = {f.id: f.title for f in catalog.all_films()}
    collections = [(c.name, [titles[i] for i in c.film_ids]) for c in catalog.collections()]
    return films, collections


def test_backup_restores_identically_into_an_empty_catalog(
    catalog: Catalog, tmp_path: Path
) -> None:
    cranes = catalog.resolve_film("The Cranes Are Flying")
    catalog.edit_film(
        cranes.id,
        {"rating": 4.5, "watched_on": "2026-11-01", "notes": "Line 1\nLine 2", "tags": ["war"]},
    )
    catalog.delete_film(catalog.resolve_film("The Letter").id)
    catalog.add_film({"title": "Зеркало", "year": 1975, "tags": ["Классика"]})
    backup = tmp_path / "backup.json"
    export_json(backup, catalog.all_films(timestamps=True), catalog.collections())
    document = json.loads(backup.read_text(encoding="utf-8"))
    assert (document["format"], document["version"]) == ("filmdesk-backup", 1)

    other = open_catalog(str(tmp_path / "other.sqlite3")).catalog
    for film in other.all_films():
        other.delete_film(film.id)
    plan = plan_import(other, backup)
    assert (len(plan.new), plan.problems) == (10, [])
    other.apply_import(plan)
    assert snapshot(other) == snapshot(catalog)
    again = plan_import(other, backup)
    assert (len(again.new), len(again.updates), again.unchanged) == (0, 0, 10)


def test_a_backup_from_a_newer_filmdesk_is_refused(catalog: Catalog, tmp_path: Path) -> None:
    future = tmp_path / "future.json"
    future.write_text('{"format": "filmdesk-backup", "version": 99, "films": []}', "utf-8")
    with pytest.raises(UnreadableFileError, match="version 99"):
        plan_import(catalog, future)
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "filmdesk-backup", "version": 1, "films": [', "utf-8")
    with pytest.raises(UnreadableFileError, match="not valid JSON"):
        plan_import(catalog, broken)
