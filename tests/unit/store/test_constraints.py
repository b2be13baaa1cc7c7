"""CHECK and foreign-key constraints refuse what the domain would never produce (raw SQL)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from mestore_desktop.domain.payment import Tender
from mestore_desktop.store.db import Database
from tests.unit.store.factories import Repo, at, make_order

ORDER = {
    "terminal_id": "T01",
    "created_at": 1,
    "cancelled_at": None,
    "status": "open",
    "total_cents": 100,
    "customer_name": "",
    "customer_email": "",
    "customer_phone": "",
    "customer_document_type": None,
    "customer_document_number": "",
}
LINE = {
    "order_number": 1,
    "position": 5,
    "description": "x",
    "quantity": 1,
    "unit_price_cents": 100,
    "iva_rate": 19,
    "discount_cents": 0,
    "sku": "",
}
ATTEMPT = {
    "reference": "T01-000001-9",
    "order_number": 1,
    "attempt_number": 9,
    "tender": "WOMPI",
    "amount_cents": 100,
    "status": "PENDING",
    "transaction_id": None,
    "payment_method": "",
    "status_message": "",
    "created_at": 1,
    "updated_at": 1,
    "abandoned_at": None,
}
HISTORY = {
    "attempt_id": 1,
    "from_status": None,
    "to_status": "PENDING",
    "source": "webhook",
    "at": 1,
    "transaction_id": None,
    "evidence": "",
}
TABLES: dict[str, dict[str, Any]] = {
    "orders": ORDER,
    "order_lines": LINE,
    "payment_attempts": ATTEMPT,
    "status_history": HISTORY,
    "attempt_transactions": {"attempt_id": 1, "transaction_id": "tx-9", "status": "PENDING"},
    "applied_events": {"key": "k", "applied_at": 1},
    "audit_log": {"at": 1, "actor": "a", "action": "b", "detail": ""},
}


def insert(db: Database, table: str, **changes: Any) -> None:
    values = {**TABLES[table], **changes}
    columns = ", ".join(f'"{c}"' for c in values)
    params = ", ".join(f":{c}" for c in values)
    with db.engine.begin() as conn:
        # Table and column names come from the constants above, never from input.
        statement = f"INSERT INTO {table} ({columns}) VALUES ({params})"  # noqa: S608
        conn.execute(text(statement), values)


@pytest.fixture
def seeded(db: Database, repo: Repo) -> Database:
    """Order 1 with attempt id 1, so child rows have valid parents."""
    number = repo.write(lambda r: r.create_order(make_order(pesos=1)).number)
    assert number == 1
    repo.write(lambda r: r.new_attempt(1, Tender.WOMPI, at(0)))
    return db


@pytest.mark.parametrize("table", list(TABLES))
def test_the_valid_baseline_rows_are_accepted(seeded: Database, table: str) -> None:
    insert(seeded, table)


BAD_VALUES = [
    ("orders", "total_cents", -1),
    ("orders", "total_cents", 100.5),
    ("orders", "total_cents", "cien"),
    ("orders", "status", "PAID"),
    ("orders", "created_at", "2026-01-01T00:00:00Z"),
    ("orders", "cancelled_at", 1.5),
    ("orders", "customer_document_type", "PASAPORTE"),
    ("order_lines", "quantity", 0),
    ("order_lines", "quantity", 1.5),
    ("order_lines", "unit_price_cents", -100),
    ("order_lines", "iva_rate", 16),
    ("order_lines", "discount_cents", 101),
    ("order_lines", "discount_cents", -1),
    ("order_lines", "order_number", 999),
    ("payment_attempts", "amount_cents", -1),
    ("payment_attempts", "amount_cents", 2500.5),
    ("payment_attempts", "status", "approved"),
    ("payment_attempts", "status", "REFUNDED"),
    ("payment_attempts", "tender", "CARD"),
    ("payment_attempts", "attempt_number", 0),
    ("payment_attempts", "attempt_number", 1),
    ("payment_attempts", "order_number", 999),
    ("attempt_transactions", "status", "UNKNOWN"),
    ("attempt_transactions", "attempt_id", 999),
    ("status_history", "to_status", "DONE"),
    ("status_history", "from_status", "DONE"),
    ("status_history", "source", "email"),
    ("status_history", "at", 1.25),
    ("applied_events", "applied_at", None),
    ("audit_log", "at", "yesterday"),
]


@pytest.mark.parametrize(("table", "column", "value"), BAD_VALUES)
def test_constraints_refuse_bad_values(
    seeded: Database, table: str, column: str, value: Any
) -> None:
    with pytest.raises(IntegrityError):
        insert(seeded, table, **{column: value})


def test_a_reference_already_used_is_refused(seeded: Database, repo: Repo) -> None:
    [attempt] = repo.read(lambda r: r.attempts_for(1))
    with pytest.raises(IntegrityError):
        insert(seeded, "payment_attempts", reference=attempt.reference)


def test_duplicate_transaction_under_one_attempt_is_refused(seeded: Database) -> None:
    insert(seeded, "attempt_transactions")
    with pytest.raises(IntegrityError):
        insert(seeded, "attempt_transactions")
