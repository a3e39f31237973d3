"""Reading and writing files: import (a dry run, then one undoable step), export of films,
and a screening list's export and handout."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox

from filmdesk.core.catalog import Catalog
from filmdesk.core.exchange import ImportCancelled, Progress, UnreadableFileError
from filmdesk.core.records import FilmRecord, FilmRow, ScreeningListRecord
from filmdesk.core.search import sort_films
from filmdesk.ui.operations.context import StepContext, quoted
from filmdesk.ui.operations.film_steps import import_step
from filmdesk.ui.shell.background import run_with_progress

Writer = Callable[[Path, Catalog, Sequence[FilmRecord], str, Progress], int]


def _write_json(target: Path, catalog: Catalog, films: Sequence[FilmRecord], _h: str,
                _p: Progress) -> int:  # fmt: skip
    from filmdesk.core.exchange.json_format import export_backup

    return export_backup(target, catalog, films)


def _write_letterboxd(target: Path, _c: Catalog, films: Sequence[FilmRecord], _h: str,
                      _p: Progress) -> int:  # fmt: skip
    from filmdesk.core.exchange.letterboxd import export_letterboxd

    return export_letterboxd(target, films)


def _write_printable(kind: str) -> Writer:
    def write(target: Path, _c: Catalog, films: Sequence[FilmRecord], heading: str,
              _p: Progress) -> int:  # fmt: skip
        # Loaded only when printing: the PDF library brings Pillow and fontTools along.
        from filmdesk.core.exchange.printable import export_html, export_pdf

        writer = export_pdf if kind == "pdf" else export_html
        return writer(target, sort_films(films, "title"), heading)

    return write


# The export dialog's formats, other than CSV (written from columns, not records).
WRITERS: dict[str, Writer] = {
    "json": _write_json,
    "letterboxd": _write_letterboxd,
    "pdf": _write_printable("pdf"),
    "html": _write_printable("html"),
}


class FileOperations(QObject):
    """File › Import…, File › Export…, a list's Export… and Handout…"""

    def __init__(self, context: StepContext) -> None:
        super().__init__(context.window)
        self.context = context
        self.catalog = context.catalog

    def _message(self, text: str) -> None:
        self.context.message(text, 8000)

    @Slot()
    def import_file(self) -> None:
        """File › Import…: a dry run first, then the whole file in one undoable step."""
        from filmdesk.core.exchange.planning import plan_import
        from filmdesk.ui.dialogs.import_dialog import ImportDialog

        window = self.context.window
        self.context.save_typing()
        path, _ = QFileDialog.getOpenFileName(
            window,
            self.tr("Import films"),
            self.context.last_folder(),
            self.tr("Film lists (*.csv *.json *.zip *.txt);;All files (*)"),
        )
        if not path:
            return
        self.context.remember_folder(Path(path))
        name = Path(path).name
        try:
            plan = run_with_progress(
                window,
                self.tr("Reading {file}…").replace("{file}", name),
                lambda progress: plan_import(self.catalog, Path(path), progress=progress),
            )
        except ImportCancelled:
            return
        except UnreadableFileError as exc:
            problems = "\n".join(str(p) for p in exc.problems[:10])
            QMessageBox.warning(
                window, self.tr("Import"), self.tr("Nothing was imported.") + f"\n\n{problems}"
            )
            return
        dialog = ImportDialog(plan, window)
        if dialog.exec() != ImportDialog.DialogCode.Accepted:
            return
        skip = dialog.skip_bad_rows.isChecked()
        try:
            outcome = run_with_progress(
                window,
                self.tr("Importing {file}…").replace("{file}", name),
                lambda progress: self.catalog.imports.run(
                    plan, skip_bad_rows=skip, progress=progress
                ),
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
        from filmdesk.core.exchange.csv_format import export_csv
        from filmdesk.ui.dialogs.export_dialog import ExportDialog

        window = self.context.window
        self.context.save_typing()
        dialog = ExportDialog(total=total, shown=len(shown), selected=len(selected), parent=window)
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        file_format, scope, bom, delimiter = dialog.choice()
        suffix, kind = {
            "json": (".json", self.tr("JSON backup (*.json)")),
            "pdf": (".pdf", self.tr("PDF (*.pdf)")),
            "html": (".html", self.tr("Web page (*.html)")),
        }.get(file_format, (".csv", self.tr("CSV files (*.csv)")))
        start = Path(self.context.last_folder()) / f"films{suffix}"
        path, _ = QFileDialog.getSaveFileName(window, self.tr("Export films"), str(start), kind)
        if not path:
            return
        self.context.remember_folder(Path(path))
        ids = {"selection": [f.id for f in selected], "search": list(shown)}.get(scope, [])
        # The printed list's heading; the printout itself (core) is English.
        heading = "Films" if scope == "all" else f"Films: {search}"
        catalog = self.catalog
        target = Path(path)
        write = WRITERS.get(file_format)

        def export(progress: Progress) -> int:
            # In a thread, behind a progress dialog with Cancel; the file is written whole or
            # not at all, so a Cancel leaves whatever was there before.
            progress(0, 1)
            if write is None:
                columns = catalog.films.columns(ids if scope != "all" else None)
                return export_csv(target, columns, bom=bom, delimiter=delimiter, progress=progress)
            if scope == "all":
                films = catalog.films.all(timestamps=file_format == "json")
            else:
                films = catalog.films.get_many(ids)
            progress(0, 1)
            return write(target, catalog, films, heading.strip(": "), progress)

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
                self.tr("{path} could not be written.").replace("{path}", path)
                + f"\n\n{exc.strerror}",
            )
            return
        self._message(self.tr("Exported %Ln film(s) to {path}", "", count).replace("{path}", path))

    def open_handout(self, screening_list: ScreeningListRecord) -> None:
        """A list's Handout…: options, preview, print or save."""
        # Loaded when first used: printing brings Qt's print support and the PDF writer along.
        from filmdesk.ui.dialogs.handout_dialog import HandoutDialog

        dialog = HandoutDialog(screening_list, self.context.last_folder(), self.context.window)
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
                self.tr("{path} could not be written.").replace("{path}", path)
                + f"\n\n{exc.strerror or exc}",
            )
            return
        self.context.remember_folder(target)
        done = self.tr("Exported {name} to {path}")
        self.context.message(
            done.replace("{name}", quoted(screening_list.name)).replace("{path}", path), 6000
        )
