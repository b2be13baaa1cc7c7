"""The buttons above an order's detail: *Consultar en Wompi*, *Anular…*, *Crear link…*,
*Reimprimir*, *Guardar PDF* and *Reenviar*; which of them an order allows and why not.

Each button's accessible name is its caption without the key hint. *Anular…* stays clickable
for any order with a payment: when the payment cannot be voided (cash, Nequi, PSE, not approved,
already voided) the click explains why and how to refund it at Wompi instead of doing nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from mestore_desktop.domain.browse import AttemptDetail, OrderDetail
from mestore_desktop.domain.payment import PaymentStatus, Tender
from mestore_desktop.settings import Settings
from mestore_desktop.ui.links.order_link import can_link
from mestore_desktop.ui.payment.receipt_actions import MailSender, PrinterFactory


@dataclass
class OrderReceipts:
    """What reprinting and resending a receipt needs from the composition root (the same as
    the counter's `CajaServices`): the store's name and NIT, the mailer and the printer."""

    settings: Callable[[], Settings]
    send_mail: MailSender | None = None
    printer_factory: PrinterFactory | None = None  # None: the system's default printer


def approved_attempts(detail: OrderDetail) -> list[AttemptDetail]:
    return [a for a in detail.attempts if a.attempt.status is PaymentStatus.APPROVED]


def receipt_attempt(detail: OrderDetail) -> AttemptDetail | None:
    """The approved payment a receipt is printed for: the first one (a second one is a
    duplicate payment to refund, not a second sale)."""
    approved = approved_attempts(detail)
    return approved[0] if approved else None


def void_candidates(detail: OrderDetail) -> list[AttemptDetail]:
    """Approved Wompi payments: the ones Wompi may be asked to void (void_check decides)."""
    return [a for a in approved_attempts(detail) if a.attempt.tender is Tender.WOMPI]


def no_void_reason(detail: OrderDetail) -> str:
    """Why an order without an approved Wompi payment has nothing to void."""
    if not detail.attempts:
        return QCoreApplication.translate("OrderActions", "Este pedido no tiene pagos.")
    if any(a.attempt.tender is Tender.CASH for a in approved_attempts(detail)):
        return QCoreApplication.translate(
            "OrderActions",
            "Es un pago en efectivo: no pasó por Wompi. Devuelva el efectivo en la caja y "
            "deje la nota en el cierre del día.",
        )
    if any(a.attempt.status is PaymentStatus.VOIDED for a in detail.attempts):
        return QCoreApplication.translate("OrderActions", "El pago ya está anulado.")
    return QCoreApplication.translate(
        "OrderActions", "Solo se puede anular un pago aprobado; este pedido no tiene ninguno."
    )


class OrderActionsBar(QWidget):
    """The order's action buttons; `set_detail` enables what the order allows."""

    requery_clicked = Signal()
    void_clicked = Signal()
    reprint_clicked = Signal()
    pdf_clicked = Signal()
    resend_clicked = Signal()
    link_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OrderActions")
        self.requery = _button(self.tr("Consultar en Wompi"), "F5", parent=self)
        self.void = _button(self.tr("Anular…"), parent=self)
        # Ctrl+P and Ctrl+E are said in the tooltips: with them the captions would not fit.
        self.reprint = _button(self.tr("Reimprimir"), parent=self)
        self.pdf = _button(self.tr("Guardar PDF"), parent=self)
        self.resend = _button(self.tr("Reenviar"), parent=self)
        self.link = _button(self.tr("Crear link…"), parent=self)
        self.link.hide()  # offered once the page has the links service (set_link_available)
        self.buttons = (self.requery, self.void, self.link, self.reprint, self.pdf, self.resend)
        # Two rows: whole captions in a pane about 400 px wide (a 1280 px window).
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        # *Crear link…* on a row of its own: beside the others it would widen the pane.
        for buttons in (
            (self.requery, self.void),
            (self.reprint, self.pdf, self.resend),
            (self.link,),
        ):
            row = QHBoxLayout()
            row.setSpacing(6)
            for button in buttons:
                row.addWidget(button)
            row.addStretch(1)
            column.addLayout(row)
        self.requery.clicked.connect(self.requery_clicked)
        self.void.clicked.connect(self.void_clicked)
        self.reprint.clicked.connect(self.reprint_clicked)
        self.pdf.clicked.connect(self.pdf_clicked)
        self.resend.clicked.connect(self.resend_clicked)
        self.link.clicked.connect(self.link_clicked)
        self.set_detail(None, can_mail=False)

    def set_detail(self, detail: OrderDetail | None, *, can_mail: bool) -> None:
        """Enable what `detail` allows (None: no order chosen, every button off)."""
        has_wompi = detail is not None and any(
            a.attempt.tender is Tender.WOMPI for a in detail.attempts
        )
        self.requery.setEnabled(has_wompi)
        self.requery.setToolTip(
            self.tr("Pregunta a Wompi ahora por cada pago de este pedido (F5).")
            if has_wompi
            else self.tr("Este pedido no tiene pagos con Wompi.")
        )
        self.void.setEnabled(detail is not None and bool(detail.attempts))
        self.set_linkable(detail is not None and can_link(detail.status))
        paid = detail is not None and receipt_attempt(detail) is not None
        for button in (self.reprint, self.pdf):
            button.setEnabled(paid)
        self.resend.setEnabled(paid and can_mail)
        no_receipt = self.tr("Solo los pedidos pagados tienen recibo.")
        self.reprint.setToolTip(
            self.tr("Imprime el recibo otra vez (Ctrl+P).") if paid else no_receipt
        )
        self.pdf.setToolTip(self.tr("Guarda el recibo en PDF.") if paid else no_receipt)
        self.resend.setToolTip(
            self.tr("Envía el recibo por correo (Ctrl+E).")
            if paid and can_mail
            else no_receipt
            if not paid
            else self.tr("El correo no está configurado: complete Ajustes › Correo.")
        )

    def set_link_available(self, available: bool) -> None:
        self.link.setVisible(available)

    def set_linkable(self, linkable: bool) -> None:
        """*Crear link…* only for an order that can still take money (no double payment)."""
        self.link.setEnabled(linkable)
        self.link.setToolTip(
            self.tr("Crea un link de pago de Wompi por el total del pedido.")
            if linkable
            else self.tr("Solo un pedido sin pagar puede cobrarse con un link.")
        )

    def set_void_reason(self, reason: str) -> None:
        """Say on the button why this payment cannot be voided ("" : it can)."""
        self.void.setToolTip(reason or self.tr("Anula el pago con tarjeta en Wompi."))

    def set_busy(self, busy: bool) -> None:
        self.setEnabled(not busy)


def _button(caption: str, key: str = "", *, parent: QWidget) -> QPushButton:
    # Made with its parent: reparenting a parentless widget into the layout costs its style again.
    button = QPushButton(f"{caption}  {key}" if key else caption, parent)
    button.setAccessibleName(caption)
    button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)  # never cut
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button
