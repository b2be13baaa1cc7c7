"""Long-poll wake-ups: an in-process signal, and PostgreSQL LISTEN/NOTIFY between instances.

A waiter remembers the generation it saw *before* reading the store and then waits for a newer
one, so an insert landing between its read and its wait is never missed. Waiting holds no
database connection. When no wake-up source can be trusted (the LISTEN connection is down),
waits are cut into short slices and the waiter re-reads the store after each.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

log = logging.getLogger(__name__)

RECONNECT_MIN_S = 0.5
RECONNECT_MAX_S = 10.0
# Even a trusted source gets a re-read now and then: a lost NOTIFY must not stall a terminal.
SAFETY_RECHECK_S = 5.0


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
    """Keeps a psycopg async connection LISTENing and bumps `wakeup` on each notification."""

    def __init__(self, conninfo: str, channel: str, wakeup: Wakeup) -> None:
        self._conninfo = conninfo
        self._channel = channel
        self._wakeup = wakeup
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

    async def _run(self) -> None:
        delay = RECONNECT_MIN_S
        while True:
            try:
                await self._listen()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # any failure: reconnect, never let the listener die
                log.warning("LISTEN connection lost", extra={"error": type(exc).__name__})
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
            # Anything committed while we were not listening: let waiters re-read.
            self._wakeup.bump()
            async for _ in conn.notifies():
                self._wakeup.bump()
