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


def test_no_import_cycle_anywhere_in_filmdesk() -> None:
    # Imports under TYPE_CHECKING count: a cycle hidden there is still two modules that
    # cannot be understood one without the other.
    import grimp

    graph = grimp.build_graph("filmdesk", cache_dir=None)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str) -> None:  # Tarjan's strongly connected components
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in graph.find_modules_directly_imported_by(module):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    assert cycles == []
