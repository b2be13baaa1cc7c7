"""Conversions between table rows and domain objects, in both directions.

Kept apart from the repository so that the one place deciding how a domain field is spelled in
SQL is easy to read next to `tables.py`. Rows go in, frozen domain objects come out; nothing
here queries the database.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from mestore_desktop.domain.browse import search_terms
from mestore_desktop.domain.catalogue import Product, fold_for_search
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import Customer, DocumentType, IvaRate, Order, OrderLine
from mestore_desktop.domain.payment import (
    Approval,
    DuplicatePayment,
    PaymentAttempt,
    PaymentStatus,
    StatusChange,
    StatusSource,
    Tender,
)
from mestore_desktop.store.tables import (
    AttemptTransactionRow,
    DuplicatePaymentRow,
    OrderLineRow,
    OrderRow,
    OrderSearchTermRow,
    PaymentAttemptRow,
    StatusHistoryRow,
)


def order_row(order: Order, status: str) -> OrderRow:
    customer = order.customer
    return OrderRow(
        terminal_id=order.terminal_id,
        created_at=order.created_at,
        cancelled_at=order.cancelled_at,
        status=status,
        total_cents=order.total.cents,
        customer_name=customer.name,
        customer_email=customer.email,
        customer_phone=customer.phone,
        customer_document_type=(
            None if customer.document_type is None else customer.document_type.value
        ),
        customer_document_number=customer.document_number,
        lines=[line_row(line, position) for position, line in enumerate(order.lines)],
        search_terms=[
            OrderSearchTermRow(term=term) for term in search_terms(customer.name, customer.email)
        ],
    )


def line_row(line: OrderLine, position: int) -> OrderLineRow:
    return OrderLineRow(
        position=position,
        description=line.description,
        quantity=line.quantity,
        unit_price_cents=line.unit_price.cents,
        iva_rate=int(line.iva_rate),
        discount_cents=line.discount.cents,
        sku=line.sku,
    )


def to_order(row: OrderRow) -> Order:
    return Order(
        number=row.number,
        terminal_id=row.terminal_id,
        lines=tuple(to_line(line) for line in row.lines),
        created_at=row.created_at,
        cancelled_at=row.cancelled_at,
        customer=to_customer(row),
    )


def to_customer(row: OrderRow) -> Customer:
    document_type = row.customer_document_type
    return Customer(
        name=row.customer_name,
        email=row.customer_email,
        phone=row.customer_phone,
        document_type=None if document_type is None else DocumentType(document_type),
        document_number=row.customer_document_number,
    )


def to_line(row: OrderLineRow) -> OrderLine:
    return OrderLine(
        description=row.description,
        quantity=row.quantity,
        unit_price=Money(row.unit_price_cents),
        iva_rate=IvaRate(row.iva_rate),
        discount=Money(row.discount_cents),
        sku=row.sku,
    )


def attempt_row(attempt: PaymentAttempt) -> PaymentAttemptRow:
    row = PaymentAttemptRow(
        reference=attempt.reference,
        order_number=attempt.order_number,
        attempt_number=attempt.attempt_number,
        tender=attempt.tender.value,
        created_at=attempt.created_at,
        cash_received_cents=_cents_or_none(attempt.cash_received),
        expires_at=attempt.expires_at,
    )
    update_attempt_row(row, attempt)
    return row


def update_attempt_row(row: PaymentAttemptRow, attempt: PaymentAttempt) -> None:
    """Copy what the status machine may change; identity fields (reference, cash received...)
    never change."""
    row.amount_cents = attempt.amount.cents
    row.status = attempt.status.value
    row.transaction_id = attempt.transaction_id
    row.payment_method = attempt.payment_method
    row.payment_method_type = attempt.payment_method_type
    row.status_message = attempt.status_message
    row.updated_at = attempt.updated_at
    row.abandoned_at = attempt.abandoned_at
    _sync_transactions(row, attempt.transactions)


def _sync_transactions(
    row: PaymentAttemptRow, transactions: tuple[tuple[str, PaymentStatus], ...]
) -> None:
    # Update in place rather than replace: row ids keep the order transactions were first seen.
    existing = {tx.transaction_id: tx for tx in row.transactions}
    for transaction_id, status in transactions:
        if transaction_id in existing:
            existing[transaction_id].status = status.value
        else:
            row.transactions.append(
                AttemptTransactionRow(transaction_id=transaction_id, status=status.value)
            )


def to_attempt(row: PaymentAttemptRow) -> PaymentAttempt:
    return PaymentAttempt(
        reference=row.reference,
        order_number=row.order_number,
        attempt_number=row.attempt_number,
        tender=Tender(row.tender),
        amount=Money(row.amount_cents),
        status=PaymentStatus(row.status),
        created_at=row.created_at,
        updated_at=row.updated_at,
        transaction_id=row.transaction_id,
        payment_method=row.payment_method,
        status_message=row.status_message,
        abandoned_at=row.abandoned_at,
        transactions=tuple(
            (tx.transaction_id, PaymentStatus(tx.status)) for tx in row.transactions
        ),
        cash_received=_money_or_none(row.cash_received_cents),
        expires_at=row.expires_at,
        payment_method_type=row.payment_method_type,
    )


def _cents_or_none(amount: Money | None) -> int | None:
    return None if amount is None else amount.cents


def _money_or_none(cents: int | None) -> Money | None:
    return None if cents is None else Money(cents)


def history_row(change: StatusChange) -> StatusHistoryRow:
    return StatusHistoryRow(
        from_status=None if change.from_status is None else change.from_status.value,
        to_status=change.to_status.value,
        source=change.source.value,
        at=change.at,
        transaction_id=change.transaction_id,
        evidence=change.evidence,
    )


def product_values(product: Product, at: datetime) -> dict[str, object]:
    """A `products` row as column values (for INSERT ... ON CONFLICT)."""
    return {
        "sku": product.sku,
        "name": product.name,
        "search_name": fold_for_search(product.name),
        "price_cents": product.price.cents,
        "iva_rate": int(product.iva_rate),
        "barcode": product.barcode or None,
        "updated_at": at,
    }


class ProductFields(Protocol):
    """A `products` row, as an ORM object or a Core row (the catalogue reads Core rows)."""

    sku: str
    name: str
    price_cents: int
    iva_rate: int
    barcode: str | None


def to_product(row: ProductFields) -> Product:
    return Product(
        sku=row.sku,
        name=row.name,
        price=Money(row.price_cents),
        iva_rate=IvaRate(row.iva_rate),
        barcode=row.barcode or "",
    )


def to_status_change(row: StatusHistoryRow, reference: str) -> StatusChange:
    return StatusChange(
        reference=reference,
        from_status=None if row.from_status is None else PaymentStatus(row.from_status),
        to_status=PaymentStatus(row.to_status),
        source=StatusSource(row.source),
        at=row.at,
        transaction_id=row.transaction_id,
        evidence=row.evidence,
    )


def duplicate_values(duplicate: DuplicatePayment) -> dict[str, object]:
    """A `duplicate_payments` row as column values (for INSERT ... ON CONFLICT)."""
    return {
        "order_number": duplicate.order_number,
        "reference": duplicate.extra.reference,
        "transaction_id": duplicate.extra.transaction_id,
        "first_reference": duplicate.first.reference,
        "first_transaction_id": duplicate.first.transaction_id,
        "amount_cents": duplicate.amount.cents,
        "detected_at": duplicate.detected_at,
        "acknowledged_at": duplicate.acknowledged_at,
    }


def to_duplicate(row: DuplicatePaymentRow) -> DuplicatePayment:
    return DuplicatePayment(
        order_number=row.order_number,
        amount=Money(row.amount_cents),
        first=Approval(row.first_reference, row.first_transaction_id),
        extra=Approval(row.reference, row.transaction_id),
        detected_at=row.detected_at,
        id=row.id,
        acknowledged_at=row.acknowledged_at,
    )
