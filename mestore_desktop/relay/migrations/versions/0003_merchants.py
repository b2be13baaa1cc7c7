"""Merchants: one relay for several vendors; events and tokens belong to one merchant.

Everything stored before this revision belongs to the `default` merchant (the relay's own,
whose events secrets stay in the config). Deduplication becomes per merchant, the feed gets a
(merchant, seq) index, and `relay_state.config_version` lets running relays notice token and
merchant changes. SQLite ALTERs go through batch mode (SQLite cannot alter most things in
place; Alembic copies the table when it must).

Revision ID: 0003
Revises: 0002
"""

import time

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

DEFAULT_MERCHANT = "default"  # a literal: migrations never import the app's code
_DEFAULT_SQL = sa.text(f"'{DEFAULT_MERCHANT}'")


def upgrade() -> None:
    merchants = op.create_table(
        "relay_merchants",
        sa.Column("id", sa.String(64), primary_key=True, autoincrement=False),
        sa.Column("created_at_us", sa.BigInteger, nullable=False),
        sa.Column("removed_at_us", sa.BigInteger, nullable=True),
    )
    op.bulk_insert(merchants, [{"id": DEFAULT_MERCHANT, "created_at_us": time.time_ns() // 1000}])
    op.create_table(
        "relay_merchant_secrets",
        sa.Column("merchant", sa.String(64), nullable=False),
        sa.Column("secret", sa.String(200), nullable=False),
        sa.Column("added_at_us", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("merchant", "secret", name="pk_relay_merchant_secrets"),
    )
    with op.batch_alter_table("relay_events") as batch:
        batch.add_column(_merchant_column())
        batch.drop_index("uq_relay_events_dedupe_key")
        batch.create_index(
            "uq_relay_events_merchant_dedupe_key", ["merchant", "dedupe_key"], unique=True
        )
        batch.create_index("ix_relay_events_merchant_seq", ["merchant", "seq"])
    with op.batch_alter_table("relay_tokens") as batch:
        batch.add_column(_merchant_column())
    with op.batch_alter_table("relay_state") as batch:
        batch.add_column(
            sa.Column("config_version", sa.BigInteger, nullable=False, server_default=sa.text("0"))
        )


def downgrade() -> None:
    # Folding other merchants' events and tokens into one feed would show each vendor the
    # others' customers: refuse rather than leak (remove them with the CLI first).
    bind = op.get_bind()
    for table in ("relay_events", "relay_tokens"):
        rows = sa.table(table, sa.column("merchant", sa.String(64)))
        others = sa.select(sa.literal(1)).where(rows.c.merchant != DEFAULT_MERCHANT).limit(1)
        if bind.execute(others).first() is not None:
            raise RuntimeError(f"{table} holds rows of other merchants than 'default'")
    with op.batch_alter_table("relay_state") as batch:
        batch.drop_column("config_version")
    with op.batch_alter_table("relay_tokens") as batch:
        batch.drop_column("merchant")
    with op.batch_alter_table("relay_events") as batch:
        batch.drop_index("ix_relay_events_merchant_seq")
        batch.drop_index("uq_relay_events_merchant_dedupe_key")
        batch.drop_column("merchant")
        batch.create_index("uq_relay_events_dedupe_key", ["dedupe_key"], unique=True)
    op.drop_table("relay_merchant_secrets")
    op.drop_table("relay_merchants")


def _merchant_column() -> sa.Column[str]:
    return sa.Column("merchant", sa.String(64), nullable=False, server_default=_DEFAULT_SQL)
