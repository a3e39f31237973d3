"""filmdesk-cli backups, restore and check; and every command on a damaged, read-only or
foreign catalog, or on a full disk: one clear line, nothing half-written."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from filmdesk.core.backups.naming import backups_folder
from filmdesk.core.catalog import open_catalog
from tests.cli.helpers import Cli, ok, one_line_error
from tests.unusual_catalogs import add_films, damage, foreign_database, read_only_folder, small_disk

# Backups are copies of the SQLite file; a PostgreSQL catalog is backed up with the server's
# own tools (tests/cli/test_shared_catalog.py checks the sentence that says so).
pytestmark = pytest.mark.sqlite


def films_in(db: Path) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        count = int(conn.execute("SELECT count(*) FROM films").fetchone()[0])
    conn.close()
    return count


def test_backups_lists_them_newest_first(cli: Cli, tmp_path: Path) -> None:
    assert "No backups of" in ok(cli("backups"))  # the catalog was made just now
    ok(cli("list"))  # opened again: today's automatic backup
    source = tmp_path / "more.csv"
    source.write_text("title,year\nMirror,1975\n", encoding="utf-8")
    ok(cli("import", str(source)))
    listed = ok(cli("backups")).splitlines()
    assert listed[0].split() == ["#", "Made", "Films", "Size", "Why"]
    assert listed[2].split()[0] == "1" and listed[2].endswith("before an import")
    assert listed[3].split()[0] == "2" and listed[3].endswith("automatic (daily)")
    assert f"In {backups_folder(cli.path)}" in listed[-1]
    rows = json.loads(ok(cli("backups", "--json")))
    assert [(r["number"], r["films"], r["why"]) for r in rows] == [
        (1, 10, "before-import"),
        (2, 10, "automatic"),
    ]
    assert all(Path(r["path"]).is_file() and r["size"] > 0 for r in rows)


def test_restore_by_number_brings_the_catalog_back_and_can_be_undone(
    cli: Cli, tmp_path: Path
) -> None:
    catalog = open_catalog(cli.db).catalog
    catalog.close()
    ok(cli("list"))  # today's backup: 10 films
    catalog = open_catalog(cli.db).catalog
    add_films(catalog, 5000, tmp_path)
    catalog.close()
    assert films_in(cli.path) == 5010
    number = next(r["number"] for r in json.loads(ok(cli("backups", "--json")))
                  if r["why"] == "automatic")  # fmt: skip
    said = ok(cli("restore", str(number))).splitlines()
    assert said[0].startswith(f"Restored {cli.db} from the backup of ") and "(10 films)" in said[0]
    assert said[1] == (
        "The catalog as it was (5010 films) is backup 1: filmdesk-cli restore 1 brings it back."
    )
    assert len(cli.films()) == 10
    ok(cli("restore", "1"))
    assert len(cli.films()) == 5010


def test_restore_from_a_path(cli: Cli, tmp_path: Path) -> None:
    ok(cli("list"))
    ok(cli("list"))
    backup = Path(json.loads(ok(cli("backups", "--json")))[0]["path"])
    moved = tmp_path / "elsewhere.bak"
    moved.write_bytes(backup.read_bytes())
    ok(cli("add", "--title", "Mirror", "--year", "1975"))
    assert "from the backup " + str(moved) in ok(cli("restore", str(moved)))
    assert len(cli.films()) == 10


@pytest.mark.parametrize(
    ("make", "words"),
    [
        ("accounts", "is not a filmdesk catalog"),
        ("text", "is not a filmdesk catalog: it is not a database"),
        ("missing", "there is no file"),
        ("number", "there is no backup number 7"),
    ],
)
def test_restore_refuses_what_is_no_backup_and_changes_nothing(
    cli: Cli, tmp_path: Path, make: str, words: str
) -> None:
    ok(cli("add", "--title", "Mirror", "--year", "1975"))
    ok(cli("list"))  # (today's backup, made on the second opening)
    source = tmp_path / "source.bak"
    if make == "accounts":
        foreign_database(source)
    elif make == "text":
        source.write_text("not a catalog\n", encoding="utf-8")
    reference = "7" if make == "number" else str(source)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    one_line_error(cli("restore", reference), 1, words)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    assert len(cli.films()) == 11


def test_check_says_a_good_catalog_is_in_good_order(cli: Cli) -> None:
    ok(cli("list"))
    assert ok(cli("check")) == (
        f"{cli.path} is in good order: no damage, no broken links. It holds 10 films.\n"
    )


def test_a_damaged_catalog_is_one_clear_line_from_every_command(cli: Cli, tmp_path: Path) -> None:
    ok(cli("list"))
    ok(cli("list"))  # a good backup exists
    damage(cli.path)
    commands = [
        ["show", "1"], ["export", str(tmp_path / "out.csv")], ["edit", "1", "--rating", "4"],
        ["import", str(tmp_path / "in.csv")], ["lists"],
    ]  # fmt: skip
    (tmp_path / "in.csv").write_text("title\nMirror\n", encoding="utf-8")
    for args in commands:
        result = cli(*args)
        assert "Traceback" not in result.stderr, (args, result.stderr)
        if result.returncode != 0:
            one_line_error(result, 1)
            assert "sqlite+" not in result.stderr and "Error:" not in result.stderr
    damaged = cli("list")
    one_line_error(damaged, 1, f"the catalog {cli.path} is damaged", "filmdesk-cli restore")
    assert not (tmp_path / "out.csv").exists()

    checked = cli("check")
    assert checked.returncode == 1
    assert checked.stdout.startswith(f"{cli.path} is damaged. SQLite's integrity check found:")
    assert "filmdesk-cli restore NUMBER puts one back" in checked.stdout
    assert checked.stderr == f"filmdesk-cli: error: the catalog {cli.path} is damaged (see above)\n"

    said = ok(cli("restore", "1"))
    assert "The damaged catalog was kept as it was, in " in said
    assert len(cli.films()) == 10
    assert "in good order" in ok(cli("check"))


def test_a_read_only_catalog_reads_and_refuses_changes_in_one_line(
    cli: Cli, tmp_path: Path
) -> None:
    ok(cli("list"))
    with read_only_folder(tmp_path / "shared", cli.path) as copy:
        shared = Cli(copy)
        assert len(shared.films()) == 10
        assert "The Letter" in ok(shared("show", "The Letter"))
        ok(shared("export", str(tmp_path / "films.csv")))
        changes = (
            ["edit", "The Letter", "--rating", "4"], ["add", "--title", "Mirror", "--year", "1975"],
            ["lists", "create", "Year 9"], ["restore", "1"],
        )  # fmt: skip
        for args in changes:
            result = shared(*args)
            one_line_error(result, 1)
            assert f"the catalog {copy} is read-only" in result.stderr, result.stderr
        assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]


def test_a_catalog_opened_read_only_refuses_every_change_saying_so(
    cli: Cli, tmp_path: Path
) -> None:
    # --read-only asked for, on a file filmdesk may write: a restore once went ahead (the
    # catalog replaced by a backup), and an import said "no permission to write".
    ok(cli("edit", "The Letter", "--rating", "3"))  # (a second backup to restore)
    source = tmp_path / "new.csv"
    source.write_text("title,year\nCopper Meadow,1961\n", encoding="utf-8")
    before = cli.path.read_bytes()
    for args in (
        ["restore", "1"], ["import", str(source)], ["edit", "The Letter", "--rating", "4"],
    ):  # fmt: skip
        result = cli("--read-only", *args)
        assert result.returncode == 1  # (an import says first what the file holds)
        assert result.stderr == (
            f"filmdesk-cli: error: the catalog {cli.path} was opened read-only;"
            " nothing was changed\n"
        )
    assert cli.path.read_bytes() == before
    assert [f["title"] for f in cli.films("--search", "copper")] == []


def test_a_foreign_database_is_refused_and_not_changed(cli: Cli) -> None:
    foreign_database(cli.path)
    before = cli.path.read_bytes()
    for args in (["list"], ["backups"], ["check"]):
        result = cli(*args)
        if args == ["backups"]:
            assert "No backups" in ok(result)
            continue
        one_line_error(result, 1, "is not a filmdesk catalog")
    assert cli.path.read_bytes() == before
    assert sorted(p.name for p in cli.path.parent.iterdir()) == [cli.path.name]


def test_a_full_disk_is_one_line_and_nothing_is_half_written(tmp_path: Path, db_path: Path) -> None:
    catalog = open_catalog(str(db_path)).catalog
    add_films(catalog, 4000, tmp_path)
    catalog.close()
    with small_disk(tmp_path / "disk") as disk:
        target = disk / "library.sqlite3"
        target.write_bytes(db_path.read_bytes())
        cli = Cli(target)
        listed = cli("list", "--json")
        assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 4010
        assert listed.stderr.startswith(
            "filmdesk-cli: warning: today's backup was not made: there is not enough space in "
        )
        source = tmp_path / "more.csv"
        source.write_text("title,year\nMirror,1975\n", encoding="utf-8")
        result = cli("import", str(source))
        assert result.returncode == 1 and "Imported" not in result.stdout
        warning, error = result.stderr.splitlines()  # (today's backup could not be made)
        assert warning.startswith("filmdesk-cli: warning: today's backup was not made")
        assert error.startswith("filmdesk-cli: error: there is not enough space in")
        assert error.endswith("nothing was changed")
        assert films_in(target) == 4010
        assert list(backups_folder(target).iterdir()) == []
        assert not [p for p in disk.iterdir() if p.name.startswith(".")]
