"""RelayStore on both databases: commit-ordered seq under concurrent writers, dedupe races,
migrations, retention, tokens."""

from __future__ import annotations

import hashlib
import threading
import time

import pytest

from mestore_desktop.relay.store import NewEvent, RelayStore, TokenNameError, database_url


def new_event(key: str, body: bytes = b'{"x": 1}') -> NewEvent:
    return NewEvent("transaction.updated", "test", hashlib.sha256(key.encode()).hexdigest(), body)


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
    assert (tmp_path / "r.db").stat().st_mode & 0o777 == 0o600
    assert store.integrity_check() == "ok"
    store.dispose()


def test_insert_latency_is_reasonable(store):
    started = time.perf_counter()
    for i in range(50):
        store.insert_event(new_event(f"lat{i}"))
    assert (time.perf_counter() - started) / 50 < 0.1
