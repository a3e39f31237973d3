"""Film steps for Edit › Undo: each builds the one ``OperationCommand`` (``undo.py``) around a
core operation and names the step in the interface's language."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from filmdesk.core.catalog import Catalog
from filmdesk.core.operations import Outcome
from filmdesk.core.records import FilmRecord, FilmRow
from filmdesk.core.validation import FilmFields
from filmdesk.ui.undo import NOTES_MERGE_ID, ChangeSink, OperationCommand

if TYPE_CHECKING:
    from filmdesk.core.exchange import ImportPlan
    from filmdesk.core.films.viewings import AddViewing, EditViewing, RemoveViewings
    from filmdesk.core.importing.apply import ImportResult

__all__ = [
    "NOTES_MERGE_ID",
    "add_film_step",
    "delete_films_step",
    "edit_films_step",
    "import_step",
    "viewing_step",
]


class _Plurals(QObject):
    # lupdate does not see the count in QCoreApplication.translate() calls; it does in tr().
    def delete_films(self, count: int) -> str:
        return self.tr("Delete %Ln film(s)", "", count)

    def remove_viewings(self, count: int) -> str:
        return self.tr("Remove %Ln viewing(s) of {title}", "", count)


def edit_films_step(
    text: str,
    catalog: Catalog,
    sink: ChangeSink,
    after: Mapping[int, FilmFields],
    merge_id: int = -1,
    *,
    add_tags: Sequence[str] = (),
    remove_tags: Sequence[str] = (),
    expected: Mapping[int, Mapping[str, object]] | None = None,
) -> OperationCommand:
    """Change fields of films (and add or remove tags on them); typing in one film's notes
    merges into one step (``merge_id``). ``expected``: the values the window showed, which
    someone else may have changed since (the core then refuses rather than overwrite)."""
    from filmdesk.core.films.operations import EditFilms

    operation = EditFilms(dict(after), tuple(add_tags), tuple(remove_tags), expected)
    return OperationCommand(
        text, catalog, sink, operation, merge_id=merge_id, merge_key=frozenset(after)
    )


def add_film_step(catalog: Catalog, sink: ChangeSink, fields: FilmFields) -> OperationCommand:
    """Add a film; undo deletes it, redo brings back the same film (same id)."""
    from filmdesk.core.films.operations import AddFilm

    title = str(fields.get("title", ""))
    text = (
        QCoreApplication.translate("Commands", "Add {title}").replace("{title}", title)
        if title
        else QCoreApplication.translate("Commands", "Add a film")
    )
    # Shown at once, even where the search or a sidebar entry would hide it.
    return OperationCommand(text, catalog, sink, AddFilm(fields), select_first=True)


def delete_films_step(
    catalog: Catalog, sink: ChangeSink, films: Sequence[FilmRecord | FilmRow]
) -> OperationCommand:
    """Delete films; undo restores each with every field, tag and membership."""
    from filmdesk.core.films.operations import DeleteFilms

    if len(films) == 1:
        text = QCoreApplication.translate("Commands", "Delete {title}")
        text = text.replace("{title}", films[0].title)
    else:
        text = _Plurals().delete_films(len(films))
    return OperationCommand(text, catalog, sink, DeleteFilms(tuple(f.id for f in films)))


def import_step(
    catalog: Catalog, sink: ChangeSink, plan: ImportPlan, outcome: Outcome[ImportResult]
) -> OperationCommand:
    """An import already applied (in the background); undo takes it all out in one
    transaction, redo brings it back."""
    text = QCoreApplication.translate("Commands", "Import {file}").replace(
        "{file}", plan.source.name
    )
    operation: Any = outcome.inverse  # never run forward: the outcome is reported instead
    return OperationCommand(text, catalog, sink, operation, applied=outcome)


def viewing_step(
    catalog: Catalog,
    sink: ChangeSink,
    title: str,
    operation: AddViewing | EditViewing | RemoveViewings,
) -> OperationCommand:
    """Add, edit or remove viewings of the film titled ``title``; undo puts back what was (a
    removed viewing with its note), redo the same viewings again."""
    from filmdesk.core.films.viewings import AddViewing, EditViewing

    if isinstance(operation, AddViewing):
        text = QCoreApplication.translate("Commands", "Add viewing of {title}")
    elif isinstance(operation, EditViewing):
        text = QCoreApplication.translate("Commands", "Edit viewing of {title}")
    elif len(operation.viewing_ids) == 1:
        text = QCoreApplication.translate("Commands", "Remove viewing of {title}")
    else:
        text = _Plurals().remove_viewings(len(operation.viewing_ids))
    return OperationCommand(text.replace("{title}", title), catalog, sink, operation)
