"""The checkout web view speaks the UI's language: Chromium's own form messages and the
Accept-Language header, with ``--lang es`` and ``--lang en``.

Chromium's UI locale can be set only once per process, before its web engine starts, and this
test process started its web engine long ago without one (its messages are English there). So
each language runs in a child process (`tests/gui/web_language_child.py`) that starts the way
the app does and submits a form whose required field is empty.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
CHILD_TIMEOUT_S = 180  # a web engine start on a busy 2-core machine


def run_child(language: str, cache_dir: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.web_language_child", language, str(cache_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, f"no result (rc={done.returncode}):\n{done.stdout}\n{done.stderr[-3000:]}"
    result = json.loads(lines[-1])
    assert "error" not in result, result
    return result


@pytest.mark.parametrize(
    ("language", "message", "locale", "accept"),
    [
        ("es", "Completa este campo", "es-CO", "es-CO,es;q=0.9"),
        ("en", "Please fill out this field.", "en-US", "en-US,en;q=0.9"),
    ],
)
def test_an_empty_required_field_is_reported_in_the_ui_language(
    tmp_path: Path, language: str, message: str, locale: str, accept: str
) -> None:
    result = run_child(language, tmp_path)

    assert result["refused"] is True  # the browser itself kept the empty form from going
    assert result["still_here"] == "/p/"
    assert result["message"] == message
    assert result["language"] == locale
    assert result["accept_language"] == [accept]
