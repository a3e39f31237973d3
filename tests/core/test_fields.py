"""The film field list is defined once (``filmdesk.core.fields``); what must still spell it out
for the type checker or the database is pinned to it here, so a field added in one place and
not the other fails a test."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any, get_type_hints

from filmdesk.core.fields import FIELD_NAMES, FIELDS, FILM_FIELDS, FilmField, Group, Kind
from filmdesk.core.models import Film
from filmdesk.core.records import FILM_JSON_KEYS, FilmRecord, FilmRow
from filmdesk.core.validation import CHECKS, FilmFields

# The Python type of each kind's values in a record, and as an edit gives them (FilmFields).
RECORD_TYPES: dict[Kind, Any] = {
    Kind.LINE: str,
    Kind.TEXT: str,
    Kind.TEXT_AS_TYPED: str,
    Kind.INT: int | None,
    Kind.DATE: date | None,
    Kind.NAMES: tuple[str, ...],
    Kind.TAGS: tuple[str, ...],
    Kind.RATING: float | None,
    Kind.BOOL: bool,
    Kind.URL: str,
    Kind.IMDB_ID: str | None,
    Kind.KEY: str | None,
    Kind.TIMESTAMP: datetime | None,
}


def record_type(field: FilmField) -> Any:
    kind_type = RECORD_TYPES[field.kind]
    return kind_type | None if field.empty is None and kind_type is str else kind_type


def fields_type(field: FilmField) -> Any:
    kind_type = record_type(field)
    return list[str] if kind_type == tuple[str, ...] else kind_type


def test_film_record_has_every_field_in_order_with_its_type_and_empty_value() -> None:
    # (and the poster: not a film field but a picture kept in a table of its own)
    record_fields = dataclasses.fields(FilmRecord)[:-1]
    assert dataclasses.fields(FilmRecord)[-1].name == "poster"
    assert [f.name for f in record_fields] == ["id", *FIELDS]
    hints = get_type_hints(FilmRecord)
    for record_field in record_fields[1:]:
        field = FIELDS[record_field.name]
        assert hints[field.name] == record_type(field), field.name
        if field.required:
            assert record_field.default is dataclasses.MISSING, field.name
        else:
            assert record_field.default == field.empty, field.name


def test_film_row_has_the_fields_of_the_lean_row() -> None:
    assert FilmRow._fields == (
        "id",
        *(f.name for f in FILM_FIELDS if f.in_row),
        "poster",
        "viewed_months",
    )
    hints = get_type_hints(FilmRow)
    assert all(hints[f.name] == record_type(f) for f in FILM_FIELDS if f.in_row)


def test_film_fields_typed_dict_has_every_field_an_edit_may_give() -> None:
    assert tuple(FilmFields.__annotations__) == FIELD_NAMES
    hints = get_type_hints(FilmFields)
    assert {name: hints[name] for name in FIELD_NAMES} == {
        name: fields_type(FIELDS[name]) for name in FIELD_NAMES
    }


def test_every_field_but_bookkeeping_has_a_check_and_validation_dispatches_on_it() -> None:
    for field in FILM_FIELDS:
        assert (field.check is None) == (field.group is Group.BOOKKEEPING), field.name
        assert not (field.group is Group.BOOKKEEPING and field.editable), field.name
    assert tuple(CHECKS) == FIELD_NAMES  # validation checks exactly the fields an edit gives
    assert [f.name for f in FILM_FIELDS if f.required] == ["title"]


def test_each_column_is_a_column_of_the_films_table_and_null_only_where_empty_is_none() -> None:
    table = Film.__table__.columns
    stored = [f for f in FILM_FIELDS if f.column is not None]
    assert [f.name for f in FILM_FIELDS if f.column is None] == ["tags"]
    # Every column of the table is a field's, but the id, the sort key kept beside the title
    # and the poster's hash.
    assert {str(f.column) for f in stored} == {c.name for c in table} - {
        "id",
        "sort_title",
        "poster_hash",
    }
    for field in stored:
        assert table[str(field.column)].nullable == field.nullable, field.name


def test_json_of_a_record_shows_every_field_but_bookkeeping() -> None:
    every = FilmRecord(
        id=1,
        title="The Cranes Are Flying",
        original_title="Летят журавли",
        year=1957,
        directors=("Mikhail Kalatozov",),
        countries=("Soviet Union",),
        runtime_minutes=97,
        description="A description.",
        fact="A fact.",
        trailer_url="https://example.org/trailer",
        availability_note="Mosfilm's channel",
        availability_checked_on=date(2026, 1, 2),
        imdb_id="tt0050634",
        letterboxd_uri="https://letterboxd.com/film/the-cranes-are-flying/",
        rating=5.0,
        watched=True,
        watched_on=date(2026, 1, 3),
        notes="Notes.",
        tags=("war",),
        seed_key="cranes",
    )
    shown = every.to_json()
    assert list(shown)[: len(FILM_JSON_KEYS)] == list(FILM_JSON_KEYS)
    availability = shown["availability"]
    assert isinstance(availability, dict)
    named = set(shown) | {f"availability_{key}" for key in availability}
    assert named - {"id", "availability"} == {
        f.name for f in FILM_FIELDS if f.group is not Group.BOOKKEEPING
    }
