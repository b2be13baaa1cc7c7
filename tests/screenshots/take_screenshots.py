"""Screenshots for the README, taken offscreen by a journey through the real demo app.

Run: `.venv/bin/python -m tests.screenshots.take_screenshots [--out resources/screenshots]`

The app is built exactly as `mestore-desktop --demo` builds it (composition root, sample shop,
local Wompi sandbox and relay on loopback, Spanish) by the journeys' `Journey` harness, and the
script acts only as the cashier and the customer do: keys on the focus, clicks by accessible
name, typing into the checkout page, the customer's phone reading the QR off the screen.
Every step waits for a condition, never for luck.

Offscreen there is no window manager to compose windows, so a step's picture is the main
window's `grab()` with each dialog's own `grab()` painted over its centre, where a desktop would
show it. What changes between runs: the sandbox's port and keys (so the QR's pattern),
transaction ids, dates and the waiting clock.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import keyring
import qasync
from PySide6.QtCore import QElapsedTimer, QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests import conftest  # noqa: F401  (headless Qt, web engine flags, before the QApplication)
from tests.journeys.harness import Journey
from tests.support.memory_keyring import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]
WINDOW_SIZE = (1366, 768)
SETTLE_MS = 300  # after a change: layout, paint, and QtWebEngine's compositor frame
# The README's sample codes (resources/demo/catalogo.csv).
CAFE, GASEOSA, HUEVOS = "7709900000112", "7709900000204", "7709900000013"
CARD = {
    "card_number": "4242 4242 4242 4242",
    "card_expiry": "12/30",
    "card_cvc": "123",
    "card_holder": "María Fernanda Gómez",
    "customer_email": "maria.gomez@example.com",
}


class Bot:
    """The few pytest-qt `qtbot` calls the journey harness makes, without pytest."""

    def waitUntil(self, predicate: Callable[[], object], timeout: int = 5000) -> None:
        clock = QElapsedTimer()
        clock.start()
        while not predicate():
            if clock.elapsed() > timeout:
                raise TimeoutError(f"still waiting after {timeout} ms")
            QTest.qWait(20)

    def waitExposed(self, widget: QWidget) -> None:
        QTest.qWaitForWindowExposed(widget)

    def wait(self, ms: int) -> None:
        QTest.qWait(ms)

    def mouseClick(self, widget: QWidget, button: Qt.MouseButton, pos: QPoint) -> None:
        QTest.mouseClick(widget, button, Qt.KeyboardModifier.NoModifier, pos)

    @contextmanager
    def waitCallback(self, timeout: int = 5000) -> Iterator[Any]:
        class Callback:
            called = False
            args: tuple[Any, ...] = ()

            def __call__(self, *args: Any) -> None:
                self.called, self.args = True, args

        callback = Callback()
        yield callback
        self.waitUntil(lambda: callback.called, timeout)


# -- pictures -------------------------------------------------------------------------------


def composite(window: QWidget, *dialogs: QWidget) -> QPixmap:
    """The window with each dialog painted over it, centred, as a desktop shows a dialog over
    its parent (offscreen, Qt leaves dialogs near the screen's corner)."""
    picture = window.grab()
    painter = QPainter(picture)
    for dialog in dialogs:
        frame = dialog.grab()
        at = QPoint(
            max(0, (picture.width() - frame.width()) // 2),
            max(0, (picture.height() - frame.height()) // 2),
        )
        painter.setPen(QColor("#5f6b7a"))
        painter.drawRect(at.x() - 1, at.y() - 1, frame.width() + 1, frame.height() + 1)
        painter.drawPixmap(at, frame)
    painter.end()
    return picture


def is_flat(image: QImage, step: int = 16) -> bool:
    """Whether `image` is one colour (a web view that has not painted yet)."""
    first = image.pixel(0, 0)
    return all(
        image.pixel(x, y) == first
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    )


class Album:
    """Saves numbered PNGs of the app's windows into one folder."""

    def __init__(self, folder: Path, journey: Journey) -> None:
        self.folder, self.journey = folder, journey
        folder.mkdir(parents=True, exist_ok=True)
        self.saved: list[Path] = []

    def shoot(self, name: str, *windows: QWidget) -> None:
        QTest.qWait(SETTLE_MS)
        dialogs = windows or tuple(self._open_dialogs())
        path = self.folder / f"{name}.png"
        if not composite(self.journey.window, *dialogs).save(str(path), "PNG", 9):
            raise RuntimeError(f"could not write {path}")
        self.saved.append(path)
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path, flush=True)

    def _open_dialogs(self) -> list[QWidget]:
        main = self.journey.window
        return [
            w
            for w in QApplication.topLevelWidgets()
            if w is not main
            and w.isVisible()
            and w.isWindow()
            and w.windowTitle()
            and w.objectName() != "CustomerDisplay"  # the customer's screen, shot on its own
        ]


# -- the walk -------------------------------------------------------------------------------


def walk(journey: Journey, album: Album) -> None:
    album.shoot("01-caja-vacia")
    journey.scan(CAFE)
    journey.scan(GASEOSA)
    journey.scan(CAFE)
    journey.type("huev")
    QTest.qWait(600)  # the search list opens as the cashier types
    album.shoot("02-carrito-y-busqueda")
    journey.press("Enter")
    card_paid_here(journey, album)
    qr_on_the_phone(journey, album)
    cash_with_change(journey, album)
    customer_display(journey, album)
    journey.press("2", Qt.KeyboardModifier.ControlModifier)
    album.shoot("12-pedidos")
    journey.press("5", Qt.KeyboardModifier.ControlModifier)
    album.shoot("13-ajustes")
    payment_link(journey, album)
    reconciliation(journey, album)
    journey.press("1", Qt.KeyboardModifier.ControlModifier)


def payment_link(journey: Journey, album: Album) -> None:
    journey.press("3", Qt.KeyboardModifier.ControlModifier)
    journey.find("Nuevo link")
    journey.press("N", Qt.KeyboardModifier.ControlModifier)
    journey.type("Torta de chocolate")
    for field, text in (("Monto", "85.000"), ("Descripción", "Entrega el sabado")):
        journey.click(field)
        journey.press("A", Qt.KeyboardModifier.ControlModifier)
        journey.type(text)
    journey.press("Enter")
    journey.wait(lambda: journey.visible_named("URL del link") != [], 15_000)
    QTest.qWait(SETTLE_MS)
    album.shoot("14-links-de-pago")


def reconciliation(journey: Journey, album: Album) -> None:
    """A day with something to look at: money at Wompi for no sale of ours (the sandbox's
    control, silent: only the reconciliation's search finds it)."""
    orphan = {"reference": "OTRA-TIENDA-1", "amount_in_cents": 5_000_000, "status": "APPROVED"}
    journey.sandbox_post("transactions/inject", {**orphan, "silent": True})
    journey.press("4", Qt.KeyboardModifier.ControlModifier)
    journey.click("Hoy")
    journey.click("Conciliar")
    journey.wait(lambda: "(1)" in journey.find("Sin pedido").text(), 30_000)  # type: ignore[attr-defined]
    journey.click("Sin pedido")
    QTest.qWait(SETTLE_MS)
    album.shoot("15-conciliacion")


def card_paid_here(journey: Journey, album: Album) -> None:
    journey.press("F12")
    journey.checkout_wait_form("card-form")
    until_painted(journey)
    album.shoot("03-cobro-checkout-wompi")
    journey.checkout_fill("card-form", {**CARD, "card_expiry": "1229"})
    journey.wait(lambda: journey.run_js("document.body.innerText.includes('Revisa')") is True)
    until_painted(journey)
    album.shoot("04-checkout-con-error-de-datos")
    journey.checkout_fill("card-form", CARD)
    journey.find("Nueva venta", timeout_ms=30_000)
    album.shoot("05-pago-aprobado")
    journey.press("Enter")
    journey.wait(lambda: journey.modal() is None)


def qr_on_the_phone(journey: Journey, album: Album) -> None:
    journey.scan(HUEVOS)
    journey.wait(lambda: journey.find("QR al celular").isEnabled())
    journey.press("F11")
    url = journey.phone_scans_qr()
    album.shoot("06-qr-al-celular")
    journey.phone_pays_card("4111111111111111", url=url)
    journey.find("Otro medio de pago", timeout_ms=30_000)
    album.shoot("07-pago-rechazado")
    journey.click("Otro medio de pago")
    journey.wait(lambda: journey.modal() is None)


def cash_with_change(journey: Journey, album: Album) -> None:
    journey.press("F10")
    journey.wait(lambda: journey.modal() is not None)
    journey.type("50000")
    album.shoot("08-efectivo-recibido")
    journey.press("Enter")
    journey.find("Nueva venta")
    album.shoot("09-venta-en-efectivo-registrada")
    journey.press("Enter")
    journey.wait(lambda: journey.modal() is None)


def customer_display(journey: Journey, album: Album) -> None:
    journey.scan(CAFE)
    journey.scan(HUEVOS)
    journey.wait(lambda: journey.find("QR al celular").isEnabled())
    journey.press("F11")
    journey.press("F9")
    display = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "CustomerDisplay")
    journey.wait(display.isVisible)
    display.resize(900, 560)
    album.shoot("10-pantalla-del-cliente-qr", display)
    journey.press("F9")
    url = journey.phone_scans_qr()
    journey.press("Esc")
    journey.click("Sí, cancelar")
    journey.wait(lambda: journey.modal() is None)
    journey.phone_pays_card(url=url)
    journey.find("¡Pago aprobado después de cancelar!", timeout_ms=30_000)
    album.shoot("11-aprobado-despues-de-cancelar")
    journey.click("Entendido")


def until_painted(journey: Journey) -> None:
    """QtWebEngine paints a moment after the DOM is ready: wait until the view is not flat."""
    view = journey.checkout_view()
    journey.wait(lambda: not is_flat(view.grab().toImage()), 5000)


# -- running it -----------------------------------------------------------------------------


def take_screenshots(out: Path) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)
    keyring.set_keyring(MemoryKeyring())  # the demo puts its own in; never a real keyring
    loop = qasync.QEventLoop(app, already_running=True)
    asyncio.set_event_loop(loop)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        journey = Journey(Bot(), loop, home, ["--demo"])
        journey.window.resize(*WINDOW_SIZE)
        album = Album(out, journey)
        try:
            walk(journey, album)
        finally:
            journey.close()
    gc.enable()  # the app hands collection to a GUI-thread timer while it runs
    return album.saved


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    args = parser.parse_args()
    started = time.monotonic()
    saved = take_screenshots(args.out.resolve())
    print(f"{len(saved)} screenshots in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
