"""The relay's tables (SQLAlchemy Core), shared by the store and the Alembic migrations.

`relay_state` is a single row holding the last seq handed out, the event count, the
retention horizon and the database's epoch. Every insert updates it inside its own transaction,
so the row lock serializes inserts across processes on PostgreSQL: seq order is commit order
and a reader that has seen seq N can never later find a smaller seq appear behind it.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    text,
)

metadata = MetaData()
# INTEGER PRIMARY KEY is SQLite's rowid (the fastest key); BIGINT everywhere else.
SeqType = BigInteger().with_variant(Integer, "sqlite")

events = Table(
    "relay_events",
    metadata,
    Column("seq", SeqType, primary_key=True, autoincrement=False),
    Column("received_at_us", BigInteger, nullable=False),
    Column("event_type", String(200), nullable=False),
    Column("environment", String(16), nullable=False),
    Column("dedupe_key", String(64), nullable=False),
    Column("body", LargeBinary, nullable=False),
    Index("uq_relay_events_dedupe_key", "dedupe_key", unique=True),
    Index("ix_relay_events_received_at_us", "received_at_us"),
)

state = Table(
    "relay_state",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("last_seq", BigInteger, nullable=False),
    Column("event_count", BigInteger, nullable=False),
    Column("horizon_seq", BigInteger, nullable=False),
    Column("horizon_at_us", BigInteger, nullable=True),
    # A random id made with the database (migration 0002); new database, new epoch.
    Column("epoch", String(64), nullable=False),
)
STATE_ID = 1

_ACTIVE = "revoked_at_us IS NULL"
tokens = Table(
    "relay_tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(64), nullable=False),
    Column("token_hash", String(64), nullable=False),
    Column("created_at_us", BigInteger, nullable=False),
    Column("revoked_at_us", BigInteger, nullable=True),
    Index("uq_relay_tokens_token_hash", "token_hash", unique=True),
    # One live token per name; revoked ones stay listed for the record.
    Index(
        "uq_relay_tokens_active_name",
        "name",
        unique=True,
        sqlite_where=text(_ACTIVE),
        postgresql_where=text(_ACTIVE),
    ),
)
