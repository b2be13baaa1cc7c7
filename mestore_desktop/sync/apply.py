"""Applying what Wompi says about transactions to the database, inside one write transaction.

`apply_transactions` is shared by the three sources (webhook, poll, reconcile): a transaction
whose reference is one of our Wompi attempts goes through the domain status machine
(`OrderRepository.apply_observation`: no regression, conflicts audited); a payment through one
of our payment links is first attached to its order (link_payments.py) and then goes the same
way; any other (a reference that is not ours, another till's link) is kept in
`foreign_transactions` for reconciliation.
A transaction Wompi created before our attempt (beyond `CLOCK_SKEW_MARGIN`) is another sale's
under a reused reference: recorded once as a conflict, never applied.

`Trigger` reads the few fields of a relay event that we use: the dedupe key and the status it
claims. Those fields are the ones Wompi signs (id, status, amount), and applying is idempotent
anyway; the state that is applied always comes from Wompi's own answer, never from the event
body. An event is used up (its dedupe key recorded, `apply_event_answer`) only when that answer
`reflects` it; otherwise it is held (store/held_events.py) and re-read (lagging.py,
`reread_held`), then left to the gap filler (`settle_given_up`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from mestore_desktop.domain.payment import (
    AttemptUpdate,
    Decision,
    Observation,
    Outcome,
    PaymentAttempt,
    PaymentStatus,
    StatusSource,
    Tender,
    decide_transition,
)
from mestore_desktop.store.held_events import HeldEvent, HeldEvents
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.store.sync_repository import ForeignTransaction, SyncRepository
from mestore_desktop.sync.link_payments import count_link_payment, link_attempt
from mestore_desktop.sync.policy import SyncSettings
from mestore_desktop.wompi.errors import WompiBadResponseError
from mestore_desktop.wompi.models import Transaction

log = logging.getLogger(__name__)

TRANSACTION_EVENT = "transaction.updated"
CLOCK_SKEW_MARGIN = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class Trigger:
    """What a `transaction.updated` event claims; used to dedupe and to know what to re-read."""

    event_type: str
    transaction_id: str
    status: str
    amount: int | None

    @property
    def dedupe_key(self) -> str:
        return f"{self.event_type}:{self.transaction_id}:{self.status}:{self.amount}"


class NotATransactionEventError(ValueError):
    """The event is of another type, or lacks the transaction id: nothing to re-read."""


def trigger_of(event: Mapping[str, Any]) -> Trigger:
    """The trigger in a Wompi event body; `NotATransactionEventError` when there is none."""
    event_type = event.get("event")
    if event_type != TRANSACTION_EVENT:
        # nequi_token.updated and future types: acknowledged and skipped (docs/wompi.md §4.4).
        raise NotATransactionEventError(f"event type {str(event_type)[:64]!r}")
    data = event.get("data")
    tx = data.get("transaction") if isinstance(data, Mapping) else None
    tx_id = tx.get("id") if isinstance(tx, Mapping) else None
    if not isinstance(tx_id, str) or not tx_id.strip() or len(tx_id) > 128:
        raise NotATransactionEventError("no transaction id")
    assert isinstance(tx, Mapping)  # noqa: S101  (tx_id was read from it)
    amount = tx.get("amount_in_cents")
    amount = amount if isinstance(amount, int) and not isinstance(amount, bool) else None
    return Trigger(TRANSACTION_EVENT, tx_id, str(tx.get("status"))[:16], amount)


@dataclass(slots=True)
class Tally:
    """What one or more applications changed; added up into reports and notifications."""

    # Orders whose payment status, or the transaction deciding it, changed (views reload them).
    orders_changed: set[int] = field(default_factory=set)
    attempts_updated: int = 0  # attempts whose status changed
    foreign: int = 0
    conflicts: int = 0
    events_applied: int = 0
    events_duplicate: int = 0
    events_skipped: int = 0
    events_held: int = 0  # kept: Wompi's answer did not reflect them yet
    # How many events wait for Wompi after this write (None: this write did not look).
    unconfirmed: Unconfirmed | None = None

    def add(self, other: Tally) -> None:
        self.orders_changed |= other.orders_changed
        self.attempts_updated += other.attempts_updated
        self.foreign += other.foreign
        self.conflicts += other.conflicts
        self.events_applied += other.events_applied
        self.events_duplicate += other.events_duplicate
        self.events_skipped += other.events_skipped
        self.events_held += other.events_held
        if other.unconfirmed is not None:
            self.unconfirmed = other.unconfirmed


@dataclass(frozen=True, slots=True)
class Unconfirmed:
    """Held events: still re-read (`chasing`), or left to the gap filler (`given_up`)."""

    chasing: int = 0
    given_up: int = 0

    @classmethod
    def of(cls, held: Iterable[HeldEvent]) -> Unconfirmed:
        events = list(held)
        given_up = sum(1 for h in events if h.given_up)
        return cls(len(events) - given_up, given_up)


def apply_transactions(
    session: Session,
    transactions: Iterable[Transaction],
    *,
    source: StatusSource,
    at: datetime,
    evidence: str = "",
) -> Tally:
    """Apply Wompi's view of each transaction, oldest first; nothing is committed here."""
    tally = Tally()
    for tx in sorted(transactions, key=lambda t: (t.created_at, t.id)):
        _apply_one(session, tx, source, at, evidence, tally)
    return tally


def _apply_one(
    session: Session,
    tx: Transaction,
    source: StatusSource,
    at: datetime,
    evidence: str,
    tally: Tally,
) -> None:
    orders = OrderRepository(session)
    if tx.payment_link_id is None:
        attempt = orders.find_attempt(tx.reference)
    else:  # Wompi made the reference up: the link says which order it pays
        attempt = link_attempt(session, tx, source, at)
    if attempt is None:
        _record_foreign(session, tx, source, at, tally)
        return
    if attempt.tender is not Tender.WOMPI:
        # A Wompi payment under a cash sale's reference: nobody charged it through us.
        orders.audit("sync.wompi_on_cash_attempt", _describe(tx), at)
        _record_foreign(session, tx, source, at, tally)
        return
    try:
        observation = tx.to_observation(source, at)
    except WompiBadResponseError:  # not pesos: never apply it to a sale
        orders.audit("sync.bad_transaction", f"{_describe(tx)} currency={tx.currency}", at)
        tally.conflicts += 1
        return
    if tx.created_at < attempt.created_at - CLOCK_SKEW_MARGIN:
        _created_before(orders, attempt, tx, observation, _evidence(tx, evidence), tally)
        return
    update = orders.apply_observation(tx.reference, observation, _evidence(tx, evidence))
    if update.decision.outcome is Outcome.CONFLICT:
        tally.conflicts += 1
    if update.status_changed:
        # Also when only the deciding transaction changed: the order's payment method shows.
        tally.orders_changed.add(attempt.order_number)
    if update.attempt.status is not update.before.status:
        tally.attempts_updated += 1
    count_link_payment(session, tx, at)


def _created_before(
    orders: OrderRepository,
    attempt: PaymentAttempt,
    tx: Transaction,
    observation: Observation,
    evidence: str,
    tally: Tally,
) -> None:
    """Wompi made this transaction before we saved the attempt: another sale's payment under
    a reused reference (two tills on one terminal id, a reinstall, a restored backup)."""
    reason = (
        f"transacción creada antes del intento (Wompi {_utc(tx.created_at)}, "
        f"intento {_utc(attempt.created_at)}): la referencia la usó otra venta"
    )
    decision = Decision(Outcome.CONFLICT, attempt.status, tx.status, reason=reason)
    key = f"created_before:{attempt.reference}:{tx.id}"
    update = AttemptUpdate(decision, attempt, attempt)
    if orders.record_conflict(update, observation, key=key, evidence=evidence):
        log.warning("%s: %s", _describe(tx), reason)
        tally.conflicts += 1


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _record_foreign(
    session: Session, tx: Transaction, source: StatusSource, at: datetime, tally: Tally
) -> None:
    decision = SyncRepository(session).record_foreign(
        ForeignTransaction(
            transaction_id=tx.id,
            reference=tx.reference,
            status=tx.status,
            amount=tx.amount,
            payment_link_id=tx.payment_link_id,
            created_at=tx.created_at,
            last_seen_at=at,
            source=source,
        )
    )
    if decision.applies:
        tally.foreign += 1
    elif decision.outcome is Outcome.CONFLICT:
        tally.conflicts += 1


def _describe(tx: Transaction) -> str:
    return f"transaction_id={tx.id} reference={tx.reference} status={tx.status}"


def _evidence(tx: Transaction, evidence: str) -> str:
    wompi = f"wompi_status={tx.status} amount_in_cents={tx.amount_in_cents}"
    return f"{evidence} {wompi}".strip()


def reflects(claimed: str, answer: PaymentStatus) -> bool:
    """Whether Wompi's answer shows what the event says, or what came after it; an answer
    still in an earlier status (PENDING after an approval, APPROVED after a void) lags."""
    try:
        status = PaymentStatus(claimed)
    except ValueError:  # a status we do not know: nothing to wait for
        return True
    # STALE: the answer is a status that comes before the event's in Wompi's lifecycle.
    return decide_transition(status, answer).outcome is not Outcome.STALE


def apply_event_answer(
    session: Session, trigger: Trigger, tx: Transaction, *, at: datetime, seq: int
) -> Tally:
    """Apply Wompi's answer to a relay event's re-read; the event is used up (its dedupe key
    recorded) only if the answer reflects it, else it is held for `LagChaser` to re-read."""
    key = trigger.dedupe_key
    if SyncRepository(session).event_applied(key):
        return Tally(events_duplicate=1)
    evidence = f"relay_seq={seq} event_status={trigger.status}"
    tally = apply_transactions(session, [tx], source=StatusSource.WEBHOOK, at=at, evidence=evidence)
    held = HeldEvents(session)
    if reflects(trigger.status, tx.status):
        OrderRepository(session).mark_event_applied(key, at)
        held.release(key)
        tally.events_applied += 1
    else:
        _hold(held, trigger, tx, at=at, seq=seq)
        tally.events_held += 1
    tally.unconfirmed = Unconfirmed.of(held.all())
    return tally


def _hold(held: HeldEvents, trigger: Trigger, tx: Transaction, *, at: datetime, seq: int) -> None:
    current = held.get(trigger.dedupe_key)
    if current is not None and not current.given_up:
        return  # already being re-read; a redelivery changes nothing
    log.info("relay seq=%d %s: Wompi still says %s; kept", seq, trigger.dedupe_key, tx.status)
    kept = HeldEvent(
        dedupe_key=trigger.dedupe_key,
        transaction_id=tx.id,
        status=trigger.status,
        relay_seq=seq,
        reference=tx.reference,
        created_at=tx.created_at,
        held_at=at if current is None else current.held_at,
        due_at=at,  # the next watcher round
    )
    held.save(kept)


def reread_held(
    session: Session, event: HeldEvent, tx: Transaction, *, at: datetime, settings: SyncSettings
) -> Tally:
    """Apply a held event's re-read: used up if Wompi's answer now reflects it, else the next
    re-read is scheduled, or after `lag_tries` it is left to the gap filler (audited)."""
    held = HeldEvents(session)
    current = held.get(event.dedupe_key)
    if current is None or current.given_up:  # settled meanwhile (e.g. delivered again)
        return Tally(unconfirmed=Unconfirmed.of(held.all()))
    tries = current.tries + 1
    evidence = f"relay_seq={current.relay_seq} event_status={current.status} reread={tries}"
    tally = apply_transactions(session, [tx], source=StatusSource.WEBHOOK, at=at, evidence=evidence)
    if reflects(current.status, tx.status):
        OrderRepository(session).mark_event_applied(current.dedupe_key, at)
        held.release(current.dedupe_key)
        tally.events_applied += 1
    else:
        held.save(reread_failed(session, current, at=at, settings=settings, answer=tx.status))
    tally.unconfirmed = Unconfirmed.of(held.all())
    return tally


def reread_failed(
    session: Session,
    event: HeldEvent,
    *,
    at: datetime,
    settings: SyncSettings,
    answer: str = "sin respuesta",
) -> HeldEvent:
    """The held event after one more re-read that did not confirm it (not saved here)."""
    tries = event.tries + 1
    if tries < settings.lag_tries:
        wait = min(settings.lag_cap_s, settings.lag_first_s * 2 ** min(tries - 1, 32))
        return replace(event, tries=tries, due_at=at + timedelta(seconds=wait))
    detail = (
        f"relay_seq={event.relay_seq} transaction_id={event.transaction_id} "
        f"reference={event.reference} event_status={event.status} wompi_status={answer} "
        f"tries={tries}"
    )
    log.warning("Wompi does not confirm an event; left to the gap filler: %s", detail)
    OrderRepository(session).audit("sync.event_unconfirmed", detail, at)
    return replace(event, tries=tries, due_at=None, gave_up_at=at)


def settle_given_up(
    session: Session, seen: Mapping[str, Transaction], *, at: datetime, settings: SyncSettings
) -> Tally:
    """After a gap fill (whose transactions are already applied): events given up on are used
    up when the search shows them; those still unconfirmed after `lag_forget_after_s` are
    dropped, audited."""
    held = HeldEvents(session)
    orders = OrderRepository(session)
    tally = Tally()
    for event in held.all():
        if not event.given_up:
            continue
        tx = seen.get(event.transaction_id)
        if tx is not None and reflects(event.status, tx.status):
            orders.mark_event_applied(event.dedupe_key, at)
            held.release(event.dedupe_key)
            tally.events_applied += 1
        elif (at - event.held_at).total_seconds() >= settings.lag_forget_after_s:
            held.release(event.dedupe_key)
            detail = f"transaction_id={event.transaction_id} event_status={event.status}"
            orders.audit("sync.event_unconfirmed_dropped", detail, at)
    tally.unconfirmed = Unconfirmed.of(held.all())
    return tally
