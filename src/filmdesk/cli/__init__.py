"""filmdesk-cli, the command line: ``main`` is its entry point (``filmdesk.cli:main``).

``main.py`` parses and dispatches; ``films``, ``files``, ``collections`` and ``lists`` hold
the commands; ``output`` prints; ``refs`` reads what the user types to name things.
"""

from __future__ import annotations

from filmdesk.cli.main import main

__all__ = ["main"]
