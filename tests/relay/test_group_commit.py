"""GroupWriter (relay/writer.py) on both stores: a burst shares commits, every answer comes after
the commit that holds its event, duplicates answer the original seq, a failed commit fails
exactly its batch, `aclose` drains."""

from __future__ import annotations

import asyncio
import hashlib
import threading
from collections.abc import Iterator

import pytest

from mestore_desktop.relay.store import (
    InsertResult,
    NewEvent,
    RelayStore,
    StorageUnavailableError,
)
from mestore_desktop.relay.writer import GroupWriter

pytestmark = pytest.mark.anyio


def new_event(key: str, raw: bytes = b'{"x": 1}') -> NewEvent:
    return NewEvent("transaction.updated", "test", hashlib.sha256(key.encode()).hexdigest(), raw)


@pytest.fixture
def reader(store_url: str) -> Iterator[RelayStore]:
    """Another store on the same database: its own connections, as a terminal's poll has."""
    other = RelayStore(store_url, migrate=False)
    yield other
    other.dispose()


def spy_batches(store: RelayStore, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    sizes: list[int] = []
    original = store.insert_events

    def recording(batch):
        sizes.append(len(batch))
        return original(batch)

    monkeypatch.setattr(store, "insert_events", recording)
    return sizes


async def test_a_burst_shares_commits_and_each_answer_follows_its_commit(store, reader):
    writer = GroupWriter(store)
    readable: list[bool] = []

    async def post(i: int) -> InsertResult:
        result = await writer.submit(new_event(f"burst-{i}"))
        # Checked the moment the answer arrives, from another connection.
        page = reader.events_after(result.seq - 1, 1)
        readable.append([e.seq for e in page.events] == [result.seq])
        return result

    results = await asyncio.gather(*(post(i) for i in range(60)))
    await writer.aclose()
    assert all(readable) and len(readable) == 60
    assert store.insert_commits < 60
    assert sorted(r.seq for r in results) == list(range(1, 61))  # contiguous, none lost
    assert not any(r.duplicate for r in results)


async def test_batches_never_exceed_max_batch(store, monkeypatch):
    sizes = spy_batches(store, monkeypatch)
    writer = GroupWriter(store, max_batch=8)
    await asyncio.gather(*(writer.submit(new_event(f"cap-{i}")) for i in range(50)))
    await writer.aclose()
    assert sum(sizes) == 50
    assert max(sizes) <= 8 and len(sizes) < 50


async def test_duplicates_in_one_batch_and_across_batches_answer_the_original(store):
    writer = GroupWriter(store)
    keys = ["a", "b", "a", "c"]
    first = await asyncio.gather(*(writer.submit(new_event(k)) for k in keys))
    assert [(r.seq, r.duplicate) for r in first] == [(1, False), (2, False), (1, True), (3, False)]
    second = await asyncio.gather(*(writer.submit(new_event(k)) for k in ["c", "d", "a"]))
    assert [(r.seq, r.duplicate) for r in second] == [(3, True), (4, False), (1, True)]
    await writer.aclose()
    assert [e.seq for e in store.events_after(0, 10).events] == [1, 2, 3, 4]


async def test_on_committed_sees_new_events_in_commit_order_before_the_answers(store):
    seen: list[tuple[str, int, int]] = []

    def on_committed(batch: list[tuple[NewEvent, InsertResult, int]]) -> None:
        seen.extend((e.dedupe_key, r.seq, at) for e, r, at in batch)

    writer = GroupWriter(store, on_committed=on_committed)

    async def post(key: str) -> None:
        result = await writer.submit(new_event(key))
        # The app's in-memory feed is fed before any 200 goes out.
        assert (new_event(key).dedupe_key, result.seq, result.received_at_us) in seen

    await asyncio.gather(*(post(k) for k in ["a", "b", "a", "c"]))
    await asyncio.gather(*(post(k) for k in ["d", "b"]))
    await writer.aclose()
    assert [seq for _, seq, _ in seen] == [1, 2, 3, 4]  # duplicates are not reported


async def test_a_failed_commit_fails_exactly_its_batch(store):
    """A NULL body violates NOT NULL: the database rejects the whole transaction, so every
    request of that batch gets StorageUnavailableError, nothing of it is stored, and the next
    batch works (and takes seq 1: the failed batch consumed none)."""
    writer = GroupWriter(store)
    bad = NewEvent("transaction.updated", "test", "f" * 64, None)  # type: ignore[arg-type]
    outcomes = await asyncio.gather(
        writer.submit(new_event("ok-1")), writer.submit(bad), return_exceptions=True
    )
    assert all(isinstance(o, StorageUnavailableError) for o in outcomes)
    assert store.events_after(0, 10).events == []
    after = await writer.submit(new_event("ok-1"))
    assert (after.seq, after.duplicate) == (1, False)
    await writer.aclose()


async def test_an_unexpected_error_is_a_storage_error_for_its_batch_only(store, monkeypatch):
    original = store.insert_events
    calls = [0]

    def failing_once(batch):
        calls[0] += 1
        if calls[0] == 1:
            raise RuntimeError("boom")
        return original(batch)

    monkeypatch.setattr(store, "insert_events", failing_once)
    writer = GroupWriter(store)
    first = await asyncio.gather(
        *(writer.submit(new_event(f"x{i}")) for i in range(3)), return_exceptions=True
    )
    assert [type(o) for o in first] == [StorageUnavailableError] * 3
    second = await asyncio.gather(*(writer.submit(new_event(f"y{i}")) for i in range(3)))
    assert [r.seq for r in second] == [1, 2, 3]
    await writer.aclose()


async def test_depth_and_oldest_wait_follow_a_commit_under_way(store, monkeypatch):
    original = store.insert_events
    release = threading.Event()
    entered = threading.Event()

    def held(batch):
        entered.set()
        release.wait()
        return original(batch)

    monkeypatch.setattr(store, "insert_events", held)
    writer = GroupWriter(store)
    assert (writer.depth, writer.oldest_wait_s()) == (0, 0.0)
    tasks = [asyncio.ensure_future(writer.submit(new_event(f"h{i}"))) for i in range(5)]
    await asyncio.to_thread(entered.wait)
    more = [asyncio.ensure_future(writer.submit(new_event(f"m{i}"))) for i in range(2)]
    await asyncio.sleep(0)
    assert writer.depth == 7
    first_look = writer.oldest_wait_s()
    await asyncio.sleep(0.01)
    assert 0.0 < first_look < writer.oldest_wait_s()  # it grows while the commit is held
    release.set()
    results = await asyncio.gather(*tasks, *more)
    assert sorted(r.seq for r in results) == list(range(1, 8))
    assert (writer.depth, writer.oldest_wait_s()) == (0, 0.0)
    await writer.aclose()


async def test_an_idle_writer_commits_at_once_whatever_max_wait(store):
    # An hour of allowed waiting: an idle writer that lingered would hang this test.
    writer = GroupWriter(store, max_wait_s=3600)
    for i in range(3):
        assert (await writer.submit(new_event(f"idle-{i}"))).seq == i + 1
    await writer.aclose()


async def test_aclose_commits_what_is_waiting_then_refuses(store, reader):
    writer = GroupWriter(store, max_batch=4)
    tasks = [asyncio.ensure_future(writer.submit(new_event(f"d{i}"))) for i in range(10)]
    await asyncio.sleep(0)  # they are queued
    await writer.aclose()
    assert sorted(t.result().seq for t in tasks) == list(range(1, 11))
    assert len(reader.events_after(0, 100).events) == 10
    with pytest.raises(StorageUnavailableError):
        await writer.submit(new_event("late"))


async def test_a_postgresql_outage_fails_its_batch_and_the_writer_recovers(pg_cluster, request):
    url = pg_cluster.create_database()
    request.addfinalizer(lambda: pg_cluster.drop_database(url))
    store = RelayStore(url)
    writer = GroupWriter(store)
    assert (await writer.submit(new_event("before"))).seq == 1
    pg_cluster.set_connections_allowed(url, False)  # ends the writer's pooled connection too
    outcomes = await asyncio.gather(
        *(writer.submit(new_event(f"down-{i}")) for i in range(3)), return_exceptions=True
    )
    assert [type(o) for o in outcomes] == [StorageUnavailableError] * 3
    pg_cluster.set_connections_allowed(url, True)
    retried = await writer.submit(new_event("down-0"))  # the sender's retry
    assert (retried.seq, retried.duplicate) == (2, False)
    await writer.aclose()
    store.dispose()


async def test_two_writers_on_one_database_share_one_contiguous_seq_order(store, store_url, reader):
    """Two instances' writers (two stores) burst at once, with overlapping keys: every seq is
    handed out once, in one order, and a key posted to both is stored once."""
    other = RelayStore(store_url, migrate=False)
    writers = [GroupWriter(store, max_batch=16), GroupWriter(other, max_batch=16)]
    posts = [(f"k{i}", w) for i in range(80) for w in writers]  # each key to both
    results = await asyncio.gather(*(w.submit(new_event(k)) for k, w in posts))
    for w in writers:
        await w.aclose()
    other.dispose()
    fresh = sorted(r.seq for r in results if not r.duplicate)
    assert fresh == list(range(1, 81))
    by_key: dict[str, set[int]] = {}
    for (key, _), result in zip(posts, results, strict=True):
        by_key.setdefault(key, set()).add(result.seq)
    assert all(len(seqs) == 1 for seqs in by_key.values())  # both answers name one row
    assert [e.seq for e in reader.events_after(0, 200).events] == list(range(1, 81))
