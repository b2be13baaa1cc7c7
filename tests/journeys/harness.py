"""The app as a person meets it: built through the composition root, driven by keys and clicks.

`Journey` starts MeStore Desktop the way `mestore-desktop --demo --home DIR` does (the local
Wompi sandbox and relay on loopback, real SQLite, the real main window), then acts only as a
cashier can: key presses on whatever widget has the focus, clicks on visible, enabled controls
found by their accessible name (and only on the window a modal dialog leaves reachable), typing
into the checkout page. JavaScript runs in the checkout page only to type and click, as the
customer would; nothing here calls the app's handlers or reads its private attributes, except the
read-only look into SQLite that assertions use.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import shiboken6
import zxingcpp
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QAccessible, QImage, QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.exceptions import TimeoutError as WaitTimeout

from mestore_desktop.app import Desktop, DesktopOptions, build_desktop, open_backend, parse_args
from mestore_desktop.paths import database_path
from mestore_desktop.ui.qr import QrWidget

TIMEOUT_MS = 15_000
ACTIVATION_WAIT_MS = 2_000  # then do what a window manager would
# Names a person types for keys, as Qt spells them (QKeySequence) where they differ.
KEY_NAMES = {"enter": "Return", "esc": "Escape", "del": "Delete", "supr": "Delete"}


class Journey:
    """One run of the desktop app; `close()` takes it down as the window's X would."""

    def __init__(self, qtbot: Any, loop: Any, home: Path, argv: list[str]) -> None:
        self.qtbot, self.loop, self.home = qtbot, loop, home
        self._closed = False
        self.printed_pdf = home / "printed-receipt.pdf"
        args = parse_args(["--home", str(home), *argv])
        self.backend = open_backend(args)
        options = DesktopOptions(install_error_handlers=False, printer_factory=self._pdf_printer)
        self.desktop: Desktop = build_desktop(args, self.backend, loop, options)
        self.window = self.desktop.window
        self.window.show()
        qtbot.waitExposed(self.window)
        self.window.activateWindow()
        self.wait(lambda: QApplication.activeWindow() is self.window)

    # -- what the app runs on --------------------------------------------------------------

    @property
    def sandbox_url(self) -> str:
        demo = self.backend.demo
        assert demo is not None, "sandbox_url needs a demo journey"
        return demo.server.base_url

    @property
    def database_path(self) -> Path:
        return database_path(self.backend.home)

    def _pdf_printer(self) -> QPrinter:
        """The receipt printer: a PDF file, so journeys need no printer (and can read it)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.printed_pdf))
        return printer

    # -- waiting and looking ---------------------------------------------------------------

    def wait(self, predicate: Callable[[], object], timeout_ms: int = TIMEOUT_MS) -> None:
        self.qtbot.waitUntil(lambda: bool(predicate()), timeout=timeout_ms)

    def focused(self) -> QWidget:
        """Where a key press goes: the focus widget, else the active (modal) window."""
        if QApplication.activeWindow() is None:
            self._activate_as_a_window_manager_would()
        modal = QApplication.activeModalWidget()
        if modal is not None and QApplication.activeWindow() is not modal:
            self._wait_until_active(modal)
        widget = QApplication.focusWidget() or QApplication.activeWindow()
        if modal is not None and (widget is None or not self._inside(widget, modal)):
            # While a modal dialog is up the keyboard can only reach it (QTest would deliver to
            # a widget behind it, which no person can type into).
            widget = modal.focusWidget() or modal
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def _wait_until_active(self, modal: QWidget) -> None:
        """A person types into a dialog once it is up and active: its window shortcuts (Esc,
        F5) act only then. A loaded machine activates a new dialog a moment after showing it
        (an Esc sent before that was lost); offscreen, a WM's activation may never come."""
        try:
            self.wait(lambda: QApplication.activeWindow() is modal, ACTIVATION_WAIT_MS)
        except WaitTimeout:
            modal.activateWindow()
            self.wait(lambda: QApplication.activeWindow() is modal)

    @staticmethod
    def _inside(widget: QWidget, window: QWidget) -> bool:
        return widget.window() is window or window.isAncestorOf(widget)

    def _activate_as_a_window_manager_would(self) -> None:
        """Offscreen Qt has no window manager: when a dialog closes, no window becomes active
        (on a desktop the window manager activates the one below). Do what it would: the
        modal dialog if one is open, else the main window; never a window that refuses focus."""
        target = QApplication.activeModalWidget() or self.window
        if target.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating):
            return
        target.activateWindow()
        self.wait(lambda: QApplication.activeWindow() is not None, 2_000)

    def modal(self) -> QWidget | None:
        return QApplication.activeModalWidget()

    def visible_named(self, name: str) -> list[QWidget]:
        """Visible widgets with this accessible name, in every top-level window."""
        named = [w for w in _all_widgets() if w.isVisible() and accessible_name(w) == name]
        # A control before the label that names it (a form's label shares its field's name).
        return sorted(
            named,
            key=lambda w: (isinstance(w, QLabel), w.focusPolicy() == Qt.FocusPolicy.NoFocus),
        )

    def find(self, name: str, timeout_ms: int = TIMEOUT_MS) -> QWidget:
        """Wait for a visible widget whose accessible name is `name` and return it."""
        found: list[QWidget] = []

        def present() -> bool:
            found[:] = self.visible_named(name)
            return bool(found)

        self.wait(present, timeout_ms)
        return found[0]

    def wait_gone(self, name: str, timeout_ms: int = TIMEOUT_MS) -> None:
        self.wait(lambda: not self.visible_named(name), timeout_ms)

    def texts(self) -> list[str]:
        """Every visible text a person can read now (labels, buttons, titles), for assertions."""
        out: list[str] = []
        for widget in _all_widgets():
            if not widget.isVisible():
                continue
            text = getattr(widget, "text", None)
            if callable(text):
                value = text()
                if isinstance(value, str) and value:
                    out.append(value)
            if widget.isWindow() and widget.windowTitle():
                out.append(widget.windowTitle())
        return out

    # -- acting ----------------------------------------------------------------------------

    def press(
        self, key: str, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        """Press and release `key` ("F12", "Esc", "Enter", "Del", "+", "a"…) on the focus."""
        combination = QKeySequence(KEY_NAMES.get(key.lower(), key))[0]
        QTest.keyClick(
            self.focused(), combination.key(), modifier | combination.keyboardModifiers()
        )
        QApplication.processEvents()

    def type(self, text: str) -> None:
        QTest.keyClicks(self.focused(), text)
        QApplication.processEvents()

    def scan(self, code: str) -> None:
        """A barcode scanner: the code's characters, then Enter, into the focused field."""
        self.type(code)
        self.press("Enter")

    def click(self, name: str, timeout_ms: int = TIMEOUT_MS) -> None:
        """Wait until a control named `name` can be clicked (visible, enabled, not behind a
        modal dialog), then click its centre with the left mouse button."""
        found: list[QWidget] = []

        def clickable() -> bool:
            found[:] = [w for w in self.visible_named(name) if self._reachable(w)]
            return bool(found)

        self.wait(clickable, timeout_ms)
        widget = found[0]
        centre = widget.rect().center() if isinstance(widget, QAbstractButton) else QPoint(5, 5)
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=centre)
        QApplication.processEvents()

    def _reachable(self, widget: QWidget) -> bool:
        if not widget.isEnabled():
            return False
        modal = QApplication.activeModalWidget()
        return modal is None or self._inside(widget, modal)

    def close_window(self, widget: QWidget) -> None:
        """As the title bar's X: a close request the window may refuse."""
        widget.close()
        QApplication.processEvents()

    # -- the customer, in the checkout page ------------------------------------------------

    def checkout_view(self) -> QWebEngineView:
        """The web view of the payment dialog on screen (the customer's side of the counter)."""
        views: list[QWebEngineView] = []

        def shown() -> bool:
            views[:] = [
                w for w in _all_widgets() if isinstance(w, QWebEngineView) and w.isVisible()
            ]
            return bool(views)

        self.wait(shown)
        return views[0]

    def run_js(self, script: str, view: QWebEngineView | None = None) -> Any:
        page = (view or self.checkout_view()).page()
        with self.qtbot.waitCallback(timeout=TIMEOUT_MS) as callback:
            page.runJavaScript(script, 0, callback)
        return callback.args[0]

    def checkout_wait_form(self, form_id: str, view: QWebEngineView | None = None) -> None:
        probe = f"document.getElementById({json.dumps(form_id)}) !== null"
        self.wait(lambda: self.run_js(probe, view) is True)

    def checkout_fill(
        self,
        form_id: str,
        values: dict[str, str],
        button: str | None = None,
        view: QWebEngineView | None = None,
    ) -> None:
        """The customer types `values` into the form's fields and presses its button."""
        self.checkout_wait_form(form_id, view)
        script = f"""(() => {{
            const form = document.getElementById({json.dumps(form_id)});
            for (const [name, value] of Object.entries({json.dumps(values)})) {{
                const field = form.elements[name];
                field.focus();
                field.value = value;
                field.dispatchEvent(new Event('input', {{bubbles: true}}));
            }}
            form.querySelector({json.dumps(button or 'button[type="submit"]')}).click();
            return true;
        }})()"""
        assert self.run_js(script, view) is True

    # -- the customer's phone ----------------------------------------------------------------

    def phone_scans_qr(self) -> str:
        """The URL in the QR on screen, read from the screen's pixels as a phone camera would."""
        codes: list[str] = []

        def readable() -> bool:
            codes[:] = [
                text
                for widget in _all_widgets()
                if isinstance(widget, QrWidget) and widget.isVisible()
                for text in [_decode_qr(widget)]
                if text
            ]
            return bool(codes)

        self.wait(readable)
        return codes[0]

    def phone_pays_card(self, card_number: str = "4242424242424242", url: str = "") -> str:
        """The customer opens the QR on the phone (or the `url` it scanned earlier) and pays by
        card; returns the text of the page the phone ends on."""
        url = url or self.phone_scans_qr()
        with httpx.Client(timeout=10, follow_redirects=True) as phone:
            page = phone.get(url)
            page.raise_for_status()
            form = _card_form(page.text)
            fields = {**form.hidden, "card_number": card_number, **PHONE_CARD}
            answer = phone.post(httpx.URL(str(page.url)).join(form.action), data=fields)
        return answer.text

    # -- the sandbox's test controls and a read-only look at the data ----------------------

    def sandbox_post(self, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        url = f"{self.sandbox_url}/_sandbox/{path.lstrip('/')}"
        response = httpx.post(url, json=body or {}, timeout=10)
        response.raise_for_status()
        return response.json() if response.content else {}

    def sql(self, query: str, *params: object) -> list[tuple[Any, ...]]:
        with sqlite3.connect(f"file:{self.database_path}?mode=ro", uri=True) as conn:
            return conn.execute(query, params).fetchall()

    def order_statuses(self) -> list[str]:
        return [row[0] for row in self.sql("SELECT status FROM orders ORDER BY number")]

    def attempts(self) -> list[tuple[str, str]]:
        """(reference, status) of every payment attempt, oldest first."""
        return self.sql("SELECT reference, status FROM payment_attempts ORDER BY id")

    # -- the end ---------------------------------------------------------------------------

    def close(self) -> None:
        """Close the window as a person would, then stop what the app runs (sync, servers).
        Closing twice is allowed (a journey that restarts the app closes the first run)."""
        if self._closed:
            return
        self._closed = True
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget is not self.window and widget.isModal():
                widget.hide()  # a person would answer it first; the test is over either way
        self.window.close()
        closing = self.loop.create_task(self.desktop.aclose())
        self.qtbot.waitUntil(closing.done, timeout=10_000)
        self.desktop.db.shutdown()
        self.backend.close()
        if shiboken6.isValid(self.window):
            self.window.deleteLater()
        for _ in range(3):
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QApplication.processEvents()


PHONE_CARD = {
    "card_expiry": "12/30",
    "card_cvc": "123",
    "card_holder": "Cliente Celular",
    "customer_email": "cliente@example.com",
}


@dataclass
class _Form:
    action: str
    hidden: dict[str, str]


def _card_form(page: str) -> _Form:
    """The card form of a checkout page: where it posts and its hidden fields."""
    start = page.index('id="card-form"')
    form = page[page.rindex("<form", 0, start) : page.index("</form>", start)]
    action = html.unescape(re.search(r'action="([^"]*)"', form).group(1))  # type: ignore[union-attr]
    hidden = {
        html.unescape(name): html.unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)"', form)
    }
    return _Form(action, hidden)


def _decode_qr(widget: QWidget) -> str:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    if not width or not height:
        return ""
    raw = bytes(image.constBits())[: stride * height]
    rows = b"".join(raw[row * stride : row * stride + width] for row in range(height))
    found = zxingcpp.read_barcode(memoryview(rows).cast("B", shape=[height, width]))
    return found.text if found is not None else ""


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces: the one set on the widget, else what Qt derives
    (a button's caption, a field's label buddy)."""
    if widget.accessibleName():
        return widget.accessibleName()
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def _all_widgets() -> Iterator[QWidget]:
    for top in QApplication.topLevelWidgets():
        if not shiboken6.isValid(top):
            continue
        yield top
        # A dialog is a child of its parent's window yet a window of its own: list it once.
        yield from (w for w in top.findChildren(QWidget) if w.window() is top)
