"""Reconciliation (Conciliación): compare local sales with Wompi's transactions. Not built yet."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from mestore_desktop.ui.pages.placeholder import PlaceholderPage


class ReconciliationPage(PlaceholderPage):
    """Reconciliation page (placeholder)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            title=QCoreApplication.translate("ReconciliationPage", "Conciliación"),
            body=QCoreApplication.translate(
                "ReconciliationPage",
                "Aquí compararás tus ventas con las transacciones de Wompi de un rango de fechas "
                "para encontrar pagos pendientes, montos distintos o cobros dobles.",
            ),
            parent=parent,
        )
