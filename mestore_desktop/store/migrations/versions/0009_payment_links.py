"""Payment links: our mirror of each link, and the link an attempt or an order came from.

* `payment_links` (a frozen copy of `PaymentLinkRow`): one row per link made from this till,
  with what Wompi holds (name, description, amount or NULL for an open amount, single use,
  expiry, redirect URL, SKU, collect shipping, active) and what only we know (its order, the
  terminal that made it, its IVA rate, when it was switched off, and what it collected:
  approved `payments`, `collected_cents`, `paid_at`, counted by the sync). `search_text` is
  name, description and id folded for a plain LIKE. Indexed by order (the double-payment
  guard), by (active, expires_at) and by creation time (the list).
* `payment_attempts` gains a nullable `payment_link_id`: the link a customer paid through; the
  attempt's reference is then Wompi's (`<link id>_<unix>_<random>`).
* `orders` gains a nullable `source_link_id`: the link an order was made from, when a customer
  paid a link that had no order (Pedidos shows "Link: <name>").

Both columns are added with ALTER TABLE ADD COLUMN and column-level CHECKs, for the reason
given in 0003, and indexed. Nothing to backfill: no link existed before this revision.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-14
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ADD_COLUMNS = (
    "ALTER TABLE payment_attempts ADD COLUMN payment_link_id TEXT "
    "CONSTRAINT ck_payment_attempts_payment_link_id CHECK (payment_link_id IS NULL OR "
    "length(payment_link_id) > 0)",
    "ALTER TABLE orders ADD COLUMN source_link_id TEXT "
    "CONSTRAINT ck_orders_source_link_id CHECK (source_link_id IS NULL OR "
    "length(source_link_id) > 0)",
)
COLUMN_INDEXES = (
    ("ix_payment_attempts_payment_link_id", "payment_attempts", "payment_link_id"),
    ("ix_orders_source_link_id", "orders", "source_link_id"),
)
LINK_INDEXES = (
    ("ix_payment_links_order_number", ["order_number"]),
    ("ix_payment_links_active_expires_at", ["active", "expires_at"]),
    ("ix_payment_links_created_at", ["created_at"]),
)


def _ck(sql: str, name: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(sql, name=op.f(name))


def _int(column: str, *, nullable: bool = False, minimum: int | None = None) -> str:
    sql = f"typeof({column}) = 'integer'"
    if minimum is not None:
        sql += f" AND {column} >= {minimum}"
    return f"{column} IS NULL OR ({sql})" if nullable else sql


def _checks() -> list[sa.CheckConstraint]:
    texts = [_ck(f"length({c}) > 0", f"ck_payment_links_{c}") for c in ("link_id", "url", "name")]
    flags = [
        _ck(f"{c} IN (0, 1)", f"ck_payment_links_{c}")
        for c in ("single_use", "collect_shipping", "active")
    ]
    times = [
        _ck(_int(c, nullable=c != "created_at"), f"ck_payment_links_{c}")
        for c in ("expires_at", "created_at", "deactivated_at", "paid_at", "last_synced_at")
    ]
    return [
        *texts,
        _ck(_int("amount_cents", nullable=True, minimum=1), "ck_payment_links_amount_cents"),
        *flags,
        _ck(
            "iva_rate IS NULL OR (typeof(iva_rate) = 'integer' AND iva_rate IN (0, 5, 19))",
            "ck_payment_links_iva_rate",
        ),
        *times,
        _ck(_int("collected_cents", minimum=0), "ck_payment_links_collected_cents"),
        _ck(_int("payments", minimum=0), "ck_payment_links_payments"),
    ]


def upgrade() -> None:
    op.create_table(
        "payment_links",
        sa.Column("link_id", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=True),
        sa.Column("single_use", sa.Boolean(), nullable=False),
        sa.Column("expires_at", sa.Integer(), nullable=True),
        sa.Column("redirect_url", sa.Text(), nullable=False),
        sa.Column("sku", sa.Text(), nullable=False),
        sa.Column("iva_rate", sa.Integer(), nullable=True),
        sa.Column("collect_shipping", sa.Boolean(), nullable=False),
        sa.Column("order_number", sa.Integer(), nullable=True),
        sa.Column("terminal_id", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.Integer(), nullable=False),
        sa.Column("deactivated_at", sa.Integer(), nullable=True),
        sa.Column("paid_at", sa.Integer(), nullable=True),
        sa.Column("collected_cents", sa.Integer(), nullable=False),
        sa.Column("payments", sa.Integer(), nullable=False),
        sa.Column("last_synced_at", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("link_id", name=op.f("pk_payment_links")),
        sa.ForeignKeyConstraint(
            ["order_number"], ["orders.number"], name=op.f("fk_payment_links_order_number_orders")
        ),
        *_checks(),
    )
    for name, columns in LINK_INDEXES:
        op.create_index(op.f(name), "payment_links", columns)
    for statement in ADD_COLUMNS:
        op.execute(statement)
    for name, table, column in COLUMN_INDEXES:
        op.create_index(op.f(name), table, [column])


def downgrade() -> None:
    for name, table, column in COLUMN_INDEXES:
        op.drop_index(op.f(name), table_name=table)
        # SQLite (3.35+) drops a column whose only constraint is its own column-level CHECK.
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    for name, _columns in LINK_INDEXES:
        op.drop_index(op.f(name), table_name="payment_links")
    op.drop_table("payment_links")
