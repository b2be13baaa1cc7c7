"""The filter bar of *Pedidos*: days, status, tender and Wompi method, terminal, and a search box.

Every change becomes one `OrderFilter` (emitted by `filter_changed`); the store does the
filtering with its indexes. Days are Bogotá days (UTC-5, no DST) whatever the computer's time
zone: "Hoy" at 20:00 in Bogotá is still today there while it is already tomorrow in UTC. The
search waits for a short pause in the typing (a scanner or a fast typist sends one request, not
one per key); Enter searches at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.browse import OrderFilter
from mestore_desktop.domain.payment import OrderStatus, Tender
from mestore_desktop.ui import icons
from mestore_desktop.ui.formatting import BOGOTA, STATUS_COLOUR, method_word, status_word

SEARCH_PAUSE_MS = 300  # the pause in typing after which the search runs
STATUS_ORDER = (
    OrderStatus.PAID,
    OrderStatus.AWAITING_PAYMENT,
    OrderStatus.FAILED,
    OrderStatus.VOIDED,
    OrderStatus.CANCELLED,
    OrderStatus.OPEN,
)
_ICON_OF_COLOUR = {
    "approved": "approved",
    "pending": "pending",
    "declined": "declined",
    "error": "error",
    "voided": "cancelled",
}


class Period(StrEnum):
    ALL = "all"
    TODAY = "today"
    YESTERDAY = "yesterday"
    WEEK = "week"
    MONTH = "month"
    CUSTOM = "custom"

    def caption(self) -> str:
        words = {
            Period.ALL: QCoreApplication.translate("OrdersFilterBar", "Todas las fechas"),
            Period.TODAY: QCoreApplication.translate("OrdersFilterBar", "Hoy"),
            Period.YESTERDAY: QCoreApplication.translate("OrdersFilterBar", "Ayer"),
            Period.WEEK: QCoreApplication.translate("OrdersFilterBar", "Últimos 7 días"),
            Period.MONTH: QCoreApplication.translate("OrdersFilterBar", "Este mes"),
            Period.CUSTOM: QCoreApplication.translate("OrdersFilterBar", "Rango de fechas…"),
        }
        return words[self]


def bogota_today(now: datetime) -> date:
    return now.astimezone(BOGOTA).date()


def period_days(period: Period, today: date) -> tuple[date | None, date | None]:
    """The first and last Bogotá day (inclusive) of a preset; (None, None) for every date."""
    if period is Period.TODAY:
        return today, today
    if period is Period.YESTERDAY:
        yesterday = today - timedelta(days=1)
        return yesterday, yesterday
    if period is Period.WEEK:
        return today - timedelta(days=6), today
    if period is Period.MONTH:
        return today.replace(day=1), today
    return None, None


class OrdersFilterBar(QWidget):
    """Emits `filter_changed(OrderFilter)` whenever what should be listed changes."""

    filter_changed = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("OrdersFilterBar")
        self._clock = clock
        self._emitting = True
        self._last_preset = Period.ALL
        self.search = self._search_field()
        self.clear_button = _button(self.tr("Limpiar filtros"), self)
        self.period = _combo(self.tr("Fechas"), self)
        for period in Period:
            self.period.addItem(period.caption(), period.value)
        self.first_day = self._date_edit(self.tr("Desde"))
        self.last_day = self._date_edit(self.tr("Hasta"))
        self.status = _combo(self.tr("Estado"), self)
        self.tender = _combo(self.tr("Medio"), self)
        self.terminal = _combo(self.tr("Terminal"), self)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(SEARCH_PAUSE_MS)
        self._fill_statuses()
        self._fill_options([], [])
        self._build()
        self._connect()
        self._show_custom_range(False)
        # Tab walks the bar as it reads: search, days, status, tender, terminal, clear.
        chain = (
            self.search,
            self.period,
            self.first_day,
            self.last_day,
            self.status,
            self.tender,
            self.terminal,
            self.clear_button,
        )
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- building ----------------------------------------------------------------------------

    def _search_field(self) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName("OrdersSearch")
        field.setAccessibleName(self.tr("Buscar pedidos"))
        field.setPlaceholderText(
            self.tr("Buscar: referencia, transacción, correo o nombre  (Ctrl+F)")
        )
        field.setClearButtonEnabled(True)
        field.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        return field

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        today = bogota_today(self._clock())
        edit.setDate(QDate(today.year, today.month, today.day))
        return edit

    def _fill_statuses(self) -> None:
        self.status.addItem(self.tr("Todos los estados"), "")
        for status in STATUS_ORDER:
            self.status.addItem(
                icons.icon(_ICON_OF_COLOUR[STATUS_COLOUR[status]]),
                status_word(status),
                status.value,
            )

    def _build(self) -> None:
        # Two rows, so that a 1280 px window shows every control whole: the search and the
        # days on top (the custom range opens beside them), the rest below.
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addSpacing(8)
        self._add_labelled(top, self.tr("Fechas"), self.period)
        self._add_labelled(top, self.tr("Desde"), self.first_day)
        self._add_labelled(top, self.tr("Hasta"), self.last_day)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self._add_labelled(row, self.tr("Estado"), self.status)
        row.addSpacing(8)
        self._add_labelled(row, self.tr("Medio"), self.tender)
        row.addSpacing(8)
        self._add_labelled(row, self.tr("Terminal"), self.terminal)
        row.addStretch(1)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(row)

    def _add_labelled(self, row: QHBoxLayout, caption: str, control: QWidget) -> None:
        label = QLabel(caption, self)
        label.setBuddy(control)
        control.setProperty("caption_label", label)
        row.addWidget(label)
        row.addWidget(control)

    def _connect(self) -> None:
        self.search.textEdited.connect(lambda _text: self._pause.start())
        self.search.textChanged.connect(self._on_text_changed)
        self.search.returnPressed.connect(self._search_now)
        self._pause.timeout.connect(self._emit)
        self.clear_button.clicked.connect(self.clear)
        self.period.currentIndexChanged.connect(self._on_period)
        self.first_day.dateChanged.connect(self._on_first_day)
        self.last_day.dateChanged.connect(self._on_last_day)
        for combo in (self.status, self.tender, self.terminal):
            combo.currentIndexChanged.connect(lambda _i: self._emit())

    # -- options from the store ----------------------------------------------------------------

    def set_options(self, terminals: Iterable[str], methods: Iterable[str]) -> None:
        """Fill the terminal and Wompi method lists; the current choice is kept when still there.
        From now on every list widens to its longest entry as it changes."""
        for combo in (self.period, self.status, self.tender, self.terminal):
            # Not at build time: this policy makes each list build its popup at once (a
            # frame and a list view each, a sixth of building the page); until the store's
            # options come, the lists take their first contents' width when first shown.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_options(terminals, methods)

    def _fill_options(self, terminals: Iterable[str], methods: Iterable[str]) -> None:
        self._emitting = False
        try:
            _refill(self.terminal, self._terminal_items(terminals))
            _refill(self.tender, self._tender_items(methods))
        finally:
            self._emitting = True

    def _terminal_items(self, terminals: Iterable[str]) -> list[tuple[str, object]]:
        items: list[tuple[str, object]] = [(self.tr("Todas las terminales"), "")]
        items += [(terminal, terminal) for terminal in sorted(set(terminals)) if terminal]
        return items

    def _tender_items(self, methods: Iterable[str]) -> list[tuple[str, object]]:
        # Plain strings as item data ("WOMPI:CARD"): Qt compares them when a list is refilled.
        items: list[tuple[str, object]] = [
            (self.tr("Todos los medios"), ""),
            (self.tr("Efectivo"), Tender.CASH.value),
            (self.tr("Wompi (todos)"), Tender.WOMPI.value),
        ]
        wompi = sorted({m for m in methods if m and m != Tender.CASH.value})
        items += [
            (self.tr("Wompi · %1").replace("%1", method_word(m)), f"{Tender.WOMPI.value}:{m}")
            for m in wompi
        ]
        return items

    # -- reading and changing the filter -------------------------------------------------------

    def current_filter(self) -> OrderFilter:
        first, last = self._days()
        status = self.status.currentData() or ""
        tender, _, method = str(self.tender.currentData() or "").partition(":")
        return OrderFilter(
            first_day=first,
            last_day=last,
            statuses=frozenset({OrderStatus(status)}) if status else frozenset(),
            tender=Tender(tender) if tender else None,
            method=method,
            terminal_id=self.terminal.currentData() or "",
            search=self.search.text().strip(),
        )

    def is_default(self) -> bool:
        return self.current_filter() == OrderFilter()

    def choose_period(self, period: Period) -> None:
        self.period.setCurrentIndex(self.period.findData(period.value))

    def clear(self) -> None:
        """Every order again: all dates, states, tenders and terminals, no search."""
        self._emitting = False
        try:
            self.search.clear()
            for combo in (self.period, self.status, self.tender, self.terminal):
                combo.setCurrentIndex(0)
        finally:
            self._emitting = True
        self._emit()

    def _days(self) -> tuple[date | None, date | None]:
        period = Period(self.period.currentData() or Period.ALL.value)
        if period is Period.CUSTOM:
            return _day(self.first_day.date()), _day(self.last_day.date())
        return period_days(period, bogota_today(self._clock()))

    def _on_period(self, _index: int) -> None:
        custom = self.period.currentData() == Period.CUSTOM.value
        if custom:
            self._start_custom_range()
        else:
            self._last_preset = Period(self.period.currentData() or Period.ALL.value)
        self._show_custom_range(custom)
        self._emit()

    def _start_custom_range(self) -> None:
        """A custom range starts from the preset it replaces (today for every date)."""
        today = bogota_today(self._clock())
        first, last = period_days(self._last_preset, today)
        for edit, day in ((self.first_day, first or today), (self.last_day, last or today)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _show_custom_range(self, shown: bool) -> None:
        for edit in (self.first_day, self.last_day):
            edit.setVisible(shown)
            label = edit.property("caption_label")
            if isinstance(label, QLabel):
                label.setVisible(shown)

    def _on_first_day(self, first: QDate) -> None:
        if self.last_day.date() < first:
            self.last_day.setDate(first)  # a range never ends before it starts
        self._emit()

    def _on_last_day(self, last: QDate) -> None:
        if self.first_day.date() > last:
            self.first_day.setDate(last)
        self._emit()

    def _on_text_changed(self, text: str) -> None:
        if not text:
            self._search_now()  # the clear button, or everything deleted: show all at once

    def _search_now(self) -> None:
        self._pause.stop()
        self._emit()

    def _emit(self) -> None:
        if self._emitting:
            self.filter_changed.emit(self.current_filter())


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


# Controls are made with their parent: a parentless widget is a window of its own until a layout
# takes it, and that reparenting (style, font, palette again) cost a third of building the page.


def _combo(name: str, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    return combo


def _button(caption: str, parent: QWidget) -> QPushButton:
    button = QPushButton(caption, parent)
    button.setAccessibleName(caption)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return button


def _refill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
    current = combo.currentData()
    combo.blockSignals(True)
    try:
        combo.clear()
        for caption, data in items:
            combo.addItem(caption, data)
        found = combo.findData(current)
        combo.setCurrentIndex(max(found, 0))
    finally:
        combo.blockSignals(False)
