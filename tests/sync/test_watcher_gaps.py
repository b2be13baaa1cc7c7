"""Pending watcher and gap filler, with a fake clock, against the in-process sandbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import httpx
import pytest

from mestore_desktop.domain.payment import OrderStatus, PaymentStatus, StatusSource
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.store.sync_repository import SyncKey, SyncRepository
from mestore_desktop.sync.apply import Tally
from mestore_desktop.sync.policy import CASH, FAST, SLOW, SyncSettings
from mestore_desktop.sync.relay_client import RelayClient
from mestore_desktop.sync.service import SyncService
from mestore_desktop.sync.status import RelayState
from tests.sync.conftest import FakeClock
from tests.sync.harness import NEQUI, PSE, InProcessWorld

pytestmark = pytest.mark.anyio


def watcher_service(world: InProcessWorld, clock: FakeClock, **kwargs: object) -> SyncService:
    return world.service(relay=False, clock=clock, random=lambda: 0.0, **kwargs)


def sources(world: InProcessWorld, reference: str) -> list[tuple[PaymentStatus, StatusSource]]:
    return [(h.to_status, h.source) for h in world.history(reference)]


async def test_a_dropped_event_is_healed_by_the_poll(
    world: InProcessWorld, clock: FakeClock
) -> None:
    sale = world.sale()
    world.sandbox.drop_next_events(1)
    world.sandbox.approve(sale.transaction_id)
    service = watcher_service(world, clock)
    problems: list[str] = []
    clock.advance(5)  # too early: the event usually comes first
    await service.watcher.poll(Tally(), problems)
    assert world.order_status(sale.order_number) is OrderStatus.AWAITING_PAYMENT
    assert service.status.pending_attempts == 1
    clock.advance(16)
    changed: list[set[int]] = []
    service.on_orders_changed.append(changed.append)
    await service.watcher.poll(Tally(), problems)
    assert world.order_status(sale.order_number) is OrderStatus.PAID
    assert sources(world, sale.reference)[-1] == (PaymentStatus.APPROVED, StatusSource.POLL)
    assert changed == [{sale.order_number}]
    assert service.status.pending_attempts == 0
    assert problems == []
    assert world.sandbox.dropped_events() != []


async def schedule_of(world: InProcessWorld, clock: FakeClock, method: dict, polls: int) -> list:
    """Seconds between polls when each poll happens exactly when due."""
    sale = world.sale(method=method)
    service = watcher_service(world, clock)
    await service.watcher.poll(Tally(), [])  # not due yet: only registers the attempt
    first = service.watcher.watches[sale.reference].due
    assert (first - world.history(sale.reference)[0].at).total_seconds() == 20
    gaps = []
    for _ in range(polls):
        clock.now = service.watcher.watches[sale.reference].due
        await service.watcher.poll(Tally(), [])
        gaps.append((service.watcher.watches[sale.reference].due - clock.now).total_seconds())
    assert world.order_status(sale.order_number) is OrderStatus.AWAITING_PAYMENT
    return gaps


async def test_card_and_nequi_are_polled_fast(world: InProcessWorld, clock: FakeClock) -> None:
    assert await schedule_of(world, clock, NEQUI, 6) == [10, 20, 40, 60, 60, 60]


async def test_pse_is_polled_slowly(world: InProcessWorld, clock: FakeClock) -> None:
    assert await schedule_of(world, clock, PSE, 6) == [30, 60, 120, 240, 300, 300]


def test_schedules_per_method() -> None:
    settings = SyncSettings()
    assert settings.schedule_for("CARD") is FAST
    assert settings.schedule_for("BANCOLOMBIA_TRANSFER") is SLOW
    assert settings.schedule_for("BANCOLOMBIA_COLLECT") is CASH
    assert [CASH.interval_s(n) for n in range(6)] == [600, 1200, 2400, 4800, 9600, 10800]
    assert settings.schedule_for(None) is FAST
    assert settings.schedule_for("SOMETHING_NEW") is FAST


async def test_jitter_only_shortens_the_interval(world: InProcessWorld, clock: FakeClock) -> None:
    sale = world.sale(method=NEQUI)
    service = world.service(relay=False, clock=clock, random=lambda: 1.0)
    clock.advance(21)
    await service.watcher.poll(Tally(), [])
    due = service.watcher.watches[sale.reference].due
    assert (due - clock.now).total_seconds() == pytest.approx(10 * 0.8)


async def test_an_abandoned_attempt_is_still_watched_and_a_late_approval_flagged(
    world: InProcessWorld, clock: FakeClock
) -> None:
    sale = world.sale()
    world.database.write(lambda s: OrderRepository(s).cancel_order(sale.order_number, clock()))
    world.sandbox.drop_next_events(1)
    world.sandbox.approve(sale.transaction_id)
    clock.advance(25)
    await watcher_service(world, clock).watcher.poll(Tally(), [])
    assert world.order_status(sale.order_number) is OrderStatus.PAID
    entries = world.database.read(lambda s: OrderRepository(s).audit_entries())
    assert "payment.approved_after_cancel" in [e.action for e in entries]


async def test_without_a_transaction_id_every_transaction_under_the_reference_is_read(
    world: InProcessWorld, clock: FakeClock
) -> None:
    sale = world.sale()
    world.sandbox.decline(sale.transaction_id)  # the payer's first card fails...
    retry = world.add_transaction(sale.reference, sale.amount, NEQUI)  # ...and retries
    world.sandbox.approve(retry)
    clock.advance(25)
    await watcher_service(world, clock).watcher.poll(Tally(), [])
    assert world.order_status(sale.order_number) is OrderStatus.PAID
    attempt = world.database.read(lambda s: OrderRepository(s).get_attempt(sale.reference))
    assert attempt.transaction_id == retry
    assert dict(attempt.transactions)[sale.transaction_id] is PaymentStatus.DECLINED


async def test_wompi_down_changes_nothing_and_is_reported(
    world: InProcessWorld, clock: FakeClock
) -> None:
    sale = world.sale()
    world.sandbox.approve(sale.transaction_id)
    world.sandbox.fail_next_api_calls(1, 503)
    service = watcher_service(world, clock)
    problems: list[str] = []
    await service.watcher.poll(Tally(), problems, force=True)
    assert world.order_status(sale.order_number) is OrderStatus.AWAITING_PAYMENT
    assert "Wompi" in problems[0]
    assert problems[0] in str(service.status.detail)
    await service.watcher.poll(Tally(), [], force=True)
    assert world.order_status(sale.order_number) is OrderStatus.PAID
    assert problems[0] not in str(service.status.detail)


async def test_the_gap_filler_finds_what_the_watcher_cannot(
    world: InProcessWorld, clock: FakeClock
) -> None:
    # The attempt failed (final, so no longer watched); the payer retried under the same
    # reference and paid, but that event was lost while the relay was down.
    sale = world.sale()
    world.sandbox.decline(sale.transaction_id)
    await world.wait_delivered(1)
    await world.service().run_once()
    assert world.order_status(sale.order_number) is OrderStatus.FAILED
    world.sandbox.drop_next_events(2)
    retry = world.add_transaction(sale.reference, sale.amount, NEQUI)
    world.sandbox.approve(retry)
    elsewhere = world.add_transaction("TIENDA-WEB-1", sale.amount, NEQUI)
    world.sandbox.approve(elsewhere)

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    http = httpx.AsyncClient(transport=httpx.MockTransport(refuse))
    world._clients.append(http)
    service = world.service(relay=False, clock=clock)
    service.relay = service.feed._relay = RelayClient(http, "http://relay.test", "t")
    report = await service.run_once()
    assert report.gap_filled
    assert world.order_status(sale.order_number) is OrderStatus.PAID
    assert sources(world, sale.reference)[-1] == (PaymentStatus.APPROVED, StatusSource.RECONCILE)
    foreign = world.database.read(lambda s: SyncRepository(s).get_foreign(elsewhere))
    assert foreign is not None
    assert foreign.source is StatusSource.RECONCILE
    filled = world.database.read(lambda s: SyncRepository(s).get_time(SyncKey.GAP_FILLED_AT))
    assert filled == clock.now


async def test_without_a_relay_wompi_is_searched_every_fallback_interval(
    world: InProcessWorld, clock: FakeClock
) -> None:
    service = watcher_service(world, clock)
    assert service.status.relay is RelayState.NOT_CONFIGURED
    assert await service.gaps.fill_if_due(Tally(), [])
    clock.advance(299)
    assert not await service.gaps.fill_if_due(Tally(), [])
    clock.advance(1)
    assert await service.gaps.fill_if_due(Tally(), [])


async def test_silence_after_new_attempts_triggers_one_search(
    world: InProcessWorld, clock: FakeClock
) -> None:
    service = world.service(clock=clock)
    service._hub.relay = RelayState.CONNECTED
    world.sale()
    assert not await service.gaps.fill_if_due(Tally(), [])  # just created: wait for events
    clock.advance(601)
    assert await service.gaps.fill_if_due(Tally(), [])
    clock.advance(601)
    assert not await service.gaps.fill_if_due(Tally(), [])  # already covered


def test_the_window_is_whole_days_with_a_margin_and_a_day_each_side(clock: FakeClock) -> None:
    service = SyncService(db=None, wompi=None, relay=None)  # type: ignore[arg-type]
    bogota = timezone(timedelta(hours=-5))
    since = datetime(2026, 3, 14, 20, 30, tzinfo=bogota)  # 01:30 UTC on the 15th
    now = datetime(2026, 3, 16, 1, 0, tzinfo=UTC)
    first, last = service.gaps.window(since, now)
    assert (first.isoformat(), last.isoformat()) == ("2026-03-14", "2026-03-17")
    first, _ = service.gaps.window(now - timedelta(days=90), now)
    assert first.isoformat() == "2026-02-12"  # capped at 31 days, plus the extra day
    first, last = service.gaps.window(now + timedelta(days=40), now)
    assert first <= last  # a relay clock ahead of ours never inverts the window


def test_defect7_gap_window_covers_bogota_evening_sales_in_local_dates() -> None:
    # A sale at 20:30 in Bogotá on the 15th is 01:30 UTC on the 16th. If Wompi reads
    # from_date/until_date as Bogotá dates, a window of UTC days ([16th, 16th]) misses it.
    service = SyncService(db=None, wompi=None, relay=None)  # type: ignore[arg-type]
    bogota = timezone(timedelta(hours=-5))
    since = datetime(2026, 3, 15, 20, 30, tzinfo=bogota)
    now = datetime(2026, 3, 15, 23, 0, tzinfo=bogota)
    start = since - timedelta(seconds=service.settings.gap_margin_s)
    first, last = service.gaps.window(since, now)
    for moment in (start, now):
        for zone in (UTC, bogota):
            assert first <= moment.astimezone(zone).date() <= last
    assert (first.isoformat(), last.isoformat()) == ("2026-03-15", "2026-03-17")
