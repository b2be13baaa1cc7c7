"""Benchmark (not a test): how long MeStore Desktop takes to paint its window and to be ready
for a scan, against a bare PySide6 window started in the same run.

Run: `.venv/bin/python -m tests.benchmarks.bench_startup [--runs 7] [--demo]`

Every sample is a fresh process, offscreen, started the way the installed `mestore-desktop`
entry point starts (`from mestore_desktop.app import main`). The app runs with
`MESTORE_STARTUP_PROBE=1` (mestore_desktop/ui/startup_probe.py): it prints
`mestore-startup paint <t>` once its main window's first paint has been flushed,
`mestore-startup ready <t>` once the counter (Caja) has been painted with its scan field
enabled and the store open (a scan's keys would go there and find the catalogue), and
`mestore-startup complete <t>` once every page is built and the sync started (shown for the
record, not a target), then closes itself. `t` is `time.monotonic()`, the clock the parent
reads just before starting the process.

The bare window (a QMainWindow with a label, nothing else) reports its first paint the same way.
The two kinds of process alternate (bare, app, bare, app, …) so that this machine's drift in
speed within a minute hits both alike; the figures are medians.

The home folder is made (and migrated) by a warm-up run first: a till starts on an existing
database far more often than on a new one. Bytecode is cached in a temporary folder
(PYTHONPYCACHEPREFIX) and the warm-up fills it, as an installed app has its .pyc files; with
`--no-bytecode-cache` every run compiles MeStore's modules from source instead.

Last line: `startup: paint_ratio=R ready_s=S` (R = median app paint / median bare paint).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "mestore-startup"
TIMEOUT_S = 120

BARE_WINDOW = f"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("MeStore"))
window.resize(1280, 720)

def painted():
    print("{PREFIX} paint %.6f" % time.monotonic(), flush=True)
    window.close()

class Watch(QObject):
    seen = False
    def eventFilter(self, watched, event):
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, painted)
        return False

watch = Watch()
window.installEventFilter(watch)
window.show()
sys.exit(app.exec())
"""

APP = "import sys; from mestore_desktop.app import main; sys.exit(main(sys.argv[1:]))"


@dataclass(frozen=True)
class Sample:
    paint_s: float
    ready_s: float | None
    complete_s: float | None


def environment(cache: Path | None) -> dict[str, str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "MESTORE_STARTUP_PROBE": "1",
        # Never a developer's real keyring (as tests/gui/test_app.py).
        "PYTHON_KEYRING_BACKEND": "tests.support.memory_keyring.MemoryKeyring",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("MESTORE_HOME", None)
    if cache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def run(code: str, args: list[str], env: dict[str, str]) -> Sample:
    """One fresh process; the seconds from just before it was started to each of its marks."""
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    marks: dict[str, float] = {}
    for line in result.stdout.splitlines():
        words = line.split()
        if len(words) == 3 and words[0] == PREFIX:
            marks.setdefault(words[1], float(words[2]) - started)
    if result.returncode != 0 or "paint" not in marks:
        raise SystemExit(
            f"the process failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    return Sample(marks["paint"], marks.get("ready"), marks.get("complete"))


def median(values: list[float]) -> float:
    return statistics.median(values)


def describe(name: str, values: list[float]) -> str:
    shown = " ".join(f"{v:.3f}" for v in values)
    return f"{name:<12} median {median(values):.3f} s  min {min(values):.3f}  ({shown})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="samples of each kind (>= 5)")
    parser.add_argument("--demo", action="store_true", help="start the app with --demo")
    parser.add_argument("--no-bytecode-cache", action="store_true")
    options = parser.parse_args(argv)
    if options.runs < 5:
        parser.error("--runs must be at least 5")
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        folder = Path(tmp)
        cache = None if options.no_bytecode_cache else folder / "pycache"
        env = environment(cache)
        app_args = ["--home", str(folder / "home"), *(["--demo"] if options.demo else [])]
        run(APP, app_args, env)  # warm-up: makes and migrates the home, fills the .pyc cache
        run(BARE_WINDOW, [], env)
        bare: list[float] = []
        app: list[Sample] = []
        for _ in range(options.runs):
            bare.append(run(BARE_WINDOW, [], env).paint_s)
            app.append(run(APP, app_args, env))
    paints = [s.paint_s for s in app]
    readies = [s.ready_s for s in app if s.ready_s is not None]
    if len(readies) != len(app):
        raise SystemExit("the app never said it was ready for a scan")
    ratio = median(paints) / median(bare)
    print(describe("bare window", bare))
    print(describe("app paint", paints))
    print(describe("app ready", readies))
    completes = [s.complete_s for s in app if s.complete_s is not None]
    if completes:  # every page built, the sync started (not a target; for the record)
        print(describe("app complete", completes))
    mode = "demo" if options.demo else "till"
    print(
        f"({mode}; {options.runs} runs of each, alternating; bytecode cache: {cache is not None})"
    )
    print(f"startup: paint_ratio={ratio:.2f} ready_s={median(readies):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
