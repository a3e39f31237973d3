"""filmdesk.core and the CLI must never import Qt or the UI (house style's one rule)."""

from __future__ import annotations

import ast
from pathlib import Path

import filmdesk

PACKAGE = Path(filmdesk.__file__).parent
FORBIDDEN = ("PySide6", "shiboken6", "filmdesk.ui")


def imported_modules(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_core_and_cli_do_not_import_qt_or_ui() -> None:
    files = [
        *sorted((PACKAGE / "core").rglob("*.py")),
        *sorted((PACKAGE / "cli").rglob("*.py")),
        PACKAGE / "paths.py",
    ]
    assert len(files) > 8 and PACKAGE / "cli" / "main.py" in files
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in files
        for name in imported_modules(path)
        if name.startswith(FORBIDDEN)
    ]
    assert offenders == []
