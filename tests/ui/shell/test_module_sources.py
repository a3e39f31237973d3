"""PySide6 asks of every module imported after it whether it uses PySide6; filmdesk has the
question answered from the file's bytes (``read_sources_lightly``): the same answers, and no
module's source kept in memory for it."""

from __future__ import annotations

import linecache
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from filmdesk.ui.shell.module_sources import read_sources_lightly


@pytest.fixture
def modules(tmp_path: Path) -> Iterator[Path]:
    """A folder to import two new modules from: one that uses PySide6, one that does not."""
    (tmp_path / "fdk_uses_qt.py").write_text(
        "from PySide6.QtCore import QObject\nSTAMP = QObject\n", encoding="utf-8"
    )
    (tmp_path / "fdk_plain.py").write_text("# Любая программа\nSTAMP = 1\n", encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    yield tmp_path
    sys.path.remove(str(tmp_path))
    for name in ("fdk_uses_qt", "fdk_plain"):
        sys.modules.pop(name, None)


def test_pyside_gets_the_same_answers_and_keeps_no_source(
    qapp: QApplication, modules: Path
) -> None:
    # This PySide6 still asks (when a new PySide6 stops, this fails: the call can go).
    assert read_sources_lightly()
    assert read_sources_lightly()  # (once is enough: a second call changes nothing)
    __import__("fdk_uses_qt")
    __import__("fdk_plain")
    feature = sys.modules["shibokensupport.feature"]
    # 0: a module PySide's features may switch; -1: one PySide leaves alone, as it would.
    assert feature.pyside_feature_dict["fdk_uses_qt"] == 0
    assert feature.pyside_feature_dict["fdk_plain"] == -1
    kept = set(linecache.cache)
    assert str(modules / "fdk_uses_qt.py") not in kept
    assert str(modules / "fdk_plain.py") not in kept
