"""`LinksTableModel`: the links `LinksService.list` gave, one row each.

A link's status and its countdown depend on the clock, so the model keeps "now" and the page
moves it on every minute (`set_now`): only the status and expiry cells change.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from mestore_desktop.domain.links import PaymentLinkRecord
from mestore_desktop.ui import icons
from mestore_desktop.ui.formatting import STATUS_HEX
from mestore_desktop.ui.links.words import (
    STATUS_COLOUR,
    STATUS_ICON,
    amount_text,
    expires_soon,
    expiry_text,
    status_text,
)

Index = QModelIndex | QPersistentModelIndex
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1  # the PaymentLinkRecord itself
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # its LinkStatus now


class Column(IntEnum):
    NAME = 0
    AMOUNT = 1
    STATUS = 2
    EXPIRY = 3
    ORDER = 4

    def header(self) -> str:
        words = {
            Column.NAME: QCoreApplication.translate("LinksTableModel", "Nombre"),
            Column.AMOUNT: QCoreApplication.translate("LinksTableModel", "Monto"),
            Column.STATUS: QCoreApplication.translate("LinksTableModel", "Estado"),
            Column.EXPIRY: QCoreApplication.translate("LinksTableModel", "Vence"),
            Column.ORDER: QCoreApplication.translate("LinksTableModel", "Pedido"),
        }
        return words[self]


_RIGHT = (Column.AMOUNT, Column.ORDER)
_RIGHT_ALIGN = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class LinksTableModel(QAbstractTableModel):
    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[PaymentLinkRecord] = []
        self._now = datetime.now(UTC)

    # -- content -----------------------------------------------------------------------------

    def set_records(self, records: Sequence[PaymentLinkRecord], now: datetime) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self._now = now
        self.endResetModel()

    def set_now(self, now: datetime) -> None:
        """The clock moved: statuses and countdowns again (rows and selection stay)."""
        self._now = now
        if self._rows:
            top = self.index(0, Column.STATUS)
            bottom = self.index(len(self._rows) - 1, Column.EXPIRY)
            self.dataChanged.emit(top, bottom)

    def replace(self, record: PaymentLinkRecord) -> int | None:
        """One link changed (deactivated, refreshed): its row in place; None if not listed."""
        row = self.row_of(record.link_id)
        if row is None:
            return None
        self._rows[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
        return row

    def records(self) -> list[PaymentLinkRecord]:
        return list(self._rows)

    def record_at(self, row: int) -> PaymentLinkRecord:
        return self._rows[row]

    def row_of(self, link_id: str) -> int | None:
        for row, record in enumerate(self._rows):
            if record.link_id == link_id:
                return row
        return None

    @property
    def now(self) -> datetime:
        return self._now

    # -- Qt's model API ----------------------------------------------------------------------

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
            return _RIGHT_ALIGN
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(record, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _RIGHT:
            return _RIGHT_ALIGN
        if role == RECORD_ROLE:
            return record
        if role == STATUS_ROLE:
            return record.status(self._now)
        if column == Column.STATUS:
            return self._status_look(record, role)
        if column == Column.EXPIRY and expires_soon(record, self._now):
            return self._soon_look(role)
        return None

    def _text(self, record: PaymentLinkRecord, column: Column) -> str:
        if column == Column.NAME:
            return record.name
        if column == Column.AMOUNT:
            return amount_text(record.amount)
        if column == Column.STATUS:
            return status_text(record, self._now, compact=True)
        if column == Column.EXPIRY:
            return expiry_text(record, self._now, compact=True)
        return "—" if record.order_number is None else str(record.order_number)

    def _tip(self, record: PaymentLinkRecord, column: Column) -> str:
        """The whole text on hover: a narrow cell may cut it."""
        if column == Column.STATUS:
            return status_text(record, self._now)
        if column == Column.EXPIRY:
            return expiry_text(record, self._now)
        return self._text(record, column)

    def _status_look(self, record: PaymentLinkRecord, role: int) -> object:
        status = record.status(self._now)
        if role == Qt.ItemDataRole.DecorationRole:
            return icons.icon(STATUS_ICON[status])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(STATUS_HEX[STATUS_COLOUR[status]]))
        return None

    def _soon_look(self, role: int) -> object:
        """A countdown stands out: amber and bold."""
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(STATUS_HEX["pending"]))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None
