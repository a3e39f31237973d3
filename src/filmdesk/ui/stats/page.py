"""The statistics page's layout: the figures at the top, the charts, then the lists of the
most watched and the highest rated. It shows a ``Statistics`` record and says what was clicked;
the controller decides what that means."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from filmdesk.core.stats import HALF_STARS, NameCount, RatedFilm, Statistics
from filmdesk.ui.widgets.plain_text import plain_label

if TYPE_CHECKING:  # (the module imports matplotlib: the page shows without it, see ChartSlot)
    from filmdesk.ui.stats.charts import BarChart

KEY_ROLE = Qt.ItemDataRole.UserRole
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter  # counts, level with names
LIST_ROWS = 10  # every entry of a top-ten list shows without a scroll bar of its own
FIGURES = ("films", "watched", "never", "viewings", "rewatches", "hours")  # left to right
CHART_HEIGHT = 230  # pixels: three charts and the figures fit a 1280x800 window


def half_star_label(key: str) -> str:
    """ "4.5" -> "4½": short enough for ten bars side by side, in any language."""
    whole, half = key.split(".")
    if half == "0":
        return whole
    return "½" if whole == "0" else f"{whole}½"


class FigureTile(QFrame):
    """A large number with what it counts under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsFigure")
        self.number = QLabel()
        self.number.setObjectName("figureNumber")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.number.setFont(font)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)
        layout.addStretch(1)

    def set_figure(self, number: str, caption: str) -> None:
        """Show ``number`` over ``caption``."""
        self.number.setText(number)
        self.caption.setText(caption)


class TopList(QTreeWidget):
    """A top-ten list: a name (or a title) and its count; activating an entry says which."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(len(headers))
        self.setHeaderLabels(list(headers))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, header.ResizeMode.ResizeToContents)
            self.headerItem().setTextAlignment(column, RIGHT)
        self._row = self.fontMetrics().height() + 6  # a little air: a row is a click target
        self.setFixedHeight(
            header.sizeHint().height() + self._row * LIST_ROWS + 2 * self.frameWidth()
        )

    def set_rows(self, rows: Sequence[tuple[object, Sequence[str], str]]) -> None:
        """Each row: its key (what a click shows), its texts, its tooltip."""
        self.clear()
        for key, texts, tip in rows:
            item = QTreeWidgetItem(list(texts))
            item.setData(0, KEY_ROLE, key)
            item.setSizeHint(0, QSize(1, self._row))
            for column in range(1, len(texts)):
                item.setTextAlignment(column, RIGHT)
            for column in range(len(texts)):
                item.setToolTip(column, tip)
            self.addTopLevelItem(item)


class ChartSlot(QWidget):
    """Where a chart goes: its size kept from the start, so the page does not move when the
    chart comes (matplotlib is imported in the background the first time)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(CHART_HEIGHT)
        self.setMinimumWidth(240)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.waiting = QLabel(self.tr("Drawing the chart…"))
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting.setEnabled(False)  # (the palette's quiet text)
        self._layout.addWidget(self.waiting)

    def hold(self, chart: QWidget) -> None:
        """Show ``chart`` here, in place of the note."""
        self.waiting.hide()
        self._layout.addWidget(chart)


class StatsPage(QWidget):
    """Figures, charts and lists of one ``Statistics``."""

    year_chosen = Signal(object)  # int | None (all time)
    # What was clicked: ("year", 2024), ("month", "2024-03"), ("rating", "4.5"),
    # ("decade", "1950s"), ("director" | "country" | "tag", name), ("film", id).
    entry_clicked = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsPage")
        self._time_keys: list[tuple[str, object]] = []
        self._stats: Statistics | None = None
        self.time_chart: BarChart | None = None
        self.ratings_chart: BarChart | None = None
        self.decades_chart: BarChart | None = None

        self.heading = plain_label(QLabel())
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.year = QComboBox()
        self.year.setObjectName("statsYear")
        self.year.setAccessibleName(self.tr("Period"))
        self.year.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.counting = plain_label(QLabel(self.tr("Counting…")))
        self.counting.setEnabled(False)
        self.counting.hide()
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(12)
        top.addWidget(self.counting)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Period:")))
        top.addWidget(self.year)

        self.tiles = {name: FigureTile() for name in FIGURES}
        figures = QHBoxLayout()
        figures.setSpacing(16)
        for tile in self.tiles.values():
            figures.addWidget(tile, 1)

        self.time_slot, self.ratings_slot, self.decades_slot = ChartSlot(), ChartSlot(), ChartSlot()
        pair = QHBoxLayout()
        pair.addWidget(self.ratings_slot, 1)
        pair.addWidget(self.decades_slot, 1)

        films, viewings = self.tr("Films"), self.tr("Viewings")
        self.directors = TopList([self.tr("Most watched directors"), viewings, films])
        self.countries = TopList([self.tr("Most watched countries"), viewings, films])
        self.tags = TopList([self.tr("Most watched tags"), viewings, films])
        self.highest = TopList([self.tr("Highest rated"), self.tr("Rating")])
        lists = QGridLayout()
        lists.setHorizontalSpacing(16)
        lists.setVerticalSpacing(16)
        for at, view in enumerate((self.directors, self.countries, self.tags, self.highest)):
            lists.addWidget(view, at // 2, at % 2)

        body = QWidget()
        body.setObjectName("statsBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(8, 8, 12, 12)
        column.setSpacing(12)
        column.addLayout(top)
        column.addLayout(figures)
        column.addWidget(self.time_slot)
        column.addLayout(pair)
        column.addLayout(lists)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._connect()

    def add_charts(self, charts: ModuleType) -> None:
        """Put the charts in their places (``charts``: the module, imported) and draw them."""
        if self.time_chart is not None:
            return
        self.time_chart = charts.BarChart("")
        self.ratings_chart = charts.BarChart(self.tr("Ratings given"))
        self.decades_chart = charts.BarChart(self.tr("Films by decade of release"))
        for slot, chart in (
            (self.time_slot, self.time_chart),
            (self.ratings_slot, self.ratings_chart),
            (self.decades_slot, self.decades_chart),
        ):
            chart.setFixedHeight(CHART_HEIGHT)
            slot.hold(chart)
        self.time_chart.bar_clicked.connect(
            lambda at: self.entry_clicked.emit(*self._time_keys[at])
        )
        self.ratings_chart.bar_clicked.connect(
            lambda at: self.entry_clicked.emit("rating", HALF_STARS[at])
        )
        self.decades_chart.bar_clicked.connect(self._decade_clicked)
        if self._stats is not None:
            self._draw_charts(self._stats, QLocale())

    def charts(self) -> list[BarChart]:
        """The charts, once they are in (empty before)."""
        found = (self.time_chart, self.ratings_chart, self.decades_chart)
        return [chart for chart in found if chart is not None]

    def show_waiting(self, scope_name: str) -> None:
        """Before the first count has come: the heading and what each figure will count."""
        self.heading.setText(scope_name)
        for name, tile in self.tiles.items():
            tile.set_figure("…", self._caption(name, 0))

    def _caption(self, figure: str, n: int) -> str:
        """What figure ``figure`` counts, in the form for ``n``."""
        if figure == "films":
            return self.tr("film(s)", "", n)
        if figure == "watched":
            return self.tr("watched", "", n)
        if figure == "never":
            return self.tr("never watched", "", n)
        if figure == "viewings":
            return self.tr("viewing(s)", "", n)
        if figure == "rewatches":
            return self.tr("rewatch(es)", "", n)
        return self.tr("hour(s)", "", n)

    def shown_statistics(self) -> Statistics | None:
        """The figures shown (None before the first count comes)."""
        return self._stats

    def set_counting(self, counting: bool) -> None:
        """Say (or stop saying) that the figures shown are being counted again."""
        self.counting.setText(self.tr("Counting…"))
        self.counting.setVisible(counting)

    def show_failure(self, reason: str) -> None:
        """The count failed: the figures shown are not of the period and entry picked, so
        they go, and the heading's note says why."""
        self._stats = None
        for name, tile in self.tiles.items():
            tile.set_figure("…", self._caption(name, 0))
        for chart in self.charts():
            chart.show_bars([], [])
        for view in (self.directors, self.countries, self.tags, self.highest):
            view.set_rows([])
        self.counting.setText(self.tr("Could not count: {reason}").replace("{reason}", reason))
        self.counting.setVisible(True)

    def _connect(self) -> None:
        self.year.activated.connect(lambda at: self.year_chosen.emit(self.year.itemData(at)))
        for kind, view in (
            ("director", self.directors),
            ("country", self.countries),
            ("tag", self.tags),
            ("film", self.highest),
        ):
            view.itemActivated.connect(
                lambda item, _c, k=kind: self.entry_clicked.emit(k, item.data(0, KEY_ROLE))
            )
            view.itemClicked.connect(
                lambda item, _c, k=kind: self.entry_clicked.emit(k, item.data(0, KEY_ROLE))
            )

    @Slot(int)
    def _decade_clicked(self, at: int) -> None:
        if self._stats is not None:
            self.entry_clicked.emit("decade", list(self._stats.by_decade)[at])

    # --- showing ------------------------------------------------------------------------

    def set_years(self, years: Sequence[int], chosen: int | None) -> None:
        """The period picker: All time, then these years (newest first)."""
        self.year.clear()
        self.year.addItem(self.tr("All time"), None)
        for year in sorted(years, reverse=True):
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(0, self.year.findData(chosen)))

    def show_statistics(self, stats: Statistics, scope_name: str, *, charts: bool = True) -> None:
        """Show these figures; ``scope_name``: the sidebar's entry they are of (``charts``:
        False leaves the charts to ``chart_steps``)."""
        self._stats = stats
        locale = QLocale()
        self.heading.setText(scope_name)
        counts = (
            ("films", stats.films),
            ("watched", stats.watched),
            ("never", stats.never_watched),
            ("viewings", stats.viewings),
            ("rewatches", stats.rewatches),
        )
        for name, number in counts:
            self.tiles[name].set_figure(locale.toString(number), self._caption(name, number))
        hours = stats.hours
        whole = hours == int(hours)
        # A fraction takes the form of 2 in Russian ("2,5 часа") and of many in English.
        self.tiles["hours"].set_figure(
            locale.toString(int(hours)) if whole else locale.toString(hours, "f", 1),
            self._caption("hours", int(hours) if whole else 2),
        )
        if stats.viewings and stats.no_runtime == stats.viewings:
            # No film watched has a runtime (a Letterboxd export has none): not "0 hours".
            self.tiles["hours"].set_figure("—", self.tr("hours: no runtimes known"))
        self._explain(stats)
        if charts:
            self._draw_charts(stats, locale)
        self._show_names(self.directors, stats.top_directors)
        self._show_names(self.countries, stats.top_countries)
        self._show_names(self.tags, stats.top_tags)
        self._show_highest(stats.highest_rated, locale)

    def _draw_charts(self, stats: Statistics, locale: QLocale) -> None:
        for draw in self.chart_steps(stats, locale):
            draw()

    def chart_steps(self, stats: Statistics, locale: QLocale) -> list[Callable[[], None]]:
        """Drawing each chart (each takes a moment: the page made ahead draws them one at a
        time, between the window's events)."""
        return [
            lambda: self._show_time(stats, locale),
            lambda: self._show_ratings(stats),
            lambda: self._show_decades(stats),
        ]

    def _show_ratings(self, stats: Statistics) -> None:
        if self.ratings_chart is None:
            return
        self.ratings_chart.show_bars(
            [half_star_label(key) for key in HALF_STARS],
            [stats.ratings[key] for key in HALF_STARS],
            [self.tr("%n film(s)", "", stats.ratings[key]) for key in HALF_STARS],
        )

    def _show_decades(self, stats: Statistics) -> None:
        if self.decades_chart is None:
            return
        self.decades_chart.show_bars(
            [self.decade_label(d) for d in stats.by_decade],
            list(stats.by_decade.values()),
            [self.tr("%n film(s)", "", n) for n in stats.by_decade.values()],
        )

    def _explain(self, stats: Statistics) -> None:
        """Tooltips for the figures whose meaning is not plain from a word."""
        self.tiles["never"].setToolTip(self.tr("Films not watched at all, whatever the period"))
        self.tiles["rewatches"].setToolTip(
            self.tr("Viewings marked as rewatches, or of a film seen earlier in the period")
        )
        hours = self.tr("The runtimes of the films of the viewings, added up")
        if stats.no_runtime:
            hours += "\n" + self.tr(
                "%n viewing(s) of films without a runtime not counted", "", stats.no_runtime
            )
        self.tiles["hours"].setToolTip(hours)

    def decade_label(self, key: str) -> str:
        """ "1950s" in the interface's language ("1950-е")."""
        return self.tr("{decade}s").replace("{decade}", key.removesuffix("s"))

    def _show_time(self, stats: Statistics, locale: QLocale) -> None:
        # (What a bar of the chart means is kept even before the chart is in.)
        if stats.year is not None:
            months = list(stats.by_month.items())
            self._time_keys = [("month", key) for key, _n in months]
        else:
            counts = {int(key): n for key, n in stats.by_year.items()}
            # A year without viewings between two with them is a bar of nought, not a gap.
            span = range(min(counts), max(counts) + 1) if counts else range(0)
            years = [(str(year), counts.get(year, 0)) for year in span]
            self._time_keys = [("year", int(key)) for key, _n in years]
        if self.time_chart is None:
            return
        if stats.year is not None:
            self.time_chart.title = self.tr("Viewings per month in {year}").replace(
                "{year}", str(stats.year)
            )
            labels = [
                locale.standaloneMonthName(int(key[5:]), QLocale.FormatType.ShortFormat)
                for key, _n in months
            ]
            tips = [
                f"{locale.standaloneMonthName(int(key[5:]))} {stats.year}: "
                + self.tr("%n viewing(s)", "", n)
                for key, n in months
            ]
            self.time_chart.show_bars(labels, [n for _k, n in months], tips)
        else:
            self.time_chart.title = self.tr("Viewings per year")
            self.time_chart.show_bars(
                [key for key, _n in years],
                [n for _k, n in years],
                [f"{key}: " + self.tr("%n viewing(s)", "", n) for key, n in years],
            )

    def _show_names(self, view: TopList, names: Sequence[NameCount]) -> None:
        view.set_rows(
            [
                (
                    entry.name,
                    (entry.name, str(entry.viewings), str(entry.films)),
                    self.tr("%n viewing(s)", "", entry.viewings)
                    + " · "
                    + self.tr("%n film(s)", "", entry.films),
                )
                for entry in names
            ]
        )

    def _show_highest(self, films: Sequence[RatedFilm], locale: QLocale) -> None:
        rows = []
        for film in films:
            title = f"{film.title} ({film.year})" if film.year else film.title
            rating = "★ " + half_star_label(f"{film.rating:.1f}")
            tip = title
            if film.last_watched is not None:
                day = locale.toString(
                    QDate(*film.last_watched.timetuple()[:3]), QLocale.FormatType.ShortFormat
                )
                tip += " · " + self.tr("last watched {day}").replace("{day}", day)
            rows.append((film.id, (title, rating), tip))
        self.highest.set_rows(rows)

    def redraw(self) -> None:
        """Draw the charts again (the palette or the font changed)."""
        for chart in self.charts():
            chart.redraw()
