"""The in-memory feed (relay/feed.py): what it holds, when it answers, and that its answers are
the database's (Hypothesis over interleaved own commits, other instances' commits, refills and
polls, SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import itertools
import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mestore_desktop.relay.feed import (
    ENTRY_OVERHEAD_BYTES,
    HeldEvent,
    LiveFeed,
    MemoryFeed,
    StateRow,
    Tail,
    Waiters,
    read_state,
    read_tail,
)
from mestore_desktop.relay.store import NewEvent, RelayStore

MERCHANTS = ["default", "m-a", "m-b"]
_keys = itertools.count()


def held(seq: int, merchant: str = "default", *, at_us: int = 0, size: int = 10) -> HeldEvent:
    return HeldEvent(seq, at_us, merchant, b"x" * size)


def primed(max_events: int = 100, max_bytes: int = 1 << 20, last_seq: int = 0) -> MemoryFeed:
    memory = MemoryFeed(max_events, max_bytes)
    memory.prime(last_seq, 0, "epoch-1")
    return memory


def new_event(merchant: str) -> NewEvent:
    key = f"{uuid.uuid4().hex}{next(_keys)}"[:64]
    raw = b'{"event":"e","k":"%s"}' % key.encode()
    return NewEvent("transaction.updated", "test", key, raw, merchant)


# -- MemoryFeed ---------------------------------------------------------------------------------


def test_unprimed_memory_covers_nothing_and_holds_nothing():
    memory = MemoryFeed(100, 1 << 20)
    assert not memory.covers(0)
    assert memory.add(held(1))  # nothing to vouch for: not a gap either
    assert len(memory) == 0


def test_disabled_memory_never_primes():
    memory = MemoryFeed(0, 1 << 20)
    memory.prime(5, 0, "e")
    assert not memory.primed and not memory.covers(5)


def test_primed_at_the_databases_last_seq_it_covers_only_newer_cursors():
    memory = primed(last_seq=7)
    assert memory.covers(7) and memory.covers(100)
    assert not memory.covers(6)  # events 1-7 were committed before: the store answers
    assert memory.page(7, 10, "default") == []


def test_contiguous_events_are_appended_and_a_gap_is_refused():
    memory = primed()
    assert memory.add(held(1)) and memory.add(held(2, "m-a"))
    assert memory.add(held(2))  # already held (a late duplicate report): fine
    assert not memory.add(held(4))  # 3 is unknown here
    assert memory.newest == 2 and len(memory) == 2


def test_pages_filter_by_merchant_and_honour_cursor_and_limit():
    memory = primed()
    for seq, merchant in enumerate(["default", "m-a", "default", "m-b", "default"], start=1):
        memory.add(held(seq, merchant))
    assert [e.seq for e in memory.page(0, 10, "default")] == [1, 3, 5]
    assert [e.seq for e in memory.page(1, 1, "default")] == [3]
    assert [e.seq for e in memory.page(3, 10, "default")] == [5]
    assert [e.seq for e in memory.page(0, 10, "m-b")] == [4]
    assert memory.page(5, 10, "default") == [] and memory.page(0, 10, "nobody") == []


def test_eviction_by_count_moves_the_floor():
    memory = primed(max_events=3)
    for seq in range(1, 6):
        memory.add(held(seq, MERCHANTS[seq % 3]))
    assert len(memory) == 3 and memory.floor == 2
    assert not memory.covers(1) and memory.covers(2)
    assert [e.seq for e in memory.page(2, 10, MERCHANTS[0])] == [3]


def test_eviction_by_bytes_keeps_the_total_under_the_cap():
    per_event = 1000 + ENTRY_OVERHEAD_BYTES
    memory = primed(max_bytes=3 * per_event)
    for seq in range(1, 11):
        memory.add(held(seq, size=1000))
    assert len(memory) == 3 and memory.bytes == 3 * per_event
    assert memory.floor == 7


def test_events_older_than_the_retention_are_left_to_the_store():
    memory = primed()
    for seq, at in enumerate([10, 20, 30], start=1):
        memory.add(held(seq, at_us=at))
    memory.expire(cutoff_us=25)
    assert memory.floor == 2 and not memory.covers(1)
    assert [e.seq for e in memory.page(2, 10, "default")] == [3]


def test_a_prune_moves_the_horizon_and_evicts_what_it_deleted():
    memory = primed()
    for seq in range(1, 6):
        memory.add(held(seq))
    memory.set_horizon(3)
    assert not memory.covers(2) and memory.covers(3)
    assert [e.seq for e in memory.page(3, 10, "default")] == [4, 5]
    memory.set_horizon(9)  # beyond what is held: start after it
    assert memory.floor == memory.newest == 9 and len(memory) == 0


def test_merge_fills_a_gap_and_skips_what_is_held():
    memory = primed()
    memory.add(held(1))
    tail = Tail(0, 4, [held(1), held(2, "m-a"), held(3), held(4)], 0, "epoch-1")
    assert memory.merge(tail) is False
    assert memory.newest == 4 and [e.seq for e in memory.page(0, 10, "default")] == [1, 3, 4]


def test_merge_of_a_tail_that_starts_ahead_skips_forward():
    memory = primed()
    memory.add(held(1))
    assert memory.merge(Tail(10, 11, [held(11)], 0, "epoch-1")) is True
    assert memory.floor == 10 and memory.newest == 11 and not memory.covers(5)


def test_merge_from_another_database_starts_again():
    memory = primed()
    memory.add(held(1))
    assert memory.merge(Tail(0, 3, [held(1), held(2), held(3)], 0, "epoch-2")) is True
    assert (memory.epoch, memory.floor, memory.newest, len(memory)) == ("epoch-2", 3, 3, 0)


# -- the store reads ----------------------------------------------------------------------------


def test_read_tail_and_state_see_every_merchant(store: RelayStore):
    store.insert_events([new_event(m) for m in ["default", "m-a", "default"]])
    tail = read_tail(store, 0, 100)
    assert [(e.seq, e.merchant) for e in tail.events] == [
        (1, "default"),
        (2, "m-a"),
        (3, "default"),
    ]
    assert (tail.start, tail.last_seq, tail.horizon_seq) == (0, 3, 0)
    assert read_tail(store, 0, 2).start == 1  # only the newest `cap`
    row = read_state(store)
    assert (row.last_seq, row.horizon_seq, row.epoch) == (3, 0, tail.epoch)
    before = row.config_version
    store.create_token("caja-9")
    assert read_state(store).config_version > before


# -- Hypothesis: memory answers what the database answers ---------------------------------------

STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("own"), st.lists(st.sampled_from(MERCHANTS), min_size=1, max_size=4)),
        st.tuples(st.just("other"), st.lists(st.sampled_from(MERCHANTS), min_size=1, max_size=3)),
        st.tuples(st.just("duplicate"), st.integers(0, 50)),
        st.tuples(st.just("refill"), st.just(None)),
        st.tuples(
            st.just("poll"),
            st.tuples(st.integers(-3, 3), st.integers(1, 4), st.sampled_from(MERCHANTS)),
        ),
    ),
    max_size=25,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=STEPS, max_events=st.integers(1, 8))
def test_memory_answers_equal_the_databases(store: RelayStore, steps: list[Any], max_events: int):
    # Each example starts where the last one left the shared database: as after a restart.
    other = RelayStore(store.url, migrate=False)  # another instance, not heard of by memory
    memory = MemoryFeed(max_events, 1 << 20)
    start = read_state(store)
    memory.prime(start.last_seq, start.horizon_seq, start.epoch)
    sent: list[NewEvent] = []
    try:
        for kind, arg in steps:
            if kind == "own":
                batch = [new_event(m) for m in arg]
                _commit_own(store, memory, batch)
                sent += batch
            elif kind == "other":
                batch = [new_event(m) for m in arg]
                other.insert_events(batch)
                sent += batch
            elif kind == "duplicate" and sent:
                _commit_own(store, memory, [sent[arg % len(sent)]])
            elif kind == "refill":
                memory.merge(read_tail(store, memory.newest, memory.max_events))
            elif kind == "poll":
                offset, limit, merchant = arg
                _check_poll(store, memory, max(0, start.last_seq + offset), limit, merchant)
        memory.merge(read_tail(store, memory.newest, memory.max_events))
        for after in range(start.last_seq - 1, memory.newest + 2):
            for merchant in MERCHANTS:
                _check_poll(store, memory, max(0, after), 3, merchant)
    finally:
        other.dispose()


def _commit_own(store: RelayStore, memory: MemoryFeed, batch: list[NewEvent]) -> None:
    """As GroupWriter's on_committed feeds the app: new events, in commit order; a gap means
    another instance committed in between, and the app refills at once."""
    results = store.insert_events(batch)
    for new, result in zip(batch, results, strict=True):
        if result.duplicate:
            continue
        event = HeldEvent(result.seq, result.received_at_us, new.merchant, new.raw)
        if not memory.add(event):
            memory.merge(read_tail(store, memory.newest, memory.max_events))


def _check_poll(
    store: RelayStore, memory: MemoryFeed, after: int, limit: int, merchant: str
) -> None:
    if not memory.covers(after):
        return  # the store answers this one
    page = store.events_after(after, limit, merchant)
    db_last = read_state(store).last_seq
    got = memory.page(after, limit, merchant)
    if memory.newest >= db_last:  # caught up: the answer must be the database's
        assert [(e.seq, e.received_at_us, e.raw) for e in got] == [
            (e.seq, e.received_at_us, e.raw) for e in page.events
        ]
        assert page.epoch == memory.epoch and after >= page.horizon_seq
    else:  # behind (an unheard-of commit): what it answers is a prefix of the truth
        truth = [(e.seq, e.raw) for e in page.events]
        assert [(e.seq, e.raw) for e in got] == truth[: len(got)]


# -- Waiters ----------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_a_merchants_events_wake_only_its_waiters():
    waiters = Waiters()
    a = asyncio.create_task(waiters.wait("m-a", waiters.generation("m-a"), 5))
    b = asyncio.create_task(waiters.wait("m-b", waiters.generation("m-b"), 0.3))
    await asyncio.sleep(0.05)
    waiters.wake("m-a")
    await asyncio.wait_for(a, 1)
    assert not b.done()
    await asyncio.wait_for(b, 2)  # times out by itself, untouched by m-a's wake


@pytest.mark.anyio
async def test_a_wake_between_read_and_wait_is_not_missed():
    waiters = Waiters()
    seen = waiters.generation("m-a")
    waiters.wake("m-a")
    await asyncio.wait_for(waiters.wait("m-a", seen, 5), 0.5)
    seen = waiters.generation("m-a")
    waiters.wake_all()
    await asyncio.wait_for(waiters.wait("m-a", seen, 5), 0.5)


@pytest.mark.anyio
async def test_a_timed_out_waiter_leaves_the_shared_future_to_the_others():
    waiters = Waiters()
    long = asyncio.create_task(waiters.wait("m-a", waiters.generation("m-a"), 5))
    await waiters.wait("m-a", waiters.generation("m-a"), 0.05)  # times out
    assert not long.done()
    waiters.wake("m-a")
    await asyncio.wait_for(long, 1)


# -- LiveFeed -------------------------------------------------------------------------------------


class _Reads:
    """The relay's reader pool, counted."""

    def __init__(self) -> None:
        self.calls = 0

    async def __call__(self, fn: Any, *args: Any) -> Any:
        self.calls += 1
        return await asyncio.to_thread(fn, *args)


def _own(store: RelayStore, live: LiveFeed, merchants: list[str]) -> None:
    batch = [new_event(m) for m in merchants]
    results = store.insert_events(batch)
    live.committed(
        HeldEvent(r.seq, r.received_at_us, n.merchant, n.raw)
        for n, r in zip(batch, results, strict=True)
        if not r.duplicate
    )


@pytest.mark.anyio
async def test_other_instances_events_are_refilled_once_for_every_waiting_poll(store: RelayStore):
    reads = _Reads()
    live = LiveFeed(store, reads, max_events=100, max_bytes=1 << 20)
    live.prime(read_state(store))
    polls = [
        asyncio.create_task(live.waiters.wait("m-a", live.waiters.generation("m-a"), 5))
        for _ in range(50)
    ]
    other = RelayStore(store.url, migrate=False)
    try:
        other.insert_events([new_event("m-a"), new_event("m-b")])
    finally:
        other.dispose()
    live.behind(2)  # the NOTIFY
    live.behind(2)  # a second one (or the state check) while the read is under way
    await asyncio.wait_for(asyncio.gather(*polls), 5)
    assert reads.calls == 1 and live.refills == 1
    assert [e.seq for e in live.answer(0, 10, "m-a", 0) or []] == [1]


@pytest.mark.anyio
async def test_an_own_commit_after_anothers_fills_the_gap(store: RelayStore):
    live = LiveFeed(store, _Reads(), max_events=100, max_bytes=1 << 20)
    live.prime(read_state(store))
    _own(store, live, ["default"])
    other = RelayStore(store.url, migrate=False)
    try:
        other.insert_events([new_event("default")])
    finally:
        other.dispose()
    _own(store, live, ["default"])  # seq 3 after an unknown 2: a refill
    for _ in range(100):
        if live.memory.newest == 3:
            break
        await asyncio.sleep(0.01)
    assert [e.seq for e in live.answer(0, 10, "default", 0) or []] == [1, 2, 3]


@pytest.mark.anyio
async def test_the_state_check_notices_commits_and_prunes_it_was_not_told_of(store: RelayStore):
    live = LiveFeed(store, _Reads(), max_events=100, max_bytes=1 << 20)
    live.prime(read_state(store))
    store.insert_events([new_event("default"), new_event("default")])  # out of band
    live.observe(read_state(store))
    for _ in range(100):
        if live.memory.newest == 2:
            break
        await asyncio.sleep(0.01)
    assert [e.seq for e in live.answer(0, 10, "default", 0) or []] == [1, 2]
    live.observe(StateRow(2, 1, live.memory.epoch, 0))  # a prune elsewhere: horizon 1
    assert live.answer(0, 10, "default", 0) is None  # 410 is the store's to say
    assert [e.seq for e in live.answer(1, 10, "default", 0) or []] == [2]


@pytest.mark.anyio
async def test_a_busy_writer_gets_a_moment_before_a_notify_costs_a_read(store: RelayStore):
    reads = _Reads()
    busy = {"now": True}
    live = LiveFeed(store, reads, max_events=100, max_bytes=1 << 20, busy=lambda: busy["now"])
    live.prime(read_state(store))
    batch = [new_event("default")]
    result = store.insert_events(batch)[0]
    live.behind(result.seq)  # our own commit's NOTIFY overtook its on_committed
    live.committed([HeldEvent(result.seq, result.received_at_us, "default", batch[0].raw)])
    await asyncio.sleep(0.05)
    assert reads.calls == 0 and live.memory.newest == 1


@pytest.mark.anyio
async def test_commits_reported_before_the_prime_are_fetched_right_after_it(store: RelayStore):
    live = LiveFeed(store, _Reads(), max_events=100, max_bytes=1 << 20)
    state_read = read_state(store)  # the prime's state read...
    _own(store, live, ["default"])  # ...and a commit landing before the prime: not held
    live.prime(state_read)
    for _ in range(100):
        if live.memory.newest == 1:
            break
        await asyncio.sleep(0.01)
    assert [e.seq for e in live.answer(0, 10, "default", 0) or []] == [1]
