"""Steps the payment journeys share: what a cashier does at the counter, by keys and clicks.

Not collected on its own (the name does not start with test_).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QUrlQuery
from PySide6.QtWidgets import QApplication, QWidget

from tests.journeys.harness import Journey

EGGS = "7709900000013"  # Huevos AA x 30, $ 18.500 (the demo's sample catalogue)
EGGS_PRICE = "$ 18.500"
CUSTOMER = {"card_holder": "Cliente Ejemplo", "customer_email": "cliente@example.com"}
CARD = {"card_expiry": "12/30", "card_cvc": "123", **CUSTOMER}
APPROVES = "4242 4242 4242 4242"
DECLINES = "4111 1111 1111 1111"
ERRS = "5555 5555 5555 4444"

CASH_RECORDED = "Venta en efectivo registrada"


def shown(journey: Journey, text: str) -> bool:
    return any(text in shown_text for shown_text in journey.texts())


def second_attempt_shown(journey: Journey) -> bool:
    """The payment dialog names a retry's reference (…-2) and its checkout is the one loaded
    (the previous page stays on screen until the new one arrives)."""
    named = any(t.startswith("Referencia: ") and t.endswith("-2") for t in journey.texts())
    if not named:
        return False
    reference = next(t for t in journey.texts() if t.startswith("Referencia: "))
    loaded = QUrlQuery(journey.checkout_view().url()).queryItemValue("reference")
    return loaded == reference.removeprefix("Referencia: ")


def ring_up(journey: Journey) -> None:
    """Scan one product; the total shows it."""
    journey.scan(EGGS)
    journey.wait(lambda: shown(journey, EGGS_PRICE))


def counter_is_free(journey: Journey) -> bool:
    """No dialog open and every tender usable again (with a sale on the counter)."""
    names = ("Pagar aquí", "QR al celular", "Efectivo")
    return journey.modal() is None and all(
        any(w.isEnabled() for w in journey.visible_named(name)) for name in names
    )


def keyboard_on_the_dialog(journey: Journey) -> None:
    """Wait, as a person does, until the dialog that just opened has the keyboard."""

    def ready() -> bool:
        modal, focus = journey.modal(), QApplication.focusWidget()
        return modal is not None and focus is not None and focus.window() is modal

    journey.wait(ready)


def charge_here(journey: Journey) -> None:
    journey.press("F12")
    journey.checkout_wait_form("card-form")


def pay_card_here(journey: Journey, number: str) -> None:
    """The customer types a card into the checkout on the counter's screen and pays."""
    journey.checkout_fill("card-form", {"card_number": number, **CARD})


def wait_outcome(journey: Journey, title: str) -> None:
    journey.wait(lambda: any(text == title for text in journey.texts()))


def sell_in_cash(journey: Journey, received: str = "") -> None:
    """A complete cash sale from an empty counter, ending with Enter on the outcome."""
    ring_up(journey)
    journey.press("F10")
    journey.find("Efectivo recibido")
    journey.wait(lambda: QApplication.focusWidget() is journey.find("Efectivo recibido"))
    if received:
        journey.type(received)
    journey.press("Enter")
    wait_outcome(journey, CASH_RECORDED)
    journey.press("Enter")  # Nueva venta
    journey.wait(lambda: journey.modal() is None and not shown(journey, CASH_RECORDED))
    journey.wait(lambda: journey.order_statuses()[-1:] == ["paid"])


def click_into_the_checkout_page(journey: Journey) -> None:
    """The customer taps the checkout page on the counter's screen: it has the keyboard."""
    view = journey.checkout_view()
    target = view.focusProxy() or view
    journey.qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    journey.wait(lambda: _inside(view, QApplication.focusWidget()))


def _inside(view: QWidget, widget: QWidget | None) -> bool:
    return widget is not None and (widget is view or view.isAncestorOf(widget))
