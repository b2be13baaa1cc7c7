"""Sample orders, fixed times and a repository shortcut shared by the store tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import TypeVar

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import Customer, DocumentType, IvaRate, Order, OrderLine
from mestore_desktop.domain.payment import Observation, PaymentStatus, StatusSource
from mestore_desktop.store.db import Database
from mestore_desktop.store.repositories import OrderRepository

T = TypeVar("T")
BOGOTA = timezone(timedelta(hours=-5), "COT")
T0 = datetime(2026, 3, 14, 9, 26, 53, 589793, tzinfo=BOGOTA)
# More than any sample order costs: for cash sales whose change a test does not look at.
PLENTY = Money.from_pesos(1_000_000)


def at(seconds: float) -> datetime:
    """A moment `seconds` after T0, in Bogotá time so every test crosses a timezone."""
    return T0 + timedelta(seconds=seconds)


def make_order(pesos: int = 25_000, terminal: str = "T01") -> Order:
    line = OrderLine("Café molido 500 g", 1, Money.from_pesos(pesos), IvaRate.REDUCED)
    return Order(terminal_id=terminal, lines=(line,), created_at=T0)


def rich_order() -> Order:
    lines = (
        OrderLine("Arroz 5 kg", 2, Money.from_pesos(18_900), IvaRate.EXEMPT, sku="7701"),
        OrderLine(
            "Aceite 1 L", 3, Money(1_250_050), IvaRate.GENERAL, discount=Money(150_000), sku="A1"
        ),
        OrderLine("Panela", 1, Money.from_pesos(3_500), IvaRate.REDUCED),
    )
    customer = Customer(
        name="Ana María Pérez",
        email="ana@example.co",
        phone="+57 300 123 4567",
        document_type=DocumentType.CC,
        document_number="1020304050",
    )
    return Order(terminal_id="CAJA2", lines=lines, created_at=T0, customer=customer)


def observation(
    transaction_id: str,
    status: PaymentStatus,
    when: datetime,
    source: StatusSource = StatusSource.WEBHOOK,
    amount: Money | None = None,
) -> Observation:
    return Observation(
        transaction_id,
        status,
        source,
        when,
        amount,
        payment_method="CARD",
        payment_method_type="CARD",
    )


def approved(transaction_id: str, when: datetime, amount: Money | None = None) -> Observation:
    return observation(transaction_id, PaymentStatus.APPROVED, when, amount=amount)


class Repo:
    """Runs one repository call in its own read or write transaction."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def write(self, fn: Callable[[OrderRepository], T]) -> T:
        return self.database.write(lambda s: fn(OrderRepository(s)))

    def read(self, fn: Callable[[OrderRepository], T]) -> T:
        return self.database.read(lambda s: fn(OrderRepository(s)))
