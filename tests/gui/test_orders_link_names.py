"""Pedidos names the payment link an order came through (issue 11): the *Medio* column reads
"Link · <name>", the *Cliente* column falls back to "Link: <name>" when nobody was named, and
the detail says "Link de pago: <name>" under each attempt paid through a link."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from mestore_desktop.domain.order import OrderSummary
from mestore_desktop.domain.payment import OrderStatus
from mestore_desktop.ui.models.orders_model import Column, OrdersTableModel
from mestore_desktop.ui.orders.detail_pane import OrderDetailPane
from tests.gui.orders_fakes import FakeOrders, card_sale_detail, summary

pytestmark = pytest.mark.gui


def cells(qtbot, rows: list[OrderSummary], column: Column) -> list[str]:
    model = OrdersTableModel(page_size=10)
    model.set_source(FakeOrders(rows=rows))
    qtbot.waitUntil(lambda: not model.is_loading and model.rowCount() == len(rows), timeout=3000)
    role = Qt.ItemDataRole.DisplayRole
    texts = [model.data(model.index(r, column), role) for r in range(model.rowCount())]
    accessible = Qt.ItemDataRole.AccessibleTextRole
    assert texts == [model.data(model.index(r, column), accessible) for r in range(len(rows))]
    return texts


def test_medio_names_the_link_an_order_was_paid_or_is_awaited_through(qtbot, qloop_running) -> None:
    rows = [
        summary(3, OrderStatus.PAID, payment_method="NEQUI", link_name="Torta de chocolate"),
        summary(2, OrderStatus.AWAITING_PAYMENT, link_name="Pan de bono"),
        summary(1, OrderStatus.PAID, payment_method="CARD"),
    ]
    assert cells(qtbot, rows, Column.METHOD) == [
        "Link · Torta de chocolate",
        "Link · Pan de bono",
        "Tarjeta",  # not through a link: as before
    ]


def test_cliente_falls_back_to_the_link_only_when_nobody_was_named(qtbot, qloop_running) -> None:
    rows = [
        summary(4, link_name="Torta"),
        summary(3, link_name="Torta", customer_email="cliente@example.com"),
        summary(2, link_name="Torta", customer_name="Ana Gómez"),
        summary(1),
    ]
    assert cells(qtbot, rows, Column.CUSTOMER) == [
        "Link: Torta",
        "cliente@example.com",
        "Ana Gómez",
        "",
    ]


def test_the_detail_names_the_link_of_an_attempt_paid_through_one(qtbot) -> None:
    detail = card_sale_detail()
    linked = replace(detail, attempts=(replace(detail.attempts[0], link_name="Torta"),))
    pane = OrderDetailPane()
    qtbot.addWidget(pane)
    pane.show_detail(linked)
    assert any("Link de pago: Torta" in text for text in pane.texts())
    pane.show_detail(detail)
    assert not any("Link de pago" in text for text in pane.texts())
