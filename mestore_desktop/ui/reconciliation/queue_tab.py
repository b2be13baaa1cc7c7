"""One queue's tab: what it means, its count and total, its rows and the action it allows."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.reconciliation import Queue, QueueRow
from mestore_desktop.ui.reconciliation.queue_model import Column, Handled, QueueRowsModel
from mestore_desktop.ui.reconciliation.words import count_and_total, queue_help, queue_name


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
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.DETAIL, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        return table

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
        self.summary.setText(count_and_total(len(rows), total_cents))
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
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

    def _refresh_action(self) -> None:
        if self.action is None:
            return
        pending = any(self.model.handled(r) is None for r in range(self.model.rowCount()))
        self.action.setEnabled(pending)
        if self.queue is Queue.STALE_PENDING:
            self.action.setToolTip(
                self.tr("Se aplica a las filas seleccionadas, o a todas si no hay ninguna.")
            )
        else:
            self.action.setToolTip(self.tr("Se aplica a las filas seleccionadas."))
