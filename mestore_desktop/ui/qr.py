"""QR codes of checkout URLs, for the customer to scan with a phone (*QR al celular*).

Phones read a QR fastest when every module is a whole number of pixels with hard edges and the
quiet zone (4 light modules) is there, so the matrix is drawn at scale 1 and enlarged by an
integer factor without smoothing; the leftover pixels become extra white margin instead of
uneven modules. Error correction M: a checkout URL is long, and M keeps the symbol (and so
each module) as large as the space allows while surviving a glare spot on a screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

if TYPE_CHECKING:
    import segno

ERROR_CORRECTION = "m"
QUIET_ZONE = 4  # modules, as the QR standard asks
DARK = 0x00
LIGHT = 0xFF
DEFAULT_SIDE_PX = 360
MIN_SIDE_PX = 120


def qr_symbol(data: str) -> segno.QRCode:
    """The QR symbol for `data` (never a Micro QR: phone cameras do not read those)."""
    import segno  # at the first QR shown, not when the counter opens (issue 13, cold start)

    return segno.make(data, error=ERROR_CORRECTION, micro=False, boost_error=False)


def qr_image(data: str, size_px: int) -> QImage:
    """A black-on-white square image of `data`'s QR, `size_px` wide and high.

    Each module is `size_px // modules` pixels (at least 1: a smaller image could not be
    scanned, so then the image is as large as the symbol with its quiet zone).
    """
    if not data:
        raise ValueError("nothing to encode")
    rows = list(qr_symbol(data).matrix_iter(scale=1, border=QUIET_ZONE))
    modules = len(rows)
    scale = max(1, size_px // modules)
    side = max(size_px, modules)
    symbol = _module_image(rows).scaled(
        modules * scale,
        modules * scale,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.FastTransformation,  # nearest neighbour: hard module edges
    )
    canvas = QImage(side, side, QImage.Format.Format_Grayscale8)
    canvas.fill(QColor(LIGHT, LIGHT, LIGHT))
    painter = QPainter(canvas)
    offset = (side - symbol.width()) // 2
    painter.drawImage(offset, offset, symbol)
    painter.end()
    return canvas


def qr_pixmap(data: str, size_px: int) -> QPixmap:
    """`qr_image` as a pixmap, ready for a QLabel."""
    return QPixmap.fromImage(qr_image(data, size_px))


def _module_image(rows: list[bytearray]) -> QImage:
    """One pixel per module, quiet zone included."""
    modules = len(rows)
    # Grayscale8 rows are padded to 4 bytes; give QImage that stride and keep its own copy.
    stride = (modules + 3) // 4 * 4
    pixels = b"".join(
        bytes(DARK if dark else LIGHT for dark in row) + bytes(stride - modules) for row in rows
    )
    image = QImage(pixels, modules, modules, stride, QImage.Format.Format_Grayscale8)
    return image.copy()


class QrWidget(QLabel):
    """A QR code that stays square and as large as the widget allows, sharp on any screen.

    The pixmap is redrawn for the widget's size (and device pixel ratio) on every resize, so it
    is never blurred by scaling. The widget's size hint does not follow the pixmap, so a
    layout's resize never feeds back into a larger QR and another resize.
    """

    def __init__(self, data: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = ""
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(MIN_SIDE_PX, MIN_SIDE_PX)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName(self.tr("Código QR para pagar con el celular"))
        self.set_data(data)

    def data(self) -> str:
        return self._data

    def set_data(self, data: str) -> None:
        """Show the QR of `data`; an empty text clears the widget."""
        self._data = data
        self._render()

    def clear(self) -> None:
        self._data = ""
        super().clear()

    def side_px(self) -> int:
        """The side of the square the QR fills, in device-independent pixels."""
        return max(1, min(self.width(), self.height()))

    def sizeHint(self) -> QSize:
        return QSize(DEFAULT_SIDE_PX, DEFAULT_SIDE_PX)

    def minimumSizeHint(self) -> QSize:
        return QSize(MIN_SIDE_PX, MIN_SIDE_PX)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._render()

    def _render(self) -> None:
        if not self._data:
            super().clear()
            return
        ratio = self.devicePixelRatioF()
        pixmap = qr_pixmap(self._data, round(self.side_px() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        self.setPixmap(pixmap)
