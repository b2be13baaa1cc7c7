"""End to end over real HTTP: sandbox → relay → desktop sync → SQLite → the Pedidos Qt model.

The sandbox and the relay run as uvicorn servers on 127.0.0.1; the desktop side is the
production SyncService on the qasync loop, wired to the orders page exactly as `app.py` wires
it (SyncBridge → OrdersPage.on_orders_changed). Each outcome must reach the table by itself,
through a webhook (history source `webhook`), with no refresh by hand.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from mestore_desktop.domain.payment import OrderStatus, PaymentStatus, StatusSource
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.sync.policy import SyncSettings
from mestore_desktop.ui.models.orders_model import NUMBER_ROLE, STATUS_ROLE, Column
from mestore_desktop.ui.pages.orders import OrdersPage
from mestore_desktop.ui.sync_status import SyncBridge
from tests.sync.harness import NEQUI, PSE, LoopbackStack

pytestmark = pytest.mark.gui

# The pending watcher would also settle these by polling Wompi; push it far away so that
# what this test sees can only have come through the relay.
WEBHOOK_ONLY = SyncSettings(long_poll_wait_s=5.0, first_check_after_s=3600.0, gap_check_s=3600.0)


@pytest.fixture
def stack(tmp_path) -> Iterator[LoopbackStack]:
    with LoopbackStack(tmp_path) as stack:
        yield stack


def row_statuses(page: OrdersPage) -> dict[int, str]:
    model = page.model
    return {
        model.data(model.index(row, Column.NUMBER), NUMBER_ROLE): model.data(
            model.index(row, Column.STATUS), STATUS_ROLE
        )
        for row in range(model.rowCount())
    }


def test_outcomes_reach_the_orders_table_through_the_relay(qtbot, qloop_running, stack):
    executor = DbExecutor(stack.database)
    http = httpx.AsyncClient(timeout=10)
    service = stack.service(http, executor, settings=WEBHOOK_ONLY)
    page = OrdersPage(lambda: executor.read(lambda s: OrderRepository(s).list_orders(limit=50)))
    qtbot.addWidget(page)
    bridge = SyncBridge(service, page)
    bridge.orders_changed.connect(page.on_orders_changed)
    page.show()
    task = qloop_running.create_task(service.run())
    try:
        approved, declined, errored, voided = (
            stack.sale(),
            stack.sale(method=NEQUI),
            stack.sale(method=PSE),
            stack.sale(pesos=80_000),
        )
        qtbot.waitUntil(lambda: len(row_statuses(page)) == 4, timeout=5000)
        assert set(row_statuses(page).values()) == {OrderStatus.AWAITING_PAYMENT.value}

        stack.sandbox.approve(approved.transaction_id)
        stack.sandbox.decline(declined.transaction_id)
        stack.sandbox.error(errored.transaction_id)
        stack.sandbox.approve(voided.transaction_id)
        expected = {
            approved.order_number: "paid",
            declined.order_number: "failed",
            errored.order_number: "failed",
            voided.order_number: "paid",
        }
        qtbot.waitUntil(lambda: row_statuses(page) == expected, timeout=10_000)

        stack.sandbox.void(voided.transaction_id)
        expected[voided.order_number] = "voided"
        qtbot.waitUntil(lambda: row_statuses(page) == expected, timeout=10_000)
        newest = page.model.index(0, Column.STATUS)  # the voided sale was rung up last
        assert page.model.data(newest).endswith("Anulado")
    finally:
        task.cancel()
        qtbot.waitUntil(task.done, timeout=5000)
        closing = qloop_running.create_task(http.aclose())
        qtbot.waitUntil(closing.done, timeout=5000)
        executor.shutdown()

    finals = {
        approved.reference: [PaymentStatus.APPROVED],
        declined.reference: [PaymentStatus.DECLINED],
        errored.reference: [PaymentStatus.ERROR],
        voided.reference: [PaymentStatus.APPROVED, PaymentStatus.VOIDED],
    }
    for reference, statuses in finals.items():
        steps = [c for c in stack.history(reference) if c.source is not StatusSource.CHECKOUT]
        assert [c.to_status for c in steps] == statuses, reference
        assert {c.source for c in steps} == {StatusSource.WEBHOOK}, reference
