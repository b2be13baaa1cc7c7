"""*Cierre del día*: this terminal's expected money for a day, the cash counted, close and reopen.

The dialog loads the saved close of the day (if any) and a fresh preview. While the day is open,
staff type the cash counted ("25.000", "$ 25.000") and see the difference at once (sobrante or
faltante); a difference never blocks the close, it is recorded with the note. Payments still
pending are listed (they pass to the next day), and so are the reconciliation queues left
unresolved. A closed day shows who closed it and when, and offers *Reabrir* only with a reason
(audited). *Guardar PDF* writes the report, closed or not (a preview says so).

Nothing here blocks the event loop: the dialog and its sub-dialogs open with `open()`, and it
closes every way a person expects (Esc, *Cancelar*, the title bar's X).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.day_close import DayCloseRecord, DayCloseReport, TenderTotal
from mestore_desktop.domain.money import Money, MoneyError
from mestore_desktop.domain.reconciliation import Queue, bogota_day
from mestore_desktop.ui.day_close.words import (
    difference_status,
    difference_text,
    state_text,
    tender_word,
    unresolved_lines,
)
from mestore_desktop.ui.errors import is_user_facing, user_message
from mestore_desktop.ui.formatting import method_word
from mestore_desktop.ui.i18n import render_error
from mestore_desktop.ui.qt_async import run_op
from mestore_desktop.ui.reconciliation.date_range import from_qdate, to_qdate
from mestore_desktop.ui.reconciliation.reason_dialog import ReasonDialog
from mestore_desktop.ui.reports.day_close_pdf import default_filename, render_day_close_pdf
from mestore_desktop.ui.theme import set_style_property

if TYPE_CHECKING:
    from mestore_desktop.services.back_office import BackOffice

log = logging.getLogger(__name__)


# The store's name and NIT for the PDF's header, read when the PDF is made (a name changed in
# Ajustes a minute ago is the one printed).
StoreInfo = Callable[[], tuple[str, str]]


def store_of(back_office: object) -> tuple[str, str]:
    """Name and NIT when the back office carries them (the contract's does not: then none)."""
    name = getattr(back_office, "store_name", "") or ""
    nit = getattr(back_office, "store_nit", "") or ""
    return str(name), str(nit)


def default_pdf_folder() -> Path:
    """Documentos/MeStore/Cierres of the user, made on demand (home if it cannot be)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents or Path.home()) / "MeStore" / "Cierres"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.warning("day close folder not created (%s): %s", folder, exc.strerror)
        return Path.home()
    return folder


DIFFERENCE_MIN_WIDTH = 240


class DayCloseDialog(QDialog):
    """The day close of `back_office.terminal_id` for one day."""

    def __init__(
        self,
        back_office: BackOffice,
        day: date,
        *,
        unresolved_hint: Mapping[Queue, int] | None = None,
        pdf_folder: Callable[[], Path] = default_pdf_folder,
        store: StoreInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("DayCloseDialog")
        self.setWindowTitle(self.tr("Cierre del día"))
        self.setModal(True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.back_office = back_office
        self.terminal_id = back_office.terminal_id
        self._hint = unresolved_hint
        self._pdf_folder = pdf_folder
        self._store = store or (lambda: store_of(back_office))
        self.report: DayCloseReport | None = None  # the fresh preview (an open day)
        self.record: DayCloseRecord | None = None  # the saved close, if any
        self.sub_dialog: QWidget | None = None
        self._build(day)
        self.resize(820, 660)
        self.load()

    # -- building ----------------------------------------------------------------------------

    def _build(self, day: date) -> None:
        self.day_edit = QDateEdit(to_qdate(day), self)
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("dd/MM/yyyy")
        self.day_edit.setAccessibleName(self.tr("Día"))
        self.day_edit.dateChanged.connect(lambda _d: self.load())
        self.state = QLabel("", self)
        self.state.setObjectName("SectionTitle")
        self.state.setWordWrap(True)
        self.state.setAccessibleName(self.tr("Estado del cierre"))
        header = QHBoxLayout()
        header.addWidget(QLabel(self.tr("Terminal {terminal}").format(terminal=self.terminal_id)))
        day_label = QLabel(self.tr("Día"), self)
        day_label.setBuddy(self.day_edit)
        header.addSpacing(16)
        header.addWidget(day_label)
        header.addWidget(self.day_edit)
        header.addStretch(1)
        self.by_tender = self._totals_table(self.tr("Por medio de pago"))
        self.by_method = self._totals_table(self.tr("Por método de Wompi"))
        totals = QHBoxLayout()
        totals.addWidget(self._group(self.tr("Por medio de pago"), self.by_tender))
        totals.addWidget(self._group(self.tr("Por método de Wompi"), self.by_method))
        self.pending = self._list(self.tr("Pagos pendientes"))
        self.unresolved = self._list(self.tr("Colas sin resolver"))
        lists = QHBoxLayout()
        lists.addWidget(
            self._group(self.tr("Pagos pendientes (pasan al día siguiente)"), self.pending), 3
        )
        lists.addWidget(
            self._group(self.tr("Colas de conciliación sin resolver"), self.unresolved), 2
        )
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.hide()
        title = QLabel(self.tr("Cierre del día"), self)
        title.setObjectName("PageTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(header)
        layout.addWidget(self.state)
        layout.addLayout(totals)
        layout.addWidget(self._cash_box())
        layout.addLayout(lists, 1)
        layout.addWidget(self.message)
        layout.addLayout(self._buttons())

    def _group(self, title: str, content: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(6, 6, 6, 6)
        inner.addWidget(content)
        return box

    def _totals_table(self, name: str) -> QTableWidget:
        table = QTableWidget(0, 3, self)
        table.setAccessibleName(name)
        table.setHorizontalHeaderLabels([self.tr("Medio"), self.tr("Cantidad"), self.tr("Total")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.verticalHeader().hide()
        table.setMaximumHeight(150)  # three or four rows: the lists below want the room
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _list(self, name: str) -> QListWidget:
        widget = QListWidget(self)
        widget.setAccessibleName(name)
        widget.setWordWrap(True)
        widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        return widget

    def _cash_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Efectivo"), self)
        self.expected = QLabel("—", box)
        self.expected.setAccessibleName(self.tr("Efectivo esperado"))
        self.counted = QLineEdit(box)
        self.counted.setAccessibleName(self.tr("Efectivo contado"))
        self.counted.setPlaceholderText(self.tr("Por ejemplo 250.000"))
        self.counted.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.counted.textChanged.connect(lambda _text: self._show_difference())
        self.difference = QLabel("—", box)
        self.difference.setObjectName("DayCloseDifference")
        self.difference.setAccessibleName(self.tr("Diferencia"))
        # A typo's message is a sentence: it wraps in its column instead of widening the dialog.
        self.difference.setWordWrap(True)
        self.difference.setMinimumWidth(DIFFERENCE_MIN_WIDTH)
        self.note = QLineEdit(box)
        self.note.setAccessibleName(self.tr("Nota"))
        self.note.setPlaceholderText(
            self.tr("Opcional: por qué sobra o falta efectivo, quién contó…")
        )
        form = QFormLayout()
        form.addRow(self.tr("Efectivo esperado"), self.expected)
        form.addRow(self.tr("Efectivo contado"), self.counted)
        form.addRow(self.tr("Nota"), self.note)
        grid = QGridLayout(box)
        grid.addLayout(form, 0, 0)
        grid.addWidget(self.difference, 0, 1, Qt.AlignmentFlag.AlignCenter)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        return box

    def _buttons(self) -> QHBoxLayout:
        self.pdf_button = self._button(self.tr("Guardar PDF"), self.ask_pdf)
        self.reopen_button = self._button(self.tr("Reabrir"), self.ask_reopen)
        self.close_button = self._button(self.tr("Cerrar el día"), self.close_day)
        self.cancel_button = self._button(self.tr("Cancelar"), self.reject)
        row = QHBoxLayout()
        row.addWidget(self.pdf_button)
        row.addWidget(self.reopen_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        row.addWidget(self.cancel_button)
        return row

    def _button(self, caption: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(caption, self)
        button.setAccessibleName(caption)
        # No default button: Enter in the cash field must never close the day by accident.
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- loading -----------------------------------------------------------------------------

    @property
    def day(self) -> date:
        return from_qdate(self.day_edit.date())

    @property
    def is_closed(self) -> bool:
        return self.record is not None and not self.record.is_open

    def load(self) -> None:
        """Read the saved close and a fresh preview of the chosen day."""
        service, terminal, day = self.back_office.day_close, self.terminal_id, self.day

        async def both() -> tuple[DayCloseRecord | None, DayCloseReport]:
            record = await service.get(terminal, day)
            preview = await service.preview(terminal, day, None, "")
            return record, preview

        self._set_busy(True)
        run_op(self, both, on_success=self._loaded, on_error=self._failed)

    def _loaded(self, loaded: tuple[DayCloseRecord | None, DayCloseReport]) -> None:
        record, preview = loaded
        if preview.day != self.day:
            return  # the day changed meanwhile: its own load is on the way
        if self.report is not None and self.report.day != preview.day:
            self.counted.clear()  # what was counted belongs to the other day
            self.note.clear()
        self.record, self.report = record, self._with_hint(preview)
        self._set_busy(False)
        self._show()

    def _with_hint(self, report: DayCloseReport) -> DayCloseReport:
        """Unresolved queues from the reconciliation on screen, when the service had none."""
        if report.unresolved or not self._hint:
            return report
        hint = {q: n for q, n in self._hint.items() if n}
        return dataclasses.replace(report, unresolved=MappingProxyType(hint))

    def _show(self) -> None:
        shown = self.record.report if self.is_closed and self.record else self.report
        if shown is None:
            return
        self.state.setText(state_text(self.record))
        set_style_property(self.state, "status", "approved" if self.is_closed else "pending")
        self._fill_totals(self.by_tender, shown.by_tender, with_total=True)
        self._fill_totals(self.by_method, shown.by_method, with_total=False)
        self.expected.setText(Money(shown.cash_expected_cents).format())
        self._fill_pending(shown)
        self._fill_unresolved(shown)
        if self.is_closed:
            counted = shown.cash_counted_cents
            self.counted.setText("" if counted is None else Money(counted).format())
            self.note.setText(shown.note)
        elif self.record is not None and not self.counted.text():
            # Reopened: start from what was counted before; staff correct it.
            counted = self.record.report.cash_counted_cents
            self.counted.setText("" if counted is None else Money(counted).format())
            self.note.setText(self.record.report.note)
        self.counted.setReadOnly(self.is_closed)
        self.note.setReadOnly(self.is_closed)
        self.close_button.setVisible(not self.is_closed)
        self.reopen_button.setVisible(self.is_closed)
        self.cancel_button.setText(self.tr("Salir") if self.is_closed else self.tr("Cancelar"))
        self.cancel_button.setAccessibleName(self.cancel_button.text())
        self._show_difference()
        (self.reopen_button if self.is_closed else self.counted).setFocus()

    def _fill_totals(
        self, table: QTableWidget, totals: tuple[TenderTotal, ...], *, with_total: bool
    ) -> None:
        rows = [(tender_word(t.key), t.count, t.total_cents, False) for t in totals]
        if with_total:
            rows.append(
                (
                    self.tr("Total"),
                    sum(t.count for t in totals),
                    sum(t.total_cents for t in totals),
                    True,
                )
            )
        if not rows:
            rows = [(self.tr("Sin ventas aprobadas"), 0, 0, False)]
        table.setRowCount(len(rows))
        for n, (word, count, cents, bold) in enumerate(rows):
            for column, text in enumerate((word, str(count), Money(cents).format())):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if bold:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(n, column, item)

    def _fill_pending(self, report: DayCloseReport) -> None:
        self.pending.clear()
        for attempt in report.pending:
            method = method_word(attempt.payment_method) if attempt.payment_method else "Wompi"
            self.pending.addItem(
                self.tr("Pedido {n} · {reference} · {method} · {amount} · {day}").format(
                    n=attempt.order_number,
                    reference=attempt.reference,
                    method=method,
                    amount=Money(attempt.amount_cents).format(),
                    day=bogota_day(attempt.created_at).strftime("%d/%m/%Y"),
                )
            )
        if not report.pending:
            self.pending.addItem(self.tr("Ninguno."))

    def _fill_unresolved(self, report: DayCloseReport) -> None:
        self.unresolved.clear()
        lines = unresolved_lines(report)
        self.unresolved.addItems(lines)
        if not lines and self._hint is None:
            self.unresolved.addItem(
                self.tr("Ninguna registrada. Concilie el día para saberlo con certeza.")
            )
        elif not lines:
            self.unresolved.addItem(self.tr("Ninguna: la conciliación del día está al día."))

    # -- the cash counted --------------------------------------------------------------------

    def counted_cents(self) -> int | None:
        """What staff typed, in cents; None when blank. Raises MoneyError on a typo."""
        text = self.counted.text().strip()
        return None if not text else Money.parse(text).cents

    def _show_difference(self) -> None:
        shown = self.record.report if self.is_closed and self.record else self.report
        if shown is None:
            return
        try:
            counted = self.counted_cents()
        except MoneyError as exc:
            self.difference.setText(render_error(exc))
            set_style_property(self.difference, "status", "error")
            return
        difference = None if counted is None else counted - shown.cash_expected_cents
        self.difference.setText(difference_text(difference))
        set_style_property(self.difference, "status", difference_status(difference))

    # -- closing and reopening ---------------------------------------------------------------

    def close_day(self) -> None:
        """*Cerrar el día*: a fresh preview with the count and note, then saved."""
        if self.is_closed or self.report is None:
            return
        try:
            counted = self.counted_cents()
        except MoneyError as exc:
            self._say(render_error(exc), problem=True)
            self.counted.setFocus()
            return
        service, actor = self.back_office.day_close, self.back_office.actor
        terminal, day, note = self.terminal_id, self.day, self.note.text().strip()

        async def close() -> DayCloseRecord:
            report = await service.preview(terminal, day, counted, note)
            return await service.close(self._with_hint(report), actor)

        self._set_busy(True)
        run_op(self, close, on_success=self._closed, on_error=self._failed)

    def _closed(self, record: DayCloseRecord) -> None:
        self.record = record
        self._set_busy(False)
        self._show()
        self._say(self.tr("Día cerrado. Puede guardar el PDF del cierre."))

    def ask_reopen(self) -> None:
        """*Reabrir*: only with a reason, which the audit log keeps with who."""
        if not self.is_closed:
            return
        dialog = ReasonDialog(
            title=self.tr("Reabrir el día"),
            text=self.tr(
                "El cierre del {day} de la terminal {terminal} quedará abierto hasta que se "
                "cierre de nuevo. Escriba por qué."
            ).format(day=self.day.strftime("%d/%m/%Y"), terminal=self.terminal_id),
            actor=self.back_office.actor,
            ok_caption=self.tr("Reabrir"),
            required=True,
            parent=self,
        )
        dialog.submitted.connect(self._reopen)
        self._open_sub_dialog(dialog, self.reopen_button)

    def _reopen(self, reason: str) -> None:
        service, actor = self.back_office.day_close, self.back_office.actor
        terminal, day = self.terminal_id, self.day

        async def reopen() -> tuple[DayCloseRecord | None, DayCloseReport]:
            record = await service.reopen(terminal, day, reason, actor)
            return record, await service.preview(terminal, day, None, "")

        self._set_busy(True)
        run_op(self, reopen, on_success=self._reopened, on_error=self._failed)

    def _reopened(self, loaded: tuple[DayCloseRecord | None, DayCloseReport]) -> None:
        self.counted.clear()
        self._loaded(loaded)
        self._say(self.tr("Día reabierto. Corrija lo necesario y ciérrelo de nuevo."))

    # -- the PDF -----------------------------------------------------------------------------

    def current(self) -> DayCloseReport | DayCloseRecord | None:
        """What a PDF shows now: the saved close, or the preview with what is typed."""
        if self.is_closed:
            return self.record
        if self.report is None:
            return None
        try:
            counted = self.counted_cents()
        except MoneyError:
            counted = None
        difference = None if counted is None else counted - self.report.cash_expected_cents
        return dataclasses.replace(
            self.report,
            cash_counted_cents=counted,
            difference_cents=difference,
            note=self.note.text().strip(),
        )

    def ask_pdf(self) -> None:
        close = self.current()
        if close is None:
            return
        report = close.report if isinstance(close, DayCloseRecord) else close
        folder = self._pdf_folder()
        dialog = QFileDialog(self)
        dialog.setObjectName("DayClosePdfDialog")
        dialog.setWindowTitle(self.tr("Guardar cierre en PDF"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # open() must not block
        dialog.setNameFilter(self.tr("PDF (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.setDirectory(str(folder))
        dialog.selectFile(str(folder / default_filename(report)))
        dialog.fileSelected.connect(lambda path: self.save_pdf(Path(path)))
        self._open_sub_dialog(dialog, self.pdf_button)

    def save_pdf(self, path: Path) -> None:
        close = self.current()
        if close is None:
            return
        name, nit = self._store()
        try:
            render_day_close_pdf(close, path, store_name=name, store_nit=nit)
        except OSError as exc:
            log.warning("day close PDF not saved at %s: %s", path, exc)
            self._say(
                self.tr(
                    "No se pudo guardar el PDF en {path}: revise que la carpeta exista y se "
                    "pueda escribir en ella."
                ).format(path=path),
                problem=True,
            )
            return
        self._say(self.tr("Cierre guardado en {path}").format(path=path))

    # -- plumbing ----------------------------------------------------------------------------

    def _open_sub_dialog(self, dialog: QDialog, give_back: QWidget) -> None:
        self.sub_dialog = dialog

        def closed(_result: int) -> None:
            self.sub_dialog = None
            if shiboken6.isValid(self) and self.isVisible():
                self.activateWindow()
                if shiboken6.isValid(give_back) and give_back.isVisible():
                    give_back.setFocus()

        dialog.finished.connect(closed)
        dialog.open()

    def _set_busy(self, busy: bool) -> None:
        for button in (self.close_button, self.reopen_button, self.pdf_button):
            button.setEnabled(not busy)
        self.day_edit.setEnabled(not busy)

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if is_user_facing(exc):
            log.info("day close: %s: %s", type(exc).__name__, exc)
        else:
            log.error("day close failed", exc_info=(type(exc), exc, exc.__traceback__))
        self._say(user_message(exc), problem=True)

    def _say(self, text: str, *, problem: bool = False) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        set_style_property(self.message, "status", "error" if problem else "")
