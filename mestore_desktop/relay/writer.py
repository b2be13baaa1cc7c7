"""Group commit: one writer thread stores every event waiting in one transaction, one fsync.

Issue 12 measured one transaction and one fsync per event (63 % of the writer inside COMMIT).
Here requests queue their event on the event loop; a pump task hands everything waiting (up to
`max_batch`) to `RelayStore.insert_events` on a dedicated thread, and each request's future is
resolved on the loop only after the commit that holds its event: a 200 still means durable.

When idle, the first event is committed at once (latency matters, no timer). Under load, the
events that arrived during one commit make the next batch; the pump may hold a batch open a
little longer, but only until its oldest event has waited `max_wait_s`. One writer per
process; on PostgreSQL the `relay_state` row lock orders the instances (see schema).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from mestore_desktop.relay.store import (
    InsertResult,
    NewEvent,
    RelayStore,
    StorageUnavailableError,
)

log = logging.getLogger(__name__)

Committed = list[tuple[NewEvent, InsertResult, int]]


@dataclass(frozen=True)
class _Pending:
    event: NewEvent
    future: asyncio.Future[InsertResult]
    queued_at: float  # time.monotonic()


class GroupWriter:
    """Commits submitted events in batches; see the module docstring."""

    def __init__(
        self,
        store: RelayStore,
        *,
        max_batch: int = 256,
        max_wait_s: float = 0.002,
        on_committed: Callable[[Committed], None] | None = None,
    ) -> None:
        self.store = store
        self.max_batch = max(1, max_batch)
        self.max_wait_s = max(0.0, max_wait_s)
        self._on_committed = on_committed
        self._queue: list[_Pending] = []  # touched on the event loop only
        self._in_flight: list[_Pending] = []
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="relay-group-write")
        # Binds to a loop on first use (Python ≥ 3.10), so it can be made here.
        self._arrived = asyncio.Event()
        self._pump_task: asyncio.Task[None] | None = None
        self._closing = False

    async def start(self) -> None:
        """Bind the pump to the running loop (idempotent; `submit` starts it too)."""
        if self._pump_task is None:
            self._pump_task = asyncio.get_running_loop().create_task(self._pump())

    async def aclose(self) -> None:
        """Stop taking events; those already waiting are committed (and answered) first."""
        self._closing = True
        if self._pump_task is not None:
            self._arrived.set()
            await self._pump_task
        await asyncio.to_thread(self._thread.shutdown)

    async def submit(self, new: NewEvent) -> InsertResult:
        """Returns after the commit that holds `new`; StorageUnavailableError if it failed
        (or the writer is closing), so nothing is acknowledged that is not committed."""
        if self._closing:
            raise StorageUnavailableError("the writer is closing")
        await self.start()
        future: asyncio.Future[InsertResult] = asyncio.get_running_loop().create_future()
        self._queue.append(_Pending(new, future, time.monotonic()))
        self._arrived.set()
        # A client that hangs up cancels only its future: the event is committed anyway
        # (the sender's retry then finds it as a duplicate).
        return await future

    def oldest_wait_s(self) -> float:
        """How long the oldest not-yet-committed event has waited (0.0 if none): the
        backpressure signal (the app answers 503 above its threshold)."""
        oldest = self._in_flight or self._queue
        return max(0.0, time.monotonic() - oldest[0].queued_at) if oldest else 0.0

    @property
    def depth(self) -> int:
        """Events waiting or in the commit under way."""
        return len(self._queue) + len(self._in_flight)

    # -- the pump (event loop) ----------------------------------------------------------------

    async def _pump(self) -> None:
        try:
            await self._pump_batches()
        finally:
            # Only if the pump itself is cancelled (the loop going away): nobody waits forever.
            _fail([*self._in_flight, *self._queue], StorageUnavailableError("writer stopped"))
            self._queue.clear()

    async def _pump_batches(self) -> None:
        loaded = False
        while True:
            if not self._queue:
                if self._closing:
                    return
                self._arrived.clear()
                await self._arrived.wait()
                loaded = False  # idle: the first event goes at once
                continue
            if loaded:
                await self._linger()
            batch = self._queue[: self.max_batch]
            del self._queue[: len(batch)]
            self._in_flight = batch
            try:
                await self._commit(batch)
            finally:
                self._in_flight = []
            loaded = bool(self._queue)  # events arrived during that commit: we are busy

    async def _linger(self) -> None:
        # Under load only: a fuller batch saves commits, but no event waits past max_wait_s.
        if len(self._queue) >= self.max_batch or self._closing:
            return
        left = self._queue[0].queued_at + self.max_wait_s - time.monotonic()
        if left > 0:
            await asyncio.sleep(left)

    async def _commit(self, batch: list[_Pending]) -> None:
        events = [p.event for p in batch]
        loop = asyncio.get_running_loop()
        try:
            results = await loop.run_in_executor(self._thread, self.store.insert_events, events)
        except Exception as exc:  # every failure fails the whole batch, nothing half-answered
            _fail(batch, exc)
            return
        self._report(batch, results)
        for pending, result in zip(batch, results, strict=True):
            if not pending.future.done():
                pending.future.set_result(result)

    def _report(self, batch: list[_Pending], results: list[InsertResult]) -> None:
        # Before the futures resolve: a terminal polling right after its 200 finds the event
        # in whatever on_committed feeds (the app's in-memory feed).
        if self._on_committed is None:
            return
        committed = [
            (p.event, r, r.received_at_us)
            for p, r in zip(batch, results, strict=True)
            if not r.duplicate
        ]
        if not committed:
            return
        try:
            self._on_committed(committed)
        except Exception:  # the events are durable; a listener's bug must not fail them
            log.exception("on_committed failed")


def _fail(batch: list[_Pending], exc: Exception) -> None:
    if not isinstance(exc, StorageUnavailableError):
        # The store logs its own failures; anything else is a bug worth a line.
        log.error("group commit failed", extra={"error": type(exc).__name__})
    for pending in batch:
        if not pending.future.done():
            # One instance per request: a shared one would gather every raiser's traceback.
            error = StorageUnavailableError(str(exc) or type(exc).__name__)
            error.__cause__ = exc
            pending.future.set_exception(error)
