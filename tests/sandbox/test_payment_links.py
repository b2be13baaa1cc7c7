"""Payment links as payments flow through them (docs/wompi.md §7): link id and auto reference on the
transactions, single use after an APPROVED payment, expiry, deactivation."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta

import pytest

from mestore_desktop.sandbox.links import LINK_EXPIRED, LINK_INACTIVE, LINK_USED
from mestore_desktop.sandbox.state import Sandbox, SandboxValidationError
from tests.sandbox.helpers import bearer

pytestmark = pytest.mark.anyio

NEQUI_OK = {"type": "NEQUI", "phone_number": "3991111111"}


def link_body(**changes) -> dict:
    body = {"name": "Mesa 4", "description": "Cuenta mesa 4", "single_use": True}
    return body | {
        "collect_shipping": False,
        "currency": "COP",
        "amount_in_cents": 5000000,
        **changes,
    }


def pay(sandbox: Sandbox, link_id: str, amount: int = 5000000, method=NEQUI_OK) -> dict:
    return sandbox.create_transaction(
        amount_in_cents=amount,
        currency="COP",
        reference="",  # generated for link payments
        customer_email="payer@example.com",
        payment_method=method,
        payment_link_id=link_id,
    )


async def test_link_payments_carry_the_link_id_and_an_auto_reference(client, keys, sandbox):
    created = await client.post(
        "/v1/payment_links",
        json=link_body(single_use=False, redirect_url="https://pos.example.com/r"),
        headers=bearer(keys.private_key),
    )
    link_id = created.json()["data"]["id"]
    tx = pay(sandbox, link_id)
    assert tx["payment_link_id"] == link_id
    match = re.fullmatch(rf"{link_id}_(\d+)_([A-Za-z0-9]+)", tx["reference"])
    assert match and abs(int(match[1]) - time.time()) < 5
    assert tx["redirect_url"] == "https://pos.example.com/r"  # the link's, by default
    sandbox.approve(tx["id"])
    second = pay(sandbox, link_id)  # reusable: still payable
    assert second["reference"] != tx["reference"]
    event = sandbox.published_events()[0]
    assert event["data"]["transaction"]["payment_link_id"] == link_id
    assert sandbox.payment_link_url(link_id) == f"{sandbox.config.base_url}/l/{link_id}"


async def test_single_use_link_refuses_a_second_payment_after_approval(client, keys, sandbox):
    link_id = sandbox.create_payment_link(link_body())["id"]
    declined = pay(sandbox, link_id)
    sandbox.decline(declined["id"])
    assert sandbox.payment_link_problem(link_id) is None  # a failed attempt does not use it
    approved = pay(sandbox, link_id)
    assert sandbox.payment_link_problem(link_id) is None  # pending is not paid yet
    sandbox.approve(approved["id"])
    assert sandbox.payment_link_problem(link_id) == LINK_USED
    with pytest.raises(SandboxValidationError) as refused:
        pay(sandbox, link_id)
    assert refused.value.messages == {"payment_link_id": [LINK_USED]}


async def test_expired_link_is_refused(sandbox):
    past = (datetime.now(UTC) - timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%S")
    future = (datetime.now(UTC) + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    expired = sandbox.create_payment_link(link_body(expires_at=past))["id"]
    fresh = sandbox.create_payment_link(link_body(expires_at=future))["id"]
    assert sandbox.payment_link_problem(expired) == LINK_EXPIRED
    assert sandbox.payment_link_problem(fresh) is None
    with pytest.raises(SandboxValidationError) as refused:
        pay(sandbox, expired)
    assert refused.value.messages == {"payment_link_id": [LINK_EXPIRED]}


async def test_inactive_link_is_refused_until_reactivated(client, keys, sandbox):
    link_id = sandbox.create_payment_link(link_body())["id"]
    await client.patch(
        f"/v1/payment_links/{link_id}", json={"active": False}, headers=bearer(keys.private_key)
    )
    assert sandbox.payment_link_problem(link_id) == LINK_INACTIVE
    with pytest.raises(SandboxValidationError):
        pay(sandbox, link_id)
    sandbox.set_payment_link_active(link_id, True)
    assert pay(sandbox, link_id)["status"] == "PENDING"


async def test_fixed_amount_must_match_and_open_amount_takes_any(sandbox):
    fixed = sandbox.create_payment_link(link_body())["id"]
    with pytest.raises(SandboxValidationError) as wrong:
        pay(sandbox, fixed, amount=100)
    assert set(wrong.value.messages) == {"amount_in_cents"}
    open_link = sandbox.create_payment_link(link_body(amount_in_cents=None))["id"]
    assert pay(sandbox, open_link, amount=123400)["amount_in_cents"] == 123400


async def test_unknown_link_cannot_be_paid(sandbox):
    assert sandbox.payment_link_problem("test_nope00") == "El link de pago no existe"
    with pytest.raises(SandboxValidationError):
        pay(sandbox, "test_nope00")
