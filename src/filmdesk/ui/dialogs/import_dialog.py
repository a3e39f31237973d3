"""File › Import…: what the dry run found, and the user's choice."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from filmdesk.core.exchange import ImportPlan
from filmdesk.ui.widgets.plain_text import plain_label


def _where(plan: ImportPlan, file: str, line: int | None) -> str:
    """The file inside what is imported (``lists/year-9.csv`` of a ZIP or folder) and line."""
    source = str(plan.source)
    inside = file
    for prefix in (source + ":", source + "/"):
        if file.startswith(prefix):
            inside = file.removeprefix(prefix)
            break
    else:
        if file == source:
            inside = plan.source.name
    return f"{inside}:{line}" if line is not None else inside


class ImportDialog(QDialog):
    """Shows an import plan; Import applies it (all of it, or the good rows if chosen)."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import {file}").replace("{file}", plan.source.name))
        self.resize(680, 420 if plan.problems else 200)
        counts = ", ".join(
            (
                self.tr("%Ln new", "", len(plan.new)),
                self.tr("%Ln updated", "", len(plan.updates)),
                self.tr("%Ln unchanged", "", plan.unchanged),
            )
        )
        summary = QLabel(f"<b>{escape(plan.source.name)}</b> ({plan.format.upper()}): {counts}.")
        summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        if plan.lists:  # (made by the import, or added to: the user's own names, as typed)
            shown = []
            for each in plan.lists[:5]:
                films = self.tr("%n film(s)", "", len(each.entries))
                shown.append(f"{each.name} ({films})")
            names = ", ".join(shown)
            if len(plan.lists) > 5:
                names += " " + self.tr("and %n more", "", len(plan.lists) - 5)
            text = self.tr("Screening lists: {names}.").replace("{names}", names)
            lists = plain_label(QLabel(text))
            lists.setObjectName("importedLists")
            lists.setWordWrap(True)
            layout.addWidget(lists)
        self.skip_bad_rows = QCheckBox(self.tr("Import the other rows and leave these out"))
        if plan.problems:
            # The problems themselves come from the core, in English.
            explanation = QLabel(
                self.tr(
                    "%Ln row(s) with problems; nothing is imported unless you choose to leave "
                    "them out:",
                    "",
                    len(plan.problems),
                )
            )
            explanation.setWordWrap(True)
            layout.addWidget(explanation)
            # Which file (of a ZIP too) and film, or "2 · Name · is empty" repeats unplaced.
            table = QTableWidget(len(plan.problems), 4)
            table.setObjectName("problems")
            table.setHorizontalHeaderLabels(
                [self.tr("Where"), self.tr("Film"), self.tr("Field"), self.tr("Problem")]
            )
            table.verticalHeader().hide()
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            for row, problem in enumerate(plan.problems):
                where = _where(plan, problem.file, problem.line)
                table.setItem(row, 0, QTableWidgetItem(where))
                table.setItem(row, 1, QTableWidgetItem(problem.film or ""))
                table.setItem(row, 2, QTableWidgetItem(problem.field or ""))
                table.setItem(row, 3, QTableWidgetItem(problem.message))
            table.horizontalHeader().setStretchLastSection(True)
            table.resizeColumnToContents(0)
            layout.addWidget(table, 1)
            layout.addWidget(self.skip_bad_rows)
        if plan.notices:
            # Rows left out by design (a TV series, a film deleted on Letterboxd), and notes on
            # rows imported all the same (a film brought in by name, a date order assumed):
            # said, never a reason to refuse the file. The texts come from the core, in English.
            said = []
            if left_out := len(plan.left_out()):
                said.append(self.tr("%Ln row(s) left out by design", "", left_out))
            if notes := len(plan.notes()):
                said.append(self.tr("%Ln note(s) on rows that are imported", "", notes))
            heading = QLabel("; ".join(said) + ":")
            heading.setObjectName("notices_heading")
            layout.addWidget(heading)
            notices = QTableWidget(len(plan.notices), 3)
            notices.setObjectName("notices")
            notices.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Film"), self.tr("Why")])
            notices.verticalHeader().hide()
            notices.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            for row, notice in enumerate(plan.notices):
                notices.setItem(row, 0, QTableWidgetItem(_where(plan, notice.file, notice.line)))
                notices.setItem(row, 1, QTableWidgetItem(notice.film or ""))
                notices.setItem(row, 2, QTableWidgetItem(notice.message))
            notices.horizontalHeader().setStretchLastSection(True)
            notices.resizeColumnToContents(0)
            layout.addWidget(notices, 1)
            self.resize(680, 420)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        nothing_to_do = not (plan.new or plan.updates)
        self.import_button.setEnabled(not plan.problems and not nothing_to_do)
        self.skip_bad_rows.toggled.connect(
            lambda on: self.import_button.setEnabled(on and not nothing_to_do)
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
