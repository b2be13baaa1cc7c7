"""F9 with a single screen (issue 8 item 6): the customer display opens beside the counter as a
window that never takes the keyboard, the scanner keeps typing into the search field, and F9
closes it again. Before the fix the display took the keyboard: the scanned code was lost and F9
did nothing."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

COFFEE = "7709900000112"  # Café molido 500 g, $ 18.900, in the demo's sample catalogue
SEARCH = "Buscar producto o escanear código"
DISPLAY = "Pantalla del cliente"


def display_window(journey) -> QWidget | None:
    windows = [w for w in journey.visible_named(DISPLAY) if w.isWindow()]
    return windows[0] if windows else None


def display_total(journey) -> str:
    window = display_window(journey)
    assert window is not None
    totals = [w for w in journey.visible_named("Total") if w.window() is window]
    return totals[0].text() if totals else ""


def test_f9_on_one_screen_keeps_the_scanner_on_the_counter(journey):
    assert len(QGuiApplication.screens()) == 1
    search = journey.find(SEARCH)
    journey.wait(lambda: journey.focused() is search)

    journey.press("F9")
    journey.wait(lambda: display_window(journey) is not None)
    journey.qtbot.wait(100)  # whatever a window system would activate has been activated

    assert QApplication.activeWindow() is journey.window
    assert journey.focused() is search
    journey.scan(COFFEE)
    journey.wait(lambda: "$ 18.900" in display_total(journey))  # added, and the customer sees it
    journey.scan(COFFEE)
    journey.wait(lambda: "$ 37.800" in display_total(journey))

    journey.press("F9")
    journey.wait(lambda: display_window(journey) is None)
    assert journey.focused() is search

    # F9 opens it again, and the sale goes on to the end with the display open.
    journey.press("F9")
    journey.wait(lambda: display_window(journey) is not None)
    journey.press("F10")
    journey.wait(lambda: journey.modal() is not None)
    journey.press("Enter")  # the exact amount
    journey.wait(lambda: journey.order_statuses()[-1:] == ["paid"])
    journey.wait(lambda: any("aprobado" in t.lower() for t in journey.texts() if "!" in t))
    journey.click("Nueva venta")
    journey.wait(lambda: journey.modal() is None)
    journey.wait(lambda: journey.focused() is search)
    journey.press("F9")
    journey.wait(lambda: display_window(journey) is None)
