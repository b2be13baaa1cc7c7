"""*Anular pago*: the confirmation before asking Wompi to void an approved card payment.

It names the amount (on the question and on the button that does it), the order, the reference
and the transaction, and asks why: the reason is required and goes to the audit log with who
voided. Esc, *Cancelar* and the window's X all leave without voiding.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.browse import AttemptDetail
from mestore_desktop.ui.formatting import method_word

MIN_REASON = 3  # characters: "no" is not a reason anyone can audit later


class VoidDialog(QDialog):
    """Confirm a void of one of `attempts` (the approved card payments of one order)."""

    def __init__(
        self,
        order_number: int,
        attempts: list[AttemptDetail],
        parent: QWidget,
        *,
        notes: dict[str, str] | None = None,
    ) -> None:
        """`notes`: what Wompi's check said about each reference (a same-day warning…)."""
        super().__init__(parent)
        if not attempts:
            raise ValueError("nothing to void")
        self.setObjectName("VoidDialog")
        self.setWindowTitle(self.tr("Anular pago"))
        self.setModal(True)
        self._order_number = order_number
        self._attempts = attempts
        self._notes = notes or {}
        self.choice = QComboBox(self)
        self.choice.setAccessibleName(self.tr("Pago a anular"))
        for item in attempts:
            self.choice.addItem(
                f"{item.attempt.reference} · {item.attempt.amount.format()}",
                item.attempt.reference,
            )
        self.choice.setVisible(len(attempts) > 1)
        self.question = QLabel(self)
        self.question.setObjectName("SectionTitle")  # the amount, large, first thing read
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.check_note = QLabel(self)
        self.check_note.setObjectName("PlaceholderText")
        self.check_note.setWordWrap(True)
        self.check_note.setTextFormat(Qt.TextFormat.PlainText)
        reason_label = QLabel(self.tr("Motivo (obligatorio)"), self)
        self.reason_field = QLineEdit(self)
        self.reason_field.setAccessibleName(self.tr("Motivo"))
        self.reason_field.setPlaceholderText(
            self.tr("Por ejemplo: el cliente devolvió el producto")
        )
        self.reason_field.setMaxLength(500)
        reason_label.setBuddy(self.reason_field)
        self.hint = QLabel(self.tr("Escriba el motivo: queda en el registro con su nombre."), self)
        self.hint.setObjectName("PlaceholderText")
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.confirm = QPushButton(self)
        self.cancel = buttons.addButton(self.tr("Cancelar"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel.setAccessibleName(self.tr("Cancelar"))
        buttons.addButton(self.confirm, QDialogButtonBox.ButtonRole.AcceptRole)
        # Enter in the reason field presses the (named) void button, only once it is enabled.
        self.cancel.setAutoDefault(False)
        self.confirm.setDefault(True)
        buttons.accepted.connect(self._confirm)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choice)
        layout.addWidget(self.question)
        layout.addWidget(self.facts)
        layout.addWidget(self.check_note)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason_field)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.choice.currentIndexChanged.connect(lambda _i: self._describe())
        self.reason_field.textChanged.connect(lambda _t: self._update_confirm())
        self._describe()
        self._update_confirm()
        self.reason_field.setFocus()
        self.setMinimumWidth(460)

    @property
    def chosen(self) -> AttemptDetail:
        return self._attempts[max(self.choice.currentIndex(), 0)]

    def reason(self) -> str:
        return self.reason_field.text().strip()

    def _describe(self) -> None:
        attempt = self.chosen.attempt
        amount = attempt.amount.format()
        method = method_word(attempt.payment_method) if attempt.payment_method else "Wompi"
        self.question.setText(
            self.tr("¿Anular el pago de %1 del pedido %2?")
            .replace("%1", amount)
            .replace("%2", str(self._order_number))
        )
        self.facts.setText(
            self.tr(
                "Referencia %3 · transacción %4 · %5.\n"
                "Wompi devolverá %1 a la tarjeta del cliente. Esto no se puede deshacer."
            )
            .replace("%1", amount)
            .replace("%3", attempt.reference)
            .replace("%4", attempt.transaction_id or "—")
            .replace("%5", method)
        )
        note = self._notes.get(attempt.reference, "")
        self.check_note.setText(note)
        self.check_note.setVisible(bool(note))
        caption = self.tr("Anular %1").replace("%1", amount)
        self.confirm.setText(caption)
        self.confirm.setAccessibleName(caption)

    def _update_confirm(self) -> None:
        self.confirm.setEnabled(len(self.reason()) >= MIN_REASON)

    def _confirm(self) -> None:
        if len(self.reason()) < MIN_REASON or self.result() == QDialog.DialogCode.Accepted:
            self.reason_field.setFocus()
            return  # no reason yet, or already confirmed: never void twice
        self.accept()
