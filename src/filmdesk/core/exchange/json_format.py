"""The JSON backup: the whole catalog, lossless and versioned.

Format ``filmdesk-backup`` version 1::

    {"format": "filmdesk-backup", "version": 1, "exported_at": "2026-11-27T09:00:00+00:00",
     "films": [{"ref": 6, "title": ..., every film field ..., "seed_key": ...,
                "created_at": ..., "updated_at": ...}, ...],
     "collections": [{"name": ..., "description": ..., "source": ..., "seed_key": ...,
                      "films": [6, 9, ...]}, ...]}

Restoring it into an empty catalog gives back identical films, user fields, tags and
collections.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from filmdesk.core.exchange import (
    IncomingCollection,
    IncomingFilm,
    Problem,
    UnreadableFileError,
)
from filmdesk.core.exchange.textfile import read_text, replaced_atomically
from filmdesk.core.records import CollectionRecord, FilmRecord
from filmdesk.core.validation import FIELD_NAMES, ValidationError, clean_film_fields

FORMAT = "filmdesk-backup"
VERSION = 1


def _film(film: FilmRecord) -> dict[str, object]:
    values: dict[str, object] = {"ref": film.id}
    for name in FIELD_NAMES:
        value = getattr(film, name)
        if isinstance(value, tuple):
            value = list(value)
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        values[name] = value
    values["seed_key"] = film.seed_key
    values["created_at"] = film.created_at.isoformat() if film.created_at else None
    values["updated_at"] = film.updated_at.isoformat() if film.updated_at else None
    return values


def export_json(path: Path, films: list[FilmRecord], collections: list[CollectionRecord]) -> int:
    """Write the backup atomically (an existing file is replaced only by a whole new one)."""
    shown = {f.id for f in films}
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "films": [_film(f) for f in films],
        "collections": [
            {
                "name": c.name,
                "description": c.description,
                "source": c.source,
                "seed_key": c.seed_key,
                "films": [i for i in c.film_ids if i in shown],
            }
            for c in collections
        ],
    }
    with replaced_atomically(Path(path)) as out:
        json.dump(document, out, ensure_ascii=False, indent=1)
        out.write("\n")
    return len(films)


def _stamp(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def read_json(
    path: Path,
) -> tuple[list[IncomingFilm], list[IncomingCollection], list[Problem]]:
    """Films and collections from a backup, with every problem (file, film number, field)."""
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
    for number, item in enumerate(document.get("films") or [], start=1):
        if not isinstance(item, dict):
            problems.append(Problem(name, None, f"film {number}", "is not an object"))
            continue
        raw = {k: item[k] for k in FIELD_NAMES if k in item}
        try:
            fields = clean_film_fields(raw)
        except ValidationError as exc:
            problems += [
                Problem(name, None, f"film {number} {p.field}", p.message) for p in exc.problems
            ]
            continue
        if "title" not in fields:
            problems.append(Problem(name, None, f"film {number} title", "a title is required"))
            continue
        extra = {
            "seed_key": item.get("seed_key") if isinstance(item.get("seed_key"), str) else None,
            "created_at": _stamp(item.get("created_at")),
            "updated_at": _stamp(item.get("updated_at")),
        }
        films.append(IncomingFilm(number, fields, ref=item.get("ref", number), extra=extra))
    collections = []
    for number, item in enumerate(document.get("collections") or [], start=1):
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            problems.append(Problem(name, None, f"collection {number}", "has no name"))
            continue
        collections.append(
            IncomingCollection(
                name=str(item["name"]).strip(),
                description=str(item.get("description") or ""),
                source=str(item.get("source") or ""),
                seed_key=item.get("seed_key") if isinstance(item.get("seed_key"), str) else None,
                film_refs=tuple(item.get("films") or ()),
            )
        )
    return films, collections, problems
