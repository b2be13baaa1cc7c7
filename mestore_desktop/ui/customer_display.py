"""The customer-facing display: a second window (on a second screen when there is one).

It shows what the customer needs and nothing else: the cart, a very large total, the QR while
they pay from their phone, and the payment's outcome. It never shows references to internal
data beyond what is on the receipt, and never anything secret.

It never takes the keyboard: the counter's search field must receive every scanned code. The
window does not accept focus and shows without being activated; should a window manager hand it
the keyboard anyway, its keys are passed on to the counter (F9 asks to close it).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QMargins, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import OrderLine
from mestore_desktop.ui import icons
from mestore_desktop.ui.qr import QrWidget
from mestore_desktop.ui.theme import set_style_property

STATUS_ICON_PX = {"full": 96, "preview": 48}
# With one screen the display is a preview beside the counter: a fraction of the screen, never
# smaller than can be read nor larger than it needs.
PREVIEW_FRACTION = 1 / 3
PLACES_PER_EDGE = 8  # positions tried along each screen edge
PREVIEW_MIN = QSize(400, 300)
PREVIEW_MAX = QSize(640, 480)


class CustomerDisplay(QWidget):
    """Cart and total while ringing up; the QR and then the outcome while paying.

    Signals:
        toggle_requested(): F9 reached the display itself (see the module docstring).
    """

    toggle_requested = Signal()

    def __init__(self, store_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setObjectName("CustomerDisplay")
        self.setAccessibleName(self.tr("Pantalla del cliente"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keyboard_target: QWidget | None = None  # where stray keys go (the search field)
        self.welcome = QLabel()
        self.welcome.setObjectName("DisplayWelcome")
        self.welcome.setWordWrap(True)
        self.set_store_name(store_name)
        self.lines = QListWidget()
        self.lines.setObjectName("DisplayLines")
        self.lines.setAccessibleName(self.tr("Productos de la compra"))
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.total = QLabel()
        self.total.setObjectName("DisplayTotal")
        self.total.setAccessibleName(self.tr("Total"))
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.side = QStackedWidget()
        self.qr = QrWidget()
        self.qr.setAccessibleName(self.tr("Código QR para pagar"))
        self.qr_hint = QLabel(self.tr("Escanea con la cámara de tu celular para pagar"))
        self.qr_hint.setWordWrap(True)
        self.qr_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_icon = QLabel()
        self.status_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = QLabel()
        self.status.setObjectName("DisplayStatus")
        self.status.setAccessibleName(self.tr("Estado del pago"))
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._build()
        self.show_cart((), Money.zero())

    def _build(self) -> None:
        qr_page = QWidget()
        qr_layout = QVBoxLayout(qr_page)
        qr_layout.addWidget(self.qr, 1)
        qr_layout.addWidget(self.qr_hint, 0, Qt.AlignmentFlag.AlignHCenter)
        status_page = QWidget()
        status_layout = QVBoxLayout(status_page)
        status_layout.addStretch(1)
        status_layout.addWidget(self.status_icon)
        status_layout.addWidget(self.status)
        status_layout.addStretch(1)
        self.side.addWidget(QWidget())  # nothing beside the cart while ringing up
        self.side.addWidget(qr_page)
        self.side.addWidget(status_page)
        left = QVBoxLayout()
        left.addWidget(self.welcome)
        left.addWidget(self.lines, 1)
        left.addWidget(self.total)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addLayout(left, 3)
        layout.addWidget(self.side, 2)

    def set_store_name(self, store_name: str) -> None:
        self.setWindowTitle(self.tr("%1 — Su compra").replace("%1", store_name))
        self.welcome.setText(self.tr("Bienvenido a %1").replace("%1", store_name))

    def show_cart(self, lines: Sequence[OrderLine], total: Money) -> None:
        self.lines.clear()
        for line in lines:
            self.lines.addItem(f"{line.quantity} × {line.description}    {line.total.format()}")
        self.total.setText(self.tr("TOTAL  %1").replace("%1", total.format()))
        self.side.setCurrentIndex(0)

    def show_qr(self, url: str, amount: Money) -> None:
        self.qr.set_data(url)
        self.total.setText(self.tr("TOTAL  %1").replace("%1", amount.format()))
        self.side.setCurrentIndex(1)

    def show_waiting(self) -> None:
        self._show_status("pending", self.tr("Esperando la confirmación del pago…"))

    def show_approved(self) -> None:
        self._show_status("approved", self.tr("¡Pago aprobado! Gracias por tu compra"))

    def show_failed(self, reason: str) -> None:
        self._show_status("declined", self.tr("El pago no se completó. %1").replace("%1", reason))

    def _show_status(self, status: str, text: str) -> None:
        self.status_icon.setPixmap(icons.pixmap(status, STATUS_ICON_PX[self._mode()]))
        self.status.setText(text)
        self.status.setProperty("status", status)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.side.setCurrentIndex(2)

    def place(self, keep_visible: Sequence[QWidget] = ()) -> None:
        """Full screen on a second screen when there is one; else an ordinary window in the
        corner of the screen that hides least of *keep_visible* (the counter's own controls)."""
        screens = QGuiApplication.screens()
        # The theme sizes the text for across the counter, or for a preview on the cashier's screen.
        self._set_mode("full" if len(screens) > 1 else "preview")
        if len(screens) > 1:
            self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, False)
            self.setScreen(screens[1])
            self.setGeometry(screens[1].availableGeometry())
            self.showFullScreen()
            return
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.winId()  # a native window: its frame (title bar) is known where the platform tells
        handle = self.windowHandle()
        frame = handle.frameMargins() if handle is not None else QMargins()
        size = _preview_size(screen).expandedTo(self.minimumSizeHint())
        self.setGeometry(_preview_geometry(screen, size, frame, keep_visible))
        # Never activated, a window manager stacks it under the counter it was opened from, where
        # the customer cannot see it: keep it above (it still never takes the keyboard).
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.showNormal()

    def _mode(self) -> str:
        return str(self.property("mode") or "full")

    def _set_mode(self, mode: str) -> None:
        if self._mode() == mode and self.property("mode") is not None:
            return
        set_style_property(self, "mode", mode)
        margin = 32 if mode == "full" else 12
        self.layout().setContentsMargins(margin, margin * 3 // 4, margin, margin * 3 // 4)
        for child in self.findChildren(QWidget):  # their rules depend on the window's mode
            child.style().unpolish(child)
            child.style().polish(child)

    # -- the keyboard: never kept -----------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            # A window manager that ignores "does not accept focus" activated it: give the
            # keyboard back before the scanner's next key arrives.
            QTimer.singleShot(0, self, self._give_keyboard_back)

    def _give_keyboard_back(self) -> None:
        target = self.keyboard_target
        if target is not None and self.isActiveWindow():
            target.window().activateWindow()
            target.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A key meant for the counter: it acts there as if typed there (a shortcut of the
        counter's window runs; anything else goes into the search field)."""
        if event.key() == Qt.Key.Key_F9:
            self.toggle_requested.emit()
            return
        target = self.keyboard_target
        if target is None:
            super().keyPressEvent(event)
            return
        target.window().activateWindow()  # the next key goes straight to the counter
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        shortcut = _shortcut_for(target, QKeySequence(event.keyCombination()))
        if shortcut is not None:
            shortcut.activated.emit()
            return
        copy = QKeyEvent(event.type(), event.key(), event.modifiers(), event.text())
        QApplication.sendEvent(target, copy)


def _shortcut_for(target: QWidget, keys: QKeySequence) -> QShortcut | None:
    """The usable shortcut of *target*'s window for *keys*, as Qt would pick it there."""
    for shortcut in target.window().findChildren(QShortcut):
        owner = shortcut.parent()
        usable = (
            shortcut.isEnabled()
            and isinstance(owner, QWidget)
            and owner.isVisible()
            and owner.isEnabled()
            and any(
                key.matches(keys) == QKeySequence.SequenceMatch.ExactMatch
                for key in shortcut.keys()  # noqa: SIM118  (a method, not a dict)
            )
        )
        if usable and (
            shortcut.context() != Qt.ShortcutContext.WidgetWithChildrenShortcut
            or owner.isAncestorOf(target)
        ):
            return shortcut
    return None


def _preview_size(screen: QRect) -> QSize:
    fraction = QSize(
        int(screen.width() * PREVIEW_FRACTION), int(screen.height() * PREVIEW_FRACTION)
    )
    return fraction.expandedTo(PREVIEW_MIN).boundedTo(PREVIEW_MAX)


def _preview_geometry(
    screen: QRect, size: QSize, frame: QMargins, keep_visible: Sequence[QWidget]
) -> QRect:
    """The client area (of *size*) of the preview window, placed in the corner of *screen* whose
    window (with its *frame*) covers the least of *keep_visible*, in their order of importance."""
    outer = QSize(
        size.width() + frame.left() + frame.right(), size.height() + frame.top() + frame.bottom()
    )
    rects = [_global_rect(widget) for widget in keep_visible if widget.isVisible()]

    def covered(place: QPoint) -> tuple[int, ...]:
        window = QRect(place, outer)
        return tuple(_area(window.intersected(rect)) for rect in rects)

    best = min(_places_along_the_edges(screen, outer), key=covered)  # ties: the first one
    return QRect(best + QPoint(frame.left(), frame.top()), size)


def _places_along_the_edges(screen: QRect, outer: QSize) -> list[QPoint]:
    """Top-left points of an *outer*-sized window touching an edge of *screen*: down the right
    edge from the top, then along the bottom, the left edge and the top."""
    left, top = screen.left(), screen.top()
    right, bottom = screen.right() - outer.width() + 1, screen.bottom() - outer.height() + 1

    def steps(start: int, end: int) -> list[int]:
        return [start + (end - start) * i // PLACES_PER_EDGE for i in range(PLACES_PER_EDGE + 1)]

    return [
        *(QPoint(right, y) for y in steps(top, bottom)),
        *(QPoint(x, bottom) for x in steps(right, left)),
        *(QPoint(left, y) for y in steps(bottom, top)),
        *(QPoint(x, top) for x in steps(left, right)),
    ]


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def _area(rect: QRect) -> int:
    return 0 if rect.isEmpty() else rect.width() * rect.height()
