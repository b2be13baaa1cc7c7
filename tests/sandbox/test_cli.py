"""`mestore-sandbox serve` as a real process: prints its URL and keys, serves, stops cleanly on
SIGTERM and SIGINT, and with --state-file keeps keys and state across a restart."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.sandbox.helpers import bearer

SCRIPT = Path(sys.executable).parent / "mestore-sandbox"
KEY_PREFIXES = {
    "public_key": "pub_test_",
    "private_key": "prv_test_",
    "events_secret": "test_events_",
    "integrity_secret": "test_integrity_",
}


class Served:
    """A `mestore-sandbox serve` process whose stdout is read line by line by a thread."""

    def __init__(self, registry: list[Served], *args: str) -> None:
        self.process = subprocess.Popen(
            [str(SCRIPT), "serve", "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        registry.append(self)
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.lines: list[str] = []
        self.values: dict[str, str] = {}
        while "integrity_secret" not in self.values:
            line = self._lines.get(timeout=15)
            if line is None:
                raise AssertionError(f"mestore-sandbox exited early: {self.lines}")
            self.lines.append(line)
            key, sep, value = line.partition("=")
            if sep:
                self.values[key] = value

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    @property
    def base_url(self) -> str:
        return self.values["base_url"]

    def stop(self, sig: int = signal.SIGTERM) -> tuple[int, str, str]:
        self.process.send_signal(sig)
        return self.finish()

    def finish(self) -> tuple[int, str, str]:
        code = self.process.wait(timeout=10)
        self._reader.join(5)
        rest = []
        while (line := self._lines.get_nowait()) is not None:
            rest.append(line)
        assert self.process.stderr is not None and self.process.stdout is not None
        err = self.process.stderr.read()
        self.process.stderr.close()
        self.process.stdout.close()
        return code, "\n".join(rest), err


@pytest.fixture
def served() -> Iterator[list[Served]]:
    started: list[Served] = []
    yield started
    for s in started:
        if s.process.poll() is None:
            s.process.kill()
        if not s.process.stdout.closed:  # type: ignore[union-attr]
            s.finish()


def test_serve_prints_url_and_keys_answers_and_stops_on_sigterm(served):
    s = Served(served, "--events-url", "http://127.0.0.1:9/events")
    assert s.lines[0] == f"Sandbox de Wompi en {s.base_url}"
    assert s.base_url.startswith("http://127.0.0.1:") and not s.base_url.endswith(":0")
    assert s.values["api_url"] == s.base_url + "/v1"
    for name, prefix in KEY_PREFIXES.items():
        value = s.values[name]
        assert value.startswith(prefix)
        assert value.removeprefix(prefix).isalnum() and len(value) == len(prefix) + 32
    response = httpx.get(f"{s.base_url}/v1/merchants/{s.values['public_key']}", timeout=5)
    assert response.status_code == 200
    assert response.json()["data"]["public_key"] == s.values["public_key"]
    code, out, err = s.stop(signal.SIGTERM)
    assert code == 0, err
    assert "Sandbox detenido." in out
    assert "Traceback" not in err


def test_sigint_also_stops_cleanly(served):
    s = Served(served)
    code, _, err = s.stop(signal.SIGINT)
    assert code == 0, err
    assert "Traceback" not in err


def test_state_file_survives_a_restart(served, tmp_path: Path):
    state = tmp_path / "sandbox.json"
    first = Served(served, "--state-file", str(state), "--manual")
    private = bearer(first.values["private_key"])
    link = httpx.post(
        f"{first.base_url}/v1/payment_links",
        json={
            "name": "Persistente",
            "description": "Sobrevive",
            "single_use": False,
            "collect_shipping": False,
            "currency": "COP",
        },
        headers=private,
        timeout=5,
    ).json()["data"]
    assert first.stop()[0] == 0
    assert state.exists()

    second = Served(served, "--state-file", str(state), "--manual")
    for name in KEY_PREFIXES:
        assert second.values[name] == first.values[name]
    got = httpx.get(f"{second.base_url}/v1/payment_links/{link['id']}", timeout=5)
    assert got.status_code == 200
    assert got.json()["data"] == link
    assert second.stop()[0] == 0


def test_bad_port_is_a_one_line_error():
    result = subprocess.run(
        [str(SCRIPT), "serve", "--host", "256.0.0.1", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("mestore-sandbox: ")
    assert len(result.stderr.strip().splitlines()) == 1
