"""`python -m mestore_desktop.cli` runs the `mestore` command line."""

from mestore_desktop.cli.main import main

raise SystemExit(main())
