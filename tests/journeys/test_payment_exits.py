"""Every dialog of a payment left every way a person leaves it, then a complete sale (issue 8,
items 2 and 10): Esc, *Cancelar* and the window's close button on the cash dialog, the payment
dialog and the cancel question, and Esc while the customer types in the checkout page.

Before the fix, leaving the cash dialog left every tender disabled until a restart, and Esc
inside the checkout page did nothing.
"""

from __future__ import annotations

import pytest

from tests.journeys.harness import Journey
from tests.journeys.payment_steps import (
    click_into_the_checkout_page,
    counter_is_free,
    keyboard_on_the_dialog,
    ring_up,
    sell_in_cash,
)


def leave(journey: Journey, how: str, cancel_name: str) -> None:
    if how == "Esc":
        journey.press("Esc")
    elif how == "Cancelar":
        journey.click(cancel_name)
    else:
        modal = journey.modal()
        assert modal is not None
        journey.close_window(modal)


@pytest.mark.parametrize("how", ["Esc", "Cancelar", "close"])
def test_the_cash_dialog_left_any_way_gives_the_counter_back(journey: Journey, how: str) -> None:
    orders = len(journey.order_statuses())  # the demo's past sales
    ring_up(journey)
    journey.press("F10")
    journey.find("Efectivo recibido")
    keyboard_on_the_dialog(journey)

    leave(journey, how, "Cancelar")

    journey.wait(lambda: counter_is_free(journey))
    assert len(journey.order_statuses()) == orders  # nothing was recorded
    journey.press("Esc")  # Cancelar venta answers again too
    journey.click("Sí, cancelar la venta")
    journey.wait(lambda: journey.modal() is None)
    sell_in_cash(journey, "20000")


@pytest.mark.parametrize("how", ["Esc", "No", "close"])
def test_the_cancel_question_answered_no_keeps_waiting_then_yes_frees_the_counter(
    journey: Journey, how: str
) -> None:
    ring_up(journey)
    journey.press("F11")
    journey.phone_scans_qr()
    keyboard_on_the_dialog(journey)
    journey.press("Esc")
    journey.find("No, seguir esperando")
    keyboard_on_the_dialog(journey)

    leave(journey, how if how != "No" else "Cancelar", "No, seguir esperando")

    journey.wait(lambda: journey.find("Cancelar cobro") is not None and journey.modal() is not None)
    journey.wait(lambda: not journey.visible_named("No, seguir esperando"))
    journey.phone_scans_qr()  # still on screen for the customer
    journey.click("Cancelar cobro")
    journey.click("Sí, cancelar")
    journey.wait(lambda: counter_is_free(journey))
    sell_in_cash(journey)


def test_closing_the_payment_dialog_asks_before_giving_up(journey: Journey) -> None:
    ring_up(journey)
    journey.press("F11")
    journey.phone_scans_qr()
    dialog = journey.modal()
    assert dialog is not None
    journey.close_window(dialog)  # the title bar's X: same question as Esc
    journey.click("Sí, cancelar")
    journey.wait(lambda: counter_is_free(journey))
    sell_in_cash(journey)


def test_esc_while_the_customer_types_in_the_checkout_asks_to_cancel(journey: Journey) -> None:
    ring_up(journey)
    journey.press("F12")
    journey.checkout_wait_form("card-form")
    click_into_the_checkout_page(journey)

    journey.press("Esc")

    journey.find("Sí, cancelar")
    journey.press("Enter")  # the question's default is No: keep waiting
    journey.wait(lambda: not journey.visible_named("Sí, cancelar"))
    click_into_the_checkout_page(journey)
    journey.press("Esc")
    journey.click("Sí, cancelar")
    journey.wait(lambda: counter_is_free(journey))
    sell_in_cash(journey)
