"""Issue 9, defect 3 (Hypothesis): a payer's retry under one reference ends as Wompi says,
whatever the order of its events and read-backs.

Wompi's checkout lets the payer retry for about 3 minutes under the same reference (docs/wompi.md
§4.5): the first transaction fails (DECLINED or ERROR), a second one is created and goes its
own way (left PENDING, APPROVED, APPROVED then VOIDED, DECLINED, ERROR). Each status change
sends an event; `GET /transactions/{id}` may keep answering the status before a change for a
few reads after it. Hypothesis interleaves Wompi's steps, deliveries of any event sent so far
(in any order, some more than once), pending-watcher rounds and the clock. After every step
no transaction is ever ahead of Wompi; at the end every event was delivered, the watcher's
rounds re-read what lagged, and the attempt must follow the retry in its final status, with
every delivered event used up once and none left waiting.
"""

from __future__ import annotations

import asyncio
import itertools
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order, OrderLine
from mestore_desktop.domain.payment import OrderStatus, PaymentStatus, Tender, derive_order_status
from mestore_desktop.store.db import Database
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.held_events import HeldEvents
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.sync.apply import Tally
from mestore_desktop.sync.policy import SyncSettings
from mestore_desktop.sync.relay_client import RelayEvent
from mestore_desktop.sync.service import SyncService
from mestore_desktop.wompi.models import Transaction
from tests.sync.conftest import FakeClock

P, A, D, E, V = (
    PaymentStatus.PENDING,
    PaymentStatus.APPROVED,
    PaymentStatus.DECLINED,
    PaymentStatus.ERROR,
    PaymentStatus.VOIDED,
)
FIRST = [(P, D), (P, E)]
RETRY = [(P,), (P, A), (P, A, V), (P, D), (P, E)]
CENTS = 40_000_00
_seconds = itertools.count(1_800_000_000, 1000)
_seqs = itertools.count(1)


@dataclass
class FakeWompi:
    """Wompi's truth; a read by id may answer the status before the last change (`lag`)."""

    truth: dict[str, dict[str, Any]] = field(default_factory=dict)
    before: dict[str, PaymentStatus] = field(default_factory=dict)
    lag: dict[str, int] = field(default_factory=dict)

    def change(self, tx_id: str, status: PaymentStatus, lag: int) -> None:
        self.before[tx_id] = PaymentStatus(self.truth[tx_id]["status"])
        self.truth[tx_id]["status"] = status.value
        self.lag[tx_id] = lag

    async def get_transaction(self, transaction_id: str) -> Transaction:
        body = dict(self.truth[transaction_id])
        if self.lag.get(transaction_id, 0) > 0:
            self.lag[transaction_id] -= 1
            body["status"] = self.before[transaction_id].value
        return Transaction.from_api(body)

    async def find_transactions(self, reference: str) -> list[Transaction]:
        found = [t for t in self.truth.values() if t["reference"] == reference]
        return [Transaction.from_api(t) for t in found]


def transaction_json(tx_id: str, reference: str) -> dict[str, Any]:
    return {
        "id": tx_id,
        "reference": reference,
        "amount_in_cents": CENTS,
        "currency": "COP",
        "status": "PENDING",
        "created_at": datetime.now(UTC).isoformat(),  # after the attempt
        "payment_method_type": "CARD",
        "payment_method": {"type": "CARD"},
    }


def event_for(tx: dict[str, Any]) -> dict[str, Any]:
    return {"event": "transaction.updated", "data": {"transaction": dict(tx)}}


def key_of(event: dict[str, Any]) -> str:
    tx = event["data"]["transaction"]
    return f"transaction.updated:{tx['id']}:{tx['status']}:{tx['amount_in_cents']}"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty database; each example gets its own copy (only its attempt in it)."""
    path = Path(tmp_path_factory.mktemp("retries")) / "template.db"
    Database.open(path).close()
    return path


@contextmanager
def fresh_database(template: Path) -> Iterator[Database]:
    path = template.with_name(f"example-{next(_seqs)}.db")
    shutil.copyfile(template, path)
    database = Database.open(path)
    try:
        yield database
    finally:
        database.close()
        path.unlink()


def new_attempt(database: Database) -> str:
    line = OrderLine("Producto", 1, Money(CENTS), IvaRate.EXEMPT)
    draft = Order(terminal_id="T01", lines=(line,), created_at=datetime.now(UTC))

    def save(session: Any) -> str:
        repo = OrderRepository(session)
        order = repo.create_order(draft)
        assert order.number is not None
        return repo.new_attempt(order.number, Tender.WOMPI, draft.created_at).reference

    return database.write(save)


# A step: (kind, a, b). kind 0: Wompi moves on (b = read-back lag of that change, 0-3);
# 1: deliver the a-th event sent so far (b odd: it stays around and may come again);
# 2: a pending-watcher round after b seconds.
step = st.tuples(st.integers(0, 2), st.integers(0, 20), st.integers(0, 3))


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    first=st.sampled_from(FIRST),
    retry=st.sampled_from(RETRY),
    pending_events=st.booleans(),
    steps=st.lists(step, max_size=40),
    rest=st.randoms(use_true_random=False),
)
def test_defect3_a_retry_under_one_reference_ends_as_wompi_says_in_any_order(
    template: Path,
    first: tuple[PaymentStatus, ...],
    retry: tuple[PaymentStatus, ...],
    pending_events: bool,
    steps: list[tuple[int, int, int]],
    rest: Any,
) -> None:
    with fresh_database(template) as database:
        asyncio.run(_scenario(database, first, retry, pending_events, steps, rest))


class _Script:
    """Wompi's timeline for one reference: the first transaction, then the retry."""

    def __init__(self, reference: str, first: tuple, retry: tuple, pending_events: bool) -> None:
        self.wompi = FakeWompi()
        self.reference = reference
        self.ids = [f"9-{next(_seconds)}-10001", f"9-{next(_seconds)}-10002"]
        self.lives = [first, retry]
        # Wompi's events are "usually" for final statuses; a retry that never settles is
        # announced by its PENDING event (else nothing at all would tell of it).
        self.pending_events = pending_events or retry == (P,)
        self.timeline = [(0, s) for s in first] + [(1, s) for s in retry]
        self.done = 0
        self.sent: list[dict[str, Any]] = []

    @property
    def finished(self) -> bool:
        return self.done == len(self.timeline)

    def advance(self, lag: int) -> None:
        which, status = self.timeline[self.done]
        tx_id = self.ids[which]
        if status is P:
            self.wompi.truth[tx_id] = transaction_json(tx_id, self.reference)
        else:
            self.wompi.change(tx_id, status, lag)
        self.done += 1
        if status is not P or self.pending_events:
            self.sent.append(event_for(self.wompi.truth[tx_id]))

    def reached(self, tx_id: str) -> list[PaymentStatus]:
        which = self.ids.index(tx_id)
        return [s for w, s in self.timeline[: self.done] if w == which]


async def _scenario(
    database: Database,
    first: tuple[PaymentStatus, ...],
    retry: tuple[PaymentStatus, ...],
    pending_events: bool,
    steps: list[tuple[int, int, int]],
    rest: Any,
) -> None:
    script = _Script(new_attempt(database), first, retry, pending_events)
    clock = FakeClock()
    executor = DbExecutor(database)
    try:
        service = SyncService(
            db=executor,
            wompi=script.wompi,  # type: ignore[arg-type]
            relay=None,
            clock=clock,
            random=lambda: 0.0,
            settings=SyncSettings(first_check_after_s=5.0),
        )
        delivered: set[str] = set()
        waiting: list[dict[str, Any]] = []
        for kind, a, b in steps:
            await _step(service, script, clock, waiting, delivered, kind, a, b)
            _check_never_ahead(database, script)
        # Wompi finishes; every event not yet delivered arrives, in some order.
        while not script.finished:
            await _step(service, script, clock, waiting, delivered, 0, 0, rest.randint(0, 3))
        rest.shuffle(waiting)
        for event in waiting:
            await _deliver(service, event, delivered)
        for _ in range(12):  # the watcher's rounds re-read what lagged (3 reads at most)
            clock.advance(120)
            await service.watcher.poll(Tally(), [], force=True)
            if not database.read(lambda s: HeldEvents(s).all()):
                break
        _check_never_ahead(database, script)
        _check_final(database, script, delivered)
    finally:
        executor.shutdown()


async def _step(
    service: SyncService,
    script: _Script,
    clock: FakeClock,
    waiting: list[dict[str, Any]],
    delivered: set[str],
    kind: int,
    a: int,
    b: int,
) -> None:
    if kind == 0 and not script.finished:
        sent = len(script.sent)
        script.advance(lag=b)
        waiting.extend(script.sent[sent:])
    elif kind == 1 and waiting:
        event = waiting[a % len(waiting)]
        if b % 2 == 0:
            waiting.remove(event)
        await _deliver(service, event, delivered)
    elif kind == 2:
        clock.advance(b * 5)
        await service.watcher.poll(Tally(), [])


async def _deliver(service: SyncService, event: dict[str, Any], delivered: set[str]) -> None:
    await service.apply_event(RelayEvent(next(_seqs), datetime.now(UTC), event))
    delivered.add(key_of(event))


def _attempt(database: Database, script: _Script) -> Any:
    return database.read(lambda s: OrderRepository(s).get_attempt(script.reference))


def _check_never_ahead(database: Database, script: _Script) -> None:
    attempt = _attempt(database, script)
    for tx_id, status in attempt.transactions:
        assert status in script.reached(tx_id), f"{tx_id} {status} ahead of Wompi"
    if attempt.transaction_id is not None:
        assert attempt.status is attempt.transaction_status(attempt.transaction_id)


def _check_final(database: Database, script: _Script, delivered: set[str]) -> None:
    attempt = _attempt(database, script)
    final = script.lives[1][-1]
    assert (attempt.status, attempt.transaction_id) == (final, script.ids[1])
    order = database.read(lambda s: OrderRepository(s).order_status(attempt.order_number))
    expected = derive_order_status([attempt], cancelled=False)
    assert order is expected
    assert (
        order
        is {
            P: OrderStatus.AWAITING_PAYMENT,
            A: OrderStatus.PAID,
            V: OrderStatus.VOIDED,
            D: OrderStatus.FAILED,
            E: OrderStatus.FAILED,
        }[final]
    )
    rows = database.read(lambda s: set(s.execute(text("SELECT key FROM applied_events")).scalars()))
    assert delivered <= rows  # every delivered event used up, once Wompi's answer showed it
    held = database.read(lambda s: HeldEvents(s).all())
    assert [h for h in held if h.reference == script.reference] == []
