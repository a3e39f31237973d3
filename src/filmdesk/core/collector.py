"""Holding off Python's cyclic garbage collector while much is made and nothing is garbage."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_pauses = 0  # pauses now running (an import in a worker thread may overlap another)
_was_enabled = False  # whether the collector was on when the first of them began
_pauses_lock = threading.Lock()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold off Python's cyclic garbage collector while a large file is read or applied, or
    while the window starts.

    Reading 100,000 films makes millions of objects, none of them garbage; without this the
    collector walks everything alive (the window's catalog too) again and again, which made a
    large import about a quarter slower. At start, the modules imported are such objects too:
    the collector walked them some 200 times before the first paint (40 ms). Overlapping
    pauses are counted: the collector is back once the last one ends, if it was on before the
    first began.
    """
    global _pauses, _was_enabled
    with _pauses_lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pauses_lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()


def set_aside() -> None:
    """Keep every object alive now out of the cyclic collector's walks, until ``look_again``.

    For what lives as long as the window (its modules, widgets and catalog): any garbage among
    it waits for ``collect_and_set_aside`` once the window is ready.
    """
    gc.freeze()


def look_again() -> None:
    """Let the collector walk what was set aside again (the catalog is changing)."""
    gc.unfreeze()


def collect_and_set_aside() -> None:
    """One whole collection of everything, then set aside what is left (``set_aside``), and
    give the memory freed back to the system (``give_back_freed_memory``)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    give_back_freed_memory()


def give_back_freed_memory() -> bool:
    """Return the memory freed so far to the system; False where that cannot be asked for.

    Python frees its objects to C's allocator, which keeps the pages for later. After the
    window has prepared 100,000 films, what preparing them took and let go (the word index
    made, then packed; the texts read, then compressed) is 11 MB that stays resident until
    the C library is asked to give it back (``malloc_trim``, GNU C library only).
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # (after the first paint: only when the window is ready)

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # (another C library: musl has none)
        return False
    trim(0)
    return True
