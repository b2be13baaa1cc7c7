"""A `BackOffice` double for the Conciliación page and the day close dialog (tests only).

Same method names and signatures as `services.back_office` (the CONTRACT of issue 10): the page
only calls those. The reconciliation can hold its fetch between pages (`hold`), so a test sees
the progress and cancels mid-way; every call is recorded.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from types import MappingProxyType

from mestore_desktop.domain.day_close import DayCloseRecord, DayCloseReport, build_day_close
from mestore_desktop.domain.payment import PaymentStatus, Tender
from mestore_desktop.domain.reconciliation import (
    LocalAttempt,
    MethodDayTotal,
    Queue,
    QueueRow,
    Reconciliation,
)

DAY = date(2026, 11, 26)
DAY_BEFORE = date(2026, 11, 25)
TERMINAL = "T01"
ACTOR = "ana"


@dataclass(frozen=True, slots=True)
class Progress:
    """As services' FetchProgress."""

    pages: int
    transactions: int


def row(queue: Queue, n: int, *, cents: int = 2_500_000, **kw: object) -> QueueRow:
    values: dict[str, object] = {
        "queue": queue,
        "reference": f"T01-{n:06d}-1",
        "transaction_id": f"tx-{n}",
        "status": PaymentStatus.APPROVED,
        "local_status": PaymentStatus.APPROVED,
        "amount_cents": cents,
        "local_amount_cents": cents,
        "order_number": n,
        "payment_method": "CARD",
        "day": DAY,
        "detail": f"Fila {n} de {queue.value}.",
    }
    values.update(kw)
    return QueueRow(**values)  # type: ignore[arg-type]


def sample_result() -> Reconciliation:
    """Rows in every queue (none in Aprobado tras cancelar) and totals over two days."""
    queues = {
        Queue.MATCHED: (
            row(Queue.MATCHED, 1),
            row(Queue.MATCHED, 2, cents=1_000_000, payment_method="NEQUI", day=DAY_BEFORE),
        ),
        Queue.STALE_PENDING: (
            row(Queue.STALE_PENDING, 3, local_status=PaymentStatus.PENDING),
            row(
                Queue.STALE_PENDING,
                4,
                cents=500_000,
                status=PaymentStatus.DECLINED,
                local_status=PaymentStatus.PENDING,
            ),
        ),
        Queue.AMOUNT_MISMATCH: (row(Queue.AMOUNT_MISMATCH, 5, local_amount_cents=3_000_000),),
        Queue.ORPHAN: (
            row(Queue.ORPHAN, 6, local_status=None, local_amount_cents=None, order_number=None),
        ),
        Queue.PAID_WITHOUT_APPROVAL: (
            row(Queue.PAID_WITHOUT_APPROVAL, 7, status=None, transaction_id=""),
        ),
        Queue.DUPLICATE_PAYMENT: (row(Queue.DUPLICATE_PAYMENT, 8, local_status=None),),
        Queue.APPROVED_AFTER_CANCEL: (),
    }
    totals = (
        MethodDayTotal(DAY_BEFORE, "NEQUI", 1, 1_000_000),
        MethodDayTotal(DAY_BEFORE, "CASH", 2, 4_000_000),
        MethodDayTotal(DAY, "CARD", 5, 12_500_000),
        MethodDayTotal(DAY, "CASH", 1, 1_500_000),
    )
    return Reconciliation(DAY_BEFORE, DAY, MappingProxyType(queues), totals)


@dataclass
class FakeReconciliation:
    result: Reconciliation = field(default_factory=sample_result)
    pages: tuple[int, ...] = (100, 250)  # transactions seen after each page
    hold: bool = False  # wait for `release` before finishing
    error: Exception | None = None
    runs: list[tuple[date, date]] = field(default_factory=list)
    cancelled: int = 0
    applied: list[tuple[list[QueueRow], str, str]] = field(default_factory=list)
    resolved: list[tuple[QueueRow, str, str]] = field(default_factory=list)
    exported: list[Path] = field(default_factory=list)
    release: asyncio.Event | None = None

    async def run(
        self, first_day: date, last_day: date, progress: Callable[[Progress], None]
    ) -> Reconciliation:
        self.runs.append((first_day, last_day))
        self.release = asyncio.Event()
        try:
            for number, seen in enumerate(self.pages, start=1):
                progress(Progress(number, seen))
                await asyncio.sleep(0)
            if self.hold:
                await self.release.wait()
        except asyncio.CancelledError:
            self.cancelled += 1
            raise
        if self.error is not None:
            raise self.error
        return replace(self.result, first_day=first_day, last_day=last_day)

    async def apply_stale(self, rows: Sequence[QueueRow], actor: str, reason: str) -> list:
        self.applied.append((list(rows), actor, reason))
        return []

    async def resolve(self, row: QueueRow, actor: str, reason: str) -> None:
        if not reason.strip():
            raise AssertionError("the page must never resolve without a reason")
        self.resolved.append((row, actor, reason))

    def export_csv(self, result: Reconciliation, directory: Path) -> list[Path]:
        written = []
        for queue in Queue:
            path = Path(directory) / f"{queue.value}.csv"
            path.write_text(f"{result.count(queue)}\n", encoding="utf-8-sig")
            written.append(path)
        totals = Path(directory) / "totales.csv"
        totals.write_text("totales\n", encoding="utf-8-sig")
        self.exported = [*written, totals]
        return self.exported


def attempt(
    n: int,
    tender: Tender,
    cents: int,
    status: PaymentStatus = PaymentStatus.APPROVED,
    *,
    method: str = "",
    at: datetime | None = None,
) -> LocalAttempt:
    return LocalAttempt(
        reference=f"T01-{n:06d}-1",
        order_number=n,
        terminal_id=TERMINAL,
        tender=tender,
        amount_cents=cents,
        status=status,
        transaction_id=None if tender is Tender.CASH else f"tx-{n}",
        transactions=(),
        payment_method=method or ("CASH" if tender is Tender.CASH else "CARD"),
        created_at=at or datetime(2026, 11, 26, 15, n, tzinfo=UTC),
        abandoned=False,
        order_cancelled=False,
    )


def day_attempts() -> list[LocalAttempt]:
    """Two cash sales ($ 30.000 + $ 20.000), a card and a Nequi payment, one Nequi pending."""
    return [
        attempt(1, Tender.CASH, 3_000_000),
        attempt(2, Tender.CASH, 2_000_000),
        attempt(3, Tender.WOMPI, 2_500_000, method="CARD"),
        attempt(4, Tender.WOMPI, 1_000_000, method="NEQUI"),
        attempt(5, Tender.WOMPI, 4_200_000, PaymentStatus.PENDING, method="NEQUI"),
    ]


class ReasonMissingError(ValueError):
    pass


@dataclass
class FakeDayClose:
    attempts: list[LocalAttempt] = field(default_factory=day_attempts)
    unresolved: dict[Queue, int] = field(default_factory=dict)
    records: dict[tuple[str, date], DayCloseRecord] = field(default_factory=dict)
    closes: list[tuple[DayCloseReport, str]] = field(default_factory=list)
    reopens: list[tuple[str, date, str, str]] = field(default_factory=list)
    now: datetime = datetime(2026, 11, 26, 23, 10, tzinfo=UTC)

    async def preview(
        self, terminal_id: str, day: date, cash_counted_cents: int | None, note: str
    ) -> DayCloseReport:
        return build_day_close(
            terminal_id,
            day,
            self.attempts,
            cash_counted_cents=cash_counted_cents,
            note=note,
            unresolved=self.unresolved,
        )

    async def close(self, report: DayCloseReport, actor: str) -> DayCloseRecord:
        record = DayCloseRecord(report, self.now, actor)
        self.records[(report.terminal_id, report.day)] = record
        self.closes.append((report, actor))
        return record

    async def reopen(self, terminal_id: str, day: date, reason: str, actor: str) -> DayCloseRecord:
        if not reason.strip():
            raise ReasonMissingError("a reopen needs a reason")
        record = replace(
            self.records[(terminal_id, day)],
            reopened_at=self.now,
            reopened_by=actor,
            reopen_reason=reason,
        )
        self.records[(terminal_id, day)] = record
        self.reopens.append((terminal_id, day, reason, actor))
        return record

    async def get(self, terminal_id: str, day: date) -> DayCloseRecord | None:
        return self.records.get((terminal_id, day))


@dataclass
class FakeBackOffice:
    reconciliation: FakeReconciliation = field(default_factory=FakeReconciliation)
    day_close: FakeDayClose = field(default_factory=FakeDayClose)
    orders: object = None
    terminal_id: str = TERMINAL
    actor: str = ACTOR
    store_name: str = "Tienda La 14"
    store_nit: str = "900123456-7"
