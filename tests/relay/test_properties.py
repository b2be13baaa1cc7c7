"""Hypothesis: any mix of duplicated, reordered and late deliveries stores exactly one row per
dedupe key, and every delivery of a fact is answered with that fact's one seq."""

from __future__ import annotations

import itertools

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mestore_desktop.relay.server import RelayServer
from tests.relay.helpers import event_body, signed_event

FACTS = st.lists(
    st.tuples(
        st.integers(0, 5),  # transaction
        st.sampled_from(["PENDING", "APPROVED", "DECLINED", "VOIDED"]),
        st.sampled_from([100, 2_500_000]),
    ),
    min_size=1,
    max_size=8,
)
_namespace = itertools.count()


@pytest.fixture
def client(store, config):
    with (
        RelayServer(config, store) as server,
        httpx.Client(base_url=server.base_url, timeout=10) as client,
    ):
        yield client


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    facts=FACTS,
    deliveries=st.lists(st.tuples(st.integers(0, 1000), st.integers(0, 10**6)), max_size=30),
    order=st.randoms(use_true_random=False),
)
def test_one_row_per_dedupe_key(client, store, secret, facts, deliveries, order):
    ns = next(_namespace)  # one store for all examples: each example gets its own ids
    before = store.stats().event_count
    unique = sorted(set(facts))
    # Every fact at least once, some again, each copy with its own (late) timestamp.
    plan = [(i, 0) for i in range(len(unique))]
    plan += [(pick % len(unique), lateness) for pick, lateness in deliveries]
    order.shuffle(plan)
    seq_of: dict[int, int] = {}
    for index, lateness in plan:
        tx, status, amount = unique[index]
        event = signed_event(
            secret,
            transaction_id=f"ns{ns}-tx{tx}",
            status=status,
            amount_in_cents=amount,
            timestamp=1_700_000_000 + lateness,
        )
        r = client.post("/wompi/events", content=event_body(event))
        assert r.status_code == 200
        body = r.json()
        assert body["duplicate"] == (index in seq_of)
        assert seq_of.setdefault(index, body["seq"]) == body["seq"]
    assert store.stats().event_count - before == len(unique)
    assert len(set(seq_of.values())) == len(unique)
