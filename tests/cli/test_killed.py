"""filmdesk-cli killed (kill -9) in the middle of an import: the catalog is whole, and holds
either every film of the file or none of them."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from filmdesk.core.catalog import open_catalog


def test_an_import_killed_halfway_leaves_the_catalog_as_it_was_or_complete(
    tmp_path: Path,
) -> None:
    db = tmp_path / "catalog.sqlite3"
    open_catalog(str(db)).catalog.close()
    source = tmp_path / "many.csv"
    source.write_text(
        "title,year,notes\n"
        + "".join(f"Letter {n},1960,a note on letter {n}\n" for n in range(30000)),
        encoding="utf-8",
    )
    importing = subprocess.Popen(
        [sys.executable, "-m", "filmdesk.cli", "--database", str(db), "import", str(source)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert importing.stdout is not None
    # The dry run's line comes first; the import is being written right after it.
    assert "30000 new" in importing.stdout.readline()
    os.kill(importing.pid, signal.SIGKILL)
    importing.wait(timeout=30)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        count = conn.execute("SELECT count(*) FROM films").fetchone()[0]
    conn.close()
    assert count in (10, 10 + 30000)
    # The catalog opens and works as ever.
    catalog = open_catalog(str(db)).catalog
    assert len(catalog.films.all()) == count
    catalog.films.add({"title": "After the kill", "year": 2001})
    catalog.close()
