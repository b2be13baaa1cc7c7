"""`QueueRowsModel`: one reconciliation queue's rows in a table, with what staff did to them.

Rows are immutable `QueueRow`s; what was done in this session (Wompi's status applied, marked as
resolved) shows in the last column until the next run recomputes the queues from the records.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum, StrEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from mestore_desktop.domain.reconciliation import QueueRow
from mestore_desktop.ui.formatting import STATUS_HEX, method_word
from mestore_desktop.ui.reconciliation.words import (
    PAYMENT_STATUS_COLOUR,
    money,
    payment_status_word,
    row_detail,
)

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the QueueRow itself


class Handled(StrEnum):
    APPLIED = "applied"
    RESOLVED = "resolved"

    def word(self) -> str:
        words = {
            Handled.APPLIED: QCoreApplication.translate(
                "QueueRowsModel", "✔ Estado de Wompi aplicado"
            ),
            Handled.RESOLVED: QCoreApplication.translate("QueueRowsModel", "✔ Resuelta"),
        }
        return words[self]


class Column(IntEnum):
    REFERENCE = 0
    TRANSACTION = 1
    WOMPI_STATUS = 2
    LOCAL_STATUS = 3
    AMOUNT = 4
    LOCAL_AMOUNT = 5
    ORDER = 6
    METHOD = 7
    DAY = 8
    DETAIL = 9
    HANDLED = 10

    def header(self) -> str:
        words = {
            Column.REFERENCE: QCoreApplication.translate("QueueRowsModel", "Referencia"),
            Column.TRANSACTION: QCoreApplication.translate("QueueRowsModel", "Transacción"),
            # Two lines: the table must fit 1280 px with every column.
            Column.WOMPI_STATUS: QCoreApplication.translate("QueueRowsModel", "Estado\nen Wompi"),
            Column.LOCAL_STATUS: QCoreApplication.translate("QueueRowsModel", "Estado\nlocal"),
            Column.AMOUNT: QCoreApplication.translate("QueueRowsModel", "Monto"),
            Column.LOCAL_AMOUNT: QCoreApplication.translate("QueueRowsModel", "Monto\nen MeStore"),
            Column.ORDER: QCoreApplication.translate("QueueRowsModel", "Pedido"),
            Column.METHOD: QCoreApplication.translate("QueueRowsModel", "Medio"),
            Column.DAY: QCoreApplication.translate("QueueRowsModel", "Día"),
            Column.DETAIL: QCoreApplication.translate("QueueRowsModel", "Detalle"),
            Column.HANDLED: QCoreApplication.translate("QueueRowsModel", "Gestión"),
        }
        return words[self]


_RIGHT = (Column.AMOUNT, Column.LOCAL_AMOUNT, Column.ORDER)
# Columns a narrow table may cut: the whole text on hover.
_FULL_TEXT_TIPS = (Column.REFERENCE, Column.TRANSACTION, Column.DETAIL)


class QueueRowsModel(QAbstractTableModel):
    """The rows of one queue, in the order reconciliation gave them."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[QueueRow] = []
        self._handled: dict[int, Handled] = {}

    def set_rows(self, rows: Sequence[QueueRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._handled = {}
        self.endResetModel()

    def rows(self) -> list[QueueRow]:
        return list(self._rows)

    def row_at(self, row: int) -> QueueRow:
        return self._rows[row]

    def handled(self, row: int) -> Handled | None:
        return self._handled.get(row)

    def mark(self, rows: Sequence[int], how: Handled) -> None:
        for row in rows:
            self._handled[row] = how
            cell = self.index(row, Column.HANDLED)
            self.dataChanged.emit(cell, cell)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return Column(section).header()
        if role == Qt.ItemDataRole.TextAlignmentRole and section in _RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column, index.row())
        if role == Qt.ItemDataRole.ToolTipRole and column in _FULL_TEXT_TIPS:
            return self._text(row, column, index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(row, column, index.row())
        if role == ROW_ROLE:
            return row
        return None

    def _text(self, row: QueueRow, column: Column, number: int) -> str:
        if column == Column.REFERENCE:
            return row.reference
        if column == Column.TRANSACTION:
            return row.transaction_id or "—"
        if column == Column.WOMPI_STATUS:
            return payment_status_word(row.status)
        if column == Column.LOCAL_STATUS:
            return payment_status_word(row.local_status)
        if column == Column.AMOUNT:
            return money(row.amount_cents)
        if column == Column.LOCAL_AMOUNT:
            return "—" if row.local_amount_cents is None else money(row.local_amount_cents)
        if column == Column.ORDER:
            return "—" if row.order_number is None else str(row.order_number)
        if column == Column.METHOD:
            return method_word(row.payment_method) if row.payment_method else "—"
        if column == Column.DAY:
            return row.day.strftime("%d/%m/%Y")
        if column == Column.DETAIL:
            return row_detail(row)
        handled = self._handled.get(number)
        return handled.word() if handled is not None else ""

    def _colour(self, row: QueueRow, column: Column, number: int) -> QBrush | None:
        if column == Column.WOMPI_STATUS and row.status is not None:
            return QBrush(QColor(STATUS_HEX[PAYMENT_STATUS_COLOUR[row.status]]))
        if column == Column.LOCAL_STATUS and row.local_status is not None:
            return QBrush(QColor(STATUS_HEX[PAYMENT_STATUS_COLOUR[row.local_status]]))
        if column == Column.HANDLED and number in self._handled:
            return QBrush(QColor(STATUS_HEX["approved"]))
        return None
