"""Every /v1 endpoint in-process: envelopes, keys, errors (docs/wompi.md §1, §5–§8, §10)."""

from __future__ import annotations

import base64
import json
import time

import httpx
import pytest

from mestore_desktop.sandbox.config import SandboxKeys
from mestore_desktop.sandbox.state import Sandbox
from tests.sandbox.helpers import (
    acceptance_tokens,
    bearer,
    card_token,
    transaction_body,
)
from tests.sandbox.shapes import example

pytestmark = pytest.mark.anyio

WRONG_KEY = {
    "error": {
        "type": "INVALID_ACCESS_TOKEN",
        "reason": "La llave proporcionada no corresponde a este ambiente.",
    }
}
NOT_FOUND = {"error": {"type": "NOT_FOUND_ERROR", "reason": "La entidad solicitada no existe"}}


def prod(key: str) -> str:
    return key.replace("_test_", "_prod_")


async def create_card_tx(
    client: httpx.AsyncClient, keys: SandboxKeys, *, number: str = "4242424242424242", **kw
) -> dict:
    token = await card_token(client, keys, number)
    body = transaction_body(
        keys,
        await acceptance_tokens(client, keys),
        {"type": "CARD", "token": token, "installments": 1},
        **kw,
    )
    response = await client.post("/v1/transactions", json=body, headers=bearer(keys.public_key))
    assert response.status_code == 201, response.text
    return response.json()["data"]


# -- merchants --------------------------------------------------------------------------------


async def test_merchant_needs_no_key_and_carries_one_hour_acceptance_tokens(client, keys):
    response = await client.get(f"/v1/merchants/{keys.public_key}")
    assert response.status_code == 200
    data = response.json()["data"]
    assert response.json()["meta"] == {}
    assert data["public_key"] == keys.public_key
    assert data["accepted_currencies"] == ["COP"]
    for field, kind in [
        ("presigned_acceptance", "END_USER_POLICY"),
        ("presigned_personal_data_auth", "PERSONAL_DATA_AUTH"),
    ]:
        doc = data[field]
        assert doc["type"] == kind
        assert doc["permalink"].startswith("https://")
        head, payload, _ = doc["acceptance_token"].split(".")
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        assert json.loads(base64.urlsafe_b64decode(head + "==="))["alg"] == "HS256"
        assert 3590 <= claims["exp"] - time.time() <= 3600


async def test_merchant_unknown_is_404_and_production_key_is_401(client, keys):
    unknown = await client.get("/v1/merchants/pub_test_SomebodyElse00000000000000000000")
    assert (unknown.status_code, unknown.json()) == (404, NOT_FOUND)
    production = await client.get(f"/v1/merchants/{prod(keys.public_key)}")
    assert (production.status_code, production.json()) == (401, WRONG_KEY)


# -- key rules --------------------------------------------------------------------------------

PRIVATE_CALLS = [
    ("GET", "/v1/transactions?reference=X"),
    ("POST", "/v1/transactions/1-2-3/void"),
    ("POST", "/v1/payment_links"),
    ("PATCH", "/v1/payment_links/test_abcdef"),
]
PUBLIC_CALLS = [
    ("POST", "/v1/tokens/cards"),
    ("POST", "/v1/tokens/nequi"),
    ("GET", "/v1/tokens/nequi/nequi_test_x"),
    ("POST", "/v1/transactions"),
]


@pytest.mark.parametrize(("method", "path"), PRIVATE_CALLS + PUBLIC_CALLS)
async def test_missing_key_is_401(client, method, path):
    response = await client.request(method, path, json={})
    assert (response.status_code, response.json()) == (401, WRONG_KEY)


@pytest.mark.parametrize(("method", "path"), PRIVATE_CALLS)
async def test_public_key_on_a_private_endpoint_is_401(client, keys, method, path):
    response = await client.request(method, path, json={}, headers=bearer(keys.public_key))
    assert (response.status_code, response.json()) == (401, WRONG_KEY)


@pytest.mark.parametrize(("method", "path"), PRIVATE_CALLS + PUBLIC_CALLS)
async def test_production_or_foreign_or_malformed_keys_are_401(client, keys, method, path):
    for header in [
        bearer(prod(keys.private_key)),
        bearer(prod(keys.public_key)),
        bearer("prv_test_AnotherSandbox0000000000000000000"),
        {"Authorization": keys.private_key},  # no "Bearer"
        {"Authorization": "Basic abc"},
    ]:
        response = await client.request(method, path, json={}, headers=header)
        assert (response.status_code, response.json()) == (401, WRONG_KEY), header


async def test_get_transaction_accepts_no_public_or_private_key(client, keys):
    tx = await create_card_tx(client, keys)
    for headers in [{}, bearer(keys.public_key), bearer(keys.private_key)]:
        response = await client.get(f"/v1/transactions/{tx['id']}", headers=headers)
        assert response.status_code == 200
    refused = await client.get(
        f"/v1/transactions/{tx['id']}", headers=bearer(prod(keys.public_key))
    )
    assert (refused.status_code, refused.json()) == (401, WRONG_KEY)


async def test_private_key_also_creates_transactions(client, keys):
    token = await card_token(client, keys)
    body = transaction_body(
        keys,
        await acceptance_tokens(client, keys),
        {"type": "CARD", "token": token, "installments": 1},
    )
    response = await client.post("/v1/transactions", json=body, headers=bearer(keys.private_key))
    assert response.status_code == 201


# -- tokens -----------------------------------------------------------------------------------


async def test_card_token_has_wompi_shape(client, keys):
    card = {"number": "4242 4242 4242 4242", "cvc": "123", "exp_month": "08", "exp_year": "28"}
    card["card_holder"] = "José Pérez"
    response = await client.post("/v1/tokens/cards", json=card, headers=bearer(keys.public_key))
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "CREATED"
    data = body["data"]
    assert data["id"].startswith("tok_test_")
    assert len(data["id"].rsplit("_", 1)[1]) == 32
    assert {k: data[k] for k in ("brand", "name", "last_four", "bin")} == {
        "brand": "VISA",
        "name": "VISA-4242",
        "last_four": "4242",
        "bin": "424242",
    }
    assert set(data) == {
        "id", "created_at", "brand", "name", "last_four", "bin",
        "exp_year", "exp_month", "card_holder", "expires_at",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"number": "4242"}, "number"),
        ({"number": 4242424242424242}, "number"),
        ({"cvc": "12"}, "cvc"),
        ({"exp_month": "13"}, "exp_month"),
        ({"exp_month": 8}, "exp_month"),
        ({"exp_month": "²²"}, "exp_month"),
        ({"exp_year": "٣٣"}, "exp_year"),
        ({"number": "４２４２４２４２４２４２４２４２"}, "number"),
        ({"exp_year": "20"}, "exp_year"),
        ({"card_holder": "Ana"}, "card_holder"),
    ],
)
async def test_card_token_validation_is_422_per_field(client, keys, change, field):
    card = {"number": "4242424242424242", "cvc": "123", "exp_month": "08", "exp_year": "29"}
    card |= {"card_holder": "José Pérez", **change}
    response = await client.post("/v1/tokens/cards", json=card, headers=bearer(keys.public_key))
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["type"] == "INPUT_VALIDATION_ERROR"
    assert list(error["messages"]) == [field]


async def test_nequi_token_settles_when_polled(harness, replace_config, keys):
    client, _ = harness.make(replace_config(auto_finalize=True, finalize_delay_s=0.0))
    created = await client.post(
        "/v1/tokens/nequi", json={"phone_number": "3991111111"}, headers=bearer(keys.public_key)
    )
    assert created.status_code == 201
    token = created.json()["data"]
    assert (token["status"], token["phone_number"]) == ("PENDING", "3991111111")
    assert token["id"].startswith("nequi_")
    polled = await client.get(f"/v1/tokens/nequi/{token['id']}", headers=bearer(keys.public_key))
    assert polled.json()["data"]["status"] == "APPROVED"
    missing = await client.get("/v1/tokens/nequi/nequi_test_nope", headers=bearer(keys.public_key))
    assert (missing.status_code, missing.json()) == (404, NOT_FOUND)
    bad = await client.post(
        "/v1/tokens/nequi", json={"phone_number": "12345"}, headers=bearer(keys.public_key)
    )
    assert bad.status_code == 422


async def test_pse_banks(client, keys):
    for headers in [{}, bearer(keys.public_key), bearer(keys.private_key)]:
        response = await client.get("/v1/pse/financial_institutions", headers=headers)
        assert response.status_code == 200
        assert response.json()["data"] == [
            {"financial_institution_code": "1", "financial_institution_name": "Banco que aprueba"},
            {"financial_institution_code": "2", "financial_institution_name": "Banco que rechaza"},
            {
                "financial_institution_code": "3",
                "financial_institution_name": "Banco que simula un error",
            },
        ]


# -- transactions -----------------------------------------------------------------------------


async def test_create_returns_pending_without_merchant_and_get_adds_it(client, keys):
    tx = await create_card_tx(client, keys)
    assert tx["status"] == "PENDING"
    assert tx["finalized_at"] is None
    assert "merchant" not in tx
    merchant_id, unix, digits = tx["id"].split("-")
    assert merchant_id.isdigit() and abs(int(unix) - time.time()) < 5
    assert len(digits) == 5 and digits.isdigit()
    got = (await client.get(f"/v1/transactions/{tx['id']}")).json()
    assert got["meta"] == {}
    assert got["data"]["merchant"]["public_key"] == keys.public_key
    assert got["data"]["merchant"]["id"] == int(merchant_id)
    assert {k: v for k, v in got["data"].items() if k != "merchant"} == tx


async def test_unknown_transaction_is_404(client):
    response = await client.get("/v1/transactions/1-1-1")
    assert (response.status_code, response.json()) == (404, NOT_FOUND)


async def test_duplicate_reference_is_422_exactly_like_the_example(client, keys):
    await create_card_tx(client, keys, reference="REF-1")
    token = await card_token(client, keys)
    body = transaction_body(
        keys,
        await acceptance_tokens(client, keys),
        {"type": "CARD", "token": token, "installments": 1},
        reference="REF-1",
    )
    response = await client.post("/v1/transactions", json=body, headers=bearer(keys.public_key))
    assert response.status_code == 422
    assert response.json() == example("error-422-input-validation.json")


async def test_bad_signature_is_rejected(client, keys):
    token = await card_token(client, keys)
    acceptance = await acceptance_tokens(client, keys)
    method = {"type": "CARD", "token": token, "installments": 1}
    for signature in ["0" * 64, "", None, 12]:
        body = transaction_body(keys, acceptance, method, signature=signature)
        response = await client.post("/v1/transactions", json=body, headers=bearer(keys.public_key))
        assert response.status_code == 422
        assert response.json()["error"]["messages"] == {"signature": ["La firma es inválida"]}


async def test_expiration_time_must_be_signed_and_future(client, keys):
    from mestore_desktop.wompi.signatures import integrity_signature

    token = await card_token(client, keys)
    acceptance = await acceptance_tokens(client, keys)
    method = {"type": "CARD", "token": token, "installments": 1}
    future = "2099-01-01T05:00:00.000Z"
    unsigned = transaction_body(keys, acceptance, method, expiration_time=future)
    response = await client.post("/v1/transactions", json=unsigned, headers=bearer(keys.public_key))
    assert response.json()["error"]["messages"] == {"signature": ["La firma es inválida"]}
    signed = integrity_signature(
        "POS-CAJA1-000123", 2500000, keys.integrity_secret, expiration_time=future
    )
    body = transaction_body(keys, acceptance, method, expiration_time=future, signature=signed)
    ok = await client.post("/v1/transactions", json=body, headers=bearer(keys.public_key))
    assert ok.status_code == 201
    past = "2020-01-01T00:00:00.000Z"
    signed = integrity_signature("R2", 2500000, keys.integrity_secret, expiration_time=past)
    body = transaction_body(
        keys, acceptance, method, reference="R2", expiration_time=past, signature=signed
    )
    expired = await client.post("/v1/transactions", json=body, headers=bearer(keys.public_key))
    assert expired.status_code == 422
    assert "expiration_time" in expired.json()["error"]["messages"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"amount_in_cents": 0}, "amount_in_cents"),
        ({"amount_in_cents": -100}, "amount_in_cents"),
        ({"amount_in_cents": 2500000.0}, "amount_in_cents"),
        ({"amount_in_cents": "2500000"}, "amount_in_cents"),
        ({"amount_in_cents": True}, "amount_in_cents"),
        ({"currency": "USD"}, "currency"),
        ({"customer_email": "nope"}, "customer_email"),
        ({"reference": ""}, "reference"),
        ({"reference": "x" * 256}, "reference"),
        ({"acceptance_token": "abc.def.ghi"}, "acceptance_token"),
        ({"acceptance_token": None}, "acceptance_token"),
        ({"accept_personal_auth": "nope"}, "accept_personal_auth"),
        ({"payment_method": None}, "payment_method"),
        (
            {"payment_method": {"type": "CARD", "token": "tok_test_nope", "installments": 1}},
            "payment_method",
        ),
        ({"payment_method": {"type": "BITCOIN"}}, "payment_method"),
        ({"payment_method": "CARD"}, "payment_method"),
        ({"customer_data": "x"}, "customer_data"),
        ({"payment_source_id": 3891}, "payment_source_id"),
    ],
)
async def test_invalid_transaction_fields_are_422(client, keys, change, field):
    token = await card_token(client, keys)
    body = transaction_body(
        keys,
        await acceptance_tokens(client, keys),
        {"type": "CARD", "token": token, "installments": 1},
    )
    body.update(change)
    response = await client.post("/v1/transactions", json=body, headers=bearer(keys.public_key))
    assert response.status_code == 422, response.text
    assert field in response.json()["error"]["messages"]
    assert response.json()["error"]["type"] == "INPUT_VALIDATION_ERROR"


async def test_card_token_is_required_on_the_api_even_though_checkout_takes_cards(client, keys):
    card = {"type": "CARD", "installments": 1, "number": "4242424242424242", "cvc": "123"}
    card |= {"exp_month": "12", "exp_year": "29", "card_holder": "Cliente Ejemplo"}
    body = transaction_body(keys, await acceptance_tokens(client, keys), card)
    response = await client.post("/v1/transactions", json=body, headers=bearer(keys.public_key))
    assert response.status_code == 422
    assert response.json()["error"]["messages"] == {
        "payment_method": ["El token de la tarjeta es inválido"]
    }


async def test_expired_acceptance_token_is_422(client, keys, sandbox):
    from mestore_desktop.sandbox import acceptance

    expired = acceptance.issue(
        acceptance.Contract.END_USER_POLICY, sandbox._acceptance_key, now=time.time() - 3601
    )
    tokens = await acceptance_tokens(client, keys)
    body = transaction_body(
        keys,
        {**tokens, "acceptance_token": expired},
        {"type": "NEQUI", "phone_number": "3991111111"},
    )
    response = await client.post("/v1/transactions", json=body, headers=bearer(keys.public_key))
    assert response.json()["error"]["messages"] == {
        "acceptance_token": ["El token de aceptación ha expirado"]
    }
    # A personal-data token is not an end-user-policy token.
    swapped = {**tokens, "acceptance_token": tokens["accept_personal_auth"]}
    body = transaction_body(keys, swapped, {"type": "NEQUI", "phone_number": "3991111111"})
    response = await client.post("/v1/transactions", json=body, headers=bearer(keys.public_key))
    assert response.json()["error"]["messages"] == {
        "acceptance_token": ["El token de aceptación es inválido"]
    }


@pytest.mark.parametrize(
    ("method", "path", "key"),
    [
        ("POST", "/v1/transactions", "public_key"),
        ("POST", "/v1/tokens/cards", "public_key"),
        ("POST", "/v1/tokens/nequi", "public_key"),
        ("POST", "/v1/payment_links", "private_key"),
        ("PATCH", "/v1/payment_links/{link}", "private_key"),
        ("POST", "/v1/transactions/{tx}/void", "private_key"),
    ],
)
@pytest.mark.parametrize(
    "content",
    [
        b"{",
        b"not json",
        b"[1,2]",
        b"null",
        b"42",
        b"\xff\xfe",
        b'"text"',
        b"",
        b'{"a":' + b"[" * 100_000,
        b'{"customer_data": {"browser_info": ' + b"[" * 500 + b"]" * 500 + b"}}",
        b'{"amount_in_cents": ' + b"9" * 5000 + b"}",
    ],
)
async def test_malformed_json_is_a_422_envelope_never_500(client, keys, method, path, key, content):
    link = (
        await client.post(
            "/v1/payment_links",
            json={
                "name": "n",
                "description": "d",
                "single_use": False,
                "collect_shipping": False,
                "currency": "COP",
            },
            headers=bearer(keys.private_key),
        )
    ).json()["data"]
    tx = await create_card_tx(client, keys, reference=f"R-{time.monotonic_ns()}")
    url = path.format(link=link["id"], tx=tx["id"])
    headers = {**bearer(getattr(keys, key)), "Content-Type": "application/json"}
    response = await client.request(method, url, content=content, headers=headers)
    if content == b"" and "void" in path:
        assert response.status_code == 422  # empty body is fine, but the tx is still PENDING
        assert "status" in response.json()["error"]["messages"]
        return
    assert response.status_code == 422
    assert response.json() == {
        "error": {
            "type": "INPUT_VALIDATION_ERROR",
            "messages": {"body": ["El cuerpo debe ser un objeto JSON válido"]},
        }
    }


async def test_unknown_paths_and_methods_answer_json(client):
    missing = await client.get("/v1/nothing/here")
    assert (missing.status_code, missing.json()) == (404, NOT_FOUND)
    wrong = await client.delete("/v1/transactions")
    assert wrong.status_code == 405
    assert wrong.json()["error"]["type"] == "REQUEST_ERROR"


# -- search -----------------------------------------------------------------------------------


async def test_search_by_reference_returns_an_array(client, keys, sandbox):
    first = await create_card_tx(client, keys, reference="SAME", number="4111111111111111")
    sandbox.decline(first["id"])
    # The checkout may retry a failed reference (docs/wompi.md §4.5); the API never can.
    second = sandbox.create_transaction(
        amount_in_cents=2500000,
        currency="COP",
        reference="SAME",
        customer_email="a@example.com",
        payment_method={"type": "NEQUI", "phone_number": "3991111111"},
    )
    await create_card_tx(client, keys, reference="OTHER")
    response = await client.get("/v1/transactions?reference=SAME", headers=bearer(keys.private_key))
    assert response.status_code == 200
    assert [tx["id"] for tx in response.json()["data"]] == [first["id"], second["id"]]
    assert response.json()["meta"]["total_results"] == 2
    none = await client.get("/v1/transactions?reference=NOPE", headers=bearer(keys.private_key))
    assert none.json()["data"] == []


async def test_search_by_dates_pages_in_created_order(client, keys):
    ids = [(await create_card_tx(client, keys, reference=f"P-{i}"))["id"] for i in range(5)]
    today = time.strftime("%Y-%m-%d", time.gmtime())
    base = f"/v1/transactions?from_date={today}&until_date={today}"
    page2 = await client.get(f"{base}&page=2&page_size=2", headers=bearer(keys.private_key))
    assert page2.status_code == 200
    assert [t["id"] for t in page2.json()["data"]] == ids[2:4]
    assert page2.json()["meta"] == {"page": 2, "page_size": 2, "total_results": 5}
    desc = await client.get(
        f"{base}&page=1&page_size=200&order=DESC", headers=bearer(keys.private_key)
    )
    assert [t["id"] for t in desc.json()["data"]] == ids[::-1]
    past = await client.get(
        "/v1/transactions?from_date=2020-01-01&until_date=2020-12-31&page=1&page_size=10",
        headers=bearer(keys.private_key),
    )
    assert past.json()["data"] == []
    filtered = await client.get(
        f"{base}&page=1&page_size=10&status=PENDING&payment_method_type=NEQUI",
        headers=bearer(keys.private_key),
    )
    assert filtered.json()["meta"]["total_results"] == 0


@pytest.mark.parametrize(
    ("query", "fields"),
    [
        ("", {"from_date", "until_date", "page", "page_size"}),
        ("from_date=2025-01-01&until_date=2025-01-31&page=1&page_size=0", {"page_size"}),
        ("from_date=2025-01-01&until_date=2025-01-31&page=1&page_size=201", {"page_size"}),
        ("from_date=2025-01-01&until_date=2025-01-31&page=0&page_size=10", {"page"}),
        ("from_date=2025-01-01&until_date=2025-01-31&page=x&page_size=10", {"page"}),
        ("from_date=2025-01-01&until_date=2025-01-31&page=²&page_size=10", {"page"}),
        (
            "from_date=2025-01-01&until_date=2025-01-31&page=1&page_size=" + "9" * 5000,
            {"page_size"},
        ),
        ("from_date=01/01/2025&until_date=2025-01-31&page=1&page_size=10", {"from_date"}),
        ("from_date=2025-02-01&until_date=2025-01-31&page=1&page_size=10", {"until_date"}),
        ("from_date=2025-01-01&until_date=2025-01-31&page=1&page_size=10&order=UP", {"order"}),
    ],
)
async def test_search_without_reference_validates_dates_and_pages(client, keys, query, fields):
    response = await client.get(f"/v1/transactions?{query}", headers=bearer(keys.private_key))
    assert response.status_code == 422
    assert set(response.json()["error"]["messages"]) == fields


# -- void -------------------------------------------------------------------------------------


async def test_void_approved_card_answers_201_with_wrapped_voided_transaction(
    client, keys, sandbox
):
    tx = await create_card_tx(client, keys)
    sandbox.approve(tx["id"])
    response = await client.post(
        f"/v1/transactions/{tx['id']}/void", headers=bearer(keys.private_key)
    )
    assert response.status_code == 201
    body = response.json()
    assert body["meta"] == {}
    assert body["data"]["status"] == "APPROVED"
    assert body["data"]["status_message"] is None
    assert body["data"]["transaction"]["status"] == "VOIDED"
    assert body["data"]["transaction"]["id"] == tx["id"]
    again = await client.post(f"/v1/transactions/{tx['id']}/void", headers=bearer(keys.private_key))
    assert again.status_code == 422
    got = await client.get(f"/v1/transactions/{tx['id']}")
    assert got.json()["data"]["status"] == "VOIDED"


async def test_void_refuses_partial_amounts_and_unknown_ids(client, keys, sandbox):
    tx = await create_card_tx(client, keys)
    sandbox.approve(tx["id"])
    partial = await client.post(
        f"/v1/transactions/{tx['id']}/void",
        json={"amount_in_cents": 100},
        headers=bearer(keys.private_key),
    )
    assert partial.status_code == 422
    full = await client.post(
        f"/v1/transactions/{tx['id']}/void",
        json={"amount_in_cents": tx["amount_in_cents"]},
        headers=bearer(keys.private_key),
    )
    assert full.status_code == 201
    missing = await client.post("/v1/transactions/9-9-9/void", headers=bearer(keys.private_key))
    assert (missing.status_code, missing.json()) == (404, NOT_FOUND)


# -- payment links ----------------------------------------------------------------------------


async def test_payment_link_create_get_patch(client, keys):
    request = example("payment-link-create-request.json")
    created = await client.post("/v1/payment_links", json=request, headers=bearer(keys.private_key))
    assert created.status_code == 201
    link = created.json()["data"]
    assert link["id"].startswith("test_") and len(link["id"]) == 11
    assert link["active"] is True
    assert link["merchant_public_key"] == keys.public_key
    for field in request:
        assert link[field] == request[field], field
    got = await client.get(f"/v1/payment_links/{link['id']}")
    assert got.status_code == 200 and got.json()["data"] == link
    patched = await client.patch(
        f"/v1/payment_links/{link['id']}", json={"active": False}, headers=bearer(keys.private_key)
    )
    assert patched.status_code == 200
    assert patched.json()["data"]["active"] is False
    assert patched.json()["data"]["updated_at"] >= link["updated_at"]
    other = await client.patch(
        f"/v1/payment_links/{link['id']}",
        json={"active": True, "name": "x"},
        headers=bearer(keys.private_key),
    )
    assert other.status_code == 422
    assert set(other.json()["error"]["messages"]) == {"name"}
    not_bool = await client.patch(
        f"/v1/payment_links/{link['id']}", json={"active": "no"}, headers=bearer(keys.private_key)
    )
    assert set(not_bool.json()["error"]["messages"]) == {"active"}
    missing = await client.get("/v1/payment_links/test_zzzzzz")
    assert (missing.status_code, missing.json()) == (404, NOT_FOUND)
    missing = await client.patch(
        "/v1/payment_links/test_zzzzzz", json={"active": True}, headers=bearer(keys.private_key)
    )
    assert missing.status_code == 404


async def test_open_amount_link_has_null_optionals(client, keys):
    body = {"name": "Abierto", "description": "Monto libre", "single_use": False}
    body |= {"collect_shipping": False, "currency": "COP"}
    link = (
        await client.post("/v1/payment_links", json=body, headers=bearer(keys.private_key))
    ).json()["data"]
    for field in ("amount_in_cents", "sku", "expires_at", "redirect_url", "image_url"):
        assert link[field] is None, field
    assert link["taxes"] == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": None}, "name"),
        ({"name": 5}, "name"),
        ({"single_use": "yes"}, "single_use"),
        ({"collect_shipping": None}, "collect_shipping"),
        ({"currency": "USD"}, "currency"),
        ({"amount_in_cents": 0}, "amount_in_cents"),
        ({"amount_in_cents": 1.5}, "amount_in_cents"),
        ({"sku": "x" * 37}, "sku"),
        ({"expires_at": "mañana"}, "expires_at"),
        ({"expires_at": "9999-12-31T23:59:59-23:59"}, "expires_at"),
        (
            {"customer_data": {"customer_references": [{"label": "x" * 25, "is_required": True}]}},
            "customer_data",
        ),
        ({"taxes": [{"type": "IVA", "amount_in_cents": 1}]}, "taxes"),
    ],
)
async def test_payment_link_validation(client, keys, change, field):
    body = {"name": "n", "description": "d", "single_use": True, "collect_shipping": False}
    body |= {"currency": "COP", **change}
    response = await client.post("/v1/payment_links", json=body, headers=bearer(keys.private_key))
    assert response.status_code == 422
    assert set(response.json()["error"]["messages"]) == {field}


# -- failure and latency controls -------------------------------------------------------------


async def test_fail_next_api_calls_then_recovers(client, keys, sandbox):
    sandbox.fail_next_api_calls(2, status=503)
    url = f"/v1/merchants/{keys.public_key}"
    statuses = [(await client.get(url)).status_code for _ in range(3)]
    assert statuses == [503, 503, 200]
    failing = await client.post("/_sandbox/api/fail", json={"n": 1})
    assert failing.status_code == 200
    failed = await client.get(url)
    assert failed.status_code == 500
    assert failed.json()["error"]["type"] == "INTERNAL_SERVER_ERROR"
    # Controls and pages are not API calls: never failed.
    sandbox.fail_next_api_calls(1)
    assert (await client.get("/_sandbox/transactions")).status_code == 200
    assert (await client.get(url)).status_code == 500


async def test_latency_applies_to_api_calls(client, keys, sandbox):
    url = f"/v1/merchants/{keys.public_key}"
    assert (await client.post("/_sandbox/api/latency", json={"ms": 150})).status_code == 200
    start = time.monotonic()
    await client.get(url)
    assert time.monotonic() - start >= 0.15
    sandbox.set_latency(0)
    start = time.monotonic()
    await client.get(url)
    assert time.monotonic() - start < 0.1


async def test_controls_validate_their_bodies(client):
    assert (await client.post("/_sandbox/api/fail", json={"n": -1})).status_code == 422
    assert (await client.post("/_sandbox/api/fail", json={"status": 200})).status_code == 422
    assert (await client.post("/_sandbox/api/latency", json={"ms": "x"})).status_code == 422
    assert (await client.post("/_sandbox/events/delay", json={})).status_code == 422
    assert (await client.post("/_sandbox/events/unknown")).status_code == 404
    assert (await client.post("/_sandbox/events/url", json={"url": "ftp://x"})).status_code == 422
    assert (await client.post("/_sandbox/transactions/1-1-1/approve")).status_code == 404
    assert (await client.post("/_sandbox/api/fail", content=b"{")).status_code == 422


async def test_sandbox_exposes_the_state_it_keeps(sandbox: Sandbox):
    assert sandbox.transactions() == []
    assert sandbox.sent_events() == []
