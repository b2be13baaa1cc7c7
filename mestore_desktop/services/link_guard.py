"""The double-payment guard: once an order is paid, its other payment links stop taking money.

A customer may hold a payment link for an order that is then paid another way (at the counter,
by QR, through another link). Wompi would happily take a second payment through that link, so
as soon as any channel pays the order, every link of it that can still take money is switched
off at Wompi (docs/wompi.md §7.2: `PATCH {"active": false}`, the only change Wompi allows).

`DoublePaymentGuard.orders_changed` is an observer for the orders-changed news of the sync, the
counter and the back office (called on the event loop's thread): it only schedules a task, so
the GUI never waits. Each link is deactivated with `LinkDeactivator`, retried with capped
exponential backoff and jitter until Wompi confirms (a Wompi that is down, a key not configured
yet: the guard keeps trying); a link Wompi does not know is given up, audited. Every attempt and
its result are audited with `order=N link=ID` (`link.deactivate.requested`, `link.deactivated`,
`link.deactivate.failed`), so the order's detail in *Pedidos* lists them. `start()` re-checks, on
start-up, every paid order that still has an active link: a guard stopped mid-retry by a crash
or a restart picks up where it was.

An approval that still arrives through another channel before Wompi confirms is the sync's to
record as a `duplicate_payment` (the domain's duplicate detection), never this guard's.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Awaitable, Callable, Coroutine, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from mestore_desktop.domain.links import LinkStatus, PaymentLinkRecord
from mestore_desktop.domain.payment import OrderStatus
from mestore_desktop.domain.text import N_
from mestore_desktop.services.back_office_base import (
    BackOfficeError,
    Clock,
    MissingPrivateKeyError,
    WompiAccess,
    now_utc,
)
from mestore_desktop.store.errors import UnknownOrderError
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.link_repository import LinkRepository
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.wompi.client import WompiClient
from mestore_desktop.wompi.errors import (
    WompiCircuitOpenError,
    WompiError,
    WompiNotFoundError,
    WompiUnavailableError,
)
from mestore_desktop.wompi.models import PaymentLink

log = logging.getLogger(__name__)

GUARD_ACTOR = "guardia-doble-pago"
GUARD_REASON = "pedido pagado por otro medio"
# How many active links the start-up sweep reads at once (a shop has a handful at most).
SWEEP_LIMIT = 1_000

ACTION_REQUESTED = "link.deactivate.requested"
ACTION_DONE = "link.deactivated"
ACTION_FAILED = "link.deactivate.failed"


class LinksError(BackOfficeError):
    """A link step that did not happen; `str()` is one Spanish sentence for staff."""


class LinkDeactivationError(LinksError):
    """Wompi did not confirm that the link is off; `permanent` when trying again is useless."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


def audit_detail(link_id: str, order_number: int | None, extra: str = "") -> str:
    """`order=N link=ID …`: the order's detail in Pedidos lists lines naming `order=`."""
    head = f"order={order_number} link={link_id}" if order_number else f"link={link_id}"
    return f"{head} {extra}".rstrip()


class LinkDeactivator:
    """One audited try at switching a link off at Wompi and mirroring it locally."""

    def __init__(self, db: DbExecutor, wompi: WompiAccess, clock: Clock = now_utc) -> None:
        self._db = db
        self._wompi = wompi
        self._clock = clock

    async def deactivate(
        self, link_id: str, order_number: int | None, actor: str, reason: str
    ) -> PaymentLinkRecord:
        """Switch it off at Wompi, then mark it locally, each step audited; raises
        `LinkDeactivationError` (audited) when Wompi did not confirm."""
        await self._audit(
            ACTION_REQUESTED, audit_detail(link_id, order_number, f"reason={reason}"), actor
        )
        try:
            link = await self._switch_off(link_id)
        except LinkDeactivationError as exc:
            await self._audit(
                ACTION_FAILED, audit_detail(link_id, order_number, f"error={exc}"), actor
            )
            raise
        if link.active:
            await self._audit(
                ACTION_FAILED, audit_detail(link_id, order_number, "wompi_active=true"), actor
            )
            raise LinkDeactivationError(
                N_("Wompi todavía muestra activo el link {link_id}.", link_id=link_id)
            )
        return await self._record(link_id, order_number, actor, reason)

    async def _switch_off(self, link_id: str) -> PaymentLink:
        try:
            wompi = self._wompi.client()
            if not self._wompi.has_private_key():
                raise MissingPrivateKeyError(N_("desactivar links de pago"))
        except BackOfficeError as exc:
            raise LinkDeactivationError(str(exc)) from exc
        try:
            return await wompi.set_payment_link_active(link_id, False)
        except WompiNotFoundError as exc:
            raise LinkDeactivationError(
                N_(
                    "Wompi no conoce el link {link_id}: {exc}",
                    link_id=link_id,
                    exc=exc,
                ),
                permanent=True,
            ) from exc
        except WompiCircuitOpenError as exc:
            raise LinkDeactivationError(N_("No se envió a Wompi: {exc}", exc=exc)) from exc
        except WompiUnavailableError as exc:
            # Sent once and unanswered: it may have happened. Read it back before saying no.
            return await _read_back(wompi, link_id, exc)
        except WompiError as exc:
            raise LinkDeactivationError(
                N_(
                    "Wompi no desactivó el link {link_id}: {exc}",
                    link_id=link_id,
                    exc=exc,
                )
            ) from exc

    async def _record(
        self, link_id: str, order_number: int | None, actor: str, reason: str
    ) -> PaymentLinkRecord:
        at = self._clock()
        detail = audit_detail(link_id, order_number, f"reason={reason}")

        def save(session: Session) -> PaymentLinkRecord:
            links = LinkRepository(session)
            links.mark_deactivated(link_id, at)
            OrderRepository(session).audit(ACTION_DONE, detail, at, actor)
            record = links.get(link_id)
            assert record is not None  # noqa: S101  mark_deactivated found it
            return record

        record = await self._db.write(save)
        log.info("payment link %s deactivated (order %s) by %s", link_id, order_number, actor)
        return record

    async def _audit(self, action: str, detail: str, actor: str) -> None:
        at = self._clock()
        await self._db.write(lambda s: OrderRepository(s).audit(action, detail, at, actor))


async def _read_back(wompi: WompiClient, link_id: str, cause: Exception) -> PaymentLink:
    try:
        return await wompi.get_payment_link(link_id)
    except WompiError as exc:
        raise LinkDeactivationError(
            N_(
                "Wompi no respondió ({error_type}) y no se pudo comprobar el link {link_id}: {exc}",
                error_type=type(cause).__name__,
                link_id=link_id,
                exc=exc,
            )
        ) from exc


@dataclass(frozen=True)
class Backoff:
    """Capped exponential backoff with full jitter between tries (no limit on tries: the guard
    stops only when Wompi confirms, or says the link does not exist)."""

    base_s: float = 2.0
    max_s: float = 300.0
    sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep, compare=False)
    random: Callable[[], float] = field(default=random.random, compare=False)

    def delay_s(self, failures: int) -> float:
        cap = min(self.max_s, self.base_s * 2 ** max(0, failures - 1))
        return cap * (0.5 + 0.5 * self.random())  # never 0: a dead Wompi is not hammered


class DoublePaymentGuard:
    """Observer of orders changed: a PAID order's links still taking money are switched off.

    Call `start()` once the loop runs (re-checks what a restart interrupted) and `aclose()` on
    shutdown; `idle()` waits for the work under way (tests, a clean exit)."""

    def __init__(
        self,
        db: DbExecutor,
        wompi: WompiAccess,
        clock: Clock = now_utc,
        *,
        backoff: Backoff | None = None,
    ) -> None:
        self._db = db
        self._clock = clock
        self._deactivator = LinkDeactivator(db, wompi, clock)
        self._backoff = backoff or Backoff()
        self._tasks: set[asyncio.Task[None]] = set()
        self._links_in_hand: set[str] = set()
        self._closed = False
        # Links the guard switched off: views reload them (ids).
        self.on_links_changed: list[Callable[[set[str]], None]] = []

    def orders_changed(self, numbers: Iterable[int]) -> None:
        """The observer: schedules a check of these orders on the running loop; returns at once."""
        wanted = sorted(set(numbers))
        if wanted and not self._closed:
            self._spawn(lambda: self.check(wanted))

    async def start(self) -> None:
        """Schedule the check of every order that has an active link (paid ones get theirs
        switched off): what a crash or restart left half done."""
        now = self._clock()
        numbers = await self._db.read(lambda s: _orders_with_active_links(s, now))
        if numbers:
            log.info(
                "double-payment guard: re-checking %d order(s) with active links", len(numbers)
            )
            self.orders_changed(numbers)

    async def check(self, numbers: Iterable[int]) -> None:
        """Switch off the links still taking money of those of `numbers` that are paid."""
        wanted = list(numbers)
        targets = await self._db.read(lambda s: _links_of_paid_orders(s, wanted))
        for record in targets:
            if record.link_id not in self._links_in_hand:
                self._links_in_hand.add(record.link_id)
                self._spawn(lambda record=record: self._until_confirmed(record))

    async def idle(self) -> None:
        """Until no work is under way (new work scheduled meanwhile included)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def aclose(self) -> None:
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _until_confirmed(self, record: PaymentLinkRecord) -> None:
        failures = 0
        try:
            while True:
                try:
                    await self._deactivator.deactivate(
                        record.link_id, record.order_number, GUARD_ACTOR, GUARD_REASON
                    )
                except LinkDeactivationError as exc:
                    if exc.permanent:
                        log.error("guard gives up on link %s: %s", record.link_id, exc)
                        return
                    failures += 1
                    delay = self._backoff.delay_s(failures)
                    log.warning(
                        "link %s of paid order %s not deactivated (%s); retry in %.1f s",
                        record.link_id, record.order_number, exc, delay,
                    )  # fmt: skip
                    await self._backoff.sleep(delay)
                    if not await self._still_needed(record.link_id):
                        return
                    continue
                self._notify({record.link_id})
                return
        finally:
            self._links_in_hand.discard(record.link_id)

    async def _still_needed(self, link_id: str) -> bool:
        """Someone (staff, another terminal's refresh) may have switched it off meanwhile."""
        current = await self._db.read(lambda s: LinkRepository(s).get(link_id))
        return current is not None and current.active

    def _spawn(self, work: Callable[[], Coroutine[Any, Any, None]]) -> None:
        # The coroutine is made inside the task: a task cancelled (or left behind by a loop
        # that stopped) before its first step then leaves no coroutine that was never awaited.
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # a Qt slot under qasync: the app's loop, not running a callback
            loop = asyncio.get_event_loop()
        task = loop.create_task(_logged(work))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _notify(self, link_ids: set[str]) -> None:
        for observer in list(self.on_links_changed):
            try:
                observer(set(link_ids))
            except Exception:
                log.exception("links observer failed")


async def _logged(work: Callable[[], Awaitable[None]]) -> None:
    try:
        await work()
    except asyncio.CancelledError:
        raise
    except Exception:  # nothing fails silently, and one failure never stops the guard
        log.exception("double-payment guard failed")


def _links_of_paid_orders(session: Session, numbers: list[int]) -> list[PaymentLinkRecord]:
    orders, links = OrderRepository(session), LinkRepository(session)
    found: list[PaymentLinkRecord] = []
    for number in numbers:
        try:
            paid = orders.order_status(number) is OrderStatus.PAID
        except UnknownOrderError:
            continue
        if paid:  # expired ones too: our clock may be behind Wompi's
            found += links.active_for_order(number)
    return found


def _orders_with_active_links(session: Session, now: datetime) -> list[int]:
    links = LinkRepository(session)
    numbers: set[int] = set()
    for status in (LinkStatus.ACTIVE, LinkStatus.EXPIRED):
        for record in links.list("", status, now, SWEEP_LIMIT):
            if record.order_number is not None and record.active:
                numbers.add(record.order_number)
    return sorted(numbers)
