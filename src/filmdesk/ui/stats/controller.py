"""What the statistics page shows and what its clicks mean: it counts for the sidebar's
choice and the period picked, again when either changes, and a moment after the catalog
changes (only while shown: a hidden page counts when it is shown next)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from filmdesk.core.catalog import Catalog
from filmdesk.core.operations import Changes
from filmdesk.core.search import field_term
from filmdesk.core.stats import Statistics

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from filmdesk.ui.stats.page import StatsPage

FOLLOW_DELAY_MS = 200  # a burst of changes (typing notes, an import) counts once


def query_for(kind: str, key: object, year: int | None) -> str:
    """The search that shows the films behind an entry of the page: a bar or a list's row.
    With a year picked, only the films watched in it (``watched:2024 rating:4.5``)."""
    if kind == "month":
        return f"watched:{key}"
    if kind == "year":
        return f"watched:{key}"
    period = f"watched:{year} " if year is not None else ""
    if kind == "rating":
        return f"{period}rating:{key}"
    if kind == "decade":
        start = int(str(key).removesuffix("s"))
        return f"{period}year:{start}..{start + 9}"
    if kind in ("director", "country", "tag"):
        return period + field_term(kind, str(key))
    raise ValueError(f"no search for {kind}")


class StatsController(QObject):
    """Owns the statistics page (made when first shown: matplotlib is imported then)."""

    search_requested = Signal(str)  # show the films this search finds (in the sidebar's scope)
    film_requested = Signal(int)  # show this film

    def __init__(
        self,
        catalog: Catalog,
        scope: Callable[[], Iterable[int] | None],
        scope_name: Callable[[], str],
        years: Callable[[], Iterable[int]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self._scope = scope
        self._scope_name = scope_name
        self._viewed_years = years  # (read from the table's rows: no second count for them)
        self.page: StatsPage | None = None
        self.year: int | None = None
        self.statistics: Statistics | None = None
        self._shown = False
        self._stale = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FOLLOW_DELAY_MS)
        self._timer.timeout.connect(self.recompute)

    def open(self) -> QWidget:
        """The page, counted for now (made the first time)."""
        if self.page is None:
            from filmdesk.ui.stats.page import StatsPage

            self.page = StatsPage()
            self.page.year_chosen.connect(self.choose_year)
            self.page.entry_clicked.connect(self._entry_clicked)
        self._shown = True
        if self._stale:
            self.recompute()
        return self.page

    def close(self) -> None:
        """The page is hidden: changes are counted when it is shown again."""
        self._shown = False
        self._timer.stop()

    def is_shown(self) -> bool:
        """Whether the page is the one shown."""
        return self._shown

    @Slot(object)
    def choose_year(self, year: int | None) -> None:
        """Count for this year (None: all time)."""
        self.year = year
        self.recompute()

    def scope_changed(self) -> None:
        """The sidebar's choice changed: count for it (now if shown, else when shown)."""
        self._stale = True
        if self._shown:
            self.recompute()

    def apply_changes(self, changes: Changes) -> None:
        """Anything changed: count again a moment later if shown, else when next shown."""
        if changes.is_empty:
            return
        self._stale = True
        if self._shown:
            self._timer.start()

    @Slot()
    def recompute(self) -> None:
        """Count and show the figures of the scope and period now."""
        self._timer.stop()
        if self.page is None:
            return
        scope = self._scope()
        film_ids = None if scope is None else list(scope)
        stats = self.catalog.stats.compute(year=self.year, film_ids=film_ids)
        self.statistics = stats
        self._stale = False
        self.page.set_years(sorted(set(self._viewed_years())), self.year)
        self.page.show_statistics(stats, self._scope_name())

    @Slot(str, object)
    def _entry_clicked(self, kind: str, key: object) -> None:
        if kind == "film":
            self.film_requested.emit(int(str(key)))
        else:
            self.search_requested.emit(query_for(kind, key, self.year))

    def redraw(self) -> None:
        """Draw the charts in the palette of now."""
        if self.page is not None:
            self.page.redraw()
