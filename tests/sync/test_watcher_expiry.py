"""Which attempts the pending watcher polls, and until when (issue 9, defects 2 and 5).

A Wompi checkout takes payments until its signed `expiration-time`, and a payer whose try
failed may retry under the same reference for about 3 minutes more (docs/wompi.md §4.5). So
an attempt that took no money is watched, declined and errored ones included, until its expiry
plus that retry window; then it gets one final check and is never polled again, unless Wompi
still holds a payment in progress for it (a PSE payer at the bank).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import pytest

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order, OrderLine
from mestore_desktop.domain.payment import OrderStatus, PaymentAttempt, PaymentStatus, Tender
from mestore_desktop.services.counter import PAYER_RETRY_WINDOW
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.sync.apply import Tally
from mestore_desktop.sync.service import SyncService
from mestore_desktop.wompi.client import WompiClient
from tests.sync.conftest import FakeClock
from tests.sync.harness import NEQUI, PSE, InProcessWorld

pytestmark = pytest.mark.anyio

CHECKOUT = timedelta(minutes=10)


@dataclass
class CountingWompi:
    """The real client, counting the reads the watcher makes."""

    client: WompiClient
    reads: list[str] = field(default_factory=list)

    async def get_transaction(self, transaction_id: str) -> Any:
        self.reads.append(transaction_id)
        return await self.client.get_transaction(transaction_id)

    async def find_transactions(self, reference: str) -> Any:
        self.reads.append(reference)
        return await self.client.find_transactions(reference)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.client, name)


@dataclass
class Rig:
    world: InProcessWorld
    clock: FakeClock
    wompi: CountingWompi
    service: SyncService

    async def poll(self, *, force: bool = False) -> None:
        problems: list[str] = []
        await self.service.watcher.poll(Tally(), problems, force=force)
        assert problems == []

    def attempt(self, reference: str) -> PaymentAttempt:
        return self.world.database.read(lambda s: OrderRepository(s).get_attempt(reference))

    def audit(self) -> list[str]:
        entries = self.world.database.read(lambda s: OrderRepository(s).audit_entries(limit=500))
        return [e.action for e in entries]


@pytest.fixture
def rig(world: InProcessWorld, clock: FakeClock) -> Rig:
    wompi = CountingWompi(world.wompi())
    service = world.service(relay=False, clock=clock, random=lambda: 0.0, wompi=wompi)
    return Rig(world, clock, wompi, service)


def new_attempt(rig: Rig) -> PaymentAttempt:
    """A Wompi attempt made now, its checkout signed to expire in `CHECKOUT`."""
    now = rig.clock()
    line = OrderLine("Café molido 500 g", 1, Money.from_pesos(25_000), IvaRate.REDUCED)
    draft = Order(terminal_id="T01", lines=(line,), created_at=now)

    def save(session: Any) -> PaymentAttempt:
        repo = OrderRepository(session)
        order = repo.create_order(draft)
        assert order.number is not None
        return repo.new_attempt(order.number, Tender.WOMPI, now, expires_at=now + CHECKOUT)

    return rig.world.database.write(save)


def deadline(attempt: PaymentAttempt) -> datetime:
    assert attempt.expires_at is not None
    return attempt.expires_at + PAYER_RETRY_WINDOW


async def test_defect5_an_expired_attempt_gets_one_final_check_then_is_never_polled_again(
    rig: Rig,
) -> None:
    attempt = new_attempt(rig)  # the customer never pays
    rig.clock.advance(25)
    await rig.poll()
    assert rig.wompi.reads == [attempt.reference]

    rig.clock.now = deadline(attempt) - timedelta(seconds=1)
    await rig.poll(force=True)
    assert len(rig.wompi.reads) == 2  # the payer may still retry: still watched

    # Unforced: the final check is due right at the deadline, whatever the schedule said.
    rig.clock.now = deadline(attempt)
    await rig.poll()
    assert len(rig.wompi.reads) == 3
    closed = rig.attempt(attempt.reference)
    assert (closed.status, closed.abandoned_at) == (PaymentStatus.PENDING, rig.clock.now)
    assert rig.world.order_status(attempt.order_number) is OrderStatus.CANCELLED
    assert "payment.watch_ended" in rig.audit()

    for hours in (1, 24, 24 * 30):  # failed before the fix: polled for ever
        rig.clock.now = deadline(attempt) + timedelta(hours=hours)
        await rig.poll(force=True)
    assert len(rig.wompi.reads) == 3
    assert rig.service.status.pending_attempts == 0

    # A fresh start of the app (no schedule in memory) does not poll it either.
    fresh = rig.world.service(relay=False, clock=rig.clock, random=lambda: 0.0, wompi=rig.wompi)
    await fresh.watcher.poll(Tally(), [], force=True)
    assert len(rig.wompi.reads) == 3


async def test_defect5_closed_by_expiry_then_approved_at_the_final_check_is_a_late_approval(
    rig: Rig,
) -> None:
    attempt = new_attempt(rig)
    # The customer paid just before the checkout expired; its event was lost.
    rig.world.sandbox.drop_next_events(1)
    tx = rig.world.add_transaction(attempt.reference, attempt.amount, NEQUI)
    rig.world.sandbox.approve(tx)
    # The counter closed it as expired first (CounterService.unfinished).
    rig.clock.now = deadline(attempt) + timedelta(seconds=1)
    rig.world.database.write(
        lambda s: OrderRepository(s).close_expired_attempt(attempt.reference, rig.clock())
    )
    assert rig.world.order_status(attempt.order_number) is OrderStatus.CANCELLED

    await rig.poll()  # the final check

    late = rig.attempt(attempt.reference)
    assert (late.status, late.approved_after_cancel) == (PaymentStatus.APPROVED, True)
    assert rig.world.order_status(attempt.order_number) is OrderStatus.PAID
    listed = rig.world.database.read(lambda s: OrderRepository(s).late_approvals("T01"))
    assert [a.reference for a in listed] == [attempt.reference]
    reads = len(rig.wompi.reads)
    rig.clock.advance(3600)
    await rig.poll(force=True)
    assert len(rig.wompi.reads) == reads


async def test_defect2_a_declined_attempt_is_watched_for_the_payers_retry_until_it_expires(
    rig: Rig,
) -> None:
    attempt = new_attempt(rig)
    first = rig.world.add_transaction(attempt.reference, attempt.amount)
    rig.world.sandbox.decline(first)
    rig.clock.advance(25)
    await rig.poll()
    assert rig.attempt(attempt.reference).status is PaymentStatus.DECLINED

    # The payer retries in the checkout (same reference) and pays; the event is lost.
    rig.world.sandbox.drop_next_events(1)
    retry = rig.world.add_transaction(attempt.reference, attempt.amount, NEQUI)
    rig.world.sandbox.approve(retry)
    rig.clock.advance(120)
    await rig.poll()  # failed before the fix: a declined attempt was never polled

    paid = rig.attempt(attempt.reference)
    assert (paid.status, paid.transaction_id) == (PaymentStatus.APPROVED, retry)
    assert rig.world.order_status(attempt.order_number) is OrderStatus.PAID


async def test_a_declined_attempt_is_no_longer_polled_after_its_final_check(rig: Rig) -> None:
    attempt = new_attempt(rig)
    first = rig.world.add_transaction(attempt.reference, attempt.amount)
    rig.world.sandbox.decline(first)
    rig.clock.advance(25)
    await rig.poll()
    rig.clock.now = deadline(attempt)
    await rig.poll()
    reads = len(rig.wompi.reads)

    rig.clock.advance(3600)
    await rig.poll(force=True)

    assert len(rig.wompi.reads) == reads
    declined = rig.attempt(attempt.reference)
    assert (declined.status, declined.abandoned_at) == (PaymentStatus.DECLINED, None)
    assert rig.world.order_status(attempt.order_number) is OrderStatus.FAILED


async def test_a_payment_still_in_progress_at_wompi_is_watched_past_the_expiry(
    rig: Rig,
) -> None:
    attempt = new_attempt(rig)
    tx = rig.world.add_transaction(attempt.reference, attempt.amount, PSE)  # at the bank
    rig.clock.advance(25)
    await rig.poll()
    rig.clock.now = deadline(attempt) + timedelta(minutes=1)
    await rig.poll(force=True)
    assert rig.attempt(attempt.reference).abandoned_at is None  # Wompi still waits for it

    rig.world.sandbox.drop_next_events(1)
    rig.world.sandbox.approve(tx)  # the bank confirms, late
    rig.clock.advance(3600)
    await rig.poll()

    assert rig.attempt(attempt.reference).status is PaymentStatus.APPROVED
    reads = len(rig.wompi.reads)
    rig.clock.advance(3600)
    await rig.poll(force=True)
    assert len(rig.wompi.reads) == reads


async def test_the_pending_count_leaves_out_declined_attempts_still_watched(rig: Rig) -> None:
    attempt = new_attempt(rig)
    new_attempt(rig)
    first = rig.world.add_transaction(attempt.reference, attempt.amount)
    rig.world.sandbox.decline(first)
    rig.clock.advance(25)
    await rig.poll()
    assert rig.service.status.pending_attempts == 1
