"""Issue 9, defect 6, as the owner meets it: with Wompi's public key and integrity secret but
neither the private key nor a relay, a QR payment could never be confirmed. *Ajustes* says so
beside the relay, in plain words; F11 is refused before anything is saved and says what to set
up; cash still sells. Once the private key is saved the note goes and the QR sale settles."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from mestore_desktop.sandbox.config import SandboxConfig, SandboxKeys, generate_keys
from mestore_desktop.sandbox.server import SandboxServer
from tests.journeys.harness import Journey
from tests.journeys.payment_steps import CASH_RECORDED, shown, wait_outcome

NOTE = (
    "No se puede cobrar con Wompi: sin la llave privada de Wompi ni un relay, MeStore nunca "
    "sabría si un pago por QR se aprobó. Guarde la llave privada en Secretos, o la URL del "
    "relay aquí y su token en Secretos. El efectivo funciona igual."
)
REFUSED = "No se puede cobrar con Wompi: sin la llave privada de Wompi ni un relay"


@pytest.fixture
def wompi() -> Iterator[tuple[SandboxKeys, SandboxServer]]:
    keys = generate_keys()
    sandbox = SandboxServer(SandboxConfig(keys=keys, finalize_delay_s=0.3)).start()
    yield keys, sandbox
    sandbox.stop()


def type_into(journey: Journey, name: str, text: str) -> None:
    field = journey.find(name)
    assert isinstance(field, QLineEdit)
    journey.click(name)
    journey.press("a", Qt.KeyboardModifier.ControlModifier)
    journey.type(text)


def save_secret(journey: Journey, name: str, value: str) -> None:
    type_into(journey, name, value)
    journey.press("Enter")  # Enter in a secret's field saves it to the keyring


def free_amount(journey: Journey, pesos: str) -> None:
    journey.press("1", Qt.KeyboardModifier.ControlModifier)  # Caja
    journey.press("F4")
    journey.type(pesos)
    journey.press("Enter")
    journey.wait(lambda: journey.modal() is None)


def test_defect6_ajustes_and_the_counter_refuse_wompi_until_a_payment_could_settle(
    journey_factory, wompi
) -> None:
    keys, sandbox = wompi
    journey = journey_factory(demo=False)
    journey.press("Esc")  # no keys yet: leave the first-run assistant, set up by hand
    journey.press("5", Qt.KeyboardModifier.ControlModifier)  # Ajustes
    type_into(journey, "Llave pública", keys.public_key)
    type_into(journey, "URL de la API", f"{sandbox.base_url}/v1")
    type_into(journey, "URL del checkout", f"{sandbox.base_url}/p/")
    journey.click("Guardar ajustes")
    save_secret(journey, "Secreto de integridad", keys.integrity_secret)
    journey.find(NOTE)  # beside the relay's URL, where the fix is typed

    free_amount(journey, "30000")
    journey.press("F11")
    journey.wait(lambda: shown(journey, REFUSED))
    refusal = next(text for text in journey.texts() if REFUSED in text)
    assert "Ajustes › Secretos" in refusal and "relay" in refusal
    assert journey.order_statuses() == []  # refused before anything was saved
    journey.press("Enter")  # the message box's OK
    journey.wait(lambda: journey.modal() is None)

    journey.press("F10")  # cash still sells
    journey.find("Efectivo recibido")
    journey.wait(lambda: QApplication.focusWidget() is journey.find("Efectivo recibido"))
    journey.press("Enter")
    wait_outcome(journey, CASH_RECORDED)
    journey.press("Enter")  # Nueva venta
    journey.wait(lambda: journey.modal() is None)
    assert journey.order_statuses() == ["paid"]

    journey.press("5", Qt.KeyboardModifier.ControlModifier)  # Ajustes
    save_secret(journey, "Llave privada de Wompi", keys.private_key)
    journey.wait_gone(NOTE)

    free_amount(journey, "30000")
    journey.press("F11")
    journey.phone_pays_card()  # the counter finds the approval by searching Wompi
    wait_outcome(journey, "Pago aprobado")
    assert journey.order_statuses() == ["paid", "paid"]
