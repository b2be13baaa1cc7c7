"""The relay runs on a server without Qt: importing it loads, of the project, only the relay,
the shared uvicorn runner (`serving`, itself server-only) and the Wompi signatures, and none
of Qt, keyring or httpx."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.relay.helpers import ROOT

PROBE = """
import json, sys
import mestore_desktop.relay.app, mestore_desktop.relay.cli, mestore_desktop.relay.server
print(json.dumps(sorted(sys.modules)))
"""


def test_the_relay_imports_nothing_of_the_desktop():
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    modules = json.loads(out)
    ours = {m for m in modules if m.startswith("mestore_desktop.")}
    assert {m for m in ours if not m.startswith("mestore_desktop.relay")} == {
        "mestore_desktop.serving",
        "mestore_desktop.wompi",
        "mestore_desktop.wompi.signatures",
    }
    for forbidden in ("PySide6", "qasync", "keyring", "httpx"):
        assert forbidden not in modules
