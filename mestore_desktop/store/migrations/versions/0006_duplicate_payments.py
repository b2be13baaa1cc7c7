"""Duplicate payments, and the end of an attempt's watch.

`duplicate_payments` (a frozen copy of `DuplicatePaymentRow`) records each order paid twice: the
extra approval (`reference`, `transaction_id`, "" for cash), the approval it duplicates, the
amount, when it was found and when staff acknowledged it at the counter. The back office lists
it for reconciliation.

`payment_attempts` gains a nullable `watch_ended_at` (integer microseconds since the epoch, UTC):
when the pending watcher stopped polling the attempt, after its checkout's expiry plus Wompi's
payer-retry window and a final check. Added with ALTER TABLE ADD COLUMN and a column-level
CHECK, for the reason given in 0003. Declined and errored attempts saved before this revision
were never polled and their checkouts carry no expiry: their watch is recorded as ended at
their last update, so the upgrade does not start polling every failed payment ever made.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ADD_COLUMN = (
    "ALTER TABLE payment_attempts ADD COLUMN watch_ended_at INTEGER "
    "CONSTRAINT ck_payment_attempts_watch_ended_at CHECK (watch_ended_at IS NULL OR "
    "(typeof(watch_ended_at) = 'integer'))"
)
END_OLD_FAILED_WATCHES = (
    "UPDATE payment_attempts SET watch_ended_at = updated_at "
    "WHERE status IN ('DECLINED', 'ERROR') AND expires_at IS NULL"
)


def _ck(sql: str, name: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(sql, name=op.f(name))


def _int(column: str, *, nullable: bool = False) -> str:
    sql = f"typeof({column}) = 'integer'"
    return f"{column} IS NULL OR ({sql})" if nullable else sql


def upgrade() -> None:
    op.create_table(
        "duplicate_payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_number", sa.Integer(), nullable=False),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.Column("transaction_id", sa.Text(), nullable=False),
        sa.Column("first_reference", sa.Text(), nullable=False),
        sa.Column("first_transaction_id", sa.Text(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("detected_at", sa.Integer(), nullable=False),
        sa.Column("acknowledged_at", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_payments")),
        sa.ForeignKeyConstraint(
            ["order_number"],
            ["orders.number"],
            name=op.f("fk_duplicate_payments_order_number_orders"),
        ),
        sa.UniqueConstraint(
            "reference",
            "transaction_id",
            name=op.f("uq_duplicate_payments_reference_transaction_id"),
        ),
        _ck(
            "typeof(amount_cents) = 'integer' AND amount_cents >= 0",
            "ck_duplicate_payments_amount_cents",
        ),
        _ck(_int("detected_at"), "ck_duplicate_payments_detected_at"),
        _ck(_int("acknowledged_at", nullable=True), "ck_duplicate_payments_acknowledged_at"),
    )
    op.create_index(
        op.f("ix_duplicate_payments_order_number"), "duplicate_payments", ["order_number"]
    )
    op.create_index(
        op.f("ix_duplicate_payments_acknowledged_at"), "duplicate_payments", ["acknowledged_at"]
    )
    op.execute(ADD_COLUMN)
    op.create_index(
        op.f("ix_payment_attempts_status_watch_ended_at"),
        "payment_attempts",
        ["status", "watch_ended_at"],
    )
    op.execute(END_OLD_FAILED_WATCHES)


def downgrade() -> None:
    op.drop_index(op.f("ix_payment_attempts_status_watch_ended_at"), table_name="payment_attempts")
    op.execute("ALTER TABLE payment_attempts DROP COLUMN watch_ended_at")
    op.drop_index(op.f("ix_duplicate_payments_acknowledged_at"), table_name="duplicate_payments")
    op.drop_index(op.f("ix_duplicate_payments_order_number"), table_name="duplicate_payments")
    op.drop_table("duplicate_payments")
