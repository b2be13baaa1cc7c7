"""First run without a restart (issue 8, item 8): keys and relay typed into Ajustes start the
payment sync at once, so a payment the customer completes after the cashier gave up still
raises the late-approval alert, found by the sync alone, with no restart of the app."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from mestore_desktop.relay.config import RelayConfig
from mestore_desktop.relay.server import RelayServer
from mestore_desktop.sandbox.config import SandboxConfig, SandboxKeys, generate_keys
from mestore_desktop.sandbox.server import SandboxServer


@dataclass
class LocalWompi:
    """A Wompi sandbox posting its events to a relay, both on loopback, as an owner would
    have them before configuring the app."""

    keys: SandboxKeys
    sandbox: SandboxServer
    relay: RelayServer
    token: str


@pytest.fixture
def local_wompi(tmp_path) -> Iterator[LocalWompi]:
    keys = generate_keys()
    relay = RelayServer(
        RelayConfig(environment="test", events_secrets=(keys.events_secret,)),
        tmp_path / "relay.sqlite3",
    ).start()
    sandbox = SandboxServer(
        SandboxConfig(keys=keys, events_url=relay.events_url, finalize_delay_s=0.5)
    ).start()
    yield LocalWompi(keys, sandbox, relay, relay.create_token("caja-1"))
    sandbox.stop()
    relay.stop()


def type_into(journey, name: str, text: str) -> None:
    field = journey.find(name)
    assert isinstance(field, QLineEdit)
    journey.click(name)
    journey.press("a", Qt.KeyboardModifier.ControlModifier)
    journey.type(text)


def save_secret(journey, name: str, value: str) -> None:
    type_into(journey, name, value)
    journey.press("Enter")  # Enter in a secret's field saves it to the keyring


def test_keys_typed_in_ajustes_start_the_sync_without_a_restart(journey_factory, local_wompi):
    journey = journey_factory(demo=False)
    journey.press("Esc")  # no keys yet: leave the first-run assistant, set up by hand
    journey.press("5", Qt.KeyboardModifier.ControlModifier)  # Ajustes
    base = local_wompi.sandbox.base_url
    type_into(journey, "Llave pública", local_wompi.keys.public_key)
    type_into(journey, "URL de la API", f"{base}/v1")
    type_into(journey, "URL del checkout", f"{base}/p/")
    type_into(journey, "URL del relay", local_wompi.relay.base_url)
    journey.click("Guardar ajustes")
    save_secret(journey, "Llave privada de Wompi", local_wompi.keys.private_key)
    save_secret(journey, "Secreto de integridad", local_wompi.keys.integrity_secret)
    save_secret(journey, "Secreto de eventos", local_wompi.keys.events_secret)
    save_secret(journey, "Token del relay", local_wompi.token)

    journey.wait(lambda: any("Relay: conectado" in text for text in journey.texts()))

    journey.press("1", Qt.KeyboardModifier.ControlModifier)  # Caja
    journey.press("F4")
    journey.type("30000")
    journey.press("Enter")
    journey.wait(lambda: journey.modal() is None)
    journey.press("F11")
    url = journey.phone_scans_qr()
    journey.press("Esc")  # the cashier gives up on the QR…
    journey.click("Sí, cancelar")
    journey.wait(lambda: journey.modal() is None)
    assert journey.attempts()[-1][1] == "PENDING"

    journey.phone_pays_card(url=url)  # … but the customer pays anyway, on the phone

    # Only the sync (relay event → re-read from Wompi) can notice it now: no dialog polls.
    journey.find("¡Pago aprobado después de cancelar!", timeout_ms=30_000)
    journey.click("Entendido")
    journey.wait(lambda: journey.order_statuses() == ["paid"])
