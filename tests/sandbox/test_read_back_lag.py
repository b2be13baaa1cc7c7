"""The read-back lag control: `POST /_sandbox/transactions/{id}/lag` {"reads": n} | {"seconds": s}.

After the transaction's next change, `GET /v1/transactions/{id}` keeps answering the status
before it n times (or for s seconds), as Wompi's API may just after sending an event; searches,
events and the control listing always show the truth.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from mestore_desktop.sandbox.config import SandboxKeys
from mestore_desktop.sandbox.lag import ReadBackLags
from mestore_desktop.sandbox.state import Sandbox
from tests.sandbox.helpers import bearer

pytestmark = pytest.mark.anyio

CARD = {
    "type": "CARD",
    "number": "4242424242424242",
    "cvc": "123",
    "exp_month": "12",
    "exp_year": "35",
    "card_holder": "Cliente Ejemplo",
    "installments": 1,
}


def new_tx(sandbox: Sandbox, reference: str = "T01-LAG-000001-1") -> str:
    tx = sandbox.create_transaction(
        amount_in_cents=2500000,
        currency="COP",
        reference=reference,
        customer_email="cliente@example.com",
        payment_method=dict(CARD),
        customer_data={"full_name": "Cliente Ejemplo", "phone_number": "+573001112233"},
    )
    return str(tx["id"])


async def read(client: httpx.AsyncClient, tx_id: str) -> str:
    response = await client.get(f"/v1/transactions/{tx_id}")
    assert response.status_code == 200, response.text
    return str(response.json()["data"]["status"])


async def lag(client: httpx.AsyncClient, tx_id: str, **body: Any) -> httpx.Response:
    return await client.post(f"/_sandbox/transactions/{tx_id}/lag", json=body)


async def test_a_void_is_read_back_as_approved_for_the_next_n_reads(
    client: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    tx_id = new_tx(sandbox)
    sandbox.approve(tx_id)
    response = await lag(client, tx_id, reads=2)
    assert response.status_code == 200
    assert response.json()["data"] == {
        "transaction_id": tx_id,
        "status": "APPROVED",
        "reads": 2,
        "seconds": None,
    }
    # Reads before the change show nothing newer: answered as they are, not counted.
    assert [await read(client, tx_id) for _ in range(3)] == ["APPROVED"] * 3
    sandbox.void(tx_id)
    assert [await read(client, tx_id) for _ in range(3)] == ["APPROVED", "APPROVED", "VOIDED"]
    assert await read(client, tx_id) == "VOIDED"


async def test_an_approval_is_read_back_as_pending_with_its_pending_fields(
    client: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    tx_id = new_tx(sandbox)
    sandbox.lag_read_back(tx_id, reads=1)
    sandbox.approve(tx_id)
    held = (await client.get(f"/v1/transactions/{tx_id}")).json()["data"]
    assert (held["status"], held["finalized_at"]) == ("PENDING", None)
    assert held["merchant"]["public_key"].startswith("pub_test_")
    assert await read(client, tx_id) == "APPROVED"


async def test_only_reads_by_id_lag(
    client: httpx.AsyncClient, sandbox: Sandbox, keys: SandboxKeys
) -> None:
    tx_id = new_tx(sandbox, "T01-LAG-000002-1")
    await lag(client, tx_id, reads=5)
    sandbox.decline(tx_id)
    found = await client.get(
        "/v1/transactions",
        params={"reference": "T01-LAG-000002-1"},
        headers=bearer(keys.private_key),
    )
    assert [t["status"] for t in found.json()["data"]] == ["DECLINED"]
    listed = (await client.get("/_sandbox/transactions")).json()["data"]
    assert [t["status"] for t in listed if t["id"] == tx_id] == ["DECLINED"]
    assert [e["data"]["transaction"]["status"] for e in sandbox.published_events()] == ["DECLINED"]
    assert await read(client, tx_id) == "PENDING"


async def test_a_lag_in_seconds_ends_after_that_long_from_the_change(
    client: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    tx_id = new_tx(sandbox)
    await lag(client, tx_id, seconds=0.3)
    await asyncio.sleep(0.4)  # counted from the change, not from the control
    sandbox.approve(tx_id)
    assert [await read(client, tx_id) for _ in range(4)] == ["PENDING"] * 4
    await asyncio.sleep(0.4)
    assert await read(client, tx_id) == "APPROVED"


async def test_zero_ends_a_lag(client: httpx.AsyncClient, sandbox: Sandbox) -> None:
    tx_id = new_tx(sandbox)
    await lag(client, tx_id, reads=3)
    response = await lag(client, tx_id, reads=0)
    assert response.json()["data"]["status"] is None
    sandbox.approve(tx_id)
    assert await read(client, tx_id) == "APPROVED"


@pytest.mark.parametrize(
    "body",
    [{}, {"reads": 1, "seconds": 1}, {"reads": -1}, {"reads": 1.5}, {"seconds": "x"}],
)
async def test_the_control_validates_its_body(
    client: httpx.AsyncClient, sandbox: Sandbox, body: dict[str, Any]
) -> None:
    tx_id = new_tx(sandbox)
    assert (await lag(client, tx_id, **body)).status_code == 422


async def test_an_unknown_transaction_is_404(client: httpx.AsyncClient) -> None:
    assert (await lag(client, "1-1-1", reads=1)).status_code == 404


def test_seconds_count_from_the_first_change_on_the_lags_own_clock() -> None:
    now = [100.0]
    lags = ReadBackLags(monotonic=lambda: now[0])
    before, after = {"status": "APPROVED"}, {"status": "VOIDED"}
    lags.freeze("tx", before, seconds=5)
    now[0] = 200.0
    lags.changed("tx")
    now[0] = 204.9
    assert lags.answer("tx", after) == before
    lags.changed("tx")  # a second change does not restart the count
    now[0] = 205.0
    assert lags.answer("tx", after) == after
    assert lags.describe("tx")["status"] is None
    with pytest.raises(ValueError, match="reads or seconds"):
        lags.freeze("tx", before)
