"""Issue 10 end to end over real HTTP on loopback (tests/sync/harness.py `LoopbackStack`: the
sandbox and the relay as servers, the desktop's SQLite file in a CLI home).

Each reconciliation situation is made the way it happens: sales paid and synced through
`mestore sync --once`, an approval whose event was dropped, and — through the sandbox's
`/_sandbox/transactions/inject` control, silently — an approval for an unknown reference, an
amount mismatch under one of our references, a second approval for a paid order and an
approval after a cancel. Then `mestore reconcile` (in-process `main`) shows each in its queue,
its `--json` has the issue's shape, `--apply` fixes `stale_pending` (source reconcile) and the
exit code says whether anything is left. A void through the back office's `OrdersService`
ends VOIDED at the sandbox, locally and in the audit log.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from mestore_desktop.cli import back_office_commands
from mestore_desktop.domain.payment import (
    OrderStatus,
    PaymentStatus,
    StatusSource,
)
from mestore_desktop.domain.reconciliation import Queue, bogota_day
from mestore_desktop.paths import database_path
from mestore_desktop.services.back_office import build_back_office
from mestore_desktop.services.csv_export import read_csv
from mestore_desktop.settings import SettingsFile
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.repositories import OrderRepository
from tests.support.back_office_situations import configure, control, days, every_situation, run
from tests.sync.harness import LoopbackStack

ROW_KEYS = {"reference", "transaction_id", "status", "local_status", "amount_cents"}


@pytest.fixture
def stack(home: Path) -> Iterator[LoopbackStack]:
    with LoopbackStack(home, database=database_path(home)) as stack:
        yield stack


def ours(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("mestore:")]


def reconcile(home: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, Any]:
    first, last = days()
    capsys.readouterr()
    code = run(home, "reconcile", "--from", first, "--to", last, "--json", *extra)
    return code, json.loads(capsys.readouterr().out)


def queue_refs(document: Any, queue: str) -> list[str]:
    return [row["reference"] for row in document["queues"][queue]["rows"]]


def test_each_situation_shows_in_its_queue_and_apply_fixes_the_stale_one(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(home, stack)
    refs = every_situation(home, stack)
    code, document = reconcile(home, capsys)
    assert code == 3
    assert set(document) >= {"from", "to", "queues"}
    assert (document["from"], document["to"]) == days()
    assert list(document["queues"]) == [q.value for q in Queue]
    for queue in Queue:
        entry = document["queues"][queue.value]
        assert entry["count"] == len(entry["rows"])
        assert entry["total_cents"] == sum(r["amount_cents"] for r in entry["rows"])
        assert all(set(r) >= ROW_KEYS for r in entry["rows"])
    for queue in Queue:
        if queue is not Queue.MATCHED:
            assert queue_refs(document, queue.value) == [refs[queue.value]], queue
    assert queue_refs(document, "matched") == [refs["matched"], refs["duplicate_payment"]]
    [mismatch] = document["queues"]["amount_mismatch"]["rows"]
    assert (mismatch["amount_cents"], mismatch["status"]) == (3_900_000, "APPROVED")
    [orphan] = document["queues"]["orphan"]["rows"]
    assert orphan["local_status"] is None
    [stale] = document["queues"]["stale_pending"]["rows"]
    assert (stale["status"], stale["local_status"]) == ("APPROVED", "PENDING")

    code, applied = reconcile(home, capsys, "--apply")
    assert code == 3  # the other queues are still open
    assert [(a["reference"], a["to_status"], a["source"]) for a in applied["applied"]] == [
        (refs["stale_pending"], "APPROVED", "reconcile")
    ]
    assert applied["queues"]["stale_pending"]["count"] == 0
    assert refs["stale_pending"] in queue_refs(applied, "matched")
    last = stack.history(refs["stale_pending"])[-1]
    assert (last.to_status, last.source) == (PaymentStatus.APPROVED, StatusSource.RECONCILE)
    number = stack.database.read(
        lambda s: OrderRepository(s).get_attempt(refs["stale_pending"]).order_number
    )
    assert stack.order_status(number) is OrderStatus.PAID


def test_the_text_report_names_each_queue_with_its_count_and_total(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(home, stack)
    every_situation(home, stack)
    first, last = days()
    capsys.readouterr()
    assert run(home, "reconcile", "--from", first, "--to", last) == 3
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0] == f"Conciliación del {first} al {last}"
    summary = {line.split("  ")[0]: line for line in lines[1:8]}
    assert "$ 12.000" in summary["Sin pedido"]
    assert " 1 " in summary["Sin pedido"]
    assert "$ 75.000" in summary["Conciliadas"]  # 25.000 + 50.000
    assert "PAGO-DESCONOCIDO-1" in captured.out
    assert ours(captured.err) == ["mestore: quedan 6 fila(s) por revisar en la conciliación"]


def test_apply_with_only_a_stale_payment_left_exits_0_and_stays_0(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(home, stack)
    sale = stack.sale()
    control(stack, "events/drop", {"n": 1})
    control(stack, f"transactions/{sale.transaction_id}/approve")
    code, before = reconcile(home, capsys)
    assert (code, queue_refs(before, "stale_pending")) == (3, [sale.reference])
    code, after = reconcile(home, capsys, "--apply")
    assert code == 0
    assert after["queues"]["matched"]["count"] == 1
    assert stack.order_status(sale.order_number) is OrderStatus.PAID
    assert reconcile(home, capsys)[0] == 0
    code, again = reconcile(home, capsys, "--apply")
    assert (code, again["applied"]) == (0, [])


def test_csv_export_writes_excel_es_co_files(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    configure(home, stack)
    refs = every_situation(home, stack)
    out_dir = tmp_path / "conciliacion"
    code, _ = reconcile(home, capsys, "--csv", str(out_dir))
    assert code == 3
    files = sorted(out_dir.iterdir())
    assert len(files) == len(Queue) + 1
    assert all(f.read_bytes().startswith(b"\xef\xbb\xbf") for f in files)
    [orphans] = [f for f in files if f.name.endswith("_sin_pedido.csv")]
    header, row = list(read_csv(orphans))
    assert header[:3] == ["Cola", "Día", "Referencia"]
    assert (row[0], row[2], row[6]) == ("Sin pedido", refs["orphan"], "12000")
    assert b";" in orphans.read_bytes().splitlines()[0]


def test_without_the_private_key_reconcile_says_so_and_exits_1(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(home, stack, private_key=False)
    first, last = days()
    capsys.readouterr()
    assert run(home, "reconcile", "--from", first, "--to", last) == 1
    [line] = ours(capsys.readouterr().err)
    assert line.startswith("mestore: Falta la llave privada de Wompi")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--from", "2025-13-01", "--to", "2025-01-02"], "no es una fecha válida"),
        (["--from", "2025-03-14", "--to", "2025-3-15"], "no es una fecha válida"),
        (["--from", "2025-03-14", "--to", "2025-03-13"], "--to (2025-03-13) es anterior a"),
    ],
)
def test_bad_arguments_are_one_clear_line_and_exit_2(
    home: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert run(home, "reconcile", *argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len([line for line in err.splitlines() if message in line]) == 1


def test_a_void_through_pedidos_ends_voided_everywhere(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(home, stack)
    sale = stack.sale()
    control(stack, f"transactions/{sale.transaction_id}/approve")
    stack.wait_delivered(1)
    assert run(home, "sync", "--once") == 0
    assert stack.order_status(sale.order_number) is OrderStatus.PAID

    async def void() -> tuple[str, PaymentStatus, str]:
        executor = DbExecutor(stack.database)
        try:
            async with httpx.AsyncClient() as http:
                office = build_back_office(SettingsFile(home), executor, http)
                check = await office.orders.void_check(sale.reference)
                assert check.can_void, check.reason
                attempt = await office.orders.void(sale.reference, office.actor, "devolución")
                return office.actor, attempt.status, str(check.reason)
        finally:
            executor.shutdown()

    actor, status, reason = asyncio.run(void())
    assert status is PaymentStatus.VOIDED
    assert "$ 25.000" in reason
    assert stack.sandbox.get_transaction(sale.transaction_id)["status"] == "VOIDED"  # type: ignore[index]
    assert stack.order_status(sale.order_number) is OrderStatus.VOIDED
    last = stack.history(sale.reference)[-1]
    assert (last.to_status, last.source) == (PaymentStatus.VOIDED, StatusSource.MANUAL)
    entries = stack.database.read(lambda s: OrderRepository(s).audit_entries())
    voided = [e for e in entries if e.action == "payment.voided"]
    assert [(e.actor, e.detail.endswith("reason=devolución")) for e in voided] == [(actor, True)]
    # The void's own event arrives later through the relay: nothing changes, nothing conflicts.
    stack.wait_delivered(2)
    assert run(home, "sync", "--once") == 0
    assert stack.order_status(sale.order_number) is OrderStatus.VOIDED
    assert not [e for e in entries if e.action == "payment.conflict"]
    code, document = reconcile(home, capsys)
    assert (code, queue_refs(document, "matched")) == (0, [sale.reference])


def test_orders_list_filters(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(home, stack)
    paid, waiting = stack.sale(), stack.sale(30_000)
    control(stack, f"transactions/{paid.transaction_id}/approve")
    stack.wait_delivered(1)
    assert run(home, "sync", "--once") == 0
    first, last = days()

    def numbers(*argv: str) -> list[int]:
        capsys.readouterr()
        assert run(home, "orders", "list", "--json", *argv) == 0
        return [o["number"] for o in json.loads(capsys.readouterr().out)]

    assert numbers("--status", "paid") == [paid.order_number]
    assert numbers("--status", "paid,awaiting_payment") == [
        waiting.order_number,
        paid.order_number,
    ]
    assert numbers("--search", waiting.reference) == [waiting.order_number]
    assert numbers("--from", first, "--to", last, "--limit", "1") == [waiting.order_number]
    assert numbers("--from", "2020-01-01", "--to", "2020-01-31") == []
    capsys.readouterr()
    assert run(home, "orders", "list", "--search", "nadie@example.com") == 0
    assert capsys.readouterr().out == "Ningún pedido coincide.\n"
    assert run(home, "orders", "list", "--status", "pagado") == 2
    assert "estado desconocido «pagado»" in capsys.readouterr().err


def test_day_close_closes_once_shows_the_saved_close_and_refuses_changes(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(home, stack)
    sale = stack.sale()
    control(stack, f"transactions/{sale.transaction_id}/approve")
    stack.wait_delivered(1)
    assert run(home, "sync", "--once") == 0
    pending = stack.sale(7_000)
    today = bogota_day(datetime.now(UTC)).isoformat()
    capsys.readouterr()
    assert run(home, "day-close", "--date", today, "--preview", "--json") == 0
    preview = json.loads(capsys.readouterr().out)
    assert "closed_at" not in preview
    tenders = {t["key"]: t["total_cents"] for t in preview["by_tender"]}
    assert tenders == {"CASH": 0, "WOMPI": 2_500_000}
    assert [p["reference"] for p in preview["pending"]] == [pending.reference]
    argv = ["day-close", "--date", today, "--cash-counted", "1.500", "--note", "sobrante"]
    assert run(home, *argv, "--json") == 0
    closed = json.loads(capsys.readouterr().out)
    assert (closed["cash_counted_cents"], closed["difference_cents"]) == (150_000, 150_000)
    assert closed["closed_by"].endswith("@T01")
    assert run(home, "day-close", "--date", today) == 0
    text = capsys.readouterr().out
    assert "Cerrado el" in text
    assert "Diferencia: $ 1.500 (sobra efectivo)" in text
    assert "no se concilió en esta sesión" in text
    assert run(home, "day-close", "--date", today, "--cash-counted", "2000") == 1
    [line] = ours(capsys.readouterr().err)
    assert "ya está cerrado" in line


def test_day_close_refuses_negative_cash_and_bad_dates(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "day-close", "--date", "2025-03-14", "--cash-counted", "-5") == 2
    assert "no puede ser negativo" in capsys.readouterr().err
    assert run(home, "day-close", "--date", "14/03/2025") == 2
    assert "no es una fecha válida" in capsys.readouterr().err


def test_day_close_pdf_is_made_by_the_desktops_renderer(
    home: Path, stack: LoopbackStack, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    configure(home, stack)
    today = bogota_day(datetime.now(UTC)).isoformat()
    pdf = tmp_path / "cierre.pdf"
    assert run(home, "day-close", "--date", today, "--preview", "--pdf", str(pdf)) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert f"PDF: {pdf}" in capsys.readouterr().out


def test_day_close_pdf_without_pyside6_says_so(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(back_office_commands, "pyside_available", lambda: False)
    argv = ["day-close", "--date", "2025-03-14", "--preview", "--pdf", "x.pdf"]
    assert run(home, *argv) == 1
    [line] = ours(capsys.readouterr().err)
    assert "falta PySide6" in line
