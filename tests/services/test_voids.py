"""*Anular* against the sandbox (in-process ASGI) and SQLite: an approved card payment ends
VOIDED at Wompi and here (source manual, who and why audited); anything else says why not and
how to refund at Wompi; a void whose answer is lost is read back before anything is said."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.payment import (
    OrderStatus,
    PaymentStatus,
    StatusSource,
    Tender,
)
from mestore_desktop.services.back_office_base import FixedWompi, ReasonRequiredError
from mestore_desktop.services.voids import (
    VoidFailedError,
    VoidRefusedError,
    VoidService,
    VoidUncertainError,
)
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.sync.apply import apply_transactions
from mestore_desktop.wompi.client import WompiClient
from tests.sync.harness import NEQUI, InProcessWorld, Sale, quick_wompi

pytestmark = pytest.mark.anyio

ACTOR = "ana@T01"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[InProcessWorld]:
    async with InProcessWorld(tmp_path) as world:
        yield world


class Scripted(httpx.AsyncBaseTransport):
    """The sandbox app, with a hook that may replace or spoil the answer to a void."""

    def __init__(self, app: Any, on_void: Callable[[], httpx.Response | None] | None) -> None:
        self._inner = httpx.ASGITransport(app=app)
        self.on_void = on_void
        self.voids = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/void") and self.on_void is not None:
            self.voids += 1
            return await self._void(request)
        return await self._inner.handle_async_request(request)

    async def _void(self, request: httpx.Request) -> httpx.Response:
        assert self.on_void is not None
        answer = self.on_void()
        if answer is not None:
            return answer
        await self._inner.handle_async_request(request)  # the void happens…
        raise httpx.ReadTimeout("lost", request=request)  # …and its answer is lost


def service(world: InProcessWorld, wompi: WompiClient | None = None, **kw: Any) -> VoidService:
    return VoidService(world.executor, FixedWompi(wompi or world.wompi(), **kw))


def scripted_wompi(
    world: InProcessWorld, on_void: Callable[[], httpx.Response | None]
) -> tuple[WompiClient, Scripted]:
    transport = Scripted(world.sandbox_app, on_void)
    http = httpx.AsyncClient(transport=transport, base_url="http://sandbox.test")
    world._clients.append(http)
    return quick_wompi(http, "http://sandbox.test/v1", world.keys), transport


async def paid(world: InProcessWorld, method: dict[str, Any] | None = None) -> Sale:
    """A sale approved at Wompi and recorded here."""
    sale = world.sale(method=method)
    world.sandbox.approve(sale.transaction_id)
    tx = await world.wompi().get_transaction(sale.transaction_id)
    at = datetime.now(UTC)
    world.database.write(
        lambda s: apply_transactions(s, [tx], source=StatusSource.POLL, at=at, evidence="test")
    )
    assert world.order_status(sale.order_number) is OrderStatus.PAID
    return sale


def audit(world: InProcessWorld) -> list[tuple[str, str, str]]:
    entries = world.database.read(lambda s: OrderRepository(s).audit_entries())
    return [(e.action, e.actor, e.detail) for e in reversed(entries) if "void" in e.action]


async def test_an_approved_card_payment_is_voided_at_wompi_and_here(
    world: InProcessWorld,
) -> None:
    sale = await paid(world)
    voids = service(world)
    check = await voids.check(sale.reference)
    assert check.can_void
    assert "$ 25.000" in str(check.reason)
    assert sale.transaction_id in str(check.reason)
    attempt = await voids.void(sale.reference, ACTOR, "  cliente devolvió   el producto ")
    assert (attempt.status, attempt.transaction_id) == (PaymentStatus.VOIDED, sale.transaction_id)
    assert world.sandbox.get_transaction(sale.transaction_id)["status"] == "VOIDED"  # type: ignore[index]
    assert world.order_status(sale.order_number) is OrderStatus.VOIDED
    last = world.history(sale.reference)[-1]
    assert (last.to_status, last.source) == (PaymentStatus.VOIDED, StatusSource.MANUAL)
    assert f"actor={ACTOR}" in last.evidence
    [(requested, who, detail), (voided, who2, _)] = audit(world)
    assert (requested, voided, who, who2) == (
        "payment.void_requested",
        "payment.voided",
        ACTOR,
        ACTOR,
    )
    assert f"order={sale.order_number} reference={sale.reference}" in detail
    assert detail.endswith("reason=cliente devolvió el producto")
    again = await voids.check(sale.reference)
    assert not again.can_void
    assert "ya está anulado" in str(again.reason)


async def test_a_nequi_payment_cannot_be_voided_and_says_how_to_refund(
    world: InProcessWorld,
) -> None:
    sale = await paid(world, NEQUI)
    voids = service(world)
    check = await voids.check(sale.reference)
    assert not check.can_void
    assert "solo anula pagos con tarjeta" in str(check.reason)
    assert "Nequi" in str(check.reason)
    assert "panel de comercios de Wompi" in str(check.reason)
    with pytest.raises(VoidRefusedError, match="panel de comercios"):
        await voids.void(sale.reference, ACTOR, "cliente pidió devolución")
    assert world.sandbox.get_transaction(sale.transaction_id)["status"] == "APPROVED"  # type: ignore[index]
    assert audit(world) == []


async def test_a_pending_payment_has_nothing_to_void(world: InProcessWorld) -> None:
    sale = world.sale()
    check = await service(world).check(sale.reference)
    assert not check.can_void
    assert "pendiente" in str(check.reason)


async def test_a_cash_sale_is_returned_at_the_till(world: InProcessWorld) -> None:
    number, _, amount = world.add_order()

    def cash(session: Any) -> str:
        repo = OrderRepository(session)
        for attempt in repo.attempts_for(number):
            repo.abandon_attempt(attempt.reference, datetime.now(UTC))
        return repo.new_attempt(
            number, Tender.CASH, datetime.now(UTC), cash_received=amount + Money.from_pesos(5000)
        ).reference

    reference = world.database.write(cash)
    check = await service(world).check(reference)
    assert not check.can_void
    assert "efectivo" in str(check.reason)


async def test_an_unknown_reference_is_said_plainly(world: InProcessWorld) -> None:
    check = await service(world).check("T01-NOPE-000001-1")
    assert (check.can_void, str(check.reason)) == (
        False,
        "No existe el pago T01-NOPE-000001-1 en esta base de datos.",
    )


async def test_without_the_private_key_it_says_so_and_how_to_refund(
    world: InProcessWorld,
) -> None:
    sale = await paid(world)
    check = await service(world, private_key=False).check(sale.reference)
    assert not check.can_void
    assert str(check.reason).startswith("Falta la llave privada de Wompi")
    assert sale.transaction_id in str(check.reason)


async def test_a_reason_is_required(world: InProcessWorld) -> None:
    sale = await paid(world)
    with pytest.raises(ReasonRequiredError):
        await service(world).void(sale.reference, ACTOR, "   ")
    assert world.sandbox.get_transaction(sale.transaction_id)["status"] == "APPROVED"  # type: ignore[index]


async def test_a_void_whose_answer_is_lost_is_read_back_and_recorded(
    world: InProcessWorld,
) -> None:
    sale = await paid(world)
    wompi, transport = scripted_wompi(world, lambda: None)
    attempt = await service(world, wompi).void(sale.reference, ACTOR, "error de cobro")
    assert transport.voids == 1  # never sent twice
    assert attempt.status is PaymentStatus.VOIDED
    assert world.order_status(sale.order_number) is OrderStatus.VOIDED


async def test_a_lost_void_that_did_not_happen_is_not_reported_as_done(
    world: InProcessWorld,
) -> None:
    sale = await paid(world)

    def lost_before_wompi() -> httpx.Response:
        raise httpx.ConnectTimeout("no route")

    wompi, transport = scripted_wompi(world, lost_before_wompi)
    with pytest.raises(VoidUncertainError, match="todavía muestra el pago aprobado"):
        await service(world, wompi).void(sale.reference, ACTOR, "error de cobro")
    assert transport.voids == 1
    assert world.order_status(sale.order_number) is OrderStatus.PAID
    actions = [a for a, _, _ in audit(world)]
    assert actions == ["payment.void_requested", "payment.void_unconfirmed"]


async def test_a_void_wompi_refuses_says_why_and_how_to_refund(world: InProcessWorld) -> None:
    sale = await paid(world)
    refusal = httpx.Response(
        422,
        json={"error": {"type": "INPUT_VALIDATION_ERROR", "messages": {"id": ["Ya liquidada"]}}},
    )
    wompi, _ = scripted_wompi(world, lambda: refusal)
    with pytest.raises(VoidFailedError) as raised:
        await service(world, wompi).void(sale.reference, ACTOR, "error de cobro")
    assert "Wompi no anuló el pago" in str(raised.value)
    assert "panel de comercios de Wompi" in str(raised.value)
    assert world.order_status(sale.order_number) is OrderStatus.PAID
    assert [a for a, _, _ in audit(world)] == ["payment.void_requested", "payment.void_failed"]
