"""Fault test, desktop side: the relay process is SIGKILLed again and again while payments settle.

The sandbox posts each event to a real `mestore-relay serve` process (tests.relay.helpers) that
keeps dying; Wompi's three retries (compressed to milliseconds and seconds) can all miss it, so
some events are lost for good. The desktop's `SyncService.run()` long-polls that relay over
real HTTP the whole time. However events are lost, duplicated or late, the desktop must end
with every order in the state Wompi has, through the feed, the pending watcher or the gap
filler, and no attempt's history may ever step backwards.

The seed is printed on failure (MESTORE_FAULT_SEED sets it); MESTORE_FAULT_PROFILE=10x runs
ten times more sales and kills.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import random
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from mestore_desktop.domain.payment import ALLOWED_TRANSITIONS, OrderStatus
from mestore_desktop.sandbox.config import SandboxKeys, generate_keys
from mestore_desktop.sandbox.server import SandboxServer
from mestore_desktop.store.db import Database
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.sync.policy import SyncSettings
from mestore_desktop.sync.relay_client import RelayClient
from mestore_desktop.sync.service import SyncService
from tests.relay.helpers import RelayProcess, create_token, free_port
from tests.sync.harness import NEQUI, _Common, quick_wompi, sandbox_config

SCALE = 10 if os.environ.get("MESTORE_FAULT_PROFILE", "").lower() == "10x" else 1
SALES = 16 * SCALE
KILLS = 3 * SCALE
OUTCOMES = {
    "approve": OrderStatus.PAID,
    "decline": OrderStatus.FAILED,
    "error": OrderStatus.FAILED,
    "void": OrderStatus.VOIDED,
}
FAST = SyncSettings(
    long_poll_wait_s=1.0,
    relay_backoff_first_s=0.05,
    relay_backoff_cap_s=0.5,
    wompi_backoff_first_s=0.05,
    wompi_backoff_cap_s=0.5,
    first_check_after_s=3.0,
    watch_tick_s=0.2,
    gap_check_s=0.5,
    fallback_gap_interval_s=1.0,
)


class Shop(_Common):
    def __init__(self, database: Database, sandbox_server: SandboxServer) -> None:
        self.database = database
        self.sandbox = sandbox_server.sandbox
        self.keys = sandbox_server.config.keys


@pytest.fixture
def seed() -> int:
    return int(os.environ.get("MESTORE_FAULT_SEED", time.time_ns() % 10**9))


@pytest.fixture
def keys() -> SandboxKeys:
    return generate_keys()


@pytest.fixture
def relay(tmp_path: Path, keys: SandboxKeys) -> Iterator[RelayProcess]:
    process = RelayProcess(tmp_path / "relay.db", keys.events_secret, port=free_port()).start()
    try:
        yield process
    finally:
        process.kill()


@pytest.mark.slow
def test_every_order_ends_right_while_the_relay_keeps_dying(
    tmp_path: Path, relay: RelayProcess, keys: SandboxKeys, seed: int
) -> None:
    rng = random.Random(seed)
    token = create_token(relay.database, "caja-1")
    config = sandbox_config(keys, events_url=relay.events_url, retry_time_factor=5e-5)
    database = Database.open(tmp_path / "mestore.db")
    try:
        with SandboxServer(config) as sandbox_server:
            shop = Shop(database, sandbox_server)
            expected = asyncio.run(_scenario(shop, relay, token, sandbox_server, rng))
            statuses = {n: shop.order_status(n) for n in expected}
            lost = _lost_events(shop)
            context = f"seed={seed} restarts={relay.starts - 1} events_never_delivered={lost}"
            print(f"desktop fault run {context}")
            assert statuses == expected, context
            for sale_ref in _references(database):
                history = [h.to_status for h in shop.history(sale_ref)]
                for before, after in itertools.pairwise(history):
                    assert after in ALLOWED_TRANSITIONS[before], f"{context} {history}"
    finally:
        database.close()


async def _scenario(
    shop: Shop,
    relay: RelayProcess,
    token: str,
    sandbox_server: SandboxServer,
    rng: random.Random,
) -> dict[int, OrderStatus]:
    db = DbExecutor(shop.database)
    killer = threading.Thread(target=_kill_repeatedly, args=(relay, rng), daemon=True)
    async with httpx.AsyncClient() as http:
        service = SyncService(
            db=db,
            wompi=quick_wompi(http, sandbox_server.base_url + "/v1", shop.keys),
            relay=RelayClient(http, relay.base_url, token),
            settings=FAST,
        )
        runner = asyncio.ensure_future(service.run())
        try:
            killer.start()
            expected = await _sell(shop, rng)
            await _until_all(shop, expected, timeout=40.0)
        finally:
            killer.join(30)
            runner.cancel()
            with pytest.raises(asyncio.CancelledError):
                await runner
            db.shutdown()
    return expected


async def _sell(shop: Shop, rng: random.Random) -> dict[int, OrderStatus]:
    expected: dict[int, OrderStatus] = {}
    for n in range(SALES):
        outcome = rng.choice(list(OUTCOMES))
        sale = shop.sale(1_000 + n, method=NEQUI if outcome != "void" else None)
        if outcome == "void":
            shop.sandbox.approve(sale.transaction_id)
            shop.sandbox.void(sale.transaction_id)
        else:
            getattr(shop.sandbox, outcome)(sale.transaction_id)
        expected[sale.order_number] = OUTCOMES[outcome]
        await asyncio.sleep(rng.uniform(0.02, 0.12))
    return expected


def _kill_repeatedly(relay: RelayProcess, rng: random.Random) -> None:
    for _ in range(KILLS):
        time.sleep(rng.uniform(0.1, 0.5))
        relay.kill()
        time.sleep(rng.uniform(0.0, 0.6))  # down for a while: some retries miss it
        relay.start()


async def _until_all(shop: Shop, expected: dict[int, OrderStatus], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        statuses = await asyncio.to_thread(lambda: {n: shop.order_status(n) for n in expected})
        if statuses == expected:
            return
        if time.monotonic() > deadline:
            wrong = {n: (s, expected[n]) for n, s in statuses.items() if s is not expected[n]}
            raise AssertionError(f"orders not in their state (got, want): {wrong}")
        await asyncio.sleep(0.1)


def _lost_events(shop: Shop) -> int:
    """Events none of whose attempts got a 200: only the watcher or gap filler could heal them."""
    delivered = {
        e["body"]["signature"]["checksum"]
        for e in shop.sandbox.sent_events()
        if e["status_code"] == 200
    }
    published = {e["signature"]["checksum"] for e in shop.sandbox.published_events()}
    return len(published - delivered)


def _references(database: Database) -> list[str]:
    return database.read(
        lambda s: list(s.execute(text("SELECT reference FROM payment_attempts")).scalars())
    )
