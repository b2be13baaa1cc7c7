"""Helpers for relay tests and for the desktop-side e2e tests that reuse them.

* `new_events_secret()`, `signed_event(secret, ...)`, `event_body(event)`: valid Wompi events
  (the shape of tests/data/wompi_examples/event-transaction-updated.json), signed as Wompi signs.
* `RelayProcess`: a real `mestore-relay serve` subprocess on a fixed loopback port that can be
  SIGKILLed and restarted on the same port and database.
* `create_token(database, name)`: a terminal token through the store, as the CLI does.
* `AckingSender`: concurrent senders that retry each event until a 200; `read_feed`: the
  whole feed through `next_after` paging.
* `free_port()`: a loopback port for a relay that must come back on the same address.
* Several instances on one database: `start_together(a, b)`, `FailoverSender` (posts spread
  over instances, retried at the next one on failure, as a proxy would) and `follow_feed` (a
  terminal long-polling one instance, or moving between them with its cursor).
"""

from __future__ import annotations

import copy
import itertools
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from mestore_desktop.relay.config import SECRET_ENV_VAR
from mestore_desktop.relay.store import RelayStore
from mestore_desktop.sandbox.config import random_alphanumeric
from mestore_desktop.wompi.signatures import event_checksum

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "data" / "wompi_examples" / "event-transaction-updated.json"
TRANSACTION_PROPERTIES = ["transaction.id", "transaction.status", "transaction.amount_in_cents"]
_TEMPLATE_TRANSACTION: dict[str, Any] = {
    "id": "12345-1735750800-10001",
    "created_at": "2025-01-01T17:00:00.000Z",
    "finalized_at": "2025-01-01T17:00:02.000Z",
    "amount_in_cents": 2500000,
    "reference": "POS-CAJA1-000123",
    "customer_email": "cliente@example.com",
    "currency": "COP",
    "payment_method_type": "CARD",
    "payment_method": {"type": "CARD", "extra": {"brand": "VISA", "last_four": "4242"}},
    "status": "APPROVED",
    "status_message": None,
    "redirect_url": "https://pos.example.com/wompi/return",
    "customer_data": {"full_name": "Cliente Ejemplo", "phone_number": "+573001112233"},
}


def new_events_secret(environment: str = "test") -> str:
    return f"{environment}_events_{random_alphanumeric(32)}"


def new_transaction_id() -> str:
    return f"12345-{int(time.time())}-{uuid.uuid4().int % 10**10}"


def signed_event(
    secret: str,
    *,
    transaction_id: str | None = None,
    status: str = "APPROVED",
    amount_in_cents: int = 2_500_000,
    reference: str = "POS-CAJA1-000123",
    environment: str = "test",
    timestamp: int | None = None,
    event_type: str = "transaction.updated",
    properties: list[str] | None = None,
    data: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A Wompi event signed with `secret`; pass `data`+`properties` for other event types."""
    if data is None:
        transaction = copy.deepcopy(_TEMPLATE_TRANSACTION)
        transaction.update(
            id=transaction_id or new_transaction_id(),
            status=status,
            amount_in_cents=amount_in_cents,
            reference=reference,
        )
        data = {"transaction": transaction}
    ts = int(time.time()) if timestamp is None else timestamp
    event: dict[str, Any] = {
        "event": event_type,
        "data": data,
        "environment": environment,
        "signature": {"properties": list(properties or TRANSACTION_PROPERTIES), "checksum": ""},
        "timestamp": ts,
        "sent_at": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(ts)),
    }
    event["signature"]["checksum"] = event_checksum(event, secret)
    return event


def event_body(event: dict[str, Any]) -> bytes:
    return json.dumps(event, ensure_ascii=False).encode("utf-8")


def post_headers(event: dict[str, Any]) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "X-Event-Checksum": str(event.get("signature", {}).get("checksum", "")),
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def create_token(database: str | os.PathLike[str], name: str) -> str:
    store = RelayStore(os.fspath(database))
    try:
        return store.create_token(name)
    finally:
        store.dispose()


class RelayProcess:
    """`python -m mestore_desktop.relay serve` on 127.0.0.1:`port`, killable and restartable."""

    def __init__(
        self,
        database: str | os.PathLike[str],
        secret: str,
        *,
        port: int,
        environment: str = "test",
        extra_args: tuple[str, ...] = (),
        log_path: Path | None = None,
    ) -> None:
        self.database = os.fspath(database)
        self.port = port
        self.base_url = f"http://127.0.0.1:{port}"
        self._env = {**os.environ, SECRET_ENV_VAR: secret}
        self._args = [
            sys.executable,
            "-m",
            "mestore_desktop.relay",
            "--log-level",
            "warning",
            "serve",
            "--port",
            str(port),
            "--database",
            self.database,
            "--environment",
            environment,
            *extra_args,
        ]
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0
        # A file, not a pipe: a pipe nobody drains would block the relay once it fills.
        if log_path is None and "://" in self.database:
            log_path = Path(tempfile.mkstemp(prefix="mestore-relay-", suffix=".log")[1])
        self.log_path = log_path or Path(self.database + ".stderr.log")

    @property
    def events_url(self) -> str:
        return self.base_url + "/wompi/events"

    @property
    def feed_url(self) -> str:
        return self.base_url + "/v1/events"

    def start(self, timeout_s: float = 20.0) -> RelayProcess:
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(
                self._args, cwd=ROOT, env=self._env, stdout=subprocess.DEVNULL, stderr=log
            )
        self.starts += 1
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"relay exited: {self.log_tail()}")
            try:
                if httpx.get(self.base_url + "/healthz", timeout=0.5).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.02)
        self.kill()
        raise RuntimeError("relay did not become healthy")

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs, exactly like a crash or an OOM kill."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def terminate(self) -> int | None:
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(15)
        return self.proc.returncode

    def log_tail(self, chars: int = 2000) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]

    def __enter__(self) -> RelayProcess:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.kill()


class AckingSender:
    """Posts events from several threads, each retrying until it gets a 200 (as Wompi would,
    only faster): `acked` maps each event's transaction id to the seq the relay answered."""

    def __init__(self, events_url: str, *, senders: int = 8, pace_s: float = 0.0) -> None:
        self.events_url = events_url
        self.senders = senders
        self.pace_s = pace_s
        self.acked: dict[str, int] = {}
        self.attempts = 0
        self.failures: dict[str, int] = {}
        self._lock = threading.Lock()

    def send_all(self, events: list[dict[str, Any]], deadline_s: float = 600.0) -> None:
        work: queue.Queue[dict[str, Any]] = queue.Queue()
        for event in events:
            work.put(event)
        stop_at = time.monotonic() + deadline_s
        threads = [
            threading.Thread(target=self._run, args=(work, stop_at), daemon=True)
            for _ in range(self.senders)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    def _run(self, work: queue.Queue[dict[str, Any]], stop_at: float) -> None:
        with httpx.Client(timeout=5.0) as client:
            while time.monotonic() < stop_at:
                try:
                    event = work.get_nowait()
                except queue.Empty:
                    return
                self._deliver(client, event, stop_at)
                if self.pace_s:
                    time.sleep(self.pace_s)

    def _deliver(self, client: httpx.Client, event: dict[str, Any], stop_at: float) -> None:
        content, headers = event_body(event), post_headers(event)
        tx_id = event["data"]["transaction"]["id"]
        while time.monotonic() < stop_at:
            with self._lock:
                self.attempts += 1
            try:
                r = client.post(self.events_url, content=content, headers=headers)
                if r.status_code == 200:
                    with self._lock:
                        self.acked[tx_id] = r.json()["seq"]
                    return
                key = str(r.status_code)
            except httpx.HTTPError as exc:
                key = type(exc).__name__
            with self._lock:
                self.failures[key] = self.failures.get(key, 0) + 1
            time.sleep(0.02)


def read_feed(feed_url: str, token: str, *, limit: int = 500) -> list[dict[str, Any]]:
    """Every event in the feed, paging with `next_after` until a page comes back empty."""
    events: list[dict[str, Any]] = []
    after = 0
    with httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=10) as client:
        while True:
            r = client.get(feed_url, params={"after": after, "limit": limit})
            if r.status_code == 429:
                time.sleep(float(r.headers.get("retry-after", "1")))
                continue
            r.raise_for_status()
            body = r.json()
            if not body["events"]:
                return events
            events.extend(body["events"])
            after = body["next_after"]


# -- several instances on one database (issue 12) -------------------------------------------------


def start_together(*relays: RelayProcess) -> None:
    """Start relays at once (each start waits for its /healthz): half a two-instance setup."""
    with ThreadPoolExecutor(len(relays)) as pool:
        list(pool.map(lambda relay: relay.start(), relays))


class FailoverSender(AckingSender):
    """An AckingSender spread over several instances as a proxy would spread Wompi's posts:
    events go to the instances in turn, and a failed attempt is retried at the next one."""

    def __init__(
        self, events_urls: Sequence[str], *, senders: int = 8, pace_s: float = 0.0
    ) -> None:
        super().__init__(events_urls[0], senders=senders, pace_s=pace_s)
        self.events_urls = list(events_urls)
        self._turns = itertools.count()

    def _deliver(self, client: httpx.Client, event: dict[str, Any], stop_at: float) -> None:
        content, headers = event_body(event), post_headers(event)
        tx_id = event["data"]["transaction"]["id"]
        turn = next(self._turns)
        while time.monotonic() < stop_at:
            url = self.events_urls[turn % len(self.events_urls)]
            with self._lock:
                self.attempts += 1
            try:
                r = client.post(url, content=content, headers=headers)
                if r.status_code == 200:
                    with self._lock:
                        self.acked[tx_id] = r.json()["seq"]
                    return
                key = str(r.status_code)
            except httpx.HTTPError as exc:
                key = type(exc).__name__
            with self._lock:
                self.failures[key] = self.failures.get(key, 0) + 1
            turn += 1  # the proxy's next upstream
            time.sleep(0.02)


def follow_feed(
    feed_urls: Sequence[str],
    token: str,
    expected: int,
    *,
    after: int = 0,
    wait_s: float = 5.0,
    limit: int = 100,
    deadline_s: float = 60.0,
) -> list[dict[str, Any]]:
    """A terminal long-polling until it holds `expected` events. With several `feed_urls` it
    moves to the next instance after every page, carrying its cursor (a proxy may route each
    poll anywhere); a failed poll also moves on. Returns every event received, in order."""
    received: list[dict[str, Any]] = []
    turn = 0
    stop_at = time.monotonic() + deadline_s
    with httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=wait_s + 10) as client:
        while len(received) < expected and time.monotonic() < stop_at:
            url = feed_urls[turn % len(feed_urls)]
            turn += 1
            try:
                r = client.get(url, params={"after": after, "limit": limit, "wait": wait_s})
            except httpx.HTTPError:
                time.sleep(0.05)
                continue
            if r.status_code != 200:  # 429/503: as the desktop does, wait and poll again
                time.sleep(float(r.headers.get("retry-after", "0.2")))
                continue
            body = r.json()
            received.extend(body["events"])
            after = body["next_after"]
    return received
