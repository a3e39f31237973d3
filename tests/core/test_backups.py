"""Backups of a SQLite catalog: written whole or not at all, private when the catalog is,
consistent with a live write-ahead log, rotated; and restoring one."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from filmdesk.core.backups.naming import (
    Backup,
    Reason,
    backups_folder,
    list_backups,
)
from filmdesk.core.backups.restoring import find_backup, latest_good_backup, restore_backup
from filmdesk.core.backups.rotation import Limits, obsolete
from filmdesk.core.backups.writing import backup_if_due, make_backup
from filmdesk.core.catalog import Catalog, open_catalog
from filmdesk.core.catalog_file import check_catalog, verify_copy
from filmdesk.core.db import SCHEMA_HEAD
from filmdesk.core.problems import (
    DamagedCatalogError,
    DiskFullError,
    NotACatalogError,
)
from tests.unusual_catalogs import add_films, damage, foreign_database, small_disk

SRC = Path(__file__).resolve().parents[2] / "src"


def films_in(path: Path) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        count = int(conn.execute("SELECT count(*) FROM films").fetchone()[0])
    conn.close()
    return count


def debris(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_backup_is_one_whole_file_named_for_what_it_holds(
    catalog: Catalog, db_path: Path
) -> None:
    made = datetime(2026, 3, 4, 14, 30, 5, tzinfo=UTC)
    backup = make_backup(db_path, Reason.BEFORE_IMPORT, now=made)
    assert backup.path.parent == db_path.parent / "backups"
    assert backup.path.name == "library.sqlite3.2026-03-04T143005Z.before-import.10-films.bak"
    assert (backup.made, backup.reason, backup.films) == (made, Reason.BEFORE_IMPORT, 10)
    # One file that opens by itself: no -wal beside it, no temporary file left.
    assert sorted(p.name for p in backup.path.parent.iterdir()) == [backup.path.name]
    with sqlite3.connect(backup.path) as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert list_backups(db_path) == [backup]


def test_a_backup_includes_what_is_still_in_the_write_ahead_log(
    catalog: Catalog, db_path: Path
) -> None:
    # A reader holding a snapshot keeps SQLite from folding the log into the file.
    reader = sqlite3.connect(db_path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM films").fetchone()
    catalog.films.add({"title": "Mirror", "year": 1975})
    assert Path(f"{db_path}-wal").stat().st_size > 0
    backup = make_backup(db_path, Reason.BEFORE_IMPORT)
    reader.close()
    assert backup.films == 11 and films_in(backup.path) == 11


def test_a_private_catalog_has_private_backups(catalog: Catalog, db_path: Path) -> None:
    db_path.chmod(0o600)
    backup = make_backup(db_path, Reason.AUTOMATIC)
    assert backup.path.stat().st_mode & 0o777 == 0o600
    assert backups_folder(db_path).stat().st_mode & 0o777 == 0o700
    db_path.chmod(0o640)
    assert make_backup(db_path, Reason.AUTOMATIC).path.stat().st_mode & 0o777 == 0o640


def test_one_automatic_backup_a_day(catalog: Catalog, db_path: Path) -> None:
    now = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
    first = backup_if_due(db_path, now=now)
    assert first is not None and first.reason is Reason.AUTOMATIC
    assert backup_if_due(db_path, now=now + timedelta(hours=23)) is None
    assert backup_if_due(db_path, now=now + timedelta(hours=25)) is not None
    assert len(list_backups(db_path)) == 2


def test_opening_a_catalog_backs_it_up_once_a_day_but_not_a_new_one(db_path: Path) -> None:
    opened = open_catalog(str(db_path))  # made just now: nothing to lose
    assert opened.backup is None
    opened.catalog.close()
    again = open_catalog(str(db_path))
    assert again.backup is not None and again.backup.reason is Reason.AUTOMATIC
    again.catalog.close()
    third = open_catalog(str(db_path))
    assert third.backup is None and len(list_backups(db_path)) == 1
    third.catalog.close()


def _backup(path: Path, made: datetime, reason: Reason = Reason.AUTOMATIC) -> Backup:
    return Backup(path / made.isoformat(), made, reason, 10, 1000)


def test_automatic_backups_are_thinned_to_days_weeks_and_months(tmp_path: Path) -> None:
    now = datetime(2026, 6, 30, 12, 0).astimezone()
    daily = [_backup(tmp_path, now - timedelta(days=d)) for d in range(400)]
    events = [_backup(tmp_path, now - timedelta(hours=h), Reason.BEFORE_IMPORT) for h in range(15)]
    gone = obsolete(daily + events, now, Limits(daily=7, weekly=4, monthly=6, before_changes=10))
    kept = [b for b in daily if b not in gone]
    # Today and yesterday, 7 more days, 4 weeks, 6 months.
    assert len(kept) == 2 + 7 + 4 + 6
    assert [b.made.date() for b in kept[:9]] == [(now - timedelta(days=d)).date() for d in range(9)]
    weeks = {(b.made.toordinal() - 1) // 7 for b in kept[9:13]}
    assert len(weeks) == 4
    months = {(b.made.year, b.made.month) for b in kept[13:]}
    assert len(months) == 6
    assert [b for b in events if b not in gone] == events[:10]


def test_pruning_removes_the_files(catalog: Catalog, db_path: Path) -> None:
    start = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    for day in range(40):
        make_backup(db_path, Reason.AUTOMATIC, now=start + timedelta(days=day))
    for hour in range(12):
        make_backup(db_path, Reason.BEFORE_IMPORT, now=start + timedelta(days=39, hours=hour))
    backups = list_backups(db_path)
    automatic = [b for b in backups if b.reason is Reason.AUTOMATIC]
    assert len([b for b in backups if b.reason is Reason.BEFORE_IMPORT]) == 10
    assert 9 <= len(automatic) <= 2 + 7 + 4 + 6
    assert len(list(backups_folder(db_path).iterdir())) == len(backups)


_KILLED_MID_BACKUP = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import filmdesk.core.backups.writing as writing
    from filmdesk.core.backups.naming import Reason

    def stuck(connection, limit=10):  # the copy is written; the rename is still to come
        print("copying", flush=True)
        time.sleep(60)
        return []

    writing.quick_check = stuck
    writing.make_backup(Path(sys.argv[1]), Reason.BEFORE_IMPORT)
    """
)


def test_a_backup_killed_half_way_leaves_no_backup_and_no_debris_after_the_next(
    catalog: Catalog, db_path: Path, tmp_path: Path
) -> None:
    make_backup(db_path, Reason.AUTOMATIC)
    process = subprocess.Popen(
        [sys.executable, "-c", _KILLED_MID_BACKUP, str(db_path)],
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    assert process.stdout is not None and process.stdout.readline() == b"copying\n"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    folder = backups_folder(db_path)
    assert debris(folder)  # the temporary file the killed process was writing
    assert [b.reason for b in list_backups(db_path)] == [Reason.AUTOMATIC]  # not listed
    make_backup(db_path, Reason.BEFORE_RESTORE)
    assert debris(folder) == []
    assert all(verify_copy(b.path, SCHEMA_HEAD).films == 10 for b in list_backups(db_path))


_BACKING_UP_IN_A_LOOP = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime, timedelta
    from pathlib import Path
    from filmdesk.core.backups.naming import Reason
    from filmdesk.core.backups.writing import make_backup

    start = datetime(2026, 1, 1, tzinfo=UTC)
    for n in range(10_000):
        make_backup(Path(sys.argv[1]), Reason.AUTOMATIC, now=start + timedelta(days=n))
        print(n, flush=True)
    """
)


@pytest.mark.slow
def test_backups_killed_at_any_moment_leave_only_whole_backups(
    catalog: Catalog, db_path: Path, tmp_path: Path
) -> None:
    add_films(catalog, 3000, tmp_path)
    for delay in (0.05, 0.2, 0.45, 0.8):
        process = subprocess.Popen(
            [sys.executable, "-c", _BACKING_UP_IN_A_LOOP, str(db_path)],
            stdout=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(SRC)},
        )
        time.sleep(0.6 + delay)  # (the interpreter takes about half a second to start)
        process.kill()
        process.wait(timeout=30)
        backups = list_backups(db_path)
        assert all(verify_copy(b.path, SCHEMA_HEAD).films == b.films for b in backups)
        assert {b.films for b in backups if b.reason is Reason.AUTOMATIC} <= {3010}
    assert len(list_backups(db_path)) > 1  # some were made, between the kills
    make_backup(db_path, Reason.BEFORE_IMPORT)
    assert debris(backups_folder(db_path)) == []


def test_a_damaged_catalog_gets_no_backup_that_would_push_a_good_one_out(
    catalog: Catalog, db_path: Path
) -> None:
    good = make_backup(db_path, Reason.AUTOMATIC)
    catalog.close()
    damage(db_path)
    with pytest.raises(DamagedCatalogError, match="is damaged"):
        make_backup(db_path, Reason.AUTOMATIC)
    assert list_backups(db_path) == [good]
    assert debris(backups_folder(db_path)) == []
    assert latest_good_backup(db_path) == good


def test_a_full_disk_is_said_and_leaves_nothing_half_written(tmp_path: Path, db_path: Path) -> None:
    opened = open_catalog(str(db_path))
    add_films(opened.catalog, 4000, tmp_path)
    opened.catalog.close()
    assert 900_000 < db_path.stat().st_size < 1_600_000  # (fits the 2 MB disk; its backup not)
    with small_disk(tmp_path / "disk") as disk:
        catalog_path = disk / "library.sqlite3"
        catalog_path.write_bytes(db_path.read_bytes())
        with pytest.raises(DiskFullError, match="not enough space") as raised:
            make_backup(catalog_path, Reason.BEFORE_IMPORT)
        assert "nothing was changed" in str(raised.value)
        assert list(backups_folder(catalog_path).iterdir()) == []
        assert films_in(catalog_path) == 4010
        # Opening it still works; the automatic backup says why it was not made.
        reopened = open_catalog(str(catalog_path))
        assert isinstance(reopened.backup_problem, DiskFullError)
        assert reopened.catalog.films.stats().films == 4010
        reopened.catalog.close()
        assert list(backups_folder(catalog_path).iterdir()) == []


def test_backups_an_earlier_filmdesk_left_beside_the_catalog_move_into_the_folder(
    catalog: Catalog, db_path: Path
) -> None:
    old = db_path.with_name("library.sqlite3.before-import-20250101-120000.bak")
    with sqlite3.connect(db_path) as source, sqlite3.connect(old) as copy:
        source.backup(copy)
    copy.close()
    source.close()
    empty = db_path.with_name("library.sqlite3.before-schema-0007-20250102-120000.bak")
    empty.write_bytes(b"")  # what a full disk left
    make_backup(db_path, Reason.AUTOMATIC)
    assert not old.exists() and not empty.exists()
    moved = [b for b in list_backups(db_path) if b.reason is Reason.BEFORE_IMPORT]
    assert [(b.made.year, b.films) for b in moved] == [(2025, 10)]


def test_restoring_puts_the_backup_back_and_no_old_log_reapplies(
    catalog: Catalog, db_path: Path, tmp_path: Path
) -> None:
    ten = make_backup(db_path, Reason.AUTOMATIC)
    # 5,000 more films, some of them still only in the write-ahead log when the restore
    # comes (a reader holds the log open): a hand copy of the backup would get them back.
    add_films(catalog, 5000, tmp_path)
    reader = sqlite3.connect(db_path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM films").fetchone()
    catalog.films.add({"title": "Mirror", "year": 1975})
    reader.close()
    catalog.close()
    assert films_in(db_path) == 5011

    restored = restore_backup(db_path, ten.path)
    assert restored.films == 10 and restored.kept is not None
    assert restored.kept.reason is Reason.BEFORE_RESTORE and restored.kept.films == 5011
    assert films_in(db_path) == 10
    again = open_catalog(str(db_path)).catalog
    assert again.films.stats().films == 10
    again.close()
    assert films_in(db_path) == 10
    # And back: the copy made first holds everything.
    restore_backup(db_path, restored.kept.path)
    assert films_in(db_path) == 5011


def test_restoring_into_an_open_catalog_is_seen_by_it(catalog: Catalog, db_path: Path) -> None:
    ten = make_backup(db_path, Reason.AUTOMATIC)
    catalog.films.add({"title": "Mirror", "year": 1975})
    restore_backup(db_path, ten.path)
    assert catalog.films.stats().films == 10
    restored = catalog.backups.restore(find_backup(db_path, "1"))  # the one made before
    assert restored.films == 11 and catalog.films.resolve("Mirror").year == 1975


@pytest.mark.parametrize("kind", ["foreign", "text", "newer", "damaged", "itself"])
def test_restoring_something_that_is_not_a_good_backup_changes_nothing(
    catalog: Catalog, db_path: Path, tmp_path: Path, kind: str
) -> None:
    source = tmp_path / f"{kind}.bak"
    if kind == "foreign":
        foreign_database(source)
    elif kind == "text":
        source.write_text("title,year\nMirror,1975\n", encoding="utf-8")
    else:
        source = make_backup(db_path, Reason.AUTOMATIC).path
        if kind == "newer":
            with sqlite3.connect(source) as conn:
                conn.execute("UPDATE alembic_version SET version_num = '9999'")
            conn.close()
        elif kind == "damaged":
            damage(source)
        elif kind == "itself":
            source = db_path
    before = list_backups(db_path)
    catalog.films.add({"title": "Mirror", "year": 1975})
    error = DamagedCatalogError if kind == "damaged" else NotACatalogError
    with pytest.raises(error):
        restore_backup(db_path, source)
    assert catalog.films.stats().films == 11
    assert list_backups(db_path) == before  # not even a backup was made


def test_restoring_over_a_damaged_catalog_keeps_the_damaged_files(
    catalog: Catalog, db_path: Path
) -> None:
    good = make_backup(db_path, Reason.AUTOMATIC)
    catalog.close()
    damage(db_path)
    Path(f"{db_path}-wal").write_bytes(b"\0" * 4096)  # a log of the damaged file
    restored = restore_backup(db_path, good.path)
    assert restored.kept is None and restored.kept_damaged is not None
    assert restored.kept_damaged.read_bytes()[:16] == b"SQLite format 3\0"
    assert not Path(f"{db_path}-wal").exists()
    assert check_catalog(db_path).ok and films_in(db_path) == 10
    assert [b.path for b in list_backups(db_path)] == [good.path]  # the damaged one is no backup


def test_find_backup_by_number_or_path(catalog: Catalog, db_path: Path, tmp_path: Path) -> None:
    older = make_backup(db_path, Reason.AUTOMATIC, now=datetime(2026, 1, 1, tzinfo=UTC))
    newer = make_backup(db_path, Reason.BEFORE_IMPORT, now=datetime(2026, 1, 2, tzinfo=UTC))
    assert find_backup(db_path, "1") == newer.path
    assert find_backup(db_path, "2") == older.path
    assert find_backup(db_path, str(older.path)) == older.path
    with pytest.raises(NotACatalogError, match="no backup number 3"):
        find_backup(db_path, "3")
    with pytest.raises(NotACatalogError, match="there is no file"):
        find_backup(db_path, str(tmp_path / "nothing.bak"))


def test_check_finds_damage_and_broken_links(catalog: Catalog, db_path: Path) -> None:
    report = check_catalog(db_path)
    assert report.ok and report.facts is not None and report.facts.films == 10
    catalog.close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("INSERT INTO film_tags (film_id, tag_id) VALUES (999, 999)")
    conn.close()
    report = check_catalog(db_path)
    assert not report.damage and {t for t, _row, _parent in report.broken_links} == {"film_tags"}
    damage(db_path)
    assert check_catalog(db_path).damage
