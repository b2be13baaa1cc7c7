"""The cart's table: rows select whole lines, the quantity opens a spin box on double click.

The table never takes the keyboard focus (the search field keeps it and drives the selection
with the arrow keys), but its quantity editor does while it is open.

The product name gets every pixel the figures do not need, so it is cut only when the window
really is too narrow (the whole name is then in the tooltip): the figure columns fit everyday
amounts and grow only for a larger one, and *Descuento* shows only when a line has a discount.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFontMetrics
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

# What each figure column fits before it grows: everyday counter figures, so the columns keep
# still while the cashier scans, and widen only for the rare larger figure actually in the cart.
_EVERYDAY = {
    CartColumn.QUANTITY: "99",
    CartColumn.UNIT_PRICE: "$ 99.999",
    CartColumn.IVA: "19 %",
    CartColumn.DISCOUNT: "-$ 9.999",
    CartColumn.TOTAL: "$ 999.999",
}
_CELL_PADDING = 24


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
        spin.setAccessibleName(QCoreApplication.translate("CartTable", "Cantidad"))
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
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAccessibleName(self.tr("Productos de la venta"))
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(CartColumn.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for signal in (model.rowsInserted, model.rowsRemoved, model.dataChanged, model.modelReset):
            signal.connect(self._fit_columns)
        self._fit_columns()

    def _fit_columns(self, *_args: object) -> None:
        """Each figure column as wide as its header, an everyday figure or the widest one in
        the cart; the product column stretches over the rest."""
        metrics, model = self.fontMetrics(), self.model()
        header_font = QFontMetrics(self.horizontalHeader().font())
        for column, sample in _EVERYDAY.items():
            texts = [
                str(model.data(model.index(row, column)) or "") for row in range(model.rowCount())
            ]
            widths = [metrics.horizontalAdvance(text) for text in (sample, *texts)]
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            widths.append(header_font.horizontalAdvance(title))
            self.horizontalHeader().resizeSection(column, max(widths) + _CELL_PADDING)
        discounts = any(
            model.data(model.index(row, CartColumn.DISCOUNT)) for row in range(model.rowCount())
        )
        self.setColumnHidden(CartColumn.DISCOUNT, not discounts)

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
