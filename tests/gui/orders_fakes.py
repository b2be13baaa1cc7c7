"""An in-memory `OrdersService` for the orders model's and page's unit tests.

It answers keyset pages as the store does (strictly after the last row's sort value and number),
counts the requests in flight (the model must never have two), can be told to hold an answer
until released (to look at the page while it loads) or to fail, and records what it was asked.
The store and the real services are exercised by test_orders_store.py and the journeys.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from mestore_desktop.domain.browse import (
    AttemptDetail,
    ManualNote,
    OrderDetail,
    OrderFilter,
    OrderPage,
    PageKey,
    SortKey,
)
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import Customer, IvaRate, Order, OrderLine, OrderSummary
from mestore_desktop.domain.payment import (
    OrderStatus,
    PaymentAttempt,
    PaymentStatus,
    StatusChange,
    StatusSource,
    Tender,
)
from mestore_desktop.ui.orders.source import matches

T0 = datetime(2026, 11, 26, 15, 30, tzinfo=UTC)


def summary(
    number: int,
    status: OrderStatus = OrderStatus.AWAITING_PAYMENT,
    *,
    pesos: int = 25_000,
    minutes: int | None = None,
    **kw: Any,
) -> OrderSummary:
    return OrderSummary(
        number=number,
        terminal_id=kw.pop("terminal_id", "T01"),
        created_at=T0 + timedelta(minutes=number if minutes is None else minutes),
        total=Money.from_pesos(pesos),
        status=status,
        last_reference=kw.pop("last_reference", f"T01-ABCD-{number:06d}-1"),
        **kw,
    )


@dataclass(frozen=True)
class VoidCheck:
    can_void: bool
    reason: str


@dataclass
class FakeOrders:
    """`OrdersService` over a list of summaries (and optional details)."""

    rows: list[OrderSummary] = field(default_factory=list)
    details: dict[int, OrderDetail] = field(default_factory=dict)
    transactions: dict[int, str] = field(default_factory=dict)  # order -> a Wompi tx id
    calls: list[tuple[str, Any]] = field(default_factory=list)
    in_flight: int = 0
    most_in_flight: int = 0
    fail_next: Exception | None = None
    hold: asyncio.Event | None = None
    voidable: dict[str, VoidCheck] = field(default_factory=dict)
    requery_changes: list[StatusChange] = field(default_factory=list)
    exported: list[tuple[OrderFilter, SortKey, bool, Path]] = field(default_factory=list)
    voided: list[tuple[str, str, str]] = field(default_factory=list)

    async def _enter(self, name: str, detail: Any) -> None:
        self.calls.append((name, detail))
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(0.01)
            if self.hold is not None:
                await self.hold.wait()
            if self.fail_next is not None:
                exc, self.fail_next = self.fail_next, None
                raise exc
        finally:
            self.in_flight -= 1

    # -- reads ------------------------------------------------------------------------------

    async def page(
        self,
        filter: OrderFilter,
        sort: SortKey,
        descending: bool,
        after: PageKey | None,
        limit: int,
    ) -> OrderPage:
        await self._enter("page", (filter, sort, descending, after, limit))
        found = [r for r in self.rows if self._matches(filter, r)]
        found.sort(key=lambda r: (sort_value(r, sort), r.number), reverse=descending)
        if after is not None:
            cut = (after.value, after.number)
            # Strictly after the cursor, in the sort's direction.
            found = [
                r
                for r in found
                if (
                    (sort_value(r, sort), r.number) < cut
                    if descending
                    else (sort_value(r, sort), r.number) > cut
                )
            ]
        chunk = found[:limit]
        more = len(found) > limit
        last = chunk[-1] if chunk else None
        key = PageKey(sort_value(last, sort), last.number) if more and last else None
        return OrderPage(rows=tuple(chunk), next_key=key)

    def _matches(self, order_filter: OrderFilter, row: OrderSummary) -> bool:
        if order_filter.search and self.transactions.get(row.number) == order_filter.search:
            return matches(replace(order_filter, search=""), row)
        return matches(order_filter, row)

    async def summaries(self, numbers: Sequence[int]) -> list[OrderSummary]:
        await self._enter("summaries", tuple(numbers))
        wanted = set(numbers)
        return [r for r in self.rows if r.number in wanted]

    async def detail(self, number: int) -> OrderDetail | None:
        await self._enter("detail", number)
        return self.details.get(number)

    async def terminals(self) -> list[str]:
        return sorted({r.terminal_id for r in self.rows})

    async def methods(self) -> list[str]:
        return sorted({r.payment_method for r in self.rows if r.payment_method})

    # -- actions ----------------------------------------------------------------------------

    async def export_csv(
        self,
        filter: OrderFilter,
        sort: SortKey,
        descending: bool,
        path: Path,
    ) -> int:
        await self._enter("export_csv", path)
        rows = [r for r in self.rows if self._matches(filter, r)]
        path.write_text(
            "\ufeffpedido;total\n" + "".join(f"{r.number};{r.total.cents // 100}\n" for r in rows),
            encoding="utf-8",
        )
        self.exported.append((filter, sort, descending, path))
        return len(rows)

    async def requery(self, number: int) -> list[StatusChange]:
        await self._enter("requery", number)
        return list(self.requery_changes)

    async def void_check(self, reference: str) -> VoidCheck:
        await self._enter("void_check", reference)
        return self.voidable.get(reference, VoidCheck(False, "No es un pago con tarjeta."))

    async def void(self, reference: str, actor: str, reason: str) -> PaymentAttempt:
        await self._enter("void", reference)
        self.voided.append((reference, actor, reason))
        for number, detail in self.details.items():
            for item in detail.attempts:
                if item.attempt.reference == reference:
                    voided = replace(
                        item.attempt,
                        status=PaymentStatus.VOIDED,
                        updated_at=T0 + timedelta(hours=1),
                    )
                    self._mark_voided(number, voided)
                    return voided
        raise AssertionError(f"unknown reference {reference}")

    def _mark_voided(self, number: int, attempt: PaymentAttempt) -> None:
        detail = self.details[number]
        change = StatusChange(
            attempt.reference,
            PaymentStatus.APPROVED,
            PaymentStatus.VOIDED,
            StatusSource.MANUAL,
            attempt.updated_at,
            attempt.transaction_id,
            "manual_void actor=ana",
        )
        attempts = tuple(
            AttemptDetail(attempt, (*a.history, change))
            if a.attempt.reference == attempt.reference
            else a
            for a in detail.attempts
        )
        note = ManualNote(attempt.updated_at, "ana", "payment.voided", "reason=devolución")
        self.details[number] = replace(
            detail, status=OrderStatus.VOIDED, attempts=attempts, notes=(*detail.notes, note)
        )
        self.rows = [
            replace(r, status=OrderStatus.VOIDED) if r.number == number else r for r in self.rows
        ]


def sort_value(row: OrderSummary | None, sort: SortKey) -> Any:
    assert row is not None
    if sort is SortKey.TOTAL:
        return row.total.cents
    if sort is SortKey.STATUS:
        return row.status.value
    return int(row.created_at.timestamp() * 1_000_000)


@dataclass
class FakeBackOffice:
    orders: FakeOrders
    actor: str = "ana"
    terminal_id: str = "T01"


def card_sale_detail(number: int = 7, *, pesos: int = 70_000) -> OrderDetail:
    """A paid card sale: two lines (IVA 19 % and 5 %), checkout → webhook, a customer."""
    lines = (
        OrderLine("Camiseta", 1, Money.from_pesos(pesos - 18_900), IvaRate.GENERAL),
        OrderLine("Café molido 500 g", 1, Money.from_pesos(18_900), IvaRate.REDUCED),
    )
    order = Order(
        terminal_id="T01",
        lines=lines,
        created_at=T0,
        number=number,
        customer=Customer(name="Ana Gómez", email="ana@example.com"),
    )
    reference = f"T01-ABCD-{number:06d}-1"
    attempt = PaymentAttempt(
        reference=reference,
        order_number=number,
        attempt_number=1,
        tender=Tender.WOMPI,
        amount=order.total,
        status=PaymentStatus.APPROVED,
        created_at=T0,
        updated_at=T0 + timedelta(minutes=1),
        transaction_id="11111-1700000000-12345",
        payment_method="CARD",
        transactions=(("11111-1700000000-12345", PaymentStatus.APPROVED),),
    )
    history = (
        StatusChange(reference, None, PaymentStatus.PENDING, StatusSource.CHECKOUT, T0),
        StatusChange(
            reference,
            PaymentStatus.PENDING,
            PaymentStatus.APPROVED,
            StatusSource.WEBHOOK,
            T0 + timedelta(minutes=1),
            "11111-1700000000-12345",
            "relay_seq=3 event_status=APPROVED",
        ),
    )
    return OrderDetail(
        order=order,
        status=OrderStatus.PAID,
        attempts=(AttemptDetail(attempt, history),),
        notes=(),
    )
