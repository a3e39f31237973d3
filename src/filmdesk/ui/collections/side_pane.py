"""The right side of the window: the film's details, or the collection chosen in the sidebar,
with a switch between the two while a collection is chosen."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


class SidePane(QWidget):
    """Details of a film, or a collection's panel."""

    def __init__(self, details: QWidget, collection: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("side")
        self.details = details
        self.collection = collection
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(0)
        self.switch = QWidget()
        row = QHBoxLayout(self.switch)
        row.setContentsMargins(14, 0, 14, 0)
        row.setSpacing(0)
        self.show_collection_button = QPushButton(self.tr("Collection"))
        self.show_collection_button.setObjectName("showCollection")
        self.show_film_button = QPushButton(self.tr("Film"))
        self.show_film_button.setObjectName("showFilm")
        self.switch_group = QButtonGroup(self)
        for button in (self.show_collection_button, self.show_film_button):
            button.setCheckable(True)
            self.switch_group.addButton(button)
            row.addWidget(button, 1)
        self.show_collection_button.clicked.connect(self.show_collection)
        self.show_film_button.clicked.connect(self.show_film)
        self.switch.hide()
        layout.addWidget(self.switch)
        self.stack = QStackedWidget()
        self.stack.addWidget(details)
        self.stack.addWidget(collection)
        layout.addWidget(self.stack, 1)

    def set_collection_chosen(self, chosen: bool) -> None:
        """A collection is chosen in the sidebar (show it), or none is (show the film)."""
        self.switch.setVisible(chosen)
        if chosen:
            self.show_collection()
        else:
            self.show_film()

    def collection_chosen(self) -> bool:
        """Whether the switch between collection and film is there."""
        return not self.switch.isHidden()

    def show_collection(self) -> None:
        """The collection's panel (when one is chosen)."""
        if not self.collection_chosen():
            return
        self.stack.setCurrentWidget(self.collection)
        self.show_collection_button.setChecked(True)

    def show_film(self) -> None:
        """The film's details."""
        self.stack.setCurrentWidget(self.details)
        self.show_film_button.setChecked(True)
