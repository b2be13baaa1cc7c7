"""Caja: the ring-up screen driven as a cashier does, with the keyboard and a barcode scanner.

The catalogue is an in-memory fake (the store-backed lookup is tested with the store); every
lookup runs as a real asyncio task on the qasync loop, as in the app.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QSpinBox

from mestore_desktop.domain.catalogue import Product
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import (
    Customer,
    DocumentType,
    IvaRate,
    Order,
    OrderError,
    OrderLine,
    compute_totals,
)
from mestore_desktop.ui.caja import ChargeTender, RingUpView
from mestore_desktop.ui.caja.line_dialogs import DiscountDialog, LineDialog
from mestore_desktop.ui.resources import resource_path

pytestmark = pytest.mark.gui
NOW = datetime(2026, 11, 26, 15, 30, tzinfo=UTC)

SHIRT_M = Product(
    "CAM-M", "Camiseta talla M", Money.from_pesos(35_000), IvaRate.GENERAL, "7701234567890"
)
SHIRT_L = Product(
    "CAM-L", "Camiseta talla L", Money.from_pesos(37_000), IvaRate.GENERAL, "7701234567891"
)
COFFEE = Product(
    "CAFE-500", "Café molido 500 g", Money.from_pesos(18_500), IvaRate.REDUCED, "7702000000017"
)
RICE = Product("ARROZ-1K", "Arroz 1 kg", Money.from_pesos(4_200), IvaRate.EXEMPT)


class FakeCatalogue:
    """A CatalogueLookup over a tuple; `delays` slows chosen queries to test stale answers."""

    def __init__(self, delays: dict[str, float] | None = None) -> None:
        self.products = (SHIRT_M, SHIRT_L, COFFEE, RICE)
        self.delays = delays or {}
        self.searches: list[str] = []
        self.codes: list[str] = []
        self.fail_with: Exception | None = None

    async def search(self, text: str, limit: int = 20) -> list[Product]:
        self.searches.append(text)
        await asyncio.sleep(self.delays.get(text, 0))
        if self.fail_with is not None:
            raise self.fail_with
        needle = text.lower()
        found = [
            p
            for p in self.products
            if needle in p.name.lower() or needle in p.sku.lower() or needle in p.barcode
        ]
        return found[:limit]

    async def by_code(self, code: str) -> Product | None:
        self.codes.append(code)
        await asyncio.sleep(0)
        if self.fail_with is not None:
            raise self.fail_with
        return next((p for p in self.products if code in (p.sku, p.barcode)), None)


@pytest.fixture
def catalogue() -> FakeCatalogue:
    return FakeCatalogue()


@pytest.fixture
def view(qtbot, qloop_running, catalogue: FakeCatalogue) -> RingUpView:
    widget = RingUpView(catalogue, "T01")
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget.search.field)
    return widget


def scan(qtbot, view: RingUpView, code: str) -> None:
    """What a scanner does: type the code fast, then Enter."""
    qtbot.keyClicks(view.search.field, code)
    qtbot.keyClick(view.search.field, Qt.Key.Key_Return)


def key(qtbot, view: RingUpView, which: Qt.Key, text: str = "") -> None:
    if text:
        qtbot.keyClicks(view.search.field, text)
    else:
        qtbot.keyClick(view.search.field, which)


def quantities(view: RingUpView) -> list[tuple[str, int]]:
    return [(line.sku or line.description, line.quantity) for line in view.lines]


def add_line(view: RingUpView, line: OrderLine) -> None:
    view.table.select_row(view.model.add_line(line))


# -- scanner and search ------------------------------------------------------------------------


def test_scan_adds_the_product_and_scanning_again_adds_one_more(qtbot, view, catalogue) -> None:
    scan(qtbot, view, "7701234567890")
    qtbot.waitUntil(lambda: quantities(view) == [("CAM-M", 1)])
    assert view.search.field.text() == ""
    scan(qtbot, view, "7701234567890")
    qtbot.waitUntil(lambda: quantities(view) == [("CAM-M", 2)])
    scan(qtbot, view, "CAFE-500")  # a SKU typed by hand works the same way
    qtbot.waitUntil(lambda: quantities(view) == [("CAM-M", 2), ("CAFE-500", 1)])
    assert catalogue.codes == ["7701234567890", "7701234567890", "CAFE-500"]
    assert view.table.selected_row() == 1  # the last scan is the line +/- will change
    assert view.search.message.text() == ""


def test_unknown_code_says_so_beside_the_field_and_selects_it(qtbot, view) -> None:
    scan(qtbot, view, "7709999999999")
    qtbot.waitUntil(lambda: view.search.message.text() != "")
    assert view.search.message.text() == "No hay ningún producto con el código «7709999999999»."
    assert view.lines == ()
    assert view.search.field.text() == "7709999999999"
    assert view.search.field.selectedText() == "7709999999999"  # the next scan replaces it
    scan(qtbot, view, "7701234567891")
    qtbot.waitUntil(lambda: quantities(view) == [("CAM-L", 1)])
    assert view.search.message.text() == ""


def test_search_as_you_type_and_pick_with_the_keyboard(qtbot, view, catalogue) -> None:
    qtbot.keyClicks(view.search.field, "cami")
    qtbot.waitUntil(view.search.results_visible)
    assert view.search.results() == [SHIRT_M, SHIRT_L]
    assert catalogue.searches == ["cami"]  # debounced: one query for four keys
    assert view.search.popup.geometry().top() >= view.search.field.geometry().bottom()
    qtbot.keyClick(view.search.field, Qt.Key.Key_Down)
    qtbot.keyClick(view.search.field, Qt.Key.Key_Return)
    assert quantities(view) == [("CAM-L", 1)]  # the highlighted row, at once
    assert catalogue.codes == []
    assert not view.search.results_visible()
    assert view.search.field.text() == ""


def test_enter_without_picking_adds_the_first_match(qtbot, view, catalogue) -> None:
    qtbot.keyClicks(view.search.field, "caf")
    qtbot.waitUntil(view.search.results_visible)
    qtbot.keyClick(view.search.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: quantities(view) == [("CAFE-500", 1)])
    assert catalogue.codes == ["caf"]  # an exact code would have won over the list


def test_click_on_a_result_adds_it(qtbot, view) -> None:
    qtbot.keyClicks(view.search.field, "arroz")
    qtbot.waitUntil(view.search.results_visible)
    popup = view.search.popup
    qtbot.mouseClick(
        popup.viewport(),
        Qt.MouseButton.LeftButton,
        pos=popup.visualRect(popup.model().index(0, 0)).center(),
    )
    assert quantities(view) == [("ARROZ-1K", 1)]
    assert QApplication.focusWidget() is view.search.field


def test_a_late_answer_for_older_text_is_discarded(qtbot, qloop_running) -> None:
    slow = FakeCatalogue(delays={"ca": 0.4})
    view = RingUpView(slow, "T01")
    qtbot.addWidget(view)
    view.show()
    qtbot.keyClicks(view.search.field, "ca")
    qtbot.waitUntil(lambda: slow.searches == ["ca"])
    qtbot.keyClicks(view.search.field, "f")
    qtbot.waitUntil(view.search.results_visible)
    assert view.search.results() == [COFFEE]
    qtbot.wait(600)  # the "ca" answer (three products) arrives now and must be ignored
    assert view.search.results() == [COFFEE]


def test_an_answer_arriving_after_enter_opens_no_list(qtbot, qloop_running) -> None:
    slow = FakeCatalogue(delays={"7701234567890": 0.3})
    view = RingUpView(slow, "T01")
    qtbot.addWidget(view)
    view.show()
    qtbot.keyClicks(view.search.field, "7701234567890")
    qtbot.waitUntil(lambda: slow.searches == ["7701234567890"])  # a slow scanner: it searched
    qtbot.keyClick(view.search.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: quantities(view) == [("CAM-M", 1)])
    qtbot.wait(450)
    assert not view.search.results_visible()
    assert view.search.field.text() == ""


def test_escape_closes_the_results_before_anything_else(qtbot, view) -> None:
    add_line(view, SHIRT_M.to_line())
    qtbot.keyClicks(view.search.field, "cami")
    qtbot.waitUntil(view.search.results_visible)
    qtbot.keyClick(view.search.field, Qt.Key.Key_Escape)
    assert not view.search.results_visible()
    assert view.confirm is None  # no "¿Cancelar la venta?" for closing a list


def test_a_failing_catalogue_is_reported_beside_the_field(qtbot, view, catalogue) -> None:
    catalogue.fail_with = RuntimeError("database is locked at /home/x")
    scan(qtbot, view, "7701234567890")
    qtbot.waitUntil(lambda: view.search.message.text() != "")
    assert view.search.message.text() == "No se pudo consultar el catálogo; intente de nuevo."
    assert view.search.field.text() == "7701234567890"


def test_without_a_catalogue_the_field_points_to_free_amounts(qtbot, qloop_running) -> None:
    view = RingUpView(None, "T01")
    qtbot.addWidget(view)
    view.show()
    assert "Monto libre (F4)" in view.search.field.placeholderText()
    scan(qtbot, view, "123456")
    assert view.search.message.text() == "No hay catálogo de productos; use Monto libre (F4)."


# -- line actions ------------------------------------------------------------------------------


def test_plus_and_minus_change_the_selected_quantity_only_with_an_empty_field(qtbot, view) -> None:
    add_line(view, SHIRT_M.to_line())
    qtbot.keyClicks(view.search.field, "++")
    assert quantities(view) == [("CAM-M", 3)]
    qtbot.keyClicks(view.search.field, "-")
    assert quantities(view) == [("CAM-M", 2)]
    qtbot.keyClicks(view.search.field, "CAM-")  # a SKU with a hyphen is typed, not a "-"
    assert view.search.field.text() == "CAM-"
    assert quantities(view) == [("CAM-M", 2)]


def test_arrows_move_the_cart_selection_when_no_list_is_open(qtbot, view) -> None:
    add_line(view, SHIRT_M.to_line())
    add_line(view, RICE.to_line())
    assert view.table.selected_row() == 1
    qtbot.keyClick(view.search.field, Qt.Key.Key_Up)
    assert view.table.selected_row() == 0
    qtbot.keyClicks(view.search.field, "+")
    assert quantities(view) == [("CAM-M", 2), ("ARROZ-1K", 1)]


def test_supr_removes_the_selected_line(qtbot, view) -> None:
    add_line(view, SHIRT_M.to_line())
    add_line(view, RICE.to_line())
    view.table.select_row(0)
    qtbot.keyClick(view.search.field, Qt.Key.Key_Delete)
    assert quantities(view) == [("ARROZ-1K", 1)]
    assert view.table.selected_row() == 0
    qtbot.keyClicks(view.search.field, "x")
    qtbot.keyClick(view.search.field, Qt.Key.Key_Home)
    qtbot.keyClick(view.search.field, Qt.Key.Key_Delete)  # with text, Supr edits the text
    assert view.search.field.text() == ""
    assert quantities(view) == [("ARROZ-1K", 1)]
    qtbot.keyClick(view.search.field, Qt.Key.Key_Delete)
    assert view.lines == ()
    assert not view.remove_button.isEnabled()


def test_quantity_spin_editor_sets_the_quantity(qtbot, view) -> None:
    add_line(view, SHIRT_M.to_line())
    index = view.model.index(0, 1)
    view.table.edit(index)
    editor = view.table.findChild(QSpinBox, "QuantityEditor")
    assert editor.minimum() == 1
    assert editor.maximum() == 100_000
    editor.setValue(4)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits and closes (queued)
    qtbot.waitUntil(lambda: quantities(view) == [("CAM-M", 4)])
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.search.field)


def test_free_amount_dialog_with_f4(qtbot, view) -> None:
    qtbot.keyClick(view.search.field, Qt.Key.Key_F4)
    dialog = view.dialog
    assert isinstance(dialog, LineDialog)
    assert dialog.windowTitle() == "Monto libre"
    assert dialog.description.text() == "Monto libre"
    dialog.price.setText("$ 25.000")
    dialog.iva.setCurrentIndex(dialog.iva.findData(0))
    dialog.quantity.setValue(2)
    qtbot.keyClick(dialog.price, Qt.Key.Key_Return)  # Enter accepts
    assert view.lines == (OrderLine("Monto libre", 2, Money.from_pesos(25_000), IvaRate.EXEMPT),)
    assert view.dialog is None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.search.field)
    qtbot.keyClick(view.search.field, Qt.Key.Key_F4)
    assert view.dialog.iva.currentData() == 0  # the last rate is offered again
    view.dialog.reject()


def test_free_amount_refused_keeps_the_dialog_open(qtbot, view) -> None:
    qtbot.keyClick(view.search.field, Qt.Key.Key_F4)
    dialog = view.dialog
    dialog.price.setText("25.00")
    dialog.accept()
    assert view.dialog is dialog
    assert dialog.isVisible()
    assert "no es un monto válido" in dialog.error.text()
    assert view.lines == ()
    dialog.reject()


def test_edit_line_with_f8_keeps_the_sku_and_the_discount(qtbot, view) -> None:
    add_line(view, SHIRT_M.to_line())
    view.model.set_discount_percent(0, 10)
    qtbot.keyClick(view.search.field, Qt.Key.Key_F8)
    dialog = view.dialog
    assert isinstance(dialog, LineDialog)
    assert dialog.price.text() == "35.000"
    dialog.price.setText("30.000")
    dialog.accept()
    line = view.lines[0]
    assert (line.sku, line.unit_price, line.discount) == (
        "CAM-M",
        Money.from_pesos(30_000),
        Money.from_pesos(3_000),
    )


def test_discount_with_f6_then_quantity_keeps_the_percent(qtbot, view) -> None:
    add_line(view, SHIRT_M.to_line())
    qtbot.keyClick(view.search.field, Qt.Key.Key_F6)
    dialog = view.dialog
    assert isinstance(dialog, DiscountDialog)
    dialog.value.setText("10")
    dialog.accept()
    assert view.lines[0].discount == Money.from_pesos(3_500)
    qtbot.keyClicks(view.search.field, "+")
    assert view.lines[0].discount == Money.from_pesos(7_000)
    assert view.totals.amount_text("discount") == "-$ 7.000"
    assert view.total == Money.from_pesos(63_000)


def test_discount_larger_than_the_line_is_refused(qtbot, view) -> None:
    add_line(view, RICE.to_line())
    qtbot.keyClick(view.search.field, Qt.Key.Key_F6)
    dialog = view.dialog
    dialog.as_amount.setChecked(True)
    dialog.value.setText("5.000")
    dialog.accept()
    assert "no puede ser mayor" in dialog.error.text()
    assert view.lines[0].discount == Money.zero()
    assert view.dialog is dialog
    dialog.reject()


def test_line_actions_without_lines_say_why(qtbot, view) -> None:
    qtbot.keyClick(view.search.field, Qt.Key.Key_F6)
    assert view.dialog is None
    assert view.search.message.text() == "La venta no tiene productos."
    assert not view.discount_button.isEnabled()


# -- totals, customer, tenders -------------------------------------------------------------------


def test_totals_with_mixed_rates_equal_compute_totals(qtbot, view) -> None:
    for product in (SHIRT_M, SHIRT_M, COFFEE, RICE, RICE, RICE):
        view.add_product(product)
    view.model.set_discount_amount(0, Money.from_pesos(7_000))
    expected = compute_totals(view.lines)
    groups = {int(g.rate): g for g in expected.groups}
    assert view.totals.amount_text("subtotal") == expected.base.format()
    for rate in (0, 5, 19):
        assert view.totals.amount_text(f"iva_{rate}") == groups[rate].tax.format()
    assert view.totals.amount_text("total") == expected.total.format() == "$ 94.100"
    assert view.total == expected.total


def test_customer_data_is_checked_with_the_domain_rules(qtbot, view) -> None:
    add_line(view, RICE.to_line())
    panel = view.customer
    assert not panel.is_expanded()
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    assert panel.is_expanded()
    qtbot.keyClicks(panel.email, "ana@correo")
    panel.email.editingFinished.emit()
    assert panel.email_error.text() == "El correo «ana@correo» no es válido."
    assert not panel.email_error.isHidden()
    panel.set_expanded(False)
    with pytest.raises(OrderError, match="no es válido"):
        view.draft(NOW)
    assert panel.is_expanded()  # opened so the cashier sees which field is wrong

    panel.email.setText("ana@correo.co")
    panel.document_number.setText("900123456-8")
    with pytest.raises(OrderError, match="tipo de documento"):
        view.draft(NOW)
    assert panel.document_error.text() == "Indique el tipo de documento (CC, NIT o CE)."
    assert panel.email_error.isHidden()
    panel.document_type.setCurrentIndex(panel.document_type.findData("NIT"))
    assert panel.document_error.isHidden()  # rechecked as soon as the type is picked


def test_draft_is_the_cart_as_an_order(qtbot, view) -> None:
    with pytest.raises(OrderError, match="no tiene productos"):
        view.draft(NOW)
    view.add_product(SHIRT_M)
    view.add_product(SHIRT_M)
    add_line(view, OrderLine("Monto libre", 1, Money.from_pesos(12_000), IvaRate.EXEMPT))
    panel = view.customer
    panel.name.setText("Ana Pérez")
    panel.email.setText(" ana@correo.co ")
    panel.phone.setText("300 123 4567")
    panel.document_type.setCurrentIndex(panel.document_type.findData("CC"))
    panel.document_number.setText("1020304050")
    assert view.draft(NOW) == Order(
        terminal_id="T01",
        lines=(
            OrderLine(
                "Camiseta talla M", 2, Money.from_pesos(35_000), IvaRate.GENERAL, sku="CAM-M"
            ),
            OrderLine("Monto libre", 1, Money.from_pesos(12_000), IvaRate.EXEMPT),
        ),
        created_at=NOW,
        customer=Customer(
            "Ana Pérez", "ana@correo.co", "300 123 4567", DocumentType.CC, "1020304050"
        ),
    )
    assert view.draft(NOW).chargeable_amount() == Money.from_pesos(82_000)


@pytest.mark.parametrize(
    ("which", "tender"),
    [(Qt.Key.Key_F12, "wompi_here"), (Qt.Key.Key_F11, "wompi_qr"), (Qt.Key.Key_F10, "cash")],
)
def test_tender_keys_emit_charge_requested(qtbot, view, which: Qt.Key, tender: str) -> None:
    view.add_product(RICE)
    with qtbot.waitSignal(view.charge_requested, timeout=1000) as blocker:
        qtbot.keyClick(view.search.field, which)
    assert blocker.args == [tender]
    assert tender in set(ChargeTender)


def test_tender_buttons_show_their_key_and_are_disabled_when_empty_or_busy(qtbot, view) -> None:
    buttons = view.tenders.buttons
    assert buttons[ChargeTender.WOMPI_HERE].text().endswith("F12")
    assert buttons[ChargeTender.WOMPI_QR].text().endswith("F11")
    assert buttons[ChargeTender.CASH].text().endswith("F10")
    assert view.tenders.cancel.text().endswith("Esc")
    assert not any(b.isEnabled() for b in buttons.values())
    with qtbot.assertNotEmitted(view.charge_requested, wait=50):
        qtbot.keyClick(view.search.field, Qt.Key.Key_F12)
    view.add_product(RICE)
    assert all(b.isEnabled() for b in buttons.values())
    view.set_busy(True)
    assert not any(b.isEnabled() for b in buttons.values())
    with qtbot.assertNotEmitted(view.charge_requested, wait=50):
        qtbot.keyClick(view.search.field, Qt.Key.Key_F10)
    view.set_busy(False)
    assert all(b.isEnabled() for b in buttons.values())


def test_a_total_with_cents_blocks_wompi_but_not_cash(qtbot, view) -> None:
    add_line(view, OrderLine("Tela", 1, Money.parse("10.000,50"), IvaRate.GENERAL))
    assert not view.tenders.buttons[ChargeTender.WOMPI_HERE].isEnabled()
    assert not view.tenders.buttons[ChargeTender.WOMPI_QR].isEnabled()
    assert view.tenders.buttons[ChargeTender.CASH].isEnabled()
    assert not view.totals.cents_note.isHidden()
    assert "pesos completos" in view.tenders.buttons[ChargeTender.WOMPI_HERE].toolTip()


def test_tender_buttons_are_44_px_high_with_the_theme(qtbot, view) -> None:
    view.setStyleSheet(resource_path("theme.qss").read_text(encoding="utf-8"))
    view.add_product(RICE)
    qtbot.wait(10)
    assert all(b.height() >= 44 for b in (*view.tenders.buttons.values(), view.tenders.cancel))
    assert view.totals.findChild(QLabel, "TotalAmount").font().pointSize() == 28


# -- cancel, banner, cart_changed ---------------------------------------------------------------


def answer_cancel(view: RingUpView, confirm: bool) -> None:
    box = view.confirm
    assert isinstance(box, QMessageBox)
    assert box.text() == "¿Cancelar la venta?"
    wanted = "Sí, cancelar la venta" if confirm else "No, seguir vendiendo"
    button = next(b for b in box.findChildren(QPushButton) if b.text() == wanted)
    button.click()


def test_escape_asks_before_cancelling_the_sale(qtbot, view) -> None:
    view.add_product(RICE)
    view.customer.name.setText("Ana")
    qtbot.keyClick(view.search.field, Qt.Key.Key_Escape)
    answer_cancel(view, confirm=False)
    assert quantities(view) == [("ARROZ-1K", 1)]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.search.field)
    with qtbot.waitSignal(view.cancel_requested, timeout=1000):
        qtbot.keyClick(view.search.field, Qt.Key.Key_Escape)
        answer_cancel(view, confirm=True)
    assert view.lines == ()
    assert view.customer.name.text() == ""
    assert view.totals.amount_text("total") == "$ 0"


def test_escape_with_an_empty_cart_asks_nothing(qtbot, view) -> None:
    with qtbot.assertNotEmitted(view.cancel_requested, wait=50):
        qtbot.keyClick(view.search.field, Qt.Key.Key_Escape)
    assert view.confirm is None


def test_pending_banner_counts_and_opens(qtbot, view) -> None:
    assert view.banner.isHidden()
    view.set_pending_count(1)
    assert not view.banner.isHidden()
    assert view.banner.text() == "1 pago pendiente — ver"
    view.set_pending_count(3)
    assert view.banner.text() == "3 pagos pendientes — ver"
    with qtbot.waitSignal(view.pending_clicked, timeout=1000):
        qtbot.mouseClick(view.banner, Qt.MouseButton.LeftButton)
    view.set_pending_count(0)
    assert view.banner.isHidden()


def test_cart_changed_fires_for_every_change_and_clear_starts_over(qtbot, view) -> None:
    changes: list[int] = []
    view.cart_changed.connect(lambda: changes.append(len(view.lines)))
    view.add_product(RICE)
    view.add_product(RICE)
    view.add_product(COFFEE)
    view.clear()
    assert changes == [1, 1, 2, 0]
    assert view.lines == ()
    assert not any(b.isEnabled() for b in view.tenders.buttons.values())


def test_figure_columns_fit_large_amounts_without_eliding(qtbot, view) -> None:
    # Counter-sized figures: the product name keeps the rest of a 1366-px screen.
    add_line(view, OrderLine("Televisor", 9, Money.from_pesos(999_999), IvaRate.GENERAL))
    view.model.set_discount_percent(0, 1)
    header, metrics = view.table.horizontalHeader(), view.table.fontMetrics()
    for column in range(1, view.model.columnCount()):
        text = view.model.data(view.model.index(0, column))
        assert header.sectionSize(column) > metrics.horizontalAdvance(text), text


def test_keys_work_from_the_customer_fields_and_f2_returns_to_the_search(qtbot, view) -> None:
    view.add_product(RICE)
    qtbot.keyClicks(view.search.field, "arr")
    view.customer.set_expanded(True)
    view.customer.name.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.customer.name)
    with qtbot.waitSignal(view.charge_requested, timeout=1000) as blocker:
        qtbot.keyClick(view.customer.name, Qt.Key.Key_F10)
    assert blocker.args == ["cash"]
    qtbot.keyClick(view.customer.name, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is view.search.field
    assert view.search.field.selectedText() == "arr"


# -- issue 8 item 10: what the cashier sees ------------------------------------------------------

COLOMBIAN_COFFEE = Product(
    "CAFE-COL", "Café de Colombia tostado 500 g", Money.from_pesos(21_900), IvaRate.REDUCED
)
# The ring-up view's width in the default 1280-px window: minus the sidebar and the page margins.
VIEW_WIDTH_AT_1280 = 1280 - 210 - 48


def themed(view: RingUpView) -> None:
    view.setStyleSheet(resource_path("theme.qss").read_text(encoding="utf-8"))


def test_a_one_result_list_shows_its_whole_row(qtbot, view, catalogue) -> None:
    themed(view)
    view.resize(VIEW_WIDTH_AT_1280, 600)
    long_name = "Café de Colombia tostado en grano, origen Huila, bolsa de 500 g"
    catalogue.products = (
        Product(
            "CAFE-HUILA", long_name, Money.from_pesos(21_900), IvaRate.REDUCED, "7701234500019"
        ),
    )
    qtbot.keyClicks(view.search.field, "huila")
    qtbot.waitUntil(view.search.results_visible)
    popup = view.search.popup
    assert popup.count() == 1
    row, shown = popup.visualItemRect(popup.item(0)), popup.viewport().rect()
    assert shown.top() <= row.top() and row.bottom() <= shown.bottom(), (row, shown)
    assert not popup.horizontalScrollBar().isVisible()
    assert popup.item(0).toolTip().startswith(long_name)  # the whole text, should it be cut


def test_a_long_result_list_shows_whole_rows(qtbot, view, catalogue) -> None:
    themed(view)
    catalogue.products = tuple(
        Product(f"CAM-{i}", f"Camiseta {i}", Money.from_pesos(30_000 + i), IvaRate.GENERAL)
        for i in range(12)
    )
    qtbot.keyClicks(view.search.field, "camiseta")
    qtbot.waitUntil(view.search.results_visible)
    popup = view.search.popup
    visible = popup.viewport().height()
    row_height = popup.visualItemRect(popup.item(0)).height()
    assert visible >= 8 * row_height  # eight whole rows, the rest by scrolling
    assert visible < 9 * row_height


def test_product_names_in_the_cart_are_not_cut_when_there_is_room(qtbot, view) -> None:
    themed(view)
    view.resize(VIEW_WIDTH_AT_1280, 600)
    view.add_product(COLOMBIAN_COFFEE)
    view.add_product(RICE)
    qtbot.wait(10)
    table = view.table
    index = view.model.index(0, 0)
    shown = table.visualRect(index).width()
    needed = table.fontMetrics().horizontalAdvance(COLOMBIAN_COFFEE.name)
    assert shown > needed, (shown, needed)
    # Still a stretched column: a wider window gives the name the extra room.
    view.resize(VIEW_WIDTH_AT_1280 + 300, 600)
    qtbot.waitUntil(lambda: table.visualRect(index).width() >= shown + 300)


def test_a_discount_column_appears_only_with_a_discount_and_fits_it(qtbot, view) -> None:
    from mestore_desktop.ui.caja.cart_model import CartColumn

    view.add_product(RICE)
    assert view.table.isColumnHidden(CartColumn.DISCOUNT)
    view.model.set_discount_percent(0, 10)
    assert not view.table.isColumnHidden(CartColumn.DISCOUNT)
    text = view.model.data(view.model.index(0, CartColumn.DISCOUNT))
    header = view.table.horizontalHeader()
    assert header.sectionSize(CartColumn.DISCOUNT) > view.table.fontMetrics().horizontalAdvance(
        text
    )
    view.clear()
    assert view.table.isColumnHidden(CartColumn.DISCOUNT)


def test_the_search_placeholder_is_whole_and_has_no_doubled_ellipsis(qtbot, view) -> None:
    themed(view)
    view.resize(VIEW_WIDTH_AT_1280, 600)
    qtbot.wait(10)
    field = view.search.field
    text = field.placeholderText()
    assert "…" not in text
    assert text == "Buscar producto o escanear código  (F2)"
    assert field.width() > field.fontMetrics().horizontalAdvance(text) + 40  # clear button too


def test_every_control_of_the_ring_up_has_an_accessible_name(qtbot, view) -> None:
    names = {
        view.search.field: "Buscar producto o escanear código",
        view.table: "Productos de la venta",
        view.free_amount_button: "Monto libre",
        view.discount_button: "Descuento",
        view.edit_button: "Editar",
        view.remove_button: "Quitar",
        view.tenders.buttons[ChargeTender.WOMPI_HERE]: "Pagar aquí",
        view.tenders.buttons[ChargeTender.WOMPI_QR]: "QR al celular",
        view.tenders.buttons[ChargeTender.CASH]: "Efectivo",
        view.tenders.cancel: "Cancelar venta",
        view.banner: "Pagos pendientes",
        view.search.popup: "Resultados de la búsqueda",
        view.customer.toggle: "Cliente (opcional)",
        view.customer.name: "Nombre del cliente",
        view.customer.email: "Correo electrónico",
        view.customer.phone: "Teléfono",
        view.customer.document_type: "Tipo de documento",
        view.customer.document_number: "Número de documento",
    }
    for widget, name in names.items():
        assert widget.accessibleName() == name, (widget.objectName(), name)


def test_the_pending_banner_has_an_icon_not_an_emoji(qtbot, view) -> None:
    view.set_pending_count(2)
    assert view.banner.text() == "2 pagos pendientes — ver"
    assert not view.banner.icon().isNull()
