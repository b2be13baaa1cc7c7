"""`mestore-desktop --smoke-test` (README › Packaging): the installed app checks itself with one
demo sale, exits 0 on its own, and fails loudly, naming the step, when a step never happens.
CI runs the same flag on the PyInstaller bundle (.ci/run)."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow

from mestore_desktop.ui import smoke_test
from mestore_desktop.ui.smoke_test import SmokeTest

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def test_the_installed_app_sells_once_in_the_demo_and_exits_zero(tmp_path):
    script = shutil.which("mestore-desktop", path=str(Path(sys.executable).parent))
    assert script is not None, "mestore-desktop is not installed in this venv"
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("MESTORE_HOME", "DISPLAY")},
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(tmp_path),  # where the smoke test makes (and removes) its home
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }

    result = subprocess.run(
        [script, "--smoke-test"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke-test: ok" in result.stdout
    for step in ("main window shown", "checkout page loaded in the web view", "cash sale"):
        assert step in result.stdout
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.glob("mestore-smoke-*")), "the temporary home was left behind"


def test_a_step_that_never_happens_fails_with_its_name_and_what_was_on_screen(
    qtbot, qloop_running, tmp_path, capsys
):
    log_file = tmp_path / "mestore.log"
    log_file.write_text("first line\nlast line of the app's log\n", encoding="utf-8")
    window = QMainWindow()  # no counter: nothing ever takes the keyboard
    window.setCentralWidget(QLabel("Una ventana sin caja"))
    qtbot.addWidget(window)
    window.show()
    test = SmokeTest(window, log_file=log_file, step_timeout_s=0.3)

    test.begin(qloop_running)
    qtbot.waitUntil(lambda: test.finished, timeout=10_000)

    assert test.exit_code == 1
    err = capsys.readouterr().err
    assert "smoke-test: FAILED" in err
    assert "step 'main window shown' failed: timed out after 0.3 s" in err
    assert "Una ventana sin caja" in err  # what was on screen
    assert "last line of the app's log" in err
    assert not window.isVisible()  # closed: the app quits on its own


def test_prepare_chooses_a_fresh_demo_home_in_spanish_offscreen(tmp_path, monkeypatch):
    monkeypatch.setattr(smoke_test.tempfile, "tempdir", str(tmp_path))
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    args = argparse.Namespace(home="/somewhere/real", demo=False, lang="en")

    smoke_test.prepare(args)

    home = Path(args.home)
    assert home.parent == tmp_path
    assert home.name.startswith("mestore-smoke-")
    assert home.is_dir()
    assert not any(home.iterdir())
    assert (args.demo, args.lang) == (True, "es")
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"
