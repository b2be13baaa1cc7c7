"""Receipt PDF and printing through Qt, read back with QtPdf; the PDF e-mailed to a local server."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order, OrderLine
from mestore_desktop.domain.payment import PaymentAttempt, PaymentStatus, Tender
from mestore_desktop.services.mailer import SmtpSettings, send_receipt
from mestore_desktop.services.payment_details import stored_details
from mestore_desktop.services.receipt import Receipt, build_receipt, render_text
from mestore_desktop.settings import SmtpSecurity
from mestore_desktop.ui.receipt_output import ROLL_WIDTH_MM, pdf_bytes, print_receipt, write_pdf
from tests.support.smtp_server import smtp_server

pytestmark = pytest.mark.gui

PAID_AT = datetime(2026, 11, 26, 15, 30, 5, tzinfo=UTC)
TX_ID = "15113-1764171005-28371"
POINTS_PER_MM = 72 / 25.4


def make_receipt(
    *, tender: Tender = Tender.WOMPI, extra_lines: int = 0, store_name: str = "Tienda Doña Rosa"
) -> Receipt:
    lines = [
        OrderLine("Pan tajado", 2, Money.from_pesos(5_000), IvaRate.GENERAL),
        OrderLine("Leche entera", 3, Money.from_pesos(5_000), IvaRate.REDUCED),
    ] + [OrderLine(f"Producto {i}", 1, Money.zero(), IvaRate.EXEMPT) for i in range(extra_lines)]
    order = Order("T01", tuple(lines), PAID_AT, number=123)
    attempt = PaymentAttempt(
        reference="T01-000123-1",
        order_number=123,
        attempt_number=1,
        tender=tender,
        amount=order.total,
        status=PaymentStatus.APPROVED,
        created_at=PAID_AT,
        updated_at=PAID_AT,
        transaction_id=TX_ID if tender is Tender.WOMPI else None,
        payment_method="VISA ••4242" if tender is Tender.WOMPI else "",
    )
    details = stored_details(attempt)
    if tender is Tender.CASH:
        received = Money.from_pesos(30_000)
        details = replace(details, cash_received=received, change=received - attempt.amount)
    return build_receipt(
        order, attempt, store_name=store_name, store_nit="900123456-8", details=details
    )


def read_pdf(data: bytes) -> tuple[QPdfDocument, str]:
    """The loaded document and the text of all its pages, one line per text line."""
    document = QPdfDocument()
    buffer = QBuffer(document)  # QtPdf reads pages lazily: the buffer lives as long as the document
    buffer.setData(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    assert document.status() == QPdfDocument.Status.Ready
    text = "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))
    return document, text.replace("\r\n", "\n")


def test_pdf_holds_store_nit_transaction_reference_totals_and_iva(qapp):
    data = pdf_bytes(make_receipt())

    assert data.startswith(b"%PDF-")
    document, text = read_pdf(data)
    assert document.pageCount() == 1
    lines = text.splitlines()
    for expected in (
        "Tienda Doña Rosa",
        "NIT 900123456-8",
        "26/11/2026 10:30:05 (hora de Bogotá)",
        "2 x $ 5.000 · IVA 19 % $ 10.000",
        "TOTAL $ 25.000",
        "Base IVA 19 % $ 8.403,36",
        "IVA 19 % $ 1.596,64",
        "Base IVA 5 % $ 14.285,71",
        "IVA 5 % $ 714,29",
        "Medio de pago VISA ••4242",
        f"Transacción Wompi {TX_ID}",
        "Referencia T01-000123-1",
    ):
        assert expected in lines, (expected, lines)


def test_pdf_is_one_80_mm_page_as_tall_as_the_receipt(qapp):
    short_doc, _ = read_pdf(pdf_bytes(make_receipt()))
    long_doc, long_text = read_pdf(pdf_bytes(make_receipt(extra_lines=40)))

    short_size, long_size = short_doc.pagePointSize(0), long_doc.pagePointSize(0)
    assert short_size.width() == pytest.approx(ROLL_WIDTH_MM * POINTS_PER_MM, abs=1)
    assert long_doc.pageCount() == 1
    assert long_size.height() > short_size.height() + 40 * 3 * POINTS_PER_MM
    assert "Producto 39" in long_text
    assert "TOTAL $ 25.000" in long_text.splitlines()


def test_cash_pdf_shows_efectivo_received_and_change(qapp):
    _, text = read_pdf(pdf_bytes(make_receipt(tender=Tender.CASH)))
    lines = text.splitlines()
    assert "Medio de pago Efectivo" in lines
    assert "Recibido $ 30.000" in lines
    assert "Cambio $ 5.000" in lines
    assert "Transacción Wompi" not in text


def test_markup_typed_as_a_store_name_is_printed_as_text(qapp):
    _, text = read_pdf(pdf_bytes(make_receipt(store_name="<b>Doña</b> & Cía")))
    assert "<b>Doña</b> & Cía" in text.splitlines()


def test_write_pdf_saves_the_file_whole(qapp, tmp_path: Path):
    target = tmp_path / "recibo-T01-000123-1.pdf"
    write_pdf(make_receipt(), target)

    _, text = read_pdf(target.read_bytes())
    assert TX_ID in text
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_print_receipt_goes_to_the_printer(qapp, tmp_path: Path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "impreso.pdf"))

    print_receipt(make_receipt(), printer)
    del printer  # finishes the file

    _, text = read_pdf((tmp_path / "impreso.pdf").read_bytes())
    lines = text.splitlines()
    assert "TOTAL $ 25.000" in lines
    assert f"Transacción Wompi {TX_ID}" in lines


def test_emailed_pdf_reaches_the_local_smtp_server_and_reads_back(qapp):
    receipt = make_receipt()
    with smtp_server() as server:
        smtp = SmtpSettings(
            server.host,
            server.port,
            SmtpSecurity.NONE,
            "ventas@mitienda.co",
            store_name=receipt.store_name,
            timeout_s=5.0,
        )
        asyncio.run(
            send_receipt(
                smtp,
                None,
                "cliente@correo.co",
                render_text(receipt),
                pdf_bytes(receipt),
                receipt.filename,
                reference=receipt.reference,
            )
        )
        [received] = server.handler.messages

    message = received.message
    assert message["Subject"] == receipt.email_subject
    assert TX_ID in message.get_body(("plain",)).get_content()
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "recibo-T01-000123-1.pdf"
    _, text = read_pdf(attachment.get_content())
    assert f"Transacción Wompi {TX_ID}" in text.splitlines()
    assert "TOTAL $ 25.000" in text.splitlines()
