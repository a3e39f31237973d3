"""The import dialog says where each problem and notice is: the file inside the ZIP, the
line, and the film."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from filmdesk.core.exchange import ImportPlan, Notice, Problem
from filmdesk.ui.dialogs.import_dialog import ImportDialog


def _rows(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def test_problems_and_notices_name_the_file_in_the_zip_and_the_film(
    qtbot: QtBot, tmp_path: Path
) -> None:
    source = tmp_path / "letterboxd-x-2024-01-01-00-00-utc.zip"
    plan = ImportPlan(
        source=source,
        format="letterboxd",
        problems=[Problem(f"{source}:lists/year-9.csv", 7, "year", "1805 is outside", "Pier")],
        notices=[
            Notice(f"{source}:orphaned/diary.csv", 2, "The Lost Reel", "comes in by name", False),
            Notice(f"{source}:likes/reviews.csv", None, None, "left out"),
        ],
    )
    dialog = ImportDialog(plan)
    qtbot.addWidget(dialog)
    problems = dialog.findChild(QTableWidget, "problems")
    notices = dialog.findChild(QTableWidget, "notices")
    assert _rows(problems) == [["lists/year-9.csv:7", "Pier", "year", "1805 is outside"]]
    assert _rows(notices) == [
        ["orphaned/diary.csv:2", "The Lost Reel", "comes in by name"],
        ["likes/reviews.csv", "", "left out"],
    ]
    assert not dialog.import_button.isEnabled()  # the problem blocks; the notices do not
    heading = dialog.findChild(QLabel, "notices_heading")
    assert heading.text() == "1 row left out by design; 1 note on rows that are imported:"


def test_notes_alone_are_not_called_rows_left_out(qtbot: QtBot, tmp_path: Path) -> None:
    source = tmp_path / "ratings.csv"
    plan = ImportPlan(
        source=source,
        format="csv",
        notices=[Notice(str(source), 2, "Copper Meadow", "dates read month first", False)],
    )
    dialog = ImportDialog(plan)
    qtbot.addWidget(dialog)
    heading = dialog.findChild(QLabel, "notices_heading")
    assert heading.text() == "1 note on rows that are imported:"
