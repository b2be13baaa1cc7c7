"""The demo's in-memory keyring is used only where `start_demo` sets it (found by hand in the
first-run assistant, issue 13: without a system keyring, a start without --demo saved the Wompi
keys into it, and they were gone at the next start)."""

from __future__ import annotations

import keyring
from keyring.backend import KeyringBackend

from mestore_desktop.demo import DemoKeyring
from mestore_desktop.secrets import SecretName, SecretStore


def test_keyring_never_picks_the_demo_keyring_by_itself() -> None:
    viable = set(KeyringBackend.get_viable_backends())
    assert DemoKeyring not in viable
    assert not DemoKeyring.viable


def test_set_explicitly_it_keeps_the_demo_keys() -> None:
    backend = DemoKeyring()
    keyring.set_keyring(backend)  # the memory_keyring fixture restores the previous one
    store = SecretStore("sandbox")
    store.set(SecretName.RELAY_TOKEN, "demo-token-1")
    assert store.require(SecretName.RELAY_TOKEN).reveal() == "demo-token-1"
    assert "DemoKeyring" in str(backend)  # printable, though its priority raises
