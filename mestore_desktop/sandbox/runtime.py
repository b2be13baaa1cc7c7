"""Background work of a sandbox on one asyncio loop, callable from any thread.

Under uvicorn the loop is bound in the app's lifespan; under httpx.ASGITransport (no lifespan)
it is bound by the first request, or by the first call that schedules work from inside a running
loop. Work scheduled before any loop exists waits and starts when one is bound. Coroutines are
created only when they are started, so nothing is ever left un-awaited.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Coroutine
from typing import Any

log = logging.getLogger(__name__)

CoroutineFactory = Callable[[], Coroutine[Any, Any, None]]


class LoopRunner:
    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: int | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._deferred: list[CoroutineFactory] = []
        self._lock = threading.Lock()

    @property
    def bound(self) -> bool:
        return self._loop is not None and not self._loop.is_closed()

    def bind(self) -> None:
        """Adopt the running loop (idempotent) and start anything deferred."""
        loop = asyncio.get_running_loop()
        with self._lock:
            if self._loop is loop:
                return
            self._loop, self._thread = loop, threading.get_ident()
            deferred, self._deferred = self._deferred, []
        for factory in deferred:
            self._start(factory)

    def spawn(self, factory: CoroutineFactory) -> None:
        """Run `factory()` as a task on the bound loop, whichever thread calls."""
        if not self.bound and _running_loop() is not None:
            self.bind()
        with self._lock:
            loop = self._loop
            if loop is None or loop.is_closed():
                self._deferred.append(factory)
                return
        self.call_soon(lambda: self._start(factory))

    def call_soon(self, callback: Callable[[], None]) -> None:
        """Run a plain callback on the loop thread (now if already there)."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        if threading.get_ident() == self._thread and _running_loop() is loop:
            callback()
            return
        try:
            loop.call_soon_threadsafe(callback)
        except RuntimeError:  # the loop closed between the check and the call: nothing to run
            log.debug("sandbox loop closed; dropped a callback")

    async def aclose(self) -> None:
        """Cancel every background task and wait for them to finish."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        with self._lock:
            self._deferred.clear()
            self._loop = None

    def _start(self, factory: CoroutineFactory) -> None:
        loop = self._loop
        if loop is None:  # closed meanwhile: the work belongs to a sandbox that stopped
            return
        task = loop.create_task(factory())
        self._tasks.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("sandbox background task failed", exc_info=task.exception())


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
