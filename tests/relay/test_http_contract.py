"""The fixed HTTP contract, every answer code, in-process (httpx.ASGITransport), both stores."""

from __future__ import annotations

import asyncio
import json
import time

import httpx
import pytest

from mestore_desktop.relay import merchants
from mestore_desktop.relay.app import create_app
from mestore_desktop.relay.config import RelayConfig
from mestore_desktop.relay.store import RelayStore
from tests.relay.conftest import RelayHarness
from tests.relay.helpers import event_body, new_events_secret, post_headers, signed_event

pytestmark = pytest.mark.anyio


async def post(h: RelayHarness, event: dict, **kwargs) -> httpx.Response:
    return await h.client.post(
        "/wompi/events", content=event_body(event), headers=post_headers(event), **kwargs
    )


async def feed(h: RelayHarness, **params) -> httpx.Response:
    return await h.client.get("/v1/events", params=params, headers=h.auth)


def empty_page(h: RelayHarness, next_after: int) -> dict:
    """An empty feed page: it names the database's epoch too (issue 9, defect 4)."""
    return {"events": [], "next_after": next_after, "epoch": h.store.events_after(0, 1).epoch}


# -- POST /wompi/events ------------------------------------------------------------------------


async def test_valid_event_is_stored_and_its_raw_body_served(relay_harness, secret):
    event = signed_event(secret)
    raw = event_body(event).replace(b'"data": {', b'"data":   {')  # odd spacing is kept as is
    r = await relay_harness.client.post("/wompi/events", content=raw)
    assert r.status_code == 200
    assert r.json() == {"ok": True, "seq": 1, "duplicate": False}
    page = await feed(relay_harness)
    assert page.status_code == 200
    body = page.json()
    assert body["next_after"] == 1
    assert [e["seq"] for e in body["events"]] == [1]
    assert body["events"][0]["event"] == event
    assert raw in page.content
    assert body["events"][0]["received_at"].endswith("Z")
    assert relay_harness.store.events_after(0, 10).events[0].raw == raw


async def test_same_fact_again_is_a_duplicate_with_the_original_seq(relay_harness, secret):
    first = signed_event(secret, transaction_id="tx-1", timestamp=1_700_000_000)
    assert (await post(relay_harness, first)).json()["seq"] == 1
    again = signed_event(secret, transaction_id="tx-1", timestamp=1_700_000_900)
    r = await post(relay_harness, again)
    assert r.status_code == 200
    assert r.json() == {"ok": True, "seq": 1, "duplicate": True}
    voided = signed_event(secret, transaction_id="tx-1", status="VOIDED")
    assert (await post(relay_harness, voided)).json() == {"ok": True, "seq": 2, "duplicate": False}
    assert (await relay_harness.client.get("/healthz")).json()["events"] == 2


async def test_unknown_event_type_is_acknowledged_and_deduplicated(relay_harness, secret):
    token_event = signed_event(
        secret,
        event_type="nequi_token.updated",
        data={"nequi_token": {"id": "nqt_1", "status": "APPROVED"}},
        properties=["nequi_token.id", "nequi_token.status"],
    )
    assert (await post(relay_harness, token_event)).json()["duplicate"] is False
    assert (await post(relay_harness, token_event)).json() == {
        "ok": True,
        "seq": 1,
        "duplicate": True,
    }


async def test_checksum_only_in_header_and_upper_case_are_accepted(relay_harness, secret):
    event = signed_event(secret)
    checksum = event["signature"].pop("checksum")
    r = await relay_harness.client.post(
        "/wompi/events", content=event_body(event), headers={"X-Event-Checksum": checksum.upper()}
    )
    assert r.status_code == 200
    upper = signed_event(secret)
    upper["signature"]["checksum"] = upper["signature"]["checksum"].upper()
    assert (await post(relay_harness, upper)).status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"not json",
        b"[]",
        b'"text"',
        b"\xff\xfe{}",
        b'{"event": "transaction.updated"}',
        b'{"event": 1, "data": {}, "environment": "test", "timestamp": 1, '
        b'"signature": {"properties": ["a"], "checksum": "x"}}',
        b'{"event": "e", "data": [], "environment": "test", "timestamp": 1, '
        b'"signature": {"properties": ["a"], "checksum": "x"}}',
        b'{"event": "e", "data": {}, "environment": "test", "timestamp": true, '
        b'"signature": {"properties": ["a"], "checksum": "x"}}',
        b'{"event": "e", "data": {}, "environment": "test", "timestamp": NaN, '
        b'"signature": {"properties": ["a"], "checksum": "x"}}',
        b'{"event": "e", "data": {}, "environment": "test", "timestamp": 1, '
        b'"signature": {"properties": [], "checksum": "x"}}',
        b'{"event": "e", "data": {}, "environment": "test", "timestamp": 1, '
        b'"signature": {"properties": ["a"]}}',
        b'{"event": "e", "data": {}, "timestamp": 1, '
        b'"signature": {"properties": ["a"], "checksum": "x"}}',
        b"[" * 5000 + b"]" * 5000,
    ],
)
async def test_malformed_bodies_are_400(relay_harness, body):
    r = await relay_harness.client.post("/wompi/events", content=body)
    assert r.status_code == 400
    assert r.json() == {"ok": False, "error": "malformed_event"}


async def test_checksum_mismatch_is_401_and_counted(relay_harness, secret):
    forged = signed_event(new_events_secret())
    tampered = signed_event(secret)
    tampered["data"]["transaction"]["status"] = "DECLINED"
    for event in (forged, tampered):
        r = await post(relay_harness, event)
        assert r.status_code == 401
        assert r.json()["error"] == "checksum_mismatch"
    health = (await relay_harness.client.get("/healthz")).json()
    assert health["checksum_failures"] == 2
    assert health["events"] == 0


async def test_no_secret_configured_fails_closed(store):
    app = create_app(RelayConfig(environment="test", events_secrets=()), store)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://r") as c:
        event = signed_event("")
        r = await c.post("/wompi/events", content=event_body(event))
        assert r.status_code == 401
        assert r.json()["error"] == "no_events_secret"
    await app.state.relay.aclose()


async def test_every_rotation_secret_is_accepted(store):
    old, new = new_events_secret(), new_events_secret()
    app = create_app(RelayConfig(environment="test", events_secrets=(old, new)), store)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://r") as c:
        for s in (old, new):
            r = await c.post("/wompi/events", content=event_body(signed_event(s)))
            assert r.status_code == 200
    await app.state.relay.aclose()


async def test_body_over_64_kib_is_413(relay_harness, secret):
    event = signed_event(secret)
    event["data"]["transaction"]["padding"] = "x" * (64 * 1024)
    assert (await post(relay_harness, event)).status_code == 413

    async def chunks():  # no Content-Length: the cap applies while streaming
        for _ in range(70):
            yield b" " * 1024

    r = await relay_harness.client.post("/wompi/events", content=chunks())
    assert r.status_code == 413
    exactly = b"{" + b" " * (64 * 1024 - 2) + b"}"
    assert (await relay_harness.client.post("/wompi/events", content=exactly)).status_code == 400


async def test_event_for_the_other_environment_is_422(relay_harness, secret):
    r = await post(relay_harness, signed_event(secret, environment="prod"))
    assert r.status_code == 422
    assert r.json()["error"] == "wrong_environment"


async def test_storage_failure_is_503_and_nothing_is_acknowledged(
    relay_harness, secret, store_kind, request
):
    event = signed_event(secret)
    event["data"]["transaction"]["padding"] = "x" * 60_000
    store = relay_harness.store
    if store_kind == "sqlite":
        # A real SQLITE_FULL: the single writer connection may not grow the file any further.
        with store._writer.connect() as conn:
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
            conn.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
    else:
        cluster = request.getfixturevalue("pg_cluster")
        cluster.set_connections_allowed(store.url.render_as_string(hide_password=False), False)
    r = await post(relay_harness, event)
    assert r.status_code == 503
    assert r.headers["retry-after"] == "1"
    if store_kind == "postgresql":  # a full disk still reads; a database that is down does not
        assert (await feed(relay_harness)).status_code == 503
        assert (await relay_harness.client.get("/healthz")).status_code == 503
    if store_kind == "sqlite":
        with store._writer.connect() as conn:
            conn.exec_driver_sql("PRAGMA max_page_count = 1073741823")
    else:
        cluster.set_connections_allowed(store.url.render_as_string(hide_password=False), True)
    assert store.stats().event_count == 0
    r = await post(relay_harness, event)  # Wompi's retry
    assert r.json() == {"ok": True, "seq": 1, "duplicate": False}


async def test_unknown_paths_and_methods_are_json_4xx(relay_harness):
    assert (await relay_harness.client.get("/nope")).status_code == 404
    r = await relay_harness.client.get("/wompi/events")
    assert r.status_code == 405
    assert r.json()["error"] == "method_not_allowed"


# -- GET /healthz ------------------------------------------------------------------------------


async def test_healthz_counts_without_auth(relay_harness, secret):
    r = await relay_harness.client.get("/healthz")
    assert r.json() == {"status": "ok", "events": 0, "last_event_at": None, "checksum_failures": 0}
    await post(relay_harness, signed_event(secret))
    body = (await relay_harness.client.get("/healthz")).json()
    assert body["events"] == 1
    assert body["last_event_at"].endswith("Z")
    assert secret not in json.dumps(body)


# -- GET /v1/events ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [None, "", "Bearer", "Bearer ", "Basic abc", "Bearer wrong-token", "Bearer " + "x" * 300],
)
async def test_feed_without_a_valid_token_is_401(relay_harness, header):
    headers = {} if header is None else {"Authorization": header}
    r = await relay_harness.client.get("/v1/events", headers=headers)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"


async def test_revoked_token_is_401(relay_harness):
    assert (await feed(relay_harness)).status_code == 200
    assert relay_harness.store.revoke_token("caja-1")
    assert (await feed(relay_harness)).status_code == 401


async def test_feed_pages_in_seq_order(relay_harness, secret):
    for i in range(7):
        await post(relay_harness, signed_event(secret, transaction_id=f"tx-{i}"))
    r = (await feed(relay_harness, after=0, limit=3)).json()
    assert [e["seq"] for e in r["events"]] == [1, 2, 3]
    assert r["next_after"] == 3
    r = (await feed(relay_harness, after=3, limit=500)).json()
    assert [e["seq"] for e in r["events"]] == [4, 5, 6, 7]
    assert r["events"][0]["event"]["data"]["transaction"]["id"] == "tx-3"
    r = (await feed(relay_harness, after=7)).json()
    assert r == empty_page(relay_harness, 7)
    default = (await feed(relay_harness)).json()
    assert len(default["events"]) == 7


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "0"},
        {"limit": "501"},
        {"limit": "abc"},
        {"after": "-1"},
        {"after": "1.5"},
        {"after": "١"},
        {"after": "9" * 30},
        {"wait": "31"},
        {"wait": "-1"},
        {"wait": "nan"},
        {"wait": "inf"},
        {"wait": "soon"},
    ],
)
async def test_bad_feed_parameters_are_400(relay_harness, params):
    r = await feed(relay_harness, **params)
    assert r.status_code == 400
    assert r.json()["error"] == "bad_query"


async def test_cursor_behind_the_retention_horizon_is_410(relay_harness, secret):
    store = relay_harness.store
    for i in range(3):
        await post(relay_harness, signed_event(secret, transaction_id=f"old-{i}"))
    real_clock = store.clock
    store.clock = lambda: real_clock() + 31 * 86_400 * 1_000_000  # 31 days later
    await post(relay_harness, signed_event(secret, transaction_id="new"))
    result = store.prune(30)
    assert (result.deleted, result.horizon_seq) == (3, 3)
    assert (await feed(relay_harness, after=0)).status_code == 410
    assert (await feed(relay_harness, after=2)).status_code == 410
    r = await feed(relay_harness, after=3)
    assert [e["seq"] for e in r.json()["events"]] == [4]
    assert (await relay_harness.client.get("/healthz")).json()["events"] == 1


async def test_rate_limit_is_429_with_retry_after(store):
    app = create_app(RelayConfig(environment="test", rate_per_s=1, rate_burst=3), store)
    token = store.create_token("fast")
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://r") as c:
        codes = [(await c.get("/v1/events", headers=headers)).status_code for _ in range(5)]
        assert codes == [200, 200, 200, 429, 429]
        r = await c.get("/v1/events", headers=headers)
        assert int(r.headers["retry-after"]) >= 1
        other = store.create_token("other")  # buckets are per token
        r = await c.get("/v1/events", headers={"Authorization": f"Bearer {other}"})
        assert r.status_code == 200
    await app.state.relay.aclose()


async def test_long_poll_returns_when_an_event_arrives(relay_harness, secret):
    started = time.monotonic()
    poll = asyncio.create_task(feed(relay_harness, after=0, wait=10))
    await asyncio.sleep(0.3)
    assert not poll.done()
    await post(relay_harness, signed_event(secret))
    r = await asyncio.wait_for(poll, 5)
    assert [e["seq"] for e in r.json()["events"]] == [1]
    assert time.monotonic() - started < 5


async def test_long_poll_times_out_empty(relay_harness):
    started = time.monotonic()
    r = await feed(relay_harness, after=0, wait=0.5)
    assert r.json() == empty_page(relay_harness, 0)
    assert 0.45 <= time.monotonic() - started < 3


async def test_a_duplicate_does_not_wake_a_long_poll(relay_harness, secret):
    event = signed_event(secret)
    await post(relay_harness, event)
    poll = asyncio.create_task(feed(relay_harness, after=1, wait=1))
    await asyncio.sleep(0.2)
    await post(relay_harness, event)
    assert (await poll).json() == empty_page(relay_harness, 1)


async def test_app_opens_a_store_from_a_path(tmp_path, secret):
    app = create_app(
        RelayConfig(environment="test", events_secrets=(secret,)), str(tmp_path / "x.db")
    )
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://r") as c:
        assert (await c.post("/wompi/events", content=event_body(signed_event(secret)))).is_success
    await app.state.relay.aclose()
    assert RelayStore(str(tmp_path / "x.db")).stats().event_count == 1


# -- merchants (issue 12) ----------------------------------------------------------------------


async def test_an_unknown_or_removed_merchant_is_404(relay_harness, secret):
    merchants.add_merchant(relay_harness.store, "tienda-x", (new_events_secret(),))
    assert merchants.remove_merchant(relay_harness.store, "tienda-x")
    for name in ("nadie", "Tienda", "x" * 65, "tienda-x"):
        event = signed_event(secret)
        r = await relay_harness.client.post(f"/wompi/events/{name}", content=event_body(event))
        assert r.status_code == 404
        assert r.json() == {"ok": False, "error": "unknown_merchant"}
    assert relay_harness.store.stats().event_count == 0


async def test_a_merchants_url_takes_only_its_own_secrets(relay_harness, secret):
    h = relay_harness
    own = new_events_secret()
    merchants.add_merchant(h.store, "tienda-a", (own,))
    token_a = h.store.create_token("caja-a", "tienda-a")
    for path, signer in (("/wompi/events/tienda-a", secret), ("/wompi/events", own)):
        event = signed_event(signer)
        r = await h.client.post(path, content=event_body(event), headers=post_headers(event))
        assert r.status_code == 401
        assert r.json() == {"ok": False, "error": "checksum_mismatch"}
    event = signed_event(own)
    r = await h.client.post("/wompi/events/tienda-a", content=event_body(event))
    assert r.json() == {"ok": True, "seq": 1, "duplicate": False}
    assert (await feed(h)).json()["events"] == []  # the default merchant's terminal
    r = await h.client.get("/v1/events", headers={"Authorization": f"Bearer {token_a}"})
    assert [e["event"] for e in r.json()["events"]] == [event]


async def test_the_default_merchant_has_both_urls(relay_harness, secret):
    event = signed_event(secret)
    r = await relay_harness.client.post("/wompi/events/default", content=event_body(event))
    assert r.json() == {"ok": True, "seq": 1, "duplicate": False}
    assert (await post(relay_harness, event)).json() == {"ok": True, "seq": 1, "duplicate": True}
