"""Payment links (Links de pago): remote charges through Wompi links. Not built yet."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from mestore_desktop.ui.pages.placeholder import PlaceholderPage


class PaymentLinksPage(PlaceholderPage):
    """Payment links page (placeholder)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            title=QCoreApplication.translate("PaymentLinksPage", "Links de pago"),
            body=QCoreApplication.translate(
                "PaymentLinksPage",
                "Aquí crearás links de pago de Wompi para cobrar a distancia "
                "y verás cuáles ya se pagaron.",
            ),
            parent=parent,
        )
