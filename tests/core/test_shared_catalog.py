"""One catalog on a PostgreSQL server for a whole club: several people at once, who may do
what, and ids that stay right after imports. Real server (tests/pg_server.py), real
processes."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.core.exchange.planning import plan_import
from filmdesk.core.films.operations import DeleteFilms, EditFilms
from filmdesk.core.problems import ReadOnlyCatalogError
from filmdesk.core.watch import CatalogWatch
from tests.pg_server import LocalServer

pytestmark = pytest.mark.postgresql

README = Path(__file__).resolve().parents[2] / "README.md"


def _roles_sql(database: str) -> list[str]:
    """The SQL the README gives for the two roles and one account in each, for ``database``
    (role names made unique: roles belong to the whole server)."""
    text = README.read_text(encoding="utf-8")
    block = text[text.index("**Who may do what.**") :]
    block = block[block.index("```sql") + 6 : block.index("```", block.index("```sql") + 6)]
    for old, new in (
        ("filmclub", database),
        ("filmdesk_editor", f"{database}_editors"),
        ("filmdesk_viewer", f"{database}_viewers"),
        ("anna", f"{database}_editor"),
        ("pupil9b", f"{database}_viewer"),
        (" PASSWORD '...'", ""),
    ):
        block = block.replace(old, new)
    lines = [line.split("--")[0] for line in block.splitlines()]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]


@pytest.fixture
def shared(pg_server: LocalServer) -> str:
    """A shared catalog made by its owner (the server's superuser here), seeded."""
    url = pg_server.new_database()
    open_catalog(url).catalog.close()
    return url


def _as(server: LocalServer, url: str, role: str) -> str:
    return server.url(url.rsplit("/", 1)[1], user=role)


def _roles(server: LocalServer, url: str) -> tuple[str, str]:
    database = url.rsplit("/", 1)[1]
    for statement in _roles_sql(database):
        server.sql(statement, database=database)
    return _as(server, url, f"{database}_editor"), _as(server, url, f"{database}_viewer")


def _cli(target: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "filmdesk.cli", "--database", target, *args],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )  # fmt: skip


def test_a_viewer_account_opens_the_catalog_read_only_and_changes_nothing(
    pg_server: LocalServer, shared: str
) -> None:
    _editor, viewer = _roles(pg_server, shared)
    catalog = open_catalog(viewer).catalog
    assert catalog.read_only
    assert len(catalog.films.all()) == 10  # reading is fine
    with pytest.raises(ReadOnlyCatalogError, match="read-only for you: your account may only"):
        catalog.films.edit(1, {"notes": "a student's note"})
    catalog.close()
    result = _cli(viewer, "edit", "The Letter", "--rating", "4")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert "is read-only for you: your account may only read it; nothing was changed" in (
        result.stderr
    )
    assert "postgresql://" in result.stderr and "Traceback" not in result.stderr
    assert json.loads(_cli(shared, "show", "The Letter", "--json").stdout)["rating"] is None


def test_an_editor_account_edits_imports_and_adds_by_hand(
    pg_server: LocalServer, shared: str, tmp_path: Path
) -> None:
    editor, _viewer = _roles(pg_server, shared)
    catalog = open_catalog(editor).catalog
    assert not catalog.read_only
    catalog.films.edit(1, {"notes": "for Thursday"})
    source = tmp_path / "club.csv"
    source.write_text(
        "title,year\n" + "".join(f"Club film {n},1970\n" for n in range(300)), encoding="utf-8"
    )
    catalog.imports.apply(plan_import(catalog, source))
    # The import gave its films their ids; the next film added by hand takes a new one.
    added = catalog.films.add({"title": "Added by hand", "year": 1971})
    assert added.id == 311
    catalog.close()
    assert json.loads(_cli(shared, "show", "Added by hand", "--json").stdout)["year"] == 1971


def test_ids_stay_right_after_a_restored_backup_and_an_undone_delete(
    pg_server: LocalServer, shared: str, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.json"
    assert _cli(shared, "export", str(backup)).returncode == 0
    target = pg_server.new_database()
    assert _cli(target, "import", str(backup)).returncode == 0, "restore into a new catalog"
    catalog = open_catalog(target).catalog
    deleted = catalog.run(DeleteFilms((3,)))
    catalog.run(deleted.inverse)
    assert catalog.films.add({"title": "New", "year": 2001}).id == 11
    catalog.close()


def test_what_another_process_commits_is_seen_within_two_seconds(shared: str) -> None:
    catalog = open_catalog(shared).catalog
    watch = CatalogWatch(catalog)
    try:
        # Our own change (the window tells its watch what it did): not someone else's.
        watch.saw(catalog.run(EditFilms({2: {"notes": "mine"}})).changes)
        time.sleep(0.2)
        assert watch.poll() is None
        assert _cli(shared, "edit", "The Letter", "--rating", "4.5").returncode == 0
        letter = catalog.films.resolve("The Letter").id
        deadline = time.monotonic() + 2
        changes = None
        while changes is None and time.monotonic() < deadline:
            changes = watch.poll()
            time.sleep(0.05)
        assert changes is not None, "the other process's change was not noticed"
        assert changes.films_changed == {letter}
        assert [f.rating for f in changes.films] == [4.5]
        assert watch.poll() is None  # once
    finally:
        watch.close()
        catalog.close()


_REORDER = """
import random, sys
from filmdesk.core.catalog import open_catalog
catalog = open_catalog(sys.argv[1]).catalog
chosen = catalog.lists.resolve("Club")
random.seed(int(sys.argv[2]))
for _ in range(40):
    entries = catalog.lists.get(chosen.id).entries
    catalog.lists.move(chosen.id, random.choice(entries).film_id, random.randint(1, len(entries)))
catalog.close()
"""


def test_two_people_reordering_one_list_keep_it_dense_and_whole(shared: str) -> None:
    catalog: Catalog = open_catalog(shared).catalog
    made = catalog.lists.create("Club")
    films = [f.id for f in catalog.films.all()]
    catalog.lists.add(made.id, films)
    people = [
        subprocess.Popen([sys.executable, "-c", _REORDER, shared, str(seed)]) for seed in (1, 2)
    ]
    assert [p.wait(timeout=120) for p in people] == [0, 0]
    entries = catalog.lists.get(made.id).entries
    assert sorted(e.film_id for e in entries) == sorted(films)  # no entry lost or doubled
    assert [e.position for e in entries] == list(range(1, len(films) + 1))
    catalog.close()


def test_comments_carry_their_author(pg_server: LocalServer, shared: str) -> None:
    editor, _viewer = _roles(pg_server, shared)
    name = "Soviet Films About Correspondence"
    assert _cli(editor, "collection", "comment", name, "Thursday: The Letter").returncode == 0
    signed = _cli(shared, "collection", "comment", name, "Agreed", "--author", "Ms Orlova")
    assert signed.returncode == 0
    shown = json.loads(_cli(shared, "collection", "show", name, "--json").stdout)
    authors = {c["text"]: c["author"] for c in shown["comments"]}
    account = editor.split("//")[1].split("@")[0]
    assert authors == {"Thursday: The Letter": account, "Agreed": "Ms Orlova"}
    listing = _cli(shared, "collection", "show", name).stdout
    assert "· Ms Orlova" in listing


def test_backups_of_a_shared_catalog_are_left_to_the_server(shared: str) -> None:
    result = _cli(shared, "backups")
    assert result.returncode != 0 and result.stderr.count("\n") == 1
    assert "back up other databases with their own tools" in result.stderr
