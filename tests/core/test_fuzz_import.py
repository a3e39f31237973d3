"""Every importer under Hypothesis, a short deterministic run (``scripts/fuzz`` runs it longer):
any bytes, mutated real-layout files, odd CSV, JSON backups and Letterboxd ZIPs and folders
give a plan, problems or one clear refusal, never a traceback; a refusal changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings

from tests.fuzzing import Failure, Harness, Input, inputs

# Deterministic (derandomised): CI runs the same 60 inputs every time, in a few seconds.
SUITE = settings(settings.get_profile("filmdesk-suite"))


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Harness]:
    yield Harness(tmp_path_factory.mktemp("fuzz"))


def test_every_importer_takes_any_input_without_a_traceback(harness: Harness) -> None:
    @given(inputs(harness))
    @SUITE
    def run(item: Input) -> None:
        harness.check(item)

    run()
    # The run reached every way an input can end, not only refusals.
    assert harness.stats.outcomes is not None
    assert set(harness.stats.outcomes) == {"unreadable", "applied", "problems (rest applied)"}


def test_the_fuzzer_reports_what_the_safety_net_catches(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A reader that breaks is refused for the user ("cannot be read"), and is a failure here.
    from filmdesk.core.exchange import formats

    def broken(path: Path, progress: object) -> object:
        return {}["no such key"]

    monkeypatch.setattr(
        formats, "IMPORT_FORMATS", (formats.ImportFormat("csv", broken), *formats.IMPORT_FORMATS)
    )
    with pytest.raises(Failure, match="KeyError"):
        harness.check(Input("films.csv", b"title\nThe Ascent\n", "csv"))


def test_the_fuzzer_reports_a_message_no_one_can_read(harness: Harness) -> None:
    from tests.fuzzing import readable

    with pytest.raises(Failure, match="cannot read"):
        readable("films.csv: cannot be read (UnicodeDecodeError: 'utf-8' codec...)")
    with pytest.raises(Failure, match="control characters"):
        readable("films.csv, line 2: '\x1b[2J' is not a year")
    readable("films.csv, line 2, year: '1957a' is not a year")


def test_a_message_may_quote_what_the_file_says(harness: Harness) -> None:
    # The fuzzer wrote "AError" in a year cell: the message quoting it is the user's own text
    # (found by scripts/fuzz), where a class name the file never held is a leak.
    from tests.fuzzing import readable

    message = "films.csv, line 2, year: 'AError' is not a year"
    readable(message, given="title,year\nThe Ascent,AError\n")
    with pytest.raises(Failure, match="cannot read"):
        readable(message, given="title,year\nThe Ascent,1977\n")
    # The input whose problem named it: checked whole, it passes.
    outcome = harness.check(
        Input(
            "films.csv",
            b"title,year,notes\r\nLetters from a Dead Man,AError,a\r\n",
            "csv",
        )
    )
    assert outcome == "problems (rest applied)"
