"""The double-payment guard against the sandbox (in-process ASGI) and SQLite: once an order is
paid another way, each of its links that can still take money is switched off at Wompi, retried
with growing pauses until Wompi confirms, every try and result audited with `order=N link=ID`;
the observer itself returns at once, and a restart picks up what was left."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from mestore_desktop.domain.payment import OrderStatus
from mestore_desktop.services.link_guard import GUARD_ACTOR, GUARD_REASON
from mestore_desktop.services.links import LinksService
from mestore_desktop.store.browse_repository import OrderBrowser
from tests.services.back_office_helpers import record
from tests.services.links_helpers import Sleeps, audit, draft, links_service
from tests.sync.harness import InProcessWorld, Sale

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[InProcessWorld]:
    async with InProcessWorld(tmp_path) as world:
        yield world


async def order_with_links(
    service: LinksService, world: InProcessWorld, count: int = 2
) -> tuple[Sale, list[str]]:
    """A counter sale (PENDING at the sandbox) and `count` links for its order."""
    sale = world.sale(30_000)
    proposed = await service.draft_for_order(sale.order_number)
    links = [(await service.create(proposed)).link_id for _ in range(count)]
    return sale, links


async def pay_at_the_counter(world: InProcessWorld, sale: Sale) -> None:
    world.sandbox.approve(sale.transaction_id)
    await record(world, sale.transaction_id)
    assert world.order_status(sale.order_number) is OrderStatus.PAID


def active_at_wompi(world: InProcessWorld, link_id: str) -> bool:
    link = world.sandbox.get_payment_link(link_id)
    assert link is not None
    return bool(link["active"])


async def test_a_paid_orders_links_are_switched_off_and_audited(world: InProcessWorld) -> None:
    service = links_service(world)
    sale, links = await order_with_links(service, world)
    elsewhere = (await service.create(draft())).link_id  # no order: not the guard's business
    changed: list[set[str]] = []
    service.on_links_changed.append(changed.append)
    await pay_at_the_counter(world, sale)
    service.guard.orders_changed({sale.order_number})
    await service.guard.idle()
    assert [active_at_wompi(world, link) for link in links] == [False, False]
    assert active_at_wompi(world, elsewhere)
    for link in links:
        mirrored = await service.get(link)
        assert not mirrored.active and mirrored.deactivated_at is not None
        head = f"order={sale.order_number} link={link}"
        assert ("link.deactivate.requested", GUARD_ACTOR, f"{head} reason={GUARD_REASON}") in (
            audit(world)
        )
        assert ("link.deactivated", GUARD_ACTOR, f"{head} reason={GUARD_REASON}") in audit(world)
    assert set().union(*changed) == set(links)


async def test_the_order_detail_lists_the_guards_lines(world: InProcessWorld) -> None:
    service = links_service(world)
    sale, [link] = await order_with_links(service, world, 1)
    await pay_at_the_counter(world, sale)
    service.guard.orders_changed([sale.order_number])
    await service.guard.idle()
    detail = world.database.read(lambda s: OrderBrowser(s).detail(sale.order_number))
    assert detail is not None
    assert any(link in note.detail for note in detail.notes if note.action == "link.deactivated")


async def test_an_unpaid_order_keeps_its_links(world: InProcessWorld) -> None:
    service = links_service(world)
    sale, links = await order_with_links(service, world)
    service.guard.orders_changed({sale.order_number, 12345})  # 12345: no such order
    await service.guard.idle()
    assert all(active_at_wompi(world, link) for link in links)
    assert [a for a, _, _ in audit(world) if a != "link.created"] == []


async def test_the_observer_returns_at_once_and_the_work_runs_on_the_loop(
    world: InProcessWorld,
) -> None:
    service = links_service(world)
    sale, [link] = await order_with_links(service, world, 1)
    await pay_at_the_counter(world, sale)
    before = len(audit(world))
    service.guard.orders_changed({sale.order_number})  # as the sync's hub calls it
    assert len(audit(world)) == before  # nothing done yet: only scheduled
    await service.guard.idle()
    assert not active_at_wompi(world, link)


async def test_wompi_failing_is_retried_with_growing_pauses_until_it_confirms(
    world: InProcessWorld,
) -> None:
    sleeps = Sleeps()
    service = links_service(world, sleeps=sleeps)
    sale, [link] = await order_with_links(service, world, 1)
    await pay_at_the_counter(world, sale)
    # Each failed try costs two calls: the PATCH, then the read-back that checks it.
    world.sandbox.fail_next_api_calls(6, 503)
    service.guard.orders_changed({sale.order_number})
    await service.guard.idle()
    assert not active_at_wompi(world, link)
    assert sleeps.delays == [1.0, 2.0, 4.0]  # base 1 s doubling (jitter pinned to the cap)
    actions = [a for a, _, d in audit(world) if link in d and a != "link.created"]
    assert actions == [
        "link.deactivate.requested",
        "link.deactivate.failed",
        "link.deactivate.requested",
        "link.deactivate.failed",
        "link.deactivate.requested",
        "link.deactivate.failed",
        "link.deactivate.requested",
        "link.deactivated",
    ]


async def test_pauses_stop_growing_at_the_cap(world: InProcessWorld) -> None:
    sleeps = Sleeps()
    service = links_service(world, sleeps=sleeps, private_key=False)  # cannot switch it off
    sale, _ = await order_with_links_without_key(world, service)
    service.guard.orders_changed({sale.order_number})
    async with asyncio.timeout(10):
        while len(sleeps.delays) < 6:
            await asyncio.sleep(0.005)
    assert sleeps.delays[:6] == [1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    await service.guard.aclose()  # a closing app stops the retries
    tries = len(sleeps.delays)
    await asyncio.sleep(0.05)
    assert len(sleeps.delays) == tries
    failed = [d for a, _, d in audit(world) if a == "link.deactivate.failed"]
    assert failed and "llave privada" in failed[0]


async def order_with_links_without_key(
    world: InProcessWorld, service: LinksService
) -> tuple[Sale, list[str]]:
    """Links made with a key, then a guard whose Wompi access has none."""
    maker = links_service(world)
    sale, links = await order_with_links(maker, world, 1)
    await pay_at_the_counter(world, sale)
    return sale, links


async def test_a_link_wompi_does_not_know_is_given_up_audited(world: InProcessWorld) -> None:
    service = links_service(world)
    sale, [link] = await order_with_links(service, world, 1)
    await pay_at_the_counter(world, sale)
    world.sandbox._links.pop(link)  # gone at Wompi (another environment, a reset sandbox)
    service.guard.orders_changed({sale.order_number})
    await service.guard.idle()
    actions = [a for a, _, d in audit(world) if link in d and a != "link.created"]
    assert actions == ["link.deactivate.requested", "link.deactivate.failed"]
    assert (await service.get(link)).active  # not confirmed off: still shown as it is


async def test_a_restarted_guard_switches_off_what_was_left(world: InProcessWorld) -> None:
    service = links_service(world)
    sale, links = await order_with_links(service, world)
    unpaid, [kept] = await order_with_links(service, world, 1)
    await pay_at_the_counter(world, sale)  # the app died before the guard heard of it
    restarted = links_service(world)
    await restarted.guard.start()
    await restarted.guard.idle()
    assert [active_at_wompi(world, link) for link in links] == [False, False]
    assert active_at_wompi(world, kept)
    assert unpaid.order_number != sale.order_number


async def test_a_used_single_use_link_is_left_alone_and_a_reused_one_switched_off(
    world: InProcessWorld,
) -> None:
    """The link that paid the order: Wompi refuses a single-use one anything more by itself;
    a reusable one would take a second payment, so it is switched off too."""
    service = links_service(world)
    number = world.add_order(30_000)[0]
    proposed = await service.draft_for_order(number)
    single = await service.create(proposed)
    reusable = await service.create(draft(name="Reusable", order_number=number, single_use=False))
    tx = world.sandbox.create_transaction(
        amount_in_cents=single.amount.cents if single.amount else 0,
        currency="COP",
        reference="",
        customer_email="cliente@example.com",
        payment_method={"type": "NEQUI", "phone_number": "3991111111"},
        payment_link_id=single.link_id,
    )
    world.sandbox.approve(tx["id"])
    await record(world, str(tx["id"]))  # the sync's apply attaches it to the order
    assert world.order_status(number) is OrderStatus.PAID
    assert (await service.get(single.link_id)).payments == 1
    service.guard.orders_changed({number})
    await service.guard.idle()
    assert active_at_wompi(world, single.link_id)  # used up at Wompi; nothing to do
    assert not active_at_wompi(world, reusable.link_id)
    assert [d for a, _, d in audit(world) if a == "link.deactivated"] == [
        f"order={number} link={reusable.link_id} reason={GUARD_REASON}"
    ]


async def test_closing_before_a_scheduled_check_begins_leaves_nothing_unawaited(
    world: InProcessWorld,
) -> None:
    # The app can close while the guard's work is still only scheduled (a cashier closing the
    # window right after a sale): nothing may be left as a coroutine that was never awaited.
    import gc
    import warnings

    service = links_service(world)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        service.guard.orders_changed({1, 2})
        await service.guard.aclose()
        gc.collect()
    assert not [w for w in caught if "never awaited" in str(w.message)]
