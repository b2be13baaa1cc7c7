"""Contract: sandbox payloads have the shapes of tests/data/wompi_examples, field by field.

If the simulator drifts from the reference (a key added, renamed, dropped or retyped), these
fail; the last tests show that the comparison itself notices such drift.
"""

from __future__ import annotations

import copy

import pytest

from mestore_desktop.sandbox.events import build_event
from mestore_desktop.wompi.signatures import verify_event
from tests.sandbox.helpers import acceptance_tokens, bearer, card_token, transaction_body
from tests.sandbox.shapes import example, shape_differences

pytestmark = pytest.mark.anyio


async def approved_card(client, keys, sandbox) -> dict:
    token = await card_token(client, keys)
    body = transaction_body(
        keys,
        await acceptance_tokens(client, keys),
        {"type": "CARD", "token": token, "installments": 1},
    )
    created = await client.post("/v1/transactions", json=body, headers=bearer(keys.public_key))
    sandbox.approve(created.json()["data"]["id"])
    return created.json()


async def test_transaction_get_matches_the_example(client, keys, sandbox):
    tx_id = (await approved_card(client, keys, sandbox))["data"]["id"]
    response = (await client.get(f"/v1/transactions/{tx_id}")).json()
    assert shape_differences(response, example("transaction-card-approved.json")) == []


async def test_transaction_create_is_the_example_without_merchant(client, keys, sandbox):
    created = await approved_card(client, keys, sandbox)
    expected = example("transaction-card-approved.json")
    del expected["data"]["merchant"]
    # Created PENDING: finalized_at and the processor code are still null (allowed: see below).
    created["data"]["finalized_at"] = "2025-01-01T17:00:02.000Z"
    created["data"]["payment_method"]["extra"]["processor_response_code"] = "00"
    assert shape_differences(created, expected) == []
    assert created["data"]["finalized_at"] is not None


async def test_search_and_void_carry_example_transactions(client, keys, sandbox):
    tx = (await approved_card(client, keys, sandbox))["data"]
    expected = example("transaction-card-approved.json")["data"]
    found = await client.get(
        f"/v1/transactions?reference={tx['reference']}", headers=bearer(keys.private_key)
    )
    assert shape_differences(found.json()["data"][0], expected) == []
    voided = await client.post(
        f"/v1/transactions/{tx['id']}/void", headers=bearer(keys.private_key)
    )
    assert shape_differences(voided.json()["data"]["transaction"], expected) == []


async def test_event_body_matches_the_example(client, keys, sandbox):
    await approved_card(client, keys, sandbox)
    [event] = sandbox.published_events()
    event["sent_at"] = "2025-01-01T17:00:02.350Z"  # set at the first delivery (none here)
    assert shape_differences(event, example("event-transaction-updated.json")) == []
    assert list(event) == list(example("event-transaction-updated.json"))  # same key order
    assert event["environment"] == "test"
    assert event["signature"]["properties"] == [
        "transaction.id",
        "transaction.status",
        "transaction.amount_in_cents",
    ]
    assert event["signature"]["checksum"] == event["signature"]["checksum"].lower()
    assert verify_event(event, keys.events_secret)


def test_event_builder_reproduces_the_example_checksum():
    published = example("event-transaction-updated.json")
    built = build_event(
        published["data"]["transaction"],
        published["timestamp"],
        "test_events_EXAMPLEONLYnotArealSecret0000000",
    )
    assert built["signature"] == published["signature"]
    assert {k: v for k, v in built.items() if k != "sent_at"} == {
        k: v for k, v in published.items() if k != "sent_at"
    }


async def test_payment_link_create_matches_the_example(client, keys):
    response = await client.post(
        "/v1/payment_links",
        json=example("payment-link-create-request.json"),
        headers=bearer(keys.private_key),
    )
    assert response.status_code == 201
    assert shape_differences(response.json(), example("payment-link-create-response.json")) == []
    expected = example("payment-link-create-response.json")["data"]
    same = {
        k for k in expected if k not in {"id", "created_at", "updated_at", "merchant_public_key"}
    }
    assert {k: response.json()["data"][k] for k in same} == {k: expected[k] for k in same}


async def test_duplicate_reference_error_matches_the_example(client, keys, sandbox):
    created = await approved_card(client, keys, sandbox)
    token = await card_token(client, keys)
    body = transaction_body(
        keys,
        await acceptance_tokens(client, keys),
        {"type": "CARD", "token": token, "installments": 1},
        reference=created["data"]["reference"],
    )
    response = await client.post("/v1/transactions", json=body, headers=bearer(keys.public_key))
    assert response.status_code == 422
    assert shape_differences(response.json(), example("error-422-input-validation.json")) == []
    assert response.json() == example("error-422-input-validation.json")


@pytest.mark.parametrize(
    ("mutate", "complaint"),
    [
        (lambda d: d["data"].pop("bill_id"), "missing key 'bill_id'"),
        (lambda d: d["data"].update(origin="x"), "unexpected key 'origin'"),
        (lambda d: d["data"].update(amount_in_cents="2500000"), "expected int, got str"),
        (lambda d: d["data"]["payment_method"]["extra"].update(is_three_ds=0), "expected bool"),
        (lambda d: d["data"]["merchant"].pop("logo_url"), "missing key 'logo_url'"),
        (lambda d: d["data"].update(taxes={}), "expected an array"),
        (lambda d: d["data"].update(status=None), "expected str, got NoneType"),
    ],
)
def test_the_comparison_catches_drift(mutate, complaint):
    good = example("transaction-card-approved.json")
    assert shape_differences(good, good) == []
    bad = copy.deepcopy(good)
    mutate(bad)
    assert any(complaint in p for p in shape_differences(bad, good))
