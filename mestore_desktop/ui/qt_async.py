"""Run async work from widgets: the asyncio cousin of Anki's ``QueryOp``.

Everything runs on the GUI thread inside the qasync loop, so callbacks may touch widgets directly.
:func:`run_op` takes care of the chores every caller would otherwise repeat: keep the task alive,
show that something is happening, stop when the screen that asked goes away, and route failures
to the caller or to the central error dialog.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from mestore_desktop.ui.errors import present_error

log = logging.getLogger(__name__)

T = TypeVar("T")

# The event loop keeps only weak references to tasks; without this set a task could be
# garbage-collected mid-flight (see the asyncio.create_task docs).
_running: set[asyncio.Task[object]] = set()
_BUSY_COUNT = "_mestore_busy_count"


def run_op(
    parent: QWidget,
    op: Callable[[], Awaitable[T]],
    *,
    on_success: Callable[[T], None],
    on_error: Callable[[Exception], None] | None = None,
    busy: QWidget | None = None,
) -> asyncio.Task[T]:
    """Start ``op()`` as a task on the running loop and return it.

    While it runs, *busy* is disabled and the cursor shows work in progress. When *parent* is
    destroyed the task is cancelled and no callback runs. A result goes to *on_success*; an
    exception goes to *on_error* if given, otherwise to :func:`present_error`.
    """

    async def runner() -> T:
        return await op()  # inside the task, so even a synchronous raise in op() is routed

    task: asyncio.Task[T] = asyncio.ensure_future(runner())
    _running.add(task)  # type: ignore[arg-type]
    _acquire_busy(busy)

    def on_parent_destroyed(*_args: object) -> None:
        # At exit the window can outlive its closed loop (whose timer may be gone already):
        # a task there never runs again, and cancelling it would schedule on a dead loop.
        if not task.get_loop().is_closed():
            task.cancel()

    watching = parent.destroyed.connect(on_parent_destroyed)

    def on_done(finished: asyncio.Task[T]) -> None:
        _running.discard(finished)  # type: ignore[arg-type]
        _release_busy(busy)
        if not shiboken6.isValid(parent):
            return  # the screen is gone: nobody to report to
        # QObject.disconnect(connection), not destroyed.disconnect(slot): PySide6 6.12's
        # SignalInstance.disconnect() returns True without owning it, one reference taken
        # from True per call, until Python dies with "bool_dealloc" (test_qt_async).
        QObject.disconnect(watching)
        if finished.cancelled():
            return
        _deliver(parent, finished, on_success, on_error)

    task.add_done_callback(on_done)
    return task


def _deliver(
    parent: QWidget,
    finished: asyncio.Task[T],
    on_success: Callable[[T], None],
    on_error: Callable[[Exception], None] | None,
) -> None:
    exc = finished.exception()
    try:
        if exc is None:
            on_success(finished.result())
        elif on_error is not None and isinstance(exc, Exception):
            on_error(exc)
        else:
            present_error(parent, exc)
    except Exception as callback_exc:  # a failing callback must not vanish into the loop's log
        present_error(parent, callback_exc)


def _acquire_busy(busy: QWidget | None) -> None:
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    if busy is None:
        return
    # A counter, so two overlapping ops on one button re-enable it only after both finish.
    count = int(busy.property(_BUSY_COUNT) or 0)
    busy.setProperty(_BUSY_COUNT, count + 1)
    busy.setEnabled(False)


def _release_busy(busy: QWidget | None) -> None:
    QApplication.restoreOverrideCursor()
    if busy is None or not shiboken6.isValid(busy):
        return
    count = max(int(busy.property(_BUSY_COUNT) or 1) - 1, 0)
    busy.setProperty(_BUSY_COUNT, count)
    if count == 0:
        busy.setEnabled(True)
