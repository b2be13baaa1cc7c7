"""Property: whatever a client sends, the API answers with a Wompi envelope and never a 500."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sandbox.helpers import acceptance_tokens, bearer, pse_method, transaction_body

pytestmark = pytest.mark.anyio

scalars = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
TX_FIELDS = [
    "acceptance_token",
    "accept_personal_auth",
    "amount_in_cents",
    "currency",
    "signature",
    "customer_email",
    "reference",
    "payment_method",
    "payment_method_type",
    "redirect_url",
    "expiration_time",
    "customer_data",
    "shipping_address",
    "taxes",
]
LINK_FIELDS = [
    "name",
    "description",
    "single_use",
    "collect_shipping",
    "currency",
    "amount_in_cents",
    "expires_at",
    "redirect_url",
    "image_url",
    "sku",
    "customer_data",
    "taxes",
]
PAYMENT_METHODS = st.fixed_dictionaries(
    {"type": st.sampled_from(["CARD", "NEQUI", "PSE", "X"]) | json_values},
    optional={
        k: json_values
        for k in [
            "token",
            "installments",
            "phone_number",
            "user_type",
            "user_legal_id_type",
            "user_legal_id",
            "financial_institution_code",
            "payment_description",
            "number",
        ]
    },
)


def shaped(fields: list[str]) -> st.SearchStrategy[dict]:
    values = {f: json_values for f in fields} | {"payment_method": PAYMENT_METHODS | json_values}
    return st.fixed_dictionaries({}, optional={f: values[f] for f in fields})


CALLS = [
    ("POST", "/v1/transactions", "public_key", TX_FIELDS),
    (
        "POST",
        "/v1/tokens/cards",
        "public_key",
        ["number", "cvc", "exp_month", "exp_year", "card_holder"],
    ),
    ("POST", "/v1/tokens/nequi", "public_key", ["phone_number"]),
    ("POST", "/v1/payment_links", "private_key", LINK_FIELDS),
]
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def assert_envelope(response) -> None:
    assert response.status_code < 500, response.text
    body = response.json()
    assert set(body) in ({"data", "meta"}, {"error"}, {"status", "data"}), body
    if "error" in body:
        assert isinstance(body["error"]["type"], str)


ALL_FIELDS = sorted({f for call in CALLS for f in call[3]})


@FUZZ
@given(call=st.sampled_from(CALLS), payload=shaped(ALL_FIELDS) | json_values)
async def test_structured_bodies_never_500(client, keys, call, payload):
    method, path, key, _ = call
    response = await client.request(
        method, path, content=json.dumps(payload), headers=bearer(getattr(keys, key))
    )
    assert_envelope(response)


@FUZZ
@given(raw=st.binary(max_size=64), path=st.sampled_from([c[1] for c in CALLS]))
async def test_raw_bytes_never_500(client, keys, raw, path):
    response = await client.post(path, content=raw, headers=bearer(keys.private_key))
    assert_envelope(response)


@FUZZ
@given(
    params=st.dictionaries(
        st.sampled_from(
            [
                "reference",
                "from_date",
                "until_date",
                "page",
                "page_size",
                "order",
                "order_by",
                "status",
            ]
        ),
        st.text(max_size=12),
        max_size=6,
    )
)
async def test_search_queries_never_500(client, keys, params):
    response = await client.get("/v1/transactions", params=params, headers=bearer(keys.private_key))
    assert_envelope(response)


@FUZZ
@given(
    segment=st.text(min_size=1, max_size=30).filter(
        lambda s: "/" not in s and "?" not in s and "#" not in s
    )
)
async def test_path_ids_never_500(client, keys, segment):
    segment = quote(segment, safe="")
    for path in [
        f"/v1/transactions/{segment}",
        f"/v1/payment_links/{segment}",
        f"/v1/merchants/{segment}",
        f"/v1/tokens/nequi/{segment}",
    ]:
        response = await client.get(path, headers=bearer(keys.public_key))
        assert_envelope(response)
    voided = await client.post(f"/v1/transactions/{segment}/void", headers=bearer(keys.private_key))
    assert_envelope(voided)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("user_legal_id_type", []),
        ("user_legal_id_type", {"a": 1}),
        ("financial_institution_code", []),
    ],
)
async def test_unhashable_pse_fields_are_a_422(client, keys, field, value):
    """Found by the fuzzer: a JSON list where a code is expected once crashed a set lookup."""
    acceptance = await acceptance_tokens(client, keys)
    method = pse_method("1") | {field: value}
    body = transaction_body(keys, acceptance, method, reference="FUZZ-PSE-1")
    response = await client.post("/v1/transactions", json=body, headers=bearer(keys.public_key))
    assert response.status_code == 422, response.text
    assert field in json.dumps(response.json()["error"]["messages"])


async def test_unhashable_tax_type_is_a_422(client, keys):
    acceptance = await acceptance_tokens(client, keys)
    taxes = [{"type": [], "amount_in_cents": 1}]
    body = transaction_body(keys, acceptance, pse_method("1"), reference="FUZZ-T-1", taxes=taxes)
    response = await client.post("/v1/transactions", json=body, headers=bearer(keys.public_key))
    assert response.status_code == 422, response.text
