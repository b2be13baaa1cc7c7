"""Links de pago as a clerk uses it in the demo shop: a new link typed with mistakes (each said
under its field, nothing created at Wompi), fixed and created; its QR read by a phone and saved
as a PNG that reads back to the same URL; then switched off with a reason (audited, and off at
the sandbox). Keys and clicks on controls found by their accessible names only; SQLite, the
sandbox and the saved file are only looked at."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from tests.gui.links_fakes import decode_qr
from tests.journeys.harness import Journey
from tests.journeys.payment_steps import keyboard_on_the_dialog, shown

pytestmark = pytest.mark.slow


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The person's own folders (Qt finds Documents under $HOME)."""
    person = tmp_path / "persona"
    person.mkdir()
    monkeypatch.setenv("HOME", str(person))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(person / ".config"))
    return person / "Documents"


def links(journey: Journey) -> list[tuple[str, int]]:
    return journey.sql("SELECT link_id, active FROM payment_links")


def retype(journey: Journey, field: str, text: str) -> None:
    journey.click(field)
    journey.press("A", Qt.KeyboardModifier.ControlModifier)
    journey.type(text)


def test_a_new_link_with_mistakes_then_shared_saved_and_switched_off(
    journey: Journey, documents: Path
) -> None:
    journey.press("3", Qt.KeyboardModifier.ControlModifier)
    journey.find("Nuevo link")
    journey.press("N", Qt.KeyboardModifier.ControlModifier)
    assert journey.focused() is journey.find("Nombre")
    journey.type("Torta de chocolate")
    retype(journey, "Monto", "25.000,50")
    journey.press("Enter")
    journey.wait(lambda: shown(journey, "Wompi solo cobra pesos completos"))
    assert shown(journey, "Escriba la descripción del link.")
    assert journey.focused() is journey.find("Descripción")  # the first field to fix
    assert links(journey) == []  # nothing reached Wompi

    journey.type("Entrega el sabado")
    retype(journey, "Monto", "25.000")
    journey.press("Enter")
    journey.wait(lambda: shown(journey, "Link creado: Torta de chocolate"))
    ((link_id, active),) = links(journey)
    url = journey.find("URL del link").text()
    assert url.endswith(f"/l/{link_id}") and active == 1
    assert journey.phone_scans_qr() == url

    journey.click("Guardar QR (PNG)")
    journey.wait(lambda: isinstance(journey.modal(), QFileDialog))
    keyboard_on_the_dialog(journey)
    journey.press("Enter")
    saved = documents / "MeStore" / "Links" / f"link-{link_id}.png"
    journey.wait(saved.exists)
    assert decode_qr(QImage(str(saved))) == url
    journey.wait(lambda: shown(journey, f"QR guardado en {saved}"))

    journey.click("Desactivar…")
    journey.wait(lambda: journey.modal() is not None)
    keyboard_on_the_dialog(journey)
    journey.type("El cliente ya no lo quiere")
    journey.press("Enter")
    journey.wait(lambda: shown(journey, "Link desactivado: Torta de chocolate"))
    assert links(journey) == [(link_id, 0)]
    at_sandbox = httpx.get(f"{journey.sandbox_url}/v1/payment_links/{link_id}", timeout=10)
    assert at_sandbox.json()["data"]["active"] is False
    (detail,) = journey.sql(
        "SELECT detail FROM audit_log WHERE action = 'link.deactivated' AND actor != 'system'"
    )
    assert "El cliente ya no lo quiere" in detail[0]
