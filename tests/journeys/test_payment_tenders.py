"""Each tender from an empty counter to the next sale, and Enter after each outcome (issue 8,
items 3, 4 and 10): a card approved and one declined in the checkout on the counter's screen,
a card that errs, the phone paying the QR (by card, and by PSE confirmed through the sandbox's
control), and cash with its change.

Enter on an outcome is its default step: *Nueva venta* after an approval, *Reintentar* after a
failure; never *Imprimir recibo*.
"""

from __future__ import annotations

from tests.journeys.harness import Journey
from tests.journeys.payment_steps import (
    APPROVES,
    CARD,
    CASH_RECORDED,
    DECLINES,
    ERRS,
    charge_here,
    pay_card_here,
    ring_up,
    second_attempt_shown,
    sell_in_cash,
    shown,
    wait_outcome,
)
from tests.journeys.test_demo_restart import phone_starts_pse_at_the_bank


def next_sale_by_enter(journey: Journey, title: str) -> None:
    journey.press("Enter")
    journey.wait(lambda: journey.modal() is None and not shown(journey, title))
    journey.wait(lambda: journey.order_statuses()[-1:] == ["paid"])
    sell_in_cash(journey)  # the next customer, start to end


def test_a_card_approved_in_the_checkout_then_enter_is_the_next_sale(journey: Journey) -> None:
    ring_up(journey)
    charge_here(journey)
    pay_card_here(journey, APPROVES)
    wait_outcome(journey, "Pago aprobado")
    assert shown(journey, "4242")
    next_sale_by_enter(journey, "Pago aprobado")


def test_a_declined_card_then_enter_retries_and_the_second_card_pays(journey: Journey) -> None:
    ring_up(journey)
    charge_here(journey)
    pay_card_here(journey, DECLINES)
    wait_outcome(journey, "Pago rechazado")

    journey.press("Enter")  # Reintentar: a new checkout with a new reference
    journey.wait(lambda: second_attempt_shown(journey))
    journey.checkout_wait_form("card-form")
    pay_card_here(journey, APPROVES)
    wait_outcome(journey, "Pago aprobado")
    next_sale_by_enter(journey, "Pago aprobado")


def test_a_declined_card_then_cash_as_another_tender(journey: Journey) -> None:
    ring_up(journey)
    charge_here(journey)
    pay_card_here(journey, DECLINES)
    wait_outcome(journey, "Pago rechazado")
    journey.click("Otro medio de pago")
    journey.wait(lambda: journey.modal() is None)

    journey.press("F10")  # the same order, now in cash
    journey.find("Efectivo recibido")
    journey.press("Enter")
    wait_outcome(journey, CASH_RECORDED)
    next_sale_by_enter(journey, CASH_RECORDED)


def test_a_card_that_errs_shows_the_error_and_enter_retries(journey: Journey) -> None:
    ring_up(journey)
    charge_here(journey)
    pay_card_here(journey, ERRS)
    wait_outcome(journey, "Error en el pago")
    journey.press("Enter")  # Reintentar
    journey.wait(lambda: second_attempt_shown(journey))  # the new reference's checkout
    journey.checkout_wait_form("card-form")
    pay_card_here(journey, APPROVES)
    wait_outcome(journey, "Pago aprobado")
    next_sale_by_enter(journey, "Pago aprobado")


def test_the_phone_pays_the_qr_then_enter_is_the_next_sale(journey: Journey) -> None:
    ring_up(journey)
    journey.press("F11")
    journey.phone_pays_card(APPROVES)
    wait_outcome(journey, "Pago aprobado")
    next_sale_by_enter(journey, "Pago aprobado")


def test_the_qr_paid_at_the_bank_settles_through_the_sandbox(journey: Journey) -> None:
    ring_up(journey)
    journey.press("F11")
    tx_id = phone_starts_pse_at_the_bank(journey.phone_scans_qr())  # pending at the bank
    journey.qtbot.wait(300)
    assert journey.modal() is not None and not shown(journey, "Pago aprobado")
    journey.sandbox_post(f"transactions/{tx_id}/approve")  # the bank confirms
    wait_outcome(journey, "Pago aprobado")
    next_sale_by_enter(journey, "Pago aprobado")


def test_cash_says_the_sale_was_recorded_and_shows_the_change(journey: Journey) -> None:
    ring_up(journey)
    journey.press("F10")
    journey.find("Efectivo recibido")
    journey.type("50000")
    journey.press("Enter")
    wait_outcome(journey, CASH_RECORDED)

    change = journey.find("Cambio")
    journey.wait(lambda: "$ 31.500" in change.text())
    assert not shown(journey, "Pago aprobado")
    assert not shown(journey, "Tiempo de espera")  # nothing was waited for
    next_sale_by_enter(journey, CASH_RECORDED)


def test_a_checkout_form_error_is_shown_to_the_customer_who_fixes_it(journey: Journey) -> None:
    ring_up(journey)
    charge_here(journey)
    journey.checkout_fill("card-form", {"card_number": APPROVES, **CARD, "card_expiry": "1229"})
    probe = "document.body.innerText.includes('fecha de vencimiento')"
    journey.wait(lambda: journey.run_js(probe) is True)  # the page says what to fix
    journey.qtbot.wait(500)
    assert not shown(journey, "No se pudo abrir")
    journey.checkout_fill("card-form", {"card_number": APPROVES, **CARD})
    wait_outcome(journey, "Pago aprobado")
    next_sale_by_enter(journey, "Pago aprobado")
