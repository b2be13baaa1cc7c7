"""`OrdersService` over the sandbox (in-process) and SQLite: pages and search through the store,
*Consultar en Wompi* (by reference with the private key, by id without it), CSV of the filtered
rows, and observers told of the orders it changed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from mestore_desktop.domain.browse import OrderFilter, SortKey
from mestore_desktop.domain.payment import OrderStatus, PaymentStatus, StatusSource
from mestore_desktop.services.back_office import UnknownOrderNumberError
from mestore_desktop.services.csv_export import ORDER_HEADER, read_csv
from tests.services.back_office_helpers import ACTOR, cash_sale, office, paid, record, today
from tests.sync.harness import InProcessWorld

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[InProcessWorld]:
    async with InProcessWorld(tmp_path) as world:
        yield world


async def test_pages_search_and_detail_come_from_the_store(world: InProcessWorld) -> None:
    first = await paid(world)
    second = await paid(world, 30_000)
    orders = office(world).orders
    page = await orders.page(OrderFilter(), SortKey.CREATED_AT, True, None, 1)
    assert [r.number for r in page.rows] == [second.order_number]
    assert page.next_key is not None
    rest = await orders.page(OrderFilter(), SortKey.CREATED_AT, True, page.next_key, 10)
    assert [r.number for r in rest.rows] == [first.order_number]
    found = await orders.page(OrderFilter(search=first.reference), SortKey.CREATED_AT, True)
    assert [r.number for r in found.rows] == [first.order_number]
    detail = await orders.detail(first.order_number)
    assert detail is not None
    assert detail.status is OrderStatus.PAID
    assert [a.attempt.reference for a in detail.attempts] == [first.reference]
    assert await orders.detail(999) is None
    assert [s.number for s in await orders.summaries([second.order_number])] == [
        second.order_number
    ]
    assert await orders.terminals() == ["T01"]


async def test_requery_reads_wompi_now_and_tells_observers(world: InProcessWorld) -> None:
    sale = world.sale()
    world.sandbox.approve(sale.transaction_id)  # its event never reached the desktop
    orders = office(world).orders
    told: list[set[int]] = []
    orders.on_orders_changed.append(told.append)
    changes = await orders.requery(sale.order_number)
    assert [(c.to_status, c.source) for c in changes] == [
        (PaymentStatus.APPROVED, StatusSource.POLL)
    ]
    assert world.order_status(sale.order_number) is OrderStatus.PAID
    assert told == [{sale.order_number}]
    assert await orders.requery(sale.order_number) == []  # nothing new: no line, no notice
    assert told == [{sale.order_number}]


async def test_requery_without_the_private_key_reads_known_transactions_by_id(
    world: InProcessWorld,
) -> None:
    sale = world.sale()
    await record(world, sale.transaction_id)  # the attempt knows its (pending) transaction
    world.sandbox.approve(sale.transaction_id)
    changes = await office(world, private_key=False).orders.requery(sale.order_number)
    assert [c.to_status for c in changes] == [PaymentStatus.APPROVED]


async def test_requery_of_a_cash_sale_asks_nothing_and_an_unknown_order_is_said(
    world: InProcessWorld,
) -> None:
    cash_sale(world)
    orders = office(world).orders
    assert await orders.requery(1) == []
    with pytest.raises(UnknownOrderNumberError, match="No existe el pedido 77"):
        await orders.requery(77)


async def test_export_writes_the_filtered_rows_page_by_page(
    world: InProcessWorld, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mestore_desktop.services.back_office as back_office

    monkeypatch.setattr(back_office, "MAX_PAGE_SIZE", 2)  # several pages with a few rows
    sales = [await paid(world, 1_000 * (n + 1)) for n in range(5)]
    cash_sale(world)
    orders = office(world).orders
    path = tmp_path / "pedidos.csv"
    only_paid_today = OrderFilter(
        first_day=today(), last_day=today(), statuses=frozenset({OrderStatus.PAID})
    )
    written = await orders.export_csv(only_paid_today, SortKey.TOTAL, False, path)
    header, *rows = list(read_csv(path))
    assert tuple(header) == ORDER_HEADER
    assert written == len(rows) == 6
    assert [row[4] for row in rows] == ["1000", "2000", "3000", "4000", "5000", "10000"]
    assert {row[0] for row in rows} >= {str(s.order_number) for s in sales}
    assert all(row[3] == "Pagado" for row in rows)


async def test_a_void_through_the_service_tells_observers(world: InProcessWorld) -> None:
    sale = await paid(world)
    orders = office(world).orders
    told: list[set[int]] = []
    orders.on_orders_changed.append(told.append)
    assert (await orders.void_check(sale.reference)).can_void
    attempt = await orders.void(sale.reference, ACTOR, "cliente arrepentido")
    assert attempt.status is PaymentStatus.VOIDED
    assert told == [{sale.order_number}]
