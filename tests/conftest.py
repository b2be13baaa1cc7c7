"""Test-wide set-up: headless Qt, no real keyring, no writes outside the work tree.

Qt must be told to run offscreen before any QApplication exists (without a display it aborts),
and QtWebEngine must be imported before the QApplication and run without its sandbox as root.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
os.environ.setdefault("XDG_CACHE_HOME", str(_ROOT / ".cache"))
os.environ.setdefault("XDG_DATA_HOME", str(_ROOT / ".local-share"))
_runtime = _ROOT / ".xdg-runtime"
_runtime.mkdir(mode=0o700, exist_ok=True)
os.environ.setdefault("XDG_RUNTIME_DIR", str(_runtime))
# A stray MESTORE_HOME from a developer's shell must never point tests at real data.
os.environ.pop("MESTORE_HOME", None)

import keyring  # noqa: E402
import PySide6.QtWebEngineWidgets  # noqa: E402, F401  (must precede the QApplication)
import pytest  # noqa: E402

from tests.support.memory_keyring import MemoryKeyring  # noqa: E402


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test gets a fresh in-memory keyring; nothing reaches the developer's real one."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """An empty MeStore data directory."""
    path = tmp_path / "home"
    path.mkdir()
    return path


@pytest.fixture(autouse=True)
def restore_root_logging() -> Iterator[None]:
    """Commands under test configure logging for a whole process; undo it so the next test
    never writes to a stream pytest already closed (and keeps pytest's own capture handlers)."""
    import logging

    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fault-profile",
        choices=("ci", "10x"),
        default=None,
        help="size of the SIGKILL fault tests: ci (2,000 events, 20 kills) or 10x",
    )


# Cyclic garbage is collected only here, on the main (GUI) thread, as the app does (app.py):
# the loopback sandbox and relay run Python in server threads, and an automatic collection
# there can delete a Qt object left over from an earlier GUI test off its thread, leaving its
# timers armed for a later event loop to fire at freed memory (a segfault several tests later).
# A young-generation pass after every test is cheap; a full one every FULL_COLLECT_EVERY tests.
FULL_COLLECT_EVERY = 25
_tests_run = 0


@pytest.fixture(autouse=True)
def collect_garbage_on_the_main_thread() -> Iterator[None]:
    global _tests_run
    yield
    _tests_run += 1
    gc.collect(2 if _tests_run % FULL_COLLECT_EVERY == 0 else 1)


def pytest_configure(config: pytest.Config) -> None:
    gc.disable()  # see collect_garbage_on_the_main_thread
    # The fault tests size themselves from the environment at import, which comes later.
    profile = config.getoption("--fault-profile")
    if profile is not None:
        os.environ["MESTORE_FAULT_PROFILE"] = profile
