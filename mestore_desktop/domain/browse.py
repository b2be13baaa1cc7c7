"""What the back office's orders browser asks for and gets back: filters, sort keys, keyset
pages and an order's full detail. Pure types; the store answers them with indexed queries.

Pages are keyset pages: `PageKey` is the last row's sort value and order number, and the next
page starts strictly after it. Unlike OFFSET, a page costs the same at row 10 and at row
1,000,000, and an order saved while someone scrolls neither repeats nor hides a row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from mestore_desktop.domain.order import Order, OrderSummary
from mestore_desktop.domain.payment import (
    OrderStatus,
    PaymentAttempt,
    StatusChange,
    Tender,
)

MAX_PAGE_SIZE = 500


class SortKey(StrEnum):
    CREATED_AT = "created_at"
    TOTAL = "total"
    STATUS = "status"


@dataclass(frozen=True, slots=True)
class OrderFilter:
    """Which orders to list; every field left at its default matches every order."""

    first_day: date | None = None  # Bogotá days, inclusive
    last_day: date | None = None
    statuses: frozenset[OrderStatus] = frozenset()
    tender: Tender | None = None
    method: str = ""  # Wompi payment_method_type ("CARD", "NEQUI", "PSE", …), "" = any
    terminal_id: str = ""
    search: str = ""  # a reference, a Wompi transaction id, a customer e-mail or name


@dataclass(frozen=True, slots=True)
class PageKey:
    """Keyset cursor: the last row's sort value (micros, cents or status name) and number."""

    value: int | str
    number: int


@dataclass(frozen=True, slots=True)
class OrderPage:
    rows: tuple[OrderSummary, ...]
    next_key: PageKey | None  # None: no more rows


@dataclass(frozen=True, slots=True)
class AttemptDetail:
    attempt: PaymentAttempt
    history: tuple[StatusChange, ...]  # oldest first; each line says its source


@dataclass(frozen=True, slots=True)
class ManualNote:
    """An audit log line about this order: who did what and why (voids, resolutions…)."""

    at: datetime
    actor: str
    action: str
    detail: str


@dataclass(frozen=True, slots=True)
class OrderDetail:
    order: Order
    status: OrderStatus
    attempts: tuple[AttemptDetail, ...]
    notes: tuple[ManualNote, ...]
