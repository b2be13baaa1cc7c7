"""Orders (Pedidos): every sale with its payment status, updated live as payments settle.

The page reads through an injected loader (the UI never touches the database) and reloads
whenever the sync engine reports changed orders. Reloads are coalesced: a burst of changes
while one load runs causes exactly one more load, never a queue of them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.order import OrderSummary
from mestore_desktop.ui.errors import present_error
from mestore_desktop.ui.models.orders_model import Column, OrdersTableModel
from mestore_desktop.ui.qt_async import run_op

OrdersLoader = Callable[[], Awaitable[list[OrderSummary]]]


class OrdersPage(QWidget):
    """The orders table with an empty state that says how it fills."""

    def __init__(
        self, load_orders: OrdersLoader | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title = self.tr("Pedidos")
        self._load_orders = load_orders
        self._loading = False
        self._stale = False
        self.model = OrdersTableModel(self)
        self.table = self._build_table()
        self.empty = QLabel(
            self.tr(
                "Todavía no hay ventas. Las ventas de la Caja aparecerán aquí con su estado "
                "de pago, que se actualiza solo cuando Wompi confirma."
            )
        )
        self.empty.setObjectName("PlaceholderText")
        self.empty.setWordWrap(True)
        heading = QLabel(self.title)
        heading.setObjectName("PageTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self._show_rows([])

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setAccessibleName(self.tr("Pedidos"))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.CUSTOMER, QHeaderView.ResizeMode.Stretch)
        return table

    def refresh(self) -> None:
        """Reload from the store; safe to call as often as changes arrive."""
        if self._load_orders is None:
            return
        if self._loading:
            self._stale = True
            return
        self._loading = True
        run_op(self, self._load_orders, on_success=self._on_loaded, on_error=self._on_failed)

    def on_orders_changed(self, _numbers: object = None) -> None:
        self.refresh()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.refresh()

    def _on_loaded(self, rows: list[OrderSummary]) -> None:
        self._loading = False
        self._show_rows(rows)
        if self._stale:
            self._stale = False
            self.refresh()

    def _on_failed(self, exc: Exception) -> None:
        self._loading = False
        self._stale = False
        present_error(self, exc)

    def _show_rows(self, rows: list[OrderSummary]) -> None:
        self.model.apply(rows)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
