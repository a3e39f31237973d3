"""The built wheel carries everything filmdesk needs at run time (seed, resources, migrations)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(ROOT), "-w", str(out)],
        check=True,
        timeout=300,
    )
    (built,) = out.glob("filmdesk-*.whl")
    return built


def test_wheel_contains_the_shipped_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "filmdesk/data/seed.json" in names
    assert "filmdesk/resources/filmdesk.svg" in names
    assert "filmdesk/core/migrations/env.py" in names
    assert "filmdesk/core/migrations/script.py.mako" in names
    assert any(n.startswith("filmdesk/core/migrations/versions/0001_") for n in names)
    # Compiled by hatch_build.py (git ignores them); without them the window is English only.
    assert "filmdesk/resources/translations/filmdesk_ru.qm" in names
    assert "filmdesk/resources/translations/filmdesk_en.qm" in names


def test_wheel_installs_the_desktop_integration(wheel: Path) -> None:
    from filmdesk.app import APP_ID, ICON_SIZES

    shared = {
        n.split(".data/data/", 1)[1]
        for n in zipfile.ZipFile(wheel).namelist()
        if ".data/data/" in n
    }
    assert f"share/applications/{APP_ID}.desktop" in shared
    assert f"share/metainfo/{APP_ID}.metainfo.xml" in shared
    assert f"share/icons/hicolor/scalable/apps/{APP_ID}.svg" in shared
    for size in ICON_SIZES:
        assert f"share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png" in shared


def test_installed_wheel_seeds_ten_films_outside_the_source_tree(
    wheel: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site), "XDG_DATA_HOME": str(tmp_path / "data")}
    code = (
        "import filmdesk, filmdesk.paths as p, sys;"
        "print(filmdesk.__file__); print(p.seed_path());"
        "from filmdesk.cli import main; sys.exit(main(['list', '--json']))"
    )
    for _ in range(2):  # a second run still lists ten
        result = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True, text=True, encoding="utf-8", cwd=tmp_path, env=env, timeout=60,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        module_file, seed_file, listing = result.stdout.split("\n", 2)
        assert module_file.startswith(str(site)) and seed_file.startswith(str(site))
        films = json.loads(listing)
        assert len(films) == 10
        assert all(f["description"] and f["fact"] and f["year"] for f in films)
    assert (tmp_path / "data" / "filmdesk" / "library.sqlite3").exists()


def test_qt_ships_its_own_russian_translation() -> None:
    # Qt's standard dialogs and buttons are translated by qtbase_ru.qm from the PySide6 wheel.
    from filmdesk.ui.shell.i18n import qt_translations_dir

    assert (qt_translations_dir() / "qtbase_ru.qm").exists()
