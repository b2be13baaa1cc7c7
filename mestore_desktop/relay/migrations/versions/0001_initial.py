"""Events, the single state row, terminal tokens.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_ACTIVE = "revoked_at_us IS NULL"


def upgrade() -> None:
    seq = sa.BigInteger().with_variant(sa.Integer, "sqlite")
    op.create_table(
        "relay_events",
        sa.Column("seq", seq, primary_key=True, autoincrement=False),
        sa.Column("received_at_us", sa.BigInteger, nullable=False),
        sa.Column("event_type", sa.String(200), nullable=False),
        sa.Column("environment", sa.String(16), nullable=False),
        sa.Column("dedupe_key", sa.String(64), nullable=False),
        sa.Column("body", sa.LargeBinary, nullable=False),
    )
    op.create_index("uq_relay_events_dedupe_key", "relay_events", ["dedupe_key"], unique=True)
    op.create_index("ix_relay_events_received_at_us", "relay_events", ["received_at_us"])
    state = op.create_table(
        "relay_state",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("last_seq", sa.BigInteger, nullable=False),
        sa.Column("event_count", sa.BigInteger, nullable=False),
        sa.Column("horizon_seq", sa.BigInteger, nullable=False),
        sa.Column("horizon_at_us", sa.BigInteger, nullable=True),
    )
    op.bulk_insert(
        state, [{"id": 1, "last_seq": 0, "event_count": 0, "horizon_seq": 0, "horizon_at_us": None}]
    )
    op.create_table(
        "relay_tokens",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at_us", sa.BigInteger, nullable=False),
        sa.Column("revoked_at_us", sa.BigInteger, nullable=True),
    )
    op.create_index("uq_relay_tokens_token_hash", "relay_tokens", ["token_hash"], unique=True)
    op.create_index(
        "uq_relay_tokens_active_name",
        "relay_tokens",
        ["name"],
        unique=True,
        sqlite_where=sa.text(_ACTIVE),
        postgresql_where=sa.text(_ACTIVE),
    )


def downgrade() -> None:
    op.drop_table("relay_tokens")
    op.drop_table("relay_state")
    op.drop_table("relay_events")
