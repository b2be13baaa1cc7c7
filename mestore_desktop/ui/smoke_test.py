"""`mestore-desktop --smoke-test`: the installed app (or the PyInstaller bundle) checks itself.

It starts the demo in a temporary folder (offscreen unless a platform is chosen), then acts as a
cashier by keys: waits for the main window, rings up one product, opens *Pagar aquí* and waits
until the local sandbox's checkout page has loaded in the web view (Chromium, its resources and
locale packs, the network stack), cancels that payment, sells the product in cash and closes the
window. It exits 0 on its own, or 1 with one line naming the step that failed (a timeout
included) and the end of the app's log. CI runs it on the bundle (README › Packaging), so a Qt
plugin, a translation, a migration or a data file missing from the bundle fails the build.

The steps are those of tests/journeys (payment_steps.sell_in_cash), in Spanish whatever the
settings say, because controls are found by their accessible (translated) names.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QMainWindow, QWidget

from mestore_desktop.logs import LOG_FILE_NAME
from mestore_desktop.paths import log_dir

log = logging.getLogger(__name__)

T = TypeVar("T")

PREFIX = "smoke-test:"
STEP_TIMEOUT_S = 60.0  # a loaded 2-core CI machine starts Chromium in a few seconds
POLL_S = 0.05
LOG_TAIL_LINES = 30
# The demo's sample catalogue (resources/demo/catalogo.csv): Huevos AA x 30, IVA 0 %.
PRODUCT_CODE = "7709900000013"
PRODUCT_PRICE = "$ 18.500"
CHECKOUT_FORM_PROBE = "document.getElementById('card-form') !== null"
CASH_RECORDED = "Venta en efectivo registrada"


class SmokeTestError(Exception):
    """A step did not happen; `str()` says which and what was on screen."""


def prepare(args: argparse.Namespace) -> None:
    """Turn the parsed command line into a demo in a new temporary home (removed at exit),
    in Spanish, offscreen unless QT_QPA_PLATFORM says otherwise."""
    home = Path(tempfile.mkdtemp(prefix="mestore-smoke-"))
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    args.home, args.demo, args.lang = str(home), True, "es"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclass
class SmokeTest:
    """Drives the shown main window through one sale; `exit_code` is 0 once it has passed."""

    window: QMainWindow
    log_file: Path | None = None  # its last lines are printed on a failure
    step_timeout_s: float = STEP_TIMEOUT_S
    exit_code: int = 1
    started: float = field(default_factory=time.monotonic)
    timings: list[str] = field(default_factory=list)
    _task: asyncio.Task[None] | None = None

    @classmethod
    def start(
        cls, args: argparse.Namespace, window: QMainWindow, loop: asyncio.AbstractEventLoop
    ) -> SmokeTest:
        """Drive `window` from the running `loop` (the home `prepare` chose holds the log)."""
        test = cls(window, log_dir(Path(args.home)) / LOG_FILE_NAME)
        test.begin(loop)
        return test

    def begin(self, loop: asyncio.AbstractEventLoop) -> None:
        self._task = loop.create_task(self._run())

    @property
    def finished(self) -> bool:
        return self._task is not None and self._task.done()

    async def _run(self) -> None:
        try:
            await self._step("main window shown", self._window_shown)
            await self._step("product rung up", self._ring_up)
            await self._step("checkout page loaded in the web view", self._load_checkout)
            await self._step("checkout cancelled", self._cancel_checkout)
            await self._step("cash sale recorded", self._sell_in_cash)
        except SmokeTestError as exc:
            self._report_failure(str(exc))
        except Exception as exc:  # a crash of the driver itself still ends the run, loudly
            log.exception("smoke test crashed")
            self._report_failure(f"{type(exc).__name__}: {exc}")
        else:
            self.exit_code = 0
            total = time.monotonic() - self.started
            print(f"{PREFIX} ok in {total:.1f} s ({', '.join(self.timings)})", flush=True)
        self.window.close()  # as a person ends the app: the services stop, then it quits

    async def _step(self, name: str, action: Callable[[], object]) -> None:
        began = time.monotonic()
        try:
            outcome = action()
            if asyncio.iscoroutine(outcome):
                await outcome
        except SmokeTestError as exc:
            raise SmokeTestError(f"step '{name}' failed: {exc}") from exc
        self.timings.append(f"{name} {time.monotonic() - began:.1f} s")

    # -- the steps -------------------------------------------------------------------------

    async def _window_shown(self) -> None:
        await self._until("the main window is visible and exposed", self._exposed)
        self.window.activateWindow()
        await self._until("a field of the counter has the keyboard", self._counter_has_focus)

    async def _ring_up(self) -> None:
        QTest.keyClicks(self._focus(), PRODUCT_CODE)
        self._press("Return")
        await self._until(f"the total shows {PRODUCT_PRICE}", lambda: _shown(PRODUCT_PRICE))

    async def _load_checkout(self) -> None:
        self._press("F12")  # Pagar aquí
        view = await self._until("a web view on screen", _visible_web_view)
        await self._until("the sandbox's card form in the page", lambda: _page_has_form(view))
        if view.url().host() != "127.0.0.1":
            raise SmokeTestError(f"the web view shows {view.url().toString()}, not the sandbox")

    async def _cancel_checkout(self) -> None:
        self._press("Escape")
        button = await self._until("the question 'Sí, cancelar'", lambda: _named("Sí, cancelar"))
        QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
        await self._until("the counter is free again", _counter_is_free)

    async def _sell_in_cash(self) -> None:
        self._press("F10")  # Efectivo
        received = await self._until("the cash field", lambda: _named("Efectivo recibido"))
        await self._until("'Efectivo recibido' has the keyboard", lambda: self._focus() is received)
        self._press("Return")  # the exact amount
        await self._until(f"'{CASH_RECORDED}'", lambda: _shown(CASH_RECORDED))
        self._press("Return")  # Nueva venta
        await self._until("the counter takes the next sale", lambda: not _shown(CASH_RECORDED))

    async def _until(self, what: str, probe: Callable[[], T]) -> T:
        """Wait (the Qt and asyncio loop running) until `probe()` is truthy; return its value."""
        deadline = time.monotonic() + self.step_timeout_s
        while True:
            value = probe()
            if value:
                return value
            if time.monotonic() > deadline:
                raise SmokeTestError(
                    f"timed out after {self.step_timeout_s:g} s waiting for {what}"
                )
            await asyncio.sleep(POLL_S)

    # -- the keyboard, as tests/journeys/harness.py delivers it ------------------------------

    def _press(self, key: str) -> None:
        combination = QKeySequence(key)[0]
        QTest.keyClick(self._focus(), combination.key(), combination.keyboardModifiers())

    def _focus(self) -> QWidget:
        """Where a key goes: the focus widget of the modal dialog if one is open, else of the
        main window. Offscreen there is no window manager to activate a window, so do it."""
        modal = QApplication.activeModalWidget()
        target = modal or self.window
        if QApplication.activeWindow() is not target:
            target.activateWindow()
        focus = QApplication.focusWidget()
        if focus is not None and focus.window() is target:
            return focus
        return target.focusWidget() or target

    def _exposed(self) -> bool:
        handle = self.window.windowHandle()
        return self.window.isVisible() and handle is not None and handle.isExposed()

    def _counter_has_focus(self) -> bool:
        focus = QApplication.focusWidget()
        return isinstance(focus, QLineEdit) and focus.window() is self.window

    # -- the end ---------------------------------------------------------------------------

    def _report_failure(self, reason: str) -> None:
        elapsed = time.monotonic() - self.started
        lines = [f"{PREFIX} FAILED after {elapsed:.1f} s: {reason}"]
        lines.append(f"{PREFIX} on screen: {' | '.join(_texts())[:1000] or '(nothing)'}")
        lines.extend(_log_tail(self.log_file))
        print("\n".join(lines), file=sys.stderr, flush=True)
        log.error("smoke test failed: %s", reason)


def _widgets() -> list[QWidget]:
    found: list[QWidget] = []
    for top in QApplication.topLevelWidgets():
        if shiboken6.isValid(top) and top.isVisible():
            found.append(top)
            found.extend(w for w in top.findChildren(QWidget) if w.window() is top)
    return [w for w in found if w.isVisible()]


def _accessible_name(widget: QWidget) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def _named(name: str) -> QWidget | None:
    """A visible, enabled control with this accessible name that the keyboard can reach (a
    form's label shares its field's name: the field comes first)."""
    modal = QApplication.activeModalWidget()
    named = [
        widget
        for widget in _widgets()
        if _accessible_name(widget) == name
        and widget.isEnabled()
        and (modal is None or widget.window() is modal)
    ]
    named.sort(key=lambda widget: isinstance(widget, QLabel))
    return named[0] if named else None


def _texts() -> list[str]:
    """What a person can read now: labels, buttons and window titles."""
    out: list[str] = []
    for widget in _widgets():
        text = getattr(widget, "text", None)
        value = text() if callable(text) else None
        if isinstance(value, str) and value:
            out.append(value)
        if widget.isWindow() and widget.windowTitle():
            out.append(widget.windowTitle())
    return out


def _shown(text: str) -> bool:
    return any(text in shown for shown in _texts())


def _visible_web_view() -> QWebEngineView | None:
    return next((w for w in _widgets() if isinstance(w, QWebEngineView)), None)


def _page_has_form(view: QWebEngineView) -> bool:
    """Ask the page (asynchronously) whether its card form is there; the answer of a previous
    call is read on the next poll."""
    answer = view.property("_smoke_form_found")
    view.page().runJavaScript(
        CHECKOUT_FORM_PROBE, 0, lambda found: view.setProperty("_smoke_form_found", found is True)
    )
    return answer is True


def _counter_is_free() -> bool:
    """No dialog open and every tender usable again (the product is still on the counter)."""
    if QApplication.activeModalWidget() is not None:
        return False
    tenders = ("Pagar aquí", "QR al celular", "Efectivo")
    return all(isinstance(_named(name), QAbstractButton) for name in tenders)


def _log_tail(log_file: Path | None) -> list[str]:
    if log_file is None or not log_file.is_file():
        return []
    lines = log_file.read_text(encoding="utf-8", errors="replace").splitlines()
    return [f"{PREFIX} log: {line}" for line in lines[-LOG_TAIL_LINES:]]
