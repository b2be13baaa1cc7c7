"""Building the back office's situations over the sandbox and SQLite (in-process world)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order, OrderLine
from mestore_desktop.domain.payment import StatusSource, Tender
from mestore_desktop.domain.reconciliation import bogota_day
from mestore_desktop.services.back_office import BackOffice, assemble
from mestore_desktop.services.back_office_base import FixedWompi
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.sync.apply import apply_transactions
from tests.sync.harness import InProcessWorld, Sale

ACTOR = "ana@T01"


def office(world: InProcessWorld, *, private_key: bool = True) -> BackOffice:
    return assemble(world.executor, FixedWompi(world.wompi(), private_key), "T01", ACTOR)


def today() -> Any:
    return bogota_day(datetime.now(UTC))


async def record(world: InProcessWorld, transaction_id: str) -> None:
    """What Wompi says of the transaction, applied here as the sync would (source poll)."""
    tx = await world.wompi().get_transaction(transaction_id)
    at = datetime.now(UTC)
    world.database.write(
        lambda s: apply_transactions(s, [tx], source=StatusSource.POLL, at=at, evidence="test")
    )


async def paid(world: InProcessWorld, pesos: int = 25_000, method: Any = None) -> Sale:
    sale = world.sale(pesos, method)
    world.sandbox.approve(sale.transaction_id)
    await record(world, sale.transaction_id)
    return sale


def order_with_attempt(
    world: InProcessWorld, pesos: int = 25_000, at: datetime | None = None
) -> tuple[int, str, Money]:
    """An order and its Wompi attempt saved at `at` (default now); (number, reference, amount)."""
    when = at or datetime.now(UTC)
    line = OrderLine("Café molido 500 g", 1, Money.from_pesos(pesos), IvaRate.REDUCED)
    draft = Order(terminal_id="T01", lines=(line,), created_at=when)

    def save(session: Any) -> tuple[int, str, Money]:
        repo = OrderRepository(session)
        order = repo.create_order(draft)
        assert order.number is not None
        attempt = repo.new_attempt(order.number, Tender.WOMPI, when)
        return order.number, attempt.reference, attempt.amount

    return world.database.write(save)


def cash_sale(world: InProcessWorld, pesos: int = 10_000) -> str:
    line = OrderLine("Huevos AA x 30", 1, Money.from_pesos(pesos), IvaRate.EXEMPT)
    now = datetime.now(UTC)
    draft = Order(terminal_id="T01", lines=(line,), created_at=now)

    def save(session: Any) -> str:
        repo = OrderRepository(session)
        order = repo.create_order(draft)
        assert order.number is not None
        received = Money.from_pesos(pesos)
        return repo.new_attempt(order.number, Tender.CASH, now, cash_received=received).reference

    return world.database.write(save)


def cancel_order(world: InProcessWorld, number: int) -> None:
    at = datetime.now(UTC)
    world.database.write(lambda s: OrderRepository(s).cancel_order(number, at))


def inject(world: InProcessWorld, reference: str, pesos: int, **extra: Any) -> str:
    body = {
        "reference": reference,
        "amount_in_cents": pesos * 100,
        "status": "APPROVED",
        "silent": True,
        **extra,
    }
    return str(world.sandbox.inject_transaction(body)["id"])


def audit_actions(world: InProcessWorld, prefix: str) -> list[tuple[str, str, str]]:
    entries = world.database.read(lambda s: OrderRepository(s).audit_entries(limit=500))
    return [(e.action, e.actor, e.detail) for e in reversed(entries) if e.action.startswith(prefix)]
