"""`POST /_sandbox/payment_links/{id}/pay`: a test pays a link as a customer would on its page.

The control fills the link page's own form (sandbox/pages.py `parse_payment`) with the test
data that gives the asked outcome, creates the transaction the page creates (the link's id,
the generated `<link id>_<unix>_<random>` reference, the link's redirect URL) and settles it,
so the same `transaction.updated` event goes out. It refuses what the page refuses (an
inactive, expired or used single-use link: 422 with Wompi's message) and never answers 500.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mestore_desktop.sandbox.links import LINK_EXPIRED, LINK_INACTIVE, LINK_USED
from mestore_desktop.sandbox.state import Sandbox

pytestmark = pytest.mark.anyio

METHODS = ("CARD", "NEQUI", "PSE")
OUTCOMES = ("APPROVED", "DECLINED", "ERROR")


def link_body(**changes: Any) -> dict[str, Any]:
    body = {"name": "Pedido 12", "description": "Cuenta mesa 4", "single_use": True}
    return body | {
        "collect_shipping": False,
        "currency": "COP",
        "amount_in_cents": 5_000_000,
        **changes,
    }


async def pay(client: httpx.AsyncClient, link_id: str, body: Any) -> httpx.Response:
    return await client.post(f"/_sandbox/payment_links/{link_id}/pay", json=body)


def messages(response: httpx.Response) -> dict[str, list[str]]:
    assert response.status_code == 422, response.text
    return dict(response.json()["error"]["messages"])


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("outcome", OUTCOMES)
async def test_each_method_ends_as_asked_with_the_link_and_a_generated_reference(
    client: httpx.AsyncClient, sandbox: Sandbox, method: str, outcome: str
) -> None:
    link = sandbox.create_payment_link(link_body(redirect_url="https://tienda.example/gracias"))
    response = await pay(client, link["id"], {"method": method, "outcome": outcome})
    assert response.status_code == 201, response.text
    tx = response.json()["data"]
    assert (tx["status"], tx["payment_method_type"]) == (outcome, method)
    assert tx["payment_link_id"] == link["id"]
    assert tx["amount_in_cents"] == 5_000_000
    assert re.fullmatch(rf"{link['id']}_\d+_[A-Za-z0-9]+", tx["reference"])
    assert tx["redirect_url"] == "https://tienda.example/gracias"  # the link's, as on the page
    assert sandbox.get_transaction(tx["id"])["status"] == outcome
    [event] = sandbox.published_events()
    sent = event["data"]["transaction"]
    assert (sent["id"], sent["status"], sent["payment_link_id"]) == (tx["id"], outcome, link["id"])


async def test_a_single_use_link_is_refused_after_its_approval_but_not_after_a_decline(
    client: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    link_id = sandbox.create_payment_link(link_body())["id"]
    declined = await pay(client, link_id, {"method": "CARD", "outcome": "DECLINED"})
    assert declined.json()["data"]["status"] == "DECLINED"
    approved = await pay(client, link_id, {"method": "NEQUI", "outcome": "APPROVED"})
    assert approved.json()["data"]["status"] == "APPROVED"
    again = await pay(client, link_id, {"method": "CARD", "outcome": "APPROVED"})
    assert messages(again) == {"payment_link_id": [LINK_USED]}
    page = await client.get(f"/l/{link_id}")  # the customer's page says the same
    assert page.status_code == 422 and LINK_USED in page.text
    assert len(sandbox.transactions()) == 2


async def test_a_reusable_link_takes_several_payments(
    client: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    link_id = sandbox.create_payment_link(link_body(single_use=False))["id"]
    for _ in range(2):
        response = await pay(client, link_id, {"method": "CARD", "outcome": "APPROVED"})
        assert response.status_code == 201
    references = {tx["reference"] for tx in sandbox.transactions()}
    assert len(references) == 2


async def test_an_inactive_link_is_refused_with_wompis_message(
    client: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    link_id = sandbox.create_payment_link(link_body())["id"]
    sandbox.set_payment_link_active(link_id, False)
    response = await pay(client, link_id, {"method": "CARD", "outcome": "APPROVED"})
    assert messages(response) == {"payment_link_id": [LINK_INACTIVE]}
    assert sandbox.transactions() == []


async def test_a_link_past_its_expiry_on_the_sandbox_clock_is_refused(
    client: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    # An hour from now, then the sandbox's clock moves two hours on.
    expires = (sandbox.clock.now() + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S")
    link_id = sandbox.create_payment_link(link_body(expires_at=expires))["id"]
    advanced = await client.post("/_sandbox/clock/advance", json={"seconds": 7200})
    assert advanced.status_code == 200
    response = await pay(client, link_id, {"method": "PSE", "outcome": "APPROVED"})
    assert messages(response) == {"payment_link_id": [LINK_EXPIRED]}
    assert sandbox.transactions() == []


async def test_an_open_amount_link_needs_whole_pesos_and_a_fixed_one_refuses_an_amount(
    client: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    open_id = sandbox.create_payment_link(link_body(amount_in_cents=None))["id"]
    fixed_id = sandbox.create_payment_link(link_body())["id"]
    missing = await pay(client, open_id, {"method": "CARD", "outcome": "APPROVED"})
    assert set(messages(missing)) == {"amount_in_cents"}
    cents = await pay(
        client, open_id, {"method": "CARD", "outcome": "APPROVED", "amount_in_cents": 1_234_550}
    )
    assert set(messages(cents)) == {"amount_in_cents"}
    given_fixed = await pay(
        client, fixed_id, {"method": "CARD", "outcome": "APPROVED", "amount_in_cents": 5_000_000}
    )
    assert set(messages(given_fixed)) == {"amount_in_cents"}
    assert sandbox.transactions() == []
    paid = await pay(
        client, open_id, {"method": "NEQUI", "outcome": "APPROVED", "amount_in_cents": 3_210_000}
    )
    assert paid.status_code == 201
    assert paid.json()["data"]["amount_in_cents"] == 3_210_000


async def test_an_unknown_link_is_404(client: httpx.AsyncClient) -> None:
    response = await pay(client, "test_nope00", {"method": "CARD", "outcome": "APPROVED"})
    assert response.status_code == 404
    assert response.json()["error"]["type"] == "NOT_FOUND_ERROR"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"method": "CARD"},
        {"outcome": "APPROVED"},
        {"method": "card", "outcome": "APPROVED"},
        {"method": "CARD", "outcome": "PENDING"},
        {"method": "CARD", "outcome": "VOIDED"},
        {"method": ["CARD"], "outcome": {"x": 1}},
        {"method": "CARD", "outcome": "APPROVED", "amount_in_cents": True},
        {"method": "CARD", "outcome": "APPROVED", "amount_in_cents": "5000000"},
        {"method": "CARD", "outcome": "APPROVED", "amount_in_cents": 50000.0},
        {"method": "CARD", "outcome": "APPROVED", "amount_in_cents": -100},
        {"method": "CARD", "outcome": "APPROVED", "amount_in_cents": 0},
        {"method": "CARD", "outcome": "APPROVED", "amount_in_cents": 10**20},
        [1, 2],
        "CARD",
        None,
    ],
)
async def test_bad_bodies_are_422_and_create_nothing(
    client: httpx.AsyncClient, sandbox: Sandbox, body: Any
) -> None:
    for amount in (5_000_000, None):
        link_id = sandbox.create_payment_link(link_body(amount_in_cents=amount))["id"]
        response = await pay(client, link_id, body)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["error"]["type"] == "INPUT_VALIDATION_ERROR"
    assert sandbox.transactions() == []


async def test_a_body_that_is_not_json_is_422(client: httpx.AsyncClient, sandbox: Sandbox) -> None:
    link_id = sandbox.create_payment_link(link_body())["id"]
    for raw in (b"", b"{", b"\xff\xfe", b"[" * 5000):
        response = await client.post(f"/_sandbox/payment_links/{link_id}/pay", content=raw)
        assert response.status_code == 422, raw[:10]
    assert sandbox.transactions() == []


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)
FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "method": st.sampled_from(METHODS) | JSON,
        "outcome": st.sampled_from(OUTCOMES) | JSON,
        "amount_in_cents": st.integers(-(10**14), 10**14) | JSON,
    },
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=FIELDS | JSON, link_id=st.sampled_from(["fixed", "open", "test_nope00", "a b", "é"]))
async def test_never_a_500(
    client: httpx.AsyncClient, sandbox: Sandbox, body: Any, link_id: str
) -> None:
    links = {
        "fixed": sandbox.create_payment_link(link_body(single_use=False))["id"],
        "open": sandbox.create_payment_link(link_body(amount_in_cents=None, single_use=False))[
            "id"
        ],
    }
    raw = json.dumps(body, allow_nan=True).encode()
    target = links.get(link_id, link_id)
    response = await client.post(f"/_sandbox/payment_links/{target}/pay", content=raw)
    assert response.status_code in (201, 404, 422), response.text
