"""*Probar conexión* in Ajustes: runs the injected checks and lists each result plainly."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import Qt

from mestore_desktop.secrets import SecretStore
from mestore_desktop.services.connection import CheckOutcome, ConnectionCheck
from mestore_desktop.settings import Settings, SettingsFile
from mestore_desktop.ui.settings.connection_panel import ConnectionPanel
from mestore_desktop.ui.settings.page import SettingsPage

pytestmark = pytest.mark.gui


def test_checks_are_listed_with_marks_and_a_summary(qtbot, qloop_running) -> None:
    seen: list[Settings] = []

    async def tester(settings: Settings) -> list[ConnectionCheck]:
        seen.append(settings)
        await asyncio.sleep(0.01)
        return [
            ConnectionCheck("Llave pública", CheckOutcome.OK, "Wompi reconoce el comercio «X»."),
            ConnectionCheck("Llave privada", CheckOutcome.FAILED, "Wompi rechazó la llave."),
        ]

    settings = Settings(store_name="Tienda")
    panel = ConnectionPanel(tester, lambda: settings)
    qtbot.addWidget(panel)
    qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    assert not panel.button.isEnabled()  # busy while the checks run
    qtbot.waitUntil(lambda: len(panel.rows) == 2, timeout=3000)
    assert seen == [settings]
    assert panel.rows[0].text() == "Llave pública: Wompi reconoce el comercio «X»."
    assert panel.rows[1].text().startswith("Llave privada")
    assert not panel.row_icons[0].pixmap().isNull()  # a drawn mark, not an emoji
    assert panel.rows[1].property("status") == "declined"
    assert "1 comprobaciones fallaron" in panel.summary.text()
    qtbot.waitUntil(panel.button.isEnabled, timeout=3000)


def test_without_a_tester_the_button_is_disabled(qtbot) -> None:
    panel = ConnectionPanel(None, Settings)
    qtbot.addWidget(panel)
    assert not panel.button.isEnabled()


def test_settings_page_offers_the_check(make_window) -> None:
    window = make_window()
    assert window.settings_page.connection_panel.button.text() == "Probar conexión"


def test_the_result_stays_in_sight_in_a_scrolled_settings_page(qtbot, qloop_running, home):
    """Probar conexión sits at the bottom of a long page: clicking it must not scroll the page
    back to the top, and the result must be in view when it arrives."""

    async def tester(settings: Settings) -> list[ConnectionCheck]:
        await asyncio.sleep(0.05)
        return [ConnectionCheck("Llave pública", CheckOutcome.OK, "Wompi reconoce el comercio.")]

    home.mkdir(exist_ok=True)
    settings_file = SettingsFile(home)
    page = SettingsPage(
        settings=Settings(),
        settings_file=settings_file,
        secrets=SecretStore("sandbox"),
        secrets_factory=SecretStore,
        connection_tester=tester,
    )
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    panel = page.connection_panel
    page.resize(1024 - 210, 640 - 120)  # what the page gets in the smallest window
    page.ensureWidgetVisible(panel.button)
    qtbot.waitUntil(lambda: in_sight(page, panel.button))
    qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    qtbot.wait(20)
    assert in_sight(page, panel.summary)
    qtbot.waitUntil(lambda: len(panel.rows) == 1, timeout=3000)
    qtbot.waitUntil(lambda: in_sight(page, panel.rows[0]))
    assert in_sight(page, panel.summary)
    qtbot.waitUntil(panel.button.isEnabled)
    assert panel.button.hasFocus()  # the keyboard is where it was


def in_sight(page, widget) -> bool:
    from PySide6.QtCore import QRect

    viewport = page.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    return viewport.rect().contains(QRect(top_left, widget.size()))
