"""The customer display (F9) with a single screen: an ordinary window beside the counter that
never takes the keyboard, toggled by F9, so a scanned code always lands in the search field."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow

from mestore_desktop.domain.payment import DuplicatePayment, PaymentAttempt
from mestore_desktop.services.counter_setup import CounterSetup
from mestore_desktop.settings import Settings
from mestore_desktop.ui.customer_display import CustomerDisplay
from mestore_desktop.ui.pages.caja import CajaPage, CajaServices
from tests.gui.test_caja_ring_up import SHIRT_M, FakeCatalogue

pytestmark = pytest.mark.gui


class QuietCounter:
    """The three background checks the page runs, answering "nothing pending"."""

    async def unfinished(self) -> list[PaymentAttempt]:
        await asyncio.sleep(0)
        return []

    async def late_approvals(self) -> list[PaymentAttempt]:
        await asyncio.sleep(0)
        return []

    async def duplicate_payments(self) -> list[DuplicatePayment]:
        await asyncio.sleep(0)
        return []


def services(counter: Any = None) -> CajaServices:
    setup = CounterSetup(counter or QuietCounter(), None)  # type: ignore[arg-type]
    return CajaServices(
        counter=lambda: setup,
        settings=lambda: Settings(store_name="Tienda Prueba", terminal_id="T01"),
        catalogue=FakeCatalogue(),
    )


@pytest.fixture
def window(qtbot, qloop_running) -> Iterator[QMainWindow]:
    """The counter in a main window that fills the (single) screen, as at a real counter."""
    main = QMainWindow()
    page = CajaPage(services())
    main.setCentralWidget(page)
    qtbot.addWidget(main)
    main.setGeometry(QGuiApplication.primaryScreen().availableGeometry())
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.ring_up.search.field)
    yield main
    page.display.hide()


def caja(window: QMainWindow) -> CajaPage:
    page = window.centralWidget()
    assert isinstance(page, CajaPage)
    return page


def press_on_focus(qtbot, key: Qt.Key) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key)


def test_f9_on_one_screen_opens_a_window_that_never_takes_the_keyboard(qtbot, window) -> None:
    page = caja(window)
    assert len(QGuiApplication.screens()) == 1
    press_on_focus(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(page.display.isVisible)
    qtbot.wait(50)  # any activation the window system would do arrives by now
    assert QApplication.activeWindow() is window
    assert QApplication.focusWidget() is page.ring_up.search.field
    assert page.display.isWindow() and not page.display.isFullScreen()
    assert page.display.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert page.display.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    # The scanner keeps working: the code lands in the search field and is added.
    qtbot.keyClicks(QApplication.focusWidget(), SHIRT_M.barcode)
    press_on_focus(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [line.sku for line in page.ring_up.lines] == [SHIRT_M.sku])
    assert page.display.lines.count() == 1  # and the customer sees it
    # F9 again closes it, from wherever the focus is on the counter.
    press_on_focus(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not page.display.isVisible())
    assert QApplication.focusWidget() is page.ring_up.search.field


def test_on_one_screen_the_display_leaves_the_search_and_the_tenders_uncovered(
    qtbot, window
) -> None:
    page = caja(window)
    press_on_focus(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(page.display.isVisible)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    shown = page.display.frameGeometry()
    assert screen.contains(shown)
    assert shown.width() >= 320 and shown.height() >= 240  # big enough to read
    for widget in (page.ring_up.search.field, page.ring_up.tenders, page.ring_up.totals):
        on_screen = QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())
        assert not shown.intersects(on_screen), widget.objectName()


def test_keys_that_reach_the_display_go_to_the_counter(qtbot, window) -> None:
    """Should a window manager still hand it the keyboard, nothing typed there is lost."""
    page = caja(window)
    press_on_focus(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(page.display.isVisible)
    qtbot.keyClicks(page.display, SHIRT_M.barcode)
    qtbot.keyClick(page.display, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [line.sku for line in page.ring_up.lines] == [SHIRT_M.sku])
    # A key of the counter works there too: F4 opens the free amount dialog.
    qtbot.keyClick(page.display, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: page.ring_up.dialog is not None)
    page.ring_up.dialog.reject()
    qtbot.keyClick(page.display, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not page.display.isVisible())


def test_the_display_and_its_button_have_accessible_names(qtbot, window) -> None:
    page = caja(window)
    assert page.display_button.accessibleName() == "Pantalla del cliente"
    assert page.display.accessibleName() == "Pantalla del cliente"
    assert page.display.total.accessibleName() == "Total"


def test_a_standalone_display_shows_its_status_with_an_icon(qtbot) -> None:
    display = CustomerDisplay("Tienda")
    qtbot.addWidget(display)
    display.show_approved()
    assert "✔" not in display.status.text()
    assert display.status_icon.pixmap() is not None
    assert not display.status_icon.pixmap().isNull()
