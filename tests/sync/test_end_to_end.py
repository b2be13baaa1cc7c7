"""End to end over real HTTP: SandboxServer → RelayServer → SyncService.run() → SQLite.

The sandbox POSTs its signed events to the real relay on loopback; the running sync long-polls
the relay, re-reads each transaction from the sandbox and updates the orders. The pending
watcher is kept out of the way (first check after an hour) so the webhook path alone must
bring every order to its state.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from mestore_desktop.domain.payment import OrderStatus, PaymentStatus, StatusSource
from mestore_desktop.domain.text import Text
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.sync.policy import SyncSettings
from mestore_desktop.sync.service import SyncService
from mestore_desktop.sync.status import RelayState, SyncStatus
from tests.sync.harness import LoopbackStack

WEBHOOK_ONLY = SyncSettings(long_poll_wait_s=2.0, first_check_after_s=3600.0)


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[LoopbackStack]:
    with LoopbackStack(tmp_path) as stack:
        yield stack


async def until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        await asyncio.sleep(0.02)


async def running(stack: LoopbackStack, scenario: Callable, **kwargs) -> None:
    """Run `scenario(service)` while `service.run()` runs; always stop it cleanly."""
    db = DbExecutor(stack.database)
    async with httpx.AsyncClient() as http:
        service = stack.service(http, db, **kwargs)
        task = asyncio.ensure_future(service.run())
        try:
            await scenario(service)
        finally:
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            db.shutdown()


def test_approved_declined_error_and_voided_reach_sqlite(stack: LoopbackStack) -> None:
    approved, declined, errored, voided = (stack.sale(10_000 * (i + 1)) for i in range(4))
    expected = {
        approved: OrderStatus.PAID,
        declined: OrderStatus.FAILED,
        errored: OrderStatus.FAILED,
        voided: OrderStatus.VOIDED,
    }
    changed: set[int] = set()
    statuses: list[SyncStatus] = []

    async def scenario(service: SyncService) -> None:
        service.on_orders_changed.append(changed.update)
        service.on_status.append(statuses.append)
        await until(lambda: service.status.relay is RelayState.CONNECTED)
        stack.sandbox.approve(approved.transaction_id)
        stack.sandbox.decline(declined.transaction_id)
        stack.sandbox.error(errored.transaction_id)
        stack.sandbox.approve(voided.transaction_id)
        stack.sandbox.void(voided.transaction_id)
        await until(
            lambda: all(stack.order_status(s.order_number) is o for s, o in expected.items())
        )
        # The observers run just after each commit: wait for them too.
        await until(lambda: changed == {s.order_number for s in expected})
        await until(lambda: service.status.last_event_at is not None)

    asyncio.run(running(stack, scenario, settings=WEBHOOK_ONLY))
    assert changed == {s.order_number for s in expected}
    for sale in expected:
        history = stack.history(sale.reference)
        assert {h.source for h in history[1:]} == {StatusSource.WEBHOOK}
    assert stack.history(voided.reference)[-1].to_status is PaymentStatus.VOIDED
    assert statuses[-1].relay is RelayState.CONNECTED
    assert statuses[0].wompi_problem is None  # nothing asked of Wompi yet at start
    assert statuses[-1].wompi_problem == Text("")  # Wompi answered every re-read


def test_events_sent_while_the_desktop_was_closed_are_caught_up(stack: LoopbackStack) -> None:
    sales = [stack.sale(5_000 + i) for i in range(5)]
    for sale in sales:
        stack.sandbox.approve(sale.transaction_id)
    stack.wait_delivered(5)

    async def scenario(service: SyncService) -> None:
        await until(
            lambda: all(stack.order_status(s.order_number) is OrderStatus.PAID for s in sales)
        )

    asyncio.run(running(stack, scenario, settings=WEBHOOK_ONLY))
    again = asyncio.run(_once(stack))
    assert (again.events_applied, again.events_duplicate) == (0, 0)


async def _once(stack: LoopbackStack):
    db = DbExecutor(stack.database)
    try:
        async with httpx.AsyncClient() as http:
            return await stack.service(http, db).run_once()
    finally:
        db.shutdown()


def test_a_dropped_event_is_healed_by_the_running_watcher(stack: LoopbackStack) -> None:
    sale = stack.sale()

    async def scenario(service: SyncService) -> None:
        stack.sandbox.drop_next_events(1)
        stack.sandbox.approve(sale.transaction_id)
        await until(lambda: stack.order_status(sale.order_number) is OrderStatus.PAID)

    settings = SyncSettings(long_poll_wait_s=2.0, first_check_after_s=0.0, watch_tick_s=0.05)
    asyncio.run(running(stack, scenario, settings=settings))
    assert stack.history(sale.reference)[-1].source is StatusSource.POLL


def test_the_relay_reads_connected_at_once_not_after_a_whole_long_poll(
    stack: LoopbackStack,
) -> None:
    patient = SyncSettings(long_poll_wait_s=25.0, first_check_after_s=3600.0, gap_check_s=3600.0)

    async def scenario(service: SyncService) -> None:
        # 5 s, against a 25 s long-poll: connected must not wait for the first poll to end.
        await until(lambda: service.status.relay is RelayState.CONNECTED, timeout=5.0)

    asyncio.run(running(stack, scenario, settings=patient))
