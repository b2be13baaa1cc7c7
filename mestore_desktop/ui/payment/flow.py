"""One payment at the counter, from *Cobrar* to the outcome: the controller behind the dialog.

The order and its attempt are committed by the counter service before the checkout or the QR
is shown. The outcome can arrive four ways, all ending in the same place (`_show_attempt`,
which re-reads the attempt from SQLite): the checkout's redirect (its `id` only a hint, the
status read from Wompi), the sync engine (relay events, its pending watcher), and a quick
fallback poll while the customer is still at the counter. Cancelling abandons the attempt but
the sync keeps watching it; a late approval is flagged by the counter page.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import Order
from mestore_desktop.domain.payment import PaymentAttempt, PaymentStatus, Tender
from mestore_desktop.services.counter import CounterService, PaymentDetails, StartedPayment
from mestore_desktop.services.navigation import NavigationPolicy
from mestore_desktop.services.payment_details import stored_details
from mestore_desktop.ui.customer_display import CustomerDisplay
from mestore_desktop.ui.errors import present_error, user_message
from mestore_desktop.ui.i18n import render
from mestore_desktop.ui.payment.cash_dialog import CashDialog
from mestore_desktop.ui.payment.dialog import PaymentDialog, View
from mestore_desktop.ui.qt_async import run_op

log = logging.getLogger(__name__)

# While the customer waits at the counter, ask Wompi directly now and then: the relay is the
# fast path, this is the belt to its braces (the sync's own watcher is slower on purpose).
FALLBACK_FIRST_MS = 8_000
FALLBACK_EVERY_MS = 5_000


class PaymentFlow(QObject):
    """Runs one payment; emits `finished` with "paid", "abandoned" or "other_tender"."""

    finished = Signal(str)
    receipt_requested = Signal(str, str)  # reference, "print" | "pdf" | "email"

    def __init__(
        self,
        counter: CounterService,
        policy: NavigationPolicy,
        display: CustomerDisplay | None,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._counter = counter
        self._display = display
        self.dialog = PaymentDialog(policy, parent)
        self.order_number: int | None = None
        self.reference = ""
        self.tender = ""
        self.last_details: PaymentDetails | None = None
        self._confirm_box: QMessageBox | None = None
        self._resumed_amount = Money.zero()
        self.resumed = False  # an attempt from an earlier session, not the cart on the counter
        self._fallback = QTimer(self)
        self._fallback.timeout.connect(self._poll_wompi)
        self._connect_dialog()

    def _connect_dialog(self) -> None:
        dialog = self.dialog
        dialog.cancel_requested.connect(self._confirm_cancel)
        dialog.check_requested.connect(self._check_now)
        dialog.show_qr_requested.connect(self._show_qr_again)
        dialog.checkout.redirected.connect(self._on_redirected)
        result = dialog.result
        result.new_sale_clicked.connect(self._new_sale)
        result.retry_clicked.connect(self._retry)
        result.other_tender_clicked.connect(lambda: self._finish("other_tender"))
        result.close_clicked.connect(self._close_elsewhere)
        result.print_clicked.connect(lambda: self.receipt_requested.emit(self.reference, "print"))
        result.email_clicked.connect(lambda: self.receipt_requested.emit(self.reference, "email"))
        result.pdf_clicked.connect(lambda: self.receipt_requested.emit(self.reference, "pdf"))
        dialog.checkout.page_loaded.connect(self._on_page_loaded)

    # -- starting ---------------------------------------------------------------------------

    def start(self, draft: Order | int, tender: str, total: Money) -> None:
        """Charge a new order (`draft`) or an existing unpaid one (its number)."""
        self.tender = tender
        if tender == "cash":
            self._start_cash(draft, total)
        elif isinstance(draft, int):
            run_op(
                self._parent,
                lambda: self._counter.retry(draft),
                on_success=self._started,
                on_error=self._failed_before_payment,
            )
        else:
            run_op(
                self._parent,
                lambda: self._counter.start_wompi(draft),
                on_success=self._started,
                on_error=self._failed_before_payment,
            )

    def resume(self, attempt: PaymentAttempt, waited_s: float) -> None:
        """Show an attempt left unfinished (after a crash) and keep waiting for it.

        It settles by itself (the sync, and the fallback poll here); the cashier may also ask
        Wompi now (*Verificar ahora*), show the customer its QR again (*Mostrar QR*) or cancel.
        """
        self.tender = "wompi_resumed"
        self.resumed = True
        self.order_number, self.reference = attempt.order_number, attempt.reference
        self._resumed_amount = attempt.amount
        self.dialog.show_attempt(attempt.amount, attempt.reference, self.tender)
        self.dialog.show_resume_actions(True)
        self.dialog.waiting.start(
            self.tr(
                "Pago pendiente de una sesión anterior. MeStore lo sigue verificando con "
                "Wompi; puede verificarlo ahora o mostrar el QR al cliente otra vez."
            ),
            waited_s,
        )
        self.dialog.show_view(View.WAITING)
        self.dialog.open()
        self._poll_wompi()

    def _check_now(self) -> None:
        """*Verificar ahora*: ask Wompi about the reference at once."""
        if not self.reference:
            return
        reference = self.reference
        self.dialog.show_view(View.WAITING)
        self.dialog.waiting.message.setText(self.tr("Consultando a Wompi…"))
        self.dialog.check_button.setEnabled(False)
        run_op(
            self.dialog,
            lambda: self._counter.refresh(reference),
            on_success=self._checked,
            on_error=self._check_failed,
        )

    def _checked(self, attempt: PaymentAttempt) -> None:
        self.dialog.check_button.setEnabled(True)
        if attempt.status is PaymentStatus.PENDING and attempt.abandoned_at is None:
            self.dialog.waiting.message.setText(
                self.tr(
                    "Wompi aún no tiene un pago terminado con esta referencia. MeStore sigue "
                    "verificando; si el cliente no va a pagar, cancele."
                )
            )
        self._show_attempt(attempt)

    def _check_failed(self, exc: Exception) -> None:
        self.dialog.check_button.setEnabled(True)
        log.info("check now failed: %s", type(exc).__name__)
        self.dialog.waiting.message.setText(user_message(exc))

    def _show_qr_again(self) -> None:
        """*Mostrar QR*: the resumed attempt's checkout, signed again, for the customer's phone."""
        if not self.reference:
            return
        reference = self.reference
        run_op(
            self.dialog,
            lambda: self._counter.phone_checkout_url(reference),
            on_success=self._qr_ready,
            on_error=self._check_failed,
        )

    def _qr_ready(self, url: str) -> None:
        amount = self._resumed_amount
        self.dialog.qr.show_url(url, amount)
        self.dialog.show_view(View.QR)
        if self._display is not None:
            self._display.show_qr(url, amount)

    def _start_cash(self, draft: Order | int, total: Money) -> None:
        cash = CashDialog(total, self._parent)
        cash.setObjectName("CashDialog")
        cash.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # finished covers every way out: Enter, Esc, Cancelar and the window's close button.
        cash.finished.connect(lambda result: self._cash_answered(draft, cash, result))
        cash.open()

    def _cash_answered(self, draft: Order | int, cash: CashDialog, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            self._pay_cash(draft, cash.received() or cash.due, cash.due)
        else:
            self._finish("abandoned")  # nothing was saved: the sale waits for another tender

    def _pay_cash(self, draft: Order | int, received: Money, due: Money) -> None:
        run_op(
            self._parent,
            lambda: self._counter.pay_cash(draft, received),
            on_success=lambda paid: self._show_attempt(paid.attempt),
            on_error=self._failed_before_payment,
        )
        self.dialog.show_attempt(due, "", "cash")
        self.dialog.open()
        self._wait(0, self.tr("Registrando el pago en efectivo…"))

    def _failed_before_payment(self, exc: Exception) -> None:
        """Nothing to wait for (not saved, or nothing to pay): say why, free the counter."""
        self._finish("abandoned")
        box = present_error(self._parent, exc)
        box.finished.connect(lambda _result: _activate(self._parent))

    def _started(self, started: StartedPayment) -> None:
        self.order_number = started.order_number
        self.reference = started.attempt.reference
        self.dialog.show_attempt(started.attempt.amount, self.reference, self.tender)
        self.dialog.waiting.start()
        if self.tender == "wompi_here":
            self.dialog.checkout.load_checkout(started.checkout_url)
            self.dialog.show_view(View.CHECKOUT)
            if self._display is not None:
                self._display.show_waiting()
        else:
            url = started.phone_checkout_url
            self.dialog.qr.show_url(url, started.attempt.amount)
            self.dialog.show_view(View.QR)
            if self._display is not None:
                self._display.show_qr(url, started.attempt.amount)
        self._fallback.start(FALLBACK_FIRST_MS)
        if not self.dialog.isVisible():
            self.dialog.open()

    def _wait(self, waited_s: float, message: str) -> None:
        self.dialog.waiting.start(message, waited_s)
        self.dialog.show_view(View.WAITING)

    # -- news about the attempt -------------------------------------------------------------

    def _on_page_loaded(self, ok: bool) -> None:
        if ok or self.dialog.current_view() is not View.CHECKOUT:
            return
        # The checkout did not open (no internet, Wompi down, certificate refused). The attempt
        # is saved and still watched: say so, and let the cashier cancel for another tender.
        self._wait(
            self.dialog.waiting.seconds(),
            self.tr(
                "No se pudo abrir el pago de Wompi. Si el cliente no alcanzó a pagar, cancele "
                "y cobre con QR o efectivo; si pagó, MeStore lo confirmará solo."
            ),
        )

    def _on_redirected(self, transaction_id: str) -> None:
        self._wait(self.dialog.waiting.seconds(), self.tr("Confirmando con Wompi…"))
        reference = self.reference
        run_op(
            self.dialog,
            lambda: self._counter.confirm_from_hint(reference, transaction_id),
            on_success=self._show_attempt,
            on_error=self._hint_failed,
        )

    def _hint_failed(self, exc: Exception) -> None:
        # The hint was only a hint: the sync engine and the fallback poll still settle it.
        log.warning("checkout redirect hint not usable: %s", type(exc).__name__)
        self.dialog.waiting.message.setText(user_message(exc))

    def on_orders_changed(self, numbers: object) -> None:
        """The sync engine changed some orders; if ours, re-read our attempt."""
        if self.reference and isinstance(numbers, set | frozenset) and self.order_number in numbers:
            reference = self.reference
            run_op(
                self.dialog, lambda: self._counter.attempt(reference), on_success=self._show_attempt
            )

    def _poll_wompi(self) -> None:
        if not self.reference or self.dialog.current_view() is View.RESULT:
            self._fallback.stop()
            return
        self._fallback.start(FALLBACK_EVERY_MS)
        reference = self.reference
        run_op(
            self.dialog,
            lambda: self._counter.refresh(reference),
            on_success=self._show_attempt,
            on_error=lambda exc: log.info("fallback poll failed: %s", type(exc).__name__),
        )

    def _show_attempt(self, attempt: PaymentAttempt) -> None:
        if attempt.reference != self.reference and self.reference:
            return  # an answer about an attempt we have moved on from
        self.reference = attempt.reference
        self.order_number = attempt.order_number
        if self.dialog.current_view() is View.RESULT:
            return
        if attempt.status is PaymentStatus.PENDING:
            if attempt.abandoned_at is not None:
                self._show_expired(attempt)  # closed by the counter: its checkout expired
            return
        self._fallback.stop()
        run_op(
            self.dialog,
            lambda: self._counter.payment_details(attempt),
            on_success=self._show_outcome,
            on_error=lambda exc: self._details_failed(attempt, exc),
        )

    def _details_failed(self, attempt: PaymentAttempt, exc: Exception) -> None:
        # The outcome is settled and saved: show what the attempt itself says, never nothing.
        log.warning("payment details not available: %s", type(exc).__name__)
        self._show_outcome(stored_details(attempt))

    def _show_expired(self, attempt: PaymentAttempt) -> None:
        self._fallback.stop()
        lines = [
            attempt.amount.format(),
            self.tr(
                "El tiempo para pagar terminó sin un pago. Si el cliente alcanzó a pagar, "
                "MeStore lo detectará y le avisará."
            ),
            self.tr("Referencia: %1").replace("%1", attempt.reference),
        ]
        self.dialog.result.show_expired(lines)
        if self._display is not None:
            self._display.show_failed(self.tr("El tiempo para pagar terminó."))
        self.dialog.show_view(View.RESULT)

    def _show_outcome(self, details: PaymentDetails) -> None:
        self.last_details = details
        lines = outcome_lines(details)
        result = self.dialog.result
        if details.status is PaymentStatus.APPROVED and details.tender is Tender.CASH:
            result.show_cash(lines, details.change)
            if self._display is not None:
                self._display.show_approved()
        elif details.status is PaymentStatus.APPROVED:
            result.show_approved(lines)
            if self._display is not None:
                self._display.show_approved()
        else:
            (
                result.show_declined
                if details.status is PaymentStatus.DECLINED
                else result.show_error
            )(lines)
            if self._display is not None:
                self._display.show_failed(render(details.failure_text))
            if self.resumed:
                # Not the sale on the counter now: retry it by QR here, or close it.
                result.use_close_instead_of_other_tender()
        self.dialog.show_view(View.RESULT)

    # -- the cashier's choices --------------------------------------------------------------

    def _retry(self) -> None:
        if self.order_number is None:
            return
        number = self.order_number
        self.reference = ""
        # A retry is always a Wompi attempt: cash retries at the counter's screen, a resumed
        # attempt (the customer may be anywhere) by QR.
        self.tender = {"cash": "wompi_here", "wompi_resumed": "wompi_qr"}.get(
            self.tender, self.tender
        )
        run_op(self.dialog, lambda: self._counter.retry(number), on_success=self._started)

    def _confirm_cancel(self) -> None:
        if not self.reference:
            self._finish("abandoned")
            return
        if self._confirm_box is not None:
            return  # already asking
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Cancelar cobro"),
            self.tr(
                "¿Cancelar este cobro? Si el cliente alcanza a pagar, MeStore lo detectará y "
                "le avisará."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.dialog,
        )
        box.setObjectName("ConfirmCancelPayment")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Sí, cancelar"))
        box.button(QMessageBox.StandardButton.Yes).setAccessibleName(self.tr("Sí, cancelar"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("No, seguir esperando"))
        box.button(QMessageBox.StandardButton.No).setAccessibleName(self.tr("No, seguir esperando"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        self._confirm_box = box
        box.buttonClicked.connect(
            lambda button: (
                self._cancel()
                if box.standardButton(button) is QMessageBox.StandardButton.Yes
                else None
            )
        )
        box.finished.connect(self._confirm_closed)
        box.open()

    def _confirm_closed(self, _result: int) -> None:
        self._confirm_box = None
        if self.dialog.isVisible():
            self.dialog.activateWindow()  # the keyboard goes back to the payment

    def _cancel(self) -> None:
        reference, number = self.reference, self.order_number
        self.reference = ""
        self._fallback.stop()
        if self.resumed and number is not None:
            # The sale from before the restart is gone from the counter: cancel its order (the
            # attempt stays watched) and do not hand it to the next tender.
            self.order_number = None
            cancel = lambda: self._counter.cancel_order(number)  # noqa: E731
        else:
            cancel = lambda: self._counter.cancel_attempt(reference)  # noqa: E731
        run_op(
            self._parent,
            cancel,
            on_success=lambda _done: self._finish("abandoned"),
            on_error=lambda exc: (present_error(self._parent, exc), self._finish("abandoned")),
        )

    def _new_sale(self) -> None:
        if self.resumed:
            self._close_elsewhere()  # paid, but not the cart on the counter: keep that cart
        else:
            self._finish("paid")

    def _close_elsewhere(self) -> None:
        """*Cerrar*: an outcome that is not the counter's current sale (resumed, expired)."""
        self.order_number = None  # the next tender charges the cart, not this order
        self._finish("abandoned")

    def _finish(self, how: str) -> None:
        self._fallback.stop()
        self.dialog.finish()
        self.finished.emit(how)
        _activate(self._parent)


def _activate(widget: QWidget) -> None:
    """Give the keyboard back to the counter's window once a dialog over it has gone (a window
    manager usually does; some platforms leave no window active)."""
    if widget.isVisible() and not QApplication.activeModalWidget():
        widget.window().activateWindow()


def outcome_lines(details: PaymentDetails) -> list[str]:
    """The facts under the outcome's title, in the order a cashier reads them."""
    lines = [details.amount.format(), render(details.method_text)]
    if details.card_brand or details.last_four:
        lines.append(f"{details.card_brand} •••• {details.last_four}".strip())
    if details.bank_name:
        lines.append(details.bank_name)
    if details.status is not PaymentStatus.APPROVED and details.failure_reason:
        lines.append(render(details.failure_text))
    if details.transaction_id:
        lines.append(
            QCoreApplication.translate("PaymentFlow", "Transacción Wompi: %1").replace(
                "%1", details.transaction_id
            )
        )
    lines.append(
        QCoreApplication.translate("PaymentFlow", "Referencia: %1").replace("%1", details.reference)
    )
    if details.cash_received is not None:
        # The change itself is shown large beside these lines (ResultPanel.show_cash).
        lines.append(
            QCoreApplication.translate("PaymentFlow", "Recibido: %1").replace(
                "%1", details.cash_received.format()
            )
        )
    return lines
