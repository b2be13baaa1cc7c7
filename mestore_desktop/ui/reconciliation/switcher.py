"""Tabs that wrap: one checkable button per queue (its count in the caption) over a stack.

Seven queue names in Spanish plus the totals do not fit one row of `QTabBar` at 1280 px, and a
scrolling tab bar hides the very queues that need attention. These buttons flow onto a second
row instead, are reachable with Tab and the arrow keys, switch with Ctrl+PgDown / Ctrl+PgUp like
tabs, and each has an accessible name (the queue's name, without the count) a person or a
screen reader can find.
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QLayout,
    QLayoutItem,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.ui.theme import set_style_property


class FlowLayout(QLayout):
    """Left to right, wrapping onto the next row when the width runs out (Qt's flow example)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def height_for(self, width: int) -> int:
        """The height its rows take at *width* (the switcher sizes its bar with it: a
        height-for-width layout would make the whole page as tall as at its narrowest)."""
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, *, move: bool) -> int:
        x, y, row_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and row_height > 0:
                x, y = rect.x(), y + row_height + self._gap
                row_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()


class Switcher(QWidget):
    """`add(key, name, widget)`, then `set_caption`/`set_current`; `current_changed(key)`."""

    current_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QWidget(self)
        self.bar.setObjectName("SwitcherBar")
        self.bar.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._flow = FlowLayout(self.bar)
        self.stack = QStackedWidget(self)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[Hashable, QPushButton] = {}
        self._pages: dict[Hashable, QWidget] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.stack, 1)
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self._step(s))

    def add(self, key: Hashable, name: str, widget: QWidget) -> None:
        button = QPushButton(name, self.bar)
        button.setObjectName("SwitcherButton")
        button.setCheckable(True)
        button.setAutoDefault(False)
        button.setAccessibleName(name)
        button.clicked.connect(lambda _checked=False, k=key: self.set_current(k))
        self.group.addButton(button)
        self._flow.addWidget(button)
        self.stack.addWidget(widget)
        self.buttons[key] = button
        self._pages[key] = widget
        if len(self.buttons) == 1:
            self.set_current(key)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_bar()

    def _fit_bar(self) -> None:
        height = self._flow.height_for(max(self.width(), 1))
        if self.bar.height() != height:
            self.bar.setFixedHeight(height)

    def set_caption(self, key: Hashable, caption: str, *, attention: bool = False) -> None:
        """The caption (name and count); `attention` marks a queue that needs a person."""
        button = self.buttons[key]
        button.setText(caption)
        set_style_property(button, "attention", "true" if attention else "false")
        self._fit_bar()

    def captions(self) -> list[str]:
        return [button.text() for button in self.buttons.values()]

    def set_current(self, key: Hashable) -> None:
        self.buttons[key].setChecked(True)
        if self.stack.currentWidget() is not self._pages[key]:
            self.stack.setCurrentWidget(self._pages[key])
            self.current_changed.emit(key)

    def current(self) -> Hashable:
        page = self.stack.currentWidget()
        return next(key for key, widget in self._pages.items() if widget is page)

    def current_widget(self) -> QWidget:
        return self.stack.currentWidget()

    def _step(self, step: int) -> None:
        keys = list(self.buttons)
        key = keys[(keys.index(self.current()) + step) % len(keys)]
        self.set_current(key)
        self.buttons[key].setFocus()
