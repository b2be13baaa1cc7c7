"""Pedidos' *Crear link…* over fakes: only for an unpaid order, the counter's dialog prefilled from
the order, and the table gets the keyboard back however the dialog closes."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mestore_desktop.domain.payment import OrderStatus
from mestore_desktop.services.links import OrderNotLinkableError
from mestore_desktop.settings import Settings
from mestore_desktop.ui.links.dialog import CreateLinkDialog
from mestore_desktop.ui.links.tools import LinkTools
from mestore_desktop.ui.orders.actions import OrderReceipts
from mestore_desktop.ui.pages.orders import OrdersPage
from tests.gui.links_fakes import NOW, Clock, FakeLinksService
from tests.gui.orders_fakes import FakeBackOffice, FakeOrders, card_sale_detail, summary

pytestmark = pytest.mark.gui


@pytest.fixture
def service() -> FakeLinksService:
    return FakeLinksService(Clock())


@pytest.fixture
def orders() -> FakeOrders:
    paid = card_sale_detail(7)
    unpaid = replace(card_sale_detail(8), status=OrderStatus.AWAITING_PAYMENT, attempts=())
    return FakeOrders(
        rows=[summary(8), summary(7, status=OrderStatus.PAID)],
        details={7: paid, 8: unpaid},
    )


def build(qtbot, orders: FakeOrders, links: LinkTools | None) -> OrdersPage:
    page = OrdersPage(
        FakeBackOffice(orders),  # type: ignore[arg-type]
        receipts=OrderReceipts(settings=lambda: Settings(store_name="Tienda Prueba")),
        clock=lambda: NOW,
        links=links,
    )
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    return page


@pytest.fixture
def page(qtbot, qloop_running, orders, service) -> OrdersPage:
    return build(qtbot, orders, LinkTools(service, clock=service.clock))  # type: ignore[arg-type]


def choose(qtbot, page: OrdersPage, number: int) -> None:
    row = next(r for r in range(page.model.rowCount()) if page.model.summary(r).number == number)
    page.table.setFocus()
    page.table.selectRow(row)
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and page.detail.detail.order.number == number
    )


def dialog_open(qtbot) -> CreateLinkDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), CreateLinkDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, CreateLinkDialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() in dialog.findChildren(QWidget))
    return dialog


def test_without_the_links_service_there_is_no_crear_link(qtbot, qloop_running, orders) -> None:
    page = build(qtbot, orders, None)
    assert page.actions.link.isHidden()


def test_crear_link_only_for_an_unpaid_order(qtbot, page) -> None:
    assert page.actions.link.accessibleName() == "Crear link…"
    assert not page.actions.link.isEnabled()  # nothing chosen
    choose(qtbot, page, 7)
    assert not page.actions.link.isEnabled()  # paid: a link would be a second payment
    assert "sin pagar" in page.actions.link.toolTip()
    choose(qtbot, page, 8)
    assert page.actions.link.isEnabled()


def test_crear_link_opens_the_dialog_prefilled_and_a_link_made_is_news(
    qtbot, page, service, orders
) -> None:
    choose(qtbot, page, 8)
    qtbot.mouseClick(page.actions.link, Qt.MouseButton.LeftButton)
    dialog = dialog_open(qtbot)
    assert dialog.heading.text() == "Link de pago del pedido 8"
    assert dialog.form.name.text() == "Pedido 8 — Tienda Prueba"
    QTest.keyClick(dialog.form.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.record is not None)
    assert service.created[0].order_number == 8
    calls = len(orders.calls)
    QTest.keyClick(dialog.done_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)
    qtbot.waitUntil(lambda: ("summaries", (8,)) in orders.calls[calls:])  # the row read again


def test_esc_gives_the_table_back_and_makes_nothing(qtbot, page, service) -> None:
    choose(qtbot, page, 8)
    qtbot.mouseClick(page.actions.link, Qt.MouseButton.LeftButton)
    dialog = dialog_open(qtbot)
    QTest.keyClick(dialog.form.name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)
    assert not service.created


def test_an_order_the_service_refuses_is_said(qtbot, page, service) -> None:
    async def refuse(number: int):
        raise OrderNotLinkableError(number, "ya está pagado")

    service.draft_for_order = refuse  # type: ignore[method-assign]
    choose(qtbot, page, 8)
    qtbot.mouseClick(page.actions.link, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert "El pedido 8 ya está pagado" in box.text()
    box.close()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert page.actions.isEnabled()
