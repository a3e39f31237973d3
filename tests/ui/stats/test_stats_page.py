from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog
from filmdesk.ui.main_window import MainWindow
from filmdesk.ui.shell.settings import apply_appearance
from filmdesk.ui.stats.charts import BarChart
from filmdesk.ui.stats.controller import query_for
from filmdesk.ui.stats.page import StatsPage
from tests.ui.test_main_window import make_window, shown_titles

CRANES = "The Cranes Are Flying"  # 97 minutes
IRONY = "The Irony of Fate, or Enjoy Your Bath!"  # 184 minutes
BALLAD = "The Ballad of a Soldier"  # 88 minutes


@pytest.fixture
def watched(catalog: Catalog) -> Catalog:
    """Five viewings of three films, in 2023 and 2024."""
    films = catalog.films
    cranes, irony = films.resolve(CRANES).id, films.resolve(IRONY).id
    ballad = films.resolve(BALLAD).id
    films.add_viewing(cranes, {"watched_on": date(2024, 3, 5), "rating": 4})
    films.add_viewing(cranes, {"watched_on": date(2024, 3, 20), "rating": 4.5, "rewatch": True})
    films.add_viewing(irony, {"watched_on": date(2023, 12, 31), "rating": 4})
    films.add_viewing(irony, {"watched_on": date(2024, 3, 31), "rating": 5})
    films.add_viewing(ballad, {"watched_on": date(2024, 7, 1)})
    return catalog


@pytest.fixture
def window(qtbot: QtBot, watched: Catalog) -> Iterator[MainWindow]:
    win = make_window(qtbot, watched)
    yield win
    apply_appearance("light")


def open_page(window: MainWindow) -> StatsPage:
    window.window_actions["view_stats"].trigger()
    page = window.stats.page
    assert page is not None and window.center.currentWidget() is page
    return page


def figures(page: StatsPage) -> dict[str, str]:
    return {name: f"{t.number.text()} {t.caption.text()}" for name, t in page.tiles.items()}


def click_bar(qtbot: QtBot, chart: BarChart, index: int) -> None:
    x, y = chart.bar_centre(index)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(x, y))


def test_the_page_shows_the_figures_of_all_time(window: MainWindow) -> None:
    page = open_page(window)
    assert figures(page) == {
        "films": "10 films",
        "watched": "3 watched",
        "never": "7 never watched",
        "viewings": "5 viewings",
        "rewatches": "2 rewatches",  # the marked one, and Irony seen again in 2024
        "hours": "10.8 hours",  # (97 * 2 + 184 * 2 + 88) minutes
    }
    assert page.heading.text().endswith("All films")
    assert [page.year.itemText(i) for i in range(page.year.count())] == [
        "All time", "2024", "2023",
    ]  # fmt: skip
    assert page.time_chart.axes.get_title(loc="left") == "Viewings per year"
    assert [t.get_text() for t in page.time_chart.axes.get_xticklabels()] == ["2023", "2024"]
    directors = page.directors
    names = [directors.topLevelItem(i).text(0) for i in range(directors.topLevelItemCount())]
    assert names[:2] == ["Eldar Ryazanov", "Mikhail Kalatozov"]
    assert not window.window_actions["delete"].isEnabled()  # no films to act on here


def test_picking_a_year_changes_the_figures(window: MainWindow) -> None:
    page = open_page(window)
    page.year.setCurrentIndex(1)
    page.year.activated.emit(1)
    assert window.stats.year == 2024
    shown = figures(page)
    assert shown["viewings"] == "4 viewings"
    assert shown["hours"] == "7.8 hours"  # (97 * 2 + 184 + 88) minutes
    labels = [t.get_text() for t in page.time_chart.axes.get_xticklabels()]
    assert labels[:3] == ["Jan", "Feb", "Mar"] and len(labels) == 12
    assert [p.get_height() for p in page.time_chart._bars][2] == 3


def test_a_click_on_march_shows_its_films_in_the_table(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(window)
    window.stats.choose_year(2024)
    click_bar(qtbot, page.time_chart, 2)
    assert window.center.currentWidget() is window.films
    assert window.window_actions["view_table"].isChecked()
    assert window.films.search.text() == "watched:2024-03"
    assert sorted(shown_titles(window)) == [CRANES, IRONY]


def test_a_click_keeps_the_sidebar_choice_and_a_name_becomes_a_search(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = open_page(window)
    window.sidebar_view.select("watched")
    assert window.center.currentWidget() is page  # the page stays, for the entry chosen
    assert figures(page)["films"] == "3 films"
    item = page.directors.topLevelItem(0)
    page.directors.itemClicked.emit(item, 0)
    assert window.films.search.text() == 'director:"Eldar Ryazanov"'
    assert shown_titles(window) == [IRONY]
    assert window.sidebar_view.selected() == ("watched", None)


def test_searches_for_entries() -> None:
    assert query_for("decade", "1950s", None) == "year:1950..1959"
    assert query_for("rating", "4.5", 2024) == "watched:2024 rating:4.5"
    assert query_for("country", 'Soviet "Union"', None) == 'country:"Soviet  Union"'
    assert query_for("year", 2023, None) == "watched:2023"


def test_dark_charts_follow_the_palette(window: MainWindow) -> None:
    page = open_page(window)
    apply_appearance("dark")
    QApplication.processEvents()
    window.stats.redraw()
    window_colour = page.palette().color(QPalette.ColorRole.Window)
    face = QColor.fromRgbF(*page.time_chart.figure.get_facecolor()[:3])
    assert face.name() == window_colour.name()
    assert window_colour.lightness() < 128


def test_the_page_follows_a_change(qtbot: QtBot, window: MainWindow, watched: Catalog) -> None:
    page = open_page(window)
    letter = watched.films.resolve("The Letter").id
    window.film_ops.set_watched(letter, True, date(2024, 3, 10))
    qtbot.waitUntil(lambda: figures(page)["viewings"] == "6 viewings", timeout=3000)
    assert figures(page)["never"] == "6 never watched"


def test_a_hidden_page_counts_when_shown_again(window: MainWindow, watched: Catalog) -> None:
    page = open_page(window)
    window.window_actions["view_table"].trigger()
    assert window.center.currentWidget() is window.films
    window.film_ops.set_watched(watched.films.resolve("The Letter").id, True, date(2024, 1, 2))
    assert not window.stats._timer.isActive()
    assert figures(page)["viewings"] == "5 viewings"
    open_page(window)
    assert figures(page)["viewings"] == "6 viewings"


def test_ctrl_f_goes_back_to_the_search(qtbot: QtBot, window: MainWindow) -> None:
    open_page(window)
    window.window_actions["find"].trigger()
    assert window.center.currentWidget() is window.films
    assert window.side.isVisible()  # the details come back with the films


def test_a_catalog_without_viewings(qtbot: QtBot, catalog: Catalog) -> None:
    window = make_window(qtbot, catalog)
    page = open_page(window)
    assert figures(page)["viewings"] == "0 viewings"
    assert [page.year.itemText(i) for i in range(page.year.count())] == ["All time"]
    page.repaint()  # empty charts draw


def test_matplotlib_is_not_imported_at_start_up() -> None:
    import subprocess
    import sys

    code = "import sys, filmdesk.app, filmdesk.ui.main_window; print('matplotlib' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"


def test_a_film_of_the_highest_rated_is_selected(qtbot: QtBot, window: MainWindow) -> None:
    window.film_ops.set_rating(window.catalog.films.resolve(BALLAD).id, 5)
    page = open_page(window)
    item = page.highest.topLevelItem(0)
    assert item.text(0) == f"{BALLAD} (1959)" and item.text(1) == "★ 5"
    window.films.search.set_text("cranes")  # the film is hidden by the search: it is cleared
    window.window_actions["view_stats"].trigger()
    page.highest.itemClicked.emit(item, 0)
    assert window.center.currentWidget() is window.films
    assert window.films.search.text() == ""
    current = window.films.current_film()
    assert current is not None and current.title == BALLAD


def test_a_year_without_viewings_is_a_bar_of_nought(window: MainWindow, watched: Catalog) -> None:
    letter = watched.films.resolve("The Letter").id
    watched.films.add_viewing(letter, {"watched_on": date(2020, 5, 1)})
    page = open_page(window)
    labels = [t.get_text() for t in page.time_chart.axes.get_xticklabels()]
    assert labels == ["2020", "2021", "2022", "2023", "2024"]
    assert [p.get_height() for p in page.time_chart._bars] == [1, 0, 0, 1, 4]


def test_covers_and_a_screening_list_leave_the_page(window: MainWindow) -> None:
    open_page(window)
    window.window_actions["view_covers"].trigger()
    assert window.center.currentWidget() is window.films
    assert window.films.view_name() == "covers"
    assert window.window_actions["view_covers"].isChecked()
    open_page(window)
    screening_list = window.catalog.lists.create("Friday club")
    window.sidebar.refresh()
    assert window.sidebar_view.select("list", screening_list.id)
    assert window.center.currentWidget() is window.list_view
    assert not window.stats.is_shown()
    assert not window.window_actions["view_stats"].isChecked()
