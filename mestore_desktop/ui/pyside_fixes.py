"""Work-arounds for defects of the PySide6 release the app runs on, each one detected at run
time and applied only where the defect is present (a fixed PySide6 leaves everything as is).

* ``SignalInstance.disconnect()`` (PySide6 6.12) returns ``True`` without owning the reference
  it hands back: every successful disconnect takes one reference from ``True``. qasync
  disconnects a socket notifier each time the loop stops watching a socket, so every HTTP
  request of the sync and the counter does it; after some thousands Python dies with "Fatal
  Python error: bool_dealloc: deallocating True or False". The fix gives the reference back.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, SignalInstance

log = logging.getLogger(__name__)

_PROBES = 8
_installed = False


def install() -> None:
    """Apply every work-around this PySide6 needs; safe to call more than once."""
    global _installed
    if _installed:
        return
    _installed = True
    lost = disconnect_loses_true()
    if lost:
        _give_back_disconnect_references()
        log.info("PySide6 work-around active: SignalInstance.disconnect() reference to True")


def disconnect_loses_true() -> bool:
    """Whether a successful ``disconnect`` of a Python slot takes a reference from True."""
    probe = QObject()

    def slot() -> None:
        """Never called: only connected and disconnected."""

    gc.collect()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.objectNameChanged.connect(slot)
        probe.objectNameChanged.disconnect(slot)
    gc.collect()
    return before - sys.getrefcount(True) >= _PROBES


def _give_back_disconnect_references() -> None:
    original: Callable[..., Any] = SignalInstance.disconnect

    def disconnect(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if result is True:
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))  # the one it did not own
        return result

    disconnect.__doc__ = original.__doc__
    SignalInstance.disconnect = disconnect  # type: ignore[method-assign]
