"""The import dialog says where each problem and notice is: the file inside the ZIP, the
line, and the film."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
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


def test_the_screening_lists_a_file_brings_are_named(qtbot: QtBot, tmp_path: Path) -> None:
    # The command line's dry run named them; the window's said nothing of them.
    from filmdesk.core.exchange import IncomingEntry, IncomingList

    lists = [
        IncomingList("Harbour nights", entries=tuple(IncomingEntry(n) for n in range(3))),
        IncomingList("<b>Year 9</b>", entries=(IncomingEntry(9),)),
        *(IncomingList(f"Term {n}") for n in range(5)),
    ]
    plan = ImportPlan(source=tmp_path / "export.zip", format="letterboxd", lists=lists)
    dialog = ImportDialog(plan)
    qtbot.addWidget(dialog)
    said = dialog.findChild(QLabel, "importedLists")
    assert said.text() == (
        "Screening lists: Harbour nights (3 films), <b>Year 9</b> (1 film), Term 0 (0 films),"
        " Term 1 (0 films), Term 2 (0 films) and 2 more."
    )
    assert said.textFormat() == Qt.TextFormat.PlainText  # (a name is shown as typed)
    without = ImportDialog(ImportPlan(source=tmp_path / "films.csv", format="csv"))
    qtbot.addWidget(without)
    assert without.findChild(QLabel, "importedLists") is None
