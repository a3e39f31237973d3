"""The JSON backup: the whole catalog, lossless and versioned.

Format ``filmdesk-backup`` version 4::

    {"format": "filmdesk-backup", "version": 4, "exported_at": "2026-11-27T09:00:00+00:00",
     "films": [{"ref": 6, "title": ..., every film field ..., "seed_key": ...,
                "created_at": ..., "updated_at": ...,
                "viewings": [{"watched_on": "2024-03-12", "rating": 4.5, "rewatch": false,
                              "note": ...}, ...],
                "poster": "<sha256 of the poster's bytes>" or null}, ...],
     "collections": [{"name": ..., "description": ..., "source": ..., "seed_key": ...,
                      "rating": 4.5, "films": [6, 9, ...],
                      "comments": [{"text": ..., "created_at": ..., "updated_at": ...,
                                    "author": ... (when known)}]}, ...],
     "lists": [{"name": ..., "audience": ..., "description": ...,
                "entries": [{"film": 6, "scheduled_at": "2026-12-01T10:30", "note": ...,
                             "screened": false, "screened_on": null}, ...]}, ...],
     "posters": {"<sha256>": {"format": "jpeg", "width": 680, "height": 1000,
                              "data": "<base64>"}, ...}}

``scheduled_at`` is a naive local time, or just a date (``2026-12-01``: that day). Viewings are
in the order they happened (``watched_on`` null: the day is not known). Posters are kept once
each, as the catalog keeps them (``json_posters``). Versions 1 (no rating, comments or lists),
2 (no viewings: a watched film's date becomes its one viewing) and 3 (no posters: a film keeps
the poster it has) are still read. Restoring a backup into an empty catalog gives
back identical films, user fields, tags, collections (rating, comments) and screening lists.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from filmdesk.core.checks import check_comment
from filmdesk.core.collector import collector_paused
from filmdesk.core.exchange import (
    IncomingCollection,
    IncomingComment,
    IncomingEntry,
    IncomingFilm,
    IncomingList,
    Problem,
    UnreadableFileError,
    shortened,
)
from filmdesk.core.exchange.csv_rows import MAX_ROWS
from filmdesk.core.exchange.json_posters import PosterReader, write_posters
from filmdesk.core.exchange.json_searches import read_searches
from filmdesk.core.exchange.textfile import decode_text, read_bytes, replaced_atomically
from filmdesk.core.fields import FIELD_NAMES, FILM_FIELDS, Group, Kind
from filmdesk.core.posters.images import PosterImage
from filmdesk.core.records import (
    CollectionRecord,
    CommentRecord,
    FilmRecord,
    ScreeningListRecord,
    ViewingRecord,
)
from filmdesk.core.searches import IncomingSearch, SavedSearchRecord
from filmdesk.core.validation import (
    FieldProblem,
    FilmFields,
    ValidationError,
    ViewingFields,
    clean_collection_fields,
    clean_entry_fields,
    clean_film_fields,
    clean_list_fields,
    clean_viewing_fields,
)

if TYPE_CHECKING:
    from filmdesk.core.catalog import Catalog

FORMAT = "filmdesk-backup"
VERSION = 4
ENTRY_KEYS = ("scheduled_at", "note", "screened", "screened_on")


def _films(
    films: Sequence[FilmRecord],
    viewings: Mapping[int, Sequence[ViewingRecord]],
    posters: Mapping[int, str],
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
    converted.append([posters.get(f.id) for f in films])
    keys = ("ref", *_FILM_KEYS, "viewings", "poster")
    return [dict(zip(keys, row, strict=True)) for row in zip(*converted, strict=True)]


_FILM_KEYS = tuple(field.name for field in FILM_FIELDS)
_FIELD_VALUES = attrgetter(*_FILM_KEYS)


def _comment(comment: CommentRecord) -> dict[str, object]:
    written: dict[str, object] = {
        "text": comment.text,
        "created_at": comment.created_at.isoformat(),
        "updated_at": comment.updated_at.isoformat(),
    }
    if comment.author:
        written["author"] = comment.author
    return written


@collector_paused()
def export_json(
    path: Path,
    films: Sequence[FilmRecord],
    collections: Sequence[CollectionRecord],
    *,
    comments: Mapping[int, Sequence[CommentRecord]] | None = None,
    screening_lists: Sequence[ScreeningListRecord] = (),
    viewings: Mapping[int, Sequence[ViewingRecord]] | None = None,
    posters: Mapping[int, str] | None = None,
    poster_images: Callable[[Sequence[str]], Iterable[PosterImage]] | None = None,
    saved_searches: Sequence[SavedSearchRecord] = (),
) -> int:
    """Write the backup atomically (an existing file is replaced only by a whole new one).

    ``comments`` maps a collection id to its comments, ``viewings`` a film id to its
    viewings, ``posters`` a film id to its poster's hash; ``poster_images`` gives the posters
    of some hashes, bytes and all, one at a time (written as they come). Collections and
    lists keep only the films that are written (a backup of some films leaves the others out
    everywhere).
    """
    shown = {f.id for f in films}
    notes = comments or {}
    seen = viewings or {}
    pictures = {f.id: posters[f.id] for f in films if f.id in posters} if posters else {}
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "films": _films(films, seen, pictures),
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
        "saved_searches": [search.to_json() for search in saved_searches],
    }
    # One film (collection, list) per line: still readable and easy to compare, and each
    # written by json's C encoder (``indent`` makes json use its pure-Python one, 5x slower).
    with replaced_atomically(Path(path)) as out:
        out.write("{\n")
        for key, value in document.items():
            comma = ","  # (the posters come last)
            if isinstance(value, list) and value:
                out.write(f" {json.dumps(key)}: [\n  ")
                out.write(",\n  ".join(json.dumps(item, ensure_ascii=False) for item in value))
                out.write(f"\n ]{comma}\n")
            else:
                out.write(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}\n")
        wanted = sorted(set(pictures.values()))
        write_posters(out, poster_images(wanted) if poster_images and wanted else ())
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
        posters=catalog.posters.of_films(),
        poster_images=catalog.posters.images,
        saved_searches=catalog.searches.all(),
    )


def _by_date(comment: CommentRecord) -> tuple[datetime, int]:
    return (comment.created_at, comment.id)


def _key(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _stamp(value: object) -> datetime | None:
    """When something was made or changed, as a backup writes it; None (now) for anything
    else, and for a moment outside the years a catalog can hold (the database writes years
    of four digits; year 1 in another time zone is not even a date in UTC)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is not None:
            moment.astimezone(UTC)  # (OverflowError at the ends of the calendar)
    except (ValueError, OverflowError):
        return None
    return moment if _STAMP_YEARS[0] <= moment.year <= _STAMP_YEARS[1] else None


_STAMP_YEARS = (1900, 9000)


# What a backup restores for a new film besides its fields (``IncomingFilm.extra``), and how
# each kind of it is read.
_BOOKKEEPING = tuple(field for field in FILM_FIELDS if field.group is Group.BOOKKEEPING)
_EXTRA: dict[Kind, Callable[[object], object]] = {Kind.KEY: _key, Kind.TIMESTAMP: _stamp}


MAX_DEPTH = 50  # lists and objects inside each other; a backup has 5 (document, films, film...)
# Collections, screening lists and comments in one backup: each is written on its own, so
# hundreds of thousands would take many minutes.
MAX_GROUPS = 10_000


def read_json(
    path: Path,
) -> tuple[
    list[IncomingFilm],
    list[IncomingCollection],
    list[IncomingList],
    list[Problem],
    dict[str, PosterImage],
    list[IncomingSearch],
]:
    """Films, collections, screening lists, the posters the films name and the saved
    searches, from a backup (version 1 to 4), with every problem (file, item number, field).

    A film's poster hash is its ``extra["poster"]`` (None: no poster; no key: a backup from
    before posters). A poster that is damaged (base64 that does not decode, bytes whose hash
    is not its key, not a JPEG or PNG) is a problem of each film that names it.

    Everything a backup holds is checked as the window and the command line check what is
    typed (a collection's name of 100,000 characters is a problem, as it is there); a value
    of the wrong kind (a list where a name goes, a number where the films go) is a problem
    naming where it is. Raises UnreadableFileError for a file that is not a backup at all,
    one nested more than ``MAX_DEPTH`` deep, or one with a number of thousands of digits.
    """
    name = str(path)
    raw, encoding = read_bytes(path)
    text, _encoding = decode_text(raw, encoding, name)
    if _nested_deeper(raw if encoding != "utf-16" else text.encode("utf-8", "replace")):
        raise UnreadableFileError(
            [Problem(name, None, None, f"nests lists and objects more than {MAX_DEPTH} deep; "
                     "a filmdesk backup nests them 5 deep")]
        )  # fmt: skip
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableFileError(
            [Problem(name, exc.lineno, None, f"is not valid JSON ({exc.msg})")]
        ) from None
    except ValueError:  # Python reads integers of up to 4,300 digits
        raise UnreadableFileError(
            [Problem(name, None, None, "holds a number of thousands of digits: not a backup")]
        ) from None
    except RecursionError:  # (unbalanced brackets that _nested_deeper leaves to json)
        raise UnreadableFileError(
            [Problem(name, None, None, f"nests lists and objects more than {MAX_DEPTH} deep")]
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise UnreadableFileError([Problem(name, None, None, f"is not a {FORMAT} file")])
    version = document.get("version")
    if type(version) is not int or not 1 <= version <= VERSION:
        shown = shortened(json.dumps(version), 40)
        raise UnreadableFileError(
            [Problem(name, None, None, f"is version {shown}; this filmdesk reads 1 to {VERSION}")]
        )
    problems: list[Problem] = []
    budget = _Budget()
    posters = PosterReader(name, document.get("posters"))
    if posters.wrong_kind:
        problems.append(
            Problem(name, None, "posters", f"is {_kind(document['posters'])}, not an object")
        )
    films = _read_films(
        name, _items(name, document, "films", problems, budget) or [], problems, posters
    )
    collections = _collections(
        name, _items(name, document, "collections", problems, budget) or [], problems, budget
    )
    lists = _lists(name, _items(name, document, "lists", problems, budget) or [], problems, budget)
    given = _items(name, document, "saved_searches", problems, budget) or []
    searches = read_searches(name, given, problems)
    return films, collections, lists, problems, posters.images, searches


def _nested_deeper(raw: bytes) -> bool:
    """Whether JSON text nests lists and objects more than ``MAX_DEPTH`` deep (checked before
    it is parsed: the parser recurses once per level). A text that says yes nests at least
    that deep; one that says no at most twice that (a round below may take out two levels),
    or has brackets that do not pair, which the parser then reports."""
    if b"\\" in raw:
        raw = _ESCAPED.sub(b"", raw)  # (an escaped quote does not end a string)
    brackets = raw.translate(None, _NOT_BRACKETS)
    if len(brackets) <= MAX_DEPTH:
        return False
    brackets = brackets.replace(b'""', b"")  # (most strings hold no bracket)
    if b'"' in brackets:
        brackets = _STRING.sub(b"", brackets)  # brackets inside strings are text
    for _ in range(MAX_DEPTH):
        inner = brackets.replace(b"[]", b"").replace(b"{}", b"")  # the innermost level
        if not inner or inner == brackets:
            return False  # done, or unbalanced: the parser says what is wrong
        brackets = inner
    return True


_ESCAPED = re.compile(rb"\\.", re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b'"[]{}')
_STRING = re.compile(rb'"[^"]*"')

# What a value is, in words, for a problem (never the value itself, which may be huge).
_KINDS = {dict: "an object", list: "a list", str: "text", bool: "yes or no", int: "a number",
          float: "a number", type(None): "null"}  # fmt: skip


def _kind(value: object) -> str:
    return _KINDS.get(type(value), "a value")


class _Budget:
    """What is left of what one backup may hold in all: ``MAX_ROWS`` films, films of
    collections and entries of lists together, and ``MAX_GROUPS`` comments (each is written
    on its own). A file past either is unreadable, before anything of it is checked."""

    def __init__(self) -> None:
        self.left = {"rows": MAX_ROWS, "comments": MAX_GROUPS}

    def take(self, name: str, field: str, kind: str, count: int) -> None:
        self.left[kind] -= count
        if self.left[kind] < 0:
            limit = MAX_GROUPS if kind == "comments" else MAX_ROWS
            what = "comments" if kind == "comments" else "films, collections' films and entries"
            raise UnreadableFileError(
                [Problem(name, None, field, f"goes past the {limit:,} {what} a backup may hold")]
            )


# Which budget each list of a backup draws on; collections and lists have a limit of their own.
_BUDGET = {"films": "rows", "entries": "rows", "comments": "comments"}


def _items(
    name: str,
    document: dict[str, object],
    key: str,
    problems: list[Problem],
    budget: _Budget,
    where: str = "",
) -> list[object] | None:
    """The list a backup keeps under ``key`` of ``document`` (``where`` says which, for
    messages): empty when there is none, None (a problem said) when it is something else.
    A list past its limit (``MAX_GROUPS`` collections or screening lists, or what is left of
    ``budget``) makes the file unreadable."""
    items = document.get(key)
    field = f"{where} {key}".strip()
    if items is None:
        return []
    if not isinstance(items, list):
        problems.append(Problem(name, None, field, f"is {_kind(items)}, not a list"))
        return None
    if key in _BUDGET:
        budget.take(name, field, _BUDGET[key], len(items))
    elif len(items) > MAX_GROUPS:
        raise UnreadableFileError(
            [
                Problem(
                    name,
                    None,
                    field,
                    f"holds {len(items):,}; a backup holds {MAX_GROUPS:,} at most",
                )
            ]
        )
    return items


def _ref(value: object) -> bool:
    """Whether ``value`` can be a film's ref in a backup: a whole number or text."""
    return isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))


def _read_films(
    name: str, items: list[object], problems: list[Problem], posters: PosterReader
) -> list[IncomingFilm]:
    films: list[IncomingFilm] = []
    checked = _CheckedOnce()
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            problems.append(
                Problem(name, None, f"film {number}", f"is {_kind(item)}, not an object")
            )
            continue
        ref = item.get("ref", number)
        if not _ref(ref):
            problems.append(
                Problem(name, None, f"film {number} ref", f"is {_kind(ref)}, not a number or text")
            )
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
        if "poster" in item:
            key = item["poster"]
            wrong = None if key is None else posters.problem(number, fields["title"], key)
            if wrong is not None:
                problems.append(wrong)
                continue
            extra["poster"] = key
        films.append(IncomingFilm(number, fields, ref=ref, extra=extra))
    return films


def _collections(
    name: str, items: list[object], problems: list[Problem], budget: _Budget
) -> list[IncomingCollection]:
    collections: list[IncomingCollection] = []
    for number, item in enumerate(items, start=1):
        where = f"collection {number}"
        if not isinstance(item, dict):
            problems.append(Problem(name, None, where, f"is {_kind(item)}, not an object"))
            continue
        try:
            # The checks a collection made in the window or on the command line passes.
            fields = clean_collection_fields(
                {
                    "name": item.get("name"),
                    "description": item.get("description") or "",
                    "source": item.get("source") or "",
                    "rating": item.get("rating"),
                }
            )
        except ValidationError as exc:
            problems += [Problem(name, None, f"{where} {p.field}", p.message) for p in exc.problems]
            continue
        refs = _items(name, item, "films", problems, budget, where)
        given = _items(name, item, "comments", problems, budget, where)
        if refs is None or given is None:
            continue
        if not all(map(_ref, refs)):
            problems.append(
                Problem(name, None, f"{where} films", "holds something other than films' refs")
            )
            continue
        seed_key = item.get("seed_key")
        collections.append(
            IncomingCollection(
                name=fields["name"],
                description=fields.get("description", ""),
                source=fields.get("source", ""),
                seed_key=seed_key if isinstance(seed_key, str) else None,
                film_refs=tuple(refs),
                rating=fields.get("rating"),
                comments=_comments(name, where, given, problems),
            )
        )
    return collections


def _comments(
    name: str, where: str, items: list[object], problems: list[Problem]
) -> tuple[IncomingComment, ...]:
    comments = []
    for index, raw in enumerate(items, start=1):
        try:
            text = check_comment(raw.get("text") if isinstance(raw, dict) else raw)
        except ValueError as exc:
            problems.append(Problem(name, None, f"{where} comment {index}", str(exc)))
            continue
        stamps = raw if isinstance(raw, dict) else {}
        created = _stamp(stamps.get("created_at"))
        author = stamps.get("author")
        comments.append(
            IncomingComment(
                text,
                created,
                _stamp(stamps.get("updated_at")) or created,
                author.strip()[:200] if isinstance(author, str) else "",
            )
        )
    return tuple(comments)


class _CheckedOnce:
    """``clean_film_fields`` for many films, each distinct value of a field that repeats
    (years, names, dates, ratings, tags) checked once: a backup of 100,000 films holds a few
    thousand of them."""

    def __init__(self) -> None:
        self._done: dict[tuple[str, type, object], tuple[bool, object]] = {}

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
            # (With its kind: True == 1 == 1.0, but only one of them is a year or a rating.)
            key = (field, type(value), tuple(value) if isinstance(value, list) else value)
            try:
                known = self._done.get(key)
                if isinstance(value, list) and not all(isinstance(v, str) for v in value):
                    raise TypeError  # ([1] and [True] are the same tuple)
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


def _lists(
    name: str, items: list[object], problems: list[Problem], budget: _Budget
) -> list[IncomingList]:
    lists: list[IncomingList] = []
    for number, item in enumerate(items, start=1):
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
        given = _items(name, item, "entries", problems, budget, where)
        if given is None:
            continue
        for index, raw in enumerate(given, start=1):
            if not isinstance(raw, dict) or not _ref(raw.get("film")):
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
