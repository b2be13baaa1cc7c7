"""Pedidos as a back-office clerk uses it, in the demo shop: find a sale by the customer's name,
read its timeline, void the card payment (the confirmation names the amount; Esc and Cancelar
leave it alone), reprint a receipt, export the filtered orders to CSV. Keys and clicks on
controls found by their accessible names only; SQLite is only looked at."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog

from mestore_desktop.ui.models.orders_model import NUMBER_ROLE
from tests.gui.test_receipt_output import read_pdf
from tests.journeys.harness import Journey
from tests.journeys.payment_steps import keyboard_on_the_dialog, sell_in_cash, shown

pytestmark = pytest.mark.slow


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The person's own folders (Qt finds Documents under $HOME)."""
    person = tmp_path / "persona"
    person.mkdir()
    monkeypatch.setenv("HOME", str(person))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(person / ".config"))
    return person / "Documents"


def open_orders(journey: Journey) -> None:
    journey.press("2", Qt.KeyboardModifier.ControlModifier)
    journey.wait(lambda: shown(journey, "5 pedidos cargados"))  # the demo's past sales


def find(journey: Journey, text: str) -> None:
    """Ctrl+F, type, Enter: the search runs at once."""
    journey.press("F", Qt.KeyboardModifier.ControlModifier)
    journey.type(text)
    journey.press("Enter")
    journey.wait(lambda: shown(journey, "1 pedido cargado"))


def open_only_row(journey: Journey) -> None:
    """Into the table, onto its one row (the search left one): its detail opens beside it."""
    journey.click("Lista de pedidos")
    journey.press("Down")
    journey.wait(lambda: shown(journey, "Historial de estados"))


def modal_titled(journey: Journey, title: str) -> None:
    journey.wait(lambda: journey.modal() is not None and journey.modal().windowTitle() == title)
    keyboard_on_the_dialog(journey)


def card_sale_total(journey: Journey) -> str:
    """The demo's card sale (Ana María Restrepo's) as the UI writes money: `$ 42.600`."""
    ((cents,),) = journey.sql(
        "SELECT amount_cents FROM payment_attempts WHERE tender = 'WOMPI' AND status = 'APPROVED'"
        " AND order_number = (SELECT number FROM orders WHERE customer_name LIKE 'Ana%')"
    )
    return "$ " + f"{cents // 100:,}".replace(",", ".")


def test_a_sale_made_before_pedidos_was_first_opened_is_listed_when_it_opens(
    journey: Journey,
) -> None:
    """Pedidos reads its rows at startup, so that it opens at once; a cash sale rung up at the
    counter before anyone opened it is on top, with its total, when it opens."""
    orders = journey.window.orders_page
    journey.wait(lambda: orders.model.started)  # read while nobody looked at it
    assert not orders.isVisible()
    sell_in_cash(journey)
    ((number, cents),) = journey.sql(
        "SELECT number, total_cents FROM orders ORDER BY number DESC LIMIT 1"
    )

    journey.press("2", Qt.KeyboardModifier.ControlModifier)

    journey.wait(lambda: shown(journey, "6 pedidos cargados"))
    top = orders.model.index(0, 0)
    assert orders.model.data(top, NUMBER_ROLE) == number  # newest first
    total = "$ " + f"{cents // 100:,}".replace(",", ".")
    assert total in [orders.model.data(orders.model.index(0, c)) for c in range(7)]


def test_find_a_card_sale_read_its_timeline_and_void_it(journey: Journey, monkeypatch) -> None:
    counter_heard: list[object] = []
    caja = journey.window.caja_page
    hear = caja.on_orders_changed
    monkeypatch.setattr(caja, "on_orders_changed", lambda n: (counter_heard.append(n), hear(n)))
    open_orders(journey)
    find(journey, "restrepo")
    open_only_row(journey)
    assert shown(journey, "Ana María Restrepo\nana.restrepo@example.com")
    assert shown(journey, "Pagado")
    amount = card_sale_total(journey)

    journey.click("Anular…")  # Wompi is asked first whether it can be voided
    modal_titled(journey, "Anular pago")
    assert shown(journey, f"¿Anular el pago de {amount} del pedido")
    journey.press("Esc")
    journey.wait(lambda: journey.modal() is None)
    journey.click("Anular…")
    modal_titled(journey, "Anular pago")
    journey.click("Cancelar")
    journey.wait(lambda: journey.modal() is None)
    assert journey.order_statuses()[0] == "paid"

    journey.click("Anular…")
    modal_titled(journey, "Anular pago")
    journey.press("Enter")  # no reason yet: nothing happens
    assert journey.modal() is not None
    journey.type("Cliente devolvio el pedido")
    journey.click(f"Anular {amount}")

    modal_titled(journey, "Pago anulado")
    assert shown(journey, f"Pago anulado: {amount}")
    journey.wait(lambda: journey.order_statuses()[0] == "voided")
    assert counter_heard  # the counter hears of the void as it hears of the sync's news
    journey.press("Esc")
    journey.wait(lambda: journey.modal() is None)
    journey.wait(lambda: shown(journey, "Anulado"))
    journey.wait(lambda: shown(journey, "Aprobado → Anulado"))
    (actor, detail), *_ = journey.sql(
        "SELECT actor, detail FROM audit_log WHERE action = 'payment.voided'"
    )
    assert actor and "reason=Cliente devolvio el pedido" in detail


def test_a_nequi_payment_cannot_be_voided_and_says_how_to_refund(journey: Journey) -> None:
    open_orders(journey)
    journey.press("F", Qt.KeyboardModifier.ControlModifier)
    for _ in range(3):  # search → Fechas → Estado → Medio
        journey.press("Tab")
    medio = journey.focused()
    assert medio is journey.find("Medio")
    # The methods are read after the first page of orders: a person sees Nequi in the list first.
    journey.wait(lambda: medio.findText("Wompi · Nequi") >= 0)
    for _ in range(6):  # down the list to Nequi (one entry per method), reading as it changes
        if medio.currentText() == "Wompi · Nequi":
            break
        journey.press("Down")
    assert medio.currentText() == "Wompi · Nequi"
    journey.wait(lambda: shown(journey, "1 pedido cargado"))
    open_only_row(journey)

    journey.click("Anular…")
    modal_titled(journey, "No se puede anular")
    assert shown(journey, "comercios.wompi.co")
    journey.press("Esc")
    journey.wait(lambda: journey.modal() is None)
    assert "voided" not in journey.order_statuses()


def test_reprint_a_receipt(journey: Journey) -> None:
    open_orders(journey)
    find(journey, "restrepo")
    open_only_row(journey)

    journey.click("Reimprimir")
    journey.wait(lambda: isinstance(journey.modal(), QPrintDialog))
    keyboard_on_the_dialog(journey)
    journey.press("Enter")

    journey.wait(journey.printed_pdf.exists)
    _document, text = read_pdf(journey.printed_pdf.read_bytes())
    assert "Ana María Restrepo" in text
    journey.wait(lambda: shown(journey, f"Recibo enviado a {journey.printed_pdf}"))


def test_export_the_filtered_orders_to_csv(journey: Journey, documents: Path) -> None:
    open_orders(journey)
    find(journey, "gomez")
    journey.press("S", Qt.KeyboardModifier.ControlModifier)
    modal_titled(journey, "Exportar pedidos a CSV")
    journey.press("Enter")  # the suggested name in Documentos/MeStore/Pedidos

    folder = documents / "MeStore" / "Pedidos"
    journey.wait(lambda: list(folder.glob("pedidos-*.csv")))
    (written,) = folder.glob("pedidos-*.csv")
    journey.wait(lambda: shown(journey, f"Se exportó 1 pedido a {written}"))
    text = written.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")
    assert "Carlos Gómez" in text.decode("utf-8-sig")
