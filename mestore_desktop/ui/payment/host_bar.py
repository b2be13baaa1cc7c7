"""A read-only address strip for the payment web views: a lock and the page's host.

Customers and cashiers should see whose page they are typing card data into, as in a browser's
address bar, but they must not be able to type an address: the bar is plain labels.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from mestore_desktop.services.navigation import display_host

ICON_SIZE = 16
WEB_SCHEMES = ("https", "http")


def lock_pixmap(color: QColor, *, closed: bool, size: int = ICON_SIZE) -> QPixmap:
    """A padlock drawn with the palette's colour (no icon font or image file to ship).

    `closed=False` draws the shackle lifted: the page is not encrypted.
    """
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 16
    painter.setPen(QPen(color, 1.6 * unit))
    left, right = 4.5 * unit, 11.5 * unit
    top = 1.5 * unit if closed else 0.0  # an open lock's shackle is lifted…
    shackle = QPainterPath()
    shackle.moveTo(left, 7.5 * unit)
    shackle.lineTo(left, top + 3.5 * unit)
    shackle.arcTo(QRectF(left, top, right - left, 7 * unit), 180, -180)
    if closed:  # …and its right leg does not reach the body
        shackle.lineTo(right, 7.5 * unit)
    painter.drawPath(shackle)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(QRectF(2.5 * unit, 7 * unit, 11 * unit, 8 * unit), unit, unit)
    painter.end()
    return pixmap


class HostBar(QFrame):
    """Lock icon, host and, for plain http (the local sandbox only), the words "sin cifrar"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HostBar")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._host = ""
        self._secure = False
        self.icon = QLabel(self)
        self.icon.setFixedSize(ICON_SIZE, ICON_SIZE)
        self.host_label = QLabel(self)
        self.host_label.setObjectName("HostBarHost")
        self.notice = QLabel(self)
        self.notice.setObjectName("HostBarNotice")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(6)
        layout.addWidget(self.icon)
        layout.addWidget(self.host_label)
        layout.addWidget(self.notice)
        layout.addStretch(1)
        self.show_url(QUrl())

    def show_url(self, url: QUrl) -> str:
        """Show the host of `url` (nothing for about:blank and the like); return what is shown."""
        scheme = url.scheme().lower()
        host = display_host(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
        self._host = host if scheme in WEB_SCHEMES else ""
        self._secure = scheme == "https" and bool(self._host)
        self.host_label.setText(self._host)
        self.notice.setText(self.tr("sin cifrar"))
        self.notice.setVisible(bool(self._host) and not self._secure)
        self._paint_icon()
        self._describe()
        return self._host

    def show_problem(self, problem: str) -> None:
        """Keep the host but drop the lock: the page shown is an error, e.g. a bad certificate."""
        self._secure = False
        self.notice.setText(problem)
        self.notice.setVisible(bool(self._host))
        self._paint_icon()
        text = self.tr("%1: %2").replace("%1", self._host).replace("%2", problem)
        self.setToolTip(text)
        self.setAccessibleName(text)

    def host(self) -> str:
        return self._host

    def is_secure(self) -> bool:
        return self._secure

    def _paint_icon(self) -> None:
        if not self._host:
            self.icon.clear()
            return
        color = self.palette().windowText().color()
        self.icon.setPixmap(lock_pixmap(color, closed=self._secure))

    def _describe(self) -> None:
        if not self._host:
            text = self.tr("Sin página cargada")
        elif self._secure:
            text = self.tr("Conexión cifrada con %1").replace("%1", self._host)
        else:
            text = self.tr("Conexión sin cifrar con %1").replace("%1", self._host)
        self.setToolTip(text)
        self.setAccessibleName(text)
