"""Issue 9, defect 1 (apply side): a transaction created before its attempt is a conflict.

An attempt's transaction is created by the checkout *after* the attempt is saved. One that
Wompi says was created earlier (beyond a 5-minute clock-skew margin) belongs to another sale
that reused the reference (a second till on the same terminal id, a reinstall, a restored
backup): it is recorded as a conflict for the back office and never applied, whichever path
brings it (relay event, pending watcher, gap filler).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order, OrderLine
from mestore_desktop.domain.payment import OrderStatus, StatusSource, Tender
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.sync.apply import CLOCK_SKEW_MARGIN, Tally, apply_transactions
from mestore_desktop.wompi.models import Transaction
from tests.sync.harness import InProcessWorld

pytestmark = pytest.mark.anyio


def attempt_created_at(world: InProcessWorld, at: datetime) -> tuple[int, str, Money]:
    """An order whose Wompi attempt was saved at `at`."""
    line = OrderLine("Café molido 500 g", 1, Money.from_pesos(25_000), IvaRate.REDUCED)
    draft = Order(terminal_id="T01", lines=(line,), created_at=at)

    def save(session: Any) -> tuple[int, str, Money]:
        repo = OrderRepository(session)
        order = repo.create_order(draft)
        assert order.number is not None
        attempt = repo.new_attempt(order.number, Tender.WOMPI, at)
        return order.number, attempt.reference, attempt.amount

    return world.database.write(save)


def conflicts(world: InProcessWorld) -> list[str]:
    entries = world.database.read(lambda s: OrderRepository(s).audit_entries(limit=1000))
    return [e.detail for e in entries if e.action == "payment.conflict"]


async def test_defect1_created_before_attempt_an_old_approval_is_a_conflict_never_applied(
    world: InProcessWorld,
) -> None:
    # An approval Wompi made under this reference for an earlier sale (here: created now,
    # while our attempt was saved ten minutes later, beyond the clock-skew margin).
    number, reference, amount = attempt_created_at(world, datetime.now(UTC) + timedelta(minutes=10))
    old = world.add_transaction(reference, amount)
    world.sandbox.approve(old)
    await world.wait_delivered(1)
    report = await world.service().run_once()
    assert world.order_status(number) is OrderStatus.AWAITING_PAYMENT
    attempt = world.database.read(lambda s: OrderRepository(s).get_attempt(reference))
    assert attempt.transaction_id is None
    assert attempt.transaction_status(old) is None
    [detail] = conflicts(world)
    assert f"reference={reference} transaction_id={old}" in detail
    assert "creada antes del intento" in detail
    assert report.conflicts == 1
    assert report.events_applied == 1  # Wompi's answer reflects the event: handled, once
    # The watcher (by reference) and the gap filler see it again: no second record, no change.
    again = await world.service(relay=False).run_once()
    assert again.gap_filled
    assert world.order_status(number) is OrderStatus.AWAITING_PAYMENT
    assert len(conflicts(world)) == 1


def transaction(reference: str, created_at: datetime, status: str = "APPROVED") -> Transaction:
    return Transaction.from_api(
        {
            "id": f"1-{int(created_at.timestamp())}-12345",
            "reference": reference,
            "amount_in_cents": 25_000_00,
            "currency": "COP",
            "status": status,
            "created_at": created_at.isoformat(),
            "payment_method_type": "CARD",
            "payment_method": {"type": "CARD"},
        }
    )


@pytest.mark.parametrize(
    ("before", "applied"),
    [
        (timedelta(0), True),
        (CLOCK_SKEW_MARGIN - timedelta(seconds=1), True),  # our clock ran a little fast
        (CLOCK_SKEW_MARGIN, True),
        (CLOCK_SKEW_MARGIN + timedelta(seconds=1), False),
        (timedelta(days=400), False),  # a restored backup's order numbers, a year later
    ],
)
async def test_the_clock_skew_margin_is_five_minutes(
    world: InProcessWorld, before: timedelta, applied: bool
) -> None:
    assert timedelta(minutes=5) == CLOCK_SKEW_MARGIN
    saved = datetime.now(UTC)
    number, reference, _ = attempt_created_at(world, saved)
    tx = transaction(reference, saved - before)
    tally = world.database.write(
        lambda s: apply_transactions(s, [tx], source=StatusSource.POLL, at=saved)
    )
    status = world.order_status(number)
    assert (status is OrderStatus.PAID) is applied
    assert (tally.conflicts == 1) is not applied
    assert isinstance(tally, Tally)
