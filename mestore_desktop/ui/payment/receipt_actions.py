"""*Imprimir recibo*, *Guardar PDF* and *Enviar por correo* after an approved payment."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import shiboken6
from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from mestore_desktop.domain.text import N_
from mestore_desktop.services.receipt import Receipt, ReceiptError, build_receipt
from mestore_desktop.settings import Settings
from mestore_desktop.ui.errors import present_error
from mestore_desktop.ui.qt_async import run_op
from mestore_desktop.ui.receipt_output import pdf_bytes, print_receipt, write_pdf

if TYPE_CHECKING:  # annotations only: the payment service comes with the first sale
    from mestore_desktop.services.counter import CounterService
    from mestore_desktop.services.payment_details import PaymentDetails

log = logging.getLogger(__name__)

# (receipt, its PDF, recipient) -> sent; built by the composition root (SMTP + keyring).
MailSender = Callable[[Receipt, bytes, str], Awaitable[None]]
# A fresh printer for each print; tests give one writing a PDF file (no printer needed).
PrinterFactory = Callable[[], QPrinter]


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
        super().__init__(
            N_(
                "No se pudo guardar el recibo en {path}: {reason}.",
                path=path,
                reason=exc.strerror or str(exc),
            )
        )


class ReceiptPrintError(ReceiptError):
    def __init__(self, printer: str) -> None:
        super().__init__(
            N_(
                "No se pudo imprimir el recibo en «{printer}». Revise que la impresora esté "
                "encendida y conectada, o guarde el recibo en PDF.",
                printer=printer,
            )
        )


@runtime_checkable
class NoticeHost(Protocol):
    """A window that can show a short line about what happened (the payment dialog)."""

    def show_notice(self, text: str) -> None: ...


def default_printer() -> QPrinter:
    return QPrinter(QPrinter.PrinterMode.HighResolution)


def receipts_folder() -> Path:
    """Where *Guardar PDF* starts: Documentos/MeStore/Recibos of the user, made on demand."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents or Path.home()) / "MeStore" / "Recibos"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        # The save dialog still opens, in the home folder; the cashier can pick another.
        log.warning("receipts folder not created (%s): %s", folder, exc.strerror)
        return Path.home()
    return folder


class ReceiptActions:
    """Prints, saves or e-mails the receipt of one approved attempt; errors in plain Spanish.

    Its dialogs open over whatever modal window is on top (the payment dialog), and give the
    keyboard back to it when they close: Enter on the outcome must keep meaning *Nueva venta*.
    What happened (where the PDF went, to whom it was sent) is said on that window when it can
    show a notice, else in a small message.
    """

    def __init__(
        self,
        parent: QWidget,
        send_mail: MailSender | None,
        printer_factory: PrinterFactory | None = None,
        folder: Callable[[], Path] = receipts_folder,
    ) -> None:
        self._parent = parent
        self._send_mail = send_mail
        self._printer_factory = printer_factory or default_printer
        self._folder = folder
        self.last_receipt: Receipt | None = None
        self.printer: QPrinter | None = None

    def run(
        self, receipt_op: Callable[[], Awaitable[Receipt]], action: str, email: str = ""
    ) -> None:
        """`action` is "print", "pdf" or "email" (`email`: the address to suggest)."""
        host = QApplication.activeModalWidget() or self._parent
        if action == "print":
            run_op(self._parent, receipt_op, on_success=lambda r: self._print(r, host))
        elif action == "pdf":
            run_op(self._parent, receipt_op, on_success=lambda r: self._ask_pdf_path(r, host))
        else:
            run_op(self._parent, receipt_op, on_success=lambda r: self._ask_address(r, email, host))

    def _print(self, receipt: Receipt, host: QWidget) -> None:
        self.last_receipt = receipt
        printer = self.printer = self._printer_factory()
        dialog = QPrintDialog(printer, _alive(host, self._parent))
        dialog.setObjectName("ReceiptPrintDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: self._printed(receipt, printer, host, result))
        # QDialog.open, not QPrintDialog.open: PySide's override insists on a receiver and a
        # slot. Not exec(): a nested event loop inside an asyncio callback stalls the loop.
        QDialog.open(dialog)

    def _printed(self, receipt: Receipt, printer: QPrinter, host: QWidget, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            print_receipt(receipt, printer)
            if printer.printerState() is QPrinter.PrinterState.Error:
                self._failed(host, ReceiptPrintError(printer.printerName() or "la impresora"))
                return
            where = printer.outputFileName() or printer.printerName()
            self._say(
                host,
                QCoreApplication.translate("ReceiptActions", "Recibo enviado a %1.").replace(
                    "%1", where
                ),
            )
        _give_back(host)

    def _ask_pdf_path(self, receipt: Receipt, host: QWidget) -> None:
        self.last_receipt = receipt
        folder = self._folder()
        dialog = QFileDialog(_alive(host, self._parent))
        dialog.setObjectName("ReceiptPdfDialog")
        dialog.setWindowTitle(QCoreApplication.translate("ReceiptActions", "Guardar recibo"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # open() must not block
        dialog.setNameFilter(QCoreApplication.translate("ReceiptActions", "PDF (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.setDirectory(str(folder))
        dialog.selectFile(str(folder / receipt.filename))
        dialog.fileSelected.connect(lambda path: self.save_pdf(receipt, Path(path), host))
        dialog.finished.connect(lambda _result: _give_back(host))
        dialog.open()

    def save_pdf(self, receipt: Receipt, path: Path, host: QWidget | None = None) -> None:
        host = host or self._parent
        try:
            write_pdf(receipt, path)
        except OSError as exc:
            self._failed(host, ReceiptSaveError(path, exc))
            return
        self._say(
            host,
            QCoreApplication.translate("ReceiptActions", "Recibo guardado en %1").replace(
                "%1", str(path)
            ),
        )

    def _ask_address(self, receipt: Receipt, suggested: str, host: QWidget) -> None:
        self.last_receipt = receipt
        dialog = QInputDialog(_alive(host, self._parent))
        dialog.setObjectName("ReceiptEmailDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(
            QCoreApplication.translate("ReceiptActions", "Enviar recibo por correo")
        )
        dialog.setLabelText(QCoreApplication.translate("ReceiptActions", "Correo del cliente:"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(suggested)
        dialog.setOkButtonText(QCoreApplication.translate("ReceiptActions", "Enviar"))
        dialog.setCancelButtonText(QCoreApplication.translate("ReceiptActions", "Cancelar"))
        _name_controls(dialog)
        dialog.textValueSelected.connect(lambda to: self.email(receipt, to.strip(), host))
        dialog.finished.connect(lambda _result: _give_back(host))
        dialog.open()

    def email(self, receipt: Receipt, to: str, host: QWidget | None = None) -> None:
        if self._send_mail is None:
            return
        host = host or self._parent
        sender = self._send_mail
        run_op(
            self._parent,
            lambda: sender(receipt, pdf_bytes(receipt), to),
            on_success=lambda _none: self._say(
                host,
                QCoreApplication.translate("ReceiptActions", "El recibo se envió a %1.").replace(
                    "%1", to
                ),
            ),
            on_error=lambda exc: self._failed(host, exc),
        )

    def _say(self, host: QWidget, text: str) -> None:
        if shiboken6.isValid(host) and isinstance(host, NoticeHost) and host.isVisible():
            host.show_notice(text)
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("ReceiptActions", "Recibo"),
            text,
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        box.setObjectName("ReceiptSent")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _failed(self, host: QWidget, exc: Exception) -> None:
        box = present_error(_alive(host, self._parent), exc)
        box.finished.connect(lambda _result: _give_back(host))


def _alive(host: QWidget, fallback: QWidget) -> QWidget:
    return host if shiboken6.isValid(host) else fallback


def _give_back(host: QWidget) -> None:
    """A receipt dialog closed: the keyboard returns to the window it opened over."""
    if not shiboken6.isValid(host) or not host.isVisible():
        return
    restore = getattr(host, "give_focus_back", None)
    if callable(restore):
        restore()
    else:
        host.activateWindow()


def _name_controls(dialog: QInputDialog) -> None:
    """Accessible names for the input dialog's field and buttons (found by them in tests)."""
    field = dialog.findChild(QLineEdit)
    if field is not None:
        field.setAccessibleName(QCoreApplication.translate("ReceiptActions", "Correo del cliente"))
    for button in dialog.findChildren(QPushButton):
        button.setAccessibleName(button.text().replace("&", ""))
