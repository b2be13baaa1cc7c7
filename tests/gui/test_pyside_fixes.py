"""The PySide6 work-arounds: after `install()`, emitting and disconnecting signals (qasync
disconnects one for every socket it stops watching) leave the references to True and False
alone."""

from __future__ import annotations

import gc
import socket
import sys

from PySide6.QtCore import QObject, QSocketNotifier, Signal

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


class Emitter(QObject):
    changed = Signal(str)
    flag = Signal(bool)


def test_emitting_signals_keeps_true_alive(qapp) -> None:
    pyside_fixes.install()
    emitter = Emitter()
    seen: list[object] = []
    emitter.changed.connect(seen.append)
    emitter.flag.connect(seen.append)

    before = bools()
    for _ in range(200):
        emitter.changed.emit("a")
        emitter.flag.emit(True)
        emitter.flag.emit(False)
    seen.clear()
    assert bools() == before
    assert not pyside_fixes.emit_loses_true()
