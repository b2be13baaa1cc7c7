"""`ReconciliationService` over the sandbox (in-process) and SQLite: every page fetched with
progress, each situation in its queue, Bogotá days, late payments for older sales matched,
cancellable, the private key required in plain Spanish, stale rows applied (source reconcile)
and rows resolved with who and why, CSV per queue."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mestore_desktop.domain.payment import OrderStatus, PaymentStatus, StatusSource
from mestore_desktop.domain.reconciliation import Queue, Reconciliation
from mestore_desktop.services.back_office_base import (
    BackOfficeError,
    MissingPrivateKeyError,
    ReasonRequiredError,
)
from mestore_desktop.services.csv_export import read_csv
from mestore_desktop.services.reconciliation import (
    QUEUE_HEADER,
    FetchProgress,
    RangeError,
)
from tests.services.back_office_helpers import (
    ACTOR,
    audit_actions,
    cancel_order,
    cash_sale,
    inject,
    office,
    order_with_attempt,
    paid,
    today,
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


def references(result: Reconciliation, queue: Queue) -> list[str]:
    return [row.reference for row in result.rows(queue)]


async def every_situation(world: InProcessWorld) -> dict[str, str]:
    """One of each: the name of the situation → its reference."""
    matched = await paid(world)
    stale = world.sale(30_000)
    world.sandbox.approve(stale.transaction_id)  # the desktop never heard of it
    _, mismatch, _ = order_with_attempt(world, 40_000)
    inject(world, mismatch, 39_000)
    inject(world, "NADIE-LA-CONOCE", 12_000)
    duplicate = await paid(world, 50_000)
    inject(world, duplicate.reference, 50_000)  # the customer paid twice
    number, after_cancel, _ = order_with_attempt(world, 60_000)
    cancel_order(world, number)
    inject(world, after_cancel, 60_000)
    cash_sale(world, 10_000)
    return {
        "matched": matched.reference,
        "stale": stale.reference,
        "mismatch": mismatch,
        "orphan": "NADIE-LA-CONOCE",
        "duplicate": duplicate.reference,
        "after_cancel": after_cancel,
    }


async def test_each_situation_lands_in_its_queue(world: InProcessWorld) -> None:
    refs = await every_situation(world)
    seen: list[FetchProgress] = []
    result = await office(world).reconciliation.run(today(), today(), seen.append)
    assert references(result, Queue.MATCHED) == [refs["matched"], refs["duplicate"]]
    assert references(result, Queue.STALE_PENDING) == [refs["stale"]]
    assert references(result, Queue.AMOUNT_MISMATCH) == [refs["mismatch"]]
    assert references(result, Queue.ORPHAN) == [refs["orphan"]]
    assert references(result, Queue.DUPLICATE_PAYMENT) == [refs["duplicate"]]
    assert references(result, Queue.APPROVED_AFTER_CANCEL) == [refs["after_cancel"]]
    assert result.count(Queue.PAID_WITHOUT_APPROVAL) == 0
    assert result.open_exceptions() == 5
    assert seen == [FetchProgress(pages=1, transactions=7)]
    cash = [t for t in result.totals if t.method == "CASH"]
    assert [(t.count, t.total_cents) for t in cash] == [(1, 1_000_000)]


async def test_every_page_is_fetched_and_progress_reported_after_each(
    world: InProcessWorld,
) -> None:
    for n in range(450):
        inject(world, f"AJENA-{n:03d}", 1_000)
    seen: list[FetchProgress] = []
    result = await office(world).reconciliation.run(today(), today(), seen.append)
    assert result.count(Queue.ORPHAN) == 450
    assert seen == [FetchProgress(1, 200), FetchProgress(2, 400), FetchProgress(3, 450)]


async def test_only_the_bogota_days_asked_for_count(world: InProcessWorld) -> None:
    day = today()
    # 21:30 in Bogotá the evening before, already "today" in UTC.
    evening = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=2, minutes=30)
    inject(world, "AYER-EN-BOGOTA", 1_000, created_at=evening.isoformat())
    inject(world, "HOY", 1_000)
    service = office(world).reconciliation
    assert references(await service.run(day, day), Queue.ORPHAN) == ["HOY"]
    yesterday = day - timedelta(days=1)
    assert references(await service.run(yesterday, yesterday), Queue.ORPHAN) == ["AYER-EN-BOGOTA"]


async def test_a_late_payment_for_an_older_sale_is_matched_not_an_orphan(
    world: InProcessWorld,
) -> None:
    number, reference, _ = order_with_attempt(world, 20_000, datetime.now(UTC) - timedelta(days=4))
    cancel_order(world, number)
    inject(world, reference, 20_000)
    result = await office(world).reconciliation.run(today(), today())
    assert references(result, Queue.APPROVED_AFTER_CANCEL) == [reference]
    assert result.count(Queue.ORPHAN) == 0


async def test_without_the_private_key_it_says_so_in_spanish(world: InProcessWorld) -> None:
    with pytest.raises(MissingPrivateKeyError) as raised:
        await office(world, private_key=False).reconciliation.run(today(), today())
    assert str(raised.value).startswith("Falta la llave privada de Wompi")


async def test_an_inverted_or_huge_range_is_refused(world: InProcessWorld) -> None:
    service = office(world).reconciliation
    with pytest.raises(RangeError, match="invertido"):
        await service.run(today(), today() - timedelta(days=1))
    with pytest.raises(RangeError, match="93"):
        await service.run(today() - timedelta(days=200), today())


async def test_cancelling_the_task_stops_the_fetch(world: InProcessWorld) -> None:
    for n in range(250):
        inject(world, f"AJENA-{n:03d}", 1_000)
    world.sandbox.set_latency(300)
    reconciliation = office(world).reconciliation
    first_page = asyncio.Event()
    task = asyncio.ensure_future(reconciliation.run(today(), today(), lambda _: first_page.set()))
    await asyncio.wait_for(first_page.wait(), 10)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert reconciliation.memory.results == {}


async def test_applying_stale_rows_settles_them_with_source_reconcile(
    world: InProcessWorld,
) -> None:
    refs = await every_situation(world)
    back_office = office(world)
    service = back_office.reconciliation
    result = await service.run(today(), today())
    stale = result.rows(Queue.STALE_PENDING)
    changes = await service.apply_stale(stale, ACTOR, "Wompi ya lo aprobó")
    assert [(c.reference, c.to_status, c.source) for c in changes] == [
        (refs["stale"], PaymentStatus.APPROVED, StatusSource.RECONCILE)
    ]
    [row] = stale
    assert world.order_status(row.order_number or 0) is OrderStatus.PAID
    [(action, actor, detail)] = audit_actions(world, "reconcile.")
    assert (action, actor) == ("reconcile.applied", ACTOR)
    assert detail.endswith("reason=Wompi ya lo aprobó")
    again = await service.rematch(today(), today())
    assert again.count(Queue.STALE_PENDING) == 0
    assert refs["stale"] in references(again, Queue.MATCHED)
    unresolved = service.memory.unresolved(today())
    assert unresolved is not None
    assert Queue.STALE_PENDING not in unresolved


async def test_only_stale_rows_take_wompis_status(world: InProcessWorld) -> None:
    await every_situation(world)
    service = office(world).reconciliation
    result = await service.run(today(), today())
    with pytest.raises(BackOfficeError, match="Sin pedido"):
        await service.apply_stale(result.rows(Queue.ORPHAN), ACTOR, "no")
    with pytest.raises(ReasonRequiredError):
        await service.apply_stale(result.rows(Queue.STALE_PENDING), ACTOR, "  ")


async def test_resolving_a_row_is_audited_and_leaves_the_open_counts(
    world: InProcessWorld,
) -> None:
    await every_situation(world)
    service = office(world).reconciliation
    result = await service.run(today(), today())
    [orphan] = result.rows(Queue.ORPHAN)
    assert service.memory.unresolved(today()) == {
        Queue.STALE_PENDING: 1,
        Queue.AMOUNT_MISMATCH: 1,
        Queue.ORPHAN: 1,
        Queue.DUPLICATE_PAYMENT: 1,
        Queue.APPROVED_AFTER_CANCEL: 1,
    }
    with pytest.raises(ReasonRequiredError):
        await service.resolve(orphan, ACTOR, "")
    await service.resolve(orphan, ACTOR, "pago de otra tienda, reportado a Wompi")
    [(action, actor, detail)] = audit_actions(world, "reconcile.")
    assert (action, actor) == ("reconcile.resolved", ACTOR)
    assert "queue=orphan" in detail
    assert "reference=NADIE-LA-CONOCE" in detail
    assert Queue.ORPHAN not in (service.memory.unresolved(today()) or {})
    assert service.memory.unresolved(today() - timedelta(days=1)) is None


async def test_export_writes_a_csv_per_queue_and_the_totals(
    world: InProcessWorld, tmp_path: Path
) -> None:
    refs = await every_situation(world)
    service = office(world).reconciliation
    result = await service.run(today(), today())
    paths = service.export_csv(result, tmp_path / "csv")
    day = today().isoformat()
    assert [p.name for p in paths] == [
        f"conciliacion_{day}_{day}_{name}.csv"
        for name in (
            "conciliadas",
            "pendientes_resueltas_en_wompi",
            "montos_distintos",
            "sin_pedido",
            "pagadas_sin_wompi",
            "pago_doble",
            "aprobado_tras_cancelar",
            "totales",
        )
    ]
    assert all(p.read_bytes().startswith(b"\xef\xbb\xbf") for p in paths)
    header, *rows = list(read_csv(paths[2]))
    assert tuple(header) == QUEUE_HEADER
    [row] = rows
    assert row[:3] == ["Montos distintos", day, refs["mismatch"]]
    assert (row[6], row[7]) == ("39000", "40000")
    assert list(read_csv(paths[4])) == [list(QUEUE_HEADER)]  # empty queue: header only
    totals = list(read_csv(paths[7]))
    assert totals[0] == ["Día", "Medio de pago", "Pagos aprobados", "Total (pesos)"]
    assert [day, "CASH", "1", "10000"] in totals
