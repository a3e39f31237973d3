"""What the sidebar shows, read from the catalog, and kept current from ``Changes``."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QSettings, QTimer, Slot

from filmdesk.core.catalog import Catalog
from filmdesk.core.operations import Changes
from filmdesk.core.records import TagCount
from filmdesk.core.searches import SavedSearchRecord
from filmdesk.ui.sidebar.sidebar import Sidebar

# Films and watched films when the film table knows them at no cost (None: ask the catalog).
LibraryCounts = Callable[[], tuple[int, int] | None]
# How many films each saved search finds (the film table answers from memory; None: it has not
# read every film yet, and the counts come once it has).
SavedCounts = Callable[[Sequence[SavedSearchRecord]], dict[int, int] | None]


class SidebarController(QObject):
    """Fills a ``Sidebar`` and refreshes it after each change."""

    def __init__(
        self,
        catalog: Catalog,
        sidebar: Sidebar,
        library_counts: LibraryCounts,
        saved_counts: SavedCounts | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.sidebar = sidebar
        self._library_counts = library_counts
        self._saved_counts = saved_counts
        self._saved: list[tuple[SavedSearchRecord, int]] | None = None
        self._counts: tuple[tuple[int, int, int], list[TagCount]] | None = None
        # Film edits come in runs (notes saved as one types): count once they pause.
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(50)
        self._count_timer.timeout.connect(self.refresh)
        self._closed = False
        self._started = False

    @staticmethod
    def chosen(settings: QSettings) -> tuple[str, object]:
        """The entry chosen when the window last closed, as ``select`` takes it: ("all", None)
        when none (or one no longer understood) was."""
        kind, _, key = str(settings.value("sidebar/selected", "all:")).partition(":")
        if kind in ("collection", "list", "saved") and key.isdigit():
            return kind, int(key)
        if kind == "tag" and key:
            return kind, key
        if kind in ("watched", "unwatched"):
            return kind, None
        return "all", None

    def start(self, settings: QSettings) -> None:
        """Fill the sidebar and choose the entry chosen when the window last closed."""
        if self._closed:
            return
        self.refresh()
        self._started = True
        kind, key = self.chosen(settings)
        if kind != "all" and not self.sidebar.select(kind, key):
            # Gone since (another program's change): the films, which may have been shown
            # by it before the first paint, follow the entry the sidebar holds.
            self.sidebar.entry_selected.emit(*self.sidebar.selected())

    def save_state(self, settings: QSettings) -> None:
        """Remember the entry chosen; nothing before the sidebar is filled (a window closed
        before its first paint): the one remembered stays."""
        if not self._started:
            return
        kind, key = self.sidebar.selected()
        settings.setValue("sidebar/selected", f"{kind}:{'' if key is None else key}")

    def shut_down(self) -> None:
        """Read nothing more (the window closes; the catalog goes next): a count waiting for
        edits to pause, or the first filling of a big catalog's sidebar, is dropped."""
        self._closed = True
        self._count_timer.stop()

    @Slot()
    def refresh(self, *, counts: bool = True) -> None:
        """Read the entries again; ``counts`` False keeps the library's and the tags' counts
        (a change to lists or collections only)."""
        if self._closed:
            return
        if counts or self._counts is None:
            known = self._library_counts()
            if known is None:
                stats = self.catalog.films.stats()
                known = (stats.films, stats.watched)
            total, watched = known
            self._counts = ((total, watched, total - watched), self.catalog.films.tag_counts())
        if counts or self._saved is None:
            self._saved = self._count_saved()
        library, tags = self._counts
        scroll = self.sidebar.tree.verticalScrollBar().value()
        self.sidebar.populate(
            library,
            self.catalog.collections.all(),
            self.catalog.lists.summaries(),
            tags,
            self._saved,
        )
        self.sidebar.tree.verticalScrollBar().setValue(scroll)

    def _count_saved(self) -> list[tuple[SavedSearchRecord, int]]:
        searches = self.catalog.searches.all()
        counts = self._saved_counts(searches) if self._saved_counts is not None else None
        return [(s, (counts or {}).get(s.id, 0)) for s in searches]

    def apply_changes(self, changes: Changes) -> None:
        """Collections and lists at once; the counts of films and tags after a pause."""
        if changes.touches_groups or changes.searches:
            self._saved = None  # (a saved search within a collection or list counts again)
            self.refresh(counts=False)
            kind, key = self.sidebar.selected()
            if changes.searches and kind == "saved":
                self.sidebar.entry_selected.emit(kind, key)  # its films, as it finds them now
        if changes.touches_films or changes.tags:
            self._count_timer.start()

    def reveal(self, changes: Changes) -> None:
        """Select the collection or list a step made or changed (undo and redo show it).

        Not those that films added or deleted joined or left on the way: undoing the delete
        of a film stays where the user is, instead of opening a collection it was in."""
        by_the_way = bool(changes.films_added or changes.films_removed)
        for kind, added, changed in (
            ("collection", changes.collections_added, changes.collections_changed),
            ("list", changes.lists_added, changes.lists_changed),
        ):
            ids = added if by_the_way else added | changed
            for key in sorted(ids):
                if self.sidebar.select(kind, key):
                    return
