"""`SyncService`: the desktop's self-healing payment status sync, without Qt.

Three loops run together under `run()` on the app's event loop (qasync's, in the desktop):

* the feed poller (feed.py) long-polls the relay and applies each event (source `webhook`);
* the pending watcher (watcher.py) polls Wompi for attempts still PENDING (source `poll`);
* the gap filler (gaps.py) searches Wompi by date after relay trouble or silence (`reconcile`).

Without a relay (no URL or no token) only the last two run: polling Wompi is the fallback.
`run_once()` does one pass of each (for `mestore sync --once` and tests). Every change goes
through the domain status machine, so whichever source speaks first, last or twice, a final
status never goes back.

For the UI: append callbacks to `on_orders_changed` (order numbers whose payment status, or
the transaction deciding it, changed: reload those rows) and `on_status` (a new `SyncStatus`
whenever relay state, last event time, pending count or detail change). Both are called on
the event loop's thread (the Qt thread under qasync); an observer that raises is logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random as _random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.sync_repository import SyncKey, SyncRepository
from mestore_desktop.sync.apply import Tally
from mestore_desktop.sync.feed import FeedPoller
from mestore_desktop.sync.gaps import GapFiller
from mestore_desktop.sync.hub import Deps, Hub
from mestore_desktop.sync.policy import SyncSettings, full_jitter
from mestore_desktop.sync.relay_client import RelayClient, RelayEvent
from mestore_desktop.sync.status import RelayState, SyncStatus
from mestore_desktop.sync.watcher import PendingWatcher
from mestore_desktop.wompi.client import WompiClient

log = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class SyncReport:
    """What one `run_once()` did (or, from `SyncService.totals_report()`, everything so far)."""

    events_applied: int = 0
    events_duplicate: int = 0
    events_skipped: int = 0
    attempts_updated: int = 0
    orders_changed: set[int] = field(default_factory=set)
    foreign_transactions: int = 0
    conflicts: int = 0
    gap_filled: bool = False
    relay: RelayState = RelayState.NOT_CONFIGURED
    relay_detail: str = ""
    pending_attempts: int = 0
    problems: list[str] = field(default_factory=list)

    @classmethod
    def from_tally(cls, tally: Tally, status: SyncStatus, **extra: Any) -> SyncReport:
        return cls(
            events_applied=tally.events_applied,
            events_duplicate=tally.events_duplicate,
            events_skipped=tally.events_skipped,
            attempts_updated=tally.attempts_updated,
            orders_changed=set(tally.orders_changed),
            foreign_transactions=tally.foreign,
            conflicts=tally.conflicts,
            relay=status.relay,
            relay_detail=str(status.detail),
            pending_attempts=status.pending_attempts,
            **extra,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "events_applied": self.events_applied,
            "events_duplicate": self.events_duplicate,
            "events_skipped": self.events_skipped,
            "attempts_updated": self.attempts_updated,
            "orders_changed": sorted(self.orders_changed),
            "foreign_transactions": self.foreign_transactions,
            "conflicts": self.conflicts,
            "gap_filled": self.gap_filled,
            "relay": self.relay.value,
            "relay_detail": self.relay_detail,
            "pending_attempts": self.pending_attempts,
            "problems": list(self.problems),
        }


class SyncService:
    def __init__(
        self,
        *,
        db: DbExecutor,
        wompi: WompiClient,
        relay: RelayClient | None,
        clock: Callable[[], datetime] = utc_now,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        random: Callable[[], float] = _random.random,
        settings: SyncSettings | None = None,
        searches: bool = True,
    ) -> None:
        self.settings = settings or SyncSettings()
        self._deps = Deps(db, wompi, clock, sleep, random, self.settings, searches)
        self._hub = Hub(relay_configured=relay is not None)
        self.relay = relay
        self.gaps = GapFiller(self._deps, self._hub)
        self.watcher = PendingWatcher(self._deps, self._hub)
        self.feed = FeedPoller(self._deps, self._hub, relay, self._ask_gap, self.watcher.hurry)
        self._gap_wake = asyncio.Event()

    # -- observers -------------------------------------------------------------------------

    @property
    def on_orders_changed(self) -> list[Callable[[set[int]], None]]:
        return self._hub.on_orders_changed

    @property
    def on_status(self) -> list[Callable[[SyncStatus], None]]:
        return self._hub.on_status

    @property
    def status(self) -> SyncStatus:
        return self._hub.status

    def totals_report(self) -> SyncReport:
        """Everything applied since this service was created (what `run()` has done so far)."""
        return SyncReport.from_tally(self._hub.totals, self._hub.status)

    # -- entry points ----------------------------------------------------------------------

    async def run(self) -> None:
        """Run the feed poller, the pending watcher and the gap filler until cancelled."""
        await self._load_status()
        async with asyncio.TaskGroup() as group:
            if self.relay is not None:
                group.create_task(self._forever("feed", self.feed.run))
            group.create_task(self._forever("watcher", self._watch_loop))
            group.create_task(self._forever("gaps", self._gap_loop))

    async def run_once(self) -> SyncReport:
        """Drain the feed (no waiting), poll every pending attempt once, fill gaps if due."""
        await self._load_status()
        tally = Tally()
        problems: list[str] = []
        if self.relay is not None:
            await self.feed.drain(tally, problems)
        await self.watcher.poll(tally, problems, force=True)
        gap_filled = await self.gaps.fill_if_due(tally, problems)
        return SyncReport.from_tally(
            tally, self._hub.status, gap_filled=gap_filled, problems=_unique(problems)
        )

    async def apply_event(self, relay_event: RelayEvent) -> None:
        """Apply one relay event: re-read from Wompi, apply, move the cursor (one try).

        Wompi errors other than 404 propagate and leave the cursor where it was.
        """
        tally = await self.feed.apply_event(relay_event)
        self._hub.applied(tally)
        self._hub.set_last_event(relay_event.received_at)

    # -- loops -----------------------------------------------------------------------------

    async def _watch_loop(self) -> None:
        failures = 0
        while True:
            problems: list[str] = []
            await self.watcher.poll(Tally(), problems)
            failures = failures + 1 if problems else 0
            s = self.settings
            delay = s.watch_tick_s
            if failures:
                delay = max(
                    delay,
                    full_jitter(
                        s.wompi_backoff_first_s, s.wompi_backoff_cap_s, failures, self._deps.random
                    ),
                )
            await self._deps.sleep(delay)

    async def _gap_loop(self) -> None:
        failures = 0
        while True:
            problems: list[str] = []
            await self.gaps.fill_if_due(Tally(), problems)
            failures = failures + 1 if problems else 0
            s = self.settings
            delay = s.gap_check_s
            if failures:
                delay = max(
                    delay,
                    full_jitter(
                        s.wompi_backoff_first_s, s.wompi_backoff_cap_s, failures, self._deps.random
                    ),
                )
            await self._sleep_or_wake(delay)

    async def _sleep_or_wake(self, delay: float) -> None:
        """Sleep, but wake early when the feed asks for a gap fill."""
        self._gap_wake.clear()
        if self.gaps.request is not None:
            return
        sleeper = asyncio.ensure_future(self._deps.sleep(delay))
        waker = asyncio.ensure_future(self._gap_wake.wait())
        try:
            await asyncio.wait({sleeper, waker}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (sleeper, waker):
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    def _ask_gap(self, reason: str, since: datetime | None) -> None:
        self.gaps.ask(reason, since)
        self._gap_wake.set()

    async def _forever(self, name: str, loop: Callable[[], Awaitable[None]]) -> None:
        """Keep one loop alive: a bug or a storage error is logged, waited out and retried."""
        failures = 0
        while True:
            try:
                await loop()
            except Exception:
                failures += 1
                log.exception("sync %s loop failed (%d in a row)", name, failures)
                await self._deps.sleep(full_jitter(1.0, 60.0, failures, self._deps.random))

    async def _load_status(self) -> None:
        def read(session: Any) -> tuple[datetime | None, int]:
            sync = SyncRepository(session)
            return sync.get_time(SyncKey.LAST_EVENT_AT), sync.pending_wompi_count()

        last_event, pending = await self._deps.db.read(read)
        self._hub.set_last_event(last_event)
        self._hub.set_pending(pending)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
