"""Receipts on paper and in PDF: the HTML of ``services.receipt`` laid out by ``QTextDocument``.

The PDF is one page 80 mm wide (a thermal printer roll) and as tall as the receipt, so it prints
on a roll without blank paper and reads fine on a phone. Printing uses whatever paper the
printer is set up with.

The document is laid out against the device it is drawn on (``setPaintDevice``): laid out with
screen metrics and scaled afterwards, Qt places every glyph on its own and the PDF's text can no
longer be searched or copied.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from mestore_desktop.services.receipt import Receipt, render_html

ROLL_WIDTH_MM = 80.0
MARGIN_MM = 4.0
MIN_HEIGHT_MM = 80.0
# Some viewers refuse pages taller than PDF 1.4's 200 inches; a longer receipt goes on more pages.
MAX_HEIGHT_MM = 5000.0
PDF_RESOLUTION = 300
_MM_PER_INCH = 25.4


def pdf_bytes(receipt: Receipt) -> bytes:
    """The receipt as a PDF document."""
    return html_roll_pdf(render_html(receipt), receipt.email_subject)


def html_roll_pdf(html: str, title: str) -> bytes:
    """`html` laid out on one 80 mm roll page as tall as it needs, as a PDF document (sale
    receipts, void slips)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("MeStore Desktop")
    writer.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
    )
    _set_roll_page(writer, MAX_HEIGHT_MM)
    document = _document(html, writer)
    _set_roll_page(writer, _fitted_height_mm(document, writer))
    _print(document, writer)
    # The layout points at the writer, so the document goes first; the PDF is complete once
    # the writer is gone.
    del document, writer
    buffer.close()
    return bytes(data.data())


def write_pdf(receipt: Receipt, path: Path) -> None:
    """Save the receipt's PDF at *path*, atomically: a crash leaves no half-written file."""
    write_atomically(pdf_bytes(receipt), path, ".recibo-")


def write_atomically(content: bytes, path: Path, prefix: str) -> None:
    """Write `content` beside `path`, flush it to disk, then rename it into place."""
    fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def print_receipt(receipt: Receipt, printer: QPrinter) -> None:
    """Print the receipt on *printer*'s current paper (a dialog has already chosen it)."""
    print_html(render_html(receipt), printer)


def print_html(html: str, printer: QPrinter) -> None:
    """Print `html` on *printer*'s current paper."""
    _print(_document(html, printer), printer)


def _document(html: str, device: QPagedPaintDevice) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setHtml(html)
    return document


def _print(document: QTextDocument, device: QPagedPaintDevice) -> None:
    page = device.pageLayout().paintRectPixels(device.resolution()).size().toSizeF()
    document.setPageSize(page)
    document.print_(device)


def _set_roll_page(device: QPagedPaintDevice, height_mm: float) -> None:
    size = QPageSize(QSizeF(ROLL_WIDTH_MM, height_mm), QPageSize.Unit.Millimeter, "Rollo 80 mm")
    device.setPageSize(size)


def _fitted_height_mm(document: QTextDocument, device: QPagedPaintDevice) -> float:
    """The page height that holds the whole receipt, margins included."""
    width = device.pageLayout().paintRectPixels(device.resolution()).width()
    document.setTextWidth(width)
    content_mm = document.size().height() / device.resolution() * _MM_PER_INCH
    return min(max(content_mm + 2 * MARGIN_MM + 1, MIN_HEIGHT_MM), MAX_HEIGHT_MM)
