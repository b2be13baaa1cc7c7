"""The injection control: `POST /_sandbox/transactions/inject` makes a transaction as if a payer
had paid (any reference, amount, currency, status and day), for the back office's tests: an
approval for an unknown reference, an amount mismatch, a second approval, an approval after a
cancel. `silent` leaves out the event, so the desktop hears of it only by searching Wompi.
Bad input is a 422 naming the field, never a 500."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from mestore_desktop.domain.payment import PaymentStatus
from mestore_desktop.sandbox.config import SandboxKeys
from mestore_desktop.sandbox.state import Sandbox
from mestore_desktop.wompi.models import Transaction
from tests.sandbox.helpers import bearer

pytestmark = pytest.mark.anyio

INJECT = "/_sandbox/transactions/inject"


async def inject(client: httpx.AsyncClient, **body: Any) -> httpx.Response:
    return await client.post(INJECT, json=body)


async def injected(client: httpx.AsyncClient, **body: Any) -> dict[str, Any]:
    response = await inject(client, **body)
    assert response.status_code == 201, response.text
    return dict(response.json()["data"])


def messages(response: httpx.Response) -> dict[str, list[str]]:
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["type"] == "INPUT_VALIDATION_ERROR"
    return dict(error["messages"])


async def test_an_injected_approval_is_read_by_id_and_found_by_search(
    client: httpx.AsyncClient, keys: SandboxKeys
) -> None:
    tx = await injected(
        client, reference="DESCONOCIDA-1", amount_in_cents=1_990_000, status="APPROVED"
    )
    assert (tx["reference"], tx["amount_in_cents"], tx["status"]) == (
        "DESCONOCIDA-1",
        1_990_000,
        "APPROVED",
    )
    assert (tx["currency"], tx["payment_method_type"]) == ("COP", "CARD")
    assert tx["finalized_at"] is not None
    read = await client.get(f"/v1/transactions/{tx['id']}", headers=bearer(keys.public_key))
    assert read.json()["data"]["status"] == "APPROVED"
    today = datetime.now(UTC).date().isoformat()
    search = await client.get(
        "/v1/transactions",
        params={"from_date": today, "until_date": today, "page": 1, "page_size": 50},
        headers=bearer(keys.private_key),
    )
    assert [t["id"] for t in search.json()["data"]] == [tx["id"]]
    # The desktop's own parser reads it as any other transaction.
    parsed = Transaction.from_api(read.json()["data"])
    assert (parsed.status, parsed.payment_method.brand) == (PaymentStatus.APPROVED, "VISA")


async def test_an_injected_final_status_sends_the_usual_event(
    client: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    tx = await injected(client, reference="REF-EVT-1", amount_in_cents=500_000, status="APPROVED")
    [event] = sandbox.published_events()
    assert event["event"] == "transaction.updated"
    assert event["data"]["transaction"]["id"] == tx["id"]
    assert event["data"]["transaction"]["status"] == "APPROVED"


async def test_a_silent_injection_sends_no_event_but_is_searchable(
    client: httpx.AsyncClient, sandbox: Sandbox, keys: SandboxKeys
) -> None:
    tx = await injected(
        client, reference="REF-SILENT", amount_in_cents=500_000, status="APPROVED", silent=True
    )
    assert sandbox.published_events() == []
    found = await client.get(
        "/v1/transactions", params={"reference": "REF-SILENT"}, headers=bearer(keys.private_key)
    )
    assert [t["id"] for t in found.json()["data"]] == [tx["id"]]


async def test_an_injected_pending_waits_for_a_control_and_then_sends_its_event(
    client: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    tx = await injected(
        client,
        reference="REF-PEND",
        amount_in_cents=800_000,
        status="PENDING",
        payment_method_type="NEQUI",
    )
    assert tx["finalized_at"] is None
    assert sandbox.published_events() == []
    approved = await client.post(f"/_sandbox/transactions/{tx['id']}/approve")
    assert approved.json()["data"]["status"] == "APPROVED"
    assert [e["data"]["transaction"]["status"] for e in sandbox.published_events()] == ["APPROVED"]


async def test_a_second_approval_under_one_reference_is_allowed(
    client: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    # The duplicate-payment scenario: the API's own create would refuse the reuse.
    first = await injected(client, reference="REF-DUP", amount_in_cents=100_000, status="APPROVED")
    second = await injected(client, reference="REF-DUP", amount_in_cents=100_000, status="APPROVED")
    assert first["id"] != second["id"]
    assert [t["id"] for t in sandbox.transactions_by_reference("REF-DUP")] == [
        first["id"],
        second["id"],
    ]


async def test_created_at_dates_the_transaction_and_its_id(
    client: httpx.AsyncClient, keys: SandboxKeys
) -> None:
    when = datetime(2025, 3, 14, 23, 30, tzinfo=UTC)
    tx = await injected(
        client,
        reference="REF-OLD",
        amount_in_cents=100_000,
        status="DECLINED",
        payment_method_type="PSE",
        created_at="2025-03-14T23:30:00Z",
    )
    assert tx["created_at"] == "2025-03-14T23:30:00.000Z"
    assert tx["id"].split("-")[1] == str(int(when.timestamp()))
    assert tx["status_message"]  # the usual reason for a declined PSE payment
    search = await client.get(
        "/v1/transactions",
        params={"from_date": "2025-03-14", "until_date": "2025-03-14", "page": 1, "page_size": 5},
        headers=bearer(keys.private_key),
    )
    assert [t["id"] for t in search.json()["data"]] == [tx["id"]]


async def test_currency_method_email_and_message_are_taken_as_given(
    client: httpx.AsyncClient,
) -> None:
    tx = await injected(
        client,
        reference="REF-USD",
        amount_in_cents=1_000,
        currency="USD",
        status="ERROR",
        payment_method_type="BANCOLOMBIA_TRANSFER",
        customer_email="otra@example.com",
        status_message="Rechazo simulado",
    )
    assert (tx["currency"], tx["payment_method_type"], tx["payment_method"]["type"]) == (
        "USD",
        "BANCOLOMBIA_TRANSFER",
        "BANCOLOMBIA_TRANSFER",
    )
    assert (tx["customer_email"], tx["status_message"]) == ("otra@example.com", "Rechazo simulado")


async def test_a_voided_card_payment_can_be_injected_and_not_another_method(
    client: httpx.AsyncClient,
) -> None:
    tx = await injected(client, reference="REF-V", amount_in_cents=100_000, status="VOIDED")
    assert tx["status"] == "VOIDED"
    refused = await inject(
        client,
        reference="REF-V2",
        amount_in_cents=100_000,
        status="VOIDED",
        payment_method_type="NEQUI",
    )
    assert "status" in messages(refused)


async def test_a_payment_through_a_link_carries_it_and_gets_the_links_reference(
    client: httpx.AsyncClient, keys: SandboxKeys
) -> None:
    link = await client.post(
        "/v1/payment_links",
        json={
            "name": "Pedido por WhatsApp",
            "description": "Link",
            "single_use": False,
            "collect_shipping": False,
            "currency": "COP",
            "amount_in_cents": 300_000,
        },
        headers=bearer(keys.private_key),
    )
    assert link.status_code in (200, 201), link.text
    link_id = link.json()["data"]["id"]
    tx = await injected(client, payment_link_id=link_id, amount_in_cents=300_000, status="APPROVED")
    assert tx["payment_link_id"] == link_id
    assert tx["reference"].startswith(f"{link_id}_")
    unknown = await inject(
        client, payment_link_id="nope123", amount_in_cents=300_000, status="APPROVED"
    )
    assert "payment_link_id" in messages(unknown)


OK = {"reference": "R", "amount_in_cents": 100, "status": "APPROVED"}


def without(field: str) -> dict[str, Any]:
    return {k: v for k, v in OK.items() if k != field}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (without("reference"), "reference"),
        ({**OK, "reference": ""}, "reference"),
        (without("amount_in_cents"), "amount_in_cents"),
        ({**OK, "amount_in_cents": -5}, "amount_in_cents"),
        ({**OK, "amount_in_cents": "100"}, "amount_in_cents"),
        ({**OK, "amount_in_cents": True}, "amount_in_cents"),
        (without("status"), "status"),
        ({**OK, "status": "PAID"}, "status"),
        ({**OK, "status": ["APPROVED"]}, "status"),
        ({**OK, "currency": "pesos"}, "currency"),
        ({**OK, "payment_method_type": "CASH"}, "payment_method_type"),
        ({**OK, "payment_method_type": {}}, "payment_method_type"),
        ({**OK, "created_at": "ayer"}, "created_at"),
        ({**OK, "created_at": 5}, "created_at"),
        ({**OK, "silent": "yes"}, "silent"),
        ({**OK, "customer_email": "x"}, "customer_email"),
        ({**OK, "status_message": 3}, "status_message"),
        ({**OK, "colour": "red"}, "colour"),
    ],
)
async def test_bad_input_is_a_422_naming_the_field(
    client: httpx.AsyncClient, sandbox: Sandbox, body: dict[str, Any], field: str
) -> None:
    assert field in messages(await client.post(INJECT, json=body))
    assert sandbox.transactions() == []


async def test_a_created_at_in_the_future_is_refused(client: httpx.AsyncClient) -> None:
    later = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    refused = await inject(
        client, reference="R", amount_in_cents=100, status="APPROVED", created_at=later
    )
    assert messages(refused)["created_at"] == ["No puede ser una fecha futura"]


async def test_a_body_that_is_not_an_object_is_a_422(client: httpx.AsyncClient) -> None:
    assert "body" in messages(await client.post(INJECT, content=b"[1, 2]"))
    assert "body" in messages(await client.post(INJECT, content=b"{"))


async def test_the_python_method_does_the_same(sandbox: Sandbox) -> None:
    tx = sandbox.inject_transaction(
        {"reference": "PY-1", "amount_in_cents": 100_000, "status": "APPROVED", "silent": True}
    )
    assert sandbox.get_transaction(tx["id"])["status"] == "APPROVED"  # type: ignore[index]
    assert sandbox.published_events() == []
