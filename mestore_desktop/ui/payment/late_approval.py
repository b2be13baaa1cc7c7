"""The loud alert for a payment approved after the cashier gave up on it.

The customer paid: the goods are theirs, or the money must go back. This must never be lost in
a log, so it stays on screen until someone acknowledges it (which is audited).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from mestore_desktop.domain.payment import PaymentAttempt


class LateApprovalAlert(QMessageBox):
    """Shows the oldest unacknowledged late approval; emits `acknowledged(reference)`."""

    acknowledged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LateApprovalAlert")
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("¡Pago aprobado después de cancelar!"))
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.button(QMessageBox.StandardButton.Ok).setText(self.tr("Entendido"))
        self.button(QMessageBox.StandardButton.Ok).setAccessibleName(self.tr("Entendido"))
        self.reference = ""
        self.finished.connect(self._on_finished)

    def show_attempts(self, attempts: list[PaymentAttempt]) -> None:
        if not attempts or self.isVisible():
            return
        attempt = attempts[0]
        self.reference = attempt.reference
        self.setText(
            self.tr(
                "El pedido %1 se canceló en la caja, pero Wompi aprobó el pago de %2 "
                "(referencia %3). Entregue la compra al cliente o haga la devolución."
            )
            .replace("%1", str(attempt.order_number))
            .replace("%2", attempt.amount.format())
            .replace("%3", attempt.reference)
        )
        self.open()

    def _on_finished(self, _result: int) -> None:
        if self.reference:
            reference, self.reference = self.reference, ""
            self.acknowledged.emit(reference)
