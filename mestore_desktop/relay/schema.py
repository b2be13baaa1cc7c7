"""The relay's tables (SQLAlchemy Core), shared by the store and the Alembic migrations.

`relay_state` is a single row holding the last seq handed out, the event count, the
retention horizon, the database's epoch and the config version. Every insert batch locks it
first inside its own transaction, so the row lock serializes inserts across processes on
PostgreSQL: seq order is commit order and a reader that has seen seq N can never later find a
smaller seq appear behind it.

Merchants (migration 0003): one relay serves several vendors. seq stays global; each event and
each token belongs to one merchant, and the feed filters by the token's merchant. The
`default` merchant is the relay's own (its events secrets come from the config).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    text,
)

metadata = MetaData()
# The relay's own Alembic version table: it may share a PostgreSQL database with other software.
VERSION_TABLE = "relay_alembic_version"
# INTEGER PRIMARY KEY is SQLite's rowid (the fastest key); BIGINT everywhere else.
SeqType = BigInteger().with_variant(Integer, "sqlite")
DEFAULT_MERCHANT = "default"
_DEFAULT_MERCHANT_SQL = text(f"'{DEFAULT_MERCHANT}'")

events = Table(
    "relay_events",
    metadata,
    Column("seq", SeqType, primary_key=True, autoincrement=False),
    Column("received_at_us", BigInteger, nullable=False),
    Column("event_type", String(200), nullable=False),
    Column("environment", String(16), nullable=False),
    Column("dedupe_key", String(64), nullable=False),
    Column("body", LargeBinary, nullable=False),
    Column("merchant", String(64), nullable=False, server_default=_DEFAULT_MERCHANT_SQL),
    # The same Wompi event may reach two merchants' URLs; each stores it once.
    Index("uq_relay_events_merchant_dedupe_key", "merchant", "dedupe_key", unique=True),
    # A merchant's feed: its events in seq order, without scanning the others'.
    Index("ix_relay_events_merchant_seq", "merchant", "seq"),
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
    # Bumped by every token or merchant change, in that change's transaction: running relays
    # compare it to drop their token and secret caches.
    Column("config_version", BigInteger, nullable=False, server_default=text("0")),
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
    Column("merchant", String(64), nullable=False, server_default=_DEFAULT_MERCHANT_SQL),
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

merchants = Table(
    "relay_merchants",
    metadata,
    Column("id", String(64), primary_key=True, autoincrement=False),
    Column("created_at_us", BigInteger, nullable=False),
    # Removed merchants stay listed (their events age out with retention); never reused.
    Column("removed_at_us", BigInteger, nullable=True),
)

merchant_secrets = Table(
    "relay_merchant_secrets",
    metadata,
    Column("merchant", String(64), nullable=False),
    # Several during a rotation; the default merchant's come from the config, never stored.
    Column("secret", String(200), nullable=False),
    Column("added_at_us", BigInteger, nullable=False),
    PrimaryKeyConstraint("merchant", "secret", name="pk_relay_merchant_secrets"),
)
