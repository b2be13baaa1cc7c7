"""Payment attempts and the status machine that decides what a new observation may change.

Wompi's transactions start PENDING and end APPROVED, DECLINED or ERROR; an APPROVED card
payment may later be VOIDED. Observations (checkout redirect, webhook, poll, reconciliation)
arrive late, twice or out of order, so the machine answers one question per observation:
apply it, ignore it as already known or stale, or refuse it as a conflict that a person must
look at. A final status never goes back, and a conflicting final is never applied silently.

Wompi's checkout lets a payer retry after a failure within the same reference, which creates a
second transaction. So an attempt follows a *transaction id*: a new id may take over an attempt
whose current transaction failed; a second approval under one reference is a conflict (a
double charge), never an overwrite.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from mestore_desktop.domain.money import Money, MoneyError


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
            raise CashReceivedError("Un pago con Wompi no lleva efectivo recibido.")
        return
    if cash_received is None:
        raise CashReceivedError("Indique el efectivo recibido del cliente.")
    if cash_received < amount:
        raise CashReceivedError(
            f"El efectivo recibido ({cash_received.format()}) no cubre el total "
            f"({amount.format()})."
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
    payment_method: str = ""
    status_message: str = ""


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
    """Apply an observation to an attempt through the status machine."""
    decision = _decide_for_transaction(attempt, obs)
    if not decision.applies:
        return AttemptUpdate(decision, attempt, attempt)
    known = dict(attempt.transactions)
    known[obs.transaction_id] = obs.status
    updated = replace(attempt, transactions=tuple(known.items()), updated_at=obs.observed_at)
    if attempt.transaction_id not in (None, obs.transaction_id):
        decision = _decide_sibling(attempt, obs)
        if decision.outcome is Outcome.CONFLICT:
            return AttemptUpdate(decision, attempt, attempt)
        if decision.reason != _TAKES_OVER:
            return AttemptUpdate(decision, attempt, updated)
    return AttemptUpdate(decision, attempt, _follow(updated, obs))


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


def _decide_sibling(attempt: PaymentAttempt, obs: Observation) -> Decision:
    """A different transaction under the same reference (the payer retried in the checkout).

    Money taken always wins: an approval takes over a pending or failed attempt. A second
    approval while one is already held is a double charge: refused and reported. A new
    pending try takes over a failed one. Anything else is only remembered.
    """
    if obs.status is PaymentStatus.APPROVED:
        if attempt.status is PaymentStatus.APPROVED:
            return Decision(
                Outcome.CONFLICT,
                attempt.status,
                obs.status,
                reason=f"pago doble: {obs.transaction_id} también aprobada con esta referencia",
            )
        return Decision(Outcome.APPLY, attempt.status, obs.status, reason=_TAKES_OVER)
    if obs.status is PaymentStatus.PENDING and attempt.status in FAILED_STATUSES:
        return Decision(Outcome.APPLY, attempt.status, obs.status, reason=_TAKES_OVER)
    return Decision(Outcome.APPLY, attempt.status, attempt.status, reason="otra transacción")


def _follow(attempt: PaymentAttempt, obs: Observation) -> PaymentAttempt:
    return replace(
        attempt,
        status=obs.status,
        transaction_id=obs.transaction_id,
        payment_method=obs.payment_method or attempt.payment_method,
        status_message=obs.status_message,
    )


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
