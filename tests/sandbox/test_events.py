"""Events (docs/wompi.md §4, §12.8): signed `transaction.updated` POSTs, Wompi's retry schedule
scaled by the time factor, constant content across retries, and the drop/duplicate/delay/reorder
controls. The receiver is a second ASGI app reached through an httpx transport."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime

import pytest

from mestore_desktop.sandbox.clock import parse_iso
from mestore_desktop.wompi.signatures import verify_event
from tests.sandbox.helpers import EventsReceiver, wait_for

pytestmark = pytest.mark.anyio

EVENTS_URL = "http://merchant.test/events"
NEQUI = {"type": "NEQUI", "phone_number": "3991111111"}


@pytest.fixture
def receiver() -> EventsReceiver:
    return EventsReceiver()


@pytest.fixture
def make(harness, replace_config, receiver):
    def make(**changes):
        config = replace_config(events_url=EVENTS_URL, **changes)
        return harness.make(config, events_transport=receiver.transport())

    return make


def new_tx(sandbox, reference: str, method=NEQUI) -> str:
    tx = sandbox.create_transaction(
        amount_in_cents=2500000,
        currency="COP",
        reference=reference,
        customer_email="a@example.com",
        payment_method=method,
    )
    return str(tx["id"])


async def test_each_final_status_sends_a_signed_event(make, receiver, keys):
    client, sandbox = make()
    await client.get("/_sandbox/transactions")  # binds the sandbox to this loop
    ids = [new_tx(sandbox, r) for r in ("A", "B", "C")]
    sandbox.approve(ids[0])
    sandbox.decline(ids[1])
    sandbox.error(ids[2])
    await wait_for(lambda: len(receiver.received) == 3)
    statuses = {}
    for received in receiver.received:
        event = received.json
        header = received.headers["x-event-checksum"]
        assert header == event["signature"]["checksum"] == header.lower()
        assert verify_event(event, keys.events_secret, header_checksum=header)
        assert not verify_event(event, "test_events_wrong")
        assert event["event"] == "transaction.updated"
        assert event["environment"] == "test"
        tx = event["data"]["transaction"]
        assert received.headers["content-type"] == "application/json"
        assert event["timestamp"] == int(parse_iso(tx["finalized_at"]).timestamp())
        assert isinstance(datetime.fromisoformat(event["sent_at"]), datetime)
        statuses[tx["id"]] = tx["status"]
    assert statuses == dict(zip(ids, ["APPROVED", "DECLINED", "ERROR"], strict=True))
    sent = sandbox.sent_events()
    assert {(s["target"], s["attempt"], s["status_code"]) for s in sent} == {(EVENTS_URL, 1, 200)}
    assert set(sent[0]) == {"body", "headers", "target", "attempt", "status_code", "at"}


async def test_void_sends_a_voided_event_after_the_approved_one(make, receiver, keys):
    _, sandbox = make()
    # The checkout path takes the card inline (the API would need a token first).
    card = {"type": "CARD", "installments": 1, "number": "4242424242424242", "cvc": "123"}
    card |= {"exp_month": "12", "exp_year": "29", "card_holder": "Cliente Ejemplo"}
    tx_id = new_tx(sandbox, "V", card)
    await sandbox.start()
    sandbox.approve(tx_id)
    await wait_for(lambda: len(receiver.received) == 1)
    sandbox.void(tx_id)
    await wait_for(lambda: len(receiver.received) == 2)
    assert [e["data"]["transaction"]["status"] for e in receiver.events()] == ["APPROVED", "VOIDED"]
    assert all(verify_event(e, keys.events_secret) for e in receiver.events())


async def test_retries_follow_the_scaled_schedule_with_constant_content(make, receiver, keys):
    _, sandbox = make(retry_time_factor=1e-5)  # 30 min -> 18 ms, 3 h -> 108 ms, 24 h -> 864 ms
    await sandbox.start()
    receiver.statuses = [500, 404, 503]
    start = time.monotonic()
    sandbox.approve(new_tx(sandbox, "R"))
    await wait_for(lambda: len(receiver.received) == 4, timeout=5)
    elapsed = time.monotonic() - start
    assert 0.864 <= elapsed < 3
    sent = sandbox.sent_events()
    assert [(s["attempt"], s["status_code"]) for s in sent] == [
        (1, 500),
        (2, 404),
        (3, 503),
        (4, 200),
    ]
    bodies = [r.body for r in receiver.received]
    assert len(set(bodies)) == 1  # byte-identical: same timestamp, sent_at and checksum
    assert verify_event(receiver.events()[0], keys.events_secret)
    gaps = [parse_iso(s["at"]) - parse_iso(sent[0]["at"]) for s in sent[1:]]
    assert [g.total_seconds() >= o for g, o in zip(gaps, (0.018, 0.108, 0.864), strict=True)] == [
        True,
        True,
        True,
    ]


async def test_delivery_gives_up_after_three_retries(make, receiver):
    _, sandbox = make(retry_time_factor=1e-6)
    await sandbox.start()
    receiver.statuses = [500] * 10
    sandbox.approve(new_tx(sandbox, "G"))
    await wait_for(lambda: len(receiver.received) == 4)
    await asyncio.sleep(0.2)
    assert len(receiver.received) == 4
    assert [s["status_code"] for s in sandbox.sent_events()] == [500] * 4


async def test_only_200_counts_as_delivered(make, receiver):
    _, sandbox = make(retry_time_factor=1e-6)
    await sandbox.start()
    receiver.statuses = [201, 204, 200]
    sandbox.approve(new_tx(sandbox, "S"))
    await wait_for(lambda: len(receiver.received) == 3)
    assert [s["status_code"] for s in sandbox.sent_events()] == [201, 204, 200]


async def test_deliver_due_retries_now_skips_the_wait(make, receiver, client):
    _, sandbox = make(retry_time_factor=1.0)  # real 30 min wait
    await sandbox.start()
    receiver.statuses = [500]
    sandbox.approve(new_tx(sandbox, "N"))
    await wait_for(lambda: len(receiver.received) == 1)
    await asyncio.sleep(0.05)
    assert len(receiver.received) == 1
    sandbox.deliver_due_retries_now()
    await wait_for(lambda: len(receiver.received) == 2)
    assert [s["attempt"] for s in sandbox.sent_events()] == [1, 2]


async def test_unreachable_target_is_retried(harness, replace_config):
    # Nothing listens on port 9 (discard) of this loopback: connection refused, no status.
    config = replace_config(events_url="http://127.0.0.1:9/events", retry_time_factor=1e-6)
    _, sandbox = harness.make(config)
    await sandbox.start()
    sandbox.approve(new_tx(sandbox, "U"))
    await wait_for(lambda: len(sandbox.sent_events()) == 4, timeout=5)
    assert [s["status_code"] for s in sandbox.sent_events()] == [None] * 4


async def test_drop_next_events(make, receiver):
    client, sandbox = make()
    await sandbox.start()
    assert (await client.post("/_sandbox/events/drop", json={"n": 1})).status_code == 200
    first, second = new_tx(sandbox, "D1"), new_tx(sandbox, "D2")
    sandbox.approve(first)
    sandbox.approve(second)
    await wait_for(lambda: len(receiver.received) == 1)
    await asyncio.sleep(0.05)
    assert [e["data"]["transaction"]["id"] for e in receiver.events()] == [second]
    assert [e["data"]["transaction"]["id"] for e in sandbox.dropped_events()] == [first]
    assert len(sandbox.published_events()) == 2


async def test_duplicate_next_events(make, receiver):
    client, sandbox = make()
    await sandbox.start()
    await client.post("/_sandbox/events/duplicate", json={"n": 1})
    sandbox.approve(new_tx(sandbox, "DU"))
    sandbox.approve(new_tx(sandbox, "DU2"))
    await wait_for(lambda: len(receiver.received) == 3)
    await asyncio.sleep(0.05)
    bodies = [r.body for r in receiver.received]
    assert len(bodies) == 3 and len(set(bodies)) == 2
    assert max(bodies.count(b) for b in bodies) == 2


async def test_delay_next_events_lets_a_later_one_overtake(make, receiver):
    client, sandbox = make()
    await sandbox.start()
    await client.post("/_sandbox/events/delay", json={"seconds": 0.15, "n": 1})
    slow, fast = new_tx(sandbox, "SL"), new_tx(sandbox, "FA")
    start = time.monotonic()
    sandbox.approve(slow)
    sandbox.approve(fast)
    await wait_for(lambda: len(receiver.received) == 2)
    assert time.monotonic() - start >= 0.15
    assert [e["data"]["transaction"]["id"] for e in receiver.events()] == [fast, slow]


async def test_reorder_next_events(make, receiver):
    client, sandbox = make()
    await sandbox.start()
    await client.post("/_sandbox/events/reorder", json={"n": 2})
    first, second, third = (new_tx(sandbox, r) for r in ("O1", "O2", "O3"))
    sandbox.approve(first)
    await asyncio.sleep(0.05)
    assert receiver.received == []  # held until the second exists
    sandbox.approve(second)
    await wait_for(lambda: len(receiver.received) == 2)
    assert [e["data"]["transaction"]["id"] for e in receiver.events()] == [second, first]
    sandbox.approve(third)  # back to normal
    await wait_for(lambda: len(receiver.received) == 3)


async def test_flush_releases_held_events(make, receiver):
    client, sandbox = make()
    await sandbox.start()
    sandbox.reorder_next_events(3)
    sandbox.approve(new_tx(sandbox, "F1"))
    await asyncio.sleep(0.02)
    assert receiver.received == []
    assert (await client.post("/_sandbox/events/flush")).status_code == 200
    await wait_for(lambda: len(receiver.received) == 1)


async def test_no_events_url_means_published_but_not_sent(harness, config, receiver):
    client, sandbox = harness.make(config, events_transport=receiver.transport())
    await sandbox.start()
    sandbox.approve(new_tx(sandbox, "Q1"))
    await asyncio.sleep(0.02)
    assert len(sandbox.published_events()) == 1 and sandbox.sent_events() == []
    response = await client.post("/_sandbox/events/url", json={"url": EVENTS_URL})
    assert response.status_code == 200 and sandbox.events_url == EVENTS_URL
    sandbox.approve(new_tx(sandbox, "Q2"))
    await wait_for(lambda: len(receiver.received) == 1)
    listed = (await client.get("/_sandbox/events")).json()["data"]
    assert [e["body"]["data"]["transaction"]["reference"] for e in listed] == ["Q2"]
    published = (await client.get("/_sandbox/events/published")).json()["data"]
    assert len(published) == 2


async def test_auto_finalization_sends_the_event(make, receiver, keys):
    _, sandbox = make(auto_finalize=True, finalize_delay_s=0.01)
    await sandbox.start()
    tx_id = new_tx(sandbox, "AUTO")
    await wait_for(lambda: len(receiver.received) == 1)
    event = receiver.events()[0]
    assert event["data"]["transaction"]["id"] == tx_id
    assert event["data"]["transaction"]["status"] == "APPROVED"
    assert verify_event(event, keys.events_secret)
