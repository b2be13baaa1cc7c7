"""`DayCloseService` over SQLite: preview from the terminal's day, close once, reopen only with a
reason (audited), and unresolved queues from a reconciliation run in this session."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from mestore_desktop.domain.reconciliation import Queue
from mestore_desktop.services.back_office_base import ReasonRequiredError
from mestore_desktop.services.day_close import record_json
from mestore_desktop.store.reconciliation_repository import DayAlreadyClosedError
from tests.services.back_office_helpers import (
    ACTOR,
    audit_actions,
    cash_sale,
    inject,
    office,
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


async def test_preview_close_and_reopen(world: InProcessWorld) -> None:
    await paid(world, 25_000)
    cash_sale(world, 10_000)
    pending = world.sale(7_000)
    day_close = office(world).day_close
    report = await day_close.preview("T01", today(), 9_500_00, "faltó cambio")
    assert [(t.key, t.count, t.total_cents) for t in report.by_tender] == [
        ("CASH", 1, 10_000_00),
        ("WOMPI", 1, 25_000_00),
    ]
    assert (report.cash_expected_cents, report.difference_cents) == (10_000_00, -500_00)
    assert [a.reference for a in report.pending] == [pending.reference]
    assert report.unresolved == {}  # no reconciliation in this session
    assert await day_close.get("T01", today()) is None
    record = await day_close.close(report, ACTOR)
    assert (record.closed_by, record.report) == (ACTOR, report)
    assert await day_close.get("T01", today()) == record
    with pytest.raises(DayAlreadyClosedError):
        await day_close.close(report, ACTOR)
    with pytest.raises(ReasonRequiredError):
        await day_close.reopen("T01", today(), "  ", ACTOR)
    reopened = await day_close.reopen("T01", today(), "faltó una venta en efectivo", ACTOR)
    assert (reopened.reopened_by, reopened.reopen_reason) == (ACTOR, "faltó una venta en efectivo")
    actions = [(a, who) for a, who, _ in audit_actions(world, "day_close.")]
    assert actions == [("day_close.closed", ACTOR), ("day_close.reopened", ACTOR)]
    document = record_json(reopened)
    assert document["reopened_by"] == ACTOR
    assert document["day"] == today().isoformat()


async def test_unresolved_queues_come_from_this_sessions_reconciliation(
    world: InProcessWorld,
) -> None:
    inject(world, "DE-OTRA-TIENDA", 5_000)
    back_office = office(world)
    await back_office.reconciliation.run(today(), today())
    report = await back_office.day_close.preview("T01", today())
    assert report.unresolved == {Queue.ORPHAN: 1}
