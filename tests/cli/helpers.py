"""Running filmdesk-cli as a real subprocess against a real catalog (a SQLite file or a
PostgreSQL database), and checking what it printed and what it left in the catalog."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from filmdesk.core.catalog import open_catalog
from filmdesk.core.db import create_catalog_engine


class Cli:
    def __init__(self, db: Path | str) -> None:
        self.db = str(db)

    @property
    def path(self) -> Path:
        """The catalog's file (the tests about the SQLite file itself)."""
        return Path(self.db)

    def __call__(
        self, *args: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "filmdesk.cli", "--database", str(self.db), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
        )

    def films(self, *args: str) -> list[dict[str, object]]:
        result = self("list", "--json", *args)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)  # type: ignore[no-any-return]


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def one_line_error(result: subprocess.CompletedProcess[str], status: int, *words: str) -> None:
    assert result.returncode == status, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("filmdesk-cli: error: "), result.stderr
    for word in words:
        assert word in lines[0]


def dump(db: Path | str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables lists and collections live in."""
    tables = ("films", "collections", "collection_films", "collection_comments",
              "screening_lists", "list_entries", "viewings", "posters",
              "saved_searches")  # fmt: skip
    engine = create_catalog_engine(str(db))
    try:
        with engine.connect() as conn:
            return {
                t: [tuple(row) for row in conn.execute(text(f"SELECT * FROM {t} ORDER BY 1, 2"))]
                for t in tables
            }
    finally:
        engine.dispose()


def refused_without_change(
    cli: Cli, tmp_path: Path, args: list[str], status: int, words: list[str]
) -> None:
    """``args`` (after a film Mirror and a list Year 9 of three films are made) fail in one
    line with ``status``, naming ``words``, and change nothing: no row, no file x.*."""
    catalog = open_catalog(cli.db).catalog
    catalog.films.add({"title": "Mirror", "year": 1975})
    made = catalog.lists.create("Year 9")
    films = ["The Letter", "The Cranes Are Flying", "The Ballad of a Soldier"]
    catalog.lists.add(made.id, [catalog.films.resolve(t).id for t in films])
    catalog.close()
    before = dump(cli.db)
    if args[0] == "export":
        args = [args[0], str(tmp_path / args[1]), *args[2:]]
    one_line_error(cli(*args), status, *words)
    assert dump(cli.db) == before
    assert not list(tmp_path.glob("x.*"))
