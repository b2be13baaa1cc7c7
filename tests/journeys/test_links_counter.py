"""A payment link from the counter, as a cashier makes one for a customer who pays later: scan,
*Link de pago* (F7), Enter creates it, *Copiar*, Enter (*Listo*) frees the counter; the customer
pays the link (the sandbox's control, as on its page); Pedidos shows the order paid, its
payment naming the link.

Keys and clicks on controls found by their accessible names only; SQLite and the clipboard are
only looked at.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.journeys.harness import Journey
from tests.journeys.payment_steps import (
    EGGS_PRICE,
    counter_is_free,
    keyboard_on_the_dialog,
    ring_up,
    shown,
)

pytestmark = pytest.mark.slow


def links_of(journey: Journey) -> list[tuple[str, int | None]]:
    return journey.sql("SELECT link_id, order_number FROM payment_links ORDER BY created_at")


def test_a_link_made_at_the_counter_is_copied_paid_and_the_order_turns_paid(
    journey: Journey,
) -> None:
    ring_up(journey)
    journey.press("F7")
    journey.wait(lambda: journey.modal() is not None)
    keyboard_on_the_dialog(journey)
    assert shown(journey, "Link de pago del pedido")
    assert journey.find("Monto").text() == EGGS_PRICE  # the order's total, ready to send

    journey.press("Enter")  # Crear link
    journey.wait(lambda: shown(journey, "Link creado."))
    ((link_id, number),) = links_of(journey)
    url = journey.find("URL del link").text()
    assert url.endswith(f"/l/{link_id}")
    assert journey.phone_scans_qr() == url  # the QR on screen is the same link

    journey.click("Copiar")
    assert QGuiApplication.clipboard().text() == url
    assert shown(journey, "✔ Copiado")

    keyboard_on_the_dialog(journey)
    journey.press("Enter")  # Listo: the counter is free for the next customer
    journey.wait(lambda: journey.modal() is None)
    assert not shown(journey, EGGS_PRICE)  # the cart left with its link
    ring_up(journey)
    journey.wait(lambda: counter_is_free(journey))

    journey.sandbox_post(f"payment_links/{link_id}/pay", {"method": "CARD", "outcome": "APPROVED"})
    status = "SELECT status FROM orders WHERE number = ?"
    journey.wait(lambda: journey.sql(status, number) == [("paid",)])

    journey.press("2", Qt.KeyboardModifier.ControlModifier)  # Pedidos
    journey.wait(lambda: shown(journey, "6 pedidos cargados"))  # the demo's five and ours
    journey.click("Lista de pedidos")
    journey.press("Down")  # newest first: the link's order
    journey.wait(lambda: shown(journey, f"Pedido {number}"))
    journey.wait(lambda: shown(journey, "Pagado"))
    ((name,),) = journey.sql("SELECT name FROM payment_links WHERE link_id = ?", link_id)
    journey.wait(lambda: shown(journey, f"Link de pago: {name}"))  # its payment names the link
