"""SQLite tables for orders, payment attempts, their history, applied events and the audit log.

Rows are storage only: `repositories` turns them into domain objects and back, and nothing
outside `store` ever sees one. Money is integer cents and timestamps are integer microseconds
since the Unix epoch in UTC, so ordering and equality are exact and timezone-aware datetimes
round-trip to the same instant. CHECK constraints repeat the domain's rules (non-negative
integer cents, known statuses) so that a bug or a hand edit cannot store a float amount or a
status the status machine has never heard of.

The Alembic migrations (`migrations/versions/0001_initial.py`, then `0002_sync.py` for the
status sync's tables, `0003_catalogue_cash.py` for the product catalogue and the cash and
late-approval columns of payment attempts, `0004_attempt_expiry.py` for the checkout's expiry,
`0005_installation_id.py` for the installation id in references, `0006_duplicate_payments.py`
for duplicate payments and the end of an attempt's watch, `0007_back_office.py` for the orders
browser's indexes and search terms, the audit log's order and the day closes,
`0008_payment_method_type.py` for the attempts' Wompi method type beside the label,
`0009_payment_links.py` for the payment links' mirror and the link of an attempt or order) are
a frozen copy of this schema; a test checks that the two agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, MetaData, Text, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from mestore_desktop.domain.order import DocumentType, IvaRate
from mestore_desktop.domain.payment import OrderStatus, PaymentStatus, StatusSource, Tender

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)

# Deterministic constraint names: SQLite can only change a constraint by rebuilding the table
# (Alembic batch mode), and that needs to know every constraint by name.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def to_micros(value: datetime) -> int:
    """Microseconds since the epoch; exact (integer timedelta arithmetic, no float seconds)."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("only timezone-aware datetimes are stored")
    return (value - _EPOCH) // _MICROSECOND


def from_micros(value: int) -> datetime:
    return _EPOCH + timedelta(microseconds=value)


class UtcTimestamp(TypeDecorator[datetime]):
    """A timezone-aware datetime stored as integer microseconds since the epoch (UTC)."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> int | None:
        return None if value is None else to_micros(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else from_micros(int(value))


def _quoted(values: Iterable[Enum]) -> str:
    return ", ".join(f"'{v.value}'" for v in values)


def integer_check(column: str, *, nullable: bool = False, minimum: int | None = None) -> str:
    """SQL that holds when `column` is a real integer (typeof guards against REAL and TEXT)."""
    sql = f"typeof({column}) = 'integer'"
    if minimum is not None:
        sql += f" AND {column} >= {minimum}"
    return f"{column} IS NULL OR ({sql})" if nullable else sql


def in_check(column: str, values: Iterable[Enum], *, nullable: bool = False) -> str:
    sql = f"{column} IN ({_quoted(values)})"
    return f"{column} IS NULL OR {sql}" if nullable else sql


def _check(sql: str, name: str) -> CheckConstraint:
    return CheckConstraint(sql, name=name)


def _cents(column: str) -> CheckConstraint:
    return _check(integer_check(column, minimum=0), column)


def _timestamp(column: str, *, nullable: bool = False) -> CheckConstraint:
    return _check(integer_check(column, nullable=nullable), column)


ORDER_STATUSES = tuple(OrderStatus)
PAYMENT_STATUSES = tuple(PaymentStatus)
SOURCES = tuple(StatusSource)
TENDERS = tuple(Tender)
DOCUMENT_TYPES = tuple(DocumentType)
IVA_RATES = ", ".join(str(int(rate)) for rate in IvaRate)
# "" or an upper-case code as `domain.payment.method_type_code` keeps it: a letter, then letters,
# digits and "_" (GLOB's class refuses anything else, such as a label's "•" or a space).
METHOD_TYPE_CHECK = (
    "typeof(payment_method_type) = 'text' AND (payment_method_type = '' OR "
    "(payment_method_type GLOB '[A-Z]*' AND payment_method_type NOT GLOB '*[^A-Z0-9_]*'))"
)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {str: Text(), datetime: UtcTimestamp()}  # noqa: RUF012


class OrderRow(Base):
    __tablename__ = "orders"
    __table_args__ = (
        _timestamp("created_at"),
        _timestamp("cancelled_at", nullable=True),
        _check(in_check("status", ORDER_STATUSES), "status"),
        _cents("total_cents"),
        _check(
            in_check("customer_document_type", DOCUMENT_TYPES, nullable=True),
            "customer_document_type",
        ),
        Index(None, "created_at"),
        # `number` is the rowid, so this index is (status, number): the browser's filtered pages.
        Index(None, "status"),
        # The back office's browser (migration 0007): every sort walks an index in order (the
        # rowid, `number`, breaks ties), and every filter can count or list its rows by index.
        Index(None, "total_cents"),
        Index(None, "terminal_id", "created_at"),
        Index(None, "tender"),
        Index(None, "payment_method"),
        # AUTOINCREMENT: an order number is in Wompi references and must never be handed out
        # twice, even if the newest order were ever deleted.
        {"sqlite_autoincrement": True},
    )

    number: Mapped[int] = mapped_column(primary_key=True)
    terminal_id: Mapped[str]
    created_at: Mapped[datetime]
    cancelled_at: Mapped[datetime | None]
    status: Mapped[str]
    total_cents: Mapped[int]
    customer_name: Mapped[str]
    customer_email: Mapped[str]
    customer_phone: Mapped[str]
    customer_document_type: Mapped[str | None]
    customer_document_number: Mapped[str]
    # Added by migration 0007 with ALTER TABLE ADD COLUMN (column-level CHECKs, as in 0003): the
    # tender and method of the attempt the browser shows (the approved one, else the newest;
    # "CASH" for cash), kept up to date with `status`, so the browser filters them by index.
    # The method is the attempt's Wompi type ("CARD", "NEQUI"…) since migration 0008.
    tender: Mapped[str] = mapped_column(
        _check(f"tender IN ('', {_quoted(TENDERS)})", "tender"), default="", server_default=""
    )
    payment_method: Mapped[str] = mapped_column(default="", server_default="")
    # Added by migration 0009, the same way: the payment link this order was made from (a
    # customer paid a link that had no order), so Pedidos shows "Link: <name>". NULL otherwise.
    source_link_id: Mapped[str | None] = mapped_column(
        _check("source_link_id IS NULL OR length(source_link_id) > 0", "source_link_id"),
        index=True,
    )

    lines: Mapped[list[OrderLineRow]] = relationship(
        order_by="OrderLineRow.position", cascade="all, delete-orphan", lazy="selectin"
    )
    attempts: Mapped[list[PaymentAttemptRow]] = relationship(
        back_populates="order", order_by="PaymentAttemptRow.attempt_number"
    )
    # Written with the order (the customer never changes); only searched, never loaded.
    search_terms: Mapped[list[OrderSearchTermRow]] = relationship(lazy="raise")


class OrderLineRow(Base):
    __tablename__ = "order_lines"
    __table_args__ = (
        UniqueConstraint("order_number", "position"),
        _check(integer_check("position", minimum=0), "position"),
        _check(integer_check("quantity", minimum=1), "quantity"),
        _cents("unit_price_cents"),
        _check(f"typeof(iva_rate) = 'integer' AND iva_rate IN ({IVA_RATES})", "iva_rate"),
        _cents("discount_cents"),
        _check("discount_cents <= quantity * unit_price_cents", "discount_within_line"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_number: Mapped[int] = mapped_column(ForeignKey("orders.number"))
    position: Mapped[int]
    description: Mapped[str]
    quantity: Mapped[int]
    unit_price_cents: Mapped[int]
    iva_rate: Mapped[int]
    discount_cents: Mapped[int]
    sku: Mapped[str]


class PaymentAttemptRow(Base):
    __tablename__ = "payment_attempts"
    __table_args__ = (
        UniqueConstraint("reference"),
        UniqueConstraint("order_number", "attempt_number"),
        _check(integer_check("attempt_number", minimum=1), "attempt_number"),
        _check(in_check("tender", TENDERS), "tender"),
        _cents("amount_cents"),
        _check(in_check("status", PAYMENT_STATUSES), "status"),
        _timestamp("created_at"),
        _timestamp("updated_at"),
        _timestamp("abandoned_at", nullable=True),
        Index(None, "status"),
        # Few attempts are ever abandoned: late approvals are found without reading the rest.
        Index(None, "abandoned_at"),
        # The watcher's attempts (pending or failed, watch not ended) without reading the rest.
        Index(None, "status", "watch_ended_at"),
        # Back office (0007): a day's attempts (reconciliation, day close), a transaction id,
        # and the live pending ones a day close carries (not the many abandoned PENDING ones).
        Index(None, "created_at"),
        Index(None, "transaction_id"),
        Index(None, "status", "abandoned_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str]
    order_number: Mapped[int] = mapped_column(ForeignKey("orders.number"))
    attempt_number: Mapped[int]
    tender: Mapped[str]
    amount_cents: Mapped[int]
    status: Mapped[str]
    transaction_id: Mapped[str | None]
    payment_method: Mapped[str]
    status_message: Mapped[str]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    abandoned_at: Mapped[datetime | None]
    # Added by migration 0003 with ALTER TABLE ADD COLUMN, so their CHECKs are column-level:
    # rebuilding payment_attempts instead would need foreign keys off, which SQLite refuses
    # inside the migration's transaction.
    cash_received_cents: Mapped[int | None] = mapped_column(
        _check(
            integer_check("cash_received_cents", nullable=True, minimum=0), "cash_received_cents"
        )
    )
    late_ack_at: Mapped[datetime | None] = mapped_column(
        _check(integer_check("late_ack_at", nullable=True), "late_ack_at")
    )
    # Added by migration 0004, the same way: when the signed checkout expires (Wompi only).
    expires_at: Mapped[datetime | None] = mapped_column(
        _check(integer_check("expires_at", nullable=True), "expires_at")
    )
    # Added by migration 0006, the same way: when the pending watcher stopped polling it (its
    # checkout expired, plus the payer's retry window, and a final check found nothing live).
    watch_ended_at: Mapped[datetime | None] = mapped_column(
        _check(integer_check("watch_ended_at", nullable=True), "watch_ended_at")
    )
    # Added by migration 0008, the same way: Wompi's payment_method_type of the followed
    # transaction ("CARD", "NEQUI"…; "" for cash and when unknown), beside `payment_method`,
    # the label for receipts ("VISA ••4242"). Only an upper-case code fits, never a label.
    payment_method_type: Mapped[str] = mapped_column(
        _check(METHOD_TYPE_CHECK, "payment_method_type"), default="", server_default=""
    )
    # Added by migration 0009, the same way: the payment link a customer paid through (the
    # reference is then Wompi's, `<link id>_<unix>_<random>`); NULL for the counter's attempts.
    payment_link_id: Mapped[str | None] = mapped_column(
        _check("payment_link_id IS NULL OR length(payment_link_id) > 0", "payment_link_id"),
        index=True,
    )

    order: Mapped[OrderRow] = relationship(back_populates="attempts")
    # Ordered by id: the order in which transactions were first seen, as in the domain tuple.
    transactions: Mapped[list[AttemptTransactionRow]] = relationship(
        order_by="AttemptTransactionRow.id", cascade="all, delete-orphan", lazy="selectin"
    )
    history: Mapped[list[StatusHistoryRow]] = relationship(
        order_by="StatusHistoryRow.id", cascade="all, delete-orphan"
    )


class AttemptTransactionRow(Base):
    __tablename__ = "attempt_transactions"
    __table_args__ = (
        UniqueConstraint("attempt_id", "transaction_id"),
        _check(in_check("status", PAYMENT_STATUSES), "status"),
        # The browser's search by a Wompi transaction id any attempt has seen (0007).
        Index(None, "transaction_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("payment_attempts.id"))
    transaction_id: Mapped[str]
    status: Mapped[str]


class StatusHistoryRow(Base):
    __tablename__ = "status_history"
    __table_args__ = (
        _check(in_check("from_status", PAYMENT_STATUSES, nullable=True), "from_status"),
        _check(in_check("to_status", PAYMENT_STATUSES), "to_status"),
        _check(in_check("source", SOURCES), "source"),
        _timestamp("at"),
        Index(None, "attempt_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("payment_attempts.id"))
    from_status: Mapped[str | None]
    to_status: Mapped[str]
    source: Mapped[str]
    at: Mapped[datetime]
    transaction_id: Mapped[str | None]
    evidence: Mapped[str]


class ProductRow(Base):
    """The counter's catalogue. SKUs compare without case (COLLATE NOCASE on the key, so a
    prefix search on it can use the key's index); `search_name` is the name folded by
    `fold_for_search`, kept beside it so a case- and accent-insensitive search is a plain
    LIKE. An empty barcode is stored as NULL, so that UNIQUE holds only between real codes."""

    __tablename__ = "products"
    __table_args__ = (
        _check("length(sku) > 0", "sku"),
        # Stricter than other amounts: `Product` refuses a zero price, so a row with one could
        # not be read back.
        _check(integer_check("price_cents", minimum=1), "price_cents"),
        _check(f"typeof(iva_rate) = 'integer' AND iva_rate IN ({IVA_RATES})", "iva_rate"),
        _check("barcode IS NULL OR length(barcode) > 0", "barcode"),
        _timestamp("updated_at"),
        UniqueConstraint("barcode"),
        # Search results are listed by name: walking this index in order lets a name search
        # stop as soon as it has a page of matches, reading only those rows from the table.
        Index(None, "search_name", "sku"),
    )

    sku: Mapped[str] = mapped_column(Text(collation="NOCASE"), primary_key=True)
    name: Mapped[str]
    search_name: Mapped[str]
    price_cents: Mapped[int]
    iva_rate: Mapped[int]
    barcode: Mapped[str | None]
    updated_at: Mapped[datetime]


class AppliedEventRow(Base):
    """Keys of events already applied, so a redelivered webhook or poll result is a no-op."""

    __tablename__ = "applied_events"
    __table_args__ = (_timestamp("applied_at"),)

    key: Mapped[str] = mapped_column(primary_key=True)
    applied_at: Mapped[datetime]


class AuditLogRow(Base):
    __tablename__ = "audit_log"
    __table_args__ = (_timestamp("at"), Index(None, "order_number"))

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str]
    action: Mapped[str]
    detail: Mapped[str]
    # Added by migration 0007 (ALTER TABLE ADD COLUMN): the order a line is about, found from
    # its detail's `order=N` or `reference=R` (`OrderRepository.audit`), so an order's detail
    # lists its notes by index. NULL for lines about no order of ours.
    order_number: Mapped[int | None] = mapped_column(
        _check(integer_check("order_number", nullable=True), "order_number")
    )


class SyncStateRow(Base):
    """Small named values of the status sync: the relay cursor and a few last-seen times.

    Kept in the same database as the orders so that the cursor commits in the same transaction
    as the changes an event caused: a crash can neither skip an event nor apply it twice.
    """

    __tablename__ = "sync_state"
    __table_args__ = (_check("typeof(value) = 'text'", "value"),)

    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str]


class InstallationRow(Base):
    """This database's installation id (one row): it goes into every reference, so that two
    tills on the same terminal id, or a reinstall whose order numbers restart, never make the
    same reference. Created by migration 0005, never changed."""

    __tablename__ = "installation"
    __table_args__ = (
        _check("id = 1", "single_row"),
        _check(
            "typeof(installation_id) = 'text' AND length(installation_id) BETWEEN 3 AND 8",
            "installation_id",
        ),
        _timestamp("created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    installation_id: Mapped[str]
    created_at: Mapped[datetime]


class DuplicatePaymentRow(Base):
    """Two approvals for one order (domain `DuplicatePayment`): the customer paid twice.

    One row per extra approval (`reference`, `transaction_id`; "" for cash), whichever source
    saw it first and however often it is seen again. Listed at the counter until acknowledged
    (`acknowledged_at`, audited), and kept for the back office's reconciliation.
    """

    __tablename__ = "duplicate_payments"
    __table_args__ = (
        UniqueConstraint("reference", "transaction_id"),
        _cents("amount_cents"),
        _timestamp("detected_at"),
        _timestamp("acknowledged_at", nullable=True),
        Index(None, "order_number"),
        Index(None, "acknowledged_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_number: Mapped[int] = mapped_column(ForeignKey("orders.number"))
    reference: Mapped[str]
    transaction_id: Mapped[str]
    first_reference: Mapped[str]
    first_transaction_id: Mapped[str]
    amount_cents: Mapped[int]
    detected_at: Mapped[datetime]
    acknowledged_at: Mapped[datetime | None]


class ForeignTransactionRow(Base):
    """A Wompi transaction whose reference is not one of this terminal's attempts.

    Payment-link payments and payments made elsewhere (another till, the online shop) are kept
    for reconciliation instead of being dropped; their status follows the same no-regression
    rule as our own attempts. `created_at` is Wompi's creation time of the transaction.
    """

    __tablename__ = "foreign_transactions"
    __table_args__ = (
        _check(in_check("status", PAYMENT_STATUSES), "status"),
        _cents("amount_cents"),
        _timestamp("created_at"),
        _timestamp("last_seen_at"),
        _check(in_check("source", SOURCES), "source"),
        Index(None, "reference"),
    )

    transaction_id: Mapped[str] = mapped_column(primary_key=True)
    reference: Mapped[str]
    status: Mapped[str]
    amount_cents: Mapped[int]
    payment_link_id: Mapped[str | None]
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    source: Mapped[str]


class OrderSearchTermRow(Base):
    """One search term of an order (migration 0007): each word of the customer's name and the
    whole e-mail, folded by `fold_for_search`. The browser finds a name or e-mail by a prefix
    range on the key; `order_number`'s index lets it check one order's terms instead."""

    __tablename__ = "order_search_terms"
    __table_args__ = (
        _check("length(term) > 0", "term"),
        Index(None, "order_number"),
        {"sqlite_with_rowid": False},
    )

    term: Mapped[str] = mapped_column(primary_key=True)
    order_number: Mapped[int] = mapped_column(ForeignKey("orders.number"), primary_key=True)


class DayCloseRow(Base):
    """A terminal's closed day (domain `DayCloseRecord`): the report as JSON (`DayCloseReport.
    to_json`), its cash figures as columns, who closed it and when, and, once reopened, who
    reopened it, when and why. One row per (terminal, Bogotá day); closing it again after a
    reopening rewrites the row, and the audit log keeps every close and reopening."""

    __tablename__ = "day_closes"
    __table_args__ = (
        UniqueConstraint("terminal_id", "day"),
        _check("length(terminal_id) > 0", "terminal_id"),
        _check(
            "typeof(day) = 'text' AND day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'", "day"
        ),
        _check("json_valid(report)", "report"),
        _cents("cash_expected_cents"),
        _check(integer_check("cash_counted_cents", nullable=True, minimum=0), "cash_counted_cents"),
        _check(
            "(cash_counted_cents IS NULL AND difference_cents IS NULL) OR "
            "(cash_counted_cents IS NOT NULL AND typeof(difference_cents) = 'integer' AND "
            "difference_cents = cash_counted_cents - cash_expected_cents)",
            "difference_cents",
        ),
        _timestamp("closed_at"),
        _timestamp("reopened_at", nullable=True),
        _check("reopened_at IS NULL OR length(trim(reopen_reason)) > 0", "reopen_reason"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    terminal_id: Mapped[str]
    day: Mapped[str]
    report: Mapped[str]
    cash_expected_cents: Mapped[int]
    cash_counted_cents: Mapped[int | None]
    difference_cents: Mapped[int | None]
    note: Mapped[str]
    closed_at: Mapped[datetime]
    closed_by: Mapped[str]
    reopened_at: Mapped[datetime | None]
    reopened_by: Mapped[str]
    reopen_reason: Mapped[str]


class PaymentLinkRow(Base):
    """Our mirror of one Wompi payment link (domain `PaymentLinkRecord`, migration 0009).

    What Wompi holds (name, amount, expiry, `active`…) is refreshed from it; what only we know
    is kept beside it: the order it is for, the terminal that made it, its IVA rate, and what it
    collected (`payments` approved, `collected_cents`, `paid_at` of the last one), counted by the
    sync from the attempts that carry its `payment_link_id`. `amount_cents` NULL is an open
    amount. `search_text` is name, description and id folded by `fold_for_search`, so a search
    is a plain LIKE.
    """

    __tablename__ = "payment_links"
    __table_args__ = (
        _check("length(link_id) > 0", "link_id"),
        _check("length(url) > 0", "url"),
        _check("length(name) > 0", "name"),
        _check(integer_check("amount_cents", nullable=True, minimum=1), "amount_cents"),
        _check("single_use IN (0, 1)", "single_use"),
        _check("collect_shipping IN (0, 1)", "collect_shipping"),
        _check("active IN (0, 1)", "active"),
        _check(
            f"iva_rate IS NULL OR (typeof(iva_rate) = 'integer' AND iva_rate IN ({IVA_RATES}))",
            "iva_rate",
        ),
        _timestamp("expires_at", nullable=True),
        _timestamp("created_at"),
        _timestamp("deactivated_at", nullable=True),
        _timestamp("paid_at", nullable=True),
        _timestamp("last_synced_at", nullable=True),
        _cents("collected_cents"),
        _check(integer_check("payments", minimum=0), "payments"),
        # An order's links (the double-payment guard), the live ones by expiry, the list.
        Index(None, "order_number"),
        Index(None, "active", "expires_at"),
        Index(None, "created_at"),
    )

    link_id: Mapped[str] = mapped_column(primary_key=True)
    url: Mapped[str]
    name: Mapped[str]
    description: Mapped[str]
    search_text: Mapped[str]
    amount_cents: Mapped[int | None]
    single_use: Mapped[bool]
    expires_at: Mapped[datetime | None]
    redirect_url: Mapped[str]
    sku: Mapped[str]
    iva_rate: Mapped[int | None]
    collect_shipping: Mapped[bool]
    order_number: Mapped[int | None] = mapped_column(ForeignKey("orders.number"))
    terminal_id: Mapped[str]
    active: Mapped[bool]
    created_at: Mapped[datetime]
    deactivated_at: Mapped[datetime | None]
    paid_at: Mapped[datetime | None]
    collected_cents: Mapped[int]
    payments: Mapped[int]
    last_synced_at: Mapped[datetime | None]
