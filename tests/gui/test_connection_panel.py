"""*Probar conexión* in Ajustes: runs the injected checks and lists each result plainly."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import Qt

from mestore_desktop.services.connection import CheckOutcome, ConnectionCheck
from mestore_desktop.settings import Settings
from mestore_desktop.ui.settings.connection_panel import ConnectionPanel

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
    assert panel.rows[0].text() == "✔ Llave pública: Wompi reconoce el comercio «X»."
    assert panel.rows[1].text().startswith("✖ Llave privada")
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
