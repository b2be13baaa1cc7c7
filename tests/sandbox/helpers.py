"""Helpers for sandbox tests: signed bodies, tokens, a scriptable events receiver, waiting."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from mestore_desktop.sandbox.config import SandboxKeys
from mestore_desktop.serving import bind_socket
from mestore_desktop.wompi.signatures import integrity_signature

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "wompi_examples"


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


async def acceptance_tokens(client: httpx.AsyncClient, keys: SandboxKeys) -> dict[str, str]:
    merchant = (await client.get(f"/v1/merchants/{keys.public_key}")).json()["data"]
    return {
        "acceptance_token": merchant["presigned_acceptance"]["acceptance_token"],
        "accept_personal_auth": merchant["presigned_personal_data_auth"]["acceptance_token"],
    }


async def card_token(
    client: httpx.AsyncClient, keys: SandboxKeys, number: str = "4242424242424242"
) -> str:
    card = {
        "number": number,
        "cvc": "123",
        "exp_month": "12",
        "exp_year": "29",
        "card_holder": "Cliente Ejemplo",
    }
    response = await client.post("/v1/tokens/cards", json=card, headers=bearer(keys.public_key))
    assert response.status_code == 201, response.text
    return str(response.json()["data"]["id"])


def transaction_body(
    keys: SandboxKeys,
    acceptance: dict[str, str],
    payment_method: dict[str, Any],
    *,
    reference: str = "POS-CAJA1-000123",
    amount: int = 2500000,
    **extra: Any,
) -> dict[str, Any]:
    return {
        **acceptance,
        "amount_in_cents": amount,
        "currency": "COP",
        "signature": integrity_signature(reference, amount, keys.integrity_secret),
        "customer_email": "cliente@example.com",
        "reference": reference,
        "payment_method": payment_method,
        "redirect_url": "https://pos.example.com/wompi/return",
        "customer_data": {"full_name": "Cliente Ejemplo", "phone_number": "+573001112233"},
        **extra,
    }


def pse_method(bank: str) -> dict[str, Any]:
    return {
        "type": "PSE",
        "user_type": 0,
        "user_legal_id_type": "CC",
        "user_legal_id": "1099888777",
        "financial_institution_code": bank,
        "payment_description": "Pago en Tienda Demo",
    }


async def wait_for(predicate: Callable[[], Any], timeout: float = 3.0) -> Any:
    """Poll `predicate` on the loop until it returns something truthy."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := predicate():
            return result
        await asyncio.sleep(0.005)
    raise AssertionError("condition not met in time")


def wait_for_sync(predicate: Callable[[], Any], timeout: float = 5.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := predicate():
            return result
        time.sleep(0.01)
    raise AssertionError("condition not met in time")


@dataclass
class Received:
    body: bytes
    headers: dict[str, str]

    @property
    def json(self) -> dict[str, Any]:
        return json.loads(self.body)  # type: ignore[no-any-return]


@dataclass
class EventsReceiver:
    """A merchant's events endpoint: records each POST and answers the next scripted status."""

    statuses: list[int] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def app(self) -> Starlette:
        async def events(request: Request) -> Response:
            body = await request.body()
            with self.lock:
                self.received.append(Received(body, dict(request.headers)))
                status = self.statuses.pop(0) if self.statuses else 200
            return PlainTextResponse("ok", status_code=status)

        return Starlette(routes=[Route("/events", events, methods=["POST"])])

    def transport(self) -> httpx.ASGITransport:
        return httpx.ASGITransport(app=self.app())

    def events(self) -> list[dict[str, Any]]:
        with self.lock:
            return [r.json for r in self.received]


class ThreadedReceiver:
    """An EventsReceiver served by uvicorn on a loopback port in a thread (real HTTP)."""

    def __init__(self, receiver: EventsReceiver) -> None:
        self.receiver = receiver
        self._sock = bind_socket("127.0.0.1", 0)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}/events"
        config = uvicorn.Config(receiver.app(), log_level="warning", lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._sock]}, daemon=True
        )

    def __enter__(self) -> ThreadedReceiver:
        self._thread.start()
        wait_for_sync(lambda: self._server.started)
        return self

    def __exit__(self, *_: object) -> None:
        self._server.should_exit = True
        self._thread.join(5)
        self._sock.close()
