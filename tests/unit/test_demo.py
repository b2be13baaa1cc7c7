"""Demo mode restarts on the same home after any exit and keeps what it had (issue 8, item 1).

A killed demo is a real child process killed with SIGKILL; everything else runs in-process.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mestore_desktop.demo import (
    DEMO_FINALIZE_DELAY_S,
    RELAY_DATABASE,
    SANDBOX_STATE,
    DemoBusyError,
    DemoEnvironment,
    DemoStateError,
    start_demo,
)
from mestore_desktop.paths import database_path
from mestore_desktop.sandbox.config import SandboxConfig
from mestore_desktop.sandbox.persistence import load_keys
from mestore_desktop.sandbox.state import Sandbox
from mestore_desktop.secrets import SecretName, SecretStore
from mestore_desktop.settings import Environment, SettingsFile
from mestore_desktop.store.db import Database
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.store.sync_repository import SyncRepository

ROOT = Path(__file__).resolve().parents[2]
# A demo in a child process, which the test kills as a crash would: no stop(), no clean-up.
CHILD = """
import sys
from pathlib import Path
from mestore_desktop.demo import start_demo
demo = start_demo(Path(sys.argv[1]))
print("READY", demo.server.base_url, flush=True)
sys.stdin.read()
"""
CARD = {
    "type": "CARD",
    "number": "4242424242424242",
    "cvc": "123",
    "exp_month": "12",
    "exp_year": "35",
    "card_holder": "Cliente Ejemplo",
    "installments": 1,
}


@pytest.fixture
def demos() -> Iterator[Callable[[Path], DemoEnvironment]]:
    """`start(home)`; every demo still running at the end is stopped."""
    running: list[DemoEnvironment] = []

    def start(home: Path) -> DemoEnvironment:
        running.append(start_demo(home))
        return running[-1]

    yield start
    for demo in running:
        demo.stop()


def start_and_kill(home: Path) -> str:
    """Start a demo in a child process, SIGKILL it once it serves; its sandbox URL."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(home)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline().split()
        assert line[:1] == ["READY"], line
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=10)
    return line[1]


def relay_token() -> str:
    secret = SecretStore(Environment.SANDBOX).get(SecretName.RELAY_TOKEN)
    assert secret is not None
    return secret.reveal()


def wait_until(predicate: Callable[[], object], timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def order_count(demo: DemoEnvironment) -> int:
    database = Database.open(database_path(demo.home))
    try:
        return len(database.read(lambda s: OrderRepository(s).list_orders()))
    finally:
        database.close()


# -- the defect: a second start on the same home ---------------------------------------------


def test_the_demo_starts_again_on_the_same_home_after_a_clean_stop(tmp_path, demos):
    first = demos(tmp_path)
    first.stop()

    again = demos(tmp_path)  # was: TokenNameError: a live token named 'demo' already exists

    assert again.settings.public_key == first.settings.public_key


def test_the_demo_starts_again_on_the_same_home_after_a_kill(tmp_path, demos):
    killed_url = start_and_kill(tmp_path)

    again = demos(tmp_path)

    keys = load_keys(tmp_path / "demo" / SANDBOX_STATE)
    assert keys is not None and again.settings.public_key == keys.public_key
    assert again.server.base_url == killed_url  # its port was free again: old QR codes work


# -- what a restart keeps --------------------------------------------------------------------


def test_a_restart_keeps_keys_orders_transactions_and_ports(tmp_path, demos):
    first = demos(tmp_path)
    urls = (first.server.base_url, first.relay.base_url)
    transactions = first.server.sandbox.transactions()
    orders = order_count(first)
    first.stop()

    again = demos(tmp_path)

    assert (again.server.base_url, again.relay.base_url) == urls
    assert again.server.sandbox.transactions() == transactions
    assert order_count(again) == orders
    saved = SettingsFile(again.home).load()
    assert saved.wompi_api_url == urls[0] + "/v1" and saved.relay_url == urls[1]


def test_the_relay_token_is_rotated_and_the_old_one_refused(tmp_path, demos):
    first = demos(tmp_path)
    old = relay_token()
    first.stop()

    again = demos(tmp_path)
    new = relay_token()

    assert new != old
    assert again.relay.store.token_name(new) == "demo"
    assert again.relay.store.token_name(old) is None


def test_taken_ports_are_replaced_and_the_settings_follow(tmp_path, demos):
    first = demos(tmp_path)
    sandbox_port = int(first.server.base_url.rsplit(":", 1)[1])
    first.stop()
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", sandbox_port))
        squatter.listen()

        again = demos(tmp_path)

    assert again.server.base_url != first.server.base_url
    assert SettingsFile(again.home).load().checkout_url == again.server.base_url + "/p/"


def test_a_payment_left_pending_is_finalized_after_the_restart_and_reaches_the_relay(
    tmp_path, demos
):
    demos(tmp_path).stop()
    # What a demo killed mid-payment leaves: a PENDING card transaction in the state file.
    state_file = tmp_path / "demo" / SANDBOX_STATE
    keys = load_keys(state_file)
    assert keys is not None
    killed = Sandbox(SandboxConfig(keys=keys, state_file=state_file, auto_finalize=False))
    tx_id = killed.create_transaction(
        amount_in_cents=1_890_000,
        currency="COP",
        reference="T01-000099-1",
        customer_email="cliente@example.com",
        payment_method=dict(CARD),
    )["id"]
    del killed

    again = demos(tmp_path)

    sandbox = again.server.sandbox
    wait_until(
        lambda: sandbox.get_transaction(tx_id)["status"] == "APPROVED",
        timeout_s=DEMO_FINALIZE_DELAY_S + 10,
    )
    wait_until(
        lambda: any(
            tx_id.encode() in event.raw for event in again.relay.store.events_after(0, 100).events
        )
    )


def test_the_relay_cursor_starts_over_when_the_relay_database_is_gone(tmp_path, demos):
    first = demos(tmp_path)
    first.stop()
    database = Database.open(database_path(first.home))
    database.write(lambda s: SyncRepository(s).set_cursor(7))
    database.close()
    for leftover in first.home.glob(RELAY_DATABASE + "*"):
        leftover.unlink()

    again = demos(tmp_path)

    database = Database.open(database_path(again.home))
    try:
        assert database.read(lambda s: SyncRepository(s).cursor()) == 0
    finally:
        database.close()


# -- what stays safe -------------------------------------------------------------------------


def test_only_test_keys_reach_the_disk_and_only_for_the_owner(tmp_path, demos):
    demo = demos(tmp_path)
    state_file = demo.home / SANDBOX_STATE
    keys = load_keys(state_file)

    assert keys is not None and keys.private_key.startswith("prv_test_")
    assert stat.S_IMODE(state_file.stat().st_mode) == 0o600
    token = relay_token()
    for path in demo.home.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path
    settings = json.loads((demo.home / "settings.json").read_text(encoding="utf-8"))
    assert keys.private_key not in json.dumps(settings)


def test_a_second_demo_on_a_folder_in_use_is_refused(tmp_path, demos):
    first = demos(tmp_path)

    with pytest.raises(DemoBusyError, match="Ya hay una demostración abierta"):
        start_demo(tmp_path)

    assert first.relay.store.token_name(relay_token()) == "demo"  # the first one is untouched
    first.stop()
    demos(tmp_path)


def test_a_damaged_state_file_is_named_in_the_error(tmp_path, demos):
    demos(tmp_path).stop()
    state_file = tmp_path / "demo" / SANDBOX_STATE
    state_file.write_text('{"version": 1, "keys": {"public_', encoding="utf-8")

    with pytest.raises(DemoStateError, match=r"demo-sandbox\.json"):
        start_demo(tmp_path)

    state_file.unlink()
    demos(tmp_path)  # the lock was released: deleting the file is the way out


def test_a_half_written_temporary_state_file_from_a_kill_is_harmless(tmp_path, demos):
    first = demos(tmp_path)
    public_key = first.settings.public_key
    first.stop()
    (tmp_path / "demo" / (SANDBOX_STATE + ".tmp")).write_text('{"vers', encoding="utf-8")

    again = demos(tmp_path)

    assert again.settings.public_key == public_key


# A child that rewrites a large sandbox state file as fast as it can, until it is killed.
WRITER = """
import sys
from pathlib import Path
from mestore_desktop.sandbox import persistence
from mestore_desktop.sandbox.config import generate_keys
path, keys = Path(sys.argv[1]), generate_keys()
state = {"seq": 0, "transactions": {}, "links": {}, "card_tokens": {}, "nequi_tokens": {}}
state["transactions"] = {str(i): {"tx": {"id": str(i), "note": "x" * 500}} for i in range(2000)}
print(keys.public_key, flush=True)
while True:
    state["seq"] += 1
    persistence.save(path, keys, state)
"""


def test_a_kill_in_the_middle_of_state_writes_leaves_a_complete_state_file(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for run, pause_s in enumerate((0.2, 0.35, 0.5)):
        path = tmp_path / str(run) / SANDBOX_STATE
        path.parent.mkdir()
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert writer.stdout is not None
            public_key = writer.stdout.readline().strip()
            wait_until(path.exists)  # a first write is complete (the file appears by rename)
            time.sleep(pause_s)  # somewhere in the middle of one of many writes
        finally:
            writer.send_signal(signal.SIGKILL)
            writer.communicate(timeout=10)

        keys = load_keys(path)  # complete JSON, never half of one

        assert keys is not None and keys.public_key == public_key
