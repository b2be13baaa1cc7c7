"""The sync engine's observers reach Qt as signals; the status bar ages the last event."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mestore_desktop.sync.status import RelayState, SyncStatus
from mestore_desktop.ui.sync_status import RelayStatusPresenter, SyncBridge
from mestore_desktop.ui.widgets.status import ConnectionState, ConnectionStatusBar

pytestmark = pytest.mark.gui
T0 = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


class FakeService:
    def __init__(self) -> None:
        self.on_orders_changed: list = []
        self.on_status: list = []


def test_bridge_reemits_engine_notifications_as_signals(qtbot) -> None:
    service = FakeService()
    bridge = SyncBridge(service)
    status = SyncStatus(RelayState.CONNECTED, T0, "", 0)
    with qtbot.waitSignal(bridge.orders_changed) as orders:
        for callback in service.on_orders_changed:
            callback({7, 8})
    with qtbot.waitSignal(bridge.status_changed) as statuses:
        for callback in service.on_status:
            callback(status)
    assert orders.args == [{7, 8}]
    assert statuses.args == [status]


def test_status_bar_shows_state_and_a_ticking_age(qtbot) -> None:
    bar = ConnectionStatusBar()
    qtbot.addWidget(bar)
    now = [T0 + timedelta(seconds=12)]
    presenter = RelayStatusPresenter(bar, clock=lambda: now[0])

    presenter.show_status(SyncStatus(RelayState.CONNECTED, T0, "", 0))
    assert bar.relay.text() == "● Relay: conectado · último evento hace 12 s"
    assert bar.relay.property("status") == "approved"

    now[0] = T0 + timedelta(minutes=3)
    presenter.render()
    assert bar.relay.text().endswith("hace 3 min")

    presenter.show_status(
        SyncStatus(RelayState.OFFLINE, T0, "El relay rechazó el token de esta terminal.", 0)
    )
    assert "sin conexión" in bar.relay.text()
    assert "rechazó el token" in bar.relay.text()
    assert bar.relay.property("status") == "declined"


def test_age_keeps_ticking_without_new_status(qtbot) -> None:
    bar = ConnectionStatusBar()
    qtbot.addWidget(bar)
    presenter = RelayStatusPresenter(bar, clock=lambda: datetime.now(UTC))
    presenter.TICK_MS = 50
    presenter._timer.setInterval(50)
    presenter.show_status(
        SyncStatus(RelayState.DEGRADED, datetime.now(UTC) - timedelta(seconds=5), "", 0)
    )
    first = bar.relay.text()
    qtbot.waitUntil(lambda: bar.relay.text() != first, timeout=3000)
    assert "con demoras" in bar.relay.text()


def test_the_wompi_light_follows_what_the_sync_last_heard_from_wompi(qtbot) -> None:
    bar = ConnectionStatusBar()
    qtbot.addWidget(bar)
    presenter = RelayStatusPresenter(bar, clock=lambda: T0)
    before = bar.wompi.text()

    presenter.show_status(SyncStatus(RelayState.CONNECTED, None, "", 0, None))
    assert bar.wompi.text() == before  # no call to Wompi yet: nothing to say

    presenter.show_status(SyncStatus(RelayState.CONNECTED, None, "", 0, "Wompi no responde."))
    assert bar.wompi.state is ConnectionState.DEGRADED
    assert "Wompi no responde" in bar.wompi.text()

    presenter.show_status(SyncStatus(RelayState.CONNECTED, None, "", 0, ""))
    assert bar.wompi.state is ConnectionState.CONNECTED
