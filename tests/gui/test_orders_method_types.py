"""Pedidos and the day close over the Wompi sandbox on loopback: a card and a Nequi payment read
as their methods ("Tarjeta", "Nequi") in the *Medio* filter, the *Medio* column and the day
close's totals, never as one entry per card or phone ("VISA ••4242", "Nequi 399•••1111")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from mestore_desktop.services.back_office import assemble
from mestore_desktop.services.back_office_base import FixedWompi
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.ui.day_close.dialog import DayCloseDialog
from mestore_desktop.ui.models.orders_model import Column
from mestore_desktop.ui.pages.orders import OrdersPage
from tests.gui.test_orders_store import ACTOR, build_page, listed, modal, record
from tests.sync.harness import NEQUI, LoopbackStack, quick_wompi

pytestmark = pytest.mark.gui


@pytest.fixture
def paid_page(qtbot, qloop_running, tmp_path) -> Iterator[tuple[OrdersPage, dict[str, int]]]:
    with LoopbackStack(tmp_path) as stack:
        executor = DbExecutor(stack.database)
        http = httpx.AsyncClient(timeout=10)
        wompi = quick_wompi(http, stack.wompi_api_url, stack.keys)
        sales = {"card": stack.sale(25_000), "nequi": stack.sale(30_000, method=NEQUI)}
        for sale in sales.values():
            stack.sandbox.approve(sale.transaction_id)
            record(qtbot, stack, wompi, sale.transaction_id)
        office = assemble(executor, FixedWompi(wompi), "T01", ACTOR)
        page = build_page(qtbot, office, tmp_path, clock=lambda: datetime.now(UTC))
        yield page, {kind: sale.order_number for kind, sale in sales.items()}
        page.close()
        closing = qloop_running.create_task(http.aclose())
        qtbot.waitUntil(closing.done, timeout=5000)
        executor.shutdown()


def medio_items(page: OrdersPage) -> list[tuple[str, Any]]:
    combo = page.filters.tender
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def method_cell(page: OrdersPage, number: int) -> str:
    row = page.model.row_of(number)
    assert row is not None
    return str(page.model.index(row, Column.METHOD).data())


def test_the_medio_filter_lists_each_method_once_by_its_word(qtbot, paid_page) -> None:
    page, numbers = paid_page
    qtbot.waitUntil(lambda: page.filters.tender.findData("WOMPI:NEQUI") >= 0, timeout=5000)
    assert medio_items(page) == [
        ("Todos los medios", ""),
        ("Efectivo", "CASH"),
        ("Wompi (todos)", "WOMPI"),
        ("Wompi · Tarjeta", "WOMPI:CARD"),
        ("Wompi · Nequi", "WOMPI:NEQUI"),
    ]
    combo = page.filters.tender
    combo.setCurrentIndex(combo.findData("WOMPI:CARD"))
    assert listed(qtbot, page) == {numbers["card"]}
    assert method_cell(page, numbers["card"]) == "Tarjeta"
    combo.setCurrentIndex(combo.findData("WOMPI:NEQUI"))
    assert listed(qtbot, page) == {numbers["nequi"]}
    assert method_cell(page, numbers["nequi"]) == "Nequi"


def test_the_day_close_totals_read_per_method(qtbot, paid_page) -> None:
    page, _numbers = paid_page
    listed(qtbot, page)
    page.day_close_button.click()
    dialog = modal(qtbot, DayCloseDialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=5000)
    table = dialog.by_method
    cells = [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]
    assert cells == [["Tarjeta", "1", "$ 25.000"], ["Nequi", "1", "$ 30.000"]]
    dialog.reject()
