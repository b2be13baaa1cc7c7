"""RelayStore: durable event inserts in commit order, the feed, terminal tokens, retention.

SQLite (the default): WAL with `synchronous=FULL`, so a commit survives power loss before the
relay answers 200; one writer connection (BEGIN IMMEDIATE) and separate read-only connections,
which WAL lets run beside it. PostgreSQL (by URL): several relay instances may share one
database; the `relay_state` row lock orders their inserts (see schema) and `pg_notify`, sent
inside the insert transaction, tells every instance's LISTEN connection once it commits.

All methods are blocking: the app calls them from worker threads, never on the event loop.
Any database failure surfaces as StorageUnavailableError, which the app answers with 503.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from alembic import command
from alembic.config import Config
from sqlalchemy import (
    URL,
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, SQLAlchemyError

from mestore_desktop.relay import tokens as tokenlib
from mestore_desktop.relay.schema import STATE_ID, events, state
from mestore_desktop.relay.schema import tokens as tokens_table

log = logging.getLogger(__name__)

Kind = Literal["sqlite", "postgresql"]
NOTIFY_CHANNEL = "mestore_relay_events"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 10_000
SQLITE_READERS = 4
FILE_MODE = 0o600  # events carry customer e-mails and names: owner only
# Any constant: taken around migrations so relay instances starting together take turns.
_MIGRATION_LOCK_KEY = 0x6D657374
_PG_CONNECT_ARGS = {"connect_timeout": 5, "options": "-c lock_timeout=10s -c statement_timeout=30s"}
_US = 1_000_000


class StorageUnavailableError(RuntimeError):
    """The database could not read or commit (down, disk full, corrupt...)."""


class _AlreadyStoredError(Exception):
    """Raised inside an insert transaction to roll it back: the fact is already stored."""

    def __init__(self, seq: int) -> None:
        super().__init__(seq)
        self.seq = seq


class TokenNameError(ValueError):
    """A token name that is malformed, already in use, or unknown."""


@dataclass(frozen=True)
class NewEvent:
    event_type: str
    environment: str
    dedupe_key: str
    raw: bytes


@dataclass(frozen=True)
class InsertResult:
    seq: int
    duplicate: bool


@dataclass(frozen=True)
class StoredEvent:
    seq: int
    received_at_us: int
    raw: bytes


@dataclass(frozen=True)
class FeedPage:
    events: list[StoredEvent]
    horizon_seq: int
    epoch: str  # the database's id: the seqs above belong to it


@dataclass(frozen=True)
class Stats:
    event_count: int
    last_event_at_us: int | None
    last_seq: int
    horizon_seq: int


@dataclass(frozen=True)
class TokenInfo:
    name: str
    created_at_us: int
    revoked_at_us: int | None


@dataclass(frozen=True)
class PruneResult:
    deleted: int
    horizon_seq: int


def database_url(value: str | os.PathLike[str]) -> URL:
    """A SQLAlchemy URL from a URL or a plain file path (a SQLite file)."""
    text_value = os.fspath(value)
    if "://" not in text_value:
        return URL.create("sqlite+pysqlite", database=text_value)
    try:
        url = make_url(text_value)
    except (ArgumentError, ValueError):
        raise ValueError("the database URL is not valid") from None
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return url.set(drivername="sqlite+pysqlite")
    raise ValueError(f"unsupported database {backend!r}: use sqlite or postgresql")


def now_us() -> int:
    return time.time_ns() // 1000


class RelayStore:
    """The relay's database. `RelayStore(url)` migrates it to the newest schema."""

    def __init__(
        self,
        url: str | os.PathLike[str] | URL,
        *,
        migrate: bool = True,
        clock: Callable[[], int] = now_us,
    ) -> None:
        self.url = url if isinstance(url, URL) else database_url(url)
        self.kind: Kind = "postgresql" if self.url.get_backend_name() == "postgresql" else "sqlite"
        self.clock = clock
        self._writer, self._reader = self._engines()
        if migrate:
            self.migrate()

    # -- engines ------------------------------------------------------------------------------

    def _engines(self) -> tuple[Engine, Engine]:
        if self.kind == "postgresql":
            engine = create_engine(
                self.url,
                pool_size=8,
                max_overflow=8,
                pool_pre_ping=True,  # a restarted server leaves dead pooled connections
                connect_args=_PG_CONNECT_ARGS,
            )
            return engine, engine
        _create_private(self.url.database)
        writer = _sqlite_engine(self.url, pool_size=1, write=True)
        reader = _sqlite_engine(self.url, pool_size=SQLITE_READERS, write=False)
        return writer, reader

    def dispose(self) -> None:
        self._writer.dispose()
        self._reader.dispose()

    def listen_conninfo(self) -> str | None:
        """libpq connection string for a LISTEN connection (PostgreSQL only)."""
        if self.kind != "postgresql":
            return None
        return self.url.set(drivername="postgresql").render_as_string(hide_password=False)

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with _translated(), self._writer.begin() as conn:
            yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with _translated(), self._reader.begin() as conn:
            yield conn

    def migrate(self) -> None:
        config = Config()
        config.set_main_option("script_location", os.fspath(MIGRATIONS_DIR).replace("%", "%%"))
        with self._write() as conn:
            if self.kind == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK_KEY})
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    # -- events -------------------------------------------------------------------------------

    def insert_event(self, new: NewEvent) -> InsertResult:
        """Store `new` once; the same dedupe key again answers the original seq.

        Returns only after the commit (FULL sync on SQLite, PostgreSQL's own WAL flush).
        """
        # Retries are common (Wompi, senders after a 503): answer them without the lock.
        existing = self._seq_of(new.dedupe_key)
        if existing is not None:
            return InsertResult(existing, duplicate=True)
        try:
            return self._insert_locked(new)
        except StorageUnavailableError as exc:
            # A UNIQUE violation means another writer stored the same fact first.
            if isinstance(exc.__cause__, IntegrityError):
                existing = self._seq_of(new.dedupe_key)
                if existing is not None:
                    return InsertResult(existing, duplicate=True)
            raise

    def _insert_locked(self, new: NewEvent) -> InsertResult:
        try:
            with self._write() as conn:
                # Taking the next seq locks the state row until commit (SQLite: BEGIN
                # IMMEDIATE already serializes), so seq order is commit order.
                seq = conn.execute(
                    update(state)
                    .where(state.c.id == STATE_ID)
                    .values(last_seq=state.c.last_seq + 1, event_count=state.c.event_count + 1)
                    .returning(state.c.last_seq)
                ).scalar_one()
                existing = conn.execute(
                    select(events.c.seq).where(events.c.dedupe_key == new.dedupe_key)
                ).scalar()
                if existing is not None:
                    raise _AlreadyStoredError(existing)  # rolls the counter back
                conn.execute(
                    insert(events).values(
                        seq=seq,
                        received_at_us=self.clock(),
                        event_type=new.event_type,
                        environment=new.environment,
                        dedupe_key=new.dedupe_key,
                        body=new.raw,
                    )
                )
                if self.kind == "postgresql":
                    # Delivered to listeners only if and when this transaction commits.
                    notify = text("SELECT pg_notify(:c, :p)")
                    conn.execute(notify, {"c": NOTIFY_CHANNEL, "p": str(seq)})
        except _AlreadyStoredError as dup:
            return InsertResult(dup.seq, duplicate=True)
        return InsertResult(seq, duplicate=False)

    def _seq_of(self, dedupe_key: str) -> int | None:
        with self._read() as conn:
            return conn.execute(
                select(events.c.seq).where(events.c.dedupe_key == dedupe_key)
            ).scalar()

    def events_after(self, after: int, limit: int) -> FeedPage:
        """Up to `limit` events with seq > `after`, oldest first, the retention horizon and
        the database's epoch (read in the same transaction: the page belongs to that epoch)."""
        with self._read() as conn:
            rows = conn.execute(
                select(events.c.seq, events.c.received_at_us, events.c.body)
                .where(events.c.seq > after)
                .order_by(events.c.seq)
                .limit(limit)
            ).all()
            # Read after the rows: a prune in between is then seen, never a silent gap.
            horizon, epoch = conn.execute(
                select(state.c.horizon_seq, state.c.epoch).where(state.c.id == STATE_ID)
            ).one()
        stored = [StoredEvent(r.seq, r.received_at_us, bytes(r.body)) for r in rows]
        return FeedPage(stored, horizon, epoch)

    def stats(self) -> Stats:
        with self._read() as conn:
            row = conn.execute(select(state).where(state.c.id == STATE_ID)).one()
            last_at = conn.execute(
                select(events.c.received_at_us).where(events.c.seq == row.last_seq)
            ).scalar()
        return Stats(row.event_count, last_at, row.last_seq, row.horizon_seq)

    def prune(self, retention_days: int) -> PruneResult:
        """Delete events older than `retention_days` and move the horizon past them."""
        cutoff = self.clock() - retention_days * 86_400 * _US
        with self._write() as conn:
            current = conn.execute(
                select(state.c.horizon_seq).where(state.c.id == STATE_ID).with_for_update()
            ).scalar_one()
            # By seq, not by time: seq is commit order, so the kept events stay contiguous.
            newest_old = conn.execute(
                select(func.max(events.c.seq)).where(events.c.received_at_us < cutoff)
            ).scalar()
            if newest_old is None or newest_old <= current:
                return PruneResult(0, current)
            deleted = conn.execute(delete(events).where(events.c.seq <= newest_old)).rowcount
            conn.execute(
                update(state)
                .where(state.c.id == STATE_ID)
                .values(
                    horizon_seq=newest_old,
                    horizon_at_us=self.clock(),
                    event_count=state.c.event_count - deleted,
                )
            )
        log.info("pruned events", extra={"deleted": deleted, "horizon_seq": newest_old})
        return PruneResult(deleted, newest_old)

    # -- tokens -------------------------------------------------------------------------------

    def create_token(self, name: str) -> str:
        """A new token for terminal `name`; returned once, only its SHA-256 is stored."""
        if not tokenlib.valid_name(name):
            raise TokenNameError("a token name is 1-64 letters, digits, '.', '_' or '-'")
        token = tokenlib.new_token()
        try:
            with self._write() as conn:
                conn.execute(
                    insert(tokens_table).values(
                        name=name, token_hash=tokenlib.token_hash(token), created_at_us=self.clock()
                    )
                )
        except StorageUnavailableError as exc:
            if isinstance(exc.__cause__, IntegrityError):
                raise TokenNameError(f"a live token named {name!r} already exists") from None
            raise
        return token

    def list_tokens(self) -> list[TokenInfo]:
        with self._read() as conn:
            rows = conn.execute(
                select(
                    tokens_table.c.name, tokens_table.c.created_at_us, tokens_table.c.revoked_at_us
                ).order_by(tokens_table.c.id)
            ).all()
        return [TokenInfo(r.name, r.created_at_us, r.revoked_at_us) for r in rows]

    def revoke_token(self, name: str) -> bool:
        """Revoke the live token named `name`; False if there is none."""
        with self._write() as conn:
            result = conn.execute(
                update(tokens_table)
                .where(tokens_table.c.name == name, tokens_table.c.revoked_at_us.is_(None))
                .values(revoked_at_us=self.clock())
            )
        return result.rowcount > 0

    def token_name(self, token: str) -> str | None:
        """The name of the live token `token`, or None (unknown or revoked)."""
        presented = tokenlib.token_hash(token)
        with self._read() as conn:
            row = conn.execute(
                select(tokens_table.c.name, tokens_table.c.token_hash).where(
                    tokens_table.c.token_hash == presented, tokens_table.c.revoked_at_us.is_(None)
                )
            ).first()
        # The lookup is by hash, so its timing says nothing about the token; compare anyway.
        if row is None or not tokenlib.hashes_equal(row.token_hash, presented):
            return None
        return str(row.name)

    # -- SQLite-only checks -------------------------------------------------------------------

    def integrity_check(self) -> str:
        with self._read() as conn:
            if self.kind != "sqlite":
                return "ok"
            return str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())


@contextmanager
def _translated() -> Iterator[None]:
    try:
        yield
    except SQLAlchemyError as exc:
        # The class name says enough (OperationalError, …); messages may quote parameters.
        # A UNIQUE violation is an answer (a duplicate, a taken name), not a failure.
        level = logging.DEBUG if isinstance(exc, IntegrityError) else logging.ERROR
        log.log(level, "database failure", extra={"error": type(exc).__name__})
        raise StorageUnavailableError(type(exc).__name__) from exc


def _create_private(database: str | None) -> None:
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE))
    except FileExistsError:
        return


def _sqlite_engine(url: URL, *, pool_size: int, write: bool) -> Engine:
    engine = create_engine(
        url,
        pool_size=pool_size,
        max_overflow=0,
        pool_timeout=60,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )
    begin = "BEGIN IMMEDIATE" if write else "BEGIN"

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling off: we emit BEGIN ourselves (SQLAlchemy recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute(f"PRAGMA query_only = {'OFF' if write else 'ON'}")
        finally:
            cursor.close()

    def on_begin(connection: Connection) -> None:
        # Writers start IMMEDIATE: a deferred read-then-write transaction in WAL mode gets
        # SQLITE_BUSY at once, whatever the busy timeout.
        connection.exec_driver_sql(begin)

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", on_begin)
    return engine
