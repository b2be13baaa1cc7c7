"""The lean request path (issue 12): backpressure, no middleware, polls without database reads,
token caches dropped when tokens change (here, in another process, on PostgreSQL by NOTIFY),
revoked long-polls answered, one summary log line instead of one per event. Both stores."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from mestore_desktop.relay.app import FeedEndpoint, IngestEndpoint, Relay, create_app
from mestore_desktop.relay.config import RelayConfig
from mestore_desktop.relay.store import RelayStore
from tests.relay.conftest import RelayHarness
from tests.relay.helpers import event_body, post_headers, signed_event

pytestmark = pytest.mark.anyio


async def post(client: httpx.AsyncClient, event: dict) -> httpx.Response:
    return await client.post(
        "/wompi/events", content=event_body(event), headers=post_headers(event)
    )


async def poll(h: RelayHarness, **params: Any) -> httpx.Response:
    return await h.client.get("/v1/events", params=params, headers=h.auth)


@pytest.fixture
async def make_harness(store: RelayStore) -> AsyncIterator[Callable[..., Any]]:
    """A harness over `store` with config changes (the conftest one has the defaults)."""
    opened: list[tuple[httpx.AsyncClient, Relay]] = []

    async def make(config: RelayConfig) -> RelayHarness:
        app = create_app(config, store)
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://r")
        opened.append((client, app.state.relay))
        return RelayHarness(client, app.state.relay, store, store.create_token(f"t{len(opened)}"))

    yield make
    for client, relay in opened:
        await client.aclose()
        await relay.aclose()


async def settled(relay: Relay) -> None:
    """Started, LISTENing (PostgreSQL) and its memory primed: until then polls read the store."""
    while not (relay.ready and relay.wakeup.trusted and relay.feed.memory.primed):
        await asyncio.sleep(0.01)


def counting(store: RelayStore, *names: str) -> dict[str, int]:
    """Count calls of the store's `names` (on this object only)."""
    calls = dict.fromkeys(names, 0)
    for name in names:
        original = getattr(store, name)

        def counted(*args: Any, _name: str = name, _original: Any = original) -> Any:
            calls[_name] += 1
            return _original(*args)

        setattr(store, name, counted)
    return calls


# -- backpressure ---------------------------------------------------------------------------


async def test_a_writer_behind_its_threshold_answers_503_overloaded_and_stores_nothing(
    make_harness, store: RelayStore, config: RelayConfig, secret: str
):
    h = await make_harness(RelayConfig(**{**vars(config), "backpressure_ms": 50}))
    release = threading.Event()
    insert_events = store.insert_events

    def held_commit(batch: Any) -> Any:
        release.wait(10)  # the disk is slow: this commit takes as long as the test says
        return insert_events(batch)

    store.insert_events = held_commit  # type: ignore[method-assign]
    first = asyncio.create_task(post(h.client, signed_event(secret, transaction_id="tx-1")))
    while h.relay.writer.oldest_wait_s() * 1000 <= 50:
        await asyncio.sleep(0.01)
    late = signed_event(secret, transaction_id="tx-2")
    refused = await post(h.client, late)
    assert refused.status_code == 503
    assert refused.json() == {"ok": False, "error": "overloaded"}
    assert refused.headers["retry-after"] == "1"
    release.set()
    assert (await first).json() == {"ok": True, "seq": 1, "duplicate": False}
    assert store.stats().event_count == 1  # the refused event was never queued
    assert (await post(h.client, late)).json() == {"ok": True, "seq": 2, "duplicate": False}


def test_backpressure_is_a_setting():
    assert RelayConfig().backpressure_ms == 200
    with pytest.raises(ValueError, match="backpressure_ms"):
        RelayConfig(backpressure_ms=0)


# -- no middleware, no database read per poll -----------------------------------------------


def test_the_hot_routes_are_bare_asgi_without_middleware(config: RelayConfig, store: RelayStore):
    app = create_app(config, store)
    assert app.user_middleware == []
    endpoints = {r.path: r.app for r in app.routes}  # type: ignore[attr-defined]
    assert isinstance(endpoints["/wompi/events"], IngestEndpoint)
    assert isinstance(endpoints["/wompi/events/{merchant}"], IngestEndpoint)
    assert isinstance(endpoints["/v1/events"], FeedEndpoint)


async def test_the_hot_routes_never_enter_starlettes_middleware_stack(
    relay_harness: RelayHarness, secret: str
):
    h = relay_harness
    app = h.client._transport.app  # type: ignore[attr-defined]
    assert (await post(h.client, signed_event(secret))).status_code == 200
    r = await h.client.post("/wompi/events/nadie", content=b"{}")
    assert r.json() == {"ok": False, "error": "unknown_merchant"}
    assert (await poll(h)).status_code == 200
    assert app.middleware_stack is None  # Starlette builds it on its first request
    r = await h.client.post("/wompi/events/a/b", content=b"{}")  # anything else: Starlette
    assert r.status_code == 404 and r.json()["error"] == "not_found"
    assert app.middleware_stack is not None


async def test_polls_of_recent_events_read_neither_tokens_nor_events_from_the_store(
    relay_harness: RelayHarness, secret: str
):
    h = relay_harness
    assert (await poll(h)).status_code == 200  # starts the relay, loads the tokens
    await settled(h.relay)
    calls = counting(h.store, "token_info", "events_after")
    for i in range(5):
        await post(h.client, signed_event(secret, transaction_id=f"tx-{i}"))
    after = 0
    for _ in range(3):
        body = (await poll(h, after=after, limit=2)).json()
        after = body["next_after"]
    assert after == 5 and [e["seq"] for e in body["events"]] == [5]
    assert (await poll(h, after=5, wait=0.05)).json()["events"] == []
    assert calls == {"token_info": 0, "events_after": 0}


async def test_cursors_memory_does_not_cover_are_answered_by_the_store(
    make_harness, store: RelayStore, config: RelayConfig, secret: str
):
    for i in range(3):  # committed before this relay started: not in its memory
        store.insert_event(_new(secret, f"old-{i}"))
    h = await make_harness(RelayConfig(**{**vars(config), "feed_memory_events": 2}))
    assert (await poll(h)).status_code == 200
    await settled(h.relay)
    for i in range(4):
        await post(h.client, signed_event(secret, transaction_id=f"new-{i}"))
    calls = counting(store, "events_after")
    body = (await poll(h, after=0)).json()
    assert [e["seq"] for e in body["events"]] == [1, 2, 3, 4, 5, 6, 7]
    assert calls["events_after"] == 1
    assert [e["seq"] for e in (await poll(h, after=5)).json()["events"]] == [6, 7]
    assert calls["events_after"] == 1  # 6 and 7 are the two memory holds


async def test_with_the_memory_off_polls_read_the_store_and_still_wake(
    make_harness, store: RelayStore, config: RelayConfig, secret: str
):
    h = await make_harness(RelayConfig(**{**vars(config), "feed_memory_events": 0}))
    assert (await poll(h)).status_code == 200
    while not h.relay.wakeup.trusted:  # PostgreSQL: until LISTEN is up, polls short-poll
        await asyncio.sleep(0.01)
    calls = counting(store, "events_after")
    waiting = asyncio.create_task(poll(h, after=0, wait=10))
    await asyncio.sleep(0.5)  # a few state checks: none may wake it
    reads = calls["events_after"]
    assert not waiting.done() and reads == 1
    await post(h.client, signed_event(secret))
    assert [e["seq"] for e in (await asyncio.wait_for(waiting, 5)).json()["events"]] == [1]
    assert calls["events_after"] == reads + 1


def _new(secret: str, transaction_id: str) -> Any:
    from mestore_desktop.relay.events import parse_event
    from mestore_desktop.relay.store import NewEvent

    raw = event_body(signed_event(secret, transaction_id=transaction_id))
    incoming = parse_event(raw)
    return NewEvent(incoming.event_type, incoming.environment, incoming.dedupe_key(), raw)


async def test_idle_long_polls_add_no_task_of_their_own(relay_harness: RelayHarness):
    h = relay_harness
    await poll(h)
    before = len(asyncio.all_tasks())
    polls = [asyncio.create_task(poll(h, after=0, wait=2)) for _ in range(20)]
    await asyncio.sleep(0.3)
    # One task per request (ours, made above): the relay adds none per waiting poll.
    assert len(asyncio.all_tasks()) - before <= len(polls)
    h.relay.begin_shutdown()
    assert all(r.status_code == 200 for r in await asyncio.gather(*polls))


# -- token caches ----------------------------------------------------------------------------


async def test_a_revocation_from_another_process_is_seen_within_the_check_interval(
    relay_harness: RelayHarness,
):
    h = relay_harness
    assert (await poll(h)).status_code == 200
    cli = RelayStore(h.store.url, migrate=False)  # `mestore-relay token revoke` elsewhere
    try:
        assert cli.revoke_token("caja-1")
    finally:
        cli.dispose()
    await asyncio.sleep(0.5)  # the state check runs every 0.2 s
    assert (await poll(h)).status_code == 401


async def test_a_token_created_elsewhere_works_at_once(relay_harness: RelayHarness):
    h = relay_harness
    assert (await poll(h)).status_code == 200
    cli = RelayStore(h.store.url, migrate=False)
    try:
        fresh = cli.create_token("caja-2")
    finally:
        cli.dispose()
    r = await h.client.get("/v1/events", headers={"Authorization": f"Bearer {fresh}"})
    assert r.status_code == 200  # not in the snapshot yet: looked up once


async def test_a_revoked_tokens_open_long_poll_is_answered_401(relay_harness: RelayHarness):
    h = relay_harness
    assert (await poll(h)).status_code == 200
    waiting = asyncio.create_task(poll(h, after=0, wait=20))
    await asyncio.sleep(0.2)
    cli = RelayStore(h.store.url, migrate=False)
    try:
        cli.revoke_token("caja-1")
    finally:
        cli.dispose()
    r = await asyncio.wait_for(waiting, 10)  # not the 20 s wait
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"


async def test_on_postgresql_a_config_notify_drops_the_cache_at_once(
    make_harness, store: RelayStore, config: RelayConfig, store_kind: str
):
    if store_kind != "postgresql":
        return  # SQLite has no NOTIFY: its state check is the only way (test above)
    h = await make_harness(RelayConfig(**{**vars(config), "config_check_s": 60}))
    assert (await poll(h)).status_code == 200
    listener = h.relay._listener
    assert listener is not None
    await asyncio.wait_for(listener.connected.wait(), 10)
    reloads = h.relay.access.reloads
    cli = RelayStore(store.url, migrate=False)
    try:
        cli.revoke_token("t1")
    finally:
        cli.dispose()
    while h.relay.access.reloads == reloads:  # only the NOTIFY can do it before 60 s
        await asyncio.sleep(0.02)
    assert (await poll(h)).status_code == 401


# -- logs ----------------------------------------------------------------------------------------


async def test_events_log_at_debug_and_a_summary_line_counts_outcomes(
    make_harness, config: RelayConfig, secret: str, relay_logs: pytest.LogCaptureFixture
):
    h = await make_harness(RelayConfig(**{**vars(config), "summary_log_s": 0.2}))
    for i in range(3):
        await post(h.client, signed_event(secret, transaction_id=f"tx-{i}"))
    await post(h.client, signed_event(secret, transaction_id="tx-0"))
    await h.client.post("/wompi/events", content=b"{bad")
    await poll(h, after=0)
    while not [r for r in relay_logs.records if r.getMessage() == "relay summary"]:
        await asyncio.sleep(0.05)
    stored = [r for r in relay_logs.records if r.getMessage() == "event stored"]
    assert len(stored) == 4 and {r.levelno for r in stored} == {logging.DEBUG}
    summary = next(r for r in relay_logs.records if r.getMessage() == "relay summary")
    assert summary.levelno == logging.INFO
    outcomes = summary.outcomes  # type: ignore[attr-defined]
    assert outcomes["stored"] == 3 and outcomes["duplicate"] == 1
    assert outcomes["malformed"] == 1 and outcomes["poll"] == 1
    assert not [
        r
        for r in relay_logs.records
        if r.levelno == logging.INFO and r.getMessage() != "relay summary"
    ]
