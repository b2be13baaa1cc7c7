"""`RingUpView`: the counter's ring-up screen, from the first scan to "Cobrar".

Layout (design "Caja"): the search field over the cart on the left, with the line actions under
it; customer data, totals and the tender buttons on the right; a banner across the top when
earlier payment attempts are still pending.

Keyboard map (every key is also on its button): F2 search, F4 monto libre, F6 descuento,
F8 editar línea, Supr quitar línea, +/- cantidad (with the search field empty), ↑/↓ line,
F12 pagar aquí, F11 QR al celular, F10 efectivo, Esc cancelar venta. The search field gets the
focus back after every action, so a scanner can always type into it.

The view only builds the cart; paying is the caller's business (`charge_requested`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.catalogue import Product
from mestore_desktop.domain.money import Money, MoneyError
from mestore_desktop.domain.order import IvaRate, Order, OrderError, OrderLine
from mestore_desktop.ui.caja.cart_model import CartModel
from mestore_desktop.ui.caja.cart_table import CartTable
from mestore_desktop.ui.caja.customer_panel import CustomerPanel
from mestore_desktop.ui.caja.line_dialogs import (
    DiscountDialog,
    DiscountInput,
    LineDialog,
    LineInput,
)
from mestore_desktop.ui.caja.pending_banner import PendingBanner
from mestore_desktop.ui.caja.product_search import CatalogueLookup, ProductSearch
from mestore_desktop.ui.caja.tender_bar import ChargeTender, TenderBar
from mestore_desktop.ui.caja.totals_panel import TotalsPanel
from mestore_desktop.ui.i18n import render_error

SIDE_WIDTH = 340


class RingUpView(QWidget):
    """The cart being rung up, with its keys; see the module docstring for the keyboard map.

    Signals:
        charge_requested(str): a `ChargeTender` value ("wompi_here", "wompi_qr", "cash").
        cancel_requested(): the cashier confirmed "¿Cancelar la venta?"; emitted before the
            cart is cleared, so a listener can still read `draft()`.
        pending_clicked(): the pending-payments banner was clicked.
        cart_changed(): lines or totals changed (for the customer display).
    """

    charge_requested = Signal(str)
    cancel_requested = Signal()
    pending_clicked = Signal()
    cart_changed = Signal()

    def __init__(
        self, catalogue: CatalogueLookup | None, terminal_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RingUpView")
        self._terminal_id = terminal_id
        self._busy = False
        self._deferred_tender: ChargeTender | None = None  # a tender key pressed mid-scan
        self._last_iva = IvaRate.GENERAL  # a free amount's rate defaults to the previous one
        self.dialog: QDialog | None = None  # the line/discount dialog while it is open
        self.confirm: QMessageBox | None = None  # "¿Cancelar la venta?" while it is open
        self.model = CartModel(self)
        self.banner = PendingBanner()
        self.banner.clicked.connect(self.pending_clicked)
        self.search = ProductSearch(catalogue, popup_host=self)
        self.table = CartTable(self.model)
        self.customer = CustomerPanel()
        self.totals = TotalsPanel()
        self.tenders = TenderBar()
        self.free_amount_button = self._action(self.tr("Monto libre"), "F4", self.open_free_amount)
        self.discount_button = self._action(self.tr("Descuento"), "F6", self.open_discount)
        self.edit_button = self._action(self.tr("Editar"), "F8", self.open_edit_line)
        self.remove_button = self._action(self.tr("Quitar"), self.tr("Supr"), self.remove_selected)
        self._connect()
        self._build_layout()
        self._install_shortcuts()
        self._on_cart_changed()

    # -- construction ---------------------------------------------------------------------

    def _action(self, caption: str, key: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(f"{caption}  {key}")
        button.setAccessibleName(caption)
        button.setProperty("role", "cart-action")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumWidth(button.sizeHint().width())  # the key hint must stay readable
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _connect(self) -> None:
        self.search.product_chosen.connect(self.add_product)
        self.search.settled.connect(self._on_search_settled)
        self.search.step_requested.connect(self.step_quantity)
        self.search.remove_requested.connect(self.remove_selected)
        self.search.move_requested.connect(self.table.move_selection)
        self.tenders.charge_clicked.connect(self._on_charge)
        self.tenders.cancel_clicked.connect(self.request_cancel)
        for signal in (
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.dataChanged,
            self.model.modelReset,
        ):
            signal.connect(self._on_cart_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.quantity_delegate.closeEditor.connect(self._refocus_later)
        self.customer.toggle.clicked.connect(self._on_customer_toggled)

    def _build_layout(self) -> None:
        actions = QHBoxLayout()
        for button in (
            self.free_amount_button,
            self.discount_button,
            self.edit_button,
            self.remove_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.table, 1)
        left.addLayout(actions)
        side = QWidget()
        side.setObjectName("CajaSide")
        side.setFixedWidth(SIDE_WIDTH)
        # Only the customer form scrolls: the totals and the tender keys stay in view at 1366x768.
        customer_scroll = QScrollArea()
        customer_scroll.setObjectName("CustomerScroll")
        customer_scroll.setWidget(self.customer)
        customer_scroll.setWidgetResizable(True)
        customer_scroll.setFrameShape(QFrame.Shape.NoFrame)
        customer_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.totals.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        right = QVBoxLayout(side)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(customer_scroll, 1)
        right.addSpacing(8)
        right.addWidget(self.totals)
        right.addSpacing(8)
        right.addWidget(self.tenders)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addWidget(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)  # the page around it has the margins
        layout.addWidget(self.banner)
        layout.addLayout(columns, 1)

    def _install_shortcuts(self) -> None:
        # Window-wide, so they work wherever the focus is on this page; Qt ignores them while
        # the page is hidden or a dialog (the payment, a line dialog) has the focus.
        keys: dict[Qt.Key, Callable[[], object]] = {
            Qt.Key.Key_F2: lambda: self.search.focus_field(select_all=True),
            Qt.Key.Key_F4: self.open_free_amount,
            Qt.Key.Key_F6: self.open_discount,
            Qt.Key.Key_F8: self.open_edit_line,
            Qt.Key.Key_F12: lambda: self._tender_key(ChargeTender.WOMPI_HERE),
            Qt.Key.Key_F11: lambda: self._tender_key(ChargeTender.WOMPI_QR),
            Qt.Key.Key_F10: lambda: self._tender_key(ChargeTender.CASH),
            Qt.Key.Key_F7: lambda: self._tender_key(ChargeTender.PAYMENT_LINK),
        }
        self.shortcuts: dict[Qt.Key, QShortcut] = {}
        for key, slot in keys.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts[key] = shortcut
        # Esc only from inside the page: other pages may use Esc for their own things.
        cancel = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        cancel.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        cancel.activated.connect(self.request_cancel)
        self.shortcuts[Qt.Key.Key_Escape] = cancel

    # -- the API the Caja page uses -------------------------------------------------------

    @property
    def total(self) -> Money:
        return self.model.totals.total

    @property
    def lines(self) -> tuple[OrderLine, ...]:
        return self.model.lines

    def draft(self, now: datetime) -> Order:
        """The cart as an unsaved Order; raises `OrderError` if it is empty or the customer
        data breaks a rule (the customer panel then shows the message on the field)."""
        if self.model.is_empty():
            raise OrderError(self.tr("La venta no tiene productos."))
        customer = self.customer.customer()
        return Order(
            terminal_id=self._terminal_id,
            lines=self.model.lines,
            created_at=now,
            customer=customer,
        )

    def clear(self) -> None:
        """Start a new sale: empty cart, customer and search."""
        self.model.clear()
        self.customer.clear()
        self.search.reset()
        self.focus_search()

    def set_terminal_id(self, terminal_id: str) -> None:
        """Settings changed: the next sale is rung up on this terminal id."""
        self._terminal_id = terminal_id

    def set_pending_count(self, count: int) -> None:
        self.banner.set_count(count)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_tenders()

    def focus_search(self) -> None:
        self.search.focus_field()

    # -- cart actions ---------------------------------------------------------------------

    def add_product(self, product: Product) -> None:
        try:
            row = self.model.add_product(product)
        except OrderError as exc:
            self.search.show_message(render_error(exc))
            return
        self.table.select_row(row)
        self.focus_search()

    def step_quantity(self, step: int) -> None:
        row = self._selected_or_say()
        if row is None:
            return
        try:
            self.model.step_quantity(row, step)
        except OrderError as exc:
            self.search.show_message(render_error(exc))

    def remove_selected(self) -> None:
        row = self._selected_or_say()
        if row is None:
            return
        self.model.remove(row)
        self.table.select_row(min(row, self.model.rowCount() - 1))
        self.focus_search()

    def open_free_amount(self) -> None:
        initial = LineInput(self.tr("Monto libre"), 1, Money.zero(), self._last_iva)
        self._open_dialog(LineDialog(self.tr("Monto libre"), initial, self._add_free_line, self))

    def open_edit_line(self) -> None:
        row = self._selected_or_say()
        if row is None:
            return
        line = self.model.line(row)

        def apply(values: LineInput) -> None:
            self.model.replace_line(row, values.to_line(sku=line.sku))

        dialog = LineDialog(self.tr("Editar línea"), LineInput.of(line), apply, self)
        self._open_dialog(dialog)

    def open_discount(self) -> None:
        row = self._selected_or_say()
        if row is None:
            return

        def apply(values: DiscountInput) -> None:
            self._apply_discount(row, values)

        line, percent = self.model.line(row), self.model.discount_percent(row)
        self._open_dialog(DiscountDialog(line, percent, apply, self))

    def request_cancel(self) -> None:
        """Esc / Cancelar venta: ask first when there is something to lose."""
        if self._busy or self.confirm is not None:
            return
        if self.model.is_empty():
            self.search.reset()
            self.focus_search()
            return
        box = QMessageBox(self)
        box.setObjectName("CancelSaleDialog")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Cancelar venta"))
        box.setText(self.tr("¿Cancelar la venta?"))
        box.setInformativeText(self.tr("Se quitarán todos los productos y los datos del cliente."))
        yes = box.addButton(
            self.tr("Sí, cancelar la venta"), QMessageBox.ButtonRole.DestructiveRole
        )
        keep = box.addButton(self.tr("No, seguir vendiendo"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._on_cancel_answered(box.clickedButton() is yes))
        self.confirm = box
        # open(), not exec(): a nested event loop would stall the asyncio loop (see ui/errors).
        box.open()

    # -- internals ------------------------------------------------------------------------

    def _on_cancel_answered(self, confirmed: bool) -> None:
        self.confirm = None
        if confirmed:
            self.cancel_requested.emit()
            self.clear()
        self._refocus_later()

    def _add_free_line(self, values: LineInput) -> None:
        row = self.model.add_line(values.to_line())
        self._last_iva = values.iva_rate
        self.table.select_row(row)

    def _apply_discount(self, row: int, values: DiscountInput) -> None:
        if values.percent is not None:
            self.model.set_discount_percent(row, values.percent)
        elif values.amount is not None:
            self.model.set_discount_amount(row, values.amount)

    def _open_dialog(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None
        self._refocus_later()

    def _selected_or_say(self) -> int | None:
        row = self.table.selected_row()
        if row is None:
            message = (
                self.tr("La venta no tiene productos.")
                if self.model.is_empty()
                else self.tr("Seleccione una línea con ↑ y ↓.")
            )
            self.search.show_message(message)
        return row

    def _tender_key(self, tender: ChargeTender) -> None:
        if self.search.lookups_pending():
            self._deferred_tender = tender  # charged once the codes just scanned are in the cart
        else:
            self.tenders.trigger(tender)

    def _on_charge(self, tender: str) -> None:
        if self._busy:
            return
        if self.search.lookups_pending():
            # A fast scanner and a quick key: the last codes are still being looked up. Charge
            # the whole cart once they are in it, never a cart missing them.
            self._deferred_tender = ChargeTender(tender)
            return
        self.charge_requested.emit(tender)

    def _on_search_settled(self) -> None:
        tender, self._deferred_tender = self._deferred_tender, None
        if tender is not None:
            self.tenders.trigger(tender)  # only if the cart can be charged with it now

    def _on_cart_changed(self, *_args: object) -> None:
        self.totals.show_totals(self.model.totals)
        self._update_tenders()
        self._update_actions()
        self.cart_changed.emit()

    def _update_tenders(self) -> None:
        total = self.model.totals.total
        try:
            total.require_wompi_amount()
            wompi_chargeable = True
        except MoneyError:
            wompi_chargeable = False
        self.tenders.update_state(
            has_lines=not self.model.is_empty(), wompi_chargeable=wompi_chargeable, busy=self._busy
        )

    def _update_actions(self, *_args: object) -> None:
        has_selection = self.table.selected_row() is not None
        for button in (self.discount_button, self.edit_button, self.remove_button):
            button.setEnabled(has_selection)

    def _refocus_later(self, *_args: object) -> None:
        # After the event that closed a dialog or an editor, or Qt would give the focus back
        # to whatever had it before.
        QTimer.singleShot(0, self, self.focus_search)

    def _on_customer_toggled(self, expanded: bool) -> None:
        """The cashier opened the customer panel to type in it, or closed it."""
        if expanded:
            self.customer.name.setFocus()
        else:
            self.focus_search()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.focus_search()
        self._refocus_later()
