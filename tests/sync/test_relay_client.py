"""`RelayClient` against a fake relay (httpx.ASGITransport): every answer shape and error."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from mestore_desktop.sync import relay_client
from mestore_desktop.sync.relay_client import (
    RelayAuthError,
    RelayBadResponseError,
    RelayClient,
    RelayCursorExpiredError,
    RelayError,
    RelayRateLimitedError,
    RelayUnavailableError,
)
from tests.sync.fake_relay import TOKEN, FakeRelay

pytestmark = pytest.mark.anyio
BASE = "http://relay.test"
EVENT = {"event": "transaction.updated", "data": {"transaction": {"id": "1-2-3"}}}


@pytest.fixture
def fake() -> FakeRelay:
    return FakeRelay()


@pytest.fixture
async def http(fake: FakeRelay) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=fake.app())) as client:
        yield client


@pytest.fixture
def client(http: httpx.AsyncClient) -> RelayClient:
    return RelayClient(http, BASE + "/", TOKEN)


async def test_a_batch_is_read_with_typed_fields(fake: FakeRelay, client: RelayClient) -> None:
    fake.add(EVENT, "2026-11-26T17:00:00.123456Z")
    fake.add({**EVENT, "timestamp": 1})
    batch = await client.fetch(0, limit=10, wait=0)
    assert [e.seq for e in batch.events] == [1, 2]
    assert batch.events[0].received_at == datetime(2026, 11, 26, 17, 0, 0, 123456, tzinfo=UTC)
    assert batch.events[0].event == EVENT
    assert batch.next_after == 2
    request = fake.requests[-1]
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert dict(request.query_params) == {"after": "0", "limit": "10", "wait": "0"}
    empty = await client.fetch(2, wait=0.5)
    assert (empty.events, empty.next_after) == ([], 2)
    assert fake.requests[-1].query_params["wait"] == "0.5"


async def test_the_token_provider_is_asked_on_every_call(
    fake: FakeRelay, http: httpx.AsyncClient
) -> None:
    tokens = iter(["wrong", TOKEN])
    client = RelayClient(http, BASE, lambda: next(tokens))
    with pytest.raises(RelayAuthError):
        await client.fetch(0, wait=0)
    assert (await client.fetch(0, wait=0)).events == []


@pytest.mark.parametrize("token", [None, ""])
async def test_no_token_sends_nothing(
    fake: FakeRelay, http: httpx.AsyncClient, token: str | None
) -> None:
    client = RelayClient(http, BASE, lambda: token)
    with pytest.raises(RelayAuthError, match="Falta el token"):
        await client.fetch(0, wait=0)
    assert fake.requests == []


async def test_the_token_never_shows(fake: FakeRelay, client: RelayClient) -> None:
    fake.then(500, {"error": TOKEN})
    with pytest.raises(RelayUnavailableError) as info:
        await client.fetch(0, wait=0)
    assert TOKEN not in str(info.value) + repr(info.value) + repr(client) + str(vars(client))


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (401, RelayAuthError),
        (403, RelayAuthError),
        (410, RelayCursorExpiredError),
        (429, RelayRateLimitedError),
        (500, RelayUnavailableError),
        (502, RelayUnavailableError),
        (503, RelayUnavailableError),
        (404, RelayBadResponseError),
        (400, RelayBadResponseError),
        (302, RelayBadResponseError),
        (204, RelayBadResponseError),
    ],
)
async def test_every_status_maps_to_one_error(
    fake: FakeRelay, client: RelayClient, status: int, error: type[RelayError]
) -> None:
    fake.then(status, {"ok": False})
    with pytest.raises(error) as info:
        await client.fetch(5, wait=0)
    assert type(info.value) is error
    assert info.value.http_status == status
    assert str(info.value)  # Spanish text for staff


async def test_retry_after_is_kept(fake: FakeRelay, client: RelayClient) -> None:
    fake.then(429, {"ok": False}, headers={"Retry-After": "7"})
    fake.then(503, {"ok": False}, headers={"Retry-After": "2"})
    with pytest.raises(RelayRateLimitedError) as limited:
        await client.fetch(0, wait=0)
    assert limited.value.retry_after_s == 7
    with pytest.raises(RelayUnavailableError) as down:
        await client.fetch(0, wait=0)
    assert down.value.retry_after_s == 2


async def test_a_hung_relay_is_a_timeout(
    fake: FakeRelay, client: RelayClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(relay_client, "ANSWER_MARGIN_S", 0.05)
    monkeypatch.setattr(relay_client, "CONNECT_TIMEOUT_S", 0.05)
    fake.then(200, {"events": [], "next_after": 0}, delay_s=1.0)
    with pytest.raises(RelayUnavailableError, match="a tiempo"):
        await client.fetch(0, wait=0)


@pytest.mark.parametrize(
    "failure",
    [httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("cut")],
)
async def test_transport_failures_are_unavailable(failure: Exception) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise failure

    async with httpx.AsyncClient(transport=httpx.MockTransport(fail)) as http:
        with pytest.raises(RelayUnavailableError):
            await RelayClient(http, BASE, TOKEN).fetch(0, wait=0)


def item(seq: Any = 1, received_at: Any = "2026-11-26T17:00:00Z", event: Any = None) -> Any:
    return {"seq": seq, "received_at": received_at, "event": EVENT if event is None else event}


BAD_BODIES: list[tuple[Any, str]] = [
    (b"{not json", "cuerpo"),
    (b"\xff\xfe", "cuerpo"),
    ([], "cuerpo"),
    ("events", "cuerpo"),
    ({}, "events"),
    ({"events": None, "next_after": 0}, "events"),
    ({"events": {}, "next_after": 0}, "events"),
    ({"events": [item()]}, "next_after"),
    ({"events": [item()], "next_after": "1"}, "next_after"),
    ({"events": [item()], "next_after": True}, "next_after"),
    ({"events": [item()], "next_after": 0}, "next_after"),
    ({"events": ["x"], "next_after": 1}, "events[0]"),
    ({"events": [item(seq="1")], "next_after": 1}, "events[0].seq"),
    ({"events": [item(seq=True)], "next_after": 1}, "events[0].seq"),
    ({"events": [item(seq=1.0)], "next_after": 1}, "events[0].seq"),
    ({"events": [item(seq=0)], "next_after": 1}, "events[0].seq"),
    ({"events": [item(seq=3)], "next_after": 3}, "events[0].seq"),  # not after `after`
    ({"events": [item(5), item(5)], "next_after": 5}, "events[1].seq"),
    ({"events": [item(6), item(5)], "next_after": 6}, "events[1].seq"),
    ({"events": [item(received_at=None)], "next_after": 1}, "events[0].received_at"),
    ({"events": [item(received_at=17)], "next_after": 1}, "events[0].received_at"),
    ({"events": [item(received_at="ayer")], "next_after": 1}, "events[0].received_at"),
    ({"events": [item(event=[1])], "next_after": 1}, "events[0].event"),
    ({"events": [item(event="{}")], "next_after": 1}, "events[0].event"),
    ({"events": [{"seq": 1, "event": EVENT}], "next_after": 1}, "events[0].received_at"),
    (
        {"events": [{"seq": 1, "received_at": "2026-01-01T00:00:00"}], "next_after": 1},
        "events[0].event",
    ),
]


@pytest.mark.parametrize(("body", "field"), BAD_BODIES)
async def test_every_malformed_answer_is_a_typed_error(
    fake: FakeRelay, client: RelayClient, body: Any, field: str
) -> None:
    fake.then(200, body)
    after = 4 if _first_seq(body) == 3 else 0  # seq 3 is then not after `after`
    with pytest.raises(RelayBadResponseError) as info:
        await client.fetch(after, wait=0)
    assert info.value.field == field
    assert field in str(info.value)


def _first_seq(body: Any) -> Any:
    try:
        return body["events"][0]["seq"]
    except (TypeError, KeyError, IndexError):
        return None


async def test_a_next_after_beyond_the_events_is_accepted(
    fake: FakeRelay, client: RelayClient
) -> None:
    # The relay may skip seqs this terminal must not see; next_after then says where to go on.
    fake.then(200, {"events": [], "next_after": 9})
    assert (await client.fetch(2, wait=0)).next_after == 9


async def test_more_events_than_the_limit_is_refused(fake: FakeRelay, client: RelayClient) -> None:
    fake.then(200, {"events": [item(1), item(2)], "next_after": 2})
    with pytest.raises(RelayBadResponseError, match="events"):
        await client.fetch(0, limit=1, wait=0)


@pytest.mark.parametrize(
    ("after", "limit", "wait"),
    [(-1, 10, 0), (0, 0, 0), (0, 501, 0), (0, 10, -1), (0, 10, 31), (0, 10, float("nan"))],
)
async def test_bad_arguments_are_refused_before_sending(
    fake: FakeRelay, client: RelayClient, after: int, limit: int, wait: float
) -> None:
    with pytest.raises(ValueError, match="must"):
        await client.fetch(after, limit=limit, wait=wait)
    assert fake.requests == []


async def test_health_is_validated(fake: FakeRelay, client: RelayClient) -> None:
    fake.add(EVENT, "2026-11-26T17:00:00Z")
    health = await client.health()
    assert health == {
        "status": "ok",
        "events": 1,
        "checksum_failures": 0,
        "last_event_at": datetime(2026, 11, 26, 17, tzinfo=UTC),
    }
    assert "authorization" not in fake.requests[-1].headers


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"events": 1, "checksum_failures": 0, "last_event_at": None}, "status"),
        ({"status": "ok", "events": -1, "checksum_failures": 0}, "events"),
        ({"status": "ok", "events": 1, "checksum_failures": "0"}, "checksum_failures"),
        (
            {"status": "ok", "events": 1, "checksum_failures": 0, "last_event_at": 5},
            "last_event_at",
        ),
        ([1], "cuerpo"),
    ],
)
async def test_bad_health_answers_are_typed(
    fake: FakeRelay, client: RelayClient, body: Any, field: str
) -> None:
    fake.then(200, body)
    with pytest.raises(RelayBadResponseError) as info:
        await client.health()
    assert info.value.field == field
