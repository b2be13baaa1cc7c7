"""The list of links: a search box, a status filter, the table and its actions (*Actualizar desde
Wompi*, *Desactivar…*). It only shows and asks; the page talks to the service."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.links import LinkStatus, PaymentLinkRecord
from mestore_desktop.ui.links.list_model import Column, LinksTableModel

SEARCH_PAUSE_MS = 300  # typing a name searches once the typing stops
MIN_NAME = 150  # px the name column keeps before the order column is hidden


class LinksListPanel(QWidget):
    """Signals:
    filter_changed(): the search or the status filter changed (after a short pause).
    current_changed(object): the selected `PaymentLinkRecord`, or None.
    refresh_clicked(), deactivate_clicked().
    """

    filter_changed = Signal()
    current_changed = Signal(object)
    refresh_clicked = Signal()
    deactivate_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LinksTableModel(self)
        self.search = QLineEdit(self)
        self.search.setAccessibleName(self.tr("Buscar link"))
        self.search.setPlaceholderText(self.tr("Buscar por nombre, pedido o id…"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.setAccessibleName(self.tr("Estado"))
        self.status.addItem(self.tr("Todos los estados"), None)
        for status, caption in (
            (LinkStatus.ACTIVE, self.tr("Activos")),
            (LinkStatus.PAID, self.tr("Pagados")),
            (LinkStatus.EXPIRED, self.tr("Vencidos")),
            (LinkStatus.DEACTIVATED, self.tr("Desactivados")),
        ):
            self.status.addItem(caption, status.value)
        self.table = self._build_table()
        self.empty = QLabel(self)
        self.empty.setObjectName("PlaceholderText")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty.hide()
        self.refresh = QPushButton(self.tr("Actualizar desde Wompi"), self)
        self.refresh.setAccessibleName(self.tr("Actualizar desde Wompi"))
        self.refresh.setToolTip(
            self.tr("Lee de Wompi el estado de cada link (activo o desactivado) y sus pagos.")
        )
        self.deactivate = QPushButton(self.tr("Desactivar…"), self)
        self.deactivate.setAccessibleName(self.tr("Desactivar…"))
        self.deactivate.setEnabled(False)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(SEARCH_PAUSE_MS)
        self._build()
        self._connect()

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("LinksTable")
        table.setAccessibleName(self.tr("Lista de links"))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        metrics = QFontMetrics(table.font())
        table.verticalHeader().setDefaultSectionSize(metrics.height() + 12)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        samples = {
            Column.AMOUNT: "$ 1.000.000",
            Column.STATUS: "Pagado 00/00 00:00",
            Column.EXPIRY: "Vence en 23 h 59 min",
            Column.ORDER: "Pedido 00",
        }
        self._widths: dict[Column, int] = {}
        for column, sample in samples.items():
            extra = 40 if column is Column.STATUS else 18  # the status icon, padding
            self._widths[column] = metrics.horizontalAdvance(sample) + extra
            header.resizeSection(column, self._widths[column])
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        table.installEventFilter(self)
        return table

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """On a narrow table the order number steps aside (the chosen link's panel shows it),
        so the name keeps room to be read."""
        room = self.table.viewport().width() - sum(
            width for column, width in self._widths.items() if column is not Column.ORDER
        )
        self.table.setColumnHidden(Column.ORDER, room - self._widths[Column.ORDER] < MIN_NAME)

    def _build(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status)
        actions = QHBoxLayout()
        actions.addWidget(self.refresh)
        actions.addWidget(self.deactivate)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(actions)

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _text: self._pause.start())
        self.search.returnPressed.connect(self._now)
        self._pause.timeout.connect(self.filter_changed)
        self.status.currentIndexChanged.connect(lambda _i: self._now())
        self.refresh.clicked.connect(self.refresh_clicked)
        self.deactivate.clicked.connect(self.deactivate_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.model.modelReset.connect(lambda: self._on_current(QModelIndex(), QModelIndex()))

    def _now(self) -> None:
        self._pause.stop()
        self.filter_changed.emit()

    # -- what the page reads and sets --------------------------------------------------------

    def search_text(self) -> str:
        return self.search.text().strip()

    def status_filter(self) -> LinkStatus | None:
        data = self.status.currentData()
        return None if data is None else LinkStatus(data)

    def current(self) -> PaymentLinkRecord | None:
        index = self.table.currentIndex()
        return self.model.record_at(index.row()) if index.isValid() else None

    def select(self, link_id: str) -> bool:
        row = self.model.row_of(link_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, Column.NAME))
        return True

    def show_empty(self, text: str) -> None:
        """No rows: the table gives its place to `text` ("" shows the table again)."""
        self.empty.setText(text)
        self.empty.setVisible(bool(text))
        self.table.setVisible(not text)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record = self.model.record_at(current.row()) if current.isValid() else None
        self.update_actions(record)
        self.current_changed.emit(record)

    def update_actions(self, record: PaymentLinkRecord | None) -> None:
        can = (
            record is not None
            and record.active
            and record.status(self.model.now)
            in (
                LinkStatus.ACTIVE,
                LinkStatus.EXPIRED,
            )
        )
        self.deactivate.setEnabled(can)
        if record is None:
            tip = self.tr("Elija un link de la lista.")
        elif can:
            tip = self.tr("Apaga el link en Wompi: nadie más podrá pagar con él.")
        else:
            tip = self.tr("Este link ya no acepta pagos.")
        self.deactivate.setToolTip(tip)
