"""A card and a Nequi payment made at the sandbox and synced over real HTTP (`LoopbackStack`,
`mestore sync --once`): the back office lists, filters and totals them by Wompi's method type
("CARD", "NEQUI"), never one entry per card or phone, while each attempt keeps its receipt label
("VISA ••4242", "Nequi 399•••1111")."""

from __future__ import annotations

import asyncio
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from mestore_desktop.cli.main import main
from mestore_desktop.domain.browse import OrderFilter, SortKey
from mestore_desktop.domain.reconciliation import bogota_day
from mestore_desktop.paths import database_path
from mestore_desktop.services.back_office import build_back_office
from mestore_desktop.settings import SettingsFile
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.reconciliation_repository import ReconciliationRepository
from mestore_desktop.store.repositories import OrderRepository
from tests.sync.harness import NEQUI, LoopbackStack, Sale


def run(home: Path, *argv: str, stdin: str = "") -> int:
    return main(["--home", str(home), *argv], stdin=io.StringIO(stdin))


def configure(home: Path, stack: LoopbackStack) -> None:
    """The CLI's home pointed at the sandbox and the relay, with both keys."""
    pairs = ["environment", "sandbox", "public_key", stack.keys.public_key]
    pairs += ["wompi_api_url", stack.wompi_api_url, "relay_url", stack.relay_url]
    assert run(home, "config", "set", *pairs) == 0
    assert run(home, "secrets", "set", "relay_token", stdin=stack.token + "\n") == 0
    secret = stack.keys.private_key + "\n"
    assert run(home, "secrets", "set", "wompi_private_key", stdin=secret) == 0


@pytest.fixture
def stack(home: Path) -> Iterator[LoopbackStack]:
    with LoopbackStack(home, database=database_path(home)) as stack:
        yield stack


@pytest.fixture
def paid(home: Path, stack: LoopbackStack) -> dict[str, Sale]:
    configure(home, stack)
    sales = {"card": stack.sale(25_000), "nequi": stack.sale(30_000, method=NEQUI)}
    assert stack.sandbox_server is not None
    for sale in sales.values():
        url = f"{stack.sandbox_server.base_url}/_sandbox/transactions/{sale.transaction_id}/approve"
        assert httpx.post(url).status_code in (200, 201)
    stack.wait_delivered(2)
    assert run(home, "sync", "--once") == 0
    return sales


def test_attempts_keep_the_receipt_label_and_the_type(
    stack: LoopbackStack, paid: dict[str, Sale]
) -> None:
    def method(sale: Sale) -> tuple[str, str]:
        attempt = stack.database.read(lambda s: OrderRepository(s).get_attempt(sale.reference))
        return attempt.payment_method, attempt.payment_method_type

    assert method(paid["card"]) == ("VISA ••4242", "CARD")
    assert method(paid["nequi"]) == ("Nequi 399•••1111", "NEQUI")


def test_the_orders_service_lists_and_filters_by_type(
    home: Path, stack: LoopbackStack, paid: dict[str, Sale]
) -> None:
    async def browse() -> tuple[list[str], dict[str, list[tuple[int, str]]]]:
        executor = DbExecutor(stack.database)
        try:
            async with httpx.AsyncClient() as http:
                orders = build_back_office(SettingsFile(home), executor, http).orders
                found = {}
                for kind in ("CARD", "NEQUI"):
                    page = await orders.page(OrderFilter(method=kind), SortKey.CREATED_AT, True,
                                             None, 50)  # fmt: skip
                    found[kind] = [(r.number, r.payment_method) for r in page.rows]
                return await orders.methods(), found
        finally:
            executor.shutdown()

    methods, found = asyncio.run(browse())
    assert methods == ["CARD", "NEQUI"]
    assert found == {
        "CARD": [(paid["card"].order_number, "CARD")],
        "NEQUI": [(paid["nequi"].order_number, "NEQUI")],
    }


def test_the_day_close_totals_by_type(
    home: Path, stack: LoopbackStack, paid: dict[str, Sale], capsys: pytest.CaptureFixture[str]
) -> None:
    today = bogota_day(datetime.now(UTC))
    capsys.readouterr()
    assert run(home, "day-close", "--date", today.isoformat(), "--preview", "--json") == 0
    preview = json.loads(capsys.readouterr().out)
    assert [(t["key"], t["count"], t["total_cents"]) for t in preview["by_method"]] == [
        ("CARD", 1, 2_500_000),
        ("NEQUI", 1, 3_000_000),
    ]
    local = stack.database.read(lambda s: ReconciliationRepository(s).local_attempts(today, today))
    assert sorted(a.payment_method for a in local) == ["CARD", "NEQUI"]
