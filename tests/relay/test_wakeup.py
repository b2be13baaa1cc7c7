"""Long-poll wake-ups across relay instances sharing one PostgreSQL database (LISTEN/NOTIFY),
and the short-poll fallback when LISTEN is unavailable."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest
from sqlalchemy import text

from mestore_desktop.relay.app import create_app
from mestore_desktop.relay.config import RelayConfig
from mestore_desktop.relay.store import NOTIFY_CHANNEL, RelayStore
from mestore_desktop.relay.wakeup import SAFETY_RECHECK_S, PgListener, Wakeup
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
    # The fallback poll and the state check are long, so only a NOTIFY can explain a wake-up
    # before the safety re-read.
    config = RelayConfig(
        environment="test", events_secrets=(secret,), fallback_poll_s=20, config_check_s=60
    )
    a = await _instance(config, pg_url)
    b = await _instance(config, pg_url)
    await asyncio.wait_for(b[0].state.relay._listener.connected.wait(), 10)
    token = b[2].create_token("caja-b")
    started = time.monotonic()  # a wait not cut short lasts SAFETY_RECHECK_S from here on
    poll = asyncio.create_task(
        b[1].get(
            "/v1/events",
            params={"after": 0, "wait": 20},
            headers={"Authorization": f"Bearer {token}"},
        )
    )
    await asyncio.sleep(0.3)
    assert (await a[1].post("/wompi/events", content=event_body(signed_event(secret)))).is_success
    r = await asyncio.wait_for(poll, 10)
    assert [e["seq"] for e in r.json()["events"]] == [1]
    # Not a speed target: without the mechanism under test it would wait SAFETY_RECHECK_S or more.
    assert time.monotonic() - started < SAFETY_RECHECK_S
    await _close(*a)
    await _close(*b)


async def test_without_listen_a_long_poll_falls_back_to_short_polls(secret, pg_url):
    # The state check is long: only the fallback short-polls can explain an early answer.
    config = RelayConfig(
        environment="test", events_secrets=(secret,), fallback_poll_s=0.2, config_check_s=60
    )
    a = await _instance(config, pg_url)
    # Instance B cannot LISTEN (nothing listens on port 1): it must still see A's insert.
    b = await _instance(config, pg_url, listen_conninfo=lambda: "postgresql://u@127.0.0.1:1/x")
    token = b[2].create_token("caja-b")
    await asyncio.sleep(0.2)
    assert not b[0].state.relay.wakeup.trusted
    started = time.monotonic()  # a wait not cut short lasts SAFETY_RECHECK_S from here on
    poll = asyncio.create_task(
        b[1].get(
            "/v1/events",
            params={"after": 0, "wait": 20},
            headers={"Authorization": f"Bearer {token}"},
        )
    )
    await asyncio.sleep(0.3)
    await a[1].post("/wompi/events", content=event_body(signed_event(secret)))
    r = await asyncio.wait_for(poll, 10)
    assert len(r.json()["events"]) == 1
    # Not a speed target: without the mechanism under test it would wait SAFETY_RECHECK_S or more.
    assert time.monotonic() - started < SAFETY_RECHECK_S
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


def _recording_listener(conninfo: str, wakeup: Wakeup) -> tuple[PgListener, list[object]]:
    calls: list[object] = []
    listener = PgListener(
        conninfo,
        NOTIFY_CHANNEL,
        wakeup,
        on_events=lambda seq: calls.append(("events", seq, wakeup.generation)),
        on_config=lambda: calls.append("config"),
        on_connected=lambda: calls.append("connected"),
    )
    return listener, calls


async def test_dispatch_reports_events_and_config_separately():
    wakeup = Wakeup(fallback_poll_s=5)
    listener, calls = _recording_listener("unused", wakeup)
    listener.dispatch("41")
    # The hook ran before the wake-up: a woken waiter sees what it recorded.
    assert calls == [("events", 41, 0)] and wakeup.generation == 1
    listener.dispatch("config")
    assert calls[-1] == "config" and wakeup.generation == 1  # no events: no re-reads
    listener.dispatch("something-newer")
    listener.dispatch("9" * 20)  # not a seq a BigInteger can hold
    assert len(calls) == 2 and wakeup.generation == 3  # unknown payloads still wake


async def test_a_failing_hook_neither_stops_the_wakeup_nor_the_next_hook():
    wakeup = Wakeup(fallback_poll_s=5)

    def broken(_seq: int) -> None:
        raise RuntimeError("hook bug")

    configs: list[str] = []
    listener = PgListener("unused", NOTIFY_CHANNEL, wakeup, on_events=broken)
    listener._on_config = lambda: configs.append("config")
    listener.dispatch("3")
    listener.dispatch("config")
    assert wakeup.generation == 1 and configs == ["config"]


async def test_the_listener_hooks_see_real_notifications_and_reconnects(pg_url, pg_cluster):
    store = RelayStore(pg_url)
    wakeup = Wakeup(fallback_poll_s=5)
    listener, calls = _recording_listener(store.listen_conninfo(), wakeup)
    listener.start()
    try:
        await asyncio.wait_for(listener.connected.wait(), 10)
        await asyncio.to_thread(_notify, store, ["12", "config"])
        await _until(lambda: "config" in calls)
        assert calls == ["connected", ("events", 12, 1), "config"]
        # The server ends the LISTEN session: the listener reconnects and says so.
        await asyncio.to_thread(_end_listen_sessions, pg_cluster, pg_url)
        await _until(lambda: calls.count("connected") == 2)
        assert listener.connected.is_set() and wakeup.trusted
    finally:
        await listener.stop()
        store.dispose()


def _notify(store: RelayStore, payloads: list[str]) -> None:
    with store._write() as conn:  # one transaction: delivered together, in order, at commit
        for payload in payloads:
            conn.execute(text("SELECT pg_notify(:c, :p)"), {"c": NOTIFY_CHANNEL, "p": payload})


def _end_listen_sessions(cluster, url: str) -> None:
    with cluster.admin() as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND query LIKE 'LISTEN%%'",
            (url.rsplit("/", 1)[1],),
        )


async def _until(condition, timeout_s: float = 10.0) -> None:
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.02)

    await asyncio.wait_for(poll(), timeout_s)
