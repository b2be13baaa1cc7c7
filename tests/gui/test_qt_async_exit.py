"""run_op at the app's exit: the event loop closes first, the window (and with it a screen whose
work is still pending) is destroyed after it. Seen in `mestore-desktop --smoke-test` runs closed
right after a sale: a traceback ("Internal C++ object (_SimpleTimer) already deleted") printed
after "MeStore Desktop closed"."""

from __future__ import annotations

import asyncio

import pytest
import qasync
import shiboken6
from PySide6.QtWidgets import QWidget

from mestore_desktop.ui.qt_async import run_op

pytestmark = pytest.mark.gui


def test_a_screen_destroyed_after_the_loop_closed_leaves_its_pending_work_alone(qapp, qtbot):
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    parent = QWidget()
    results: list[object] = []

    async def waits_on_two_things() -> None:
        await asyncio.gather(asyncio.sleep(3600), asyncio.sleep(3600))

    try:
        task = run_op(parent, waits_on_two_things, on_success=results.append)
        loop.run_until_complete(asyncio.sleep(0.05))  # the work is now waiting
        loop.close()  # as app.py's `with loop:` does when the window has closed
        # At the interpreter's exit the loop's timer can go before the window does.
        shiboken6.delete(loop._timer)

        with qtbot.captureExceptions() as exceptions:
            shiboken6.delete(parent)  # the window goes at the interpreter's exit

        assert exceptions == []
        assert not task.done()  # it never runs again, and nothing is reported
        assert results == []
    finally:
        asyncio.set_event_loop(None)
