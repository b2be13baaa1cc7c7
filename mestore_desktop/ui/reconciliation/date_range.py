"""The range of Bogotá days to reconcile: presets (Hoy, Ayer, 7 días, Este mes) and two dates.

Days are America/Bogota days whatever the machine's clock zone says: "Hoy" at 8 p.m. in Bogotá
is already tomorrow in UTC.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from mestore_desktop.ui.formatting import BOGOTA


class Preset(StrEnum):
    TODAY = "today"
    YESTERDAY = "yesterday"
    LAST_7_DAYS = "last_7_days"
    THIS_MONTH = "this_month"

    def caption(self) -> str:
        captions = {
            Preset.TODAY: QCoreApplication.translate("DateRangeBar", "Hoy"),
            Preset.YESTERDAY: QCoreApplication.translate("DateRangeBar", "Ayer"),
            Preset.LAST_7_DAYS: QCoreApplication.translate("DateRangeBar", "7 días"),
            Preset.THIS_MONTH: QCoreApplication.translate("DateRangeBar", "Este mes"),
        }
        return captions[self]


def bogota_today(now: datetime | None = None) -> date:
    return (now or datetime.now(BOGOTA)).astimezone(BOGOTA).date()


def preset_range(preset: Preset, today: date) -> tuple[date, date]:
    """The first and last day (inclusive) a preset means on *today*."""
    if preset is Preset.YESTERDAY:
        yesterday = today - timedelta(days=1)
        return yesterday, yesterday
    if preset is Preset.LAST_7_DAYS:
        return today - timedelta(days=6), today
    if preset is Preset.THIS_MONTH:
        return today.replace(day=1), today
    return today, today


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class DateRangeBar(QWidget):
    """Preset buttons and the Desde/Hasta dates; `changed` after any edit."""

    changed = Signal()

    def __init__(
        self, today: Callable[[], date] = bogota_today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._today = today
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.presets: dict[Preset, QPushButton] = {}
        for preset in Preset:
            button = QPushButton(preset.caption(), self)
            button.setAccessibleName(preset.caption())
            button.setCheckable(True)
            button.setAutoExclusive(False)
            button.clicked.connect(lambda _checked=False, p=preset: self.choose(p))
            layout.addWidget(button)
            self.presets[preset] = button
        layout.addSpacing(12)
        self.first = self._date_edit(self.tr("Desde"), layout)
        self.last = self._date_edit(self.tr("Hasta"), layout)
        self.choose(Preset.TODAY)

    def _date_edit(self, caption: str, layout: QHBoxLayout) -> QDateEdit:
        label = QLabel(caption, self)
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setAccessibleName(caption)
        edit.setMaximumDate(to_qdate(self._today()))
        label.setBuddy(edit)
        edit.dateChanged.connect(self._edited)
        layout.addWidget(label)
        layout.addWidget(edit)
        return edit

    def choose(self, preset: Preset) -> None:
        first, last = preset_range(preset, self._today())
        self.set_range(first, last)

    def set_range(self, first: date, last: date) -> None:
        for edit in (self.first, self.last):
            edit.blockSignals(True)
            edit.setMaximumDate(to_qdate(self._today()))
        self.first.setDate(to_qdate(first))
        self.last.setDate(to_qdate(last))
        for edit in (self.first, self.last):
            edit.blockSignals(False)
        self._mark()
        self.changed.emit()

    def range(self) -> tuple[date, date]:
        """(first, last), in order even when typed backwards."""
        first, last = from_qdate(self.first.date()), from_qdate(self.last.date())
        return (first, last) if first <= last else (last, first)

    def _edited(self, _day: QDate) -> None:
        self._mark()
        self.changed.emit()

    def _mark(self) -> None:
        """Check the presets the dates match, however they were set (a hand-typed "today"
        lights *Hoy* too; on the 1st of a month *Hoy* and *Este mes* are the same days)."""
        chosen = self.range()
        for each, button in self.presets.items():
            button.setChecked(preset_range(each, self._today()) == chosen)
