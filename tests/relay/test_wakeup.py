"""Long-poll wake-ups across relay instances sharing one PostgreSQL database (LISTEN/NOTIFY),
and the short-poll fallback when LISTEN is unavailable."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from mestore_desktop.relay.app import create_app
from mestore_desktop.relay.config import RelayConfig
from mestore_desktop.relay.store import RelayStore
from mestore_desktop.relay.wakeup import Wakeup
from tests.relay.conftest import make_store_url
from tests.relay.helpers import event_body, signed_event

pytestmark = pytest.mark.anyio


@pytest.fixture
def pg_url(request, tmp_path) -> str:
    return make_store_url("postgresql", request, tmp_path)


async def _instance(config: RelayConfig, url: str, **store_kwargs):
    store = RelayStore(url)
    for name, value in store_kwargs.items():
        setattr(store, name, value)
    app = create_app(config, store)
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://r")
    await app.state.relay.start()
    return app, client, store


async def _close(app, client, store) -> None:
    await client.aclose()
    await app.state.relay.aclose()
    store.dispose()


async def test_an_insert_in_instance_a_wakes_a_long_poll_in_instance_b(config, secret, pg_url):
    # The fallback poll is long, so only a NOTIFY can explain a fast wake-up.
    config = RelayConfig(environment="test", events_secrets=(secret,), fallback_poll_s=20)
    a = await _instance(config, pg_url)
    b = await _instance(config, pg_url)
    await asyncio.wait_for(b[0].state.relay._listener.connected.wait(), 10)
    token = b[2].create_token("caja-b")
    poll = asyncio.create_task(
        b[1].get(
            "/v1/events",
            params={"after": 0, "wait": 20},
            headers={"Authorization": f"Bearer {token}"},
        )
    )
    await asyncio.sleep(0.3)
    started = time.monotonic()
    assert (await a[1].post("/wompi/events", content=event_body(signed_event(secret)))).is_success
    r = await asyncio.wait_for(poll, 10)
    assert [e["seq"] for e in r.json()["events"]] == [1]
    assert time.monotonic() - started < 1.5
    await _close(*a)
    await _close(*b)


async def test_without_listen_a_long_poll_falls_back_to_short_polls(secret, pg_url):
    config = RelayConfig(environment="test", events_secrets=(secret,), fallback_poll_s=0.2)
    a = await _instance(config, pg_url)
    # Instance B cannot LISTEN (nothing listens on port 1): it must still see A's insert.
    b = await _instance(config, pg_url, listen_conninfo=lambda: "postgresql://u@127.0.0.1:1/x")
    token = b[2].create_token("caja-b")
    await asyncio.sleep(0.2)
    assert not b[0].state.relay.wakeup.trusted
    poll = asyncio.create_task(
        b[1].get(
            "/v1/events",
            params={"after": 0, "wait": 20},
            headers={"Authorization": f"Bearer {token}"},
        )
    )
    await asyncio.sleep(0.3)
    started = time.monotonic()
    await a[1].post("/wompi/events", content=event_body(signed_event(secret)))
    r = await asyncio.wait_for(poll, 10)
    assert len(r.json()["events"]) == 1
    assert time.monotonic() - started < 1.5
    await _close(*a)
    await _close(*b)


async def test_wakeup_never_misses_a_bump_between_read_and_wait():
    wakeup = Wakeup(fallback_poll_s=5)
    seen = wakeup.generation
    wakeup.bump()  # lands after the (imaginary) read, before the wait
    started = time.monotonic()
    await wakeup.wait(seen, 5)
    assert time.monotonic() - started < 0.1
    waiter = asyncio.create_task(wakeup.wait(wakeup.generation, 5))
    await asyncio.sleep(0.05)
    wakeup.bump()
    await asyncio.wait_for(waiter, 1)
