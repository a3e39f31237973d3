"""The command line's tests run filmdesk-cli on the test's own catalog (a file, or a database on
the tests' PostgreSQL server)."""

from __future__ import annotations

import pytest

from tests.cli.helpers import Cli


@pytest.fixture
def cli(database: str) -> Cli:
    return Cli(database)
