"""Films: reading them (one, many, all, searched) and changing them through operations."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import SQLAlchemyError

from filmdesk.core.collector import collector_paused
from filmdesk.core.db import engine_read_only, snapshot, writing_if_free
from filmdesk.core.errors import AmbiguousFilmError, FilmNotFoundError
from filmdesk.core.film_columns import FilmColumns
from filmdesk.core.films import bulk
from filmdesk.core.folding import fold
from filmdesk.core.operations import Runner
from filmdesk.core.records import (
    CatalogStats,
    DeletedFilm,
    FilmPieces,
    FilmRecord,
    TagCount,
    ViewingRecord,
)
from filmdesk.core.rows import aware, film_record
from filmdesk.core.search import SearchIndex, parse_query
from filmdesk.core.sorting import sort_films
from filmdesk.core.validation import FilmFields, ViewingFields

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# What reads films in bulk (the table, exports, search texts, counts) is plain SQL. The ORM
# (the models, the operations) is imported by the methods that use it: the window's first
# paint does without it (see ``Catalog``).

T = TypeVar("T")
PIECE = 10_000  # films read at a time for an export (``read_in_pieces``)


class FilmService:
    """The films of one catalog (``catalog.films``)."""

    def __init__(self, engine: Engine, sessions: Callable[[], Session], run: Runner) -> None:
        self._engine = engine
        self._sessions = sessions
        self._run = run

    # --- reading ------------------------------------------------------------------------

    @collector_paused()
    def all(self, *, timestamps: bool = False) -> list[FilmRecord]:
        """Every film, in id order, as records (two queries, however many films).

        Records carry created/updated timestamps only when asked (reading them costs time).
        """
        values = self.values()
        if not timestamps:
            return [FilmRecord(*film) for film in values]
        from filmdesk.core.models import Film

        with self._engine.connect() as conn:
            stamps = {
                film_id: (aware(created), aware(changed))
                for film_id, created, changed in conn.execute(
                    select(Film.id, Film.created_at, Film.updated_at)
                )
            }
        no_stamps = (None, None)
        return [
            FilmRecord(*film, *stamps.get(film[0], no_stamps))  # type: ignore[call-arg]
            for film in values
        ]

    def values(self, film_ids: Sequence[int] | None = None) -> list[tuple[Any, ...]]:
        """Films as plain tuples in FilmRecord's field order, without the timestamps
        (``FilmRecord(*values)`` makes the record). See ``columns``."""
        return list(zip(*self.columns(film_ids).values(), strict=True))

    def columns(self, film_ids: Sequence[int] | None = None) -> dict[str, list[Any]]:
        """Films column by column: FilmRecord's field names (but the timestamps) -> values.

        For exports of many films, where a record for each would cost more than writing the
        file. In id order, or in the order of ``film_ids`` (a missing id raises
        FilmNotFoundError). Equal names, tag sets and dates are shared between films.
        """
        return bulk.film_columns(self._engine, film_ids)

    def read_in_pieces(
        self,
        film_ids: Sequence[int] | None,
        use: Callable[[FilmPieces], T],
        size: int = PIECE,
    ) -> T:
        """``use(pieces)``: the films of ``film_ids`` (None: every film, in id order), their
        columns and viewings read ``size`` films at a time while ``use`` goes through them,
        all in one snapshot of the catalog (what another program changes meanwhile is not
        seen). A million films' export holds one piece in memory, not every film."""
        with snapshot(self._engine) as conn:
            ids = bulk.all_film_ids(conn) if film_ids is None else list(film_ids)

            def pieces() -> Iterator[tuple[dict[str, list[Any]], dict[int, Any]]]:
                from filmdesk.core.films.viewings import viewings_of

                names = bulk.NameCache()  # (equal names and dates shared across pieces)
                for start in range(0, len(ids), size):
                    piece = ids[start : start + size]
                    yield bulk.read_columns(conn, piece, names), viewings_of(conn, piece)

            return use(FilmPieces(len(ids), pieces()))

    def rows(self) -> FilmColumns:
        """Every film as a lean row (what the table needs), in id order; fast for 100,000."""
        return bulk.film_rows(self._engine, "ORDER BY films.id")

    def first_rows(self, limit: int) -> FilmColumns:
        """The first ``limit`` films in title order: enough to show a window at once."""
        return bulk.film_rows(
            self._engine,
            f"ORDER BY films.sort_title, films.id LIMIT {int(limit)}",
            f"IN (SELECT id FROM films ORDER BY sort_title, id LIMIT {int(limit)})",
        )

    def viewed_months(self, film_ids: Iterable[int] | None = None) -> dict[int, tuple[int, ...]]:
        """The months each film was watched in, as ``FilmRow.viewed_months`` holds them
        (YYYYMM numbers in order); films never watched on a known day are left out. For a
        row made again from a changed film's record (``FilmRow.of``)."""
        with self._engine.connect() as conn:
            if film_ids is None:
                return bulk.viewed_months(conn)
            found: dict[int, tuple[int, ...]] = {}
            for condition in bulk.id_conditions(list(film_ids)):
                found |= bulk.viewed_months(conn, condition)
            return found

    def search_texts(self, after_id: int = 0, limit: int = 5000) -> list[tuple[int, str]]:
        """(id, search text) of up to ``limit`` films with ids above ``after_id``, in id order:
        each film's folded words, as search reads them (``search.text_parts``).

        The catalog keeps them (``models.film_search_texts``). Those it has not (films added or
        changed since, or kept by other folding rules) are made here from the catalog and
        kept, in a write transaction of their own (writers take turns, and on PostgreSQL the
        films are locked against other programs' changes until the texts are in); when another
        writer holds the catalog, or it is read-only, they are made and not kept (the next
        start keeps them). A film deleted meanwhile comes with an empty text.
        """
        with self._engine.connect() as conn:
            kept = bulk.search_texts(conn, after_id, limit)
        missing = [film_id for film_id, text in kept if text is None]
        if not missing:
            return kept  # type: ignore[return-value]
        made = self._make_search_texts(missing)
        return [(film_id, text or made.get(film_id, "")) for film_id, text in kept]

    def _make_search_texts(self, film_ids: list[int]) -> dict[int, str]:
        if not engine_read_only(self._engine):
            # Busy, full, or not ours to write (the driver's own errors: the bulk reads and
            # writes go to its cursor): made again, and kept, at a later start.
            failures = (SQLAlchemyError, OSError, self._engine.dialect.loaded_dbapi.Error)
            try:
                with writing_if_free(self._engine) as conn:
                    bulk.lock_films(conn, film_ids)
                    made = bulk.make_search_texts(conn, film_ids)
                    bulk.keep_search_texts(conn, made)
                return made
            except failures:
                pass
        with self._engine.connect() as conn:
            return bulk.make_search_texts(conn, film_ids)

    def get(self, film_id: int) -> FilmRecord:
        """The film with this id; raises FilmNotFoundError."""
        from filmdesk.core.films.editing import load_film

        with self._sessions() as session:
            return film_record(load_film(session, film_id))

    def get_many(self, film_ids: Iterable[int]) -> list[FilmRecord]:
        """Several films by id, in the order asked; FilmNotFoundError for a missing one."""
        from sqlalchemy.orm import selectinload

        from filmdesk.core.models import Film

        ids = list(film_ids)
        with self._sessions() as session:
            found = {
                f.id: film_record(f)
                for f in session.scalars(
                    select(Film).where(Film.id.in_(ids)).options(selectinload(Film.tags))
                )
            }
        missing = [i for i in ids if i not in found]
        if missing:
            raise FilmNotFoundError(f"no film with id {missing[0]}")
        return [found[i] for i in ids]

    def records(self, film_ids: Sequence[int]) -> list[FilmRecord]:
        """Films by id in the order asked, read in bulk and without their timestamps: for
        showing thousands of films at once (an import), where ``get_many`` reads each one
        through the ORM. FilmNotFoundError for a missing one."""
        records = [FilmRecord(*film) for film in self.values(film_ids)]
        # (The poster is no film field: the columns leave it out.)
        posters = bulk.poster_hashes(self._engine, film_ids)
        if not posters:
            return records
        return [replace(r, poster=posters[r.id]) if r.id in posters else r for r in records]

    def search(self, query: str = "", sort: str = "title") -> list[FilmRecord]:
        """Films matching the search query (see ``filmdesk.core.search``), sorted.

        Raises ``QueryError`` for a term it cannot understand and ``ValueError`` for an
        unknown sort field, before reading anything.
        """
        parsed = parse_query(query)
        sort_films((), sort)  # validate the sort spec up front
        films = self.all()
        if not parsed.is_empty:
            months = self.viewed_months() if parsed.uses_viewings else None
            films = [films[i] for i in parsed.run(SearchIndex.of(films, viewed_months=months))]
        return sort_films(films, sort)

    def resolve(self, reference: str) -> FilmRecord:
        """A film named by numeric id or exact title (any case; original title also accepted).

        Raises FilmNotFoundError, or AmbiguousFilmError listing the candidates.
        """
        text = reference.strip()
        if text.isascii() and text.isdigit():
            try:
                return self.get(int(text))
            except FilmNotFoundError:
                pass
        wanted = fold(" ".join(text.split()))
        films = self.all()
        for attribute in ("title", "original_title", "display_title"):
            matches = [f for f in films if fold(getattr(f, attribute)) == wanted]
            if len(matches) == 1:
                return matches[0]
            if matches:
                raise AmbiguousFilmError(reference, matches)
        raise FilmNotFoundError(f"no film with the id or title {reference!r}")

    def viewings(self, film_id: int) -> tuple[ViewingRecord, ...]:
        """A film's viewings in the order they happened (undated ones first);
        FilmNotFoundError."""
        from filmdesk.core.films.editing import load_film
        from filmdesk.core.films.viewings import viewings_of

        with self._sessions() as session:
            load_film(session, film_id)
            return viewings_of(session, [film_id])[film_id]

    def viewings_of(
        self, film_ids: Iterable[int] | None = None
    ) -> dict[int, tuple[ViewingRecord, ...]]:
        """The viewings of many films (of every film with some when ``film_ids`` is None), by
        film, each in the order they happened."""
        from filmdesk.core.films.viewings import all_viewings, viewings_of

        with self._sessions() as session:
            if film_ids is None:
                return all_viewings(session)
            return viewings_of(session, film_ids)

    def tag_counts(self) -> list[TagCount]:
        """Every tag with the number of films carrying it, by name."""
        with self._engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT tags.name, count(film_tags.film_id) FROM tags"
                    " JOIN film_tags ON film_tags.tag_id = tags.id GROUP BY tags.id, tags.name"
                )
            ).all()
        return sorted((TagCount(name, count) for name, count in rows), key=lambda t: fold(t.name))

    def more_than(self, count: int) -> bool:
        """The catalog holds more than ``count`` films (read from an index: no counting of
        watched and rated films, as ``stats`` does, over 100,000 films' rows)."""
        with self._engine.connect() as conn:
            found = conn.execute(
                text("SELECT id FROM films ORDER BY id LIMIT 1 OFFSET :count"),
                {"count": int(count)},
            ).first()
        return found is not None

    def stats(self) -> CatalogStats:
        """How many films there are, watched and rated."""
        with self._engine.connect() as conn:
            films, watched, rated = conn.execute(
                text(
                    "SELECT count(id), count(CASE WHEN watched THEN 1 END),"
                    " count(rating_half_stars) FROM films"
                )
            ).one()
        return CatalogStats(films=films, watched=watched, rated=rated)

    # --- changing (each an operation, in one transaction) --------------------------------

    def add(self, fields: FilmFields) -> FilmRecord:
        """Add a film; ``title`` is required. Returns the stored film."""
        from filmdesk.core.films.operations import AddFilm

        return self._run(AddFilm(fields)).result

    def edit(
        self,
        film_id: int,
        fields: FilmFields,
        *,
        add_tags: Iterable[str] = (),
        remove_tags: Iterable[str] = (),
    ) -> FilmRecord:
        """Change any of a film's fields in one step; all are validated before any is written.

        ``add_tags`` and ``remove_tags`` adjust the tags (after ``fields["tags"]``, if given).
        """
        from filmdesk.core.films.operations import EditFilms

        operation = EditFilms({film_id: fields}, tuple(add_tags), tuple(remove_tags))
        return self._run(operation).result[0]

    def edit_many(self, changes: Mapping[int, FilmFields]) -> list[FilmRecord]:
        """Apply different field changes to several films in one transaction (all or none)."""
        from filmdesk.core.films.operations import EditFilms

        return self._run(EditFilms(dict(changes))).result

    def change_tags(
        self, film_ids: Iterable[int], add: Iterable[str] = (), remove: Iterable[str] = ()
    ) -> list[FilmRecord]:
        """Add and remove tags on several films in one transaction."""
        from filmdesk.core.films.operations import change_tags

        return self._run(change_tags(film_ids, add, remove)).result

    def rate(self, film_id: int, rating: float | None) -> FilmRecord:
        """Set (or with None, clear) the user's rating in half stars, 0.5 to 5."""
        return self.edit(film_id, {"rating": rating})

    def set_watched(self, film_id: int, watched: bool, on: date | None = None) -> FilmRecord:
        """Mark a film watched (optionally on a date) or not watched (which clears the date)."""
        fields: FilmFields = {"watched": watched}
        if watched and on is not None:
            fields["watched_on"] = on
        return self.edit(film_id, fields)

    def add_viewing(self, film_id: int, fields: ViewingFields) -> ViewingRecord:
        """Record that the film was watched (on ``watched_on``, None: day not known), with the
        rating given then, rewatch and a note. Without ``rewatch``, it is one when the film
        has an earlier viewing."""
        from filmdesk.core.films.viewings import AddViewing

        return self._run(AddViewing(film_id, fields)).result

    def edit_viewing(self, viewing_id: int, fields: ViewingFields) -> ViewingRecord:
        """Change a viewing's date, rating, rewatch or note."""
        from filmdesk.core.films.viewings import EditViewing

        return self._run(EditViewing(viewing_id, fields)).result

    def remove_viewings(self, viewing_ids: Iterable[int]) -> list[ViewingRecord]:
        """Remove viewings; the film is no longer watched when its last one goes."""
        from filmdesk.core.films.viewings import RemoveViewings

        return self._run(RemoveViewings(tuple(viewing_ids))).result

    def set_notes(self, film_id: int, notes: str) -> FilmRecord:
        """Replace the user's notes on a film."""
        return self.edit(film_id, {"notes": notes})

    def set_tags(self, film_id: int, tags: Iterable[str]) -> FilmRecord:
        """Replace a film's tags."""
        return self.edit(film_id, {"tags": list(tags)})

    def delete(self, film_id: int) -> FilmRecord:
        """Delete a film and return it as it was."""
        return self.delete_many([film_id])[0].film

    def delete_many(self, film_ids: Iterable[int]) -> list[DeletedFilm]:
        """Delete films in one transaction; returns what ``restore`` needs to undo it.

        The films leave their collections and screening lists, which close up behind them.
        """
        from filmdesk.core.films.operations import DeleteFilms

        return self._run(DeleteFilms(tuple(film_ids))).result

    def restore(self, deleted: Iterable[DeletedFilm]) -> list[FilmRecord]:
        """Bring deleted films back as they were: same id, every field, tags, and their places
        in collections and screening lists where those still exist."""
        from filmdesk.core.films.operations import RestoreFilms

        return self._run(RestoreFilms(tuple(deleted))).result
