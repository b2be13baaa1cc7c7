"""One queue's tab: what it means, its count and total, its rows and the action it allows."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.payment import PaymentStatus
from mestore_desktop.domain.reconciliation import Queue, QueueRow
from mestore_desktop.ui.reconciliation.queue_model import Column, Handled, QueueRowsModel
from mestore_desktop.ui.reconciliation.words import (
    count_and_total,
    money,
    queue_help,
    queue_name,
    row_detail,
)

MAX_ID_WIDTH = 150


class MiddleElide(QStyledItemDelegate):
    """Cut a long id in the middle ("81407-1…8-39571"): both ends are what people compare."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class QueueTab(QWidget):
    """`act(queue, rows)`: the action button was pressed for these rows (never empty)."""

    act = Signal(object, object)

    def __init__(self, queue: Queue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self.model = QueueRowsModel(self)
        help_text = QLabel(queue_help(queue), self)
        help_text.setWordWrap(True)
        self.summary = QLabel("", self)
        self.summary.setObjectName("SectionTitle")
        self.summary.setAccessibleName(queue_name(queue))
        self.table = self._build_table()
        # The detail sentence of the current row, in full: in the table it is the last column
        # and, beside long transaction ids, often cut off.
        self.detail = QLabel("", self)
        self.detail.setObjectName("RowDetail")
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(self.tr("Detalle de la fila"))
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.empty = QLabel(self.tr("Nada en esta cola para estos días."), self)
        self.empty.setObjectName("PlaceholderText")
        self.action = self._build_action()
        self.hint = QLabel("", self)
        self.hint.setObjectName("FieldError")
        self.hint.hide()
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        if self.action is not None:
            top.addWidget(self.action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(help_text)
        layout.addWidget(self.hint)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self.show_rows((), 0)

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setAccessibleName(self.tr("Filas de {queue}").format(queue=queue_name(self.queue)))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        self._middle = MiddleElide(table)  # ids keep both ends when cut
        for column in (Column.REFERENCE, Column.TRANSACTION):
            table.setItemDelegateForColumn(column, self._middle)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.DETAIL, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        # Ours beside Wompi's amount only where they differ by definition.
        table.setColumnHidden(Column.LOCAL_AMOUNT, self.queue is not Queue.AMOUNT_MISMATCH)
        return table

    def _fit_columns(self) -> None:
        """Columns as wide as their text, the transaction id at most MAX_ID_WIDTH (the whole
        id on hover and in the CSV): at 1280 px every column then fits without scrolling."""
        for column in Column:
            if column is not Column.DETAIL:  # it takes what is left (Stretch)
                self.table.resizeColumnToContents(column)
        if self.table.columnWidth(Column.TRANSACTION) > MAX_ID_WIDTH:
            self.table.setColumnWidth(Column.TRANSACTION, MAX_ID_WIDTH)

    def _build_action(self) -> QPushButton | None:
        if self.queue is Queue.MATCHED:
            return None
        if self.queue is Queue.STALE_PENDING:
            caption = self.tr("Aplicar estado de Wompi")
        else:
            caption = self.tr("Marcar como resuelta")
        button = QPushButton(caption, self)
        button.setAccessibleName(caption)
        button.clicked.connect(self._acted)
        return button

    def show_rows(self, rows: tuple[QueueRow, ...], total_cents: int) -> None:
        self.model.set_rows(rows)
        summary = count_and_total(len(rows), total_cents)
        approved = sum(r.amount_cents for r in rows if r.status is PaymentStatus.APPROVED)
        if approved != total_cents:  # declined or voided rows count in the total, not in money
            summary += " " + self.tr("(aprobado: {amount})").format(amount=money(approved))
        self.summary.setText(summary)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self._fit_columns()
        self._show_detail(self.table.currentIndex())
        self._refresh_action()

    def selected_rows(self) -> list[int]:
        """The selected rows not yet handled. Applying Wompi's status goes to every row when
        none is selected (it only copies what Wompi already says); marking as resolved is a
        judgement about each row, so it needs a selection."""
        chosen = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not chosen and self.queue is Queue.STALE_PENDING:
            chosen = list(range(self.model.rowCount()))
        return [row for row in chosen if self.model.handled(row) is None]

    def mark(self, rows: list[int], how: Handled) -> None:
        self.model.mark(rows, how)
        self._refresh_action()

    def _acted(self) -> None:
        rows = self.selected_rows()
        if rows:
            self.hint.hide()
            self.act.emit(self.queue, rows)
            return
        self.hint.setText(self.tr("Seleccione en la tabla las filas que ya resolvió."))
        self.hint.show()
        self.table.setFocus()

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if not current.isValid() or current.row() >= self.model.rowCount():
            self.detail.clear()
            self.detail.hide()
            return
        self.detail.setText(
            self.tr("Detalle: {detail}").format(detail=row_detail(self.model.row_at(current.row())))
        )
        self.detail.show()

    def _refresh_action(self) -> None:
        rows = range(self.model.rowCount())
        # The "Gestión" column only once something was done here: until then it is empty width.
        self.table.setColumnHidden(Column.HANDLED, all(self.model.handled(r) is None for r in rows))
        if self.action is None:
            return
        pending = any(self.model.handled(r) is None for r in rows)
        self.action.setEnabled(pending)
        if self.queue is Queue.STALE_PENDING:
            self.action.setToolTip(
                self.tr("Se aplica a las filas seleccionadas, o a todas si no hay ninguna.")
            )
        else:
            self.action.setToolTip(self.tr("Se aplica a las filas seleccionadas."))
