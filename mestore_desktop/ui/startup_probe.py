"""The first paint of a window (`PaintWatcher`: the app paints its shell before it opens the
store), and the start-up probe: when `MESTORE_STARTUP_PROBE=1`, the app reports on stdout when
its main window is first painted, when the counter is ready for a scan (painted, its scan
field enabled, the store open) and when the whole desktop is built, then closes itself.

tests/benchmarks/bench_startup.py reads these lines. Each is `mestore-startup <stage> <t>` with
`t = time.monotonic()` (system-wide on Linux, so the parent can subtract its own start time).
"Painted" is when the first paint of the window has been flushed: the Paint event of the
top-level window arrives first, its children paint in the same pass, and a zero timer set then
runs once the pass (and the flush to the screen) is over. The bench measures a bare PySide6
window the same way.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

PROBE_VARIABLE = "MESTORE_STARTUP_PROBE"
PREFIX = "mestore-startup"


def probe_requested() -> bool:
    return os.environ.get(PROBE_VARIABLE) == "1"


def report(stage: str) -> None:
    print(f"{PREFIX} {stage} {time.monotonic():.6f}", file=sys.stdout, flush=True)


class PaintWatcher(QObject):
    """Emits `painted` once, right after `window`'s first paint has been flushed."""

    painted = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.seen_paint = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.seen_paint and event.type() == QEvent.Type.Paint:
            self.seen_paint = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.painted.emit)
        return False
