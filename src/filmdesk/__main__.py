"""python -m filmdesk: open the main window."""

from __future__ import annotations

import sys


def main() -> int:
    """Entry point of the ``filmdesk`` GUI command."""
    from filmdesk.app import main as run

    return run()


if __name__ == "__main__":
    sys.exit(main())
