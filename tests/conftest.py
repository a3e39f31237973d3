"""Shared fixtures: every test gets its own real SQLite catalog under tmp_path."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.paths import seed_path


@pytest.fixture(autouse=True)
def _private_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Never touch the real user's data or settings.
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("FILMDESK_DATABASE", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test's catalog lives."""
    return tmp_path / "library.sqlite3"


@pytest.fixture
def catalog(db_path: Path) -> Iterator[Catalog]:
    """A catalog seeded with the shipped collection."""
    opened = open_catalog(str(db_path))
    yield opened.catalog
    opened.catalog.close()


@pytest.fixture
def seed_doc() -> dict[str, object]:
    """The shipped seed as JSON, for tests that write modified copies."""
    return json.loads(seed_path().read_text(encoding="utf-8"))  # type: ignore[no-any-return]
