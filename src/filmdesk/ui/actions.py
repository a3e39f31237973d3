"""Every action of the window in one table: its text, shortcuts, icon, menu and place on the
toolbar. The menus, the toolbar and Help › Keyboard Shortcuts are all built from it, so what
the sheet lists is what the keys do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

from filmdesk.ui.dialogs.shortcuts_dialog import Section, keys_text, plain
from filmdesk.ui.shell.i18n import QT_TRANSLATE_NOOP
from filmdesk.ui.shell.icons import action_icon

Menu = Literal["file", "edit", "view", "help"]
Key = QKeySequence.StandardKey | str
_STD = QKeySequence.StandardKey
_NATIVE = QKeySequence.SequenceFormat.NativeText
CONTEXT = "Actions"


@dataclass(frozen=True)
class ActionSpec:
    """One row of the table. ``section``: a separator comes between sections of one menu.
    ``toolbar``: its place on the toolbar (0: not there; tens are groups, with a separator
    between them). ``submenu``: a menu the window fills (columns, appearance, language).
    ``group``: checkable actions of one exclusive group (the table or the covers)."""

    id: str
    text: str
    menu: Menu
    section: int = 0
    shortcuts: tuple[Key, ...] = ()
    icon: str | None = None  # a freedesktop icon name
    toolbar: int = 0
    tip: str = ""
    checkable: bool = False
    submenu: bool = False
    group: str = ""  # checkable actions of one group: one of them is checked


MENUS: tuple[tuple[Menu, str], ...] = (
    ("file", QT_TRANSLATE_NOOP("Actions", "&File")),
    ("edit", QT_TRANSLATE_NOOP("Actions", "&Edit")),
    ("view", QT_TRANSLATE_NOOP("Actions", "&View")),
    ("help", QT_TRANSLATE_NOOP("Actions", "&Help")),
)

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "new_film",
        QT_TRANSLATE_NOOP("Actions", "&New Film…"),
        "file",
        0,
        shortcuts=(_STD.New,),
        icon="document-new",
        toolbar=11,
        tip=QT_TRANSLATE_NOOP("Actions", "Add a film to the catalog"),
    ),
    ActionSpec(
        "new_collection",
        QT_TRANSLATE_NOOP("Actions", "New &Collection…"),
        "file",
        0,
        shortcuts=(),
    ),
    ActionSpec(
        "new_list",
        QT_TRANSLATE_NOOP("Actions", "New &Screening List…"),
        "file",
        0,
        shortcuts=(),
    ),
    ActionSpec(
        "import",
        QT_TRANSLATE_NOOP("Actions", "&Import…"),
        "file",
        1,
        shortcuts=("Ctrl+I",),
        tip=QT_TRANSLATE_NOOP("Actions", "Add films from a CSV or JSON file"),
    ),
    # A Letterboxd export unzipped is a folder, which a file dialog does not let one choose.
    ActionSpec(
        "import_folder",
        QT_TRANSLATE_NOOP("Actions", "Import &Folder…"),
        "file",
        1,
        shortcuts=("Ctrl+Shift+I",),
        tip=QT_TRANSLATE_NOOP("Actions", "Add films from a folder: an unzipped Letterboxd export"),
    ),
    ActionSpec(
        "export",
        QT_TRANSLATE_NOOP("Actions", "&Export…"),
        "file",
        1,
        shortcuts=("Ctrl+E",),
        tip=QT_TRANSLATE_NOOP("Actions", "Write films to a CSV or JSON file"),
    ),
    ActionSpec(
        "year_review",
        QT_TRANSLATE_NOOP("Actions", "&Year in Review…"),
        "file",
        1,
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Print one year of watching: its figures, charts and every film watched"
        ),
    ),
    ActionSpec(
        "copy_catalog",
        QT_TRANSLATE_NOOP("Actions", "Co&py Catalog To…"),
        "file",
        2,
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Copy the whole catalog into a new file or an empty database on a server"
        ),
    ),
    ActionSpec(
        "restore_backup",
        QT_TRANSLATE_NOOP("Actions", "&Restore from Backup…"),
        "file",
        2,
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Put back a copy of the catalog that filmdesk made earlier"
        ),
    ),
    ActionSpec(
        "open_shared",
        QT_TRANSLATE_NOOP("Actions", "Open S&hared Catalog…"),
        "file",
        2,
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Open a catalog on a PostgreSQL server, shared by a club or a school"
        ),
    ),
    ActionSpec(
        "open_local",
        QT_TRANSLATE_NOOP("Actions", "Open &Local Catalog"),
        "file",
        2,
        tip=QT_TRANSLATE_NOOP("Actions", "Back to the catalog kept on this computer"),
    ),
    ActionSpec(
        "quit",
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        "file",
        3,
        shortcuts=(_STD.Quit,),
    ),
    ActionSpec(
        "undo",
        QT_TRANSLATE_NOOP("Actions", "&Undo"),
        "edit",
        0,
        shortcuts=(_STD.Undo,),
        icon="edit-undo",
        toolbar=21,
    ),
    # Ctrl+Shift+Z everywhere, and whatever else the platform calls Redo (Ctrl+Y): once each.
    ActionSpec(
        "redo",
        QT_TRANSLATE_NOOP("Actions", "&Redo"),
        "edit",
        0,
        shortcuts=("Ctrl+Shift+Z", _STD.Redo),
        icon="edit-redo",
        toolbar=22,
    ),
    ActionSpec(
        "edit_film",
        QT_TRANSLATE_NOOP("Actions", "&Edit Film…"),
        "edit",
        1,
        shortcuts=("F2",),
        icon="document-properties",
        toolbar=12,
        tip=QT_TRANSLATE_NOOP("Actions", "Edit the current film"),
    ),
    ActionSpec(
        "delete",
        QT_TRANSLATE_NOOP("Actions", "&Delete"),
        "edit",
        1,
        shortcuts=(_STD.Delete,),
        icon="edit-delete",
        toolbar=13,
        tip=QT_TRANSLATE_NOOP("Actions", "Delete the selected films"),
    ),
    ActionSpec(
        "set_poster",
        QT_TRANSLATE_NOOP("Actions", "Set &Poster…"),
        "edit",
        4,
        tip=QT_TRANSLATE_NOOP("Actions", "Choose an image file as the current film's poster"),
    ),
    ActionSpec(
        "paste_poster",
        QT_TRANSLATE_NOOP("Actions", "Paste P&oster"),
        "edit",
        4,
        shortcuts=("Ctrl+Shift+V",),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Make the image on the clipboard the current film's poster"
        ),
    ),
    ActionSpec(
        "mark_watched",
        QT_TRANSLATE_NOOP("Actions", "Mark &Watched"),
        "edit",
        2,
        shortcuts=("Ctrl+W",),
        icon="object-select",
        toolbar=31,
        tip=QT_TRANSLATE_NOOP("Actions", "Mark the selected films watched today"),
    ),
    ActionSpec(
        "mark_unwatched",
        QT_TRANSLATE_NOOP("Actions", "Mark &Not Watched"),
        "edit",
        2,
        shortcuts=("Ctrl+Shift+W",),
    ),
    ActionSpec(
        "add_tag",
        QT_TRANSLATE_NOOP("Actions", "&Add Tag…"),
        "edit",
        2,
        shortcuts=("Ctrl+T",),
    ),
    ActionSpec(
        "remove_tag",
        QT_TRANSLATE_NOOP("Actions", "&Remove Tag…"),
        "edit",
        2,
        shortcuts=("Ctrl+Shift+T",),
    ),
    ActionSpec(
        "find",
        QT_TRANSLATE_NOOP("Actions", "&Find"),
        "edit",
        3,
        shortcuts=(_STD.Find,),
    ),
    ActionSpec(
        "save_search",
        QT_TRANSLATE_NOOP("Actions", "&Save Search…"),
        "edit",
        3,
        shortcuts=("Ctrl+Shift+F",),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Keep this search under a name, in the sidebar under “Saved searches”"
        ),
    ),
    ActionSpec(
        "view_table",
        QT_TRANSLATE_NOOP("Actions", "&Table"),
        "view",
        0,
        shortcuts=("Ctrl+1",),
        icon="view-list-details",
        toolbar=41,
        tip=QT_TRANSLATE_NOOP("Actions", "Show the films as a table"),
        checkable=True,
        group="films_view",
    ),
    ActionSpec(
        "view_covers",
        QT_TRANSLATE_NOOP("Actions", "C&overs"),
        "view",
        0,
        shortcuts=("Ctrl+2",),
        icon="view-list-icons",
        toolbar=42,
        tip=QT_TRANSLATE_NOOP("Actions", "Show the films as a grid of posters"),
        checkable=True,
        group="films_view",
    ),
    ActionSpec(
        "view_stats",
        QT_TRANSLATE_NOOP("Actions", "&Statistics"),
        "view",
        0,
        shortcuts=("Ctrl+3",),
        icon="office-chart-bar",
        toolbar=43,
        tip=QT_TRANSLATE_NOOP(
            "Actions", "What you have watched: figures and charts of the films shown"
        ),
        checkable=True,
        group="films_view",
    ),
    ActionSpec("columns", QT_TRANSLATE_NOOP("Actions", "&Columns"), "view", 1, submenu=True),
    ActionSpec(
        "details",
        QT_TRANSLATE_NOOP("Actions", "Film &Details"),
        "view",
        1,
        shortcuts=("Ctrl+D",),
        checkable=True,
    ),
    ActionSpec("appearance", QT_TRANSLATE_NOOP("Actions", "&Appearance"), "view", 2, submenu=True),
    ActionSpec("language", QT_TRANSLATE_NOOP("Actions", "&Language"), "view", 2, submenu=True),
    ActionSpec(
        "shortcuts",
        QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"),
        "help",
        0,
        shortcuts=("F1",),
    ),
    ActionSpec("about", QT_TRANSLATE_NOOP("Actions", "&About filmdesk"), "help", 1),
)

# Keys that act outside the menus, for the shortcut sheet: (what, keys or a key to name).
ELSEWHERE: tuple[tuple[str, str, bool], ...] = (
    (QT_TRANSLATE_NOOP("Actions", "Clear the search"), "Esc", True),
    (
        QT_TRANSLATE_NOOP("Actions", "Edit a film"),
        QT_TRANSLATE_NOOP("Actions", "Double-click"),
        False,
    ),
    (QT_TRANSLATE_NOOP("Actions", "In the stars: half a star down / up"), "← / →", False),
    (QT_TRANSLATE_NOOP("Actions", "In the stars: whole stars"), "0 – 5", False),
    (QT_TRANSLATE_NOOP("Actions", "In the stars: clear the rating"), "Del", True),
)

# The film table's context menu: these, then Add to ▸ (see operations.membership).
FILM_MENU = (
    "edit_film", "delete", "-", "set_poster", "paste_poster", "-", "mark_watched",
    "mark_unwatched", "add_tag", "remove_tag",
)  # fmt: skip

# Acting on the film the details show (on the films page or a list's page).
SHOWN_FILM_ACTIONS = ("set_poster", "paste_poster")

# Acting on the films selected in the table: off while nothing is chosen or a list is shown.
FILM_ACTIONS = ("delete", "mark_watched", "mark_unwatched", "add_tag", "remove_tag")

# Changing the catalog: off for good when it is read-only.
EDITING_ACTIONS = (
    "new_film", "new_collection", "new_list", "import", "import_folder", "restore_backup",
    "undo", "redo", "edit_film", "save_search", *FILM_ACTIONS, *SHOWN_FILM_ACTIONS,
)  # fmt: skip


def translated(text: str) -> str:
    """A text of the table in the interface's language."""
    return QCoreApplication.translate(CONTEXT, text)


def key_sequences(keys: tuple[Key, ...]) -> list[QKeySequence]:
    """The key sequences of ``keys`` (a standard key as this platform names it first), each
    once. On X11 the platform's Redo is Ctrl+Shift+Z itself: the same sequence twice on one
    action makes Qt call it an ambiguous shortcut, and then neither fires."""
    found: dict[str, QKeySequence] = {}
    for key in keys:
        sequence = QKeySequence(key)
        name = sequence.toString(QKeySequence.SequenceFormat.PortableText)
        if name:
            found.setdefault(name, sequence)
    return list(found.values())


def toolbar_text(text: str) -> str:
    """A short, fixed text for a toolbar button: no mnemonic, no ellipsis."""
    return plain(text).removesuffix("…")


class Actions(QObject):
    """The window's actions, made from ``ACTIONS``; ``actions["undo"]`` is one of them."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self._actions: dict[str, QAction] = {}
        self.submenus: dict[str, QMenu] = {}
        self.groups: dict[str, QActionGroup] = {}
        for spec in ACTIONS:
            if spec.submenu:
                continue
            action = QAction(translated(spec.text), window)
            action.setObjectName(spec.id)
            action.setShortcuts(key_sequences(spec.shortcuts))
            # The toolbar button keeps a short text of its own: Undo does not grow with the
            # step's name (that is in the Edit menu and the tooltip).
            action.setIconText(toolbar_text(action.text()))
            if spec.tip:
                action.setStatusTip(translated(spec.tip))
            action.setCheckable(spec.checkable)
            if spec.group:
                if spec.group not in self.groups:
                    self.groups[spec.group] = QActionGroup(self)
                self.groups[spec.group].addAction(action)
            window.addAction(action)  # the shortcuts work wherever the focus is
            self._actions[spec.id] = action
        # (Their icons come once the window knows its appearance: refresh_icons.)

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def connect_handlers(self, handlers: Mapping[str, Callable[[], object]]) -> None:
        """Run ``handlers[id]`` when action ``id`` is triggered."""
        for action_id, handler in handlers.items():
            self._actions[action_id].triggered.connect(lambda _checked=False, h=handler: h())

    def set_enabled(self, action_ids: tuple[str, ...], enabled: bool) -> None:
        """Enable or disable several actions."""
        for action_id in action_ids:
            self._actions[action_id].setEnabled(enabled)

    def refresh_icons(self, palette: QPalette, *, from_theme: bool) -> None:
        """Icons in ``palette``'s colours (again, after the appearance changed)."""
        for spec in ACTIONS:
            if spec.icon and spec.id in self._actions:
                self._actions[spec.id].setIcon(
                    action_icon(spec.icon, palette, from_theme=from_theme)
                )

    def build_menus(self, menu_bar: QMenuBar) -> None:
        """The menu bar from the table; submenus are left empty for the window to fill."""
        for menu_id, title in MENUS:
            menu = menu_bar.addMenu(translated(title))
            menu.setObjectName(f"{menu_id}Menu")
            section: int | None = None
            for spec in (s for s in ACTIONS if s.menu == menu_id):
                if section is not None and spec.section != section:
                    menu.addSeparator()
                section = spec.section
                if spec.submenu:
                    self.submenus[spec.id] = menu.addMenu(translated(spec.text))
                else:
                    menu.addAction(self._actions[spec.id])

    def build_toolbar(self, title: str) -> QToolBar:
        """The toolbar: the actions with a place on it, in order, in groups."""
        toolbar = QToolBar(title)
        on_it = sorted((s for s in ACTIONS if s.toolbar), key=lambda s: s.toolbar)
        group: int | None = None
        for spec in on_it:
            if group is not None and spec.toolbar // 10 != group:
                toolbar.addSeparator()
            group = spec.toolbar // 10
            toolbar.addAction(self._actions[spec.id])
        return toolbar

    def fill_menu(self, menu: QMenu, action_ids: tuple[str, ...]) -> None:
        """Add these actions to a (context) menu; "-" is a separator."""
        for action_id in action_ids:
            if action_id == "-":
                menu.addSeparator()
            else:
                menu.addAction(self._actions[action_id])

    def track_undo_stack(self, stack: QUndoStack) -> None:
        """Undo and Redo follow the stack: enabled when there is a step, named after it in the
        menu and the tooltip."""
        undo, redo = self._actions["undo"], self._actions["redo"]
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.undoTextChanged.connect(
            lambda text: self._name_step(undo, QT_TRANSLATE_NOOP("Actions", "&Undo {action}"), text)
        )
        stack.redoTextChanged.connect(
            lambda text: self._name_step(redo, QT_TRANSLATE_NOOP("Actions", "&Redo {action}"), text)
        )
        self._name_step(undo, QT_TRANSLATE_NOOP("Actions", "&Undo {action}"), stack.undoText())
        self._name_step(redo, QT_TRANSLATE_NOOP("Actions", "&Redo {action}"), stack.redoText())

    @staticmethod
    def _name_step(action: QAction, named: str, step: str) -> None:
        base = (
            QT_TRANSLATE_NOOP("Actions", "&Undo")
            if action.objectName() == "undo"
            else QT_TRANSLATE_NOOP("Actions", "&Redo")
        )
        # A step named after a film "Tom & Jerry" must not make "J" the menu's mnemonic.
        name = step.replace("&", "&&")
        text = translated(named).replace("{action}", name) if step else translated(base)
        action.setText(text)
        action.setToolTip(plain(text))

    def shortcut_sections(self) -> list[Section]:
        """What Help › Keyboard Shortcuts lists: each menu's actions with keys, as they are
        now, then the keys that act elsewhere."""
        sections: list[Section] = []
        for menu_id, title in MENUS:
            rows = [
                (self._actions[s.id].text(), keys_text(self._actions[s.id]))
                for s in ACTIONS
                if s.menu == menu_id and not s.submenu and self._actions[s.id].shortcuts()
            ]
            if rows:
                sections.append((translated(title), rows))
        elsewhere = [
            (translated(what), QKeySequence(keys).toString(_NATIVE) if key else translated(keys))
            for what, keys, key in ELSEWHERE
        ]
        sections.append((translated(QT_TRANSLATE_NOOP("Actions", "Elsewhere")), elsewhere))
        return sections
