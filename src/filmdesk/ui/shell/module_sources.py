"""PySide6 reads the source of every module imported after it: filmdesk has it read less.

PySide6 replaces ``__import__`` for its opt-in ``from __feature__ import snake_case``. After
each import it asks whether the new module uses PySide, by reading the module's whole source
with ``inspect.getsource`` and looking for the word "PySide6". ``inspect`` keeps every source
it read in ``linecache``, for good: 26 MB once the window is up (every module of SQLAlchemy,
NumPy and filmdesk, line by line), and the reading is 65 ms of the imports before the first
paint. filmdesk uses no feature. ``read_sources_lightly`` has the same question answered from
the file's bytes, which are kept nowhere, and forgets the sources kept so far (``linecache``
reads a file again when a traceback needs it).
"""

from __future__ import annotations

import linecache
import sys
from collections.abc import Callable
from types import ModuleType

_MARK = "_filmdesk_reads_bytes"


def read_sources_lightly() -> bool:
    """Answer PySide's question "does this module use PySide6?" from the module file's bytes;
    False when this PySide6 asks it no more (nothing is changed then)."""
    feature = sys.modules.get("shibokensupport.feature")
    asks: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if asks is None:
        return False
    if getattr(asks, _MARK, False):
        return True

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as file:
                    return b"PySide6" in file.read()
            except OSError:
                pass  # (a module from a zip, say: as PySide asks)
        return asks(module)

    setattr(uses_pyside, _MARK, True)
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
    linecache.clearcache()
    return True
