"""The totals beside the cart: subtotal before IVA, one row per IVA rate present, the discounts
already taken off, and a large TOTAL.

Every figure comes from `compute_totals`, so the screen and the receipt can never disagree.
Subtotal plus the IVA rows is the TOTAL to the cent; "Descuentos" only tells what the lines
already include.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from mestore_desktop.domain.order import IvaRate, OrderTotals, compute_totals

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class TotalsPanel(QWidget):
    """`show_totals()` updates every row; `amount_text(key)` reads one (keys: "subtotal",
    "iva_0", "iva_5", "iva_19", "discount", "total")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TotalsPanel")
        self._names: dict[str, QLabel] = {}
        self._amounts: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(0, 1)
        self._add_row(grid, "subtotal", self.tr("Subtotal (sin IVA)"))
        for rate in IvaRate:
            self._add_row(
                grid, f"iva_{int(rate)}", self.tr("IVA %1 %").replace("%1", str(int(rate)))
            )
        self._add_row(grid, "discount", self.tr("Descuentos incluidos"))
        total_row = self._total_row()
        self.cents_note = QLabel()
        self.cents_note.setObjectName("WholePesoNote")
        self.cents_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addLayout(total_row)
        layout.addWidget(self.cents_note)
        self.show_totals(compute_totals(()))

    def _add_row(self, grid: QGridLayout, key: str, caption: str) -> None:
        name, amount = QLabel(caption), QLabel()
        amount.setAlignment(_RIGHT)
        amount.setObjectName("TotalsFigure")
        amount.setAccessibleName(caption)  # a screen reader reads the figure with its row
        row = grid.rowCount()
        grid.addWidget(name, row, 0)
        grid.addWidget(amount, row, 1)
        self._names[key], self._amounts[key] = name, amount

    def _total_row(self) -> QHBoxLayout:
        """TOTAL on a line of its own: the large figure gets the whole width."""
        caption, amount = QLabel(self.tr("TOTAL")), QLabel()
        caption.setObjectName("TotalCaption")
        amount.setObjectName("TotalAmount")
        amount.setAccessibleName(self.tr("Total de la venta"))
        amount.setAlignment(_RIGHT)
        self._names["total"], self._amounts["total"] = caption, amount
        row = QHBoxLayout()
        row.addWidget(caption)
        row.addWidget(amount, 1)
        return row

    def show_totals(self, totals: OrderTotals) -> None:
        self._set("subtotal", totals.base.format())
        present = {group.rate: group for group in totals.groups}
        for rate in IvaRate:
            group = present.get(rate)
            self._set(f"iva_{int(rate)}", group.tax.format() if group else None)
            if group is not None:
                self._amounts[f"iva_{int(rate)}"].setToolTip(
                    self.tr("Base %1").replace("%1", group.base.format())
                )
        self._set("discount", (-totals.discount).format() if totals.discount else None)
        self._set("total", totals.total.format())
        self._show_cents_note(totals)

    def amount_text(self, key: str) -> str | None:
        """The figure shown for *key*, or None when that row is hidden."""
        label = self._amounts[key]
        return label.text() if not label.isHidden() else None

    def _set(self, key: str, text: str | None) -> None:
        self._names[key].setHidden(text is None)
        self._amounts[key].setHidden(text is None)
        self._amounts[key].setText(text or "")

    def _show_cents_note(self, totals: OrderTotals) -> None:
        has_cents = not totals.total.is_whole_pesos
        self.cents_note.setVisible(has_cents)
        self.cents_note.setText(
            self.tr(
                "El total (%1) tiene centavos y Wompi solo cobra pesos completos. Ajuste un "
                "precio o un descuento para cobrar con Wompi; en efectivo sí se puede cobrar."
            ).replace("%1", totals.total.format())
            if has_cents
            else ""
        )
