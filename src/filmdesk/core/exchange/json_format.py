"""The JSON backup: the whole catalog, lossless and versioned.

Format ``filmdesk-backup`` version 3::

    {"format": "filmdesk-backup", "version": 3, "exported_at": "2026-11-27T09:00:00+00:00",
     "films": [{"ref": 6, "title": ..., every film field ..., "seed_key": ...,
                "created_at": ..., "updated_at": ...,
                "viewings": [{"watched_on": "2024-03-12", "rating": 4.5, "rewatch": false,
                              "note": ...}, ...]}, ...],
     "collections": [{"name": ..., "description": ..., "source": ..., "seed_key": ...,
                      "rating": 4.5, "films": [6, 9, ...],
                      "comments": [{"text": ..., "created_at": ..., "updated_at": ...}]}, ...],
     "lists": [{"name": ..., "audience": ..., "description": ...,
                "entries": [{"film": 6, "scheduled_at": "2026-12-01T10:30", "note": ...,
                             "screened": false, "screened_on": null}, ...]}, ...]}

``scheduled_at`` is a naive local time, or just a date (``2026-12-01``: that day). Viewings are
in the order they happened (``watched_on`` null: the day is not known). Versions 1 (no rating,
comments or lists) and 2 (no viewings: a watched film's date becomes its one viewing) are still
read. Restoring a backup into an empty catalog gives
back identical films, user fields, tags, collections (rating, comments) and screening lists.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from filmdesk.core.checks import check_comment, check_rating
from filmdesk.core.exchange import (
    IncomingCollection,
    IncomingComment,
    IncomingEntry,
    IncomingFilm,
    IncomingList,
    Problem,
    UnreadableFileError,
    collector_paused,
)
from filmdesk.core.exchange.textfile import read_text, replaced_atomically
from filmdesk.core.fields import FIELD_NAMES, FILM_FIELDS, Group, Kind
from filmdesk.core.records import (
    CollectionRecord,
    CommentRecord,
    FilmRecord,
    ScreeningListRecord,
    ViewingRecord,
)
from filmdesk.core.validation import (
    FieldProblem,
    FilmFields,
    ValidationError,
    ViewingFields,
    clean_entry_fields,
    clean_film_fields,
    clean_list_fields,
    clean_viewing_fields,
)

if TYPE_CHECKING:
    from filmdesk.core.catalog import Catalog

FORMAT = "filmdesk-backup"
VERSION = 3
ENTRY_KEYS = ("scheduled_at", "note", "screened", "screened_on")


def _films(
    films: Sequence[FilmRecord], viewings: Mapping[int, Sequence[ViewingRecord]]
) -> list[dict[str, object]]:
    """Every field of each film, bookkeeping too, and its viewings: a backup is lossless.

    Column by column (100,000 films): each column read in one pass, each distinct list or
    date converted once, then one dict per film."""
    if not films:
        return []
    columns = list(zip(*map(_FIELD_VALUES, films), strict=True))
    converted: list[Sequence[object]] = [[f.id for f in films]]
    for values in columns:
        sample = next((v for v in values if v is not None), None)
        if isinstance(sample, tuple):
            done = {value: list(value) for value in set(values)}
            converted.append([done[value] for value in values])
        elif isinstance(sample, datetime):
            converted.append([v.isoformat() if v is not None else None for v in values])
        elif hasattr(sample, "isoformat"):  # dates: few distinct ones
            dates = {value: value.isoformat() if value else value for value in set(values)}
            converted.append([dates[value] for value in values])
        else:
            converted.append(values)
    none: list[object] = []
    converted.append(
        [[v.to_json() for v in viewings[f.id]] if f.id in viewings else none for f in films]
    )
    keys = ("ref", *_FILM_KEYS, "viewings")
    return [dict(zip(keys, row, strict=True)) for row in zip(*converted, strict=True)]


_FILM_KEYS = tuple(field.name for field in FILM_FIELDS)
_FIELD_VALUES = attrgetter(*_FILM_KEYS)


def _comment(comment: CommentRecord) -> dict[str, object]:
    return {
        "text": comment.text,
        "created_at": comment.created_at.isoformat(),
        "updated_at": comment.updated_at.isoformat(),
    }


@collector_paused()
def export_json(
    path: Path,
    films: Sequence[FilmRecord],
    collections: Sequence[CollectionRecord],
    *,
    comments: Mapping[int, Sequence[CommentRecord]] | None = None,
    screening_lists: Sequence[ScreeningListRecord] = (),
    viewings: Mapping[int, Sequence[ViewingRecord]] | None = None,
) -> int:
    """Write the backup atomically (an existing file is replaced only by a whole new one).

    ``comments`` maps a collection id to its comments, ``viewings`` a film id to its
    viewings. Collections and lists keep only the
    films that are written (a backup of some films leaves the others out everywhere).
    """
    shown = {f.id for f in films}
    notes = comments or {}
    seen = viewings or {}
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "films": _films(films, seen),
        "collections": [
            {
                "name": c.name,
                "description": c.description,
                "source": c.source,
                "seed_key": c.seed_key,
                "rating": c.rating,
                "films": [i for i in c.film_ids if i in shown],
                "comments": [_comment(m) for m in sorted(notes.get(c.id, ()), key=_by_date)],
            }
            for c in collections
        ],
        "lists": [
            {
                "name": s.name,
                "audience": s.audience,
                "description": s.description,
                "entries": [
                    {
                        "film": e.film_id,
                        "scheduled_at": e.scheduled_text,
                        "note": e.note,
                        "screened": e.screened,
                        "screened_on": e.screened_on.isoformat() if e.screened_on else None,
                    }
                    for e in s.entries
                    if e.film_id in shown
                ],
            }
            for s in screening_lists
        ],
    }
    # One film (collection, list) per line: still readable and easy to compare, and each
    # written by json's C encoder (``indent`` makes json use its pure-Python one, 5x slower).
    with replaced_atomically(Path(path)) as out:
        out.write("{\n")
        for number, (key, value) in enumerate(document.items()):
            comma = "," if number < len(document) - 1 else ""
            if isinstance(value, list) and value:
                out.write(f" {json.dumps(key)}: [\n  ")
                out.write(",\n  ".join(json.dumps(item, ensure_ascii=False) for item in value))
                out.write(f"\n ]{comma}\n")
            else:
                out.write(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}\n")
        out.write("}\n")
    return len(films)


def export_backup(path: Path, catalog: Catalog, films: Sequence[FilmRecord]) -> int:
    """Write a backup of ``films`` (``catalog.films.all(timestamps=True)`` for everything)
    with every collection (rating, comments) and screening list of the catalog."""
    collections = catalog.collections.all()
    return export_json(
        path,
        films,
        collections,
        comments={c.id: catalog.collections.comments(c.id) for c in collections if c.comment_count},
        screening_lists=[catalog.lists.get(s.id) for s in catalog.lists.summaries()],
        viewings=catalog.films.viewings_of(),
    )


def _by_date(comment: CommentRecord) -> tuple[datetime, int]:
    return (comment.created_at, comment.id)


def _key(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _stamp(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


# What a backup restores for a new film besides its fields (``IncomingFilm.extra``), and how
# each kind of it is read.
_BOOKKEEPING = tuple(field for field in FILM_FIELDS if field.group is Group.BOOKKEEPING)
_EXTRA: dict[Kind, Callable[[object], object]] = {Kind.KEY: _key, Kind.TIMESTAMP: _stamp}


def read_json(
    path: Path,
) -> tuple[list[IncomingFilm], list[IncomingCollection], list[IncomingList], list[Problem]]:
    """Films, collections and screening lists from a backup (version 1 or 2), with every
    problem (file, item number, field)."""
    name = str(path)
    text, _encoding = read_text(path)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableFileError(
            [Problem(name, exc.lineno, None, f"is not valid JSON ({exc.msg})")]
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise UnreadableFileError([Problem(name, None, None, f"is not a {FORMAT} file")])
    version = document.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise UnreadableFileError(
            [
                Problem(
                    name, None, None, f"is version {version!r}; this filmdesk reads up to {VERSION}"
                )
            ]
        )
    films: list[IncomingFilm] = []
    problems: list[Problem] = []
    checked = _CheckedOnce()
    for number, item in enumerate(document.get("films") or [], start=1):
        if not isinstance(item, dict):
            problems.append(Problem(name, None, f"film {number}", "is not an object"))
            continue
        raw = {k: item[k] for k in FIELD_NAMES if k in item}
        try:
            fields = checked.clean(raw)
        except ValidationError as exc:
            problems += [
                Problem(name, None, f"film {number} {p.field}", p.message) for p in exc.problems
            ]
            continue
        if "title" not in fields:
            problems.append(Problem(name, None, f"film {number} title", "a title is required"))
            continue
        extra = {field.name: _EXTRA[field.kind](item.get(field.name)) for field in _BOOKKEEPING}
        if "viewings" in item:
            viewings = _viewings(name, number, item["viewings"], problems)
            if viewings is None:
                continue
            extra["viewings"] = viewings
        films.append(IncomingFilm(number, fields, ref=item.get("ref", number), extra=extra))
    collections = []
    for number, item in enumerate(document.get("collections") or [], start=1):
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            problems.append(Problem(name, None, f"collection {number}", "has no name"))
            continue
        try:
            rating = check_rating(item.get("rating"))
        except ValueError as exc:
            problems.append(Problem(name, None, f"collection {number} rating", str(exc)))
            continue
        comments = []
        for index, raw in enumerate(item.get("comments") or [], start=1):
            where = f"collection {number} comment {index}"
            try:
                text = check_comment(raw.get("text") if isinstance(raw, dict) else raw)
            except ValueError as exc:
                problems.append(Problem(name, None, where, str(exc)))
                continue
            created = _stamp(raw.get("created_at"))
            comments.append(
                IncomingComment(text, created, _stamp(raw.get("updated_at")) or created)
            )
        collections.append(
            IncomingCollection(
                name=str(item["name"]).strip(),
                description=str(item.get("description") or ""),
                source=str(item.get("source") or ""),
                seed_key=item.get("seed_key") if isinstance(item.get("seed_key"), str) else None,
                film_refs=tuple(item.get("films") or ()),
                rating=rating,
                comments=tuple(comments),
            )
        )
    return films, collections, _lists(name, document.get("lists") or [], problems), problems


class _CheckedOnce:
    """``clean_film_fields`` for many films, each distinct value of a field that repeats
    (years, names, dates, ratings, tags) checked once: a backup of 100,000 films holds a few
    thousand of them."""

    def __init__(self) -> None:
        self._done: dict[tuple[str, object], tuple[bool, object]] = {}

    def clean(self, raw: dict[str, object]) -> FilmFields:
        """The checked fields; ValidationError listing every problem, as clean_film_fields."""
        problems: list[FieldProblem] = []
        cleaned: dict[str, object] = {}
        unique = {k: v for k, v in raw.items() if k in _UNIQUE_TEXT}
        if unique:
            try:
                cleaned.update(clean_film_fields(unique))
            except ValidationError as exc:
                problems += exc.problems
        for field, value in raw.items():
            if field in _UNIQUE_TEXT:
                continue
            key = (field, tuple(value) if isinstance(value, list) else value)
            try:
                known = self._done.get(key)
            except TypeError:  # (a dict or a list of lists: not a value of any field)
                key, known = None, None  # type: ignore[assignment]
            if known is None:
                try:
                    known = (True, clean_film_fields({field: value})[field])  # type: ignore[literal-required]
                except ValidationError as exc:
                    known = (False, exc.problems[0])
                if key is not None:
                    self._done[key] = known
            ok, result = known
            if ok:
                cleaned[field] = list(result) if isinstance(result, list) else result
            else:
                problems.append(result)  # type: ignore[arg-type]
        if problems:
            raise ValidationError(problems)
        return cleaned  # type: ignore[return-value]


# Fields whose values hardly ever repeat: checked as they come, not remembered.
_UNIQUE_TEXT = frozenset(
    {"title", "original_title", "description", "fact", "trailer_url", "availability_note",
     "imdb_id", "letterboxd_uri", "notes"}
)  # fmt: skip


def _viewings(
    name: str, number: int, items: object, problems: list[Problem]
) -> tuple[ViewingFields, ...] | None:
    """A film's viewings from a backup, checked; None (and the problems said) when one is
    wrong."""
    if not isinstance(items, list):
        problems.append(Problem(name, None, f"film {number} viewings", "is not a list"))
        return None
    viewings: list[ViewingFields] = []
    wrong = False
    for index, raw in enumerate(items, start=1):
        where = f"film {number} viewing {index}"
        if not isinstance(raw, dict):
            problems.append(Problem(name, None, where, "is not an object"))
            wrong = True
            continue
        try:
            viewings.append(clean_viewing_fields({k: raw[k] for k in _VIEWING_KEYS if k in raw}))
        except ValidationError as exc:
            problems += [Problem(name, None, f"{where} {p.field}", p.message) for p in exc.problems]
            wrong = True
    return None if wrong else tuple(viewings)


_VIEWING_KEYS = ("watched_on", "rating", "rewatch", "note")


def _lists(name: str, items: object, problems: list[Problem]) -> list[IncomingList]:
    lists: list[IncomingList] = []
    for number, item in enumerate(items if isinstance(items, list) else [], start=1):
        where = f"list {number}"
        if not isinstance(item, dict):
            problems.append(Problem(name, None, where, "is not an object"))
            continue
        try:
            fields = clean_list_fields(
                {k: item.get(k) or "" for k in ("name", "audience", "description")}
            )
        except ValidationError as exc:
            problems += [Problem(name, None, f"{where} {p.field}", p.message) for p in exc.problems]
            continue
        entries = []
        for index, raw in enumerate(item.get("entries") or [], start=1):
            if not isinstance(raw, dict) or raw.get("film") is None:
                problems.append(Problem(name, None, f"{where} entry {index}", "names no film"))
                continue
            try:
                values = clean_entry_fields({k: raw[k] for k in ENTRY_KEYS if k in raw})
            except ValidationError as exc:
                problems += [
                    Problem(name, None, f"{where} entry {index} {p.field}", p.message)
                    for p in exc.problems
                ]
                continue
            entries.append(IncomingEntry(raw["film"], values))
        lists.append(
            IncomingList(
                fields["name"],
                fields.get("audience", ""),
                fields.get("description", ""),
                tuple(entries),
            )
        )
    return lists
