"""The gap filler: searches Wompi by date range for what the relay may never have delivered.

Wompi retries an event only three times within 24 hours, so a relay outage can lose events for
good (docs/wompi.md §4.1). The gap filler runs `search_transactions(from, until)` (whole
days, inclusive, widened by a day on each side) and applies every transaction found: ours with
source `reconcile`, the others into `foreign_transactions`. It runs when

* the feed asks: back from a relay outage, or after a 410 (events expired at the relay);
* the relay is missing or offline, every `fallback_gap_interval_s` (polling Wompi directly is
  the fallback);
* attempts were created more than `silence_after_s` ago and no event has arrived since;
* relay events were left unconfirmed (Wompi's answers never reflected them, lagging.py): once
  after each, then every `fallback_gap_interval_s`, until a search shows them.

The moment of its last successful run is kept in `sync_state` (`gap_filled_at`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.orm import Session

from mestore_desktop.domain.payment import StatusSource
from mestore_desktop.domain.text import message_of
from mestore_desktop.store.held_events import HeldEvents
from mestore_desktop.store.sync_repository import SyncKey, SyncRepository
from mestore_desktop.sync.apply import Tally, apply_transactions, settle_given_up
from mestore_desktop.sync.hub import Deps, Hub
from mestore_desktop.sync.policy import SyncSettings
from mestore_desktop.sync.status import RelayState
from mestore_desktop.wompi.errors import WompiError
from mestore_desktop.wompi.models import Transaction

log = logging.getLogger(__name__)

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class GapRequest:
    reason: str
    since: datetime | None


@dataclass(frozen=True, slots=True)
class _Known:
    gap_filled_at: datetime | None
    last_event_at: datetime | None
    last_healthy_at: datetime | None
    newest_attempt_at: datetime | None
    # Events Wompi's answers never confirmed (lagging.py): the oldest transaction's creation
    # and the last give-up, or None when there are none.
    unconfirmed_since: datetime | None = None
    unconfirmed_given_up_at: datetime | None = None


class GapFiller:
    def __init__(self, deps: Deps, hub: Hub) -> None:
        self._d = deps
        self._hub = hub
        self.request: GapRequest | None = None

    def ask(self, reason: str, since: datetime | None) -> None:
        """Fill from `since` at the next chance (the earliest `since` of pending asks wins)."""
        current = self.request
        if current is not None and current.since is not None and since is not None:
            since = min(since, current.since)
        elif current is not None:
            since = since or current.since
        self.request = GapRequest(reason, since)

    async def fill_if_due(self, tally: Tally, problems: list[str]) -> bool:
        """Run once if a reason holds; True if Wompi was searched."""
        if not self._d.searches:
            return False  # no private key: the relay is the only way payments are heard of
        now = self._d.clock()
        known = await self._d.db.read(_known)
        request = self.request or self._due(known, now)
        if request is None:
            return False
        since = request.since or _default_since(known, now)
        try:
            await self.fill(since, now, request.reason, tally)
        except WompiError as exc:
            self._hub.set_wompi_problem(message_of(exc))
            problems.append(str(exc))
            return False
        self._hub.set_wompi_problem(None)
        if self.request == request:
            self.request = None
        return True

    def _due(self, known: _Known, now: datetime) -> GapRequest | None:
        s = self._d.settings
        last = known.gap_filled_at
        if self._hub.relay in (RelayState.NOT_CONFIGURED, RelayState.OFFLINE) and (
            last is None or (now - last).total_seconds() >= s.fallback_gap_interval_s
        ):
            return GapRequest("sin relay", last)
        unconfirmed = self._unconfirmed(known, now)
        if unconfirmed is not None:
            return unconfirmed
        newest = known.newest_attempt_at
        if newest is None or (now - newest).total_seconds() < s.silence_after_s:
            return None
        silent = known.last_event_at is None or known.last_event_at < newest
        covered = last is not None and last >= newest + timedelta(seconds=s.silence_after_s)
        return (
            GapRequest("sin eventos desde el último cobro", newest)
            if silent and not covered
            else None
        )

    def _unconfirmed(self, known: _Known, now: datetime) -> GapRequest | None:
        """Once after each event left unconfirmed, then every `fallback_gap_interval_s`."""
        if known.unconfirmed_since is None or known.unconfirmed_given_up_at is None:
            return None
        last = known.gap_filled_at
        interval = self._d.settings.fallback_gap_interval_s
        if last is None or last < known.unconfirmed_given_up_at:
            return GapRequest("eventos sin confirmar", known.unconfirmed_since)
        if (now - last).total_seconds() >= interval:
            return GapRequest("eventos sin confirmar", known.unconfirmed_since)
        return None

    async def fill(self, since: datetime, now: datetime, reason: str, tally: Tally) -> None:
        """Search Wompi over [since − margin, now], by whole days ± 1, and apply every page."""
        first, last = self.window(since, now)
        log.info("gap fill from=%s until=%s reason=%s", first, last, reason)
        seen: dict[str, Transaction] = {}
        async for page in self._d.wompi.iter_transaction_pages(first, last):
            seen.update((tx.id, tx) for tx in page)
            at = self._d.clock()

            # A def, not a lambda with defaults: mypy cannot infer such a lambda's type.
            def apply_page(s: Session, page: list[Transaction] = page, at: datetime = at) -> Tally:
                return apply_transactions(
                    s, page, source=StatusSource.RECONCILE, at=at, evidence=f"gap_fill {reason}"
                )

            done = await self._d.db.write(apply_page)
            tally.add(done)
            self._hub.applied(done)
        settings = self._d.settings
        settled = await self._d.db.write(
            lambda s: _after_fill(s, seen, now, self._d.clock(), settings)
        )
        tally.add(settled)
        self._hub.applied(settled)

    def window(self, since: datetime, now: datetime) -> tuple[date, date]:
        s = self._d.settings
        # `since` may come from the relay's clock, which can be ahead of ours.
        start = min(since, now) - timedelta(seconds=s.gap_margin_s)
        start = max(start, now - timedelta(days=s.max_gap_days))
        # One more day on each side: whether Wompi reads the dates as UTC or Bogotá days (UTC-5;
        # docs/wompi.md §5.3: not documented), an evening sale in Colombia falls inside the window.
        return start.astimezone(UTC).date() - ONE_DAY, now.astimezone(UTC).date() + ONE_DAY


def _after_fill(
    session: Session,
    seen: dict[str, Transaction],
    now: datetime,
    at: datetime,
    settings: SyncSettings,
) -> Tally:
    SyncRepository(session).set_time(SyncKey.GAP_FILLED_AT, now)
    return settle_given_up(session, seen, at=at, settings=settings)


def _known(session: Session) -> _Known:
    sync = SyncRepository(session)
    given_up = [h for h in HeldEvents(session).all() if h.given_up]
    return _Known(
        gap_filled_at=sync.get_time(SyncKey.GAP_FILLED_AT),
        last_event_at=sync.get_time(SyncKey.LAST_EVENT_AT),
        last_healthy_at=sync.get_time(SyncKey.LAST_HEALTHY_AT),
        newest_attempt_at=sync.newest_wompi_attempt_at(),
        unconfirmed_since=min((h.created_at for h in given_up), default=None),
        unconfirmed_given_up_at=max((h.gave_up_at or h.held_at for h in given_up), default=None),
    )


def _default_since(known: _Known, now: datetime) -> datetime:
    """With nothing better known: the last healthy moment, else a day back."""
    candidates = [t for t in (known.last_healthy_at, known.last_event_at) if t is not None]
    return max(candidates) if candidates else now - timedelta(days=1)
