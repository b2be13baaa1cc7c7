"""The counter end to end against the sandbox and the relay on loopback (offscreen QtWebEngine):
cards approved/declined/error, Nequi, PSE, the phone QR, cash with change, cancel then a late
approval. See caja_harness.py for what is real (everything but the people)."""

from __future__ import annotations

import dataclasses
import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from mestore_desktop.domain.payment import OrderStatus, PaymentStatus, StatusSource
from mestore_desktop.settings import SmtpSecurity
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.ui.payment.cash_dialog import CashDialog
from mestore_desktop.ui.payment.dialog import View
from tests.gui.caja_harness import CAFE, CAMISETA, TIMEOUT_MS, CounterRig
from tests.gui.test_receipt_output import read_pdf
from tests.support.smtp_server import smtp_server
from tests.sync.harness import LoopbackStack

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]

CARD = {
    "card_expiry": "12/30",
    "card_cvc": "123",
    "card_holder": "Cliente Ejemplo",
    "customer_email": "cliente@example.com",
}


@pytest.fixture
def stack(tmp_path) -> Iterator[LoopbackStack]:
    # The checkout pages settle payments by Wompi's test data, quickly.
    with LoopbackStack(tmp_path, auto_finalize=True, finalize_delay_s=0.2) as stack:
        yield stack


@pytest.fixture(autouse=True)
def documents(tmp_path, monkeypatch) -> None:
    """Guardar PDF starts in the user's documents: a folder of this test's, never the real one."""
    monkeypatch.setenv("HOME", str(tmp_path / "usuario"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "usuario" / ".config"))


@pytest.fixture
def rig(qtbot, qloop_running, stack) -> Iterator[CounterRig]:
    rig = CounterRig(qtbot, qloop_running, stack)
    yield rig
    rig.close()


def attempt(stack: LoopbackStack, reference: str):
    return stack.database.read(lambda s: OrderRepository(s).get_attempt(reference))


def pay_card(rig: CounterRig, number: str) -> str:
    flow = rig.charge("wompi_here")
    assert flow.dialog.current_view() is View.CHECKOUT
    rig.fill_and_submit("card-form", {"card_number": number, **CARD})
    return rig.wait_result()


def test_card_approved_turns_green_with_brand_last_four_and_ids(rig, stack, qtbot):
    rig.ring_up(CAFE, CAMISETA)
    display = rig.page.display  # the customer's screen follows the cart live
    assert display.lines.count() == 2 and "$ 53.000" in display.total.text()
    text = pay_card(rig, "4242 4242 4242 4242")

    assert "Pago aprobado" in text
    assert "$ 53.000" in text and "4242" in text
    flow = rig.flow
    saved = attempt(stack, flow.reference)
    assert saved.status is PaymentStatus.APPROVED and saved.transaction_id in text
    assert flow.reference in text
    assert flow.dialog.result.property("status") == "approved"
    assert stack.sandbox.get_transaction(saved.transaction_id)["reference"] == saved.reference
    # The customer display says so too; a new sale clears the cart.
    assert "aprobado" in rig.page.display.status.text()
    flow.dialog.result.new_sale_button.click()
    qtbot.waitUntil(lambda: rig.flow is None, timeout=TIMEOUT_MS)
    assert rig.page.ring_up.lines == ()
    assert stack.order_status(saved.order_number) is OrderStatus.PAID


def test_card_declined_says_why_and_retry_signs_a_new_reference(rig, stack, qtbot):
    rig.ring_up(CAFE)
    text = pay_card(rig, "4111 1111 1111 1111")

    assert "Pago rechazado" in text
    first = rig.flow.reference
    assert attempt(stack, first).status is PaymentStatus.DECLINED
    assert rig.flow.last_details.failure_reason in text
    rig.flow.dialog.result.retry_button.click()
    qtbot.waitUntil(lambda: rig.flow.reference not in ("", first), timeout=TIMEOUT_MS)
    assert rig.flow.reference.endswith("-2")
    assert attempt(stack, first).status is PaymentStatus.DECLINED  # kept as it was
    rig.wait_for_checkout_of(rig.flow.reference)
    rig.fill_and_submit("card-form", {"card_number": "4242424242424242", **CARD})
    assert "Pago aprobado" in rig.wait_result()


def test_the_receipt_saves_as_a_pdf_with_the_transaction_and_totals(rig, stack, qtbot, tmp_path):
    rig.ring_up(CAFE, CAMISETA)
    pay_card(rig, "4242 4242 4242 4242")
    tx_id = attempt(stack, rig.flow.reference).transaction_id

    rig.flow.dialog.result.pdf_button.click()
    qtbot.waitUntil(lambda: rig.page.findChild(QFileDialog, "ReceiptPdfDialog") is not None)
    ask = rig.page.findChild(QFileDialog, "ReceiptPdfDialog")
    ask.setDirectory(str(tmp_path))  # the cashier keeps the suggested name
    target = tmp_path / f"recibo-{rig.flow.reference}.pdf"
    ask.accept()

    qtbot.waitUntil(target.exists, timeout=TIMEOUT_MS)
    _document, text = read_pdf(target.read_bytes())
    for expected in (tx_id, rig.flow.reference, "$ 53.000", "Tienda Prueba", "900123456-8"):
        assert expected in text


def test_card_error_shows_the_error_panel(rig, stack):
    rig.ring_up(CAFE)
    text = pay_card(rig, "5555 5555 5555 4444")

    assert "Error en el pago" in text
    assert rig.flow.dialog.result.property("status") == "error"
    assert attempt(stack, rig.flow.reference).status is PaymentStatus.ERROR


@pytest.mark.parametrize(
    ("phone", "status", "title"),
    [
        ("3991111111", PaymentStatus.APPROVED, "Pago aprobado"),
        ("3992222222", PaymentStatus.DECLINED, "Pago rechazado"),
    ],
)
def test_nequi_settles_through_the_relay(rig, stack, phone, status, title):
    rig.ring_up(CAMISETA)
    rig.charge("wompi_here")
    rig.run_js("document.getElementById('nequi').open = true")
    rig.fill_and_submit(
        "nequi-form", {"nequi_phone": phone, "customer_email": "cliente@example.com"}
    )
    text = rig.wait_result()

    assert title in text and "Nequi" in text
    assert attempt(stack, rig.flow.reference).status is status


def test_pse_goes_through_the_bank_page_and_is_approved(rig, stack):
    rig.ring_up(CAMISETA)
    rig.charge("wompi_here")
    rig.run_js("document.getElementById('pse').open = true")
    rig.fill_and_submit(
        "pse-form",
        {
            "pse_bank": "1",
            "pse_legal_id": "1099888777",
            "full_name": "Cliente Ejemplo",
            "phone_number": "3001112233",
            "customer_email": "cliente@example.com",
        },
    )
    rig.fill_and_submit("bank-form", {}, button='button[value="APPROVED"]')
    text = rig.wait_result()

    assert "Pago aprobado" in text and "PSE" in text
    assert attempt(stack, rig.flow.reference).status is PaymentStatus.APPROVED


def test_qr_tender_is_approved_through_the_sync_engine(rig, stack):
    rig.ring_up(CAFE)
    flow = rig.charge("wompi_qr")
    assert flow.dialog.current_view() is View.QR
    assert rig.page.display.qr.data().startswith(stack.sandbox_server.config.checkout_url)
    assert "redirect-url" not in rig.page.display.qr.data()  # the phone is not redirected

    rig.pay_from_phone("approve")
    text = rig.wait_result()

    assert "Pago aprobado" in text
    history = stack.history(flow.reference)
    assert history[-1].to_status is PaymentStatus.APPROVED
    assert history[-1].source in (StatusSource.WEBHOOK, StatusSource.POLL)


def test_cash_with_change(rig, stack, qtbot):
    rig.ring_up(CAFE)
    rig.page.charge("cash")
    qtbot.waitUntil(lambda: rig.page.findChild(CashDialog, "CashDialog") is not None)
    cash = rig.page.findChild(CashDialog, "CashDialog")
    qtbot.keyClicks(cash.received_field, "50.000")
    assert cash.change_label.text() == "$ 32.000"
    qtbot.keyClick(cash.received_field, Qt.Key.Key_Return)
    text = rig.wait_result()

    assert "Venta en efectivo registrada" in text and "Efectivo" in text
    assert "Recibido: $ 50.000" in text
    assert rig.flow.dialog.result.change.text() == "Cambio: $ 32.000"
    saved = attempt(stack, rig.flow.reference)
    assert (saved.cash_received.format(), saved.change.format()) == ("$ 50.000", "$ 32.000")


def test_cancel_then_the_customer_pays_anyway_is_flagged_loudly(rig, stack, qtbot):
    rig.ring_up(CAFE)
    flow = rig.charge("wompi_qr")
    reference = flow.reference
    # Esc is the dialog's window shortcut: it acts once the dialog is the active window, which
    # a loaded machine may take a moment to make it.
    qtbot.waitUntil(flow.dialog.isActiveWindow, timeout=TIMEOUT_MS)
    qtbot.keyClick(flow.dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(
        lambda: flow.dialog.findChild(QMessageBox, "ConfirmCancelPayment") is not None,
        timeout=TIMEOUT_MS,
    )
    confirm = flow.dialog.findChild(QMessageBox, "ConfirmCancelPayment")
    confirm.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: rig.flow is None, timeout=TIMEOUT_MS)
    assert attempt(stack, reference).abandoned_at is not None

    tx_id = stack.add_transaction(reference, attempt(stack, reference).amount)
    stack.sandbox.approve(tx_id)  # the phone had the QR and paid after all

    alert = rig.page.alert
    qtbot.waitUntil(alert.isVisible, timeout=TIMEOUT_MS)
    assert reference in alert.text() and "$ 18.000" in alert.text()
    alert.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(
        lambda: not stack.database.read(lambda s: OrderRepository(s).late_approvals("T01")),
        timeout=TIMEOUT_MS,
    )


def test_killed_while_waiting_then_restarted_resumes_the_attempt(qtbot, qloop_running, stack):
    config = {
        "database": str(stack.database_file),
        "checkout_url": stack.sandbox_server.config.checkout_url,
        "api_url": stack.wompi_api_url,
        "keys": dataclasses.asdict(stack.keys),
    }
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.gui.caja_child"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        child.stdin.write(json.dumps(config) + "\n")
        child.stdin.flush()
        line = child.stdout.readline().split()
        assert line[:1] == ["WAITING"], line
        reference = line[1]
    finally:
        child.send_signal(signal.SIGKILL)  # the counter dies mid-payment
        child.wait(10)
        child.stdin.close()
        child.stdout.close()
    assert attempt(stack, reference).status is PaymentStatus.PENDING

    rig = CounterRig(qtbot, qloop_running, stack)  # the counter starts again
    try:
        qtbot.waitUntil(lambda: rig.page.ring_up.banner.isVisible(), timeout=TIMEOUT_MS)
        assert "1" in rig.page.ring_up.banner.text()
        rig.page.ring_up.pending_clicked.emit()
        qtbot.waitUntil(lambda: rig.flow is not None, timeout=TIMEOUT_MS)
        assert rig.flow.reference == reference
        assert rig.flow.dialog.current_view() is View.WAITING
        assert "sesión anterior" in rig.flow.dialog.tender.text()

        rig.pay_from_phone("approve")
        assert "Pago aprobado" in rig.wait_result()
    finally:
        rig.close()


def test_f12_charges_and_the_receipt_email_reaches_the_smtp_server(rig, stack, qtbot):
    with smtp_server() as server:
        rig.settings = dataclasses.replace(
            rig.settings,
            smtp_host=server.host,
            smtp_port=server.port,
            smtp_security=SmtpSecurity.NONE,
            smtp_from="ventas@tienda.co",
        )
        rig.ring_up(CAFE)
        qtbot.keyClick(rig.page.ring_up.search.field, Qt.Key.Key_F12)  # the cashier's key
        qtbot.waitUntil(lambda: rig.flow is not None and bool(rig.flow.reference))
        assert rig.flow.tender == "wompi_here"
        rig.fill_and_submit("card-form", {"card_number": "4242424242424242", **CARD})
        assert "Pago aprobado" in rig.wait_result()
        tx_id = attempt(stack, rig.flow.reference).transaction_id

        rig.flow.dialog.result.email_button.click()
        qtbot.waitUntil(lambda: rig.page.findChild(QInputDialog, "ReceiptEmailDialog") is not None)
        ask = rig.page.findChild(QInputDialog, "ReceiptEmailDialog")
        ask.setTextValue("cliente@example.com")
        ask.accept()
        qtbot.waitUntil(lambda: bool(server.handler.messages), timeout=TIMEOUT_MS)

    received = server.handler.messages[0]
    assert received.rcpt_tos == ["cliente@example.com"]
    message = received.message
    assert tx_id in message.get_body(("plain",)).get_content()
    (attachment,) = list(message.iter_attachments())
    pdf = attachment.get_content()
    assert pdf.startswith(b"%PDF-")
    _document, text = read_pdf(pdf)
    assert tx_id in text and "$ 18.000" in text


def test_an_imported_catalogue_is_sold_by_scanning_its_barcodes(rig, stack, qtbot, tmp_path):
    csv_file = tmp_path / "catalogo.csv"
    csv_file.write_text(
        "sku;nombre;precio;iva;codigo_barras\n"
        "ARROZ-1;Arroz 1 kg;4.500;0;7702001000011\n"
        "MALO;Sin precio;;19;\n",
        encoding="utf-8",
    )
    rig.page.import_button.click()
    qtbot.waitUntil(lambda: rig.page.findChild(QFileDialog, "CatalogueFileDialog") is not None)
    ask = rig.page.findChild(QFileDialog, "CatalogueFileDialog")
    ask.selectFile(str(csv_file))
    ask.accept()
    action = rig.page.catalogue_import
    qtbot.waitUntil(lambda: action.result_box is not None, timeout=TIMEOUT_MS)
    assert "Productos importados: 1" in action.result_box.text()
    assert "Línea 3" in action.result_box.text()  # the refused row, by its line
    action.result_box.close()

    field = rig.page.ring_up.search.field
    for _ in range(2):  # a scanner types the code and Enter; twice means two units
        qtbot.keyClicks(field, "7702001000011")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: rig.page.ring_up.total.format() == "$ 9.000", timeout=TIMEOUT_MS)
    assert [(line.sku, line.quantity) for line in rig.page.ring_up.lines] == [("ARROZ-1", 2)]
