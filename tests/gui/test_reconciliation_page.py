"""Conciliación over a fake BackOffice: range, progress, cancel, queues, actions, CSV, chart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QCategoryAxis
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton

from mestore_desktop.domain.reconciliation import Queue
from mestore_desktop.settings import SettingsError
from mestore_desktop.ui.pages.reconciliation import ReconciliationPage
from mestore_desktop.ui.reconciliation.date_range import Preset, bogota_today, preset_range
from mestore_desktop.ui.reconciliation.queue_model import Column, Handled, QueueRowsModel
from mestore_desktop.ui.reconciliation.reason_dialog import ReasonDialog
from mestore_desktop.ui.reconciliation.summary import figures
from mestore_desktop.ui.reconciliation.totals import nice_step, pivot
from tests.gui.reconciliation_fakes import (
    ACTOR,
    DAY,
    DAY_BEFORE,
    FakeBackOffice,
    sample_result,
)

pytestmark = pytest.mark.gui
TODAY = date(2026, 11, 26)


@pytest.fixture
def office() -> FakeBackOffice:
    return FakeBackOffice()


@pytest.fixture
def page(qtbot, qloop_running, office, tmp_path):
    built = ReconciliationPage(
        office, today=lambda: TODAY, export_folder=lambda: tmp_path / "exports"
    )
    (tmp_path / "exports").mkdir()
    qtbot.addWidget(built)
    built.resize(1280, 720)
    built.show()
    qtbot.waitExposed(built)
    built.activateWindow()
    return built


def run_to_result(qtbot, page: ReconciliationPage) -> None:
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.result is not None and not page.running)


def tab_titles(page: ReconciliationPage) -> list[str]:
    return page.tabs.captions()


def open_dialog(qtbot, page: ReconciliationPage) -> ReasonDialog:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ReasonDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ReasonDialog)
    return dialog


# -- without a back office -------------------------------------------------------------------


def test_without_a_back_office_the_page_explains_what_it_will_offer(qtbot) -> None:
    page = ReconciliationPage(None)
    qtbot.addWidget(page)
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert page.title == "Conciliación"
    assert any("transacciones de Wompi de un rango de fechas" in t for t in texts)
    assert not page.findChildren(QPushButton)


# -- the range -------------------------------------------------------------------------------


def test_presets_are_bogota_days() -> None:
    assert preset_range(Preset.TODAY, TODAY) == (TODAY, TODAY)
    assert preset_range(Preset.YESTERDAY, TODAY) == (date(2026, 11, 25), date(2026, 11, 25))
    assert preset_range(Preset.LAST_7_DAYS, TODAY) == (date(2026, 11, 20), TODAY)
    assert preset_range(Preset.THIS_MONTH, TODAY) == (date(2026, 11, 1), TODAY)


def test_today_is_bogota_s_day_not_utc_s() -> None:
    from datetime import UTC, datetime

    # 02:00 UTC on the 27th is still 21:00 on the 26th in Bogotá.
    assert bogota_today(datetime(2026, 11, 27, 2, 0, tzinfo=UTC)) == date(2026, 11, 26)


def test_a_preset_sets_the_dates_and_conciliar_sends_them(qtbot, page, office) -> None:
    qtbot.mouseClick(page.range_bar.presets[Preset.LAST_7_DAYS], Qt.MouseButton.LeftButton)
    assert page.range_bar.range() == (date(2026, 11, 20), TODAY)
    assert page.range_bar.presets[Preset.LAST_7_DAYS].isChecked()
    assert not page.range_bar.presets[Preset.TODAY].isChecked()

    run_to_result(qtbot, page)

    assert office.reconciliation.runs == [(date(2026, 11, 20), TODAY)]


def test_enter_in_the_dates_runs_the_reconciliation(qtbot, page, office) -> None:
    page.range_bar.first.setFocus()
    QTest.keyClick(page.range_bar.first, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.result is not None)
    assert office.reconciliation.runs == [(TODAY, TODAY)]


# -- fetching --------------------------------------------------------------------------------


def test_progress_shows_pages_and_transactions_while_fetching(qtbot, page, office) -> None:
    office.reconciliation.hold = True
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: page.progress.label.text() == "Página 2 · 250 transacciones")
    assert page.progress.isVisible()
    assert not page.run_button.isEnabled()
    assert page.progress.cancel.hasFocus()

    office.reconciliation.release.set()
    qtbot.waitUntil(lambda: page.result is not None)
    assert not page.progress.isVisible()
    assert page.run_button.isEnabled()


def test_esc_cancels_the_fetch_and_says_nothing_changed(qtbot, page, office) -> None:
    office.reconciliation.hold = True
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.progress.label.text().startswith("Página 2"))

    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)

    qtbot.waitUntil(lambda: office.reconciliation.cancelled == 1)
    assert "cancelada" in page.message.text()
    assert "no se cambió nada" in page.message.text()
    assert not page.progress.isVisible()
    assert page.run_button.isEnabled()
    assert page.result is None


def test_cancelar_button_cancels_too_and_a_new_run_works(qtbot, page, office) -> None:
    office.reconciliation.hold = True
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.progress.label.text().startswith("Página 2"))
    qtbot.mouseClick(page.progress.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: office.reconciliation.cancelled == 1)

    office.reconciliation.hold = False
    run_to_result(qtbot, page)
    assert len(office.reconciliation.runs) == 2


def test_a_user_facing_error_is_said_as_it_is(qtbot, page, office) -> None:
    problem = "Falta la llave privada de Wompi: guárdela en Ajustes › Wompi."
    office.reconciliation.error = SettingsError(problem)
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: page.message.text() == problem)
    assert page.message.property("status") == "error"
    assert page.result is None and page.run_button.isEnabled()


def test_an_unexpected_error_shows_one_plain_sentence_and_goes_to_the_log(
    qtbot, page, office, caplog
) -> None:
    office.reconciliation.error = RuntimeError("https://api.example/v1?key=prv_secret")
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: page.message.isVisible())
    assert "prv_secret" not in page.message.text()
    assert "registro" in page.message.text()
    assert "reconciliation failed" in caplog.text


# -- the result ------------------------------------------------------------------------------


def test_each_queue_has_its_tab_with_count_in_the_title(qtbot, page) -> None:
    run_to_result(qtbot, page)

    assert tab_titles(page) == [
        "Conciliadas (2)",
        "Pendientes resueltas en Wompi (2)",
        "Montos distintos (1)",
        "Sin pedido (1)",
        "Pagadas sin Wompi (1)",
        "Pago doble (1)",
        "Aprobado tras cancelar (0)",
        "Totales por medio y día",
    ]
    # The first queue that needs a person is open.
    assert page.tabs.current_widget() is page.queue_tabs[Queue.STALE_PENDING]


def test_each_tab_says_its_count_and_total_and_lists_its_rows(qtbot, page) -> None:
    run_to_result(qtbot, page)
    result = sample_result()

    expected = {
        Queue.MATCHED: "2 transacciones · $ 35.000",
        Queue.STALE_PENDING: "2 transacciones · $ 30.000 (aprobado: $ 25.000)",
        Queue.AMOUNT_MISMATCH: "1 transacción · $ 25.000",
        Queue.APPROVED_AFTER_CANCEL: "0 transacciones · $ 0",
    }
    for queue, text in expected.items():
        assert page.queue_tabs[queue].summary.text() == text
    for queue in Queue:
        tab = page.queue_tabs[queue]
        assert [tab.model.row_at(n) for n in range(tab.model.rowCount())] == list(
            result.rows(queue)
        )
    empty_queue = page.queue_tabs[Queue.APPROVED_AFTER_CANCEL]
    assert not empty_queue.empty.isHidden() and empty_queue.table.isHidden()


def test_rows_read_for_people(qtbot) -> None:
    model = QueueRowsModel()
    model.set_rows(sample_result().rows(Queue.AMOUNT_MISMATCH))
    cell = lambda c: model.data(model.index(0, c))  # noqa: E731
    assert cell(Column.REFERENCE) == "T01-000005-1"
    assert cell(Column.TRANSACTION) == "tx-5"
    assert cell(Column.WOMPI_STATUS) == "✔ Aprobado"
    assert cell(Column.AMOUNT) == "$ 25.000"
    assert cell(Column.LOCAL_AMOUNT) == "$ 30.000"
    assert cell(Column.ORDER) == "5"
    assert cell(Column.METHOD) == "Tarjeta"
    assert cell(Column.DAY) == "26/11/2026"
    model.set_rows(sample_result().rows(Queue.ORPHAN))
    assert cell(Column.LOCAL_STATUS) == "— sin registro"
    assert cell(Column.ORDER) == "—"


def test_queue_rows_model_passes_qt_model_tester(qtmodeltester) -> None:
    model = QueueRowsModel()
    model.set_rows(sample_result().rows(Queue.STALE_PENDING))
    qtmodeltester.check(model)


def test_the_summary_strip_compares_sales_with_wompi(qtbot, page) -> None:
    shown = figures(sample_result())
    assert (shown.sold_cents, shown.approved_cents) == (9_000_000, 13_500_000)
    assert shown.difference_cents == 4_500_000
    assert shown.cash_cents == 5_500_000
    assert shown.open_exceptions == 6

    run_to_result(qtbot, page)
    strip = page.summary
    assert strip.sold.text() == "$ 90.000"
    assert strip.approved.text() == "$ 135.000"
    assert strip.difference.text() == "⚠ $ 45.000"
    assert strip.cash.text() == "$ 55.000"
    assert strip.open.text() == "⚠ 6 por revisar"


# -- row actions -----------------------------------------------------------------------------


def test_aplicar_estado_de_wompi_applies_to_every_stale_row_with_a_default_reason(
    qtbot, page, office
) -> None:
    run_to_result(qtbot, page)
    tab = page.queue_tabs[Queue.STALE_PENDING]
    assert tab.action is not None and tab.action.text() == "Aplicar estado de Wompi"

    qtbot.mouseClick(tab.action, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page)
    assert "Quién: ana" in [label.text() for label in dialog.findChildren(QLabel)]
    assert dialog.reason.text()  # a default reason, optional to change
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: len(office.reconciliation.applied) == 1)
    rows, actor, reason = office.reconciliation.applied[0]
    assert rows == list(sample_result().rows(Queue.STALE_PENDING))
    assert actor == ACTOR
    assert reason == "Estado final confirmado en Wompi al conciliar."
    qtbot.waitUntil(lambda: tab.model.handled(1) is not None)
    assert tab.model.data(tab.model.index(0, Column.HANDLED)) == "✔ Estado de Wompi aplicado"
    assert not tab.action.isEnabled()  # nothing left to apply
    assert "Se aplicó el estado de Wompi a 2 pago(s)" in page.message.text()


def test_aplicar_on_a_selection_applies_only_to_it(qtbot, page, office) -> None:
    run_to_result(qtbot, page)
    tab = page.queue_tabs[Queue.STALE_PENDING]
    tab.table.selectRow(1)
    qtbot.mouseClick(tab.action, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page)
    dialog.reason.setText("Visto en el panel de Wompi")
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: len(office.reconciliation.applied) == 1)
    rows, _actor, reason = office.reconciliation.applied[0]
    assert rows == [sample_result().rows(Queue.STALE_PENDING)[1]]
    assert reason == "Visto en el panel de Wompi"
    qtbot.waitUntil(lambda: tab.model.handled(1) is not None)
    assert tab.model.handled(0) is None
    assert tab.action.isEnabled()


def test_marcar_como_resuelta_needs_a_reason_and_is_recorded(qtbot, page, office) -> None:
    run_to_result(qtbot, page)
    page.tabs.set_current(Queue.AMOUNT_MISMATCH)
    tab = page.queue_tabs[Queue.AMOUNT_MISMATCH]
    tab.table.selectRow(0)
    assert tab.action is not None and tab.action.text() == "Marcar como resuelta"
    qtbot.mouseClick(tab.action, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page)
    assert dialog.reason.text() == ""

    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)  # no reason: refused, stays open
    assert dialog.isVisible()
    assert dialog.problem.isVisible() and "motivo" in dialog.problem.text()
    assert office.reconciliation.resolved == []

    QTest.keyClicks(dialog.reason, "Se cobro la diferencia en efectivo")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: len(office.reconciliation.resolved) == 1)
    assert office.reconciliation.resolved[0] == (
        sample_result().rows(Queue.AMOUNT_MISMATCH)[0],
        ACTOR,
        "Se cobro la diferencia en efectivo",
    )
    qtbot.waitUntil(lambda: tab.model.handled(0) is not None)
    assert tab.model.data(tab.model.index(0, Column.HANDLED)) == "✔ Resuelta"


def test_marcar_como_resuelta_without_a_selection_asks_for_one(qtbot, page, office) -> None:
    run_to_result(qtbot, page)
    tab = page.queue_tabs[Queue.ORPHAN]
    page.tabs.set_current(tab.queue)
    tab.table.clearSelection()
    qtbot.mouseClick(tab.action, Qt.MouseButton.LeftButton)

    assert tab.hint.isVisible() and "Seleccione" in tab.hint.text()
    assert QApplication.activeModalWidget() is None
    assert office.reconciliation.resolved == []


def test_conciliadas_offers_no_action(qtbot, page) -> None:
    run_to_result(qtbot, page)
    assert page.queue_tabs[Queue.MATCHED].action is None


@pytest.mark.parametrize("how", ["esc", "cancelar", "x"])
def test_the_reason_dialog_closes_every_way_and_gives_the_page_back(
    qtbot, page, office, how
) -> None:
    run_to_result(qtbot, page)
    tab = page.queue_tabs[Queue.STALE_PENDING]
    qtbot.mouseClick(tab.action, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page)

    if how == "esc":
        QTest.keyClick(dialog.reason, Qt.Key.Key_Escape)
    elif how == "cancelar":
        cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancelar")
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    else:
        dialog.close()

    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert page.dialog is None
    assert office.reconciliation.applied == []
    assert tab.table.hasFocus()


# -- CSV -------------------------------------------------------------------------------------


def test_exportar_csv_asks_a_folder_and_says_where_the_files_went(
    qtbot, page, office, tmp_path
) -> None:
    assert not page.export_button.isEnabled()  # nothing to export yet
    run_to_result(qtbot, page)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QFileDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QFileDialog)
    assert Path(dialog.directory().absolutePath()) == tmp_path / "exports"
    target = tmp_path / "exports" / "noviembre"
    target.mkdir()
    dialog.selectFile(str(target))
    dialog.accept()

    qtbot.waitUntil(lambda: "archivos CSV" in page.message.text())
    assert page.message.text() == f"Se guardaron 8 archivos CSV en {target}."
    assert [p.parent for p in office.reconciliation.exported] == [target] * 8
    assert all(p.is_file() for p in office.reconciliation.exported)
    qtbot.waitUntil(lambda: page.dialog is None)


def test_closing_the_folder_dialog_exports_nothing(qtbot, page, office) -> None:
    run_to_result(qtbot, page)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QFileDialog))
    QTest.keyClick(QApplication.activeModalWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert office.reconciliation.exported == []
    assert page.export_button.hasFocus()


# -- totals ----------------------------------------------------------------------------------


def test_totals_table_has_days_by_methods_with_cash(qtbot, page) -> None:
    run_to_result(qtbot, page)
    table = page.totals.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Día", "Efectivo", "Tarjeta", "Nequi", "Total"]
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(3)]
    assert rows == [
        ["25/11/2026", "$ 40.000 (2)", "—", "$ 10.000 (1)", "$ 50.000 (3)"],
        ["26/11/2026", "$ 15.000 (1)", "$ 125.000 (5)", "—", "$ 140.000 (6)"],
        ["Total", "$ 55.000 (3)", "$ 125.000 (5)", "$ 10.000 (1)", "$ 190.000 (9)"],
    ]


def test_chart_has_a_set_per_method_and_a_category_per_day(qtbot, page) -> None:
    run_to_result(qtbot, page)
    series = page.totals.series
    assert series is not None
    sets = {s.label(): [s.at(i) for i in range(s.count())] for s in series.barSets()}
    assert sets == {
        "Efectivo": [40_000.0, 15_000.0],
        "Tarjeta": [0.0, 125_000.0],
        "Nequi": [10_000.0, 0.0],
    }
    axes = page.totals.chart.axes()
    days = next(a for a in axes if isinstance(a, QBarCategoryAxis))
    assert days.categories() == ["25/11", "26/11"]
    money_axis = next(a for a in axes if isinstance(a, QCategoryAxis))
    labels = money_axis.categoriesLabels()
    assert labels[0] == "$ 0" and labels[-1] == "$ 150.000"
    assert all(label.startswith("$ ") for label in labels)


def test_pivot_and_steps() -> None:
    table = pivot(sample_result().totals)
    assert table.days == (DAY_BEFORE, DAY)
    assert table.methods == ("CASH", "CARD", "NEQUI")
    assert nice_step(14_000_000) == 5_000_000
    assert nice_step(0) == 100


# -- focus -----------------------------------------------------------------------------------


def test_selection_model_is_row_based(qtbot, page) -> None:
    run_to_result(qtbot, page)
    tab = page.queue_tabs[Queue.STALE_PENDING]
    selection = tab.table.selectionModel()
    selection.select(
        tab.model.index(0, 3),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert tab.selected_rows() == [0]


# -- after an action -------------------------------------------------------------------------


def test_applied_rows_move_to_conciliadas_when_the_service_can_rematch(qtbot, page, office) -> None:
    from dataclasses import replace
    from types import MappingProxyType

    before = sample_result()
    moved = tuple(replace(r, queue=Queue.MATCHED) for r in before.rows(Queue.STALE_PENDING))
    after_queues = dict(before.queues)
    after_queues[Queue.MATCHED] = before.rows(Queue.MATCHED) + moved
    after_queues[Queue.STALE_PENDING] = ()
    rematched: list[tuple[date, date]] = []

    async def rematch(first: date, last: date):
        rematched.append((first, last))
        queues = MappingProxyType(after_queues)
        return replace(before, first_day=first, last_day=last, queues=queues)

    office.reconciliation.rematch = rematch  # type: ignore[attr-defined]
    run_to_result(qtbot, page)
    tab = page.queue_tabs[Queue.STALE_PENDING]
    qtbot.mouseClick(tab.action, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(open_dialog(qtbot, page).ok, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: tab_titles(page)[1] == "Pendientes resueltas en Wompi (0)")
    assert rematched == [(TODAY, TODAY)]
    assert tab_titles(page)[0] == "Conciliadas (4)"
    assert page.tabs.current_widget() is tab  # the clerk stays where they were


def test_resolved_rows_stay_marked_after_a_new_run(qtbot, page, office) -> None:
    run_to_result(qtbot, page)
    tab = page.queue_tabs[Queue.ORPHAN]
    page.tabs.set_current(tab.queue)
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.action, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, page)
    QTest.keyClicks(dialog.reason, "Pago de prueba del banco")
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.model.handled(0) is not None)

    page.result = None
    run_to_result(qtbot, page)

    assert tab.model.data(tab.model.index(0, Column.HANDLED)) == "✔ Resuelta"
    assert not tab.action.isEnabled()


# -- the queue switcher ----------------------------------------------------------------------


def test_queue_buttons_are_named_without_the_count_and_switch_by_keys(qtbot, page) -> None:
    run_to_result(qtbot, page)
    buttons = page.tabs.buttons
    assert buttons[Queue.ORPHAN].accessibleName() == "Sin pedido"
    assert buttons[Queue.ORPHAN].text() == "Sin pedido (1)"
    assert buttons[Queue.STALE_PENDING].hasFocus()  # the first queue to look at has the keys

    QTest.keyClick(buttons[Queue.STALE_PENDING], Qt.Key.Key_Right)
    assert page.tabs.current() is Queue.AMOUNT_MISMATCH
    QTest.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier
    )
    assert page.tabs.current() is Queue.ORPHAN
    QTest.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier
    )
    assert page.tabs.current() is Queue.AMOUNT_MISMATCH
    qtbot.mouseClick(buttons["totals"], Qt.MouseButton.LeftButton)
    assert page.tabs.current_widget() is page.totals


def test_queues_that_need_a_person_are_marked(qtbot, page) -> None:
    run_to_result(qtbot, page)
    marked = {q for q in Queue if page.tabs.buttons[q].property("attention") == "true"}
    assert marked == {
        Queue.STALE_PENDING,
        Queue.AMOUNT_MISMATCH,
        Queue.ORPHAN,
        Queue.PAID_WITHOUT_APPROVAL,
        Queue.DUPLICATE_PAYMENT,
    }


def test_every_control_has_a_name_with_results_and_in_the_day_close(qtbot, page) -> None:
    from mestore_desktop.ui.day_close.dialog import DayCloseDialog
    from tests.journeys.test_accessible_names import unnamed_controls

    run_to_result(qtbot, page)
    for key in page.tabs.buttons:
        page.tabs.set_current(key)
        assert unnamed_controls() == [], key
    qtbot.mouseClick(page.day_close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), DayCloseDialog))
    assert unnamed_controls() == []


def test_a_sale_with_several_transactions_is_sold_once() -> None:
    from types import MappingProxyType

    from mestore_desktop.domain.payment import PaymentStatus
    from mestore_desktop.domain.reconciliation import Reconciliation
    from tests.gui.reconciliation_fakes import row

    same = {"reference": "T01-000009-1", "order_number": 9}
    queues = {q: () for q in Queue}
    queues[Queue.MATCHED] = (row(Queue.MATCHED, 9, cents=1_850_000, **same),)
    queues[Queue.DUPLICATE_PAYMENT] = (
        row(Queue.DUPLICATE_PAYMENT, 10, cents=1_850_000, **same),  # charged twice
    )
    queues[Queue.AMOUNT_MISMATCH] = (
        row(
            Queue.AMOUNT_MISMATCH,
            11,
            cents=1_000_000,
            local_amount_cents=1_850_000,
            status=PaymentStatus.DECLINED,
            **same,
        ),
    )
    shown = figures(Reconciliation(DAY, DAY, MappingProxyType(queues), ()))
    assert shown.sold_cents == 1_850_000
    assert shown.approved_cents == 3_700_000
    assert shown.difference_cents == 1_850_000  # the second charge, to refund


def test_the_current_row_s_detail_is_shown_in_full_under_the_table(qtbot, page) -> None:
    run_to_result(qtbot, page)
    tab = page.queue_tabs[Queue.STALE_PENDING]
    assert tab.detail.isHidden()
    assert tab.table.isColumnHidden(Column.HANDLED)  # nothing handled yet: no empty column

    tab.table.selectRow(1)

    assert tab.detail.text() == "Detalle: Fila 4 de stale_pending."
    assert not tab.detail.isHidden()
    tab.mark([1], Handled.APPLIED)
    assert not tab.table.isColumnHidden(Column.HANDLED)
