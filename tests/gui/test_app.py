"""The composition root, run as the packaged app would be: in a separate process."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mestore_desktop.app import parse_args
from mestore_desktop.ui.i18n import choose_language

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def run_app(
    *args: str, tmp_path: Path, drop_env: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        # The child must never reach a developer's real keyring.
        "PYTHON_KEYRING_BACKEND": "tests.support.memory_keyring.MemoryKeyring",
        "PYTHONPATH": str(ROOT),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    for name in ("MESTORE_HOME", *drop_env):
        env.pop(name, None)
    code = "import sys; from mestore_desktop.app import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_smoke_opens_the_window_and_exits_zero(tmp_path):
    home, shot = tmp_path / "home", tmp_path / "shot.png"

    result = run_app("--home", str(home), "--smoke", str(shot), "--demo", tmp_path=tmp_path)

    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 1000
    assert (home / "logs" / "mestore.log").is_file()
    assert "Traceback" not in result.stderr


def test_smoke_without_screenshot(tmp_path):
    result = run_app("--home", str(tmp_path / "h"), "--smoke", "--lang", "en", tmp_path=tmp_path)

    assert result.returncode == 0, result.stderr


def test_bad_settings_file_is_explained_and_exits_one(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.json").write_text(
        json.dumps({"schema_version": 2, "terminal_id": "caja #1"}), encoding="utf-8"
    )

    result = run_app("--home", str(home), "--smoke", tmp_path=tmp_path)

    assert result.returncode == 1
    assert "terminal_id" in result.stderr
    assert "Traceback" not in result.stderr


def test_lang_option_wins_over_the_saved_language():
    assert parse_args(["--lang", "en"]).lang == "en"
    assert choose_language(parse_args(["--lang", "en"]).lang, "es") == "en"
    assert choose_language(parse_args([]).lang, "en") == "en"
    assert choose_language(None, "es") == "es"


def test_unknown_options_are_refused():
    with pytest.raises(SystemExit):
        parse_args(["--lang", "fr"])


def test_start_up_creates_and_migrates_the_database(tmp_path):
    home = tmp_path / "home"

    assert run_app("--home", str(home), "--smoke", tmp_path=tmp_path).returncode == 0

    with sqlite3.connect(home / "mestore.sqlite3") as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert {"orders", "payment_attempts", "status_history", "applied_events"} <= tables
    assert version is not None


def test_no_screen_is_explained_instead_of_aborting(tmp_path):
    result = run_app(
        "--home",
        str(tmp_path / "home"),
        tmp_path=tmp_path,
        drop_env=("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"),
    )

    assert result.returncode == 1
    assert "pantalla" in result.stderr
    assert "Traceback" not in result.stderr


def test_demo_runs_on_the_local_sandbox_with_keys_only_in_memory(tmp_path):
    home = tmp_path / "home"

    result = run_app("--home", str(home), "--demo", "--smoke", tmp_path=tmp_path)

    assert result.returncode == 0, result.stderr
    settings = json.loads((home / "demo" / "settings.json").read_text(encoding="utf-8"))
    assert settings["wompi_api_url"].startswith("http://127.0.0.1:")
    assert settings["checkout_url"].endswith("/p/")
    assert settings["public_key"].startswith("pub_test_")
    assert settings["relay_url"].startswith("http://127.0.0.1:")
    assert (home / "demo" / "mestore.sqlite3").is_file()
    with sqlite3.connect(home / "demo" / "demo-relay.sqlite3") as relay_db:
        tokens = relay_db.execute("SELECT name, token_hash FROM relay_tokens").fetchall()
    assert [name for name, _ in tokens] == ["demo"]
    assert len(tokens[0][1]) == 64  # only the SHA-256 of the terminal's token is kept
    log_text = (home / "logs" / "mestore.log").read_text(encoding="utf-8")
    assert "payment sync started (#1, relay: yes)" in log_text
    assert not (home / "settings.json").exists()  # the real settings stay untouched
    # The sandbox's test keys live only in its state file (0600), so a restart keeps them.
    state_file = home / "demo" / "demo-sandbox.json"
    assert state_file.stat().st_mode & 0o777 == 0o600
    for path in home.rglob("*"):
        if path.is_file() and path != state_file:
            text = path.read_bytes()
            assert b"prv_test_" not in text
            assert b"test_integrity_" not in text
            assert b"test_events_" not in text


# Background work that always has a step due, as the payment sync does while it syncs; the
# desktop's aclose stops it. Prints what the work saw and whether aclose ran inside the loop.
SHUTDOWN_SCRIPT = """
import asyncio, sys
import qasync
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow
from mestore_desktop import app as composition

class Window(QMainWindow):
    closed = Signal()
    def closeEvent(self, event):
        super().closeEvent(event)
        self.closed.emit()

problems = []

async def busy():
    try:
        while True:
            asyncio.get_running_loop()  # as asyncio.sleep(delay) and the database calls do
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        raise
    except RuntimeError as exc:
        problems.append(str(exc))

class Desktop:
    def __init__(self, window):
        self.window = window
        self.task = asyncio.get_event_loop().create_task(busy())
        self.closed_in_loop = None
    async def aclose(self):
        self.closed_in_loop = asyncio.get_running_loop().is_running()
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)

qt = QApplication(sys.argv)
loop = qasync.QEventLoop(qt)
asyncio.set_event_loop(loop)
window = Window()
window.show()
desktop = Desktop(window)
QTimer.singleShot(300, window.close)
composition._run(qt, loop, desktop)
print(problems, desktop.closed_in_loop)
"""


def test_closing_the_window_stops_background_work_before_the_loop_stops(tmp_path):
    # A loaded smoke run exited 1: quitting first, qasync stepped the sync once more with no
    # running loop ("no running event loop"). The services must stop while the loop runs.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", SHUTDOWN_SCRIPT],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[] True"
