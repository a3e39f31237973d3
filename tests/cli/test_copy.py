"""filmdesk-cli copy: the default catalog to a server and back reads the same in every command;
every refusal is one line, and leaves the target as it was."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from filmdesk.core.catalog import open_catalog
from filmdesk.paths import default_database_path
from tests.cli.helpers import Cli, dump, ok, one_line_error
from tests.core.test_copying import fill, shown
from tests.pg_server import LocalServer


def filmdesk_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """filmdesk-cli as typed, without --database: on the user's default catalog."""
    return subprocess.run(
        [sys.executable, "-m", "filmdesk.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def everything(run: Cli) -> dict[str, object]:
    """What the JSON outputs say: the films, every screening list, every collection."""
    said: dict[str, object] = {"list": json.loads(ok(run("list", "--json")))}
    for screening_list in json.loads(ok(run("lists", "--json"))):
        number = str(screening_list["id"])
        said[f"lists show {number}"] = json.loads(ok(run("lists", "show", number, "--json")))
    for row in ok(run("collections")).splitlines()[2:]:
        number = row.split()[0]
        said[f"collection show {number}"] = json.loads(
            ok(run("collection", "show", number, "--json"))
        )
    return said


@pytest.mark.slow  # two dozen runs of filmdesk-cli
def test_the_default_catalog_to_the_server_and_back_reads_the_same(
    tmp_path: Path, pg_server: LocalServer
) -> None:
    default = default_database_path()
    catalog = open_catalog(str(default)).catalog
    fill(catalog)
    catalog.close()
    server = pg_server.new_database()
    back = tmp_path / "back.sqlite3"

    there = filmdesk_cli("copy", server)
    assert ok(there) == (
        "Copied 11 films (4 viewings), 2 collections (2 comments), 2 screening lists "
        f"(3 entries), 2 posters to {shown(server)}.\n"
    )
    again = Cli(server)("copy", str(back))
    assert ok(again).endswith(f"to {back}.\n")

    said = everything(Cli(default))
    assert len(said) == 5  # films, two lists, two collections
    assert everything(Cli(server)) == said
    assert everything(Cli(back)) == said


def test_a_target_that_holds_a_catalog_is_refused_in_one_line(cli: Cli, tmp_path: Path) -> None:
    ok(cli("list"))  # the target: the shipped ten films
    before = dump(cli.db)
    source = Cli(tmp_path / "source.sqlite3")
    one_line_error(
        source("copy", cli.db), 2, shown(cli.db), "already holds a catalog (10 films, 1 collection)"
    )
    assert dump(cli.db) == before


def test_the_catalog_itself_is_refused_in_one_line(cli: Cli) -> None:
    ok(cli("list"))
    before = dump(cli.db)
    one_line_error(cli("copy", cli.db), 2, "is the catalog being copied")
    assert dump(cli.db) == before


def test_a_place_the_copy_cannot_go_is_said_in_one_line(tmp_path: Path) -> None:
    cli = Cli(tmp_path / "source.sqlite3")
    missing = tmp_path / "no folder" / "copy.sqlite3"
    one_line_error(cli("copy", str(missing)), 1, f"the folder {missing.parent} does not exist")
    assert not missing.parent.exists()
    one_line_error(
        cli("copy", "postgresql+psycopg://nobody@127.0.0.1:1/films"),
        1,
        "cannot copy to postgresql://nobody@127.0.0.1:1/films",
        "cannot be reached",
    )
