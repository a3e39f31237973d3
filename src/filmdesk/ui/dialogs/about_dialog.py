"""Help › About: version, licence, where the data is, and the project's addresses."""

from __future__ import annotations

from html import escape
from importlib.metadata import PackageNotFoundError, metadata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from filmdesk import __version__
from filmdesk.paths import config_dir, data_dir

LICENCE = "GPL-3.0-or-later"
LICENCE_URL = "https://www.gnu.org/licenses/gpl-3.0.html"
# Used when the package metadata cannot be read (a source tree that was never installed).
FALLBACK_URLS = {
    "Homepage": "https://github.com/filmdesk/filmdesk",
    "Issues": "https://github.com/filmdesk/filmdesk/issues",
}


def project_urls() -> dict[str, str]:
    """The ``[project.urls]`` of pyproject.toml, as installed with the package."""
    try:
        entries = metadata("filmdesk").get_all("Project-URL") or []
    except PackageNotFoundError:
        entries = []
    urls = {}
    for entry in entries:
        label, _, url = entry.partition(",")
        urls[label.strip()] = url.strip()
    return urls or dict(FALLBACK_URLS)


class AboutDialog(QDialog):
    """What filmdesk is, its version and licence, and where it keeps the user's files."""

    def __init__(self, catalog_location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About filmdesk"))
        self.setMinimumWidth(520)
        urls = project_urls()
        homepage = urls.get("Homepage", FALLBACK_URLS["Homepage"])
        issues = urls.get("Issues", FALLBACK_URLS["Issues"])

        def link(url: str, text: str | None = None) -> str:
            return f'<a href="{escape(url)}">{escape(text or url)}</a>'

        rows = [
            (self.tr("Catalog"), f"<code>{escape(catalog_location)}</code>"),
            (self.tr("Data folder"), f"<code>{escape(str(data_dir()))}</code>"),
            (self.tr("Settings"), f"<code>{escape(str(config_dir() / 'filmdesk.ini'))}</code>"),
            (self.tr("Licence"), link(LICENCE_URL, LICENCE)),
            (self.tr("Website"), link(homepage)),
            (self.tr("Report a problem"), link(issues)),
        ]
        table = "".join(
            f"<tr><td style='padding-right:12px'><b>{escape(label)}</b></td><td>{value}</td></tr>"
            for label, value in rows
        )
        what = self.tr("A desktop catalog for film collections.")
        free = self.tr(
            "filmdesk is free software: you can share and change it under the terms of the "
            "GNU General Public License, version 3 or later."
        )
        self.text = QLabel(
            f"<h2>filmdesk {escape(__version__)}</h2><p>{escape(what)}</p>"
            f"<table>{table}</table><p>{escape(free)}</p>"
        )
        self.text.setObjectName("aboutText")
        self.text.setWordWrap(True)
        self.text.setOpenExternalLinks(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
