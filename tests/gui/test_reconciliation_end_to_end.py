"""Conciliación end to end: the real page over the real services, SQLite and the Wompi sandbox.

The seven situations are made exactly as for the command line's end to end test
(tests/support/back_office_situations.py over a `LoopbackStack`: the sandbox and the relay as
servers on loopback, sales synced with `mestore sync --once`, a dropped event, and the sandbox's
inject control for the payments nobody rang up). Then the page is used as a person does, with
clicks on controls found by their accessible names and keys typed into what has the keyboard:
a range covering the sales, *Conciliar*, each queue's caption and rows; *Aplicar estado de Wompi*
turns the stale payment into a paid order (source reconcile, audited) and the row moves to
*Conciliadas*; *Marcar como resuelta* on the approval after a cancel asks for a reason and is
audited.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from mestore_desktop.domain.payment import OrderStatus, PaymentStatus, StatusSource
from mestore_desktop.domain.reconciliation import Queue, bogota_day
from mestore_desktop.paths import database_path
from mestore_desktop.services.back_office import assemble
from mestore_desktop.services.back_office_base import FixedWompi
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.ui.pages.reconciliation import ReconciliationPage
from mestore_desktop.ui.reconciliation.queue_model import Column
from mestore_desktop.ui.reconciliation.queue_tab import QueueTab
from mestore_desktop.ui.reconciliation.reason_dialog import ReasonDialog
from tests.support.back_office_situations import configure, every_situation
from tests.sync.harness import LoopbackStack, quick_wompi

pytestmark = pytest.mark.gui
W = TypeVar("W", bound=QWidget)
ACTOR = "ana@T01"
LEFT = Qt.MouseButton.LeftButton
WAIT_MS = 15_000

NAMES = {
    Queue.MATCHED: "Conciliadas",
    Queue.STALE_PENDING: "Pendientes resueltas en Wompi",
    Queue.AMOUNT_MISMATCH: "Montos distintos",
    Queue.ORPHAN: "Sin pedido",
    Queue.PAID_WITHOUT_APPROVAL: "Pagadas sin Wompi",
    Queue.DUPLICATE_PAYMENT: "Pago doble",
    Queue.APPROVED_AFTER_CANCEL: "Aprobado tras cancelar",
}
APPROVED, PENDING, NONE = "✔ Aprobado", "◔ Pendiente", "— sin registro"


@pytest.fixture
def stack(home: Path) -> Iterator[LoopbackStack]:
    with LoopbackStack(home, database=database_path(home)) as stack:
        yield stack


@pytest.fixture
def refs(home: Path, stack: LoopbackStack) -> dict[str, str]:
    """Each queue's value -> its reference. Built before `qloop_running` (asked for after it
    in the fixtures below): the CLI's sync runs its own `asyncio.run`, which a running qasync
    loop on this thread would refuse."""
    configure(home, stack)
    return every_situation(home, stack)


@pytest.fixture
def today() -> date:
    """The page's today, fixed for the test (a run across midnight keeps one day)."""
    return bogota_day(datetime.now(UTC))


@pytest.fixture
def page(qtbot, refs, qloop_running, stack, today, tmp_path) -> Iterator[ReconciliationPage]:
    executor = DbExecutor(stack.database)
    http = httpx.AsyncClient(timeout=10)
    wompi = quick_wompi(http, stack.wompi_api_url, stack.keys)
    office = assemble(executor, FixedWompi(wompi), "T01", ACTOR)
    built = ReconciliationPage(office, today=lambda: today, export_folder=lambda: tmp_path)
    qtbot.addWidget(built)
    built.resize(1280, 720)
    built.show()
    qtbot.waitExposed(built)
    built.activateWindow()
    yield built
    built.close()
    closing = qloop_running.create_task(http.aclose())
    qtbot.waitUntil(closing.done, timeout=5000)
    executor.shutdown()


# -- a person's clicks and keys --------------------------------------------------------------


def named(root: QWidget, kind: type[W], name: str) -> W:
    """The one visible control of that kind and accessible name under *root*."""
    found = [w for w in root.findChildren(kind) if w.accessibleName() == name and w.isVisible()]
    assert len(found) == 1, f"{len(found)} visible {kind.__name__} named {name!r}"
    return found[0]


def click(qtbot: Any, root: QWidget, name: str) -> None:
    button = named(root, QPushButton, name)
    assert button.isEnabled(), name
    qtbot.mouseClick(button, LEFT)


def reconcile_last_7_days(qtbot: Any, page: ReconciliationPage) -> None:
    click(qtbot, page, "7 días")
    click(qtbot, page, "Conciliar")
    qtbot.waitUntil(lambda: page.result is not None and not page.running, timeout=WAIT_MS)


def caption(page: ReconciliationPage, queue: Queue) -> str:
    return named(page, QPushButton, NAMES[queue]).text()


def open_queue(qtbot: Any, page: ReconciliationPage, queue: Queue) -> QueueTab:
    click(qtbot, page, NAMES[queue])
    tab = page.tabs.current_widget()
    assert isinstance(tab, QueueTab) and tab.queue is queue
    return tab


def cell(tab: QueueTab, row: int, column: Column) -> str:
    model = tab.table.model()
    return model.data(model.index(row, column))


def shown_rows(tab: QueueTab) -> list[tuple[str, str, str, str]]:
    """What the table says of each row: reference, Wompi's status, ours, amount."""
    columns = (Column.REFERENCE, Column.WOMPI_STATUS, Column.LOCAL_STATUS, Column.AMOUNT)
    if not tab.table.isVisible():
        return []
    return [
        tuple(cell(tab, r, c) for c in columns)  # type: ignore[misc]
        for r in range(tab.table.model().rowCount())
    ]


def click_row(qtbot: Any, tab: QueueTab, row: int) -> None:
    index = tab.table.model().index(row, Column.REFERENCE)
    rect = tab.table.visualRect(index)
    qtbot.mouseClick(tab.table.viewport(), LEFT, pos=rect.center())


def reason_dialog(qtbot: Any) -> ReasonDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ReasonDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ReasonDialog)
    qtbot.waitUntil(dialog.reason.hasFocus)  # where a person's typing goes
    return dialog


def type_and_enter(qtbot: Any, text: str) -> None:
    """Type into what has the keyboard (select-all first, as a person replaces a default)."""
    field = QApplication.focusWidget()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


# -- the store's side ------------------------------------------------------------------------


def order_of(stack: LoopbackStack, reference: str) -> int:
    return stack.database.read(lambda s: OrderRepository(s).get_attempt(reference).order_number)


def audited(stack: LoopbackStack, action: str) -> list[tuple[str, str]]:
    entries = stack.database.read(lambda s: OrderRepository(s).audit_entries(limit=500))
    return [(e.actor, e.detail) for e in entries if e.action == action]


# -- the tests -------------------------------------------------------------------------------


def test_each_situation_shows_in_its_queue_on_the_page(qtbot, page, refs, today) -> None:
    reconcile_last_7_days(qtbot, page)

    assert page.range_bar.range() == (today - timedelta(days=6), today)
    first = (today - timedelta(days=6)).strftime("%d/%m/%Y")
    assert page.message.text() == (
        f"Conciliado del {first} al {today.strftime('%d/%m/%Y')}: 6 por revisar."
    )
    assert [caption(page, q) for q in Queue] == [
        "Conciliadas (2)",
        "Pendientes resueltas en Wompi (1)",
        "Montos distintos (1)",
        "Sin pedido (1)",
        "Pagadas sin Wompi (1)",
        "Pago doble (1)",
        "Aprobado tras cancelar (1)",
    ]
    expected = {
        Queue.MATCHED: [
            (refs["matched"], APPROVED, APPROVED, "$ 25.000"),
            (refs["duplicate_payment"], APPROVED, APPROVED, "$ 50.000"),
        ],
        Queue.STALE_PENDING: [(refs["stale_pending"], APPROVED, PENDING, "$ 30.000")],
        Queue.AMOUNT_MISMATCH: [(refs["amount_mismatch"], APPROVED, PENDING, "$ 39.000")],
        Queue.ORPHAN: [(refs["orphan"], APPROVED, NONE, "$ 12.000")],
        Queue.PAID_WITHOUT_APPROVAL: [(refs["paid_without_approval"], NONE, APPROVED, "$ 70.000")],
        Queue.DUPLICATE_PAYMENT: [(refs["duplicate_payment"], APPROVED, APPROVED, "$ 50.000")],
        Queue.APPROVED_AFTER_CANCEL: [
            (refs["approved_after_cancel"], APPROVED, PENDING, "$ 60.000")
        ],
    }
    for queue, rows in expected.items():
        tab = open_queue(qtbot, page, queue)
        assert sorted(shown_rows(tab)) == sorted(rows), queue
    mismatch = open_queue(qtbot, page, Queue.AMOUNT_MISMATCH)
    assert cell(mismatch, 0, Column.LOCAL_AMOUNT) == "$ 40.000"  # ours beside Wompi's
    assert mismatch.summary.text() == "1 transacción · $ 39.000"


def test_aplicar_estado_de_wompi_pays_the_order_and_moves_the_row_to_conciliadas(
    qtbot, page, refs, stack
) -> None:
    stale = refs["stale_pending"]
    number = order_of(stack, stale)
    assert stack.order_status(number) is OrderStatus.AWAITING_PAYMENT  # nobody heard yet
    reconcile_last_7_days(qtbot, page)
    tab = open_queue(qtbot, page, Queue.STALE_PENDING)

    click(qtbot, tab, "Aplicar estado de Wompi")
    dialog = reason_dialog(qtbot)
    assert dialog.reason.text() == "Estado final confirmado en Wompi al conciliar."
    type_and_enter(qtbot, "Visto aprobado en el panel de Wompi")

    qtbot.waitUntil(
        lambda: caption(page, Queue.STALE_PENDING) == "Pendientes resueltas en Wompi (0)",
        timeout=WAIT_MS,
    )
    assert page.tabs.current_widget() is tab  # the clerk stays where they were
    assert shown_rows(tab) == [] and tab.empty.isVisible()
    assert caption(page, Queue.MATCHED) == "Conciliadas (3)"
    matched = open_queue(qtbot, page, Queue.MATCHED)
    assert sorted(shown_rows(matched)) == sorted(
        [
            (refs["matched"], APPROVED, APPROVED, "$ 25.000"),
            (refs["duplicate_payment"], APPROVED, APPROVED, "$ 50.000"),
            (stale, APPROVED, APPROVED, "$ 30.000"),
        ]
    )
    assert page.message.text() == "Se aplicó el estado de Wompi a 1 pago(s)."

    assert stack.order_status(number) is OrderStatus.PAID
    last = stack.history(stale)[-1]
    assert (last.from_status, last.to_status, last.source) == (
        PaymentStatus.PENDING,
        PaymentStatus.APPROVED,
        StatusSource.RECONCILE,
    )
    assert f"actor={ACTOR}" in last.evidence
    [(actor, detail)] = audited(stack, "reconcile.applied")
    assert actor == ACTOR
    assert f"reference={stale} " in detail
    assert detail.endswith("reason=Visto aprobado en el panel de Wompi")


def test_marcar_como_resuelta_after_a_cancel_needs_a_reason_and_is_audited(
    qtbot, page, refs, stack
) -> None:
    late = refs["approved_after_cancel"]
    number = order_of(stack, late)
    reconcile_last_7_days(qtbot, page)
    tab = open_queue(qtbot, page, Queue.APPROVED_AFTER_CANCEL)
    assert not tab.detail.isVisible()  # nothing chosen yet

    click_row(qtbot, tab, 0)
    assert tab.detail.isVisible()
    assert tab.detail.text() == (
        f"Detalle: Wompi aprobó $ 60.000 del pedido {number} después de que el pedido fue "
        "cancelado: devuelva el dinero o recupere la venta."
    )

    click(qtbot, tab, "Marcar como resuelta")
    dialog = reason_dialog(qtbot)
    assert dialog.reason.text() == ""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # no reason yet
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert "motivo" in dialog.problem.text()
    assert audited(stack, "reconcile.resolved") == []
    type_and_enter(qtbot, "Se devolvio el dinero al cliente")

    qtbot.waitUntil(lambda: cell(tab, 0, Column.HANDLED) == "✔ Resuelta", timeout=WAIT_MS)
    assert page.message.text() == "1 fila(s) marcadas como resueltas."
    assert not named(tab, QPushButton, "Marcar como resuelta").isEnabled()  # nothing left
    [(actor, detail)] = audited(stack, "reconcile.resolved")
    assert actor == ACTOR
    assert detail.startswith(f"queue=approved_after_cancel order={number} reference={late} ")
    assert detail.endswith("reason=Se devolvio el dinero al cliente")
    # Resolving records who and why; it changes no payment (the money is still to return).
    assert stack.order_status(number) is OrderStatus.CANCELLED
    assert stack.history(late)[-1].to_status is PaymentStatus.PENDING
    assert audited(stack, "reconcile.applied") == []
