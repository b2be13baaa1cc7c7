"""The locked-down web engine parts of the checkout: a private profile, a request guard and a
page that asks the navigation policy before going anywhere.

Two independent checks stand between Wompi's page and the network:

* `GuardedPage.acceptNavigationRequest` sees link clicks, scripted navigations, form posts and
  server redirects of the main frame and of sub-frames, and knows which window it is in. It is
  the check that matters for redirects: Chromium waits for it before following one.
* `RequestGuard`, the profile's request interceptor, sees every request and blocks frame
  requests the policy refuses anywhere, and any request at all to the merchant's redirect URL
  (an image, a fetch). It is the second line only: for a server redirect Chromium may send the
  next request while the interceptor is still deciding (seen with Qt 6.12), so it cannot be
  the one that keeps a 302 target from being asked for.

Nothing here talks to the page: no web channel, no user scripts, no `runJavaScript`. The page
is Wompi's (or a bank's), and the POS only watches where it goes.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEngineCertificateError,
    QWebEngineDownloadRequest,
    QWebEnginePage,
    QWebEnginePermission,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)

from mestore_desktop.services.navigation import (
    NavAction,
    NavigationPolicy,
    display_host,
    loggable,
)
from mestore_desktop.ui.i18n import accept_language, ui_language

log = logging.getLogger(__name__)

_FRAME_REQUESTS = frozenset(
    {
        QWebEngineUrlRequestInfo.ResourceType.ResourceTypeMainFrame,
        QWebEngineUrlRequestInfo.ResourceType.ResourceTypeSubFrame,
        QWebEngineUrlRequestInfo.ResourceType.ResourceTypeNavigationPreloadMainFrame,
        QWebEngineUrlRequestInfo.ResourceType.ResourceTypeNavigationPreloadSubFrame,
    }
)
_Attr = QWebEngineSettings.WebAttribute
HARDENED_SETTINGS: dict[QWebEngineSettings.WebAttribute, bool] = {
    _Attr.JavascriptEnabled: True,  # Wompi's checkout is a JavaScript application
    # window.open must reach newWindowRequested, where the policy decides; with this off,
    # Chromium's popup blocker would silently drop 3-D Secure windows opened without a click.
    _Attr.JavascriptCanOpenWindows: True,
    _Attr.JavascriptCanAccessClipboard: False,
    _Attr.JavascriptCanPaste: False,
    _Attr.PluginsEnabled: False,
    _Attr.PdfViewerEnabled: False,
    _Attr.LocalContentCanAccessRemoteUrls: False,
    _Attr.LocalContentCanAccessFileUrls: False,
    _Attr.FullScreenSupportEnabled: False,
    _Attr.AllowRunningInsecureContent: False,
    _Attr.AllowGeolocationOnInsecureOrigins: False,
    _Attr.AllowWindowActivationFromJavaScript: False,
    _Attr.ScreenCaptureEnabled: False,
    _Attr.WebRTCPublicInterfacesOnly: True,
    _Attr.HyperlinkAuditingEnabled: False,
    _Attr.DnsPrefetchEnabled: False,
    _Attr.NavigateOnDropEnabled: False,
    _Attr.AutoLoadIconsForPage: False,
    _Attr.TouchIconsEnabled: False,
}


def as_text(url: QUrl) -> str:
    """The URL as Chromium sees it: percent-encoded ASCII, what the policy expects."""
    return url.toString(QUrl.ComponentFormattingOption.FullyEncoded)


class RequestGuard(QWebEngineUrlRequestInterceptor):
    """The profile's interceptor: a second check, on every request, before it is sent."""

    blocked = Signal(str, str)  # url, reason
    redirect_caught = Signal(str)  # transaction id hint

    def __init__(self, policy: NavigationPolicy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._policy = policy

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = as_text(info.requestUrl())
        if info.resourceType() in _FRAME_REQUESTS:
            # Bank hosts are let through here: the page itself keeps them out of the main view.
            decision = self._policy.decide(url, in_popup=True)
            if decision.action is NavAction.REDIRECT:
                info.block(True)
                self.redirect_caught.emit(decision.transaction_id)
            elif decision.action is NavAction.BLOCK:
                info.block(True)
                self.blocked.emit(url, decision.reason)
        elif self._policy.is_redirect(url):
            # An image or a fetch must not "visit" the redirect URL either.
            info.block(True)
            log.info("Petición a la dirección de regreso bloqueada (no es una navegación)")


def private_profile(
    policy: NavigationPolicy, parent: QObject
) -> tuple[QWebEngineProfile, RequestGuard]:
    """A fresh off-the-record profile for one checkout view and its bank windows, and the
    request guard installed on it.

    Nothing is written to disk and nothing survives the view: the next customer starts with no
    cookies, storage or cache from this one. Qt wants every page gone before its profile, and
    deletes a parent's children in the order they were made: make the profile after the widgets
    that will hold its pages. Keep a reference to the returned guard: PySide does not keep an
    interceptor's Python side alive through its Qt parent, and without it requests go unchecked.
    """
    profile = QWebEngineProfile(parent)  # no storage name: off the record
    profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
    profile.setPersistentCookiesPolicy(
        QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
    )
    profile.setPersistentPermissionsPolicy(
        QWebEngineProfile.PersistentPermissionsPolicy.AskEveryTime
    )
    profile.setSpellCheckEnabled(False)
    profile.setPushServiceEnabled(False)
    # The checkout speaks the UI's language (Chromium's own texts follow its --lang flag).
    profile.setHttpAcceptLanguage(accept_language(ui_language()))
    settings = profile.settings()
    for attribute, enabled in HARDENED_SETTINGS.items():
        settings.setAttribute(attribute, enabled)
    guard = RequestGuard(policy, profile)
    profile.setUrlRequestInterceptor(guard)
    profile.downloadRequested.connect(_refuse_download)
    return profile, guard


class GuardedPage(QWebEnginePage):
    """A page that asks the policy before each navigation and never opens a window itself.

    Decisions are reported through signals (connect them queued: they fire inside Chromium's
    navigation callbacks). `in_popup` says whether this page lives in a bank window.
    """

    blocked = Signal(str, str)  # url, reason
    redirect_caught = Signal(str)  # transaction id hint
    bank_page_requested = Signal(str)  # url to open in a bank window

    def __init__(
        self,
        profile: QWebEngineProfile,
        policy: NavigationPolicy,
        *,
        in_popup: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(profile, parent)
        self._policy = policy
        self.in_popup = in_popup
        self._refused_last = False
        self.certificateError.connect(self._refuse_certificate)
        self.permissionRequested.connect(_deny_permission)
        self.fileSystemAccessRequested.connect(lambda request: request.reject())
        self.registerProtocolHandlerRequested.connect(lambda request: request.reject())
        self.fullScreenRequested.connect(lambda request: request.reject())
        self.desktopMediaRequested.connect(lambda request: request.cancel())

    def acceptNavigationRequest(
        self, url: QUrl, navigation_type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        text = as_text(url)
        # Sub-frames are judged as inside a bank window: a 3-D Secure challenge is often an
        # iframe in the checkout, and a frame cannot be moved to a window of its own.
        decision = self._policy.decide(text, in_popup=self.in_popup or not is_main_frame)
        allowed = decision.action is NavAction.ALLOW
        if is_main_frame:
            self._refused_last = not allowed
        if decision.action is NavAction.OPEN_POPUP:
            self.bank_page_requested.emit(text)
        elif decision.action is NavAction.REDIRECT:
            self.redirect_caught.emit(decision.transaction_id)
        elif decision.action is NavAction.BLOCK:
            self.blocked.emit(text, decision.reason)
        return allowed

    def createWindow(self, _type: QWebEnginePage.WebWindowType) -> QWebEnginePage | None:
        # Never let Qt make a window: newWindowRequested, which carries the URL, decides.
        return None

    def take_refusal(self) -> bool:
        """True once after the last main-frame navigation was refused on purpose."""
        refused, self._refused_last = self._refused_last, False
        return refused

    def _refuse_certificate(self, error: QWebEngineCertificateError) -> None:
        error.rejectCertificate()  # the load then fails with an error page: page_loaded(False)
        self.blocked.emit(as_text(error.url()), "Certificado no válido")


def _deny_permission(permission: QWebEnginePermission) -> None:
    log.info(
        "Permiso %s pedido por %s: denegado",
        permission.permissionType().name,
        display_host(as_text(permission.origin())),
    )
    permission.deny()


def _refuse_download(download: QWebEngineDownloadRequest) -> None:
    log.warning("Descarga bloqueada desde %s", loggable(as_text(download.url())))
    download.cancel()
