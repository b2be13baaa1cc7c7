"""Orders (Pedidos): every sale, filtered and searched in the store, with its detail and actions.

The page reads through the back office's `OrdersService` (every call a coroutine: the UI never
touches the database). Its first rows are read when the app builds it at startup
(`start_loading`), so opening it paints them at once; what changed unannounced is read again
after each opening's paint. The table loads page by page as it scrolls (`OrdersTableModel`), the
filter bar restarts it, and the sync engine's `on_orders_changed(numbers)` updates rows in place
(new sales appear at the top while sorted newest first). The selected order's detail, with its
status timeline, fills the pane on the right, above which sit the actions: *Consultar en Wompi*,
*Anular…*, *Reimprimir*, *Guardar PDF*, *Reenviar*; *Exportar CSV* writes the filtered rows.

Built with an older `load_orders()` callable instead of a `BackOffice`, the page lists what it
returns (filtered in memory) and has no detail or actions; with None it shows its empty state.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.browse import OrderDetail, OrderFilter
from mestore_desktop.domain.payment import PaymentAttempt, StatusChange
from mestore_desktop.services.receipt import Receipt, ReceiptNotAvailableError, build_receipt
from mestore_desktop.settings import Settings
from mestore_desktop.ui.day_close.dialog import DayCloseDialog
from mestore_desktop.ui.errors import present_error, user_message
from mestore_desktop.ui.i18n import render
from mestore_desktop.ui.links.order_link import OrderLink
from mestore_desktop.ui.links.tools import LinkTools
from mestore_desktop.ui.models.orders_model import SORT_COLUMNS, Column, OrdersTableModel
from mestore_desktop.ui.orders.actions import (
    OrderActionsBar,
    OrderReceipts,
    no_void_reason,
    receipt_attempt,
    void_candidates,
)
from mestore_desktop.ui.orders.detail_pane import OrderDetailPane
from mestore_desktop.ui.orders.export import ask_csv_path, csv_filename, orders_folder
from mestore_desktop.ui.orders.filter_bar import OrdersFilterBar, bogota_today
from mestore_desktop.ui.orders.source import (
    LoaderSource,
    OrderActionsSource,
    OrdersLoader,
    OrdersSource,
)
from mestore_desktop.ui.orders.timeline import Source, payment_status_word
from mestore_desktop.ui.orders.void_dialog import VoidDialog
from mestore_desktop.ui.orders.void_receipt import VoidDoneDialog, VoidReceipt
from mestore_desktop.ui.payment.receipt_actions import ReceiptActions, receipts_folder
from mestore_desktop.ui.qt_async import run_op

if TYPE_CHECKING:
    from mestore_desktop.services.back_office import BackOffice

__all__ = ["OrderReceipts", "OrdersLoader", "OrdersPage"]

log = logging.getLogger(__name__)

# Hidden in this order when the table is too narrow for every column (their facts are in the
# detail): a 1280 px window keeps date, reference, total and status whole beside the detail.
OPTIONAL_COLUMNS = (Column.NUMBER, Column.METHOD, Column.CUSTOMER)
MIN_CUSTOMER_WIDTH = 110
DETAIL_MIN_WIDTH = 380
DETAIL_MAX_WIDTH = 560
DETAIL_PAUSE_MS = 120  # arrowing through rows loads the detail of the row it stops on
# On the first show the page waits this long for its first rows before it paints: a page of
# rows takes a few milliseconds, and painting the empty table first held them back while the
# whole page painted twice. A slower store shows the loading state after this.
FIRST_ROWS_WAIT_MS = 120
Clock = Callable[[], datetime]


class OrdersPage(QWidget):
    """Filter bar, the lazily loaded table, the selected order's detail and its actions."""

    def __init__(
        self,
        back_office: BackOffice | OrdersLoader | None = None,
        parent: QWidget | None = None,
        *,
        receipts: OrderReceipts | None = None,
        clock: Clock | None = None,
        csv_folder: Callable[[], Path] = orders_folder,
        receipt_folder: Callable[[], Path] = receipts_folder,
        links: LinkTools | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = self.tr("Pedidos")
        self._back_office: Any = None if callable(back_office) else back_office
        self._service: OrderActionsSource | None = (
            self._back_office.orders if self._back_office is not None else None
        )
        self._source: OrdersSource | None = (
            LoaderSource(back_office) if callable(back_office) else self._service
        )
        self._receipts = receipts
        self._clock: Clock = clock or (lambda: datetime.now(UTC))
        self._csv_folder = csv_folder
        self._receipt_folder = receipt_folder
        self._shown_once = False
        self._loading_started = False
        self._catch_up_after_paint = False
        self._options_wanted = False  # the filter's lists, read once the first page is in
        self._detail_number: int | None = None
        self.model = OrdersTableModel(self)
        self.filters = OrdersFilterBar(self, clock=self._clock)
        # The splitter and its two sides first, so that every widget below is made where it
        # stays: moving a built widget to another parent styles it again (a third of the build).
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._list_side = QWidget(self.splitter)
        self._detail_side = QWidget(self.splitter)
        self.table = self._build_table()
        self.empty = QLabel(self._list_side)
        self.empty.setObjectName("PlaceholderText")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.detail = OrderDetailPane(self._detail_side)
        self.actions = OrderActionsBar(self._detail_side)
        self.order_link = OrderLink(self, links, self._link_closed)
        self.actions.set_link_available(self.order_link.available)
        self.receipt_actions = ReceiptActions(
            self,
            receipts.send_mail if receipts else None,
            receipts.printer_factory if receipts else None,
            folder=receipt_folder,
        )
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(DETAIL_PAUSE_MS)
        self._build()
        self._connect()
        self._shortcuts()
        self._show_state()

    # -- building ----------------------------------------------------------------------------

    def _build_table(self) -> QTableView:
        table = QTableView(self._list_side)
        table.setObjectName("OrdersTable")
        table.setAccessibleName(self.tr("Lista de pedidos"))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        # The scroll bar is there from the start: appearing with the first rows it narrowed the
        # viewport, the stretched column followed a moment later and every row painted twice.
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        metrics = QFontMetrics(table.font())
        # Fixed row heights and column widths: measuring contents would read every loaded row.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        samples = {
            Column.CREATED_AT: "00/00/0000 00:00",
            Column.NUMBER: "000000",
            Column.REFERENCE: "T01-XXXX-000000-0",
            Column.CUSTOMER: "Nombre Apellido",
            Column.TOTAL: "$ 00.000.000",
            Column.METHOD: "Bancolombia",
            Column.STATUS: "Esperando pago",
        }
        self._widths: dict[Column, int] = {}
        for column, sample in samples.items():
            extra = 52 if column is Column.STATUS else 18  # icon, padding
            self._widths[column] = metrics.horizontalAdvance(sample) + extra
            header.resizeSection(column, self._widths[column])
        header.setSectionResizeMode(Column.CUSTOMER, QHeaderView.ResizeMode.Stretch)
        table.installEventFilter(self)
        header.setSortIndicator(Column.CREATED_AT, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        table.setSortingEnabled(True)
        return table

    def _build(self) -> None:
        heading = QLabel(self.title, self)
        heading.setObjectName("PageTitle")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("PlaceholderText")
        self.busy_box = QWidget(self)
        self.busy = QProgressBar(self.busy_box)
        self.busy.setObjectName("OrdersBusy")
        self.busy.setRange(0, 0)  # indeterminate: a page has no progress to show
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(120)
        self.busy.setAccessibleName(self.tr("Cargando pedidos"))
        self.busy_label = QLabel(self.tr("Cargando pedidos…"), self.busy_box)
        self.busy_label.setObjectName("PlaceholderText")
        self.export_button = QPushButton(self.tr("Exportar CSV…  Ctrl+S"), self)
        self.export_button.setAccessibleName(self.tr("Exportar CSV"))
        self.export_button.setToolTip(
            self.tr("Guarda los pedidos que coinciden con los filtros en un archivo para Excel.")
        )
        self.export_button.setVisible(self._service is not None)
        self.day_close_button = QPushButton(self.tr("Cierre del día"), self)
        self.day_close_button.setAccessibleName(self.tr("Cierre del día"))
        self.day_close_button.setToolTip(
            self.tr("Totales esperados, efectivo contado y pendientes de esta terminal en el día.")
        )
        self.day_close_button.setVisible(self._service is not None)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addSpacing(16)
        top.addWidget(self.count_label)
        top.addSpacing(8)
        top.addWidget(self._busy_box())
        top.addStretch(1)
        top.addWidget(self.day_close_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self._build_error_banner())
        self.splitter.setObjectName("OrdersSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_list_side())
        self.splitter.addWidget(self._build_detail_side())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)
        self._fix_busy_size()

    def _busy_box(self) -> QWidget:
        box = self.busy_box
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.busy)
        row.addWidget(self.busy_label)
        return box

    def _fix_busy_size(self) -> None:
        """The loading indicator comes and goes with every page: in a box of fixed size it
        repaints alone instead of laying the whole page out again (a widget of fixed size
        never asks its parent for a new layout)."""
        self.busy_box.ensurePolished()  # the theme's fonts, to measure with
        self.busy_box.setFixedSize(self.busy_box.sizeHint())

    def _build_error_banner(self) -> QFrame:
        self.error_banner = QFrame(self)
        self.error_banner.setObjectName("PendingBanner")  # the theme's amber notice look
        self.error_text = QLabel(self.error_banner)
        self.error_text.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Reintentar"), self.error_banner)
        self.retry_button.setAccessibleName(self.tr("Reintentar"))
        row = QHBoxLayout(self.error_banner)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.error_text, 1)
        row.addWidget(self.retry_button)
        self.error_banner.hide()
        return self.error_banner

    def _build_list_side(self) -> QWidget:
        side = self._list_side
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.empty, 1)
        side.setMinimumWidth(420)
        return side

    def _build_detail_side(self) -> QWidget:
        side = self._detail_side
        side.setObjectName("OrderDetailSide")
        self.notice = QLabel(side)
        self.notice.setObjectName("Notice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()
        column = QVBoxLayout(side)
        column.setContentsMargins(8, 0, 0, 0)
        column.addWidget(self.actions)
        column.addWidget(self.notice)
        column.addWidget(self.detail, 1)
        side.setMinimumWidth(DETAIL_MIN_WIDTH - 20)
        side.setVisible(self._service is not None)
        return side

    def _connect(self) -> None:
        self.model.loading_changed.connect(self._on_loading_changed)
        self.model.rows_loaded.connect(self._show_state)
        self.model.load_failed.connect(self._on_load_failed)
        self.model.modelReset.connect(self._on_model_reset)
        self.filters.filter_changed.connect(self._on_filter)
        self.retry_button.clicked.connect(self.model.retry)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._on_sort_indicator)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self._detail_timer.timeout.connect(self._load_current_detail)
        self.actions.requery_clicked.connect(self.requery)
        self.actions.void_clicked.connect(self.start_void)
        self.actions.reprint_clicked.connect(lambda: self._receipt("print"))
        self.actions.pdf_clicked.connect(lambda: self._receipt("pdf"))
        self.actions.resend_clicked.connect(lambda: self._receipt("email"))
        self.actions.link_clicked.connect(self.create_link)
        self.export_button.clicked.connect(self.export_csv)
        self.day_close_button.clicked.connect(self.open_day_close)

    def _shortcuts(self) -> None:
        # Window-wide, like the counter's keys: Qt ignores them while the page is hidden.
        keys: dict[str, Callable[[], object]] = {
            "Ctrl+F": lambda: self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason),
            "F5": lambda: self._click_if_enabled(self.actions.requery),
            "Ctrl+P": lambda: self._click_if_enabled(self.actions.reprint),
            "Ctrl+E": lambda: self._click_if_enabled(self.actions.resend),
            "Ctrl+S": lambda: self._click_if_enabled(self.export_button),
        }
        self.shortcuts: dict[str, QShortcut] = {}
        for key, slot in keys.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts[key] = shortcut

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """On a narrow table the order number and the method step aside (the detail shows
        both), so date, reference, customer, total and status stay whole."""
        available = self.table.viewport().width()
        shown = dict(self._widths)
        for column in OPTIONAL_COLUMNS:
            needed = sum(w for c, w in shown.items() if c is not Column.CUSTOMER)
            if Column.CUSTOMER in shown:
                needed += MIN_CUSTOMER_WIDTH
            if needed <= available:
                break
            shown.pop(column)
        for column in OPTIONAL_COLUMNS:
            self.table.setColumnHidden(column, column not in shown)

    @staticmethod
    def _click_if_enabled(button: QPushButton) -> None:
        if button.isVisible() and button.isEnabled() and button.window().isEnabled():
            button.click()

    # -- loading and live updates --------------------------------------------------------------

    def start_loading(self) -> None:
        """Read the first page now, before the page is first shown. The app calls this when it
        builds the page at startup: opening Pedidos then paints rows at once, and live updates
        keep them current meanwhile. Without it the first show starts the read."""
        if self._loading_started:
            return
        self._loading_started = True
        self.model.set_source(self._source, self.filters.current_filter())
        self._options_wanted = True  # once the first page is in (_on_loading_changed)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._shown_once:
            self._shown_once = True
            self._size_splitter()
            if self._loading_started:
                self._follow_the_filter()  # the day may have turned since the rows were read
                self._catch_up_after_paint = self.model.started
            self.start_loading()
            self._hold_paint_for_first_rows()
        else:
            self._catch_up_after_paint = True

    def paintEvent(self, event: object) -> None:
        super().paintEvent(event)  # type: ignore[arg-type]
        if self._catch_up_after_paint:
            # Whatever changed while the page was away (or since it read its rows hidden) is
            # read once these rows are on the screen: a read beside the paint slowed it by half.
            self._catch_up_after_paint = False
            QTimer.singleShot(0, self, self._catch_up)

    def _catch_up(self) -> None:
        self.model.refresh(None)
        self._load_options()

    def _follow_the_filter(self) -> None:
        wanted = self.filters.current_filter()
        if wanted != self.model.filter:
            self.model.set_filter(wanted)

    def _hold_paint_for_first_rows(self) -> None:
        if not self.model.is_loading:
            return
        self.setUpdatesEnabled(False)
        QTimer.singleShot(FIRST_ROWS_WAIT_MS, self, self._release_paint)

    def _release_paint(self) -> None:
        if not self.updatesEnabled():
            self.setUpdatesEnabled(True)
            # At once: an update() after updates come back was not always honoured for a
            # window shown while they were off (the offscreen platform never painted it).
            self.repaint()

    def hideEvent(self, event: object) -> None:
        self._detail_timer.stop()
        super().hideEvent(event)  # type: ignore[arg-type]

    def _size_splitter(self) -> None:
        """The detail gets about two fifths of the width, within what its content needs."""
        total = max(self.splitter.width(), 1)
        detail = min(max(int(total * 0.38), DETAIL_MIN_WIDTH), DETAIL_MAX_WIDTH)
        self.splitter.setSizes([max(total - detail, 1), detail])

    def refresh(self) -> None:
        """Re-read every loaded row and look for new orders."""
        self.model.refresh(None)

    def on_orders_changed(self, numbers: object = None) -> None:
        """The sync engine or the counter changed these orders (None: any)."""
        if not self._loading_started:
            return  # the first read reads everything fresh
        changed = _numbers(numbers)
        self.model.refresh(changed)
        if self._detail_number is not None and (changed is None or self._detail_number in changed):
            self._load_detail(self._detail_number, keep_notice=True)

    def _on_filter(self, order_filter: OrderFilter) -> None:
        if self._loading_started:
            self.model.set_filter(order_filter)
        self._show_state()

    def _on_sort_indicator(self, section: int, order: Qt.SortOrder) -> None:
        if Column(section) not in (SORT_COLUMNS[key] for key in SORT_COLUMNS):
            # Only dates, totals and statuses sort (in the store); put the arrow back.
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            current = SORT_COLUMNS[self.model.sort_key]
            direction = (
                Qt.SortOrder.DescendingOrder
                if self.model.descending
                else Qt.SortOrder.AscendingOrder
            )
            header.setSortIndicator(current, direction)
            header.blockSignals(False)

    def _on_loading_changed(self, busy: bool) -> None:
        self._show_state()
        if not busy:
            self._release_paint()
        if not busy and self._options_wanted:
            # The filter's terminals and methods are read after the first page: read beside it
            # on the one database thread, they held its rows back by several milliseconds.
            self._options_wanted = False
            self._load_options()

    def _load_options(self) -> None:
        service = self._service
        if service is None:
            return

        async def options() -> tuple[list[str], list[str]]:
            return await service.terminals(), await service.methods()

        run_op(
            self,
            options,
            on_success=lambda found: self.filters.set_options(*found),
            on_error=lambda exc: self.show_notice(
                self.tr("No se pudieron leer las terminales y medios de pago: %1").replace(
                    "%1", user_message(exc)
                )
            ),
        )

    def _on_load_failed(self, exc: Exception) -> None:
        self.error_text.setText(
            self.tr("No se pudieron cargar los pedidos: %1").replace("%1", user_message(exc))
        )
        self._show_state()

    def _show_state(self) -> None:
        model = self.model
        rows = model.rowCount()
        failed = model.error is not None
        self.error_banner.setVisible(failed)
        loading = model.is_loading or (
            self._source is not None and not model.started and not failed
        )
        self.busy.setVisible(loading)
        self.busy_label.setVisible(loading)
        empty = rows == 0 and not loading and not failed
        if empty:
            self.empty.setText(self._empty_text())
        self.empty.setVisible(empty)
        self.table.setVisible(not empty)
        self.count_label.setText(self._count_text(rows, model.has_more))

    def _empty_text(self) -> str:
        if self._source is not None and not self.filters.is_default():
            return self.tr(
                "Ningún pedido coincide con los filtros. Pruebe otras fechas u otra búsqueda, "
                "o use «Limpiar filtros»."
            )
        return self.tr(
            "Todavía no hay ventas. Las ventas de la Caja aparecerán aquí con su estado "
            "de pago, que se actualiza solo cuando Wompi confirma."
        )

    def _count_text(self, rows: int, more: bool) -> str:
        if rows == 1:
            text = self.tr("1 pedido cargado")
        else:
            text = self.tr("%1 pedidos cargados").replace("%1", f"{rows:,}".replace(",", "."))
        if more:
            text += self.tr(" · baje para ver más")
        return text

    # -- the selected order ----------------------------------------------------------------------

    def selected_number(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.summary(index.row()).number

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._service is None:
            return
        if not current.isValid():
            self._clear_detail()
            return
        self._detail_timer.start()

    def _on_model_reset(self) -> None:
        self._detail_timer.stop()
        self._clear_detail()

    def _clear_detail(self) -> None:
        self._detail_number = None
        self.detail.show_message(self.tr("Elija un pedido de la lista para ver su detalle."))
        self.actions.set_detail(None, can_mail=False)

    def _load_current_detail(self) -> None:
        number = self.selected_number()
        if number is None:
            self._clear_detail()
            return
        self._load_detail(number)

    def _load_detail(self, number: int, *, keep_notice: bool = False) -> None:
        service = self._service
        if service is None:
            return
        changed_order = number != self._detail_number
        self._detail_number = number
        if changed_order:
            if not keep_notice:
                self.show_notice("")
            self.detail.show_message(self.tr("Cargando el pedido %1…").replace("%1", str(number)))
            self.actions.set_detail(None, can_mail=False)
        run_op(
            self,
            lambda: service.detail(number),
            on_success=lambda detail: self._on_detail(number, detail),
            on_error=lambda exc: self._on_detail_failed(number, exc),
        )

    def _on_detail(self, number: int, detail: OrderDetail | None) -> None:
        if number != self._detail_number:
            return  # another order was chosen meanwhile
        if detail is None:
            self.detail.show_message(
                self.tr("El pedido %1 ya no existe en esta base de datos.").replace(
                    "%1", str(number)
                )
            )
            self.actions.set_detail(None, can_mail=False)
            return
        self.detail.show_detail(detail)
        self.actions.set_detail(detail, can_mail=self._can_mail())

    def _on_detail_failed(self, number: int, exc: Exception) -> None:
        if number != self._detail_number:
            return
        log.warning("order %s detail failed: %s", number, exc, exc_info=exc)
        self.detail.show_message(
            self.tr("No se pudo leer el pedido %1: %2")
            .replace("%1", str(number))
            .replace("%2", user_message(exc))
        )

    def _can_mail(self) -> bool:
        return self._receipts is not None and self._receipts.send_mail is not None

    # -- actions -----------------------------------------------------------------------------------

    def requery(self) -> None:
        """*Consultar en Wompi*: read the order's attempts from Wompi now; say what changed."""
        service, number = self._service, self._detail_number
        if service is None or number is None:
            return
        self.show_notice(self.tr("Consultando el pedido %1 en Wompi…").replace("%1", str(number)))
        run_op(
            self,
            lambda: service.requery(number),
            on_success=lambda changes: self._on_requeried(number, changes),
            on_error=lambda exc: self._action_failed(exc),
            busy=self.actions,
        )

    def _on_requeried(self, number: int, changes: list[StatusChange]) -> None:
        if not changes:
            self.show_notice(
                self.tr(
                    "Wompi no tiene cambios para el pedido %1: el estado aquí está al día."
                ).replace("%1", str(number))
            )
        else:
            lines = [
                self.tr("%1: %2 → %3 (%4)")
                .replace("%1", change.reference)
                .replace(
                    "%2", payment_status_word(change.from_status) if change.from_status else "—"
                )
                .replace("%3", payment_status_word(change.to_status))
                .replace("%4", Source.of_change(change.source, change.evidence).word())
                for change in changes
            ]
            self.show_notice(
                self.tr("Wompi cambió el pedido %1:").replace("%1", str(number))
                + "\n"
                + "\n".join(lines)
            )
        self.on_orders_changed({number})

    def create_link(self) -> None:
        """*Crear link…*: a payment link for the chosen unpaid order (the counter's dialog)."""
        if self._detail_number is not None:
            self.order_link.start(self._detail_number, busy=self.actions)

    def _link_closed(self, number: int, created: bool) -> None:
        if created:
            self.on_orders_changed({number})
        self.give_focus_back()

    def start_void(self) -> None:
        """*Anular…*: ask Wompi whether the payment can be voided, then confirm, then void."""
        service, detail = self._service, self.detail.detail
        if service is None or detail is None:
            return
        candidates = void_candidates(detail)
        if not candidates:
            self._explain_no_void(no_void_reason(detail))
            return

        async def checks() -> list[tuple[Any, Any]]:
            return [(c, await service.void_check(c.attempt.reference)) for c in candidates]

        self.show_notice(self.tr("Consultando en Wompi si el pago se puede anular…"))
        run_op(
            self,
            checks,
            on_success=lambda found: self._confirm_void(detail, found),
            on_error=self._action_failed,
            busy=self.actions,
        )

    def _confirm_void(self, detail: OrderDetail, found: list[tuple[Any, Any]]) -> None:
        self.show_notice("")
        voidable = [candidate for candidate, check in found if check.can_void]
        if not voidable:
            self._explain_no_void("\n\n".join(render(check.reason) for _c, check in found))
            return
        notes = {c.attempt.reference: render(check.reason) for c, check in found if check.can_void}
        number = detail.order.number or 0
        dialog = VoidDialog(number, voidable, self, notes=notes)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.void_dialog = dialog
        dialog.accepted.connect(
            lambda: self._void(detail, dialog.chosen.attempt.reference, dialog.reason())
        )
        dialog.finished.connect(lambda _result: self.give_focus_back())
        dialog.open()

    def _explain_no_void(self, reason: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("No se puede anular"),
            reason,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("NoVoidDialog")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for button in box.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        box.finished.connect(lambda _result: self.give_focus_back())
        self.actions.set_void_reason(reason)
        box.open()

    def _void(self, detail: OrderDetail, reference: str, reason: str) -> None:
        service = self._service
        if service is None:
            return
        actor = str(getattr(self._back_office, "actor", "") or "")
        self.show_notice(self.tr("Anulando el pago %1 en Wompi…").replace("%1", reference))
        run_op(
            self,
            lambda: service.void(reference, actor, reason),
            on_success=lambda attempt: self._voided(detail, attempt, actor, reason),
            on_error=self._action_failed,
            busy=self.actions,
        )

    def _voided(
        self, detail: OrderDetail, attempt: PaymentAttempt, actor: str, reason: str
    ) -> None:
        self.show_notice(
            self.tr("Pago %1 anulado: %2.")
            .replace("%1", attempt.reference)
            .replace("%2", attempt.amount.format())
        )
        settings = self._settings()
        receipt = VoidReceipt(
            store_name=settings.store_name,
            store_nit=settings.store_nit,
            terminal_id=detail.order.terminal_id,
            order_number=attempt.order_number,
            reference=attempt.reference,
            transaction_id=attempt.transaction_id or "",
            amount=attempt.amount,
            method=attempt.payment_method,
            voided_at=attempt.updated_at,
            actor=actor,
            reason=reason,
        )
        done = VoidDoneDialog(
            receipt,
            self,
            printer_factory=self._receipts.printer_factory if self._receipts else None,
            folder=self._receipt_folder,
        )
        done.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.void_done = done
        done.finished.connect(lambda _result: self.give_focus_back())
        done.open()
        self.on_orders_changed({attempt.order_number})

    def _receipt(self, action: str) -> None:
        """*Reimprimir* ("print"), *Guardar PDF* ("pdf") or *Reenviar* ("email")."""
        service, number, shown = self._service, self._detail_number, self.detail.detail
        if service is None or number is None:
            return
        settings = self._settings()

        async def receipt() -> Receipt:
            detail = await service.detail(number)  # fresh: a void since the pane was drawn
            paid = receipt_attempt(detail) if detail is not None else None
            if detail is None or paid is None:
                raise ReceiptNotAvailableError(
                    QCoreApplication.translate(
                        "OrdersPage", "El pedido %1 no tiene un pago aprobado: no hay recibo."
                    ).replace("%1", str(number))
                )
            return build_receipt(
                detail.order,
                paid.attempt,
                store_name=settings.store_name,
                store_nit=settings.store_nit,
            )

        email = shown.order.customer.email if shown is not None else ""
        self.receipt_actions.run(receipt, action, email)

    def _settings(self) -> Settings:
        if self._receipts is None:
            return Settings()
        try:
            return self._receipts.settings()
        except Exception:  # the receipt still prints, with the default store name; say why
            log.exception("settings unreadable for a receipt")
            return Settings()

    def export_csv(self) -> None:
        """*Exportar CSV*: the rows the filters match, in the table's order, to a file."""
        service = self._service
        if service is None:
            return
        order_filter = self.model.filter
        sort, descending = self.model.sort_key, self.model.descending
        suggested = csv_filename(order_filter, bogota_today(self._clock()))

        def chosen(path: Path) -> None:
            self.show_notice(self.tr("Exportando pedidos a %1…").replace("%1", str(path)))
            run_op(
                self,
                lambda: service.export_csv(order_filter, sort, descending, path),
                on_success=lambda count: self._exported(count, path),
                on_error=self._action_failed,
                busy=self.export_button,
            )

        self.csv_dialog = ask_csv_path(
            self, suggested, chosen, self.give_focus_back, folder=self._csv_folder
        )

    def open_day_close(self) -> None:
        """*Cierre del día* of this terminal: the day the filter shows, else today (Bogotá)."""
        if self._back_office is None:
            return
        order_filter = self.model.filter
        day = bogota_today(self._clock())
        if order_filter.first_day is not None and order_filter.first_day == order_filter.last_day:
            day = order_filter.first_day
        settings = self._settings()
        dialog = DayCloseDialog(
            self._back_office,
            day,
            store=lambda: (settings.store_name, settings.store_nit),
            parent=self,
        )
        self.day_close_dialog = dialog
        dialog.finished.connect(lambda _result: self.give_focus_back())
        dialog.open()

    def _exported(self, count: int, path: Path) -> None:
        text = (
            self.tr("Se exportó 1 pedido a %1")
            if count == 1
            else self.tr("Se exportaron %2 pedidos a %1").replace("%2", str(count))
        )
        self.show_notice(text.replace("%1", str(path)))

    def _action_failed(self, exc: Exception) -> None:
        self.show_notice("")
        box = present_error(self, exc)
        box.finished.connect(lambda _result: self.give_focus_back())

    # -- what ReceiptActions and the dialogs call back -------------------------------------------

    def show_notice(self, text: str) -> None:
        """A line above the detail saying what an action did (where a file went…)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def give_focus_back(self) -> None:
        """A dialog closed: the keyboard returns to the table (or the search when it is empty)."""
        if not shiboken6.isValid(self) or not self.isVisible():
            return
        self.window().activateWindow()
        target = self.table if self.table.isVisible() else self.filters.search
        target.setFocus(Qt.FocusReason.OtherFocusReason)


def _numbers(numbers: object) -> set[int] | None:
    """The order numbers a change signal carries; None when it does not say."""
    if numbers is None or isinstance(numbers, (str, bytes)):
        return None
    if isinstance(numbers, int):
        return {numbers}
    if isinstance(numbers, Iterable):
        return {int(n) for n in numbers}
    return None
