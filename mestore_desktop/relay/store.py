"""RelayStore: durable event inserts in commit order, the feed, terminal tokens, retention.

Events are stored in batches (`insert_events`: one transaction, one commit, one fsync), which
relay/writer.py fills with every request waiting; each event and token belongs to a merchant.

SQLite (the default): WAL with `synchronous=FULL`, so a commit survives power loss before the
relay answers 200; one writer connection (BEGIN IMMEDIATE) and separate read-only connections,
which WAL lets run beside it. PostgreSQL (by URL): several relay instances may share one
database; the `relay_state` row lock orders their inserts (see schema) and `pg_notify`, sent
inside the insert transaction, tells every instance's LISTEN connection once it commits.

All methods are blocking: the app calls them from worker threads, never on the event loop.
Any database failure surfaces as StorageUnavailableError, which the app answers with 503.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import (
    URL,
    Connection,
    Engine,
    Select,
    column,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    table,
    text,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, SQLAlchemyError

from mestore_desktop.relay import tokens as tokenlib
from mestore_desktop.relay.schema import (
    DEFAULT_MERCHANT,
    STATE_ID,
    VERSION_TABLE,
    events,
    merchants,
    state,
)
from mestore_desktop.relay.schema import tokens as tokens_table

log = logging.getLogger(__name__)

Kind = Literal["sqlite", "postgresql"]
NOTIFY_CHANNEL = "mestore_relay_events"
# NOTIFY payloads on that channel: an event batch sends its last seq; a token or merchant
# change sends this word.
CONFIG_PAYLOAD = "config"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 10_000
SQLITE_READERS = 4
FILE_MODE = 0o600  # events carry customer e-mails and names: owner only
# Any constant: taken around migrations so relay instances starting together take turns.
_MIGRATION_LOCK_KEY = 0x6D657374
# The newest file in migrations/versions (tests/relay/test_store.py keeps them equal).
HEAD_REVISION = "0003"
_PG_CONNECT_ARGS = {"connect_timeout": 5, "options": "-c lock_timeout=10s -c statement_timeout=30s"}
_US = 1_000_000


# The insert path's statements as driver SQL with `?` marks, built once (the drivers cache
# their prepared forms): Core's per-call work cost more than the insert itself (issue 12).
# `id = 1` is schema.STATE_ID.
_LOCK_STATE = "SELECT last_seq FROM relay_state WHERE id = 1"
_INSERT_EVENT = (
    "INSERT INTO relay_events"
    " (seq, received_at_us, event_type, environment, dedupe_key, body, merchant)"
    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (merchant, dedupe_key) DO NOTHING"
)
_TAKE_SEQS = "UPDATE relay_state SET last_seq = ?, event_count = event_count + ? WHERE id = 1"
_BUMP_CONFIG = "UPDATE relay_state SET config_version = config_version + 1 WHERE id = 1"
_NOTIFY = "SELECT pg_notify(?, ?)"
# One parameter for the whole key list (no statement per batch size): a JSON array on
# SQLite, an array on PostgreSQL.
_STORED_KEYS = (
    "SELECT dedupe_key, seq, received_at_us FROM relay_events"
    " WHERE merchant = ? AND dedupe_key IN (SELECT value FROM json_each(?))"
)
_STORED_KEYS_PG = (
    "SELECT dedupe_key, seq, received_at_us FROM relay_events"
    " WHERE merchant = ? AND dedupe_key = ANY(?)"
)


@dataclass(frozen=True)
class _Sql:
    lock_state: str
    insert_event: str
    take_seqs: str
    bump_config: str
    notify: str
    stored_keys: str

    @classmethod
    def of(cls, kind: Kind) -> _Sql:
        if kind == "sqlite":
            return cls(_LOCK_STATE, _INSERT_EVENT, _TAKE_SEQS, _BUMP_CONFIG, _NOTIFY, _STORED_KEYS)
        # psycopg's marks are %s; FOR UPDATE: the row lock orders instances (see schema).
        pg = [_LOCK_STATE + " FOR UPDATE", _INSERT_EVENT, _TAKE_SEQS, _BUMP_CONFIG, _NOTIFY]
        return cls(*(q.replace("?", "%s") for q in [*pg, _STORED_KEYS_PG]))


class StorageUnavailableError(RuntimeError):
    """The database could not read or commit (down, disk full, corrupt...)."""


class _NothingToRevokeError(Exception):
    """Raised inside a revoke transaction to roll it back: no live token had that name."""


class TokenNameError(ValueError):
    """A token name that is malformed, already in use, or unknown."""


@dataclass(frozen=True)
class NewEvent:
    event_type: str
    environment: str
    dedupe_key: str
    raw: bytes
    merchant: str = DEFAULT_MERCHANT


@dataclass(frozen=True)
class InsertResult:
    seq: int
    duplicate: bool
    received_at_us: int  # the stored row's (a duplicate answers the original's)


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
class MerchantStatus:
    last_seq: int  # the feed's end (global seqs): a cursor that reads only what comes next
    last_event_at_us: int | None  # the merchant's newest stored event


@dataclass(frozen=True)
class TokenInfo:
    name: str
    created_at_us: int
    revoked_at_us: int | None
    merchant: str = DEFAULT_MERCHANT


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
        # Counted in this process by bump_config_version: an app serving from this very object
        # drops its token/secret caches on the next request (other processes: config_version).
        self.config_changes = 0
        self.insert_commits = 0  # insert_events transactions committed by this object
        self._sql = _Sql.of(self.kind)
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
    def write_tx(self) -> Iterator[Connection]:
        """A write transaction (SQLite: BEGIN IMMEDIATE); database errors become
        StorageUnavailableError. For the merchant registry (relay/merchants.py)."""
        with _translated(), self._writer.begin() as conn:
            yield conn

    @contextmanager
    def read_tx(self) -> Iterator[Connection]:
        """A read transaction on a reader connection (SQLite: query_only)."""
        with _translated(), self._reader.begin() as conn:
            yield conn

    _write = write_tx
    _read = read_tx

    def bump_config_version(self, conn: Connection) -> None:
        """Inside a write transaction that changes tokens, merchants or secrets: running
        relays (this one and others on PostgreSQL) drop their caches once it commits."""
        conn.exec_driver_sql(self._sql.bump_config)
        self._notify(conn, CONFIG_PAYLOAD)
        self.config_changes += 1

    def config_version(self) -> int:
        with self._read() as conn:
            return int(
                conn.execute(
                    select(state.c.config_version).where(state.c.id == STATE_ID)
                ).scalar_one()
            )

    def migrate(self) -> None:
        """Bring the schema to HEAD_REVISION. Alembic is imported only when the schema is behind:
        it is most of an idle relay's start-up time and several MB of its memory."""
        if self.schema_revision() == HEAD_REVISION:
            return
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", os.fspath(MIGRATIONS_DIR).replace("%", "%%"))
        with self._write() as conn:
            if self.kind == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK_KEY})
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    def schema_revision(self) -> str | None:
        """The revision Alembic recorded, or None for a database it never migrated."""
        try:
            with self._reader.connect() as conn:
                version: Select[str] = select(column("version_num")).select_from(
                    table(VERSION_TABLE)
                )
                return conn.execute(version).scalar()
        except SQLAlchemyError:
            return None  # no version table yet: a new database (migrate says if it cannot)

    # -- events -------------------------------------------------------------------------------

    def insert_event(self, new: NewEvent) -> InsertResult:
        """Store `new` once; the same (merchant, dedupe key) again answers the original seq."""
        return self.insert_events([new])[0]

    def insert_events(self, batch: Sequence[NewEvent]) -> list[InsertResult]:
        """Store a batch in ONE transaction with ONE commit (one fsync on SQLite); results in
        batch order. A (merchant, dedupe key) already stored, or repeated in the batch, answers
        the original seq with duplicate=True; new events get contiguous seqs in batch order.

        Returns only after the commit (FULL sync on SQLite, PostgreSQL's own WAL flush).
        """
        if not batch:
            return []
        with self._raw_write() as cursor:
            results = self._insert_batch(cursor, batch)
        self.insert_commits += 1
        return results

    @contextmanager
    def _raw_write(self) -> Iterator[Any]:
        """A driver cursor inside a write transaction, committed on a clean exit. The insert
        path skips SQLAlchemy's per-statement work (~0.5 ms per batch measured here, as much
        as the batch's own SQL); failures still become StorageUnavailableError."""
        driver_error = self._writer.dialect.loaded_dbapi.Error
        try:
            raw = self._writer.raw_connection()
        except (SQLAlchemyError, driver_error) as exc:  # the server is down, refuses us…
            raise _storage_error(exc) from exc
        cursor = None
        try:
            cursor = raw.cursor()
            if self.kind == "sqlite":
                cursor.execute("BEGIN IMMEDIATE")  # pysqlite's own BEGIN is off (see engine)
            yield cursor
            cursor.close()
            raw.commit()
        except BaseException as exc:
            _abandon(raw, cursor)
            if isinstance(exc, driver_error):
                raise _storage_error(exc) from exc
            raise
        finally:
            raw.close()

    def _insert_batch(self, cursor: Any, batch: Sequence[NewEvent]) -> list[InsertResult]:
        # The state row first: SQLite's BEGIN IMMEDIATE already holds the write lock, and on
        # PostgreSQL the row lock makes other instances wait until we commit. Under it, the
        # duplicate check below sees every committed row, so seq order stays commit order.
        cursor.execute(self._sql.lock_state)
        last_seq = int(cursor.fetchone()[0])
        stored = self._stored_keys(cursor, batch)
        at_us = self.clock()
        results: list[InsertResult] = []
        fresh: dict[tuple[str, str], InsertResult] = {}
        rows: list[tuple[int, NewEvent]] = []
        for new in batch:
            key = (new.merchant, new.dedupe_key)
            known = stored.get(key) or fresh.get(key)
            if known is not None:
                results.append(InsertResult(known.seq, True, known.received_at_us))
                continue
            last_seq += 1
            fresh[key] = InsertResult(last_seq, False, at_us)
            results.append(fresh[key])
            rows.append((last_seq, new))
        if rows:
            self._insert_rows(cursor, rows, at_us)
            cursor.execute(self._sql.take_seqs, (last_seq, len(rows)))
            if self.kind == "postgresql":
                # Once per batch, delivered to listeners only if and when this commits.
                cursor.execute(self._sql.notify, (NOTIFY_CHANNEL, str(last_seq)))
        return results

    def _stored_keys(
        self, cursor: Any, batch: Sequence[NewEvent]
    ) -> dict[tuple[str, str], InsertResult]:
        """The batch's (merchant, dedupe key)s already stored, with their original results."""
        by_merchant: dict[str, set[str]] = {}
        for new in batch:
            by_merchant.setdefault(new.merchant, set()).add(new.dedupe_key)
        found: dict[tuple[str, str], InsertResult] = {}
        for merchant, keys in by_merchant.items():
            listed = sorted(keys)
            param = listed if self.kind == "postgresql" else json.dumps(listed)
            self._execute_unprepared(cursor, self._sql.stored_keys, (merchant, param))
            for key, seq, at_us in cursor.fetchall():
                found[(merchant, key)] = InsertResult(seq, True, at_us)
        return found

    def _execute_unprepared(self, cursor: Any, sql: str, params: tuple[Any, ...]) -> None:
        # psycopg prepares a statement after five runs, and PostgreSQL then keeps a generic
        # plan chosen while the table was small: for the duplicate check that plan walks all
        # of the merchant's rows instead of probing the unique key, a cost that grows with
        # the table forever (issue 12's benchmark: 7.7 ms per batch → 0.3 ms unprepared).
        if self.kind == "postgresql":
            cursor.execute(sql, params, prepare=False)
        else:
            cursor.execute(sql, params)

    def _insert_rows(self, cursor: Any, rows: list[tuple[int, NewEvent]], at_us: int) -> None:
        # The driver's executemany, no Core insert(): SQLAlchemy's per-row work cost ~1 ms
        # per event (issue 12). ON CONFLICT is only a safety net: under the lock, the check
        # above already found every duplicate, so a row skipped here means a broken invariant.
        params = [
            (seq, at_us, e.event_type, e.environment, e.dedupe_key, e.raw, e.merchant)
            for seq, e in rows
        ]
        cursor.executemany(self._sql.insert_event, params)
        if cursor.rowcount != len(rows):
            raise StorageUnavailableError("a duplicate escaped the locked check")

    def _notify(self, conn: Connection, payload: str) -> None:
        if self.kind == "postgresql":
            # Delivered to listeners only if and when this transaction commits.
            conn.exec_driver_sql(self._sql.notify, (NOTIFY_CHANNEL, payload))

    def events_after(self, after: int, limit: int, merchant: str = DEFAULT_MERCHANT) -> FeedPage:
        """Up to `limit` of `merchant`'s events with seq > `after`, oldest first, the retention
        horizon and the database's epoch (read in the same transaction: the page belongs to
        that epoch). Seqs are global, so a merchant's page may skip other merchants' seqs."""
        with self._read() as conn:
            rows = conn.execute(
                select(events.c.seq, events.c.received_at_us, events.c.body)
                .where(events.c.merchant == merchant, events.c.seq > after)
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

    def merchant_status(self, merchant: str) -> MerchantStatus:
        """The feed's end and `merchant`'s newest event time (its (merchant, seq) index)."""
        with self._read() as conn:
            last_seq = conn.execute(
                select(state.c.last_seq).where(state.c.id == STATE_ID)
            ).scalar_one()
            last_at = conn.execute(
                select(events.c.received_at_us)
                .where(events.c.merchant == merchant)
                .order_by(events.c.seq.desc())
                .limit(1)
            ).scalar()
        return MerchantStatus(int(last_seq), last_at)

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

    def create_token(self, name: str, merchant: str = DEFAULT_MERCHANT) -> str:
        """A new token for terminal `name` of `merchant`; returned once, only its SHA-256 is
        stored. TokenNameError for a bad or taken name, MerchantError for an unknown or
        removed merchant."""
        # Imported here: merchants.py builds on this module (no import cycle at load time).
        from mestore_desktop.relay.merchants import MerchantError, valid_merchant_id

        if not tokenlib.valid_name(name):
            raise TokenNameError("a token name is 1-64 letters, digits, '.', '_' or '-'")
        if not valid_merchant_id(merchant):
            raise MerchantError("a merchant id is 1-64 of a-z, 0-9, '.', '_' or '-'")
        token = tokenlib.new_token()
        try:
            with self._write() as conn:
                # The state row first, as every writer takes it (inserts, merchant changes): one
                # lock order, so two admin commands on PostgreSQL can never deadlock.
                self.bump_config_version(conn)
                if not self._merchant_is_live(conn, merchant):
                    raise MerchantError(f"there is no merchant {merchant!r} (or it was removed)")
                conn.execute(
                    insert(tokens_table).values(
                        name=name,
                        token_hash=tokenlib.token_hash(token),
                        created_at_us=self.clock(),
                        merchant=merchant,
                    )
                )
        except StorageUnavailableError as exc:
            if isinstance(exc.__cause__, IntegrityError):
                raise TokenNameError(f"a live token named {name!r} already exists") from None
            raise
        return token

    @staticmethod
    def _merchant_is_live(conn: Connection, merchant: str) -> bool:
        removed = conn.execute(
            select(merchants.c.removed_at_us).where(merchants.c.id == merchant)
        ).first()
        return removed is not None and removed.removed_at_us is None

    def list_tokens(self) -> list[TokenInfo]:
        with self._read() as conn:
            rows = conn.execute(select(*_TOKEN_INFO).order_by(tokens_table.c.id)).all()
        return [TokenInfo(r.name, r.created_at_us, r.revoked_at_us, r.merchant) for r in rows]

    def revoke_token(self, name: str) -> bool:
        """Revoke the live token named `name`; False if there is none."""
        try:
            with self._write() as conn:
                self.bump_config_version(conn)  # the state row first: one lock order
                result = conn.execute(
                    update(tokens_table)
                    .where(tokens_table.c.name == name, tokens_table.c.revoked_at_us.is_(None))
                    .values(revoked_at_us=self.clock())
                )
                if result.rowcount == 0:
                    raise _NothingToRevokeError  # rolls the bump back: nothing changed
        except _NothingToRevokeError:
            return False
        return True

    def token_info(self, token: str) -> TokenInfo | None:
        """The live token `token` (name, merchant…), or None (unknown or revoked)."""
        presented = tokenlib.token_hash(token)
        with self._read() as conn:
            row = conn.execute(
                select(*_TOKEN_INFO, tokens_table.c.token_hash).where(
                    tokens_table.c.token_hash == presented, tokens_table.c.revoked_at_us.is_(None)
                )
            ).first()
        # The lookup is by hash, so its timing says nothing about the token; compare anyway.
        if row is None or not tokenlib.hashes_equal(row.token_hash, presented):
            return None
        return TokenInfo(row.name, row.created_at_us, row.revoked_at_us, row.merchant)

    def token_name(self, token: str) -> str | None:
        """The name of the live token `token`, or None (unknown or revoked)."""
        info = self.token_info(token)
        return None if info is None else info.name

    # -- SQLite-only checks -------------------------------------------------------------------

    def integrity_check(self) -> str:
        with self._read() as conn:
            if self.kind != "sqlite":
                return "ok"
            return str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())


_TOKEN_INFO = (
    tokens_table.c.name,
    tokens_table.c.created_at_us,
    tokens_table.c.revoked_at_us,
    tokens_table.c.merchant,
)


def _storage_error(exc: Exception) -> StorageUnavailableError:
    # The class name says enough (OperationalError, …); messages may quote parameters.
    log.error("database failure", extra={"error": type(exc).__name__})
    return StorageUnavailableError(type(exc).__name__)


def _abandon(raw: Any, cursor: Any | None) -> None:
    """Roll back a failed raw transaction at once. The cursor goes first: a live statement
    (kept alive by the traceback the callers hold) would keep SQLite's write lock after a
    plain close. A connection that cannot even roll back is dropped from the pool."""
    try:
        if cursor is not None:
            cursor.close()
        raw.rollback()
    except Exception:
        raw.invalidate()


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
