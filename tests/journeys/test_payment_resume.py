"""A payment left open by a demo killed with SIGKILL is taken to its end after the restart
(issue 8, item 5). The counter says "1 pago pendiente — ver"; the dialog it opens keeps
watching the payment and offers *Verificar ahora*, *Mostrar QR* and *Cancelar cobro*.

Before the fix the dialog offered only *Cancelar* and the order stayed *Esperando pago*.
The first life runs in a child process (tests/journeys/demo_child.py), the second here.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.journeys.harness import Journey
from tests.journeys.payment_steps import APPROVES, sell_in_cash, shown, wait_outcome
from tests.journeys.test_demo_restart import journey_child

pytestmark = pytest.mark.gui


def killed_while_waiting(home: Path) -> tuple[str, str]:
    """A demo on `home` charges a QR and is killed; the reference and the QR's URL."""
    home.mkdir(parents=True, exist_ok=True)
    first = journey_child("test_sell_by_qr_then_wait_to_be_killed", home)
    try:
        reference, qr_url = first.expect("WAITING")
    finally:
        first.kill(signal.SIGKILL)
    return reference, qr_url


def open_the_pending_payment(journey: Journey, reference: str) -> None:
    banner = journey.find("Pagos pendientes")
    journey.wait(lambda: "1 pago pendiente" in banner.text())
    journey.click("Pagos pendientes")
    journey.find("Verificar ahora")
    assert shown(journey, f"Referencia: {reference}")


def test_after_a_kill_the_payment_is_checked_shown_again_and_paid(
    journey_factory, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    reference, qr_url = killed_while_waiting(home)
    journey = journey_factory(home=home)
    open_the_pending_payment(journey, reference)
    for name in ("Verificar ahora", "Mostrar QR", "Cancelar cobro"):
        assert journey.find(name).isEnabled()

    journey.click("Verificar ahora")  # the customer has not paid yet: Wompi says so
    journey.wait(lambda: shown(journey, "aún no tiene un pago"))
    assert journey.order_statuses()[-1] == "awaiting_payment"

    journey.click("Mostrar QR")
    assert journey.phone_scans_qr() == qr_url  # the same signed checkout, same expiry
    journey.phone_pays_card(APPROVES)
    wait_outcome(journey, "Pago aprobado")
    journey.press("Enter")
    journey.wait(lambda: journey.modal() is None)
    journey.wait(lambda: journey.order_statuses()[-1] == "paid")
    journey.wait(lambda: not journey.visible_named("Pagos pendientes"))
    sell_in_cash(journey)


def test_after_a_kill_the_payment_settles_by_itself(journey_factory, tmp_path: Path) -> None:
    home = tmp_path / "home"
    reference, qr_url = killed_while_waiting(home)
    journey = journey_factory(home=home)
    open_the_pending_payment(journey, reference)

    journey.phone_pays_card(APPROVES, url=qr_url)  # the customer still had the QR open
    wait_outcome(journey, "Pago aprobado")  # no button pressed: the sync and the poll
    journey.press("Enter")
    journey.wait(lambda: journey.modal() is None)
    sell_in_cash(journey)


def test_after_a_kill_the_cashier_cancels_and_sells_on(journey_factory, tmp_path: Path) -> None:
    home = tmp_path / "home"
    reference, _qr_url = killed_while_waiting(home)
    journey = journey_factory(home=home)
    open_the_pending_payment(journey, reference)

    journey.click("Cancelar cobro")
    journey.click("Sí, cancelar")
    journey.wait(lambda: journey.modal() is None)
    journey.wait(lambda: journey.order_statuses()[-1] == "cancelled")  # the killed sale
    journey.wait(lambda: not journey.visible_named("Pagos pendientes"))
    sell_in_cash(journey)
