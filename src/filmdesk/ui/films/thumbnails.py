"""Poster thumbnails for the cover view: read in the background, held in memory up to a cap.

The view says which posters it shows (and those a page ahead) each time it paints; the loader
keeps only those waiting, newest wish first, so a fast scroll through 100,000 films does not
leave a queue of posters long gone from the screen. Worker threads ask the catalog's thumbnail
cache for the file (made from the poster if missing), read it and scale it to the size the
view paints, so painting is a copy of pixels; the image comes back to the GUI thread by a
signal. Images are kept in a least-recently-used cache counted in bytes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThread, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage

MEMORY_CAP = 64 * 1024 * 1024  # bytes of decoded thumbnails held at most
THREADS = 2

Reader = Callable[[str], Path | None]  # poster hash -> its thumbnail file, or None


class ImageCache:
    """Images by key, least recently used dropped first once they hold more than ``cap``
    bytes."""

    def __init__(self, cap: int = MEMORY_CAP) -> None:
        self.cap = cap
        self._images: OrderedDict[str, QImage] = OrderedDict()
        self._bytes = 0

    def get(self, key: str) -> QImage | None:
        """The image kept under ``key`` (now the most recently used), or None."""
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
        return image

    def put(self, key: str, image: QImage) -> None:
        """Keep ``image``; drop the least recently used until the cap holds."""
        old = self._images.pop(key, None)
        if old is not None:
            self._bytes -= old.sizeInBytes()
        self._images[key] = image
        self._bytes += image.sizeInBytes()
        while self._bytes > self.cap and len(self._images) > 1:
            _key, dropped = self._images.popitem(last=False)
            self._bytes -= dropped.sizeInBytes()

    def clear(self) -> None:
        """Drop every image."""
        self._images.clear()
        self._bytes = 0

    def bytes_used(self) -> int:
        """How many bytes the images kept take."""
        return self._bytes

    def __contains__(self, key: object) -> bool:
        return key in self._images

    def __len__(self) -> int:
        return len(self._images)


class _Work:
    """What the worker threads share with the GUI thread: the wishes, under a lock."""

    def __init__(self, read: Reader) -> None:
        self.read = read
        self.lock = threading.Lock()
        self.waiting: deque[str] = deque()
        self.busy: set[str] = set()
        self.size = QSize()
        self.running = 0  # workers started and not yet out of work

    def take(self) -> tuple[str, QSize] | None:
        with self.lock:
            if not self.waiting:
                self.running -= 1  # (under the lock: a wish made now starts a worker)
                return None
            key = self.waiting.popleft()
            self.busy.add(key)
            return key, QSize(self.size)


def read_thumbnail(read: Reader, key: str, size: QSize) -> QImage | None:
    """The thumbnail of poster ``key`` scaled to fit ``size`` (device pixels), in the format
    quickest to paint; None when there is none."""
    try:
        path = read(key)
    except Exception:  # (a catalog closed under a worker, a server gone): the card, not a crash
        return None
    if path is None:
        return None
    image = QImage(str(path))
    if image.isNull():
        return None
    if size.isValid() and (image.width() > size.width() or image.height() > size.height()):
        image = image.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return image.convertToFormat(QImage.Format.Format_RGB32)


class _Worker(QRunnable):
    def __init__(self, work: _Work, loader: ThumbnailLoader) -> None:
        super().__init__()
        self._work = work
        self._loader = loader

    def run(self) -> None:
        while (taken := self._work.take()) is not None:
            key, size = taken
            image = read_thumbnail(self._work.read, key, size)
            try:
                self._loader.arrived.emit(key, image, size)
            except RuntimeError:  # the loader is gone (its window closed)
                return


class ThumbnailLoader(QObject):
    """Thumbnails read in the background; ``loaded(hash)`` once one can be painted (or is known
    to be missing: the view paints the film's card)."""

    loaded = Signal(str)
    arrived = Signal(str, object, QSize)  # from the worker threads

    def __init__(
        self,
        read: Reader,
        cap: int = MEMORY_CAP,
        threads: int = THREADS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.cache = ImageCache(cap)
        self._missing: set[str] = set()
        self._work = _Work(read)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        # Below the window's own thread: a scroll's paint comes before the page ahead's posters.
        self._pool.setThreadPriority(QThread.Priority.LowPriority)
        self.arrived.connect(self._arrived, Qt.ConnectionType.QueuedConnection)

    def set_size(self, size: QSize) -> None:
        """The size, in device pixels, the view paints a poster in (a change drops the images
        made for the old size)."""
        with self._work.lock:
            if size == self._work.size:
                return
            self._work.size = QSize(size)
            self._work.waiting.clear()
        self.cache.clear()

    def image(self, key: str) -> QImage | None:
        """Poster ``key``'s thumbnail if it is in memory."""
        return self.cache.get(key)

    def is_missing(self, key: str) -> bool:
        """Whether poster ``key`` has no thumbnail to show (none in the catalog, unreadable)."""
        return key in self._missing

    def want(self, keys: Iterable[str]) -> None:
        """Read these posters' thumbnails, in this order, instead of any wished for before."""
        wanted = [k for k in dict.fromkeys(keys) if k not in self.cache and k not in self._missing]
        with self._work.lock:
            work = self._work
            work.waiting = deque(k for k in wanted if k not in work.busy)
            starting = min(len(work.waiting), self._pool.maxThreadCount() - work.running)
            work.running += max(0, starting)
        for _ in range(starting):
            self._pool.start(_Worker(self._work, self))

    def forget(self, key: str) -> None:
        """Read poster ``key`` again when next wanted (its thumbnail may have come since)."""
        self._missing.discard(key)

    def is_idle(self) -> bool:
        """Nothing waiting and nothing being read."""
        with self._work.lock:
            return not self._work.waiting and not self._work.busy

    def wait(self) -> None:
        """Block until the threads are done (before the catalog closes, and in benchmarks)."""
        with self._work.lock:
            self._work.waiting.clear()
        self._pool.waitForDone()

    @Slot(str, object, QSize)
    def _arrived(self, key: str, image: QImage | None, size: QSize) -> None:
        with self._work.lock:
            self._work.busy.discard(key)
            current = size == self._work.size
        if not current:
            return
        if image is None:
            self._missing.add(key)
        else:
            self.cache.put(key, image)
        self.loaded.emit(key)
