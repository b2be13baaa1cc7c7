"""Payment attempts and the status machine that decides what a new observation may change.

Wompi's transactions start PENDING and end APPROVED, DECLINED or ERROR; an APPROVED card
payment may later be VOIDED. Observations (checkout redirect, webhook, poll, reconciliation)
arrive late, twice or out of order, so the machine answers one question per observation:
apply it, ignore it as already known or stale, or refuse it as a conflict that a person must
look at. A final status never goes back, and a conflicting final is never applied silently.

Wompi's checkout lets a payer retry after a failure within the same reference, which creates a
second transaction. So an attempt follows a *transaction id*, chosen from what is known of every
transaction under its reference whatever order they were seen in (`deciding_transaction`): an
approval wins, a retry still pending takes over from a failed one; a second approval under one
reference is a conflict (a double charge), never an overwrite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import cast

from mestore_desktop.domain.money import Money, MoneyError
from mestore_desktop.domain.text import N_


class PaymentStatus(StrEnum):
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    DECLINED = "DECLINED"
    ERROR = "ERROR"
    VOIDED = "VOIDED"

    @property
    def is_final(self) -> bool:
        return self is not PaymentStatus.PENDING


FAILED_STATUSES = frozenset({PaymentStatus.DECLINED, PaymentStatus.ERROR})

# The transitions Wompi documents. PENDING -> VOIDED is allowed because it is what we see when
# the APPROVED observation in between was lost: Wompi only voids approved payments.
ALLOWED_TRANSITIONS: dict[PaymentStatus, frozenset[PaymentStatus]] = {
    PaymentStatus.PENDING: frozenset(
        {PaymentStatus.APPROVED, PaymentStatus.DECLINED, PaymentStatus.ERROR, PaymentStatus.VOIDED}
    ),
    PaymentStatus.APPROVED: frozenset({PaymentStatus.VOIDED}),
    PaymentStatus.DECLINED: frozenset(),
    PaymentStatus.ERROR: frozenset(),
    PaymentStatus.VOIDED: frozenset(),
}

# Statuses that precede another in Wompi's lifecycle: seeing them afterwards means the
# observation is stale (reordered or late), not that anything changed.
_EARLIER: dict[PaymentStatus, frozenset[PaymentStatus]] = {
    PaymentStatus.PENDING: frozenset(),
    PaymentStatus.APPROVED: frozenset({PaymentStatus.PENDING}),
    PaymentStatus.DECLINED: frozenset({PaymentStatus.PENDING}),
    PaymentStatus.ERROR: frozenset({PaymentStatus.PENDING}),
    PaymentStatus.VOIDED: frozenset({PaymentStatus.PENDING, PaymentStatus.APPROVED}),
}


class Tender(StrEnum):
    """How the customer pays: through Wompi, or in cash at the counter (never seen by Wompi)."""

    WOMPI = "WOMPI"
    CASH = "CASH"


class CashReceivedError(MoneyError):
    """The cash received does not fit the tender or the amount; `str()` is Spanish for staff."""


def check_cash_received(tender: Tender, amount: Money, cash_received: Money | None) -> None:
    """A cash sale needs the cash handed over, at least the amount; a Wompi payment has none."""
    if tender is Tender.WOMPI:
        if cash_received is not None:
            raise CashReceivedError(N_("Un pago con Wompi no lleva efectivo recibido."))
        return
    if cash_received is None:
        raise CashReceivedError(N_("Indique el efectivo recibido del cliente."))
    if cash_received < amount:
        raise CashReceivedError(
            N_(
                "El efectivo recibido ({cash_received}) no cubre el total ({amount}).",
                cash_received=cash_received.format(),
                amount=amount.format(),
            )
        )


class StatusSource(StrEnum):
    """Who told us about a status: recorded in the history of every change."""

    CHECKOUT = "checkout"
    WEBHOOK = "webhook"
    POLL = "poll"
    RECONCILE = "reconcile"
    MANUAL = "manual"


class Outcome(StrEnum):
    APPLY = "apply"
    DUPLICATE = "duplicate"  # already known: nothing to do
    STALE = "stale"  # older than what we know: nothing to do
    CONFLICT = "conflict"  # contradicts a final status: refused and reported


@dataclass(frozen=True, slots=True)
class Decision:
    outcome: Outcome
    current: PaymentStatus
    incoming: PaymentStatus
    reason: str = ""

    @property
    def applies(self) -> bool:
        return self.outcome is Outcome.APPLY


def decide_transition(current: PaymentStatus, incoming: PaymentStatus) -> Decision:
    """What to do when one transaction is observed in `incoming` while we hold `current`."""
    if incoming == current:
        return Decision(Outcome.DUPLICATE, current, incoming)
    if incoming in ALLOWED_TRANSITIONS[current]:
        return Decision(Outcome.APPLY, current, incoming)
    if incoming in _EARLIER[current]:
        return Decision(Outcome.STALE, current, incoming)
    return Decision(
        Outcome.CONFLICT,
        current,
        incoming,
        reason=f"{incoming} contradice el estado final {current}",
    )


@dataclass(frozen=True, slots=True)
class Observation:
    """A status of one Wompi transaction as reported by some source."""

    transaction_id: str
    status: PaymentStatus
    source: StatusSource
    observed_at: datetime
    amount: Money | None = None
    payment_method: str = ""  # the label for receipts: "VISA ••4242", "Nequi 399•••1111"
    status_message: str = ""
    # Wompi's payment_method_type ("CARD", "NEQUI", "PSE"…; "" unknown): what the back office
    # lists, filters and totals by. Last so that positional construction keeps its meaning.
    payment_method_type: str = ""


_METHOD_TYPE = re.compile(r"[A-Z][A-Z0-9_]*")


def method_type_code(text: str | None) -> str:
    """Wompi's payment_method_type as kept beside the label: an upper-case code ("CARD",
    "BANCOLOMBIA_TRANSFER"); text of any other shape is no type to group by, so ""."""
    code = (text or "").strip()
    return code if _METHOD_TYPE.fullmatch(code) else ""


@dataclass(frozen=True, slots=True)
class PaymentAttempt:
    """One try at charging an order, identified by its reference.

    `transaction_id`/`status` follow the transaction that decides the attempt; `transactions`
    remembers the last status of every Wompi transaction seen under this reference, so that
    no transaction's final status can ever go back.
    """

    reference: str
    order_number: int
    attempt_number: int
    tender: Tender
    amount: Money
    status: PaymentStatus
    created_at: datetime
    updated_at: datetime
    transaction_id: str | None = None
    payment_method: str = ""
    status_message: str = ""
    abandoned_at: datetime | None = None  # staff cancelled it; we keep watching anyway
    transactions: tuple[tuple[str, PaymentStatus], ...] = ()
    # Cash only: what the customer handed over (None for Wompi, and for cash sales saved
    # before it was recorded).
    cash_received: Money | None = None
    # Wompi only: when its signed checkout stops taking payments (`expiration-time`); None for
    # cash and for attempts saved before the checkout carried one.
    expires_at: datetime | None = None
    # Wompi's method type of the followed transaction ("CARD"…; "" for cash and when unknown),
    # beside `payment_method`, its label: the back office groups by the type, receipts show the
    # label.
    payment_method_type: str = ""

    @property
    def is_final(self) -> bool:
        return self.status.is_final

    @property
    def change(self) -> Money | None:
        """The change handed back for a cash sale; None when the cash received is unknown."""
        return None if self.cash_received is None else self.cash_received - self.amount

    @property
    def approved_after_cancel(self) -> bool:
        """Staff gave up on it, but the customer paid: must be flagged loudly."""
        return self.abandoned_at is not None and self.status is PaymentStatus.APPROVED

    def transaction_status(self, transaction_id: str) -> PaymentStatus | None:
        return dict(self.transactions).get(transaction_id)


@dataclass(frozen=True, slots=True)
class AttemptUpdate:
    """The result of observing an attempt: the decision and the attempt after it."""

    decision: Decision
    before: PaymentAttempt
    attempt: PaymentAttempt

    @property
    def changed(self) -> bool:
        """Whether anything needs saving (a transaction's status, maybe the attempt's)."""
        return self.decision.applies

    @property
    def status_changed(self) -> bool:
        return (self.before.status, self.before.transaction_id) != (
            self.attempt.status,
            self.attempt.transaction_id,
        )


def observe(attempt: PaymentAttempt, obs: Observation) -> AttemptUpdate:
    """Apply an observation to an attempt through the status machine.

    Each transaction moves only along Wompi's lifecycle. Which transaction decides the attempt
    follows from what is known of all of them (`deciding_transaction`), never from the order in
    which they were observed: a payer's retry under the same reference ends the same way
    whether its events and read-backs come first, last or twice.
    """
    decision = _decide_for_transaction(attempt, obs)
    if not decision.applies:
        return AttemptUpdate(decision, attempt, attempt)
    known = dict(attempt.transactions)
    if obs.status is PaymentStatus.APPROVED and _approved_elsewhere(known, obs.transaction_id):
        return AttemptUpdate(_double_charge(attempt, obs), attempt, attempt)
    known[obs.transaction_id] = obs.status
    updated = replace(attempt, transactions=tuple(known.items()), updated_at=obs.observed_at)
    # `known` holds obs's transaction, so some transaction decides: never None here.
    decider = cast(str, deciding_transaction(known, attempt.transaction_id))
    if decider == obs.transaction_id:
        if attempt.transaction_id not in (None, obs.transaction_id):
            decision = Decision(Outcome.APPLY, attempt.status, obs.status, reason=_TAKES_OVER)
        return AttemptUpdate(decision, attempt, _follow(updated, obs))
    if decider == attempt.transaction_id:
        other = Decision(Outcome.APPLY, attempt.status, attempt.status, reason=_OTHER)
        return AttemptUpdate(other, attempt, updated)
    # The followed transaction failed while a retry is still alive: follow the retry.
    status = known[decider]
    live = Decision(Outcome.APPLY, attempt.status, status, reason=_FOLLOWS_RETRY)
    return AttemptUpdate(live, attempt, _switch(updated, decider, status))


def _decide_for_transaction(attempt: PaymentAttempt, obs: Observation) -> Decision:
    if obs.amount is not None and obs.amount != attempt.amount:
        return Decision(
            Outcome.CONFLICT,
            attempt.status,
            obs.status,
            reason=f"monto distinto: Wompi {obs.amount}, pedido {attempt.amount}",
        )
    known = attempt.transaction_status(obs.transaction_id)
    if known is None:
        if attempt.transaction_id is None:
            # The first transaction we hear of starts from the attempt's own PENDING; even a
            # PENDING sighting is news, because it tells us which transaction to follow.
            if obs.status == attempt.status:
                return Decision(Outcome.APPLY, attempt.status, obs.status, reason="transacción")
            return decide_transition(attempt.status, obs.status)
        return Decision(Outcome.APPLY, attempt.status, obs.status, reason="transacción nueva")
    return decide_transition(known, obs.status)


_TAKES_OVER = "esta transacción decide el intento"
_OTHER = "otra transacción"
_FOLLOWS_RETRY = "la transacción seguida falló; sigue el reintento aún pendiente"

# Which transaction decides an attempt, best first: money taken, then money taken and given
# back, then a try still open (the payer may pay yet), then the newest failure.
_PRECEDENCE = (
    PaymentStatus.APPROVED,
    PaymentStatus.VOIDED,
    PaymentStatus.PENDING,
    PaymentStatus.DECLINED,
    PaymentStatus.ERROR,
)


def deciding_transaction(known: dict[str, PaymentStatus], current: str | None = None) -> str | None:
    """The transaction that decides an attempt, from the last status of each one under its
    reference. Order-independent: it depends on `known` alone, except that an approval
    already followed keeps deciding (a second one is refused as a double charge anyway).
    Among several of the same rank the newest wins (`transaction_age_key`); DECLINED and
    ERROR rank together, so a retry's failure replaces the first one's.
    """
    if current is not None and known.get(current) is PaymentStatus.APPROVED:
        return current
    for status in _PRECEDENCE[:3]:
        same = [tx for tx, s in known.items() if s is status]
        if same:
            return max(same, key=transaction_age_key)
    failed = [tx for tx, s in known.items() if s in FAILED_STATUSES]
    return max(failed, key=transaction_age_key) if failed else None


def transaction_age_key(transaction_id: str) -> tuple[int, str]:
    """Sorts Wompi transaction ids oldest first: `<merchant>-<unix seconds>-<digits>` (docs/wompi.md
    §5.4) carries its creation second; an id of another shape sorts first, then by text."""
    parts = transaction_id.split("-")
    seconds = parts[1] if len(parts) == 3 else ""
    return (int(seconds) if seconds.isascii() and seconds.isdigit() else -1, transaction_id)


def _approved_elsewhere(known: dict[str, PaymentStatus], transaction_id: str) -> bool:
    return any(s is PaymentStatus.APPROVED for tx, s in known.items() if tx != transaction_id)


def _double_charge(attempt: PaymentAttempt, obs: Observation) -> Decision:
    """A second approval under one reference: money taken twice, refused and reported."""
    return Decision(
        Outcome.CONFLICT,
        attempt.status,
        obs.status,
        reason=f"pago doble: {obs.transaction_id} también aprobada con esta referencia",
    )


def _follow(attempt: PaymentAttempt, obs: Observation) -> PaymentAttempt:
    return replace(
        attempt,
        status=obs.status,
        transaction_id=obs.transaction_id,
        payment_method=obs.payment_method or attempt.payment_method,
        payment_method_type=obs.payment_method_type or attempt.payment_method_type,
        status_message=obs.status_message,
    )


def _switch(attempt: PaymentAttempt, transaction_id: str, status: PaymentStatus) -> PaymentAttempt:
    """Follow another known transaction; its method and message come with its next sighting."""
    return replace(attempt, status=status, transaction_id=transaction_id, status_message="")


class OrderStatus(StrEnum):
    OPEN = "open"
    AWAITING_PAYMENT = "awaiting_payment"
    PAID = "paid"
    FAILED = "failed"
    CANCELLED = "cancelled"
    VOIDED = "voided"


def derive_order_status(attempts: list[PaymentAttempt], *, cancelled: bool) -> OrderStatus:
    """An order's status follows from its attempts; money taken always wins over a cancel."""
    statuses = {a.status for a in attempts}
    if PaymentStatus.APPROVED in statuses:
        return OrderStatus.PAID
    if cancelled:
        return OrderStatus.CANCELLED
    if PaymentStatus.PENDING in statuses:
        return OrderStatus.AWAITING_PAYMENT
    if PaymentStatus.VOIDED in statuses:
        return OrderStatus.VOIDED
    if statuses:
        return OrderStatus.FAILED
    return OrderStatus.OPEN


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One line of an attempt's timeline: who said what, when, and the evidence for it."""

    reference: str
    from_status: PaymentStatus | None
    to_status: PaymentStatus
    source: StatusSource
    at: datetime
    transaction_id: str | None = None
    evidence: str = ""


# -- duplicate payments ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Approval:
    """Money taken for an order: the attempt, and its approved Wompi transaction ("" for cash)."""

    reference: str
    transaction_id: str = ""


@dataclass(frozen=True, slots=True)
class DuplicatePayment:
    """Two approvals for one order: the customer paid twice, and one payment must go back.

    `first` was approved before `extra`; `amount` is what `extra` took. The order stays PAID
    (money taken wins); a person refunds one payment at Wompi and acknowledges it.
    """

    order_number: int
    amount: Money
    first: Approval
    extra: Approval
    detected_at: datetime
    id: int | None = None  # the store's number for it, once recorded
    acknowledged_at: datetime | None = None


def approval_of(attempt: PaymentAttempt) -> Approval | None:
    """The money an attempt holds now: None unless APPROVED (a void gave it back)."""
    if attempt.status is not PaymentStatus.APPROVED:
        return None
    return Approval(attempt.reference, attempt.transaction_id or "")


def duplicate_for_order(
    attempts: list[PaymentAttempt], approved: PaymentAttempt, at: datetime
) -> DuplicatePayment | None:
    """`approved` (one of the order's `attempts`) has just taken money: a duplicate payment if
    another attempt of the order already holds an approval (the earliest such is `first`)."""
    extra = approval_of(approved)
    held = sorted(
        (a for a in attempts if a.reference != approved.reference and approval_of(a)),
        key=lambda a: a.attempt_number,
    )
    if extra is None or not held:
        return None
    first = approval_of(held[0])
    assert first is not None  # noqa: S101  filtered above
    return DuplicatePayment(approved.order_number, approved.amount, first, extra, at)


def duplicate_under_reference(attempt: PaymentAttempt, obs: Observation) -> DuplicatePayment | None:
    """A second approved transaction under the attempt's own reference (the status machine
    refuses it as a conflict): the same order paid twice."""
    if obs.status is not PaymentStatus.APPROVED:
        return None
    held = [
        tx
        for tx, status in attempt.transactions
        if status is PaymentStatus.APPROVED and tx != obs.transaction_id
    ]
    if not held:
        return None
    return DuplicatePayment(
        attempt.order_number,
        obs.amount or attempt.amount,
        Approval(attempt.reference, held[0]),
        Approval(attempt.reference, obs.transaction_id),
        obs.observed_at,
    )


# -- how long an attempt can still be paid ---------------------------------------------------

# After a failed try the payer may retry for about 3 minutes under the same reference (docs/wompi.md
# §4.5), and after the checkout's expiration-time Wompi still shows a payer who was mid-way the
# countdown and then the retry screen (docs/wompi.md §2.1): only then is an attempt with no
# payment done.
PAYER_RETRY_WINDOW = timedelta(minutes=3)


def payable_until(attempt: PaymentAttempt) -> datetime | None:
    """When no new payment can start for this attempt any more: its signed checkout's expiry
    plus the payer's retry window. None when its checkout carries no expiry (cash, and
    attempts saved before expiries were signed)."""
    return None if attempt.expires_at is None else attempt.expires_at + PAYER_RETRY_WINDOW
