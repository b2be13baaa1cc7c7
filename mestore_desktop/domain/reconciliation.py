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
* DUPLICATE_PAYMENT: APPROVED at Wompi while its order holds another approval: every approval
  but the first. An order's approvals are its approved Wompi transactions among those fetched
  (after-cancel ones included), its approved cash attempts, and its approved Wompi attempts
  created outside the range whose transaction was not fetched (seen approved by the sync before
  the range; an approval expected among those fetched but missing is a PAID_WITHOUT_APPROVAL
  instead, and counts as no money). The first is the earliest created, except that a cash
  payment always ranks first: cash never shows in a Wompi queue, so an order paid by card and
  in cash must show its card payment as the duplicate, whichever came first.
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

Rows keep the order in which transactions were first given, then local-only rows in attempt
order.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from enum import StrEnum
from functools import lru_cache
from operator import attrgetter
from types import MappingProxyType

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.payment import (
    PaymentStatus,
    Tender,
    decide_transition,
    deciding_transaction,
)
from mestore_desktop.domain.text import N_, Text

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
            N_(
                "El rango de días está invertido: {first} es posterior a {last}.",
                first=first_day.isoformat(),
                last=last_day.isoformat(),
            )
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
    # One plain sentence for staff: a Text (the UI renders it translated) on exception rows; a
    # plain Spanish str on the many matched rows, which the UI words itself from order_number
    # (100,000 rows are matched in under 0.5 s: a Text each would cost a fifth of that).
    detail: Text | str

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
            "detail": str(self.detail),
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
#
# 100,000 transactions against 100,000 attempts must take under half a second on a 2-core
# machine: one pass over the transactions and one over the attempts, dict and set lookups only,
# matches are plain tuples, the status machine's answers are tabulated once, the common MATCHED
# case is told apart by a few comparisons (`_plainly_matched`) before the general rules, rows
# are built without the frozen dataclass's slow __init__ (`_FastRow`), enum members are looked
# up once per loop, not per item, and amounts are formatted once each. Measured by
# tests/benchmarks/bench_back_office.py.

# (what we hold of a transaction, Wompi's status) -> whether Wompi's status applies: the status
# machine's own answer (domain/payment.py), tabulated.
_APPLIES: dict[PaymentStatus, dict[PaymentStatus, bool]] = {
    held: {wompi: decide_transition(held, wompi).applies for wompi in PaymentStatus}
    for held in PaymentStatus
}

_APPLIES_OVER_ITSELF = frozenset(status for status in PaymentStatus if _APPLIES[status][status])

# One transaction with what it matched (attempt, else None) and its Bogota day.
_Match = tuple[WompiTransaction, LocalAttempt | None, date]


class _Days:
    """Bogota days of instants, fast for the range: one subtraction instead of a conversion."""

    def __init__(self, first_day: date, last_day: date) -> None:
        self.start, end = day_bounds(first_day, last_day)
        self.days = [first_day + timedelta(days=n) for n in range((end - self.start).days)]
        self.first, self.last = first_day, last_day

    def of(self, at: datetime) -> date:
        if at.tzinfo is not None:
            n = (at - self.start).days
            if 0 <= n < len(self.days):
                return self.days[n]
        return bogota_day(at)

    def holds(self, day: date) -> bool:
        return self.first <= day <= self.last

    def of_all(self, moments: Iterable[datetime]) -> list[date]:
        """`of` of many instants, in one loop (no call per instant)."""
        start, days, count = self.start, self.days, len(self.days)
        return [
            days[n]
            if at.tzinfo is not None and 0 <= (n := (at - start).days) < count
            else bogota_day(at)
            for at in moments
        ]


def held_status(attempt: LocalAttempt, transaction_id: str) -> PaymentStatus | None:
    """What the attempt holds of one transaction (its followed one at least at the attempt's
    status); None when it never saw it."""
    for known_id, status in attempt.transactions:
        if known_id == transaction_id:
            return status
    return attempt.status if transaction_id == attempt.transaction_id else None


def is_behind(attempt: LocalAttempt, tx: WompiTransaction, held: PaymentStatus | None) -> bool:
    """Whether Wompi's status of `tx` is news we should apply (see the module docstring);
    `held`: what the attempt holds of `tx` (`held_status`)."""
    if held is not None:
        return _APPLIES[held][tx.status]
    known = dict(attempt.transactions)
    if attempt.transaction_id and attempt.transaction_id not in known:
        known[attempt.transaction_id] = attempt.status
    known[tx.transaction_id] = tx.status
    decider = deciding_transaction(known, attempt.transaction_id)
    return decider is not None and known[decider] is not attempt.status


@dataclass(frozen=True, slots=True)
class _Approval:
    """Money an order holds: an approved transaction, or an approved attempt with none fetched."""

    at: datetime
    key: str  # transaction id, or "ref:<reference>"
    cash: bool = False

    def rank(self) -> tuple[bool, datetime, str]:
        """Cash first (see the module docstring), then the earliest; the key breaks ties."""
        at = self.at if self.at.tzinfo is not None else self.at.replace(tzinfo=UTC)
        return (not self.cash, at, self.key)


class _Totals:
    """Approved money per (day, method): the amounts gathered per key, summed at the end."""

    def __init__(self) -> None:
        self.amounts: defaultdict[tuple[date, str], list[int]] = defaultdict(list)

    def add(self, day: date, method: str, cents: int) -> None:
        self.amounts[day, method or UNKNOWN_METHOD].append(cents)

    def add_transactions(self, approved: list[_Match], days: _Days) -> None:
        """The approved transactions of the range's days (`add` inlined: a call per transaction
        cost more than the adding)."""
        first, last, amounts = days.first, days.last, self.amounts
        for tx, _attempt, day in approved:
            if first <= day <= last:
                amounts[day, tx.payment_method or UNKNOWN_METHOD].append(tx.amount_cents)

    def result(self) -> tuple[MethodDayTotal, ...]:
        return tuple(
            MethodDayTotal(day, method, len(found), sum(found))
            for (day, method), found in sorted(self.amounts.items())
        )


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
    (None: the payer chooses). Raises ReconciliationError for an inverted range.
    """
    days = _Days(first_day, last_day)
    attempts = list(local)
    # By id: the later sighting of a transaction wins (pages read a moment apart), in the
    # position of the first.
    latest = {tx.transaction_id: tx for tx in wompi}
    matches = _match_all(list(latest.values()), attempts, days)
    approved = [m for m in matches if m[0].status is _APPROVED]
    approved_attempts = [a for _tx, a, _day in approved if a is not None]
    approved_refs = {a.reference for a in approved_attempts}
    totals = _Totals()
    local_rows, paid_here = _attempts_pass(attempts, latest, approved_refs, days, totals)
    firsts = _first_approvals(approved, approved_attempts, paid_here)
    queues = _transaction_rows(matches, firsts, approved_refs, link_amounts)
    totals.add_transactions(approved, days)
    queues[Queue.PAID_WITHOUT_APPROVAL].extend(local_rows)
    return Reconciliation(
        first_day,
        last_day,
        MappingProxyType({q: tuple(rows) for q, rows in queues.items()}),
        totals.result(),
    )


def _match_all(
    transactions: list[WompiTransaction], attempts: list[LocalAttempt], days: _Days
) -> list[_Match]:
    """Each transaction with the attempt that knows its id, else the attempt of its reference,
    else None, and its Bogota day."""
    wompi_tender = Tender.WOMPI  # enum members are slow to look up in a loop
    ours = [a for a in attempts if a.tender is wompi_tender]
    by_tx = {a.transaction_id: a for a in ours if a.transaction_id}
    for a in ours:  # any id an attempt has seen, over the one it follows
        for tx_id, _status in a.transactions:
            by_tx[tx_id] = a
    found = list(map(by_tx.get, [tx.transaction_id for tx in transactions]))
    missed = [i for i, a in enumerate(found) if a is None]
    if missed:  # by reference, indexing only the references asked for
        wanted = {transactions[i].reference for i in missed}
        by_ref = {a.reference: a for a in ours if a.reference in wanted}
        for i in missed:
            found[i] = by_ref.get(transactions[i].reference)
    tx_days = days.of_all(tx.created_at for tx in transactions)
    return list(zip(transactions, found, tx_days, strict=True))


def _attempts_pass(
    attempts: list[LocalAttempt],
    fetched: Container[str],
    approved_refs: set[str],
    days: _Days,
    totals: _Totals,
) -> tuple[list[QueueRow], list[LocalAttempt]]:
    """One pass over the approved attempts: cash into the totals, local-only rows, and the
    approvals with no fetched transaction (for duplicates)."""
    rows: list[QueueRow] = []
    paid_here: list[LocalAttempt] = []
    approved, cash = _APPROVED, Tender.CASH
    for a in attempts:
        if a.status is not approved:
            continue
        if a.tender is cash:
            paid_here.append(a)
            day = days.of(a.created_at)
            if days.holds(day):
                totals.add(day, CASH_METHOD, a.amount_cents)
        elif a.transaction_id not in fetched:
            day = days.of(a.created_at)
            if not days.holds(day):
                paid_here.append(a)  # seen approved by the sync before the range
            elif a.reference not in approved_refs:
                rows.append(_paid_here_only_row(a, day))
        # Else its transaction was fetched: that transaction's row says what Wompi holds.
    return rows, paid_here


def _first_approvals(
    approved: list[_Match], approved_attempts: list[LocalAttempt], paid_here: list[LocalAttempt]
) -> dict[int, _Approval]:
    """Per order holding more than one approval: its first (module docstring).
    `approved_attempts`: the attempts of the approved transactions matched to one."""
    # Most orders hold one approval: count first (in C), build approvals only for the others.
    counts = Counter(map(_order_number, approved_attempts))
    counts.update(map(_order_number, paid_here))
    several = {order for order, n in counts.items() if n > 1}
    if not several:
        return {}
    found: dict[int, list[_Approval]] = defaultdict(list)
    for tx, a, _day in approved:
        if a is not None and a.order_number in several:
            found[a.order_number].append(_Approval(tx.created_at, tx.transaction_id))
    for a in paid_here:
        if a.order_number in several:
            cash = a.tender is Tender.CASH
            found[a.order_number].append(_Approval(a.created_at, "ref:" + a.reference, cash))
    return {order: min(approvals, key=_Approval.rank) for order, approvals in found.items()}


_order_number = attrgetter("order_number")


def _transaction_rows(
    matches: list[_Match],
    firsts: dict[int, _Approval],
    approved_refs: set[str],
    link_amounts: Mapping[str, int | None],
) -> dict[Queue, list[QueueRow]]:
    """Every transaction's row, by queue, in the order the transactions came."""
    queues: dict[Queue, list[QueueRow]] = {q: [] for q in Queue}
    matched = queues[_MATCHED]
    for m in matches:
        tx, attempt, day = m
        if attempt is None:
            row = _unmatched_row(m, link_amounts)
        elif _plainly_matched(tx, attempt, firsts):
            # Nine in ten transactions: built here, without _matched_row's general rules.
            matched.append(
                _FastRow(
                    _MATCHED,
                    tx.reference,
                    tx.transaction_id,
                    tx.status,
                    tx.status,  # what the attempt holds of it: the same (_plainly_matched)
                    tx.amount_cents,
                    attempt.amount_cents,
                    attempt.order_number,
                    tx.payment_method,
                    day,
                    f"Coincide con el pedido {attempt.order_number}.",
                ).row()
            )
            continue
        else:
            row = _matched_row(m, firsts, approved_refs)
        queues[row.queue].append(row)
    return queues


def _plainly_matched(
    tx: WompiTransaction, attempt: LocalAttempt, firsts: dict[int, _Approval]
) -> bool:
    """The common MATCHED case, decided quickly: the attempt has seen this transaction alone,
    at Wompi's status, for the same amount and currency, and no rule above MATCHED applies
    (`_queue_of` says MATCHED whenever this says True)."""
    tx_id, status, known = tx.transaction_id, tx.status, attempt.transactions
    if len(known) != 1 or known[0][0] != tx_id or known[0][1] is not status:
        return False
    if tx.amount_cents != attempt.amount_cents or tx.currency != attempt.currency:
        return False
    if status in _APPLIES_OVER_ITSELF:
        return False  # none does (domain/payment.py), but then _queue_of would say STALE_PENDING
    if status is _APPROVED:
        if attempt.abandoned or attempt.order_cancelled:
            return False
        first = firsts.get(attempt.order_number)
        return first is None or first.key == tx_id
    # Not approved at Wompi: if paid here, PAID_WITHOUT_APPROVAL may apply; _queue_of decides.
    return attempt.status is not _APPROVED


def _matched_row(m: _Match, firsts: dict[int, _Approval], approved_refs: set[str]) -> QueueRow:
    """The row of a transaction matched to one of our attempts."""
    tx, attempt, day = m
    assert attempt is not None  # noqa: S101  callers pass matched transactions only
    held = held_status(attempt, tx.transaction_id)
    local_status = attempt.status if held is None else held
    queue = _queue_of(tx, attempt, held, firsts, approved_refs)
    detail: Text | str
    if queue is _MATCHED:
        detail = f"Coincide con el pedido {attempt.order_number}."
    else:
        detail = _exception_detail(queue, tx, attempt, local_status, firsts)
    return _FastRow(
        queue,
        tx.reference,
        tx.transaction_id,
        tx.status,
        local_status,
        tx.amount_cents,
        attempt.amount_cents,
        attempt.order_number,
        tx.payment_method,
        day,
        detail,
    ).row()


_MATCHED = Queue.MATCHED


def _queue_of(
    tx: WompiTransaction,
    attempt: LocalAttempt,
    held: PaymentStatus | None,
    firsts: dict[int, _Approval],
    approved_refs: set[str],
) -> Queue:
    """The first rule of the module docstring that holds for a matched transaction."""
    approved = tx.status is _APPROVED
    if approved:
        if attempt.abandoned or attempt.order_cancelled:
            return Queue.APPROVED_AFTER_CANCEL
        first = firsts.get(attempt.order_number)
        if first is not None and first.key != tx.transaction_id:
            return Queue.DUPLICATE_PAYMENT
    # The common case inline: a transaction the attempt knows (is_behind's first branch).
    behind = _APPLIES[held][tx.status] if held is not None else is_behind(attempt, tx, held)
    if (
        not approved
        and not behind
        and attempt.status is _APPROVED
        and tx.transaction_id == attempt.transaction_id
        and attempt.reference not in approved_refs
    ):
        return Queue.PAID_WITHOUT_APPROVAL
    if tx.amount_cents != attempt.amount_cents or tx.currency != attempt.currency:
        return Queue.AMOUNT_MISMATCH
    return Queue.STALE_PENDING if behind else _MATCHED


class _FastRow:
    """A QueueRow built at the speed of a plain slotted class.

    The frozen dataclass's own __init__ makes eleven object.__setattr__ calls: for 100,000 rows
    that is a sixth of the time budget. This class has exactly QueueRow's slots, so once filled
    the object can become a QueueRow (`row()`: a same-layout __class__ change), frozen from then
    on and equal to one built by QueueRow(...). Positional fields, in QueueRow's order.
    """

    __slots__ = QueueRow.__slots__

    def __init__(
        self,
        queue: Queue,
        reference: str,
        transaction_id: str,
        status: PaymentStatus | None,
        local_status: PaymentStatus | None,
        amount_cents: int,
        local_amount_cents: int | None,
        order_number: int | None,
        payment_method: str,
        day: date,
        detail: Text | str,
    ) -> None:
        self.queue = queue
        self.reference = reference
        self.transaction_id = transaction_id
        self.status = status
        self.local_status = local_status
        self.amount_cents = amount_cents
        self.local_amount_cents = local_amount_cents
        self.order_number = order_number
        self.payment_method = payment_method
        self.day = day
        self.detail = detail

    def row(self) -> QueueRow:
        self.__class__ = QueueRow  # type: ignore[assignment]
        return self  # type: ignore[return-value]


def _exception_detail(
    queue: Queue,
    tx: WompiTransaction,
    attempt: LocalAttempt,
    local_status: PaymentStatus,
    firsts: dict[int, _Approval],
) -> Text:
    if queue is Queue.APPROVED_AFTER_CANCEL:
        return _after_cancel(tx, attempt)
    if queue is Queue.DUPLICATE_PAYMENT:
        return _duplicate(tx, attempt, firsts[attempt.order_number])
    if queue is Queue.PAID_WITHOUT_APPROVAL:
        return _unpaid(tx, attempt)
    if queue is Queue.AMOUNT_MISMATCH:
        return _mismatch(tx, attempt)
    return _stale(tx, attempt, local_status)


def _unmatched_row(m: _Match, link_amounts: Mapping[str, int | None]) -> QueueRow:
    """A transaction for none of our attempts: one of our links', else an orphan."""
    tx, _attempt, day = m
    if tx.payment_link_id is not None and tx.payment_link_id in link_amounts:
        return _link_row(m, link_amounts[tx.payment_link_id])
    return QueueRow(
        Queue.ORPHAN,
        tx.reference,
        tx.transaction_id,
        tx.status,
        None,
        tx.amount_cents,
        None,
        None,
        tx.payment_method,
        day,
        _orphan_detail(tx),
    )


def _link_row(m: _Match, link_amount: int | None) -> QueueRow:
    tx, _attempt, day = m
    wrong_amount = link_amount is not None and tx.amount_cents != link_amount
    detail: Text
    if wrong_amount or tx.currency != "COP":
        received = f"{_pesos(tx.amount_cents)} {tx.currency}"
        detail = (
            N_(
                "El link de pago {link} recibió {received}.",
                link=tx.payment_link_id,
                received=received,
            )
            if link_amount is None
            else N_(
                "El link de pago {link} recibió {received} y no {expected}.",
                link=tx.payment_link_id,
                received=received,
                expected=_pesos(link_amount),
            )
        )
        queue = Queue.AMOUNT_MISMATCH
    else:
        detail = N_(
            "Pago por el link {link}: {status} en Wompi.",
            link=tx.payment_link_id,
            status=_status_es(tx.status),
        )
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
        day,
        detail,
    )


def _paid_here_only_row(a: LocalAttempt, day: date) -> QueueRow:
    return QueueRow(
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
        _paid_here_only(a),
    )


# -- what a clerk reads -----------------------------------------------------------------------

_STATUS_ES = {
    PaymentStatus.PENDING: N_("pendiente"),
    PaymentStatus.APPROVED: N_("aprobada"),
    PaymentStatus.DECLINED: N_("rechazada"),
    PaymentStatus.ERROR: N_("con error"),
    PaymentStatus.VOIDED: N_("anulada"),
}


def _status_es(status: PaymentStatus) -> Text:
    return _STATUS_ES[status]


@lru_cache(maxsize=4096)
def _pesos(cents: int) -> str:
    # Exception rows name amounts, and prices repeat: building Money and formatting it again
    # for each was two fifths of the time spent on those rows.
    return Money(cents).format()


def _orphan_detail(tx: WompiTransaction) -> Text:
    return N_(
        "Wompi tiene una transacción {status} de {amount} con la referencia {reference}, que no "
        "corresponde a ningún pedido.",
        status=_status_es(tx.status),
        amount=_pesos(tx.amount_cents),
        reference=tx.reference,
    )


def _after_cancel(tx: WompiTransaction, a: LocalAttempt) -> Text:
    if a.order_cancelled:
        return N_(
            "Wompi aprobó {amount} del pedido {number} después de que el pedido fue cancelado: "
            "devuelva el dinero o recupere la venta.",
            amount=_pesos(tx.amount_cents),
            number=a.order_number,
        )
    return N_(
        "Wompi aprobó {amount} del pedido {number} después de que el cobro fue abandonado: "
        "devuelva el dinero o recupere la venta.",
        amount=_pesos(tx.amount_cents),
        number=a.order_number,
    )


def _duplicate(tx: WompiTransaction, a: LocalAttempt, first: _Approval) -> Text:
    if first.cash:
        return N_(
            "El pedido {number} también se pagó en efectivo y Wompi aprobó este pago de "
            "{amount}: devuelva uno de los dos.",
            number=a.order_number,
            amount=_pesos(tx.amount_cents),
        )
    return N_(
        "El pedido {number} también se pagó con otro pago y Wompi aprobó este pago de "
        "{amount}: devuelva uno de los dos.",
        number=a.order_number,
        amount=_pesos(tx.amount_cents),
    )


def _unpaid(tx: WompiTransaction, a: LocalAttempt) -> Text:
    return N_(
        "El pedido {number} figura pagado, pero Wompi tiene su transacción {status}.",
        number=a.order_number,
        status=_status_es(tx.status),
    )


def _paid_here_only(a: LocalAttempt) -> Text:
    if a.transaction_id:
        return N_(
            "El pedido {number} figura pagado por {amount}, pero Wompi no muestra su "
            "transacción {transaction_id} aprobada.",
            number=a.order_number,
            amount=_pesos(a.amount_cents),
            transaction_id=a.transaction_id,
        )
    return N_(
        "El pedido {number} figura pagado por {amount}, pero Wompi no muestra ninguna "
        "transacción aprobada.",
        number=a.order_number,
        amount=_pesos(a.amount_cents),
    )


def _mismatch(tx: WompiTransaction, a: LocalAttempt) -> Text:
    return N_(
        "Wompi registró {amount} para el pedido {number}, que es de {expected}.",
        amount=f"{_pesos(tx.amount_cents)} {tx.currency}",
        number=a.order_number,
        expected=f"{_pesos(a.amount_cents)} {a.currency}",
    )


def _stale(tx: WompiTransaction, a: LocalAttempt, local_status: PaymentStatus) -> Text:
    return N_(
        "Wompi tiene la transacción de {amount} {status}, pero aquí sigue {local_status} "
        "(pedido {number}).",
        amount=_pesos(tx.amount_cents),
        status=_status_es(tx.status),
        local_status=_status_es(local_status),
        number=a.order_number,
    )
