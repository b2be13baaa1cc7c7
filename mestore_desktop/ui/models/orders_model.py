"""`OrdersTableModel`: every order, one keyset page at a time, updated in place as payments settle.

The model never holds more than what has been scrolled to. It asks its source (the back office's
`OrdersService`, whose reads run on the store's executor) for the first page when the filter or
the sort changes, and for the next one when the view calls `fetchMore` (the user scrolled near
the end). One request is in flight at a time; a page asked for meanwhile waits for it (while the
first page loads, the view's ask is dropped: the rows arriving make it ask again if they leave
room), and a new filter or sort cancels it (its answer would describe rows no longer wanted).
A failed request is reported through `load_failed`, stops further paging until `retry()`, and is
never swallowed.

Live updates (`refresh(numbers)`, from the sync engine or the counter) re-read those orders and
change their rows in place (`dataChanged`: selection and scroll position stay put). Orders the
model has not loaded are new: when the table is sorted newest first, the first page is read
again and the ones newer than the top row are inserted above it. In another sort a new order
shows up when the user sorts or filters again (rows never jump under the pointer).
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from enum import IntEnum
from functools import cache
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from mestore_desktop.domain.browse import OrderFilter, OrderPage, SortKey
from mestore_desktop.domain.order import OrderSummary
from mestore_desktop.ui import icons
from mestore_desktop.ui.formatting import (
    STATUS_COLOUR,
    STATUS_HEX,
    local_time,
    method_word,
    status_word,
)
from mestore_desktop.ui.orders.source import OrdersSource

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1  # the OrderStatus value, for delegates and tests
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE_SIZE = 100  # about five screens of rows: one page fills the first paint with room to scroll
SUMMARY_CHUNK = 500  # order numbers per `summaries` call on a refresh of everything loaded

# Qt's roles as plain ints. A view asks `data()` for about seven roles of every visible cell on
# every repaint (a scroll step: ~1,000 calls); Qt passes the role as an int, and comparing it
# with enum members cost more than the answer itself.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_DECORATION = Qt.ItemDataRole.DecorationRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_STATUS = int(STATUS_ROLE)
_NUMBER = int(NUMBER_ROLE)
_ANSWERED = frozenset({_DISPLAY, _DECORATION, _ALIGNMENT, _FOREGROUND, _ACCESSIBLE})
_ANSWERED |= {_STATUS, _NUMBER}
_HEADER_ROLES = frozenset({_DISPLAY, _ALIGNMENT, _TOOLTIP})
_RIGHT = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value

# The icon shown beside each status word (resources/icons), so colour is never the only signal.
STATUS_ICON = {
    "approved": "approved",
    "pending": "pending",
    "declined": "declined",
    "error": "error",
    "voided": "cancelled",
}


class Column(IntEnum):
    CREATED_AT = 0
    NUMBER = 1
    REFERENCE = 2
    CUSTOMER = 3
    TOTAL = 4
    METHOD = 5
    STATUS = 6

    def header(self) -> str:
        words = {
            Column.CREATED_AT: QCoreApplication.translate("OrdersTableModel", "Fecha"),
            Column.NUMBER: QCoreApplication.translate("OrdersTableModel", "Pedido"),
            Column.REFERENCE: QCoreApplication.translate("OrdersTableModel", "Referencia"),
            Column.CUSTOMER: QCoreApplication.translate("OrdersTableModel", "Cliente"),
            Column.TOTAL: QCoreApplication.translate("OrdersTableModel", "Total"),
            Column.METHOD: QCoreApplication.translate("OrdersTableModel", "Medio"),
            Column.STATUS: QCoreApplication.translate("OrdersTableModel", "Estado"),
        }
        return words[self]


# The columns a header click sorts by, and the store's sort key for each.
SORT_KEYS: dict[Column, SortKey] = {
    Column.CREATED_AT: SortKey.CREATED_AT,
    Column.TOTAL: SortKey.TOTAL,
    Column.STATUS: SortKey.STATUS,
}
SORT_COLUMNS: dict[SortKey, Column] = {key: column for column, key in SORT_KEYS.items()}
_COLUMNS = len(Column)
_TOTAL_COLUMN = Column.TOTAL.value
_STATUS_COLUMN = Column.STATUS.value


class OrdersTableModel(QAbstractTableModel):
    """Orders matching a filter, in the chosen sort, fetched page by page."""

    loading_changed = Signal(bool)  # a request started (True) or ended (False)
    load_failed = Signal(object)  # the exception of a failed request
    rows_loaded = Signal()  # rows were added, or the model restarted (count or emptiness moved)

    def __init__(
        self,
        parent: object | None = None,
        *,
        source: OrdersSource | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._source = source
        self._page_size = page_size
        self._filter = OrderFilter()
        self._sort = SortKey.CREATED_AT
        self._descending = True
        self._rows: list[OrderSummary] = []
        # Each row's cell texts, made on its first paint (None until then, and again when the
        # row changes): formatting dates, money and words on every data() call was most of a
        # repaint's cost.
        self._texts: list[tuple[str, ...] | None] = []
        self._positions: dict[int, int] = {}
        self._next_key: Any = None
        self._more = source is not None
        self._started = False  # the first page of the current filter and sort has arrived
        self._task: asyncio.Future[Any] | None = None
        self._generation = 0
        self._error: Exception | None = None
        self._retry: Callable[[], None] | None = None
        self._pending: set[int] = set()
        self._pending_all = False
        self._want_more = False

    # -- what the model shows ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if role not in _HEADER_ROLES or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < _COLUMNS:
            return None
        if role == _DISPLAY:
            return Column(section).header()
        if role == _ALIGNMENT:
            return _RIGHT if section == _TOTAL_COLUMN else None
        if Column(section) in SORT_KEYS:  # the tooltip
            return QCoreApplication.translate(
                "OrdersTableModel", "Clic para ordenar por esta columna"
            )
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        # The hot path of every repaint: int roles, cached texts, no enum built per call.
        if role not in _ANSWERED:
            return None
        row, column = index.row(), index.column()  # an invalid index has row -1
        if not (0 <= row < len(self._rows) and 0 <= column < _COLUMNS):
            return None
        if role in (_DISPLAY, _ACCESSIBLE):
            return (self._texts[row] or self._make_texts(row))[column]
        if role == _ALIGNMENT:
            return _RIGHT if column == _TOTAL_COLUMN else None
        if role == _STATUS:
            return self._rows[row].status.value
        if role == _NUMBER:
            return self._rows[row].number
        if column != _STATUS_COLUMN:
            return None
        colour = STATUS_COLOUR[self._rows[row].status]
        if role == _FOREGROUND:
            return _status_brush(colour)
        return icons.icon(STATUS_ICON[colour])  # the decoration

    def _make_texts(self, row: int) -> tuple[str, ...]:
        texts = _texts_of(self._rows[row])
        self._texts[row] = texts
        return texts

    def row_of(self, number: int) -> int | None:
        return self._positions.get(number)

    def summary(self, row: int) -> OrderSummary:
        return self._rows[row]

    @property
    def filter(self) -> OrderFilter:
        return self._filter

    @property
    def sort_key(self) -> SortKey:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def is_loading(self) -> bool:
        return self._task is not None

    @property
    def started(self) -> bool:
        """The first page of the current filter and sort has arrived (an empty one included)."""
        return self._started

    @property
    def error(self) -> Exception | None:
        """The last request's failure, until a request works again."""
        return self._error

    @property
    def has_more(self) -> bool:
        return self._more

    # -- choosing what to show ---------------------------------------------------------------

    def set_source(
        self, source: OrdersSource | None, order_filter: OrderFilter | None = None
    ) -> None:
        """Read from `source` (with `order_filter` when given), from its first page."""
        self._source = source
        if order_filter is not None:
            self._filter = order_filter  # one restart for both, not one each
        self.restart()

    def set_filter(self, order_filter: OrderFilter) -> None:
        if order_filter == self._filter and self._started:
            return
        self._filter = order_filter
        self.restart()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: dates, totals and statuses sort in the store, from the first page."""
        key = SORT_KEYS.get(Column(column)) if 0 <= column < len(Column) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending) and (self._started or self._task):
            return
        self._sort, self._descending = key, descending
        self.restart()

    def restart(self) -> None:
        """Forget every row and read the first page again (a new filter or sort)."""
        self._generation += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.beginResetModel()
        self._rows.clear()
        self._texts.clear()
        self._positions.clear()
        self._next_key = None
        self._more = self._source is not None
        self._started = False
        self._error = self._retry = None
        self._pending.clear()
        self._pending_all = self._want_more = False
        self.endResetModel()
        self.rows_loaded.emit()
        if self._source is not None:
            self._fetch_page()
        else:
            self.loading_changed.emit(False)

    def retry(self) -> None:
        """Run the request that failed again."""
        retry, self._retry = self._retry, None
        self._error = None
        if retry is not None and self._task is None:
            retry()

    # -- paging ------------------------------------------------------------------------------

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more and self._error is None

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        if self._task is not None:
            # A view asks while the first page loads only because it has no rows yet; those
            # rows make it ask again if they leave room. A second page read then would compete
            # with the first rows' paint for nothing. Later asks wait for the request in flight.
            if self._started:
                self._want_more = True
            return
        self._fetch_page()

    def _fetch_page(self) -> None:
        source, after = self._source, self._next_key
        if source is None:
            return
        order_filter, sort, descending = self._filter, self._sort, self._descending
        self._launch(
            lambda: source.page(order_filter, sort, descending, after, self._page_size),
            self._on_page,
            retry=self._fetch_page,
        )

    def _on_page(self, page: OrderPage) -> None:
        # A row moved by a status change between two pages could come twice: keep the first.
        fresh = [row for row in page.rows if row.number not in self._positions]
        # The cursor moves first: a view may ask for the next page from inside rowsInserted.
        self._next_key = page.next_key
        self._more = page.next_key is not None
        self._started = True
        self._append(fresh)
        self.rows_loaded.emit()

    def _append(self, rows: Sequence[OrderSummary]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        for offset, row in enumerate(rows):
            self._positions[row.number] = first + offset
            self._rows.append(row)
        self._texts.extend([None] * len(rows))
        self.endInsertRows()

    # -- live updates ------------------------------------------------------------------------

    def refresh(self, numbers: Iterable[int] | None = None) -> None:
        """These orders changed (None: any may have): re-read them and show new ones."""
        if self._source is None:
            return
        if numbers is None:
            self._pending_all = True
        else:
            self._pending.update(int(n) for n in numbers)
        if self._task is None and self._started:
            self._run_refresh()

    def _run_refresh(self) -> None:
        source = self._source
        if source is None:
            return
        asked, everything = set(self._pending), self._pending_all
        self._pending.clear()
        self._pending_all = False
        known = list(self._positions) if everything else [n for n in asked if n in self._positions]
        newest_first = self._sort is SortKey.CREATED_AT and self._descending
        look_at_head = newest_first and (everything or len(known) < len(asked))
        order_filter, limit = self._filter, self._page_size

        async def reread() -> tuple[list[OrderSummary], OrderPage | None]:
            summaries: list[OrderSummary] = []
            for start in range(0, len(known), SUMMARY_CHUNK):
                summaries += await source.summaries(known[start : start + SUMMARY_CHUNK])
            head = None
            if look_at_head:
                head = await source.page(order_filter, SortKey.CREATED_AT, True, None, limit)
            return summaries, head

        def again() -> None:
            self._pending.update(asked)
            self._pending_all = self._pending_all or everything
            self._run_refresh()

        self._launch(reread, self._on_refreshed, retry=again)

    def _on_refreshed(self, result: tuple[list[OrderSummary], OrderPage | None]) -> None:
        summaries, head = result
        for summary in summaries:
            position = self._positions.get(summary.number)
            if position is not None and self._rows[position] != summary:
                self._rows[position] = summary
                self._texts[position] = None
                last = len(Column) - 1
                self.dataChanged.emit(self.index(position, 0), self.index(position, last))
        if head is not None:
            self._insert_newer(head)

    def _insert_newer(self, head: OrderPage) -> None:
        top = (self._rows[0].created_at, self._rows[0].number) if self._rows else None
        newer = [
            row
            for row in head.rows
            if row.number not in self._positions
            and (top is None or (row.created_at, row.number) > top)
        ]
        if not newer:
            return
        if len(newer) == len(head.rows) and head.next_key is not None and self._rows:
            # More new orders than one page: the gap below them cannot be paged; start over.
            self.restart()
            return
        if not self._rows:
            self._next_key, self._more = head.next_key, head.next_key is not None
        self.beginInsertRows(QModelIndex(), 0, len(newer) - 1)
        self._rows[:0] = newer
        self._texts[:0] = [None] * len(newer)
        self._positions = {row.number: i for i, row in enumerate(self._rows)}
        self.endInsertRows()
        self.rows_loaded.emit()

    # -- one request at a time ---------------------------------------------------------------

    def _launch(
        self,
        op: Callable[[], Awaitable[Any]],
        on_result: Callable[[Any], None],
        *,
        retry: Callable[[], None],
    ) -> None:
        """Run `op` as the one request in flight; `retry` runs it again after a failure."""
        generation = self._generation

        try:
            # Called now, not in the task's first step: a source that submits its read at once
            # (the back office's) has it running while the loop turns.
            pending: Awaitable[Any] | None = op()
            raised: Exception | None = None
        except Exception as exc:  # routed through the task like a failed read
            pending, raised = None, exc

        async def runner() -> None:
            # The answer is handled inside the task's last step rather than in a done callback:
            # that would wait one more turn of the event loop before the rows reach the view.
            try:
                if pending is None:
                    raise raised or RuntimeError("no request")
                result = await pending
            except Exception as exc:
                self._finished(generation, failure=exc, retry=retry)
                return
            self._finished(generation, on_result=lambda: on_result(result))

        task = asyncio.ensure_future(runner())
        task.add_done_callback(
            lambda done: (
                done.cancelled() and (_discard(pending), self._finished(generation, cancelled=True))
            )
        )
        self._task = task
        self.loading_changed.emit(True)

    def _finished(
        self,
        generation: int,
        *,
        on_result: Callable[[], None] | None = None,
        failure: Exception | None = None,
        retry: Callable[[], None] | None = None,
        cancelled: bool = False,
    ) -> None:
        """The request in flight ended: its answer, its failure, or its cancellation."""
        if not shiboken6.isValid(self) or generation != self._generation:
            return  # the model is gone, or restarted: this answer is about other rows
        self._task = None
        if cancelled:
            self.loading_changed.emit(False)
            return
        if on_result is not None:
            self._error = self._retry = None  # the store answers again
            on_result()
        elif failure is not None and retry is not None:
            self._failed(failure, retry)
        self.loading_changed.emit(self._task is not None)
        if self._task is None and self._error is None:
            self._next_step()

    def _failed(self, exc: Exception, retry: Callable[[], None]) -> None:
        log.warning("orders request failed: %s", exc, exc_info=exc)
        self._error, self._retry = exc, retry
        self.load_failed.emit(exc)

    def _next_step(self) -> None:
        if self._pending or self._pending_all:
            self._run_refresh()
        elif self._want_more:
            self._want_more = False
            self.fetchMore(QModelIndex())


def _texts_of(row: OrderSummary) -> tuple[str, ...]:
    """The cell texts of a row, in column order."""
    return (
        local_time(row.created_at),
        str(row.number),
        row.last_reference,
        row.customer_name or row.customer_email or _link_customer(row.link_name),
        row.total.format(),
        _method_text(row),
        status_word(row.status),
    )


def _method_text(row: OrderSummary) -> str:
    """The method cell: "Link · <name>" for an order paid or awaited through a payment link (a
    cash payment of an order made from a link is still cash)."""
    if row.link_name and row.payment_method != "CASH":
        return QCoreApplication.translate("OrdersTableModel", "Link · %1").replace(
            "%1", row.link_name
        )
    return method_word(row.payment_method)


def _link_customer(link_name: str) -> str:
    if not link_name:
        return ""
    return QCoreApplication.translate("OrdersTableModel", "Link: %1").replace("%1", link_name)


@cache
def _discard(pending: Awaitable[Any] | None) -> None:
    """A request cancelled before its task began: close its coroutine (never awaited, it would
    warn) or cancel its future (the store's answer is about rows no longer wanted)."""
    if inspect.iscoroutine(pending):
        pending.close()
    elif isinstance(pending, asyncio.Future):
        pending.cancel()


def _status_brush(colour: str) -> QBrush:
    return QBrush(QColor(STATUS_HEX[colour]))
