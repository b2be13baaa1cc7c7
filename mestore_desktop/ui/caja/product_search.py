"""The counter's search field: search-as-you-type, barcode scanners, and the cart's keys.

A scanner is a keyboard that types a code and Enter very fast, so Enter means "this is a code"
unless the cashier has picked a row in the results list with the arrow keys or the mouse. The
results list is a child widget laid over the page (not a popup window): it never takes the
keyboard, so the field keeps focus and the next scan always lands in it.

While the field is empty, `+`, `-`, `Supr` and the arrow keys act on the cart instead (a SKU may
contain a hyphen, so these keys type normally as soon as there is text).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from mestore_desktop.domain.catalogue import Product
from mestore_desktop.ui.qt_async import run_op

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150  # debounce: one query per pause in typing, not one per key
SEARCH_LIMIT = 20
VISIBLE_RESULTS = 8
_PRODUCT_ROLE = Qt.ItemDataRole.UserRole + 1
_FONT_EVENTS = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.Polish)
_FIELD_PADDING = 24  # the theme's inner padding and frame, both sides


class CatalogueLookup(Protocol):
    """Where the counter finds products (the store-backed one lives outside the UI)."""

    async def search(self, text: str, limit: int = 20) -> list[Product]: ...

    async def by_code(self, code: str) -> Product | None: ...


class ProductSearch(QWidget):
    """The field, a message beside it, and the results list laid over *popup_host*.

    Signals:
        product_chosen(Product): a scanned code, or a result picked with Enter or a click.
        step_requested(int): +1/-1 on the selected cart line (field empty).
        remove_requested(): Supr with an empty field.
        move_requested(int): arrow keys with no results list: move the cart's selection.
    """

    product_chosen = Signal(object)
    settled = Signal()  # every scanned code has been answered (added, or said to be unknown)
    step_requested = Signal(int)
    remove_requested = Signal()
    move_requested = Signal(int)

    def __init__(
        self,
        catalogue: CatalogueLookup | None,
        popup_host: QWidget,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._generation = 0  # bumped per query; an answer for an older one is discarded
        self._results_for: str | None = None  # the text the listed results answer
        self._navigated = False  # the cashier picked a row with the keys or the mouse
        self._search_task: asyncio.Task[list[Product]] | None = None
        self._lookups = 0  # codes looked up right now (a scanner may send several in a row)
        self.field = self._build_field()
        self.message = QLabel()
        self.message.setObjectName("SearchMessage")
        self.message.setWordWrap(True)
        self.popup = self._build_popup(popup_host)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field, 3)
        layout.addWidget(self.message, 2)

    def _build_field(self) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName("ProductSearchField")
        if self._catalogue is None:
            field.setPlaceholderText(self.tr("Sin catálogo de productos: use Monto libre (F4)"))
        else:
            field.setPlaceholderText(self.tr("Buscar producto o escanear código  (F2)"))
        field.setAccessibleName(self.tr("Buscar producto o escanear código"))
        field.setClearButtonEnabled(True)
        field.textEdited.connect(self._on_text_edited)
        field.installEventFilter(self)
        return field

    def _build_popup(self, host: QWidget) -> QListWidget:
        popup = QListWidget(host)
        popup.setObjectName("SearchResults")
        popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the keyboard
        popup.setAccessibleName(self.tr("Resultados de la búsqueda"))
        popup.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # A long name is cut at its end (whole text in the tooltip), never scrolled sideways: a
        # horizontal scroll bar would take half the height of a one-row list.
        popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        popup.setTextElideMode(Qt.TextElideMode.ElideRight)
        popup.setWordWrap(False)
        popup.setUniformItemSizes(True)
        popup.setMouseTracking(True)
        popup.itemEntered.connect(self._on_item_hovered)
        popup.itemClicked.connect(lambda item: self._choose(item.data(_PRODUCT_ROLE)))
        popup.hide()
        return popup

    # -- public ---------------------------------------------------------------------------

    def focus_field(self, select_all: bool = False) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if select_all:
            self.field.selectAll()

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def clear_message(self) -> None:
        self.message.clear()

    def results_visible(self) -> bool:
        return self.popup.isVisible()

    def results(self) -> list[Product]:
        return [self.popup.item(i).data(_PRODUCT_ROLE) for i in range(self.popup.count())]

    def reset(self) -> None:
        """Empty field, no message, no results: ready for a new sale."""
        self._forget_results()
        self.field.clear()
        self.clear_message()

    # -- keys -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() in _FONT_EVENTS:
            self._fit_placeholder()
        if watched is not self.field or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.ShortcutOverride:
            # Esc closes the results first; only a second Esc reaches "Cancelar venta".
            if event.key() == Qt.Key.Key_Escape and self.popup.isVisible():
                event.accept()
                return True
            return False
        if event.type() == QEvent.Type.KeyPress:
            return self._on_key(event)
        return False

    def _on_key(self, event: QKeyEvent) -> bool:
        key, empty = event.key(), not self.field.text()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 1
            if self.popup.isVisible():
                self._move_highlight(step)
            else:
                self.move_requested.emit(step)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_enter()
            return True
        if key == Qt.Key.Key_Escape and self.popup.isVisible():
            self._forget_results()
            return True
        if empty and event.text() in ("+", "-"):
            self.step_requested.emit(1 if event.text() == "+" else -1)
            return True
        if empty and key == Qt.Key.Key_Delete:
            self.remove_requested.emit()
            return True
        return False

    def _fit_placeholder(self) -> None:
        """The field is never narrower than its hint: a cut hint reads as nonsense."""
        field = self.field
        text_width = field.fontMetrics().horizontalAdvance(field.placeholderText())
        clear_button = field.height()  # the clear button is about as wide as the field is high
        field.setMinimumWidth(text_width + clear_button + _FIELD_PADDING)

    def _move_highlight(self, step: int) -> None:
        count = self.popup.count()
        if count:
            row = min(max(self.popup.currentRow() + step, 0), count - 1)
            self.popup.setCurrentRow(row)
            self._navigated = True

    def _on_item_hovered(self, item: QListWidgetItem) -> None:
        self.popup.setCurrentItem(item)
        self._navigated = True

    # -- Enter: a picked row, or a code ---------------------------------------------------

    def _on_enter(self) -> None:
        text = self.field.text().strip()
        highlighted = self._highlighted_fresh_result()
        picked = self._navigated
        self._forget_results()
        if not text:
            return
        if highlighted is not None and picked:
            self._choose(highlighted)
            return
        if self._catalogue is None:
            self.show_message(self.tr("No hay catálogo de productos; use Monto libre (F4)."))
            self.field.selectAll()
            return
        # Clear at once: a scanner may already be typing the next code while this one is looked up.
        self.field.clear()
        catalogue = self._catalogue
        self._lookups += 1
        run_op(
            self,
            lambda: catalogue.by_code(text),
            on_success=lambda product: self._answered(
                lambda: self._on_code_answer(text, product, highlighted)
            ),
            on_error=lambda exc: self._answered(lambda: self._on_lookup_failed(exc, text)),
        )

    def lookups_pending(self) -> bool:
        """Codes scanned (Enter pressed) whose product is not in the cart yet."""
        return self._lookups > 0

    def _answered(self, handle: Callable[[], None]) -> None:
        try:
            handle()
        finally:
            self._lookups -= 1
            if self._lookups == 0:
                self.settled.emit()

    def _on_code_answer(self, code: str, product: Product | None, fallback: Product | None) -> None:
        # Not a code, but the list showed matches for this very text: Enter takes the first one.
        chosen = product or fallback
        if chosen is not None:
            self.product_chosen.emit(chosen)
            return
        self._show_unknown(code)

    def _show_unknown(self, code: str) -> None:
        self.show_message(self.tr("No hay ningún producto con el código «%1».").replace("%1", code))
        if not self.field.text():
            self.field.setText(code)
        self.field.selectAll()  # the next scan replaces it

    def _on_lookup_failed(self, exc: Exception, text: str) -> None:
        log.warning("catalogue lookup failed", exc_info=(type(exc), exc, exc.__traceback__))
        self.show_message(self.tr("No se pudo consultar el catálogo; intente de nuevo."))
        if not self.field.text():
            self.field.setText(text)
        self.field.selectAll()

    def _highlighted_fresh_result(self) -> Product | None:
        if not self.popup.isVisible() or self._results_for != self.field.text():
            return None
        item = self.popup.currentItem()
        return None if item is None else item.data(_PRODUCT_ROLE)

    def _choose(self, product: Product) -> None:
        self._forget_results()
        self.field.clear()
        self.clear_message()
        self.product_chosen.emit(product)

    # -- search as you type ---------------------------------------------------------------

    def _on_text_edited(self, text: str) -> None:
        self.clear_message()
        self._navigated = False
        if not text.strip() or self._catalogue is None:
            self._forget_results()
            return
        self._timer.start()

    def _search_now(self) -> None:
        text = self.field.text()
        if not text.strip() or self._catalogue is None:
            return
        self._generation += 1
        generation, catalogue = self._generation, self._catalogue
        if self._search_task is not None:
            self._search_task.cancel()
        self._search_task = run_op(
            self,
            lambda: catalogue.search(text.strip(), SEARCH_LIMIT),
            on_success=lambda products: self._on_results(generation, text, products),
            on_error=lambda exc: self._on_search_failed(generation, exc),
        )

    def _on_results(self, generation: int, text: str, products: list[Product]) -> None:
        if generation != self._generation or text != self.field.text():
            return  # the cashier typed on (or pressed Enter) meanwhile
        self.popup.clear()
        for product in products:
            item = QListWidgetItem(_result_text(product), self.popup)
            item.setToolTip(item.text())
            item.setData(_PRODUCT_ROLE, product)
        self._navigated = False
        if not products:
            self._forget_results()
            self.show_message(self.tr("Ningún producto coincide con «%1».").replace("%1", text))
            return
        self._results_for = text
        self.popup.setCurrentRow(0)
        self._place_popup()

    def _on_search_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        log.warning("catalogue search failed", exc_info=(type(exc), exc, exc.__traceback__))
        self._forget_results()
        self.show_message(self.tr("No se pudo buscar en el catálogo; intente de nuevo."))

    def _place_popup(self) -> None:
        """Under the field, as wide as the field and its message, showing whole rows."""
        popup = self.popup
        host = popup.parentWidget()
        popup.ensurePolished()  # the theme's item padding counts in the row height
        rows = min(popup.count(), VISIBLE_RESULTS)
        margins = popup.contentsMargins()
        row_height = max(popup.sizeHintForRow(0), 1)
        height = rows * row_height + margins.top() + margins.bottom()
        below_field = self.field.mapTo(host, QPoint(0, self.field.height()))
        popup.setGeometry(below_field.x(), below_field.y(), self.width(), height)
        popup.raise_()
        popup.show()

    def _forget_results(self) -> None:
        """Hide the list and make any answer still on its way stale."""
        self._timer.stop()
        self._generation += 1
        self._results_for = None
        self._navigated = False
        self.popup.hide()
        self.popup.clear()

    def hideEvent(self, event: object) -> None:
        self._forget_results()
        super().hideEvent(event)  # type: ignore[arg-type]


def _result_text(product: Product) -> str:
    code = product.barcode or product.sku
    return f"{product.name}    {product.price.format()}    ·  {code}"
