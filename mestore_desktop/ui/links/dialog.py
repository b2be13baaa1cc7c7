"""*Link de pago* from the counter (F7) and *Crear link…* from Pedidos: the link form prefilled
from the order, then the same result panel as the page (URL, QR, Copiar, WhatsApp, correo, QR
files).

Every exit gives the window below back: Esc, *Cancelar*, the title bar's X, and on the result
*Listo* (the default: Enter). `record` is the link made, or None when none was. While Wompi is
creating the link the dialog does not close (the link would exist with nobody told).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.links import LinkDraft, PaymentLinkRecord
from mestore_desktop.ui.links.creation import create_link
from mestore_desktop.ui.links.form import LinkForm
from mestore_desktop.ui.links.result import LinkResultPanel
from mestore_desktop.ui.links.tools import LinkTools
from mestore_desktop.ui.theme import set_style_property

DIALOG_SIZE = (600, 660)


class CreateLinkDialog(QDialog):
    """Signals: `created(PaymentLinkRecord)` as soon as Wompi made the link."""

    created = Signal(object)

    def __init__(
        self, tools: LinkTools, draft: LinkDraft | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CreateLinkDialog")
        self.setWindowTitle(self.tr("Link de pago"))
        self.setModal(True)
        self.resize(*DIALOG_SIZE)
        self._tools = tools
        self._creating = False
        self.record: PaymentLinkRecord | None = None
        self.form = LinkForm(self)
        self.heading = QLabel(self.tr("Nuevo link de pago"), self)
        self.heading.setObjectName("SectionTitle")
        if draft is not None:
            self.form.set_draft(draft, tools.clock())
            self.form.order_label.hide()  # the heading says it
            if draft.order_number is not None:
                self.heading.setText(
                    self.tr("Link de pago del pedido %1").replace("%1", str(draft.order_number))
                )
        self.lead = QLabel(self)
        self.lead.setObjectName("Notice")
        self.lead.setWordWrap(True)
        self.result = LinkResultPanel(tools, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._form_page())
        self.stack.addWidget(self._result_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.form.focus_first()

    def _form_page(self) -> QWidget:
        page = QWidget(self)
        scroll = QScrollArea(page)
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.problem = QLabel(page)
        self.problem.setObjectName("FormError")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.create_button = self._button(self.tr("Crear link"), page)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create)
        cancel = self._button(self.tr("Cancelar"), page)
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.create_button)
        hint = QLabel(
            self.tr(
                "El cliente recibe el link por WhatsApp o correo y paga con tarjeta, Nequi o "
                "PSE; el pago llega solo a Pedidos."
            ),
            page,
        )
        hint.setObjectName("PlaceholderText")
        hint.setWordWrap(True)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(hint)
        column.addWidget(scroll, 1)
        column.addWidget(self.problem)
        column.addLayout(buttons)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget(self)
        self.done_button = self._button(self.tr("Listo"), page)
        self.done_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.lead)
        column.addWidget(self.result, 1)
        column.addLayout(buttons)
        return page

    @staticmethod
    def _button(caption: str, parent: QWidget) -> QPushButton:
        button = QPushButton(caption, parent)
        button.setAccessibleName(caption)
        return button

    # -- creating ----------------------------------------------------------------------------

    def create(self) -> None:
        """*Crear link* (Enter in the form)."""
        if self._creating or self.record is not None:
            return
        self._say("")
        self._creating = create_link(
            self, self._tools, self.form, self.create_button, self._created, self._failed
        )

    def _created(self, record: PaymentLinkRecord) -> None:
        self._creating = False
        self.record = record
        self.lead.setText(self._lead(record))
        self.result.show_record(record, self._tools.clock())
        self.stack.setCurrentIndex(1)
        self.create_button.setDefault(False)
        self.done_button.setDefault(True)
        self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.created.emit(record)

    def _lead(self, record: PaymentLinkRecord) -> str:
        if record.order_number is None:
            return self.tr("Link creado. Compártalo con el cliente.")
        return self.tr(
            "Link creado. Compártalo con el cliente: el pedido %1 queda esperando el pago y "
            "se marca pagado solo cuando Wompi lo confirme."
        ).replace("%1", str(record.order_number))

    def _failed(self, message: str) -> None:
        self._creating = False
        self._say(message)
        self.create_button.setFocus()

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        set_style_property(self.problem, "status", "declined" if text else "")

    # -- closing -----------------------------------------------------------------------------

    def reject(self) -> None:
        if self._creating:
            return  # Wompi is making the link: wait for its answer
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._creating:
            event.ignore()
            return
        super().closeEvent(event)

    def give_focus_back(self) -> None:
        """A sharing dialog closed: the keyboard back on this dialog's default button."""
        self.activateWindow()
        target = self.done_button if self.record is not None else self.create_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)
