"""Receipts after an approval, and Enter after each (issue 8, item 3): *Imprimir recibo* (P) on
a PDF-file printer (the harness's), *Guardar PDF* into Documentos/MeStore/Recibos and *Enviar
por correo* to a local SMTP server. After each dialog closes, Enter still means *Nueva venta*.

Before the fix printing always failed (`TypeError: open expected 2 arguments, got 0`), the
focus often sat on *Imprimir recibo* so Enter re-opened it, and Enter after *Guardar PDF*
opened the save dialog again.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog

from mestore_desktop.settings import SCHEMA_VERSION
from tests.gui.test_receipt_output import read_pdf
from tests.journeys.harness import Journey
from tests.journeys.payment_steps import (
    APPROVES,
    charge_here,
    keyboard_on_the_dialog,
    pay_card_here,
    ring_up,
    shown,
    wait_outcome,
)
from tests.support.smtp_server import SmtpServer, smtp_server


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The person's own folders (Qt finds Documents under $HOME)."""
    person = tmp_path / "persona"
    person.mkdir()
    monkeypatch.setenv("HOME", str(person))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(person / ".config"))
    return person / "Documents"


@pytest.fixture
def mail() -> Iterator[SmtpServer]:
    with smtp_server() as server:
        yield server


def paid_by_card(journey: Journey) -> str:
    """A card sale approved on the counter's screen; its reference as shown."""
    ring_up(journey)
    charge_here(journey)
    pay_card_here(journey, APPROVES)
    wait_outcome(journey, "Pago aprobado")
    (reference,) = [
        t.removeprefix("Referencia: ") for t in journey.texts() if t.startswith("Referencia: ")
    ][:1]
    return reference


def dialog_titled(journey: Journey, title: str) -> None:
    """Wait, as a person does, for the dialog with this title to be up with the keyboard."""
    journey.wait(lambda: journey.modal() is not None and journey.modal().windowTitle() == title)
    keyboard_on_the_dialog(journey)


def print_dialog(journey: Journey) -> None:
    """The system's print dialog (Qt's own, titled after the printer)."""
    journey.wait(lambda: isinstance(journey.modal(), QPrintDialog))
    keyboard_on_the_dialog(journey)


def enter_is_a_new_sale(journey: Journey) -> None:
    keyboard_on_the_dialog(journey)
    journey.press("Enter")
    journey.wait(lambda: journey.modal() is None and not shown(journey, "Pago aprobado"))
    journey.wait(lambda: journey.order_statuses()[-1:] == ["paid"])


def test_print_the_receipt_then_enter_is_a_new_sale(journey: Journey, documents: Path) -> None:
    reference = paid_by_card(journey)
    keyboard_on_the_dialog(journey)
    journey.press("P")
    print_dialog(journey)
    journey.press("Enter")  # Imprimir

    printed = journey.printed_pdf
    journey.wait(lambda: printed.exists() and printed.stat().st_size > 0)
    _document, text = read_pdf(printed.read_bytes())
    assert reference in text and "$ 18.500" in text
    journey.wait(lambda: shown(journey, "Recibo enviado a"))
    enter_is_a_new_sale(journey)


def test_a_print_left_with_esc_then_enter_is_a_new_sale(journey: Journey, documents: Path) -> None:
    paid_by_card(journey)
    journey.click("Imprimir recibo")
    print_dialog(journey)
    journey.press("Esc")
    enter_is_a_new_sale(journey)
    assert not journey.printed_pdf.exists()


def test_save_the_pdf_in_the_receipts_folder_then_enter_is_a_new_sale(
    journey: Journey, documents: Path
) -> None:
    reference = paid_by_card(journey)
    journey.click("Guardar PDF")
    dialog_titled(journey, "Guardar recibo")
    journey.press("Enter")  # keeps the suggested name, in the suggested folder

    saved = documents / "MeStore" / "Recibos" / f"recibo-{reference}.pdf"
    journey.wait(saved.exists)
    _document, text = read_pdf(saved.read_bytes())
    assert reference in text
    journey.wait(lambda: shown(journey, f"Recibo guardado en {saved}"))
    enter_is_a_new_sale(journey)  # not the save dialog again


def test_email_the_receipt_then_enter_is_a_new_sale(
    journey_factory, tmp_path: Path, documents: Path, mail: SmtpServer
) -> None:
    home = tmp_path / "home"
    (home / "demo").mkdir(parents=True)
    settings = {  # e-mail set up earlier in Ajustes › Correo
        "schema_version": SCHEMA_VERSION,
        "smtp_host": mail.host,
        "smtp_port": mail.port,
        "smtp_security": "none",
        "smtp_from": "ventas@tienda.co",
    }
    (home / "demo" / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    journey = journey_factory(home=home)
    reference = paid_by_card(journey)

    journey.click("Enviar por correo")
    field = journey.find("Correo del cliente")
    journey.wait(lambda: field.hasFocus())
    journey.type("cliente@example.com")
    journey.press("Enter")

    journey.wait(lambda: bool(mail.handler.messages))
    message = mail.handler.messages[0]
    assert message.rcpt_tos == ["cliente@example.com"]
    assert reference in message.message.get_body(("plain",)).get_content()
    journey.wait(lambda: shown(journey, "El recibo se envió a cliente@example.com"))
    enter_is_a_new_sale(journey)


def test_an_email_dialog_closed_then_enter_is_a_new_sale(journey: Journey, documents: Path) -> None:
    paid_by_card(journey)
    journey.click("Enviar por correo")
    journey.find("Correo del cliente")
    modal = journey.modal()
    assert modal is not None
    journey.close_window(modal)
    enter_is_a_new_sale(journey)
