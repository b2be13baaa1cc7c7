"""`transaction.updated` events: building, signing, delivering, retrying (docs/wompi.md §4, §12.8).

Each event is POSTed to the events URL with its checksum in the body and in `X-Event-Checksum`.
Only HTTP 200 counts as delivered; otherwise it is retried 30 min, 3 h and 24 h after the first
attempt (Wompi does not say whether offsets count from the first attempt or the previous retry;
most readings say the first), each offset multiplied by the configured time factor. `timestamp`
and `sent_at` are fixed once, so every retry and duplicate carries byte-identical content.

Test controls change what happens to the *next* events: drop, duplicate, delay, reorder.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
import threading
from dataclasses import dataclass, field
from typing import Any

import httpx

from mestore_desktop.sandbox.clock import now_iso
from mestore_desktop.sandbox.runtime import LoopRunner
from mestore_desktop.wompi.signatures import event_checksum

TRANSACTION_PROPERTIES = ["transaction.id", "transaction.status", "transaction.amount_in_cents"]
RETRY_OFFSETS_S = (30 * 60, 3 * 3600, 24 * 3600)
DELIVERY_TIMEOUT_S = 10.0


def build_event(transaction: dict[str, Any], timestamp: int, events_secret: str) -> dict[str, Any]:
    """The event body, keys in the order of examples/event-transaction-updated.json."""
    event: dict[str, Any] = {
        "event": "transaction.updated",
        "data": {"transaction": transaction},
        "environment": "test",
        "signature": {"properties": list(TRANSACTION_PROPERTIES), "checksum": ""},
        "timestamp": timestamp,
        "sent_at": None,  # fixed at the first delivery attempt
    }
    event["signature"]["checksum"] = event_checksum(event, events_secret)
    return event


@dataclass
class _Outgoing:
    body: dict[str, Any]
    target: str
    copies: int = 1
    delay_s: float = 0.0


@dataclass
class _Controls:
    drop: int = 0
    duplicate: int = 0
    delay: list[float] = field(default_factory=list)
    reorder: int = 0
    held: list[_Outgoing] = field(default_factory=list)


class EventDispatcher:
    def __init__(
        self,
        runner: LoopRunner,
        *,
        events_secret: str,
        retry_time_factor: float,
        url: str | None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.url = url
        self._runner = runner
        self._secret = events_secret
        self._factor = retry_time_factor
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._lock = threading.Lock()
        self._controls = _Controls()
        self._published: list[dict[str, Any]] = []
        self._dropped: list[dict[str, Any]] = []
        self._sent: list[dict[str, Any]] = []
        self._wake: asyncio.Event | None = None

    # -- publishing --------------------------------------------------------------------------

    def publish(self, transaction: dict[str, Any], timestamp: int) -> dict[str, Any]:
        """Sign and queue an event for `transaction` (the event view); returns the body."""
        body = build_event(transaction, timestamp, self._secret)
        with self._lock:
            self._published.append(body)
            if self.url is None:
                return body
            release = self._apply_controls(_Outgoing(body, self.url))
        for outgoing in release:
            self._schedule(outgoing)
        return body

    def _apply_controls(self, outgoing: _Outgoing) -> list[_Outgoing]:
        c = self._controls
        if c.drop:
            c.drop -= 1
            self._dropped.append(outgoing.body)
            return []
        if c.duplicate:
            c.duplicate -= 1
            outgoing.copies = 2
        if c.delay:
            outgoing.delay_s = c.delay.pop(0)
        if not c.reorder:
            return [outgoing]
        c.held.append(outgoing)
        if len(c.held) < c.reorder:
            return []
        # Enough held: release them newest first, so the receiver sees them out of order.
        released, c.held, c.reorder = list(reversed(c.held)), [], 0
        return released

    def _schedule(self, outgoing: _Outgoing) -> None:
        for _ in range(outgoing.copies):
            self._runner.spawn(lambda o=outgoing: self._deliver(o))

    # -- controls -----------------------------------------------------------------------------

    def drop_next(self, n: int = 1) -> None:
        with self._lock:
            self._controls.drop += n

    def duplicate_next(self, n: int = 1) -> None:
        with self._lock:
            self._controls.duplicate += n

    def delay_next(self, seconds: float, n: int = 1) -> None:
        with self._lock:
            self._controls.delay += [seconds] * n

    def reorder_next(self, n: int = 2) -> None:
        """Hold the next `n` events and send them in reverse order once all `n` exist."""
        with self._lock:
            self._controls.reorder = n

    def flush_held(self) -> None:
        """Release events a reorder control is still holding (newest first)."""
        with self._lock:
            released = list(reversed(self._controls.held))
            self._controls.held, self._controls.reorder = [], 0
        for outgoing in released:
            self._schedule(outgoing)

    def deliver_due_retries_now(self) -> None:
        """Every event waiting for a retry is attempted now instead of at its due time."""
        self._runner.call_soon(self._wake_waiters)

    # -- inspection ---------------------------------------------------------------------------

    def sent(self) -> list[dict[str, Any]]:
        with self._lock:
            return copy.deepcopy(self._sent)

    def published(self) -> list[dict[str, Any]]:
        with self._lock:
            return copy.deepcopy(self._published)

    def dropped(self) -> list[dict[str, Any]]:
        with self._lock:
            return copy.deepcopy(self._dropped)

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    # -- delivery -----------------------------------------------------------------------------

    async def _deliver(self, outgoing: _Outgoing) -> None:
        if outgoing.delay_s > 0:
            await asyncio.sleep(outgoing.delay_s)
        loop = asyncio.get_running_loop()
        first = loop.time()
        with self._lock:
            if outgoing.body["sent_at"] is None:
                outgoing.body["sent_at"] = now_iso()
        offsets = (0.0, *(o * self._factor for o in RETRY_OFFSETS_S))
        for attempt, offset in enumerate(offsets, start=1):
            if offset:
                await self._wait_until(first + offset)
            if await self._attempt(outgoing, attempt):
                return

    async def _attempt(self, outgoing: _Outgoing, attempt: int) -> bool:
        content = json.dumps(outgoing.body, ensure_ascii=False).encode("utf-8")
        headers = {
            "Content-Type": "application/json",
            "X-Event-Checksum": outgoing.body["signature"]["checksum"],
        }
        status: int | None
        # When it was sent (what Wompi's retry schedule counts from), not when it was answered:
        # a slow receiver must not make two attempts look closer together than they were.
        sent_at = now_iso()
        try:
            response = await self._http().post(outgoing.target, content=content, headers=headers)
            status = response.status_code
        except httpx.HTTPError:
            status = None  # unreachable or timed out: a failed notification like any non-200
        self._record(outgoing, attempt, headers, status, sent_at)
        return status == 200

    def _record(
        self,
        outgoing: _Outgoing,
        attempt: int,
        headers: dict[str, str],
        status: int | None,
        sent_at: str,
    ) -> None:
        with self._lock:
            self._sent.append(
                {
                    "body": copy.deepcopy(outgoing.body),
                    "headers": dict(headers),
                    "target": outgoing.target,
                    "attempt": attempt,
                    "status_code": status,
                    "at": sent_at,
                }
            )

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(
                transport=self._transport, timeout=DELIVERY_TIMEOUT_S, follow_redirects=False
            )
        return self._client

    async def _wait_until(self, due: float) -> None:
        remaining = due - asyncio.get_running_loop().time()
        if remaining <= 0:
            return
        if self._wake is None:
            self._wake = asyncio.Event()
        with contextlib.suppress(TimeoutError):  # due, or woken by deliver_due_retries_now
            await asyncio.wait_for(self._wake.wait(), remaining)

    def _wake_waiters(self) -> None:
        # Waiters hold the old Event, which stays set; later waiters get a fresh one.
        wake, self._wake = self._wake, None
        if wake is not None:
            wake.set()
