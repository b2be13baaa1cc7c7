"""`SyncService.apply_event` against the real sandbox and relay (in-process) and a SQLite file.

The event is only a trigger: what gets applied is Wompi's answer to `GET /transactions/{id}`.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import text

from mestore_desktop.domain.payment import (
    Observation,
    OrderStatus,
    PaymentStatus,
    StatusSource,
)
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.store.sync_repository import SyncRepository
from mestore_desktop.sync.relay_client import RelayEvent
from mestore_desktop.sync.service import SyncService
from mestore_desktop.wompi.errors import WompiUnavailableError
from tests.sync.harness import InProcessWorld

pytestmark = pytest.mark.anyio


async def relay_events(world: InProcessWorld, after: int = 0) -> list[RelayEvent]:
    return (await world.relay_client().fetch(after, wait=0)).events


def count(world: InProcessWorld, sql: str) -> int:
    return world.database.read(lambda s: s.execute(text(sql)).scalar_one())


def cursor(world: InProcessWorld) -> int:
    return world.database.read(lambda s: SyncRepository(s).cursor())


def audits(world: InProcessWorld, action: str) -> list[str]:
    entries = world.database.read(lambda s: OrderRepository(s).audit_entries(limit=1000))
    return [e.detail for e in entries if e.action == action]


FINALS = {
    "approve": (PaymentStatus.APPROVED, OrderStatus.PAID),
    "decline": (PaymentStatus.DECLINED, OrderStatus.FAILED),
    "error": (PaymentStatus.ERROR, OrderStatus.FAILED),
}


@pytest.mark.parametrize("control", list(FINALS))
async def test_a_final_event_updates_the_order_from_wompis_answer(
    world: InProcessWorld, control: str
) -> None:
    sale = world.sale()
    getattr(world.sandbox, control)(sale.transaction_id)
    await world.wait_delivered(1)
    service = world.service()
    changed: list[set[int]] = []
    service.on_orders_changed.append(changed.append)
    [event] = await relay_events(world)
    await service.apply_event(event)
    payment_status, order_status = FINALS[control]
    assert world.order_status(sale.order_number) is order_status
    last = world.history(sale.reference)[-1]
    assert (last.to_status, last.source, last.transaction_id) == (
        payment_status,
        StatusSource.WEBHOOK,
        sale.transaction_id,
    )
    assert f"relay_seq={event.seq}" in last.evidence
    assert changed == [{sale.order_number}]
    assert cursor(world) == event.seq
    assert service.status.last_event_at == event.received_at


async def test_approved_then_voided(world: InProcessWorld) -> None:
    sale = world.sale()
    world.sandbox.approve(sale.transaction_id)
    world.sandbox.void(sale.transaction_id)
    await world.wait_delivered(2)
    service = world.service()
    events = await relay_events(world)
    assert [e.event["data"]["transaction"]["status"] for e in events] == ["APPROVED", "VOIDED"]
    await service.apply_event(events[0])
    # Wompi already says VOIDED when the APPROVED event is applied: the truth wins at once.
    assert world.order_status(sale.order_number) is OrderStatus.VOIDED
    await service.apply_event(events[1])
    assert world.order_status(sale.order_number) is OrderStatus.VOIDED
    statuses = [h.to_status for h in world.history(sale.reference)]
    assert statuses == [PaymentStatus.PENDING, PaymentStatus.VOIDED]
    assert count(world, "SELECT count(*) FROM applied_events") == 2
    assert cursor(world) == events[1].seq


async def test_a_forged_reference_updates_the_order_wompi_names_not_the_forged_one(
    world: InProcessWorld,
) -> None:
    paid, victim = world.sale(), world.sale(30_000)
    world.sandbox.approve(paid.transaction_id)
    await world.wait_delivered(1)
    [event] = await relay_events(world)
    # The reference is not covered by Wompi's checksum: an attacker can re-point it.
    forged = copy.deepcopy(dict(event.event))
    forged["data"]["transaction"]["reference"] = victim.reference
    await world.service().apply_event(replace(event, event=forged))
    assert world.order_status(paid.order_number) is OrderStatus.PAID
    assert world.order_status(victim.order_number) is OrderStatus.AWAITING_PAYMENT


async def test_a_transaction_that_is_not_ours_is_kept_as_foreign(world: InProcessWorld) -> None:
    tx_id = world.add_transaction("TIENDA-WEB-777", world.sale().amount)
    world.sandbox.approve(tx_id)
    await world.wait_delivered(1)
    [event] = await relay_events(world)
    await world.service().apply_event(event)
    foreign = world.database.read(lambda s: SyncRepository(s).get_foreign(tx_id))
    assert foreign is not None
    assert (foreign.reference, foreign.status, foreign.source) == (
        "TIENDA-WEB-777",
        PaymentStatus.APPROVED,
        StatusSource.WEBHOOK,
    )
    assert cursor(world) == event.seq


async def test_a_duplicated_event_is_applied_once(world: InProcessWorld) -> None:
    sale = world.sale()
    world.sandbox.approve(sale.transaction_id)
    await world.wait_delivered(1)
    [event] = await relay_events(world)
    service = world.service()
    await service.apply_event(event)
    # The same content under a later seq (e.g. Wompi's retry stored twice upstream).
    await service.apply_event(replace(event, seq=event.seq + 5))
    assert count(world, "SELECT count(*) FROM applied_events") == 1
    assert len(world.history(sale.reference)) == 2  # PENDING, then APPROVED once
    assert cursor(world) == event.seq + 5
    assert service.totals_report().events_duplicate == 1


async def test_conflicting_finals_are_audited_and_change_nothing(world: InProcessWorld) -> None:
    sale = world.sale()
    # Something earlier (a manual entry, say) recorded an approval Wompi will contradict.
    claimed = Observation(
        sale.transaction_id, PaymentStatus.APPROVED, StatusSource.MANUAL, datetime.now(UTC)
    )
    world.database.write(lambda s: OrderRepository(s).apply_observation(sale.reference, claimed))
    world.sandbox.decline(sale.transaction_id)
    await world.wait_delivered(1)
    [event] = await relay_events(world)
    await world.service().apply_event(event)
    assert world.order_status(sale.order_number) is OrderStatus.PAID
    [detail] = audits(world, "payment.conflict")
    assert "current=APPROVED incoming=DECLINED source=webhook" in detail
    assert cursor(world) == event.seq


async def test_a_wompi_404_is_audited_and_skipped(world: InProcessWorld) -> None:
    sale = world.sale()
    world.sandbox.approve(sale.transaction_id)
    await world.wait_delivered(1)
    [event] = await relay_events(world)
    bogus = copy.deepcopy(dict(event.event))
    bogus["data"]["transaction"]["id"] = "999-1700000000-00000"
    await world.service().apply_event(replace(event, event=bogus))
    assert audits(world, "sync.unknown_transaction") != []
    assert world.order_status(sale.order_number) is OrderStatus.AWAITING_PAYMENT
    assert cursor(world) == event.seq


async def test_other_event_types_only_move_the_cursor(world: InProcessWorld) -> None:
    event = RelayEvent(7, datetime.now(UTC), {"event": "nequi_token.updated", "data": {}})
    service = world.service()
    await service.apply_event(event)
    assert cursor(world) == 7
    assert service.totals_report().events_skipped == 1


async def test_wompi_unreachable_leaves_the_cursor_on_the_event(world: InProcessWorld) -> None:
    sale = world.sale()
    world.sandbox.approve(sale.transaction_id)
    await world.wait_delivered(1)
    [event] = await relay_events(world)
    service = world.service()
    world.sandbox.fail_next_api_calls(1, 503)
    with pytest.raises(WompiUnavailableError):
        await service.apply_event(event)
    assert cursor(world) == 0
    assert count(world, "SELECT count(*) FROM applied_events") == 0
    await service.apply_event(event)
    assert world.order_status(sale.order_number) is OrderStatus.PAID


class SimulatedCrashError(Exception):
    pass


class CrashOnce(DbExecutor):
    """Runs the next write's function, then dies before the commit (so it rolls back)."""

    armed = True

    async def write(self, fn: Any) -> Any:
        if not self.armed:
            return await super().write(fn)
        self.armed = False

        def then_crash(session: Any) -> Any:
            fn(session)
            raise SimulatedCrashError

        return await super().write(then_crash)


async def test_a_crash_between_wompis_answer_and_the_commit_reapplies_once(
    world: InProcessWorld,
) -> None:
    sale = world.sale()
    world.sandbox.approve(sale.transaction_id)
    await world.wait_delivered(1)
    [event] = await relay_events(world)
    crashing = CrashOnce(world.database)
    try:
        with pytest.raises(SimulatedCrashError):
            await world.service(db=crashing).apply_event(event)
    finally:
        crashing.shutdown()
    assert cursor(world) == 0
    assert world.order_status(sale.order_number) is OrderStatus.AWAITING_PAYMENT
    # "Restart": a new service reads the stored cursor and drains the feed from there.
    report = await world.service().run_once()
    assert report.events_applied == 1
    assert world.order_status(sale.order_number) is OrderStatus.PAID
    assert count(world, "SELECT count(*) FROM applied_events") == 1
    webhook = [h for h in world.history(sale.reference) if h.source is StatusSource.WEBHOOK]
    assert len(webhook) == 1
    assert cursor(world) == event.seq
    again = await world.service().run_once()
    assert (again.events_applied, again.attempts_updated) == (0, 0)


async def test_run_once_drains_the_feed_and_reports(world: InProcessWorld) -> None:
    sales = [world.sale(1000 + i) for i in range(3)]
    for sale, control in zip(sales, ("approve", "decline", "error"), strict=True):
        getattr(world.sandbox, control)(sale.transaction_id)
    await world.wait_delivered(3)
    service: SyncService = world.service()
    report = await service.run_once()
    assert report.events_applied == 3
    assert report.orders_changed == {s.order_number for s in sales}
    assert report.relay.value == "connected"
    assert report.pending_attempts == 0
    assert report.problems == []


async def test_a_failing_observer_does_not_stop_the_sync(
    world: InProcessWorld, caplog: pytest.LogCaptureFixture
) -> None:
    sale = world.sale()
    world.sandbox.approve(sale.transaction_id)
    await world.wait_delivered(1)
    service = world.service()
    seen: list[set[int]] = []

    def broken(_: object) -> None:
        raise RuntimeError("a UI bug")

    service.on_orders_changed.extend([broken, seen.append])
    service.on_status.append(broken)
    report = await service.run_once()
    assert report.events_applied == 1
    assert seen == [{sale.order_number}]
    assert world.order_status(sale.order_number) is OrderStatus.PAID
    assert "sync observer" in caplog.text
