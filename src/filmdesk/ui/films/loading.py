"""Reading the catalog into the film table: a big catalog shows its first page at once and
reads the rest once that page is on screen; search texts and sort orders follow in small steps."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from filmdesk.core.catalog import Catalog
from filmdesk.core.collector import collect_and_set_aside, collector_paused, look_again
from filmdesk.ui.films.film_order import Column
from filmdesk.ui.films.film_table_model import FilmTableModel

# Above this many films, the window first shows one page and then reads the rest.
FIRST_PAGE_THRESHOLD = 5000
FIRST_PAGE = 200


class FilmLoader(QObject):
    """Fills a ``FilmTableModel`` from the catalog."""

    first_page_shown = Signal()  # a big catalog's first page is in the model, all to follow
    reading_all = Signal()  # every film is about to be read (what is shown is as of now)
    loaded = Signal()  # every film is in the model
    prepared = Signal()  # every film can be searched and sorted by any column

    def __init__(self, catalog: Catalog, model: FilmTableModel, parent: QObject | None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.model = model
        self._loading = False
        self._text_timer = QTimer(self)
        self._text_timer.setInterval(0)
        self._text_timer.timeout.connect(self._load_texts_step)

    def load(self, *, first_page_only: bool) -> None:
        """Read the films; with ``first_page_only`` (the window not shown yet), a big catalog
        in title order reads one page now and the rest at ``finish``."""
        column, order = self.model.sort_state()
        if (
            first_page_only
            and column is Column.TITLE
            and order == Qt.SortOrder.AscendingOrder
            and self.catalog.films.more_than(FIRST_PAGE_THRESHOLD)
        ):
            self._loading = True
            self.model.set_films(self.catalog.films.first_rows(FIRST_PAGE))
            self.first_page_shown.emit()
            return
        self.finish()

    @Slot()
    def finish(self) -> None:
        """Read every film (after the first page has been painted)."""
        self.reading_all.emit()
        with collector_paused():  # (100,000 films are millions of objects, none garbage)
            self.model.set_films(self.catalog.films.rows(), self.catalog.films.search_texts)
        self._loading = False
        self.loaded.emit()
        # Notes and descriptions become searchable in small steps once the window is up.
        self._text_timer.start()

    def prepare_again(self) -> None:
        """Films were added many at once: make them searchable in steps, as at start."""
        if not self._text_timer.isActive():
            look_again()  # (what is set aside is not collected; the catalog changed)
            self._text_timer.start()

    def is_loading(self) -> bool:
        """True while a big catalog shows only its first page."""
        return self._loading

    def is_preparing(self) -> bool:
        """True while search texts and sort orders are still being prepared after start."""
        return self._text_timer.isActive()

    @Slot()
    def _load_texts_step(self) -> None:
        # First what search needs, then the order of every column, a piece at a time.
        if self.model.load_texts_step() and self.model.prepare_sorting_step():
            self._text_timer.stop()
            # The catalog now lives in memory for good: keep the cyclic garbage collector from
            # walking it again and again (a pause on a random keystroke at 100,000 films).
            collect_and_set_aside()
            self.prepared.emit()
