"""The payment dialog's panels: the phone QR, the waiting view and the outcome.

Each panel is a plain widget with a few setters; the flow decides which one is on screen.
Status colours come from the theme through the `status` property, always with a word and an
icon beside them (colour alone is never the message).
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.money import Money
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
    """The outcome filling the dialog: approved (green), declined (red) or error (orange)."""

    print_clicked = Signal()
    pdf_clicked = Signal()
    email_clicked = Signal()
    new_sale_clicked = Signal()
    retry_clicked = Signal()
    other_tender_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ResultPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # the theme fills it
        self.title = QLabel()
        self.title.setObjectName("ResultTitle")
        self.details = QLabel()
        self.details.setObjectName("ResultDetails")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Imprimir recibo  P"))
        self.pdf_button = QPushButton(self.tr("Guardar PDF"))
        self.email_button = QPushButton(self.tr("Enviar por correo"))
        self.new_sale_button = QPushButton(self.tr("Nueva venta  Enter"))
        self.retry_button = QPushButton(self.tr("Reintentar  F5"))
        self.other_button = QPushButton(self.tr("Otro medio de pago"))
        self.print_button.clicked.connect(self.print_clicked)
        self.pdf_button.clicked.connect(self.pdf_clicked)
        self.email_button.clicked.connect(self.email_clicked)
        self.new_sale_button.clicked.connect(self.new_sale_clicked)
        self.retry_button.clicked.connect(self.retry_clicked)
        self.other_button.clicked.connect(self.other_tender_clicked)
        buttons = QHBoxLayout()
        for button in (
            self.print_button,
            self.pdf_button,
            self.email_button,
            self.retry_button,
            self.other_button,
            self.new_sale_button,
        ):
            button.setMinimumHeight(44)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.details, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def show_approved(self, lines: list[str]) -> None:
        self._show("approved", self.tr("✔ Pago aprobado"), lines, approved=True)

    def show_declined(self, lines: list[str]) -> None:
        self._show("declined", self.tr("✖ Pago rechazado"), lines, approved=False)

    def show_error(self, lines: list[str]) -> None:
        self._show("error", self.tr("⚠ Error en el pago"), lines, approved=False)

    def _show(self, status: str, title: str, lines: list[str], *, approved: bool) -> None:
        restyle(self, status)
        self.title.setText(title)
        self.details.setText("\n".join(lines))
        for button in (
            self.print_button,
            self.pdf_button,
            self.email_button,
            self.new_sale_button,
        ):
            button.setVisible(approved)
        for button in (self.retry_button, self.other_button):
            button.setVisible(not approved)
        (self.new_sale_button if approved else self.retry_button).setDefault(True)
