"""The command line's tests run filmdesk-cli on the test's own catalog file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import Cli


@pytest.fixture
def cli(db_path: Path) -> Cli:
    return Cli(db_path)
