"""Memory a big preparation freed goes back to the system."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from filmdesk.core.collector import give_back_freed_memory


def resident_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 2**20


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_memory_freed_between_kept_objects_goes_back_to_the_system() -> None:
    made = [bytes(2000) + bytes([n % 256]) for n in range(60_000)]  # 120 MB, a piece at a time
    kept = made[::50]  # (what stays alive, scattered among what is freed)
    del made
    before = resident_mb()
    if not give_back_freed_memory():
        pytest.skip("this C library cannot be asked to give memory back (not glibc)")
    after = resident_mb()
    assert before - after > 60, (before, after)
    assert len(kept) == 1200
