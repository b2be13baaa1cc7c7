"""Caja: the cart model, the totals panel and the line/discount dialogs, widget by widget."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from mestore_desktop.domain.catalogue import Product
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, OrderError, OrderLine, compute_totals
from mestore_desktop.ui.caja.cart_model import LINE_ROLE, CartColumn, CartModel
from mestore_desktop.ui.caja.line_dialogs import (
    DiscountDialog,
    DiscountInput,
    LineDialog,
    LineInput,
    parse_percent,
)
from mestore_desktop.ui.caja.totals_panel import TotalsPanel

pytestmark = pytest.mark.gui

SHIRT = Product("CAM-M", "Camiseta talla M", Money.from_pesos(35_000), IvaRate.GENERAL)
COFFEE = Product("CAFE-500", "Café molido 500 g", Money.from_pesos(18_500), IvaRate.REDUCED)


def pesos(amount: int) -> Money:
    return Money.from_pesos(amount)


def test_model_passes_qt_model_tester(qtmodeltester) -> None:
    model = CartModel()
    model.add_product(SHIRT)
    model.add_line(OrderLine("Monto libre", 2, pesos(12_000), IvaRate.EXEMPT))
    model.set_discount_percent(0, 10)
    qtmodeltester.check(model)
    model.step_quantity(0, 1)  # the tester re-checks on every signal from here on
    model.remove(1)
    model.add_product(COFFEE)
    model.clear()


def test_rows_show_es_co_money_and_the_discount() -> None:
    model = CartModel()
    model.add_product(SHIRT)
    model.set_quantity(0, 2)
    model.set_discount_percent(0, 10)

    def cell(column: CartColumn) -> object:
        return model.data(model.index(0, column))

    assert cell(CartColumn.DESCRIPTION) == "Camiseta talla M"
    assert cell(CartColumn.QUANTITY) == "2"
    assert cell(CartColumn.UNIT_PRICE) == "$ 35.000"
    assert cell(CartColumn.IVA) == "19 %"
    assert cell(CartColumn.DISCOUNT) == "-10 %"
    tip = model.data(model.index(0, CartColumn.DISCOUNT), Qt.ItemDataRole.ToolTipRole)
    assert tip == "10 % (-$ 7.000)"
    assert cell(CartColumn.TOTAL) == "$ 63.000"
    assert model.data(model.index(0, CartColumn.TOTAL), Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight
    )
    assert model.data(model.index(0, 0), LINE_ROLE) == model.line(0)
    assert model.headerData(CartColumn.QUANTITY, Qt.Orientation.Horizontal) == "Cant."


def test_same_product_grows_its_line_but_free_amounts_never_merge() -> None:
    model = CartModel()
    assert model.add_product(SHIRT) == 0
    assert model.add_product(COFFEE) == 1
    assert model.add_product(SHIRT) == 0
    free = OrderLine("Monto libre", 1, pesos(5_000), IvaRate.EXEMPT)
    model.add_line(free)
    model.add_line(free)
    assert [line.quantity for line in model.lines] == [2, 1, 1, 1]


def test_percent_discount_follows_the_quantity_and_an_amount_is_capped() -> None:
    model = CartModel()
    model.add_product(SHIRT)
    model.set_discount_percent(0, 10)
    model.step_quantity(0, 1)
    assert model.line(0).discount == pesos(7_000)  # 10 % of 70.000, not the old 3.500
    model.set_discount_amount(0, pesos(50_000))
    model.step_quantity(0, -1)
    assert model.line(0).discount == pesos(35_000)  # never more than the line: total 0, not < 0
    assert model.line(0).total == Money.zero()
    model.step_quantity(0, -1)
    assert model.line(0).quantity == 1  # "-" never goes below one


def test_quantity_edit_role_and_refused_values_leave_the_row_as_it_was() -> None:
    model = CartModel()
    model.add_product(SHIRT)
    quantity = model.index(0, CartColumn.QUANTITY)
    assert model.flags(quantity) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, CartColumn.TOTAL)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(quantity, 5)
    assert model.line(0).quantity == 5
    assert not model.setData(quantity, 0)
    assert not model.setData(quantity, "7")
    assert model.line(0).quantity == 5
    with pytest.raises(OrderError):
        model.set_discount_amount(0, pesos(200_000))
    assert model.line(0).discount == Money.zero()


def test_totals_panel_matches_compute_totals_with_mixed_rates(qtbot) -> None:
    lines = (
        OrderLine("Camiseta", 2, pesos(35_000), IvaRate.GENERAL, discount=pesos(7_000)),
        OrderLine("Café", 1, pesos(18_500), IvaRate.REDUCED),
        OrderLine("Arroz", 3, pesos(4_200), IvaRate.EXEMPT),
    )
    panel = TotalsPanel()
    qtbot.addWidget(panel)
    expected = compute_totals(lines)
    panel.show_totals(expected)
    by_rate = {group.rate: group for group in expected.groups}
    assert panel.amount_text("subtotal") == expected.base.format()
    assert panel.amount_text("iva_0") == by_rate[IvaRate.EXEMPT].tax.format() == "$ 0"
    assert panel.amount_text("iva_5") == by_rate[IvaRate.REDUCED].tax.format()
    assert panel.amount_text("iva_19") == by_rate[IvaRate.GENERAL].tax.format()
    assert panel.amount_text("discount") == "-$ 7.000"
    assert panel.amount_text("total") == expected.total.format() == "$ 94.100"
    assert panel.cents_note.isHidden()

    only_general = compute_totals(lines[:1])
    panel.show_totals(only_general)
    assert panel.amount_text("iva_0") is None  # rates not present take no row
    assert panel.amount_text("iva_5") is None
    assert panel.amount_text("total") == "$ 63.000"


def test_totals_panel_notes_cents_that_wompi_refuses(qtbot) -> None:
    panel = TotalsPanel()
    qtbot.addWidget(panel)
    panel.show_totals(compute_totals([OrderLine("Tela", 1, Money.parse("10.000,50"), 19)]))
    assert not panel.cents_note.isHidden()
    assert "$ 10.000,50" in panel.cents_note.text()
    assert "pesos completos" in panel.cents_note.text()


@pytest.mark.parametrize(
    ("text", "expected"), [("10", 10), ("10 %", 10), ("10%", 10), ("", 0), ("100", 100)]
)
def test_parse_percent_accepts_what_cashiers_type(text: str, expected: int) -> None:
    assert parse_percent(text) == expected


@pytest.mark.parametrize("text", ["101", "-5", "12,5", "diez", "１０"])
def test_parse_percent_refuses_the_rest(text: str) -> None:
    with pytest.raises(OrderError, match="porcentaje entero entre 0 y 100"):
        parse_percent(text)


def test_line_dialog_parses_and_keeps_open_on_errors(qtbot) -> None:
    applied: list[LineInput] = []
    dialog = LineDialog(
        "Monto libre", LineInput("Monto libre", 1, Money.zero(), IvaRate.GENERAL), applied.append
    )
    qtbot.addWidget(dialog)
    dialog.price.setText("25.00")
    dialog.accept()
    assert applied == []
    assert "no es un monto válido" in dialog.error.text()
    assert dialog.result() == 0

    dialog.price.setText("0")
    dialog.accept()
    assert dialog.error.text() == "El precio debe ser mayor que cero."

    dialog.description.setText("  ")
    dialog.price.setText("$ 25.000")
    dialog.accept()
    assert "descripción" in dialog.error.text()

    dialog.description.setText("Arreglo")
    dialog.quantity.setValue(2)
    dialog.iva.setCurrentIndex(dialog.iva.findData(5))
    assert dialog.preview.text() == "$ 50.000"
    dialog.accept()
    assert applied == [LineInput("Arreglo", 2, pesos(25_000), IvaRate.REDUCED)]
    assert dialog.result() == 1


def test_discount_dialog_percent_amount_and_limits(qtbot) -> None:
    line = SHIRT.to_line(2)
    applied: list[DiscountInput] = []
    dialog = DiscountDialog(line, None, applied.append)
    qtbot.addWidget(dialog)
    assert dialog.as_percent.isChecked()
    dialog.value.setText("150")
    dialog.accept()
    assert applied == []
    assert "entre 0 y 100" in dialog.error.text()

    dialog.as_amount.setChecked(True)
    dialog.value.setText("80.000")
    dialog.accept()
    assert dialog.error.text() == (
        "El descuento ($ 80.000) no puede ser mayor que el valor de la línea ($ 70.000)."
    )
    dialog.value.setText("$ 5.000")
    dialog.accept()
    assert applied == [DiscountInput(amount=pesos(5_000))]


def test_discount_dialog_reopens_with_the_current_discount(qtbot) -> None:
    line = SHIRT.to_line().with_discount_percent(15)
    dialog = DiscountDialog(line, 15, lambda _values: None)
    qtbot.addWidget(dialog)
    assert dialog.as_percent.isChecked()
    assert dialog.value.text() == "15"
    fixed = DiscountDialog(
        OrderLine("Tela", 1, pesos(10_000), IvaRate.GENERAL, discount=pesos(1_500)),
        None,
        lambda _values: None,
    )
    qtbot.addWidget(fixed)
    assert fixed.as_amount.isChecked()
    assert fixed.value.text() == "1.500"
