"""Child process for the keyring integration test (not a test module itself).

Runs inside ``dbus-run-session`` next to an unlocked gnome-keyring-daemon, lets keyring pick its
backend on its own, and drives SecretStore through set/get/status/delete. It prints one JSON
object with what it observed and never prints the canary itself.
"""

from __future__ import annotations

import json
import sys

import keyring

from mestore_desktop.secrets import SecretName, SecretStore


def main(canary: str) -> int:
    backend = keyring.get_keyring()
    store = SecretStore("sandbox")
    store.check_backend()
    name = SecretName.RELAY_TOKEN
    before = store.get(name)
    store.set(name, canary)
    got = store.get(name)
    raw = keyring.get_password("mestore-desktop/sandbox", name.value)
    status = store.status()
    other_environment = SecretStore("production").get(name)
    store.delete(name)
    after = store.get(name)
    store.delete(name)  # deleting again must be harmless
    result = {
        "backend": f"{type(backend).__module__}.{type(backend).__name__}",
        "unset_before": before is None,
        "round_trip": got is not None and got.reveal() == canary,
        "raw_matches": raw == canary,
        "status_set": status[name] is True,
        "production_separate": other_environment is None,
        "deleted": after is None,
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
