"""Issue 9, end to end: a void after an approval ends VOIDED at the terminal even when Wompi's
first read-back lags.

Over real HTTP on loopback (tests/sync/harness.py `LoopbackStack`): the sandbox posts its signed
events to the relay, the running `SyncService` long-polls the relay and re-reads each
transaction from the sandbox. Before the void, the sandbox's read-back lag control
(`POST /_sandbox/transactions/{id}/lag`) makes its next reads by id still say APPROVED: the
event must be kept and re-read, not used up, and the order must end voided.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from mestore_desktop.domain.payment import OrderStatus, PaymentStatus, StatusSource
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.held_events import HeldEvents
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.sync.policy import SyncSettings
from mestore_desktop.sync.service import SyncService
from mestore_desktop.sync.status import RelayState
from tests.sync.harness import LoopbackStack

# The pending watcher never polls on its own here (first check after an hour): only the
# feed and the re-reads of kept events can bring the void.
SETTINGS = SyncSettings(long_poll_wait_s=2.0, first_check_after_s=3600.0, watch_tick_s=0.1)


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[LoopbackStack]:
    with LoopbackStack(tmp_path) as stack:
        yield stack


async def until(condition: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        await asyncio.sleep(0.02)


def test_a_void_after_an_approval_ends_voided_when_the_first_read_back_lags(
    stack: LoopbackStack,
) -> None:
    sale = stack.sale()
    assert stack.sandbox_server is not None
    control = f"{stack.sandbox_server.base_url}/_sandbox/transactions/{sale.transaction_id}/lag"
    seen: list[OrderStatus] = []

    async def scenario(service: SyncService, http: httpx.AsyncClient) -> None:
        service.on_orders_changed.append(
            lambda _: seen.append(stack.order_status(sale.order_number))
        )
        await until(lambda: service.status.relay is RelayState.CONNECTED)
        stack.sandbox.approve(sale.transaction_id)
        await until(lambda: stack.order_status(sale.order_number) is OrderStatus.PAID)
        # Wompi's API will lag the void: its next two reads by id still say APPROVED.
        lagging = await http.post(control, json={"reads": 2})
        assert lagging.json()["data"]["status"] == "APPROVED"
        stack.sandbox.void(sale.transaction_id)
        await until(lambda: stack.order_status(sale.order_number) is OrderStatus.VOIDED)
        lag_left = await http.post(control, json={"reads": 0})
        assert lag_left.status_code == 200

    asyncio.run(_running(stack, scenario))
    assert stack.order_status(sale.order_number) is OrderStatus.VOIDED
    attempt = stack.database.read(lambda s: OrderRepository(s).get_attempt(sale.reference))
    assert (attempt.status, attempt.transaction_id) == (PaymentStatus.VOIDED, sale.transaction_id)
    last = stack.history(sale.reference)[-1]
    assert (last.to_status, last.source) == (PaymentStatus.VOIDED, StatusSource.WEBHOOK)
    assert "event_status=VOIDED reread=" in last.evidence  # the event's own read lagged
    keys = stack.database.read(
        lambda s: set(s.execute(text("SELECT key FROM applied_events")).scalars())
    )
    assert any(k.endswith(f"{sale.transaction_id}:VOIDED:{sale.amount.cents}") for k in keys)
    assert stack.database.read(lambda s: HeldEvents(s).all()) == []
    assert seen[-1] is OrderStatus.VOIDED


async def _running(
    stack: LoopbackStack,
    scenario: Callable[[SyncService, httpx.AsyncClient], Awaitable[None]],
) -> None:
    db = DbExecutor(stack.database)
    async with httpx.AsyncClient() as http:
        service = stack.service(http, db, settings=SETTINGS)
        task = asyncio.ensure_future(service.run())
        try:
            await scenario(service, http)
        finally:
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            db.shutdown()
