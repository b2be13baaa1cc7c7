"""*Imprimir recibo* and *Enviar por correo* after an approved payment."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from mestore_desktop.services.counter import CounterService
from mestore_desktop.services.payment_details import PaymentDetails
from mestore_desktop.services.receipt import Receipt, ReceiptError, build_receipt
from mestore_desktop.settings import Settings
from mestore_desktop.ui.errors import present_error
from mestore_desktop.ui.qt_async import run_op
from mestore_desktop.ui.receipt_output import pdf_bytes, print_receipt, write_pdf

# (receipt, its PDF, recipient) -> sent; built by the composition root (SMTP + keyring).
MailSender = Callable[[Receipt, bytes, str], Awaitable[None]]


async def load_receipt(
    counter: CounterService, reference: str, settings: Settings, details: PaymentDetails | None
) -> Receipt:
    attempt = await counter.attempt(reference)
    order = await counter.order(attempt.order_number)
    return build_receipt(
        order,
        attempt,
        store_name=settings.store_name,
        store_nit=settings.store_nit,
        details=details,
    )


class ReceiptSaveError(ReceiptError):
    def __init__(self, path: Path, exc: OSError) -> None:
        super().__init__(f"No se pudo guardar el recibo en {path}: {exc.strerror or exc}.")


class ReceiptActions:
    """Prints or e-mails the receipt of one approved attempt; errors shown in plain Spanish."""

    def __init__(self, parent: QWidget, send_mail: MailSender | None) -> None:
        self._parent = parent
        self._send_mail = send_mail
        self.last_receipt: Receipt | None = None
        self.printer: QPrinter | None = None

    def run(
        self, receipt_op: Callable[[], Awaitable[Receipt]], action: str, email: str = ""
    ) -> None:
        """`action` is "print", "pdf" or "email" (`email`: the address to suggest)."""
        if action == "print":
            run_op(self._parent, receipt_op, on_success=self._print)
        elif action == "pdf":
            run_op(self._parent, receipt_op, on_success=self._ask_pdf_path)
        else:
            run_op(self._parent, receipt_op, on_success=lambda r: self._ask_address(r, email))

    def _print(self, receipt: Receipt) -> None:
        self.last_receipt = receipt
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(self.printer, self._parent)
        dialog.setObjectName("ReceiptPrintDialog")
        dialog.accepted.connect(lambda: print_receipt(receipt, self.printer))  # type: ignore[arg-type]
        dialog.open()

    def _ask_pdf_path(self, receipt: Receipt) -> None:
        self.last_receipt = receipt
        dialog = QFileDialog(self._parent)
        dialog.setObjectName("ReceiptPdfDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # open() must not block
        dialog.setNameFilter(QCoreApplication.translate("ReceiptActions", "PDF (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(receipt.filename)
        dialog.fileSelected.connect(lambda path: self.save_pdf(receipt, Path(path)))
        dialog.open()

    def save_pdf(self, receipt: Receipt, path: Path) -> None:
        try:
            write_pdf(receipt, path)
        except OSError as exc:
            present_error(self._parent, ReceiptSaveError(path, exc))

    def _ask_address(self, receipt: Receipt, suggested: str) -> None:
        self.last_receipt = receipt
        dialog = QInputDialog(self._parent)
        dialog.setObjectName("ReceiptEmailDialog")
        dialog.setWindowTitle(
            QCoreApplication.translate("ReceiptActions", "Enviar recibo por correo")
        )
        dialog.setLabelText(QCoreApplication.translate("ReceiptActions", "Correo del cliente:"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(suggested)
        dialog.textValueSelected.connect(lambda to: self.email(receipt, to.strip()))
        dialog.open()

    def email(self, receipt: Receipt, to: str) -> None:
        if self._send_mail is None:
            return
        sender = self._send_mail
        run_op(
            self._parent,
            lambda: sender(receipt, pdf_bytes(receipt), to),
            on_success=lambda _none: self._sent(to),
        )

    def _sent(self, to: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("ReceiptActions", "Recibo enviado"),
            QCoreApplication.translate("ReceiptActions", "El recibo se envió a %1.").replace(
                "%1", to
            ),
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        box.setObjectName("ReceiptSent")
        box.open()
