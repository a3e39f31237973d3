"""What the statistics page shows and what its clicks mean: it counts for the sidebar's
choice and the period picked, again when either changes, and a moment after the catalog
changes (only while shown: a hidden page counts when it is shown next).

Counting and matplotlib's import run in the background (``StatsBackground``): the page shows
at once, with the figures of the last count while a new one runs, and its charts once
matplotlib is in. Figures counted for a scope and period stay good until the catalog
changes, so going back to the page shows them without counting again; someone who has used
the page before gets matplotlib imported and the figures counted once the window is idle
(``warm_up``), so the page opens at once for them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QSettings, QTimer, Signal, Slot
from sqlalchemy.exc import SQLAlchemyError

from filmdesk.core.catalog import Catalog
from filmdesk.core.errors import database_reason
from filmdesk.core.operations import Changes
from filmdesk.core.search import field_term
from filmdesk.ui.stats.background import StatsBackground

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from filmdesk.core.stats import Statistics
    from filmdesk.ui.stats.page import StatsPage

FOLLOW_DELAY_MS = 200  # a burst of changes (typing notes, an import) counts once
WARM_UP_DELAY_MS = 1500  # after the window became idle, for someone who has used the page
QUIET_S = 1.0  # each step of the warm-up waits until the user has not typed or scrolled for this
USED = "statistics/used"  # the setting: the page has been opened (in any session)

# What a count is of: the year (None: all time), the films (None: every film) and the sidebar
# entry they are (two entries can hold the same films: each has its own heading).
_Key = tuple[int | None, frozenset[int] | None, str]


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
    """Owns the statistics page (made when first shown) and its counts."""

    search_requested = Signal(str)  # show the films this search finds (in the sidebar's scope)
    film_requested = Signal(int)  # show this film
    count_failed = Signal(str)  # the figures could not be counted: why, in words

    def __init__(
        self,
        catalog: Catalog,
        scope: Callable[[], Iterable[int] | None],
        scope_name: Callable[[], str],
        years: Callable[[], Iterable[int]],
        settings: QSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.settings = settings
        self._scope = scope
        self._scope_name = scope_name
        self._viewed_years = years  # (read from the table's rows: no second count for them)
        self._years: list[int] | None = None  # the picker's years, until the films change
        self.page: StatsPage | None = None
        self.year: int | None = None
        self.statistics: Statistics | None = None  # the last count
        self._counted_for: _Key | None = None  # what it is of
        self._changes = 0  # how many times the catalog changed: a count made before is stale
        self._counted_at = -1  # ``_changes`` when the last count started
        self._ticket: int | None = None  # the count running that is still wanted
        self._asked: tuple[_Key, int] | None = None  # what it counts, and since which change
        self._shown = False
        self._warming = False  # ``warm_up`` has started and the page is not made yet
        self._active_at = 0.0  # when the user last typed, scrolled or chose (time.monotonic)
        self._closed = False  # the window is closing: nothing more is started
        self._warm_up_timer = QTimer(self)  # (the window idle: the warm-up a moment later)
        self._warm_up_timer.setSingleShot(True)
        self._warm_up_timer.setInterval(WARM_UP_DELAY_MS)
        self._warm_up_timer.timeout.connect(lambda: self._when_quiet(self.warm_up))
        self.background = StatsBackground(self)
        self.background.counted.connect(self._counted)
        self.background.count_failed.connect(self._failed)
        self.background.charts_ready.connect(self._charts_ready)
        self.background.charts_failed.connect(self._charts_failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FOLLOW_DELAY_MS)
        self._timer.timeout.connect(self.recompute)

    def open(self) -> QWidget:
        """The page, with the figures of now (counted if they are not known yet)."""
        if self.page is None:
            self._warming = False  # (made now: what the warm-up has done is used as it comes)
        page = self._made_page()
        if not page.charts():
            if (charts := self.background.charts()) is not None:
                page.add_charts(charts)
            else:
                self.background.import_charts()
        self._shown = True
        if self.settings.value(USED) != "true":
            self.settings.setValue(USED, "true")
        self.recompute()
        return page

    def _made_page(self) -> StatsPage:
        if self.page is None:
            from filmdesk.ui.stats.page import StatsPage

            self.page = StatsPage()
            self.page.year_chosen.connect(self.choose_year)
            self.page.entry_clicked.connect(self._entry_clicked)
        return self.page

    @Slot()
    def window_idle(self) -> None:
        """The window has every film ready: warm up a moment later if the page was used."""
        if self.settings.value(USED) == "true" and self.page is None and not self._closed:
            self._warm_up_timer.start()

    def warm_up_waiting(self) -> bool:
        """Whether the warm-up is due once the window has been idle a moment."""
        return self._warm_up_timer.isActive()

    @Slot()
    def note_activity(self) -> None:
        """The user typed, scrolled or chose something: the warm-up waits for a pause."""
        self._active_at = time.monotonic()

    def _when_quiet(self, action: Callable[[], None]) -> None:
        """Run ``action`` once the user has paused for QUIET_S (now, if they have)."""
        if self._closed:
            return
        wait = QUIET_S - (time.monotonic() - self._active_at)
        if wait > 0 and not self._shown:
            QTimer.singleShot(int(wait * 1000) + 1, lambda: self._when_quiet(action))
        else:
            action()

    @Slot()
    def warm_up(self) -> None:
        """Import matplotlib and count the page's figures in the background, then make the
        page with its charts (hidden, a piece at a time between events), so that it opens at
        once (for someone who has used it: matplotlib takes memory)."""
        if self.page is not None or self._warming or self._closed:
            return
        self._warming = True
        self.background.import_charts()
        if self._ticket is None and not self._is_current(self._key()):
            self._count(self._key())
        self._build_ahead()

    def _build_ahead(self) -> None:
        """Once the import and the count are back: the page with its figures, then each chart
        drawn after the events waiting (a key typed meanwhile is not kept waiting long)."""
        charts = self.background.charts()
        if not self._warming or self.page is not None or charts is None or self._ticket is not None:
            return
        self._when_quiet(lambda: self._make_ahead(charts))

    def _make_ahead(self, charts: ModuleType) -> None:
        if self.page is not None:  # (opened meanwhile)
            self._warming = False
            return
        statistics = self.statistics
        assert statistics is not None
        page = self._made_page()
        page.add_charts(charts)
        name = self._counted_for[2] if self._counted_for is not None else ""
        page.show_statistics(statistics, name, charts=False)
        steps = iter(page.chart_steps(statistics, QLocale()))

        def next_step() -> None:
            if self._closed:
                return
            if self._shown:  # opened meanwhile: the rest is drawn now
                for draw in steps:
                    draw()
            step = next(steps, None)
            if step is None:
                self._warming = False
                return
            step()
            QTimer.singleShot(0, lambda: self._when_quiet(next_step))

        QTimer.singleShot(0, lambda: self._when_quiet(next_step))

    def close(self) -> None:
        """The page is hidden: changes are counted when it is shown again."""
        self._shown = False
        self._timer.stop()

    def shut_down(self) -> None:
        """Start nothing more and wait for the work in the background (the window closes; the
        catalog goes next): a count under way ends first (a second at most, at 100,000)."""
        self._closed = True
        self._timer.stop()
        self._warm_up_timer.stop()
        self._warming = False
        self.background.wait()

    def is_shown(self) -> bool:
        """Whether the page is the one shown."""
        return self._shown

    def is_settled(self) -> bool:
        """Whether nothing is being counted or imported (for tests and benchmarks)."""
        return not (self.background.is_busy() or self._timer.isActive() or self._warming)

    @Slot(object)
    def choose_year(self, year: int | None) -> None:
        """Count for this year (None: all time)."""
        self.year = year
        self.recompute()

    def scope_changed(self) -> None:
        """The sidebar's choice changed: count for it (now if shown, else when shown)."""
        self._years = None
        if self._shown:
            self.recompute()

    def reread(self) -> None:
        """The catalog may have changed in ways no ``Changes`` said: count again."""
        self._changes += 1
        self.scope_changed()

    def apply_changes(self, changes: Changes) -> None:
        """Anything changed: count again a moment later if shown, else when next shown."""
        if changes.is_empty:
            return
        self._changes += 1
        self._years = None
        if self._shown:
            self._timer.start()

    @Slot()
    def recompute(self) -> None:
        """Show the figures of the scope and period of now: those counted if still good,
        else the last ones while they are counted again."""
        self._timer.stop()
        if self.page is None:
            return
        if self._years is None:  # (a pass over every row: not again for a year picked)
            self._years = sorted(set(self._viewed_years()))
        self.page.set_years(self._years, self.year)
        key = self._key()
        if self._is_current(key):
            self._ticket = None  # (a count for something else, asked since, is not wanted)
            self._show(self.statistics)
            return
        asked = self._asked
        if self._ticket is None or asked is None or asked != (key, self._changes):
            self._count(key)
        else:  # (the very count wanted is under way: the warm-up's, say)
            self._say_counting()

    def redraw(self) -> None:
        """Draw the charts in the palette of now."""
        if self.page is not None:
            self.page.redraw()

    # --- counting -----------------------------------------------------------------------

    def _key(self) -> _Key:
        scope = self._scope()
        return (self.year, None if scope is None else frozenset(scope), self._scope_name())

    def _is_current(self, key: _Key) -> bool:
        return (
            self.statistics is not None
            and self._counted_for == key
            and self._counted_at == self._changes
        )

    def _count(self, key: _Key) -> None:
        year, films, _name = key
        self._asked = (key, self._changes)
        stats = self.catalog.stats
        self._ticket = self.background.count(lambda: stats.compute(year=year, film_ids=films))
        self._say_counting()

    def _say_counting(self) -> None:
        """The page says a count is under way (before the first: the heading and "…")."""
        if self.page is None or self._asked is None:
            return
        self.page.set_counting(True)
        if self.page.shown_statistics() is None:
            self.page.show_waiting(self._asked[0][2])

    @Slot(int, object)
    def _counted(self, ticket: int, statistics: object) -> None:
        from filmdesk.core.stats import Statistics  # (not needed for the first paint)

        if ticket != self._ticket or self._asked is None:
            return  # overtaken by a newer count
        assert isinstance(statistics, Statistics)
        key, changes = self._asked
        self._ticket = None
        self.statistics, self._counted_for, self._counted_at = statistics, key, changes
        if self.page is None:
            self._build_ahead()
            return
        # (Had the catalog changed meanwhile, the change's timer counts again: these first.)
        self._show(statistics)

    @Slot(int, object)
    def _failed(self, ticket: int, error: object) -> None:
        if ticket != self._ticket:
            return
        self._ticket = None
        self._warming = False  # (the page is made when opened, and says it)
        if isinstance(error, SQLAlchemyError):
            reason = database_reason(error)
            if self.page is not None:  # the figures shown are not of the period picked
                self.page.show_failure(reason)
            self.count_failed.emit(reason)
            return
        if self.page is not None:
            self.page.set_counting(False)
        if isinstance(error, Exception):
            raise error  # a mistake of ours: the window's handler reports it

    def _show(self, statistics: Statistics | None) -> None:
        if self.page is None or statistics is None or self._counted_for is None:
            return
        self.page.set_counting(self._ticket is not None)
        if self.page.shown_statistics() is not statistics:
            self.page.show_statistics(statistics, self._counted_for[2])

    @Slot(object)
    def _charts_ready(self, charts: ModuleType) -> None:
        if self.page is not None:
            self.page.add_charts(charts)
        else:
            self._build_ahead()

    @Slot(object)
    def _charts_failed(self, error: object) -> None:
        self._warming = False
        if isinstance(error, Exception):
            raise error  # (matplotlib is a dependency: a broken install is ours to report)

    @Slot(str, object)
    def _entry_clicked(self, kind: str, key: object) -> None:
        if kind == "film":
            self.film_requested.emit(int(str(key)))
        else:
            self.search_requested.emit(query_for(kind, key, self.year))
