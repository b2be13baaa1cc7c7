"""*Conciliación*: every Wompi transaction of a range of days against our attempts and links.

`run` fetches every page of Wompi's transactions for the range with the private key (docs/wompi.md
§5.3), reporting `FetchProgress` after each page; cancelling the awaiting task stops it between
pages or mid-request, nothing is written. Wompi's `from_date`/`until_date` are whole days
(UTC in the sandbox, and undocumented in Wompi's docs), so the fetch covers the UTC days that
overlap the Bogotá days asked for, one more at the end, and keeps only the transactions created
inside the Bogotá range (`day_bounds`). Our attempts are read for the range and the day before
(a checkout opened before midnight is often paid after it); a transaction whose reference is
still unknown is looked up by reference, so a late payment for an older sale is matched rather
than called an orphan. Matching itself is the pure `domain.reconciliation.reconcile`.

`apply_stale` applies Wompi's final status of `stale_pending` rows through the status machine
(source `reconcile`), using the transaction as fetched (or read by id when it was not); `resolve`
records a person's decision on any other row. Both are audited with who and why.
`export_csv` writes one file per queue and one of totals (services/csv_export.py).

The last result per range is kept for this session (`latest`), which is what the day close
lists as unresolved: rows applied or resolved since are left out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from mestore_desktop.domain.order import Order
from mestore_desktop.domain.payment import PaymentAttempt, StatusChange, StatusSource
from mestore_desktop.domain.reconciliation import (
    EXCEPTION_QUEUES,
    LocalAttempt,
    MethodDayTotal,
    Queue,
    QueueRow,
    Reconciliation,
    WompiTransaction,
    day_bounds,
    reconcile,
)
from mestore_desktop.domain.text import N_
from mestore_desktop.services import csv_export
from mestore_desktop.services.back_office_base import (
    BackOfficeError,
    Clock,
    MissingPrivateKeyError,
    WompiAccess,
    now_utc,
    require_reason,
)
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.reconciliation_repository import ReconciliationRepository
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.sync.apply import apply_transactions
from mestore_desktop.wompi.errors import WompiAuthError
from mestore_desktop.wompi.models import Transaction

log = logging.getLogger(__name__)

MAX_RANGE_DAYS = 93  # a quarter: beyond it a person wants a report, not a work list
# Beyond this many unknown references, each looked up one by one, the rest stay orphans.
MAX_REFERENCE_LOOKUPS = 2_000
MAX_REMEMBERED = 12  # reconciliation results kept for the day close, newest last

# The queues as staff call them: Texts for messages the UI shows, plain Spanish for the CLI.
QUEUE_TEXTS = {
    Queue.MATCHED: N_("Conciliadas"),
    Queue.STALE_PENDING: N_("Pendientes resueltas en Wompi"),
    Queue.AMOUNT_MISMATCH: N_("Montos distintos"),
    Queue.ORPHAN: N_("Sin pedido"),
    Queue.PAID_WITHOUT_APPROVAL: N_("Pagadas sin Wompi"),
    Queue.DUPLICATE_PAYMENT: N_("Pago doble"),
    Queue.APPROVED_AFTER_CANCEL: N_("Aprobado tras cancelar"),
}
QUEUE_NAMES = {queue: str(text) for queue, text in QUEUE_TEXTS.items()}
QUEUE_FILES = {
    Queue.MATCHED: "conciliadas",
    Queue.STALE_PENDING: "pendientes_resueltas_en_wompi",
    Queue.AMOUNT_MISMATCH: "montos_distintos",
    Queue.ORPHAN: "sin_pedido",
    Queue.PAID_WITHOUT_APPROVAL: "pagadas_sin_wompi",
    Queue.DUPLICATE_PAYMENT: "pago_doble",
    Queue.APPROVED_AFTER_CANCEL: "aprobado_tras_cancelar",
}
QUEUE_HEADER = (
    "Cola",
    "Día",
    "Referencia",
    "Transacción Wompi",
    "Estado en Wompi",
    "Estado en MeStore",
    "Monto (pesos)",
    "Monto en MeStore (pesos)",
    "Pedido",
    "Medio de pago",
    "Detalle",
)
TOTALS_HEADER = ("Día", "Medio de pago", "Pagos aprobados", "Total (pesos)")


@dataclass(frozen=True, slots=True)
class FetchProgress:
    pages: int
    transactions: int


class RangeError(BackOfficeError):
    """A range of days reconciliation will not fetch; `str()` says why in Spanish."""


@dataclass
class _Fetched:
    """One range's Wompi transactions as last fetched (for `apply_stale` and `rematch`)."""

    transactions: dict[str, Transaction]


@dataclass
class ReconciliationMemory:
    """What reconciliation found this session, per day, minus what people have since handled."""

    results: dict[tuple[date, date], Reconciliation] = field(default_factory=dict)
    handled: set[tuple[str, str, Queue]] = field(default_factory=set)

    def remember(self, result: Reconciliation) -> None:
        key = (result.first_day, result.last_day)
        self.results.pop(key, None)  # newest last: `unresolved` reads the latest first
        self.results[key] = result
        while len(self.results) > MAX_REMEMBERED:
            del self.results[next(iter(self.results))]

    def handle(self, row: QueueRow) -> None:
        self.handled.add(_row_key(row))

    def unresolved(self, day: date) -> dict[Queue, int] | None:
        """Open rows per exception queue on `day` from the newest run that covered it; None
        when no reconciliation covering that day was run in this session."""
        covering = [r for (first, last), r in self.results.items() if first <= day <= last]
        if not covering:
            return None
        result = covering[-1]
        counts: dict[Queue, int] = {}
        for queue in EXCEPTION_QUEUES:
            rows = [
                row
                for row in result.rows(queue)
                if row.day == day and _row_key(row) not in self.handled
            ]
            if rows:
                counts[queue] = len(rows)
        return counts


class ReconciliationService:
    def __init__(
        self,
        db: DbExecutor,
        wompi: WompiAccess,
        clock: Clock = now_utc,
        memory: ReconciliationMemory | None = None,
    ) -> None:
        self._db = db
        self._wompi = wompi
        self._clock = clock
        self.memory = memory or ReconciliationMemory()
        self._fetched: dict[tuple[date, date], _Fetched] = {}

    async def run(
        self,
        first_day: date,
        last_day: date,
        progress: Callable[[FetchProgress], None] | None = None,
    ) -> Reconciliation:
        """Fetch, match and remember; `MissingPrivateKeyError` before anything is sent when
        the private key is missing. Cancelling the awaiting task stops it."""
        check_range(first_day, last_day)
        if not self._wompi.has_private_key():
            raise MissingPrivateKeyError()
        fetched = await self._fetch(first_day, last_day, progress)
        # Only the newest fetch is kept (a quarter's transactions are plenty of memory).
        self._fetched = {(first_day, last_day): fetched}
        return await self._match(first_day, last_day, fetched)

    async def rematch(self, first_day: date, last_day: date) -> Reconciliation:
        """Match again against the transactions fetched by the last `run` of this range (after
        applying or fixing something here), without asking Wompi again."""
        fetched = self._fetched.get((first_day, last_day))
        if fetched is None:
            return await self.run(first_day, last_day)
        return await self._match(first_day, last_day, fetched)

    async def apply_stale(
        self, rows: Sequence[QueueRow], actor: str, reason: str
    ) -> list[StatusChange]:
        """Apply Wompi's status of `stale_pending` rows (source reconcile); the timeline lines
        it added. Other queues are refused: their rows need a person, not Wompi's word."""
        actor, reason = require_reason(actor, reason)
        wrong = [row for row in rows if row.queue is not Queue.STALE_PENDING]
        if wrong:
            raise BackOfficeError(
                N_(
                    "Solo las filas de «Pendientes resueltas en Wompi» toman el estado de "
                    "Wompi; la referencia {reference} está en «{queue}».",
                    reference=wrong[0].reference,
                    queue=QUEUE_TEXTS[wrong[0].queue],
                )
            )
        transactions = [await self._transaction(row) for row in rows]
        at = self._clock()

        def save(session: Session) -> list[StatusChange]:
            repo = OrderRepository(session)
            before = {tx.reference: len(_history(repo, tx.reference)) for tx in transactions}
            apply_transactions(
                session,
                transactions,
                source=StatusSource.RECONCILE,
                at=at,
                evidence=f"reconcile actor={actor}",
            )
            added: list[StatusChange] = []
            for reference, count in before.items():
                added += _history(repo, reference)[count:]
            for row in rows:
                repo.audit("reconcile.applied", _row_detail(row, reason), at, actor)
            return added

        changes = await self._db.write(save)
        for row in rows:
            self.memory.handle(row)
        log.info("reconcile: applied %d stale row(s) by %s", len(rows), actor)
        return changes

    async def resolve(self, row: QueueRow, actor: str, reason: str) -> None:
        """A person handled this row (refunded, recovered the sale…): audited with who and why,
        and left out of this session's unresolved counts."""
        actor, reason = require_reason(actor, reason)
        at = self._clock()
        detail = _row_detail(row, reason)
        await self._db.write(
            lambda s: OrderRepository(s).audit("reconcile.resolved", detail, at, actor)
        )
        self.memory.handle(row)

    def export_csv(self, result: Reconciliation, directory: Path) -> list[Path]:
        """One file per queue (empty ones too: header only) and one of totals; their paths."""
        return export_reconciliation(result, Path(directory))

    # -- internals ---------------------------------------------------------------------------

    async def _fetch(
        self, first_day: date, last_day: date, progress: Callable[[FetchProgress], None] | None
    ) -> _Fetched:
        start, end = day_bounds(first_day, last_day)
        found: dict[str, Transaction] = {}
        pages = 0
        wompi = self._wompi.client()
        try:
            # UTC days overlapping the Bogotá range (its end is 05:00 UTC the next day).
            async for page in wompi.iter_transaction_pages(start.date(), end.date()):
                pages += 1
                for tx in page:
                    if start <= tx.created_at < end:
                        found[tx.id] = tx
                if progress is not None:
                    progress(FetchProgress(pages, len(found)))
        except WompiAuthError as exc:
            if exc.error_type == "NO_PRIVATE_KEY":  # removed in Ajustes while fetching
                raise MissingPrivateKeyError() from exc
            raise
        log.info("reconcile: %d transaction(s) in %d page(s)", len(found), pages)
        return _Fetched(found)

    async def _match(self, first_day: date, last_day: date, fetched: _Fetched) -> Reconciliation:
        wompi = [to_wompi_transaction(tx) for tx in fetched.transactions.values()]

        def match(session: Session) -> Reconciliation:
            # On the database thread: with 100,000 transactions matching takes a few tenths
            # of a second, which the GUI thread must never spend.
            local, links = _local_side(session, first_day, last_day, wompi)
            return reconcile(
                local, wompi, first_day=first_day, last_day=last_day, link_amounts=links
            )

        result = await self._db.read(match)
        self.memory.remember(result)
        return result

    async def _transaction(self, row: QueueRow) -> Transaction:
        for fetched in self._fetched.values():
            tx = fetched.transactions.get(row.transaction_id)
            if tx is not None:
                return tx
        return await self._wompi.client().get_transaction(row.transaction_id)


def check_range(first_day: date, last_day: date) -> None:
    if last_day < first_day:
        raise RangeError(
            N_(
                "El rango de días está invertido: {first} es posterior a {last}.",
                first=first_day.isoformat(),
                last=last_day.isoformat(),
            )
        )
    if (last_day - first_day).days + 1 > MAX_RANGE_DAYS:
        raise RangeError(
            N_(
                "Concilie como máximo {max_range_days} días de una vez.",
                max_range_days=MAX_RANGE_DAYS,
            )
        )


def to_wompi_transaction(tx: Transaction) -> WompiTransaction:
    return WompiTransaction(
        transaction_id=tx.id,
        reference=tx.reference,
        amount_cents=tx.amount_in_cents,
        currency=tx.currency,
        status=tx.status,
        payment_method=tx.payment_method.type or tx.payment_method_type or "",
        created_at=tx.created_at,
        payment_link_id=tx.payment_link_id,
    )


def local_attempt(attempt: PaymentAttempt, order: Order) -> LocalAttempt:
    """An attempt as reconciliation sees it (for references outside the store's range query)."""
    return LocalAttempt(
        reference=attempt.reference,
        order_number=attempt.order_number,
        terminal_id=order.terminal_id,
        tender=attempt.tender,
        amount_cents=attempt.amount.cents,
        status=attempt.status,
        transaction_id=attempt.transaction_id,
        transactions=attempt.transactions,
        # Wompi's type, as the store's range query reads it; the label only when unknown.
        payment_method=attempt.payment_method_type or attempt.payment_method,
        created_at=attempt.created_at,
        abandoned=attempt.abandoned_at is not None,
        order_cancelled=order.cancelled_at is not None,
    )


def _local_side(
    session: Session, first_day: date, last_day: date, wompi: list[WompiTransaction]
) -> tuple[list[LocalAttempt], dict[str, int | None]]:
    repo = ReconciliationRepository(session)
    local = repo.local_attempts(first_day - timedelta(days=1), last_day)
    known = {a.reference for a in local}
    unknown = sorted({tx.reference for tx in wompi if tx.reference not in known})
    local += _by_reference(OrderRepository(session), unknown[:MAX_REFERENCE_LOOKUPS])
    return local, repo.link_amounts()


def _by_reference(repo: OrderRepository, references: Iterable[str]) -> list[LocalAttempt]:
    found = []
    for reference in references:
        attempt = repo.find_attempt(reference)
        order = repo.get_order(attempt.order_number) if attempt is not None else None
        if attempt is not None and order is not None:
            found.append(local_attempt(attempt, order))
    return found


def _history(repo: OrderRepository, reference: str) -> list[StatusChange]:
    return repo.history(reference) if repo.find_attempt(reference) is not None else []


def _row_key(row: QueueRow) -> tuple[str, str, Queue]:
    return (row.reference, row.transaction_id, row.queue)


def _row_detail(row: QueueRow, reason: str) -> str:
    return (
        f"queue={row.queue} order={row.order_number} reference={row.reference} "
        f"transaction_id={row.transaction_id} status={row.status} "
        f"local_status={row.local_status} amount_cents={row.amount_cents} reason={reason}"
    )


# -- CSV ---------------------------------------------------------------------------------------


def export_reconciliation(result: Reconciliation, directory: Path) -> list[Path]:
    stem = f"conciliacion_{result.first_day.isoformat()}_{result.last_day.isoformat()}"
    paths = []
    for queue in Queue:
        path = directory / f"{stem}_{QUEUE_FILES[queue]}.csv"
        csv_export.write_csv(path, QUEUE_HEADER, (queue_csv_row(r) for r in result.rows(queue)))
        paths.append(path)
    totals = directory / f"{stem}_totales.csv"
    csv_export.write_csv(totals, TOTALS_HEADER, (totals_csv_row(t) for t in result.totals))
    paths.append(totals)
    return paths


def queue_csv_row(row: QueueRow) -> list[str]:
    local_amount = row.local_amount_cents
    return [
        QUEUE_NAMES[row.queue],
        csv_export.day_text(row.day),
        csv_export.text(row.reference),
        csv_export.text(row.transaction_id),
        csv_export.payment_status_word(row.status),
        csv_export.payment_status_word(row.local_status),
        csv_export.pesos(row.amount_cents),
        "" if local_amount is None else csv_export.pesos(local_amount),
        "" if row.order_number is None else str(row.order_number),
        csv_export.text(row.payment_method),
        csv_export.text(str(row.detail)),
    ]


def totals_csv_row(total: MethodDayTotal) -> list[str]:
    return [
        csv_export.day_text(total.day),
        csv_export.text(total.method),
        str(total.count),
        csv_export.pesos(total.total_cents),
    ]
