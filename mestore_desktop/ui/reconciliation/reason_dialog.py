"""A small dialog that asks why (and says who) before an audited action.

Used for *Aplicar estado de Wompi* (reason optional, with a default), *Marcar como resuelta* and
*Reabrir* a closed day (reason required). It never blocks the loop (`open()`, not `exec()`), and
closes every way a person expects: Esc, *Cancelar* or the title bar's X.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ReasonDialog(QDialog):
    """`submitted(reason)` when accepted with an acceptable reason."""

    submitted = Signal(str)

    def __init__(
        self,
        *,
        title: str,
        text: str,
        actor: str,
        ok_caption: str,
        required: bool,
        default_reason: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ReasonDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._required = required
        message = QLabel(text, self)
        message.setWordWrap(True)
        who = QLabel(self.tr("Quién: {actor}").format(actor=actor or "—"), self)
        caption = self.tr("Motivo") if required else self.tr("Motivo (opcional)")
        label = QLabel(caption, self)
        self.reason = QLineEdit(default_reason, self)
        self.reason.setAccessibleName(caption)
        self.reason.setMinimumWidth(420)
        label.setBuddy(self.reason)
        self.problem = QLabel("", self)
        self.problem.setObjectName("FieldError")
        self.problem.hide()
        buttons = QDialogButtonBox(self)
        self.ok = QPushButton(ok_caption, self)
        self.ok.setAccessibleName(ok_caption)
        self.ok.setDefault(True)
        cancel = QPushButton(self.tr("Cancelar"), self)
        cancel.setAccessibleName(self.tr("Cancelar"))
        buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (message, who, label, self.reason, self.problem, buttons):
            layout.addWidget(widget)
        self.reason.selectAll()
        self.reason.setFocus()

    def accept(self) -> None:
        reason = self.reason.text().strip()
        if self._required and not reason:
            self.problem.setText(self.tr("Escriba el motivo: queda en el registro de auditoría."))
            self.problem.show()
            self.reason.setFocus()
            return
        super().accept()
        self.submitted.emit(reason)
