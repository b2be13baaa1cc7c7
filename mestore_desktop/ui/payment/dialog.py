"""The payment dialog over the counter: header (amount, reference, tender, elapsed time) and one
of four views — the embedded Wompi checkout, the phone QR, waiting, or the outcome.

It is a view only: `PaymentFlow` decides what to show and talks to the counter service.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.money import Money
from mestore_desktop.services.navigation import NavigationPolicy
from mestore_desktop.ui.payment.panels import QrPanel, ResultPanel, WaitingPanel
from mestore_desktop.ui.payment.web_view import CheckoutWebView


class View(IntEnum):
    CHECKOUT = 0
    QR = 1
    WAITING = 2
    RESULT = 3


def tender_label(tender: str) -> str:
    labels = {
        "wompi_here": QCoreApplication.translate("PaymentDialog", "Pagar aquí (Wompi)"),
        "wompi_qr": QCoreApplication.translate("PaymentDialog", "QR al celular (Wompi)"),
        "cash": QCoreApplication.translate("PaymentDialog", "Efectivo"),
        "wompi_resumed": QCoreApplication.translate(
            "PaymentDialog", "Pago con Wompi pendiente de una sesión anterior"
        ),
    }
    return labels.get(tender, tender)


class PaymentDialog(QDialog):
    """Modal over the counter while one payment attempt is in play."""

    cancel_requested = Signal()

    def __init__(self, policy: NavigationPolicy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PaymentDialog")
        self.setWindowTitle(self.tr("Cobro"))
        self.setModal(True)
        self._may_close = False
        self.resize(980, 720)
        self.amount = QLabel()
        self.amount.setObjectName("PaymentAmount")
        self.reference = QLabel()
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tender = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancelar cobro  Esc"))
        self.cancel_button.setMinimumHeight(44)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.checkout = CheckoutWebView(policy)
        self.qr = QrPanel()
        self.waiting = WaitingPanel()
        self.result = ResultPanel()
        self.views = QStackedWidget()
        for widget in (self.checkout, self.qr, self.waiting, self.result):
            self.views.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        layout.addWidget(self.views, 1)
        self._shortcuts()

    def _header(self) -> QHBoxLayout:
        facts = QVBoxLayout()
        facts.addWidget(self.amount)
        facts.addWidget(self.reference)
        facts.addWidget(self.tender)
        header = QHBoxLayout()
        header.addLayout(facts, 1)
        header.addWidget(self.waiting.elapsed)
        header.addWidget(self.cancel_button)
        return header

    def _shortcuts(self) -> None:
        keys = {
            "P": self.result.print_button,
            "F5": self.result.retry_button,
        }
        for key, button in keys.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(
                lambda b=button: b.click() if b.isVisible() and b.isEnabled() else None
            )

    def show_attempt(self, amount: Money, reference: str, tender: str) -> None:
        self.amount.setText(amount.format())
        self.reference.setText(self.tr("Referencia: %1").replace("%1", reference))
        self.tender.setText(tender_label(tender))
        self.cancel_button.setVisible(True)

    def show_view(self, view: View) -> None:
        self.views.setCurrentIndex(view)
        if view is View.RESULT:
            self.cancel_button.setVisible(False)
            self.waiting.stop()
            self.checkout.close_popups()

    def current_view(self) -> View:
        return View(self.views.currentIndex())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._on_escape()
            return
        super().keyPressEvent(event)

    def _on_escape(self) -> None:
        # Esc never closes the dialog silently: a pending attempt must be abandoned on purpose
        # (and stays watched); on an outcome it takes the obvious next step.
        if self.current_view() is not View.RESULT:
            self.cancel_requested.emit()
        elif self.result.new_sale_button.isVisible():
            self.result.new_sale_button.click()
        else:
            self.result.other_button.click()

    def reject(self) -> None:
        """The window's close button behaves like Esc; only `finish()` closes the dialog."""
        if self._may_close:
            super().reject()
        else:
            self._on_escape()

    def finish(self) -> None:
        self._may_close = True
        self.waiting.stop()
        self.checkout.close_popups()
        self.accept()
