"""Orders (Pedidos): the list of sales and their payment history. Not built yet."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from mestore_desktop.ui.pages.placeholder import PlaceholderPage


class OrdersPage(PlaceholderPage):
    """Orders page (placeholder until the orders table lands)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            title=QCoreApplication.translate("OrdersPage", "Pedidos"),
            body=QCoreApplication.translate(
                "OrdersPage",
                "Aquí verás todas las ventas con su estado de pago, filtrarás por fecha, "
                "estado o medio de pago, y consultarás el detalle y la historia de cada pedido.",
            ),
            parent=parent,
        )
