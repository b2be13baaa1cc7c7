"""The counter's fourth tender, *Link de pago* (F7): the cart becomes a saved order, the link
dialog opens prefilled from it (name, total, IVA), and the counter is given back however the
dialog closes.

What a cashier expects: once the link exists the sale is no longer the counter's business, the
customer pays later from their phone. So the cart is cleared for the next customer and the
order waits in Pedidos until Wompi confirms the payment (the sync marks it paid). When the
dialog closes without a link, the order stays the counter's unpaid sale, as after a cancelled
QR: another tender charges that same order, and *Cancelar venta* cancels it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from mestore_desktop.domain.links import LinkDraft
from mestore_desktop.domain.order import Order
from mestore_desktop.ui.errors import present_error
from mestore_desktop.ui.links.dialog import CreateLinkDialog
from mestore_desktop.ui.links.tools import LinkTools
from mestore_desktop.ui.qt_async import run_op

log = logging.getLogger(__name__)


class CounterLink(QObject):
    """Signals:
    started(): the tender was taken (the counter stops taking others).
    finished(object, bool): the order's number (None when none was saved) and whether a link
        was made for it; the counter is free again.
    """

    started = Signal()
    finished = Signal(object, bool)

    def __init__(self, page: QWidget, tools: LinkTools | None) -> None:
        super().__init__(page)
        self._page = page
        self._tools = tools
        self._number: int | None = None
        self.busy = False
        self.dialog: CreateLinkDialog | None = None

    def set_tools(self, tools: LinkTools) -> None:
        """The links service arrived after the counter (the app builds it just after the
        counter is ready for a scan: issue 13, cold start)."""
        self._tools = tools

    @property
    def available(self) -> bool:
        return self._tools is not None

    def start(self, unpaid: int | None, draft_sale: Callable[[], Order]) -> None:
        """Save the cart (or take the counter's unpaid order), then open the link dialog."""
        tools = self._tools
        if tools is None or self.busy:
            return
        try:
            sale: Order | int = unpaid if unpaid is not None else draft_sale()
        except Exception as exc:  # an empty cart, a bad customer e-mail: said as for any tender
            present_error(self._page, exc)
            return
        self.busy = True
        self._number = unpaid
        self.started.emit()
        service = tools.service

        async def prepare() -> LinkDraft:
            if isinstance(sale, Order):
                self._number = await service.save_sale(sale)
            assert self._number is not None  # noqa: S101  saved or given
            return await service.draft_for_order(self._number)

        run_op(self._page, prepare, on_success=self._open, on_error=self._failed)

    def _open(self, draft: LinkDraft) -> None:
        assert self._tools is not None  # noqa: S101  only reachable with tools
        dialog = CreateLinkDialog(self._tools, draft, self._page)
        dialog.setObjectName("CounterLinkDialog")
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: CreateLinkDialog) -> None:
        self.dialog = None
        created = dialog.record is not None
        dialog.deleteLater()
        self._finish(created)

    def _failed(self, exc: Exception) -> None:
        log.info("counter link not started: %s", exc)
        box = present_error(self._page, exc)
        box.finished.connect(lambda _result: self._give_back())
        self._finish(False)

    def _finish(self, created: bool) -> None:
        self.busy = False
        number, self._number = self._number, None
        # Once the dialog is gone: activating the window under it before does nothing.
        QTimer.singleShot(0, self._give_back)
        self.finished.emit(number, created)

    def _give_back(self) -> None:
        """The keyboard back on the counter's window (its keys are window shortcuts)."""
        page = self._page
        if shiboken6.isValid(page) and page.isVisible() and not QApplication.activeModalWidget():
            page.window().activateWindow()
