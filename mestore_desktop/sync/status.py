"""What the status bar shows about the sync: relay state, age of the last event, pending count.

`SyncService` publishes a new `SyncStatus` to its `on_status` observers whenever one of these
changes; the UI turns `last_event_at` into an age with its own timer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from mestore_desktop.domain.text import Text


class RelayState(StrEnum):
    CONNECTED = "connected"  # the last feed request succeeded
    DEGRADED = "degraded"  # one or two failures in a row, or the relay asked us to slow down
    OFFLINE = "offline"  # three failures in a row, or the relay refused the token
    NOT_CONFIGURED = "not_configured"  # no relay URL or token: Wompi is polled directly


@dataclass(frozen=True, slots=True)
class SyncStatus:
    relay: RelayState
    last_event_at: datetime | None
    detail: Text  # for staff; str() is Spanish, the UI renders it in its language
    pending_attempts: int
    # What the sync's last call to Wompi said: None = no call yet, "" = it answered, else why
    # it did not. Lets the status bar's Wompi light follow reality, not a one-off test.
    wompi_problem: Text | None = None
