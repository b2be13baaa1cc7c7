"""`mestore link create|list|deactivate` over real HTTP (the loopback sandbox) and SQLite: the
link is made at the sandbox and mirrored; `--json` has the issue's shape; bad input exits 2
with one line on stderr and sends nothing to Wompi; Wompi or configuration failures exit 1."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from mestore_desktop.cli.main import main
from mestore_desktop.domain.links import BOGOTA
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order, OrderLine
from mestore_desktop.paths import database_path
from mestore_desktop.store.repositories import OrderRepository
from tests.sync.harness import LoopbackStack

JSON_KEYS = {"id", "url", "amount_cents", "single_use", "expires_at", "status"}


def run(home: Path, *argv: str, stdin: str = "") -> int:
    try:
        return main(["--home", str(home), *argv], stdin=io.StringIO(stdin))
    except SystemExit as exc:  # argparse's usage errors
        return int(exc.code or 0)


def ours(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("mestore:")]


@pytest.fixture
def stack(home: Path) -> Iterator[LoopbackStack]:
    with LoopbackStack(home, database=database_path(home)) as stack:
        yield stack


def sandbox_url(stack: LoopbackStack) -> str:
    assert stack.sandbox_server is not None
    return stack.sandbox_server.base_url


def configure(home: Path, stack: LoopbackStack, *, private_key: bool = True) -> None:
    pairs = ["environment", "sandbox", "public_key", stack.keys.public_key]
    pairs += ["wompi_api_url", stack.wompi_api_url, "checkout_url", sandbox_url(stack) + "/p/"]
    pairs += ["store_name", "Tienda Ejemplo"]
    assert run(home, "config", "set", *pairs) == 0
    if private_key:
        secret = stack.keys.private_key + "\n"
        assert run(home, "secrets", "set", "wompi_private_key", stdin=secret) == 0


def create_json(home: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    capsys.readouterr()
    assert run(home, "link", "create", *argv, "--json") == 0, capsys.readouterr().err
    return dict(json.loads(capsys.readouterr().out))


def links_at_sandbox(stack: LoopbackStack) -> list[dict[str, Any]]:
    return list(stack.sandbox._links.values())


def test_create_json_has_the_issues_shape_and_the_link_exists_at_wompi(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(home, stack)
    created = create_json(home, capsys, "--name", "Torta de cumpleaños", "--amount", "25.000")
    assert set(created) == JSON_KEYS
    assert created["url"] == f"{sandbox_url(stack)}/l/{created['id']}"
    assert created["amount_cents"] == 2_500_000
    assert (created["single_use"], created["expires_at"], created["status"]) == (
        True,
        None,
        "active",
    )
    [link] = links_at_sandbox(stack)
    assert (link["id"], link["name"], link["amount_in_cents"]) == (
        created["id"],
        "Torta de cumpleaños",
        2_500_000,
    )
    assert link["description"] == "Torta de cumpleaños"  # the name, when none is given
    assert stack.sandbox.payment_link_url(created["id"]) == created["url"]


def test_create_text_prints_the_id_and_the_url(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(home, stack)
    capsys.readouterr()
    assert run(home, "link", "create", "--name", "Pan", "--amount", "5000") == 0
    out = capsys.readouterr().out
    [link] = links_at_sandbox(stack)
    assert f"Link creado: {link['id']}" in out
    assert f"URL: {sandbox_url(stack)}/l/{link['id']}" in out
    assert "$ 5.000" in out


def test_multi_use_expiry_and_description(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(home, stack)
    tomorrow = (datetime.now(BOGOTA) + timedelta(days=1)).replace(second=0, microsecond=0)
    typed = tomorrow.strftime("%Y-%m-%dT%H:%M")  # Bogotá time, as staff type it
    created = create_json(
        home,
        capsys,
        *("--name", "Mercado", "--amount", "80000", "--description", "Mercado semanal"),
        *("--multi-use", "--expires-at", typed, "--iva", "19"),
    )
    assert created["single_use"] is False
    assert datetime.fromisoformat(created["expires_at"]) == tomorrow
    [link] = links_at_sandbox(stack)
    assert link["expires_at"] == tomorrow.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    assert link["description"] == "Mercado semanal"
    assert link["taxes"] == [{"type": "VAT", "amount_in_cents": 1_277_311}]  # 80.000 × 19/119


def test_create_for_an_order_takes_its_name_amount_and_iva(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(home, stack)
    number = save_order(stack, 42_000, IvaRate.REDUCED)
    created = create_json(home, capsys, "--order", str(number))
    assert created["amount_cents"] == 4_200_000
    [link] = links_at_sandbox(stack)
    assert link["name"] == f"Pedido {number} – Tienda Ejemplo"
    assert link["taxes"] == [{"type": "VAT", "amount_in_cents": 200_000}]
    again = create_json(home, capsys, "--order", str(number), "--name", "Saldo", "--amount", "1000")
    assert again["amount_cents"] == 100_000


def save_order(stack: LoopbackStack, pesos: int, rate: IvaRate) -> int:
    line = OrderLine("Café molido 500 g", 1, Money.from_pesos(pesos), rate)
    draft = Order(terminal_id="T01", lines=(line,), created_at=datetime.now(UTC))

    def save(session: Any) -> int:
        number = OrderRepository(session).create_order(draft).number
        assert number is not None
        return number

    return stack.database.write(save)


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--name", "Pan", "--amount", "0"], "mayor que cero"),
        (["--name", "Pan", "--amount", "-5000"], ""),
        (["--name", "Pan", "--amount", "25.000,50"], "pesos completos"),
        (["--name", "Pan", "--amount", "veinte"], ""),
        (["--name", "P" * 61, "--amount", "5000"], "60 caracteres"),
        (["--name", "Pan", "--amount", "5000", "--expires-at", "2020-01-01T10:00"], "ya pasó"),
        (["--name", "Pan", "--amount", "5000", "--expires-at", "mañana"], "ISO-8601"),
        (["--name", "Pan", "--amount", "5000", "--redirect-url", "ftp://x.co"], "redirección"),
        (["--name", "Pan", "--amount", "5000", "--redirect-url", "gracias"], "redirección"),
        (["--amount", "5000"], "--name"),
        (["--name", "Pan"], "--amount"),
        (["--name", "Pan", "--amount", "5000", "--order", "999"], "999"),
        (["--name", "Pan", "--amount", "5000", "--sku", "S" * 37], "SKU"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_creates_nothing(
    home: Path,
    stack: LoopbackStack,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    says: str,
) -> None:
    configure(home, stack)
    capsys.readouterr()
    assert run(home, "link", "create", *argv) == 2
    captured = capsys.readouterr()
    errors = [line for line in captured.err.splitlines() if line.strip()]
    assert len(errors) == 1 or errors[-1].startswith("mestore: error:")  # argparse: usage first
    assert says in errors[-1]
    assert captured.out == ""
    assert links_at_sandbox(stack) == []


def test_a_link_for_a_paid_order_is_refused(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(home, stack)
    sale = stack.sale()
    stack.sandbox.approve(sale.transaction_id)
    stack.wait_delivered(1)
    assert run(home, "config", "set", "relay_url", stack.relay_url) == 0
    assert run(home, "secrets", "set", "relay_token", stdin=stack.token + "\n") == 0
    assert run(home, "sync", "--once") == 0
    capsys.readouterr()
    assert run(home, "link", "create", "--order", str(sale.order_number)) == 2
    assert ours(capsys.readouterr().err) == [
        f"mestore: El pedido {sale.order_number} ya está pagado: no se le puede crear un link "
        "de pago."
    ]
    assert links_at_sandbox(stack) == []


def test_without_the_private_key_it_exits_1_and_sends_nothing(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(home, stack, private_key=False)
    capsys.readouterr()
    assert run(home, "link", "create", "--name", "Pan", "--amount", "5000") == 1
    [line] = ours(capsys.readouterr().err)
    assert "llave privada" in line
    assert links_at_sandbox(stack) == []


def test_wompi_down_exits_1_with_one_line(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(home, stack)
    stack.sandbox.fail_next_api_calls(1, 503)
    capsys.readouterr()
    assert run(home, "link", "create", "--name", "Pan", "--amount", "5000") == 1
    [line] = ours(capsys.readouterr().err)
    assert "puede que haya creado" in line


def test_list_shows_every_link_with_its_status(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(home, stack)
    capsys.readouterr()
    assert run(home, "link", "list") == 0
    assert capsys.readouterr().out == "No hay links de pago todavía.\n"
    cake = create_json(home, capsys, "--name", "Torta", "--amount", "25000")
    bread = create_json(home, capsys, "--name", "Pan", "--amount", "5000", "--multi-use")
    assert run(home, "link", "deactivate", bread["id"]) == 0
    assert f"Link {bread['id']} desactivado" in capsys.readouterr().out
    assert run(home, "link", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [set(item) for item in listed] == [JSON_KEYS, JSON_KEYS]
    by_id = {item["id"]: item for item in listed}
    assert by_id[cake["id"]] == cake
    assert by_id[bread["id"]]["status"] == "deactivated"
    assert stack.sandbox.get_payment_link(bread["id"])["active"] is False  # type: ignore[index]
    assert run(home, "link", "list") == 0
    text = capsys.readouterr().out
    assert "activo" in text and "desactivado" in text and "Torta" in text and "$ 5.000" in text


def test_deactivate_an_unknown_link_exits_2(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(home, stack)
    capsys.readouterr()
    assert run(home, "link", "deactivate", "test_nope00") == 2
    assert ours(capsys.readouterr().err) == [
        "mestore: No hay un link «test_nope00» en este equipo."
    ]


def test_deactivate_audits_who_and_why(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(home, stack)
    created = create_json(home, capsys, "--name", "Pan", "--amount", "5000")
    assert run(home, "link", "deactivate", created["id"], "--reason", "precio errado") == 0
    entries = stack.database.read(lambda s: OrderRepository(s).audit_entries(limit=10))
    done = [e for e in entries if e.action == "link.deactivated"]
    assert [e.detail for e in done] == [f"link={created['id']} reason=precio errado"]
    assert done[0].actor.endswith("@T01")
