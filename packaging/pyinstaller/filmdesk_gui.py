"""PyInstaller entry point of the window (`filmdesk`)."""

import sys

from filmdesk.__main__ import main

sys.exit(main())
