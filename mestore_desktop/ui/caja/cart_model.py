"""`CartModel`: the sale being rung up, one row per order line.

Rows hold immutable `OrderLine`s, so every change goes through the domain's own checks (a
quantity out of range or a discount larger than the line raises `OrderError` and the cart stays
as it was). A percent discount is remembered beside its line: when the quantity changes, "10 %"
stays 10 % of the new amount instead of a stale peso figure.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from mestore_desktop.domain.catalogue import Product
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import (
    OrderError,
    OrderLine,
    OrderTotals,
    compute_totals,
)

Index = QModelIndex | QPersistentModelIndex
LINE_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's OrderLine, for delegates and tests
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class CartColumn(IntEnum):
    DESCRIPTION = 0
    QUANTITY = 1
    UNIT_PRICE = 2
    IVA = 3
    DISCOUNT = 4
    TOTAL = 5

    def header(self) -> str:
        words = {
            CartColumn.DESCRIPTION: QCoreApplication.translate("CartModel", "Producto"),
            CartColumn.QUANTITY: QCoreApplication.translate("CartModel", "Cant."),
            CartColumn.UNIT_PRICE: QCoreApplication.translate("CartModel", "Precio"),
            CartColumn.IVA: QCoreApplication.translate("CartModel", "IVA"),
            CartColumn.DISCOUNT: QCoreApplication.translate("CartModel", "Descuento"),
            CartColumn.TOTAL: QCoreApplication.translate("CartModel", "Total"),
        }
        return words[self]


@dataclass(frozen=True, slots=True)
class CartRow:
    line: OrderLine
    discount_percent: int | None = None  # None: no discount, or a fixed amount

    def with_line(self, line: OrderLine) -> CartRow:
        """The same row around a changed line, re-deriving a percent discount."""
        if self.discount_percent is not None:
            return CartRow(line.with_discount_percent(self.discount_percent), self.discount_percent)
        return CartRow(line)


class CartModel(QAbstractTableModel):
    """The cart; mutators raise `OrderError` (a Spanish sentence) and leave the rows unchanged."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[CartRow] = []

    # -- Qt's model interface -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(CartColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(CartColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return CartColumn(section).header()
        if role == Qt.ItemDataRole.TextAlignmentRole and section != CartColumn.DESCRIPTION:
            return _RIGHT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == CartColumn.QUANTITY:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], CartColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == Qt.ItemDataRole.EditRole and column is CartColumn.QUANTITY:
            return row.line.quantity
        if role == Qt.ItemDataRole.TextAlignmentRole and column is not CartColumn.DESCRIPTION:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column is CartColumn.DESCRIPTION:
            # The whole name, should the column be too narrow for it, and the SKU.
            line = row.line
            return f"{line.description} · {line.sku}" if line.sku else line.description
        if role == Qt.ItemDataRole.ToolTipRole and column is CartColumn.DISCOUNT:
            return _discount_detail(row) or None
        if role == LINE_ROLE:
            return row.line
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() != CartColumn.QUANTITY
            or not isinstance(value, int)
        ):
            return False
        try:
            self.set_quantity(index.row(), value)
        except OrderError:
            return False
        return True

    # -- reading --------------------------------------------------------------------------

    @property
    def lines(self) -> tuple[OrderLine, ...]:
        return tuple(row.line for row in self._rows)

    @property
    def totals(self) -> OrderTotals:
        return compute_totals(self.lines)

    def line(self, row: int) -> OrderLine:
        return self._rows[row].line

    def discount_percent(self, row: int) -> int | None:
        return self._rows[row].discount_percent

    def is_empty(self) -> bool:
        return not self._rows

    # -- changing -------------------------------------------------------------------------

    def add_product(self, product: Product) -> int:
        """Add one unit of *product*: a line already holding it (same price) grows by one."""
        fresh = product.to_line()
        for row, current in enumerate(self._rows):
            if _same_goods(current.line, fresh):
                self.set_quantity(row, current.line.quantity + 1)
                return row
        return self.add_line(fresh)

    def add_line(self, line: OrderLine) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(CartRow(line))
        self.endInsertRows()
        return row

    def set_quantity(self, row: int, quantity: int) -> None:
        current = self._rows[row]  # the domain refuses a quantity out of 1..MAX_QUANTITY
        line = replace(current.line, quantity=quantity, discount=Money.zero())
        if current.discount_percent is None:
            # A fixed discount stays as typed while it fits; a smaller line caps it.
            line = replace(line, discount=min(current.line.discount, line.gross))
        self._put(row, current.with_line(line))

    def step_quantity(self, row: int, delta: int) -> None:
        """+1/-1 from the keyboard; never below one (removing a line is its own action)."""
        quantity = self._rows[row].line.quantity + delta
        if quantity >= 1:
            self.set_quantity(row, quantity)

    def set_discount_percent(self, row: int, percent: int) -> None:
        line = self._rows[row].line.with_discount_percent(percent)
        self._put(row, CartRow(line, percent if percent else None))

    def set_discount_amount(self, row: int, amount: Money) -> None:
        self._put(row, CartRow(replace(self._rows[row].line, discount=amount)))

    def replace_line(self, row: int, line: OrderLine) -> None:
        """Swap in an edited line; its discount is re-derived (percent) or kept (amount)."""
        current = self._rows[row]
        if current.discount_percent is None:
            line = replace(line, discount=current.line.discount)
        else:
            line = replace(line, discount=Money.zero())
        self._put(row, current.with_line(line))

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    def clear(self) -> None:
        if not self._rows:
            return
        self.beginResetModel()
        self._rows.clear()
        self.endResetModel()

    def _put(self, row: int, new: CartRow) -> None:
        if self._rows[row] == new:
            return
        self._rows[row] = new
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(CartColumn) - 1))


def _same_goods(a: OrderLine, b: OrderLine) -> bool:
    """Scanning a product again adds to its line; a free amount (no SKU) never merges."""
    return bool(a.sku) and (a.sku, a.unit_price, a.iva_rate, a.description) == (
        b.sku,
        b.unit_price,
        b.iva_rate,
        b.description,
    )


def _display(row: CartRow, column: CartColumn) -> str:
    line = row.line
    if column is CartColumn.DESCRIPTION:
        return line.description
    if column is CartColumn.QUANTITY:
        return str(line.quantity)
    if column is CartColumn.UNIT_PRICE:
        return line.unit_price.format()
    if column is CartColumn.IVA:
        return f"{int(line.iva_rate)} %"
    if column is CartColumn.DISCOUNT:
        return _discount_text(row)
    return line.total.format()


def _discount_text(row: CartRow) -> str:
    """Short, so the product name keeps the width: the percent as typed, else the pesos."""
    if not row.line.discount:
        return ""
    if row.discount_percent is not None:
        return f"-{row.discount_percent} %"
    return (-row.line.discount).format()


def _discount_detail(row: CartRow) -> str:
    if not row.line.discount:
        return ""
    amount = (-row.line.discount).format()
    if row.discount_percent is not None:
        return f"{row.discount_percent} % ({amount})"
    return amount
