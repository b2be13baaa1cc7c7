"""The counter's fourth tender, *Link de pago* (F7), over a fake LinksService: the cart is saved
as an order, the link dialog opens prefilled from it, and every way out gives the counter back
(a link made: the next customer; none: the same unpaid order for another tender)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mestore_desktop.domain.catalogue import Product
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order
from mestore_desktop.services.counter_setup import CounterSetup
from mestore_desktop.settings import Settings
from mestore_desktop.ui.caja.tender_bar import ChargeTender
from mestore_desktop.ui.links.dialog import CreateLinkDialog
from mestore_desktop.ui.links.tools import LinkTools
from mestore_desktop.ui.pages.caja import CajaPage, CajaServices
from tests.gui.links_fakes import Clock, FakeLinksService

pytestmark = pytest.mark.gui

EGGS = Product("HUEVOS", "Huevos AA x 30", Money.from_pesos(18_500), IvaRate.EXEMPT)


class QuietCounter:
    """The counter's checks find nothing; a cancelled order is remembered."""

    def __init__(self) -> None:
        self.on_orders_changed: list[Callable[[object], None]] = []
        self.cancelled: list[int] = []

    async def unfinished(self) -> list:
        await asyncio.sleep(0)
        return []

    async def late_approvals(self) -> list:
        await asyncio.sleep(0)
        return []

    async def duplicate_payments(self) -> list:
        await asyncio.sleep(0)
        return []

    async def cancel_order(self, number: int) -> Order:
        self.cancelled.append(number)
        raise AssertionError("not needed here")


@pytest.fixture
def service() -> FakeLinksService:
    return FakeLinksService(Clock())


@pytest.fixture
def counter() -> QuietCounter:
    return QuietCounter()


def build(qtbot, counter: QuietCounter, links: LinkTools | None) -> CajaPage:
    settings = Settings(store_name="Tienda Prueba", terminal_id="T01")
    services = CajaServices(
        counter=lambda: CounterSetup(counter, None),  # type: ignore[arg-type]
        settings=lambda: settings,
        links=links,
    )
    page = CajaPage(services)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    return page


@pytest.fixture
def page(qtbot, qloop_running, counter, service) -> CajaPage:
    return build(qtbot, counter, LinkTools(service, clock=service.clock))  # type: ignore[arg-type]


def link_button(page: CajaPage):
    return page.ring_up.tenders.buttons[ChargeTender.PAYMENT_LINK]


def press_f7(page: CajaPage) -> None:
    QTest.keyClick(page.ring_up.search.field, Qt.Key.Key_F7)
    QApplication.processEvents()


def dialog_open(qtbot) -> CreateLinkDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), CreateLinkDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, CreateLinkDialog)
    dialog.activateWindow()  # as a window manager does (offscreen has none)
    qtbot.waitUntil(lambda: QApplication.focusWidget() in dialog.findChildren(QWidget))
    return dialog


def counter_free(page: CajaPage) -> bool:
    """No dialog, the tender free, and the keyboard back on the counter's window."""
    return (
        QApplication.activeModalWidget() is None
        and not page.link.busy
        and QApplication.activeWindow() is page
    )


def test_the_link_tender_is_offered_only_with_the_links_service(
    qtbot, qloop_running, counter
) -> None:
    without = build(qtbot, counter, None)
    assert link_button(without).isHidden()
    without.ring_up.add_product(EGGS)
    press_f7(without)
    assert QApplication.activeModalWidget() is None


def test_the_link_tender_has_its_key_and_the_counter_s_size(qtbot, page) -> None:
    button = link_button(page)
    assert not button.isHidden() and button.text().endswith("F7")
    assert button.accessibleName() == "Link de pago"
    assert button.property("role") == "tender"  # the theme makes tenders 44 px high
    assert not button.isEnabled()  # an empty cart has nothing to charge
    page.ring_up.add_product(EGGS)
    assert button.isEnabled()


def test_f7_saves_the_sale_and_opens_the_link_prefilled_from_the_order(
    qtbot, page, service
) -> None:
    page.ring_up.add_product(EGGS)
    press_f7(page)
    dialog = dialog_open(qtbot)
    (sale,) = service.saved_sales
    assert sale.total == Money.from_pesos(18_500) and sale.terminal_id == "T01"
    assert dialog.heading.text() == "Link de pago del pedido 41"
    assert dialog.form.name.text() == "Pedido 41 — Tienda Prueba"
    assert dialog.form.amount.text() == "$ 18.500"
    assert dialog.form.order_number == 41
    assert QApplication.focusWidget() is dialog.form.name


def test_a_link_made_frees_the_counter_for_the_next_customer(qtbot, page, service) -> None:
    changed: list[object] = []
    page.orders_changed.connect(changed.append)
    page.ring_up.add_product(EGGS)
    press_f7(page)
    dialog = dialog_open(qtbot)
    QTest.keyClick(dialog.form.name, Qt.Key.Key_Return)  # Crear link is the default
    qtbot.waitUntil(lambda: dialog.record is not None)
    assert service.created[0].order_number == 41
    assert dialog.result.url.text() == service.records[0].url
    assert "el pedido 41 queda esperando el pago" in dialog.lead.text()
    QTest.keyClick(dialog.done_button, Qt.Key.Key_Return)  # Listo
    qtbot.waitUntil(lambda: counter_free(page))
    assert page.ring_up.model.is_empty()  # the sale left with its link
    assert changed == [{41}]
    page.ring_up.add_product(EGGS)  # the next customer's sale is a new order
    press_f7(page)
    dialog_open(qtbot)
    assert len(service.saved_sales) == 2


@pytest.mark.parametrize("how", ["esc", "cancelar", "x"])
def test_every_way_out_without_a_link_keeps_the_same_unpaid_order(
    qtbot, page, service, how
) -> None:
    page.ring_up.add_product(EGGS)
    press_f7(page)
    dialog = dialog_open(qtbot)
    if how == "esc":
        QTest.keyClick(dialog.form.name, Qt.Key.Key_Escape)
    elif how == "cancelar":
        (cancel,) = [b for b in dialog.findChildren(QWidget) if b.accessibleName() == "Cancelar"]
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    else:
        dialog.close()
    qtbot.waitUntil(lambda: counter_free(page))
    assert not service.created
    assert not page.ring_up.model.is_empty()  # the sale is still on the counter
    assert all(b.isEnabled() for b in page.ring_up.tenders.buttons.values())
    press_f7(page)  # again: the same order, not a second one
    dialog_open(qtbot)
    assert len(service.saved_sales) == 1


def test_a_sale_that_cannot_be_saved_is_said_and_the_counter_is_free(qtbot, page, service) -> None:
    async def refuse(_sale: Order) -> int:
        from mestore_desktop.domain.order import OrderError

        raise OrderError("Wompi solo cobra pesos completos.")

    service.save_sale = refuse  # type: ignore[method-assign]
    page.ring_up.add_product(EGGS)
    press_f7(page)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert "pesos completos" in box.text()
    box.close()
    qtbot.waitUntil(lambda: counter_free(page))
    assert link_button(page).isEnabled()


def test_while_wompi_makes_the_link_esc_does_not_close_the_dialog(qtbot, page, service) -> None:
    service.hold = True
    page.ring_up.add_product(EGGS)
    press_f7(page)
    dialog = dialog_open(qtbot)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.create_button.text() == "Creando link…")
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible()
    service.hold = False
    qtbot.waitUntil(lambda: dialog.record is not None)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # now it may go
    qtbot.waitUntil(lambda: counter_free(page))
    assert page.ring_up.model.is_empty()
