"""`OrderRepository`: orders, payment attempts and their history over one SQLAlchemy session.

The repository never opens, commits or rolls back: the caller (`Database.write`, usually through
`DbExecutor`) owns the transaction, so a use case that touches several things commits them
together or not at all. Only domain objects come out, never rows.

Every order's `status` column is derived from its attempts by `derive_order_status` and
rewritten whenever an attempt or the cancellation changes, so the orders browser can filter on
it with an index instead of recomputing it for every row.
"""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import cast

from sqlalchemy import CursorResult, Row, Select, or_, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import Order, OrderError, OrderSummary
from mestore_desktop.domain.payment import (
    AttemptUpdate,
    DuplicatePayment,
    Observation,
    OrderStatus,
    Outcome,
    PaymentAttempt,
    PaymentStatus,
    StatusChange,
    StatusSource,
    Tender,
    check_cash_received,
    derive_order_status,
    duplicate_for_order,
    duplicate_under_reference,
    observe,
)
from mestore_desktop.domain.reference import make_reference, new_installation_id
from mestore_desktop.domain.text import N_
from mestore_desktop.store import mapping
from mestore_desktop.store.errors import (
    OrderClosedError,
    StoreError,
    UnknownOrderError,
    UnknownReferenceError,
)
from mestore_desktop.store.tables import (
    AppliedEventRow,
    AuditLogRow,
    DuplicatePaymentRow,
    InstallationRow,
    OrderRow,
    PaymentAttemptRow,
    PaymentLinkRow,
    StatusHistoryRow,
)

MAX_PAGE = 1000
SYSTEM_ACTOR = "system"
# How an audit line names its order (`audit`; migration 0007 backfills with the same rule).
_AUDIT_ORDER = re.compile(r"\border=(\d+)")
_AUDIT_REFERENCE = re.compile(r"\breference=(\S+)")
# What the pending watcher polls: no money taken yet, but the payer may still pay or retry.
_WATCHED_STATUSES = (
    PaymentStatus.PENDING.value,
    PaymentStatus.DECLINED.value,
    PaymentStatus.ERROR.value,
)

log = logging.getLogger(__name__)


class NotLateApprovalError(StoreError):
    """Only an attempt approved after it was abandoned can be acknowledged as a late approval."""

    def __init__(self, reference: str) -> None:
        super().__init__(
            N_(
                "El intento {reference} no es un pago aprobado después de anularlo; no "
                "hay nada que confirmar.",
                reference=reference,
            )
        )
        self.reference = reference


class UnknownDuplicatePaymentError(StoreError):
    def __init__(self, duplicate_id: int) -> None:
        super().__init__(
            N_(
                "No hay un pago doble registrado con el número {duplicate_id}.",
                duplicate_id=duplicate_id,
            )
        )
        self.duplicate_id = duplicate_id


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line of the audit log: who did what, when."""

    id: int
    at: datetime
    actor: str
    action: str
    detail: str


class OrderRepository:
    """Orders and their payment attempts, inside the caller's transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # -- orders ----------------------------------------------------------------------------

    def create_order(self, order: Order) -> Order:
        """Save a new order and return it with the number the database assigned."""
        if order.number is not None:
            raise ValueError(f"order {order.number} is already saved")
        status = derive_order_status([], cancelled=order.cancelled_at is not None)
        row = mapping.order_row(order, status.value)
        self._session.add(row)
        self._session.flush()
        return replace(order, number=row.number)

    def get_order(self, number: int) -> Order | None:
        row = self._session.get(OrderRow, number)
        return None if row is None else mapping.to_order(row)

    def order_status(self, number: int) -> OrderStatus:
        return OrderStatus(self._order_row(number).status)

    def list_orders(
        self,
        *,
        limit: int = 100,
        before_number: int | None = None,
        status: OrderStatus | None = None,
    ) -> list[OrderSummary]:
        """Newest first; pass the last number of a page as `before_number` to get the next one."""
        if not 1 <= limit <= MAX_PAGE:
            raise ValueError(f"limit must be between 1 and {MAX_PAGE}")
        query = select(
            OrderRow.number,
            OrderRow.terminal_id,
            OrderRow.created_at,
            OrderRow.total_cents,
            OrderRow.status,
            OrderRow.customer_name,
            OrderRow.customer_email,
        )
        if before_number is not None:
            query = query.where(OrderRow.number < before_number)
        if status is not None:
            query = query.where(OrderRow.status == status.value)
        rows = self._session.execute(query.order_by(OrderRow.number.desc()).limit(limit)).all()
        return self.summaries(rows)

    def summaries(self, rows: Sequence[_SummaryRow]) -> list[OrderSummary]:
        """Browser rows from (number, terminal_id, created_at, total_cents, status,
        customer_name, customer_email) rows, each with its shown attempt; the back office's
        browser builds its rows here too."""
        numbers = [row.number for row in rows]
        shown = self._shown_attempts(numbers)
        made_from = self._made_from_links(numbers) if numbers else {}
        return [_summary(row, shown.get(row.number), made_from.get(row.number, "")) for row in rows]

    def cancel_order(self, number: int, at: datetime) -> Order:
        """Cancel an unpaid order; its attempts that took no money (pending, and failed ones
        the payer may still retry under their reference) are marked abandoned but still watched.

        A late approval of an abandoned attempt still makes the order PAID (money taken wins)
        and shows as `approved_after_cancel`. Cancelling twice keeps the first time.
        """
        row = self._order_row(number)
        if row.status == OrderStatus.PAID:
            raise OrderClosedError(
                number,
                f"El pedido {number} ya está pagado; no se puede anular, haga una devolución.",
            )
        if row.cancelled_at is None:
            row.cancelled_at = at
        for attempt in row.attempts:
            if attempt.status != PaymentStatus.APPROVED and attempt.abandoned_at is None:
                attempt.abandoned_at = at
        self._refresh_status(row)
        return mapping.to_order(row)

    # -- payment attempts ------------------------------------------------------------------

    def new_attempt(
        self,
        order_number: int,
        tender: Tender,
        at: datetime,
        *,
        cash_received: Money | None = None,
        expires_at: datetime | None = None,
    ) -> PaymentAttempt:
        """Start a payment attempt for the whole order total.

        A Wompi attempt starts PENDING under a fresh reference. Cash is taken at the counter
        there and then, so a cash attempt is APPROVED at once and must say how much the
        customer handed over (at least the total; `CashReceivedError` otherwise). Both get a
        first history line. `expires_at` is when a Wompi attempt's signed checkout expires.
        """
        row = self._order_row(order_number)
        _require_payable(row)
        order = mapping.to_order(row)
        amount = _amount_to_charge(order, tender)
        check_cash_received(tender, amount, cash_received)
        attempt_number = max((a.attempt_number for a in row.attempts), default=0) + 1
        status = PaymentStatus.APPROVED if tender is Tender.CASH else PaymentStatus.PENDING
        attempt = PaymentAttempt(
            reference=make_reference(
                row.terminal_id,
                row.number,
                attempt_number,
                installation_id=self.installation_id(),
            ),
            order_number=row.number,
            attempt_number=attempt_number,
            tender=tender,
            amount=amount,
            status=status,
            created_at=at,
            updated_at=at,
            cash_received=cash_received,
            expires_at=expires_at if tender is Tender.WOMPI else None,
        )
        attempt_row = mapping.attempt_row(attempt)
        attempt_row.history.append(
            mapping.history_row(
                StatusChange(attempt.reference, None, status, StatusSource.CHECKOUT, at)
            )
        )
        row.attempts.append(attempt_row)
        self._refresh_status(row)
        self._session.flush()
        return attempt

    def add_link_attempt(
        self,
        order_number: int,
        reference: str,
        payment_link_id: str,
        amount: Money,
        created_at: datetime,
        source: StatusSource,
    ) -> PaymentAttempt:
        """A payment a customer started through one of our payment links, under Wompi's own
        reference: a new PENDING Wompi attempt of the order, for what the payer pays, which the
        caller then feeds Wompi's observation. Added even to a paid order (its approval is then
        a duplicate payment) or a cancelled one (abandoned: an approval is a late approval);
        money taken must never be left out. `created_at` is Wompi's creation of the payment."""
        row = self._order_row(order_number)
        attempt = PaymentAttempt(
            reference=reference,
            order_number=row.number,
            attempt_number=max((a.attempt_number for a in row.attempts), default=0) + 1,
            tender=Tender.WOMPI,
            amount=amount,
            status=PaymentStatus.PENDING,
            created_at=created_at,
            updated_at=created_at,
            abandoned_at=created_at if row.cancelled_at is not None else None,
        )
        attempt_row = mapping.attempt_row(attempt)
        attempt_row.payment_link_id = payment_link_id
        evidence = f"payment_link={payment_link_id}"
        change = StatusChange(reference, None, attempt.status, source, created_at, None, evidence)
        attempt_row.history.append(mapping.history_row(change))
        row.attempts.append(attempt_row)
        self._refresh_status(row)
        self._session.flush()
        return attempt

    def installation_id(self) -> str:
        """This database's installation id, part of every new reference (domain.reference).

        Migration 0005 makes it; one is made here (in a write) only for a database built
        without the migrations, whose references would otherwise have none."""
        row = self._session.get(InstallationRow, 1)
        if row is None:
            row = InstallationRow(
                id=1,
                installation_id=new_installation_id(secrets.choice),
                created_at=datetime.now(UTC),
            )
            self._session.add(row)
            self._session.flush()
            log.warning("installation id missing from the database: made %s", row.installation_id)
        return row.installation_id

    def get_attempt(self, reference: str) -> PaymentAttempt:
        """The attempt with this reference; `UnknownReferenceError` if there is none."""
        return mapping.to_attempt(self._attempt_row(reference))

    def find_attempt(self, reference: str) -> PaymentAttempt | None:
        """Like `get_attempt`, for callers to whom a foreign reference is normal (webhooks)."""
        row = self._find_attempt_row(reference)
        return None if row is None else mapping.to_attempt(row)

    def attempts_for(self, order_number: int) -> list[PaymentAttempt]:
        query = (
            select(PaymentAttemptRow)
            .where(PaymentAttemptRow.order_number == order_number)
            .order_by(PaymentAttemptRow.attempt_number)
        )
        return [mapping.to_attempt(row) for row in self._session.scalars(query)]

    def pending_attempts(self) -> list[PaymentAttempt]:
        """Attempts still waiting for Wompi, oldest first, abandoned ones included."""
        query = (
            select(PaymentAttemptRow)
            .where(PaymentAttemptRow.status == PaymentStatus.PENDING.value)
            .order_by(PaymentAttemptRow.id)
        )
        return [mapping.to_attempt(row) for row in self._session.scalars(query)]

    def unfinished_attempts(self, terminal_id: str) -> list[PaymentAttempt]:
        """This terminal's Wompi attempts still PENDING that nobody gave up on, oldest first:
        after a crash, the sales the counter was in the middle of charging."""
        query = (
            self._terminal_attempts(terminal_id)
            .where(
                PaymentAttemptRow.tender == Tender.WOMPI.value,
                PaymentAttemptRow.status == PaymentStatus.PENDING.value,
                PaymentAttemptRow.abandoned_at.is_(None),
                # A customer paying a link far away is not a sale the counter was charging.
                PaymentAttemptRow.payment_link_id.is_(None),
            )
            .order_by(PaymentAttemptRow.id)
        )
        return [mapping.to_attempt(row) for row in self._session.scalars(query)]

    def late_approvals(self, terminal_id: str) -> list[PaymentAttempt]:
        """This terminal's attempts approved after staff gave up on them (`approved_after_cancel`)
        and not yet acknowledged, oldest first: money taken that someone must look at."""
        query = (
            self._terminal_attempts(terminal_id)
            .where(
                PaymentAttemptRow.status == PaymentStatus.APPROVED.value,
                PaymentAttemptRow.abandoned_at.is_not(None),
                PaymentAttemptRow.late_ack_at.is_(None),
            )
            .order_by(PaymentAttemptRow.id)
        )
        return [mapping.to_attempt(row) for row in self._session.scalars(query)]

    def acknowledge_late_approval(
        self, reference: str, at: datetime, actor: str = SYSTEM_ACTOR
    ) -> PaymentAttempt:
        """Record that staff saw a late approval, so it stops being listed; audited.

        Acknowledging twice keeps the first time and writes nothing more. An attempt that is
        not a late approval is refused with `NotLateApprovalError`.
        """
        row = self._attempt_row(reference)
        attempt = mapping.to_attempt(row)
        if not attempt.approved_after_cancel:
            raise NotLateApprovalError(reference)
        if row.late_ack_at is None:
            row.late_ack_at = at
            self.audit(
                "payment.late_approval_acknowledged",
                f"reference={reference} transaction_id={attempt.transaction_id} "
                f"amount_cents={attempt.amount.cents}",
                at,
                actor,
            )
        return attempt

    def abandon_attempt(self, reference: str, at: datetime) -> PaymentAttempt:
        """Staff gave up on an attempt that took no money (to retry, or for another tender); it
        is still watched: a payer's retry under its reference may yet be approved, and is then
        a late approval. An approved attempt is never abandoned."""
        row = self._attempt_row(reference)
        if row.status != PaymentStatus.APPROVED and row.abandoned_at is None:
            row.abandoned_at = at
        return mapping.to_attempt(row)

    def close_expired_attempt(self, reference: str, at: datetime) -> bool:
        """A pending attempt whose checkout expired (plus the payer's retry window) unpaid: it
        is abandoned (watched until its final check), audited, and its order cancelled when it
        was the order's newest attempt and nothing paid the order. False, and nothing written,
        when it was settled or closed meanwhile (another check got there first)."""
        row = self._attempt_row(reference)
        if row.status != PaymentStatus.PENDING or row.abandoned_at is not None:
            return False
        row.abandoned_at = at
        expires = row.expires_at.isoformat() if row.expires_at else "sin registrar"
        self.audit("payment.checkout_expired", f"reference={reference} expires_at={expires}", at)
        order = row.order
        newest = max(a.attempt_number for a in order.attempts)
        if row.attempt_number == newest and order.status != OrderStatus.PAID:
            self.cancel_order(order.number, at)  # the sale did not happen
        return True

    def watched_attempts(self) -> list[PaymentAttempt]:
        """The Wompi attempts the pending watcher polls, oldest first: every PENDING one, and
        the DECLINED or ERROR ones with a signed expiry (until then the payer may retry under
        their reference), abandoned ones included, until `end_watch`."""
        query = (
            select(PaymentAttemptRow)
            .where(
                PaymentAttemptRow.status.in_(_WATCHED_STATUSES),
                PaymentAttemptRow.watch_ended_at.is_(None),
                PaymentAttemptRow.tender == Tender.WOMPI.value,
                or_(
                    PaymentAttemptRow.status == PaymentStatus.PENDING.value,
                    PaymentAttemptRow.expires_at.is_not(None),
                ),
            )
            .order_by(PaymentAttemptRow.id)
        )
        return [mapping.to_attempt(row) for row in self._session.scalars(query)]

    def end_watch(self, reference: str, at: datetime, detail: str = "") -> bool:
        """The watcher made its final check of this attempt and stops polling it; audited.
        False when it had already stopped."""
        row = self._attempt_row(reference)
        if row.watch_ended_at is not None:
            return False
        row.watch_ended_at = at
        self.audit(
            "payment.watch_ended", f"reference={reference} status={row.status} {detail}".strip(), at
        )
        return True

    def apply_observation(
        self, reference: str, obs: Observation, evidence: str = ""
    ) -> AttemptUpdate:
        """Feed one observed transaction status through the status machine and save the result.

        Duplicates and stale observations change nothing. A conflict changes nothing either but
        is written to the audit log for a person to look at. An applied change saves the
        transactions and the attempt, adds a history line when the attempt's status or deciding
        transaction moved, and re-derives the order's status.
        """
        row = self._attempt_row(reference)
        update = observe(mapping.to_attempt(row), obs)
        if update.decision.outcome is Outcome.CONFLICT:
            self.audit("payment.conflict", _conflict_detail(update, obs, evidence), obs.observed_at)
            self.record_duplicate(duplicate_under_reference(update.before, obs))
            return update
        if not update.changed:
            return update
        mapping.update_attempt_row(row, update.attempt)
        if update.status_changed:
            row.history.append(mapping.history_row(_change(update, obs, evidence)))
        self._refresh_status(row.order)
        if update.attempt.approved_after_cancel and not update.before.approved_after_cancel:
            self.audit(
                "payment.approved_after_cancel",
                f"reference={reference} transaction_id={obs.transaction_id}",
                obs.observed_at,
            )
        approved = PaymentStatus.APPROVED
        if update.attempt.status is approved and update.before.status is not approved:
            attempts = [mapping.to_attempt(a) for a in row.order.attempts]
            self.record_duplicate(duplicate_for_order(attempts, update.attempt, obs.observed_at))
        self._session.flush()
        return update

    def record_conflict(
        self, update: AttemptUpdate, obs: Observation, *, key: str, evidence: str = ""
    ) -> bool:
        """Audit a conflict found outside the status machine, once per `key`; nothing applied.

        Written like the machine's own conflicts (`payment.conflict`), so the back office sees
        them together. False when this `key` was already recorded (the watcher and the gap
        filler keep seeing the same transaction).
        """
        if not self.mark_event_applied(f"conflict:{key}", obs.observed_at):
            return False
        self.audit("payment.conflict", _conflict_detail(update, obs, evidence), obs.observed_at)
        return True

    def history(self, reference: str) -> list[StatusChange]:
        """The attempt's timeline, oldest first."""
        row = self._attempt_row(reference)
        query = (
            select(StatusHistoryRow)
            .where(StatusHistoryRow.attempt_id == row.id)
            .order_by(StatusHistoryRow.id)
        )
        return [mapping.to_status_change(h, reference) for h in self._session.scalars(query)]

    # -- duplicate payments ----------------------------------------------------------------

    def record_duplicate(self, duplicate: DuplicatePayment | None) -> bool:
        """Record an order paid twice, once per extra approval, and audit it; False (nothing
        written) for None or when that approval was already recorded."""
        if duplicate is None:
            return False
        statement = (
            sqlite_insert(DuplicatePaymentRow)
            .values(mapping.duplicate_values(duplicate))
            .on_conflict_do_nothing(
                index_elements=[DuplicatePaymentRow.reference, DuplicatePaymentRow.transaction_id]
            )
        )
        result = cast(CursorResult[tuple[()]], self._session.connection().execute(statement))
        if result.rowcount != 1:
            return False
        first, extra = duplicate.first, duplicate.extra
        detail = (
            f"order={duplicate.order_number} amount_cents={duplicate.amount.cents} "
            f"reference={extra.reference} transaction_id={extra.transaction_id} "
            f"first_reference={first.reference} first_transaction_id={first.transaction_id}"
        )
        log.warning("duplicate payment: %s", detail)
        self.audit("payment.duplicate", detail, duplicate.detected_at)
        return True

    def duplicate_payments(
        self,
        terminal_id: str | None = None,
        *,
        include_acknowledged: bool = False,
        limit: int = MAX_PAGE,
    ) -> list[DuplicatePayment]:
        """Orders paid twice, oldest first: a terminal's (or all), not yet acknowledged unless
        `include_acknowledged` (the back office's list)."""
        query = select(DuplicatePaymentRow)
        if terminal_id is not None:
            query = query.join(OrderRow, DuplicatePaymentRow.order_number == OrderRow.number)
            query = query.where(OrderRow.terminal_id == terminal_id)
        if not include_acknowledged:
            query = query.where(DuplicatePaymentRow.acknowledged_at.is_(None))
        query = query.order_by(DuplicatePaymentRow.id).limit(limit)
        return [mapping.to_duplicate(row) for row in self._session.scalars(query)]

    def acknowledge_duplicate_payment(
        self, duplicate_id: int, at: datetime, actor: str = SYSTEM_ACTOR
    ) -> DuplicatePayment:
        """Staff saw the duplicate payment (and will refund one at Wompi): stop listing it at
        the counter; audited. A late approval among its two attempts is the same incident and
        is acknowledged with it. Acknowledging twice keeps the first time."""
        row = self._session.get(DuplicatePaymentRow, duplicate_id)
        if row is None:
            raise UnknownDuplicatePaymentError(duplicate_id)
        if row.acknowledged_at is None:
            row.acknowledged_at = at
            self.audit(
                "payment.duplicate_acknowledged",
                f"id={duplicate_id} order={row.order_number} reference={row.reference} "
                f"transaction_id={row.transaction_id} first_reference={row.first_reference}",
                at,
                actor,
            )
            for reference in {row.reference, row.first_reference}:
                if self.get_attempt(reference).approved_after_cancel:
                    self.acknowledge_late_approval(reference, at, actor)
        self._session.flush()
        return mapping.to_duplicate(row)

    # -- events and audit ------------------------------------------------------------------

    def mark_event_applied(self, key: str, at: datetime) -> bool:
        """Record that the event `key` was applied; False if it already was (nothing written)."""
        statement = (
            sqlite_insert(AppliedEventRow)
            .values(key=key, applied_at=at)
            .on_conflict_do_nothing(index_elements=[AppliedEventRow.key])
        )
        result = cast(CursorResult[tuple[()]], self._session.connection().execute(statement))
        return result.rowcount == 1

    def audit(self, action: str, detail: str, at: datetime, actor: str = SYSTEM_ACTOR) -> None:
        """A line about an order names it in `detail` as `order=N` or `reference=R` (one of
        our attempts'): it is then listed in that order's detail in the back office."""
        number = self._audited_order(detail)
        self._session.add(
            AuditLogRow(at=at, actor=actor, action=action, detail=detail, order_number=number)
        )
        self._session.flush()

    def _audited_order(self, detail: str) -> int | None:
        found = _AUDIT_ORDER.search(detail)
        if found:
            return int(found.group(1))
        found = _AUDIT_REFERENCE.search(detail)
        row = None if found is None else self._find_attempt_row(found.group(1))
        return None if row is None else row.order_number

    def audit_entries(self, *, limit: int = 100) -> list[AuditEntry]:
        """The newest audit entries first."""
        query = select(AuditLogRow).order_by(AuditLogRow.id.desc()).limit(limit)
        return [
            AuditEntry(id=r.id, at=r.at, actor=r.actor, action=r.action, detail=r.detail)
            for r in self._session.scalars(query)
        ]

    # -- helpers ---------------------------------------------------------------------------

    def _order_row(self, number: int) -> OrderRow:
        row = self._session.get(OrderRow, number)
        if row is None:
            raise UnknownOrderError(number)
        return row

    def _find_attempt_row(self, reference: str) -> PaymentAttemptRow | None:
        query = select(PaymentAttemptRow).where(PaymentAttemptRow.reference == reference)
        return self._session.scalars(query).one_or_none()

    def _attempt_row(self, reference: str) -> PaymentAttemptRow:
        row = self._find_attempt_row(reference)
        if row is None:
            raise UnknownReferenceError(reference)
        return row

    def _terminal_attempts(self, terminal_id: str) -> Select[PaymentAttemptRow]:
        return (
            select(PaymentAttemptRow)
            .join(OrderRow, PaymentAttemptRow.order_number == OrderRow.number)
            .where(OrderRow.terminal_id == terminal_id)
        )

    def _refresh_status(self, row: OrderRow) -> None:
        attempts = [mapping.to_attempt(a) for a in row.attempts]
        status = derive_order_status(attempts, cancelled=row.cancelled_at is not None)
        row.status = status.value
        # The browser filters by the shown attempt's tender and method type (tables.OrderRow).
        shown = shown_attempt(attempts)
        row.tender = "" if shown is None else shown.tender.value
        row.payment_method = (
            "" if shown is None else _method(shown.payment_method_type, shown.tender)
        )

    def _shown_attempts(self, numbers: Sequence[int]) -> dict[int, _Shown]:
        """Per order, the attempt a clerk cares about: the approved one, else the newest, with
        the name of the payment link it came through (the link by its primary key)."""
        query = (
            select(
                PaymentAttemptRow.order_number,
                PaymentAttemptRow.reference,
                PaymentAttemptRow.status,
                PaymentAttemptRow.payment_method_type,
                PaymentAttemptRow.tender,
                PaymentLinkRow.name,
            )
            .outerjoin(PaymentLinkRow, PaymentLinkRow.link_id == PaymentAttemptRow.payment_link_id)
            .where(PaymentAttemptRow.order_number.in_(numbers))
            .order_by(PaymentAttemptRow.order_number, PaymentAttemptRow.attempt_number)
        )
        shown: dict[int, _Shown] = {}
        for number, reference, status, method, tender, link in self._session.execute(query):
            held = shown.get(number)
            if held is None or not held.approved:
                approved = status == PaymentStatus.APPROVED
                shown[number] = _Shown(reference, approved, method, tender, link or "")
        return shown

    def _made_from_links(self, numbers: Sequence[int]) -> dict[int, str]:
        """The name of the link each of these orders was made from (by primary keys)."""
        query = (
            select(OrderRow.number, PaymentLinkRow.name)
            .join(PaymentLinkRow, PaymentLinkRow.link_id == OrderRow.source_link_id)
            .where(OrderRow.number.in_(numbers))
        )
        return {number: name for number, name in self._session.execute(query)}


@dataclass(frozen=True, slots=True)
class _Shown:
    reference: str
    approved: bool
    payment_method_type: str
    tender: str
    link_name: str  # "" when it did not come through one of our payment links


def _require_payable(row: OrderRow) -> None:
    if row.cancelled_at is not None:
        raise OrderClosedError(
            row.number, f"El pedido {row.number} está anulado; no se puede cobrar."
        )
    if row.status == OrderStatus.PAID:
        raise OrderClosedError(row.number, f"El pedido {row.number} ya está pagado.")


def _amount_to_charge(order: Order, tender: Tender) -> Money:
    if tender is Tender.WOMPI:
        return order.chargeable_amount()
    if not order.lines:
        raise OrderError(N_("La venta no tiene productos."))
    return order.total


def _change(update: AttemptUpdate, obs: Observation, evidence: str) -> StatusChange:
    return StatusChange(
        reference=update.attempt.reference,
        from_status=update.before.status,
        to_status=update.attempt.status,
        source=obs.source,
        at=obs.observed_at,
        # The transaction now deciding the attempt: a retry's when the observed one failed.
        transaction_id=update.attempt.transaction_id or obs.transaction_id,
        evidence=evidence,
    )


def _conflict_detail(update: AttemptUpdate, obs: Observation, evidence: str) -> str:
    decision = update.decision
    detail = (
        f"reference={update.before.reference} transaction_id={obs.transaction_id} "
        f"current={decision.current} incoming={decision.incoming} source={obs.source} "
        f"reason={decision.reason}"
    )
    return f"{detail}\n{evidence}" if evidence else detail


_SummaryRow = Row[int, str, datetime, int, str, str, str]


def shown_attempt(attempts: Sequence[PaymentAttempt]) -> PaymentAttempt | None:
    """The attempt a clerk cares about (as `_shown_attempts`): the approved one, else the newest."""
    ordered = sorted(attempts, key=lambda a: a.attempt_number)
    approved = [a for a in ordered if a.status is PaymentStatus.APPROVED]
    return approved[0] if approved else (ordered[-1] if ordered else None)


def _method(payment_method_type: str, tender: str) -> str:
    """An order's method as the browser filters and shows it: Wompi's type ("CARD"…), "CASH"
    for cash, "" when Wompi has not said; never the receipt's label (one per card or phone)."""
    if tender == Tender.CASH:
        return Tender.CASH.value
    return payment_method_type


def _summary(row: _SummaryRow, shown: _Shown | None, made_from: str) -> OrderSummary:
    method = "" if shown is None else _method(shown.payment_method_type, shown.tender)
    link_name = (shown.link_name if shown is not None else "") or made_from
    return OrderSummary(
        number=row.number,
        terminal_id=row.terminal_id,
        created_at=row.created_at,
        total=Money(row.total_cents),
        status=OrderStatus(row.status),
        customer_name=row.customer_name,
        customer_email=row.customer_email,
        last_reference="" if shown is None else shown.reference,
        payment_method=method,
        link_name=link_name,
    )
