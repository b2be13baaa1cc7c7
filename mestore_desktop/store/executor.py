"""`DbExecutor`: database work off the Qt thread, on one dedicated worker thread.

SQLite calls block (a commit waits for fsync; a write may wait up to the busy timeout), so the
event loop hands each call to a single-thread executor, as Anki does with its collection. One
thread keeps the app's own SQLite access serialised; each call gets its own session and
transaction inside that thread, and only what `fn` returns (domain objects, never rows or
sessions) crosses back to the loop.

Cancelling the awaiting task does not stop a call that has started: a write that already began
runs to its commit or rollback, and its result is discarded.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from sqlalchemy.orm import Session

from mestore_desktop.store.db import Database

T = TypeVar("T")


class DbExecutor:
    """Runs `Database.read`/`Database.write` calls on one worker thread for async callers."""

    def __init__(self, database: Database) -> None:
        self._database = database
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mestore-db")

    def read(self, fn: Callable[[Session], T]) -> asyncio.Future[T]:
        """Run `fn` in a read-only transaction on the database thread; await the answer.

        Submitted at once, not when a task first awaits it: a page read starts while the
        GUI thread is still laying out the window that will show it."""
        loop = asyncio.get_running_loop()
        return loop.run_in_executor(self._pool, self._database.read, fn)

    async def write(self, fn: Callable[[Session], T]) -> T:
        """Run `fn` in one BEGIN IMMEDIATE transaction on the database thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, self._database.write, fn)

    def shutdown(self, *, wait: bool = True) -> None:
        """Refuse new calls; with `wait`, let queued ones finish (they may be commits)."""
        self._pool.shutdown(wait=wait)
