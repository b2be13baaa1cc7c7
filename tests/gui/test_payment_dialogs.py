"""Every way out of every dialog of the payment flow gives the counter back (issue 8, items 2,
3, 4 and the payment parts of 10), over the real sandbox and relay (see caja_harness.py).

The cashier is played with key presses on the focused widget and clicks on buttons; the
customer by typing into the checkout page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from mestore_desktop.domain.payment import PaymentStatus
from mestore_desktop.services.checkout import CheckoutSettings
from mestore_desktop.services.counter import CounterService
from mestore_desktop.services.counter_setup import CounterSetup
from mestore_desktop.services.navigation import NavigationPolicy
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.ui.caja.tender_bar import ChargeTender
from mestore_desktop.ui.payment.cash_dialog import CashDialog
from mestore_desktop.ui.payment.dialog import View
from tests.gui.caja_harness import CAFE, TIMEOUT_MS, CounterRig, quick_wompi, stack_urls
from tests.gui.test_receipt_output import read_pdf
from tests.sync.harness import LoopbackStack

pytestmark = pytest.mark.gui

CARD = {
    "card_number": "4242 4242 4242 4242",
    "card_expiry": "12/30",
    "card_cvc": "123",
    "card_holder": "Cliente Ejemplo",
    "customer_email": "cliente@example.com",
}


@pytest.fixture
def stack(tmp_path) -> Iterator[LoopbackStack]:
    with LoopbackStack(tmp_path, auto_finalize=True, finalize_delay_s=0.2) as stack:
        yield stack


@pytest.fixture
def documents(tmp_path, monkeypatch) -> Path:
    """The user's documents folder (Qt reads it from $HOME and the XDG user dirs)."""
    home = tmp_path / "usuario"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home / "Documents"


@pytest.fixture
def rig(qtbot, qloop_running, stack, documents) -> Iterator[CounterRig]:
    rig = CounterRig(qtbot, qloop_running, stack)
    yield rig
    rig.close()


# -- the cashier's hands -----------------------------------------------------------------------


def press(qtbot, key: Qt.Key) -> None:
    """A key press on whatever has the keyboard focus, as a person's keyboard does."""
    # A person presses once the screen is there: wait until some window has the keyboard.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=TIMEOUT_MS)
    target = QApplication.focusWidget()
    qtbot.keyClick(target, key)


def modal(qtbot, kind: type[QWidget], name: str = "") -> QWidget:
    """The modal dialog of `kind` on top of everything, once it is there."""

    def found() -> bool:
        top = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        return (
            isinstance(top, kind)
            and (not name or top.objectName() == name)
            and focus is not None
            and focus.window() is top  # the keyboard is there, as a person would wait for
        )

    qtbot.waitUntil(found, timeout=TIMEOUT_MS)
    top = QApplication.activeModalWidget()
    assert top is not None
    return top


def tender_enabled(rig: CounterRig, tender: ChargeTender) -> bool:
    return rig.page.ring_up.tenders.buttons[tender].isEnabled()


def counter_is_free(rig: CounterRig) -> bool:
    return (
        rig.flow is None
        and QApplication.activeModalWidget() is None
        and all(tender_enabled(rig, t) for t in ChargeTender)
    )


def sell_cash(rig: CounterRig, qtbot, received: str = "") -> str:
    """F10, type what the customer handed over, Enter; the outcome's text."""
    press(qtbot, Qt.Key.Key_F10)
    cash = modal(qtbot, CashDialog)
    if received:
        qtbot.keyClicks(QApplication.focusWidget(), received)
    press(qtbot, Qt.Key.Key_Return)
    text = rig.wait_result()
    assert cash is not None
    return text


def new_sale_by_enter(rig: CounterRig, qtbot) -> None:
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: rig.flow is None, timeout=TIMEOUT_MS)
    assert rig.page.ring_up.lines == ()


def close_like_the_title_bar(widget: QWidget) -> None:
    widget.close()


# -- item 2: every exit gives the counter back -----------------------------------------------

EXITS: dict[str, Callable[[object, QWidget], None]] = {
    "Esc": lambda qtbot, _dialog: press(qtbot, Qt.Key.Key_Escape),
    "Cancelar": lambda _qtbot, dialog: next(
        b for b in dialog.findChildren(QPushButton) if b.accessibleName() == "Cancelar"
    ).click(),
    "close": lambda _qtbot, dialog: close_like_the_title_bar(dialog),
}


@pytest.mark.parametrize("how", list(EXITS))
def test_leaving_the_cash_dialog_gives_the_counter_back(rig, qtbot, how):
    rig.ring_up(CAFE)
    rig.page.ring_up.focus_search()
    press(qtbot, Qt.Key.Key_F10)
    cash = modal(qtbot, CashDialog)

    EXITS[how](qtbot, cash)

    qtbot.waitUntil(lambda: counter_is_free(rig), timeout=TIMEOUT_MS)
    assert rig.page.ring_up.lines != ()  # the sale is still there to charge
    text = sell_cash(rig, qtbot, "20.000")  # and F10 works again, to the end
    assert "Venta en efectivo registrada" in text
    new_sale_by_enter(rig, qtbot)


@pytest.mark.parametrize("how", ["Esc", "No", "close"])
def test_the_cancel_question_answered_no_keeps_the_payment_open(rig, qtbot, how):
    rig.ring_up(CAFE)
    flow = rig.charge("wompi_qr")
    press(qtbot, Qt.Key.Key_Escape)
    box = modal(qtbot, QMessageBox, "ConfirmCancelPayment")

    if how == "No":
        box.button(QMessageBox.StandardButton.No).click()
    elif how == "Esc":
        press(qtbot, Qt.Key.Key_Escape)
    else:
        close_like_the_title_bar(box)

    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is flow.dialog, timeout=TIMEOUT_MS)
    assert rig.flow is flow and flow.dialog.current_view() is View.QR
    press(qtbot, Qt.Key.Key_Escape)  # ask again, and this time say yes
    box = modal(qtbot, QMessageBox, "ConfirmCancelPayment")
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: counter_is_free(rig), timeout=TIMEOUT_MS)
    assert "Venta en efectivo registrada" in sell_cash(rig, qtbot)


def test_a_payment_that_cannot_start_shows_why_and_gives_the_counter_back(rig, stack, qtbot):
    counter = CounterService(
        db=rig.executor,
        wompi=quick_wompi(rig.http, stack.wompi_api_url, stack.keys),
        checkout=CheckoutSettings(stack_urls(stack)[0], stack.keys.public_key, ""),
        integrity_secret=None,  # not configured: the start fails before anything is saved
        terminal_id="T01",
    )
    rig.page._setup = CounterSetup(counter, NavigationPolicy(*stack_urls(stack), ""))
    rig.ring_up(CAFE)
    rig.page.ring_up.focus_search()
    press(qtbot, Qt.Key.Key_F12)
    box = modal(qtbot, QMessageBox, "ErrorDialog")
    assert "secreto de integridad" in box.text()

    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: counter_is_free(rig), timeout=TIMEOUT_MS)
    rig.page._setup = None
    assert "Venta en efectivo registrada" in sell_cash(rig, qtbot)


# -- item 10: the cash outcome -----------------------------------------------------------------


def test_the_cash_outcome_says_the_sale_was_recorded_and_shows_the_change_large(rig, qtbot):
    rig.ring_up(CAFE)
    rig.page.ring_up.focus_search()
    text = sell_cash(rig, qtbot, "50.000")

    assert "Venta en efectivo registrada" in text and "Pago aprobado" not in text
    dialog = rig.flow.dialog
    change = dialog.result.change
    assert change.isVisible() and "$ 32.000" in change.text()
    assert change.font().pointSizeF() >= 2 * dialog.result.details.font().pointSizeF()
    assert not dialog.waiting.elapsed.isVisible()  # no "Tiempo de espera 0:00"
    assert dialog.result.title_icon.pixmap() is not None
    assert not any(mark in text for mark in "✔✖⚠")
    new_sale_by_enter(rig, qtbot)


def test_outcome_titles_carry_an_icon_not_an_emoji(rig, qtbot):
    rig.ring_up(CAFE)
    flow = rig.charge("wompi_qr")
    rig.pay_from_phone("decline")
    text = rig.wait_result()
    assert "Pago rechazado" in text and not any(mark in text for mark in "✔✖⚠")
    assert not flow.dialog.result.title_icon.pixmap().isNull()


# -- item 10: Esc inside the checkout page ---------------------------------------------------


def test_esc_inside_the_checkout_page_asks_to_cancel(rig, qtbot):
    rig.ring_up(CAFE)
    flow = rig.charge("wompi_here")
    rig.wait_for_form("card-form")
    rig.run_js("document.querySelector('#card-form [name=card_number]').focus()")
    web = flow.dialog.checkout.view.focusProxy() or flow.dialog.checkout.view
    web.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is web, timeout=TIMEOUT_MS)

    press(qtbot, Qt.Key.Key_Escape)

    box = modal(qtbot, QMessageBox, "ConfirmCancelPayment")
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: counter_is_free(rig), timeout=TIMEOUT_MS)


# -- item 4: the checkout's own form errors reach the customer ----------------------------------


def test_a_checkout_form_error_is_shown_to_the_customer(rig, stack, qtbot):
    rig.ring_up(CAFE)
    flow = rig.charge("wompi_here")
    rig.fill_and_submit("card-form", {**CARD, "card_expiry": "1229"})
    probe = "document.body.innerText.includes('fecha de vencimiento')"
    qtbot.waitUntil(lambda: rig.run_js(probe) is True, timeout=TIMEOUT_MS)
    qtbot.wait(300)  # the page reported its (422) load

    assert flow.dialog.current_view() is View.CHECKOUT
    assert "No se pudo abrir" not in flow.dialog.waiting.message.text()
    rig.fill_and_submit("card-form", CARD)  # the customer fixes it and pays
    assert "Pago aprobado" in rig.wait_result()


# -- item 3: receipts, and Enter after them ------------------------------------------------------


def pay_by_card(rig: CounterRig, qtbot) -> None:
    rig.ring_up(CAFE)
    rig.page.ring_up.focus_search()
    press(qtbot, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: rig.flow is not None and bool(rig.flow.reference), timeout=TIMEOUT_MS)
    rig.fill_and_submit("card-form", CARD)
    assert "Pago aprobado" in rig.wait_result()


def test_enter_on_an_approval_is_a_new_sale_wherever_the_focus_was(rig, qtbot):
    pay_by_card(rig, qtbot)
    result = rig.flow.dialog.result
    assert QApplication.focusWidget() is not result.print_button
    result.print_button.setFocus()  # a click elsewhere, a Tab: focus on Imprimir recibo
    new_sale_by_enter(rig, qtbot)
    assert QApplication.activeModalWidget() is None


def test_print_goes_to_the_printer_and_enter_then_means_new_sale(rig, stack, qtbot, tmp_path):
    printed = tmp_path / "impreso.pdf"

    def pdf_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    rig.printer_factory = pdf_printer
    pay_by_card(rig, qtbot)
    reference = rig.flow.reference
    press(qtbot, Qt.Key.Key_P)
    dialog = modal(qtbot, QPrintDialog, "ReceiptPrintDialog")
    dialog.accept()

    qtbot.waitUntil(lambda: printed.exists() and printed.stat().st_size > 0, timeout=TIMEOUT_MS)
    _document, text = read_pdf(printed.read_bytes())
    assert reference in text and "$ 18.000" in text
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is rig.flow.dialog)
    new_sale_by_enter(rig, qtbot)


def test_a_print_cancelled_with_esc_leaves_enter_meaning_new_sale(rig, qtbot):
    pay_by_card(rig, qtbot)
    rig.flow.dialog.result.print_button.click()
    modal(qtbot, QPrintDialog, "ReceiptPrintDialog")
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is rig.flow.dialog)
    new_sale_by_enter(rig, qtbot)


def test_guardar_pdf_defaults_to_the_receipts_folder_and_says_where(rig, qtbot, documents):
    pay_by_card(rig, qtbot)
    reference = rig.flow.reference
    rig.flow.dialog.result.pdf_button.click()
    ask = modal(qtbot, QFileDialog, "ReceiptPdfDialog")
    folder = documents / "MeStore" / "Recibos"
    assert Path(ask.directory().absolutePath()) == folder and folder.is_dir()
    press(qtbot, Qt.Key.Key_Return)  # keep the suggested name

    target = folder / f"recibo-{reference}.pdf"
    qtbot.waitUntil(target.exists, timeout=TIMEOUT_MS)
    notice = rig.flow.dialog.result.notice
    qtbot.waitUntil(lambda: str(target) in notice.text(), timeout=TIMEOUT_MS)
    assert notice.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is rig.flow.dialog)
    new_sale_by_enter(rig, qtbot)  # not the save dialog again


def test_email_dialog_cancelled_then_enter_is_a_new_sale(rig, qtbot):
    pay_by_card(rig, qtbot)
    rig.flow.dialog.result.email_button.click()
    ask = modal(qtbot, QInputDialog, "ReceiptEmailDialog")
    close_like_the_title_bar(ask)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is rig.flow.dialog)
    new_sale_by_enter(rig, qtbot)


def test_an_error_box_after_a_receipt_leaves_enter_meaning_new_sale(rig, qtbot):
    pay_by_card(rig, qtbot)  # the counter has no mail server configured
    rig.flow.dialog.result.email_button.click()
    modal(qtbot, QInputDialog, "ReceiptEmailDialog")
    qtbot.keyClicks(QApplication.focusWidget(), "cliente@example.com")
    press(qtbot, Qt.Key.Key_Return)
    box = modal(qtbot, QMessageBox, "ErrorDialog")
    assert "correo" in box.text().lower()
    press(qtbot, Qt.Key.Key_Return)  # OK
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is rig.flow.dialog)
    new_sale_by_enter(rig, qtbot)


# -- accessible names ------------------------------------------------------------------------


def test_every_control_of_the_payment_dialog_has_an_accessible_name(rig, qtbot):
    rig.ring_up(CAFE)
    rig.page.ring_up.focus_search()
    press(qtbot, Qt.Key.Key_F10)
    cash = modal(qtbot, CashDialog)
    unnamed = [b.text() for b in cash.findChildren(QPushButton) if not b.accessibleName()]
    assert unnamed == []
    press(qtbot, Qt.Key.Key_Return)
    rig.wait_result()
    dialog = rig.flow.dialog
    controls = [*dialog.findChildren(QPushButton), dialog.result.change, dialog.result.notice]
    unnamed = [w.objectName() or getattr(w, "text", lambda: "")() for w in controls]
    unnamed = [n for n, w in zip(unnamed, controls, strict=True) if not w.accessibleName()]
    assert unnamed == []
    assert all(isinstance(w, QPushButton | QLabel) for w in controls)
    saved = rig.stack.database.read(lambda s: OrderRepository(s).get_attempt(rig.flow.reference))
    assert saved.status is PaymentStatus.APPROVED
