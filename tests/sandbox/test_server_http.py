"""Smoke over real HTTP: SandboxServer on a loopback port, a real events receiver on another,
and Python controls called from the test thread while uvicorn serves from its own."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from mestore_desktop.sandbox.config import SandboxConfig, generate_keys
from mestore_desktop.sandbox.server import SandboxServer
from mestore_desktop.wompi.signatures import integrity_signature, verify_event
from tests.sandbox.helpers import EventsReceiver, ThreadedReceiver, bearer, wait_for_sync


@pytest.fixture
def receiver() -> Iterator[ThreadedReceiver]:
    with ThreadedReceiver(EventsReceiver()) as threaded:
        yield threaded


@pytest.fixture
def server(receiver: ThreadedReceiver) -> Iterator[SandboxServer]:
    config = SandboxConfig(
        keys=generate_keys(),
        events_url=receiver.url,
        finalize_delay_s=0.05,
        retry_time_factor=1e-5,
    )
    with SandboxServer(config) as running:
        yield running


@pytest.fixture
def http(server: SandboxServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, timeout=5) as client:
        yield client


def test_base_url_is_the_real_port(server: SandboxServer, http: httpx.Client):
    assert server.base_url.startswith("http://127.0.0.1:")
    assert not server.base_url.endswith(":0")
    assert server.sandbox.config.base_url == server.base_url
    assert http.get(f"/v1/merchants/{server.config.keys.public_key}").status_code == 200


def test_direct_api_payment_end_to_end(server: SandboxServer, http: httpx.Client, receiver):
    keys = server.config.keys
    merchant = http.get(f"/v1/merchants/{keys.public_key}").json()["data"]
    card = {"number": "4242424242424242", "cvc": "123", "exp_month": "12", "exp_year": "29"}
    card["card_holder"] = "Cliente Ejemplo"
    token = http.post("/v1/tokens/cards", json=card, headers=bearer(keys.public_key)).json()
    body = {
        "acceptance_token": merchant["presigned_acceptance"]["acceptance_token"],
        "accept_personal_auth": merchant["presigned_personal_data_auth"]["acceptance_token"],
        "amount_in_cents": 2500000,
        "currency": "COP",
        "signature": integrity_signature("HTTP-1", 2500000, keys.integrity_secret),
        "customer_email": "cliente@example.com",
        "reference": "HTTP-1",
        "payment_method": {"type": "CARD", "token": token["data"]["id"], "installments": 1},
    }
    created = http.post("/v1/transactions", json=body, headers=bearer(keys.public_key))
    assert created.status_code == 201
    tx_id = created.json()["data"]["id"]
    wait_for_sync(lambda: receiver.receiver.received)
    received = receiver.receiver.received[0]
    assert verify_event(
        received.json, keys.events_secret, header_checksum=received.headers["x-event-checksum"]
    )
    assert http.get(f"/v1/transactions/{tx_id}").json()["data"]["status"] == "APPROVED"
    found = http.get("/v1/transactions?reference=HTTP-1", headers=bearer(keys.private_key))
    assert [t["id"] for t in found.json()["data"]] == [tx_id]
    voided = http.post(f"/v1/transactions/{tx_id}/void", headers=bearer(keys.private_key))
    assert voided.status_code == 201
    wait_for_sync(lambda: len(receiver.receiver.received) == 2)
    assert receiver.receiver.events()[1]["data"]["transaction"]["status"] == "VOIDED"


def test_errors_over_http(server: SandboxServer, http: httpx.Client):
    keys = server.config.keys
    assert http.get("/v1/transactions?reference=x").status_code == 401
    assert http.get("/v1/transactions/1-2-3").status_code == 404
    bad = http.post(
        "/v1/payment_links",
        content=b"{not json",
        headers={**bearer(keys.private_key), "Content-Type": "application/json"},
    )
    assert bad.status_code == 422
    assert bad.json()["error"]["type"] == "INPUT_VALIDATION_ERROR"


def test_links_banks_and_pages_are_served(server: SandboxServer, http: httpx.Client):
    keys = server.config.keys
    link = http.post(
        "/v1/payment_links",
        json={
            "name": "Mesa 1",
            "description": "Cuenta",
            "single_use": True,
            "collect_shipping": False,
            "currency": "COP",
            "amount_in_cents": 1500000,
        },
        headers=bearer(keys.private_key),
    ).json()["data"]
    assert http.get(f"/v1/payment_links/{link['id']}").json()["data"] == link
    patched = http.patch(
        f"/v1/payment_links/{link['id']}", json={"active": False}, headers=bearer(keys.private_key)
    )
    assert patched.json()["data"]["active"] is False
    banks = http.get("/v1/pse/financial_institutions", headers=bearer(keys.public_key))
    assert [b["financial_institution_code"] for b in banks.json()["data"]] == ["1", "2", "3"]
    # The hosted checkout and the link page are mounted (their content is pages.py's business).
    assert "text/html" in http.get("/p/").headers["content-type"]
    assert "text/html" in http.get(f"/l/{link['id']}").headers["content-type"]


def test_python_controls_from_another_thread(server: SandboxServer, http: httpx.Client, receiver):
    sandbox = server.sandbox
    tx = sandbox.create_transaction(
        amount_in_cents=990000,
        currency="COP",
        reference="THREAD-1",
        customer_email="a@example.com",
        payment_method={"type": "PSE", **_pse()},
        customer_data={"full_name": "Ana Pérez", "phone_number": "3001112233"},
    )
    assert tx["payment_method"]["extra"]["async_payment_url"].startswith(server.base_url)
    receiver.receiver.statuses = [500]
    sandbox.decline(tx["id"])  # from the test thread; the event goes out on uvicorn's loop
    # The receiver sees the retry before the sandbox has recorded its answer: wait for both.
    wait_for_sync(lambda: len(receiver.receiver.received) == 2)
    wait_for_sync(lambda: len(sandbox.sent_events()) == 2)
    assert [s["status_code"] for s in sandbox.sent_events()] == [500, 200]
    assert http.get(f"/v1/transactions/{tx['id']}").json()["data"]["status"] == "DECLINED"


def test_http_controls(server: SandboxServer, http: httpx.Client):
    keys = server.config.keys
    assert http.post("/_sandbox/api/fail", json={"n": 1, "status": 502}).status_code == 200
    assert http.get(f"/v1/merchants/{keys.public_key}").status_code == 502
    assert http.get(f"/v1/merchants/{keys.public_key}").status_code == 200


def _pse() -> dict:
    return {
        "user_type": 0,
        "user_legal_id_type": "CC",
        "user_legal_id": "1099888777",
        "financial_institution_code": "2",
        "payment_description": "Pago de prueba",
    }
