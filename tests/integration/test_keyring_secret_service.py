"""SecretStore against a real Secret Service (gnome-keyring under a private D-Bus session).

The child process gets an explicit environment with HOME and the XDG directories inside a tmp
folder, so the keyring daemon never touches the developer's real keyrings.
"""

from __future__ import annotations

import json
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.private_session import private_session_env

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("keyring_child.py")

pytestmark = pytest.mark.keyring_integration


def test_secret_store_round_trip_through_gnome_keyring(tmp_path: Path) -> None:
    for tool in ("dbus-run-session", "gnome-keyring-daemon"):
        assert shutil.which(tool), f"{tool} missing: install gnome-keyring and dbus (.ci/install)"
    canary = "canary-" + secrets.token_hex(16)
    script = (
        "echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
        'exec "$0" "$1" "$2"'
    )
    completed = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", script, sys.executable, str(CHILD), canary],
        env=private_session_env(tmp_path),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert canary not in completed.stdout
    assert canary not in completed.stderr
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    assert result == {
        "backend": "keyring.backends.SecretService.Keyring",
        "unset_before": True,
        "round_trip": True,
        "raw_matches": True,
        "status_set": True,
        "production_separate": True,
        "deleted": True,
    }
    # The daemon kept its keyring inside the tmp folder, and never in plain text.
    keyring_files = list((tmp_path / "data" / "keyrings").glob("*.keyring"))
    assert keyring_files, "gnome-keyring wrote no keyring under XDG_DATA_HOME"
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert canary.encode() not in path.read_bytes(), path
