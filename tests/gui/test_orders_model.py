"""The orders model: keyset pages on demand, one request at a time, failures shown, sorting in
the store, live updates in place; Qt's model tester on it at every step."""

from __future__ import annotations

import asyncio
import logging

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from mestore_desktop.domain.browse import OrderFilter, PageKey, SortKey
from mestore_desktop.domain.order import OrderSummary
from mestore_desktop.domain.payment import OrderStatus
from mestore_desktop.store.errors import StoreError
from mestore_desktop.ui.models.orders_model import (
    NUMBER_ROLE,
    STATUS_ROLE,
    Column,
    OrdersTableModel,
)
from tests.gui.orders_fakes import FakeOrders, summary

pytestmark = pytest.mark.gui


def numbers(model: OrdersTableModel) -> list[int]:
    return [model.data(model.index(r, 0), NUMBER_ROLE) for r in range(model.rowCount())]


def settle(qtbot, model: OrdersTableModel) -> None:
    qtbot.waitUntil(lambda: not model.is_loading, timeout=3000)


def fetch_all(qtbot, model: OrdersTableModel) -> None:
    settle(qtbot, model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        settle(qtbot, model)


@pytest.fixture
def orders() -> FakeOrders:
    statuses = [OrderStatus.PAID, OrderStatus.AWAITING_PAYMENT, OrderStatus.FAILED]
    return FakeOrders(
        rows=[summary(n, statuses[n % 3], pesos=1_000 * ((n * 7) % 23 + 1)) for n in range(1, 26)]
    )


def make_model(orders: FakeOrders, page_size: int = 10) -> OrdersTableModel:
    model = OrdersTableModel(page_size=page_size)
    model.set_source(orders)
    return model


def test_qt_model_tester_passes_with_data_paging_live_updates_and_sorting(
    qtbot, qloop_running, qtmodeltester, orders
) -> None:
    model = make_model(orders)
    qtmodeltester.check(model, force_py=True)  # asserts on every signal from here on
    # The tester itself calls fetchMore after every signal: page after page comes in.
    qtbot.waitUntil(lambda: model.rowCount() == 25 and not model.is_loading, timeout=3000)
    assert not model.canFetchMore(QModelIndex())
    assert len([name for name, _ in orders.calls if name == "page"]) == 3  # each page once

    orders.rows[21] = summary(22, OrderStatus.VOIDED, pesos=5_000)
    orders.rows.append(summary(40, OrderStatus.PAID))
    model.refresh({22, 40})
    qtbot.waitUntil(lambda: numbers(model)[0] == 40, timeout=3000)
    settle(qtbot, model)

    model.sort(Column.TOTAL, Qt.SortOrder.AscendingOrder)
    fetch_all(qtbot, model)
    assert model.rowCount() == 26


def test_qt_cpp_model_tester_reports_nothing(qtbot, qloop_running, qtmodeltester, orders, qtlog):
    model = make_model(orders)
    qtmodeltester.check(model)  # Qt's own QAbstractItemModelTester, warnings on failure
    fetch_all(qtbot, model)
    model.refresh(None)
    settle(qtbot, model)
    model.sort(Column.STATUS, Qt.SortOrder.DescendingOrder)
    fetch_all(qtbot, model)
    assert model.rowCount() == 25
    assert [r.message for r in qtlog.records if "FAIL" in r.message] == []


def test_pages_follow_the_keyset_and_end(qtbot, qloop_running, orders) -> None:
    model = make_model(orders)
    settle(qtbot, model)
    assert numbers(model) == list(range(25, 15, -1))  # newest first
    assert model.canFetchMore(QModelIndex())

    fetch_all(qtbot, model)

    assert numbers(model) == list(range(25, 0, -1))
    assert not model.canFetchMore(QModelIndex())
    pages = [call for name, call in orders.calls if name == "page"]
    assert pages[0][3] is None
    assert all(isinstance(call[3], PageKey) for call in pages[1:])
    assert {call[4] for call in pages} == {10}


def test_one_request_in_flight_however_often_the_view_asks(qtbot, qloop_running, orders) -> None:
    model = make_model(orders)
    settle(qtbot, model)
    for _ in range(20):  # a view scrolled fast calls fetchMore on every step
        model.fetchMore(QModelIndex())
    model.refresh({1, 2, 3})
    fetch_all(qtbot, model)

    assert orders.most_in_flight == 1
    assert model.rowCount() == 25


def test_a_failed_page_is_reported_and_retried_not_swallowed(
    qtbot, qloop_running, orders, caplog
) -> None:
    model = make_model(orders)
    settle(qtbot, model)
    failures: list[Exception] = []
    model.load_failed.connect(failures.append)
    orders.fail_next = StoreError("La base de datos está ocupada; intente de nuevo.")

    with caplog.at_level(logging.WARNING):
        model.fetchMore(QModelIndex())
        settle(qtbot, model)

    assert len(failures) == 1
    assert model.error is failures[0]
    assert not model.canFetchMore(QModelIndex())  # no retry storm from a scrolling view
    assert "orders request failed" in caplog.text
    assert model.rowCount() == 10

    model.retry()
    settle(qtbot, model)
    assert model.error is None
    assert model.rowCount() == 20


def test_header_sort_restarts_from_the_first_page_in_the_store(
    qtbot, qloop_running, orders
) -> None:
    model = make_model(orders)
    settle(qtbot, model)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))

    model.sort(Column.TOTAL, Qt.SortOrder.AscendingOrder)
    fetch_all(qtbot, model)

    totals = [model.summary(r).total.cents for r in range(model.rowCount())]
    assert totals == sorted(totals)
    assert resets == [1]
    first = [call for name, call in orders.calls if name == "page"][-3]
    assert first[1:4] == (SortKey.TOTAL, False, None)

    model.sort(Column.REFERENCE, Qt.SortOrder.AscendingOrder)  # not sortable: nothing happens
    assert resets == [1]
    assert model.sort_key is SortKey.TOTAL


def test_a_new_filter_cancels_the_answer_in_flight(qtbot, qloop_running, orders) -> None:
    orders.hold = asyncio.Event()
    model = make_model(orders)
    qtbot.waitUntil(lambda: orders.in_flight == 1)

    model.set_filter(OrderFilter(statuses=frozenset({OrderStatus.PAID})))
    orders.hold.set()
    fetch_all(qtbot, model)

    assert {model.summary(r).status for r in range(model.rowCount())} == {OrderStatus.PAID}
    assert model.rowCount() == 8


def test_live_update_changes_rows_in_place(qtbot, qloop_running, orders) -> None:
    model = make_model(orders)
    settle(qtbot, model)
    kept = QPersistentModelIndex(model.index(3, 0))
    changed, inserted, resets = [], [], []
    model.dataChanged.connect(lambda a, b, _roles=(): changed.append((a.row(), b.row())))
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    model.modelReset.connect(lambda: resets.append(1))
    orders.rows = [summary(22, OrderStatus.PAID) if r.number == 22 else r for r in orders.rows]

    model.refresh({22, 5})  # 5 is not loaded: it is re-read when scrolled to
    settle(qtbot, model)

    assert changed == [(3, 3)]
    assert inserted == resets == []
    assert kept.isValid() and kept.row() == 3
    assert model.data(model.index(3, Column.STATUS)) == "Pagado"
    assert model.data(model.index(3, Column.STATUS), STATUS_ROLE) == "paid"


def test_new_orders_appear_at_the_top_when_newest_first(qtbot, qloop_running, orders) -> None:
    model = make_model(orders)
    settle(qtbot, model)
    selected = QPersistentModelIndex(model.index(0, 0))
    orders.rows += [summary(26), summary(27)]

    model.refresh({26, 27})
    qtbot.waitUntil(lambda: model.rowCount() == 12, timeout=3000)

    assert numbers(model)[:3] == [27, 26, 25]
    assert selected.row() == 2
    fetch_all(qtbot, model)
    assert numbers(model) == list(range(27, 0, -1))  # no row twice, none missing


def test_new_orders_outside_the_filter_stay_out(qtbot, qloop_running, orders) -> None:
    model = OrdersTableModel(page_size=10)
    model.set_filter(OrderFilter(statuses=frozenset({OrderStatus.PAID})))
    model.set_source(orders)
    settle(qtbot, model)
    orders.rows += [summary(26, OrderStatus.FAILED), summary(27, OrderStatus.PAID)]

    model.refresh({26, 27})
    settle(qtbot, model)

    assert numbers(model)[0] == 27
    assert 26 not in numbers(model)


def test_in_another_sort_new_orders_wait_for_the_next_sort(qtbot, qloop_running, orders) -> None:
    model = make_model(orders)
    model.sort(Column.TOTAL, Qt.SortOrder.DescendingOrder)
    settle(qtbot, model)
    before = numbers(model)
    orders.rows.append(summary(26, pesos=1_000_000))

    model.refresh({26})
    settle(qtbot, model)

    assert numbers(model) == before


def test_an_empty_result_then_a_first_sale(qtbot, qloop_running) -> None:
    orders = FakeOrders()
    model = make_model(orders)
    settle(qtbot, model)
    assert model.started and model.rowCount() == 0 and not model.canFetchMore(QModelIndex())

    orders.rows.append(summary(1))
    model.refresh({1})
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=3000)


def test_cells_read_in_spanish_bogota_time_with_status_icon_and_colour(
    qtbot, qloop_running
) -> None:
    row: OrderSummary = summary(1, customer_name="Ana", payment_method="CASH")
    model = make_model(FakeOrders(rows=[row]))
    settle(qtbot, model)
    cell = lambda c, role=Qt.ItemDataRole.DisplayRole: model.data(model.index(0, c), role)  # noqa: E731

    assert cell(Column.CREATED_AT) == "26/11/2026 10:31"  # 15:31 UTC is 10:31 in Bogotá
    assert cell(Column.TOTAL) == "$ 25.000"
    assert cell(Column.CUSTOMER) == "Ana"
    assert cell(Column.METHOD) == "Efectivo"
    assert cell(Column.STATUS) == "Esperando pago"
    assert not cell(Column.STATUS, Qt.ItemDataRole.DecorationRole).isNull()  # the icon
    assert cell(Column.STATUS, Qt.ItemDataRole.ForegroundRole).color().name() == "#b7791f"
    assert cell(Column.TOTAL, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.headerData(Column.TOTAL, Qt.Orientation.Horizontal) == "Total"
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None
