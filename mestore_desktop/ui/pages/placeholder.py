"""A page for a screen that is not built yet: its title and, in plain words, what will be there.

Callers pass already-translated text, so each page module keeps its own translation context.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    """Title plus an explanation of what the screen will offer."""

    def __init__(self, *, title: str, body: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        heading = QLabel(title, self)
        heading.setObjectName("PageTitle")
        text = QLabel(body, self)
        text.setObjectName("PlaceholderText")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(heading)
        layout.addSpacing(8)
        layout.addWidget(text)
        layout.addStretch(1)
