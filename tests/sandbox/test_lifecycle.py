"""Transaction lifecycle: PENDING, then the outcome the sandbox test data dictates (docs/wompi.md
§9), void only for APPROVED CARD, and final states that never change (docs/wompi.md §4.5)."""

from __future__ import annotations

import asyncio

import pytest

from mestore_desktop.sandbox.errors import SandboxNotFoundError, SandboxStateError
from mestore_desktop.sandbox.state import Sandbox, SandboxValidationError
from tests.sandbox.helpers import (
    acceptance_tokens,
    bearer,
    card_token,
    pse_method,
    transaction_body,
)

pytestmark = pytest.mark.anyio


async def create(client, keys, method: dict, reference: str = "LIFE-1") -> dict:
    body = transaction_body(
        keys, await acceptance_tokens(client, keys), method, reference=reference
    )
    response = await client.post("/v1/transactions", json=body, headers=bearer(keys.public_key))
    assert response.status_code == 201, response.text
    return response.json()["data"]


async def final_status(client, tx_id: str) -> dict:
    async def poll() -> dict:
        return (await client.get(f"/v1/transactions/{tx_id}")).json()["data"]

    data = await poll()
    for _ in range(200):
        if data["status"] != "PENDING":
            return data
        await asyncio.sleep(0.01)
        data = await poll()
    raise AssertionError("still PENDING")


@pytest.fixture
async def auto(harness, replace_config):
    """A sandbox that finalizes on its own after 20 ms."""
    return harness.make(replace_config(auto_finalize=True, finalize_delay_s=0.02))


@pytest.mark.parametrize(
    ("number", "status", "message", "code"),
    [
        ("4242424242424242", "APPROVED", None, "00"),
        ("4111111111111111", "DECLINED", "Fondos Insuficientes", "51"),
        ("5555555555554444", "ERROR", "Error en el procesamiento de la tarjeta (simulado)", "96"),
    ],
)
async def test_card_outcomes(auto, keys, number, status, message, code):
    client, _ = auto
    token = await card_token(client, keys, number)
    tx = await create(client, keys, {"type": "CARD", "token": token, "installments": 3})
    assert tx["status"] == "PENDING"
    done = await final_status(client, tx["id"])
    assert (done["status"], done["status_message"]) == (status, message)
    assert done["finalized_at"] is not None and done["finalized_at"] >= done["created_at"]
    extra = done["payment_method"]["extra"]
    assert extra["processor_response_code"] == code
    assert extra["last_four"] == number[-4:] and extra["bin"] == number[:6]
    assert done["payment_method"]["installments"] == 3


@pytest.mark.parametrize(
    ("phone", "status"),
    [("3991111111", "APPROVED"), ("3992222222", "DECLINED"), ("3001234567", "ERROR")],
)
async def test_nequi_outcomes(auto, keys, phone, status):
    client, _ = auto
    tx = await create(client, keys, {"type": "NEQUI", "phone_number": phone})
    assert tx["payment_method"]["phone_number"] == phone
    assert (await final_status(client, tx["id"]))["status"] == status


@pytest.mark.parametrize(("bank", "status"), [("1", "APPROVED"), ("2", "DECLINED"), ("3", "ERROR")])
async def test_pse_waits_for_the_payer_then_resolves(auto, keys, bank, status):
    client, sandbox = auto
    tx = await create(client, keys, pse_method(bank))
    url = tx["payment_method"]["extra"]["async_payment_url"]
    assert url == f"{sandbox.config.base_url}/_sandbox/pse/{tx['id']}"
    await asyncio.sleep(0.1)
    # Auto-finalize does not apply: PSE settles only when the payer acts at the bank.
    assert sandbox.get_transaction(tx["id"])["status"] == "PENDING"
    assert sandbox.expected_outcome(tx["id"]) == status
    resolved = sandbox.resolve(tx["id"], sandbox.expected_outcome(tx["id"]))
    assert resolved["status"] == status
    assert resolved["payment_method"]["financial_institution_code"] == bank


async def test_pse_requires_payer_name_and_phone(client, keys):
    body = transaction_body(keys, await acceptance_tokens(client, keys), pse_method("1"))
    body["customer_data"] = {"full_name": "Ana"}
    response = await client.post("/v1/transactions", json=body, headers=bearer(keys.public_key))
    assert response.status_code == 422
    assert set(response.json()["error"]["messages"]) == {"customer_data"}


@pytest.mark.parametrize(
    "change",
    [
        {"user_type": 2},
        {"user_legal_id_type": "XX"},
        {"financial_institution_code": "9"},
        {"payment_description": "x" * 31},
        {"user_legal_id": ""},
    ],
)
async def test_pse_fields_are_validated(client, keys, change):
    body = transaction_body(keys, await acceptance_tokens(client, keys), pse_method("1") | change)
    response = await client.post("/v1/transactions", json=body, headers=bearer(keys.public_key))
    assert response.status_code == 422
    assert set(response.json()["error"]["messages"]) == {"payment_method"}


async def test_controls_force_outcomes_over_http(client, keys):
    for action, status in [("approve", "APPROVED"), ("decline", "DECLINED"), ("error", "ERROR")]:
        tx = await create(client, keys, {"type": "NEQUI", "phone_number": "3991111111"}, action)
        response = await client.post(f"/_sandbox/transactions/{tx['id']}/{action}")
        assert response.status_code == 200
        assert response.json()["data"]["status"] == status
    listed = (await client.get("/_sandbox/transactions")).json()["data"]
    assert [t["status"] for t in listed] == ["APPROVED", "DECLINED", "ERROR"]


async def test_final_states_never_change(client, keys, sandbox: Sandbox):
    token = await card_token(client, keys)
    declined = await create(client, keys, {"type": "CARD", "token": token, "installments": 1}, "D")
    errored = await create(client, keys, {"type": "CARD", "token": token, "installments": 1}, "E")
    sandbox.decline(declined["id"])
    sandbox.error(errored["id"])
    for tx_id in (declined["id"], errored["id"]):
        for action in (sandbox.approve, sandbox.decline, sandbox.error, sandbox.void):
            with pytest.raises(SandboxStateError):
                action(tx_id)
        response = await client.post(f"/_sandbox/transactions/{tx_id}/approve")
        assert response.status_code == 422
    assert sandbox.get_transaction(declined["id"])["status"] == "DECLINED"
    assert sandbox.get_transaction(errored["id"])["status"] == "ERROR"


async def test_void_only_approved_card(client, keys, sandbox: Sandbox):
    nequi = await create(client, keys, {"type": "NEQUI", "phone_number": "3991111111"}, "N")
    sandbox.approve(nequi["id"])
    with pytest.raises(SandboxStateError):
        sandbox.void(nequi["id"])
    token = await card_token(client, keys)
    card = await create(client, keys, {"type": "CARD", "token": token, "installments": 1}, "C")
    with pytest.raises(SandboxStateError):
        sandbox.void(card["id"])  # still PENDING
    sandbox.approve(card["id"])
    voided = sandbox.void(card["id"])
    assert voided["status"] == "VOIDED"
    assert voided["finalized_at"] is not None
    with pytest.raises(SandboxStateError):
        sandbox.approve(card["id"])
    with pytest.raises(SandboxStateError):
        sandbox.void(card["id"])
    with pytest.raises(SandboxNotFoundError):
        sandbox.approve("1-1-1")
    with pytest.raises(SandboxStateError):
        sandbox.resolve(card["id"], "VOIDED")


async def test_a_control_beats_auto_finalization(auto, keys):
    client, sandbox = auto
    token = await card_token(client, keys, "4242424242424242")
    tx = await create(client, keys, {"type": "CARD", "token": token, "installments": 1})
    sandbox.decline(tx["id"])
    await asyncio.sleep(0.06)
    assert sandbox.get_transaction(tx["id"])["status"] == "DECLINED"
    assert [e["data"]["transaction"]["status"] for e in sandbox.published_events()] == ["DECLINED"]


def test_checkout_path_accepts_an_inline_card_and_allows_retry_after_failure(keys, config):
    # No loop here: finalization is deferred until a loop binds, and nothing is left pending.
    sandbox = Sandbox(config)
    card = {"type": "CARD", "installments": 1, "number": "4111111111111111", "cvc": "123"}
    card |= {"exp_month": "12", "exp_year": "29", "card_holder": "Cliente Ejemplo"}
    common = {"amount_in_cents": 150000, "currency": "COP", "customer_email": "a@example.com"}
    first = sandbox.create_transaction(reference="CK-1", payment_method=card, **common)
    assert first["payment_method"]["extra"]["last_four"] == "1111"
    assert "number" not in str(first["payment_method"])  # the PAN is never echoed
    with pytest.raises(SandboxValidationError) as pending:
        sandbox.create_transaction(reference="CK-1", payment_method=card, **common)
    assert pending.value.messages == {"reference": ["La referencia ya ha sido usada"]}
    sandbox.decline(first["id"])
    second = sandbox.create_transaction(
        reference="CK-1", payment_method={**card, "number": "4242424242424242"}, **common
    )
    assert second["reference"] == "CK-1" and second["id"] != first["id"]
    sandbox.approve(second["id"])
    with pytest.raises(SandboxValidationError):
        sandbox.create_transaction(reference="CK-1", payment_method=card, **common)
    with pytest.raises(SandboxValidationError) as bad_card:
        sandbox.create_transaction(
            reference="CK-2", payment_method={**card, "cvc": "1", "card_holder": "Al"}, **common
        )
    assert set(bad_card.value.messages) == {"cvc", "card_holder"}
    assert [t["reference"] for t in sandbox.transactions_by_reference("CK-1")] == ["CK-1"] * 2
