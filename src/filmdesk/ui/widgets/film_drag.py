"""Films dragged from the film table onto a collection or a screening list: the mime type
that carries their ids, shared by the table (which offers it) and the places it is dropped."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QByteArray, QMimeData

# Films dragged from the table (onto a collection or a screening list): their ids, one a line.
FILM_IDS_MIME = "application/x-filmdesk-film-ids"


def film_ids_to_mime(film_ids: Iterable[int]) -> QMimeData:
    """Mime data carrying film ids (what the film table offers when films are dragged)."""
    mime = QMimeData()
    mime.setData(FILM_IDS_MIME, QByteArray("\n".join(str(i) for i in film_ids).encode()))
    return mime


def film_ids_from_mime(mime: QMimeData | None) -> list[int]:
    """The film ids in dragged mime data (empty when it carries none)."""
    if mime is None or not mime.hasFormat(FILM_IDS_MIME):
        return []
    text = bytes(mime.data(FILM_IDS_MIME).data()).decode()
    return [int(part) for part in text.split() if part.isdigit()]
