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
from filmdesk.core.groups.collection_ops import (
    AddToCollection,
    EditCollection,
    EditComment,
    MoveInCollection,
    RemoveFromCollection,
    RestoreComment,
    SetCollectionFilms,
)
from filmdesk.core.records import CollectionRecord, CommentRecord
from filmdesk.core.validation import ValidationError

SHIPPED = "Soviet Films About Correspondence"


def state(catalog: Catalog) -> list[tuple[CollectionRecord, list[CommentRecord]]]:
    """Every collection with its comments: what an undo must give back exactly."""
    return [(c, catalog.collections.comments(c.id)) for c in catalog.collections.all()]


def test_the_shipped_collection_comes_from_the_seed(catalog: Catalog) -> None:
    (shipped,) = catalog.collections.all()
    assert shipped.name == SHIPPED and shipped.source == "cinepicker.com"
    assert shipped.description.startswith("The art of letter writing")
    assert len(shipped.film_ids) == 10 and shipped.rating is None and shipped.comment_count == 0
    assert catalog.collections.resolve("soviet films about correspondence") == shipped
    assert catalog.collections.get(shipped.id) == shipped


def test_create_rename_describe_rate(catalog: Catalog) -> None:
    made = catalog.collections.create(" Thaw  cinema ", "Films of 1956-1966", "my own")
    assert (made.name, made.description, made.source, made.film_ids) == (
        "Thaw cinema", "Films of 1956-1966", "my own", ()
    )  # fmt: skip
    renamed = catalog.run(EditCollection(made.id, {"name": "Оттепель"}))
    assert renamed.result.name == "Оттепель"
    assert renamed.inverse == EditCollection(made.id, {"name": "Thaw cinema"})
    assert catalog.collections.describe(made.id, "Кино оттепели").description == ("Кино оттепели")
    rated = catalog.run(EditCollection(made.id, {"rating": 4.5}))
    assert rated.result.rating == 4.5
    assert rated.inverse == EditCollection(made.id, {"rating": None})
    assert catalog.collections.rate(made.id, None).rating is None
    assert catalog.collections.resolve("ОТТЕПЕЛЬ").id == made.id


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
    shipped = catalog.collections.all()[0]
    with pytest.raises(ValidationError) as err:
        catalog.collections.edit(shipped.id, fields)  # type: ignore[arg-type]
    assert words in str(err.value) and SHIPPED in str(err.value)
    assert state(catalog) == before


def test_names_are_unique_regardless_of_case(catalog: Catalog) -> None:
    with pytest.raises(NameTakenError, match="taken"):
        catalog.collections.create("SOVIET films about  correspondence")
    other = catalog.collections.create("Other")
    with pytest.raises(NameTakenError):
        catalog.collections.rename(other.id, SHIPPED.lower())
    catalog.collections.rename(other.id, "OTHER")  # its own name, in another case, is fine


def test_deleting_a_collection_never_deletes_films(catalog: Catalog) -> None:
    shipped = catalog.collections.all()[0]
    catalog.collections.add_comment(shipped.id, "Seen with 9B")
    deleted = catalog.collections.delete(shipped.id)
    assert catalog.collections.all() == [] and len(catalog.films.all()) == 10
    assert len(deleted.comments) == 1


def test_comments_newest_first_edit_and_delete(catalog: Catalog) -> None:
    shipped = catalog.collections.all()[0]
    first = catalog.collections.add_comment(shipped.id, "  First thoughts  ")
    second = catalog.collections.add_comment(shipped.id, "Второй комментарий")
    assert first.text == "First thoughts" and not first.edited
    assert [c.id for c in catalog.collections.comments(shipped.id)] == [second.id, first.id]
    assert catalog.collections.get(shipped.id).comment_count == 2
    edited = catalog.run(EditComment(first.id, "Better thoughts"))
    assert edited.result.text == "Better thoughts" and edited.result.edited
    assert edited.result.created_at == first.created_at
    assert edited.inverse == RestoreComment(first)
    assert catalog.collections.delete_comment(second.id) == second
    assert [c.text for c in catalog.collections.comments(shipped.id)] == ["Better thoughts"]
    with pytest.raises(ValidationError, match="comment: a comment needs some text"):
        catalog.collections.add_comment(shipped.id, "   ")
    with pytest.raises(CommentNotFoundError):
        catalog.collections.edit_comment(999, "x")
    with pytest.raises(CollectionNotFoundError):
        catalog.collections.add_comment(999, "x")


def test_films_of_a_collection_add_move_remove(catalog: Catalog) -> None:
    shipped = catalog.collections.all()[0]
    mirror = catalog.films.add({"title": "Mirror", "year": 1975})
    added = catalog.collections.add(
        shipped.id, [mirror.id, shipped.film_ids[0]], position=2, skip_present=True
    )
    assert added.film_ids == (shipped.film_ids[0], mirror.id, *shipped.film_ids[1:])
    moved = catalog.collections.move(shipped.id, mirror.id, 11)
    assert moved.film_ids[-1] == mirror.id
    removed = catalog.collections.remove(shipped.id, [mirror.id])
    assert removed.film_ids == shipped.film_ids
    assert catalog.films.get(mirror.id).title == "Mirror"
    with pytest.raises(EntryNotFoundError):
        catalog.collections.remove(shipped.id, [mirror.id])
    with pytest.raises(ValidationError, match=r"position: 12 is outside 1\.\.10"):
        catalog.collections.move(shipped.id, shipped.film_ids[0], 12)


def test_deleting_a_film_closes_up_the_collection_and_restoring_puts_it_back(
    catalog: Catalog,
) -> None:
    before = state(catalog)
    shipped = catalog.collections.all()[0]
    third, fifth = shipped.film_ids[2], shipped.film_ids[4]
    deleted = catalog.films.delete_many([fifth, third])
    assert catalog.collections.all()[0].film_ids == tuple(
        f for f in shipped.film_ids if f not in (third, fifth)
    )
    catalog.films.restore(deleted)
    assert state(catalog) == before


# --- every change, undone with what it returned ---------------------------------------------


def test_undo_create_edit_delete(catalog: Catalog) -> None:
    before = state(catalog)
    made = catalog.collections.create("Spare")
    catalog.collections.delete(made.id)
    assert state(catalog) == before

    shipped = catalog.collections.all()[0]
    edited = catalog.run(
        EditCollection(
            shipped.id, {"name": "Letters", "description": "Short", "rating": 3.5, "source": "me"}
        )
    )
    catalog.run(edited.inverse)
    assert state(catalog) == before

    catalog.collections.rate(shipped.id, 5)
    catalog.collections.add_comment(shipped.id, "one")
    catalog.collections.add_comment(shipped.id, "two")
    before = state(catalog)
    deleted = catalog.collections.delete(shipped.id)
    assert catalog.collections.restore(deleted) == before[0][0]
    assert state(catalog) == before
    with pytest.raises(ValueError, match="exists already"):
        catalog.collections.restore(deleted)


def test_undo_film_changes(catalog: Catalog) -> None:
    shipped = catalog.collections.all()[0]
    mirror = catalog.films.add({"title": "Mirror", "year": 1975})
    before = state(catalog)
    for change in (
        AddToCollection(shipped.id, (mirror.id,), position=1),
        RemoveFromCollection(shipped.id, shipped.film_ids[3:6]),
        MoveInCollection(shipped.id, shipped.film_ids[0], 10),
        SetCollectionFilms(shipped.id, ()),
    ):
        catalog.run(catalog.run(change).inverse)
        assert state(catalog) == before


def test_undo_comments(catalog: Catalog) -> None:
    shipped = catalog.collections.all()[0]
    kept = catalog.collections.add_comment(shipped.id, "kept")
    before = state(catalog)
    added = catalog.collections.add_comment(shipped.id, "added")
    catalog.collections.delete_comment(added.id)
    assert state(catalog) == before
    edited = catalog.run(EditComment(kept.id, "changed"))
    catalog.run(edited.inverse)
    assert state(catalog) == before
    deleted = catalog.collections.delete_comment(kept.id)
    catalog.collections.restore_comment(deleted)
    assert state(catalog) == before


def test_a_deleted_seed_collection_stays_deleted(catalog: Catalog, db_path: Path) -> None:
    from filmdesk.core.catalog import open_catalog

    catalog.collections.delete(catalog.collections.all()[0].id)
    catalog.close()
    again = open_catalog(str(db_path)).catalog
    assert again.collections.all() == []
    again.close()


def test_rating_survives_in_the_database(catalog: Catalog, db_path: Path) -> None:
    from filmdesk.core.catalog import open_catalog

    shipped = catalog.collections.all()[0]
    catalog.collections.rate(shipped.id, 0.5)
    comment = catalog.collections.add_comment(shipped.id, "Written on a date")
    again = open_catalog(str(db_path)).catalog
    assert again.collections.all()[0].rating == 0.5
    assert again.collections.comments(shipped.id) == [comment]
    assert again.collections.comments(shipped.id)[0].created_at.date() <= date.today()
    again.close()
