"""The main window: places the panels, owns the undo stack, and routes what each step changed
(``Changes``) to every panel; the panels decide what to read again."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QByteArray, QEvent, QPoint, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from filmdesk.core.catalog import Catalog
from filmdesk.core.collector import look_again
from filmdesk.core.db import location
from filmdesk.core.operations import Changes
from filmdesk.core.watch import CatalogWatch
from filmdesk.ui.actions import (
    EDITING_ACTIONS,
    FILM_ACTIONS,
    FILM_MENU,
    SHOWN_FILM_ACTIONS,
    Actions,
)
from filmdesk.ui.collections.collection_panel import CollectionPanel
from filmdesk.ui.collections.controller import CollectionController
from filmdesk.ui.collections.side_pane import SidePane
from filmdesk.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from filmdesk.ui.films.detail_panel import FilmDetailPanel
from filmdesk.ui.films.details import FilmDetails
from filmdesk.ui.films.films_panel import COVERS, TABLE, FilmsPanel
from filmdesk.ui.operations.backups import BackupOperations
from filmdesk.ui.operations.collections import CollectionOperations
from filmdesk.ui.operations.context import StepContext, quoted
from filmdesk.ui.operations.failures import StepFailures
from filmdesk.ui.operations.files import FileOperations
from filmdesk.ui.operations.films import FilmOperations
from filmdesk.ui.operations.lists import ListOperations
from filmdesk.ui.operations.membership import Membership
from filmdesk.ui.operations.posters import PosterOperations
from filmdesk.ui.operations.router import ChangeRouter
from filmdesk.ui.operations.searches import SearchOperations
from filmdesk.ui.operations.server_link import ServerLink
from filmdesk.ui.operations.shared import SharedCatalogOperations, read_only_text
from filmdesk.ui.operations.viewings import ViewingOperations
from filmdesk.ui.screening_lists.controller import ScreeningListController
from filmdesk.ui.screening_lists.list_view import ScreeningListView
from filmdesk.ui.shell.i18n import LANGUAGE_SETTINGS
from filmdesk.ui.shell.screens import bring_on_screen
from filmdesk.ui.shell.settings import APPEARANCES, apply_appearance, open_settings
from filmdesk.ui.sidebar.controller import SidebarController
from filmdesk.ui.sidebar.sidebar import ALL, Sidebar
from filmdesk.ui.stats.controller import StatsController
from filmdesk.ui.widgets.notice_bar import NoticeBar

DEFAULT_SIZE = (1280, 780)
DETAIL_WIDTH = 310
SIDEBAR_WIDTH = 180
SETTINGS_VERSION = 1
FOLLOW_INTERVAL_MS = 1000  # how often the window looks for changes made elsewhere


class MainWindow(QMainWindow):
    """The filmdesk window over one catalog."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog
        self.settings = open_settings()
        self.undo_stack = QUndoStack(self)
        self.router = ChangeRouter(self)
        self.setWindowTitle("filmdesk")
        self.resize(*DEFAULT_SIZE)
        self.window_actions = Actions(self)
        self._side_shown = True  # the details' pane, before the statistics took its room

        # The panels.
        self.films = FilmsPanel(catalog)
        self.detail = FilmDetailPanel()
        self.detail.setObjectName("detail")
        self.details = FilmDetails(catalog, self.detail, self.films.tag_names, self)
        self.sidebar_view = Sidebar()
        self.collection_panel = CollectionPanel()
        self.list_view = ScreeningListView()

        # The operations: every step the user asks for.
        context = StepContext(
            catalog, self.undo_stack, self.router, self, self.films, self.settings,
            self.statusBar().showMessage, self.details.flush,
        )  # fmt: skip
        self.film_ops = FilmOperations(context)
        self.poster_ops = PosterOperations(context)
        self.viewing_ops = ViewingOperations(context)
        self.collection_ops = CollectionOperations(context)
        self.search_ops = SearchOperations(context)
        self.list_ops = ListOperations(context)
        self.file_ops = FileOperations(context)
        self.backup_ops = BackupOperations(context, self.reload_everything)
        self.shared_ops = SharedCatalogOperations(context, self.close)
        self.membership = Membership(self.collection_ops, self.list_ops)
        self.failures = StepFailures(
            context, self.details, lambda: self.server_link, self.reload_everything
        )

        self.sidebar = SidebarController(
            catalog, self.sidebar_view, self.films.library_counts, self.films.saved_counts, self
        )
        self.collection = CollectionController(
            catalog, self.collection_panel, self.collection_ops, self
        )
        self.screening_list = ScreeningListController(
            catalog, self.list_view, self.list_ops, self.file_ops, self
        )
        # The statistics of the films the films page is scoped to (the sidebar's choice, not
        # the search: a click on a chart sets the search, and the charts stay whole).
        self.stats = StatsController(
            catalog,
            self.films.model.scope,
            self._scope_name,
            self.films.viewed_years,
            self.settings,
            self,
        )
        self._panels = (
            self.films,
            self.details,
            self.sidebar,
            self.collection,
            self.screening_list,
            self.stats,
        )

        # Changes made elsewhere (filmdesk-cli, another window) are shown within a second:
        # from the moment every film is read (a big catalog's first page is painted first,
        # before every film's change stamp is read: a tenth of a second at 100,000 films).
        self.watch = CatalogWatch(catalog, start=False)
        self.films.loader.reading_all.connect(self.watch.start)
        self._follow_timer = QTimer(self)
        self._follow_timer.setInterval(FOLLOW_INTERVAL_MS)
        self._follow_timer.timeout.connect(self.follow_catalog)
        self._follow_timer.start()

        self._place()
        self._build_menus()
        self._wire()
        self._restore_state()
        self.films.load(first_page_only=not self.isVisible())
        self._start_sidebar()
        if catalog.read_only:
            self._show_read_only()
        # A shared catalog's server that goes away: said at the top, typing kept.
        self.server_link = ServerLink(
            self.watch, self.notice, self.statusBar().showMessage, self._server_back, self
        )
        self._update_actions()

    def _start_sidebar(self) -> None:
        """Fill the sidebar, before the first paint or once it is done.

        Its collections, lists and saved searches are read through the ORM (SQLAlchemy's and
        the models: a tenth of the start), which the films' first paint does without. So the
        window paints its films first and the sidebar follows at once, unless the first frame
        needs it: a collection, list or saved search chosen at the last close. Watched, not
        watched or a tag the films show by themselves from the first frame. (A big catalog
        paints its first page of every film, whatever was chosen, and fills the sidebar after
        it, as before.)"""
        kind, key = self.sidebar.chosen(self.settings)
        whole = not self.films.is_loading()
        if whole and kind in ("collection", "list", "saved"):
            self.sidebar.start(self.settings)
            return
        tagged = kind == "tag" and key in self.films.tag_names()  # (a tag gone: every film)
        if whole and (kind in ("watched", "unwatched") or tagged):
            self.films.scope_to(kind, key)
        self.films.first_painted.connect(
            lambda: self.sidebar.start(self.settings), Qt.ConnectionType.SingleShotConnection
        )

    # --- placing ------------------------------------------------------------------------

    def _place(self) -> None:
        self.center = QStackedWidget()
        self.center.setObjectName("centerStack")
        self.center.addWidget(self.films)
        self.center.addWidget(self.list_view)
        self.side = SidePane(self.detail, self.collection_panel)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.center)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([DEFAULT_SIZE[0] - DETAIL_WIDTH, DETAIL_WIDTH])
        self.outer = QSplitter()
        self.outer.setObjectName("sidebarSplitter")
        self.outer.addWidget(self.sidebar_view)
        self.outer.addWidget(self.splitter)
        self.outer.setStretchFactor(0, 0)
        self.outer.setStretchFactor(1, 1)
        self.outer.setCollapsible(1, False)
        self.outer.setSizes([SIDEBAR_WIDTH, self.splitter.sizeHint().width()])
        state = self.settings.value("window/sidebar")
        if isinstance(state, QByteArray):
            self.outer.restoreState(state)

        # A bar above everything, for what holds while the window is open (read-only).
        self.notice = NoticeBar()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.notice)
        column.addWidget(self.outer, 1)
        self.setCentralWidget(central)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.statusBar().addPermanentWidget(self.status_label)
        # Keyboard-only use: search, then the table, then the film's fields in reading order.
        detail = self.detail
        chain = [self.films.search.field, self.films.table, self.films.covers]
        chain += [detail.trailer_button, detail.rating]
        history = detail.history
        chain += [detail.watched, history.list, history.add_button, history.edit_button]
        chain += [history.remove_button, detail.tags, detail.notes]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _build_menus(self) -> None:
        actions = self.window_actions
        actions.build_menus(self.menuBar())
        actions["open_local"].setVisible(self.shared_ops.on_server)
        columns = actions.submenus["columns"]
        columns.aboutToShow.connect(lambda: self.films.table.fill_columns_menu(columns))
        self.appearance_group = self._choice_menu(
            actions.submenus["appearance"], "appearance", APPEARANCES,
            {"system": self.tr("Follow the &Desktop"), "light": self.tr("&Light"),
             "dark": self.tr("D&ark")},
        )  # fmt: skip
        # Each language is named in itself, so it can be found whatever is shown now.
        self.language_group = self._choice_menu(
            actions.submenus["language"], "language", LANGUAGE_SETTINGS,
            {"system": self.tr("Follow the &System"), "en": "&English", "ru": "&Русский"},
        )  # fmt: skip
        self.appearance_group.triggered.connect(self._appearance_chosen)
        self.language_group.triggered.connect(self._language_chosen)
        toolbar = actions.build_toolbar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        actions.track_undo_stack(self.undo_stack)
        self._refresh_icons()

    def _choice_menu(
        self, menu: QMenu, key: str, names: tuple[str, ...], texts: dict[str, str]
    ) -> QActionGroup:
        group = QActionGroup(self)
        current = str(self.settings.value(key, "system"))
        for name in names:
            action = menu.addAction(texts[name])
            action.setCheckable(True)
            action.setChecked(name == current)
            action.setData(name)
            group.addAction(action)
        return group

    def _wire(self) -> None:
        films, details, ops = self.films, self.details, self.film_ops
        self.router.applied.connect(self._route)
        self.router.failed.connect(self.failures.step_failed)
        self.window_actions.connect_handlers(
            {
                "new_film": ops.new_film,
                "new_collection": self.collection_ops.new_collection,
                "new_list": self.list_ops.new_list,
                "import": self.file_ops.import_file,
                "import_folder": self.file_ops.import_folder,
                "export": lambda: self.file_ops.export_films(
                    films.selected_films(),
                    films.shown_ids(),
                    films.model.film_count(),
                    films.search.text(),
                ),
                "year_review": self.file_ops.year_review,
                "copy_catalog": self.file_ops.copy_catalog,
                "restore_backup": self.backup_ops.restore_from_backup,
                "open_shared": self.shared_ops.open_shared_catalog,
                "open_local": self.shared_ops.open_local_catalog,
                "quit": self.close,
                "undo": self.undo,
                "redo": self.redo,
                "edit_film": lambda: ops.edit_film(films.current_film()),
                "delete": lambda: ops.delete(films.selected_films()),
                "mark_watched": lambda: ops.mark_watched(films.selected_films(), True),
                "mark_unwatched": lambda: ops.mark_watched(films.selected_films(), False),
                "set_poster": lambda: self.poster_ops.choose_file(details.shown_id()),
                "paste_poster": lambda: self.poster_ops.paste(details.shown_id()),
                "add_tag": lambda: ops.add_tag(films.selected_films()),
                "remove_tag": lambda: ops.remove_tag(films.selected_films()),
                "find": self.find_films,
                "save_search": lambda: self.search_ops.save(
                    films.search.text(), *self.sidebar_view.selected()
                ),
                "view_table": lambda: self.show_films(TABLE),
                "view_covers": lambda: self.show_films(COVERS),
                "view_stats": self.show_statistics,
                "shortcuts": self.show_shortcuts,
                "about": self.show_about,
            }
        )
        self.window_actions["details"].toggled.connect(self.side.setVisible)
        films.view_changed.connect(self._show_view_chosen)
        films.all_loaded.connect(self.stats.scope_changed)  # (a scope waits for every film)
        self.stats.search_requested.connect(self._show_search)
        self.stats.film_requested.connect(self._show_film)
        self.stats.count_failed.connect(self._statistics_failed)
        films.search_ready.connect(self.stats.window_idle)
        films.user_active.connect(self.stats.note_activity)
        self._show_view_chosen(films.view_name())
        films.current_film_changed.connect(details.show_film)
        films.film_chosen.connect(self._film_chosen)
        films.selection_changed.connect(self._update_actions)
        films.status_changed.connect(self.status_label.setText)
        films.edit_requested.connect(lambda: ops.edit_film(films.current_film()))
        films.context_menu_requested.connect(self.show_film_menu)
        films.loader.loaded.connect(lambda: self.detail.set_tag_names(films.tag_names()))
        for panel in (films, self.detail):
            panel.rating_changed.connect(ops.set_rating)
            panel.watched_changed.connect(ops.set_watched)
        self.detail.tags_changed.connect(ops.set_tags)
        self.detail.notes_changed.connect(ops.set_notes)
        self.detail.add_back_requested.connect(ops.add_back)
        self.detail.poster_requested.connect(self.poster_ops.run)
        self.detail.poster_dropped.connect(self.poster_ops.drop)
        films.poster_dropped.connect(self.poster_ops.drop)
        self.detail.add_viewing_requested.connect(self.viewing_ops.add_viewing)
        self.detail.edit_viewing_requested.connect(self.viewing_ops.edit_viewing)
        self.detail.remove_viewings_requested.connect(self.viewing_ops.remove_viewings)
        sidebar = self.sidebar_view
        groups: dict[str, CollectionOperations | SearchOperations] = {
            "collection": self.collection_ops,
            "saved": self.search_ops,
        }
        sidebar.entry_selected.connect(self._entry_selected)
        sidebar.films_dropped.connect(
            lambda kind, key, ids: (
                self.collection_ops if kind == "collection" else self.list_ops
            ).add_films(key, ids)
        )
        sidebar.new_collection_requested.connect(self.collection_ops.new_collection)
        sidebar.new_list_requested.connect(self.list_ops.new_list)
        sidebar.rename_requested.connect(lambda k, key: groups.get(k, self.list_ops).rename(key))
        sidebar.edit_requested.connect(
            lambda k, key: groups.get(k, self.list_ops).edit_details(key)
        )
        sidebar.duplicate_requested.connect(self.list_ops.duplicate)
        sidebar.delete_requested.connect(lambda k, key: groups.get(k, self.list_ops).delete(key))
        self.collection.films_changed.connect(
            lambda ids: films.set_scope(ids, self.collection.empty_text())
        )
        self.screening_list.film_chosen.connect(details.show_film)
        self.screening_list.nothing_chosen.connect(lambda: details.show_film(None))
        for shown in (films.current_film_changed, self.screening_list.film_chosen):
            shown.connect(self._update_actions)  # (after the details follow)
        self.screening_list.nothing_chosen.connect(self._update_actions)

    # --- what changed -------------------------------------------------------------------

    @Slot()
    def follow_catalog(self) -> None:
        """Show what another process changed in the catalog (not while a step of this window
        is under way behind a dialog: its own changes come when it ends)."""
        if QApplication.activeModalWidget() is not None:
            return
        changes = self.watch.poll()
        if not self.server_link.look():  # away, or just back (everything was read again)
            return
        if changes is None or changes.is_empty:
            return
        # What the user had selected stays selected (films added elsewhere are not chosen).
        selected = [f.id for f in self.films.selected_films()]
        current = self.films.current_film()
        typed = self.details.typed_for_removed(changes)
        self._route(changes, False)
        if changes.films_added:
            self.films.restore_selection(selected, current.id if current else None)
        if typed is not None:
            # The film being annotated was deleted elsewhere: it stays in the panel with what
            # was typed (no other film is chosen in its place).
            self.films.table.selectionModel().clear()
            self.details.show_gone(*typed)
        if (screening_list := self.screening_list.current()) is not None and (
            screening_list.id in changes.lists_changed
        ):
            self.screening_list.show_list(screening_list.id)
        if (collection := self.collection.current()) is not None and (
            collection.id in changes.collections_changed
        ):
            self.collection.show(collection.id)
        self.statusBar().showMessage(self.tr("Showing changes made elsewhere."), 4000)

    @Slot(object, bool)
    def _route(self, changes: Changes, reveal: bool) -> None:
        """Every panel hears of every change and reads again what it shows of it."""
        self.watch.saw(changes)
        for panel in self._panels:
            panel.apply_changes(changes)
        if reveal:
            self.sidebar.reveal(changes)
            added = [f for f in changes.films if f.id in changes.films_added]
            if added:
                self._show_added(added[0].id, added[0].title)
        self._update_actions()

    def _show_added(self, film_id: int, title: str) -> None:
        """A film just made is shown, even where the list page, a sidebar entry or the
        search would hide it; the status bar says what was cleared."""
        films, message = self.films, ""
        if self.stats.is_shown():
            self.show_films()
        scope = films.model.scope()
        if self.center.currentWidget() is not films or (scope is not None and film_id not in scope):
            self.sidebar_view.select(*ALL)  # shows the films page, every film in it
            message = self.tr("Added {title}. Showing all films, so that it can be seen.")
        if films.hides(film_id) and films.search.text():
            films.clear_search()
            message = self.tr(
                "Added {title}. It did not match the search, so the search was cleared."
            )
        films.select_film(film_id)
        if message:
            self.statusBar().showMessage(message.replace("{title}", quoted(title)), 8000)

    def reload_everything(self, *, keep_typed: bool = True) -> None:
        """Read again all the window shows: after a failed step, or a restore (``keep_typed``:
        what is being typed in the panel stays)."""
        # Show the database as it is: the table, the panel's fields, the sidebar, and the list
        # or collection shown.
        self.films.reread()
        self.watch.reset()
        self.details.reload(keep_typed=keep_typed)
        self.sidebar.refresh()
        self.stats.reread()  # (counted again now if shown)
        if (screening_list := self.screening_list.current()) is not None:
            self.screening_list.show_list(screening_list.id)
        if (collection := self.collection.current()) is not None:
            self.collection.show(collection.id)
        self._update_actions()

    def _server_back(self) -> None:
        """The shared catalog's server answers again: show it as it is, save what was typed."""
        self.reload_everything(keep_typed=True)
        if self.catalog.read_only:
            self.notice.show_text(self._read_only_text())
        self.details.flush()

    # --- choosing -----------------------------------------------------------------------

    @Slot(str, object)
    def _entry_selected(self, kind: str, key: object) -> None:
        self.details.flush()
        if kind == "list" and isinstance(key, int):
            self._leave_statistics()
            self.collection.clear()
            self.side.set_collection_chosen(False)
            self.center.setCurrentWidget(self.list_view)
            self.screening_list.show_list(key, first=True)
        else:
            self.screening_list.clear()
            if not self.stats.is_shown():  # the statistics stay, of the entry chosen now
                self.center.setCurrentWidget(self.films)
            if kind == "collection" and isinstance(key, int):
                collection = self.collection.show(key)
                if collection is not None:
                    self.films.set_scope(collection.film_ids, self.collection.empty_text())
                    self.side.set_collection_chosen(True)
            else:
                self.collection.clear()
                self.side.set_collection_chosen(False)
                self.films.scope_to(kind, key)
            self.stats.scope_changed()
        self._update_actions()

    # --- the films or their statistics --------------------------------------------------

    def _scope_name(self) -> str:
        item = self.sidebar_view.item(*self.sidebar_view.selected())
        return item.text(0) if item is not None else self.tr("All films")

    @Slot()
    def show_statistics(self) -> None:
        """View › Statistics: the statistics of the sidebar's choice, in place of the films
        (a screening list's page gives way to all films)."""
        self.details.flush()
        self.window_actions["view_stats"].setChecked(True)
        if self.center.currentWidget() is self.list_view:
            self.sidebar_view.select(*ALL)
        if not self.stats.is_shown():
            self._side_shown = self.side.isVisible()
        page = self.stats.open()
        self.side.setVisible(False)  # the charts take the details' room; nothing to detail
        if self.center.indexOf(page) < 0:
            self.center.addWidget(page)
        self.center.setCurrentWidget(page)
        # The splitter gives the page the details' room now, so the charts are drawn once,
        # at the width they keep.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self._update_actions()

    def show_films(self, view: str | None = None) -> None:
        """The films page (in the table or the covers), in place of the statistics."""
        if view is not None:
            self.films.show_view(view)
        if self.stats.is_shown():
            self._leave_statistics()
            self.center.setCurrentWidget(self.films)
            self._update_actions()

    @Slot(str)
    def _statistics_failed(self, reason: str) -> None:
        text = self.tr("The statistics could not be counted: {reason}.")
        self.statusBar().showMessage(text.replace("{reason}", reason), 10000)

    def _leave_statistics(self) -> None:
        if self.stats.is_shown():
            self.stats.close()
            self.side.setVisible(self._side_shown)
        self._show_view_chosen(self.films.view_name())

    @Slot()
    def find_films(self) -> None:
        """Edit › Find: the cursor in the search field (on the films page)."""
        self.show_films()
        self.films.focus_search()

    @Slot(str)
    def _show_search(self, query: str) -> None:
        """A click on the statistics: the films behind it, within the sidebar's choice."""
        self.show_films()
        self.films.search.set_text(query)

    @Slot(int)
    def _show_film(self, film_id: int) -> None:
        self.show_films()
        if self.films.hides(film_id):
            self.films.clear_search()
        if self.films.hides(film_id):  # outside the sidebar's choice
            self.sidebar_view.select(*ALL)
        self.films.select_film(film_id)
        self.films.view().setFocus()

    @Slot(str)
    def _show_view_chosen(self, name: str) -> None:
        self.window_actions["view_covers" if name == COVERS else "view_table"].setChecked(True)

    @Slot(int)
    def _film_chosen(self, _film_id: int) -> None:
        if self.collection.current() is not None:
            self.side.show_film()

    @Slot()
    def _update_actions(self) -> None:
        # With a list shown, the film table is hidden: its actions would act on films the
        # user cannot see.
        films_shown = self.center.currentWidget() is self.films
        self.window_actions.set_enabled(FILM_ACTIONS, films_shown and self.films.has_selection())
        self.window_actions["edit_film"].setEnabled(
            films_shown and self.films.current_film() is not None
        )
        shown = self.details.shown_id() is not None
        self.window_actions.set_enabled(SHOWN_FILM_ACTIONS, shown)
        if self.catalog.read_only:
            self.window_actions.set_enabled(EDITING_ACTIONS, False)

    def _read_only_text(self) -> str:
        return read_only_text(self.catalog)

    def _show_read_only(self) -> None:
        """Say so at the top and in the title; editing is off (menus, and the panel's
        fields: a click that would still change something says so in the status bar)."""
        self.setWindowTitle(self.tr("filmdesk (read-only)"))
        self.notice.show_text(self._read_only_text())
        detail = self.detail
        for text in (detail.tags, detail.notes):
            text.setReadOnly(True)
            text.setPlaceholderText("")  # "Your thoughts…" would invite typing
        detail.set_editable(False)
        self.films.table.posters_droppable = False
        self.sidebar_view.set_editable(False)
        self.list_view.set_editable(False)
        self.collection_panel.set_editable(False)

    @Slot(QPoint)
    def show_film_menu(self, position: QPoint) -> None:
        """The film table's context menu, at a global position."""
        menu = QMenu(self)
        self.window_actions.fill_menu(menu, FILM_MENU)
        film_ids = [f.id for f in self.films.selected_films()]
        self.membership.add_film_menu(menu, film_ids, self.collection.current())
        menu.exec(position)

    @Slot()
    def undo(self) -> None:
        """Edit › Undo, after saving what is being typed (so that text is a step of its own
        and is not saved again over the undone state later)."""
        self.details.flush()
        self.undo_stack.undo()

    @Slot()
    def redo(self) -> None:
        """Edit › Redo (after saving what is being typed)."""
        self.details.flush()
        self.undo_stack.redo()

    @Slot()
    def show_about(self) -> None:
        """Help › About."""
        from filmdesk.ui.dialogs.about_dialog import AboutDialog

        AboutDialog(location(self.catalog.engine), self).exec()

    @Slot()
    def show_shortcuts(self) -> None:
        """Help › Keyboard Shortcuts (F1)."""
        ShortcutsDialog(self.window_actions.shortcut_sections(), self).exec()

    # --- appearance, language, window state ---------------------------------------------

    @Slot(QAction)
    def _appearance_chosen(self, action: QAction) -> None:
        name = str(action.data())
        self.settings.setValue("appearance", name)
        apply_appearance(name)
        self.films.table.tune_palette()
        self._refresh_icons()
        self.stats.redraw()

    def _refresh_icons(self) -> None:
        # The desktop's icon theme suits only the desktop's own colours.
        follow = str(self.settings.value("appearance", "system")) == "system"
        self.window_actions.refresh_icons(QApplication.palette(), from_theme=follow)

    @Slot(QAction)
    def _language_chosen(self, action: QAction) -> None:
        self.settings.setValue("language", str(action.data()))
        self.settings.sync()
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("filmdesk will use the new language the next time it starts."),
        )

    def _restore_state(self) -> None:
        settings = self.settings
        if settings.value("version") != str(SETTINGS_VERSION):
            return
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        bring_on_screen(self)
        splitter = settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        self.films.restore_state(settings)
        details = settings.value("window/details", "true")
        self.window_actions["details"].setChecked(str(details).lower() != "false")

    def save_state(self) -> None:
        """Remember geometry, splitters, columns, sort and the sidebar's entry."""
        settings = self.settings
        settings.setValue("version", str(SETTINGS_VERSION))
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/sidebar", self.outer.saveState())
        details = self.window_actions["details"].isChecked()
        settings.setValue("window/details", "true" if details else "false")
        self.films.save_state(settings)
        self.sidebar.save_state(settings)
        settings.sync()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            self.films.table.tune_palette()
            self._refresh_icons()
            self.stats.redraw()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.films.search.text():
            self.films.clear_search()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.details.flush()  # notes typed a moment ago are saved before the window goes
        self._follow_timer.stop()
        self.stats.shut_down()  # (a count in the background ends before the catalog closes)
        self.sidebar.shut_down()
        self.watch.close()
        self.server_link.close()
        self.save_state()
        look_again()  # (what the start set aside goes with the window, as garbage may)
        super().closeEvent(event)
