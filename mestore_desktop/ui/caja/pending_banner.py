"""The banner for payment attempts left unfinished (after a crash or a QR the cashier left):
"1 pago pendiente — ver". Hidden when there are none; a click opens them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from mestore_desktop.ui import icons


class PendingBanner(QPushButton):
    """A full-width button in the theme's pending colour, with the word, not only the colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PendingBanner")
        self.setAccessibleName(self.tr("Pagos pendientes"))
        self.setIcon(icons.icon("pending"))
        self.setProperty("status", "pending")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.count = 0
        self.set_count(0)

    def set_count(self, count: int) -> None:
        self.count = max(count, 0)
        if self.count == 1:
            text = self.tr("1 pago pendiente — ver")
        else:
            text = self.tr("%1 pagos pendientes — ver").replace("%1", str(self.count))
        self.setText(text)
        self.setHidden(self.count == 0)
