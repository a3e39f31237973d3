"""Catalogs that are not as they should be, made for tests: damaged, read-only, on a full disk,
or big enough to matter."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from filmdesk.core.catalog import Catalog


def add_films(catalog: Catalog, count: int, tmp_path: Path, prefix: str = "Letter") -> None:
    """``count`` more films, imported in one go (which backs the catalog up first)."""
    from filmdesk.core.exchange.planning import plan_import

    source = tmp_path / f"{prefix}-{count}.csv"
    rows = "".join(f"{prefix} {n},1960,{'x' * 120}\n" for n in range(count))
    source.write_text("title,year,description\n" + rows, encoding="utf-8")
    catalog.imports.apply(plan_import(catalog, source))


def foreign_database(path: Path) -> Path:
    """Another program's SQLite database at ``path`` (an accounts table, nothing of filmdesk)."""
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE accounts (id INTEGER)")
    conn.close()
    return path


def damage(db: Path) -> None:
    """Overwrite the middle of the films table's first page with garbage, as a bad disk or an
    interrupted copy would: SQLite then calls the file malformed. (The catalog must be closed.)"""
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'films'").fetchone()[0]
    conn.close()
    with db.open("r+b") as file:
        file.seek((root - 1) * page_size + 8)
        file.write(bytes(range(7, 255, 3)) * 40)


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True, timeout=30)


@contextmanager
def small_disk(folder: Path, size: str = "2m") -> Iterator[Path]:
    """``folder`` as a disk of ``size`` (a tmpfs); needs root, else the test is skipped."""
    if not is_root() or shutil.which("mount") is None:
        pytest.skip("a full disk is simulated with a small tmpfs, which only root can mount")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder))
    except (subprocess.CalledProcessError, OSError) as exc:
        pytest.skip(f"cannot mount a tmpfs here ({exc})")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False, timeout=30)


@contextmanager
def read_only_folder(folder: Path, catalog: Path) -> Iterator[Path]:
    """``catalog`` copied into ``folder``, where it cannot be written: a read-only mount as
    root (root may write any file), else a file and folder without write permission.
    Yields the copy's path."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / catalog.name
    if is_root():
        try:
            _mount("-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder))
        except (subprocess.CalledProcessError, OSError) as exc:
            pytest.skip(f"cannot mount a tmpfs here, and root may write any file ({exc})")
        try:
            shutil.copyfile(catalog, target)
            _mount("-o", "remount,ro", str(folder))
            yield target
        finally:
            subprocess.run(["umount", "-l", str(folder)], check=False, timeout=30)
        return
    shutil.copyfile(catalog, target)
    target.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield target
    finally:
        folder.chmod(0o755)
        target.chmod(0o644)


_HOLD = """
import sys, time
target, seconds = sys.argv[1], float(sys.argv[2])
if "://" in target:
    import psycopg
    from sqlalchemy.engine import make_url
    url = make_url(target).set(drivername="postgresql")
    con = psycopg.connect(url.render_as_string(hide_password=False))
    # What a filmdesk writer holds (filmdesk.core.db: the catalog's write lock), and the
    # films table against any other writer.
    con.execute("SELECT pg_advisory_xact_lock(%s)", (int(sys.argv[3]),))
    con.execute("LOCK TABLE films IN EXCLUSIVE MODE")
else:
    import sqlite3
    con = sqlite3.connect(target, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
con.execute("UPDATE films SET notes = 'from the other process' WHERE id = 2")
print("holding", flush=True)
time.sleep(seconds)
con.commit() if "://" in target else con.execute("COMMIT")
"""


def writer_holding_the_lock(target: str | Path, seconds: float) -> subprocess.Popen[str]:
    """Another process that holds the catalog's write lock for ``seconds`` (having changed
    film 2's notes), started and holding when this returns."""
    from filmdesk.core.db import WRITE_LOCK_KEY

    writer = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(target), str(seconds), str(WRITE_LOCK_KEY)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None and writer.stdout.readline().strip() == "holding"
    return writer
