"""Small dialogs for collections and screening lists: their details, and picking films."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from filmdesk.core.folding import fold
from filmdesk.core.records import FilmRow
from filmdesk.core.sorting import title_sort_key

PICKER_LIMIT = 500  # films listed at once; typing narrows a big catalog down


class DetailsDialog(QDialog):
    """Name, (audience,) description: for a new or existing list or collection."""

    def __init__(
        self,
        title: str,
        name: str = "",
        description: str = "",
        audience: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(460, 300)
        form = QFormLayout(self)
        self.name = QLineEdit(name)
        self.name.setObjectName("name")
        form.addRow(self.tr("&Title:"), self.name)
        self.audience: QLineEdit | None = None
        if audience is not None:
            self.audience = QLineEdit(audience)
            self.audience.setObjectName("audience")
            self.audience.setPlaceholderText(self.tr("e.g. Year 9B, the film club"))
            form.addRow(self.tr("&Audience:"), self.audience)
        self.description = QPlainTextEdit(description)
        self.description.setObjectName("description")
        self.description.setTabChangesFocus(True)
        form.addRow(self.tr("&Description:"), self.description)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.name.textChanged.connect(self._check)
        self._check()

    @Slot()
    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()))

    def values(self) -> dict[str, str]:
        """The fields as typed (name, description, and audience for a list)."""
        values = {
            "name": " ".join(self.name.text().split()),
            "description": self.description.toPlainText().strip(),
        }
        if self.audience is not None:
            values["audience"] = self.audience.text().strip()
        return values


class FilmPickerDialog(QDialog):
    """Choose films from the catalog (type to narrow the list; select several)."""

    def __init__(
        self,
        title: str,
        films: Sequence[FilmRow],
        present: Collection[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(520, 560)
        self._films = sorted(films, key=lambda f: title_sort_key(f.title))
        self._present = set(present)
        self._keys = [
            fold(" ".join([f.title, f.original_title, str(f.year or ""), *f.directors]))
            for f in self._films
        ]
        layout = QVBoxLayout(self)
        self.filter = QLineEdit()
        self.filter.setObjectName("pickerFilter")
        self.filter.setPlaceholderText(self.tr("Type part of a title, a year or a director…"))
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        self.list = QListWidget()
        self.list.setObjectName("pickerList")
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        layout.addWidget(self.list, 1)
        self.hint = QLabel()
        self.hint.setEnabled(False)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.filter.textChanged.connect(self._fill)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self._fill()
        self._selection_changed()

    @Slot()
    def _fill(self) -> None:
        words = fold(self.filter.text()).split()
        self.list.clear()
        shown = 0
        for film, key in zip(self._films, self._keys, strict=True):
            if words and not all(word in key for word in words):
                continue
            shown += 1
            if shown > PICKER_LIMIT:
                continue
            label = film.title + (f" ({film.year})" if film.year else "")
            if film.directors:
                label += " — " + ", ".join(film.directors)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, film.id)
            if film.id in self._present:
                item.setText(label + "  " + self.tr("(in the list already)"))
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        if shown > PICKER_LIMIT:
            self.hint.setText(
                self.tr("Showing the first {shown} of {total}; type to narrow down.")
                .replace("{shown}", str(PICKER_LIMIT))
                .replace("{total}", str(shown))
            )
        else:
            self.hint.setText(
                self.tr("Select several with Ctrl or Shift; a double-click adds one film.")
            )

    @Slot()
    def _selection_changed(self) -> None:
        count = len(self.list.selectedItems())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Add %n film(s)", "", count) if count else self.tr("Add"))
        ok.setEnabled(count > 0)

    def film_ids(self) -> list[int]:
        """The chosen films, in the order listed."""
        return [
            int(self.list.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.list.count())
            if self.list.item(r).isSelected()
        ]
