"""`python -m mestore_desktop` starts the desktop app."""

from mestore_desktop.app import main

raise SystemExit(main())
