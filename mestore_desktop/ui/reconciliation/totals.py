"""Approved money by method and by day: a table (days × methods) and a stacked bar chart.

Cash sales are part of the totals (method "CASH"), so the chart shows the whole day's takings,
not only what went through Wompi. Amounts stay integer cents until drawn: the chart's bars are
the only place pesos become floats, and only to be drawn.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QStackedBarSeries,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QCursor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QWidget,
)

from mestore_desktop.domain.money import CENTS_PER_PESO
from mestore_desktop.domain.reconciliation import MethodDayTotal
from mestore_desktop.ui.formatting import method_word
from mestore_desktop.ui.reconciliation.words import money

# Cash first (the drawer), then Wompi's methods in the order the counter offers them.
METHOD_ORDER = ("CASH", "CARD", "NEQUI", "PSE", "BANCOLOMBIA_TRANSFER", "BANCOLOMBIA_QR")


@dataclass(frozen=True)
class Pivot:
    """Totals arranged as days × methods; a missing cell is (0, 0)."""

    days: tuple[date, ...]
    methods: tuple[str, ...]
    cells: dict[tuple[date, str], tuple[int, int]]  # (count, total_cents)

    def cell(self, day: date, method: str) -> tuple[int, int]:
        return self.cells.get((day, method), (0, 0))

    def day_total(self, day: date) -> tuple[int, int]:
        counts = [self.cell(day, m) for m in self.methods]
        return sum(c for c, _ in counts), sum(t for _, t in counts)

    def method_total(self, method: str) -> tuple[int, int]:
        counts = [self.cell(d, method) for d in self.days]
        return sum(c for c, _ in counts), sum(t for _, t in counts)


def pivot(totals: Iterable[MethodDayTotal]) -> Pivot:
    cells: dict[tuple[date, str], tuple[int, int]] = {}
    for total in totals:
        count, cents = cells.get((total.day, total.method), (0, 0))
        cells[(total.day, total.method)] = (count + total.count, cents + total.total_cents)
    days = tuple(sorted({day for day, _ in cells}))
    present = {method for _, method in cells}
    known = [m for m in METHOD_ORDER if m in present]
    methods = tuple(known + sorted(present - set(METHOD_ORDER)))
    return Pivot(days, methods, cells)


def day_label(day: date) -> str:
    return day.strftime("%d/%m")


def nice_step(top_cents: int, ticks: int = 5) -> int:
    """A round step (1, 2 or 5 × 10^k pesos, in cents) giving about *ticks* grid lines."""
    raw = max(top_cents // ticks, CENTS_PER_PESO)
    magnitude = 1
    while magnitude * 10 <= raw:
        magnitude *= 10
    for factor in (1, 2, 5, 10):
        if magnitude * factor >= raw:
            return magnitude * factor
    return magnitude * 10


class TotalsView(QWidget):
    """The table and the chart side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(self)
        self.table.setAccessibleName(
            QCoreApplication.translate("TotalsView", "Totales por medio y día")
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.chart = QChart()
        self.chart.setTitle(QCoreApplication.translate("TotalsView", "Aprobado por día y medio"))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setAccessibleName(
            QCoreApplication.translate("TotalsView", "Gráfico por día y medio")
        )
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumWidth(320)
        # A splitter: with many methods the table wants the width, with many days the chart.
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.chart_view)
        self.splitter.setStretchFactor(0, 0)  # extra width goes to the chart
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)
        self.series: QStackedBarSeries | None = None

    def show_totals(self, totals: Iterable[MethodDayTotal]) -> None:
        table = pivot(totals)
        self._fill_table(table)
        self._fill_chart(table)

    # -- the table ---------------------------------------------------------------------------

    def _fill_table(self, table: Pivot) -> None:
        headers = [
            QCoreApplication.translate("TotalsView", "Día"),
            *(method_word(m) for m in table.methods),
            QCoreApplication.translate("TotalsView", "Total"),
        ]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(table.days) + 1)
        for row, day in enumerate(table.days):
            self._set(row, 0, day.strftime("%d/%m/%Y"))
            for column, method in enumerate(table.methods, start=1):
                self._set_money(row, column, *table.cell(day, method))
            self._set_money(row, len(headers) - 1, *table.day_total(day), bold=True)
        last = len(table.days)
        self._set(last, 0, QCoreApplication.translate("TotalsView", "Total"), bold=True)
        for column, method in enumerate(table.methods, start=1):
            self._set_money(last, column, *table.method_total(method), bold=True)
        grand = sum(table.method_total(m)[1] for m in table.methods)
        count = sum(table.method_total(m)[0] for m in table.methods)
        self._set_money(last, len(headers) - 1, count, grand, bold=True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._share_width()

    def _share_width(self) -> None:
        """The table as wide as its columns, the chart the rest (the splitter still moves)."""
        self.table.resizeColumnsToContents()
        needed = self.table.horizontalHeader().length() + 2 * self.table.frameWidth() + 2
        available = max(self.splitter.width(), self.width(), needed + 320)
        self.splitter.setSizes([needed, max(available - needed, 320)])

    def _set(self, row: int, column: int, text: str, *, bold: bool = False) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        if bold:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self.table.setItem(row, column, item)
        return item

    def _set_money(
        self, row: int, column: int, count: int, cents: int, *, bold: bool = False
    ) -> None:
        text = f"{money(cents)} ({count})" if count else "—"
        item = self._set(row, column, text, bold=bold)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setData(Qt.ItemDataRole.UserRole, cents)

    # -- the chart ---------------------------------------------------------------------------

    def _fill_chart(self, table: Pivot) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        series = QStackedBarSeries()
        for method in table.methods:
            bar_set = QBarSet(method_word(method))
            for day in table.days:
                bar_set.append(table.cell(day, method)[1] / CENTS_PER_PESO)
            bar_set.hovered.connect(
                lambda state, index, m=method: self._hover(table, m, state, index)
            )
            series.append(bar_set)
        self.chart.addSeries(series)
        days = QBarCategoryAxis()
        days.append([day_label(d) for d in table.days])
        self.chart.addAxis(days, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(days)
        pesos = self._money_axis(max((table.day_total(d)[1] for d in table.days), default=0))
        self.chart.addAxis(pesos, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(pesos)
        self.series = series

    @staticmethod
    def _money_axis(top_cents: int) -> QCategoryAxis:
        """A value axis labelled "$ 25.000" (QValueAxis's printf labels cannot group digits)."""
        axis = QCategoryAxis()
        axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        step = nice_step(top_cents)
        ticks = max(1, -(-top_cents // step))
        axis.setStartValue(0)
        axis.append(money(0), 0)
        for n in range(1, ticks + 1):
            axis.append(money(n * step), n * step / CENTS_PER_PESO)
        axis.setRange(0, ticks * step / CENTS_PER_PESO)
        return axis

    def _hover(self, table: Pivot, method: str, state: bool, index: int) -> None:
        if not state or not 0 <= index < len(table.days):
            QToolTip.hideText()
            return
        day = table.days[index]
        count, cents = table.cell(day, method)
        QToolTip.showText(
            QCursor.pos(), f"{method_word(method)} · {day_label(day)}: {money(cents)} ({count})"
        )
