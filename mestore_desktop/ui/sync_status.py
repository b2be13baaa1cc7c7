"""The sync engine, seen from Qt: its notifications as signals, its state in the status bar.

`SyncService` calls plain Python observers on the loop thread (qasync runs asyncio on the Qt
thread); `SyncBridge` re-emits them as Qt signals so widgets connect the Qt way and never hold
a reference to the engine. `RelayStatusPresenter` keeps "último evento hace 12 s" ticking.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from mestore_desktop.domain.text import Text
from mestore_desktop.sync.status import RelayState, SyncStatus
from mestore_desktop.ui.formatting import age_text
from mestore_desktop.ui.i18n import render
from mestore_desktop.ui.widgets.status import ConnectionState, ConnectionStatusBar

_STATE = {
    RelayState.CONNECTED: ConnectionState.CONNECTED,
    RelayState.DEGRADED: ConnectionState.DEGRADED,
    RelayState.OFFLINE: ConnectionState.OFFLINE,
    RelayState.NOT_CONFIGURED: ConnectionState.NOT_CONFIGURED,
}


class SyncObservable(Protocol):
    @property
    def on_orders_changed(self) -> list[Callable[[set[int]], None]]: ...

    @property
    def on_status(self) -> list[Callable[[SyncStatus], None]]: ...


class SyncBridge(QObject):
    """Signals:
    orders_changed(object): the set of order numbers whose status changed.
    status_changed(object): the new `SyncStatus`.
    """

    orders_changed = Signal(object)
    status_changed = Signal(object)

    def __init__(self, service: SyncObservable, parent: QObject | None = None) -> None:
        super().__init__(parent)
        service.on_orders_changed.append(self.orders_changed.emit)
        service.on_status.append(self.status_changed.emit)


class RelayStatusPresenter(QObject):
    """Shows the relay's state and the age of the last event, refreshed every second."""

    TICK_MS = 1000

    def __init__(
        self,
        status_bar: ConnectionStatusBar,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bar = status_bar
        self._clock = clock
        self._status: SyncStatus | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(self.TICK_MS)
        self._timer.timeout.connect(self.render)

    def show_status(self, status: SyncStatus) -> None:
        self._status = status
        self.render()
        if status.last_event_at is not None and not self._timer.isActive():
            self._timer.start()

    def render(self) -> None:
        status = self._status
        if status is None:
            return
        parts = []
        if status.last_event_at is not None:
            age = (self._clock() - status.last_event_at).total_seconds()
            parts.append(self.tr("último evento {age}").format(age=age_text(age)))
        if status.detail and status.relay is not RelayState.CONNECTED:
            parts.append(translated_detail(status.detail))
        self._bar.set_relay_state(_STATE[status.relay], " · ".join(parts))
        if status.wompi_problem is not None:
            wompi = ConnectionState.DEGRADED if status.wompi_problem else ConnectionState.CONNECTED
            self._bar.set_wompi_state(wompi, render(status.wompi_problem))


def translated_detail(detail: Text | str) -> str:
    """The sync (Qt-free) describes its state as Texts; shown in the UI's language."""
    return render(detail)
