"""Feed poller: relay state, backoff and cursor expiry (fake relay; real sandbox and SQLite)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import httpx
import pytest

from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.store.sync_repository import SyncRepository
from mestore_desktop.sync.policy import SyncSettings, full_jitter
from mestore_desktop.sync.relay_client import RelayClient
from mestore_desktop.sync.service import SyncService
from mestore_desktop.sync.status import RelayState, SyncStatus
from tests.sync.fake_relay import TOKEN, FakeRelay
from tests.sync.harness import InProcessWorld

pytestmark = pytest.mark.anyio


class Recorder:
    """A sleep that records and yields at once, and the statuses published."""

    def __init__(self) -> None:
        self.delays: list[float] = []
        self.statuses: list[SyncStatus] = []

    async def sleep(self, seconds: float) -> None:
        self.delays.append(seconds)
        await asyncio.sleep(0)

    @property
    def states(self) -> list[RelayState]:
        states: list[RelayState] = []
        for status in self.statuses:
            if not states or states[-1] is not status.relay:
                states.append(status.relay)
        return states


def fake_service(
    world: InProcessWorld, fake: FakeRelay, recorder: Recorder, random: float = 1.0
) -> SyncService:
    http = world.http(fake.app(), "http://relay.test")
    service = world.service(
        relay=False,
        sleep=recorder.sleep,
        random=lambda: random,
        settings=SyncSettings(long_poll_wait_s=0.05),
    )
    service.relay = RelayClient(http, "http://relay.test", TOKEN)
    service.feed._relay = service.relay
    service.on_status.append(recorder.statuses.append)
    return service


async def run_feed_until(service: SyncService, done: Callable[[], bool]) -> None:
    task = asyncio.ensure_future(service.feed.run())
    try:
        for _ in range(500):
            if done() or task.done():
                break
            await asyncio.sleep(0.01)
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert done()


async def test_failures_degrade_then_go_offline_and_recovery_asks_for_a_gap_fill(
    world: InProcessWorld,
) -> None:
    fake = FakeRelay().then(500).then(503).then(502)
    recorder = Recorder()
    service = fake_service(world, fake, recorder)
    await run_feed_until(service, lambda: service.status.relay is RelayState.CONNECTED)
    assert recorder.states == [RelayState.DEGRADED, RelayState.OFFLINE, RelayState.CONNECTED]
    offline = next(s for s in recorder.statuses if s.relay is RelayState.OFFLINE)
    assert "3 intentos" in str(offline.detail)
    assert recorder.delays[:3] == [1.0, 2.0, 4.0]  # full jitter at its ceiling (random=1)
    assert service.gaps.request is not None
    assert service.gaps.request.reason == "reconexión con el relay"


async def test_a_refused_token_is_offline_at_once_and_says_so(world: InProcessWorld) -> None:
    fake = FakeRelay(token="the-relay-knows-another")
    recorder = Recorder()
    service = fake_service(world, fake, recorder)
    await run_feed_until(service, lambda: len(recorder.delays) >= 2)
    assert service.status.relay is RelayState.OFFLINE
    assert "token" in str(service.status.detail)
    assert recorder.delays[:2] == [30.0, 30.0]


async def test_rate_limiting_degrades_and_honours_retry_after(world: InProcessWorld) -> None:
    fake = FakeRelay().then(429, {"ok": False}, headers={"Retry-After": "7"})
    recorder = Recorder()
    service = fake_service(world, fake, recorder)
    await run_feed_until(service, lambda: service.status.relay is RelayState.CONNECTED)
    assert recorder.states == [RelayState.DEGRADED, RelayState.CONNECTED]
    assert recorder.delays[0] == 7.0


def test_full_jitter_doubles_to_its_cap_and_never_spins() -> None:
    ceilings = [full_jitter(1.0, 30.0, n, lambda: 1.0) for n in range(1, 8)]
    assert ceilings == [1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0]
    assert full_jitter(1.0, 30.0, 4, lambda: 0.0) == 0.1
    assert full_jitter(1.0, 30.0, 4, lambda: 0.5) == 4.0


async def test_run_once_with_the_relay_down_reports_it_and_fills_the_gap(
    world: InProcessWorld,
) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    http = httpx.AsyncClient(transport=httpx.MockTransport(refuse))
    world._clients.append(http)
    service = world.service(relay=False)
    service.relay = service.feed._relay = RelayClient(http, "http://relay.test", TOKEN)
    report = await service.run_once()
    assert report.relay is RelayState.DEGRADED
    assert report.problems[0].startswith("El relay no responde")
    assert report.gap_filled


async def test_an_expired_cursor_resumes_at_the_relays_horizon_and_fills_the_gap(
    world: InProcessWorld,
) -> None:
    sales = [world.sale(1000 + i) for i in range(3)]
    for sale in sales:
        world.sandbox.approve(sale.transaction_id)
    await world.wait_delivered(3)
    store = world.relay_app.state.relay.store
    real = store.clock
    store.clock = lambda: real() + 40 * 86_400 * 1_000_000
    assert store.prune(30).horizon_seq == 3
    late = world.sale(2000)
    world.sandbox.approve(late.transaction_id)
    await world.wait_delivered(4)
    report = await world.service().run_once()
    assert world.database.read(lambda s: SyncRepository(s).cursor()) == 4
    assert report.events_applied == 1
    assert report.gap_filled
    for sale in [*sales, late]:
        assert world.order_status(sale.order_number).value == "paid"
    entries = world.database.read(lambda s: OrderRepository(s).audit_entries())
    [expired] = [e for e in entries if e.action == "sync.cursor_expired"]
    assert "cursor=0 horizon=3" in expired.detail


async def test_the_horizon_is_found_by_galloping_and_bisecting(world: InProcessWorld) -> None:
    fake = FakeRelay(horizon=1000)
    recorder = Recorder()
    service = fake_service(world, fake, recorder)
    assert await service.feed._find_horizon(0) == 1000
    assert len(fake.requests) <= 2 * 11 + 2
