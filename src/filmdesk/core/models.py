"""The ORM model of the catalog.

Portable across SQLite and PostgreSQL: no SQLite-only types or defaults. Lists of names
(directors, countries) are JSON arrays: they have no identity of their own and are always read
and written whole. Tags are a table because they are shared, counted and completed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    mapped_column,
    relationship,
    validates,
)

from filmdesk.core.sorting import title_sort_key

# Explicit constraint names keep migrations deterministic on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time in UTC, used for created/updated timestamps."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base with the naming convention above."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


film_tags = Table(
    "film_tags",
    Base.metadata,
    Column("film_id", ForeignKey("films.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
    sqlite_with_rowid=False,  # (migration 0005) the primary key is the table: one B-tree
)

# What search reads of each film (its folded words: ``filmdesk.core.search``), kept so that a
# window need not fold 100,000 films' texts again at every start. A cache: a row is made by
# the first window that folds the film's text, and triggers (migration 0012) delete it when
# the title, original title, directors, notes, description or tags change, whoever changes
# them; a film without a row has its text folded again.
film_search_texts = Table(
    "film_search_texts",
    Base.metadata,
    Column("film_id", ForeignKey("films.id", ondelete="CASCADE"), primary_key=True),
    Column("text", Text, nullable=False),
)


class Film(Base):
    """A film in the catalog: curated facts plus the user's own annotations."""

    __tablename__ = "films"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Stable key of a film that came from the shipped seed; seed updates match on it.
    seed_key: Mapped[str | None] = mapped_column(String(200), unique=True)

    title: Mapped[str] = mapped_column(String(500))
    # The title as it sorts (folded, no leading article); kept in step with ``title`` below.
    sort_title: Mapped[str] = mapped_column(String(500), default="", server_default="")
    original_title: Mapped[str] = mapped_column(String(500), default="")
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    directors: Mapped[list[str]] = mapped_column(JSON, default=list)
    countries: Mapped[list[str]] = mapped_column(JSON, default=list)
    runtime_minutes: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")
    fact: Mapped[str] = mapped_column(Text, default="")
    trailer_url: Mapped[str] = mapped_column(String(2000), default="")
    availability_note: Mapped[str] = mapped_column(Text, default="")
    availability_checked_on: Mapped[date | None] = mapped_column(Date)
    imdb_id: Mapped[str | None] = mapped_column(String(20), index=True)
    letterboxd_uri: Mapped[str | None] = mapped_column(String(500), index=True)

    # The user's own fields. Rating is stored in half stars (1..10) so it is always exact.
    rating_half_stars: Mapped[int | None] = mapped_column(SmallInteger)
    watched: Mapped[bool] = mapped_column(Boolean, default=False)
    watched_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    # The film's poster (``posters.hash``), or None.
    poster_hash: Mapped[str | None] = mapped_column(ForeignKey("posters.hash"), index=True)

    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    tags: Mapped[list[Tag]] = relationship(secondary=film_tags, back_populates="films")
    memberships: Mapped[list[CollectionFilm]] = relationship(
        back_populates="film", cascade="all, delete-orphan", passive_deletes=True
    )
    list_entries: Mapped[list[ListEntry]] = relationship(
        back_populates="film", cascade="all, delete-orphan", passive_deletes=True
    )
    viewings: Mapped[list[Viewing]] = relationship(
        back_populates="film", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (Index("ix_films_sort_title", "sort_title", "id"),)

    @validates("title")
    def _keep_sort_title(self, _key: str, title: str) -> str:
        self.sort_title = title_sort_key(title)
        return title


class Poster(Base):
    """A poster image, kept once per content under the sha256 of its bytes (films that show
    the same picture share it). JPEG or PNG, at most 1000 pixels on the long side
    (``filmdesk.core.posters.images``). Kept in the catalog so it travels with it: in its
    backups, a copy, a shared catalog. A poster no film shows is dropped when filmdesk next
    opens the catalog alone (an undo in the meantime may still need it)."""

    __tablename__ = "posters"

    hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    format: Mapped[str] = mapped_column(String(10))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    # Read only when asked for: a poster's size and kind are read without its bytes.
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Viewing(Base):
    """One time the user watched a film: the day (or none known), the rating given then,
    whether it was a rewatch, and a note (a Letterboxd review comes in here).

    The film's ``watched`` and ``watched_on`` follow from its viewings (watched when it has
    any; the latest date); they are kept on the film so the table reads them with the film.
    """

    __tablename__ = "viewings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    film_id: Mapped[int] = mapped_column(ForeignKey("films.id", ondelete="CASCADE"))
    watched_on: Mapped[date | None] = mapped_column(Date, index=True)
    rating_half_stars: Mapped[int | None] = mapped_column(SmallInteger)
    rewatch: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")

    film: Mapped[Film] = relationship(back_populates="viewings")

    # A film's viewings, and (holding both columns: no lookup in the table) every film's
    # months watched in order, read at start for the search's ``watched:2024-03`` (migration
    # 0012; it replaced an index on the film alone).
    __table_args__ = (Index("ix_viewings_film_id_watched_on", "film_id", "watched_on"),)


class Tag(Base):
    """A user tag. Names are unique regardless of case (``key`` is the folded name)."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(200), unique=True)

    films: Mapped[list[Film]] = relationship(secondary=film_tags, back_populates="tags")


class Collection(Base):
    """A named, described group of films, such as the curated collection the app ships with."""

    __tablename__ = "collections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seed_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(500), default="")
    # The user's rating of the collection as a whole, in half stars (1..10) like a film's.
    rating_half_stars: Mapped[int | None] = mapped_column(SmallInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    entries: Mapped[list[CollectionFilm]] = relationship(
        back_populates="collection",
        cascade="all, delete-orphan",
        order_by="CollectionFilm.position",
        passive_deletes=True,
    )
    comments: Mapped[list[CollectionComment]] = relationship(
        back_populates="collection", cascade="all, delete-orphan", passive_deletes=True
    )


class CollectionFilm(Base):
    """Membership of a film in a collection, in the collection's order (``position`` runs
    1..n without gaps, as in screening lists)."""

    __tablename__ = "collection_films"

    collection_id: Mapped[int] = mapped_column(
        ForeignKey("collections.id", ondelete="CASCADE"), primary_key=True
    )
    film_id: Mapped[int] = mapped_column(
        ForeignKey("films.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=1)

    collection: Mapped[Collection] = relationship(back_populates="entries")
    film: Mapped[Film] = relationship(back_populates="memberships")


class CollectionComment(Base):
    """A dated comment the user wrote on a collection."""

    __tablename__ = "collection_comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    collection_id: Mapped[int] = mapped_column(
        ForeignKey("collections.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    # Who wrote it on a shared catalog ("" for a local catalog's one user).
    author: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    collection: Mapped[Collection] = relationship(back_populates="comments")


class ScreeningList(Base):
    """A teacher's (or a film club's) ordered programme of films for an audience."""

    __tablename__ = "screening_lists"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    audience: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    entries: Mapped[list[ListEntry]] = relationship(
        back_populates="screening_list",
        cascade="all, delete-orphan",
        order_by="ListEntry.position",
        passive_deletes=True,
    )


class ListEntry(Base):
    """A film's place in a screening list: when it is shown, the teacher's note, and whether
    it has been screened (a log of the screening, apart from the user's own "watched").

    ``position`` runs 1..n without gaps within a list. ``scheduled_at`` is a naive local
    wall-clock time (the time on the classroom clock, no time zone); 00:00 means "that day".
    """

    __tablename__ = "list_entries"

    list_id: Mapped[int] = mapped_column(
        ForeignKey("screening_lists.id", ondelete="CASCADE"), primary_key=True
    )
    film_id: Mapped[int] = mapped_column(
        ForeignKey("films.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    scheduled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=False))
    note: Mapped[str] = mapped_column(Text, default="")
    screened: Mapped[bool] = mapped_column(Boolean, default=False)
    screened_on: Mapped[date | None] = mapped_column(Date)

    screening_list: Mapped[ScreeningList] = relationship(back_populates="entries")
    film: Mapped[Film] = relationship(back_populates="list_entries")


class SavedSearch(Base):
    """A search the user keeps under a name, with the sidebar entry it searches within.

    ``scope`` is what the sidebar had chosen: "" (all films), "watched", "unwatched",
    "tag:NAME", "collection:NAME" or "list:NAME" (names, not ids: a backup carries it to another
    catalog). ``key`` is the folded name: names are unique regardless of case.
    """

    __tablename__ = "saved_searches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(200), unique=True)
    query: Mapped[str] = mapped_column(Text, default="")
    scope: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SeedRecord(Base):
    """Every seed item ever applied to this catalog, with the values it last set.

    A key that is here but whose film is gone was deleted by the user and is not brought back.
    ``applied`` holds the curated values the seed last wrote, so an update only overwrites a
    field the user has not changed since.
    """

    __tablename__ = "seed_records"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    applied: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    seed_version: Mapped[int] = mapped_column(Integer)
    applied_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CatalogMeta(Base):
    """Small key/value facts about the catalog itself (e.g. the digest of the last seed applied)."""

    __tablename__ = "catalog_meta"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
