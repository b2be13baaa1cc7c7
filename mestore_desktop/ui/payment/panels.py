"""The payment dialog's panels: the phone QR, the waiting view and the outcome.

Each panel is a plain widget with a few setters; the flow decides which one is on screen.
Status colours come from the theme through the `status` property, always with a word and an
icon beside them (colour alone is never the message).
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.money import Money
from mestore_desktop.ui.icons import pixmap
from mestore_desktop.ui.qr import QrWidget


def restyle(widget: QWidget, status: str) -> None:
    widget.setProperty("status", status)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class QrPanel(QWidget):
    """A large QR of the checkout URL for the customer's own phone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.qr = QrWidget()
        self.qr.setAccessibleName(self.tr("Código QR del pago"))
        self.amount = QLabel()
        self.amount.setObjectName("PaymentAmount")
        hint = QLabel(self.tr("Escanea con la cámara de tu celular y paga desde allí."))
        hint.setObjectName("PlaceholderText")
        layout = QVBoxLayout(self)
        layout.addWidget(self.qr, 1)
        layout.addWidget(self.amount, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(hint, 0, Qt.AlignmentFlag.AlignHCenter)

    def show_url(self, url: str, amount: Money) -> None:
        self.qr.set_data(url)
        self.amount.setText(amount.format())


class WaitingPanel(QWidget):
    """Busy bar, elapsed time and what we are waiting for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QLabel(self.tr("Esperando confirmación de Wompi…"))
        self.message.setObjectName("SectionTitle")
        self.message.setWordWrap(True)
        self.elapsed = QLabel()
        self.elapsed.setObjectName("PlaceholderText")
        bar = QProgressBar()
        bar.setRange(0, 0)  # indeterminate: Wompi gives no progress to show
        bar.setTextVisible(False)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.message)
        layout.addWidget(bar)
        layout.addWidget(self.elapsed, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self._clock = QElapsedTimer()
        self._offset_ms = 0
        self._ticker = QTimer(self)
        self._ticker.setInterval(250)  # a 1 s timer drifts and can skip a second
        self._ticker.timeout.connect(self._render)

    def start(self, message: str = "", already_waited_s: float = 0.0) -> None:
        if message:
            self.message.setText(message)
        self._offset_ms = int(already_waited_s * 1000)
        self._clock.start()
        self._ticker.start()
        self._render()

    def stop(self) -> None:
        self._ticker.stop()

    def seconds(self) -> int:
        return (self._offset_ms + self._clock.elapsed()) // 1000 if self._clock.isValid() else 0

    def _render(self) -> None:
        minutes, seconds = divmod(self.seconds(), 60)
        self.elapsed.setText(
            self.tr("Tiempo de espera: %1").replace("%1", f"{minutes}:{seconds:02d}")
        )


class ResultPanel(QWidget):
    """The outcome filling the dialog: approved (green), declined (red) or error (orange).

    The title is an icon and a word (never an emoji: machines without an emoji font show boxes).
    Enter means the default step (*Nueva venta* after an approval, *Reintentar* after a failure):
    the other buttons never become the default, wherever the focus is (the dialog sees to Enter).
    """

    print_clicked = Signal()
    pdf_clicked = Signal()
    email_clicked = Signal()
    new_sale_clicked = Signal()
    retry_clicked = Signal()
    other_tender_clicked = Signal()
    close_clicked = Signal()

    ICON_SIZE = 48

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ResultPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # the theme fills it
        self.title_icon = QLabel()
        self.title_icon.setObjectName("ResultIcon")
        self.title = QLabel()
        self.title.setObjectName("ResultTitle")
        self.details = QLabel()
        self.details.setObjectName("ResultDetails")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setWordWrap(True)
        # The label spans the panel and centres its own lines: a word-wrapped label centred by
        # the layout is given a narrow width and breaks "Transacción Wompi: …" in two.
        self.details.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.details.setAccessibleName(self.tr("Detalles del pago"))
        self.change = QLabel()
        self.change.setObjectName("ResultChange")
        # The change is what the cashier must read at a glance, counting coins: large.
        self.change.setStyleSheet("font-size: 40pt; font-weight: 700;")
        self.change.setAccessibleName(self.tr("Cambio"))
        self.change.hide()
        self.notice = QLabel()
        self.notice.setObjectName("ResultNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.setAccessibleName(self.tr("Aviso"))
        self.notice.hide()
        self.print_button = self._button(self.tr("Imprimir recibo"), "P", self.print_clicked)
        self.pdf_button = self._button(self.tr("Guardar PDF"), "", self.pdf_clicked)
        self.email_button = self._button(self.tr("Enviar por correo"), "", self.email_clicked)
        self.new_sale_button = self._button(self.tr("Nueva venta"), "Enter", self.new_sale_clicked)
        self.retry_button = self._button(self.tr("Reintentar"), "F5", self.retry_clicked)
        self.other_button = self._button(
            self.tr("Otro medio de pago"), "", self.other_tender_clicked
        )
        # Instead of "Otro medio de pago" when the sale is not the one on the counter (an
        # attempt resumed from an earlier session) or can no longer be paid (expired).
        self.close_button = self._button(self.tr("Cerrar"), "Enter", self.close_clicked)
        self.close_button.hide()
        self._layout()

    def _button(self, caption: str, key: str, clicked: SignalInstance) -> QPushButton:
        button = QPushButton(f"{caption}  {key}" if key else caption)
        button.setAccessibleName(caption)
        button.setMinimumHeight(44)
        # Only the dialog decides what Enter does: a focused button must not take it over.
        button.setAutoDefault(False)
        button.clicked.connect(clicked)
        return button

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (
            self.print_button,
            self.pdf_button,
            self.email_button,
            self.retry_button,
            self.other_button,
            self.close_button,
            self.new_sale_button,
        ):
            buttons.addWidget(button)
        heading = QHBoxLayout()
        heading.addStretch(1)
        heading.addWidget(self.title_icon)
        heading.addWidget(self.title)
        heading.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(heading)
        layout.addWidget(self.details)
        layout.addWidget(self.change, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        layout.addWidget(self.notice, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(buttons)

    def show_approved(self, lines: list[str]) -> None:
        self._show("approved", "approved", self.tr("Pago aprobado"), lines, approved=True)

    def show_cash(self, lines: list[str], change: Money | None) -> None:
        """A cash sale: recorded (nothing to wait for), and the change to hand back, large."""
        title = self.tr("Venta en efectivo registrada")
        self._show("approved", "approved", title, lines, approved=True)
        if change is not None:
            self.change.setText(self.tr("Cambio: %1").replace("%1", change.format()))
            self.change.show()

    def show_declined(self, lines: list[str]) -> None:
        self._show("declined", "declined", self.tr("Pago rechazado"), lines, approved=False)

    def show_error(self, lines: list[str]) -> None:
        self._show("error", "error", self.tr("Error en el pago"), lines, approved=False)

    def show_expired(self, lines: list[str]) -> None:
        """The checkout expired with no payment: nothing to retry here, only to close."""
        self._show("error", "cancelled", self.tr("Cobro vencido"), lines, approved=False)
        self.retry_button.hide()
        self.use_close_instead_of_other_tender()

    def use_close_instead_of_other_tender(self) -> None:
        self.other_button.hide()
        self.close_button.show()
        self._set_default(self.close_button if self.retry_button.isHidden() else self.retry_button)

    def show_notice(self, text: str) -> None:
        """A line under the outcome: where the receipt went, to whom it was sent…"""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def default_button(self) -> QPushButton:
        """What Enter means now: a new sale after an approval, a retry after a failure (or
        *Cerrar* when there is nothing to retry)."""
        for button in (self.new_sale_button, self.retry_button, self.close_button):
            if not button.isHidden():
                return button
        return self.other_button

    def _set_default(self, default: QPushButton) -> None:
        for button in (self.new_sale_button, self.retry_button, self.close_button):
            button.setDefault(button is default)

    def _show(
        self, status: str, icon_name: str, title: str, lines: list[str], *, approved: bool
    ) -> None:
        restyle(self, status)
        self.title_icon.setPixmap(pixmap(icon_name, self.ICON_SIZE))
        self.title.setText(title)
        self.details.setText("\n".join(lines))
        self.change.hide()
        self.show_notice("")
        for button in (
            self.print_button,
            self.pdf_button,
            self.email_button,
            self.new_sale_button,
        ):
            button.setVisible(approved)
        for button in (self.retry_button, self.other_button):
            button.setVisible(not approved)
        self.close_button.hide()
        self._set_default(self.new_sale_button if approved else self.retry_button)
