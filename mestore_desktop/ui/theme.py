"""Apply the application's look: Qt's Fusion style, an 11 pt base font and one QSS theme.

Colours live only in ``resources/theme.qss``; widgets choose a look through dynamic properties
(``status``, ``environment``, ``role``) so that no widget carries ad-hoc colours.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from mestore_desktop.ui.resources import resource_path

log = logging.getLogger(__name__)

BASE_POINT_SIZE = 11


def apply_theme(app: QApplication) -> None:
    """Fusion + base font + the QSS theme; a missing theme file is logged, not fatal."""
    app.setStyle(QStyleFactory.create("Fusion"))
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    qss = resource_path("theme.qss")
    try:
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    except OSError:
        log.warning("theme not found at %s; using plain Fusion", qss)


def set_style_property(widget: QWidget, name: str, value: str) -> None:
    """Change a dynamic property used by the QSS and make Qt re-evaluate the style."""
    widget.setProperty(name, value)
    # Qt does not re-apply property selectors on its own after setProperty.
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
