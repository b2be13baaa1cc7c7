"""The pending watcher: asks Wompi directly about Wompi attempts that took no money yet.

An attempt is first checked `first_check_after_s` after it was created (its event usually comes
sooner), then on the schedule of its payment method, learnt from Wompi's answer: seconds for a
card or Nequi, minutes for PSE and Bancolombia transfers, hours for cash at a corresponsal.
Attempts staff abandoned are still watched: a late approval must surface (the store audits it
as `payment.approved_after_cancel`).

Which attempts (`OrderRepository.watched_attempts`): every PENDING one, and the DECLINED or
ERROR ones too, since Wompi lets the payer retry under the same reference (docs/wompi.md §4.5): an
approval after a decline must not wait for an event that may never come. Until when: the
checkout's signed expiry plus the payer's retry window (`payable_until`). The first round after
it is the final check; then the attempt is never polled again (`end_watch`, audited), unless
Wompi still holds a payment in progress for it (a PSE payer at the bank, cash at a
corresponsal), which is watched until it settles. A pending attempt with nothing at Wompi is
closed as abandoned at its final check, like the counter does, so an approval found later (by
an event or the gap filler) is still a loud late approval. Attempts whose checkout carries no
expiry (saved before expiries were signed) are watched while PENDING, as before.

With the transaction id of a live payment the watcher reads that transaction; otherwise (the
checkout never told us, or the followed one failed) it lists every transaction under the
reference, since a payer's retry in the checkout creates several.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from mestore_desktop.domain.payment import (
    PaymentAttempt,
    PaymentStatus,
    StatusSource,
    payable_until,
)
from mestore_desktop.domain.text import message_of
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.sync.apply import Tally, apply_transactions
from mestore_desktop.sync.hub import Deps, Hub
from mestore_desktop.sync.lagging import LagChaser
from mestore_desktop.sync.policy import jittered
from mestore_desktop.wompi.errors import WompiAuthError, WompiNotFoundError, WompiUnavailableError
from mestore_desktop.wompi.models import Transaction

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Watch:
    """When an attempt is next due, how many polls it had, and its payment method if known."""

    due: datetime
    step: int = 0
    method: str | None = None


class PendingWatcher:
    def __init__(self, deps: Deps, hub: Hub) -> None:
        self._d = deps
        self._hub = hub
        self.watches: dict[str, Watch] = {}
        self._hurried: set[str] = set()
        self.lag = LagChaser(deps, hub)  # events Wompi's answers did not reflect yet

    def hurry(self, reference: str) -> None:
        """Poll this attempt at the next round, whatever its schedule says."""
        self._hurried.add(reference)

    async def poll(self, tally: Tally, problems: list[str], *, force: bool = False) -> None:
        """One round: poll every attempt that is due (`force`: every watched attempt); first,
        re-read the held events that are due (lagging.py; `force`: all of them)."""
        if not await self.lag.chase(tally, problems, force=force):
            return  # Wompi is down: the polls would fail too
        attempts = await self._d.db.read(_watched)
        self._hub.set_pending(_pending_count(attempts))
        self._forget_settled({a.reference for a in attempts})
        now = self._d.clock()
        for attempt in attempts:
            watch = self.watches.setdefault(attempt.reference, self._first_watch(attempt))
            if not force and now < watch.due and attempt.reference not in self._hurried:
                continue
            self._hurried.discard(attempt.reference)
            try:
                transactions = await self._read(attempt)
            except WompiUnavailableError as exc:
                # Wompi is down: the rest would fail too. Try again next round.
                self._hub.set_wompi_problem(message_of(exc))
                problems.append(str(exc))
                return
            except WompiAuthError as exc:
                problems.append(str(exc))
                self._hub.set_wompi_problem(message_of(exc))
                self._reschedule(watch, attempt, [], now)
                continue
            self._hub.set_wompi_problem(None)
            done = await self._apply(transactions)
            if _past(attempt, now):
                done.add(await self._final_check(attempt.reference, now))
            tally.add(done)
            self._hub.applied(done)
            self._reschedule(watch, attempt, transactions, now)
        self._hub.set_pending(await self._d.db.read(lambda s: _pending_count(_watched(s))))

    def _first_watch(self, attempt: PaymentAttempt) -> Watch:
        return Watch(
            due=attempt.created_at + timedelta(seconds=self._d.settings.first_check_after_s)
        )

    def _forget_settled(self, watched: set[str]) -> None:
        for reference in set(self.watches) - watched:
            del self.watches[reference]
        self._hurried &= watched

    async def _read(self, attempt: PaymentAttempt) -> list[Transaction]:
        if attempt.transaction_id is not None and attempt.status is PaymentStatus.PENDING:
            try:
                return [await self._d.wompi.get_transaction(attempt.transaction_id)]
            except WompiNotFoundError:
                log.warning(
                    "transaction %s of %s not found", attempt.transaction_id, attempt.reference
                )
        if not self._d.searches:
            return []  # no private key to search by reference: the relay brings its event
        return await self._d.wompi.find_transactions(attempt.reference)

    async def _apply(self, transactions: list[Transaction]) -> Tally:
        if not transactions:
            return Tally()
        at = self._d.clock()
        return await self._d.db.write(
            lambda s: apply_transactions(
                s, transactions, source=StatusSource.POLL, at=at, evidence="pending_watcher"
            )
        )

    async def _final_check(self, reference: str, now: datetime) -> Tally:
        """After the attempt's last moment to be paid, and Wompi's answer applied: stop
        watching it unless a payment is still in progress at Wompi."""

        def save(session: Session) -> Tally:
            repo = OrderRepository(session)
            attempt = repo.get_attempt(reference)
            if attempt.status is PaymentStatus.PENDING and attempt.transaction_id is not None:
                return Tally()  # Wompi is still processing a payment: watched until it settles
            tally = Tally()
            if repo.close_expired_attempt(reference, now):
                tally.orders_changed.add(attempt.order_number)
            repo.end_watch(reference, now, "final_check=pending_watcher")
            return tally

        tally = await self._d.db.write(save)
        log.info("final check of %s: no longer watched", reference)
        return tally

    def _reschedule(
        self, watch: Watch, attempt: PaymentAttempt, transactions: list[Transaction], now: datetime
    ) -> None:
        s = self._d.settings
        for tx in transactions:
            watch.method = tx.payment_method_type or watch.method
        interval = s.schedule_for(watch.method).interval_s(watch.step)
        if (now - attempt.created_at).total_seconds() >= s.stale_after_s:
            interval = max(interval, s.stale_interval_s)
        due = now + timedelta(seconds=jittered(interval, s.watch_jitter, self._d.random))
        # The final check comes right at the deadline, whatever the schedule says.
        watch.due = _not_after_deadline(due, attempt, now)
        watch.step += 1


def _watched(session: Session) -> list[PaymentAttempt]:
    return OrderRepository(session).watched_attempts()


def _pending_count(attempts: list[PaymentAttempt]) -> int:
    """What the status bar calls pending: attempts still waiting, not failed ones watched."""
    return sum(1 for a in attempts if a.status is PaymentStatus.PENDING)


def _past(attempt: PaymentAttempt, now: datetime) -> bool:
    deadline = payable_until(attempt)
    return deadline is not None and now >= deadline


def _not_after_deadline(due: datetime, attempt: PaymentAttempt, now: datetime) -> datetime:
    deadline = payable_until(attempt)
    if deadline is None or now >= deadline:
        return due  # no deadline, or already past it (a payment still in progress)
    return min(due, deadline)
