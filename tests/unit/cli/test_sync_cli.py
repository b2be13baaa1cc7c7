"""`mestore sync`: keys fail closed, `--once --json` over real HTTP (sandbox → relay → SQLite),
and the continuous mode stops cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import io
import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from mestore_desktop.cli.main import main
from mestore_desktop.paths import database_path
from mestore_desktop.sync.service import SyncService
from tests.sync.harness import LoopbackStack


def run(home: Path, *argv: str, stdin: str = "") -> int:
    return main(["--home", str(home), *argv], stdin=io.StringIO(stdin))


def ours(err: str) -> list[str]:
    """The CLI's own stderr lines (a leaked logging handler elsewhere may add noise)."""
    return [line for line in err.splitlines() if line.startswith("mestore:")]


@pytest.fixture
def stack(home: Path) -> Iterator[LoopbackStack]:
    with LoopbackStack(home, database=database_path(home)) as stack:
        yield stack


def configure(home: Path, stack: LoopbackStack, *, relay: bool = True) -> None:
    pairs = ["environment", "sandbox", "public_key", stack.keys.public_key]
    pairs += ["wompi_api_url", stack.wompi_api_url]
    if relay:
        pairs += ["relay_url", stack.relay_url]
    assert run(home, "config", "set", *pairs) == 0
    secret = stack.keys.private_key + "\n"
    assert run(home, "secrets", "set", "wompi_private_key", stdin=secret) == 0
    if relay:
        assert run(home, "secrets", "set", "relay_token", stdin=stack.token + "\n") == 0


def test_sync_once_json_applies_the_relays_events(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(home, stack)
    paid, failed, pending = stack.sale(), stack.sale(30_000), stack.sale(40_000)
    stack.sandbox.approve(paid.transaction_id)
    stack.sandbox.decline(failed.transaction_id)
    stack.wait_delivered(2)
    capsys.readouterr()
    assert run(home, "sync", "--once", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["events_applied"] == 2
    assert report["attempts_updated"] == 2
    # The pending one is listed too: its transaction (and payment method) is now known.
    assert report["orders_changed"] == [
        paid.order_number,
        failed.order_number,
        pending.order_number,
    ]
    assert report["relay"] == "connected"
    assert report["pending_attempts"] == 1
    assert report["problems"] == []
    assert run(home, "orders", "list", "--json") == 0
    statuses = {o["number"]: o["status"] for o in json.loads(capsys.readouterr().out)}
    assert statuses == {
        paid.order_number: "paid",
        failed.order_number: "failed",
        pending.order_number: "awaiting_payment",
    }
    assert run(home, "sync", "--once") == 0
    out = capsys.readouterr().out
    assert "Eventos aplicados: 0" in out
    assert "Relay: connected" in out


def test_without_a_relay_wompi_is_polled_directly(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(home, stack, relay=False)
    sale = stack.sale()
    stack.sandbox.drop_next_events(1)
    stack.sandbox.approve(sale.transaction_id)
    capsys.readouterr()
    assert run(home, "sync", "--once", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["relay"] == "not_configured"
    assert report["orders_changed"] == [sale.order_number]
    assert report["gap_filled"] is True


def test_an_unreachable_relay_is_exit_1_after_the_summary(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(home, stack)
    assert run(home, "config", "set", "relay_url", "http://127.0.0.1:9") == 0
    capsys.readouterr()
    assert run(home, "sync", "--once", "--json") == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["relay"] == "degraded"
    [line] = ours(captured.err)
    assert line.startswith("mestore: El relay no responde")


@pytest.mark.parametrize(
    ("missing", "message", "relay"),
    [
        ("public_key", "llave pública", True),
        # Without a relay the private key is the only way to hear of payments (with a relay it
        # may be left out: tests/sync/test_relay_only.py).
        ("wompi_private_key", "Llave privada de Wompi", False),
        ("relay_token", "Token del relay", True),
    ],
)
def test_missing_keys_fail_closed_in_one_line(
    home: Path,
    memory_keyring,
    capsys: pytest.CaptureFixture[str],
    missing: str,
    message: str,
    relay: bool,
) -> None:
    if missing != "public_key":
        assert run(home, "config", "set", "public_key", "pub_test_abc123") == 0
    if relay:
        assert run(home, "config", "set", "relay_url", "https://relay.example.com") == 0
    for name in ("wompi_private_key", "relay_token"):
        if name != missing:
            assert run(home, "secrets", "set", name, stdin="prv_test_x1\n") == 0
    capsys.readouterr()
    assert run(home, "sync", "--once") == 1
    [line] = ours(capsys.readouterr().err)
    assert message in line
    assert not database_path(home).exists()


def test_continuous_mode_stops_on_sigterm_with_totals(
    home: Path, stack: LoopbackStack, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    configure(home, stack)

    async def run_then_get_terminated(self: SyncService) -> None:
        os.kill(os.getpid(), signal.SIGTERM)  # the CLI's handler turns this into a clean stop
        await asyncio.sleep(30)

    monkeypatch.setattr(SyncService, "run", run_then_get_terminated)
    capsys.readouterr()
    assert run(home, "sync", "--json") == 0
    assert json.loads(capsys.readouterr().out)["events_applied"] == 0
