"""Counter: the product catalogue, cash received, and acknowledged late approvals.

`products` is a frozen copy of `ProductRow`. `payment_attempts` gains two nullable columns with
ALTER TABLE ADD COLUMN: `cash_received_cents` (what the customer handed over for a cash sale;
NULL for Wompi and for cash sales saved before this revision) and `late_ack_at` (when staff
acknowledged an approval that arrived after they gave up on the attempt). Rebuilding the table
instead (Alembic's batch mode) would need foreign keys switched off, which SQLite does not allow
inside the transaction the migration runs in; so their CHECKs are column constraints, written
exactly as SQLAlchemy renders them for `tables.py`, and a test compares the two.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ADD_COLUMNS = (
    "ALTER TABLE payment_attempts ADD COLUMN cash_received_cents INTEGER "
    "CONSTRAINT ck_payment_attempts_cash_received_cents CHECK (cash_received_cents IS NULL OR "
    "(typeof(cash_received_cents) = 'integer' AND cash_received_cents >= 0))",
    "ALTER TABLE payment_attempts ADD COLUMN late_ack_at INTEGER "
    "CONSTRAINT ck_payment_attempts_late_ack_at CHECK (late_ack_at IS NULL OR "
    "(typeof(late_ack_at) = 'integer'))",
)


def _ck(sql: str, name: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(sql, name=op.f(name))


def upgrade() -> None:
    op.create_table(
        "products",
        sa.Column("sku", sa.Text(collation="NOCASE"), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("search_name", sa.Text(), nullable=False),
        sa.Column("price_cents", sa.Integer(), nullable=False),
        sa.Column("iva_rate", sa.Integer(), nullable=False),
        sa.Column("barcode", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("sku", name=op.f("pk_products")),
        _ck("length(sku) > 0", "ck_products_sku"),
        _ck("typeof(price_cents) = 'integer' AND price_cents >= 1", "ck_products_price_cents"),
        _ck("typeof(iva_rate) = 'integer' AND iva_rate IN (0, 5, 19)", "ck_products_iva_rate"),
        _ck("barcode IS NULL OR length(barcode) > 0", "ck_products_barcode"),
        _ck("typeof(updated_at) = 'integer'", "ck_products_updated_at"),
        sa.UniqueConstraint("barcode", name=op.f("uq_products_barcode")),
    )
    op.create_index(op.f("ix_products_search_name_sku"), "products", ["search_name", "sku"])
    for statement in ADD_COLUMNS:
        op.execute(statement)
    op.create_index(op.f("ix_payment_attempts_abandoned_at"), "payment_attempts", ["abandoned_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_payment_attempts_abandoned_at"), table_name="payment_attempts")
    # SQLite (3.35+) drops a column whose only constraint is its own column-level CHECK.
    op.execute("ALTER TABLE payment_attempts DROP COLUMN late_ack_at")
    op.execute("ALTER TABLE payment_attempts DROP COLUMN cash_received_cents")
    op.drop_table("products")
