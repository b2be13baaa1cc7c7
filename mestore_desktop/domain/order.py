"""Orders, their lines and exact totals with the IVA breakdown.

Colombian counter prices include IVA, so the tax is carved out of each rate's total:
tax = round_half_up(total * rate / (100 + rate)), base = total - tax. Computing per rate group
(not per line) keeps base + tax == total to the cent, which is what a receipt must show.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import IntEnum, StrEnum

from mestore_desktop.domain.money import Money, MoneyError, divide_half_up, sum_money
from mestore_desktop.domain.payment import OrderStatus
from mestore_desktop.domain.text import N_

MAX_DESCRIPTION = 200
MAX_QUANTITY = 100_000
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class OrderError(ValueError):
    """An order or line that breaks a rule. `str()` is a message staff can read (Spanish)."""


class IvaRate(IntEnum):
    """The IVA rates a Colombian counter sells at, in percent."""

    EXEMPT = 0
    REDUCED = 5
    GENERAL = 19


class DocumentType(StrEnum):
    CC = "CC"
    NIT = "NIT"
    CE = "CE"


@dataclass(frozen=True, slots=True)
class Customer:
    """Optional buyer data; every field may be blank."""

    name: str = ""
    email: str = ""
    phone: str = ""
    document_type: DocumentType | None = None
    document_number: str = ""

    def __post_init__(self) -> None:
        if self.email and not _EMAIL.fullmatch(self.email):
            raise OrderError(N_("El correo «{email}» no es válido.", email=self.email))
        if self.document_number and self.document_type is None:
            raise OrderError(N_("Indique el tipo de documento (CC, NIT o CE)."))


@dataclass(frozen=True, slots=True)
class OrderLine:
    """One line: quantity x unit price (IVA included), minus a discount on the whole line."""

    description: str
    quantity: int
    unit_price: Money
    iva_rate: IvaRate
    discount: Money = field(default_factory=Money.zero)
    sku: str = ""

    def __post_init__(self) -> None:
        if not self.description.strip() or len(self.description) > MAX_DESCRIPTION:
            raise OrderError(
                N_(
                    "La descripción debe tener entre 1 y {max_description} caracteres.",
                    max_description=MAX_DESCRIPTION,
                )
            )
        if not isinstance(self.quantity, int) or not 1 <= self.quantity <= MAX_QUANTITY:
            raise OrderError(
                N_(
                    "La cantidad debe ser un número entero entre 1 y {max_quantity}.",
                    max_quantity=MAX_QUANTITY,
                )
            )
        if self.unit_price.cents < 0:
            raise OrderError(N_("El precio no puede ser negativo."))
        if not 0 <= self.discount.cents <= self.gross.cents:
            raise OrderError(N_("El descuento no puede ser negativo ni mayor que la línea."))
        IvaRate(self.iva_rate)  # refuses rates other than 0, 5 and 19

    @property
    def gross(self) -> Money:
        return self.unit_price * self.quantity

    @property
    def total(self) -> Money:
        """What the customer pays for this line, IVA included."""
        return self.gross - self.discount

    def with_discount_percent(self, percent: int) -> OrderLine:
        if not 0 <= percent <= 100:
            raise OrderError(N_("El descuento debe estar entre 0 % y 100 %."))
        return replace(self, discount=Money(divide_half_up(self.gross.cents * percent, 100)))


@dataclass(frozen=True, slots=True)
class TaxGroup:
    """The part of an order's total sold at one IVA rate."""

    rate: IvaRate
    base: Money
    tax: Money

    @property
    def total(self) -> Money:
        return self.base + self.tax


@dataclass(frozen=True, slots=True)
class OrderTotals:
    groups: tuple[TaxGroup, ...]
    discount: Money
    total: Money

    @property
    def base(self) -> Money:
        return sum_money([g.base for g in self.groups])

    @property
    def tax(self) -> Money:
        return sum_money([g.tax for g in self.groups])


def compute_totals(lines: Iterable[OrderLine]) -> OrderTotals:
    lines = tuple(lines)
    groups = tuple(
        _tax_group(rate, sum_money([ln.total for ln in lines if ln.iva_rate == rate]))
        for rate in sorted({ln.iva_rate for ln in lines})
    )
    return OrderTotals(
        groups=groups,
        discount=sum_money([ln.discount for ln in lines]),
        total=sum_money([ln.total for ln in lines]),
    )


def _tax_group(rate: IvaRate, total: Money) -> TaxGroup:
    tax = Money(divide_half_up(total.cents * int(rate), 100 + int(rate)))
    return TaxGroup(rate=rate, base=total - tax, tax=tax)


@dataclass(frozen=True, slots=True)
class Order:
    """A sale at one terminal. `number` is assigned by the store when first saved."""

    terminal_id: str
    lines: tuple[OrderLine, ...]
    created_at: datetime
    number: int | None = None
    customer: Customer = field(default_factory=Customer)
    cancelled_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.created_at.tzinfo is None:
            raise OrderError(N_("La hora del pedido no tiene zona horaria."))

    @property
    def totals(self) -> OrderTotals:
        return compute_totals(self.lines)

    @property
    def total(self) -> Money:
        return self.totals.total

    def chargeable_amount(self) -> Money:
        """The amount to send to Wompi; raises if the order cannot be charged there."""
        if not self.lines:
            raise OrderError(N_("La venta no tiene productos."))
        try:
            return self.total.require_wompi_amount()
        except MoneyError as exc:
            raise OrderError(str(exc)) from exc

    def add_line(self, line: OrderLine) -> Order:
        return replace(self, lines=(*self.lines, line))

    def replace_line(self, index: int, line: OrderLine) -> Order:
        lines = list(self.lines)
        lines[index] = line
        return replace(self, lines=tuple(lines))

    def remove_line(self, index: int) -> Order:
        return replace(self, lines=self.lines[:index] + self.lines[index + 1 :])


@dataclass(frozen=True, slots=True)
class OrderSummary:
    """One row of the orders browser: what a clerk scans for, without the lines."""

    number: int
    terminal_id: str
    created_at: datetime
    total: Money
    status: OrderStatus
    customer_name: str = ""
    customer_email: str = ""
    last_reference: str = ""
    payment_method: str = ""  # Wompi's type ("CARD", "NEQUI"…), "CASH" for cash, "" unknown
    # The payment link the shown attempt came through, else the one the order was made from.
    link_name: str = ""
