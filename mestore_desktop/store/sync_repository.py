"""`SyncRepository`: what the status sync keeps beside the orders, in the caller's transaction.

* `sync_state`: the relay cursor and a few times (last event, last healthy relay answer, last
  gap fill). The cursor is written in the same transaction as the changes its event caused.
* `foreign_transactions`: Wompi transactions whose reference is not one of our attempts
  (payment-link payments, sales made elsewhere). Kept for reconciliation; their status obeys
  the domain's no-regression rule (`decide_transition`), and a conflict is audited.
* whether an event's dedupe key was already applied (the `applied_events` table, written by
  `OrderRepository.mark_event_applied`).

Like `OrderRepository`, it never opens, commits or rolls back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.payment import (
    Decision,
    Outcome,
    PaymentStatus,
    StatusSource,
    Tender,
    decide_transition,
)
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.store.tables import (
    AppliedEventRow,
    ForeignTransactionRow,
    PaymentAttemptRow,
    SyncStateRow,
    from_micros,
    to_micros,
)


class SyncKey(StrEnum):
    """The names used in `sync_state`."""

    RELAY_CURSOR = "relay_cursor"  # seq of the last relay event applied
    # The relay database's id; a new one means seqs started again (the cursor goes back to 0).
    RELAY_EPOCH = "relay_epoch"
    LAST_EVENT_AT = "last_event_at"  # when the relay received the last event we applied
    LAST_HEALTHY_AT = "last_healthy_at"  # last successful answer from the relay
    GAP_FILLED_AT = "gap_filled_at"  # Wompi was searched up to this moment


@dataclass(frozen=True, slots=True)
class ForeignTransaction:
    """A transaction that is not ours, as last seen."""

    transaction_id: str
    reference: str
    status: PaymentStatus
    amount: Money
    payment_link_id: str | None
    created_at: datetime
    last_seen_at: datetime
    source: StatusSource


class SyncRepository:
    """Sync state and foreign transactions, inside the caller's transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # -- sync_state ------------------------------------------------------------------------

    def get_value(self, key: SyncKey) -> str | None:
        row = self._session.get(SyncStateRow, key.value)
        return None if row is None else row.value

    def set_value(self, key: SyncKey, value: str) -> None:
        row = self._session.get(SyncStateRow, key.value)
        if row is None:
            self._session.add(SyncStateRow(key=key.value, value=value))
        else:
            row.value = value
        self._session.flush()

    def cursor(self) -> int:
        """The seq of the last relay event applied; 0 before the first one."""
        value = self.get_value(SyncKey.RELAY_CURSOR)
        return 0 if value is None else int(value)

    def set_cursor(self, seq: int) -> None:
        if seq < 0:
            raise ValueError("the relay cursor is never negative")
        self.set_value(SyncKey.RELAY_CURSOR, str(seq))

    def get_time(self, key: SyncKey) -> datetime | None:
        value = self.get_value(key)
        return None if value is None else from_micros(int(value))

    def set_time(self, key: SyncKey, at: datetime) -> None:
        # Integer microseconds, like every other timestamp here: exact and timezone-proof.
        self.set_value(key, str(to_micros(at)))

    def advance_time(self, key: SyncKey, at: datetime) -> None:
        """Set the time unless a later one is already stored (events may arrive out of order)."""
        current = self.get_time(key)
        if current is None or at > current:
            self.set_time(key, at)

    # -- applied events --------------------------------------------------------------------

    def event_applied(self, key: str) -> bool:
        return self._session.get(AppliedEventRow, key) is not None

    def applied_event_count(self) -> int:
        return self._session.scalar(select(func.count()).select_from(AppliedEventRow)) or 0

    # -- attempts the sync watches ---------------------------------------------------------

    def newest_wompi_attempt_at(self) -> datetime | None:
        """When the newest Wompi attempt was created (for the "no events arrive" check)."""
        query = select(func.max(PaymentAttemptRow.created_at)).where(
            PaymentAttemptRow.tender == Tender.WOMPI.value
        )
        # UtcTimestamp turns the stored microseconds back into an aware datetime.
        return self._session.scalar(query)

    def pending_wompi_count(self) -> int:
        query = (
            select(func.count())
            .select_from(PaymentAttemptRow)
            .where(
                PaymentAttemptRow.tender == Tender.WOMPI.value,
                PaymentAttemptRow.status == PaymentStatus.PENDING.value,
            )
        )
        return self._session.scalar(query) or 0

    # -- foreign transactions --------------------------------------------------------------

    def record_foreign(self, seen: ForeignTransaction) -> Decision:
        """Insert or update a foreign transaction; its status never goes back.

        Stale and duplicate sightings only move `last_seen_at`. A conflicting final (e.g.
        DECLINED after APPROVED) changes nothing but is written to the audit log.
        """
        row = self._session.get(ForeignTransactionRow, seen.transaction_id)
        if row is None:
            self._session.add(_foreign_row(seen))
            self._session.flush()
            return Decision(Outcome.APPLY, seen.status, seen.status, reason="nueva")
        decision = decide_transition(PaymentStatus(row.status), seen.status)
        row.last_seen_at = max(row.last_seen_at, seen.last_seen_at)
        if decision.applies:
            row.status = seen.status.value
            row.source = seen.source.value
        elif decision.outcome is Outcome.CONFLICT:
            OrderRepository(self._session).audit(
                "foreign.conflict",
                f"transaction_id={seen.transaction_id} reference={seen.reference} "
                f"current={decision.current} incoming={decision.incoming} source={seen.source}",
                seen.last_seen_at,
            )
        self._session.flush()
        return decision

    def get_foreign(self, transaction_id: str) -> ForeignTransaction | None:
        row = self._session.get(ForeignTransactionRow, transaction_id)
        return None if row is None else _foreign(row)

    def foreign_transactions(self, *, limit: int = 100) -> list[ForeignTransaction]:
        """The most recently seen first."""
        query = (
            select(ForeignTransactionRow)
            .order_by(ForeignTransactionRow.last_seen_at.desc())
            .limit(limit)
        )
        return [_foreign(row) for row in self._session.scalars(query)]


def _foreign_row(seen: ForeignTransaction) -> ForeignTransactionRow:
    return ForeignTransactionRow(
        transaction_id=seen.transaction_id,
        reference=seen.reference,
        status=seen.status.value,
        amount_cents=seen.amount.cents,
        payment_link_id=seen.payment_link_id,
        created_at=seen.created_at,
        last_seen_at=seen.last_seen_at,
        source=seen.source.value,
    )


def _foreign(row: ForeignTransactionRow) -> ForeignTransaction:
    return ForeignTransaction(
        transaction_id=row.transaction_id,
        reference=row.reference,
        status=PaymentStatus(row.status),
        amount=Money(row.amount_cents),
        payment_link_id=row.payment_link_id,
        created_at=row.created_at,
        last_seen_at=row.last_seen_at,
        source=StatusSource(row.source),
    )
