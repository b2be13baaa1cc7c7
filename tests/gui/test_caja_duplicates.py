"""Issue 9, defect 2, at the counter end to end (sandbox and relay on loopback, the sync engine
running): a decline, F5, then the customer's retry on the old QR approved is a loud late
approval; the new QR paid as well is a duplicate payment, alerted with its own words and
acknowledged with a click. See caja_harness.py for what is real (everything but the people)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from mestore_desktop.domain.payment import OrderStatus, PaymentAttempt, PaymentStatus
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.ui.payment.dialog import View
from tests.gui.caja_harness import CAFE, TIMEOUT_MS, CounterRig
from tests.sync.harness import LoopbackStack

pytestmark = pytest.mark.gui


@pytest.fixture
def stack(tmp_path) -> Iterator[LoopbackStack]:
    with LoopbackStack(tmp_path) as stack:  # the test says how each payment ends
        yield stack


@pytest.fixture
def rig(qtbot, qloop_running, stack) -> Iterator[CounterRig]:
    rig = CounterRig(qtbot, qloop_running, stack)
    yield rig
    rig.close()


def attempt(stack: LoopbackStack, reference: str) -> PaymentAttempt:
    return stack.database.read(lambda s: OrderRepository(s).get_attempt(reference))


def customer_pays(stack: LoopbackStack, reference: str, outcome: str) -> str:
    """The customer's phone pays the checkout of `reference` (a new transaction under it, as a
    payer's retry in Wompi's checkout makes); the sandbox settles it with `outcome`."""
    tx_id = stack.add_transaction(reference, attempt(stack, reference).amount)
    getattr(stack.sandbox, outcome)(tx_id)
    return tx_id


def click_entendido(alert: QMessageBox) -> None:
    button = alert.button(QMessageBox.StandardButton.Ok)
    assert button.accessibleName() == "Entendido"
    button.click()


def test_defect2_decline_f5_then_the_old_qr_approved_then_both_paid_alerts_at_the_counter(
    rig, stack, qtbot
) -> None:
    rig.ring_up(CAFE)
    flow = rig.charge("wompi_qr")
    first = flow.reference
    customer_pays(stack, first, "decline")
    assert "rechazado" in rig.wait_result().lower()

    # F5 is the dialog's window shortcut: it acts once the dialog is the active window.
    qtbot.waitUntil(flow.dialog.isActiveWindow, timeout=TIMEOUT_MS)
    qtbot.keyClick(flow.dialog, Qt.Key.Key_F5)  # Reintentar: a new attempt, a new QR
    qtbot.waitUntil(lambda: flow.reference not in ("", first), timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: flow.dialog.current_view() is View.QR, timeout=TIMEOUT_MS)
    second = flow.reference
    assert attempt(stack, first).abandoned_at is not None  # failed before the fix

    # The customer retries on the old QR, still open on the phone: approved.
    customer_pays(stack, first, "approve")
    alert = rig.page.alert
    qtbot.waitUntil(alert.isVisible, timeout=TIMEOUT_MS)
    assert alert.windowTitle() == "¡Pago aprobado después de cancelar!"
    assert first in alert.text() and "$ 18.000" in alert.text()
    click_entendido(alert)
    qtbot.waitUntil(
        lambda: not stack.database.read(lambda s: OrderRepository(s).late_approvals("T01")),
        timeout=TIMEOUT_MS,
    )

    # And pays the new QR too: the order is paid twice.
    customer_pays(stack, second, "approve")
    qtbot.waitUntil(alert.isVisible, timeout=TIMEOUT_MS)
    number = attempt(stack, first).order_number
    assert alert.windowTitle() == "¡Pago doble!"
    text = alert.text()
    assert text.startswith(f"Pago doble: el pedido {number} se pagó dos veces")
    assert first in text and second in text and "panel de comercios de Wompi" in text
    assert stack.order_status(number) is OrderStatus.PAID
    assert attempt(stack, second).status is PaymentStatus.APPROVED

    click_entendido(alert)
    qtbot.waitUntil(
        lambda: not stack.database.read(lambda s: OrderRepository(s).duplicate_payments("T01")),
        timeout=TIMEOUT_MS,
    )
    kept = stack.database.read(
        lambda s: OrderRepository(s).duplicate_payments(include_acknowledged=True)
    )
    assert [(d.first.reference, d.extra.reference) for d in kept] == [(first, second)]
    actions = [e.action for e in stack.database.read(lambda s: OrderRepository(s).audit_entries())]
    assert "payment.duplicate_acknowledged" in actions
    qtbot.wait(300)
    assert not alert.isVisible()  # nothing else to say
