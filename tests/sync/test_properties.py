"""Hypothesis: duplicated, reordered and late events never regress a final status.

Each example runs a few transactions along Wompi's real lifecycle (PENDING → APPROVED [→ VOIDED]
| DECLINED | ERROR), some under our references and some not. A random stream interleaves
"Wompi moves on" steps with deliveries of any status the transaction already went through
(so events come late, twice or out of order). Each delivery goes through `apply_event`, which
asks a fake Wompi for the *current* truth. Checked after every step and at the end:

* an attempt's status only moves along allowed transitions (a final never goes back);
* it never runs ahead of Wompi's truth; after a delivery with a new dedupe key that followed
  Wompi's last change, it equals the truth (a repeated key is skipped without asking Wompi:
  the new status's own event, the pending watcher or the gap filler bring the truth);
* exactly one `applied_events` row per dedupe key delivered; the cursor is the last seq.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order, OrderLine
from mestore_desktop.domain.payment import ALLOWED_TRANSITIONS, PaymentStatus, Tender
from mestore_desktop.store.db import Database
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.store.sync_repository import SyncRepository
from mestore_desktop.sync.relay_client import RelayEvent
from mestore_desktop.sync.service import SyncService
from mestore_desktop.wompi.models import Transaction

P, A, D, E, V = (
    PaymentStatus.PENDING,
    PaymentStatus.APPROVED,
    PaymentStatus.DECLINED,
    PaymentStatus.ERROR,
    PaymentStatus.VOIDED,
)
LIFECYCLES = [(P, A), (P, A, V), (P, D), (P, E)]
_ids = itertools.count(1)
_seqs = itertools.count(1)


class FakeWompi:
    """`get_transaction` answers the transaction's current state, as Wompi would."""

    def __init__(self) -> None:
        self.truth: dict[str, dict[str, Any]] = {}

    async def get_transaction(self, transaction_id: str) -> Transaction:
        return Transaction.from_api(self.truth[transaction_id])


def transaction_json(tx_id: str, reference: str, cents: int, status: PaymentStatus) -> dict:
    return {
        "id": tx_id,
        "reference": reference,
        "amount_in_cents": cents,
        "currency": "COP",
        "status": status.value,
        # After the attempt: one created before it would be another sale's (a conflict).
        "created_at": datetime.now(UTC).isoformat(),
        "payment_method_type": "CARD",
        "payment_method": {"type": "CARD"},
    }


def event_for(tx: dict[str, Any], status: PaymentStatus) -> dict[str, Any]:
    body = {**tx, "status": status.value}
    return {"event": "transaction.updated", "data": {"transaction": body}, "environment": "test"}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = Database.open(Path(tmp_path_factory.mktemp("props")) / "mestore.db")
    yield database
    database.close()


def new_attempt(database: Database, cents: int) -> tuple[str, int]:
    line = OrderLine("Producto", 1, Money(cents), IvaRate.GENERAL)
    draft = Order(terminal_id="T01", lines=(line,), created_at=datetime.now(UTC))

    def save(session: Any) -> tuple[str, int]:
        repo = OrderRepository(session)
        order = repo.create_order(draft)
        assert order.number is not None
        attempt = repo.new_attempt(order.number, Tender.WOMPI, draft.created_at)
        return attempt.reference, attempt.amount.cents

    return database.write(save)


transactions = st.lists(
    st.tuples(st.sampled_from(LIFECYCLES), st.booleans()), min_size=1, max_size=3
)
steps = st.lists(
    st.tuples(st.booleans(), st.integers(0, 2), st.integers(0, 2)), min_size=1, max_size=30
)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(txs=transactions, stream=steps)
def test_no_stream_of_events_regresses_a_final_status(
    database: Database,
    txs: list[tuple[tuple[PaymentStatus, ...], bool]],
    stream: list[tuple[bool, int, int]],
) -> None:
    asyncio.run(_scenario(database, txs, stream))


async def _scenario(
    database: Database,
    txs: list[tuple[tuple[PaymentStatus, ...], bool]],
    stream: list[tuple[bool, int, int]],
) -> None:
    wompi = FakeWompi()
    world = []  # (tx_id, reference or None if foreign, lifecycle)
    for lifecycle, ours in txs:
        tx_id = f"1-1700000000-{next(_ids):05d}"
        if ours:
            reference, cents = new_attempt(database, 10_000_00)
        else:
            reference, cents = f"AJENA-{tx_id}", 5_000_00
        wompi.truth[tx_id] = transaction_json(tx_id, reference, cents, P)
        world.append((tx_id, reference if ours else None, lifecycle))
    executor = DbExecutor(database)
    try:
        service = SyncService(db=executor, wompi=wompi, relay=None)  # type: ignore[arg-type]
        await _play(service, database, wompi, world, stream)
    finally:
        executor.shutdown()


async def _play(
    service: SyncService,
    database: Database,
    wompi: FakeWompi,
    world: list[tuple[str, str | None, tuple[PaymentStatus, ...]]],
    stream: list[tuple[bool, int, int]],
) -> None:
    reached = [0] * len(world)
    fresh = [True] * len(world)  # a delivery came after Wompi's last change
    seen: list[list[PaymentStatus]] = [[P] for _ in world]
    keys: set[str] = set()
    last_seq = None
    for advance, which, back in stream:
        i = which % len(world)
        tx_id, _, lifecycle = world[i]
        if advance:
            if reached[i] + 1 < len(lifecycle):
                reached[i] += 1
                fresh[i] = False
                wompi.truth[tx_id]["status"] = lifecycle[reached[i]].value
            continue
        claimed = lifecycle[max(0, reached[i] - back)]  # now, or late / out of order
        event = event_for(wompi.truth[tx_id], claimed)
        last_seq = next(_seqs)
        await service.apply_event(RelayEvent(last_seq, datetime.now(UTC), event))
        cents = wompi.truth[tx_id]["amount_in_cents"]
        key = f"transaction.updated:{tx_id}:{claimed.value}:{cents}"
        # A key already applied is skipped without asking Wompi (it was asked then); only a
        # new key promises that Wompi's current answer was applied.
        fresh[i] = fresh[i] or key not in keys
        keys.add(key)
        for j, (_, ref, life) in enumerate(world):
            status = _status(database, world[j][0], ref)
            _check_step(seen[j], status, life[: reached[j] + 1])
    for j, (tx_id, _, life) in enumerate(world):
        if fresh[j] and seen[j][-1] is not life[reached[j]] and _delivered(keys, tx_id):
            raise AssertionError(f"{tx_id}: {seen[j][-1]} but Wompi says {life[reached[j]]}")
    rows = database.read(lambda s: set(s.execute(text("SELECT key FROM applied_events")).scalars()))
    assert keys <= rows
    mine = {k for k in rows if any(k.split(":")[1] == tx for tx, _, _ in world)}
    assert mine == keys  # exactly one row per dedupe key (the key is the primary key)
    if last_seq is not None:
        assert database.read(lambda s: SyncRepository(s).cursor()) == last_seq


def _delivered(keys: set[str], tx_id: str) -> bool:
    return any(k.split(":")[1] == tx_id for k in keys)


def _status(database: Database, tx_id: str, reference: str | None) -> PaymentStatus:
    if reference is not None:
        return database.read(lambda s: OrderRepository(s).get_attempt(reference)).status
    foreign = database.read(lambda s: SyncRepository(s).get_foreign(tx_id))
    return P if foreign is None else foreign.status


def _check_step(seen: list[PaymentStatus], now: PaymentStatus, possible: tuple) -> None:
    before = seen[-1]
    if now is not before:
        assert now in ALLOWED_TRANSITIONS[before], f"{before} -> {now} regressed"
        seen.append(now)
    assert now in possible, f"{now} is ahead of Wompi ({possible[-1]})"
