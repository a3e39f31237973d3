"""An export killed half-way (kill -9) leaves the file it replaces whole, and the temporary file
it was writing is removed by the next export into that folder, and nothing else is."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from filmdesk.core.exchange.textfile import (
    PART_SUFFIX,
    STALE_AFTER_S,
    remove_stale_parts,
    replaced_atomically,
)

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _age(path: Path, seconds: float) -> None:
    # As if that long had passed since it was last written.
    then = time.time() - seconds
    os.utime(path, (then, then))


def _export(database: Path, target: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "filmdesk.cli", "--database", str(database), "export", str(target)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.mark.slow
def test_an_export_killed_half_way_leaves_nothing_after_the_next_one(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from _catalog import build_catalog
    finally:
        sys.path.remove(str(BENCHMARKS))
    database = tmp_path / "big.sqlite3"
    build_catalog(database, 30_000)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "films.csv"
    target.write_text("the export of last week\n", encoding="utf-8")

    running = _export(database, target)
    deadline = time.monotonic() + 60
    parts: list[Path] = []
    while time.monotonic() < deadline and running.poll() is None:
        parts = list(folder.glob(f".films.csv.*{PART_SUFFIX}"))
        if parts and parts[0].stat().st_size > 100_000:  # half-way through the films
            break
        time.sleep(0.005)
    assert running.poll() is None, "the export ended before it could be killed"
    os.kill(running.pid, signal.SIGKILL)
    running.wait()

    # Killed: the export of last week is whole, the part written so far is left behind.
    assert target.read_text(encoding="utf-8") == "the export of last week\n"
    [part] = folder.glob(f".films.csv.*{PART_SUFFIX}")
    assert part.stat().st_size > 100_000

    # Later, another export into the folder: the stale part goes, and only what is ours.
    _age(part, STALE_AFTER_S + 60)
    running_elsewhere = folder / f".list.csv.k3j2h1ab{PART_SUFFIX}"  # being written now
    running_elsewhere.write_text("Position,Title\r\n")
    kept = [folder / ".films.csv.backup", folder / "films.csv.k3j2h1ab.filmdesk-part"]
    for path in kept:
        path.write_text("the user's own\n")
        _age(path, STALE_AFTER_S + 60)
    again = _export(database, target)
    assert again.wait(timeout=120) == 0, again.stderr.read() if again.stderr else ""
    assert not part.exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["films.csv", running_elsewhere.name, *(p.name for p in kept)]
    )
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("title,") and len(lines) == 1 + 30_000 + 10  # and the seed


def test_parts_named_by_earlier_versions_go_too(tmp_path: Path) -> None:
    # Before the .filmdesk-part suffix, a part was ".<name>.<8 letters>": those of the file
    # being exported are removed when stale, others (another file's, a young one) stay.
    old = tmp_path / ".films.json.abcd1234"
    young = tmp_path / ".films.json.wxyz9876"
    other = tmp_path / ".notes.txt.abcd1234"
    for path in (old, young, other):
        path.write_text("{")
    _age(old, STALE_AFTER_S + 1)
    _age(other, STALE_AFTER_S + 1)
    with replaced_atomically(tmp_path / "films.json") as out:
        out.write("{}")
    assert not old.exists() and young.exists() and other.exists()
    assert (tmp_path / "films.json").read_text() == "{}"


def test_a_folder_that_cannot_be_listed_is_left_to_the_export(tmp_path: Path) -> None:
    assert remove_stale_parts(tmp_path / "missing") == []
