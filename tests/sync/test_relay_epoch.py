"""Issue 9, defect 4 on the terminal: a relay whose database was replaced (a new epoch, seqs from 1
again) is followed from its start, and the period the old database may have taken with it is
searched at Wompi. The first epoch a terminal ever sees is only remembered.

Unit tests on the fake relay (real sandbox and SQLite), then end to end over real HTTP.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from mestore_desktop.domain.payment import OrderStatus, PaymentStatus, StatusSource
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.store.sync_repository import SyncKey, SyncRepository
from mestore_desktop.sync.policy import SyncSettings
from mestore_desktop.sync.relay_client import RelayBadResponseError, parse_batch
from mestore_desktop.sync.service import SyncService
from mestore_desktop.sync.status import RelayState, SyncStatus
from tests.sync.fake_relay import FakeRelay
from tests.sync.harness import InProcessWorld, LoopbackStack, _Common
from tests.sync.test_end_to_end import running, until
from tests.sync.test_feed_state import Recorder, fake_service


def stored(shop: _Common) -> tuple[int, str | None]:
    """(cursor, epoch) as the terminal keeps them."""

    def read(session: Any) -> tuple[int, str | None]:
        sync = SyncRepository(session)
        return sync.cursor(), sync.get_value(SyncKey.RELAY_EPOCH)

    return shop.database.read(read)


def audits(shop: _Common, action: str) -> list[str]:
    entries = shop.database.read(lambda s: OrderRepository(s).audit_entries(limit=1000))
    return [e.detail for e in entries if e.action == action]


def settled_by(shop: _Common, reference: str) -> tuple[PaymentStatus, StatusSource]:
    """The attempt's last status and who brought it (the feed must, not a Wompi search)."""
    last = shop.history(reference)[-1]
    return last.to_status, last.source


# -- the client ----------------------------------------------------------------------------------


def test_defect4_the_client_reads_the_epoch_of_a_page() -> None:
    assert parse_batch({"events": [], "next_after": 3, "epoch": "abc_DEF-123"}, 3, 10).epoch == (
        "abc_DEF-123"
    )
    # A relay from before the epoch: nothing to follow, nothing refused.
    assert parse_batch({"events": [], "next_after": 3}, 3, 10).epoch is None
    for bad in (None, 7, "", "x" * 65, "dos palabras", "ñandú", ["a"]):
        with pytest.raises(RelayBadResponseError) as exc:
            parse_batch({"events": [], "next_after": 3, "epoch": bad}, 3, 10)
        assert exc.value.field == "epoch"


# -- the feed poller on a fake relay ----------------------------------------------------------


anyio = pytest.mark.anyio


def _service(world: InProcessWorld, fake: FakeRelay) -> SyncService:
    return fake_service(world, fake, Recorder())


@anyio
async def test_defect4_a_new_epoch_resets_the_cursor_and_fills_the_gap(
    world: InProcessWorld,
) -> None:
    before = [world.sale(1_000 + i) for i in range(3)]
    for sale in before:
        world.sandbox.approve(sale.transaction_id)
    fake = FakeRelay(epoch="epoch-a-0123456789")
    for event in world.sandbox.published_events():
        fake.add(event)
    service = _service(world, fake)
    first = await service.run_once()
    assert first.events_applied == 3
    assert stored(world) == (3, "epoch-a-0123456789")
    assert not first.gap_filled  # the first epoch is only remembered
    assert audits(world, "sync.relay_epoch_changed") == []
    # The relay's database is replaced: seqs start at 1 again, under a new epoch.
    after = [world.sale(2_000 + i) for i in range(2)]
    for sale in after:
        world.sandbox.approve(sale.transaction_id)
    fake.events.clear()
    fake.epoch = "epoch-b-9876543210"
    for event in world.sandbox.published_events()[3:]:
        fake.add(event)
    report = await service.run_once()
    assert report.events_applied == 2
    assert report.gap_filled
    assert stored(world) == (2, "epoch-b-9876543210")
    for sale in after:
        assert world.order_status(sale.order_number) is OrderStatus.PAID
        assert settled_by(world, sale.reference) == (PaymentStatus.APPROVED, StatusSource.WEBHOOK)
    [changed] = audits(world, "sync.relay_epoch_changed")
    assert "old_epoch=epoch-a-0123456789 new_epoch=epoch-b-9876543210 cursor=3" in changed
    again = await service.run_once()
    assert (again.events_applied, again.events_duplicate) == (0, 0)


@anyio
async def test_defect4_the_first_epoch_ever_seen_keeps_the_cursor(world: InProcessWorld) -> None:
    sales = [world.sale(1_000 + i) for i in range(3)]
    for sale in sales:
        world.sandbox.approve(sale.transaction_id)
    fake = FakeRelay(epoch="first-epoch-0000")
    for event in world.sandbox.published_events():
        fake.add(event)
    # A terminal that followed this relay before it had an epoch, up to seq 2.
    world.database.write(lambda s: SyncRepository(s).set_cursor(2))
    report = await _service(world, fake).run_once()
    assert report.events_applied == 1
    assert stored(world) == (3, "first-epoch-0000")
    assert audits(world, "sync.relay_epoch_changed") == []


@anyio
async def test_defect4_the_running_feed_follows_a_new_epoch(world: InProcessWorld) -> None:
    sales = [world.sale(1_000 + i) for i in range(4)]
    for sale in sales[:2]:
        world.sandbox.approve(sale.transaction_id)
    fake = FakeRelay(epoch="running-epoch-a")
    for event in world.sandbox.published_events():
        fake.add(event)
    service = _service(world, fake)
    task = asyncio.ensure_future(service.feed.run())
    try:
        await until(lambda: stored(world) == (2, "running-epoch-a"), timeout=10)
        for sale in sales[2:]:
            world.sandbox.approve(sale.transaction_id)
        fresh = world.sandbox.published_events()[2:]
        fake.events.clear()
        fake.epoch = "running-epoch-b"
        fake.add(fresh[0])  # seq 1 and 2: both below the old cursor
        fake.add(fresh[1])
        await until(
            lambda: all(world.order_status(s.order_number) is OrderStatus.PAID for s in sales),
            timeout=10,
        )
        await until(lambda: stored(world) == (2, "running-epoch-b"), timeout=10)
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert service.gaps.request is not None
    assert service.gaps.request.reason == "relay con una base de datos nueva"


# -- end to end over real HTTP ------------------------------------------------------------------


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[LoopbackStack]:
    with LoopbackStack(tmp_path) as stack:
        yield stack


def gap_filled_at(stack: LoopbackStack) -> datetime | None:
    return stack.database.read(lambda s: SyncRepository(s).get_time(SyncKey.GAP_FILLED_AT))


def test_defect4_a_relay_restarted_on_a_fresh_database_is_followed_without_losing_an_event(
    stack: LoopbackStack,
) -> None:
    before = [stack.sale(1_000 + i) for i in range(4)]
    during = stack.sale(3_000)
    after = [stack.sale(4_000 + i) for i in range(2)]
    everything = [*before, during, *after]
    statuses: list[SyncStatus] = []
    seen: dict[str, Any] = {}

    async def scenario(service: SyncService) -> None:
        service.on_status.append(statuses.append)
        await until(lambda: service.status.relay is RelayState.CONNECTED)
        for sale in before:
            stack.sandbox.approve(sale.transaction_id)
        await until(lambda: stored(stack)[0] == 4)
        seen["old"] = stored(stack)
        await asyncio.to_thread(stack.stop_relay)
        # Approved while no relay listens: Wompi's retries may all miss it.
        stack.sandbox.approve(during.transaction_id)
        await until(lambda: service.status.relay is not RelayState.CONNECTED)
        mark, restarted_at = len(statuses), datetime.now(UTC)
        await asyncio.to_thread(stack.start_relay_on_a_fresh_database)
        # Back on the new relay, and Wompi searched for what the swap may have lost.
        await until(
            lambda: (
                any(s.relay is RelayState.CONNECTED for s in statuses[mark:])
                and service.gaps.request is None
                and (gap_filled_at(stack) or restarted_at) >= restarted_at
            ),
            timeout=15,
        )
        for sale in after:  # their events get seq 1 to 3 on the new relay: below the old cursor
            stack.sandbox.approve(sale.transaction_id)
        await until(
            lambda: all(stack.order_status(s.order_number) is OrderStatus.PAID for s in everything),
            timeout=15,
        )

    settings = SyncSettings(
        long_poll_wait_s=1.0,
        relay_backoff_first_s=0.05,
        relay_backoff_cap_s=0.3,
        first_check_after_s=3600.0,  # the watcher stays out of it: the feed must deliver
    )
    asyncio.run(running(stack, scenario, settings=settings))
    old_cursor, old_epoch = seen["old"]
    assert old_cursor == 4 and old_epoch is not None
    cursor, epoch = stored(stack)
    assert epoch is not None and epoch != old_epoch
    assert cursor <= 3  # the new relay's seqs
    for sale in after:
        assert settled_by(stack, sale.reference) == (PaymentStatus.APPROVED, StatusSource.WEBHOOK)
    [changed] = audits(stack, "sync.relay_epoch_changed")
    assert f"old_epoch={old_epoch} new_epoch={epoch} cursor=4" in changed
    # The new relay holds the events posted after the reset, from seq 1.
    with httpx.Client(headers={"Authorization": f"Bearer {stack.token}"}) as client:
        page = client.get(stack.relay_url + "/v1/events").json()
    assert page["epoch"] == epoch and page["events"][0]["seq"] == 1
