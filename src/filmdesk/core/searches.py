"""Saved searches: a query kept under a name, with the sidebar entry it searches within
(``catalog.searches``). A saved search is the user's: it is checked before it is written (a
query that does not parse is refused), undone like any change, and carried by the JSON backup.

The scope is the sidebar's choice, by name: "" (all films), "watched", "unwatched",
"tag:NAME", "collection:NAME" or "list:NAME". A collection or list renamed or deleted since
leaves the search finding nothing (``SavedSearchRecord.scope_missing`` on the films read).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from sqlalchemy import insert, select

from filmdesk.core.errors import NameTakenError
from filmdesk.core.folding import fold
from filmdesk.core.names import name_key
from filmdesk.core.operations import Changes, Operation, Outcome, Runner
from filmdesk.core.search import QueryError, field_term, parse_query
from filmdesk.core.validation import FieldProblem, ValidationError

if TYPE_CHECKING:  # (the models are imported where used: not before the window's first paint)
    from sqlalchemy.orm import Session

    from filmdesk.core.models import SavedSearch
    from filmdesk.core.transaction import Transaction

SCOPE_KINDS = ("", "watched", "unwatched", "tag", "collection", "list")
NAME_LIMIT = 200
_CHANGED = Changes(searches=True)


class SavedSearchNotFoundError(LookupError):
    """No saved search has the given name or id."""


@dataclass(frozen=True, slots=True)
class SavedSearchRecord:
    """A saved search: its name, its query and the sidebar entry it searches within."""

    id: int
    name: str
    query: str
    scope: str = ""

    @property
    def scope_kind(self) -> str:
        """ "", "watched", "unwatched", "tag", "collection" or "list"."""
        return self.scope.partition(":")[0]

    @property
    def scope_name(self) -> str:
        """The tag's, collection's or list's name ("" for the others)."""
        return self.scope.partition(":")[2]

    def to_json(self) -> dict[str, object]:
        """As ``filmdesk-cli searches --json`` prints it and the JSON backup keeps it."""
        return {"name": self.name, "query": self.query, "scope": self.scope}


@dataclass(frozen=True, slots=True)
class IncomingSearch:
    """A saved search a file brings (the JSON backup): checked when the file was read."""

    name: str
    query: str
    scope: str = ""


def merge_searches(tx: Transaction, incoming: list[IncomingSearch]) -> list[Operation[object]]:
    """Bring a file's saved searches in: a new name is saved; a name the catalog has (in any
    case) takes the file's query and scope. The operations that undo it, in order."""
    from filmdesk.core.models import SavedSearch

    undo: list[Operation[object]] = []
    for search in incoming:
        row = tx.session.scalar(select(SavedSearch).where(SavedSearch.key == name_key(search.name)))
        if row is None:
            undo.append(SaveSearch(search.name, search.query, search.scope).apply(tx).inverse)
        elif (row.query, row.scope) != (search.query, search.scope):
            fields: SearchFields = {"query": search.query, "scope": search.scope}
            undo.append(EditSearch(row.id, fields).apply(tx).inverse)
    return undo


class SearchFields(TypedDict, total=False):
    """What an edit of a saved search may change."""

    name: str
    query: str
    scope: str


def scope_of(kind: str, name: str = "") -> str:
    """The stored scope of a sidebar choice."""
    return f"{kind}:{name}" if kind in ("tag", "collection", "list") else kind


def clean_search_fields(fields: Mapping[str, object]) -> SearchFields:
    """The fields checked: a name (one line, not empty), a query the search language reads,
    a scope of a known kind. ValidationError names every field that is wrong."""
    problems: list[FieldProblem] = []
    clean: SearchFields = {}
    if "name" in fields:
        name = " ".join(str(fields["name"]).split())
        if not name:
            problems.append(FieldProblem("name", "a saved search needs a name"))
        elif len(name) > NAME_LIMIT:
            problems.append(FieldProblem("name", f"at most {NAME_LIMIT} characters"))
        clean["name"] = name
    if "query" in fields:
        query = str(fields["query"]).strip()
        try:
            parse_query(query)
        except QueryError as exc:
            problems.append(FieldProblem("query", f"search term {exc}"))
        clean["query"] = query
    if "scope" in fields:
        scope = str(fields["scope"]).strip()
        kind, _, name = scope.partition(":")
        if kind not in SCOPE_KINDS or (kind in ("tag", "collection", "list")) != bool(name):
            problems.append(FieldProblem("scope", f"{scope!r} is not a sidebar entry"))
        clean["scope"] = scope
    if problems:
        raise ValidationError(problems)
    return clean


def full_query(search: SavedSearchRecord) -> str:
    """The search's query with its scope's terms when the scope is one the query language
    says (watched, not watched, a tag); a collection or list is ``film_ids``'s."""
    kind, name = search.scope_kind, search.scope_name
    extra = {"watched": "watched:yes", "unwatched": "watched:no"}.get(kind, "")
    if kind == "tag":
        extra = field_term("tag", name)
    return " ".join(part for part in (extra, search.query) if part)


def _record(row: SavedSearch) -> SavedSearchRecord:
    return SavedSearchRecord(row.id, row.name, row.query or "", row.scope or "")


def _check_name_free(session: Session, name: str, own_id: int | None) -> None:
    from filmdesk.core.models import SavedSearch

    key = name_key(name)
    other = session.scalar(select(SavedSearch).where(SavedSearch.key == key))
    if other is not None and other.id != own_id:
        raise NameTakenError(f"saved search name: {name!r} is taken ({other.name!r})")


def _load(session: Session, search_id: int) -> SavedSearch:
    from filmdesk.core.models import SavedSearch

    row = session.get(SavedSearch, search_id)
    if row is None:
        raise SavedSearchNotFoundError(f"no saved search with id {search_id}")
    return row


@dataclass(frozen=True)
class SaveSearch(Operation[SavedSearchRecord]):
    """Keep a search under a name (unique regardless of case). Undone by deleting it."""

    name: str
    query: str
    scope: str = ""

    def apply(self, tx: Transaction) -> Outcome[SavedSearchRecord]:
        from filmdesk.core.models import SavedSearch

        clean = clean_search_fields({"name": self.name, "query": self.query, "scope": self.scope})
        _check_name_free(tx.session, clean["name"], None)
        row = SavedSearch(
            name=clean["name"],
            key=name_key(clean["name"]),
            query=clean["query"],
            scope=clean["scope"],
        )
        tx.session.add(row)
        tx.session.flush()
        record = _record(row)
        return Outcome(record, DeleteSearch(record.id), _CHANGED)


@dataclass(frozen=True)
class EditSearch(Operation[SavedSearchRecord]):
    """Rename a saved search, or change its query or scope. Undone by putting them back."""

    search_id: int
    fields: SearchFields

    def apply(self, tx: Transaction) -> Outcome[SavedSearchRecord]:
        row = _load(tx.session, self.search_id)
        clean = clean_search_fields(self.fields)
        before = _record(row)
        if "name" in clean:
            _check_name_free(tx.session, clean["name"], row.id)
            row.name, row.key = clean["name"], name_key(clean["name"])
        if "query" in clean:
            row.query = clean["query"]
        if "scope" in clean:
            row.scope = clean["scope"]
        tx.session.flush()
        undo: SearchFields = {"name": before.name, "query": before.query, "scope": before.scope}
        return Outcome(_record(row), EditSearch(row.id, undo), _CHANGED)


@dataclass(frozen=True)
class DeleteSearch(Operation[SavedSearchRecord]):
    """Delete a saved search (no film changes). Undone by ``RestoreSearch``."""

    search_id: int

    def apply(self, tx: Transaction) -> Outcome[SavedSearchRecord]:
        row = _load(tx.session, self.search_id)
        record = _record(row)
        tx.session.delete(row)
        tx.session.flush()
        return Outcome(record, RestoreSearch(record), _CHANGED)


@dataclass(frozen=True)
class RestoreSearch(Operation[SavedSearchRecord]):
    """Bring a deleted saved search back as it was, with its id. Undone by deleting it."""

    search: SavedSearchRecord

    def apply(self, tx: Transaction) -> Outcome[SavedSearchRecord]:
        from filmdesk.core.models import SavedSearch

        found = self.search
        _check_name_free(tx.session, found.name, None)
        tx.session.execute(
            insert(SavedSearch).values(
                id=found.id, name=found.name, key=name_key(found.name), query=found.query,
                scope=found.scope,
            )
        )  # fmt: skip
        return Outcome(found, DeleteSearch(found.id), _CHANGED)


class SearchService:
    """The saved searches of one catalog (``catalog.searches``)."""

    def __init__(self, sessions: Callable[[], Session], run: Runner) -> None:
        self._sessions = sessions
        self._run = run

    def all(self) -> list[SavedSearchRecord]:
        """Every saved search, by name (as the core folds names)."""
        from filmdesk.core.models import SavedSearch

        with self._sessions() as session:
            rows = [_record(row) for row in session.scalars(select(SavedSearch))]
        return sorted(rows, key=lambda r: (fold(r.name), r.id))

    def find(self, search_id: int) -> SavedSearchRecord | None:
        """The saved search with this id, or None (deleted since, by another window)."""
        from filmdesk.core.models import SavedSearch

        with self._sessions() as session:
            row = session.get(SavedSearch, search_id)
            return None if row is None else _record(row)

    def resolve(self, reference: str) -> SavedSearchRecord:
        """The saved search of this name (any case, ё as е) or id; SavedSearchNotFoundError."""
        wanted = name_key(reference)
        every = self.all()
        for found in every:
            if name_key(found.name) == wanted:
                return found
        text = reference.strip()
        if text.isascii() and text.isdigit():
            for found in every:
                if found.id == int(text):
                    return found
        raise SavedSearchNotFoundError(f"no saved search named {reference!r}")

    def film_ids(self, search: SavedSearchRecord) -> list[int] | None:
        """The films a collection or list scope holds (None: the scope is not a group; []
        when the group is gone). Tags and watched are terms of ``full_query``."""
        from filmdesk.core.models import Collection, CollectionFilm, ListEntry, ScreeningList

        kind, name = search.scope_kind, search.scope_name
        if kind not in ("collection", "list"):
            return None
        groups = select(Collection.id, Collection.name)
        members = select(CollectionFilm.film_id).order_by(CollectionFilm.position)
        group = CollectionFilm.collection_id
        if kind == "list":
            groups = select(ScreeningList.id, ScreeningList.name)
            members = select(ListEntry.film_id).order_by(ListEntry.position)
            group = ListEntry.list_id
        with self._sessions() as session:
            for group_id, group_name in session.execute(groups):
                if name_key(group_name) == name_key(name):
                    group = (
                        CollectionFilm.collection_id if kind == "collection" else ListEntry.list_id
                    )
                    return list(session.scalars(members.where(group == group_id)))
        return []

    def save(self, name: str, query: str, scope: str = "") -> SavedSearchRecord:
        """Keep a search under a name."""
        return self._run(SaveSearch(name, query, scope)).result

    def edit(self, search_id: int, fields: SearchFields) -> SavedSearchRecord:
        """Rename a saved search or change its query or scope."""
        return self._run(EditSearch(search_id, fields)).result

    def delete(self, search_id: int) -> SavedSearchRecord:
        """Delete a saved search."""
        return self._run(DeleteSearch(search_id)).result
