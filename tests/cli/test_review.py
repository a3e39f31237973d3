"""filmdesk-cli export PATH.pdf --year YEAR: the year in review, as a real subprocess."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from filmdesk.core.catalog import open_catalog
from tests.cli.helpers import Cli, ok, refused_without_change
from tests.core.test_review import build

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")


def text_of(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def test_export_a_year_in_review(cli: Cli, tmp_path: Path) -> None:
    catalog = open_catalog(cli.db).catalog
    build(catalog)
    catalog.close()
    out = tmp_path / "review-2025.pdf"
    english = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_GB.UTF-8"}
    printed = ok(cli("export", str(out), "--year", "2025", env=english))
    assert printed == f"Exported 2025 in review (3 films watched) to {out}\n"
    text = text_of(out)
    assert "2025 in films" in text and "12 March" in text

    ok(cli("export", str(out), "--year", "2025", "--language", "ru", env=english))
    assert "2025 год в кино" in text_of(out) and "12 марта" in text_of(out)

    russian = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "ru_RU.UTF-8"}
    ok(cli("export", str(out), "--year", "2025", env=russian))  # the language from LANG
    assert "2025 год в кино" in text_of(out)

    # Without --year, a .pdf is the printable catalog, as before.
    ok(cli("export", str(out), env=english))
    assert "Film catalog" in text_of(out) and "2025 in films" not in text_of(out)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["export", "x.csv", "--year", "2025"], ["--year", "PDF", "x.csv"]),
        (["export", "x.html", "--year", "2025"], ["--year", "PDF"]),
        (["export", "x.pdf", "--year", "25"], ["--year", "'25'", "four digits"]),
        (["export", "x.pdf", "--year", "year"], ["--year", "'year'"]),
        (["export", "x.pdf", "--year", "2025", "--format", "csv"], ["--year", "csv"]),
        (["export", "x.pdf", "--year", "2025", "--list", "Year 9"], ["--year", "--list"]),
    ],
)
def test_refused_in_one_line_without_a_file(
    cli: Cli, tmp_path: Path, args: list[str], words: list[str]
) -> None:
    refused_without_change(cli, tmp_path, args, 2, words)
