"""The seven reconciliation situations, made over a `LoopbackStack` the way each happens.

Shared by the command line's end to end test (tests/integration/test_back_office_end_to_end.py)
and the Conciliación page's (tests/gui/test_reconciliation_end_to_end.py), so both look at the
very same sales: paid and synced through `mestore sync --once`, an approval whose event was
dropped, and — through the sandbox's `/_sandbox/transactions/inject` control, silently — an
approval for an unknown reference, an amount mismatch under one of our references, a second
approval for a paid order and an approval after a cancel; plus an attempt recorded paid with a
transaction Wompi never had.

`every_situation` runs the CLI in-process (`asyncio.run` inside): call it before a qasync loop
is marked running on this thread.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from mestore_desktop.cli.main import main
from mestore_desktop.domain.payment import Observation, PaymentStatus, StatusSource
from mestore_desktop.domain.reconciliation import bogota_day
from mestore_desktop.store.repositories import OrderRepository
from tests.sync.harness import LoopbackStack

ORPHAN_REFERENCE = "PAGO-DESCONOCIDO-1"


def run(home: Path, *argv: str, stdin: str = "") -> int:
    try:
        return main(["--home", str(home), *argv], stdin=io.StringIO(stdin))
    except SystemExit as exc:  # argparse's usage errors
        return int(exc.code or 0)


def configure(home: Path, stack: LoopbackStack, *, private_key: bool = True) -> None:
    pairs = ["environment", "sandbox", "public_key", stack.keys.public_key]
    pairs += ["wompi_api_url", stack.wompi_api_url, "relay_url", stack.relay_url]
    pairs += ["store_name", "Tienda Ejemplo"]
    assert run(home, "config", "set", *pairs) == 0
    assert run(home, "secrets", "set", "relay_token", stdin=stack.token + "\n") == 0
    if private_key:
        secret = stack.keys.private_key + "\n"
        assert run(home, "secrets", "set", "wompi_private_key", stdin=secret) == 0


def control(stack: LoopbackStack, path: str, body: dict[str, Any] | None = None) -> Any:
    assert stack.sandbox_server is not None
    response = httpx.post(f"{stack.sandbox_server.base_url}/_sandbox/{path}", json=body or {})
    assert response.status_code in (200, 201), response.text
    return response.json()["data"]


def inject(stack: LoopbackStack, reference: str, pesos: int) -> str:
    body = {"reference": reference, "amount_in_cents": pesos * 100, "status": "APPROVED"}
    return str(control(stack, "transactions/inject", {**body, "silent": True})["id"])


def days() -> tuple[str, str]:
    """Yesterday to tomorrow in Bogotá: a run across midnight still covers every sale."""
    today = bogota_day(datetime.now(UTC))
    return (today - timedelta(days=1)).isoformat(), (today + timedelta(days=1)).isoformat()


def cancel(stack: LoopbackStack, number: int) -> None:
    at = datetime.now(UTC)
    stack.database.write(lambda s: OrderRepository(s).cancel_order(number, at))


def paid_locally_only(stack: LoopbackStack, pesos: int) -> str:
    """An attempt recorded APPROVED with a transaction Wompi never had (a bug, a restore)."""
    _, reference, amount = stack.add_order(pesos)
    obs = Observation(
        "99999-1700000000-12345", PaymentStatus.APPROVED, StatusSource.MANUAL, datetime.now(UTC),
        amount,
    )  # fmt: skip
    stack.database.write(lambda s: OrderRepository(s).apply_observation(reference, obs))
    return reference


def every_situation(home: Path, stack: LoopbackStack) -> dict[str, str]:
    """Each queue's name (`Queue` values) -> the reference that belongs in it (the matched
    sale; the duplicate's first payment is matched too)."""
    matched, duplicate = stack.sale(), stack.sale(50_000)
    for sale in (matched, duplicate):
        control(stack, f"transactions/{sale.transaction_id}/approve")
    stack.wait_delivered(2)
    assert run(home, "sync", "--once") == 0  # both recorded paid, as at the counter
    stale = stack.sale(30_000)
    control(stack, "events/drop", {"n": 1})
    control(stack, f"transactions/{stale.transaction_id}/approve")  # nobody hears of it
    _, mismatch, _ = stack.add_order(40_000)
    inject(stack, mismatch, 39_000)
    inject(stack, ORPHAN_REFERENCE, 12_000)
    inject(stack, duplicate.reference, 50_000)
    number, after_cancel, _ = stack.add_order(60_000)
    cancel(stack, number)
    inject(stack, after_cancel, 60_000)
    return {
        "matched": matched.reference,
        "stale_pending": stale.reference,
        "amount_mismatch": mismatch,
        "orphan": ORPHAN_REFERENCE,
        "duplicate_payment": duplicate.reference,
        "approved_after_cancel": after_cancel,
        "paid_without_approval": paid_locally_only(stack, 70_000),
    }
