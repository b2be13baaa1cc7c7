"""The payment dialog over the counter: header (amount, reference, tender, elapsed time) and one
of four views — the embedded Wompi checkout, the phone QR, waiting, or the outcome.

It is a view only: `PaymentFlow` decides what to show and talks to the counter service.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.money import Money
from mestore_desktop.services.navigation import NavigationPolicy
from mestore_desktop.ui.payment.panels import QrPanel, ResultPanel, WaitingPanel
from mestore_desktop.ui.payment.web_view import CheckoutWebView


class View(IntEnum):
    CHECKOUT = 0
    QR = 1
    WAITING = 2
    RESULT = 3


def tender_label(tender: str) -> str:
    labels = {
        "wompi_here": QCoreApplication.translate("PaymentDialog", "Pagar aquí (Wompi)"),
        "wompi_qr": QCoreApplication.translate("PaymentDialog", "QR al celular (Wompi)"),
        "cash": QCoreApplication.translate("PaymentDialog", "Efectivo"),
        "wompi_resumed": QCoreApplication.translate(
            "PaymentDialog", "Pago con Wompi pendiente de una sesión anterior"
        ),
    }
    return labels.get(tender, tender)


class PaymentDialog(QDialog):
    """Modal over the counter while one payment attempt is in play."""

    cancel_requested = Signal()
    check_requested = Signal()
    show_qr_requested = Signal()

    def __init__(self, policy: NavigationPolicy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PaymentDialog")
        self.setWindowTitle(self.tr("Cobro"))
        self.setModal(True)
        self._may_close = False
        self.resize(980, 720)
        self.amount = QLabel()
        self.amount.setObjectName("PaymentAmount")
        self.reference = QLabel()
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tender = QLabel()
        self.cancel_button = self._header_button(self.tr("Cancelar cobro"), "Esc")
        self.cancel_button.clicked.connect(self.cancel_requested)
        # For an attempt resumed after a restart: ask Wompi now, or show its QR again.
        self.check_button = self._header_button(self.tr("Verificar ahora"), "F5")
        self.check_button.clicked.connect(self.check_requested)
        self.show_qr_button = self._header_button(self.tr("Mostrar QR"), "")
        self.show_qr_button.clicked.connect(self.show_qr_requested)
        self.show_resume_actions(False)
        self.checkout = CheckoutWebView(policy)
        self.qr = QrPanel()
        self.waiting = WaitingPanel()
        self.result = ResultPanel()
        self.views = QStackedWidget()
        for widget in (self.checkout, self.qr, self.waiting, self.result):
            self.views.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        layout.addWidget(self.views, 1)
        self._shortcuts()

    def _header_button(self, caption: str, key: str) -> QPushButton:
        button = QPushButton(f"{caption}  {key}" if key else caption)
        button.setAccessibleName(caption)
        button.setMinimumHeight(44)
        button.setAutoDefault(False)
        return button

    def _header(self) -> QHBoxLayout:
        facts = QVBoxLayout()
        facts.addWidget(self.amount)
        facts.addWidget(self.reference)
        facts.addWidget(self.tender)
        header = QHBoxLayout()
        header.addLayout(facts, 1)
        header.addWidget(self.waiting.elapsed)
        header.addWidget(self.check_button)
        header.addWidget(self.show_qr_button)
        header.addWidget(self.cancel_button)
        return header

    def _shortcuts(self) -> None:
        # Esc window-wide: the checkout web page has the focus while the customer types, and
        # the page would otherwise swallow the key the cancel button promises.
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WindowShortcut)
        escape.activated.connect(self._on_escape)
        # P and F5 only on the outcome: while the checkout is on screen a "P" belongs to the
        # customer typing a name into the page.
        self._result_shortcuts: list[QShortcut] = []
        for key, button in (("P", self.result.print_button), ("F5", self.result.retry_button)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(
                lambda b=button: b.click() if b.isVisible() and b.isEnabled() else None
            )
            shortcut.setEnabled(False)
            self._result_shortcuts.append(shortcut)
        check = QShortcut(QKeySequence("F5"), self)
        check.setContext(Qt.ShortcutContext.WindowShortcut)
        check.activated.connect(
            lambda: self.check_button.click() if self.check_button.isVisible() else None
        )
        self._check_shortcut = check

    def show_resume_actions(self, shown: bool) -> None:
        """*Verificar ahora* and *Mostrar QR*: for an attempt left open by an earlier session."""
        self.check_button.setVisible(shown)
        self.show_qr_button.setVisible(shown)

    def show_attempt(self, amount: Money, reference: str, tender: str) -> None:
        self.amount.setText(amount.format())
        self.reference.setText(
            self.tr("Referencia: %1").replace("%1", reference) if reference else ""
        )
        self.tender.setText(tender_label(tender))
        self.cancel_button.setVisible(True)
        self.show_resume_actions(False)
        # Cash is recorded at once: there is no waiting time to show.
        self.waiting.elapsed.setVisible(tender != "cash")

    def show_view(self, view: View) -> None:
        self.views.setCurrentIndex(view)
        on_result = view is View.RESULT
        for shortcut in self._result_shortcuts:
            shortcut.setEnabled(on_result)
        self._check_shortcut.setEnabled(not on_result)
        if on_result:
            self.cancel_button.setVisible(False)
            self.show_resume_actions(False)
            self.waiting.stop()
            self.waiting.elapsed.setVisible(False)  # nothing is being waited for any more
            self.checkout.close_popups()
            self.give_focus_back()

    def show_notice(self, text: str) -> None:
        """A short line on the outcome (where the receipt went); see `ReceiptActions`."""
        self.result.show_notice(text)

    def give_focus_back(self) -> None:
        """After the outcome shows or a dialog over it closes: the default button has the
        focus, so the keyboard lands where Enter's meaning is (never on *Imprimir recibo*)."""
        if self.current_view() is View.RESULT and self.isVisible():
            self.activateWindow()
            self.result.default_button().setFocus(Qt.FocusReason.OtherFocusReason)

    def current_view(self) -> View:
        return View(self.views.currentIndex())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._on_escape()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # On the outcome Enter is its default step, whichever button has the focus;
            # elsewhere it does nothing (the checkout page takes its own Enter).
            if self.current_view() is View.RESULT:
                self.result.default_button().click()
            return
        super().keyPressEvent(event)

    def _on_escape(self) -> None:
        # Esc never closes the dialog silently: a pending attempt must be abandoned on purpose
        # (and stays watched); on an outcome it takes the obvious next step.
        if self.current_view() is not View.RESULT:
            self.cancel_requested.emit()
        elif self.result.new_sale_button.isVisible():
            self.result.new_sale_button.click()
        elif self.result.close_button.isVisible():
            self.result.close_button.click()
        else:
            self.result.other_button.click()

    def reject(self) -> None:
        """The window's close button behaves like Esc; only `finish()` closes the dialog."""
        if self._may_close:
            super().reject()
        else:
            self._on_escape()

    def finish(self) -> None:
        self._may_close = True
        self.waiting.stop()
        self.checkout.close_popups()
        self.accept()
