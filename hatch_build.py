"""Hatch build hook: compiles resources/translations/*.ts into .qm files for the sdist and wheel.

The .qm files are build output (git ignores them; pyproject's ``artifacts`` ships them). They are
compiled with Qt's lrelease: ``pyside6-lrelease`` or ``lrelease`` on PATH, or the one inside an
importable PySide6. When none is there and a .qm is missing or older than its .ts, the hook asks
for PySide6-Essentials in the build environment. FILMDESK_BUILD_TRANSLATIONS=0 skips it all
(scripts/dev-env compiles them itself for the editable install).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PYSIDE = "PySide6-Essentials>=6.8,<6.12"


def _pyside_lrelease(package_dirs: list[str]) -> str | None:
    for folder in package_dirs:
        for name in ("lrelease", "lrelease.exe"):
            if (Path(folder) / name).exists():
                return str(Path(folder) / name)
    return None


def _find_lrelease() -> str | None:
    """Qt's lrelease program (not the pyside6-lrelease wrapper: in an isolated build its
    Python cannot import PySide6)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        found = _pyside_lrelease(list(spec.submodule_search_locations))
        if found:
            return found
    wrapper = shutil.which("pyside6-lrelease")
    if wrapper:  # the PySide6 of the environment that wrapper belongs to (e.g. .venv)
        env = Path(wrapper).resolve().parent.parent
        found = _pyside_lrelease(
            [
                str(p)
                for p in (
                    *env.glob("lib/python3*/site-packages/PySide6"),
                    env / "Lib" / "site-packages" / "PySide6",
                )
            ]
        )
        if found:
            return found
    for name in ("lrelease-qt6", "lrelease"):
        found = shutil.which(name)
        if found:
            return found
    return None


class TranslationsHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def _sources(self) -> list[Path]:
        return sorted((Path(self.root) / "resources" / "translations").glob("*.ts"))

    def _stale(self) -> list[Path]:
        stale = []
        for ts in self._sources():
            qm = ts.with_suffix(".qm")
            if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
                stale.append(ts)
        return stale

    def _skipped(self) -> bool:
        return os.environ.get("FILMDESK_BUILD_TRANSLATIONS") == "0"

    def dependencies(self) -> list[str]:
        if self._skipped() or not self._stale() or _find_lrelease() is not None:
            return []
        return [PYSIDE]

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self._skipped():
            return
        lrelease = _find_lrelease()
        if lrelease is None:
            stale = self._stale()
            if stale:
                raise RuntimeError(
                    f"cannot compile {', '.join(p.name for p in stale)}: no lrelease found "
                    f"(install {PYSIDE} into the build environment)"
                )
            return  # every .qm is there and up to date (e.g. building the wheel from the sdist)
        for ts in self._sources():
            subprocess.run(
                [lrelease, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
            )
