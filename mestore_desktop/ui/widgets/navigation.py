"""Sidebar navigation between the main pages, with Ctrl+1…Ctrl+n shortcuts.

A QListWidget rather than a row of buttons: arrow keys, Home/End and screen readers work without
any extra code, which matters for a cashier who keeps both hands on the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

SIDEBAR_WIDTH = 210


class NavigationSidebar(QListWidget):
    """One entry per page; emits ``page_selected(index)`` whenever the current entry changes.

    Signals:
        page_selected(int): the index of the page to show.
    """

    page_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Sidebar")
        self.setFixedWidth(SIDEBAR_WIDTH)
        self.setAccessibleName(QCoreApplication.translate("NavigationSidebar", "Navegación"))
        self.currentRowChanged.connect(self.page_selected)

    def add_page(self, title: str, window: QWidget) -> int:
        """Add an entry and its Ctrl+<n> shortcut (on *window*, so it works from any page)."""
        index = self.count()
        item = QListWidgetItem(title, self)
        number = index + 1
        if number <= 9:
            sequence = QKeySequence(f"Ctrl+{number}")
            item.setToolTip(sequence.toString(QKeySequence.SequenceFormat.NativeText))
            shortcut = QShortcut(sequence, window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda row=index: self.setCurrentRow(row))
        return index
