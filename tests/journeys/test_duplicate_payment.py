"""Journey (issue 9, defect 2): the customer's card is declined on the QR, the cashier presses F5
for a new QR, but the customer retries on the old QR still open on the phone, and it is
approved: the counter says so loudly. Then the customer pays the new QR as well: the counter
says the order was paid twice and what to do, and the cashier acknowledges it with a click.

Wompi's checkout lets a payer retry under the same reference for a few minutes after a failure
(the demo's sandbox does too), so the old QR really can still be paid.
"""

from __future__ import annotations

from tests.journeys.harness import Journey
from tests.journeys.payment_steps import APPROVES, DECLINES, ring_up, wait_outcome


def duplicates(journey: Journey) -> list[tuple[str, str, object]]:
    """(first reference, extra reference, acknowledged_at) of each recorded duplicate."""
    return journey.sql(
        "SELECT first_reference, reference, acknowledged_at FROM duplicate_payments ORDER BY id"
    )


def test_defect2_the_old_qr_paid_after_f5_is_a_late_approval_then_a_duplicate_payment(
    journey: Journey,
) -> None:
    ring_up(journey)
    journey.press("F11")
    old_qr = journey.phone_scans_qr()
    journey.phone_pays_card(DECLINES, url=old_qr)
    wait_outcome(journey, "Pago rechazado")

    journey.press("F5")  # Reintentar: a new attempt, a new QR on screen
    journey.wait(lambda: journey.phone_scans_qr() != old_qr)
    new_qr = journey.phone_scans_qr()
    (first, _), (second, _) = journey.attempts()[-2:]

    # The customer retries on the old QR, still open on the phone: approved.
    journey.phone_pays_card(APPROVES, url=old_qr)
    journey.find("¡Pago aprobado después de cancelar!", timeout_ms=30_000)
    assert any(first in text for text in journey.texts())
    journey.click("Entendido")
    journey.wait_gone("¡Pago aprobado después de cancelar!")
    assert journey.order_statuses()[-1] == "paid"

    # And pays the new QR too: paid twice.
    journey.phone_pays_card(APPROVES, url=new_qr)
    journey.find("¡Pago doble!", timeout_ms=30_000)
    alert = next(t for t in journey.texts() if t.startswith("Pago doble: el pedido "))
    assert "se pagó dos veces" in alert and first in alert and second in alert
    assert "panel de comercios de Wompi" in alert
    assert [row[:2] for row in duplicates(journey)] == [(first, second)]

    journey.click("Entendido")
    journey.wait_gone("¡Pago doble!")
    journey.wait(lambda: duplicates(journey)[0][2] is not None)  # acknowledged, and kept
    assert journey.attempts()[-2:] == [(first, "APPROVED"), (second, "APPROVED")]
