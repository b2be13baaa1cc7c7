"""The loud alert for money taken that nobody at the counter expected.

Two cases, one alert at a time, the worse first:

* a **duplicate payment**: one order paid twice (the customer paid the old QR after a retry, or
  paid by phone and in cash). One payment must go back at Wompi.
* a **late approval**: a payment approved after the cashier gave up on the attempt. The goods
  are the customer's, or the money must go back.

This must never be lost in a log, so it stays on screen until someone acknowledges it (which is
audited), then the next one shows.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from mestore_desktop.domain.payment import Approval, DuplicatePayment, PaymentAttempt


class LateApprovalAlert(QMessageBox):
    """Shows the oldest unacknowledged duplicate payment, else the oldest late approval;
    emits `duplicate_acknowledged(id)` or `acknowledged(reference)` when it is closed."""

    acknowledged = Signal(str)
    duplicate_acknowledged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LateApprovalAlert")
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("¡Pago aprobado después de cancelar!"))
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.button(QMessageBox.StandardButton.Ok).setText(self.tr("Entendido"))
        self.button(QMessageBox.StandardButton.Ok).setAccessibleName(self.tr("Entendido"))
        self.reference = ""  # the late approval shown, if that is what is shown
        self.duplicate_id: int | None = None  # the duplicate payment shown, if that is
        self.finished.connect(self._on_finished)

    def show_alerts(self, duplicates: list[DuplicatePayment], late: list[PaymentAttempt]) -> None:
        """Show the first duplicate payment, else the first late approval (if not showing)."""
        if self.isVisible():
            return
        if duplicates:
            self._show_duplicate(duplicates[0])
        elif late:
            self.show_attempts(late)

    def show_attempts(self, attempts: list[PaymentAttempt]) -> None:
        if not attempts or self.isVisible():
            return
        attempt = attempts[0]
        self.reference, self.duplicate_id = attempt.reference, None
        self.setWindowTitle(self.tr("¡Pago aprobado después de cancelar!"))
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

    def _show_duplicate(self, duplicate: DuplicatePayment) -> None:
        self.reference, self.duplicate_id = "", duplicate.id
        self.setWindowTitle(self.tr("¡Pago doble!"))
        self.setText(
            self.tr(
                "Pago doble: el pedido %1 se pagó dos veces, %2 cada vez: %3 y %4. Devuelva uno "
                "de los dos pagos desde el panel de comercios de Wompi (o el efectivo, si uno "
                "fue en efectivo) y entregue la compra una sola vez."
            )
            .replace("%1", str(duplicate.order_number))
            .replace("%2", duplicate.amount.format())
            .replace("%3", self._describe(duplicate.first))
            .replace("%4", self._describe(duplicate.extra))
        )
        self.open()

    def _describe(self, approval: Approval) -> str:
        if not approval.transaction_id:
            return self.tr("en efectivo (referencia %1)").replace("%1", approval.reference)
        return (
            self.tr("con Wompi (referencia %1, transacción %2)")
            .replace("%1", approval.reference)
            .replace("%2", approval.transaction_id)
        )

    def _on_finished(self, _result: int) -> None:
        if self.duplicate_id is not None:
            duplicate_id, self.duplicate_id = self.duplicate_id, None
            self.duplicate_acknowledged.emit(duplicate_id)
        elif self.reference:
            reference, self.reference = self.reference, ""
            self.acknowledged.emit(reference)
