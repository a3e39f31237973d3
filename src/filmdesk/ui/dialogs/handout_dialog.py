"""The handout of a screening list: choose what it shows, look at it, then print or save it.

The preview shows the PDF's own pages when poppler's ``pdftoppm`` is installed (Qt's PDF module
is not in PySide6-Essentials); otherwise the HTML version of the handout, which reads the same.
Printing sends those pages to the printer (or, without ``pdftoppm``, the HTML version).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt, QTimer, Slot
from PySide6.QtGui import QImage, QPainter, QPixmap, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from filmdesk.core.exchange.handout import (
    MAX_STUDENT_LINES,
    HandoutOptions,
    export_handout_html,
    export_handout_pdf,
    render_handout_html,
    render_handout_pdf,
)
from filmdesk.core.records import ScreeningListRecord
from filmdesk.ui.shell.i18n import interface_language
from filmdesk.ui.widgets.plain_text import as_typed

if TYPE_CHECKING:
    from filmdesk.core.exchange.formats import PosterSource

PREVIEW_DPI = 72
PRINT_DPI = 200


def pdf_pages(pdf: bytes, dpi: int) -> list[QImage] | None:
    """The pages of a PDF as images (None when ``pdftoppm`` is not installed or fails)."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return None
    with tempfile.TemporaryDirectory(prefix="filmdesk-handout-") as folder:
        source = Path(folder) / "handout.pdf"
        source.write_bytes(pdf)
        try:
            subprocess.run(
                [tool, "-r", str(dpi), "-png", str(source), str(Path(folder) / "page")],
                check=True,
                capture_output=True,
                timeout=60,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return [QImage(str(p)) for p in sorted(Path(folder).glob("page*.png"))]


def safe_file_name(name: str) -> str:
    """A list's name as a file name."""
    cleaned = "".join(c if c.isalnum() or c in " -_." else "-" for c in name).strip(" .")
    return cleaned or "handout"


class HandoutDialog(QDialog):
    """Options, a preview, and Save as PDF / Save as HTML / Print."""

    def __init__(
        self,
        screening_list: ScreeningListRecord,
        folder: str,
        parent: QWidget | None = None,
        *,
        posters: PosterSource | None = None,
    ) -> None:
        super().__init__(parent)
        self.screening_list = screening_list
        self._poster_source = posters
        self._poster_data: dict[int, bytes] | None = None  # read when first asked for
        self.folder = folder
        self.saved: Path | None = None
        self.setWindowTitle(self.tr("Handout: {name}").replace("{name}", screening_list.name))
        self.resize(1000, 720)
        layout = QHBoxLayout(self)

        side = QVBoxLayout()
        box = QGroupBox(self.tr("Show for each film"))
        options = QVBoxLayout(box)
        self.descriptions = QCheckBox(self.tr("&Description"))
        self.facts = QCheckBox(self.tr("“Did you &know?”"))
        self.notes = QCheckBox(self.tr("&Teacher’s note"))
        for check in (self.descriptions, self.facts, self.notes):
            check.setChecked(True)
            check.toggled.connect(self._schedule_preview)
            options.addWidget(check)
        self.with_posters = QCheckBox(self.tr("With p&osters"))
        self.with_posters.setObjectName("withPosters")
        self.with_posters.setVisible(posters is not None)
        self.with_posters.toggled.connect(self._schedule_preview)
        options.addWidget(self.with_posters)
        form = QFormLayout()
        self.lines = QSpinBox()
        self.lines.setObjectName("studentLines")
        self.lines.setRange(0, MAX_STUDENT_LINES)
        self.lines.setSpecialValueText(self.tr("none"))
        self.lines.setSuffix(self.tr(" lines"))
        self.lines.valueChanged.connect(self._schedule_preview)
        form.addRow(self.tr("Space for students’ notes:"), self.lines)
        options.addLayout(form)
        side.addWidget(box)
        side.addStretch(1)
        self.save_pdf_button = QPushButton(self.tr("Save as &PDF…"))
        self.save_pdf_button.setObjectName("savePdf")
        self.save_html_button = QPushButton(self.tr("Save as &HTML…"))
        self.save_html_button.setObjectName("saveHtml")
        self.print_button = QPushButton(self.tr("P&rint…"))
        self.print_button.setObjectName("print")
        self.close_button = QPushButton(self.tr("Close"))
        self.save_pdf_button.clicked.connect(self.save_pdf)
        self.save_html_button.clicked.connect(self.save_html)
        self.print_button.clicked.connect(self.print_handout)
        self.close_button.clicked.connect(self.reject)
        for button in (
            self.save_pdf_button,
            self.save_html_button,
            self.print_button,
            self.close_button,
        ):
            side.addWidget(button)
        layout.addLayout(side)

        self.preview_stack = QStackedWidget()
        self.pages_area = QScrollArea()
        self.pages_area.setObjectName("previewPages")
        self.pages_area.setWidgetResizable(True)
        self.pages_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages_area.setBackgroundRole(self.pages_area.backgroundRole().Dark)
        pages = QWidget()
        self.pages_layout = QVBoxLayout(pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages_layout.setSpacing(12)
        self.pages_area.setWidget(pages)
        self.html_preview = QTextBrowser()
        self.html_preview.setObjectName("previewHtml")
        self.preview_stack.addWidget(self.pages_area)
        self.preview_stack.addWidget(self.html_preview)
        layout.addWidget(self.preview_stack, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.update_preview)
        self.update_preview()

    def options(self) -> HandoutOptions:
        """What the handout shows, as chosen."""
        return HandoutOptions(
            descriptions=self.descriptions.isChecked(),
            facts=self.facts.isChecked(),
            notes=self.notes.isChecked(),
            student_lines=self.lines.value(),
            language=interface_language(),
        )

    def posters(self) -> dict[int, bytes] | None:
        """The films' posters when the handout shows them (None: it does not)."""
        if self._poster_source is None or not self.with_posters.isChecked():
            return None
        if self._poster_data is None:
            film_ids = [entry.film.id for entry in self.screening_list.entries]
            self._poster_data = self._poster_source.for_print(film_ids)
        return self._poster_data

    @Slot()
    def _schedule_preview(self) -> None:
        self._timer.start()

    @Slot()
    def update_preview(self) -> None:
        """Show the handout as it would print."""
        images = pdf_pages(
            render_handout_pdf(self.screening_list, self.options(), self.posters()), PREVIEW_DPI
        )
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        if images is None:
            self.html_preview.setHtml(
                render_handout_html(self.screening_list, self.options(), self.posters())
            )
            self.preview_stack.setCurrentWidget(self.html_preview)
            return
        for image in images:
            page = QLabel()
            page.setPixmap(QPixmap.fromImage(image))
            page.setStyleSheet("background: white; border: 1px solid #888;")
            self.pages_layout.addWidget(page)
        self.preview_stack.setCurrentWidget(self.pages_area)

    def page_count(self) -> int:
        """How many pages the preview shows (0 for the HTML preview)."""
        if self.preview_stack.currentWidget() is self.html_preview:
            return 0
        return self.pages_layout.count()

    def _ask_path(self, suffix: str, kind: str) -> Path | None:
        start = str(Path(self.folder) / f"{safe_file_name(self.screening_list.name)}{suffix}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the handout"), start, kind)
        return Path(path) if path else None

    @Slot()
    def save_pdf(self, path: Path | None = None) -> None:
        """Save as PDF (asks where unless ``path`` is given)."""
        target = path or self._ask_path(".pdf", self.tr("PDF (*.pdf)"))
        if target is not None:
            self._save(export_handout_pdf, target)

    @Slot()
    def save_html(self, path: Path | None = None) -> None:
        """Save as HTML (asks where unless ``path`` is given)."""
        target = path or self._ask_path(".html", self.tr("Web page (*.html)"))
        if target is not None:
            self._save(export_handout_html, target)

    def _save(self, writer: object, target: Path) -> None:
        try:
            writer(target, self.screening_list, self.options(), self.posters())  # type: ignore[operator]
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Handout"),
                as_typed(
                    self.tr("{path} could not be written.").replace("{path}", str(target))
                    + f"\n\n{exc.strerror or exc}"
                ),
            )
            return
        self.saved = target
        self.folder = str(target.parent)

    @Slot()
    def print_handout(self) -> None:
        """Print the handout's pages on a printer the user chooses."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.screening_list.name)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Print onto ``printer`` (already set up)."""
        images = pdf_pages(
            render_handout_pdf(self.screening_list, self.options(), self.posters()), PRINT_DPI
        )
        if images is None:
            document = QTextDocument()
            document.setHtml(
                render_handout_html(self.screening_list, self.options(), self.posters())
            )
            document.print_(printer)
            return
        painter = QPainter(printer)
        try:
            for number, image in enumerate(images):
                if number:
                    printer.newPage()
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(QRect(area.x(), area.y(), size.width(), size.height()))
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(area)
        finally:
            painter.end()
