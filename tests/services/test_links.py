"""`LinksService` against the sandbox (in-process ASGI) and SQLite: a link is created at Wompi
with what staff typed (expiry in UTC, IVA as Wompi's VAT), mirrored here with its public URL,
listed, refreshed from Wompi and switched off with who and why audited; bad input and a missing
key send nothing to Wompi at all."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from mestore_desktop.domain.links import LinkInputError, LinkStatus
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order, OrderLine
from mestore_desktop.domain.payment import OrderStatus
from mestore_desktop.services.back_office import UnknownOrderNumberError
from mestore_desktop.services.back_office_base import MissingPrivateKeyError, ReasonRequiredError
from mestore_desktop.services.links import (
    LinkCreationUncertainError,
    LinkDeactivationError,
    LinksError,
    LinksService,
    OrderNotLinkableError,
    UnknownLinkError,
    link_url,
)
from mestore_desktop.settings import Settings
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.repositories import OrderRepository
from tests.services.back_office_helpers import paid
from tests.services.links_helpers import (
    ACTOR,
    SETTINGS,
    Calls,
    audit,
    draft,
    links_service,
    order,
)
from tests.sync.harness import InProcessWorld

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[InProcessWorld]:
    async with InProcessWorld(tmp_path) as world:
        yield world


async def test_a_link_is_created_at_wompi_and_mirrored_with_its_public_url(
    world: InProcessWorld,
) -> None:
    service = links_service(world)
    expires = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    record = await service.create(
        draft(
            single_use=False,
            expires_at=expires,
            redirect_url="https://tienda.example/gracias",
            sku="TORTA-12",
            iva_rate=IvaRate.GENERAL,
            collect_shipping=True,
        )
    )
    assert record.url == f"http://checkout.test/l/{record.link_id}"
    at_wompi = world.sandbox.get_payment_link(record.link_id)
    assert at_wompi is not None
    assert (at_wompi["name"], at_wompi["amount_in_cents"]) == ("Torta de cumpleaños", 11_900_000)
    assert (at_wompi["single_use"], at_wompi["collect_shipping"]) == (False, True)
    assert at_wompi["expires_at"] == expires.strftime("%Y-%m-%dT%H:%M:%S.000Z")  # UTC
    assert at_wompi["redirect_url"] == "https://tienda.example/gracias"
    assert at_wompi["sku"] == "TORTA-12"
    assert at_wompi["taxes"] == [{"type": "VAT", "amount_in_cents": 1_900_000}]  # 119.000 at 19 %
    assert record.amount == Money.from_pesos(119_000)
    assert (record.active, record.expires_at, record.terminal_id) == (True, expires, "T07")
    assert (record.iva_rate, record.collect_shipping) == (IvaRate.GENERAL, True)
    assert record.status(datetime.now(UTC)) is LinkStatus.ACTIVE
    [listed] = await service.list()
    assert listed.link_id == record.link_id
    [(action, actor, detail)] = audit(world)
    assert action == "link.created" and detail.startswith(f"link={record.link_id}")
    assert actor.endswith("@T07")


async def test_the_url_is_the_checkout_hosts_l_page() -> None:
    assert (
        link_url("https://checkout.wompi.co/p/", "3Z0Cfi") == "https://checkout.wompi.co/l/3Z0Cfi"
    )
    assert link_url("http://127.0.0.1:8080/p/", "test_Ab") == "http://127.0.0.1:8080/l/test_Ab"


async def test_an_open_amount_link_sends_no_amount_and_no_tax(world: InProcessWorld) -> None:
    record = await links_service(world).create(draft(amount=None, iva_rate=IvaRate.GENERAL))
    at_wompi = world.sandbox.get_payment_link(record.link_id)
    assert at_wompi is not None
    assert (at_wompi["amount_in_cents"], at_wompi["taxes"]) == (None, [])
    assert record.amount is None and record.open_amount


async def test_a_link_for_an_order_sends_the_orders_exact_iva(world: InProcessWorld) -> None:
    number = order(
        world,
        ("Café molido 500 g", 2, 21_000, IvaRate.REDUCED),
        ("Gaseosa cola 1,5 L", 1, 11_900, IvaRate.GENERAL),
        ("Huevos AA x 30", 1, 18_000, IvaRate.EXEMPT),
    )
    service = links_service(world)
    proposed = await service.draft_for_order(number)
    assert proposed.name == f"Pedido {number} – Tienda Ejemplo"
    assert proposed.amount == Money.from_pesos(71_900)
    assert proposed.iva_rate is IvaRate.REDUCED  # the largest part of the total
    assert proposed.description == "2 × Café molido 500 g, Gaseosa cola 1,5 L, Huevos AA x 30"
    assert proposed.order_number == number
    record = await service.create(proposed)
    at_wompi = world.sandbox.get_payment_link(record.link_id)
    assert at_wompi is not None
    # 42.000 at 5 % carries 2.000, 11.900 at 19 % carries 1.900: 3.900 in all.
    assert at_wompi["taxes"] == [{"type": "VAT", "amount_in_cents": 390_000}]
    assert record.order_number == number
    assert [r.link_id for r in await service.for_order(number)] == [record.link_id]
    # Pedidos names it once a payment comes through it.
    rows = world.database.read(lambda s: OrderRepository(s).list_orders(limit=50))
    assert [r.link_name for r in rows if r.number == number] == [""]
    assert audit(world)[0][2].startswith(f"order={number} link={record.link_id}")


async def test_a_long_store_name_is_cut_to_fit_the_link_name(world: InProcessWorld) -> None:
    number = order(world, ("Pan", 1, 5_000, IvaRate.EXEMPT))
    long_name = Settings(store_name="Panadería y Repostería La Espiga Dorada del Barrio Centro")
    service = links_service(world, settings=long_name)
    proposed = await service.draft_for_order(number)
    assert len(proposed.name) <= 60 and proposed.name.startswith(f"Pedido {number} – Panadería")


async def test_no_link_for_an_order_that_is_paid_or_unknown(world: InProcessWorld) -> None:
    calls = Calls()
    service = links_service(world, calls)
    sale = await paid(world)
    assert world.order_status(sale.order_number) is OrderStatus.PAID
    with pytest.raises(OrderNotLinkableError, match="ya está pagado"):
        await service.draft_for_order(sale.order_number)
    with pytest.raises(OrderNotLinkableError):
        await service.create(draft(order_number=sale.order_number))
    with pytest.raises(UnknownOrderNumberError):
        await service.create(draft(order_number=999))
    assert calls.to("POST", "/payment_links") == 0
    assert await service.list() == []


async def test_an_expiry_in_the_past_creates_nothing_at_wompi(world: InProcessWorld) -> None:
    calls = Calls()
    service = links_service(world, calls)
    past = datetime.now(UTC) - timedelta(minutes=1)
    with pytest.raises(LinkInputError, match="ya pasó") as refused:
        await service.create(draft(expires_at=past))
    assert refused.value.field == "expires_at"
    assert calls.seen == []
    assert await service.list() == []


async def test_without_the_private_key_nothing_is_sent(world: InProcessWorld) -> None:
    calls = Calls()
    service = links_service(world, calls, private_key=False)
    with pytest.raises(MissingPrivateKeyError, match="crear links de pago"):
        await service.create(draft())
    assert calls.seen == []


async def test_wompi_failing_the_create_saves_nothing_and_says_it_may_exist(
    world: InProcessWorld,
) -> None:
    service = links_service(world)
    world.sandbox.fail_next_api_calls(1, 503)
    with pytest.raises(LinkCreationUncertainError, match="puede que haya creado"):
        await service.create(draft())
    assert await service.list() == []
    assert audit(world) == []


async def test_wompi_refusing_the_create_says_why(world: InProcessWorld) -> None:
    service = links_service(world)
    # A name Wompi refuses and our draft lets through cannot be typed; a 422 from Wompi can.
    world.sandbox.fail_next_api_calls(1, 422)
    with pytest.raises(LinksError, match="Wompi no creó el link"):
        await service.create(draft())
    assert await service.list() == []


async def test_list_filters_by_search_and_status(world: InProcessWorld) -> None:
    service = links_service(world)
    cake = await service.create(draft())
    bread = await service.create(draft(name="Pan francés", description="Dos panes"))
    await service.deactivate(bread.link_id, ACTOR, "el cliente ya no lo quiere")
    assert [r.link_id for r in await service.list("torta")] == [cake.link_id]
    assert [r.link_id for r in await service.list(status=LinkStatus.DEACTIVATED)] == [bread.link_id]
    assert {r.link_id for r in await service.list()} == {cake.link_id, bread.link_id}


async def test_deactivate_switches_it_off_at_wompi_with_who_and_why_audited(
    world: InProcessWorld,
) -> None:
    service = links_service(world)
    record = await service.create(draft())
    changed: list[set[str]] = []
    service.on_links_changed.append(changed.append)
    with pytest.raises(ReasonRequiredError):
        await service.deactivate(record.link_id, ACTOR, "   ")
    done = await service.deactivate(record.link_id, ACTOR, "cliente pagó en efectivo")
    assert world.sandbox.get_payment_link(record.link_id)["active"] is False  # type: ignore[index]
    assert done.active is False and done.deactivated_at is not None
    assert done.status(datetime.now(UTC)) is LinkStatus.DEACTIVATED
    assert changed == [{record.link_id}]
    entries = [(a, who, d) for a, who, d in audit(world) if a != "link.created"]
    assert entries == [
        (
            "link.deactivate.requested",
            ACTOR,
            f"link={record.link_id} reason=cliente pagó en efectivo",
        ),
        ("link.deactivated", ACTOR, f"link={record.link_id} reason=cliente pagó en efectivo"),
    ]


async def test_a_deactivation_wompi_does_not_confirm_is_an_error_and_audited(
    world: InProcessWorld,
) -> None:
    service = links_service(world)
    record = await service.create(draft())
    world.sandbox.fail_next_api_calls(1, 500)  # the PATCH; the read-back still shows it active
    with pytest.raises(LinkDeactivationError, match="activo"):
        await service.deactivate(record.link_id, ACTOR, "error de precio")
    assert (await service.get(record.link_id)).active is True
    actions = [a for a, _, _ in audit(world)]
    assert actions == ["link.created", "link.deactivate.requested", "link.deactivate.failed"]


async def test_unknown_links_are_said_so(world: InProcessWorld) -> None:
    service = links_service(world)
    with pytest.raises(UnknownLinkError):
        await service.deactivate("test_nope00", ACTOR, "motivo")
    with pytest.raises(UnknownLinkError):
        await service.refresh("test_nope00")


async def test_refresh_mirrors_a_link_switched_off_in_wompis_dashboard(
    world: InProcessWorld,
) -> None:
    service = links_service(world)
    record = await service.create(draft())
    other = await service.create(draft(name="Otra cosa"))
    world.sandbox.set_payment_link_active(record.link_id, False)
    refreshed = await service.refresh()
    assert {r.link_id for r in refreshed} == {record.link_id, other.link_id}
    mirrored = await service.get(record.link_id)
    assert mirrored.active is False and mirrored.last_synced_at is not None
    assert (await service.get(other.link_id)).active is True
    assert ("link.deactivated", "system", f"link={record.link_id} source=wompi") in audit(world)
    assert await service.refresh(other.link_id) != []


async def test_save_sale_keeps_the_counters_cart_as_an_order(world: InProcessWorld) -> None:
    service = links_service(world)
    news: list[set[int]] = []
    service.on_orders_changed.append(news.append)
    cart = Order(
        terminal_id="T07",
        lines=(OrderLine("Café molido 500 g", 1, Money.from_pesos(21_000), IvaRate.REDUCED),),
        created_at=datetime.now(UTC),
    )
    number = await service.save_sale(cart)
    saved = world.database.read(lambda s: OrderRepository(s).get_order(number))
    assert saved is not None and saved.total == Money.from_pesos(21_000)
    assert news == [{number}]
    assert (await service.draft_for_order(number)).amount == Money.from_pesos(21_000)


class BrokenWrites:
    """A database whose writes fail (a full disk): reads pass through."""

    def __init__(self, db: DbExecutor) -> None:
        self._db = db

    async def read(self, fn: Any) -> Any:
        return await self._db.read(fn)

    async def write(self, fn: Any) -> Any:
        raise OSError(28, "No space left on device")


async def test_a_link_that_cannot_be_saved_here_is_switched_off_at_wompi(
    world: InProcessWorld,
) -> None:
    working = links_service(world)
    service = LinksService(
        BrokenWrites(world.executor),  # type: ignore[arg-type]
        working._wompi,
        lambda: SETTINGS,
    )
    with pytest.raises(LinksError, match="se desactivó en Wompi para que nadie lo pague"):
        await service.create(draft())
    [link] = world.sandbox._links.values()
    assert link["active"] is False
    assert await working.list() == []
