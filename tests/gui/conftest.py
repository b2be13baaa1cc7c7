"""GUI test fixtures: a qasync loop bound to pytest-qt's QApplication, and a ready main window.

``qloop_running`` marks the qasync loop as already running, so tasks make progress whenever
``qtbot.wait``/``waitUntil`` spins the Qt event loop (qasync's documented way to share a loop
with a QApplication it did not start). Its teardown is explained beside it.
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from mestore_desktop.logs import setup_logging, shutdown_logging
from mestore_desktop.secrets import SecretStore
from mestore_desktop.settings import Settings, SettingsFile
from mestore_desktop.ui.main_window import MainWindow


@pytest.fixture
def qloop_running(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    _end_the_ops_of(loop, qapp)
    # Not loop.stop(): it calls QApplication.exit() outside exec(), which leaves Qt's "quitNow"
    # flag set, and from then on every nested QEventLoop.exec() (qtbot.wait, waitUntil,
    # waitSignal) returns at once, so later tests never process events. Mark the loop stopped
    # directly instead; close() only needs is_running() to be False.
    loop._QEventLoop__is_running = False
    # Tasks still running when a test ends never finish (the loop closes under them), so the
    # busy cursor each `run_op` pushed is never popped: pop them, or the next test inherits it.
    while QApplication.overrideCursor() is not None:
        QApplication.restoreOverrideCursor()
    asyncio.events._set_running_loop(None)
    loop.close()
    asyncio.set_event_loop(None)
    del loop
    # Collect the loop's Qt timer objects here, on the GUI thread. Left to chance, the garbage
    # collector may run them down from a server thread (the loopback sandbox and relay run
    # Python there), and a QObject deleted off its thread leaves its timers armed: a later
    # event loop then fires a timer at freed memory.
    gc.collect()


OP_GRACE_S = 1.0


def _end_the_ops_of(loop: qasync.QEventLoop, qapp: QApplication) -> None:
    """The ops (`run_op`) a test set off end under the loop that runs them: those that finish
    in a moment finish, the rest are cancelled and see it. Left pending, a task never ran again
    once its loop closed, and Python reported it destroyed while pending when it exited."""

    def ops() -> list[asyncio.Task[object]]:
        return [
            task
            for task in asyncio.all_tasks(loop)
            if not task.done() and task.get_coro().__qualname__ == "run_op.<locals>.runner"
        ]

    _spin_while(ops, qapp)
    for task in ops():
        task.cancel()
    _spin_while(ops, qapp)
    qapp.processEvents()  # their done callbacks, scheduled as they ended


def _spin_while(busy: Callable[[], list[asyncio.Task[object]]], qapp: QApplication) -> None:
    deadline = time.monotonic() + OP_GRACE_S
    while busy() and time.monotonic() < deadline:
        qapp.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)


@pytest.fixture
def logged_home(home: Path) -> Iterator[Path]:
    """A home whose log file is active, as after app start-up."""
    setup_logging(home)
    yield home
    shutdown_logging()


@pytest.fixture
def make_window(qtbot, home: Path) -> Callable[..., MainWindow]:
    """Build (and show) a MainWindow over *home*, with optional settings and demo flag."""
    # qtbot only holds weak references; without this a window used as a temporary would be
    # garbage-collected (and its C++ side deleted) in the middle of a test.
    windows: list[MainWindow] = []

    def build(settings: Settings | None = None, *, demo: bool = False) -> MainWindow:
        settings_file = SettingsFile(home)
        if settings is not None:
            settings_file.save(settings)
        loaded = settings_file.load()
        window = MainWindow(
            settings=loaded,
            settings_file=settings_file,
            secrets=SecretStore(loaded.environment),
            secrets_factory=SecretStore,
            demo=demo,
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    return build
