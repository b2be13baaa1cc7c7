"""RelayStore on both databases: commit-ordered seq under concurrent writers, dedupe races,
batches, merchants, migrations, retention, tokens, the config version."""

from __future__ import annotations

import hashlib
import threading
import time

import psycopg
import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import insert

from mestore_desktop.relay.merchants import MerchantError
from mestore_desktop.relay.schema import merchants
from mestore_desktop.relay.store import (
    CONFIG_PAYLOAD,
    MIGRATIONS_DIR,
    NOTIFY_CHANNEL,
    NewEvent,
    RelayStore,
    TokenNameError,
    database_url,
)


def new_event(key: str, body: bytes = b'{"x": 1}', merchant: str = "default") -> NewEvent:
    dedupe_key = hashlib.sha256(key.encode()).hexdigest()
    return NewEvent("transaction.updated", "test", dedupe_key, body, merchant)


def add_merchant(store: RelayStore, merchant_id: str, *, removed: bool = False) -> None:
    # Straight into the table: the registry (relay/merchants.py) is another module's job.
    with store.write_tx() as conn:
        conn.execute(
            insert(merchants).values(
                id=merchant_id, created_at_us=1, removed_at_us=2 if removed else None
            )
        )


def test_database_url_forms(tmp_path):
    assert database_url(tmp_path / "a.db").get_backend_name() == "sqlite"
    assert database_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert database_url("postgres://u@h/db").drivername == "postgresql+psycopg"
    with pytest.raises(ValueError, match="unsupported"):
        database_url("mysql://u@h/db")
    with pytest.raises(ValueError, match="not valid"):
        database_url("postgresql://u@h:notaport:/")


def test_migrating_twice_is_harmless(store_url):
    for _ in range(2):
        store = RelayStore(store_url)
        store.insert_event(new_event("a"))
        store.dispose()
    store = RelayStore(store_url)
    assert store.stats().event_count == 1
    store.dispose()


def test_seq_order_is_commit_order_with_several_writers(store_url):
    """Writers in several "instances" (stores) insert while a reader follows the feed with
    `next_after`; the reader must end with every seq, none skipped, in increasing order."""
    writers = [RelayStore(store_url) for _ in range(3)]
    reader = RelayStore(store_url, migrate=False)
    per_thread, threads_per_store = 40, 2
    done = threading.Event()
    seen: list[int] = []
    errors: list[BaseException] = []

    def write(store: RelayStore, prefix: str) -> None:
        try:
            for i in range(per_thread):
                store.insert_event(new_event(f"{prefix}-{i}"))
        except BaseException as exc:  # surfaced by the main thread
            errors.append(exc)

    def follow() -> None:
        cursor = 0
        while True:
            finished = done.is_set()
            page = reader.events_after(cursor, 500)
            seen.extend(e.seq for e in page.events)
            cursor = page.events[-1].seq if page.events else cursor
            if finished and not page.events:
                return

    threads = [
        threading.Thread(target=write, args=(store, f"s{n}t{t}"))
        for n, store in enumerate(writers)
        for t in range(threads_per_store)
    ]
    follower = threading.Thread(target=follow)
    follower.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    follower.join()
    total = len(writers) * threads_per_store * per_thread
    assert not errors
    assert seen == list(range(1, total + 1))  # no skip, no gap, no repeat, in order
    for store in [*writers, reader]:
        store.dispose()


def test_the_same_fact_from_many_writers_is_stored_once(store_url):
    stores = [RelayStore(store_url) for _ in range(3)]
    results = []
    barrier = threading.Barrier(6)

    def write(store: RelayStore) -> None:
        barrier.wait()
        results.append(store.insert_event(new_event("same")))

    threads = [threading.Thread(target=write, args=(s,)) for s in stores for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert {r.seq for r in results} == {1}
    assert sorted(r.duplicate for r in results) == [False] + [True] * 5
    assert stores[0].stats().event_count == 1
    for s in stores:
        s.dispose()


def test_prune_moves_the_horizon_forward_only(store):
    clock = {"now": 1_000 * 86_400 * 1_000_000}
    store.clock = lambda: clock["now"]
    for i in range(3):
        store.insert_event(new_event(f"e{i}"))
    assert store.prune(30).deleted == 0
    clock["now"] += 31 * 86_400 * 1_000_000
    store.insert_event(new_event("fresh"))
    assert (store.prune(30).deleted, store.stats().horizon_seq) == (3, 3)
    again = store.prune(30)
    assert (again.deleted, again.horizon_seq) == (0, 3)
    assert [e.seq for e in store.events_after(3, 10).events] == [4]
    assert store.stats().event_count == 1


def test_tokens_create_list_revoke(store):
    token = store.create_token("caja-1")
    assert len(token) >= 40
    assert store.token_name(token) == "caja-1"
    with pytest.raises(TokenNameError):
        store.create_token("caja-1")
    with pytest.raises(TokenNameError):
        store.create_token("bad name!")
    assert store.revoke_token("caja-1")
    assert not store.revoke_token("caja-1")
    assert store.token_name(token) is None
    replacement = store.create_token("caja-1")  # a revoked name may be issued again
    assert store.token_name(replacement) == "caja-1"
    listed = [(t.name, t.revoked_at_us is None) for t in store.list_tokens()]
    assert listed == [("caja-1", False), ("caja-1", True)]


def test_sqlite_pragmas_are_durable(tmp_path):
    store = RelayStore(tmp_path / "r.db")
    with store._writer.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    store.insert_event(new_event("a"))  # the batch path's driver connection: the same pool
    raw = store._writer.raw_connection()
    try:
        assert raw.cursor().execute("PRAGMA synchronous").fetchone()[0] == 2
    finally:
        raw.close()
    assert (tmp_path / "r.db").stat().st_mode & 0o777 == 0o600
    assert store.integrity_check() == "ok"
    store.dispose()


def test_insert_latency_is_reasonable(store):
    started = time.perf_counter()
    for i in range(50):
        store.insert_event(new_event(f"lat{i}"))
    assert (time.perf_counter() - started) / 50 < 0.1


def test_a_batch_gets_contiguous_seqs_and_answers_duplicates_with_the_original(store):
    first = store.insert_events([new_event("a"), new_event("b")])
    assert [(r.seq, r.duplicate) for r in first] == [(1, False), (2, False)]
    batch = [new_event("c"), new_event("a"), new_event("d"), new_event("c"), new_event("e")]
    results = store.insert_events(batch)
    assert [(r.seq, r.duplicate) for r in results] == [
        (3, False),
        (1, True),
        (4, False),
        (3, True),
        (5, False),
    ]
    # A duplicate carries the original row's time; one batch shares one commit time.
    assert results[1].received_at_us == first[0].received_at_us
    assert results[0].received_at_us == results[2].received_at_us == results[3].received_at_us
    page = store.events_after(0, 10)
    assert [e.seq for e in page.events] == [1, 2, 3, 4, 5]
    assert [e.received_at_us for e in page.events][2:] == [results[0].received_at_us] * 3
    assert store.stats().event_count == 5
    assert store.insert_events([]) == []


def test_an_all_duplicate_batch_takes_no_seq(store):
    store.insert_events([new_event("a")])
    again = store.insert_events([new_event("a"), new_event("a")])
    assert [(r.seq, r.duplicate) for r in again] == [(1, True), (1, True)]
    assert store.insert_event(new_event("b")).seq == 2
    assert store.stats().last_seq == 2


def test_merchants_deduplicate_and_read_their_own_events_only(store):
    add_merchant(store, "tienda-2")
    results = store.insert_events(
        [new_event("same"), new_event("same", merchant="tienda-2"), new_event("other")]
    )
    assert [(r.seq, r.duplicate) for r in results] == [(1, False), (2, False), (3, False)]
    assert store.insert_event(new_event("same", merchant="tienda-2")).seq == 2
    assert [e.seq for e in store.events_after(0, 10).events] == [1, 3]
    assert [e.seq for e in store.events_after(0, 10, "tienda-2").events] == [2]
    assert store.events_after(0, 10, "nobody").events == []


def test_tokens_belong_to_a_live_merchant(store):
    add_merchant(store, "tienda-2")
    add_merchant(store, "cerrada", removed=True)
    token = store.create_token("caja-7", merchant="tienda-2")
    info = store.token_info(token)
    assert info is not None
    assert (info.name, info.merchant, info.revoked_at_us) == ("caja-7", "tienda-2", None)
    default_info = store.token_info(store.create_token("caja-1"))
    assert default_info is not None and default_info.merchant == "default"
    for merchant in ("nobody", "cerrada", "Bad Id!"):
        with pytest.raises(MerchantError):
            store.create_token("caja-9", merchant=merchant)
    assert [(t.name, t.merchant) for t in store.list_tokens()] == [
        ("caja-7", "tienda-2"),
        ("caja-1", "default"),
    ]
    assert store.token_info("mrt_not-a-token") is None


def test_token_changes_bump_the_config_version(store):
    assert store.config_version() == 0
    store.create_token("caja-1")
    assert store.config_version() == 1
    with pytest.raises(TokenNameError):
        store.create_token("caja-1")  # rolled back: no bump
    assert store.revoke_token("caja-1")
    assert not store.revoke_token("caja-1")
    assert store.config_version() == 2
    store.insert_event(new_event("x"))  # events are not config
    assert store.config_version() == 2


def test_postgresql_notifies_the_last_seq_of_a_batch_and_config_changes(pg_cluster, request):
    url = pg_cluster.create_database()
    request.addfinalizer(lambda: pg_cluster.drop_database(url))
    store = RelayStore(url)
    listener = psycopg.connect(store.listen_conninfo(), autocommit=True)
    try:
        listener.execute(f'LISTEN "{NOTIFY_CHANNEL}"')
        store.insert_events([new_event("a"), new_event("b"), new_event("c")])
        store.insert_events([new_event("a")])  # nothing new: nothing to tell
        store.create_token("caja-1")
        store.revoke_token("caja-1")
        payloads = [n.payload for n in listener.notifies(timeout=1.0, stop_after=3)]
        assert payloads == ["3", CONFIG_PAYLOAD, CONFIG_PAYLOAD]
    finally:
        listener.close()
        store.dispose()


def test_migration_0003_moves_old_data_to_the_default_merchant_and_back(store):
    """A database at 0002 keeps its events and tokens (as the default merchant's) on upgrade;
    a downgrade restores 0002's schema, and refuses while other merchants' rows exist."""
    token = store.create_token("caja-1")
    store.insert_event(new_event("old"))
    migrate(store, "0002")
    migrate(store, "head")
    info = store.token_info(token)
    assert info is not None and info.merchant == "default"
    assert [e.seq for e in store.events_after(0, 10).events] == [1]
    assert store.insert_event(new_event("old")).duplicate
    with pytest.raises(TokenNameError):  # the partial unique index survived the table copies
        store.create_token("caja-1")
    add_merchant(store, "tienda-2")
    store.insert_event(new_event("new", merchant="tienda-2"))
    with pytest.raises(Exception, match="other merchants"):
        migrate(store, "0002")
    assert store.insert_event(new_event("after")).seq == 3  # the failed downgrade rolled back


def migrate(store: RelayStore, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with store.write_tx() as conn:
        config.attributes["connection"] = conn
        if revision == "head":
            command.upgrade(config, revision)
        else:
            command.downgrade(config, revision)


def test_head_revision_is_the_newest_migration() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from mestore_desktop.relay.store import HEAD_REVISION, MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION


def test_a_migrated_database_opens_without_alembic(tmp_path) -> None:
    import subprocess
    import sys

    RelayStore(tmp_path / "r.db").dispose()
    code = (
        "import sys; from mestore_desktop.relay.store import RelayStore; "
        f"RelayStore({str(tmp_path / 'r.db')!r}).dispose(); "
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_postgresql_never_keeps_a_generic_plan_for_the_duplicate_check(pg_cluster, request):
    """psycopg prepares a statement after five runs; PostgreSQL's generic plan for the
    duplicate check walked all of a merchant's rows (its cost grew with the table). The
    check stays unprepared while the writer's other statements are prepared as before."""
    url = pg_cluster.create_database()
    request.addfinalizer(lambda: pg_cluster.drop_database(url))
    store = RelayStore(url)
    try:
        for batch in range(8):
            store.insert_events([new_event(f"{batch}-{i}") for i in range(3)])
        raw = store._writer.raw_connection()  # the one pooled connection the batches used
        try:
            cursor = raw.cursor()
            cursor.execute("SELECT statement FROM pg_prepared_statements")
            prepared = [row[0] for row in cursor.fetchall()]
        finally:
            raw.close()
        assert any("INSERT INTO relay_events" in sql for sql in prepared), prepared
        assert not any("dedupe_key = ANY" in sql for sql in prepared), prepared
    finally:
        store.dispose()
