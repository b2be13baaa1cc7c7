"""The tender buttons: Pagar aquí (F12), QR al celular (F11), Efectivo (F10), Link de pago (F7),
Cancelar venta (Esc).

Each button shows its key, is at least 44 px high (theme role "tender") and never takes the
keyboard focus, so the search field keeps it. The counter decides when each is usable.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget


class ChargeTender(StrEnum):
    """What `RingUpView.charge_requested` carries."""

    WOMPI_HERE = "wompi_here"
    WOMPI_QR = "wompi_qr"
    CASH = "cash"
    PAYMENT_LINK = "payment_link"  # a Wompi link for a customer who pays later, elsewhere


class TenderBar(QWidget):
    """Signals:
    charge_clicked(str): a `ChargeTender` value.
    cancel_clicked(): Cancelar venta.
    """

    charge_clicked = Signal(str)
    cancel_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TenderBar")
        captions = {
            ChargeTender.WOMPI_HERE: (self.tr("Pagar aquí"), "F12"),
            ChargeTender.WOMPI_QR: (self.tr("QR al celular"), "F11"),
            ChargeTender.CASH: (self.tr("Efectivo"), "F10"),
            ChargeTender.PAYMENT_LINK: (self.tr("Link de pago"), "F7"),
        }
        self.buttons = {
            tender: self._button(caption, key) for tender, (caption, key) in captions.items()
        }
        for tender, button in self.buttons.items():
            button.clicked.connect(
                lambda _checked=False, t=tender: self.charge_clicked.emit(t.value)
            )
        self.buttons[ChargeTender.WOMPI_HERE].setProperty("primary", "true")
        self.cancel = self._button(self.tr("Cancelar venta"), "Esc")
        self.cancel.clicked.connect(self.cancel_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (*self.buttons.values(), self.cancel):
            layout.addWidget(button)
        self.set_link_available(False)  # offered once the counter has the links service

    def _button(self, caption: str, key: str) -> QPushButton:
        button = QPushButton(f"{caption}    {key}")
        button.setProperty("role", "tender")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAccessibleName(caption)
        return button

    def update_state(self, *, has_lines: bool, wompi_chargeable: bool, busy: bool) -> None:
        """Wompi needs a positive whole-peso total; cash only a cart; nothing while paying."""
        usable = has_lines and not busy
        for tender, button in self.buttons.items():
            wompi = tender is not ChargeTender.CASH
            button.setEnabled(usable and (wompi_chargeable or not wompi))
            button.setToolTip(
                self.tr("Wompi solo cobra totales mayores que cero y en pesos completos.")
                if wompi and has_lines and not wompi_chargeable
                else ""
            )
        self.cancel.setEnabled(has_lines and not busy)

    def set_link_available(self, available: bool) -> None:
        """Without the links service (no database) the link tender is not offered at all."""
        self.buttons[ChargeTender.PAYMENT_LINK].setVisible(available)

    def trigger(self, tender: ChargeTender) -> bool:
        """A tender's key: acts like its button, and only when the button is usable."""
        button = self.buttons[tender]
        if button.isEnabled() and not button.isHidden():
            button.click()
            return True
        return False
