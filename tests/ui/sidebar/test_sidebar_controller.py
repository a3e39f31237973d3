"""The sidebar on its own, without a window: filled from the catalog, kept current by Changes."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog
from filmdesk.core.operations import Changes
from filmdesk.ui.sidebar.controller import SidebarController
from filmdesk.ui.sidebar.sidebar import Sidebar


def test_the_sidebar_follows_changes(qtbot: QtBot, catalog: Catalog) -> None:
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    controller = SidebarController(catalog, sidebar, lambda: None)
    controller.refresh()
    assert sidebar.item("all").text(1) == "10"
    thaw = catalog.collections.create("Thaw cinema")
    year9 = catalog.lists.create("Year 9")
    controller.apply_changes(
        Changes(collections_added=frozenset({thaw.id}), lists_added=frozenset({year9.id}))
    )
    assert sidebar.item("collection", thaw.id) is not None
    with qtbot.waitSignal(sidebar.entry_selected) as chosen:
        controller.reveal(Changes(lists_added=frozenset({year9.id})))
    assert chosen.args == ["list", year9.id]
    catalog.films.edit_many({6: {"tags": ["war"], "watched": True}})
    controller.apply_changes(Changes(films_changed=frozenset({6}), tags=True))
    qtbot.waitUntil(lambda: sidebar.item("tag", "war") is not None)  # after a short pause
    assert sidebar.item("watched").text(1) == "1"


def test_a_sidebar_shut_down_reads_nothing_more(qtbot: QtBot, catalog: Catalog) -> None:
    """The window closes, the catalog goes next: a count waiting for edits to pause is
    dropped, not read from a catalog (or a server) that is no longer there."""
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    controller = SidebarController(catalog, sidebar, lambda: None)
    controller.refresh()
    catalog.films.edit_many({6: {"tags": ["war"]}})
    controller.apply_changes(Changes(films_changed=frozenset({6}), tags=True))  # (in 50 ms)
    controller.shut_down()
    read: list[object] = []
    catalog.films.tag_counts = lambda: read.append("tags") or []  # type: ignore[method-assign]
    qtbot.wait(150)
    controller.refresh()
    controller.start(QSettings())
    assert read == []
    assert sidebar.item("tag", "war") is None
