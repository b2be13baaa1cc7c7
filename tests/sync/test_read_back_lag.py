"""Issue 9, defect 3: an event counts as applied only once Wompi's read-back reflects it.

Wompi's `GET /transactions/{id}` may still say PENDING just after the event of an approval, or
APPROVED just after the event of a void. Such an event is not used up: its dedupe key is not
recorded, it is kept and its transaction re-read with backoff (bounded), then left to the gap
filler and reported, whatever order the events and read-backs come in.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from mestore_desktop.domain.payment import Observation, OrderStatus, PaymentStatus, StatusSource
from mestore_desktop.store.held_events import HeldEvent, HeldEvents
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.sync.apply import Tally
from mestore_desktop.sync.policy import SyncSettings
from mestore_desktop.sync.relay_client import RelayEvent
from mestore_desktop.sync.service import SyncService
from tests.sync.conftest import FakeClock
from tests.sync.harness import NEQUI, InProcessWorld
from tests.sync.lagging import LaggingWompi

pytestmark = pytest.mark.anyio

A, P, D, V = (
    PaymentStatus.APPROVED,
    PaymentStatus.PENDING,
    PaymentStatus.DECLINED,
    PaymentStatus.VOIDED,
)


async def relay_events(world: InProcessWorld, after: int = 0) -> list[RelayEvent]:
    return (await world.relay_client().fetch(after, wait=0)).events


def applied_keys(world: InProcessWorld) -> set[str]:
    sql = text("SELECT key FROM applied_events")
    return world.database.read(lambda s: set(s.execute(sql).scalars()))


def key_of(event: RelayEvent) -> str:
    tx = event.event["data"]["transaction"]
    return f"transaction.updated:{tx['id']}:{tx['status']}:{tx['amount_in_cents']}"


def audits(world: InProcessWorld, action: str) -> list[str]:
    entries = world.database.read(lambda s: OrderRepository(s).audit_entries(limit=1000))
    return [e.detail for e in entries if e.action == action]


def lagging_service(
    world: InProcessWorld, clock: FakeClock | None = None, **settings: float
) -> tuple[SyncService, LaggingWompi]:
    wompi = LaggingWompi(world.wompi())
    extra = {"clock": clock} if clock is not None else {}
    service = world.service(
        wompi=wompi,
        random=lambda: 0.0,
        settings=SyncSettings(long_poll_wait_s=0.2, **settings),
        **extra,
    )
    return service, wompi


async def test_defect3_a_void_read_back_as_approved_is_kept_and_read_again(
    world: InProcessWorld,
) -> None:
    sale = world.sale()
    world.sandbox.approve(sale.transaction_id)
    await world.wait_delivered(1)
    service, wompi = lagging_service(world)
    await service.run_once()
    assert world.order_status(sale.order_number) is OrderStatus.PAID
    world.sandbox.void(sale.transaction_id)
    await world.wait_delivered(2)
    [void_event] = await relay_events(world, after=1)
    wompi.lag(sale.transaction_id, A, reads=1)  # Wompi's API has not caught up with its event
    await service.apply_event(void_event)
    assert world.order_status(sale.order_number) is OrderStatus.PAID  # nothing invented
    assert key_of(void_event) not in applied_keys(world)  # not used up
    assert "sin confirmar" in str(service.status.detail)
    await service.run_once()  # the kept event's transaction is read again
    assert world.order_status(sale.order_number) is OrderStatus.VOIDED
    assert key_of(void_event) in applied_keys(world)
    assert world.history(sale.reference)[-1].to_status is V
    assert "sin confirmar" not in str(service.status.detail)
    again = await service.run_once()
    assert (again.events_applied, again.attempts_updated) == (0, 0)


async def test_defect3_a_retry_approval_read_back_as_pending_is_not_lost(
    world: InProcessWorld,
) -> None:
    # The checkout told us of the first transaction; the payer's card is declined, they retry
    # with Nequi under the same reference and pay. The approval's read-back still says PENDING.
    sale = world.sale()
    seen = Observation(sale.transaction_id, P, StatusSource.CHECKOUT, datetime.now(UTC))
    world.database.write(lambda s: OrderRepository(s).apply_observation(sale.reference, seen))
    world.sandbox.decline(sale.transaction_id)
    retry = world.add_transaction(sale.reference, sale.amount, NEQUI)
    world.sandbox.approve(retry)
    await world.wait_delivered(2)
    declined, approved = await relay_events(world)
    service, wompi = lagging_service(world)
    wompi.lag(retry, P, reads=1)
    await service.apply_event(approved)  # read back as PENDING: kept
    await service.apply_event(declined)  # the followed transaction fails
    assert world.order_status(sale.order_number) is not OrderStatus.FAILED
    await service.run_once()
    assert world.order_status(sale.order_number) is OrderStatus.PAID
    attempt = world.database.read(lambda s: OrderRepository(s).get_attempt(sale.reference))
    assert (attempt.status, attempt.transaction_id) == (A, retry)
    assert {key_of(declined), key_of(approved)} <= applied_keys(world)


async def test_defect3_re_reads_back_off_then_leave_the_event_to_the_gap_filler(
    world: InProcessWorld, clock: FakeClock
) -> None:
    sale = world.sale()
    world.sandbox.approve(sale.transaction_id)
    world.sandbox.void(sale.transaction_id)
    await world.wait_delivered(2)
    approved, voided = await relay_events(world)
    service, wompi = lagging_service(world, clock, lag_first_s=2.0, lag_cap_s=8.0, lag_tries=5)
    wompi.lag(sale.transaction_id, A, reads=None)  # Wompi's API keeps saying APPROVED by id
    await service.apply_event(approved)
    await service.apply_event(voided)
    assert world.order_status(sale.order_number) is OrderStatus.PAID
    assert key_of(voided) not in applied_keys(world)
    reads = []
    for _ in range(60):  # 30 s of watcher rounds, every 0.5 s
        clock.advance(0.5)
        await service.watcher.poll(Tally(), [])
        reads.append(wompi.reads[sale.transaction_id])
    # Two reads for the events, then 5 re-reads: at the next round, then 2, 4, 8 and 8 s apart;
    # then no more.
    assert reads[-1] == 7
    assert [reads.index(n) for n in (3, 4, 5, 6, 7)] == [0, 4, 12, 28, 44]
    assert world.order_status(sale.order_number) is OrderStatus.PAID
    assert key_of(voided) not in applied_keys(world)
    [unconfirmed] = audits(world, "sync.event_unconfirmed")
    assert sale.transaction_id in unconfirmed
    assert "búsqueda" in str(service.status.detail)
    assert "búsqueda" in str(service.status.wompi_problem or "")
    # The gap filler searches Wompi by date (its list is up to date) and settles it.
    assert await service.gaps.fill_if_due(Tally(), [])
    assert world.order_status(sale.order_number) is OrderStatus.VOIDED
    assert key_of(voided) in applied_keys(world)
    assert "sin confirmar" not in str(service.status.detail)
    assert str(service.status.wompi_problem) == ""
    assert not await service.gaps.fill_if_due(Tally(), [])


async def test_a_read_back_ahead_of_its_event_uses_the_event_up(world: InProcessWorld) -> None:
    # APPROVED event, but Wompi already says VOIDED: the answer reflects (and passes) the event.
    sale = world.sale()
    world.sandbox.approve(sale.transaction_id)
    world.sandbox.void(sale.transaction_id)
    await world.wait_delivered(2)
    approved, voided = await relay_events(world)
    service = world.service()
    await service.apply_event(approved)
    assert key_of(approved) in applied_keys(world)
    assert world.order_status(sale.order_number) is OrderStatus.VOIDED
    held = world.database.read(lambda s: HeldEvents(s).all())
    assert held == []
    await service.apply_event(voided)
    assert key_of(voided) in applied_keys(world)


async def test_a_kept_event_delivered_again_is_still_one_event(world: InProcessWorld) -> None:
    sale = world.sale()
    world.sandbox.approve(sale.transaction_id)
    await world.wait_delivered(1)
    [event] = await relay_events(world)
    service, wompi = lagging_service(world)
    wompi.lag(sale.transaction_id, P, reads=2)
    await service.apply_event(event)
    await service.apply_event(RelayEvent(event.seq + 1, event.received_at, event.event))
    held = world.database.read(lambda s: HeldEvents(s).all())
    assert [h.dedupe_key for h in held] == [key_of(event)]
    await service.run_once()
    assert world.order_status(sale.order_number) is OrderStatus.PAID
    assert world.database.read(lambda s: HeldEvents(s).all()) == []
    paid = [h for h in world.history(sale.reference) if h.to_status is A]
    assert len(paid) == 1


async def test_a_retry_taking_over_is_written_in_the_history_under_its_own_id(
    world: InProcessWorld,
) -> None:
    # The followed transaction fails while an (older-looking) retry is still open: the attempt
    # goes back to PENDING through the retry, and its history line names the retry.
    sale = world.sale()
    followed, retry = "9-1800000100-10001", "9-1800000000-10002"
    now = datetime.now(UTC)

    def observe(tx_id: str, status: PaymentStatus) -> None:
        seen = Observation(tx_id, status, StatusSource.POLL, now, amount=sale.amount)
        world.database.write(lambda s: OrderRepository(s).apply_observation(sale.reference, seen))

    observe(followed, P)
    observe(retry, P)
    observe(followed, D)
    attempt = world.database.read(lambda s: OrderRepository(s).get_attempt(sale.reference))
    assert (attempt.status, attempt.transaction_id) == (P, retry)
    last = world.history(sale.reference)[-1]
    assert (last.to_status, last.transaction_id) == (P, retry)
    assert world.order_status(sale.order_number) is OrderStatus.AWAITING_PAYMENT


async def test_an_event_never_confirmed_is_searched_again_then_dropped_after_a_day(
    world: InProcessWorld, clock: FakeClock
) -> None:
    service = world.service(clock=clock)
    held_at = clock() - timedelta(hours=1)
    never = HeldEvent(
        dedupe_key="transaction.updated:9-1800000000-10001:VOIDED:100",
        transaction_id="9-1800000000-10001",
        status="VOIDED",
        relay_seq=7,
        reference="OTRA-1",
        created_at=held_at,
        held_at=held_at,
        tries=8,
        due_at=None,
        gave_up_at=held_at,
    )
    world.database.write(lambda s: HeldEvents(s).save(never))
    assert await service.gaps.fill_if_due(Tally(), [])  # once after giving up
    assert not await service.gaps.fill_if_due(Tally(), [])
    clock.advance(SyncSettings().fallback_gap_interval_s)
    assert await service.gaps.fill_if_due(Tally(), [])  # still unconfirmed: again, later
    assert world.database.read(lambda s: HeldEvents(s).all()) == [never]
    clock.advance(24 * 3600)
    assert await service.gaps.fill_if_due(Tally(), [])
    assert world.database.read(lambda s: HeldEvents(s).all()) == []
    [dropped] = audits(world, "sync.event_unconfirmed_dropped")
    assert "9-1800000000-10001" in dropped
    assert "sin confirmar" not in str(service.status.detail)
