"""Reading and writing files: import (a dry run, then one undoable step), export of films,
a screening list's export and handout, and a copy of the whole catalog."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from filmdesk.core.operations import Outcome
from filmdesk.core.progress import ImportCancelled, Progress
from filmdesk.core.records import FilmRow, ScreeningListRecord
from filmdesk.ui.operations.context import StepContext, quoted
from filmdesk.ui.operations.film_steps import import_step
from filmdesk.ui.shell.background import run_with_progress
from filmdesk.ui.shell.i18n import interface_language
from filmdesk.ui.undo import with_records
from filmdesk.ui.widgets.plain_text import as_typed

if TYPE_CHECKING:
    from filmdesk.core.importing.apply import ImportResult


class FileOperations(QObject):
    """File › Import…, File › Import Folder…, File › Export…, File › Year in Review…, File ›
    Copy Catalog To…, a list's Export… and Handout…"""

    def __init__(self, context: StepContext) -> None:
        super().__init__(context.window)
        self.context = context
        self.catalog = context.catalog

    def _message(self, text: str) -> None:
        self.context.message(text, 8000)

    @Slot()
    def import_file(self) -> None:
        """File › Import…: a file chosen, then imported (see ``import_path``)."""
        self.context.save_typing()
        path, _ = QFileDialog.getOpenFileName(
            self.context.window,
            self.tr("Import films"),
            self.context.last_folder(),
            self.tr("Film lists (*.csv *.json *.zip *.txt);;All files (*)"),
        )
        if path:
            self.import_path(Path(path))

    @Slot()
    def import_folder(self) -> None:
        """File › Import Folder…: a folder chosen (an unzipped Letterboxd export), then
        imported (see ``import_path``)."""
        self.context.save_typing()
        path = QFileDialog.getExistingDirectory(
            self.context.window, self.tr("Import a folder"), self.context.last_folder()
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> None:
        """A dry run of a file or folder first, then the whole of it in one undoable step."""
        from filmdesk.core.exchange import UnreadableFileError
        from filmdesk.core.exchange.planning import plan_import
        from filmdesk.ui.dialogs.import_dialog import ImportDialog

        window = self.context.window
        self.context.remember_folder(path)
        name = path.name
        try:
            plan = run_with_progress(
                window,
                self.tr("Reading {file}…").replace("{file}", name),
                lambda progress: plan_import(self.catalog, path, progress=progress),
            )
        except ImportCancelled:
            return
        except UnreadableFileError as exc:
            problems = "\n".join(str(p) for p in exc.problems[:10])
            QMessageBox.warning(
                window,
                self.tr("Import"),
                as_typed(self.tr("Nothing was imported.") + f"\n\n{problems}"),
            )
            return
        dialog = ImportDialog(plan, window)
        if dialog.exec() != ImportDialog.DialogCode.Accepted:
            return
        skip = dialog.skip_bad_rows.isChecked()

        def run_import(progress: Progress) -> Outcome[ImportResult]:
            # In the background: the import, and reading back the films it added (seconds
            # for 100,000), so that the window only has to show them.
            done = self.catalog.imports.run(plan, skip_bad_rows=skip, progress=progress)
            return replace(done, changes=with_records(self.catalog, done.changes))

        try:
            outcome = run_with_progress(
                window, self.tr("Importing {file}…").replace("{file}", name), run_import
            )
        except ImportCancelled:
            self._message(self.tr("Import cancelled: nothing was changed."))
            return
        except Exception as exc:
            self.context.sink.command_failed(self.tr("Import {file}").replace("{file}", name), exc)
            return
        self.context.undo_stack.push(import_step(self.catalog, self.context.sink, plan, outcome))
        result = outcome.result
        self._message(
            self.tr("Imported {file}: %Ln added", "", len(result.added)).replace("{file}", name)
            + ", "
            + self.tr("%Ln updated", "", len(result.updated))
        )

    def export_films(
        self, selected: Sequence[FilmRow], shown: Sequence[int], total: int, search: str
    ) -> None:
        """File › Export…: every film, those shown or those selected, in a chosen format."""
        from filmdesk.core.exchange.formats import ExportOptions, FilmSelection, film_export
        from filmdesk.ui.dialogs.export_dialog import ExportDialog

        window = self.context.window
        self.context.save_typing()
        dialog = ExportDialog(total=total, shown=len(shown), selected=len(selected), parent=window)
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        file_format, scope, bom, delimiter = dialog.choice()
        posters = self.catalog.posters if dialog.wants_posters() else None
        chosen = film_export(file_format)  # the core's table of formats
        kind = {
            "json": self.tr("JSON backup (*.json)"),
            "pdf": self.tr("PDF (*.pdf)"),
            "html": self.tr("Web page (*.html)"),
        }.get(file_format, self.tr("CSV files (*.csv)"))
        start = Path(self.context.last_folder()) / f"films{chosen.save_suffix}"
        path, _ = QFileDialog.getSaveFileName(window, self.tr("Export films"), str(start), kind)
        if not path:
            return
        self.context.remember_folder(Path(path))
        ids = {"selection": [f.id for f in selected], "search": list(shown)}.get(scope, [])
        # The printed list's heading; the printout itself (core) is English.
        heading = "Films" if scope == "all" else f"Films: {search}"
        selection = FilmSelection(self.catalog, None if scope == "all" else ids)
        target = Path(path)

        def export(progress: Progress) -> int:
            # In a thread, behind a progress dialog with Cancel; the file is written whole or
            # not at all, so a Cancel leaves whatever was there before.
            progress(0, 1)
            options = ExportOptions(
                bom=bom,
                delimiter=delimiter,
                title=heading.strip(": "),
                sort="title",
                progress=progress,
                posters=posters,
            )
            return chosen.write(target, selection, options)

        try:
            count = run_with_progress(
                window, self.tr("Exporting to {file}…").replace("{file}", target.name), export
            )
        except ImportCancelled:
            self._message(self.tr("Export cancelled: nothing was written."))
            return
        except OSError as exc:
            QMessageBox.warning(
                window,
                self.tr("Export"),
                as_typed(  # the path may carry a list's name
                    self.tr("{path} could not be written.").replace("{path}", path)
                    + f"\n\n{exc.strerror}"
                ),
            )
            return
        self._message(self.tr("Exported %Ln film(s) to {path}", "", count).replace("{path}", path))

    @Slot()
    def year_review(self) -> None:
        """File › Year in Review…: a year that has viewings (the latest first), where to save
        it, then the PDF written in the background, in the interface's language."""
        from filmdesk.core.exchange.formats import REVIEW_EXPORTS, ExportOptions, YearReview

        window = self.context.window
        self.context.save_typing()
        title = self.tr("Year in Review")
        years = [str(year) for year in self.catalog.stats.years()]
        if not years:
            QMessageBox.information(
                window,
                title,
                self.tr(
                    "Nothing has been watched on a known day yet: a year in review lists "
                    "the films watched in a year, from their viewings."
                ),
            )
            return
        chosen_year, accepted = QInputDialog.getItem(
            window, title, self.tr("The year to review:"), years, 0, False
        )
        if not accepted or not chosen_year:
            return
        year = int(chosen_year)
        chosen = REVIEW_EXPORTS[0]  # the core's table: a review is a PDF
        start = Path(self.context.last_folder()) / f"review-{year}{chosen.save_suffix}"
        path, _ = QFileDialog.getSaveFileName(window, title, str(start), self.tr("PDF (*.pdf)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != chosen.save_suffix:
            target = target.with_name(target.name + chosen.save_suffix)
        self.context.remember_folder(target)
        review = YearReview(self.catalog, year, interface_language())

        def write(progress: Progress) -> int:
            return chosen.write(target, review, ExportOptions(progress=progress))

        try:
            run_with_progress(
                window, self.tr("Writing {file}…").replace("{file}", target.name), write
            )
        except ImportCancelled:
            self._message(self.tr("Export cancelled: nothing was written."))
            return
        except OSError as exc:
            QMessageBox.warning(
                window,
                title,
                as_typed(
                    self.tr("{path} could not be written.").replace("{path}", str(target))
                    + f"\n\n{exc.strerror or exc}"
                ),
            )
            return
        self._message(
            self.tr("The year in review of {year} is in {path}")
            .replace("{year}", str(year))
            .replace("{path}", str(target))
        )

    def open_handout(self, screening_list: ScreeningListRecord) -> None:
        """A list's Handout…: options, preview, print or save."""
        # Loaded when first used: printing brings Qt's print support and the PDF writer along.
        from filmdesk.ui.dialogs.handout_dialog import HandoutDialog

        dialog = HandoutDialog(
            screening_list,
            self.context.last_folder(),
            self.context.window,
            posters=self.catalog.posters,
        )
        dialog.exec()
        if dialog.saved is not None:
            self.context.remember_folder(dialog.saved)
            self.context.message(
                self.tr("Handout saved to {path}").replace("{path}", str(dialog.saved)), 6000
            )

    def export_list(self, screening_list: ScreeningListRecord) -> None:
        """A list's Export…: as CSV, or as a Letterboxd list."""
        from filmdesk.core.exchange.letterboxd import export_letterboxd_list
        from filmdesk.core.exchange.list_csv import export_list_csv
        from filmdesk.ui.dialogs.handout_dialog import safe_file_name

        window = self.context.window
        csv_filter = self.tr("List as CSV (*.csv)")
        letterboxd_filter = self.tr("Letterboxd list import (*.csv)")
        start = Path(self.context.last_folder()) / f"{safe_file_name(screening_list.name)}.csv"
        path, chosen = QFileDialog.getSaveFileName(
            window, self.tr("Export the list"), str(start), f"{csv_filter};;{letterboxd_filter}"
        )
        if not path:
            return
        target = Path(path)
        try:
            if chosen == letterboxd_filter:
                export_letterboxd_list(target, screening_list)
            else:
                export_list_csv(target, screening_list)
        except OSError as exc:
            QMessageBox.warning(
                window,
                self.tr("Export"),
                as_typed(  # the path may carry a list's name
                    self.tr("{path} could not be written.").replace("{path}", path)
                    + f"\n\n{exc.strerror or exc}"
                ),
            )
            return
        self.context.remember_folder(target)
        done = self.tr("Exported {name} to {path}")
        self.context.message(
            done.replace("{name}", quoted(screening_list.name)).replace("{path}", path), 6000
        )

    @Slot()
    def copy_catalog(self) -> None:
        """File › Copy Catalog To…: the whole catalog into a new file or an empty database on
        a server, in the background; then what was copied, and where."""
        from filmdesk.core.copying import CopyError, copy_catalog
        from filmdesk.ui.dialogs.copy_dialog import CopyDialog

        window = self.context.window
        self.context.save_typing()
        dialog = CopyDialog(self.context.last_folder(), window)
        if dialog.exec() != CopyDialog.DialogCode.Accepted:
            return
        target = dialog.target()
        to_file = dialog.file_choice.isChecked()
        if to_file:
            self.context.remember_folder(Path(target))
        engine = self.catalog.engine
        title = self.tr("Copy Catalog")
        try:
            result = run_with_progress(
                window,
                self.tr("Copying the catalog…"),
                lambda progress: copy_catalog(engine, target, progress=progress),
            )
        except ImportCancelled:
            self._message(self.tr("Copy cancelled: nothing was written."))
            return
        except CopyError as exc:
            QMessageBox.warning(
                window, title, as_typed(self.tr("The catalog was not copied.") + f"\n\n{exc}")
            )
            return
        # "10 films (12 viewings)": what each holds, where it holds any.
        held = (
            self.tr("%Ln viewing(s)", "", result.viewings) if result.viewings else "",
            self.tr("%Ln poster(s)", "", result.posters) if result.posters else "",
        )
        films = self._with_parts(
            self.tr("%Ln film(s)", "", result.films), ", ".join(part for part in held if part)
        )
        collections = self._with_parts(
            self.tr("%Ln collection(s)", "", result.collections),
            self.tr("%Ln comment(s)", "", result.comments) if result.comments else "",
        )
        lists = self._with_parts(
            self.tr("%Ln screening list(s)", "", result.lists),
            self.tr("%Ln entry(ies)", "", result.entries) if result.entries else "",
        )
        copied = (
            self.tr("Copied {films}, {collections} and {lists} to {where}.")
            .replace("{films}", films)
            .replace("{collections}", collections)
            .replace("{lists}", lists)
            .replace("{where}", result.target)
        )
        if to_file:
            later = self.tr(
                "This window goes on with the catalog it has open. To open the copy, start "
                "filmdesk with --database {where}"
            ).replace("{where}", result.target)
        else:
            later = self.tr(
                "This window goes on with the catalog it has open. File › Open Shared "
                "Catalog… opens the copy."
            )
        QMessageBox.information(window, title, as_typed(f"{copied}\n\n{later}"))

    def _with_parts(self, whole: str, parts: str) -> str:
        return (
            self.tr("{whole} ({parts})").replace("{whole}", whole).replace("{parts}", parts)
            if parts
            else whole
        )
