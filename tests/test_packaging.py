"""What the desktop sees of filmdesk: one app id everywhere, valid desktop files, the icons.

The one-folder build is slow to make, so its test runs only when dist/onefolder exists
(packaging/build-onefolder); the validators run only where they are installed (packaging/validate
installs them).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest

from filmdesk.app import APP_ID, ICON_SIZES

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
FLATPAK = ROOT / "packaging" / "flatpak" / f"{APP_ID}.yml"
ONEFOLDER = ROOT / "dist" / "onefolder" / "filmdesk"


def desktop_entry() -> dict[str, str]:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_one_app_id_everywhere() -> None:
    assert re.fullmatch(r"[a-z]+(\.[a-z0-9]+)+\.[A-Za-z][A-Za-z0-9]*", APP_ID)
    entry = desktop_entry()
    assert entry["Icon"] == APP_ID
    meta = ET.parse(METAINFO).getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable[@type='desktop-id']") == f"{APP_ID}.desktop"
    manifest = FLATPAK.read_text(encoding="utf-8")
    assert re.search(rf"^id: {re.escape(APP_ID)}$", manifest, re.MULTILINE)
    assert re.search(r"^command: filmdesk$", manifest, re.MULTILINE)
    for size in ICON_SIZES:
        assert (
            RESOURCES / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        ).exists()
    assert (RESOURCES / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").exists()


def test_the_desktop_entry_starts_the_installed_command() -> None:
    entry = desktop_entry()
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert entry["Exec"].split()[0] in scripts["gui-scripts"]
    assert entry["Type"] == "Application"
    assert entry["Terminal"] == "false"
    binaries = [b.text for b in ET.parse(METAINFO).getroot().iterfind("provides/binary")]
    assert sorted(binaries) == sorted([*scripts["gui-scripts"], *scripts["scripts"]])


def test_metainfo_has_this_release_a_rating_and_screenshots() -> None:
    meta = ET.parse(METAINFO).getroot()
    from filmdesk import __version__ as version  # pyproject.toml reads it from there

    releases = meta.findall("releases/release")
    assert releases and releases[0].get("version") == version  # newest first
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[0].get("date", ""))
    assert releases[0].find("description") is not None
    assert meta.find("content_rating").get("type", "").startswith("oars-")  # type: ignore[union-attr]
    shots = meta.findall("screenshots/screenshot/image")
    assert shots and all((s.text or "").startswith("https://") for s in shots)
    for shot in shots:  # each published screenshot is the one kept in packaging/screenshots
        local = ROOT / "packaging" / "screenshots" / (shot.text or "").rsplit("/", 1)[-1]
        assert png_size(local) == (int(shot.get("width", 0)), int(shot.get("height", 0)))


def test_every_icon_size_is_drawn() -> None:
    hicolor = RESOURCES / "icons" / "hicolor"
    for size in ICON_SIZES:
        assert png_size(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png") == (size, size)
    svg = (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").read_bytes()
    assert svg == (RESOURCES / "filmdesk.svg").read_bytes(), "run packaging/make_icons.py"


def test_the_window_icon_has_every_size(qapp: object) -> None:
    from filmdesk.app import app_icon

    sizes = {(s.width(), s.height()) for s in app_icon().availableSizes()}
    assert sizes == {(n, n) for n in ICON_SIZES}


def test_version_needs_no_display_and_no_qt() -> None:
    code = (
        "import sys\n"
        "from filmdesk.app import main\n"
        "try:\n"
        "    main(['--version'])\n"
        "except SystemExit as exit:\n"
        "    assert exit.code == 0\n"
        "print('PySide6' in sys.modules)\n"
    )
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "src")}  # no DISPLAY, no Qt platform
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [result.stdout.splitlines()[0], "False"]
    assert result.stdout.startswith("filmdesk ")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_file_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert not re.search(r"^[EW]:", result.stdout, re.MULTILINE), result.stdout


@pytest.mark.slow
@pytest.mark.skipif(
    not (ONEFOLDER / "filmdesk").exists(), reason="no one-folder build (packaging/build-onefolder)"
)
def test_the_one_folder_build_starts(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(ROOT / "packaging" / "smoke-test"), str(ONEFOLDER / "filmdesk"),
         str(ONEFOLDER / "filmdesk-cli")],
        capture_output=True, text=True, cwd=tmp_path, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke-test: all passed" in result.stdout
