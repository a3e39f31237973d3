"""Saved searches in the core: checked before they are written, found by name in any case,
scoped to a sidebar entry by name, kept across a restart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.core.errors import NameTakenError
from filmdesk.core.exchange.json_format import export_backup
from filmdesk.core.exchange.planning import plan_import
from filmdesk.core.importing.apply import ApplyImport
from filmdesk.core.searches import SavedSearchNotFoundError, SavedSearchRecord, full_query
from filmdesk.core.validation import ValidationError


def test_a_saved_search_is_kept_across_a_restart(database: str) -> None:
    catalog = open_catalog(database).catalog
    catalog.searches.save("Ёлки", "year:1970..1979", "tag:новый год")
    catalog.close()
    again = open_catalog(database).catalog
    try:
        (kept,) = again.searches.all()
        assert (kept.name, kept.query, kept.scope) == ("Ёлки", "year:1970..1979", "tag:новый год")
        assert again.searches.resolve("елки") == kept  # any case, ё as е
        assert again.searches.resolve(str(kept.id)) == kept
    finally:
        again.close()


def test_what_cannot_be_a_saved_search_is_refused_naming_the_field(catalog: Catalog) -> None:
    catalog.searches.save("War", "tag:war")
    with pytest.raises(NameTakenError, match="'war' is taken"):
        catalog.searches.save("war", "x")
    with pytest.raises(ValidationError) as refused:
        catalog.searches.save("", "year:abc", "shelf:1")
    assert [p.field for p in refused.value.problems] == ["name", "query", "scope"]
    with pytest.raises(ValidationError):
        catalog.searches.save("T", "", "collection:")  # a collection needs its name
    with pytest.raises(SavedSearchNotFoundError):
        catalog.searches.resolve("Peace")
    assert [s.name for s in catalog.searches.all()] == ["War"]


def test_the_scope_adds_its_terms_or_its_films(catalog: Catalog) -> None:
    tagged = SavedSearchRecord(1, "t", "year:1957", 'tag:the "cold" war')
    assert full_query(tagged) == 'tag:"the  cold  war" year:1957'
    assert full_query(SavedSearchRecord(1, "w", "", "unwatched")) == "watched:no"
    films = [f.id for f in catalog.films.rows()][:3]
    thaw = catalog.collections.create("Thaw", "")
    catalog.collections.add(thaw.id, films)
    saved = catalog.searches.save("In the thaw", "", "collection:thaw")
    assert sorted(catalog.searches.film_ids(saved) or []) == sorted(films)
    catalog.collections.delete(thaw.id)
    assert catalog.searches.film_ids(saved) == []  # the collection is gone: nothing
    assert catalog.searches.film_ids(catalog.searches.save("All", "x")) is None


def test_saved_searches_travel_in_the_json_backup_and_their_import_is_undone(
    catalog: Catalog, tmp_path: Path, database: str
) -> None:
    catalog.searches.save("Ёлки", "year:1970..1979", "tag:новый год")
    catalog.searches.save("Cranes", "cranes")
    backup = tmp_path / "backup.json"
    export_backup(backup, catalog, catalog.films.all(timestamps=True))
    written = json.loads(backup.read_text(encoding="utf-8"))
    assert written["saved_searches"] == [
        {"name": "Cranes", "query": "cranes", "scope": ""},
        {"name": "Ёлки", "query": "year:1970..1979", "scope": "tag:новый год"},
    ]
    # Into a catalog that has one of them with another query, and not the other.
    other = open_catalog(str(tmp_path / "other.sqlite3")).catalog
    try:
        other.searches.save("ёлки", "year:1975")
        applied = other.run(ApplyImport(plan_import(other, backup)))
        assert [(s.name, s.query, s.scope) for s in other.searches.all()] == [
            ("Cranes", "cranes", ""),
            ("ёлки", "year:1970..1979", "tag:новый год"),  # the file's query, the name kept
        ]
        assert applied.changes.searches
        other.run(applied.inverse)
        assert [(s.name, s.query) for s in other.searches.all()] == [("ёлки", "year:1975")]
    finally:
        other.close()


def test_a_backup_with_a_saved_search_that_cannot_be_is_refused(
    catalog: Catalog, tmp_path: Path
) -> None:
    backup = tmp_path / "odd.json"
    export_backup(backup, catalog, catalog.films.all(timestamps=True))
    document = json.loads(backup.read_text(encoding="utf-8"))
    document["saved_searches"] = [
        {"name": "Fine", "query": "year:1957"},
        {"name": "Odd", "query": "year:abc"},
        {"name": "fine", "query": "x"},
        ["not", "an", "object"],
    ]
    backup.write_text(json.dumps(document), encoding="utf-8")
    plan = plan_import(catalog, backup)
    said = [(p.field, p.message) for p in plan.problems]
    assert ("saved search 2 query", "search term 'year:abc': 'abc' is not a year; try year:1957 "
            "or year:1970..1979") in said  # fmt: skip
    assert ("saved search 3 name", "'fine' is given twice") in said
    assert ("saved search 4", "is not an object") in said
    assert all(p.file == str(backup) for p in plan.problems)
