"""`LinkRepository`: our mirror of the payment links, inside the caller's transaction.

A link is saved once Wompi made it (`save`), refreshed from Wompi (`save` again: only what
Wompi holds is rewritten), switched off (`mark_deactivated`), and credited by the sync with the
approved payments attached to it (`record_payment` counts them from the attempts that carry
its `payment_link_id`, so counting again after a redelivered event changes nothing).

The double-payment guard finds an order's links that can still take money
(`active_for_order`) and audits each step with `audit_link` (`link.deactivate.requested`,
`link.deactivated`, `link.deactivate.failed`; the detail names `order=N link=ID`, so the
order's detail in the back office lists them).

Like `OrderRepository`, it never opens, commits or rolls back. Only domain objects come out.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import ColumnElement, and_, func, not_, or_, select
from sqlalchemy.orm import Session

from mestore_desktop.domain.catalogue import fold_for_search
from mestore_desktop.domain.links import LinkStatus, PaymentLinkRecord
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate
from mestore_desktop.domain.payment import PaymentStatus
from mestore_desktop.domain.text import N_
from mestore_desktop.store.errors import StoreError
from mestore_desktop.store.repositories import SYSTEM_ACTOR, OrderRepository
from mestore_desktop.store.tables import OrderRow, PaymentAttemptRow, PaymentLinkRow

MAX_LINKS = 1000

# The double-payment guard's audit actions (detail: `order=N link=ID …`).
DEACTIVATE_REQUESTED = "link.deactivate.requested"
DEACTIVATED = "link.deactivated"
DEACTIVATE_FAILED = "link.deactivate.failed"
# Written here and by the sync.
LINK_PAID = "link.paid"  # an approved payment through a link was counted
LINK_ORDER_CREATED = "link.order_created"  # a payment on a link without order made one

log = logging.getLogger(__name__)


class UnknownLinkError(StoreError):
    def __init__(self, link_id: str) -> None:
        super().__init__(
            N_(
                "No hay un link de pago {link_id} en este equipo.",
                link_id=link_id,
            )
        )
        self.link_id = link_id


class LinkRepository:
    """Payment links and what they collected, inside the caller's transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # -- the mirror ------------------------------------------------------------------------

    def save(self, record: PaymentLinkRecord) -> PaymentLinkRecord:
        """Insert a new link, or refresh a saved one with what Wompi holds (name, description,
        amount, single use, collect shipping, expiry, redirect URL, SKU, URL, active and when
        it was read). What only we know is kept: the order, IVA and terminal are filled only
        where still empty, and what the sync counted (payments, collected, paid_at) is never
        overwritten, so a refresh read before a payment was attached cannot undo it."""
        row = self._session.get(PaymentLinkRow, record.link_id)
        if row is None:
            row = PaymentLinkRow(link_id=record.link_id, **_counted(record))
            _write_ours(row, record)
            self._session.add(row)
        else:
            _fill_ours(row, record)
        _write_wompi(row, record)
        self._session.flush()
        return to_record(row)

    def get(self, link_id: str) -> PaymentLinkRecord | None:
        row = self._session.get(PaymentLinkRow, link_id)
        return None if row is None else to_record(row)

    def list(
        self,
        search: str = "",
        status: LinkStatus | None = None,
        now: datetime | None = None,
        limit: int = 200,
    ) -> list[PaymentLinkRecord]:
        """Newest first; `search` finds a word of the name or description or the id (case and
        accents ignored); `status` (which needs `now`) keeps the links in that status."""
        if not 1 <= limit <= MAX_LINKS:
            raise ValueError(f"limit must be between 1 and {MAX_LINKS}")
        query = select(PaymentLinkRow)
        folded = fold_for_search(search)
        if folded:
            query = query.where(PaymentLinkRow.search_text.contains(folded, autoescape=True))
        if status is not None:
            if now is None:
                raise ValueError("a status filter needs the time it is now")
            query = query.where(status_clause(status, now))
        query = query.order_by(PaymentLinkRow.created_at.desc(), PaymentLinkRow.link_id.desc())
        return [to_record(row) for row in self._session.scalars(query.limit(limit))]

    def for_order(self, number: int) -> list[PaymentLinkRecord]:
        """Every link of the order, newest first."""
        query = (
            select(PaymentLinkRow)
            .where(PaymentLinkRow.order_number == number)
            .order_by(PaymentLinkRow.created_at.desc(), PaymentLinkRow.link_id.desc())
        )
        return [to_record(row) for row in self._session.scalars(query)]

    def active_for_order(self, number: int, now: datetime | None = None) -> list[PaymentLinkRecord]:
        """The order's links Wompi may still take money through: switched on and not a paid
        single-use link. Without `now` expired ones are included too (switching one off is
        harmless, and our clock may be behind Wompi's); with it, only ACTIVE ones."""
        query = select(PaymentLinkRow).where(
            PaymentLinkRow.order_number == number,
            PaymentLinkRow.active.is_(True),
            not_(_paid()),
        )
        if now is not None:
            query = query.where(_not_expired(now))
        query = query.order_by(PaymentLinkRow.created_at, PaymentLinkRow.link_id)
        return [to_record(row) for row in self._session.scalars(query)]

    def mark_deactivated(self, link_id: str, at: datetime) -> PaymentLinkRecord:
        """Wompi confirmed the link is off; deactivating twice keeps the first time."""
        row = self._row(link_id)
        if row.deactivated_at is None:
            row.deactivated_at = at
        row.active = False
        self._session.flush()
        return to_record(row)

    # -- payments through a link -----------------------------------------------------------

    def record_payment(self, link_id: str, at: datetime) -> PaymentLinkRecord:
        """Count the link's approved payments again from its attempts; when there are more
        than before, `paid_at` is `at` (the newest payment's time) and it is audited. A void
        that takes a payment back lowers the count. Counting twice changes nothing."""
        row = self._row(link_id)
        query = select(func.count(), func.coalesce(func.sum(PaymentAttemptRow.amount_cents), 0))
        query = query.where(
            PaymentAttemptRow.payment_link_id == link_id,
            PaymentAttemptRow.status == PaymentStatus.APPROVED.value,
        )
        payments, collected = self._session.execute(query).one()
        before = row.payments
        row.payments, row.collected_cents = payments, collected
        if payments == 0:
            row.paid_at = None
        elif payments > before:
            row.paid_at = at
            self.audit_link(
                LINK_PAID, link_id, at, detail=f"payments={payments} collected_cents={collected}"
            )
        self._session.flush()
        return to_record(row)

    def link_of_attempt(self, reference: str) -> str | None:
        """The link an attempt was paid through, or None (a counter's attempt, or unknown)."""
        query = select(PaymentAttemptRow.payment_link_id).where(
            PaymentAttemptRow.reference == reference
        )
        return self._session.scalar(query)

    def tie_to_order(self, link_id: str, number: int) -> PaymentLinkRecord:
        """The link is now for this order (a single-use link's payment made the order)."""
        row = self._row(link_id)
        row.order_number = number
        self._session.flush()
        return to_record(row)

    def mark_order_from_link(self, number: int, link_id: str) -> None:
        """The order was made from a payment on this link (Pedidos: "Link: <name>")."""
        row = self._session.get(OrderRow, number)
        if row is None:
            raise ValueError(f"no order {number}")
        row.source_link_id = link_id
        self._session.flush()

    def audit_link(
        self,
        action: str,
        link_id: str,
        at: datetime,
        actor: str = SYSTEM_ACTOR,
        *,
        detail: str = "",
        order_number: int | None = None,
    ) -> None:
        """An audit line about a link: `order=N link=ID detail` (without `order=` when the link
        has none), so the order's detail lists it. `order_number` defaults to the link's."""
        if order_number is None:
            row = self._session.get(PaymentLinkRow, link_id)
            order_number = None if row is None else row.order_number
        head = f"link={link_id}" if order_number is None else f"order={order_number} link={link_id}"
        OrderRepository(self._session).audit(action, f"{head} {detail}".strip(), at, actor)

    def _row(self, link_id: str) -> PaymentLinkRow:
        row = self._session.get(PaymentLinkRow, link_id)
        if row is None:
            raise UnknownLinkError(link_id)
        return row


# -- status in SQL (the same precedence as `PaymentLinkRecord.status`) -------------------------


def _paid() -> ColumnElement[bool]:
    return and_(PaymentLinkRow.single_use.is_(True), PaymentLinkRow.payments > 0)


def _not_expired(now: datetime) -> ColumnElement[bool]:
    return or_(PaymentLinkRow.expires_at.is_(None), PaymentLinkRow.expires_at > now)


def status_clause(status: LinkStatus, now: datetime) -> ColumnElement[bool]:
    """SQL that holds for the links whose `status(now)` is `status`."""
    if status is LinkStatus.PAID:
        return _paid()
    if status is LinkStatus.DEACTIVATED:
        return and_(not_(_paid()), PaymentLinkRow.active.is_(False))
    live = and_(not_(_paid()), PaymentLinkRow.active.is_(True))
    if status is LinkStatus.EXPIRED:
        return and_(live, not_(_not_expired(now)))
    return and_(live, _not_expired(now))


# -- rows and records ------------------------------------------------------------------------


def _counted(record: PaymentLinkRecord) -> dict[str, object]:
    return {
        "payments": record.payments,
        "collected_cents": record.collected.cents,
        "paid_at": record.paid_at,
        "created_at": record.created_at,
    }


def _write_ours(row: PaymentLinkRow, record: PaymentLinkRecord) -> None:
    row.order_number = record.order_number
    row.iva_rate = None if record.iva_rate is None else int(record.iva_rate)
    row.terminal_id = record.terminal_id


def _fill_ours(row: PaymentLinkRow, record: PaymentLinkRecord) -> None:
    if row.order_number is None:
        row.order_number = record.order_number
    if row.iva_rate is None and record.iva_rate is not None:
        row.iva_rate = int(record.iva_rate)
    row.terminal_id = row.terminal_id or record.terminal_id


def _write_wompi(row: PaymentLinkRow, record: PaymentLinkRecord) -> None:
    row.url = record.url
    row.name = record.name
    row.description = record.description
    row.search_text = fold_for_search(f"{record.name} {record.description} {record.link_id}")
    row.amount_cents = None if record.amount is None else record.amount.cents
    row.single_use = record.single_use
    row.collect_shipping = record.collect_shipping
    row.expires_at = record.expires_at
    row.redirect_url = record.redirect_url
    row.sku = record.sku
    if record.active:
        row.deactivated_at = None
    else:
        # When Wompi says it is off and we did not know: the record's time, else the read's.
        row.deactivated_at = row.deactivated_at or record.deactivated_at or record.last_synced_at
    row.active = record.active
    row.last_synced_at = record.last_synced_at or row.last_synced_at


def to_record(row: PaymentLinkRow) -> PaymentLinkRecord:
    return PaymentLinkRecord(
        link_id=row.link_id,
        url=row.url,
        name=row.name,
        description=row.description,
        amount=None if row.amount_cents is None else Money(row.amount_cents),
        single_use=bool(row.single_use),
        expires_at=row.expires_at,
        redirect_url=row.redirect_url,
        sku=row.sku,
        order_number=row.order_number,
        active=bool(row.active),
        created_at=row.created_at,
        deactivated_at=row.deactivated_at,
        paid_at=row.paid_at,
        collected=Money(row.collected_cents),
        payments=row.payments,
        iva_rate=None if row.iva_rate is None else IvaRate(row.iva_rate),
        collect_shipping=bool(row.collect_shipping),
        terminal_id=row.terminal_id,
        last_synced_at=row.last_synced_at,
    )
