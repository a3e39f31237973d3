"""``python -m filmdesk.cli``: the same as filmdesk-cli."""

from __future__ import annotations

import sys

from filmdesk.cli.main import main

sys.exit(main())
