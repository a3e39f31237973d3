"""Shared fixtures: every test gets its own real catalog: a SQLite file under tmp_path, and (for
the tests that take ``database`` or ``catalog``) again an empty database of its own on a real
PostgreSQL server the session starts (``tests/pg_server.py``). Those tests run once per backend
(``[sqlite]``, ``[postgresql]``); the PostgreSQL ones carry the ``postgresql`` mark, so
``scripts/test`` can run and time each backend on its own.
"""

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
from tests.pg_server import LocalServer, missing_reason

BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "database" in metafunc.fixturenames:
        metafunc.parametrize("backend", BACKENDS, scope="function")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # A test that also takes ``db_path``, or is marked ``sqlite``, is about the SQLite file
    # itself (its backups, damage, permissions): it runs on SQLite only.
    deselected = []
    kept = []
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("backend") == "postgresql":
            if "db_path" in item.fixturenames or item.get_closest_marker("sqlite"):  # type: ignore[attr-defined]
                deselected.append(item)
                continue
            item.add_marker(pytest.mark.postgresql)
            # The server first: set up before (so torn down after) the windows of qtbot,
            # which may still read the catalog as they close.
            names = item.fixturenames  # type: ignore[attr-defined]
            if "pg_server" in names:
                names.remove("pg_server")
            names.insert(0, "pg_server")
        kept.append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


@pytest.fixture(scope="session")
def pg_server() -> Iterator[LocalServer]:
    """The session's PostgreSQL server, started on first use."""
    reason = missing_reason()
    if reason is not None:
        pytest.skip(reason)
    server = LocalServer().start()
    yield server
    server.stop()


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
def database(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """Where the test's catalog lives, as ``--database`` takes it: a SQLite file's path, or the
    URL of an empty PostgreSQL database of the test's own."""
    if backend == "sqlite":
        return str(tmp_path / "library.sqlite3")
    server: LocalServer = request.getfixturevalue("pg_server")
    return server.new_database()


@pytest.fixture
def catalog(database: str) -> Iterator[Catalog]:
    """A catalog seeded with the shipped collection."""
    opened = open_catalog(database)
    yield opened.catalog
    opened.catalog.close()


@pytest.fixture
def seed_doc() -> dict[str, object]:
    """The shipped seed as JSON, for tests that write modified copies."""
    return json.loads(seed_path().read_text(encoding="utf-8"))  # type: ignore[no-any-return]
