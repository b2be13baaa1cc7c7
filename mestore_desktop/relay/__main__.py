"""`python -m mestore_desktop.relay …` is `mestore-relay …`."""

import sys

from mestore_desktop.relay.cli import main

sys.exit(main())
