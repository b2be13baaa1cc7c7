"""The counter (Caja): sales and tenders. Not built yet; the page says what will come."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from mestore_desktop.ui.pages.placeholder import PlaceholderPage


class CajaPage(PlaceholderPage):
    """Counter page (placeholder until the sales screen lands)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            title=QCoreApplication.translate("CajaPage", "Caja"),
            body=QCoreApplication.translate(
                "CajaPage",
                "Aquí registrarás ventas y cobrarás con Wompi: tarjeta, Nequi, PSE, QR o efectivo. "
                "Podrás buscar o escanear productos, agregar montos libres y ver el total con IVA.",
            ),
            parent=parent,
        )
