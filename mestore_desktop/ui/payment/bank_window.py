"""A separate window for a bank or 3-D Secure page (PSE, Nequi, a card challenge).

The payer leaves Wompi's page for their bank's; doing that in a window of its own, with the
bank's host shown above it, makes the change of site visible instead of hiding it inside the
checkout. The window shares the checkout's private profile and its page runs the policy in
popup mode: the bank's pages and the way back to Wompi load, anything else is blocked, and the
merchant's redirect URL is caught (after which this window closes).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from mestore_desktop.ui.payment.guarded_page import GuardedPage
from mestore_desktop.ui.payment.host_bar import HostBar

WINDOW_SIZE = (900, 760)


class BankWindow(QWidget):
    """Host bar and web view around a popup-mode `GuardedPage`.

    It stays hidden until its page reaches a real (http or https) address: a window opened
    blank and then sent somewhere the policy refuses never appears, it just closes.
    """

    closed = Signal()

    def __init__(self, page: GuardedPage, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("BankWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Pago en el banco"))
        self.resize(*WINDOW_SIZE)
        self.host_bar = HostBar(self)
        self.view = QWebEngineView(self)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        page.setParent(self.view)  # the page goes with its window
        self.view.setPage(page)
        self.page = page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.host_bar)
        layout.addWidget(self.view, 1)
        queued = Qt.ConnectionType.QueuedConnection
        page.urlChanged.connect(self._show_url)
        page.windowCloseRequested.connect(self.close, queued)
        page.redirect_caught.connect(self.close, queued)
        page.blocked.connect(self._close_if_never_shown, queued)

    def host(self) -> str:
        """The host shown in the window's bar ("" while blank)."""
        return self.host_bar.host()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)

    def _show_url(self, url: QUrl) -> None:
        host = self.host_bar.show_url(url)
        if not host:
            return
        self.setWindowTitle(self.tr("Pago en el banco — %1").replace("%1", host))
        if not self.isVisible():
            self.show()
            self.raise_()

    def _close_if_never_shown(self, _url: str, _reason: str) -> None:
        if not self.isVisible():
            self.close()
