"""Issue 11 end to end over real HTTP on loopback (tests/sync/harness.py `LoopbackStack`: the
sandbox and the relay as servers, the desktop's SQLite file in a CLI home).

Links are made the way staff make them (`mestore link create`, or the desktop's LinksService
from `build_links`, keys in the keyring); customers pay them on the sandbox's real link page
(GET /l/<id>, then its form posted as a browser posts it) or through the sandbox's
`/_sandbox/payment_links/{id}/pay` control; the payment reaches the desktop through the relay
and the sync (`mestore sync --once`, or the SyncService with the double-payment guard listening
to it, as in the app); the order is paid in Pedidos' query with the link's name, and its other
links end switched off at the sandbox. A used single-use link and an expired one are refused;
an open-amount link on a link without order makes an order; a link payment approved after the
order was paid at the counter is recorded as a duplicate payment.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from mestore_desktop.domain.browse import OrderFilter
from mestore_desktop.domain.links import BOGOTA, LinkDraft
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order, OrderLine
from mestore_desktop.domain.payment import OrderStatus
from mestore_desktop.paths import database_path
from mestore_desktop.sandbox.links import LINK_EXPIRED, LINK_USED
from mestore_desktop.services.back_office import build_back_office
from mestore_desktop.services.links import build_links
from mestore_desktop.settings import SettingsFile
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.repositories import OrderRepository
from tests.support.back_office_situations import configure, run
from tests.support.link_page import LinkPage, wait_for_result
from tests.sync.harness import LoopbackStack

GUARD_DONE = "link.deactivated"


@pytest.fixture
def stack(home: Path) -> Iterator[LoopbackStack]:
    # Payments settle by themselves, as on Wompi: the page's customer waits for the result.
    with LoopbackStack(home, database=database_path(home), auto_finalize=True) as stack:
        yield stack


def base_url(stack: LoopbackStack) -> str:
    assert stack.sandbox_server is not None
    return stack.sandbox_server.base_url


def set_up(home: Path, stack: LoopbackStack) -> None:
    configure(home, stack)  # keys, relay and store name, as in the back office's test
    assert run(home, "config", "set", "checkout_url", base_url(stack) + "/p/") == 0


def new_order(stack: LoopbackStack, *lines: tuple[str, int, IvaRate]) -> int:
    """An order saved at the counter with no payment yet (as `save_sale` leaves it)."""
    sale = Order(
        terminal_id="T01",
        lines=tuple(OrderLine(d, 1, Money.from_pesos(p), r) for d, p, r in lines),
        created_at=datetime.now(UTC),
    )

    def save(session: Any) -> int:
        number = OrderRepository(session).create_order(sale).number
        assert number is not None
        return number

    return stack.database.write(save)


def cli_link(home: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    capsys.readouterr()
    assert run(home, "link", "create", *argv, "--json") == 0, capsys.readouterr().err
    return dict(json.loads(capsys.readouterr().out))


def cli_links(home: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, Any]]:
    capsys.readouterr()
    assert run(home, "link", "list", "--json") == 0
    return {item["id"]: item for item in json.loads(capsys.readouterr().out)}


def control_pay(stack: LoopbackStack, link_id: str, **body: Any) -> httpx.Response:
    return httpx.post(f"{base_url(stack)}/_sandbox/payment_links/{link_id}/pay", json=body)


def active_at_sandbox(stack: LoopbackStack, link_id: str) -> bool:
    """As anyone can read it: `GET /v1/payment_links/{id}` (no key needed)."""
    response = httpx.get(f"{stack.wompi_api_url}/payment_links/{link_id}")
    assert response.status_code == 200, response.text
    return bool(response.json()["data"]["active"])


def sync_with_the_guard(home: Path, stack: LoopbackStack) -> set[int]:
    """One sync pass with the double-payment guard listening, as the app wires them; the
    orders the sync changed."""
    executor = DbExecutor(stack.database)

    async def work() -> set[int]:
        async with httpx.AsyncClient(timeout=10.0) as http:
            links = build_links(SettingsFile(home), executor, http)
            sync = stack.service(http, executor)
            sync.on_orders_changed.append(links.guard.orders_changed)
            report = await sync.run_once()
            await links.guard.idle()
            return set(report.orders_changed)

    try:
        return asyncio.run(work())
    finally:
        executor.shutdown()


def restart_the_guard(home: Path, stack: LoopbackStack) -> None:
    """The app starting again: the guard re-checks every order with an active link."""
    executor = DbExecutor(stack.database)

    async def work() -> None:
        async with httpx.AsyncClient(timeout=10.0) as http:
            links = build_links(SettingsFile(home), executor, http)
            await links.guard.start()
            await links.guard.idle()

    try:
        asyncio.run(work())
    finally:
        executor.shutdown()


def pedidos_row(home: Path, stack: LoopbackStack, number: int) -> tuple[OrderStatus, str]:
    """Pedidos' own query (OrdersService) for the order's status and the link's name."""
    executor = DbExecutor(stack.database)

    async def work() -> tuple[OrderStatus, str]:
        async with httpx.AsyncClient() as http:
            office = build_back_office(SettingsFile(home), executor, http)
            page = await office.orders.page(OrderFilter())
            [row] = [r for r in page.rows if r.number == number]
            return row.status, row.link_name

    try:
        return asyncio.run(work())
    finally:
        executor.shutdown()


def test_a_link_paid_on_its_page_pays_the_order_and_switches_off_its_other_links(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    set_up(home, stack)
    number = new_order(stack, ("Torta de chocolate", 84_000, IvaRate.GENERAL))
    sent = cli_link(home, capsys, "--order", str(number))
    spare = cli_link(home, capsys, "--order", str(number), "--multi-use")
    assert sent["url"] == f"{base_url(stack)}/l/{sent['id']}"
    result = LinkPage(base_url(stack), sent["id"]).pay_by_card("4242424242424242")
    assert result.status_code == 200
    wait_for_result(result, "APPROVED")
    stack.wait_delivered(1)
    assert number in sync_with_the_guard(home, stack)
    status, link_name = pedidos_row(home, stack, number)
    assert (status, link_name) == (OrderStatus.PAID, f"Pedido {number} – Tienda Ejemplo")
    assert not active_at_sandbox(stack, spare["id"])  # the guard switched it off
    listed = cli_links(home, capsys)
    assert listed[sent["id"]]["status"] == "paid"
    assert listed[spare["id"]]["status"] == "deactivated"
    entries = stack.database.read(lambda s: OrderRepository(s).audit_entries(limit=50))
    done = [e.detail for e in entries if e.action == GUARD_DONE]
    assert done == [f"order={number} link={spare['id']} reason=pedido pagado por otro medio"]
    # The used single-use link takes nothing more: its page and the control both refuse it.
    again = LinkPage(base_url(stack), sent["id"]).open()
    assert again.status_code == 422 and LINK_USED in again.text
    refused = control_pay(stack, sent["id"], method="NEQUI", outcome="APPROVED")
    assert refused.status_code == 422
    assert refused.json()["error"]["messages"] == {"payment_link_id": [LINK_USED]}


def test_a_link_paid_through_the_control_syncs_with_mestore_sync_and_a_restart_guards(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    set_up(home, stack)
    number = new_order(stack, ("Mercado semanal", 120_000, IvaRate.EXEMPT))
    paying = cli_link(home, capsys, "--order", str(number))
    other = cli_link(home, capsys, "--order", str(number), "--name", "Mercado (otro)")
    paid = control_pay(stack, paying["id"], method="NEQUI", outcome="APPROVED")
    assert paid.status_code == 201, paid.text
    stack.wait_delivered(1)
    assert run(home, "sync", "--once") == 0  # the headless sync: no guard runs there
    assert pedidos_row(home, stack, number)[0] is OrderStatus.PAID
    assert active_at_sandbox(stack, other["id"])
    restart_the_guard(home, stack)  # the app's next start finds it and switches it off
    assert not active_at_sandbox(stack, other["id"])
    assert cli_links(home, capsys)[other["id"]]["status"] == "deactivated"


def test_an_expired_link_is_refused(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    set_up(home, stack)
    in_an_hour = (datetime.now(BOGOTA) + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    link = cli_link(home, capsys, "--name", "Oferta", "--amount", "9.900", "--expires-at",
                    in_an_hour)  # fmt: skip
    assert LinkPage(base_url(stack), link["id"]).open().status_code == 200
    moved = httpx.post(f"{base_url(stack)}/_sandbox/clock/advance", json={"seconds": 7200})
    assert moved.status_code == 200
    page = LinkPage(base_url(stack), link["id"]).open()
    assert page.status_code == 422 and LINK_EXPIRED in page.text
    refused = control_pay(stack, link["id"], method="CARD", outcome="APPROVED")
    assert refused.json()["error"]["messages"] == {"payment_link_id": [LINK_EXPIRED]}
    assert stack.sandbox.transactions() == []


def test_an_open_amount_link_without_order_makes_an_order_with_the_link_name(
    home: Path, stack: LoopbackStack
) -> None:
    set_up(home, stack)
    executor = DbExecutor(stack.database)

    async def create() -> str:
        async with httpx.AsyncClient(timeout=10.0) as http:
            links = build_links(SettingsFile(home), executor, http)
            draft = LinkDraft(
                name="Domicilio", description="Pague lo de su pedido", amount=None,
                iva_rate=IvaRate.REDUCED,
            )  # fmt: skip
            return (await links.create(draft)).link_id

    try:
        link_id = asyncio.run(create())
    finally:
        executor.shutdown()
    page = LinkPage(base_url(stack), link_id)
    assert "¿Cuánto vas a pagar?" in page.open().text
    result = page.pay_by_nequi("3991111111", amount_pesos="42.000")
    wait_for_result(result, "APPROVED")
    stack.wait_delivered(1)
    [number] = sync_with_the_guard(home, stack)
    order = stack.database.read(lambda s: OrderRepository(s).get_order(number))
    assert order is not None and order.total == Money.from_pesos(42_000)
    [line] = order.lines
    assert (line.description, line.iva_rate) == ("Domicilio", IvaRate.REDUCED)
    assert pedidos_row(home, stack, number) == (OrderStatus.PAID, "Domicilio")


def test_a_link_payment_after_the_counter_was_paid_is_a_duplicate_payment(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    set_up(home, stack)
    sale = stack.sale(30_000)  # at the counter: its card payment settles at once
    link = cli_link(home, capsys, "--order", str(sale.order_number))
    # The customer also pays the link before the desktop heard of the counter's approval.
    paid = control_pay(stack, link["id"], method="CARD", outcome="APPROVED")
    assert paid.status_code == 201, paid.text
    stack.wait_delivered(2)
    sync_with_the_guard(home, stack)
    assert stack.order_status(sale.order_number) is OrderStatus.PAID
    duplicates = stack.database.read(lambda s: OrderRepository(s).duplicate_payments())
    assert [(d.order_number, d.amount) for d in duplicates] == [
        (sale.order_number, Money.from_pesos(30_000))
    ]
