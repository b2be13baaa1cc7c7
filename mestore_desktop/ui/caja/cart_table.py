"""The cart's table: rows select whole lines, the quantity opens a spin box on double click.

The table never takes the keyboard focus (the search field keeps it and drives the selection
with the arrow keys), but its quantity editor does while it is open.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from mestore_desktop.domain.order import MAX_QUANTITY
from mestore_desktop.ui.caja.cart_model import CartColumn

# What each figure column must fit without eliding: counter-sized figures, so the product name
# keeps most of a 1366-px screen (a rare larger figure elides in its cell, never in the total).
_WIDEST = {
    CartColumn.QUANTITY: "999",
    CartColumn.UNIT_PRICE: "$ 999.999",
    CartColumn.IVA: "19 %",
    CartColumn.DISCOUNT: "-$ 999.999",
    CartColumn.TOTAL: "$ 9.999.999",
}


class QuantityDelegate(QStyledItemDelegate):
    """A spin box limited to the quantities an order line accepts."""

    def createEditor(
        self,
        parent: QWidget,
        _option: QStyleOptionViewItem,
        _index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        spin = QSpinBox(parent)
        spin.setObjectName("QuantityEditor")
        spin.setRange(1, MAX_QUANTITY)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        return spin


class CartTable(QTableView):
    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CartTable")
        self.setModel(model)
        self.quantity_delegate = QuantityDelegate(self)
        self.setItemDelegateForColumn(CartColumn.QUANTITY, self.quantity_delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(CartColumn.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Widths for large figures, fixed so columns never jump while the cashier scans."""
        metrics, padding = self.fontMetrics(), 24
        for column, sample in _WIDEST.items():
            header_text = str(self.model().headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(header_text))
            self.horizontalHeader().resizeSection(column, width + padding)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_columns()  # the theme sets the table's font after construction

    def selected_row(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model().rowCount():
            self.selectRow(row)
            self.scrollTo(self.model().index(row, 0))
        else:
            self.clearSelection()

    def move_selection(self, step: int) -> None:
        count = self.model().rowCount()
        if not count:
            return
        current = self.selected_row()
        row = (count - 1 if step < 0 else 0) if current is None else current + step
        self.select_row(min(max(row, 0), count - 1))
