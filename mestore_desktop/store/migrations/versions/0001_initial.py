"""Initial schema: orders, lines, payment attempts, transactions, history, events, audit log.

Written by hand as a frozen copy of `store/tables.py` at this revision (status and source values
are spelled out, not imported, so later enum changes need a migration of their own).

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PAYMENT_STATUSES = "'PENDING', 'APPROVED', 'DECLINED', 'ERROR', 'VOIDED'"
ORDER_STATUSES = "'open', 'awaiting_payment', 'paid', 'failed', 'cancelled', 'voided'"
SOURCES = "'checkout', 'webhook', 'poll', 'reconcile', 'manual'"


def _int(column: str, minimum: int | None = None, nullable: bool = False) -> str:
    sql = f"typeof({column}) = 'integer'"
    if minimum is not None:
        sql += f" AND {column} >= {minimum}"
    return f"{column} IS NULL OR ({sql})" if nullable else sql


def _ck(sql: str, name: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(sql, name=op.f(name))


def _text(name: str, nullable: bool = False) -> sa.Column[str]:
    return sa.Column(name, sa.Text(), nullable=nullable)


def _integer(name: str, nullable: bool = False) -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), nullable=nullable)


def _id(table: str) -> tuple[sa.Column[int], sa.PrimaryKeyConstraint]:
    return sa.Column("id", sa.Integer(), nullable=False), sa.PrimaryKeyConstraint(
        "id", name=op.f(f"pk_{table}")
    )


def upgrade() -> None:
    _create_orders()
    _create_order_lines()
    _create_payment_attempts()
    _create_attempt_transactions()
    _create_status_history()
    _create_applied_events()
    _create_audit_log()


def _create_orders() -> None:
    op.create_table(
        "orders",
        sa.Column("number", sa.Integer(), primary_key=True, nullable=False),
        _text("terminal_id"),
        _integer("created_at"),
        _integer("cancelled_at", nullable=True),
        _text("status"),
        _integer("total_cents"),
        _text("customer_name"),
        _text("customer_email"),
        _text("customer_phone"),
        _text("customer_document_type", nullable=True),
        _text("customer_document_number"),
        _ck(_int("created_at"), "ck_orders_created_at"),
        _ck(_int("cancelled_at", nullable=True), "ck_orders_cancelled_at"),
        _ck(f"status IN ({ORDER_STATUSES})", "ck_orders_status"),
        _ck(_int("total_cents", 0), "ck_orders_total_cents"),
        _ck(
            "customer_document_type IS NULL OR customer_document_type IN ('CC', 'NIT', 'CE')",
            "ck_orders_customer_document_type",
        ),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_orders_created_at"), "orders", ["created_at"])
    op.create_index(op.f("ix_orders_status"), "orders", ["status"])


def _create_order_lines() -> None:
    id_column, pk = _id("order_lines")
    op.create_table(
        "order_lines",
        id_column,
        _integer("order_number"),
        _integer("position"),
        _text("description"),
        _integer("quantity"),
        _integer("unit_price_cents"),
        _integer("iva_rate"),
        _integer("discount_cents"),
        _text("sku"),
        pk,
        sa.ForeignKeyConstraint(
            ["order_number"],
            ["orders.number"],
            name=op.f("fk_order_lines_order_number_orders"),
        ),
        sa.UniqueConstraint(
            "order_number", "position", name=op.f("uq_order_lines_order_number_position")
        ),
        _ck(_int("position", 0), "ck_order_lines_position"),
        _ck(_int("quantity", 1), "ck_order_lines_quantity"),
        _ck(_int("unit_price_cents", 0), "ck_order_lines_unit_price_cents"),
        _ck("typeof(iva_rate) = 'integer' AND iva_rate IN (0, 5, 19)", "ck_order_lines_iva_rate"),
        _ck(_int("discount_cents", 0), "ck_order_lines_discount_cents"),
        _ck(
            "discount_cents <= quantity * unit_price_cents",
            "ck_order_lines_discount_within_line",
        ),
    )


def _create_payment_attempts() -> None:
    id_column, pk = _id("payment_attempts")
    op.create_table(
        "payment_attempts",
        id_column,
        _text("reference"),
        _integer("order_number"),
        _integer("attempt_number"),
        _text("tender"),
        _integer("amount_cents"),
        _text("status"),
        _text("transaction_id", nullable=True),
        _text("payment_method"),
        _text("status_message"),
        _integer("created_at"),
        _integer("updated_at"),
        _integer("abandoned_at", nullable=True),
        pk,
        sa.ForeignKeyConstraint(
            ["order_number"],
            ["orders.number"],
            name=op.f("fk_payment_attempts_order_number_orders"),
        ),
        sa.UniqueConstraint("reference", name=op.f("uq_payment_attempts_reference")),
        sa.UniqueConstraint(
            "order_number",
            "attempt_number",
            name=op.f("uq_payment_attempts_order_number_attempt_number"),
        ),
        _ck(_int("attempt_number", 1), "ck_payment_attempts_attempt_number"),
        _ck("tender IN ('WOMPI', 'CASH')", "ck_payment_attempts_tender"),
        _ck(_int("amount_cents", 0), "ck_payment_attempts_amount_cents"),
        _ck(f"status IN ({PAYMENT_STATUSES})", "ck_payment_attempts_status"),
        _ck(_int("created_at"), "ck_payment_attempts_created_at"),
        _ck(_int("updated_at"), "ck_payment_attempts_updated_at"),
        _ck(_int("abandoned_at", nullable=True), "ck_payment_attempts_abandoned_at"),
    )
    op.create_index(op.f("ix_payment_attempts_status"), "payment_attempts", ["status"])


def _create_attempt_transactions() -> None:
    id_column, pk = _id("attempt_transactions")
    op.create_table(
        "attempt_transactions",
        id_column,
        _integer("attempt_id"),
        _text("transaction_id"),
        _text("status"),
        pk,
        sa.ForeignKeyConstraint(
            ["attempt_id"],
            ["payment_attempts.id"],
            name=op.f("fk_attempt_transactions_attempt_id_payment_attempts"),
        ),
        sa.UniqueConstraint(
            "attempt_id",
            "transaction_id",
            name=op.f("uq_attempt_transactions_attempt_id_transaction_id"),
        ),
        _ck(f"status IN ({PAYMENT_STATUSES})", "ck_attempt_transactions_status"),
    )


def _create_status_history() -> None:
    id_column, pk = _id("status_history")
    op.create_table(
        "status_history",
        id_column,
        _integer("attempt_id"),
        _text("from_status", nullable=True),
        _text("to_status"),
        _text("source"),
        _integer("at"),
        _text("transaction_id", nullable=True),
        _text("evidence"),
        pk,
        sa.ForeignKeyConstraint(
            ["attempt_id"],
            ["payment_attempts.id"],
            name=op.f("fk_status_history_attempt_id_payment_attempts"),
        ),
        _ck(
            f"from_status IS NULL OR from_status IN ({PAYMENT_STATUSES})",
            "ck_status_history_from_status",
        ),
        _ck(f"to_status IN ({PAYMENT_STATUSES})", "ck_status_history_to_status"),
        _ck(f"source IN ({SOURCES})", "ck_status_history_source"),
        _ck(_int("at"), "ck_status_history_at"),
    )
    op.create_index(op.f("ix_status_history_attempt_id"), "status_history", ["attempt_id"])


def _create_applied_events() -> None:
    op.create_table(
        "applied_events",
        _text("key"),
        _integer("applied_at"),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_applied_events")),
        _ck(_int("applied_at"), "ck_applied_events_applied_at"),
    )


def _create_audit_log() -> None:
    id_column, pk = _id("audit_log")
    op.create_table(
        "audit_log",
        id_column,
        _integer("at"),
        _text("actor"),
        _text("action"),
        _text("detail"),
        pk,
        _ck(_int("at"), "ck_audit_log_at"),
    )


def downgrade() -> None:
    for table in (
        "audit_log",
        "applied_events",
        "status_history",
        "attempt_transactions",
        "payment_attempts",
        "order_lines",
        "orders",
    ):
        op.drop_table(table)
