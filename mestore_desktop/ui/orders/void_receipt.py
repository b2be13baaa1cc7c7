"""The receipt of a void: what the customer (and the till's paper trail) gets once Wompi voided a
card payment. Laid out like the sale's receipt (80 mm roll, `ui/receipt_output.py`), printed or
saved as PDF from the *Pago anulado* dialog the void ends in."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.money import Money
from mestore_desktop.ui import icons
from mestore_desktop.ui.errors import present_error
from mestore_desktop.ui.formatting import BOGOTA, method_word
from mestore_desktop.ui.payment.receipt_actions import (
    PrinterFactory,
    ReceiptPrintError,
    ReceiptSaveError,
    default_printer,
    receipts_folder,
)

# The roll page and its fitting are the sale receipt's own (same paper, same printer).
from mestore_desktop.ui.receipt_output import html_roll_pdf, print_html, write_atomically

FOOTER = "Comprobante de anulación. Wompi devuelve el dinero al medio de pago del cliente."


@dataclass(frozen=True, slots=True)
class VoidReceipt:
    store_name: str
    store_nit: str
    terminal_id: str
    order_number: int
    reference: str
    transaction_id: str
    amount: Money
    method: str
    voided_at: datetime
    actor: str
    reason: str

    @property
    def filename(self) -> str:
        return f"anulacion-{self.reference}.pdf"

    @property
    def title(self) -> str:
        return f"Anulación — {self.store_name} — {self.reference}"

    def rows(self) -> list[tuple[str, str]]:
        return [
            ("VALOR ANULADO", self.amount.format()),
            ("Medio de pago", method_word(self.method) if self.method else "Wompi"),
            ("Transacción Wompi", self.transaction_id),
            ("Referencia", self.reference),
            ("Anulado por", self.actor),
            ("Motivo", self.reason),
        ]


def render_void_html(receipt: VoidReceipt) -> str:
    esc = html.escape
    header = [receipt.store_name]
    if receipt.store_nit:
        header.append(f"NIT {receipt.store_nit}")
    header.append(f"Pedido {receipt.order_number} · Terminal {receipt.terminal_id}")
    header.append(
        receipt.voided_at.astimezone(BOGOTA).strftime("%d/%m/%Y %H:%M:%S") + " (hora de Bogotá)"
    )
    rows = "".join(
        f"<tr><td>{esc(label)}</td><td align='right'>"
        + (f"<b style='font-size: 10pt;'>{esc(value)}</b>" if i == 0 else esc(value))
        + "</td></tr>"
        for i, (label, value) in enumerate(receipt.rows())
    )
    return (
        '<html><body style="font-size: 8pt;">'
        f'<p align="center" style="margin: 0;"><b style="font-size: 11pt;">{esc(header[0])}</b>'
        f"<br/>{'<br/>'.join(esc(h) for h in header[1:])}</p><hr/>"
        '<p align="center" style="margin: 0;"><b style="font-size: 11pt;">PAGO ANULADO</b></p>'
        f'<hr/><table width="100%" cellspacing="0" cellpadding="1">{rows}</table><hr/>'
        f'<p align="center" style="margin: 0;">{esc(FOOTER)}</p></body></html>'
    )


def void_pdf_bytes(receipt: VoidReceipt) -> bytes:
    return html_roll_pdf(render_void_html(receipt), receipt.title)


def write_void_pdf(receipt: VoidReceipt, path: Path) -> None:
    """Atomically, as the sale receipts: a crash leaves no half-written file."""
    write_atomically(void_pdf_bytes(receipt), path, ".anulacion-")


def print_void(receipt: VoidReceipt, printer: QPrinter) -> None:
    print_html(render_void_html(receipt), printer)


class VoidDoneDialog(QDialog):
    """*Pago anulado*: the amount and transaction, *Imprimir comprobante*, *Guardar PDF*,
    *Cerrar*. Esc, *Cerrar* and the X close it."""

    def __init__(
        self,
        receipt: VoidReceipt,
        parent: QWidget,
        *,
        printer_factory: PrinterFactory | None = None,
        folder: Callable[[], Path] = receipts_folder,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("VoidDoneDialog")
        self.setWindowTitle(self.tr("Pago anulado"))
        self.receipt = receipt
        self._printer_factory = printer_factory or default_printer
        self._folder = folder
        self.printer: QPrinter | None = None
        mark = QLabel(self)
        mark.setPixmap(icons.pixmap("cancelled", 32))
        title = QLabel(self.tr("Pago anulado: %1").replace("%1", receipt.amount.format()), self)
        title.setObjectName("SectionTitle")
        head = QHBoxLayout()
        head.addWidget(mark)
        head.addWidget(title, 1)
        facts = QLabel(
            self.tr("Pedido %1 · referencia %2 · transacción %3.\nMotivo: %4")
            .replace("%1", str(receipt.order_number))
            .replace("%2", receipt.reference)
            .replace("%3", receipt.transaction_id)
            .replace("%4", receipt.reason),
            self,
        )
        facts.setWordWrap(True)
        facts.setTextFormat(Qt.TextFormat.PlainText)
        self.notice = QLabel(self)
        self.notice.setObjectName("PlaceholderText")
        self.notice.setWordWrap(True)
        self.print_button = _named(self.tr("Imprimir comprobante"), self)
        self.pdf_button = _named(self.tr("Guardar PDF"), self)
        self.close_button = _named(self.tr("Cerrar"), self)
        self.close_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(facts)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_receipt)
        self.pdf_button.clicked.connect(self.ask_pdf_path)
        self.close_button.clicked.connect(self.accept)
        self.setMinimumWidth(460)

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)

    def give_focus_back(self) -> None:
        if self.isVisible():
            self.activateWindow()
            self.close_button.setFocus()

    def print_receipt(self) -> None:
        printer = self.printer = self._printer_factory()
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("VoidPrintDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: self._printed(printer, result))
        QDialog.open(dialog)  # not QPrintDialog.open (PySide wants a slot), not exec()

    def _printed(self, printer: QPrinter, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            print_void(self.receipt, printer)
            if printer.printerState() is QPrinter.PrinterState.Error:
                present_error(self, ReceiptPrintError(printer.printerName() or "la impresora"))
                return
            where = printer.outputFileName() or printer.printerName()
            self.show_notice(self.tr("Comprobante enviado a %1.").replace("%1", where))
        self.give_focus_back()

    def ask_pdf_path(self) -> None:
        folder = self._folder()
        dialog = QFileDialog(self)
        dialog.setObjectName("VoidPdfDialog")
        dialog.setWindowTitle(self.tr("Guardar comprobante de anulación"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # open() must not block
        dialog.setNameFilter(self.tr("PDF (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.setDirectory(str(folder))
        dialog.selectFile(str(folder / self.receipt.filename))
        dialog.fileSelected.connect(lambda path: self.save_pdf(Path(path)))
        dialog.finished.connect(lambda _result: self.give_focus_back())
        dialog.open()

    def save_pdf(self, path: Path) -> None:
        try:
            write_void_pdf(self.receipt, path)
        except OSError as exc:
            present_error(self, ReceiptSaveError(path, exc))
            return
        if shiboken6.isValid(self):
            self.show_notice(self.tr("Comprobante guardado en %1").replace("%1", str(path)))


def _named(caption: str, parent: QWidget) -> QPushButton:
    button = QPushButton(caption, parent)
    button.setAccessibleName(caption)
    button.setAutoDefault(False)
    return button
