"""The relay feed poller: long-poll, re-read each event's transaction from Wompi, apply, advance.

Per event, in this order:

1. the dedupe key (from the signed fields) is checked: a key already applied only moves the
   cursor, without asking Wompi again;
2. the transaction is read from Wompi (`GET /transactions/{id}`), outside any DB transaction;
3. one `db.write` applies Wompi's answer (source `webhook`), marks the key applied and moves the
   cursor to the event's seq. A crash before the commit leaves the cursor where it was, so the
   event is fetched and applied again, once.

If Wompi cannot be reached the cursor stays put and the same event is retried with backoff. A
404 from Wompi means the id is bogus: audited, and the cursor moves on. An answer that cannot
be read is retried a few times, then audited and skipped (the pending watcher and the gap
filler still cover that transaction).

Relay state: CONNECTED after a successful fetch; DEGRADED after one or two failures in a row or
a 429; OFFLINE after three, or at once when the token is refused. A 410 (cursor older than the
relay keeps) moves the cursor to the relay's oldest event and asks the gap filler to search
Wompi over the lost period.

Every page names the relay database's `epoch`, kept beside the cursor. The first one seen is
remembered; another one (the relay's database was replaced: its seqs start again at 1, below
our cursor, so every page would look empty) sets the cursor back to 0 in the same transaction
and asks the gap filler to search Wompi from the last event applied.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from mestore_desktop.domain.payment import PaymentStatus
from mestore_desktop.domain.text import N_, message_of
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.store.sync_repository import SyncKey, SyncRepository
from mestore_desktop.sync.apply import (
    NotATransactionEventError,
    Tally,
    Trigger,
    apply_event_answer,
    trigger_of,
)
from mestore_desktop.sync.hub import Deps, Hub
from mestore_desktop.sync.policy import full_jitter
from mestore_desktop.sync.relay_client import (
    RelayAuthError,
    RelayBatch,
    RelayClient,
    RelayCursorExpiredError,
    RelayError,
    RelayEvent,
    RelayRateLimitedError,
    RelayUnavailableError,
)
from mestore_desktop.sync.status import RelayState
from mestore_desktop.wompi.errors import (
    WompiBadResponseError,
    WompiError,
    WompiNotFoundError,
)
from mestore_desktop.wompi.models import Transaction

log = logging.getLogger(__name__)

GapRequester = Callable[[str, datetime | None], None]
HEALTHY_WRITE_EVERY_S = 60.0
NEW_EPOCH_REASON = "relay con una base de datos nueva"


class FeedPoller:
    def __init__(
        self,
        deps: Deps,
        hub: Hub,
        relay: RelayClient | None,
        request_gap: GapRequester,
        hurry: Callable[[str], None],
    ) -> None:
        self._d = deps
        self._hub = hub
        self._relay = relay
        self._request_gap = request_gap
        self._hurry = hurry
        self._failures = 0
        self._troubled = False
        self._healthy_at: datetime | None = None
        self._healthy_written_at: datetime | None = None
        self._epoch: str | None = None  # the relay epoch known to be stored

    # -- one event -------------------------------------------------------------------------

    async def apply_event(self, event: RelayEvent) -> Tally:
        """Apply one relay event (one try); Wompi errors other than 404 propagate."""
        try:
            trigger = trigger_of(event.event)
        except NotATransactionEventError as exc:
            log.info("relay seq=%d skipped: %s", event.seq, exc)
            return await self._advance_only(event, Tally(events_skipped=1))
        key = trigger.dedupe_key
        if await self._d.db.read(lambda s: SyncRepository(s).event_applied(key)):
            return await self._advance_only(event, Tally(events_duplicate=1))
        try:
            tx = await self._d.wompi.get_transaction(trigger.transaction_id)
        except WompiNotFoundError:
            return await self._skip(event, trigger, "sync.unknown_transaction", mark=True)
        if tx.id != trigger.transaction_id:
            raise WompiBadResponseError(field="transaction.id")
        self._hub.set_wompi_problem(None)
        if tx.status is PaymentStatus.PENDING and trigger.status != PaymentStatus.PENDING.value:
            # Wompi's answer lags the event: let the pending watcher ask again soon.
            self._hurry(tx.reference)
        return await self._d.db.write(lambda s: self._commit(s, event, trigger, tx))

    def _commit(
        self, session: Session, event: RelayEvent, trigger: Trigger, tx: Transaction
    ) -> Tally:
        # apply.py decides whether Wompi's answer confirms the event (else it is kept and re-read).
        tally = apply_event_answer(session, trigger, tx, at=self._d.clock(), seq=event.seq)
        _move_cursor(session, event)
        return tally

    async def _advance_only(self, event: RelayEvent, tally: Tally) -> Tally:
        await self._d.db.write(lambda s: _move_cursor(s, event))
        return tally

    async def _skip(self, event: RelayEvent, trigger: Trigger, action: str, *, mark: bool) -> Tally:
        def write(session: Session) -> None:
            at = self._d.clock()
            orders = OrderRepository(session)
            if mark:
                orders.mark_event_applied(trigger.dedupe_key, at)
            detail = f"relay_seq={event.seq} transaction_id={trigger.transaction_id}"
            orders.audit(action, f"{detail} status={trigger.status}", at)
            _move_cursor(session, event)

        await self._d.db.write(write)
        return Tally(events_skipped=1)

    async def apply_until_done(self, event: RelayEvent) -> Tally:
        """Apply one event, retrying while Wompi is unreachable; the cursor waits for it."""
        failures = bad_answers = 0
        while True:
            try:
                return await self.apply_event(event)
            except WompiBadResponseError as exc:
                bad_answers += 1
                if bad_answers >= self._d.settings.bad_answer_tries:
                    trigger = trigger_of(event.event)
                    return await self._skip(event, trigger, "sync.unreadable_answer", mark=False)
                problem = message_of(exc)
            except WompiError as exc:  # unavailable, circuit open, refused key
                problem = message_of(exc)
            failures += 1
            self._hub.set_wompi_problem(problem)
            s = self._d.settings
            await self._d.sleep(
                full_jitter(
                    s.wompi_backoff_first_s, s.wompi_backoff_cap_s, failures, self._d.random
                )
            )

    # -- the feed --------------------------------------------------------------------------

    async def run(self) -> None:
        """Long-poll and apply until cancelled."""
        cursor = await self._d.db.read(lambda s: SyncRepository(s).cursor())
        # The first fetch (and the first after a failure) does not wait: the status bar can say
        # "conectado" at once instead of after a whole long-poll.
        wait = 0.0
        while True:
            s = self._d.settings
            try:
                batch = await self._relay_fetch(cursor, limit=s.batch_limit, wait=wait)
            except RelayError as exc:
                cursor = await self._after_failure(exc, cursor)
                wait = 0.0
                continue
            wait = s.long_poll_wait_s
            # Before "connected" is published: a new epoch's gap request is then already made.
            reset = await self._follow_epoch(batch.epoch)
            await self._after_success()
            if reset:
                cursor, wait = 0, 0.0
                continue
            for event in batch.events:
                self._hub.applied(await self.apply_until_done(event))
                self._hub.set_last_event(event.received_at)
                cursor = event.seq
            cursor = await self._trust_next_after(batch.next_after, cursor)

    async def drain(self, tally: Tally, problems: list[str]) -> None:
        """Fetch without waiting until the feed is empty (for `run_once`); one try per event."""
        cursor = await self._d.db.read(lambda s: SyncRepository(s).cursor())
        while True:
            try:
                batch = await self._relay_fetch(cursor, limit=500, wait=0)
            except RelayCursorExpiredError:
                try:
                    cursor = await self._recover_expired(cursor)
                except RelayError as exc:
                    self._fail_once(exc, problems)
                    return
                continue
            except RelayError as exc:
                self._fail_once(exc, problems)
                return
            reset = await self._follow_epoch(batch.epoch)
            await self._after_success()
            if reset:
                cursor = 0
                continue
            if not batch.events:
                return
            for event in batch.events:
                try:
                    done = await self.apply_event(event)
                except WompiError as exc:
                    self._hub.set_wompi_problem(message_of(exc))
                    problems.append(str(exc))
                    return
                tally.add(done)
                self._hub.applied(done)
                self._hub.set_last_event(event.received_at)
                cursor = event.seq
            cursor = await self._trust_next_after(batch.next_after, cursor)

    def _fail_once(self, exc: RelayError, problems: list[str]) -> None:
        self._note_failure(exc)
        self._request_gap("relay sin respuesta", None)
        problems.append(str(exc))

    async def _relay_fetch(self, after: int, *, limit: int, wait: float) -> RelayBatch:
        if self._relay is None:
            raise RuntimeError("no relay configured")
        return await self._relay.fetch(after, limit=limit, wait=wait)

    async def _trust_next_after(self, next_after: int, cursor: int) -> int:
        # The relay may skip seqs this terminal must not see; its next_after then says so.
        if next_after > cursor:
            await self._d.db.write(lambda s: SyncRepository(s).set_cursor(next_after))
            return next_after
        return cursor

    # -- relay health ----------------------------------------------------------------------

    async def _after_failure(self, exc: RelayError, cursor: int) -> int:
        if isinstance(exc, RelayCursorExpiredError):
            try:
                return await self._recover_expired(cursor)
            except RelayError as probe_failure:
                exc = probe_failure
        delay = self._note_failure(exc)
        await self._d.sleep(delay)
        return cursor

    def _note_failure(self, exc: RelayError) -> float:
        """Update the relay state after a failed request; returns how long to wait."""
        s = self._d.settings
        self._troubled = True
        retry_after = getattr(exc, "retry_after_s", None) or 0.0
        if isinstance(exc, RelayRateLimitedError):
            self._hub.set_relay(RelayState.DEGRADED, message_of(exc))
            return max(retry_after, s.relay_backoff_first_s)
        self._failures += 1
        delay = full_jitter(
            s.relay_backoff_first_s, s.relay_backoff_cap_s, self._failures, self._d.random
        )
        if isinstance(exc, RelayAuthError):
            self._hub.set_relay(RelayState.OFFLINE, message_of(exc))
            return s.relay_backoff_cap_s
        if self._failures >= s.offline_after_failures:
            self._hub.set_relay(
                RelayState.OFFLINE,
                N_(
                    "{problem} Sin conexión con el relay tras {failures} intentos; se consulta "
                    "Wompi directamente.",
                    problem=message_of(exc),
                    failures=self._failures,
                ),
            )
        else:
            self._hub.set_relay(RelayState.DEGRADED, message_of(exc))
        if isinstance(exc, RelayUnavailableError):
            delay = max(delay, retry_after)
        return delay

    async def _after_success(self) -> None:
        now = self._d.clock()
        if self._troubled:
            # Back after trouble: Wompi's events of that period may never have reached us.
            since = self._healthy_at or await self._d.db.read(
                lambda s: SyncRepository(s).get_time(SyncKey.LAST_HEALTHY_AT)
            )
            self._request_gap("reconexión con el relay", since)
            self._troubled = False
        self._failures = 0
        self._healthy_at = now
        self._hub.set_relay(RelayState.CONNECTED, N_("Conectado al relay."))
        written = self._healthy_written_at
        if written is None or (now - written).total_seconds() >= HEALTHY_WRITE_EVERY_S:
            await self._d.db.write(
                lambda s: SyncRepository(s).set_time(SyncKey.LAST_HEALTHY_AT, now)
            )
            self._healthy_written_at = now

    # -- the relay's epoch -----------------------------------------------------------------

    async def _follow_epoch(self, epoch: str | None) -> bool:
        """Keep up with the relay database's epoch; True when the cursor went back to 0.

        The first epoch ever seen is only remembered. Another one means the relay's database
        was replaced and its seqs started again below our cursor: read it from its start (events
        already applied are skipped by their keys) and search Wompi for what the old database
        may have taken with it.
        """
        if epoch is None or epoch == self._epoch:
            return False
        at = self._d.clock()
        changed, since = await self._d.db.write(lambda s: _store_epoch(s, epoch, at))
        self._epoch = epoch
        if changed:
            log.warning("relay epoch changed to %s: reading its feed from the start", epoch)
            self._request_gap(NEW_EPOCH_REASON, since)
        return changed

    # -- 410 -------------------------------------------------------------------------------

    async def _recover_expired(self, old_cursor: int) -> int:
        """Move the cursor to the relay's oldest event and have the lost period searched."""
        horizon = await self._find_horizon(old_cursor)

        def write(session: Session) -> datetime | None:
            sync = SyncRepository(session)
            last_event = sync.get_time(SyncKey.LAST_EVENT_AT)
            sync.set_cursor(horizon)
            OrderRepository(session).audit(
                "sync.cursor_expired",
                f"cursor={old_cursor} horizon={horizon} last_event_at={last_event}",
                self._d.clock(),
            )
            return last_event or sync.get_time(SyncKey.LAST_HEALTHY_AT)

        since = await self._d.db.write(write)
        log.warning("relay cursor %d expired; resuming after %d", old_cursor, horizon)
        self._request_gap("eventos vencidos en el relay", since)
        return horizon

    async def _find_horizon(self, expired: int) -> int:
        """The smallest `after` the relay still accepts (the contract's 410 does not say it).

        Gallop up from the expired cursor, then bisect: about 2·log2(gap) one-event requests.
        """
        low, step = expired, 1
        while True:
            probe = low + step
            if not await self._expired(probe):
                high = probe
                break
            low, step = probe, step * 2
        while high - low > 1:
            middle = (low + high) // 2
            if await self._expired(middle):
                low = middle
            else:
                high = middle
        return high

    async def _expired(self, after: int) -> bool:
        try:
            await self._relay_fetch(after, limit=1, wait=0)
        except RelayCursorExpiredError:
            return True
        return False


def _store_epoch(session: Session, epoch: str, at: datetime) -> tuple[bool, datetime | None]:
    """Store `epoch`; on a change also reset the cursor (same transaction) and audit it.

    Returns whether the cursor was reset and since when Wompi should be searched.
    """
    sync = SyncRepository(session)
    known = sync.get_value(SyncKey.RELAY_EPOCH)
    if known == epoch:
        return False, None
    sync.set_value(SyncKey.RELAY_EPOCH, epoch)
    if known is None:
        return False, None
    old_cursor = sync.cursor()
    sync.set_cursor(0)
    last_event = sync.get_time(SyncKey.LAST_EVENT_AT)
    OrderRepository(session).audit(
        "sync.relay_epoch_changed",
        f"old_epoch={known} new_epoch={epoch} cursor={old_cursor} last_event_at={last_event}",
        at,
    )
    return True, last_event or sync.get_time(SyncKey.LAST_HEALTHY_AT)


def _move_cursor(session: Session, event: RelayEvent) -> None:
    sync = SyncRepository(session)
    # Never backwards: a late duplicate delivery of an old seq must not rewind the feed.
    if event.seq > sync.cursor():
        sync.set_cursor(event.seq)
    sync.advance_time(SyncKey.LAST_EVENT_AT, event.received_at)
