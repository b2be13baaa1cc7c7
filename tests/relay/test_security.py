"""Security: tampered events never verify, fuzzed input never gets a 5xx, tokens are checked
and never stored or logged in the clear, secrets never reach a log."""

from __future__ import annotations

import copy
import json
import logging
import random
import subprocess
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mestore_desktop.relay.config import RelayConfig
from mestore_desktop.relay.logs import JsonFormatter
from mestore_desktop.relay.server import RelayServer
from tests.relay.conftest import RelayHarness
from tests.relay.helpers import event_body, new_events_secret, post_headers, signed_event

SEED = 20261126
MUTATIONS = 1000
STATUSES = ["APPROVED", "DECLINED", "VOIDED", "ERROR", "PENDING"]
_FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def mutate(event: dict, rng: random.Random) -> tuple[str, dict, dict[str, str]]:
    """One change to signed data (a value, the timestamp, the checksum or the property list)."""
    e = copy.deepcopy(event)
    tx = e["data"]["transaction"]
    sig = e["signature"]
    headers = post_headers(event)
    kind = rng.choice(
        ["id", "status", "amount", "timestamp", "checksum", "props", "header", "secret"]
    )
    if kind == "id":
        i = rng.randrange(len(tx["id"]))
        tx["id"] = tx["id"][:i] + rng.choice("0123456789-x") + tx["id"][i:]
    elif kind == "status":
        tx["status"] = rng.choice([s for s in STATUSES if s != tx["status"]])
    elif kind == "amount":
        tx["amount_in_cents"] += rng.choice([-1, 1, 100, -100, 10**6, tx["amount_in_cents"]])
    elif kind == "timestamp":
        e["timestamp"] += rng.choice([-1, 1, 60, -86_400, 10**6])
    elif kind == "checksum":
        i = rng.randrange(64)
        digit = rng.choice([c for c in "0123456789abcdef" if c != sig["checksum"][i]])
        sig["checksum"] = sig["checksum"][:i] + digit + sig["checksum"][i + 1 :]
    elif kind == "props":
        props = sig["properties"]
        change = rng.choice(["drop", "swap", "add", "replace", "repeat"])
        if change == "drop":
            props.pop(rng.randrange(len(props)))
        elif change == "swap":
            props[0], props[1] = props[1], props[0]
        elif change == "add":
            props.insert(rng.randrange(len(props) + 1), "transaction.reference")
        elif change == "replace":
            props[rng.randrange(len(props))] = "transaction.currency"
        else:
            props.append(props[rng.randrange(len(props))])
    elif kind == "header":  # checksum only in the header, and the header tampered
        checksum = sig.pop("checksum")
        headers["X-Event-Checksum"] = checksum[::-1]
    else:  # signed with another secret (e.g. an old secret, or a guess)
        e = signed_event(new_events_secret(), transaction_id=tx["id"], timestamp=e["timestamp"])
    if kind != "header":
        headers["X-Event-Checksum"] = str(e["signature"].get("checksum", ""))
    return kind, e, headers


@pytest.mark.anyio
async def test_every_tampered_event_is_401_and_every_valid_one_200(relay_harness, secret):
    rng = random.Random(SEED)
    originals = [
        signed_event(
            secret,
            transaction_id=f"{rng.randrange(10**5)}-{rng.randrange(10**10)}-{n}",
            status=rng.choice(STATUSES),
            amount_in_cents=rng.randrange(1, 10**9),
            timestamp=1_700_000_000 + rng.randrange(10**7),
        )
        for n in range(100)
    ]
    rejected, kinds = 0, set()
    for n in range(MUTATIONS):
        kind, bad, headers = mutate(originals[n % len(originals)], rng)
        r = await relay_harness.client.post(
            "/wompi/events", content=event_body(bad), headers=headers
        )
        assert r.status_code == 401, (SEED, n, kind, r.text)
        rejected += 1
        kinds.add(kind)
    assert rejected == MUTATIONS and len(kinds) == 8
    for event in originals:
        upper = copy.deepcopy(event)
        upper["signature"]["checksum"] = upper["signature"]["checksum"].upper()
        for variant in (event, upper):
            r = await relay_harness.client.post("/wompi/events", content=event_body(variant))
            assert r.status_code == 200
    health = (await relay_harness.client.get("/healthz")).json()
    assert health["checksum_failures"] == MUTATIONS
    assert health["events"] == len(originals)


@pytest.mark.anyio
async def test_a_retyped_signed_value_is_the_same_fact(relay_harness, secret):
    event = signed_event(secret, amount_in_cents=2_500_000)
    retyped = copy.deepcopy(event)
    retyped["data"]["transaction"]["amount_in_cents"] = "2500000"  # signs the same text
    first = await relay_harness.client.post("/wompi/events", content=event_body(event))
    again = await relay_harness.client.post("/wompi/events", content=event_body(retyped))
    assert again.json() == {**first.json(), "duplicate": True}


# -- fuzzing: never a 5xx ---------------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
FIELD = st.one_of(JSON, st.just("transaction.updated"), st.just("test"), st.integers())
EVENTISH = st.fixed_dictionaries(
    {},
    optional={
        "event": FIELD,
        "data": st.one_of(JSON, st.just({"transaction": {"id": "1", "status": "APPROVED"}})),
        "environment": FIELD,
        "timestamp": FIELD,
        "signature": st.one_of(
            JSON,
            st.fixed_dictionaries(
                {"properties": st.lists(st.text(max_size=30), max_size=4), "checksum": FIELD}
            ),
        ),
    },
)
# What can travel in a header: no control characters (h11 refuses to send them).
HEADER_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=300)
CONTENT_TYPES = st.sampled_from(
    [
        "application/json",
        "text/plain",
        "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded",
        "application/json; charset=latin-1",
        "",
    ]
)


@pytest.fixture
def fuzz_client(tmp_path, secret):
    # Real HTTP on loopback: uvicorn's own request parsing is part of what is fuzzed.
    config = RelayConfig(
        environment="test", events_secrets=(secret,), rate_per_s=1e6, rate_burst=10**6
    )
    with (
        RelayServer(config, tmp_path / "fuzz.db") as server,
        httpx.Client(base_url=server.base_url, timeout=10) as client,
    ):
        client.token = server.create_token("fuzz")  # type: ignore[attr-defined]
        yield client


@_FUZZ
@given(body=st.binary(max_size=2048), content_type=CONTENT_TYPES)
def test_random_bytes_never_5xx(fuzz_client, body, content_type):
    r = fuzz_client.post("/wompi/events", content=body, headers={"Content-Type": content_type})
    assert r.status_code in (400, 401, 413, 422)


@_FUZZ
@given(body=st.one_of(JSON, EVENTISH), checksum=st.none() | HEADER_TEXT)
def test_random_json_never_5xx(fuzz_client, body, checksum):
    # Bytes: any UTF-8 a client may put in a header, not only what httpx would encode.
    headers = {} if checksum is None else {"X-Event-Checksum": checksum.encode().strip()}
    r = fuzz_client.post("/wompi/events", content=json.dumps(body).encode(), headers=headers)
    assert r.status_code in (400, 401, 422)


@_FUZZ
@given(size=st.integers(64 * 1024 + 1, 2 * 1024 * 1024), declare=st.booleans())
def test_huge_bodies_are_413(fuzz_client, size, declare):
    body = b"{" + b" " * (size - 2) + b"}"

    def chunked():  # no Content-Length: the cap applies while streaming
        for start in range(0, len(body), 16384):
            yield body[start : start + 16384]

    r = fuzz_client.post("/wompi/events", content=body if declare else chunked())
    assert r.status_code == 413


@_FUZZ
@given(
    query=st.dictionaries(st.sampled_from(["after", "limit", "wait", "x"]), st.text(max_size=25))
)
def test_random_feed_queries_never_5xx(fuzz_client, query):
    r = fuzz_client.get(
        "/v1/events", params=query, headers={"Authorization": f"Bearer {fuzz_client.token}"}
    )
    assert r.status_code in (200, 400)


@_FUZZ
@given(header=HEADER_TEXT.map(lambda s: s.encode("utf-8").strip()))
def test_random_authorization_headers_are_401(fuzz_client, header):
    r = fuzz_client.get("/v1/events", headers={"Authorization": header})
    assert r.status_code == 401


# -- tokens at rest and secrets in logs -------------------------------------------------------


def test_the_database_never_holds_a_raw_token(store, store_kind, request):
    tokens = [store.create_token(f"caja-{n}") for n in range(5)]
    store.revoke_token("caja-0")
    if store_kind == "sqlite":
        base = Path(store.url.database)
        blobs = b"".join(p.read_bytes() for p in base.parent.glob(base.name + "*"))
    else:
        with store._writer.connect() as conn:
            rows = conn.exec_driver_sql("SELECT row_to_json(t)::text FROM relay_tokens t").all()
            conn.exec_driver_sql("CHECKPOINT")
        blobs = "".join(r[0] for r in rows).encode()
        cluster = request.getfixturevalue("pg_cluster")
        blobs += subprocess.run(
            ["grep", "-rl", "--binary-files=text", tokens[1], str(cluster.data)],
            capture_output=True,
            check=False,
        ).stdout
    for token in tokens:
        assert token.encode() not in blobs
        assert token.encode("utf-16-le") not in blobs
    assert len(blobs) > 0


@pytest.mark.anyio
async def test_logs_never_contain_a_token_or_a_secret(relay_harness: RelayHarness, secret, caplog):
    caplog.set_level(logging.DEBUG)
    h = relay_harness
    await h.client.post("/wompi/events", content=event_body(signed_event(secret)))
    forged = signed_event(new_events_secret())
    await h.client.post("/wompi/events", content=event_body(forged), headers=post_headers(forged))
    await h.client.post("/wompi/events", content=b"{bad json")
    await h.client.get("/v1/events", headers=h.auth, params={"wait": "0.1", "after": 1})
    await h.client.get("/v1/events", headers={"Authorization": f"Bearer {h.token}x"})
    h.store.revoke_token("caja-1")
    await h.client.get("/v1/events", headers=h.auth)
    await h.client.get("/v1/events", headers=h.auth, params={"limit": "0"})
    formatter = JsonFormatter()
    assert caplog.records
    for record in caplog.records:
        line = formatter.format(record) + repr(vars(record))
        assert h.token not in line and h.token[4:] not in line
        assert secret not in line
        assert forged["signature"]["checksum"] not in line


def test_config_repr_hides_secrets(secret):
    assert secret not in repr(RelayConfig(environment="test", events_secrets=(secret,)))


def test_missing_and_wrong_tokens_over_http(store_url, config):
    with RelayServer(config, store_url) as server:
        token = server.create_token("caja-1")
        other = server.create_token("caja-2")
        server.store.revoke_token("caja-2")
        for headers in (
            {},
            {"Authorization": "Bearer nope"},
            {"Authorization": f"Bearer {other}"},
            {"Authorization": f"Token {token}"},
        ):
            assert httpx.get(server.feed_url, headers=headers).status_code == 401
        assert httpx.get(server.feed_url, headers={"Authorization": f"bearer {token}"}).is_success
