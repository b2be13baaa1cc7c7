"""The counter's alert for money nobody expected: a duplicate payment shows before a late
approval, in its own words, and each is acknowledged on its own (issue 9, defect 2)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QMessageBox

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.payment import (
    Approval,
    DuplicatePayment,
    PaymentAttempt,
    PaymentStatus,
    Tender,
)
from mestore_desktop.services.counter_setup import CounterSetup
from mestore_desktop.settings import Settings
from mestore_desktop.ui.pages.caja import CajaPage, CajaServices
from mestore_desktop.ui.payment.late_approval import LateApprovalAlert

pytestmark = pytest.mark.gui
NOW = datetime(2026, 12, 7, 15, 30, tzinfo=UTC)
AMOUNT = Money.from_pesos(25_000)
LATE = PaymentAttempt(
    reference="T01-ABCD-000042-1",
    order_number=42,
    attempt_number=1,
    tender=Tender.WOMPI,
    amount=AMOUNT,
    status=PaymentStatus.APPROVED,
    created_at=NOW,
    updated_at=NOW,
    transaction_id="tx-late",
    abandoned_at=NOW,
)
PAID_TWICE = DuplicatePayment(
    order_number=42,
    amount=AMOUNT,
    first=Approval("T01-ABCD-000042-1", "tx-late"),
    extra=Approval("T01-ABCD-000042-2", "tx-new"),
    detected_at=NOW,
    id=7,
)
CASH_AND_WOMPI = DuplicatePayment(
    order_number=43,
    amount=AMOUNT,
    first=Approval("T01-ABCD-000043-2"),
    extra=Approval("T01-ABCD-000043-1", "tx-phone"),
    detected_at=NOW,
    id=8,
)


class AlertingCounter:
    """One late approval and one duplicate payment of the same order, until acknowledged."""

    def __init__(self) -> None:
        self.late = [LATE]
        self.duplicates = [PAID_TWICE]
        self.acknowledged: list[object] = []
        self.on_orders_changed: list[object] = []

    async def unfinished(self) -> list[PaymentAttempt]:
        await asyncio.sleep(0)
        return []

    async def late_approvals(self) -> list[PaymentAttempt]:
        await asyncio.sleep(0)
        return list(self.late)

    async def duplicate_payments(self) -> list[DuplicatePayment]:
        await asyncio.sleep(0)
        return list(self.duplicates)

    async def acknowledge_duplicate_payment(self, duplicate_id: int) -> DuplicatePayment:
        await asyncio.sleep(0)
        self.acknowledged.append(duplicate_id)
        self.duplicates = []
        return PAID_TWICE

    async def acknowledge_late_approval(self, reference: str) -> PaymentAttempt:
        await asyncio.sleep(0)
        self.acknowledged.append(reference)
        self.late = []
        return LATE


def test_the_duplicate_shows_first_then_the_late_approval_each_acknowledged(
    qtbot, qloop_running
) -> None:
    counter = AlertingCounter()
    setup = CounterSetup(counter, None)  # type: ignore[arg-type]
    settings = Settings(store_name="Tienda", terminal_id="T01")
    page = CajaPage(CajaServices(counter=lambda: setup, settings=lambda: settings))
    qtbot.addWidget(page)
    page.show()
    alert = page.alert

    qtbot.waitUntil(alert.isVisible, timeout=5000)
    assert alert.windowTitle() == "¡Pago doble!"
    assert alert.text() == (
        "Pago doble: el pedido 42 se pagó dos veces, $ 25.000 cada vez: con Wompi (referencia "
        "T01-ABCD-000042-1, transacción tx-late) y con Wompi (referencia T01-ABCD-000042-2, "
        "transacción tx-new). Devuelva uno de los dos pagos desde el panel de comercios de "
        "Wompi (o el efectivo, si uno fue en efectivo) y entregue la compra una sola vez."
    )
    alert.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: counter.acknowledged == [7], timeout=5000)

    qtbot.waitUntil(alert.isVisible, timeout=5000)  # then the late approval, in its words
    assert alert.windowTitle() == "¡Pago aprobado después de cancelar!"
    assert "El pedido 42 se canceló en la caja" in alert.text()
    alert.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: counter.acknowledged == [7, LATE.reference], timeout=5000)
    qtbot.wait(100)
    assert not alert.isVisible()


def test_a_cash_payment_in_a_duplicate_is_named_as_cash(qtbot) -> None:
    alert = LateApprovalAlert()
    qtbot.addWidget(alert)
    emitted: list[int] = []
    alert.duplicate_acknowledged.connect(emitted.append)

    alert.show_alerts([CASH_AND_WOMPI], [LATE])

    assert "en efectivo (referencia T01-ABCD-000043-2)" in alert.text()
    assert "con Wompi (referencia T01-ABCD-000043-1, transacción tx-phone)" in alert.text()
    alert.show_alerts([PAID_TWICE], [])  # already showing one: it stays
    assert "pedido 43" in alert.text()
    alert.done(0)
    assert emitted == [8]
