"""A payment left open by an earlier session (a crash) is resumed to the end (issue 8, item 5):
it keeps being watched and settles by itself, the cashier can ask Wompi now (*Verificar
ahora*), show the QR again (*Mostrar QR*) or cancel; an expired one is closed as abandoned.

The earlier session is played by a CounterService on the same database whose clock may be in
the past; the rest is the real counter over the sandbox and relay (see caja_harness.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, urlsplit

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from mestore_desktop.domain.order import Order, OrderLine
from mestore_desktop.domain.payment import OrderStatus, PaymentStatus
from mestore_desktop.secrets import Secret
from mestore_desktop.services.checkout import CheckoutSettings
from mestore_desktop.services.counter import CounterService, StartedPayment
from mestore_desktop.services.counter_setup import EMBEDDED_RETURN_URL
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.ui.payment.dialog import View
from mestore_desktop.wompi.checkout import format_expiration
from tests.gui.caja_harness import CAFE, CAMISETA, TIMEOUT_MS, CounterRig, quick_wompi, stack_urls
from tests.gui.test_payment_dialogs import counter_is_free, modal, press, sell_cash
from tests.sync.harness import LoopbackStack

pytestmark = pytest.mark.gui


@pytest.fixture
def stack(tmp_path) -> Iterator[LoopbackStack]:
    with LoopbackStack(tmp_path, auto_finalize=True, finalize_delay_s=0.2) as stack:
        yield stack


@pytest.fixture
def rig(qtbot, qloop_running, stack) -> Iterator[CounterRig]:
    rig = CounterRig(qtbot, qloop_running, stack)
    yield rig
    rig.close()


def earlier_session(rig: CounterRig, qtbot, *, minutes_ago: float = 1) -> StartedPayment:
    """A session that started a Wompi payment `minutes_ago` and died before it settled."""
    started_at = datetime.now(UTC) - timedelta(minutes=minutes_ago)
    counter = CounterService(
        db=rig.executor,
        wompi=quick_wompi(rig.http, rig.stack.wompi_api_url, rig.stack.keys),
        checkout=CheckoutSettings(
            stack_urls(rig.stack)[0], rig.stack.keys.public_key, EMBEDDED_RETURN_URL
        ),
        integrity_secret=Secret(rig.stack.keys.integrity_secret),
        terminal_id="T01",
        clock=lambda: started_at,
    )
    # The earlier session's cart is gone with it; its order is in the database.
    line = OrderLine(CAMISETA.name, 1, CAMISETA.price, CAMISETA.iva_rate, sku=CAMISETA.sku)
    task = rig.loop.create_task(counter.start_wompi(Order("T01", (line,), started_at)))
    qtbot.waitUntil(task.done, timeout=TIMEOUT_MS)
    return task.result()


def open_the_pending_payment(rig: CounterRig, qtbot, reference: str) -> None:
    rig.page.refresh_pending()  # as on start-up, or when the sync reports a change
    banner = rig.page.ring_up.banner
    qtbot.waitUntil(lambda: banner.isVisible() and "1 pago pendiente" in banner.text())
    qtbot.mouseClick(banner, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rig.flow is not None, timeout=TIMEOUT_MS)
    assert rig.flow.reference == reference
    modal(qtbot, type(rig.flow.dialog))


def attempt(rig: CounterRig, reference: str):
    return rig.stack.database.read(lambda s: OrderRepository(s).get_attempt(reference))


def order_status(rig: CounterRig, number: int) -> OrderStatus:
    return rig.stack.database.read(lambda s: OrderRepository(s).order_status(number))


def test_a_resumed_payment_offers_check_show_qr_and_cancel(rig, qtbot):
    started = earlier_session(rig, qtbot)
    open_the_pending_payment(rig, qtbot, started.reference)
    dialog = rig.flow.dialog
    for button in (dialog.check_button, dialog.show_qr_button, dialog.cancel_button):
        assert button.isVisible() and button.isEnabled(), button.accessibleName()
    assert [dialog.check_button.accessibleName(), dialog.show_qr_button.accessibleName()] == [
        "Verificar ahora",
        "Mostrar QR",
    ]

    dialog.check_button.click()  # Wompi has nothing yet: says so, keeps watching
    qtbot.waitUntil(lambda: "aún no" in dialog.waiting.message.text(), timeout=TIMEOUT_MS)
    assert dialog.current_view() is View.WAITING

    rig.pay_from_phone("approve")  # the customer pays after all
    dialog.check_button.click()
    assert "Pago aprobado" in rig.wait_result()
    assert attempt(rig, started.reference).status is PaymentStatus.APPROVED


def test_a_resumed_payment_settles_by_itself(rig, qtbot):
    started = earlier_session(rig, qtbot)
    open_the_pending_payment(rig, qtbot, started.reference)
    rig.pay_from_phone("decline")
    assert "Pago rechazado" in rig.wait_result()  # through the relay or the fallback poll
    result = rig.flow.dialog.result
    assert result.close_button.isVisible() and not result.other_button.isVisible()
    rig.ring_up(CAFE)  # meanwhile a new sale is on the counter
    press(qtbot, Qt.Key.Key_Return)  # Enter: retry (by QR) is the default after a decline
    qtbot.waitUntil(lambda: rig.flow.dialog.current_view() is View.QR, timeout=TIMEOUT_MS)
    assert rig.flow.reference.endswith("-2")


def test_mostrar_qr_shows_the_same_signed_checkout_again(rig, qtbot):
    started = earlier_session(rig, qtbot)
    open_the_pending_payment(rig, qtbot, started.reference)
    dialog = rig.flow.dialog
    dialog.show_qr_button.click()
    qtbot.waitUntil(lambda: dialog.current_view() is View.QR, timeout=TIMEOUT_MS)

    url = dialog.qr.qr.data()
    assert url == started.phone_checkout_url == rig.page.display.qr.data()
    params = dict(parse_qsl(urlsplit(url).query))
    assert params["reference"] == started.reference
    assert params["expiration-time"] == format_expiration(started.attempt.expires_at)
    rig.pay_from_phone("approve")
    assert "Pago aprobado" in rig.wait_result()
    rig.ring_up(CAFE)  # a sale rung up meanwhile stays on the counter
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: rig.flow is None, timeout=TIMEOUT_MS)
    assert [line.sku for line in rig.page.ring_up.lines] == [CAFE.sku]


def test_cancelling_a_resumed_payment_cancels_its_order_and_frees_the_counter(rig, qtbot):
    started = earlier_session(rig, qtbot)
    open_the_pending_payment(rig, qtbot, started.reference)
    press(qtbot, Qt.Key.Key_Escape)
    box = modal(qtbot, QMessageBox, "ConfirmCancelPayment")
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: rig.flow is None, timeout=TIMEOUT_MS)
    assert order_status(rig, started.order_number) is OrderStatus.CANCELLED
    assert attempt(rig, started.reference).abandoned_at is not None  # still watched

    rig.ring_up(CAFE)
    rig.page.ring_up.focus_search()
    qtbot.waitUntil(lambda: counter_is_free(rig), timeout=TIMEOUT_MS)
    assert "Venta en efectivo registrada" in sell_cash(rig, qtbot)
    assert rig.flow.dialog.amount.text() == "$ 18.000"  # the cart, not the old order


def test_an_expired_payment_is_closed_as_abandoned_and_not_offered(rig, qtbot):
    started = earlier_session(rig, qtbot, minutes_ago=40)  # 30 to pay, 3 to retry: gone
    rig.page.refresh_pending()
    qtbot.waitUntil(
        lambda: attempt(rig, started.reference).abandoned_at is not None, timeout=TIMEOUT_MS
    )
    qtbot.wait(200)
    assert not rig.page.ring_up.banner.isVisible()
    assert order_status(rig, started.order_number) is OrderStatus.CANCELLED
    # A late payment is still caught and flagged.
    rig.stack.sandbox.approve(rig.stack.add_transaction(started.reference, started.amount))
    alert = rig.page.alert
    qtbot.waitUntil(alert.isVisible, timeout=TIMEOUT_MS)
    assert started.reference in alert.text()
    assert QApplication.activeModalWidget() is not None
