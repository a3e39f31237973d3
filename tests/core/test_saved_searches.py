"""Saved searches in the core: checked before they are written, found by name in any case,
scoped to a sidebar entry by name, kept across a restart."""

from __future__ import annotations

import pytest

from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.core.errors import NameTakenError
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
