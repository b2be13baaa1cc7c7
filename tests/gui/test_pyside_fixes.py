"""The PySide6 work-arounds: after `install()`, disconnecting signals (as qasync does for every
socket it stops watching) leaves the references to True and False alone."""

from __future__ import annotations

import gc
import socket
import sys

from PySide6.QtCore import QObject, QSocketNotifier

from mestore_desktop.ui import pyside_fixes


def bools() -> tuple[int, int]:
    gc.collect()
    return sys.getrefcount(True), sys.getrefcount(False)


def test_disconnecting_a_slot_keeps_true_alive(qapp) -> None:
    pyside_fixes.install()
    sender = QObject()

    def slot() -> None:
        """Only connected and disconnected."""

    before = bools()
    for _ in range(200):
        sender.objectNameChanged.connect(slot)
        assert sender.objectNameChanged.disconnect(slot) is True
    assert bools() == before
    assert not pyside_fixes.disconnect_loses_true()


def test_qasyncs_notifier_pattern_keeps_true_alive(qapp) -> None:
    pyside_fixes.install()
    reading, writing = socket.socketpair()
    try:
        before = bools()
        for _ in range(200):
            notifier = QSocketNotifier(reading.fileno(), QSocketNotifier.Type.Read)
            notifier.activated["int"].connect(lambda _fd: None)
            notifier.setEnabled(False)
            notifier.activated["int"].disconnect()
            del notifier
        assert bools() == before
    finally:
        reading.close()
        writing.close()
