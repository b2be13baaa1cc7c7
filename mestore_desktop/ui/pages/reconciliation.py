"""Reconciliation (Conciliación): did every sale get paid, and did every payment belong to a sale?

Staff pick a range of Bogotá days and press *Conciliar* (Enter): every Wompi transaction of those
days is fetched (a busy bar with the pages and transactions so far; *Cancelar* or Esc stops it),
matched against our attempts, and shown as a summary, one tab per queue (its count in the title)
and the approved totals by method and day. Exceptions get their action: *Aplicar estado de
Wompi* for pendings Wompi already decided, *Marcar como resuelta* (with a reason) for the rest;
both are audited with who and why. *Exportar CSV* writes every queue; *Cierre del día* opens the
day close of this terminal.

Built without a `BackOffice` (no database yet), the page only explains what it will offer.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.reconciliation import EXCEPTION_QUEUES, Queue, Reconciliation
from mestore_desktop.ui.day_close.dialog import DayCloseDialog, StoreInfo
from mestore_desktop.ui.errors import is_user_facing, user_message
from mestore_desktop.ui.qt_async import run_op
from mestore_desktop.ui.reconciliation import export
from mestore_desktop.ui.reconciliation.date_range import DateRangeBar, bogota_today
from mestore_desktop.ui.reconciliation.progress import ProgressBridge, ProgressRow
from mestore_desktop.ui.reconciliation.queue_model import Handled
from mestore_desktop.ui.reconciliation.queue_tab import QueueTab
from mestore_desktop.ui.reconciliation.reason_dialog import ReasonDialog
from mestore_desktop.ui.reconciliation.summary import SummaryStrip
from mestore_desktop.ui.reconciliation.switcher import Switcher
from mestore_desktop.ui.reconciliation.totals import TotalsView
from mestore_desktop.ui.reconciliation.words import queue_name
from mestore_desktop.ui.theme import set_style_property

if TYPE_CHECKING:
    from mestore_desktop.domain.reconciliation import QueueRow
    from mestore_desktop.services.back_office import BackOffice

log = logging.getLogger(__name__)
TOTALS = "totals"  # the switcher's key of the totals, beside the queues


def _placeholder_body() -> str:
    return QCoreApplication.translate(
        "ReconciliationPage",
        "Aquí compararás tus ventas con las transacciones de Wompi de un rango de fechas "
        "para encontrar pagos pendientes, montos distintos o cobros dobles.",
    )


class ReconciliationPage(QWidget):
    """The Conciliación page over a `BackOffice` (or the explanation, without one)."""

    def __init__(
        self,
        back_office: BackOffice | None = None,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = bogota_today,
        export_folder: Callable[[], Path] = export.default_export_folder,
        store: StoreInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = QCoreApplication.translate("ReconciliationPage", "Conciliación")
        self.back_office = back_office
        self.result: Reconciliation | None = None
        self._today = today
        self._export_folder = export_folder
        self._store = store  # name and NIT for the day close PDF (settings), if given
        self._task: asyncio.Task[Reconciliation] | None = None
        # What staff did this session, by row, so a re-run or a rematch still shows it.
        self._handled: dict[tuple[str, str, Queue], Handled] = {}
        self.dialog: QWidget | None = None  # the dialog open over the page, if any
        heading = QLabel(self.title, self)
        heading.setObjectName("PageTitle")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(24, 16, 24, 16)
        if back_office is None:
            self._build_placeholder(heading)
            return
        self._build(heading)

    # -- building ----------------------------------------------------------------------------

    def _build_placeholder(self, heading: QLabel) -> None:
        text = QLabel(_placeholder_body(), self)
        text.setObjectName("PlaceholderText")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout.setContentsMargins(32, 24, 32, 24)
        self._layout.addWidget(heading)
        self._layout.addSpacing(8)
        self._layout.addWidget(text)
        self._layout.addStretch(1)

    def _build(self, heading: QLabel) -> None:
        self.day_close_button = self._button(self.tr("Cierre del día"), self.open_day_close)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.day_close_button)
        self.range_bar = DateRangeBar(self._today, self)
        self.run_button = self._button(self.tr("Conciliar"), self.run)
        self.run_button.setToolTip(self.tr("Consultar Wompi y comparar (Enter)"))
        # Enter on the focused button runs it, as the tooltip promises (outside a dialog Qt
        # clicks only auto-default buttons on Enter).
        self.run_button.setAutoDefault(True)
        self.export_button = self._button(self.tr("Exportar CSV"), self.ask_export)
        self.export_button.setEnabled(False)
        controls = QHBoxLayout()
        controls.addWidget(self.range_bar)
        controls.addWidget(self.run_button)
        controls.addStretch(1)
        controls.addWidget(self.export_button)
        self.progress = ProgressRow(self)
        self.progress.cancel.clicked.connect(self.cancel)
        self.bridge = ProgressBridge(self)
        self.bridge.reported.connect(self.progress.show_progress)
        self.message = QLabel("", self)
        self.message.setObjectName("PageMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.empty = QLabel(
            self.tr(
                "Elija los días y pulse Conciliar: MeStore traerá de Wompi cada transacción de "
                "esos días y la comparará con sus ventas. Necesita la llave privada de Wompi "
                "(Ajustes › Secretos)."
            ),
            self,
        )
        self.empty.setObjectName("PlaceholderText")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary = SummaryStrip(self)
        self.tabs = self._build_tabs()
        results = QWidget(self)
        inner = QVBoxLayout(results)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.summary)
        inner.addWidget(self.tabs, 1)
        # Before the first run the explanation; after it the results (never both).
        self.body = QStackedWidget(self)
        self.body.addWidget(self.empty)
        self.body.addWidget(results)
        for row in (top, controls):
            self._layout.addLayout(row)
        for widget in (self.progress, self.message):
            self._layout.addWidget(widget)
        self._layout.addWidget(self.body, 1)
        self._shortcuts()

    def _button(self, caption: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(caption, self)
        button.setAccessibleName(caption)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _build_tabs(self) -> Switcher:
        tabs = Switcher(self)
        tabs.setAccessibleName(self.tr("Colas de conciliación"))
        self.queue_tabs: dict[Queue, QueueTab] = {}
        for queue in Queue:
            tab = QueueTab(queue, tabs)
            tab.act.connect(self._act)
            tabs.add(queue, queue_name(queue), tab)
            self.queue_tabs[queue] = tab
        self.totals = TotalsView(tabs)
        tabs.add(TOTALS, self.tr("Totales por medio y día"), self.totals)
        return tabs

    def _shortcuts(self) -> None:
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(key), self.range_bar)
            enter.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            enter.activated.connect(self.run)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.escape.activated.connect(self.cancel)
        self.escape.setEnabled(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Reached with Ctrl+4 the keyboard would stay on the first button (Cierre del día): put
        # it on Conciliar, so that Enter does what the page says.
        focus = QApplication.focusWidget()
        if self.back_office is not None and (focus is None or not self.isAncestorOf(focus)):
            self.run_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- running -----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def run(self) -> None:
        """*Conciliar*: fetch and match the chosen days (ignored while one run is going)."""
        if self.back_office is None or self.running:
            return
        first, last = self.range_bar.range()
        service = self.back_office.reconciliation
        bridge = self.bridge
        self._set_running(True)
        self._say("")
        self._task = run_op(
            self,
            lambda: service.run(first, last, bridge),
            on_success=self._on_result,
            on_error=self._on_failed,
        )

    def cancel(self) -> None:
        """*Cancelar* / Esc while fetching: stop the task; nothing was changed."""
        if not self.running:
            return
        assert self._task is not None  # noqa: S101  running says so
        self._task.cancel()
        self._task = None
        self._set_running(False)
        self._say(
            self.tr(
                "Conciliación cancelada: no se cambió nada. Pulse Conciliar para empezar de nuevo."
            )
        )
        self.run_button.setFocus()

    def _set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)
        self.range_bar.setEnabled(not running)
        self.escape.setEnabled(running)
        if running:
            self.progress.start()
        else:
            self.progress.hide()

    def _on_result(self, result: Reconciliation) -> None:
        self._task = None
        self._set_running(False)
        self.show_result(result)
        first, last = result.first_day, result.last_day
        self._say(
            self.tr("Conciliado del {first} al {last}: {open} por revisar.").format(
                first=first.strftime("%d/%m/%Y"),
                last=last.strftime("%d/%m/%Y"),
                open=result.open_exceptions(),
            )
        )
        self.tabs.buttons[self.tabs.current()].setFocus()

    def _on_failed(self, exc: Exception) -> None:
        self._task = None
        self._set_running(False)
        self._fail(exc)
        self.run_button.setFocus()

    def show_result(self, result: Reconciliation, *, keep_tab: bool = False) -> None:
        """Fill the summary, the queue tabs and the totals with one reconciliation."""
        self.result = result
        self.summary.show_result(result)
        for queue, tab in self.queue_tabs.items():
            rows = result.rows(queue)
            tab.show_rows(rows, result.total_cents(queue))
            for how in Handled:
                tab.mark([n for n, r in enumerate(rows) if self._handled.get(_key(r)) is how], how)
            self.tabs.set_caption(
                queue,
                f"{queue_name(queue)} ({result.count(queue)})",
                attention=queue is not Queue.MATCHED and bool(rows),
            )
        self.totals.show_totals(result.totals)
        self.body.setCurrentIndex(1)
        self.export_button.setEnabled(True)
        if not keep_tab:
            self._open_first_exception(result)

    def _open_first_exception(self, result: Reconciliation) -> None:
        """Show the first queue that needs a person, or Conciliadas when none does."""
        waiting = [q for q in EXCEPTION_QUEUES if result.count(q)]
        self.tabs.set_current(waiting[0] if waiting else Queue.MATCHED)

    # -- messages ----------------------------------------------------------------------------

    def _say(self, text: str, *, problem: bool = False) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        set_style_property(self.message, "status", "error" if problem else "")

    def _fail(self, exc: Exception) -> None:
        """Say what went wrong in plain words; the details go to the log."""
        if is_user_facing(exc):
            log.info("reconciliation: %s: %s", type(exc).__name__, exc)
        else:
            log.error("reconciliation failed", exc_info=(type(exc), exc, exc.__traceback__))
        self._say(user_message(exc), problem=True)

    # -- row actions -------------------------------------------------------------------------

    def _act(self, queue: Queue, rows: list[int]) -> None:
        if self.back_office is None:
            return
        tab = self.queue_tabs[queue]
        chosen = [tab.model.row_at(n) for n in rows]
        actor = self.back_office.actor
        if queue is Queue.STALE_PENDING:
            dialog = ReasonDialog(
                title=self.tr("Aplicar estado de Wompi"),
                text=self.tr(
                    "Se aplicará a {n} pago(s) el estado final que Wompi ya tiene (aprobado, "
                    "rechazado…). Queda en el registro de auditoría."
                ).format(n=len(chosen)),
                actor=actor,
                ok_caption=self.tr("Aplicar"),
                required=False,
                default_reason=self.tr("Estado final confirmado en Wompi al conciliar."),
                parent=self,
            )
            dialog.submitted.connect(lambda reason: self._apply(tab, rows, chosen, reason))
        else:
            dialog = ReasonDialog(
                title=self.tr("Marcar como resuelta"),
                text=self.tr(
                    "{n} fila(s) de «{queue}» quedarán marcadas como resueltas, con su motivo, "
                    "en el registro de auditoría."
                ).format(n=len(chosen), queue=queue_name(queue)),
                actor=actor,
                ok_caption=self.tr("Marcar como resuelta"),
                required=True,
                parent=self,
            )
            dialog.submitted.connect(lambda reason: self._resolve(tab, rows, chosen, reason))
        self._open_dialog(dialog, give_back=tab.table)

    def _apply(self, tab: QueueTab, rows: list[int], chosen: list[QueueRow], reason: str) -> None:
        assert self.back_office is not None  # noqa: S101  only reachable with one
        service, actor = self.back_office.reconciliation, self.back_office.actor
        reason = reason or self.tr("Estado final confirmado en Wompi al conciliar.")

        def applied(_changes: object) -> None:
            self._remember(chosen, Handled.APPLIED)
            tab.mark(rows, Handled.APPLIED)
            self._say(self.tr("Se aplicó el estado de Wompi a {n} pago(s).").format(n=len(rows)))
            self._rematch()

        run_op(
            self,
            lambda: service.apply_stale(chosen, actor, reason),
            on_success=applied,
            on_error=self._fail,
        )

    def _resolve(self, tab: QueueTab, rows: list[int], chosen: list[QueueRow], reason: str) -> None:
        assert self.back_office is not None  # noqa: S101  only reachable with one
        service, actor = self.back_office.reconciliation, self.back_office.actor

        async def resolve_each() -> tuple[list[int], Exception | None]:
            done: list[int] = []
            for number, row in zip(rows, chosen, strict=True):
                try:
                    await service.resolve(row, actor, reason)
                except Exception as exc:  # the ones before it stay resolved: say both
                    return done, exc
                done.append(number)
            return done, None

        def resolved(outcome: tuple[list[int], Exception | None]) -> None:
            done, problem = outcome
            self._remember([tab.model.row_at(n) for n in done], Handled.RESOLVED)
            tab.mark(done, Handled.RESOLVED)
            if problem is not None:
                self._fail(problem)
                return
            self._say(self.tr("{n} fila(s) marcadas como resueltas.").format(n=len(done)))

        run_op(self, resolve_each, on_success=resolved, on_error=self._fail)

    def _remember(self, rows: list[QueueRow], how: Handled) -> None:
        for row in rows:
            self._handled[_key(row)] = how

    def _rematch(self) -> None:
        """Match again against what was fetched, so applied rows move to Conciliadas. Only
        when the service can (it is not part of the contract); else the marks stay."""
        service = self.back_office.reconciliation if self.back_office else None
        rematch = getattr(service, "rematch", None)
        if self.result is None or not callable(rematch):
            return
        first, last = self.result.first_day, self.result.last_day
        run_op(
            self,
            lambda: rematch(first, last),
            on_success=lambda result: self.show_result(result, keep_tab=True),
            on_error=self._fail,
        )

    # -- dialogs -----------------------------------------------------------------------------

    def _open_dialog(self, dialog: QWidget, *, give_back: QWidget) -> None:
        self.dialog = dialog

        def closed(_result: int = 0) -> None:
            self.dialog = None
            if shiboken6.isValid(give_back) and give_back.isVisible():
                give_back.setFocus()
            if shiboken6.isValid(self) and self.isVisible():
                self.window().activateWindow()

        dialog.finished.connect(closed)  # type: ignore[attr-defined]
        dialog.open()  # type: ignore[attr-defined]

    def ask_export(self) -> None:
        """*Exportar CSV*: a folder picker, then one file per queue and the totals."""
        if self.result is None or self.back_office is None:
            return
        result, service = self.result, self.back_office.reconciliation

        def chosen(folder: Path) -> None:
            run_op(
                self,
                lambda: export.export(service, result, folder),
                on_success=lambda paths: self._say(export.exported_text(paths, folder)),
                on_error=self._fail,
            )

        self.dialog = export.ask_folder(
            self, self._export_folder(), chosen, lambda: self._dialog_closed(self.export_button)
        )

    def _dialog_closed(self, give_back: QWidget) -> None:
        self.dialog = None
        if shiboken6.isValid(give_back) and give_back.isVisible():
            self.window().activateWindow()
            give_back.setFocus()

    def open_day_close(self) -> None:
        """*Cierre del día* of this terminal, for the last day of the range."""
        if self.back_office is None:
            return
        day = self.range_bar.range()[1]
        dialog = DayCloseDialog(
            self.back_office,
            day,
            unresolved_hint=self._unresolved_on(day),
            store=self._store,
            parent=self,
        )
        self._open_dialog(dialog, give_back=self.day_close_button)

    def _unresolved_on(self, day: date) -> dict[Queue, int] | None:
        """Exception rows of *day* still open in the reconciliation on screen (None: no
        reconciliation covers that day)."""
        result = self.result
        if result is None or not result.first_day <= day <= result.last_day:
            return None
        counts: dict[Queue, int] = {}
        for queue in EXCEPTION_QUEUES:
            model = self.queue_tabs[queue].model
            open_rows = [
                n
                for n in range(model.rowCount())
                if model.row_at(n).day == day and model.handled(n) is None
            ]
            if open_rows:
                counts[queue] = len(open_rows)
        return counts


def _key(row: QueueRow) -> tuple[str, str, Queue]:
    """One row across runs: its reference, its transaction and its queue."""
    return row.reference, row.transaction_id, row.queue
