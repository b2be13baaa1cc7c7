"""Two payment links for one unpaid order, made from Pedidos (*Crear link…*); the customer pays
one: the order turns paid and the double-payment guard switches the other off at Wompi, as the
running app wires it (the sync tells the guard, the guard tells the links page).

Keys and clicks on controls found by their accessible names only; SQLite and the sandbox are
only looked at.
"""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtCore import Qt

from tests.journeys.harness import Journey
from tests.journeys.payment_steps import keyboard_on_the_dialog, shown

pytestmark = pytest.mark.slow

FAILED_SALE = "000003-1"  # the demo's declined card sale: still unpaid


def links_of_order(journey: Journey, number: int) -> list[tuple[str, int]]:
    return journey.sql(
        "SELECT link_id, active FROM payment_links WHERE order_number = ? ORDER BY created_at",
        number,
    )


def link_from_pedidos(journey: Journey) -> None:
    """*Crear link…* on the order shown, Enter creates it, Enter (*Listo*) closes the dialog."""
    journey.click("Crear link…")
    journey.wait(lambda: journey.modal() is not None)
    keyboard_on_the_dialog(journey)
    journey.press("Enter")  # Crear link
    journey.wait(lambda: shown(journey, "Link creado."))
    keyboard_on_the_dialog(journey)
    journey.press("Enter")  # Listo
    journey.wait(lambda: journey.modal() is None)


def test_paying_one_link_of_an_order_switches_its_other_link_off(journey: Journey) -> None:
    journey.press("2", Qt.KeyboardModifier.ControlModifier)  # Pedidos
    journey.wait(lambda: shown(journey, "5 pedidos cargados"))
    ((reference, number),) = journey.sql(  # as printed on the declined sale's slip
        "SELECT reference, order_number FROM payment_attempts WHERE reference LIKE ?",
        f"%{FAILED_SALE}",
    )
    journey.press("F", Qt.KeyboardModifier.ControlModifier)
    journey.type(reference)
    journey.press("Enter")
    journey.wait(lambda: shown(journey, "1 pedido cargado"))
    journey.click("Lista de pedidos")
    journey.press("Down")
    journey.wait(lambda: shown(journey, "Historial de estados"))

    link_from_pedidos(journey)
    link_from_pedidos(journey)  # a second link for the same order, say by another channel
    (first, _), (second, _) = links_of_order(journey, number)
    assert links_of_order(journey, number) == [(first, 1), (second, 1)]

    journey.sandbox_post(f"payment_links/{first}/pay", {"method": "CARD", "outcome": "APPROVED"})

    status = "SELECT status FROM orders WHERE number = ?"
    journey.wait(lambda: journey.sql(status, number) == [("paid",)])
    journey.wait(lambda: links_of_order(journey, number) == [(first, 1), (second, 0)])
    at_sandbox = httpx.get(f"{journey.sandbox_url}/v1/payment_links/{second}", timeout=10)
    assert at_sandbox.json()["data"]["active"] is False
    journey.wait(lambda: shown(journey, "Pagado"))
