"""The pending watcher: asks Wompi directly about Wompi attempts still PENDING (source `poll`).

An attempt is first checked `first_check_after_s` after it was created (its event usually comes
sooner), then on the schedule of its payment method, learnt from Wompi's answer: seconds for a
card or Nequi, minutes for PSE and Bancolombia transfers, hours for cash at a corresponsal.
Attempts staff abandoned are still watched: a late approval must surface (the store audits it
as `payment.approved_after_cancel`).

With the transaction id known the watcher reads that transaction; otherwise (the checkout never
told us) it lists every transaction under the reference, since a payer's retry in the checkout
creates several.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from mestore_desktop.domain.payment import PaymentAttempt, StatusSource, Tender
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.sync.apply import Tally, apply_transactions
from mestore_desktop.sync.hub import Deps, Hub
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

    def hurry(self, reference: str) -> None:
        """Poll this attempt at the next round, whatever its schedule says."""
        self._hurried.add(reference)

    async def poll(self, tally: Tally, problems: list[str], *, force: bool = False) -> None:
        """One round: poll every attempt that is due (`force`: every pending attempt)."""
        attempts = await self._d.db.read(_pending_wompi)
        self._hub.set_pending(len(attempts))
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
                self._hub.set_wompi_problem(str(exc))
                problems.append(str(exc))
                return
            except WompiAuthError as exc:
                problems.append(str(exc))
                self._hub.set_wompi_problem(str(exc))
                self._reschedule(watch, attempt, [], now)
                continue
            self._hub.set_wompi_problem(None)
            done = await self._apply(transactions)
            tally.add(done)
            self._hub.applied(done)
            self._reschedule(watch, attempt, transactions, now)
        self._hub.set_pending(await self._d.db.read(lambda s: len(_pending_wompi(s))))

    def _first_watch(self, attempt: PaymentAttempt) -> Watch:
        return Watch(
            due=attempt.created_at + timedelta(seconds=self._d.settings.first_check_after_s)
        )

    def _forget_settled(self, pending: set[str]) -> None:
        for reference in set(self.watches) - pending:
            del self.watches[reference]
        self._hurried &= pending

    async def _read(self, attempt: PaymentAttempt) -> list[Transaction]:
        if attempt.transaction_id is not None:
            try:
                return [await self._d.wompi.get_transaction(attempt.transaction_id)]
            except WompiNotFoundError:
                log.warning(
                    "transaction %s of %s not found", attempt.transaction_id, attempt.reference
                )
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

    def _reschedule(
        self, watch: Watch, attempt: PaymentAttempt, transactions: list[Transaction], now: datetime
    ) -> None:
        s = self._d.settings
        for tx in transactions:
            watch.method = tx.payment_method_type or watch.method
        interval = s.schedule_for(watch.method).interval_s(watch.step)
        if (now - attempt.created_at).total_seconds() >= s.stale_after_s:
            interval = max(interval, s.stale_interval_s)
        watch.due = now + timedelta(seconds=jittered(interval, s.watch_jitter, self._d.random))
        watch.step += 1


def _pending_wompi(session: Session) -> list[PaymentAttempt]:
    attempts = OrderRepository(session).pending_attempts()
    return [a for a in attempts if a.tender is Tender.WOMPI]
