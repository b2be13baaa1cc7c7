"""GET /v1/status: what the setup self-test (`mestore doctor`) reads from a production relay.

The token's merchant only: its newest event and its age, the events refused for their
signature on its URL (counted per relay process, since `counting_since`), and a feed cursor at
the current end. In-process (httpx.ASGITransport), both stores.
"""

from __future__ import annotations

from datetime import datetime

import httpx
import pytest

from mestore_desktop.relay import merchants
from mestore_desktop.relay.app import create_app
from mestore_desktop.relay.config import RelayConfig
from tests.relay.conftest import RelayHarness
from tests.relay.helpers import event_body, new_events_secret, post_headers, signed_event

pytestmark = pytest.mark.anyio


async def post(h: RelayHarness, event: dict, path: str = "/wompi/events") -> httpx.Response:
    return await h.client.post(path, content=event_body(event), headers=post_headers(event))


async def status(h: RelayHarness, token: str | None = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token or h.token}"}
    return await h.client.get("/v1/status", headers=headers)


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


async def test_a_fresh_relay_reports_no_events_and_no_failures(relay_harness):
    r = await status(relay_harness)
    assert r.status_code == 200
    assert r.headers["cache-control"] == "no-store"
    body = r.json()
    assert body["ok"] is True
    assert body["merchant"] == "default"
    assert body["cursor"] == 0
    assert (body["last_event_at"], body["last_event_age_s"]) == (None, None)
    assert (body["checksum_failures"], body["last_checksum_failure_at"]) == (0, None)
    assert body["checksum_failures_scope"] == "process"
    moment(body["counting_since"])  # an ISO-8601 time


async def test_an_accepted_event_gives_its_time_age_and_the_cursor(relay_harness, secret):
    stored = await post(relay_harness, signed_event(secret))
    assert stored.status_code == 200
    body = (await status(relay_harness)).json()
    assert body["cursor"] == stored.json()["seq"]
    assert moment(body["last_event_at"]) >= moment(body["counting_since"])
    assert 0 <= body["last_event_age_s"] < 3600
    assert body["checksum_failures"] == 0


async def test_events_refused_for_their_signature_are_counted_with_the_last_time(
    relay_harness, secret
):
    await post(relay_harness, signed_event(secret))
    for _ in range(2):
        r = await post(relay_harness, signed_event(new_events_secret()))
        assert r.json()["error"] == "checksum_mismatch"
    body = (await status(relay_harness)).json()
    assert body["checksum_failures"] == 2
    # Refused after the last accepted one: what a wrong events secret at the relay looks like.
    assert moment(body["last_checksum_failure_at"]) >= moment(body["last_event_at"])


async def test_without_a_valid_token_it_is_401(relay_harness):
    for headers in ({}, {"Authorization": "Bearer mrt_nope"}):
        r = await relay_harness.client.get("/v1/status", headers=headers)
        assert (r.status_code, r.json()) == (401, {"ok": False, "error": "unauthorized"})
    relay_harness.store.revoke_token("caja-1")
    r = await status(relay_harness)
    assert r.status_code == 401


async def test_each_merchant_sees_only_its_own_events_and_failures(relay_harness, secret):
    store = relay_harness.store
    shop_secret = new_events_secret()
    merchants.add_merchant(store, "tienda-a", (shop_secret,))
    shop_token = store.create_token("caja-a", merchant="tienda-a")
    await post(relay_harness, signed_event(secret))
    refused = await post(relay_harness, signed_event(secret), "/wompi/events/tienda-a")
    assert refused.status_code == 401
    ours = (await status(relay_harness)).json()
    theirs = (await status(relay_harness, shop_token)).json()
    assert (ours["merchant"], ours["checksum_failures"]) == ("default", 0)
    assert ours["last_event_at"] is not None
    assert (theirs["merchant"], theirs["checksum_failures"]) == ("tienda-a", 1)
    assert theirs["last_event_at"] is None
    # The cursor is the feed's end for everyone: seqs are global.
    assert theirs["cursor"] == ours["cursor"] == 1


async def test_a_relay_with_no_events_secret_counts_every_refusal(store):
    app = create_app(RelayConfig(environment="test", events_secrets=()), store)
    token = store.create_token("caja-1")
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://r") as client:
        event = signed_event(new_events_secret())
        r = await client.post("/wompi/events", content=event_body(event))
        assert r.json()["error"] == "no_events_secret"
        body = (await client.get("/v1/status", headers={"Authorization": f"Bearer {token}"})).json()
    await app.state.relay.aclose()
    assert body["checksum_failures"] == 1
