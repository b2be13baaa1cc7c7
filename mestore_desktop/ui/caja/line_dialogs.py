"""Small dialogs of the counter: a free amount (F4), editing a line (F8) and a discount (F6).

A dialog only collects and parses what the cashier typed; the change itself is applied by an
`apply` callback from the counter, and whatever rule it breaks (an `OrderError` or `MoneyError`,
both Spanish sentences) is shown inside the dialog, which stays open so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.money import Money, MoneyError
from mestore_desktop.domain.order import MAX_QUANTITY, IvaRate, OrderError, OrderLine
from mestore_desktop.ui.i18n import render_error

_PERCENT_MAX = 100
_DIALOG_WIDTH = 420


@dataclass(frozen=True, slots=True)
class LineInput:
    """What the line dialog collects: a line without its discount."""

    description: str
    quantity: int
    unit_price: Money
    iva_rate: IvaRate

    def to_line(self, sku: str = "") -> OrderLine:
        return OrderLine(self.description, self.quantity, self.unit_price, self.iva_rate, sku=sku)

    @classmethod
    def of(cls, line: OrderLine) -> LineInput:
        return cls(line.description, line.quantity, line.unit_price, line.iva_rate)


@dataclass(frozen=True, slots=True)
class DiscountInput:
    """Exactly one of the two is set; 0 % (or $ 0) removes the discount."""

    percent: int | None = None
    amount: Money | None = None


class _ApplyingDialog(QDialog):
    """Shows what `_apply_values` raises beside the buttons instead of closing."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(_DIALOG_WIDTH)
        self.error = QLabel()
        self.error.setObjectName("FormError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        # A literal context: self.tr here would be looked up under each subclass's name.
        ok, cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
        for which, caption in (
            (ok, QCoreApplication.translate("CajaDialog", "Aceptar")),
            (cancel, QCoreApplication.translate("CajaDialog", "Cancelar")),
        ):
            self.buttons.button(which).setText(caption)
            self.buttons.button(which).setAccessibleName(caption)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def accept(self) -> None:
        try:
            self._apply_values()
        except (OrderError, MoneyError) as exc:
            self.error.setText(render_error(exc))
            return
        super().accept()

    def _apply_values(self) -> None:
        raise NotImplementedError


class LineDialog(_ApplyingDialog):
    """Description, price with IVA, IVA rate and quantity: a free amount, or a line to edit."""

    def __init__(
        self,
        title: str,
        initial: LineInput,
        apply: Callable[[LineInput], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName("LineDialog")
        self._apply = apply
        self.description = QLineEdit(initial.description)
        self.description.selectAll()
        self.price = QLineEdit(_amount_text(initial.unit_price))
        self.price.setPlaceholderText("25.000")
        self.price.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.iva = QComboBox()
        for rate in IvaRate:
            self.iva.addItem(f"{int(rate)} %", int(rate))
        self.iva.setCurrentIndex(self.iva.findData(int(initial.iva_rate)))
        self.quantity = QSpinBox()
        self.quantity.setRange(1, MAX_QUANTITY)
        self.quantity.setValue(initial.quantity)
        self.preview = QLabel()
        self.preview.setObjectName("LinePreview")
        self.price.textChanged.connect(self._update_preview)
        self.quantity.valueChanged.connect(self._update_preview)
        form = QFormLayout()
        for label, widget in (
            (self.tr("Descripción"), self.description),
            (self.tr("Precio unitario (IVA incluido)"), self.price),
            (self.tr("IVA"), self.iva),
            (self.tr("Cantidad"), self.quantity),
            (self.tr("Total de la línea"), self.preview),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._update_preview()
        (self.price if initial.unit_price.cents == 0 else self.description).setFocus()

    def values(self) -> LineInput:
        price = Money.parse(self.price.text())
        if price.cents <= 0:
            raise OrderError(self.tr("El precio debe ser mayor que cero."))
        line = LineInput(
            description=self.description.text().strip(),
            quantity=self.quantity.value(),
            unit_price=price,
            iva_rate=IvaRate(self.iva.currentData()),
        )
        line.to_line()  # the domain's own checks, so the message comes before closing
        return line

    def _apply_values(self) -> None:
        self._apply(self.values())

    def _update_preview(self) -> None:
        try:
            total = Money.parse(self.price.text()) * self.quantity.value()
        except MoneyError:
            self.preview.setText("—")
            return
        self.preview.setText(total.format())


class DiscountDialog(_ApplyingDialog):
    """A discount on one line, as a percent or as an amount in pesos."""

    def __init__(
        self,
        line: OrderLine,
        current_percent: int | None,
        apply: Callable[[DiscountInput], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Descuento"), parent)
        self.setObjectName("DiscountDialog")
        self._line = line
        self._apply = apply
        self.as_percent = QRadioButton(self.tr("Porcentaje (%)"))
        self.as_amount = QRadioButton(self.tr("Valor en pesos"))
        group = QButtonGroup(self)
        group.addButton(self.as_percent)
        group.addButton(self.as_amount)
        for radio in (self.as_percent, self.as_amount):
            radio.setAccessibleName(radio.text())
        self.value = QLineEdit()
        self.value.setAccessibleName(self.tr("Valor del descuento"))
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight)
        if line.discount and current_percent is None:
            self.as_amount.setChecked(True)
            self.value.setText(_amount_text(line.discount))
        else:
            self.as_percent.setChecked(True)
            self.value.setText(str(current_percent or ""))
        self.value.selectAll()
        about = QLabel(
            self.tr("%1 — valor de la línea %2")
            .replace("%1", line.description)
            .replace("%2", line.gross.format())
        )
        about.setWordWrap(True)
        kinds = QHBoxLayout()
        kinds.addWidget(self.as_percent)
        kinds.addWidget(self.as_amount)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(kinds)
        layout.addWidget(self.value)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.value.setFocus()

    def values(self) -> DiscountInput:
        if self.as_percent.isChecked():
            return DiscountInput(percent=parse_percent(self.value.text()))
        amount = Money.parse(self.value.text() or "0")
        if amount > self._line.gross:
            raise OrderError(
                self.tr("El descuento (%1) no puede ser mayor que el valor de la línea (%2).")
                .replace("%1", amount.format())
                .replace("%2", self._line.gross.format())
            )
        return DiscountInput(amount=amount)

    def _apply_values(self) -> None:
        self._apply(self.values())


def parse_percent(text: str) -> int:
    """ "10", "10 %" or "10%" → 10; a whole number from 0 to 100, else `OrderError`."""
    cleaned = text.strip().removesuffix("%").strip() or "0"
    if not cleaned.isascii() or not cleaned.isdigit() or int(cleaned) > _PERCENT_MAX:
        raise OrderError(
            QCoreApplication.translate(
                "DiscountDialog", "Escriba un porcentaje entero entre 0 y 100, por ejemplo 10."
            )
        )
    return int(cleaned)


def _amount_text(amount: Money) -> str:
    """The amount as the cashier would type it (no "$ "), or empty for zero."""
    return amount.format().removeprefix("$ ") if amount else ""
