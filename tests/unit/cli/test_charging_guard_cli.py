"""Issue 9, defect 6 on the command line: `mestore order create` refuses a Wompi charge that
could never be confirmed (no relay and no private key), in one line saying what to set up."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from mestore_desktop.cli.main import main
from mestore_desktop.paths import database_path
from mestore_desktop.store.db import Database
from mestore_desktop.store.repositories import OrderRepository

PUB = "pub_test_EXAMPLEONLYnotArealPublicKey0000"
INTEGRITY = "test_integrity_EXAMPLEONLYnotArealSecret000"


def run(home: Path, *argv: str, stdin: str = "") -> int:
    return main(["--home", str(home), *argv], stdin=io.StringIO(stdin))


def test_defect6_order_create_without_relay_or_private_key_exits_1_in_one_line(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "config", "set", "public_key", PUB) == 0
    assert run(home, "secrets", "set", "wompi_integrity_secret", stdin=INTEGRITY) == 0
    capsys.readouterr()

    assert run(home, "order", "create", "--amount", "25.000") == 1

    out, err = capsys.readouterr()
    assert out == ""
    [line] = err.splitlines()
    assert "llave privada" in line and "relay" in line
    assert "mestore secrets set wompi_private_key" in line
    assert "mestore config set relay_url" in line
    assert not database_path(home).exists() or _orders(home) == 0


def test_with_a_relay_and_its_token_order_create_charges(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "config", "set", "public_key", PUB) == 0
    assert run(home, "secrets", "set", "wompi_integrity_secret", stdin=INTEGRITY) == 0
    assert run(home, "config", "set", "relay_url", "https://relay.example.co") == 0
    assert run(home, "secrets", "set", "relay_token", stdin="token-de-la-caja") == 0
    capsys.readouterr()
    assert run(home, "order", "create", "--amount", "25.000") == 0
    assert "Checkout: " in capsys.readouterr().out


def _orders(home: Path) -> int:
    database = Database.open(database_path(home))
    try:
        return len(database.read(lambda s: OrderRepository(s).list_orders()))
    finally:
        database.close()
