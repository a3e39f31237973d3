"""Import and export: one module per format, shared by the window and the command line.

Every import is planned first (``plan_import``: what is new, what changes, every problem with
its file, line and field), then applied in one transaction (``Catalog.apply_import``) or not at
all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, overload

from filmdesk.core.fields import FIELD_NAMES, INPUT_FIELDS
from filmdesk.core.posters.images import PosterImage
from filmdesk.core.searches import IncomingSearch
from filmdesk.core.validation import EntryFields, FilmFields

MAX_SAID = 300  # characters of a value a message repeats (a title, a cell, a column name)


# Characters a message never passes on as they are: control characters (a terminal would run
# an escape sequence), line breaks (a message is one line), and the marks that turn text
# around (U+202E would make a file name read backwards). Each is written as its escape.
_UNSEEN = {
    code: f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}"
    for code in (
        *range(0x00, 0x20),
        *range(0x7F, 0xA0),
        0x061C, 0x200E, 0x200F, 0x2028, 0x2029,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    )
}  # fmt: skip


def shortened(text: str, limit: int = MAX_SAID) -> str:
    """``text`` as a message may repeat it: control characters and line breaks written out as
    escapes (``\\x1b``), and at most ``limit`` characters, its middle left out (with "…") when
    it is longer, so that one huge cell never makes a huge message."""
    if len(text) <= limit:
        text = _visible(text)
        if len(text) <= limit:
            return text
    keep = limit - 1
    tail = keep // 3
    head = keep - tail
    # (Each end written out, then cut again: an escape is longer than what it stands for.)
    return _visible(text[:head])[:head] + "…" + (_visible(text[-tail:])[-tail:] if tail else "")


def _visible(text: str) -> str:
    return text if text.isprintable() else text.translate(_UNSEEN)


@dataclass(frozen=True)
class Problem:
    """Something wrong in an input file, and where.

    Readers repeat the values they could not read; a message, a field and a film's name are
    kept short enough to read (``shortened``), whatever the file holds.
    """

    file: str
    line: int | None
    field: str | None
    message: str
    film: str | None = None  # the film's name as the row gives it, where there is one

    def __post_init__(self) -> None:
        # (Frozen: set as dataclasses do.) A file's name may come from inside a ZIP.
        object.__setattr__(self, "file", shortened(self.file, 4 * MAX_SAID))
        object.__setattr__(self, "message", shortened(self.message, 4 * MAX_SAID))
        if self.field is not None:
            object.__setattr__(self, "field", shortened(self.field, MAX_SAID // 3))
        if self.film is not None:
            object.__setattr__(self, "film", shortened(self.film, MAX_SAID // 3))

    def __str__(self) -> str:
        where = _where(self.file, self.line, self.film)
        if self.field:
            where += f", {self.field}"
        return f"{where}: {self.message}"


def _where(file: str, line: int | None, film: str | None) -> str:
    """Where a problem or a notice is: "file, line 3 (Film)"."""
    where = file if line is None else f"{file}, line {line}"
    return f"{where} ({film})" if film else where


@dataclass(frozen=True)
class Notice:
    """A row left out, or read differently, by design: listed in the dry run, never blocking.

    ``left_out`` says which: True for a row that is not imported (a TV series, a film the user
    deleted on Letterboxd, a like of someone else's review), False for a note on a row that is
    imported all the same (a film Letterboxd no longer has, brought in by name; dates read
    month first because none of the file's dates settles it). ``file`` names the file (inside a
    ZIP too), ``film`` the film's name as the row gives it.
    """

    file: str
    line: int | None
    film: str | None
    message: str
    left_out: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "file", shortened(self.file, 4 * MAX_SAID))
        object.__setattr__(self, "message", shortened(self.message, 4 * MAX_SAID))
        if self.film is not None:
            object.__setattr__(self, "film", shortened(self.film, MAX_SAID // 3))

    def __str__(self) -> str:
        return f"{_where(self.file, self.line, self.film)}: {self.message}"


class UnreadableFileError(ValueError):
    """The file cannot be imported at all; nothing was changed. ``problems`` says why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems[:5]))


class UnexpectedReadError(UnreadableFileError):
    """The last safety net: reading the file raised an error no reader expected.

    The user is told the file cannot be read and nothing was changed, as for any unreadable
    file; the error itself is the ``__cause__``. It is a bug to fix (the fuzzer reports it as
    one): each reader turns what is wrong with a file into problems of its own.
    """

    def __init__(self, path: object) -> None:
        super().__init__(
            [
                Problem(
                    str(path),
                    None,
                    None,
                    "cannot be read: filmdesk met something in it that it does not understand "
                    "(nothing was changed; please report this with the file)",
                )
            ]
        )


# What a new film gets for a field its file does not give: the field's empty value.
FIELD_DEFAULTS: dict[str, object] = {field.name: field.empty for field in INPUT_FIELDS}


class IncomingFilm:
    """One film read from a file: its fields and where it came from.

    Made either from a dict of the fields the file gives, or (large CSV files) from a tuple of
    every field in ``FIELD_NAMES`` order plus the names the file gives, so that no dict is
    built per film unless someone asks for ``fields``. ``ref`` is the film's id inside the file
    (collections refer to it); ``extra`` holds what a lossless backup restores for a new film
    besides its fields (seed key, timestamps).
    """

    __slots__ = ("_fields", "_given", "_values", "extra", "line", "ref")

    def __init__(
        self,
        line: int,
        fields: FilmFields | None = None,
        ref: object = None,
        extra: dict[str, object] | None = None,
        *,
        values: tuple[object, ...] | None = None,
        given: frozenset[str] = frozenset(),
    ) -> None:
        self.line = line
        self.ref = ref
        self.extra = extra if extra is not None else {}
        self._fields = fields
        self._values = values
        self._given = given

    @property
    def fields(self) -> FilmFields:
        """The fields the file gives for this film."""
        if self._fields is None:
            assert self._values is not None
            given = self._given
            self._fields = {  # type: ignore[assignment]
                name: value
                for name, value in zip(FIELD_NAMES, self._values, strict=True)
                if name in given
            }
        return self._fields  # type: ignore[return-value]

    @property
    def values(self) -> tuple[object, ...]:
        """Every field in ``FIELD_NAMES`` order, defaults for those the file does not give."""
        if self._values is None:
            fields: dict[str, object] = self._fields  # type: ignore[assignment]
            self._values = tuple(
                fields.get(name, default) for name, default in FIELD_DEFAULTS.items()
            )
        return self._values

    def __repr__(self) -> str:
        return f"IncomingFilm(line={self.line}, fields={self.fields!r})"


class FilmBatch(Sequence[IncomingFilm]):
    """Films read from one file, kept column by column.

    A large CSV file becomes one list per field instead of a dict per film, and the catalog
    inserts the columns as they are. Indexing still gives an ``IncomingFilm``.
    """

    __slots__ = ("_columns", "_extras", "_given", "_lines", "_refs")

    def __init__(
        self,
        columns: Mapping[str, Sequence[object]],
        lines: Sequence[int],
        given: frozenset[str] | Sequence[frozenset[str]],
        refs: Sequence[object] | None = None,
        extras: Sequence[dict[str, object] | None] | None = None,
    ) -> None:
        self._columns = {name: columns[name] for name in FIELD_NAMES}
        self._lines = lines
        self._given = given
        self._refs = refs
        self._extras = extras

    @classmethod
    def of(cls, films: Sequence[IncomingFilm]) -> FilmBatch:
        """A batch of films read one by one (each may give other fields)."""
        if isinstance(films, FilmBatch):
            return films
        if not films:
            return cls({name: [] for name in FIELD_NAMES}, [], frozenset())
        # Which fields each film gives (an update changes only those); one set for all when
        # they agree, as in a CSV file.
        givens = [frozenset(film.fields) for film in films]
        given: frozenset[str] | list[frozenset[str]] = (
            givens[0] if all(g == givens[0] for g in givens) else givens
        )
        columns = zip(*(film.values for film in films), strict=True)
        return cls(
            dict(zip(FIELD_NAMES, columns, strict=True)),
            [film.line for film in films],
            given,
            [film.ref for film in films],
            [film.extra for film in films],
        )

    def column(self, name: str) -> Sequence[Any]:
        """One field of every film (its default where the file does not give it)."""
        return self._columns[name]

    @property
    def lines(self) -> Sequence[int]:
        """The line (or item number) each film was read from."""
        return self._lines

    def refs(self) -> Sequence[object]:
        """Each film's id inside its file (None where it has none)."""
        return self._refs if self._refs is not None else [None] * len(self._lines)

    def extras(self) -> Sequence[dict[str, object] | None]:
        """What a backup restores for each film besides its fields (None where nothing)."""
        return self._extras if self._extras is not None else [None] * len(self._lines)

    def take(self, positions: Sequence[int]) -> FilmBatch:
        """The films at ``positions`` (increasing, no repeats), in that order."""
        if len(positions) == len(self):  # every one of them
            return self

        def pick(values: Sequence[Any]) -> list[Any]:
            return [values[at] for at in positions]

        return FilmBatch(
            {name: pick(values) for name, values in self._columns.items()},
            pick(self._lines),
            self._given if isinstance(self._given, frozenset) else pick(self._given),
            None if self._refs is None else pick(self._refs),
            None if self._extras is None else pick(self._extras),
        )

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> IncomingFilm: ...

    @overload
    def __getitem__(self, index: slice) -> FilmBatch: ...

    def __getitem__(self, index: int | slice) -> IncomingFilm | FilmBatch:
        if isinstance(index, slice):
            return FilmBatch(
                {name: values[index] for name, values in self._columns.items()},
                self._lines[index],
                self._given if isinstance(self._given, frozenset) else self._given[index],
                None if self._refs is None else self._refs[index],
                None if self._extras is None else self._extras[index],
            )
        values = tuple(column[index] for column in self._columns.values())
        given = self._given if isinstance(self._given, frozenset) else self._given[index]
        film = IncomingFilm(self._lines[index], values=values, given=given)
        if self._refs is not None:
            film.ref = self._refs[index]
        if self._extras is not None and self._extras[index]:
            film.extra = self._extras[index]  # type: ignore[assignment]
        return film


@dataclass(frozen=True)
class IncomingComment:
    """A comment on a collection read from a backup, with its dates (None: now)."""

    text: str
    created_at: datetime | None = None
    updated_at: datetime | None = None
    author: str = ""


@dataclass(frozen=True)
class IncomingCollection:
    """A collection read from a file, its films given by their refs in the file."""

    name: str
    description: str
    source: str
    seed_key: str | None
    film_refs: tuple[object, ...]
    rating: float | None = None
    comments: tuple[IncomingComment, ...] = ()


@dataclass(frozen=True)
class IncomingEntry:
    """One entry of a screening list read from a file: its film's ref and its fields."""

    ref: object
    fields: EntryFields = field(default_factory=lambda: EntryFields())


@dataclass(frozen=True)
class IncomingList:
    """A screening list read from a file (a backup, a Letterboxd list), entries in order."""

    name: str
    audience: str = ""
    description: str = ""
    entries: tuple[IncomingEntry, ...] = ()


@dataclass
class ImportPlan:
    """What an import would do. Nothing is written until it is applied."""

    source: Path
    format: str
    new: FilmBatch = field(default_factory=lambda: FilmBatch.of([]))
    updates: list[tuple[int, IncomingFilm]] = field(default_factory=list)  # (film id, fields)
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    # Rows left out by design, and notes on rows read differently: said, never a reason to
    # refuse the file.
    notices: list[Notice] = field(default_factory=list)
    collections: list[IncomingCollection] = field(default_factory=list)
    lists: list[IncomingList] = field(default_factory=list)
    matched_refs: dict[object, int] = field(default_factory=dict)  # file ref -> film id
    # A repeated new film's ref -> the ref of its first appearance (which is imported).
    same_refs: dict[object, object] = field(default_factory=dict)
    # The posters the file's films name (a backup's), by hash; a film's is its
    # ``extra["poster"]``.
    posters: dict[str, PosterImage] = field(default_factory=dict)
    # The saved searches a backup brings (new names are saved, known ones take its query).
    searches: list[IncomingSearch] = field(default_factory=list)

    def left_out(self) -> list[Notice]:
        """The notices about rows that are not imported."""
        return [notice for notice in self.notices if notice.left_out]

    def notes(self) -> list[Notice]:
        """The notices about rows that are imported, read as the notice says."""
        return [notice for notice in self.notices if not notice.left_out]

    def summary(self) -> str:
        """One line: how many films are new, updated, unchanged, how many problems, rows left
        out by design and notes, and the screening lists the file brings."""
        text = (
            f"{len(self.new)} new, {len(self.updates)} updated, {self.unchanged} unchanged, "
            f"{len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}"
        )
        left_out, notes = len(self.left_out()), len(self.notes())
        if left_out:
            text += f", {left_out} left out by design"
        if notes:
            text += f", {notes} note{'s' if notes != 1 else ''}"
        if self.lists:
            names = ", ".join(
                f"{x.name!r} ({len(x.entries)} film{'s' if len(x.entries) != 1 else ''})"
                for x in self.lists[:3]
            )
            more = f" and {len(self.lists) - 3} more" if len(self.lists) > 3 else ""
            plural = "s" if len(self.lists) != 1 else ""
            text += f"; screening list{plural} {names}{more}"
        return text
