from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QPoint, Qt
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


def settle(window: MainWindow) -> StatsPage:
    """Wait for the counts and the charts' import in the background to come back."""
    page = window.stats.page
    assert page is not None
    deadline = time.monotonic() + 30
    while not (window.stats.is_settled() and page.charts()):
        assert time.monotonic() < deadline, "the statistics did not come"
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return page


def open_page(window: MainWindow) -> StatsPage:
    window.window_actions["view_stats"].trigger()
    page = window.stats.page
    assert page is not None and window.center.currentWidget() is page
    return settle(window)


def chart(found: BarChart | None) -> BarChart:
    assert found is not None
    return found


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
    assert chart(page.time_chart).axes.get_title(loc="left") == "Viewings per year"
    assert [t.get_text() for t in chart(page.time_chart).axes.get_xticklabels()] == ["2023", "2024"]
    directors = page.directors
    names = [directors.topLevelItem(i).text(0) for i in range(directors.topLevelItemCount())]
    assert names[:2] == ["Eldar Ryazanov", "Mikhail Kalatozov"]
    assert not window.window_actions["delete"].isEnabled()  # no films to act on here


def test_picking_a_year_changes_the_figures(window: MainWindow) -> None:
    page = open_page(window)
    page.year.setCurrentIndex(1)
    page.year.activated.emit(1)
    assert window.stats.year == 2024
    settle(window)
    shown = figures(page)
    assert shown["viewings"] == "4 viewings"
    assert shown["hours"] == "7.8 hours"  # (97 * 2 + 184 + 88) minutes
    labels = [t.get_text() for t in chart(page.time_chart).axes.get_xticklabels()]
    assert labels[:3] == ["Jan", "Feb", "Mar"] and len(labels) == 12
    assert [p.get_height() for p in chart(page.time_chart)._bars][2] == 3


def test_a_click_on_march_shows_its_films_in_the_table(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(window)
    window.stats.choose_year(2024)
    settle(window)
    click_bar(qtbot, chart(page.time_chart), 2)
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
    settle(window)
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
    face = QColor.fromRgbF(*chart(page.time_chart).figure.get_facecolor()[:3])
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
    labels = [t.get_text() for t in chart(page.time_chart).axes.get_xticklabels()]
    assert labels == ["2020", "2021", "2022", "2023", "2024"]
    assert [p.get_height() for p in chart(page.time_chart)._bars] == [1, 0, 0, 1, 4]


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


def test_the_page_shows_at_once_and_its_charts_follow(qtbot: QtBot, window: MainWindow) -> None:
    window.window_actions["view_stats"].trigger()
    page = window.stats.page
    assert page is not None and window.center.currentWidget() is page
    # Counting and matplotlib's import run in the background: the page is there, waiting.
    assert page.charts() == [] and page.time_slot.waiting.isVisibleTo(page)
    assert page.counting.isVisibleTo(page)
    settle(window)
    assert figures(page)["viewings"] == "5 viewings"
    assert not page.counting.isVisibleTo(page) and not page.time_slot.waiting.isVisibleTo(page)
    assert len(page.charts()) == 3


def test_going_back_to_the_page_does_not_count_again(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(window)
    shown = page.shown_statistics()
    window.window_actions["view_table"].trigger()
    window.sidebar_view.select("all", None)  # (the same entry again)
    window.window_actions["view_stats"].trigger()
    assert window.stats.is_settled()  # nothing to count: the catalog did not change
    assert page.shown_statistics() is shown and not page.counting.isVisible()


def test_a_change_made_while_a_count_runs_is_counted(
    qtbot: QtBot, window: MainWindow, watched: Catalog
) -> None:
    page = open_page(window)
    window.stats.choose_year(2024)  # a count starts ...
    window.film_ops.set_watched(watched.films.resolve("The Letter").id, True, date(2024, 6, 1))
    settle(window)  # ... and the change made meanwhile is counted after it
    qtbot.waitUntil(lambda: figures(page)["viewings"] == "5 viewings", timeout=5000)
    settle(window)
    assert figures(page)["viewings"] == "5 viewings"


def test_a_page_used_before_is_ready_ahead(qtbot: QtBot, watched: Catalog) -> None:
    first = make_window(qtbot, watched)
    open_page(first)  # (the page remembers it was used)
    first.close()
    window = make_window(qtbot, watched)
    qtbot.waitUntil(lambda: not window.films.is_preparing())
    window.stats.window_idle()  # (what the window says once every film is ready)
    qtbot.waitUntil(lambda: window.stats.background.charts() is not None, timeout=30000)
    qtbot.waitUntil(window.stats.is_settled, timeout=30000)
    assert window.stats.statistics is not None  # counted ahead
    window.window_actions["view_stats"].trigger()
    page = window.stats.page
    assert page is not None and window.stats.is_settled()  # nothing to wait for
    assert len(page.charts()) == 3 and figures(page)["viewings"] == "5 viewings"


def test_a_page_never_used_is_not_prepared(qtbot: QtBot, window: MainWindow) -> None:
    window.stats.window_idle()
    assert not window.stats.warm_up_waiting()
    assert window.stats.is_settled() and window.stats.background.charts() is None
    assert window.stats.statistics is None
    open_page(window)
    window.window_actions["view_table"].trigger()
    other = make_window(qtbot, window.catalog)  # (the page has been used now)
    other.stats.window_idle()
    assert other.stats.warm_up_waiting()
    other.close()  # (and closing the window calls the warm-up off)
    assert not other.stats.warm_up_waiting()


def test_opening_the_page_while_the_warm_up_counts(qtbot: QtBot, watched: Catalog) -> None:
    window = make_window(qtbot, watched)
    qtbot.waitUntil(lambda: not window.films.is_preparing())
    window.stats.warm_up()  # (what the idle window does for someone who has used the page)
    window.window_actions["view_stats"].trigger()  # before the count has come back
    page = window.stats.page
    assert page is not None and page.heading.text() == "All films"
    assert page.counting.isVisibleTo(page) and figures(page)["films"] == "… films"
    settle(window)
    assert figures(page)["viewings"] == "5 viewings" and not page.counting.isVisibleTo(page)


def test_two_entries_with_the_same_films_have_their_own_heading(
    qtbot: QtBot, window: MainWindow, watched: Catalog
) -> None:
    alpha = watched.collections.create("Alpha")
    beta = watched.collections.create("Beta")  # (both empty: the same films, none)
    window.sidebar.refresh()
    page = open_page(window)
    window.sidebar_view.select("collection", alpha.id)
    settle(window)
    assert page.heading.text() == "Alpha" and figures(page)["films"] == "0 films"
    window.sidebar_view.select("collection", beta.id)
    settle(window)
    assert page.heading.text() == "Beta"


def test_a_failed_count_for_another_year_takes_the_old_figures_away(
    qtbot: QtBot, window: MainWindow, db_path: Path
) -> None:
    page = open_page(window)
    with sqlite3.connect(db_path) as conn:
        conn.execute("ALTER TABLE viewings RENAME TO viewings_gone")
    window.stats.choose_year(2024)
    qtbot.waitUntil(window.stats.is_settled, timeout=10000)
    assert page.year.currentText() == "2024"
    assert figures(page)["viewings"] == "… viewings"  # not all time's, under "2024"
    assert page.counting.isVisibleTo(page)
    assert page.counting.text().startswith("Could not count: ")


def test_matplotlib_comes_in_the_background(db_path: Path, watched: Catalog) -> None:
    """In a process of its own (here matplotlib is imported already): the page shows, then
    its charts once matplotlib's import on a thread is done."""
    import subprocess
    import sys

    code = (
        "import os, sys, time\n"
        "from filmdesk.app import create_application, open_window\n"
        "app = create_application()\n"
        "window = open_window(sys.argv[1])\n"
        "window.window_actions['view_stats'].trigger()\n"
        "page = window.stats.page\n"
        "print(len(page.charts()), 'matplotlib.figure' in sys.modules)\n"
        "deadline = time.monotonic() + 60\n"
        "while not (window.stats.is_settled() and len(page.charts()) == 3):\n"
        "    assert time.monotonic() < deadline\n"
        "    app.processEvents()\n"
        "print(len(page.charts()), page.tiles['viewings'].number.text())\n"
        "window.close()\n"
    )
    watched.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    found = subprocess.run(
        [sys.executable, "-c", code, str(db_path)],
        capture_output=True, text=True, env=env, timeout=120, check=True,
    )  # fmt: skip
    assert found.stdout.split("\n")[:2] == ["0 False", "3 5"], found.stdout + found.stderr


def test_a_count_that_fails_is_said(qtbot: QtBot, window: MainWindow, db_path: Path) -> None:
    page = open_page(window)
    with sqlite3.connect(db_path) as conn:  # another program breaks the catalog's table
        conn.execute("ALTER TABLE viewings RENAME TO viewings_gone")
    window.stats.reread()
    qtbot.waitUntil(window.stats.is_settled, timeout=10000)
    message = window.statusBar().currentMessage()
    assert message.startswith("The statistics could not be counted:"), message
    assert "viewings" in message and "SELECT" not in message
    assert figures(page)["viewings"] == "… viewings"  # (they may not be the catalog's now)
    assert page.counting.text().startswith("Could not count: ")


def test_the_warm_up_waits_for_a_pause_in_typing(qtbot: QtBot, watched: Catalog) -> None:
    first = make_window(qtbot, watched)
    open_page(first)
    first.close()
    window = make_window(qtbot, watched)
    qtbot.waitUntil(lambda: not window.films.is_preparing())
    window.films.search.set_text("cranes")  # the user is typing
    window.stats._when_quiet(window.stats.warm_up)  # (what the idle window's timer does)
    assert not window.stats.background.is_busy() and window.stats.statistics is None
    qtbot.waitUntil(lambda: window.stats.background.charts() is not None, timeout=30000)
    qtbot.waitUntil(window.stats.is_settled, timeout=30000)
    assert window.stats.page is not None and len(window.stats.page.charts()) == 3
