"""Link payments over the in-process sandbox and the real relay: the three ways the sync hears
of a payment (the relay's event, the pending watcher's poll, the gap filler's search) all
attach it to its order. The customer pays through the sandbox's link control, which makes the
same transaction and event as the link's page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from mestore_desktop.domain.links import LinkStatus, PaymentLinkRecord
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate
from mestore_desktop.domain.payment import OrderStatus, PaymentStatus, StatusSource
from mestore_desktop.sandbox.link_payments import pay_link
from mestore_desktop.store.link_repository import LinkRepository
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.sync.apply import Tally
from tests.sync.conftest import FakeClock
from tests.sync.harness import PSE, InProcessWorld

pytestmark = pytest.mark.anyio

PESOS = Money.from_pesos(25_000)


def make_link(
    world: InProcessWorld, order_number: int | None, *, amount: Money | None = PESOS
) -> PaymentLinkRecord:
    """A link made at the sandbox and mirrored here, as LinksService does."""
    made = world.sandbox.create_payment_link(
        {
            "name": "Torta de chocolate",
            "description": "Torta para 12 personas",
            "single_use": True,
            "collect_shipping": False,
            "currency": "COP",
            "amount_in_cents": None if amount is None else amount.cents,
        }
    )
    record = PaymentLinkRecord(
        link_id=made["id"],
        url=world.sandbox.payment_link_url(made["id"]),
        name=made["name"],
        description=made["description"],
        amount=amount,
        single_use=True,
        expires_at=None,
        redirect_url="",
        sku="",
        order_number=order_number,
        active=True,
        created_at=datetime.now(UTC),
        iva_rate=IvaRate.REDUCED,
        terminal_id="T01",
    )
    return world.database.write(lambda s: LinkRepository(s).save(record))


def order_without_attempt(world: InProcessWorld) -> int:
    number, reference, _amount = world.add_order()
    # The counter made a link instead of charging: its attempt is given up at once.
    world.database.write(lambda s: OrderRepository(s).abandon_attempt(reference, datetime.now(UTC)))
    return number


def link_of(world: InProcessWorld, link_id: str) -> PaymentLinkRecord:
    record = world.database.read(lambda s: LinkRepository(s).get(link_id))
    assert record is not None
    return record


def link_attempts(world: InProcessWorld, number: int) -> list[Any]:
    attempts = world.database.read(lambda s: OrderRepository(s).attempts_for(number))
    return [a for a in attempts if a.reference.startswith("test_")]


async def test_a_link_paid_on_its_page_pays_its_order_through_the_relay(
    world: InProcessWorld,
) -> None:
    number = order_without_attempt(world)
    link = make_link(world, number)
    paid = pay_link(world.sandbox, link.link_id, {"method": "CARD", "outcome": "APPROVED"})
    await world.wait_delivered(1)
    changed: list[set[int]] = []
    service = world.service()
    service.on_orders_changed.append(changed.append)
    await service.run_once()
    assert world.order_status(number) is OrderStatus.PAID
    assert {number} in changed
    (attempt,) = link_attempts(world, number)
    assert (attempt.reference, attempt.transaction_id) == (paid["reference"], paid["id"])
    assert attempt.reference.startswith(f"{link.link_id}_")
    history = world.history(attempt.reference)
    assert history[-1].to_status is PaymentStatus.APPROVED
    assert history[-1].source is StatusSource.WEBHOOK
    record = link_of(world, link.link_id)
    assert (record.payments, record.collected) == (1, PESOS)
    assert record.status(datetime.now(UTC)) is LinkStatus.PAID
    # The relay delivers it again: nothing is made twice.
    await service.run_once()
    assert len(link_attempts(world, number)) == 1


async def test_an_open_amount_link_without_order_makes_an_order_for_what_was_paid(
    world: InProcessWorld,
) -> None:
    link = make_link(world, None, amount=None)
    body = {"method": "NEQUI", "outcome": "APPROVED", "amount_in_cents": 4_200_000}
    pay_link(world.sandbox, link.link_id, body)
    await world.wait_delivered(1)
    changed: list[set[int]] = []
    service = world.service()
    service.on_orders_changed.append(changed.append)
    await service.run_once()
    (numbers,) = changed
    (number,) = numbers
    order = world.database.read(lambda s: OrderRepository(s).get_order(number))
    assert order is not None
    assert order.total == Money.from_pesos(42_000)
    assert order.lines[0].description == "Torta de chocolate"
    assert order.lines[0].iva_rate is IvaRate.REDUCED
    assert world.order_status(number) is OrderStatus.PAID
    rows = world.database.read(lambda s: OrderRepository(s).list_orders(limit=50))
    assert [r.link_name for r in rows if r.number == number] == ["Torta de chocolate"]


async def test_the_pending_watcher_settles_a_link_payment_whose_event_was_lost(
    world: InProcessWorld, clock: FakeClock
) -> None:
    number = order_without_attempt(world)
    link = make_link(world, number)
    # A PSE payer at the bank: the payment is PENDING when the gap filler first finds it.
    pending = world.sandbox.create_transaction(
        amount_in_cents=PESOS.cents,
        currency="COP",
        reference=None,
        customer_email="cliente.link@example.com",
        payment_method=dict(PSE),
        payment_link_id=link.link_id,
        customer_data={"full_name": "Cliente Ejemplo", "phone_number": "+573001112233"},
    )
    service = world.service(relay=False, clock=clock, random=lambda: 0.0)
    assert await service.gaps.fill_if_due(Tally(), [])
    assert world.order_status(number) is OrderStatus.AWAITING_PAYMENT
    world.sandbox.drop_next_events(1)
    world.sandbox.approve(str(pending["id"]))
    clock.advance(3600)
    await service.watcher.poll(Tally(), [])
    assert world.order_status(number) is OrderStatus.PAID
    (attempt,) = link_attempts(world, number)
    assert world.history(attempt.reference)[-1].source is StatusSource.POLL
    assert link_of(world, link.link_id).payments == 1


async def test_the_gap_filler_finds_a_link_payment_the_relay_never_delivered(
    world: InProcessWorld, clock: FakeClock
) -> None:
    link = make_link(world, None)
    world.sandbox.drop_next_events(5)
    pay_link(world.sandbox, link.link_id, {"method": "CARD", "outcome": "APPROVED"})
    clock.advance(60)
    service = world.service(relay=False, clock=clock, random=lambda: 0.0)
    assert await service.gaps.fill_if_due(Tally(), [])
    record = link_of(world, link.link_id)
    assert record.order_number is not None
    assert world.order_status(record.order_number) is OrderStatus.PAID
    (attempt,) = link_attempts(world, record.order_number)
    assert world.history(attempt.reference)[-1].source is StatusSource.RECONCILE
    # Searching again finds the same payment: still one order.
    clock.advance(timedelta(hours=2).total_seconds())
    service.gaps.ask("otra vez", None)
    await service.gaps.fill_if_due(Tally(), [])
    orders = world.database.read(lambda s: OrderRepository(s).list_orders())
    assert [o.number for o in orders] == [record.order_number]
