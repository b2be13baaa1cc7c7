"""Databases at an old schema revision, filled with raw SQL as that revision's app wrote them.

The repositories always speak the newest schema, so they cannot write an old database; these
rows are what 0001/0002 stored (the columns both revisions share), for upgrade tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import text

from mestore_desktop.store.db import alembic_config, make_engine, with_mode
from mestore_desktop.store.tables import to_micros
from tests.unit.store.factories import at

PAID_BY_WOMPI = "T01-000001-1"
PAID_IN_CASH = "T01-000002-1"
LATE_APPROVAL = "T01-000003-1"
STILL_PENDING = "T01-000004-1"
OTHER_TERMINAL_PENDING = "T02-000005-1"
APPLIED_EVENT = "transaction.updated:tx-1:APPROVED:1"
ORDER_STATUSES = {1: "paid", 2: "paid", 3: "paid", 4: "awaiting_payment", 5: "awaiting_payment"}


def migrate_to(path: Path, revision: str) -> None:
    """Create (if needed) the file at `path` and bring it to exactly `revision`."""
    if not path.exists():
        path.touch(mode=0o600)
    engine = make_engine(path)
    try:
        with with_mode(engine, "write").begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def downgrade_to(path: Path, revision: str) -> None:
    """Take the database at `path` down to `revision` (each migration's downgrade test)."""
    engine = make_engine(path)
    try:
        with with_mode(engine, "write").begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
    finally:
        engine.dispose()


def seed_sales(path: Path) -> None:
    """Five orders: paid by Wompi, paid in cash, cancelled then paid late, awaiting payment,
    and awaiting payment at another terminal."""
    engine = make_engine(path)
    try:
        with with_mode(engine, "write").begin() as conn:
            for number, status in ORDER_STATUSES.items():
                conn.execute(text(_insert("orders")), _order(number, status))
                conn.execute(text(_insert("order_lines")), _line(number))
            attempts = [
                _attempt(1, PAID_BY_WOMPI, "WOMPI", "APPROVED", transaction_id="tx-1"),
                _attempt(2, PAID_IN_CASH, "CASH", "APPROVED"),
                _attempt(3, LATE_APPROVAL, "WOMPI", "APPROVED", "tx-3", abandoned=at(30)),
                _attempt(4, STILL_PENDING, "WOMPI", "PENDING"),
                _attempt(5, OTHER_TERMINAL_PENDING, "WOMPI", "PENDING"),
            ]
            for attempt in attempts:
                conn.execute(text(_insert("payment_attempts")), attempt)
                conn.execute(text(_insert("status_history")), _history(attempt))
            for attempt_id, tx in ((1, "tx-1"), (3, "tx-3")):
                conn.execute(
                    text(_insert("attempt_transactions")),
                    {"attempt_id": attempt_id, "transaction_id": tx, "status": "APPROVED"},
                )
            conn.execute(
                text(_insert("applied_events")),
                {"key": APPLIED_EVENT, "applied_at": to_micros(at(2))},
            )
            conn.execute(
                text("UPDATE orders SET cancelled_at = :at WHERE number = 3"),
                {"at": to_micros(at(30))},
            )
    finally:
        engine.dispose()


def _insert(table: str) -> str:
    columns = {
        "orders": ORDER_COLUMNS,
        "order_lines": LINE_COLUMNS,
        "payment_attempts": ATTEMPT_COLUMNS,
        "status_history": HISTORY_COLUMNS,
        "attempt_transactions": ("attempt_id", "transaction_id", "status"),
        "applied_events": ("key", "applied_at"),
    }[table]
    # Table and column names are the constants in this file, never input.
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) "  # noqa: S608
        f"VALUES ({', '.join(':' + c for c in columns)})"
    )


ORDER_COLUMNS = (
    "number",
    "terminal_id",
    "created_at",
    "status",
    "total_cents",
    "customer_name",
    "customer_email",
    "customer_phone",
    "customer_document_number",
)
LINE_COLUMNS = (
    "order_number",
    "position",
    "description",
    "quantity",
    "unit_price_cents",
    "iva_rate",
    "discount_cents",
    "sku",
)
ATTEMPT_COLUMNS = (
    "id",
    "reference",
    "order_number",
    "attempt_number",
    "tender",
    "amount_cents",
    "status",
    "transaction_id",
    "payment_method",
    "status_message",
    "created_at",
    "updated_at",
    "abandoned_at",
)
HISTORY_COLUMNS = ("attempt_id", "from_status", "to_status", "source", "at", "evidence")


def _order(number: int, status: str) -> dict[str, Any]:
    return {
        "number": number,
        "terminal_id": "T02" if number == 5 else "T01",
        "created_at": to_micros(at(number)),
        "status": status,
        "total_cents": 2_500_000,
        "customer_name": "",
        "customer_email": "",
        "customer_phone": "",
        "customer_document_number": "",
    }


def _line(number: int) -> dict[str, Any]:
    return {
        "order_number": number,
        "position": 0,
        "description": "Café molido 500 g",
        "quantity": 1,
        "unit_price_cents": 2_500_000,
        "iva_rate": 5,
        "discount_cents": 0,
        "sku": "",
    }


def _attempt(
    number: int,
    reference: str,
    tender: str,
    status: str,
    transaction_id: str | None = None,
    abandoned: Any = None,
) -> dict[str, Any]:
    return {
        "id": number,
        "reference": reference,
        "order_number": number,
        "attempt_number": 1,
        "tender": tender,
        "amount_cents": 2_500_000,
        "status": status,
        "transaction_id": transaction_id,
        "payment_method": "CARD" if transaction_id else "",
        "status_message": "",
        "created_at": to_micros(at(10 + number)),
        "updated_at": to_micros(at(40 + number)),
        "abandoned_at": None if abandoned is None else to_micros(abandoned),
    }


def _history(attempt: dict[str, Any]) -> dict[str, Any]:
    return {
        "attempt_id": attempt["id"],
        "from_status": None,
        "to_status": attempt["status"],
        "source": "checkout",
        "at": attempt["created_at"],
        "evidence": "",
    }
