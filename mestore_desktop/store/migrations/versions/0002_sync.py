"""Status sync: `sync_state` (relay cursor, last-seen times) and `foreign_transactions`.

A frozen copy of `SyncStateRow` and `ForeignTransactionRow` in `store/tables.py` at this
revision; status and source values are spelled out, as in 0001.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PAYMENT_STATUSES = "'PENDING', 'APPROVED', 'DECLINED', 'ERROR', 'VOIDED'"
SOURCES = "'checkout', 'webhook', 'poll', 'reconcile', 'manual'"


def _int(column: str, minimum: int | None = None) -> str:
    sql = f"typeof({column}) = 'integer'"
    return sql if minimum is None else f"{sql} AND {column} >= {minimum}"


def _ck(sql: str, name: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(sql, name=op.f(name))


def _text(name: str, nullable: bool = False) -> sa.Column[str]:
    return sa.Column(name, sa.Text(), nullable=nullable)


def _integer(name: str) -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "sync_state",
        _text("key"),
        _text("value"),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
        _ck("typeof(value) = 'text'", "ck_sync_state_value"),
    )
    op.create_table(
        "foreign_transactions",
        _text("transaction_id"),
        _text("reference"),
        _text("status"),
        _integer("amount_cents"),
        _text("payment_link_id", nullable=True),
        _integer("created_at"),
        _integer("last_seen_at"),
        _text("source"),
        sa.PrimaryKeyConstraint("transaction_id", name=op.f("pk_foreign_transactions")),
        _ck(f"status IN ({PAYMENT_STATUSES})", "ck_foreign_transactions_status"),
        _ck(_int("amount_cents", 0), "ck_foreign_transactions_amount_cents"),
        _ck(_int("created_at"), "ck_foreign_transactions_created_at"),
        _ck(_int("last_seen_at"), "ck_foreign_transactions_last_seen_at"),
        _ck(f"source IN ({SOURCES})", "ck_foreign_transactions_source"),
    )
    op.create_index(
        op.f("ix_foreign_transactions_reference"), "foreign_transactions", ["reference"]
    )


def downgrade() -> None:
    op.drop_table("foreign_transactions")
    op.drop_table("sync_state")
