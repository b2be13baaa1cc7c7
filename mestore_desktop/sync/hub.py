"""What the sync's parts share: their dependencies, the observers, and the status they report.

`Hub` holds the relay state, the last event time, the pending count, Wompi's last problem and
the events waiting for Wompi's answers to reflect them, and publishes a `SyncStatus` to the
`on_status` observers whenever what they would show changes. Changed orders go to
`on_orders_changed`. Observers run on the event loop's thread (the Qt thread under qasync); one
that raises is logged and does not stop the sync.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mestore_desktop.domain.text import N_, Text, joined
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.sync.apply import Tally, Unconfirmed
from mestore_desktop.sync.policy import SyncSettings
from mestore_desktop.sync.status import RelayState, SyncStatus
from mestore_desktop.wompi.client import WompiClient

log = logging.getLogger(__name__)

NOT_CONFIGURED_DETAIL = N_("Relay sin configurar: se consulta Wompi directamente.")
CONNECTING_DETAIL = N_("Conectando con el relay…")


@dataclass(frozen=True, slots=True)
class Deps:
    db: DbExecutor
    wompi: WompiClient
    clock: Callable[[], datetime]
    sleep: Callable[[float], Awaitable[None]]
    random: Callable[[], float]
    settings: SyncSettings
    # Searching Wompi (by reference, by date) needs the private key. A terminal with a relay but
    # no private key hears of payments through the relay and reads each by id (public key).
    searches: bool = True


class Hub:
    """Observers, the current status, and the running totals of what the sync changed."""

    def __init__(self, relay_configured: bool) -> None:
        self.on_orders_changed: list[Callable[[set[int]], None]] = []
        self.on_status: list[Callable[[SyncStatus], None]] = []
        self.totals = Tally()
        self.relay = RelayState.DEGRADED if relay_configured else RelayState.NOT_CONFIGURED
        self.relay_detail: Text = CONNECTING_DETAIL if relay_configured else NOT_CONFIGURED_DETAIL
        self.last_event_at: datetime | None = None
        self.pending_attempts = 0
        self.wompi_problem: Text | None = None
        self.wompi_answered = False  # any call to Wompi finished, well or badly
        self.unconfirmed = Unconfirmed()  # events Wompi's answers do not reflect yet
        self._published: SyncStatus | None = None

    @property
    def status(self) -> SyncStatus:
        lag = unconfirmed_text(self.unconfirmed)
        detail = joined(self.relay_detail, self.wompi_problem, lag)
        # Events left to the gap filler are Wompi's trouble too: its light says so.
        wompi_lag = lag if self.unconfirmed.given_up else Text("")
        wompi = (self.wompi_problem or wompi_lag) if self.wompi_answered else None
        return SyncStatus(self.relay, self.last_event_at, detail, self.pending_attempts, wompi)

    def set_relay(self, state: RelayState, detail: Text) -> None:
        self.relay, self.relay_detail = state, detail
        self.publish()

    def set_last_event(self, at: datetime | None) -> None:
        if at is not None and (self.last_event_at is None or at > self.last_event_at):
            self.last_event_at = at
            self.publish()

    def set_pending(self, count: int) -> None:
        self.pending_attempts = count
        self.publish()

    def set_wompi_problem(self, problem: Text | None) -> None:
        self.wompi_problem = problem
        self.wompi_answered = True
        self.publish()

    def set_unconfirmed(self, unconfirmed: Unconfirmed) -> None:
        self.unconfirmed = unconfirmed
        self.publish()

    def publish(self) -> None:
        status = self.status
        if status == self._published:
            return
        self._published = status
        for callback in list(self.on_status):
            _safely(callback, status)

    def applied(self, tally: Tally) -> None:
        """Add to the totals and tell observers which orders changed."""
        self.totals.add(tally)
        if tally.unconfirmed is not None:
            self.set_unconfirmed(tally.unconfirmed)
        if not tally.orders_changed:
            return
        for callback in list(self.on_orders_changed):
            _safely(callback, set(tally.orders_changed))


def unconfirmed_text(unconfirmed: Unconfirmed) -> Text:
    """For staff: events whose change Wompi's answers do not show yet (empty when none)."""
    chasing = given_up = None
    if unconfirmed.chasing:
        chasing = N_(
            "{events} de Wompi sin confirmar: se vuelven a consultar.",
            events=_events(unconfirmed.chasing),
        )
    if unconfirmed.given_up:
        given_up = N_(
            "{events} de Wompi sin confirmar tras varias consultas: quedan para la búsqueda por "
            "fechas.",
            events=_events(unconfirmed.given_up),
        )
    return joined(chasing, given_up)


def _events(count: int) -> Text:
    return N_("1 evento") if count == 1 else N_("{count} eventos", count=count)


def _safely(callback: Callable[[Any], None], value: Any) -> None:
    try:
        callback(value)
    except Exception:  # an observer's bug must not stop payments from syncing
        log.exception("sync observer %r failed", callback)
