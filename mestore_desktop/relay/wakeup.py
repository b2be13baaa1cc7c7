"""Long-poll wake-ups: an in-process signal, and PostgreSQL LISTEN/NOTIFY between instances.

A waiter remembers the generation it saw *before* reading the store and then waits for a newer
one, so an insert landing between its read and its wait is never missed. Waiting holds no
database connection. When no wake-up source can be trusted (the LISTEN connection is down),
waits are cut into short slices and the waiter re-reads the store after each.

The LISTEN channel carries two kinds of payloads (see the issue-12 contract in the store):
a seq after each committed batch of events, and `config` after a token or merchant change.
`PgListener` reports them separately (`on_events(last_seq)`, `on_config()`), and
`on_connected()` after each (re)connect, when notifications may have been missed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

log = logging.getLogger(__name__)

RECONNECT_MIN_S = 0.5
RECONNECT_MAX_S = 10.0
# Even a trusted source gets a re-read now and then: a lost NOTIFY must not stall a terminal.
# (Polls answered from the in-memory feed re-read memory; there the app's periodic state
# check, every `config_check_s`, is what notices commits a lost NOTIFY did not announce.)
SAFETY_RECHECK_S = 5.0
CONFIG_PAYLOAD = "config"
_MAX_SEQ_DIGITS = 19  # a BigInteger


def _ignore(*_: object) -> None:
    return None


def seq_payload(payload: str) -> int | None:
    """The seq a notification names, or None when it names none (config, or unknown)."""
    if payload.isascii() and payload.isdigit() and len(payload) <= _MAX_SEQ_DIGITS:
        return int(payload)
    return None


class Wakeup:
    """A generation counter that waiters can await; `bump()` wakes them all."""

    def __init__(self, fallback_poll_s: float) -> None:
        self.generation = 0
        self.trusted = True
        self._fallback_poll_s = fallback_poll_s
        self._changed: asyncio.Event | None = None

    def bump(self) -> None:
        self.generation += 1
        changed, self._changed = self._changed, None
        if changed is not None:
            changed.set()

    def slice_s(self, remaining: float) -> float:
        """How long one wait may last before the waiter re-reads the store."""
        cap = SAFETY_RECHECK_S if self.trusted else self._fallback_poll_s
        return max(0.0, min(remaining, cap))

    async def wait(self, seen: int, timeout: float) -> None:
        """Return when the generation moves past `seen`, or after `timeout` seconds."""
        if self.generation != seen or timeout <= 0:
            return
        if self._changed is None:
            self._changed = asyncio.Event()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._changed.wait(), timeout)


class PgListener:
    """Keeps a psycopg async connection LISTENing; wakes `wakeup` on events.

    Hooks run on the event loop, before the wake-up, so a waiter woken by a notification sees
    whatever the hook recorded (e.g. an in-memory feed learning that it is behind). They must
    not block: schedule database work, do not do it here.
      on_events(last_seq)  a batch of events up to `last_seq` was committed (by any instance)
      on_config()          tokens or merchants changed: caches are stale
      on_connected()       (re)connected: notifications may have been missed, refill/recheck
    """

    def __init__(
        self,
        conninfo: str,
        channel: str,
        wakeup: Wakeup,
        *,
        on_events: Callable[[int], None] = _ignore,
        on_config: Callable[[], None] = _ignore,
        on_connected: Callable[[], None] = _ignore,
    ) -> None:
        self._conninfo = conninfo
        self._channel = channel
        self._wakeup = wakeup
        self._on_events = on_events
        self._on_config = on_config
        self._on_connected = on_connected
        self._task: asyncio.Task[None] | None = None
        self.connected = asyncio.Event()

    def start(self) -> None:
        self._wakeup.trusted = False
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def dispatch(self, payload: str) -> None:
        """Route one notification's payload to its hook, then wake waiters if it may be events."""
        if payload == CONFIG_PAYLOAD:
            # No event came with it: waking every long-poll would only cost each a re-read.
            self._call(self._on_config)
            return
        seq = seq_payload(payload)
        if seq is not None:
            self._call(self._on_events, seq)
        # An unknown payload (a newer instance?) still wakes: a re-read is harmless, a miss not.
        self._wakeup.bump()

    def _call(self, hook: Callable[..., None], *args: int) -> None:
        try:
            hook(*args)
        except Exception as exc:  # a faulty hook must not take the wake-ups down with it
            log.error("LISTEN hook failed", extra={"error": type(exc).__name__})

    async def _run(self) -> None:
        delay = RECONNECT_MIN_S
        while True:
            try:
                await self._listen()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # any failure: reconnect, never let the listener die
                log.warning("LISTEN connection lost", extra={"error": type(exc).__name__})
            if self.connected.is_set():
                delay = RECONNECT_MIN_S  # it worked until now: retry soon, not after old backoff
            self._wakeup.trusted = False
            self.connected.clear()
            await asyncio.sleep(delay)
            delay = min(delay * 2, RECONNECT_MAX_S)

    async def _listen(self) -> None:
        import psycopg  # only PostgreSQL deployments need the driver

        async with await psycopg.AsyncConnection.connect(
            self._conninfo, autocommit=True, connect_timeout=5
        ) as conn:
            await conn.execute(f'LISTEN "{self._channel}"')
            self._wakeup.trusted = True
            self.connected.set()
            # Anything committed while we were not listening: let caches and waiters re-read.
            self._call(self._on_connected)
            self._wakeup.bump()
            async for notify in conn.notifies():
                self.dispatch(notify.payload)
