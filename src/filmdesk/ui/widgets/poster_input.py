"""Where a poster comes from in the window: a file, something dropped, the clipboard.

The window only reads bytes here (a file's, an image's as the web browser or another program
offered it, a QImage written as PNG); what they are, whether they can be a poster and its
scaling are the core's (``prepare_poster``), run in the background so a big photo never
freezes the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMimeData, QUrl
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from filmdesk.core.posters.images import PosterError, PosterImage, prepare_poster
from filmdesk.ui.shell.background import run_with_progress

IMAGE_SUFFIXES = ("jpg", "jpeg", "png", "webp", "gif", "bmp")
# Image data another program may offer, best first (the bytes as they were, not re-encoded).
IMAGE_FORMATS = ("image/png", "image/jpeg", "image/webp", "image/gif", "image/bmp")
QT_IMAGE = "application/x-qt-image"


def image_filter() -> str:
    """The file dialog's filter: the images filmdesk reads, then any file."""
    patterns = " ".join(f"*.{suffix}" for suffix in IMAGE_SUFFIXES)
    images = QCoreApplication.translate("Posters", "Images ({patterns})")
    every = QCoreApplication.translate("Posters", "All files (*)")
    return f"{images.replace('{patterns}', patterns)};;{every}"


@dataclass(frozen=True)
class ImageInput:
    """An image to make a poster of: a file (read when prepared) or bytes, and its name in
    messages (the file's name, or "the dropped image")."""

    source: str
    path: Path | None = None
    data: bytes = b""

    def read(self) -> bytes:
        """The image's bytes (a file's are read now). Raises PosterError when the file cannot
        be read."""
        if self.path is None:
            return self.data
        try:
            return self.path.read_bytes()
        except OSError as exc:
            why = exc.strerror or type(exc).__name__
            raise PosterError(f"{self.source}: the file cannot be read ({why})") from None


def file_input(path: Path) -> ImageInput:
    """An image file chosen or dropped."""
    return ImageInput(path.name, path=path)


def _local_files(mime: QMimeData) -> list[Path]:
    if not mime.hasUrls():
        return []
    urls: list[QUrl] = mime.urls()
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile() and url.toLocalFile()]


def has_image(mime: QMimeData | None) -> bool:
    """Whether ``mime`` (a drag, the clipboard) offers a file or image data to try as a
    poster. Any local file counts: one that is not an image is refused with its name."""
    if mime is None:
        return False
    return bool(_local_files(mime)) or mime.hasImage() or any(map(mime.hasFormat, IMAGE_FORMATS))


def image_input(mime: QMimeData | None, source: str) -> ImageInput | None:
    """The image ``mime`` offers: its first local file, else the image data as offered, else
    Qt's image written as PNG; ``source`` names data in messages. None when it offers none."""
    if mime is None:
        return None
    files = _local_files(mime)
    if files:
        return file_input(files[0])
    for kind in IMAGE_FORMATS:
        if mime.hasFormat(kind):
            data = bytes(mime.data(kind).data())
            if data:
                return ImageInput(source, data=data)
    if mime.hasImage():
        image = mime.imageData()
        if isinstance(image, QImage) and not image.isNull():
            return ImageInput(source, data=png_bytes(image))
    return None


def png_bytes(image: QImage) -> bytes:
    """``image`` as the bytes of a PNG file."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(array.data())


def prepare(parent: QWidget, image: ImageInput) -> PosterImage:
    """The poster ``image`` makes, prepared in the background (a moment for a big photo; a
    progress window shows only if it takes longer). Raises PosterError when it is refused."""
    label = QCoreApplication.translate("Posters", "Preparing the poster…")
    result = run_with_progress(
        parent, label, lambda _progress: prepare_poster(image.read(), image.source)
    )
    assert isinstance(result, PosterImage)
    return result


def refusal_text(error: PosterError) -> str:
    """What the window says when an image cannot be a poster: nothing changed, and why."""
    frame = QCoreApplication.translate(
        "Posters", "The poster was not set; nothing has changed.\n\n{reason}."
    )
    # (The reason starts with the file's name, kept as it is written.)
    return frame.replace("{reason}", str(error).rstrip("."))
