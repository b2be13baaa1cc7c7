"""Re-reading events whose transaction Wompi's answer did not reflect yet (issue 9, defect 3).

An event is a trigger; what is applied is Wompi's answer to `GET /transactions/{id}`. When that
answer still shows an earlier status than the event (PENDING after an approval, APPROVED after
a void), the feed applies what it can, keeps the event (store/held_events.py) and moves on. The
pending watcher's rounds run `LagChaser.chase`: each held event that is due has its transaction
read again by id, at once, then after `lag_first_s`, doubling up to `lag_cap_s`, `lag_tries`
times; then it is left to the gap filler, which searches Wompi by date (gaps.py). The status
bar's detail says how many events wait, and the Wompi light turns amber for those left to the
gap filler.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy.orm import Session

from mestore_desktop.domain.text import message_of
from mestore_desktop.store.held_events import HeldEvent, HeldEvents
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.sync.apply import Tally, Unconfirmed, reread_failed, reread_held
from mestore_desktop.sync.hub import Deps, Hub
from mestore_desktop.sync.policy import SyncSettings
from mestore_desktop.wompi.errors import WompiError, WompiNotFoundError, WompiUnavailableError

log = logging.getLogger(__name__)


class LagChaser:
    def __init__(self, deps: Deps, hub: Hub) -> None:
        self._d = deps
        self._hub = hub

    async def chase(self, tally: Tally, problems: list[str], *, force: bool = False) -> bool:
        """Re-read every held event that is due (`force`: every one still chased).

        False when Wompi cannot be reached (the caller's other reads would fail too).
        """
        held = await self._d.db.read(lambda s: HeldEvents(s).all())
        self._hub.set_unconfirmed(Unconfirmed.of(held))
        now = self._d.clock()
        for event in held:
            if event.due_at is None or (not force and now < event.due_at):
                continue
            try:
                done = await self._reread(event, problems)
            except WompiUnavailableError as exc:
                self._hub.set_wompi_problem(message_of(exc))
                problems.append(str(exc))
                return False
            tally.add(done)
            self._hub.applied(done)
        return True

    async def _reread(self, event: HeldEvent, problems: list[str]) -> Tally:
        settings = self._d.settings
        try:
            tx = await self._d.wompi.get_transaction(event.transaction_id)
        except WompiNotFoundError:
            return await self._d.db.write(lambda s: _drop_unknown(s, event, self._d.clock()))
        except WompiUnavailableError:
            raise
        except WompiError as exc:  # a refused key, an answer that cannot be read: one try
            problems.append(str(exc))
            self._hub.set_wompi_problem(message_of(exc))
            return await self._d.db.write(
                lambda s: _count_failed(s, event, self._d.clock(), settings)
            )
        self._hub.set_wompi_problem(None)
        if tx.id != event.transaction_id:  # never apply an answer about another transaction
            return await self._d.db.write(
                lambda s: _count_failed(s, event, self._d.clock(), settings)
            )
        return await self._d.db.write(
            lambda s: reread_held(s, event, tx, at=self._d.clock(), settings=settings)
        )


def _count_failed(
    session: Session, event: HeldEvent, at: datetime, settings: SyncSettings
) -> Tally:
    held = HeldEvents(session)
    current = held.get(event.dedupe_key)
    if current is not None and not current.given_up:
        held.save(reread_failed(session, current, at=at, settings=settings))
    return Tally(unconfirmed=Unconfirmed.of(held.all()))


def _drop_unknown(session: Session, event: HeldEvent, at: datetime) -> Tally:
    """Wompi does not know the transaction (any more): nothing will ever confirm the event."""
    held = HeldEvents(session)
    if held.release(event.dedupe_key):
        detail = f"relay_seq={event.relay_seq} transaction_id={event.transaction_id}"
        OrderRepository(session).audit(
            "sync.unknown_transaction", f"{detail} status={event.status}", at
        )
    return Tally(events_skipped=1, unconfirmed=Unconfirmed.of(held.all()))
