"""Pedidos over the real store and services: the filter bar and the search box return the right
rows from SQLite (Bogotá days at the UTC midnight boundary, status, tender and method, terminal,
reference, transaction id, e-mail, name); the detail shows the timeline with its sources; and,
against the Wompi sandbox on loopback, a void through the page ends VOIDED, a Nequi payment says
why it cannot be voided, *Consultar en Wompi* applies what Wompi says, and the CSV is written."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QMessageBox

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import Customer, IvaRate, Order, OrderLine
from mestore_desktop.domain.payment import (
    Observation,
    OrderStatus,
    PaymentStatus,
    StatusSource,
    Tender,
)
from mestore_desktop.services.back_office import BackOffice, assemble
from mestore_desktop.services.back_office_base import FixedWompi
from mestore_desktop.settings import Settings
from mestore_desktop.store.db import Database
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.sync.apply import apply_transactions
from mestore_desktop.ui.day_close.dialog import DayCloseDialog
from mestore_desktop.ui.models.orders_model import NUMBER_ROLE
from mestore_desktop.ui.orders.actions import OrderReceipts
from mestore_desktop.ui.orders.filter_bar import Period
from mestore_desktop.ui.orders.void_dialog import VoidDialog
from mestore_desktop.ui.orders.void_receipt import VoidDoneDialog
from mestore_desktop.ui.pages.orders import OrdersPage
from tests.sync.harness import NEQUI, LoopbackStack, quick_wompi

pytestmark = pytest.mark.gui
T = TypeVar("T")
ACTOR = "ana@T01"
# 20:00 in Bogotá on 26/11/2026 is 01:00 UTC on the 27th: "Hoy" is still the 26th.
NOW = datetime(2026, 11, 27, 1, 0, tzinfo=UTC)
BOGOTA_26 = datetime(2026, 11, 26, 5, 0, tzinfo=UTC)  # 00:00 in Bogotá


class NoWompi:
    """Browsing needs no Wompi: any call would be a bug in these tests."""

    def client(self) -> Any:
        raise AssertionError("Wompi is not part of this test")

    def has_private_key(self) -> bool:
        return False


def _sale(
    repo: OrderRepository,
    at: datetime,
    *,
    pesos: int,
    terminal: str = "T01",
    customer: Customer | None = None,
    tender: Tender = Tender.WOMPI,
    outcome: list[tuple[str, PaymentStatus, str, StatusSource, str]] = (),  # type: ignore[assignment]
) -> int:
    line = OrderLine("Café molido 500 g", 1, Money.from_pesos(pesos), IvaRate.REDUCED)
    order = repo.create_order(Order(terminal, (line,), at, customer=customer or Customer()))
    assert order.number is not None
    if tender is Tender.CASH:
        repo.new_attempt(order.number, Tender.CASH, at, cash_received=Money.from_pesos(pesos))
        return order.number
    reference = repo.new_attempt(order.number, Tender.WOMPI, at).reference
    for minutes, (tx, status, method, source, evidence) in enumerate(outcome, start=1):
        seen = at + timedelta(minutes=minutes)
        obs = Observation(
            tx, status, source, seen, None, payment_method=method, payment_method_type=method
        )
        repo.apply_observation(reference, obs, evidence)
    return order.number


def seed(database: Database) -> dict[str, int]:
    """Six orders; the names say what each is for."""

    def save(s: Any) -> dict[str, int]:
        repo = OrderRepository(s)
        ok = PaymentStatus.APPROVED
        return {
            "yesterday_card": _sale(
                repo,
                BOGOTA_26 - timedelta(hours=14),
                pesos=25_000,
                customer=Customer(name="Ana María Pérez", email="ana@example.co"),
                outcome=[("1100-1700000001-00001", ok, "CARD", StatusSource.WEBHOOK, "")],
            ),
            "today_cash": _sale(
                repo,
                BOGOTA_26 + timedelta(hours=9),
                pesos=10_000,
                customer=Customer(name="José Niño"),
                tender=Tender.CASH,
            ),
            # 19:30 in Bogotá, 00:30 UTC the next day: still today in Bogotá.
            "tonight_nequi": _sale(
                repo,
                BOGOTA_26 + timedelta(hours=19, minutes=30),
                pesos=35_000,
                terminal="T02",
                outcome=[
                    ("1100-1700000003-00003", ok, "NEQUI", StatusSource.POLL, "pending_watcher")
                ],
            ),
            "today_declined": _sale(
                repo,
                BOGOTA_26 + timedelta(hours=8),
                pesos=3_500,
                customer=Customer(name="Andrés Gómez", email="andres@example.co"),
                outcome=[
                    (
                        "1100-1700000004-00004",
                        PaymentStatus.DECLINED,
                        "CARD",
                        StatusSource.WEBHOOK,
                        "",
                    )
                ],
            ),
            "pending_this_month": _sale(
                repo, BOGOTA_26 - timedelta(days=10), pesos=80_000, terminal="T02"
            ),
            "voided_last_month": _sale(
                repo,
                BOGOTA_26 - timedelta(days=30),
                pesos=50_000,
                outcome=[
                    (
                        "1100-1700000006-00006",
                        ok,
                        "CARD",
                        StatusSource.RECONCILE,
                        "gap_fill relay_down",
                    ),
                    (
                        "1100-1700000006-00006",
                        PaymentStatus.VOIDED,
                        "CARD",
                        StatusSource.MANUAL,
                        "manual_void",
                    ),
                ],
            ),
        }

    return database.write(save)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[tuple[Database, DbExecutor]]:
    database = Database.open(tmp_path / "mestore.db")
    executor = DbExecutor(database)
    yield database, executor
    executor.shutdown()
    database.close()


def build_page(qtbot: Any, office: BackOffice, folder: Path, clock: Any = None) -> OrdersPage:
    page = OrdersPage(
        office,
        receipts=OrderReceipts(settings=lambda: Settings(store_name="Tienda Ana")),
        clock=clock or (lambda: NOW),
        csv_folder=lambda: folder,
        receipt_folder=lambda: folder,
    )
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    return page


def listed(qtbot: Any, page: OrdersPage) -> set[int]:
    qtbot.waitUntil(lambda: page.model.started and not page.model.is_loading, timeout=5000)
    model = page.model
    return {model.data(model.index(r, 0), NUMBER_ROLE) for r in range(model.rowCount())}


@pytest.fixture
def seeded_page(qtbot, qloop_running, store, tmp_path) -> Iterator[tuple[OrdersPage, dict]]:
    database, executor = store
    numbers = seed(database)
    page = build_page(qtbot, assemble(executor, NoWompi(), "T01", ACTOR), tmp_path)
    yield page, numbers
    page.close()


def test_date_presets_list_bogota_days(qtbot, seeded_page) -> None:
    page, n = seeded_page
    assert listed(qtbot, page) == set(n.values())
    expectations = {
        Period.TODAY: {n["today_cash"], n["tonight_nequi"], n["today_declined"]},
        Period.YESTERDAY: {n["yesterday_card"]},
        Period.WEEK: {
            n["yesterday_card"],
            n["today_cash"],
            n["tonight_nequi"],
            n["today_declined"],
        },
        Period.MONTH: set(n.values()) - {n["voided_last_month"]},
    }
    for period, expected in expectations.items():
        page.filters.choose_period(period)
        assert listed(qtbot, page) == expected, period


def test_status_tender_method_and_terminal_filter_in_the_store(qtbot, seeded_page) -> None:
    page, n = seeded_page
    bar = page.filters
    qtbot.waitUntil(lambda: bar.terminal.findData("T02") >= 0, timeout=5000)

    def pick(combo: Any, data: str) -> set[int]:
        index = combo.findData(data)
        assert index >= 0, data
        combo.setCurrentIndex(index)
        return listed(qtbot, page)

    assert pick(bar.status, OrderStatus.PAID.value) == {
        n["yesterday_card"],
        n["today_cash"],
        n["tonight_nequi"],
    }
    assert pick(bar.status, OrderStatus.FAILED.value) == {n["today_declined"]}
    assert pick(bar.status, OrderStatus.VOIDED.value) == {n["voided_last_month"]}
    assert pick(bar.status, "") == set(n.values())
    assert pick(bar.tender, Tender.CASH.value) == {n["today_cash"]}
    assert pick(bar.tender, "WOMPI:NEQUI") == {n["tonight_nequi"]}
    assert pick(bar.tender, "") == set(n.values())
    assert pick(bar.terminal, "T02") == {n["tonight_nequi"], n["pending_this_month"]}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ana@example.co", "yesterday_card"),
        ("1100-1700000003-00003", "tonight_nequi"),
        ("andres", "today_declined"),  # no accent typed, one stored
        ("NIÑO", "today_cash"),
    ],
)
def test_search_box_finds_by_email_transaction_and_name(
    qtbot, seeded_page, typed: str, expected: str
) -> None:
    page, n = seeded_page
    listed(qtbot, page)
    page.filters.search.setText(typed)
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Return)
    assert page.model.filter.search == typed
    assert listed(qtbot, page) == {n[expected]}


def test_search_by_reference(qtbot, seeded_page, store) -> None:
    page, n = seeded_page
    database, _ = store
    number = n["today_declined"]
    reference = database.read(lambda s: OrderRepository(s).attempts_for(number))[0].reference
    listed(qtbot, page)
    page.filters.search.setText(reference)
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Return)
    assert listed(qtbot, page) == {number}
    assert page.count_label.text() == "1 pedido cargado"


def test_detail_shows_the_timeline_with_its_sources(qtbot, seeded_page, store) -> None:
    page, n = seeded_page
    database, _ = store
    number = n["voided_last_month"]
    reference = database.read(lambda s: OrderRepository(s).attempts_for(number))[0].reference
    database.write(
        lambda s: OrderRepository(s).audit(
            "payment.voided",
            f"reference={reference} reason=el cliente devolvió el pedido",
            BOGOTA_26 - timedelta(days=29),
            ACTOR,
        )
    )
    listed(qtbot, page)
    page.table.setCurrentIndex(page.model.index(page.model.row_of(number), 0))
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=5000)

    sources = [line.split(" · ")[1:3] for line in page.detail.timeline.lines()]
    assert sources == [
        ["Caja", "Pendiente"],
        ["Búsqueda en Wompi", "Pendiente → Aprobado"],
        ["Manual", "Aprobado → Anulado"],
        ["Manual", "Pago anulado"],
    ]
    assert page.detail.timeline.lines()[-1].endswith(
        f"Por {ACTOR} · Motivo: el cliente devolvió el pedido"
    )
    assert any("Transacción 1100-1700000006-00006 · Anulado" in t for t in page.detail.texts())


# -- against the Wompi sandbox -------------------------------------------------------------------


@pytest.fixture
def sandbox(qtbot, qloop_running, tmp_path) -> Iterator[tuple[LoopbackStack, BackOffice, Any]]:
    with LoopbackStack(tmp_path) as stack:
        executor = DbExecutor(stack.database)
        http = httpx.AsyncClient(timeout=10)
        wompi = quick_wompi(http, stack.wompi_api_url, stack.keys)
        office = assemble(executor, FixedWompi(wompi), "T01", ACTOR)
        yield stack, office, wompi
        closing = qloop_running.create_task(http.aclose())
        qtbot.waitUntil(closing.done, timeout=5000)
        executor.shutdown()


def wait_for(qtbot: Any, awaitable: Awaitable[T]) -> T:
    task = asyncio.ensure_future(awaitable)
    qtbot.waitUntil(task.done, timeout=10_000)
    return task.result()


def record(qtbot: Any, stack: LoopbackStack, wompi: Any, transaction_id: str) -> None:
    """What Wompi says of it, applied as the sync would (source webhook)."""
    tx = wait_for(qtbot, wompi.get_transaction(transaction_id))
    at = datetime.now(UTC)
    stack.database.write(
        lambda s: apply_transactions(s, [tx], source=StatusSource.WEBHOOK, at=at, evidence="test")
    )


def modal(qtbot: Any, kind: type) -> Any:
    found: list[QDialog] = []

    def shown() -> bool:
        found[:] = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown, timeout=10_000)
    return found[0]


def choose(qtbot: Any, page: OrdersPage, number: int) -> None:
    qtbot.waitUntil(lambda: page.model.row_of(number) is not None, timeout=5000)
    page.table.setCurrentIndex(page.model.index(page.model.row_of(number), 0))
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and page.detail.detail.order.number == number,
        timeout=5000,
    )


def test_a_void_through_the_page_ends_voided(qtbot, sandbox, tmp_path) -> None:
    stack, office, wompi = sandbox
    sale = stack.sale(pesos=70_000)
    stack.sandbox.approve(sale.transaction_id)
    record(qtbot, stack, wompi, sale.transaction_id)
    page = build_page(qtbot, office, tmp_path, clock=lambda: datetime.now(UTC))
    choose(qtbot, page, sale.order_number)

    page.actions.void.click()
    dialog = modal(qtbot, VoidDialog)
    assert "¿Anular el pago de $ 70.000" in dialog.question.text()
    assert dialog.confirm.accessibleName() == "Anular $ 70.000"
    qtbot.keyClicks(dialog.reason_field, "Producto devuelto")
    qtbot.keyClick(dialog.reason_field, Qt.Key.Key_Return)

    done = modal(qtbot, VoidDoneDialog)
    assert stack.order_status(sale.order_number) is OrderStatus.VOIDED
    assert stack.sandbox.get_transaction(sale.transaction_id)["status"] == "VOIDED"
    qtbot.waitUntil(lambda: page.detail.detail.status is OrderStatus.VOIDED, timeout=5000)
    assert "Manual · Aprobado → Anulado" in "\n".join(page.detail.timeline.lines())
    assert any(
        "Pago anulado" in line and f"Por {ACTOR} · Motivo: Producto devuelto" in line
        for line in page.detail.timeline.lines()
    )
    row = page.model.row_of(sale.order_number)
    assert page.model.summary(row).status is OrderStatus.VOIDED
    done.close_button.click()
    qtbot.waitUntil(lambda: not done.isVisible(), timeout=5000)
    page.close()


def test_a_nequi_payment_says_why_it_cannot_be_voided(qtbot, sandbox, tmp_path) -> None:
    stack, office, wompi = sandbox
    sale = stack.sale(pesos=30_000, method=NEQUI)
    stack.sandbox.approve(sale.transaction_id)
    record(qtbot, stack, wompi, sale.transaction_id)
    page = build_page(qtbot, office, tmp_path, clock=lambda: datetime.now(UTC))
    choose(qtbot, page, sale.order_number)

    page.actions.void.click()
    box = modal(qtbot, QMessageBox)
    assert "solo anula pagos con tarjeta" in box.text()
    assert "comercios.wompi.co" in box.text()  # how to refund it there
    box.button(QMessageBox.StandardButton.Ok).click()
    assert stack.order_status(sale.order_number) is OrderStatus.PAID
    page.close()


def test_consultar_en_wompi_applies_what_wompi_says(qtbot, sandbox, tmp_path) -> None:
    stack, office, _wompi = sandbox
    sale = stack.sale(pesos=25_000)
    page = build_page(qtbot, office, tmp_path, clock=lambda: datetime.now(UTC))
    choose(qtbot, page, sale.order_number)
    stack.sandbox.approve(sale.transaction_id)  # nobody told this till yet

    qtbot.keyClick(page.table, Qt.Key.Key_F5)

    qtbot.waitUntil(lambda: "Wompi cambió el pedido" in page.notice.text(), timeout=10_000)
    assert f"{sale.reference}: Pendiente → Aprobado (Consulta)" in page.notice.text()
    qtbot.waitUntil(lambda: page.detail.detail.status is OrderStatus.PAID, timeout=5000)
    row = page.model.row_of(sale.order_number)
    qtbot.waitUntil(lambda: page.model.summary(row).status is OrderStatus.PAID, timeout=5000)
    page.close()


def test_export_csv_writes_the_filtered_rows_for_excel(qtbot, sandbox, tmp_path) -> None:
    stack, office, _wompi = sandbox
    sales = [stack.sale(pesos=10_000 * (i + 1)) for i in range(3)]
    folder = tmp_path / "Documentos"
    folder.mkdir()
    page = build_page(qtbot, office, folder, clock=lambda: datetime.now(UTC))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)

    page.export_button.click()
    dialog = modal(qtbot, QFileDialog)
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    # Enter once the dialog is up with the keyboard on the name, as a person presses it.
    qtbot.waitUntil(lambda: dialog.isActiveWindow() and name.hasFocus(), timeout=5000)
    qtbot.keyClick(name, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: "Se exportaron 3 pedidos a" in page.notice.text(), timeout=5000)
    written = list(folder.glob("pedidos-*.csv"))
    assert len(written) == 1 and str(written[0]) in page.notice.text()
    data = written[0].read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert ";" in text.splitlines()[0]
    assert all(s.reference in text for s in sales)
    page.close()


def test_cierre_del_dia_opens_for_the_day_shown_and_esc_gives_the_page_back(
    qtbot, seeded_page
) -> None:
    page, _n = seeded_page
    page.filters.choose_period(Period.YESTERDAY)
    listed(qtbot, page)

    page.day_close_button.click()
    dialog = modal(qtbot, DayCloseDialog)
    assert dialog.windowTitle() == "Cierre del día"
    assert dialog.day_edit.date().toString("dd/MM/yyyy") == "25/11/2026"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(page.table.hasFocus, timeout=5000)
