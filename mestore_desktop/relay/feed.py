"""Recently committed events kept in memory, so a terminal's poll costs no database read.

The database stays the truth. Memory answers a poll only when it *covers* the poll's cursor:
every committed event with seq > cursor is held. Seqs are global, contiguous and in commit
order (see schema), so what memory holds is one interval (floor, newest] of seqs, of every
merchant; a poll filters it by the token's merchant. Anything else goes to the store as before:
a cursor older than the floor (evicted, or committed before this process started), one behind
the retention horizon (410), an event older than the retention (a prune may be under way).

How the interval grows:
  * this instance's own commits, in commit order (GroupWriter's on_committed) — appended when
    contiguous with `newest`;
  * events committed by other instances (PostgreSQL): a NOTIFY names the last seq, the state
    check (every `config_check_s`) names `relay_state.last_seq`, and an own commit that is not
    contiguous shows a gap: any of them starts ONE refill read of the missing tail, shared by
    every waiting poll.
Long-polls wait on one shared future per merchant (no task, no object per poll) and wake when
their merchant's events arrive.
"""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, TypeVar

from sqlalchemy import select

from mestore_desktop.relay.schema import STATE_ID, events, state
from mestore_desktop.relay.store import RelayStore, StorageUnavailableError

log = logging.getLogger(__name__)
T = TypeVar("T")

# Held objects cost more than their body: the dataclass, the deque slots, the merchant's copy.
ENTRY_OVERHEAD_BYTES = 200
# A NOTIFY may overtake our own writer's on_committed; give it this long before reading.
OWN_COMMIT_GRACE_S = 0.005
_seq_of = attrgetter("seq")


@dataclass(frozen=True, slots=True)
class HeldEvent:
    """One committed event as the feed serves it (slots: thousands are held)."""

    seq: int
    received_at_us: int
    merchant: str
    raw: bytes


@dataclass(frozen=True)
class StateRow:
    last_seq: int
    horizon_seq: int
    epoch: str
    config_version: int


@dataclass(frozen=True)
class Tail:
    """Every committed event with seq in (start, last_seq], read in one transaction."""

    start: int
    last_seq: int
    events: list[HeldEvent]
    horizon_seq: int
    epoch: str


def read_state(store: RelayStore) -> StateRow:
    """`relay_state` in one small read (blocking: call it on a worker thread)."""
    with store.read_tx() as conn:
        row = conn.execute(
            select(
                state.c.last_seq, state.c.horizon_seq, state.c.epoch, state.c.config_version
            ).where(state.c.id == STATE_ID)
        ).one()
    return StateRow(
        int(row.last_seq), int(row.horizon_seq), str(row.epoch), int(row.config_version)
    )


def read_tail(store: RelayStore, after: int, cap: int) -> Tail:
    """Every merchant's events after `after` up to the last committed seq, at most the newest
    `cap` of them (blocking). Bounded by the state row's last_seq, read first: all seqs up to it
    are committed, so the answer is gap-free even while other instances insert."""
    with store.read_tx() as conn:
        last_seq, epoch = conn.execute(
            select(state.c.last_seq, state.c.epoch).where(state.c.id == STATE_ID)
        ).one()
        start = max(after, int(last_seq) - cap)
        rows = conn.execute(
            select(events.c.seq, events.c.received_at_us, events.c.merchant, events.c.body)
            .where(events.c.seq > start, events.c.seq <= last_seq)
            .order_by(events.c.seq)
        ).all()
        # After the rows, as events_after does: a prune in between shows as a higher horizon.
        horizon = int(
            conn.execute(select(state.c.horizon_seq).where(state.c.id == STATE_ID)).scalar_one()
        )
    start = max(start, horizon)
    held = [
        HeldEvent(r.seq, r.received_at_us, r.merchant, bytes(r.body)) for r in rows if r.seq > start
    ]
    return Tail(start, int(last_seq), held, horizon, str(epoch))


class MemoryFeed:
    """The interval (floor, newest] of committed events, bounded in count and bytes.

    Synchronous and loop-free (Hypothesis drives it directly); `floor is None` until primed.
    """

    def __init__(self, max_events: int, max_bytes: int) -> None:
        self.max_events = max_events
        self.max_bytes = max_bytes
        self.floor: int | None = None
        self.newest = 0
        self.horizon = 0
        self.epoch = ""
        self.bytes = 0
        self._order: deque[HeldEvent] = deque()
        self._by_merchant: dict[str, deque[HeldEvent]] = {}

    @property
    def enabled(self) -> bool:
        return self.max_events > 0 and self.max_bytes > 0

    @property
    def primed(self) -> bool:
        return self.floor is not None

    def __len__(self) -> int:
        return len(self._order)

    def prime(self, last_seq: int, horizon: int, epoch: str) -> None:
        """Start empty at the database's newest seq: later commits are appended."""
        if not self.enabled:
            return
        self.epoch = epoch
        self.horizon = horizon
        self._reset(last_seq)

    def unprime(self) -> None:
        """Forget everything: polls read the store until the next prime."""
        self._reset(0)
        self.floor = None

    def covers(self, after: int) -> bool:
        """True when every committed event with seq > `after` is held (so far as we know)."""
        return self.floor is not None and after >= self.floor and after >= self.horizon

    def page(self, after: int, limit: int, merchant: str) -> list[HeldEvent]:
        """Up to `limit` of `merchant`'s held events with seq > `after` (call covers() first)."""
        held = self._by_merchant.get(merchant)
        if not held or held[-1].seq <= after:
            return []  # the idle poll's case: O(1)
        first = bisect.bisect_right(held, after, key=_seq_of)
        # Indexing a deque is cheap near its ends, where the new events are.
        return [held[i] for i in range(first, min(first + limit, len(held)))]

    def add(self, event: HeldEvent) -> bool:
        """Append an event contiguous with `newest`; True if held or already known, False
        on a gap (something committed in between is unknown here: refill)."""
        if self.floor is None or event.seq <= self.newest:
            return True
        if event.seq != self.newest + 1:
            return False
        self._order.append(event)
        self._by_merchant.setdefault(event.merchant, deque()).append(event)
        self.newest = event.seq
        self.bytes += len(event.raw) + ENTRY_OVERHEAD_BYTES
        while len(self._order) > self.max_events or self.bytes > self.max_bytes:
            self._evict_oldest()
        return True

    def merge(self, tail: Tail) -> bool:
        """Take a refill read in. True when memory had to skip ahead (its floor moved past
        events no waiting poll has seen), so every waiter must look again."""
        if self.floor is None:
            return False
        if tail.epoch != self.epoch:
            # Another database behind the same URL: nothing held belongs to it.
            self.prime(tail.last_seq, tail.horizon_seq, tail.epoch)
            return True
        skipped = False
        if tail.start > self.newest:
            self._reset(tail.start)
            skipped = True
        for event in tail.events:
            if not self.add(event):  # a hole in the database's seqs: hold what follows it
                self._reset(event.seq - 1)
                self.add(event)
                skipped = True
        if tail.last_seq > self.newest:
            self._reset(tail.last_seq)  # the rest were pruned meanwhile
            skipped = True
        self.set_horizon(tail.horizon_seq)
        return skipped

    def set_horizon(self, horizon: int) -> None:
        """A prune moved the horizon: events at or below it are gone from the database."""
        if horizon <= self.horizon:
            return
        self.horizon = horizon
        while self._order and self._order[0].seq <= horizon:
            self._evict_oldest()
        if self.floor is not None and self.newest < horizon:
            self._reset(horizon)  # everything up to the horizon is gone: start after it

    def expire(self, cutoff_us: int) -> None:
        """Stop answering for events older than the retention: a prune may delete them any
        moment, and then the database answers 410 where memory would not."""
        while self._order and self._order[0].received_at_us < cutoff_us:
            self._evict_oldest()

    def _evict_oldest(self) -> None:
        event = self._order.popleft()
        own = self._by_merchant[event.merchant]
        own.popleft()  # per merchant, the oldest is this very one (same commit order)
        if not own:
            del self._by_merchant[event.merchant]
        self.bytes -= len(event.raw) + ENTRY_OVERHEAD_BYTES
        self.floor = event.seq

    def _reset(self, seq: int) -> None:
        self._order.clear()
        self._by_merchant.clear()
        self.bytes = 0
        self.floor = self.newest = seq


class Waiters:
    """Long-polls waiting for events: ONE shared future per merchant, none per poll.

    A poll remembers `generation(merchant)` before it reads and waits only if it has not moved,
    so an event landing between its read and its wait is never missed.
    """

    def __init__(self) -> None:
        self._everyone = 0
        self._generations: dict[str, int] = {}
        self._futures: dict[str, asyncio.Future[None]] = {}

    def generation(self, merchant: str) -> int:
        return self._everyone + self._generations.get(merchant, 0)

    def wake(self, merchant: str) -> None:
        self._generations[merchant] = self._generations.get(merchant, 0) + 1
        _resolve(self._futures.pop(merchant, None))

    def wake_all(self) -> None:
        self._everyone += 1
        futures, self._futures = self._futures, {}
        for future in futures.values():
            _resolve(future)

    async def wait(self, merchant: str, seen: int, timeout: float) -> None:
        """Return when `merchant`'s generation moves past `seen`, or after `timeout` s."""
        if self.generation(merchant) != seen or timeout <= 0:
            return
        future = self._futures.get(merchant)
        if future is None:
            future = self._futures[merchant] = asyncio.get_running_loop().create_future()
        # shield: a poll that times out must not cancel the future the others wait on.
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await asyncio.shield(future)


def _resolve(future: asyncio.Future[None] | None) -> None:
    if future is not None and not future.done():
        future.set_result(None)


class LiveFeed:
    """MemoryFeed + Waiters, kept filled: own commits, NOTIFYs, state checks, refills.

    Runs on the event loop; `read(fn, *args)` runs blocking store reads on the relay's reader
    threads. `busy()` says whether our own writer has a commit under way.
    """

    def __init__(
        self,
        store: RelayStore,
        read: Callable[..., Awaitable[Any]],
        *,
        max_events: int,
        max_bytes: int,
        busy: Callable[[], bool] = lambda: False,
    ) -> None:
        self.memory = MemoryFeed(max_events, max_bytes)
        self.waiters = Waiters()
        self._store = store
        self._read = read
        self._busy = busy
        self._target = 0  # the newest seq known to be committed
        self._observed = 0  # relay_state.last_seq at the previous state check
        self._refill: asyncio.Task[None] | None = None
        self.refills = 0  # counted for tests and the summary

    # -- filling ---------------------------------------------------------------------------

    def prime(self, row: StateRow) -> None:
        if not self.memory.primed:
            self.memory.prime(row.last_seq, row.horizon_seq, row.epoch)
            if self.memory.primed:  # (a disabled memory never is)
                self.waiters.wake_all()  # DB-path waiters may now be answered from memory
                # Told of commits past the state we read (a NOTIFY, our own writer) while we
                # could not hold them: fetch them now rather than at the next gap or check.
                self.behind(self._target)

    def committed(self, held: Iterable[HeldEvent]) -> None:
        """Our own writer committed these new events (in commit order)."""
        merchants: set[str] = set()
        for event in held:
            merchants.add(event.merchant)
            if not self.memory.primed:
                self._target = max(self._target, event.seq)  # for the refill after the prime
            elif not self.memory.add(event):
                self.behind(event.seq)
        for merchant in merchants:
            self.waiters.wake(merchant)

    def behind(self, last_seq: int) -> None:
        """Events up to `last_seq` are committed (a NOTIFY, the state row, a gap)."""
        self._target = max(self._target, last_seq)
        if not self.memory.primed:
            self.waiters.wake_all()  # nothing to refill: waiters read the store themselves
        elif self._target > self.memory.newest and self._refill is None:
            self._refill = asyncio.get_running_loop().create_task(self._refill_until_caught_up())

    def observe(self, row: StateRow) -> None:
        """The periodic state check: learn of a prune and of commits we were not told about."""
        if not self.memory.primed:
            self.prime(row)
            return
        if row.horizon_seq > self.memory.horizon:
            self.memory.set_horizon(row.horizon_seq)
            self.waiters.wake_all()
        # Commits we were not told of (no LISTEN, another process on the file). While our
        # writer is busy its own on_committed may explain the difference, unless the previous
        # check already saw it: then it is not ours.
        newest = self.memory.newest
        if row.last_seq > newest and (not self._busy() or self._observed > newest):
            self.behind(row.last_seq)
        self._observed = row.last_seq

    async def aclose(self) -> None:
        if self._refill is not None:
            self._refill.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._refill
            self._refill = None

    async def _refill_until_caught_up(self) -> None:
        try:
            while self.memory.primed and self._target > self.memory.newest:
                if self._busy():
                    # Probably our own commit, whose on_committed is on its way: no read.
                    await asyncio.sleep(OWN_COMMIT_GRACE_S)
                    if self._target <= self.memory.newest:
                        break
                wanted = self._target
                last_seq = await self._refill_once()
                if last_seq is not None and last_seq < wanted and self._target == wanted:
                    # The database holds less than we were told (another database behind
                    # the URL?): believe it rather than read again and again.
                    self._target = self.memory.newest
        finally:
            self._refill = None

    async def _refill_once(self) -> int | None:
        """One read of the missing tail, merged; its last seq, or None if the read failed."""
        memory = self.memory
        try:
            tail: Tail = await self._read(read_tail, self._store, memory.newest, memory.max_events)
        except StorageUnavailableError:
            # Memory can no longer vouch for what it covers: polls read the store (and get
            # their 503 there) until the state check primes it again.
            memory.unprime()
            self.waiters.wake_all()
            return None
        self.refills += 1
        before = memory.newest
        if memory.merge(tail):
            self.waiters.wake_all()
        else:
            for merchant in {e.merchant for e in tail.events if e.seq > before}:
                self.waiters.wake(merchant)
        return tail.last_seq

    # -- answering ---------------------------------------------------------------------------

    def answer(
        self, after: int, limit: int, merchant: str, cutoff_us: int
    ) -> list[HeldEvent] | None:
        """The page from memory, or None when memory does not cover `after` (read the store)."""
        memory = self.memory
        memory.expire(cutoff_us)
        if not memory.covers(after):
            return None
        return memory.page(after, limit, merchant)
