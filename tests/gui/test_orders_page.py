"""Pedidos built with the older loader (the newest orders as one list) over a real SQLite store:
it still lists them and updates live. The model itself: test_orders_model.py."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order, OrderLine, OrderSummary
from mestore_desktop.domain.payment import (
    Observation,
    OrderStatus,
    PaymentStatus,
    StatusSource,
    Tender,
)
from mestore_desktop.paths import database_path
from mestore_desktop.store.db import Database
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.ui.models.orders_model import Column
from mestore_desktop.ui.pages.orders import OrdersPage

pytestmark = pytest.mark.gui
T0 = datetime(2026, 11, 26, 15, 30, tzinfo=UTC)


def summary(number: int, status: OrderStatus = OrderStatus.AWAITING_PAYMENT, **kw) -> OrderSummary:
    return OrderSummary(
        number=number,
        terminal_id="T01",
        created_at=T0 + timedelta(minutes=number),
        total=Money.from_pesos(25_000),
        status=status,
        last_reference=f"T01-{number:06d}-1",
        **kw,
    )


@pytest.fixture
def store(home):
    database = Database.open(database_path(home))
    executor = DbExecutor(database)
    yield database, executor
    executor.shutdown()
    database.close()


def _sale(database: Database) -> str:
    line = OrderLine("Camiseta", 2, Money.from_pesos(35_000), IvaRate.GENERAL)

    def create(session):
        repo = OrderRepository(session)
        order = repo.create_order(Order(terminal_id="T01", lines=(line,), created_at=T0))
        return repo.new_attempt(order.number, Tender.WOMPI, T0).reference

    return database.write(create)


def test_page_shows_the_store_and_updates_live(qtbot, qloop_running, store) -> None:
    database, executor = store
    page = OrdersPage(lambda: executor.read(lambda s: OrderRepository(s).list_orders(limit=50)))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.started and not page.model.is_loading, timeout=3000)
    assert page.empty.isVisible()
    assert not page.table.isVisible()

    reference = _sale(database)
    page.on_orders_changed({1})
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert page.table.isVisible()
    assert page.model.data(page.model.index(0, Column.TOTAL)) == "$ 70.000"
    assert page.model.data(page.model.index(0, Column.STATUS)) == "Esperando pago"

    database.write(
        lambda s: OrderRepository(s).apply_observation(
            reference,
            Observation("tx-1", PaymentStatus.APPROVED, StatusSource.WEBHOOK, T0, Money(7_000_000)),
        )
    )
    # Several notifications in a burst coalesce into at most one extra load.
    for _ in range(5):
        page.on_orders_changed({1})
    qtbot.waitUntil(
        lambda: page.model.data(page.model.index(0, Column.STATUS)) == "Pagado", timeout=3000
    )


def test_payment_methods_read_as_words_not_codes(qtbot, qloop_running) -> None:
    rows = [summary(1, payment_method="CASH"), summary(2, payment_method="VISA ••4242")]

    async def load() -> list[OrderSummary]:
        return rows

    page = OrdersPage(load)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=3000)
    methods = {page.model.data(page.model.index(r, Column.METHOD)) for r in range(2)}
    assert methods == {"Efectivo", "VISA ••4242"}
