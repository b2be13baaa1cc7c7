"""The embedded Wompi Web Checkout ("Pagar aquí"), locked down.

`CheckoutWebView` is a host bar (lock and host, read-only) over a `QWebEngineView` whose page
runs in its own off-the-record profile and goes only where the `NavigationPolicy` allows:

* Wompi's checkout and API origins load in place;
* bank and 3-D Secure pages open in a `BankWindow` that shows their host;
* the merchant's redirect URL is caught before it loads and reported as `redirected(id)`;
  the id is only a hint, the payment's status must be read from Wompi;
* everything else, certificate errors included, is refused, logged at WARNING with scheme and
  host only (paths and queries can carry the customer's e-mail), and reported as
  `navigation_blocked(host)`.

The view never talks to the page (no web channel, no user scripts, no `runJavaScript`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtWebEngineCore import QWebEngineLoadingInfo, QWebEngineNewWindowRequest
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from mestore_desktop.services.navigation import (
    POPUP_BLANK,
    NavAction,
    NavigationPolicy,
    display_host,
    loggable,
)
from mestore_desktop.ui.payment.bank_window import BankWindow
from mestore_desktop.ui.payment.guarded_page import GuardedPage, as_text, private_profile
from mestore_desktop.ui.payment.host_bar import HostBar

log = logging.getLogger(__name__)


class CheckoutWebView(QWidget):
    """Wompi's checkout in a locked-down web view, with its host shown above it.

    Signals:
        redirected(str): the checkout (or a bank window) went to the redirect URL, which did
            not load. The argument is the transaction id from its `id` parameter if it looks
            like a Wompi id, else "". Read the status from Wompi; never trust the redirect.
        navigation_blocked(str): a navigation or a window was refused; the argument is the
            refused host (with its port if not the default), or a scheme such as "data:".
        host_changed(str): the host shown in the bar changed.
        page_loaded(bool): a page of the main view finished loading (True) or failed (False:
            network or certificate error, or the checkout URL itself refused). A page the
            server sent with an error status (the checkout's form shown again with what to
            fix) rendered, so it counts as loaded. A navigation
            this view stops on purpose once the checkout is on screen (blocked, redirect, bank
            window) reports through the signals above only; the page stays as it was.
    """

    redirected = Signal(str)
    navigation_blocked = Signal(str)
    host_changed = Signal(str)
    page_loaded = Signal(bool)

    # Internal hops: decisions arrive inside Chromium's callbacks and are handled a moment
    # later, on the event loop, where closing a window or a dialog is safe.
    _blocked = Signal(str, str)
    _redirect = Signal(str)

    def __init__(self, policy: NavigationPolicy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CheckoutWebView")
        self._policy = policy
        self._popups: list[BankWindow] = []
        self._host = ""
        self._reported = False  # page_loaded has said how this checkout's first load went
        self.host_bar = HostBar(self)
        self.view = QWebEngineView(self)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.view.setAccessibleName(self.tr("Página de pago de Wompi"))
        self._windows = QWidget(self)  # parent of the bank windows (each a window of its own)
        self._windows.hide()
        # Made after the view and the windows' parent, so Qt deletes it after all their pages.
        # PySide does not keep an interceptor's Python side alive through its Qt parent: hold
        # it here, or its interceptRequest silently stops running.
        self._profile, self._guard = private_profile(policy, self)
        queued = Qt.ConnectionType.QueuedConnection
        self._blocked.connect(self._report_blocked, queued)
        self._redirect.connect(self._report_redirect, queued)
        self._guard.blocked.connect(self._blocked)
        self._guard.redirect_caught.connect(self._redirect)
        self._page = self._new_page(in_popup=False)
        self._page.setParent(self.view)
        self.view.setPage(self._page)
        self._page.bank_page_requested.connect(self._open_bank_page, queued)
        self._page.urlChanged.connect(self._show_url)
        self._page.loadingChanged.connect(self._on_loading_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.host_bar)
        layout.addWidget(self.view, 1)

    # --- API ------------------------------------------------------------------------------

    def load_checkout(self, url: str) -> None:
        """Open the signed checkout URL. The policy judges it like any other navigation."""
        self.close_popups()
        self._reported = False
        self.view.load(QUrl(url))

    def close_popups(self) -> None:
        """Close every bank window (after a result, or when the payment is abandoned)."""
        for window in list(self._popups):
            window.close()

    @property
    def popups(self) -> tuple[BankWindow, ...]:
        """The bank windows open now (one opened blank shows once its first page is allowed)."""
        return tuple(self._popups)

    # --- pages and windows ----------------------------------------------------------------

    def _new_page(self, *, in_popup: bool) -> GuardedPage:
        page = GuardedPage(self._profile, self._policy, in_popup=in_popup)
        page.blocked.connect(self._blocked)
        page.redirect_caught.connect(self._redirect)
        page.newWindowRequested.connect(self._on_new_window)
        return page

    def _new_bank_window(self) -> BankWindow:
        window = BankWindow(self._new_page(in_popup=True), self._windows)
        window.closed.connect(lambda: self._forget(window))
        self._popups.append(window)
        return window

    def _forget(self, window: BankWindow) -> None:
        if window in self._popups:
            self._popups.remove(window)

    def _on_new_window(self, request: QWebEngineNewWindowRequest) -> None:
        # window.open() and target=_blank: decided here, with the URL in hand; an unanswered
        # request opens nothing.
        url = as_text(request.requestedUrl()) or POPUP_BLANK
        decision = self._policy.decide(url, in_popup=True)
        if decision.action is NavAction.ALLOW:
            request.openIn(self._new_bank_window().page)
        elif decision.action is NavAction.REDIRECT:
            self._redirect.emit(decision.transaction_id)
        else:
            self._blocked.emit(url, decision.reason)

    def _open_bank_page(self, url: str) -> None:
        self._new_bank_window().page.load(QUrl(url))

    # --- reports ----------------------------------------------------------------------------

    def _report_blocked(self, url: str, reason: str) -> None:
        log.warning("Navegación bloqueada hacia %s: %s", loggable(url), reason)
        self.navigation_blocked.emit(display_host(url))

    def _report_redirect(self, transaction_id: str) -> None:
        log.info(
            "Regreso de Wompi interceptado (id %s); el estado se consulta en Wompi",
            transaction_id or "no válido",
        )
        self.redirected.emit(transaction_id)

    def _show_url(self, url: QUrl) -> None:
        host = self.host_bar.show_url(url)
        if host != self._host:
            self._host = host
            self.host_changed.emit(host)

    def _on_loading_changed(self, info: QWebEngineLoadingInfo) -> None:
        status = info.status()
        if status is QWebEngineLoadingInfo.LoadStatus.LoadSucceededStatus:
            self._report_load(True)
        elif status is QWebEngineLoadingInfo.LoadStatus.LoadFailedStatus:
            if _rendered(info):
                # The server answered with a page of its own, e.g. the checkout form shown
                # again with a 422 and what to fix: that is for the customer to read.
                self._report_load(True)
                return
            if info.isErrorPage():
                self.host_bar.show_problem(_problem(info))
            self._report_load(False)
        elif status is QWebEngineLoadingInfo.LoadStatus.LoadStoppedStatus:
            self._on_load_stopped()

    def _on_load_stopped(self) -> None:
        # We refused where the page was going, or a newer navigation replaced it (and will
        # report for itself). A refusal during the first load still tells whether the checkout
        # is on screen; later refusals were reported by their own signals.
        if self._page.take_refusal() and not self._reported:
            self._report_load(self._shows_allowed_page())

    def _report_load(self, ok: bool) -> None:
        self._reported = True
        self.page_loaded.emit(ok)

    def _shows_allowed_page(self) -> bool:
        url = as_text(self._page.url())
        return bool(url) and self._policy.decide(url, in_popup=False).action is NavAction.ALLOW


def _rendered(info: QWebEngineLoadingInfo) -> bool:
    """A "failed" load that still put the server's own page on screen: only an HTTP status
    (4xx, 5xx) with a body. Network, DNS, certificate and refused loads show Chromium's error
    page (or nothing) instead."""
    http_status = QWebEngineLoadingInfo.ErrorDomain.HttpStatusCodeDomain
    return info.errorDomain() is http_status and not info.isErrorPage()


def _problem(info: QWebEngineLoadingInfo) -> str:
    if info.errorDomain() is QWebEngineLoadingInfo.ErrorDomain.CertificateErrorDomain:
        return QCoreApplication.translate("CheckoutWebView", "certificado no válido")
    return QCoreApplication.translate("CheckoutWebView", "no se pudo cargar")
