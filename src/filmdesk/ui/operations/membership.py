"""The film table's Add to ▸ menu: collections and screening lists to put films in, new ones,
and Remove from the collection shown."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from filmdesk.core.records import CollectionRecord
from filmdesk.ui.operations.collections import CollectionOperations
from filmdesk.ui.operations.context import quoted
from filmdesk.ui.operations.lists import ListOperations


class Membership(QObject):
    """Builds Add to ▸ for the films chosen in the table."""

    def __init__(self, collections: CollectionOperations, lists: ListOperations) -> None:
        super().__init__(collections)
        self.collections = collections
        self.lists = lists
        self.catalog = collections.catalog

    def add_film_menu(
        self, menu: QMenu, film_ids: Sequence[int], shown: CollectionRecord | None
    ) -> None:
        """Add to ▸ (collections, lists, new ones) and Remove from the collection ``shown``."""
        if not film_ids:
            return
        ids = list(film_ids)
        menu.addSeparator()
        add_to = menu.addMenu(self.tr("Add to"))
        add_to.setObjectName("addToMenu")
        # Where the films are already is ticked (and cannot be chosen again).
        add_to.addSection(self.tr("Collections"))
        for collection in self.catalog.collections.all():
            action = add_to.addAction(collection.name)
            action.triggered.connect(
                lambda _=False, c=collection.id: self.collections.add_films(c, ids)
            )
            if set(ids) <= set(collection.film_ids):
                action.setCheckable(True)
                action.setChecked(True)
                action.setEnabled(False)
        add_to.addAction(self.tr("New collection…"), lambda: self.collections.new_collection(ids))
        add_to.addSection(self.tr("Screening lists"))
        in_lists = self.catalog.lists.holding_all(ids)
        for summary in self.catalog.lists.summaries():
            action = add_to.addAction(summary.name)
            action.triggered.connect(lambda _=False, s=summary.id: self.lists.add_films(s, ids))
            if summary.id in in_lists:
                action.setCheckable(True)
                action.setChecked(True)
                action.setEnabled(False)
        add_to.addAction(self.tr("New screening list…"), lambda: self.lists.new_list(ids))
        if shown is not None:
            menu.addAction(
                self.tr("Remove from {name}").replace("{name}", quoted(shown.name)),
                lambda: self.collections.remove_films(shown, ids),
            )
