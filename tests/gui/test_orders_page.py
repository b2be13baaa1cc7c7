"""Pedidos: the orders model applies diffs in place; the page reads a real SQLite store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

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
from mestore_desktop.ui.models.orders_model import STATUS_ROLE, Column, OrdersTableModel
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


def test_model_passes_qt_model_tester(qtmodeltester) -> None:
    model = OrdersTableModel()
    model.apply([summary(3), summary(2), summary(1, OrderStatus.PAID)])
    qtmodeltester.check(model)


def test_display_is_es_co_in_bogota_time() -> None:
    model = OrdersTableModel()
    model.apply([summary(1, customer_name="Ana")])
    cell = lambda c: model.data(model.index(0, c))  # noqa: E731
    assert cell(Column.CREATED_AT) == "26/11/2026 10:31"  # 15:31 UTC is 10:31 in Bogotá
    assert cell(Column.TOTAL) == "$ 25.000"
    assert cell(Column.CUSTOMER) == "Ana"
    assert cell(Column.STATUS) == "⏳ Esperando pago"
    assert model.data(model.index(0, Column.STATUS), STATUS_ROLE) == "awaiting_payment"
    alignment = model.data(model.index(0, Column.TOTAL), Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight
    assert model.headerData(Column.TOTAL, Qt.Orientation.Horizontal) == "Total"


def test_apply_changes_one_row_in_place_and_keeps_persistent_indexes(qtbot) -> None:
    model = OrdersTableModel()
    model.apply([summary(2), summary(1)])
    kept = QPersistentModelIndex(model.index(1, 0))
    resets, changed, inserted = [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b, _roles=(): changed.append((a.row(), b.row())))
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))

    model.apply([summary(3), summary(2), summary(1, OrderStatus.PAID)])

    assert resets == []
    assert inserted == [(0, 0)]
    assert changed == [(2, 2)]
    assert kept.isValid()
    assert kept.row() == 2
    assert model.data(model.index(2, Column.STATUS)) == "✔ Pagado"
    model.apply([summary(3)])
    assert model.rowCount() == 1
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


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
    qtbot.waitUntil(lambda: not page._loading, timeout=3000)
    assert page.empty.isVisible()
    assert not page.table.isVisible()

    reference = _sale(database)
    page.on_orders_changed({1})
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert page.table.isVisible()
    assert page.model.data(page.model.index(0, Column.TOTAL)) == "$ 70.000"
    assert page.model.data(page.model.index(0, Column.STATUS)) == "⏳ Esperando pago"

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
        lambda: page.model.data(page.model.index(0, Column.STATUS)) == "✔ Pagado", timeout=3000
    )


def test_payment_methods_read_as_words_not_codes() -> None:
    model = OrdersTableModel()
    model.apply([summary(1, payment_method="CASH"), summary(2, payment_method="VISA ••4242")])
    methods = {model.data(model.index(r, Column.METHOD)) for r in range(2)}
    assert methods == {"Efectivo", "VISA ••4242"}
