"""Collections: create, rename, describe, rate, comment, delete (never the films); undoable."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from filmdesk.core.catalog import (
    Catalog,
    CollectionNotFoundError,
    CommentNotFoundError,
    EntryNotFoundError,
    NameTakenError,
)
from filmdesk.core.records import CollectionRecord, CommentRecord
from filmdesk.core.validation import ValidationError

SHIPPED = "Soviet Films About Correspondence"


def state(catalog: Catalog) -> list[tuple[CollectionRecord, list[CommentRecord]]]:
    """Every collection with its comments: what an undo must give back exactly."""
    return [(c, catalog.comments(c.id)) for c in catalog.collections()]


def test_the_shipped_collection_comes_from_the_seed(catalog: Catalog) -> None:
    (shipped,) = catalog.collections()
    assert shipped.name == SHIPPED and shipped.source == "cinepicker.com"
    assert shipped.description.startswith("The art of letter writing")
    assert len(shipped.film_ids) == 10 and shipped.rating is None and shipped.comment_count == 0
    assert catalog.resolve_collection("soviet films about correspondence") == shipped
    assert catalog.collection(shipped.id) == shipped


def test_create_rename_describe_rate(catalog: Catalog) -> None:
    made = catalog.create_collection(" Thaw  cinema ", "Films of 1956-1966", "my own")
    assert (made.name, made.description, made.source, made.film_ids) == (
        "Thaw cinema", "Films of 1956-1966", "my own", ()
    )  # fmt: skip
    renamed = catalog.rename_collection(made.id, "Оттепель")
    assert renamed.record.name == "Оттепель" and renamed.before == {"name": "Thaw cinema"}
    assert catalog.describe_collection(made.id, "Кино оттепели").record.description == (
        "Кино оттепели"
    )
    rated = catalog.rate_collection(made.id, 4.5)
    assert rated.record.rating == 4.5 and rated.before == {"rating": None}
    assert catalog.rate_collection(made.id, None).record.rating is None
    assert catalog.resolve_collection("ОТТЕПЕЛЬ").id == made.id


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"name": ""}, "name: a name is required"),
        ({"name": "x" * 201}, "name: is 201 characters long"),
        ({"rating": 4.3}, "rating: 4.3 is not a half-star step"),
        ({"rating": 6}, "rating: 6 is not a half-star step"),
        ({"colour": "red"}, "colour: is not a collection field"),
    ],
)
def test_bad_fields_are_refused_with_field_and_value(
    catalog: Catalog, fields: dict[str, object], words: str
) -> None:
    before = state(catalog)
    shipped = catalog.collections()[0]
    with pytest.raises(ValidationError) as err:
        catalog.edit_collection(shipped.id, fields)  # type: ignore[arg-type]
    assert words in str(err.value) and SHIPPED in str(err.value)
    assert state(catalog) == before


def test_names_are_unique_regardless_of_case(catalog: Catalog) -> None:
    with pytest.raises(NameTakenError, match="taken"):
        catalog.create_collection("SOVIET films about  correspondence")
    other = catalog.create_collection("Other")
    with pytest.raises(NameTakenError):
        catalog.rename_collection(other.id, SHIPPED.lower())
    catalog.rename_collection(other.id, "OTHER")  # its own name, in another case, is fine


def test_deleting_a_collection_never_deletes_films(catalog: Catalog) -> None:
    shipped = catalog.collections()[0]
    catalog.add_comment(shipped.id, "Seen with 9B")
    deleted = catalog.delete_collection(shipped.id)
    assert catalog.collections() == [] and len(catalog.all_films()) == 10
    assert len(deleted.comments) == 1


def test_comments_newest_first_edit_and_delete(catalog: Catalog) -> None:
    shipped = catalog.collections()[0]
    first = catalog.add_comment(shipped.id, "  First thoughts  ")
    second = catalog.add_comment(shipped.id, "Второй комментарий")
    assert first.text == "First thoughts" and not first.edited
    assert [c.id for c in catalog.comments(shipped.id)] == [second.id, first.id]
    assert catalog.collection(shipped.id).comment_count == 2
    edited = catalog.edit_comment(first.id, "Better thoughts")
    assert edited.record.text == "Better thoughts" and edited.record.edited
    assert edited.record.created_at == first.created_at and edited.before == first
    assert catalog.delete_comment(second.id) == second
    assert [c.text for c in catalog.comments(shipped.id)] == ["Better thoughts"]
    with pytest.raises(ValidationError, match="comment: a comment needs some text"):
        catalog.add_comment(shipped.id, "   ")
    with pytest.raises(CommentNotFoundError):
        catalog.edit_comment(999, "x")
    with pytest.raises(CollectionNotFoundError):
        catalog.add_comment(999, "x")


def test_films_of_a_collection_add_move_remove(catalog: Catalog) -> None:
    shipped = catalog.collections()[0]
    mirror = catalog.add_film({"title": "Mirror", "year": 1975})
    added = catalog.add_to_collection(shipped.id, [mirror.id, shipped.film_ids[0]], position=2)
    assert added.record.film_ids == (shipped.film_ids[0], mirror.id, *shipped.film_ids[1:])
    moved = catalog.move_in_collection(shipped.id, mirror.id, 11)
    assert moved.record.film_ids[-1] == mirror.id
    removed = catalog.remove_from_collection(shipped.id, [mirror.id])
    assert removed.record.film_ids == shipped.film_ids
    assert catalog.get_film(mirror.id).title == "Mirror"
    with pytest.raises(EntryNotFoundError):
        catalog.remove_from_collection(shipped.id, [mirror.id])
    with pytest.raises(ValidationError, match=r"position: 12 is outside 1\.\.10"):
        catalog.move_in_collection(shipped.id, shipped.film_ids[0], 12)


def test_deleting_a_film_closes_up_the_collection_and_restoring_puts_it_back(
    catalog: Catalog,
) -> None:
    before = state(catalog)
    shipped = catalog.collections()[0]
    third, fifth = shipped.film_ids[2], shipped.film_ids[4]
    deleted = catalog.delete_films([fifth, third])
    assert catalog.collections()[0].film_ids == tuple(
        f for f in shipped.film_ids if f not in (third, fifth)
    )
    catalog.restore_films(deleted)
    assert state(catalog) == before


# --- every change, undone with what it returned ---------------------------------------------


def test_undo_create_edit_delete(catalog: Catalog) -> None:
    before = state(catalog)
    made = catalog.create_collection("Spare")
    catalog.delete_collection(made.id)
    assert state(catalog) == before

    shipped = catalog.collections()[0]
    edited = catalog.edit_collection(
        shipped.id, {"name": "Letters", "description": "Short", "rating": 3.5, "source": "me"}
    )
    catalog.edit_collection(shipped.id, edited.before)
    assert state(catalog) == before

    catalog.rate_collection(shipped.id, 5)
    catalog.add_comment(shipped.id, "one")
    catalog.add_comment(shipped.id, "two")
    before = state(catalog)
    deleted = catalog.delete_collection(shipped.id)
    assert catalog.restore_collection(deleted) == before[0][0]
    assert state(catalog) == before
    with pytest.raises(ValueError, match="exists already"):
        catalog.restore_collection(deleted)


def test_undo_film_changes(catalog: Catalog) -> None:
    shipped = catalog.collections()[0]
    mirror = catalog.add_film({"title": "Mirror", "year": 1975})
    before = state(catalog)
    for change in (
        lambda: catalog.add_to_collection(shipped.id, [mirror.id], position=1),
        lambda: catalog.remove_from_collection(shipped.id, shipped.film_ids[3:6]),
        lambda: catalog.move_in_collection(shipped.id, shipped.film_ids[0], 10),
        lambda: catalog.set_collection_films(shipped.id, []),
    ):
        catalog.set_collection_films(shipped.id, change().before)
        assert state(catalog) == before


def test_undo_comments(catalog: Catalog) -> None:
    shipped = catalog.collections()[0]
    kept = catalog.add_comment(shipped.id, "kept")
    before = state(catalog)
    added = catalog.add_comment(shipped.id, "added")
    catalog.delete_comment(added.id)
    assert state(catalog) == before
    edited = catalog.edit_comment(kept.id, "changed")
    catalog.restore_comment(edited.before)
    assert state(catalog) == before
    deleted = catalog.delete_comment(kept.id)
    catalog.restore_comment(deleted)
    assert state(catalog) == before


def test_a_deleted_seed_collection_stays_deleted(catalog: Catalog, db_path: Path) -> None:
    from filmdesk.core.catalog import open_catalog

    catalog.delete_collection(catalog.collections()[0].id)
    catalog.close()
    again = open_catalog(str(db_path)).catalog
    assert again.collections() == []
    again.close()


def test_rating_survives_in_the_database(catalog: Catalog, db_path: Path) -> None:
    from filmdesk.core.catalog import open_catalog

    shipped = catalog.collections()[0]
    catalog.rate_collection(shipped.id, 0.5)
    comment = catalog.add_comment(shipped.id, "Written on a date")
    again = open_catalog(str(db_path)).catalog
    assert again.collections()[0].rating == 0.5
    assert again.comments(shipped.id) == [comment]
    assert again.comments(shipped.id)[0].created_at.date() <= date.today()
    again.close()
