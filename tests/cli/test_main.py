"""filmdesk-cli's global options, errors and exit statuses, run as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import Cli
from tests.unusual_catalogs import writer_holding_the_lock


def test_database_from_environment(tmp_path: Path, cli: Cli) -> None:
    target = tmp_path / "from-env.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "filmdesk.cli", "list", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env={**os.environ, "FILMDESK_DATABASE": str(target)},
    )
    assert result.returncode == 0, result.stderr
    assert target.exists() and len(json.loads(result.stdout)) == 10


def test_version(cli: Cli) -> None:
    result = cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("filmdesk ")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--database", "", "list"], "--database is empty"),
        (["--database", "nosuchdialect://x", "list"], "cannot open"),
        (
            ["--database", "/proc/nonexistent/x.sqlite3", "list"],
            "there is no folder /proc/nonexistent",
        ),
        (["--database", "mysql://someone@host/films", "list"], "'mysql' is neither"),
        (["--database", "postgresql://someone@host:port/films", "list"], "port must be a number"),
        (
            ["--database", "postgresql+psycopg://someone@127.0.0.1:1/films", "list"],
            "postgresql://someone@127.0.0.1:1/films: the catalog's server cannot be reached",
        ),
    ],
)
def test_bad_database_arguments_are_one_line(args: list[str], words: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "filmdesk.cli", *args],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )  # fmt: skip
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1 and words in result.stderr


def test_a_locked_catalog_is_one_line_and_changes_nothing(cli: Cli) -> None:
    assert cli("list").returncode == 0
    holder = writer_holding_the_lock(cli.db, 8)  # longer than filmdesk waits (5 s)
    try:
        result = cli("edit", "The Letter", "--rating", "4")
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 1
    assert result.stderr.startswith("filmdesk-cli: error: ") and result.stderr.count("\n") == 1
    assert "nothing was changed" in result.stderr
    assert json.loads(cli("show", "The Letter", "--json").stdout)["rating"] is None


def test_values_that_start_with_a_dash(cli: Cli) -> None:
    cli("edit", "The Letter", "--add-tag", "war")
    result = cli("list", "--search", "-tag:war", "--sort", "-year", "--json")
    assert result.returncode == 0, result.stderr
    films = json.loads(result.stdout)
    assert len(films) == 9 and films[0]["year"] == 1980


def test_every_command_and_action_has_its_help(capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from filmdesk.cli import main
    from filmdesk.cli.main import build_parser

    def commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
        found = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        return dict(found[0].choices) if found else {}

    top = commands(build_parser())
    assert list(top) == ["list", "show", "add", "edit", "watch", "unwatch", "delete", "poster",
                         "export", "import", "copy", "collections", "collection", "lists",
                         "searches", "stats", "backups", "restore", "check"]  # fmt: skip
    calls = [[name] for name in top]
    calls += [[name, action] for name, parser in top.items() for action in commands(parser)]
    assert len(calls) == 19 + 9 + 12 + 4  # commands; collection, lists and searches actions
    for call in calls:
        with pytest.raises(SystemExit) as done:
            main([*call, "--help"])
        assert done.value.code == 0
        assert f"usage: filmdesk-cli {' '.join(call)}" in capsys.readouterr().out


def test_a_reader_that_stops_early_gets_no_error(cli: Cli, tmp_path: Path) -> None:
    # ``filmdesk-cli list | head -1``: more than a pipe holds, and the reader goes away.
    source = tmp_path / "many.csv"
    source.write_text(
        "title,year\n" + "".join(f"Letter {n},1960\n" for n in range(3000)), encoding="utf-8"
    )
    assert cli("import", str(source)).returncode == 0
    reader = subprocess.Popen(
        [sys.executable, "-m", "filmdesk.cli", "--database", str(cli.db), "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None and reader.stdout.readline().split()[0] == b"ID"
    reader.stdout.close()
    _, errors = reader.communicate(timeout=60)
    assert errors == b""
