"""Pedidos names the payment link of an order (issue 11): the link its shown attempt came through,
or the link the order was made from. The rows get it from one indexed lookup per page, never
one query per row, and an order's detail names the link of each attempt."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from mestore_desktop.domain.browse import OrderFilter, SortKey
from mestore_desktop.domain.links import PaymentLinkRecord
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, OrderSummary
from mestore_desktop.domain.payment import OrderStatus, StatusSource, Tender
from mestore_desktop.store.browse_repository import OrderBrowser
from mestore_desktop.store.db import Database
from mestore_desktop.store.link_repository import LinkRepository
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.sync.apply import apply_transactions
from mestore_desktop.wompi.models import Transaction
from tests.unit.store.factories import PLENTY, T0, make_order
from tests.unit.store.test_browse_plans import captured, problems

PESOS = Money.from_pesos(25_000)


@dataclass(frozen=True)
class World:
    database: Database
    path: Path
    with_link: int  # an order paid through its link
    from_link: int  # an order a payment on a link without order made
    cash: int  # an order paid at the counter
    open: int  # an order with no payment


def _link(link_id: str, name: str, order_number: int | None) -> PaymentLinkRecord:
    return PaymentLinkRecord(
        link_id=link_id,
        url=f"https://checkout.wompi.co/l/{link_id}",
        name=name,
        description="",
        amount=PESOS,
        single_use=True,
        expires_at=None,
        redirect_url="",
        sku="",
        order_number=order_number,
        active=True,
        created_at=T0 - timedelta(hours=1),
        iva_rate=IvaRate.GENERAL,
        terminal_id="T01",
    )


def _payment(tx_id: str, link_id: str, email: str = "") -> Transaction:
    created = T0 + timedelta(minutes=5)
    return Transaction.from_api(
        {
            "id": tx_id,
            "reference": f"{link_id}_{int(created.timestamp())}_{tx_id[-4:]}",
            "amount_in_cents": PESOS.cents,
            "currency": "COP",
            "status": "APPROVED",
            "payment_method_type": "NEQUI",
            "payment_method": {"type": "NEQUI", "phone_number": "3991111111"},
            "customer_email": email,
            "created_at": created.isoformat(),
            "finalized_at": (created + timedelta(seconds=5)).isoformat(),
            "payment_link_id": link_id,
        }
    )


def _build(database: Database, path: Path) -> World:
    def orders(session: Any) -> tuple[int, int, int]:
        repo = OrderRepository(session)
        numbers = [repo.create_order(make_order()).number for _ in range(3)]
        assert None not in numbers
        return numbers[0], numbers[1], numbers[2]  # type: ignore[return-value]

    with_link, cash, open_ = database.write(orders)
    database.write(
        lambda s: OrderRepository(s).new_attempt(cash, Tender.CASH, T0, cash_received=PLENTY)
    )
    database.write(lambda s: LinkRepository(s).save(_link("test_ORDERX", "Torta", with_link)))
    database.write(lambda s: LinkRepository(s).save(_link("test_NOORDR", "Pan de bono", None)))
    payments = (_payment("11-1781936141-1001", "test_ORDERX"),)
    payments += (_payment("11-1781936141-1002", "test_NOORDR"),)
    at = T0 + timedelta(minutes=6)
    database.write(lambda s: apply_transactions(s, payments, source=StatusSource.WEBHOOK, at=at))
    from_link = database.read(lambda s: LinkRepository(s).get("test_NOORDR")).order_number
    assert from_link is not None  # the sync made it
    return World(database, path, with_link, from_link, cash, open_)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    path = tmp_path_factory.mktemp("link-names") / "mestore.db"
    database = Database.open(path)
    yield _build(database, path)
    database.close()


def _by_number(rows: list[OrderSummary] | tuple[OrderSummary, ...]) -> dict[int, OrderSummary]:
    return {row.number: row for row in rows}


def _expected(w: World) -> dict[int, str]:
    return {w.with_link: "Torta", w.from_link: "Pan de bono", w.cash: "", w.open: ""}


def test_a_page_names_the_link_each_order_was_paid_through_or_made_from(world: World) -> None:
    page = world.database.read(lambda s: OrderBrowser(s).page(OrderFilter()))
    rows = _by_number(page.rows)
    assert {n: rows[n].link_name for n in _expected(world)} == _expected(world)
    assert rows[world.with_link].status is OrderStatus.PAID
    assert rows[world.with_link].payment_method == "NEQUI"  # the method stays Wompi's type
    assert rows[world.from_link].status is OrderStatus.PAID


def test_summaries_and_the_order_list_name_the_link_too(world: World) -> None:
    numbers = list(_expected(world))
    browsed = world.database.read(lambda s: OrderBrowser(s).summaries(numbers))
    listed = world.database.read(lambda s: OrderRepository(s).list_orders())
    for rows in (browsed, listed):
        named = _by_number(rows)
        assert {n: named[n].link_name for n in numbers} == _expected(world)


def test_an_order_made_from_a_link_keeps_its_name_when_its_payment_is_not_shown(
    tmp_path: Path,
) -> None:
    """The made-from link names the order even when the shown attempt is not a link's."""
    database = Database.open(tmp_path / "mestore.db")
    try:
        world = _build(database, tmp_path / "mestore.db")
        database.write(lambda s: LinkRepository(s).mark_order_from_link(world.open, "test_ORDERX"))
        rows = database.read(lambda s: OrderBrowser(s).summaries([world.open]))
    finally:
        database.close()
    assert rows[0].link_name == "Torta"


def test_the_names_cost_one_indexed_lookup_per_page_whatever_the_rows(world: World) -> None:
    with captured(world.database) as statements:
        world.database.read(
            lambda s: OrderBrowser(s).page(OrderFilter(), SortKey.CREATED_AT, True, None, 50)
        )
    with captured(world.database) as one_row:
        world.database.read(lambda s: OrderBrowser(s).page(OrderFilter(), limit=1))
    about_links = [sql for sql, _ in statements if "payment_links" in sql]
    assert len(about_links) <= 2  # the shown attempts' join and the made-from lookup
    assert len(statements) == len(one_row)  # four linked rows cost no more than one
    assert problems(world.path, statements) == []


def test_the_detail_names_the_link_of_each_attempt_by_index(world: World) -> None:
    with captured(world.database) as statements:
        linked = world.database.read(lambda s: OrderBrowser(s).detail(world.with_link))
    cash = world.database.read(lambda s: OrderBrowser(s).detail(world.cash))
    assert linked is not None and cash is not None
    assert [a.link_name for a in linked.attempts] == ["Torta"]
    assert [a.link_name for a in cash.attempts] == [""]
    assert problems(world.path, statements) == []
