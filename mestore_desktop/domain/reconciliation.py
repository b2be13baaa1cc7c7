"""Reconciliation: did every sale get paid, and did every payment belong to a sale?

Wompi's transactions for a range of days are matched against our payment attempts and our
payment links, and each lands in exactly one queue. Pure: no I/O, no Qt.

Matching a Wompi transaction
----------------------------
1. By transaction id: any id an attempt has seen (`transactions`, or `transaction_id`).
2. Else by reference (a retry under one reference creates a second transaction we may never
   have heard of).
3. Else by `payment_link_id`, when it is one of ours (`link_amounts`): never an orphan.
4. Else it is an ORPHAN: money or a try for a sale we do not know.

Cash attempts are never matched (Wompi never sees cash): a transaction whose reference happens
to be a cash attempt's is an orphan. The same transaction id passed twice (overlapping pages)
counts once; the later sighting wins.

Queue of a transaction matched to an attempt, first rule that holds
--------------------------------------------------------------------
* APPROVED_AFTER_CANCEL: APPROVED at Wompi while the attempt was abandoned or its order
  cancelled (the customer paid after staff gave up: a refund or a sale to recover).
* DUPLICATE_PAYMENT: APPROVED at Wompi while its order already held an earlier approval: every
  approval after the first, by creation time. An order's approvals are its approved Wompi
  transactions among those fetched (after-cancel ones included), its approved cash attempts,
  and its approved Wompi attempts created outside the range whose transaction was not fetched
  (seen approved by the sync before the range; an approval expected among those fetched but
  missing is a PAID_WITHOUT_APPROVAL instead, and counts as no money).
* PAID_WITHOUT_APPROVAL: the attempt's own transaction (the one it follows), APPROVED locally,
  is not APPROVED at Wompi, Wompi's status cannot simply be applied (`decide_transition` does
  not say APPLY: a DECLINED, an ERROR, a PENDING), and no other fetched transaction of the
  attempt is APPROVED.
* AMOUNT_MISMATCH: a different amount or currency than the attempt's.
* STALE_PENDING: our status is behind Wompi's. For a transaction the attempt has seen, Wompi's
  status can be applied to what we hold of it (`decide_transition(...)` says APPLY: PENDING ->
  final, APPROVED -> VOIDED). For one it has never seen, adding it would change the attempt's
  status (`deciding_transaction`, the rule the sync follows): e.g. a retry approved after a
  decline, or any final status while the attempt is still pending.
* MATCHED: otherwise — same status (both pending included), or ours already ahead (Wompi's list
  lagging behind a webhook), or an unseen transaction that changes nothing (a failed retry under
  an attempt already decided).

A transaction matched to a link: AMOUNT_MISMATCH when the link has a fixed amount and the
transaction's differs, or its currency is not COP; else MATCHED (no local status).

Rows with no Wompi transaction (local-only)
-------------------------------------------
* PAID_WITHOUT_APPROVAL: a WOMPI attempt created in the range, APPROVED locally, none of whose
  fetched transactions is APPROVED, and whose own transaction was not fetched (when it was, that
  transaction's row is the one in PAID_WITHOUT_APPROVAL or STALE_PENDING, as above).
  `transaction_id` is the attempt's ("" when none), `status` None.
* Attempts still pending with no Wompi transaction are abandoned checkouts: no row.

So a row with `status` None is local-only; every other row is one Wompi transaction, and every
transaction passed in has exactly one such row.

Totals
------
Approved money per (Bogota day, method) for the days in the range: APPROVED Wompi transactions,
matched or not (their `payment_method`, "" shown as "DESCONOCIDO"), plus APPROVED cash attempts
as method "CASH". A VOIDED transaction counts nothing. `day` of a row is the Bogota day of its
transaction, or of the attempt for local-only rows.

Rows keep the order transactions were given in, then local-only rows in attempt order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from enum import StrEnum
from types import MappingProxyType

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.payment import (
    PaymentStatus,
    Tender,
    decide_transition,
    deciding_transaction,
)

# Colombia has kept UTC-5 without daylight saving since 1993: a fixed offset needs no tz database.
BOGOTA = timezone(timedelta(hours=-5), "America/Bogota")
CASH_METHOD = "CASH"
UNKNOWN_METHOD = "DESCONOCIDO"
_APPROVED = PaymentStatus.APPROVED
_PENDING = PaymentStatus.PENDING


def bogota_day(at: datetime) -> date:
    """The day in Bogota of an instant; a naive datetime is taken as UTC (how SQLite keeps it)."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(BOGOTA).date()


def day_bounds(first_day: date, last_day: date) -> tuple[datetime, datetime]:
    """[start, end) in UTC of the Bogota days first_day..last_day, both included."""
    if last_day < first_day:
        raise ReconciliationError(
            f"El rango de días está invertido: {first_day.isoformat()} es posterior a "
            f"{last_day.isoformat()}."
        )
    start = datetime.combine(first_day, time(), BOGOTA).astimezone(UTC)
    end = datetime.combine(last_day + timedelta(days=1), time(), BOGOTA).astimezone(UTC)
    return start, end


class ReconciliationError(ValueError):
    """Inputs reconciliation cannot use; `str()` is Spanish for staff."""


class Queue(StrEnum):
    """Where a transaction (or a local-only problem) lands; the order is the display order."""

    MATCHED = "matched"
    STALE_PENDING = "stale_pending"
    AMOUNT_MISMATCH = "amount_mismatch"
    ORPHAN = "orphan"
    PAID_WITHOUT_APPROVAL = "paid_without_approval"
    DUPLICATE_PAYMENT = "duplicate_payment"
    APPROVED_AFTER_CANCEL = "approved_after_cancel"


EXCEPTION_QUEUES: tuple[Queue, ...] = tuple(q for q in Queue if q is not Queue.MATCHED)


@dataclass(frozen=True, slots=True)
class WompiTransaction:
    """What reconciliation needs of a Wompi transaction."""

    transaction_id: str
    reference: str
    amount_cents: int
    currency: str
    status: PaymentStatus
    payment_method: str
    created_at: datetime
    payment_link_id: str | None = None


@dataclass(frozen=True, slots=True)
class LocalAttempt:
    """One local payment attempt with its order's facts."""

    reference: str
    order_number: int
    terminal_id: str
    tender: Tender
    amount_cents: int
    status: PaymentStatus
    transaction_id: str | None
    transactions: tuple[tuple[str, PaymentStatus], ...]  # every Wompi tx seen under it
    payment_method: str
    created_at: datetime
    abandoned: bool
    order_cancelled: bool
    currency: str = "COP"


@dataclass(frozen=True, slots=True)
class QueueRow:
    queue: Queue
    reference: str
    transaction_id: str  # "" when there is none
    status: PaymentStatus | None  # Wompi's status (None: no Wompi transaction)
    local_status: PaymentStatus | None  # ours (None: no local attempt)
    amount_cents: int  # Wompi's amount when there is a transaction, else ours
    local_amount_cents: int | None
    order_number: int | None
    payment_method: str
    day: date
    detail: str  # one plain Spanish sentence for staff

    def to_json(self) -> dict[str, object]:
        return {
            "reference": self.reference,
            "transaction_id": self.transaction_id,
            "status": None if self.status is None else str(self.status),
            "local_status": None if self.local_status is None else str(self.local_status),
            "amount_cents": self.amount_cents,
            "local_amount_cents": self.local_amount_cents,
            "order_number": self.order_number,
            "payment_method": self.payment_method,
            "day": self.day.isoformat(),
            "detail": self.detail,
        }


@dataclass(frozen=True, slots=True)
class MethodDayTotal:
    """Approved money; cash sales count with method "CASH"."""

    day: date
    method: str
    count: int
    total_cents: int

    def to_json(self) -> dict[str, object]:
        return {
            "day": self.day.isoformat(),
            "method": self.method,
            "count": self.count,
            "total_cents": self.total_cents,
        }


@dataclass(frozen=True)
class Reconciliation:
    first_day: date
    last_day: date
    queues: Mapping[Queue, tuple[QueueRow, ...]]  # every Queue present, possibly empty
    totals: tuple[MethodDayTotal, ...]

    def rows(self, queue: Queue) -> tuple[QueueRow, ...]:
        return self.queues.get(queue, ())

    def count(self, queue: Queue) -> int:
        return len(self.rows(queue))

    def total_cents(self, queue: Queue) -> int:
        return sum(row.amount_cents for row in self.rows(queue))

    def open_exceptions(self) -> int:
        """Rows outside MATCHED: what still needs a person."""
        return sum(self.count(q) for q in EXCEPTION_QUEUES)

    def to_json(self) -> dict[str, object]:
        """The CLI's --json shape (issue 10, §4); every queue present, count 0 when empty."""
        return {
            "from": self.first_day.isoformat(),
            "to": self.last_day.isoformat(),
            "queues": {
                str(q): {
                    "count": self.count(q),
                    "total_cents": self.total_cents(q),
                    "rows": [row.to_json() for row in self.rows(q)],
                }
                for q in Queue
            },
            "totals": [t.to_json() for t in self.totals],
        }


# -- matching -----------------------------------------------------------------------------------


class _Index:
    """Our attempts by transaction id and by reference (WOMPI tender only), built in one pass."""

    def __init__(self, attempts: list[LocalAttempt]) -> None:
        self.by_tx: dict[str, LocalAttempt] = {}
        self.by_ref: dict[str, LocalAttempt] = {}
        for attempt in attempts:
            if attempt.tender is not Tender.WOMPI:
                continue
            self.by_ref[attempt.reference] = attempt
            if attempt.transaction_id:
                self.by_tx[attempt.transaction_id] = attempt
            for tx_id, _status in attempt.transactions:
                self.by_tx[tx_id] = attempt

    def find(self, tx: WompiTransaction) -> LocalAttempt | None:
        return self.by_tx.get(tx.transaction_id) or self.by_ref.get(tx.reference)


def known_statuses(attempt: LocalAttempt) -> dict[str, PaymentStatus]:
    """What the attempt holds of each transaction; its followed one at least at its status."""
    known = dict(attempt.transactions)
    if attempt.transaction_id and attempt.transaction_id not in known:
        known[attempt.transaction_id] = attempt.status
    return known


def is_behind(attempt: LocalAttempt, known: dict[str, PaymentStatus], tx: WompiTransaction) -> bool:
    """Whether Wompi's status of `tx` is news we should apply (see the module docstring)."""
    held = known.get(tx.transaction_id)
    if held is not None:
        return decide_transition(held, tx.status).applies
    with_it = dict(known)
    with_it[tx.transaction_id] = tx.status
    decider = deciding_transaction(with_it, attempt.transaction_id)
    return decider is not None and with_it[decider] is not attempt.status


@dataclass(slots=True)
class _Match:
    tx: WompiTransaction
    attempt: LocalAttempt | None
    day: date


@dataclass(slots=True)
class _Approval:
    at: datetime
    key: str  # transaction id, or "ref:<reference>" for an approval with no fetched transaction


def reconcile(
    local: Iterable[LocalAttempt],
    wompi: Iterable[WompiTransaction],
    *,
    first_day: date,
    last_day: date,
    link_amounts: Mapping[str, int | None] = MappingProxyType({}),
) -> Reconciliation:
    """Sort every Wompi transaction into one queue and add local-only problems (module doc).

    `local`: attempts created in the range (a day before too is welcome: an attempt created
    before midnight may be paid after it; local-only rows and cash totals only come from
    attempts created in the range). `link_amounts`: our payment links, id -> amount in cents
    (None: the payer chooses).
    """
    day_bounds(first_day, last_day)  # refuses an inverted range
    attempts = list(local)
    index = _Index(attempts)
    matches = _match_all(wompi, index)
    fetched = {m.tx.transaction_id for m in matches}
    first_approvals = _first_approvals(matches, attempts, fetched, first_day, last_day)
    approved_refs = {m.attempt.reference for m in matches if m.attempt and m.tx.status is _APPROVED}
    queues: dict[Queue, list[QueueRow]] = {q: [] for q in Queue}
    for m in matches:
        row = _classify(m, link_amounts, first_approvals, approved_refs)
        queues[row.queue].append(row)
    for row in _local_only(attempts, fetched, approved_refs, first_day, last_day):
        queues[row.queue].append(row)
    totals = _totals(matches, attempts, first_day, last_day)
    return Reconciliation(
        first_day,
        last_day,
        MappingProxyType({q: tuple(rows) for q, rows in queues.items()}),
        totals,
    )


def _match_all(wompi: Iterable[WompiTransaction], index: _Index) -> list[_Match]:
    by_id: dict[str, _Match] = {}
    for tx in wompi:
        # The later sighting of one transaction wins (pages fetched a moment apart).
        by_id[tx.transaction_id] = _Match(tx, index.find(tx), bogota_day(tx.created_at))
    return list(by_id.values())


def _first_approvals(
    matches: list[_Match],
    attempts: list[LocalAttempt],
    fetched: set[str],
    first_day: date,
    last_day: date,
) -> dict[int, str]:
    """Per order with an approval: the key of its earliest approval (module docstring)."""
    per_order: dict[int, list[_Approval]] = defaultdict(list)
    for m in matches:
        if m.attempt is not None and m.tx.status is _APPROVED:
            approval = _Approval(m.tx.created_at, m.tx.transaction_id)
            per_order[m.attempt.order_number].append(approval)
    for a in attempts:
        if a.status is _APPROVED and (
            a.tender is Tender.CASH
            or (
                a.transaction_id not in fetched
                and not first_day <= bogota_day(a.created_at) <= last_day
            )
        ):
            per_order[a.order_number].append(_Approval(a.created_at, "ref:" + a.reference))
    return {
        order: min(approvals, key=lambda ap: (_utc(ap.at), ap.key)).key
        for order, approvals in per_order.items()
        if len(approvals) > 1
    }


def _utc(at: datetime) -> datetime:
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at


def _classify(
    m: _Match,
    link_amounts: Mapping[str, int | None],
    first_approvals: dict[int, str],
    approved_refs: set[str],
) -> QueueRow:
    tx, attempt = m.tx, m.attempt
    if attempt is None:
        if tx.payment_link_id is not None and tx.payment_link_id in link_amounts:
            return _link_row(m, link_amounts[tx.payment_link_id])
        return _tx_row(m, Queue.ORPHAN, None, _orphan_detail(tx))
    known = known_statuses(attempt)
    local_status = known.get(tx.transaction_id, attempt.status)
    approved = tx.status is _APPROVED
    if approved and (attempt.abandoned or attempt.order_cancelled):
        return _tx_row(m, Queue.APPROVED_AFTER_CANCEL, local_status, _after_cancel_detail(m))
    first = first_approvals.get(attempt.order_number)
    if approved and first is not None and first != tx.transaction_id:
        return _tx_row(m, Queue.DUPLICATE_PAYMENT, local_status, _duplicate_detail(m))
    behind = is_behind(attempt, known, tx)
    if (
        not approved
        and not behind
        and attempt.status is _APPROVED
        and tx.transaction_id == attempt.transaction_id
        and attempt.reference not in approved_refs
    ):
        return _tx_row(m, Queue.PAID_WITHOUT_APPROVAL, local_status, _unpaid_detail(m))
    if tx.amount_cents != attempt.amount_cents or tx.currency != attempt.currency:
        return _tx_row(m, Queue.AMOUNT_MISMATCH, local_status, _mismatch_detail(m))
    if behind:
        return _tx_row(m, Queue.STALE_PENDING, local_status, _stale_detail(m, local_status))
    return _tx_row(m, Queue.MATCHED, local_status, _matched_detail(m))


def _tx_row(m: _Match, queue: Queue, local_status: PaymentStatus | None, detail: str) -> QueueRow:
    tx, attempt = m.tx, m.attempt
    return QueueRow(
        queue,
        tx.reference,
        tx.transaction_id,
        tx.status,
        local_status,
        tx.amount_cents,
        None if attempt is None else attempt.amount_cents,
        None if attempt is None else attempt.order_number,
        tx.payment_method,
        m.day,
        detail,
    )


def _link_row(m: _Match, link_amount: int | None) -> QueueRow:
    tx = m.tx
    wrong_amount = link_amount is not None and tx.amount_cents != link_amount
    if wrong_amount or tx.currency != "COP":
        expected = "" if link_amount is None else f" y no {_pesos(link_amount)}"
        detail = (
            f"El link de pago {tx.payment_link_id} recibió {_pesos(tx.amount_cents)} "
            f"{tx.currency}{expected}."
        )
        queue = Queue.AMOUNT_MISMATCH
    else:
        detail = f"Pago por el link {tx.payment_link_id}: {_status_es(tx.status)} en Wompi."
        queue = Queue.MATCHED
    return QueueRow(
        queue,
        tx.reference,
        tx.transaction_id,
        tx.status,
        None,
        tx.amount_cents,
        link_amount,
        None,
        tx.payment_method,
        m.day,
        detail,
    )


def _local_only(
    attempts: list[LocalAttempt],
    fetched: set[str],
    approved_refs: set[str],
    first_day: date,
    last_day: date,
) -> Iterable[QueueRow]:
    for a in attempts:
        if a.tender is not Tender.WOMPI or a.status is not _APPROVED:
            continue
        if a.reference in approved_refs or (a.transaction_id and a.transaction_id in fetched):
            continue
        day = bogota_day(a.created_at)
        if not first_day <= day <= last_day:
            continue
        tx_text = (
            f"su transacción {a.transaction_id}" if a.transaction_id else "ninguna transacción"
        )
        yield QueueRow(
            Queue.PAID_WITHOUT_APPROVAL,
            a.reference,
            a.transaction_id or "",
            None,
            a.status,
            a.amount_cents,
            a.amount_cents,
            a.order_number,
            a.payment_method,
            day,
            f"El pedido {a.order_number} figura pagado por {_pesos(a.amount_cents)}, pero Wompi "
            f"no muestra {tx_text} aprobada.",
        )


def _totals(
    matches: list[_Match], attempts: list[LocalAttempt], first_day: date, last_day: date
) -> tuple[MethodDayTotal, ...]:
    sums: dict[tuple[date, str], list[int]] = defaultdict(lambda: [0, 0])
    for m in matches:
        if m.tx.status is _APPROVED and first_day <= m.day <= last_day:
            cell = sums[(m.day, m.tx.payment_method or UNKNOWN_METHOD)]
            cell[0] += 1
            cell[1] += m.tx.amount_cents
    for a in attempts:
        if a.tender is Tender.CASH and a.status is _APPROVED:
            day = bogota_day(a.created_at)
            if first_day <= day <= last_day:
                cell = sums[(day, CASH_METHOD)]
                cell[0] += 1
                cell[1] += a.amount_cents
    return tuple(
        MethodDayTotal(day, method, count, total)
        for (day, method), (count, total) in sorted(sums.items())
    )


# -- what a clerk reads -----------------------------------------------------------------------

_STATUS_ES = {
    PaymentStatus.PENDING: "pendiente",
    PaymentStatus.APPROVED: "aprobada",
    PaymentStatus.DECLINED: "rechazada",
    PaymentStatus.ERROR: "con error",
    PaymentStatus.VOIDED: "anulada",
}


def _status_es(status: PaymentStatus) -> str:
    return _STATUS_ES[status]


def _pesos(cents: int) -> str:
    return Money(cents).format()


def _orphan_detail(tx: WompiTransaction) -> str:
    return (
        f"Wompi tiene una transacción {_status_es(tx.status)} de {_pesos(tx.amount_cents)} con "
        f"la referencia {tx.reference}, que no corresponde a ningún pedido."
    )


def _after_cancel_detail(m: _Match) -> str:
    assert m.attempt is not None  # noqa: S101  matched rows only
    what = "el pedido fue cancelado" if m.attempt.order_cancelled else "el cobro fue abandonado"
    return (
        f"Wompi aprobó {_pesos(m.tx.amount_cents)} del pedido {m.attempt.order_number} después "
        f"de que {what}: devuelva el dinero o recupere la venta."
    )


def _duplicate_detail(m: _Match) -> str:
    assert m.attempt is not None  # noqa: S101  matched rows only
    return (
        f"El pedido {m.attempt.order_number} ya estaba pagado y Wompi aprobó otro pago de "
        f"{_pesos(m.tx.amount_cents)}: devuelva uno de los dos."
    )


def _unpaid_detail(m: _Match) -> str:
    assert m.attempt is not None  # noqa: S101  matched rows only
    return (
        f"El pedido {m.attempt.order_number} figura pagado, pero Wompi tiene su transacción "
        f"{_status_es(m.tx.status)}."
    )


def _mismatch_detail(m: _Match) -> str:
    assert m.attempt is not None  # noqa: S101  matched rows only
    tx, a = m.tx, m.attempt
    return (
        f"Wompi registró {_pesos(tx.amount_cents)} {tx.currency} para el pedido {a.order_number}, "
        f"que es de {_pesos(a.amount_cents)} {a.currency}."
    )


def _stale_detail(m: _Match, local_status: PaymentStatus) -> str:
    assert m.attempt is not None  # noqa: S101  matched rows only
    return (
        f"Wompi tiene la transacción de {_pesos(m.tx.amount_cents)} {_status_es(m.tx.status)}, "
        f"pero aquí sigue {_status_es(local_status)} (pedido {m.attempt.order_number})."
    )


def _matched_detail(m: _Match) -> str:
    assert m.attempt is not None  # noqa: S101  matched rows only
    return f"Coincide con el pedido {m.attempt.order_number}."
