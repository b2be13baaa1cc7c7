"""`OrdersTableModel`: the orders browser's rows, updated in place as payments settle.

The model holds immutable `OrderSummary` rows keyed by order number. `apply()` takes a fresh list
from the store and turns the difference into the smallest Qt notifications (rows inserted,
removed, or one row's cells changed), so a table keeps its selection and scroll position while
the sync engine turns an order green underneath it.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from mestore_desktop.domain.order import OrderSummary
from mestore_desktop.ui.formatting import (
    STATUS_COLOUR,
    STATUS_HEX,
    local_time,
    method_word,
    status_mark,
    status_word,
)

Index = QModelIndex | QPersistentModelIndex
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1  # the OrderStatus value, for delegates and tests
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 2


class Column(IntEnum):
    CREATED_AT = 0
    NUMBER = 1
    REFERENCE = 2
    CUSTOMER = 3
    TOTAL = 4
    METHOD = 5
    STATUS = 6

    def header(self) -> str:
        words = {
            Column.CREATED_AT: QCoreApplication.translate("OrdersTableModel", "Fecha"),
            Column.NUMBER: QCoreApplication.translate("OrdersTableModel", "Pedido"),
            Column.REFERENCE: QCoreApplication.translate("OrdersTableModel", "Referencia"),
            Column.CUSTOMER: QCoreApplication.translate("OrdersTableModel", "Cliente"),
            Column.TOTAL: QCoreApplication.translate("OrdersTableModel", "Total"),
            Column.METHOD: QCoreApplication.translate("OrdersTableModel", "Medio"),
            Column.STATUS: QCoreApplication.translate("OrdersTableModel", "Estado"),
        }
        return words[self]


class OrdersTableModel(QAbstractTableModel):
    """Newest orders first; one row per order."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[OrderSummary] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return Column(section).header() if 0 <= section < len(Column) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == STATUS_ROLE:
            return row.status.value
        if role == NUMBER_ROLE:
            return row.number
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.STATUS:
            return QBrush(QColor(STATUS_HEX[STATUS_COLOUR[row.status]]))
        return None

    def row_of(self, number: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.number == number), None)

    def summary(self, row: int) -> OrderSummary:
        return self._rows[row]

    def apply(self, rows: list[OrderSummary]) -> None:
        """Show `rows` (newest first), notifying Qt of only what changed."""
        wanted = {r.number for r in rows}
        for index in reversed(range(len(self._rows))):
            if self._rows[index].number not in wanted:
                self.beginRemoveRows(QModelIndex(), index, index)
                del self._rows[index]
                self.endRemoveRows()
        for position, row in enumerate(rows):
            self._place(position, row)

    def _place(self, position: int, row: OrderSummary) -> None:
        current = self.row_of(row.number)
        if current is None:
            self.beginInsertRows(QModelIndex(), position, position)
            self._rows.insert(position, row)
            self.endInsertRows()
            return
        if current != position:
            # Orders never change their place (newest first by number), but be correct anyway.
            self.beginMoveRows(QModelIndex(), current, current, QModelIndex(), position)
            self._rows.insert(position, self._rows.pop(current))
            self.endMoveRows()
        if self._rows[position] != row:
            self._rows[position] = row
            self.dataChanged.emit(self.index(position, 0), self.index(position, len(Column) - 1))


def _display(row: OrderSummary, column: Column) -> str:
    if column is Column.CREATED_AT:
        return local_time(row.created_at)
    if column is Column.NUMBER:
        return str(row.number)
    if column is Column.REFERENCE:
        return row.last_reference
    if column is Column.CUSTOMER:
        return row.customer_name or row.customer_email
    if column is Column.TOTAL:
        return row.total.format()
    if column is Column.METHOD:
        return method_word(row.payment_method)
    return f"{status_mark(row.status)} {status_word(row.status)}"
