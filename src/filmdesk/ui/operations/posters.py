"""A film's poster: set from a file, a drop or the clipboard, replaced, removed (each one undo
step named after the film), copied or saved to a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, Slot
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from filmdesk.core.catalog import Catalog, FilmNotFoundError
from filmdesk.core.posters.images import PosterError, PosterImage
from filmdesk.core.records import FilmRecord, FilmRow
from filmdesk.ui.operations.context import StepContext
from filmdesk.ui.undo import ChangeSink, OperationCommand
from filmdesk.ui.widgets.plain_text import as_typed
from filmdesk.ui.widgets.poster_input import (
    ImageInput,
    file_input,
    image_filter,
    image_input,
    prepare,
    refusal_text,
)


def poster_step(
    catalog: Catalog,
    sink: ChangeSink,
    film: FilmRow | FilmRecord,
    image: PosterImage | None,
) -> OperationCommand:
    """Give ``film`` the poster ``image`` (None: take it away), made on the poster the window
    shows (refused if someone else changed it since); undo puts the one before back."""
    from filmdesk.core.posters.operations import SetPoster

    if image is None:
        text = QCoreApplication.translate("Commands", "Remove poster of {title}")
    elif film.poster is None:
        text = QCoreApplication.translate("Commands", "Set poster of {title}")
    else:
        text = QCoreApplication.translate("Commands", "Replace poster of {title}")
    operation = SetPoster(film.id, image, expected=film.poster)
    return OperationCommand(text.replace("{title}", film.title), catalog, sink, operation)


class PosterOperations(QObject):
    """The steps of the poster box, the film table's drops and Edit › Paste Poster."""

    def __init__(self, context: StepContext) -> None:
        super().__init__(context.window)
        self.context = context
        self.catalog = context.catalog

    def _film(self, film_id: int) -> FilmRecord | None:
        try:
            return self.catalog.films.get(film_id)
        except FilmNotFoundError:
            return None

    @Slot(str, int)
    def run(self, action: str, film_id: int) -> None:
        """What the poster box asked for: "set", "remove", "copy" or "save"."""
        handlers = {
            "set": self.choose_file,
            "remove": self.remove,
            "copy": self.copy,
            "save": self.save_as,
        }
        handlers[action](film_id)

    def choose_file(self, film_id: int | None) -> None:
        """Set Poster… / Replace…: an image file chosen, then made the film's poster."""
        film = self._film(film_id) if film_id is not None else None
        if film is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self.context.window,
            self.tr("Poster of {title}").replace("{title}", film.title),
            self.context.last_folder(),
            image_filter(),
        )
        if path:
            self.context.remember_folder(Path(path))
            self.set_from(film.id, file_input(Path(path)))

    def set_from(self, film_id: int, image: ImageInput) -> bool:
        """Make ``image`` the film's poster, in one undo step; an image that cannot be one is
        refused with the reason, and nothing changes. Whether the poster was set."""
        self.context.save_typing()
        try:
            poster = prepare(self.context.window, image)
        except PosterError as exc:
            QMessageBox.warning(
                self.context.window, self.tr("Set Poster"), as_typed(refusal_text(exc))
            )
            return False
        film = self._film(film_id)  # (as it is now: the step is made on its poster now)
        if film is None:
            return False
        if film.poster == poster.hash:
            return True  # the same picture: nothing to do, no step
        self.context.undo_stack.push(poster_step(self.catalog, self.context.sink, film, poster))
        return True

    @Slot(int, object)
    def drop(self, film_id: int, mime: QMimeData) -> None:
        """An image (a file, or image data from a web browser) dropped on the film's poster or
        its row."""
        image = image_input(mime, self.tr("the dropped image"))
        if image is None:
            return
        self.set_from(film_id, image)

    def paste(self, film_id: int | None) -> None:
        """Edit › Paste Poster: the clipboard's image (or image file) for the film."""
        if film_id is None:
            return
        mime = QGuiApplication.clipboard().mimeData()
        image = image_input(mime, self.tr("the clipboard's image"))
        if image is None:
            QMessageBox.information(
                self.context.window,
                self.tr("Paste Poster"),
                self.tr(
                    "The clipboard holds no image. Copy an image (or an image file) first, "
                    "then paste it as the poster."
                ),
            )
            return
        self.set_from(film_id, image)

    def remove(self, film_id: int) -> None:
        """Remove Poster (undoable)."""
        film = self._film(film_id)
        if film is None or film.poster is None:
            return
        self.context.save_typing()
        self.context.undo_stack.push(poster_step(self.catalog, self.context.sink, film, None))

    def _poster(self, film_id: int) -> tuple[FilmRecord, PosterImage] | None:
        film = self._film(film_id)
        if film is None or film.poster is None:
            return None
        image = self.catalog.posters.image(film.poster)
        return None if image is None else (film, image)

    def copy(self, film_id: int) -> None:
        """Copy Poster: the picture on the clipboard."""
        found = self._poster(film_id)
        if found is None:
            return
        picture = QImage.fromData(found[1].data)
        QGuiApplication.clipboard().setImage(picture)
        self.context.message(self.tr("Poster copied."), 3000)

    def save_as(self, film_id: int) -> None:
        """Save Poster As…: the kept image as it is, in a file."""
        found = self._poster(film_id)
        if found is None:
            return
        film, image = found
        suffix = "png" if image.format == "png" else "jpg"
        name = f"{_file_name(film.title)}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(
            self.context.window,
            self.tr("Save Poster As"),
            str(Path(self.context.last_folder()) / name),
            self.tr("Images (*.{suffix})").replace("{suffix}", suffix),
        )
        if not path:
            return
        target = Path(path)
        try:
            target.write_bytes(image.data)
        except OSError as exc:
            QMessageBox.warning(
                self.context.window,
                self.tr("Save Poster As"),
                as_typed(
                    self.tr("The poster could not be saved to {file}: {reason}.")
                    .replace("{file}", str(target))
                    .replace("{reason}", exc.strerror or type(exc).__name__)
                ),
            )
            return
        self.context.remember_folder(target)
        self.context.message(
            self.tr("Poster saved to {file}.").replace("{file}", target.name), 5000
        )


def _file_name(title: str) -> str:
    """A file name made of a title: what file systems refuse becomes a space."""
    kept = "".join(" " if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in title)
    return " ".join(kept.split()) or "poster"
