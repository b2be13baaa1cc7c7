"""Pedidos' *Crear link…*: a payment link for the chosen unpaid order, in the same dialog as
the counter's (prefilled from the order by `LinksService.draft_for_order`).

Whatever way the dialog closes the table gets the keyboard back; a link made is news for the
order (its row and detail are read again).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from mestore_desktop.domain.links import LinkDraft
from mestore_desktop.domain.payment import OrderStatus
from mestore_desktop.ui.errors import present_error
from mestore_desktop.ui.links.dialog import CreateLinkDialog
from mestore_desktop.ui.links.tools import LinkTools
from mestore_desktop.ui.qt_async import run_op

# An order that can still take money; a link for any other would invite a double payment.
LINKABLE = frozenset({OrderStatus.OPEN, OrderStatus.AWAITING_PAYMENT, OrderStatus.FAILED})


def can_link(status: OrderStatus | None) -> bool:
    return status in LINKABLE


class OrderLink(QObject):
    """`start(number)` opens the dialog; `on_closed(number, created)` runs however it closes."""

    def __init__(
        self,
        page: QWidget,
        tools: LinkTools | None,
        on_closed: Callable[[int, bool], None],
    ) -> None:
        super().__init__(page)
        self._page = page
        self._tools = tools
        self._on_closed = on_closed
        self.dialog: CreateLinkDialog | None = None

    @property
    def available(self) -> bool:
        return self._tools is not None

    def start(self, number: int, busy: QWidget | None = None) -> None:
        tools = self._tools
        if tools is None or self.dialog is not None:
            return

        def failed(exc: Exception) -> None:
            box = present_error(self._page, exc)
            box.finished.connect(lambda _result: self._on_closed(number, False))

        run_op(
            self._page,
            lambda: tools.service.draft_for_order(number),
            on_success=lambda draft: self._open(number, draft),
            on_error=failed,
            busy=busy,
        )

    def _open(self, number: int, draft: LinkDraft) -> None:
        assert self._tools is not None  # noqa: S101  only reachable with tools
        dialog = CreateLinkDialog(self._tools, draft, self._page)
        dialog.setObjectName("OrderLinkDialog")
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(number, dialog))
        dialog.open()

    def _closed(self, number: int, dialog: CreateLinkDialog) -> None:
        self.dialog = None
        created = dialog.record is not None
        dialog.deleteLater()
        self._on_closed(number, created)
