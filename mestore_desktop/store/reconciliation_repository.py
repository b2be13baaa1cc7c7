"""What reconciliation and the day close read and keep, inside the caller's transaction.

* `ReconciliationRepository.local_attempts`: our payment attempts created in a range of Bogotá
  days, every terminal, each with its order's facts and every Wompi transaction seen under it
  (`domain.reconciliation.LocalAttempt`), read by the attempts' creation-time index.
* `DayCloseRepository`: a terminal's closed days (`day_closes`): a closed day is not closed
  again until it is reopened, and reopening needs a reason; both are written to the audit log
  with who did it. It also reads the attempts a close is built from.

Like `OrderRepository`, nothing here opens, commits or rolls back. The SQL names its join order
(CROSS JOIN) and its index: without statistics SQLite would rather start from a terminal's
orders — every one it ever made — than from one day's attempts.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from mestore_desktop.domain.day_close import DayCloseError, DayCloseRecord, DayCloseReport
from mestore_desktop.domain.payment import PaymentStatus, Tender
from mestore_desktop.domain.reconciliation import LocalAttempt, day_bounds
from mestore_desktop.domain.text import N_
from mestore_desktop.store.errors import StoreError
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.store.tables import DayCloseRow, from_micros, to_micros

log = logging.getLogger(__name__)

# The method is Wompi's type ("CARD"…), which reconciliation and the day close total by; the
# receipt's label ("VISA ••4242") only when the type is unknown (older attempts it could not
# be derived for, migration 0008), so such a payment still shows as what little is known.
_ATTEMPT_COLUMNS = (
    "pa.id, pa.reference, pa.order_number, o.terminal_id, pa.tender, pa.amount_cents, "
    "pa.status, pa.transaction_id, "
    "CASE WHEN pa.payment_method_type != '' THEN pa.payment_method_type "
    "ELSE pa.payment_method END, pa.created_at, "
    "pa.abandoned_at IS NOT NULL AS abandoned, o.cancelled_at IS NOT NULL AS cancelled"
)
_IN_RANGE = "pa.created_at >= :start AND pa.created_at < :end"
_BY_CREATION = "payment_attempts AS pa INDEXED BY ix_payment_attempts_created_at"
# Live pending attempts are few: read just them, never every attempt before a day nor the
# abandoned PENDING ones (every given-up checkout) that pile up over the years.
_PENDING = "payment_attempts AS pa INDEXED BY ix_payment_attempts_status_abandoned_at_created_at"
_STILL_PENDING = (
    "pa.status = 'PENDING' AND pa.abandoned_at IS NULL AND pa.created_at < :end "
    "AND o.terminal_id = :terminal AND o.cancelled_at IS NULL"
)


class DayAlreadyClosedError(StoreError):
    """The day is closed; it must be reopened (with a reason) before it is closed again."""

    def __init__(self, record: DayCloseRecord) -> None:
        report = record.report
        super().__init__(
            N_(
                "El día {day} de la terminal {terminal_id} ya está cerrado (por "
                "{closed_by}). Para cerrarlo de nuevo, reábralo indicando el motivo.",
                day=report.day.isoformat(),
                terminal_id=report.terminal_id,
                closed_by=record.closed_by or N_("alguien"),
            )
        )
        self.record = record


class DayNotClosedError(StoreError):
    """Only a closed day can be reopened."""

    def __init__(self, terminal_id: str, day: date) -> None:
        super().__init__(
            N_(
                "El día {day} de la terminal {terminal_id} no está cerrado; no hay nada "
                "que reabrir.",
                day=day.isoformat(),
                terminal_id=terminal_id,
            )
        )


class ReopenReasonRequiredError(StoreError, ValueError):
    def __init__(self) -> None:
        super().__init__(N_("Indique el motivo para reabrir el día; queda en el registro."))


class MissingActorError(StoreError, ValueError):
    def __init__(self) -> None:
        super().__init__(N_("Indique quién hace el cierre; queda en el registro."))


class ReconciliationRepository:
    """Our side of a reconciliation."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def local_attempts(self, first_day: date, last_day: date) -> list[LocalAttempt]:
        """Every attempt created in these Bogotá days (both included), every terminal, oldest
        first, with its transactions in the order they were first seen."""
        start, end = day_bounds(first_day, last_day)
        params = {"start": to_micros(start), "end": to_micros(end)}
        return read_attempts(self._session, _BY_CREATION, _IN_RANGE, params)

    def link_amounts(self) -> dict[str, int | None]:
        """Our payment links (id -> amount in cents, None: the payer chooses). None are made
        yet, so every transaction of a link is someone else's."""
        return {}


class DayCloseRepository:
    """Closed days of each terminal, and the attempts a close is built from."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, terminal_id: str, day: date) -> DayCloseRecord | None:
        row = self._row(terminal_id, day)
        return None if row is None else _record(row)

    def save_close(self, report: DayCloseReport, at: datetime, actor: str) -> DayCloseRecord:
        """Close the report's day; a day closed and not reopened is refused
        (`DayAlreadyClosedError`). Closing a reopened day replaces its close. Audited."""
        if not actor.strip():
            raise MissingActorError
        row = self._row(report.terminal_id, report.day)
        if row is not None and row.reopened_at is None:
            raise DayAlreadyClosedError(_record(row))
        if row is None:
            row = DayCloseRow(terminal_id=report.terminal_id, day=report.day.isoformat())
            self._session.add(row)
        _fill(row, report, at, actor)
        self._session.flush()
        OrderRepository(self._session).audit("day_close.closed", _close_detail(report), at, actor)
        return _record(row)

    def reopen(
        self, terminal_id: str, day: date, reason: str, at: datetime, actor: str
    ) -> DayCloseRecord:
        """Reopen a closed day so it can be closed again; needs a reason. Audited."""
        reason = reason.strip()
        if not reason:
            raise ReopenReasonRequiredError
        if not actor.strip():
            raise MissingActorError
        row = self._row(terminal_id, day)
        if row is None or row.reopened_at is not None:
            raise DayNotClosedError(terminal_id, day)
        row.reopened_at, row.reopened_by, row.reopen_reason = at, actor, reason
        self._session.flush()
        detail = f"terminal={terminal_id} day={day.isoformat()} reason={reason}"
        OrderRepository(self._session).audit("day_close.reopened", detail, at, actor)
        return _record(row)

    def pending_before(self, terminal_id: str, day: date) -> list[LocalAttempt]:
        """The terminal's attempts still PENDING created before the end of `day`, not given up
        (neither abandoned nor of a cancelled order): carried into the next day."""
        _start, end = day_bounds(day, day)
        params = {"end": to_micros(end), "terminal": terminal_id}
        return read_attempts(self._session, _PENDING, _STILL_PENDING, params)

    def attempts_for_day(self, terminal_id: str, day: date) -> list[LocalAttempt]:
        """What `build_day_close` needs: the terminal's attempts created on `day`, then those
        from earlier days still pending."""
        start, end = day_bounds(day, day)
        params = {"start": to_micros(start), "end": to_micros(end), "terminal": terminal_id}
        where = f"{_IN_RANGE} AND o.terminal_id = :terminal"
        today = read_attempts(self._session, _BY_CREATION, where, params)
        seen = {a.reference for a in today}
        earlier = [a for a in self.pending_before(terminal_id, day) if a.reference not in seen]
        return today + earlier

    def _row(self, terminal_id: str, day: date) -> DayCloseRow | None:
        query = select(DayCloseRow).where(
            DayCloseRow.terminal_id == terminal_id, DayCloseRow.day == day.isoformat()
        )
        return self._session.scalars(query).one_or_none()


def read_attempts(
    session: Session, source: str, where: str, params: dict[str, Any]
) -> list[LocalAttempt]:
    """Attempts from `source` (payment_attempts AS pa, with its index) passing `where`, with
    their order's terminal and flags and their transactions; oldest first."""
    joined = f"{source} CROSS JOIN orders AS o ON o.number = pa.order_number"
    sql = f"SELECT {_ATTEMPT_COLUMNS} FROM {joined} WHERE {where} ORDER BY pa.created_at, pa.id"  # noqa: S608 - fixed fragments, values bound
    rows = session.execute(text(sql), params).all()
    if not rows:
        return []
    seen = (
        "SELECT t.attempt_id, t.transaction_id, t.status FROM "  # noqa: S608 - fixed fragments
        f"{joined} CROSS JOIN attempt_transactions AS t ON t.attempt_id = pa.id "
        f"WHERE {where} ORDER BY t.id"
    )
    transactions: dict[int, list[tuple[str, PaymentStatus]]] = defaultdict(list)
    for attempt_id, transaction_id, status in session.execute(text(seen), params):
        transactions[attempt_id].append((transaction_id, _STATUS[status]))
    return [_local(tuple(row), transactions) for row in rows]


# Plain lookups: a month of a busy shop is ~100,000 attempts, built here one by one.
_STATUS = {s.value: s for s in PaymentStatus}
_TENDER = {t.value: t for t in Tender}


def _local(row: tuple[Any, ...], seen: dict[int, list[tuple[str, PaymentStatus]]]) -> LocalAttempt:
    (id_, reference, number, terminal, tender, cents, status, tx, method, created, abandoned,
     cancelled) = row  # fmt: skip
    return LocalAttempt(
        reference=reference,
        order_number=number,
        terminal_id=terminal,
        tender=_TENDER[tender],
        amount_cents=cents,
        status=_STATUS[status],
        transaction_id=tx,
        transactions=tuple(seen.get(id_, ())),
        payment_method=method,
        created_at=from_micros(created),
        abandoned=bool(abandoned),
        order_cancelled=bool(cancelled),
    )


def _fill(row: DayCloseRow, report: DayCloseReport, at: datetime, actor: str) -> None:
    row.report = json.dumps(report.to_json(), ensure_ascii=False, sort_keys=True)
    row.cash_expected_cents = report.cash_expected_cents
    row.cash_counted_cents = report.cash_counted_cents
    row.difference_cents = report.difference_cents
    row.note = report.note
    row.closed_at, row.closed_by = at, actor
    row.reopened_at, row.reopened_by, row.reopen_reason = None, "", ""


def _record(row: DayCloseRow) -> DayCloseRecord:
    try:
        report = DayCloseReport.from_json(json.loads(row.report))
    except (ValueError, DayCloseError) as exc:
        log.exception("unreadable day close %s %s", row.terminal_id, row.day)
        raise StoreError(
            N_(
                "El cierre guardado del día {day} de la terminal {terminal_id} está "
                "dañado; detalles en el registro.",
                day=row.day,
                terminal_id=row.terminal_id,
            )
        ) from exc
    return DayCloseRecord(
        report=report,
        closed_at=row.closed_at,
        closed_by=row.closed_by,
        reopened_at=row.reopened_at,
        reopened_by=row.reopened_by,
        reopen_reason=row.reopen_reason,
    )


def _close_detail(report: DayCloseReport) -> str:
    counted = "sin_contar" if report.cash_counted_cents is None else report.cash_counted_cents
    difference = "" if report.difference_cents is None else report.difference_cents
    return (
        f"terminal={report.terminal_id} day={report.day.isoformat()} "
        f"expected_cents={report.expected_total_cents} "
        f"cash_expected_cents={report.cash_expected_cents} cash_counted_cents={counted} "
        f"difference_cents={difference} pending={len(report.pending)} note={report.note}"
    )
