"""Issue 9, defect 2: an approval after a decline, and an order paid twice, are never silent.

Wompi lets a payer retry for about 3 minutes under the same reference after a failure
(docs/wompi.md §4.5: a second transaction, same reference, new id). So when
the cashier starts a new attempt (F5, another tender) every attempt of the order that took no
money is abandoned, still watched: a retry on the old QR that is approved is a late approval.
Two approvals for one order are a duplicate payment: recorded, listed until acknowledged
(audited) and kept for the back office.

Against the real sandbox and relay (in-process ASGI) and SQLite, like test_counter.py.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.payment import Observation, OrderStatus, PaymentStatus, StatusSource
from mestore_desktop.store.repositories import OrderRepository
from tests.services.test_counter import (
    CARD_DECLINED,
    CARD_OK,
    NEQUI_OK,
    counter,
    draft,
    stored,
    url_params,
)
from tests.sync.harness import InProcessWorld

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[InProcessWorld]:
    async with InProcessWorld(tmp_path) as world:
        yield world


async def pay_in_checkout(
    world: InProcessWorld, url: str, form: dict[str, str], *, outcome: str | None = None
) -> str:
    """The customer pays on the phone's checkout (no redirect); the new transaction's id."""
    http = world.http(world.sandbox_app, "http://sandbox.test")
    page = await http.get(url)
    assert page.status_code == 200, page.text
    body = {**url_params(url), "customer_email": "cliente@example.com", **form}
    paid = await http.post("/p/pay", data=body)
    assert paid.status_code == 303, paid.text
    tx_id = str(world.sandbox.transactions_by_reference(url_params(url)["reference"])[-1]["id"])
    if outcome is not None:
        world.sandbox.resolve(tx_id, outcome)
    return tx_id


def audit_actions(world: InProcessWorld) -> list[str]:
    entries = world.database.read(lambda s: OrderRepository(s).audit_entries(limit=1000))
    return [e.action for e in entries]


async def declined_then_retried(world: InProcessWorld) -> tuple[object, object, object]:
    """The customer's card is declined on the QR; the cashier presses F5 (a new attempt)."""
    service = counter(world)
    first = await service.start_wompi(draft())
    await pay_in_checkout(world, first.phone_checkout_url, CARD_DECLINED, outcome="DECLINED")
    await service.refresh(first.reference)
    assert stored(world, first.reference).status is PaymentStatus.DECLINED
    second = await service.retry(first.order_number)
    return service, first, second


async def test_defect2_a_retry_after_a_decline_abandons_it_and_the_old_qr_approval_alerts(
    world: InProcessWorld,
) -> None:
    service, first, second = await declined_then_retried(world)
    assert stored(world, first.reference).abandoned_at is not None  # failed before the fix

    # The customer retries on the old QR, still open on the phone, and it is approved.
    await pay_in_checkout(world, first.phone_checkout_url, CARD_OK, outcome="APPROVED")
    await world.wait_delivered(2)
    await world.service().run_once()  # the sync: relay event → Wompi → SQLite

    late = stored(world, first.reference)
    assert (late.status, late.approved_after_cancel) == (PaymentStatus.APPROVED, True)
    assert [a.reference for a in await service.late_approvals()] == [first.reference]
    assert world.order_status(first.order_number) is OrderStatus.PAID
    assert await service.duplicate_payments() == []  # one approval: not paid twice (yet)
    assert stored(world, second.reference).status is PaymentStatus.PENDING


async def test_defect2_both_attempts_paid_is_a_duplicate_payment_recorded_and_acknowledged(
    world: InProcessWorld,
) -> None:
    service, first, second = await declined_then_retried(world)
    retry_tx = await pay_in_checkout(world, first.phone_checkout_url, CARD_OK, outcome="APPROVED")
    await service.refresh(first.reference)
    second_tx = await pay_in_checkout(world, second.phone_checkout_url, NEQUI_OK)
    world.sandbox.approve(second_tx)  # the customer also paid the new QR
    await service.refresh(second.reference)

    (duplicate,) = await service.duplicate_payments()
    assert duplicate.order_number == first.order_number
    assert (duplicate.first.reference, duplicate.first.transaction_id) == (
        first.reference,
        retry_tx,
    )
    assert (duplicate.extra.reference, duplicate.extra.transaction_id) == (
        second.reference,
        second_tx,
    )
    assert duplicate.amount == first.amount
    assert world.order_status(first.order_number) is OrderStatus.PAID
    assert audit_actions(world).count("payment.duplicate") == 1

    # Seen again by the sync: recorded once.
    await world.service().run_once()
    await service.refresh(second.reference)
    assert len(await service.duplicate_payments()) == 1
    assert audit_actions(world).count("payment.duplicate") == 1

    acknowledged = await service.acknowledge_duplicate_payment(duplicate.id)
    assert acknowledged.acknowledged_at is not None
    assert await service.duplicate_payments() == []
    # One incident, one acknowledgement: the late approval that started it is seen too.
    assert await service.late_approvals() == []
    assert "payment.duplicate_acknowledged" in audit_actions(world)
    # Durable, for the back office: still listed there after the counter acknowledged it.
    kept = world.database.read(
        lambda s: OrderRepository(s).duplicate_payments(include_acknowledged=True)
    )
    assert [d.id for d in kept] == [duplicate.id]


async def test_cash_after_a_decline_abandons_it_and_a_late_wompi_approval_is_paid_twice(
    world: InProcessWorld,
) -> None:
    service = counter(world)
    first = await service.start_wompi(draft())
    await pay_in_checkout(world, first.phone_checkout_url, CARD_DECLINED, outcome="DECLINED")
    await service.refresh(first.reference)

    cash = await service.pay_cash(first.order_number, Money.from_pesos(30_000))
    assert stored(world, first.reference).abandoned_at is not None
    assert await service.duplicate_payments() == []

    late_tx = await pay_in_checkout(world, first.phone_checkout_url, CARD_OK, outcome="APPROVED")
    await service.refresh(first.reference)

    assert [a.reference for a in await service.late_approvals()] == [first.reference]
    (duplicate,) = await service.duplicate_payments()
    assert (duplicate.first.reference, duplicate.first.transaction_id) == (
        cash.attempt.reference,
        "",
    )
    assert (duplicate.extra.reference, duplicate.extra.transaction_id) == (first.reference, late_tx)


async def test_two_approvals_under_one_reference_are_a_duplicate_payment(
    world: InProcessWorld,
) -> None:
    # The sandbox, like Wompi's checkout, takes no new payment on a reference already paid;
    # a second approval under one reference is what its answers would say if one slipped by.
    service = counter(world)
    started = await service.start_wompi(draft())
    at = started.attempt.created_at

    def see(tx_id: str, minute: int) -> None:
        obs = Observation(
            tx_id,
            PaymentStatus.APPROVED,
            StatusSource.POLL,
            at + timedelta(minutes=minute),
            started.amount,
            "CARD",
        )
        world.database.write(lambda s: OrderRepository(s).apply_observation(started.reference, obs))

    see("tx-first", 1)
    see("tx-second", 2)
    see("tx-second", 3)  # seen again: recorded once

    (duplicate,) = await service.duplicate_payments()
    assert (duplicate.first.reference, duplicate.first.transaction_id) == (
        started.reference,
        "tx-first",
    )
    assert (duplicate.extra.reference, duplicate.extra.transaction_id) == (
        started.reference,
        "tx-second",
    )
    assert stored(world, started.reference).transaction_id == "tx-first"  # never overwritten
    assert audit_actions(world).count("payment.duplicate") == 1


async def test_cancelling_the_order_after_a_decline_keeps_watching_for_the_payers_retry(
    world: InProcessWorld,
) -> None:
    service = counter(world)
    started = await service.start_wompi(draft())
    await pay_in_checkout(world, started.phone_checkout_url, CARD_DECLINED, outcome="DECLINED")
    await service.refresh(started.reference)

    await service.cancel_order(started.order_number)  # the customer left, the cart was changed
    assert stored(world, started.reference).abandoned_at is not None

    await pay_in_checkout(world, started.phone_checkout_url, CARD_OK, outcome="APPROVED")
    await service.refresh(started.reference)
    assert [a.reference for a in await service.late_approvals()] == [started.reference]


async def test_an_approved_attempt_is_never_abandoned_by_a_new_tender(
    world: InProcessWorld,
) -> None:
    service = counter(world)
    started = await service.start_wompi(draft())
    await pay_in_checkout(world, started.phone_checkout_url, CARD_OK, outcome="APPROVED")
    await service.refresh(started.reference)
    world.database.write(
        lambda s: OrderRepository(s).abandon_attempt(started.reference, started.attempt.created_at)
    )
    assert stored(world, started.reference).abandoned_at is None
