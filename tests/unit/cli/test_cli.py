"""`mestore` CLI: config, secrets (stdin only), orders; exit codes 0 / 1 / 2."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import keyring
import keyring.backends.fail
import pytest

from mestore_desktop.cli.main import main
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order, OrderLine
from mestore_desktop.domain.payment import Tender
from mestore_desktop.paths import database_path
from mestore_desktop.store.db import Database
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.wompi.checkout import format_expiration
from mestore_desktop.wompi.signatures import integrity_signature

CANARY = "prv_test_CANARYcanary1234567890abcdefXYZ"


def run(home: Path, *argv: str, stdin: str = "") -> int:
    return main(["--home", str(home), *argv], stdin=io.StringIO(stdin))


def test_config_show_and_set_round_trip(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(home, "config", "set", "terminal_id", "T07") == 0
    assert run(home, "config", "set", "store_name", "Tienda Doña Rosa") == 0
    capsys.readouterr()
    assert run(home, "config", "show", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["terminal_id"] == "T07"
    assert shown["store_name"] == "Tienda Doña Rosa"
    assert run(home, "config", "show") == 0
    assert "T07" in capsys.readouterr().out


def test_bad_setting_is_one_line_naming_the_key_and_exit_1(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "config", "set", "terminal_id", "t 1") == 1
    err = capsys.readouterr().err
    assert "terminal_id" in err
    assert err.count("\n") == 1
    assert run(home, "config", "set", "no_such_key", "x") == 1


def test_secret_from_stdin_goes_to_keyring_only(
    home: Path, memory_keyring, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "secrets", "set", "wompi_private_key", stdin=CANARY + "\n") == 0
    assert memory_keyring.values[("mestore-desktop/sandbox", "wompi_private_key")] == CANARY
    out = capsys.readouterr().out
    assert CANARY not in out
    assert run(home, "secrets", "status", "--json") == 0
    status = json.loads(capsys.readouterr().out)
    assert status["wompi_private_key"] is True
    assert status["wompi_events_secret"] is False
    for path in home.rglob("*"):
        if path.is_file():
            assert CANARY.encode() not in path.read_bytes()


def test_secret_value_is_never_taken_from_argv(home: Path) -> None:
    with pytest.raises(SystemExit) as info:
        run(home, "secrets", "set", "wompi_private_key", CANARY)
    assert info.value.code == 2


def test_no_keyring_backend_is_refused_clearly(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    assert run(home, "secrets", "set", "relay_token", stdin=CANARY) == 1
    err = capsys.readouterr().err
    assert CANARY not in err
    assert "llavero" in err.lower()


def test_empty_secret_is_refused(home: Path) -> None:
    assert run(home, "secrets", "set", "relay_token", stdin="\n") == 1


def test_orders_list_empty_and_with_orders(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(home, "orders", "list") == 0
    assert "No hay pedidos" in capsys.readouterr().out
    database = Database.open(database_path(home))
    now = datetime(2026, 11, 26, 15, 30, tzinfo=UTC)
    line = OrderLine("Camiseta", 2, Money.from_pesos(35_000), IvaRate.GENERAL)

    def create(session):
        repo = OrderRepository(session)
        order = repo.create_order(Order(terminal_id="T01", lines=(line,), created_at=now))
        repo.new_attempt(order.number, Tender.WOMPI, now)
        return order

    order = database.write(create)
    database.close()
    assert run(home, "orders", "list", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["number"] == order.number
    assert rows[0]["total_cents"] == 7_000_000
    assert rows[0]["status"] == "awaiting_payment"
    assert re.fullmatch(rf"T01-[0-9A-Z]{{4}}-{order.number:06d}-1", rows[0]["reference"])
    assert run(home, "orders", "list") == 0
    listed = capsys.readouterr().out
    assert "$ 70.000" in listed
    # Times read as the filters' days do: Bogotá's (15:30 UTC is 10:30 there).
    assert "2026-11-26 10:30" in listed


def _cli(home: Path, *argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "MESTORE_HOME"}
    env["MESTORE_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "mestore_desktop.cli", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_exit_codes_as_a_real_process(home: Path) -> None:
    assert _cli(home, "config", "show").returncode == 0
    assert _cli(home, "no-such-command").returncode == 2
    assert _cli(home, "orders", "list", "--limit", "0").returncode == 2
    bad = _cli(home, "config", "set", "language", "fr")
    assert bad.returncode == 1
    assert "language" in bad.stderr
    assert "Traceback" not in bad.stderr
    assert (home / "settings.json").exists() is False or "fr" not in (
        home / "settings.json"
    ).read_text()


def test_switching_environment_with_its_key_in_one_step(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "config", "set", "public_key", "pub_test_abc123") == 0
    # Alone, the switch would leave a sandbox key on production: refused, nothing saved.
    assert run(home, "config", "set", "environment", "production") == 1
    assert "public_key" in capsys.readouterr().err
    assert (
        run(home, "config", "set", "environment", "production", "public_key", "pub_prod_xyz789")
        == 0
    )
    capsys.readouterr()
    run(home, "config", "show", "--json")
    shown = json.loads(capsys.readouterr().out)
    assert shown["environment"] == "production"
    assert shown["public_key"].startswith("pub_prod_")


def test_odd_pairs_are_a_usage_error(home: Path) -> None:
    with pytest.raises(SystemExit) as info:
        run(home, "config", "set", "terminal_id", "T02", "store_name")
    assert info.value.code == 2


PUB = "pub_test_EXAMPLEONLYnotArealPublicKey0000"
INTEGRITY = "test_integrity_EXAMPLEONLYnotArealSecret000"
PRIVATE = "prv_test_EXAMPLEONLYnotArealPrivateKey000"


def _configure_checkout(home: Path) -> None:
    assert run(home, "config", "set", "public_key", PUB) == 0
    assert run(home, "secrets", "set", "wompi_integrity_secret", stdin=INTEGRITY) == 0
    # Without it (or a relay) a payment could never be confirmed: `order create` refuses.
    assert run(home, "secrets", "set", "wompi_private_key", stdin=PRIVATE) == 0


def test_order_create_saves_before_printing_a_signed_url(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _configure_checkout(home)
    capsys.readouterr()
    assert (
        run(home, "order", "create", "--amount", "25.000", "--email", "ana@example.com", "--json")
        == 0
    )
    created = json.loads(capsys.readouterr().out)
    assert re.fullmatch(rf"T01-[0-9A-Z]{{4}}-{created['order_number']:06d}-1", created["reference"])
    assert created["amount_in_cents"] == 2_500_000
    url = created["checkout_url"]
    query = parse_qs(urlsplit(url).query)
    assert url.startswith("https://checkout.wompi.co/p/?")
    assert query["reference"] == [created["reference"]]
    assert query["amount-in-cents"] == ["2500000"]
    assert query["customer-data:email"] == ["ana@example.com"]
    # Signed with the checkout's expiry (30 minutes by default), which the command prints.
    assert query["expiration-time"] == [created["expires_at"]]
    assert query["signature:integrity"] == [
        integrity_signature(
            created["reference"], 2_500_000, INTEGRITY, expiration_time=created["expires_at"]
        )
    ]
    assert INTEGRITY not in url
    # The order and the attempt are on disk.
    database = Database.open(database_path(home))
    attempt = database.read(lambda s: OrderRepository(s).get_attempt(created["reference"]))
    database.close()
    assert attempt.status.value == "PENDING"
    assert attempt.amount == Money(2_500_000)
    assert format_expiration(attempt.expires_at) == created["expires_at"]


def test_order_create_text_output(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _configure_checkout(home)
    capsys.readouterr()
    assert run(home, "order", "create", "--amount", "12000", "--iva", "0") == 0
    out = capsys.readouterr().out
    assert "$ 12.000" in out
    assert "Checkout: https://checkout.wompi.co/p/?" in out
    assert "Vence: " in out  # when the checkout stops taking payments


@pytest.mark.parametrize(
    ("setup", "argv", "message"),
    [
        (False, ("--amount", "25000"), "llave pública"),
        (True, ("--amount", "25.000,50"), "pesos completos"),
        (True, ("--amount", "veinte"), "no es un monto"),
        (True, ("--amount", "0"), "mayor que cero"),
        (True, ("--amount", "1000", "--email", "no-mail"), "correo"),
    ],
)
def test_order_create_refuses_before_saving_anything(
    home: Path, capsys: pytest.CaptureFixture[str], setup: bool, argv: tuple[str, ...], message: str
) -> None:
    if setup:
        _configure_checkout(home)
    capsys.readouterr()
    assert run(home, "order", "create", *argv) == 1
    assert message in capsys.readouterr().err
    assert not (home / "mestore.sqlite3").exists() or _order_count(home) == 0


def test_order_create_fails_closed_without_the_integrity_secret(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "config", "set", "public_key", PUB) == 0
    capsys.readouterr()
    assert run(home, "order", "create", "--amount", "1000") == 1
    assert "secreto de integridad" in capsys.readouterr().err


def _order_count(home: Path) -> int:
    database = Database.open(database_path(home))
    try:
        return len(database.read(lambda s: OrderRepository(s).list_orders(limit=10)))
    finally:
        database.close()
