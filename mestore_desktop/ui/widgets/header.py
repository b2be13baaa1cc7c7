"""The window header: store name on the left, environment badge on the right."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from mestore_desktop.ui.widgets.badge import BadgeKind, EnvironmentBadge


class Header(QFrame):
    """Store name and environment badge; updated whenever settings are saved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Header")
        self.store_name = QLabel(self)
        self.store_name.setObjectName("StoreName")
        self.badge = EnvironmentBadge(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.store_name)
        layout.addStretch(1)
        layout.addWidget(self.badge)

    def show_store(self, name: str, kind: BadgeKind) -> None:
        """Display *name* (or a neutral title when it is still empty) and the badge."""
        self.store_name.setText(name.strip() or self.tr("MeStore (sin nombre de comercio)"))
        self.badge.set_kind(kind)
