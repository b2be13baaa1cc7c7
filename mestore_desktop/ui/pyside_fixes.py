"""Work-arounds for defects of the PySide6 release the app runs on, each one detected at run
time and applied only where the defect is present (a fixed PySide6 leaves everything as is).

* ``SignalInstance.emit()`` and ``SignalInstance.disconnect()`` (PySide6 6.12) return ``True``
  without owning the reference they hand back: each call takes one reference from ``True``.
  The app emits signals all the time, and qasync disconnects a socket notifier each time the
  loop stops watching a socket (every HTTP request of the sync and the counter); after some
  thousands Python dies with "Fatal Python error: bool_dealloc: deallocating True or False".
  The fix gives each such reference back.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

log = logging.getLogger(__name__)

_PROBES = 8
_installed = False


class _Probe(QObject):
    fired = Signal()


def install() -> None:
    """Apply every work-around this PySide6 needs; safe to call more than once."""
    global _installed
    if _installed:
        return
    _installed = True
    for name, loses in (("emit", emit_loses_true), ("disconnect", disconnect_loses_true)):
        if loses():
            _give_back_true(name)
            log.info("PySide6 work-around active: SignalInstance.%s() reference to True", name)


def emit_loses_true() -> bool:
    """Whether emitting a signal from Python takes a reference from True."""
    probe = _Probe()
    return _loses_true(lambda: probe.fired.emit())


def disconnect_loses_true() -> bool:
    """Whether a successful ``disconnect`` of a Python slot takes a reference from True."""
    probe = QObject()

    def slot() -> None:
        """Never called: only connected and disconnected."""

    def once() -> None:
        probe.objectNameChanged.connect(slot)
        probe.objectNameChanged.disconnect(slot)

    return _loses_true(once)


def _loses_true(action: Callable[[], object]) -> bool:
    action()  # first-use allocations out of the way
    gc.collect()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        action()
    gc.collect()
    return before - sys.getrefcount(True) >= _PROBES


def _give_back_true(method: str) -> None:
    original: Callable[..., Any] = getattr(SignalInstance, method)

    def fixed(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if result is True:
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))  # the one it did not own
        return result

    fixed.__name__ = method
    fixed.__doc__ = original.__doc__
    setattr(SignalInstance, method, fixed)
