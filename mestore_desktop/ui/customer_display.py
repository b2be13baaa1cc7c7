"""The customer-facing display: a second window (on a second screen when there is one).

It shows what the customer needs and nothing else: the cart, a very large total, the QR while
they pay from their phone, and the payment's outcome. It never shows references to internal
data beyond what is on the receipt, and never anything secret.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import OrderLine
from mestore_desktop.ui.qr import QrWidget


class CustomerDisplay(QWidget):
    """Cart and total while ringing up; the QR and then the outcome while paying."""

    def __init__(self, store_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("CustomerDisplay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.welcome = QLabel()
        self.welcome.setObjectName("DisplayWelcome")
        self.set_store_name(store_name)
        self.lines = QListWidget()
        self.lines.setObjectName("DisplayLines")
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.total = QLabel()
        self.total.setObjectName("DisplayTotal")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.side = QStackedWidget()
        self.qr = QrWidget()
        self.qr_hint = QLabel(self.tr("Escanea con la cámara de tu celular para pagar"))
        self.status = QLabel()
        self.status.setObjectName("DisplayStatus")
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._build()
        self.show_cart((), Money.zero())

    def _build(self) -> None:
        qr_page = QWidget()
        qr_layout = QVBoxLayout(qr_page)
        qr_layout.addWidget(self.qr, 1)
        qr_layout.addWidget(self.qr_hint, 0, Qt.AlignmentFlag.AlignHCenter)
        self.side.addWidget(QWidget())  # nothing beside the cart while ringing up
        self.side.addWidget(qr_page)
        self.side.addWidget(self.status)
        left = QVBoxLayout()
        left.addWidget(self.welcome)
        left.addWidget(self.lines, 1)
        left.addWidget(self.total)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addLayout(left, 3)
        layout.addWidget(self.side, 2)

    def set_store_name(self, store_name: str) -> None:
        self.setWindowTitle(self.tr("%1 — Su compra").replace("%1", store_name))
        self.welcome.setText(self.tr("Bienvenido a %1").replace("%1", store_name))

    def show_cart(self, lines: Sequence[OrderLine], total: Money) -> None:
        self.lines.clear()
        for line in lines:
            self.lines.addItem(f"{line.quantity} × {line.description}    {line.total.format()}")
        self.total.setText(self.tr("TOTAL  %1").replace("%1", total.format()))
        self.side.setCurrentIndex(0)

    def show_qr(self, url: str, amount: Money) -> None:
        self.qr.set_data(url)
        self.total.setText(self.tr("TOTAL  %1").replace("%1", amount.format()))
        self.side.setCurrentIndex(1)

    def show_waiting(self) -> None:
        self._show_status("pending", self.tr("⏳ Esperando la confirmación del pago…"))

    def show_approved(self) -> None:
        self._show_status("approved", self.tr("✔ ¡Pago aprobado! Gracias por tu compra"))

    def show_failed(self, reason: str) -> None:
        self._show_status("declined", self.tr("✖ El pago no se completó. %1").replace("%1", reason))

    def _show_status(self, status: str, text: str) -> None:
        self.status.setText(text)
        self.status.setProperty("status", status)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.side.setCurrentIndex(2)

    def place(self) -> None:
        """Full screen on a second screen when there is one; else a normal window beside."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.setScreen(screens[1])
            self.setGeometry(screens[1].availableGeometry())
            self.showFullScreen()
        else:
            self.resize(900, 600)
            self.show()
