"""Matching incoming films to the catalog: what is new, what changes, what is already there."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from filmdesk.core.catalog import Catalog
from filmdesk.core.collector import collector_paused
from filmdesk.core.exchange import (
    FilmBatch,
    ImportPlan,
    IncomingFilm,
    IncomingList,
    Problem,
    UnexpectedReadError,
    UnreadableFileError,
)
from filmdesk.core.exchange.formats import (
    IMPORT_FORMATS,
    FileContents,
    detect_format,
    import_format,
)
from filmdesk.core.folding import fold
from filmdesk.core.names import name_key
from filmdesk.core.progress import ImportCancelled, Progress
from filmdesk.core.records import FilmRecord, ScreeningListSummary, ViewingRecord
from filmdesk.core.validation import FilmFields, ViewingFields

# "auto": the format is recognised by the file's contents (``detect_format``).
FORMATS = ("auto", *(f.name for f in IMPORT_FORMATS))

__all__ = ["FORMATS", "detect_format", "plan_import"]


_WATCH_FIELDS = frozenset({"watched", "watched_on"})


def _missing_viewings(
    fields: FilmFields, extra: Mapping[str, object] | None, known: Sequence[ViewingRecord]
) -> tuple[ViewingFields, ...]:
    """The viewings a file gives for a film that the film does not have yet, matched by day
    (two viewings on one day in the file and one in the catalog: one is missing). A file
    without viewings gives one on the watch date, or, for a film marked watched without a
    date, one without a day (only when the film has none)."""
    given: Sequence[ViewingFields]
    if extra and "viewings" in extra:
        given = extra["viewings"]  # type: ignore[assignment]
    elif fields.get("watched") or fields.get("watched_on") is not None:
        if fields.get("watched_on") is None and known:
            return ()
        given = ({"watched_on": fields.get("watched_on")},)
    else:
        return ()
    have = Counter(v.watched_on for v in known)
    missing: list[ViewingFields] = []
    for viewing in given:
        day = viewing.get("watched_on")
        if have[day]:
            have[day] -= 1
        else:
            missing.append(viewing)
    return tuple(missing)


# Exports of other services: what the user added in filmdesk (tags, notes) is kept beside
# what the export brings, never replaced by it (filmdesk's own files are taken as they are).
_OTHER_SERVICES = frozenset({"letterboxd", "imdb"})


def _kept_with(film: FilmRecord, fields: FilmFields) -> FilmFields:
    """``fields`` from another service's export, with the film's own tags and notes kept: its
    tags plus the export's, its notes plus each paragraph of the export's it lacks."""
    merged: dict[str, object] = dict(fields)
    if "tags" in fields:
        have = {fold(t) for t in film.tags}
        merged["tags"] = [*film.tags, *(t for t in fields["tags"] if fold(t) not in have)]
    if "notes" in fields and film.notes:
        incoming = fields["notes"]
        if incoming and incoming not in film.notes:
            extra = [p for p in incoming.split("\n\n") if p.strip() and p not in film.notes]
            merged["notes"] = "\n\n".join([film.notes, *extra]) if extra else film.notes
        else:
            merged["notes"] = film.notes
    return merged  # type: ignore[return-value]


def _placeholders(
    known: Sequence[ViewingRecord], missing: Sequence[ViewingFields]
) -> tuple[ViewingRecord, ...]:
    """The film's viewings that only said "watched, day not known" (no day, rating or note),
    which the file's dated viewings now tell: one for each dated viewing coming in."""
    dated = sum(1 for v in missing if v.get("watched_on") is not None)
    blank = [v for v in known if v.watched_on is None and v.rating is None and not v.note]
    return tuple(blank[:dated])


def _changes_list(
    catalog: Catalog,
    item: IncomingList,
    plan: ImportPlan,
    known: Mapping[str, ScreeningListSummary],
) -> bool:
    """Whether importing ``item`` would change the catalog's screening lists (a list of that
    name missing, one of its films not in it, or an empty audience or description filled).
    Called when the import adds no film, so every entry's film is one the plan matched.
    ``known``: the catalog's lists by ``name_key``."""
    summary = known.get(name_key(item.name))
    if summary is None:
        return True
    if (item.audience and not summary.audience) or (item.description and not summary.description):
        return True
    present = set(catalog.lists.get(summary.id).film_ids)
    for entry in item.entries:
        ref = plan.same_refs.get(entry.ref, entry.ref)
        film_id = plan.matched_refs.get(ref)
        if film_id is not None and film_id not in present:
            return True
    return False


def _file_of(extra: Mapping[str, object] | None, path: Path) -> str:
    """The file a film was read from: the one inside a ZIP or folder where the reader says."""
    inner = extra.get("file") if extra else None
    return inner if isinstance(inner, str) and inner else str(path)


def _key(title: str, year: int | None) -> tuple[str, int | None]:
    return (" ".join(fold(title).split()), year)


def _current(film: FilmRecord, name: str) -> object:
    value = getattr(film, name)
    if name == "tags":
        return sorted(fold(t) for t in value)
    return list(value) if isinstance(value, tuple) else value


def _incoming(fields: FilmFields, name: str) -> object:
    value = fields[name]  # type: ignore[literal-required]
    if name == "tags":
        return sorted(fold(t) for t in value)
    return value


def _read(path: Path, file_format: str, progress: Progress | None) -> tuple[FileContents, str]:
    """What the file holds, read in its format (``auto``: the one its contents say).

    Every reader turns what is wrong with a file into problems or one UnreadableFileError.
    An error none of them expected still ends here as a refusal that changes nothing
    (``UnexpectedReadError``), never as a traceback: the last safety net, and a bug to fix.
    """
    try:
        chosen = detect_format(path) if file_format == "auto" else file_format
        return import_format(chosen).read(path, progress), chosen
    except (UnreadableFileError, ImportCancelled):
        raise
    except MemoryError:
        raise UnreadableFileError(
            [Problem(str(path), None, None, "is too large to read in the memory available")]
        ) from None
    except Exception as exc:
        raise UnexpectedReadError(path) from exc


@collector_paused()
def plan_import(
    catalog: Catalog, path: Path, file_format: str = "auto", progress: Progress | None = None
) -> ImportPlan:
    """Read a file and work out what importing it would change; writes nothing.

    ``progress(done, total)`` is called now and then (lines of a CSV); it may raise
    ImportCancelled.
    """
    path = Path(path)
    if file_format != "auto":
        import_format(file_format)  # UnknownFormatError (a ValueError): not about the file
    contents, chosen = _read(path, file_format, progress)
    plan = ImportPlan(
        source=path,
        format=chosen,
        problems=list(contents.problems),
        notices=list(contents.notices),
        collections=list(contents.collections),
        lists=list(contents.lists),
        posters=dict(contents.posters),
        searches=list(contents.searches),
    )
    films = contents.films

    existing = catalog.films.all()
    by_seed = {f.seed_key: f for f in existing if f.seed_key}
    by_imdb = {f.imdb_id: f for f in existing if f.imdb_id}
    by_letterboxd = {f.letterboxd_uri: f for f in existing if f.letterboxd_uri}
    by_title: dict[tuple[str, int | None], FilmRecord] = {}
    for film in existing:
        by_title.setdefault(_key(film.title, film.year), film)
        if film.original_title:
            by_title.setdefault(_key(film.original_title, film.year), film)

    batch = FilmBatch.of(films)
    if not existing:
        # Nothing to match (a first import): every film is new unless the file repeats one.
        identities = [
            imdb_id or letterboxd_uri or _key(title, year)
            for title, year, imdb_id, letterboxd_uri in zip(
                batch.column("title"),
                batch.column("year"),
                batch.column("imdb_id"),
                batch.column("letterboxd_uri"),
                strict=True,
            )
        ]
        if len(set(identities)) == len(identities):
            plan.new = batch
            return plan
    refs = batch.refs()
    extras = batch.extras()
    new_positions: list[int] = []
    seen: dict[object, tuple[str, int]] = {}  # identity -> (file, line) of its first row
    first_at: dict[object, int] = {}
    claimed_by: dict[int, str] = {}  # film id -> the Letterboxd URI of the row that matched it
    viewings: dict[int, tuple[ViewingRecord, ...]] | None = None  # read at the first match
    posters: dict[int, str] | None = None  # the catalog's films' posters, read when needed
    for position, (line, title, year, original, imdb_id, letterboxd_uri) in enumerate(
        zip(
            batch.lines,
            batch.column("title"),
            batch.column("year"),
            batch.column("original_title"),
            batch.column("imdb_id"),
            batch.column("letterboxd_uri"),
            strict=True,
        )
    ):
        extra = extras[position]
        seed_key = extra.get("seed_key") if extra else None
        match = (
            (by_seed.get(str(seed_key)) if seed_key else None)
            or (by_imdb.get(imdb_id) if imdb_id else None)
            or (by_letterboxd.get(letterboxd_uri) if letterboxd_uri else None)
        )
        title_key = _key(title, year) if by_title or not (imdb_id or letterboxd_uri) else None
        if match is None and by_title:
            candidate = by_title.get(title_key)  # type: ignore[arg-type]
            if candidate is None and original:
                candidate = by_title.get(_key(original, year))
            # Same title and year but another IMDb or Letterboxd film (remakes, namesakes):
            # not the same film.
            if candidate is not None and not (
                (imdb_id and candidate.imdb_id and candidate.imdb_id != imdb_id)
                or (
                    letterboxd_uri
                    and candidate.letterboxd_uri
                    and candidate.letterboxd_uri != letterboxd_uri
                )
            ):
                match = candidate
            # A film the file already matched by title to another Letterboxd film (two
            # namesakes of one year, the catalog's without a URI): this one is a film of its own.
            if (
                match is not None
                and letterboxd_uri
                and match.id in seen
                and claimed_by.get(match.id, letterboxd_uri) != letterboxd_uri
            ):
                match = None
        identity: object = match.id if match else imdb_id or letterboxd_uri or title_key
        if identity in seen:
            if refs[position] is not None:  # lists may name it either way
                if match is not None:
                    plan.matched_refs[refs[position]] = match.id
                elif (first := refs[first_at[identity]]) is not None:
                    plan.same_refs[refs[position]] = first
            first_file, first_line = seen[identity]
            file = _file_of(extra, path)
            earlier = (
                f"line {first_line}" if first_file == file else f"{first_file}, line {first_line}"
            )
            plan.problems.append(
                Problem(file, line, None, f"repeats the film of {earlier}", film=title)
            )
            continue
        seen[identity] = (_file_of(extra, path), line)
        first_at[identity] = position
        if match is not None and letterboxd_uri:
            claimed_by[match.id] = letterboxd_uri
        if match is None:
            new_positions.append(position)
            continue
        if refs[position] is not None:
            plan.matched_refs[refs[position]] = match.id
        fields = batch[position].fields
        if chosen in _OTHER_SERVICES:
            fields = _kept_with(match, fields)
        # Watched and its date follow the viewings: the file's come in as viewings the film
        # lacks (an import never takes a viewing away).
        changed: FilmFields = {  # type: ignore[assignment]
            name: value
            for name, value in fields.items()
            if name not in _WATCH_FIELDS and _incoming(fields, name) != _current(match, name)
        }
        if viewings is None:
            viewings = catalog.films.viewings_of()
        known = viewings.get(match.id, ())
        missing = _missing_viewings(fields, extra, known)
        # A backup's poster is taken as its other fields are (null: no poster); a file
        # without posters leaves the film's alone.
        poster_changed = False
        if extra and "poster" in extra:
            if posters is None:
                posters = catalog.posters.of_films()
            poster_changed = extra["poster"] != posters.get(match.id)
        if changed or missing or poster_changed:
            extra_of_update: dict[str, object] = {}
            if missing:
                extra_of_update["viewings"] = missing
                extra_of_update["replaces"] = _placeholders(known, missing)
            if poster_changed:
                assert extra is not None
                extra_of_update["poster"] = extra["poster"]
            plan.updates.append((match.id, IncomingFilm(line, changed, extra=extra_of_update)))
        else:
            plan.unchanged += 1
    plan.new = batch.take(new_positions)
    if not plan.new and plan.lists:
        lists = {name_key(s.name): s for s in catalog.lists.summaries()}
        plan.lists = [item for item in plan.lists if _changes_list(catalog, item, plan, lists)]
    return plan
