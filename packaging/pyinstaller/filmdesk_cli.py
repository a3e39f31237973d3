"""PyInstaller entry point of the command line (`filmdesk-cli`)."""

import sys

from filmdesk.cli import main

sys.exit(main())
