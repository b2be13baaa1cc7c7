"""Journeys through the detours of Wompi's sandbox (issue 8 item 12), as a cashier and a customer
live them: a card that asks for 3-D Secure (the bank's challenge in a window of its own), a PSE
payer who cancels at the bank, and a customer who walks away.

The customer acts in the pages only by typing and clicking (JavaScript in the page does just
that); the cashier only by keys on the focus and clicks on named controls.
"""

from __future__ import annotations

import httpx
import shiboken6
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication, QWidget

from tests.journeys.harness import Journey

EGGS = "7709900000013"  # Huevos AA x 30, $ 18.500 (the demo's sample catalogue)
BANK_WINDOW_TITLE = "Pago en el banco — "
CUSTOMER = {"card_holder": "Cliente Ejemplo", "customer_email": "cliente@example.com"}
CARD = {"card_expiry": "12/30", "card_cvc": "123", **CUSTOMER}
PSE = {
    "pse_bank": "1",
    "pse_legal_id": "1099888777",
    "full_name": "Cliente Ejemplo",
    "phone_number": "3001112233",
    "customer_email": "cliente@example.com",
}


def bank_windows() -> list[QWidget]:
    """The windows open on a bank's page (their title names the bank's host)."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if shiboken6.isValid(w) and w.isVisible() and w.windowTitle().startswith(BANK_WINDOW_TITLE)
    ]


def bank_window(journey: Journey) -> QWidget:
    """The window the customer sees open on the bank's page."""
    journey.wait(bank_windows)
    return bank_windows()[0]


def page_of(window: QWidget) -> QWebEngineView:
    (view,) = window.findChildren(QWebEngineView)
    return view


def ring_up_and_pay_here(journey: Journey) -> None:
    """The cashier scans a product and presses F12: the checkout opens for the customer."""
    journey.scan(EGGS)
    journey.wait(lambda: any("$ 18.500" in text for text in journey.texts()))
    journey.press("F12")
    journey.checkout_wait_form("card-form")


def host_of(url: str) -> str:
    return url.split("://", 1)[1].rstrip("/")


def outcome_shown(journey: Journey, title: str) -> bool:
    return any(text == title for text in journey.texts())


def test_a_card_with_3d_secure_is_authenticated_in_the_bank_window(journey: Journey) -> None:
    ring_up_and_pay_here(journey)

    journey.checkout_fill("card-form", {"card_number": "2303 7799 5100 0446", **CARD})

    window = bank_window(journey)
    bank_host = window.windowTitle().removeprefix(BANK_WINDOW_TITLE)
    assert bank_host.startswith("127.0.0.1:")
    assert bank_host != host_of(journey.sandbox_url)  # the bank's own host, not the checkout's
    view = page_of(window)
    journey.checkout_wait_form("challenge-form", view)
    assert "MASTERCARD •••• 0446" in journey.run_js("document.body.innerText", view)

    journey.checkout_fill("challenge-form", {"otp": "123456"}, view=view)

    journey.wait(lambda: outcome_shown(journey, "Pago aprobado"))
    journey.wait(lambda: not bank_windows())  # the bank window went with the payment
    assert journey.order_statuses()[-1] == "paid"
    journey.press("Enter")  # Nueva venta
    journey.wait(lambda: journey.modal() is None)
    journey.scan(EGGS)  # the next customer's sale starts at once
    journey.wait(lambda: any("$ 18.500" in text for text in journey.texts()))


def test_a_failed_3d_secure_challenge_is_declined_and_the_cashier_retries(
    journey: Journey,
) -> None:
    ring_up_and_pay_here(journey)
    journey.checkout_fill("card-form", {"card_number": "2303 7799 5100 0446", **CARD})
    view = page_of(bank_window(journey))

    journey.checkout_fill("challenge-form", {"otp": "999999"}, view=view)

    journey.wait(lambda: outcome_shown(journey, "Pago rechazado"))
    assert any("3D Secure" in text for text in journey.texts())
    journey.press("F5")  # Reintentar: a new attempt, a new checkout
    journey.checkout_fill("card-form", {"card_number": "4242 4242 4242 4242", **CARD})
    journey.wait(lambda: outcome_shown(journey, "Pago aprobado"))
    assert journey.order_statuses()[-1] == "paid"
    journey.press("Enter")
    journey.wait(lambda: journey.modal() is None)


def test_a_pse_payer_who_cancels_at_the_bank_gets_a_red_outcome(journey: Journey) -> None:
    ring_up_and_pay_here(journey)
    journey.run_js("document.querySelector('#pse > summary').click(); true")

    journey.checkout_fill("pse-form", PSE)
    journey.checkout_fill("bank-form", {}, button='button[value="CANCELLED"]')

    journey.wait(lambda: outcome_shown(journey, "Pago rechazado"))
    assert any("canceló el pago en el banco" in text for text in journey.texts())
    journey.click("Otro medio de pago")
    journey.wait(lambda: journey.modal() is None)
    journey.press("F10")  # the customer pays cash instead
    journey.wait(lambda: journey.modal() is not None)
    journey.press("Enter")  # the exact amount
    journey.wait(lambda: outcome_shown(journey, "Venta en efectivo registrada"))
    journey.wait(lambda: journey.order_statuses()[-1:] == ["paid"])
    journey.press("Enter")
    journey.wait(lambda: journey.modal() is None)


def test_a_customer_who_closes_the_bank_window_can_open_it_again(journey: Journey) -> None:
    ring_up_and_pay_here(journey)
    journey.checkout_fill("card-form", {"card_number": "2303 7799 5100 0446", **CARD})
    journey.close_window(bank_window(journey))  # closed by mistake, challenge not answered
    journey.wait(lambda: not bank_windows())
    assert journey.order_statuses()[-1] != "paid"

    # The checkout still says what is going on and links to the bank's page.
    checkout = journey.checkout_view()
    journey.wait(lambda: journey.run_js("!!document.getElementById('challenge-link')", checkout))
    journey.run_js("document.getElementById('challenge-link').click(); true", checkout)
    view = page_of(bank_window(journey))
    journey.checkout_fill("challenge-form", {"otp": "123456"}, view=view)

    journey.wait(lambda: outcome_shown(journey, "Pago aprobado"))
    journey.press("Enter")
    journey.wait(lambda: journey.modal() is None)


# -- A customer who walks away ---------------------------------------------------------------

CHECKOUT_MINUTES = 30  # the app's default checkout_expiry_minutes, signed as expiration-time


def sandbox_transactions(journey: Journey, reference: str) -> list[dict]:
    """What Wompi (the demo's sandbox) holds for a reference: a read-only look for assertions."""
    response = httpx.get(f"{journey.sandbox_url}/_sandbox/transactions", timeout=10)
    response.raise_for_status()
    return [tx for tx in response.json()["data"] if tx["reference"] == reference]


def page_text(journey: Journey) -> str:
    return str(journey.run_js("document.body.innerText"))


def test_a_customer_back_after_the_checkout_expired_cannot_pay_on_it(journey: Journey) -> None:
    ring_up_and_pay_here(journey)
    assert "Paga antes de" in page_text(journey)  # the checkout carries its signed deadline
    reference = journey.attempts()[-1][0]

    # The customer walks away with the checkout open; the checkout's time runs out.
    journey.sandbox_post("clock/advance", {"seconds": (CHECKOUT_MINUTES + 1) * 60})
    journey.checkout_fill("card-form", {"card_number": "4242 4242 4242 4242", **CARD})

    journey.wait(lambda: "El tiempo para pagar terminó" in page_text(journey))
    assert sandbox_transactions(journey, reference) == []  # Wompi refused: nothing was charged
    journey.press("Esc")  # the cashier gives up on this checkout
    journey.click("Sí, cancelar")
    journey.wait(lambda: journey.modal() is None)
    journey.press("F10")  # and the customer pays cash
    journey.wait(lambda: journey.modal() is not None)
    journey.press("Enter")
    journey.wait(lambda: outcome_shown(journey, "Venta en efectivo registrada"))
    journey.press("Enter")
    journey.wait(lambda: journey.modal() is None)
    assert journey.order_statuses()[-1] == "paid"


def test_a_pse_payer_who_walks_away_at_the_bank_and_pays_late_raises_the_alert(
    journey: Journey,
) -> None:
    ring_up_and_pay_here(journey)
    journey.run_js("document.querySelector('#pse > summary').click(); true")
    journey.checkout_fill("pse-form", PSE)
    journey.checkout_wait_form("bank-form")  # the customer is at the bank… and walks away
    reference = journey.attempts()[-1][0]
    journey.sandbox_post("clock/advance", {"seconds": (CHECKOUT_MINUTES + 5) * 60})
    journey.press("Esc")
    journey.click("Sí, cancelar")
    journey.wait(lambda: journey.modal() is None)
    (pending,) = sandbox_transactions(journey, reference)
    assert pending["status"] == "PENDING"  # Wompi sets no deadline on a started payment

    journey.sandbox_post(f"transactions/{pending['id']}/approve")  # the bank confirms, late

    journey.find("¡Pago aprobado después de cancelar!", timeout_ms=30_000)
    journey.click("Entendido")
    journey.wait(lambda: journey.order_statuses()[-1:] == ["paid"])
