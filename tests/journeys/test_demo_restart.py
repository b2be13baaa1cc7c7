"""The demo restarts on the same home after any exit and carries on (issue 8, item 1).

Each life of the app is its own process, started the way a person starts it: a window closed
(`--smoke` closes it by itself, or a journey closes it as the title bar's X does), SIGTERM, or
SIGKILL in the middle of a payment. The payment left pending by the killed demo is paid at the
customer's bank after the restart and the restarted demo settles its order. Before the fix,
every second start failed with `TokenNameError: a live token named 'demo' already exists`.
"""

from __future__ import annotations

import html
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

import httpx
import pytest

from mestore_desktop.demo import SANDBOX_STATE

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 60.0
PHONE_PSE = {
    "method": "PSE",
    "pse_bank": "1",  # «Banco que aprueba»: the payer still has to confirm at the bank
    "pse_user_type": "0",
    "pse_legal_id_type": "CC",
    "pse_legal_id": "1020304050",
    "full_name": "Cliente Celular",
    "phone_number": "3001234567",
    "customer_email": "cliente@example.com",
}


class Child:
    """A child process whose stdout lines are read on a thread, so waits can time out."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            args,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()  # None: the output ended
        self.output: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)
            self.lines.put(line)
        self.lines.put(None)

    def expect(self, word: str, timeout_s: float = START_TIMEOUT_S) -> list[str]:
        """The words after `JOURNEY <word>` once the child prints it."""
        while True:
            try:
                line = self.lines.get(timeout=timeout_s)
            except queue.Empty:
                line = None
            if line is None:
                raise AssertionError(f"no {word!r} from the child:\n{self.log()}")
            parts = line.split()
            if parts[:2] == ["JOURNEY", word]:
                return parts[2:]

    def finish(self, timeout_s: float = START_TIMEOUT_S) -> int:
        code = self.process.wait(timeout_s)
        self._reader.join(5)
        assert self.process.stdout is not None
        self.process.stdout.close()
        return code

    def kill(self, sig: signal.Signals) -> None:
        self.process.send_signal(sig)
        self.finish()

    def log(self) -> str:
        return "".join(self.output)[-4000:]


def child_env(home: Path, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        # A child must never reach a developer's real keyring (the demo uses its own anyway).
        "PYTHON_KEYRING_BACKEND": "tests.support.memory_keyring.MemoryKeyring",
        "DEMO_CHILD_HOME": str(home),
        **extra,
    }
    for inherited in ("MESTORE_HOME", "PYTEST_ADDOPTS", "PYTEST_CURRENT_TEST"):
        env.pop(inherited, None)
    return env


def journey_child(test: str, home: Path, **extra: str) -> Child:
    node = f"tests/journeys/demo_child.py::{test}"
    args = [sys.executable, "-m", "pytest", node, "-q", "-s", "-p", "no:cacheprovider"]
    return Child(args, child_env(home, **extra))


def run_app(home: Path, *args: str) -> Child:
    return Child(
        [sys.executable, "-m", "mestore_desktop", "--demo", "--home", str(home), *args],
        child_env(home),
    )


def smoke(home: Path) -> None:
    """Start the demo, let the window show, close it; it must exit 0."""
    app = run_app(home, "--smoke")
    code = app.finish()
    assert code == 0, app.log()
    assert "Traceback" not in app.log()


def phone_starts_pse_at_the_bank(qr_url: str) -> str:
    """The customer's phone opens the QR, chooses PSE and is sent to the bank (and stops
    there: the payment stays pending); the transaction's id."""
    with httpx.Client(timeout=10) as phone:
        page = phone.get(qr_url, follow_redirects=True)
        page.raise_for_status()
        action, hidden = pse_form(page.text)
        sent = phone.post(httpx.URL(str(page.url)).join(action), data={**hidden, **PHONE_PSE})
    assert sent.status_code == 303, sent.text
    return unquote(sent.headers["location"].rstrip("/").rsplit("/", 1)[1])


def pse_form(page: str) -> tuple[str, dict[str, str]]:
    start = page.index('id="pse-form"')
    form = page[page.rindex("<form", 0, start) : page.index("</form>", start)]
    action = re.search(r'action="([^"]*)"', form)
    assert action is not None
    hidden = re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)"', form)
    return html.unescape(action.group(1)), {
        html.unescape(name): html.unescape(value) for name, value in hidden
    }


def sync_starts(home: Path) -> int:
    """How many times the app's log says its payment sync started."""
    log_file = home / "logs" / "mestore.log"
    return log_file.read_text(encoding="utf-8").count("payment sync started")


def wait_until(predicate: Callable[[], bool], app: Child) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while not predicate():
        assert app.process.poll() is None, app.log()
        assert time.monotonic() < deadline, app.log()
        time.sleep(0.1)


def sandbox_state(home: Path) -> dict:
    return json.loads((home / "demo" / SANDBOX_STATE).read_text(encoding="utf-8"))


def test_a_payment_pending_when_the_demo_was_killed_settles_after_the_restart(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    first = journey_child("test_sell_by_qr_then_wait_to_be_killed", home)
    try:
        reference, qr_url = first.expect("WAITING")
        tx_id = phone_starts_pse_at_the_bank(qr_url)
    finally:
        first.kill(signal.SIGKILL)  # the demo dies in the middle of the payment
    left = sandbox_state(home)["transactions"][tx_id]["tx"]
    assert (left["reference"], left["status"]) == (reference, "PENDING")

    second = journey_child(
        "test_restart_and_see_the_pending_payment_settle", home, DEMO_CHILD_REFERENCE=reference
    )
    try:
        (sandbox_url,) = second.expect("SANDBOX")
        # The customer confirms at the bank after the restart.
        paid = httpx.post(f"{sandbox_url}/_sandbox/transactions/{tx_id}/approve", timeout=10)
        assert paid.status_code == 200, paid.text
        assert second.expect("PAID") == [reference]
    finally:
        code = second.finish()
    assert code == 0, second.log()  # and the window was closed cleanly

    smoke(home)  # a third start after that clean close


def test_the_demo_starts_again_after_a_window_close_and_after_sigterm(tmp_path):
    home = tmp_path / "home"
    smoke(home)
    keys = sandbox_state(home)["keys"]
    smoke(home)  # was: TokenNameError on the second start

    started = sync_starts(home)
    app = run_app(home)
    try:
        wait_until(lambda: sync_starts(home) > started, app)  # up and running
    finally:
        app.kill(signal.SIGTERM)
    smoke(home)

    assert sandbox_state(home)["keys"] == keys  # the same test keys all along
    settings = json.loads((home / "demo" / "settings.json").read_text(encoding="utf-8"))
    assert settings["public_key"] == keys["public_key"]
