"""The contract over real HTTP (uvicorn on loopback, both stores), and the sandbox end to end:
the local Wompi simulator POSTs its signed events to the relay; a long-poller receives them."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from mestore_desktop.relay.config import RelayConfig
from mestore_desktop.relay.server import RelayServer
from mestore_desktop.sandbox.config import SandboxConfig, generate_keys
from mestore_desktop.sandbox.server import SandboxServer
from tests.relay.helpers import event_body, new_events_secret, post_headers, signed_event


@pytest.fixture
def server(config, store_url):
    with RelayServer(config, store_url) as server:
        yield server


def post(server: RelayServer, event: dict | bytes, **kw) -> httpx.Response:
    content = event if isinstance(event, bytes) else event_body(event)
    headers = {} if isinstance(event, bytes) else post_headers(event)
    return httpx.post(server.events_url, content=content, headers=headers, timeout=10, **kw)


def test_every_answer_code_over_http(server, secret):
    token = server.create_token("caja-1")
    auth = {"Authorization": f"Bearer {token}"}
    event = signed_event(secret)
    assert post(server, event).json() == {"ok": True, "seq": 1, "duplicate": False}
    assert post(server, event).json() == {"ok": True, "seq": 1, "duplicate": True}
    assert post(server, b"{nope").status_code == 400
    assert post(server, signed_event(new_events_secret())).status_code == 401
    assert post(server, b"{" + b" " * 70_000 + b"}").status_code == 413
    assert post(server, signed_event(secret, environment="prod")).status_code == 422
    assert httpx.get(server.feed_url).status_code == 401
    assert httpx.get(server.feed_url, params={"limit": 0}, headers=auth).status_code == 400
    body = httpx.get(server.feed_url, params={"after": 0}, headers=auth).json()
    assert body["events"][0]["event"] == event
    assert body["next_after"] == 1
    health = httpx.get(server.base_url + "/healthz").json()
    assert (health["status"], health["events"], health["checksum_failures"]) == ("ok", 1, 1)
    server.store.prune(30)
    store = server.store
    real = store.clock
    store.clock = lambda: real() + 40 * 86_400 * 1_000_000
    post(server, signed_event(secret))
    store.prune(30)
    assert httpx.get(server.feed_url, params={"after": 0}, headers=auth).status_code == 410
    with httpx.Client(headers=auth) as client:  # burst 40 at 20/s: a quick loop runs dry
        codes = [client.get(server.feed_url, params={"after": 1}).status_code for _ in range(150)]
    assert 429 in codes


def test_storage_failure_is_503_over_http(tmp_path, config):
    with RelayServer(config, tmp_path / "full.db") as server:
        with server.store._writer.connect() as conn:
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
            conn.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
        event = signed_event(config.events_secrets[0])
        event["data"]["transaction"]["padding"] = "x" * 60_000
        assert post(server, event).status_code == 503
        assert server.store.stats().event_count == 0


def test_long_poll_over_http_receives_a_new_event(server, secret):
    token = server.create_token("caja-1")
    result: dict = {}

    def poll() -> None:
        started = time.monotonic()
        r = httpx.get(
            server.feed_url,
            params={"after": 0, "wait": 10},
            headers={"Authorization": f"Bearer {token}"},
            timeout=15,
        )
        result.update(body=r.json(), elapsed=time.monotonic() - started)

    poller = threading.Thread(target=poll)
    poller.start()
    time.sleep(0.3)
    post(server, signed_event(secret))
    poller.join(15)
    assert [e["seq"] for e in result["body"]["events"]] == [1]
    assert result["elapsed"] < 5


def test_sandbox_events_reach_a_long_poller_once(store_url):
    keys = generate_keys()
    config = RelayConfig(environment="test", events_secrets=(keys.events_secret,))
    with RelayServer(config, store_url) as relay:
        token = relay.create_token("caja-1")
        sandbox_config = SandboxConfig(
            keys=keys, events_url=relay.events_url, auto_finalize=False, retry_time_factor=1e-5
        )
        received: list[dict] = []
        stop = threading.Event()

        def long_poll() -> None:
            after = 0
            with httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=15) as c:
                while not stop.is_set():
                    body = c.get(relay.feed_url, params={"after": after, "wait": 2}).json()
                    received.extend(body["events"])
                    after = body["next_after"]

        poller = threading.Thread(target=long_poll)
        poller.start()
        with SandboxServer(sandbox_config) as sandbox_server:
            sandbox = sandbox_server.sandbox
            sandbox.duplicate_next_events(2)  # Wompi may deliver the same event twice
            ids = []
            for n, settle in enumerate(("approve", "decline", "error", "approve")):
                tx = sandbox.create_transaction(
                    amount_in_cents=1_000_000 + n,
                    currency="COP",
                    reference=f"POS-E2E-{n}",
                    customer_email="a@example.com",
                    payment_method={"type": "NEQUI", "phone_number": "3991111111"},
                )
                ids.append(tx["id"])
                getattr(sandbox, settle)(tx["id"])
            deadline = time.monotonic() + 10
            # The duplicates may still be on their way when the originals are in the feed.
            while time.monotonic() < deadline and (
                len(received) < 4 or len(sandbox.sent_events()) < 6
            ):
                time.sleep(0.05)
            time.sleep(0.2)  # a late extra copy would show up here
            sent = sandbox.sent_events()
        stop.set()
        poller.join(10)
    assert sorted(e["event"]["data"]["transaction"]["id"] for e in received) == sorted(ids)
    assert [e["seq"] for e in received] == [1, 2, 3, 4]
    assert len(sent) == 6 and {s["status_code"] for s in sent} == {200}
    statuses = [e["event"]["data"]["transaction"]["status"] for e in received]
    assert sorted(statuses) == ["APPROVED", "APPROVED", "DECLINED", "ERROR"]


def test_stopping_answers_open_long_polls_instead_of_cancelling_them(config, store_url, caplog):
    server = RelayServer(config, store_url).start()
    token = server.create_token("caja-1")
    epoch = server.store.events_after(0, 1).epoch
    result: dict = {}

    def poll() -> None:
        started = time.monotonic()
        response = httpx.get(
            server.feed_url,
            params={"after": 0, "wait": 30},
            headers={"Authorization": f"Bearer {token}"},
            timeout=40,
        )
        result.update(code=response.status_code, body=response.json())
        result["elapsed"] = time.monotonic() - started

    poller = threading.Thread(target=poll)
    poller.start()
    time.sleep(0.3)  # the poll is now waiting on the relay
    with caplog.at_level("ERROR"):
        server.stop()
    poller.join(10)
    assert result["code"] == 200
    assert result["body"] == {"events": [], "next_after": 0, "epoch": epoch}
    assert result["elapsed"] < 2  # not the 30 s wait, nor uvicorn's 3 s cancel
    assert not [r for r in caplog.records if r.levelname == "ERROR"]
