"""Status and action icons drawn as SVG files under ``resources/icons/``.

They replace emoji (✔ ✖ ⚠ ⏳…), which show as empty boxes on machines without an emoji font.
SVG is rendered at the exact size asked (times the screen's pixel ratio), so icons stay crisp on
any display. Use :func:`icon` for buttons and labels that take a ``QIcon``, :func:`pixmap` for a
``QLabel`` that shows a picture.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from mestore_desktop.ui.resources import resource_path

log = logging.getLogger(__name__)

#: Every icon shipped; a name outside this set is a programming error, not a missing file.
ICON_NAMES: frozenset[str] = frozenset(
    {
        "approved",  # check in a green circle
        "declined",  # white cross in a red circle
        "error",  # warning triangle, dark orange
        "pending",  # clock, amber
        "cancelled",  # grey bar: cancelled, voided, abandoned
        "skipped",  # grey outline: a check that did not run
        "search",
        "qr",
        "cash",
        "card",
        "display",
        "import",
    }
)


def icon_path(name: str) -> str:
    """The SVG file of ``name``; raises ``KeyError`` for a name that is not shipped."""
    if name not in ICON_NAMES:
        raise KeyError(f"unknown icon {name!r}")
    return str(resource_path("icons", f"{name}.svg"))


@cache
def _renderer(name: str) -> QSvgRenderer:
    renderer = QSvgRenderer(icon_path(name))
    if not renderer.isValid():
        # A bundle without resources/icons: the UI still works with text, but say why it is bare.
        log.error("icon %s could not be loaded from %s", name, icon_path(name))
    return renderer


def pixmap(name: str, size: int) -> QPixmap:
    """``name`` as a ``size`` x ``size`` (logical pixels) pixmap, crisp on HiDPI screens."""
    ratio = _device_pixel_ratio()
    physical = max(1, round(size * ratio))
    result = QPixmap(physical, physical)
    result.fill(Qt.GlobalColor.transparent)
    renderer = _renderer(name)
    if renderer.isValid():
        painter = QPainter(result)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, physical, physical))
        painter.end()
    result.setDevicePixelRatio(ratio)
    return result


#: Sizes pre-rendered into a ``QIcon``; Qt picks the nearest one for a widget's icon size.
_ICON_SIZES = (16, 20, 24, 32, 48, 64, 96, 128)


@cache
def icon(name: str) -> QIcon:
    """``name`` as a ``QIcon``, rendered here rather than by Qt's SVG icon plug-in, which a
    frozen bundle may lack."""
    result = QIcon()
    for size in _ICON_SIZES:
        result.addPixmap(pixmap(name, size))
    return result


def _device_pixel_ratio() -> float:
    app = QGuiApplication.instance()
    screen = QGuiApplication.primaryScreen() if app is not None else None
    return screen.devicePixelRatio() if screen is not None else 1.0
