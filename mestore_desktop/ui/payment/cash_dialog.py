"""Cash at the counter: what the customer handed over and the change to give back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.money import Money, MoneyError

# Colombian bills a customer commonly hands over, in pesos.
QUICK_BILLS = (20_000, 50_000, 100_000)


class CashDialog(QDialog):
    """Type the cash received (or pick a bill); the change shows as you type."""

    def __init__(self, due: Money, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pago en efectivo"))
        self.due = due
        self.received_field = QLineEdit()
        self.received_field.setObjectName("CashReceived")
        self.received_field.setAccessibleName(self.tr("Efectivo recibido"))
        self.received_field.setPlaceholderText(due.format())
        self.change_label = QLabel()
        self.change_label.setObjectName("CashChange")
        self.change_label.setAccessibleName(self.tr("Cambio"))
        self.problem = QLabel()
        self.problem.setObjectName("FieldError")
        total = QLabel(due.format())
        total.setObjectName("PaymentAmount")
        form = QFormLayout()
        form.addRow(self.tr("Total a pagar"), total)
        form.addRow(self.tr("Efectivo recibido"), self.received_field)
        form.addRow(self.tr("Cambio"), self.change_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Registrar pago  Enter"))
        self.ok_button.setAccessibleName(self.tr("Registrar pago"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancelar  Esc"))
        cancel.setAccessibleName(self.tr("Cancelar"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(self._bill_buttons())
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.received_field.textChanged.connect(self._update)
        self._update()

    def _bill_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        # The bills never take focus: Enter in the field must always mean "register".
        exact = QPushButton(self.tr("Exacto"))
        exact.setAccessibleName(self.tr("Exacto"))
        exact.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        exact.clicked.connect(lambda: self.received_field.setText(self.due.format()))
        row.addWidget(exact)
        for pesos in QUICK_BILLS:
            if Money.from_pesos(pesos) >= self.due:
                bill = QPushButton(Money.from_pesos(pesos).format())
                bill.setAccessibleName(Money.from_pesos(pesos).format())
                bill.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                bill.clicked.connect(lambda _=False, p=pesos: self.received_field.setText(str(p)))
                row.addWidget(bill)
        return row

    def received(self) -> Money | None:
        """What was typed, or the exact total when the field is left empty."""
        text = self.received_field.text().strip()
        if not text:
            return self.due
        try:
            return Money.parse(text)
        except MoneyError:
            return None

    def _update(self) -> None:
        received = self.received()
        if received is None:
            self._refuse(self.tr("Escriba un valor como 50.000"))
        elif received < self.due:
            self._refuse(self.tr("Faltan %1").replace("%1", (self.due - received).format()))
        else:
            self.problem.clear()
            self.change_label.setText((received - self.due).format())
            self.ok_button.setEnabled(True)

    def _refuse(self, why: str) -> None:
        self.problem.setText(why)
        self.change_label.setText("—")
        self.ok_button.setEnabled(False)
