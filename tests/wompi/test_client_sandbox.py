"""WompiClient against the local Wompi sandbox, in-process (ASGITransport) and over real HTTP.

Every test runs twice: once through `httpx.ASGITransport` (no socket) and once against uvicorn
on a loopback port. Requests are counted with an httpx event hook, so retries and the breaker
are checked by what actually went over the wire. Backoff sleeps are recorded, not slept.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

import httpx
import pytest

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.payment import PaymentStatus, StatusSource
from mestore_desktop.sandbox.app import create_app
from mestore_desktop.sandbox.config import SandboxConfig, generate_keys
from mestore_desktop.sandbox.server import SandboxServer
from mestore_desktop.sandbox.state import Sandbox
from mestore_desktop.wompi.client import WompiClient
from mestore_desktop.wompi.errors import (
    WompiAuthError,
    WompiBadResponseError,
    WompiCircuitOpenError,
    WompiNotFoundError,
    WompiTimeoutError,
    WompiUnavailableError,
    WompiValidationError,
)
from mestore_desktop.wompi.models import PaymentLinkRequest, Transaction, TransactionRequest
from mestore_desktop.wompi.resilience import BreakerState, CircuitBreaker, RetryPolicy
from mestore_desktop.wompi.signatures import integrity_signature

T = TypeVar("T")
TODAY = datetime.now(UTC).date()
# Around today, so a run that crosses midnight UTC still finds what it just created.
FROM, UNTIL = TODAY - timedelta(days=1), TODAY + timedelta(days=1)


@dataclass
class Wire:
    """One sandbox and a way to reach it; `run` builds a fresh client per scenario."""

    mode: str
    config: SandboxConfig
    sandbox: Sandbox
    base_url: str
    app: Any = None
    sent: list[httpx.Request] = field(default_factory=list)
    sleeps: list[float] = field(default_factory=list)
    now: float = 0.0

    def run(self, scenario: Callable[[WompiClient], Awaitable[T]], **client_kwargs: Any) -> T:
        return asyncio.run(self._run(scenario, client_kwargs))

    async def _run(self, scenario: Callable[[WompiClient], Awaitable[T]], kwargs: Any) -> T:
        async def record(request: httpx.Request) -> None:
            self.sent.append(request)

        async def sleep(seconds: float) -> None:
            self.sleeps.append(seconds)

        transport = httpx.ASGITransport(app=self.app) if self.mode == "asgi" else None
        hooks = {"request": [record]}
        async with httpx.AsyncClient(transport=transport, event_hooks=hooks) as http:
            options: dict[str, Any] = {
                "api_base_url": self.base_url + "/v1",
                "public_key": self.config.keys.public_key,
                "private_key": self.config.keys.private_key,
                "retry": RetryPolicy(sleep=sleep),
                "breaker": CircuitBreaker(clock=lambda: self.now),
                "timeout": 5.0,
            }
            options.update(kwargs)
            try:
                return await scenario(WompiClient(http, **options))
            finally:
                if self.mode == "asgi":
                    # ASGITransport runs no lifespan: the sandbox's timers end with this loop.
                    await self.sandbox.aclose()


@pytest.fixture(params=["asgi", "http"])
def wire(request: pytest.FixtureRequest) -> Iterator[Wire]:
    config = SandboxConfig(keys=generate_keys(), auto_finalize=False)
    if request.param == "asgi":
        app = create_app(config)
        yield Wire("asgi", config, app.state.sandbox, config.base_url, app=app)
        return
    with SandboxServer(config) as server:
        yield Wire("http", server.config, server.sandbox, server.base_url)


def new_sale(sandbox: Sandbox, reference: str, method: dict[str, Any] | None = None) -> str:
    """A PENDING transaction created through the sandbox's control (as the checkout would)."""
    tx = sandbox.create_transaction(
        amount_in_cents=2_500_000,
        currency="COP",
        reference=reference,
        customer_email="cliente@example.com",
        payment_method=method or {"type": "NEQUI", "phone_number": "3991111111"},
    )
    return str(tx["id"])


async def card_request(
    client: WompiClient, wire: Wire, reference: str, *, signature: str | None = None
) -> TransactionRequest:
    merchant = await client.get_merchant()
    token = await client.tokenize_card("4242424242424242", "123", "08", "35", "José Pérez")
    secret = wire.config.keys.integrity_secret
    return TransactionRequest(
        amount_in_cents=2_500_000,
        currency="COP",
        reference=reference,
        customer_email="cliente@example.com",
        signature=signature or integrity_signature(reference, 2_500_000, secret),
        acceptance_token=merchant.acceptance_token,
        accept_personal_auth=merchant.personal_data_auth_token,
        payment_method={"type": "CARD", "token": token.id, "installments": 1},
    )


# --- every endpoint ----------------------------------------------------------------------


def test_direct_card_payment_from_merchant_to_void(wire: Wire) -> None:
    async def scenario(client: WompiClient) -> list[Transaction]:
        created = await client.create_transaction(await card_request(client, wire, "POS-1-0001"))
        wire.sandbox.approve(created.id)
        approved = await client.get_transaction(created.id)
        voided = await client.void_transaction(created.id)
        found = await client.find_transactions("POS-1-0001")
        return [created, approved, voided, *found]

    created, approved, voided, *found = wire.run(scenario)
    assert created.status is PaymentStatus.PENDING
    assert approved.status is PaymentStatus.APPROVED
    assert approved.method_label == "VISA ••4242"
    assert voided.status is PaymentStatus.VOIDED
    assert [t.id for t in found] == [created.id]
    assert found[0].status is PaymentStatus.VOIDED
    methods = [(r.method, r.url.path.split("/")[2]) for r in wire.sent]
    assert methods == [
        ("GET", "merchants"),
        ("POST", "tokens"),
        ("POST", "transactions"),
        ("GET", "transactions"),
        ("POST", "transactions"),
        ("GET", "transactions"),
    ]


def test_merchant_carries_both_acceptance_tokens(wire: Wire) -> None:
    merchant = wire.run(lambda c: c.get_merchant())
    assert merchant.name == wire.config.merchant_name
    assert merchant.public_key == wire.config.keys.public_key
    assert merchant.acceptance_token
    assert merchant.personal_data_auth_token
    assert merchant.acceptance_permalink.startswith("http")
    assert "CARD" in merchant.accepted_payment_methods


def test_a_declined_nequi_payment_becomes_a_domain_observation(wire: Wire) -> None:
    tx_id = new_sale(wire.sandbox, "POS-1-0002", {"type": "NEQUI", "phone_number": "3992222222"})
    wire.sandbox.decline(tx_id)
    tx = wire.run(lambda c: c.get_transaction(tx_id))
    at = datetime.now(UTC)
    obs = tx.to_observation(StatusSource.POLL, at)
    assert obs.status is PaymentStatus.DECLINED
    assert obs.amount == Money(2_500_000)
    assert obs.payment_method == "Nequi 399•••2222"
    assert tx.finalized_at is not None


def test_a_pse_payment_through_the_api_exposes_the_bank_url(wire: Wire) -> None:
    async def scenario(client: WompiClient) -> tuple[Transaction, Transaction]:
        merchant = await client.get_merchant()
        bank = (await client.pse_financial_institutions())[0]
        request = TransactionRequest(
            amount_in_cents=2_500_000,
            currency="COP",
            reference="POS-1-0007",
            customer_email="cliente@example.com",
            signature=integrity_signature(
                "POS-1-0007", 2_500_000, wire.config.keys.integrity_secret
            ),
            acceptance_token=merchant.acceptance_token,
            accept_personal_auth=merchant.personal_data_auth_token,
            payment_method={
                "type": "PSE",
                "user_type": 0,
                "user_legal_id_type": "CC",
                "user_legal_id": "1020304050",
                "financial_institution_code": bank.code,
                "payment_description": "Pedido 7",
            },
            customer_data={"full_name": "Cliente Ejemplo", "phone_number": "+573001112233"},
            redirect_url="https://pos.example/wompi/return",
        )
        created = await client.create_transaction(request)
        wire.sandbox.approve(created.id)
        return created, await client.get_transaction(created.id)

    created, approved = wire.run(scenario)
    assert created.status is PaymentStatus.PENDING
    assert created.payment_method.async_payment_url
    assert created.payment_method.financial_institution_code == "1"
    assert created.redirect_url == "https://pos.example/wompi/return"
    assert approved.status is PaymentStatus.APPROVED
    assert approved.method_label == "PSE"


def test_nequi_tokenization(wire: Wire) -> None:
    token = wire.run(lambda c: c.tokenize_nequi("3991111111"))
    assert token.id
    assert token.status == "PENDING"
    assert token.phone_number == "3991111111"


def test_pse_financial_institutions(wire: Wire) -> None:
    banks = wire.run(lambda c: c.pse_financial_institutions())
    assert ("1", "Banco que aprueba") in [(b.code, b.name) for b in banks]
    assert all(b.code and b.name for b in banks)


def test_payment_link_create_get_deactivate_reactivate(wire: Wire) -> None:
    expires = datetime.now(UTC) + timedelta(days=1)
    request = PaymentLinkRequest(
        name="Mesa 12 - Cuenta",
        description="Consumo mesa 12",
        single_use=True,
        collect_shipping=False,
        amount_in_cents=8_750_000,
        expires_at=expires,
        sku="POS-1-0003",
    )

    async def scenario(client: WompiClient) -> list[Any]:
        created = await client.create_payment_link(request)
        read = await client.get_payment_link(created.id)
        off = await client.set_payment_link_active(created.id, False)
        on = await client.set_payment_link_active(created.id, True)
        return [created, read, off, on]

    created, read, off, on = wire.run(scenario)
    assert created.active and created.single_use
    assert created.amount_in_cents == 8_750_000
    assert created.sku == "POS-1-0003"
    assert created.expires_at is not None
    assert abs(created.expires_at - expires) < timedelta(seconds=1)
    assert read.id == created.id
    assert (off.active, on.active) == (False, True)


def test_an_open_amount_link(wire: Wire) -> None:
    request = PaymentLinkRequest("Abono", "Abono libre", False, False, None)
    link = wire.run(lambda c: c.create_payment_link(request))
    assert link.amount_in_cents is None


# --- pagination --------------------------------------------------------------------------


def test_search_walks_450_transactions_in_three_pages(wire: Wire) -> None:
    ids = [new_sale(wire.sandbox, f"POS-P-{n:04d}") for n in range(450)]

    async def scenario(client: WompiClient) -> list[list[Transaction]]:
        return [page async for page in client.iter_transaction_pages(FROM, UNTIL, page_size=200)]

    pages = wire.run(scenario)
    assert [len(p) for p in pages] == [200, 200, 50]
    assert [t.id for page in pages for t in page] == ids
    assert [r.url.params["page"] for r in wire.sent] == ["1", "2", "3"]


def test_search_of_an_exact_multiple_needs_no_empty_page(wire: Wire) -> None:
    for n in range(400):
        new_sale(wire.sandbox, f"POS-Q-{n:04d}")
    found = wire.run(lambda c: c.search_transactions(FROM, UNTIL))
    assert len({t.id for t in found}) == 400
    assert len(wire.sent) == 2  # meta.total_results told the client it had everything


def test_search_of_a_day_without_sales_is_empty(wire: Wire) -> None:
    new_sale(wire.sandbox, "POS-R-0001")
    past = date(2020, 1, 1)
    assert wire.run(lambda c: c.search_transactions(past, past)) == []


def test_find_by_reference_returns_the_payers_retries(wire: Wire) -> None:
    first = new_sale(wire.sandbox, "POS-S-0001", {"type": "NEQUI", "phone_number": "3992222222"})
    wire.sandbox.decline(first)
    second = new_sale(wire.sandbox, "POS-S-0001")
    found = wire.run(lambda c: c.find_transactions("POS-S-0001"))
    assert [(t.id, t.status) for t in found] == [
        (first, PaymentStatus.DECLINED),
        (second, PaymentStatus.PENDING),
    ]


# --- every error type --------------------------------------------------------------------


def test_a_private_key_of_another_sandbox_is_an_auth_error(wire: Wire) -> None:
    stranger = generate_keys().private_key
    with pytest.raises(WompiAuthError) as caught:
        wire.run(lambda c: c.find_transactions("POS-1"), private_key=stranger)
    assert caught.value.http_status == 401
    assert caught.value.error_type == "INVALID_ACCESS_TOKEN"
    assert len(wire.sent) == 1  # not retried


def test_a_production_key_on_the_sandbox_is_an_auth_error(wire: Wire) -> None:
    prod = "pub_prod_" + "x" * 32
    with pytest.raises(WompiAuthError):
        wire.run(lambda c: c.get_merchant(), public_key=prod)


def test_an_unknown_public_key_is_not_found(wire: Wire) -> None:
    with pytest.raises(WompiNotFoundError):
        wire.run(lambda c: c.get_merchant(), public_key=generate_keys().public_key)


def test_the_public_key_cannot_do_private_work(wire: Wire) -> None:
    # Misconfigured: the public key pasted where the private one goes.
    with pytest.raises(WompiAuthError):
        wire.run(lambda c: c.find_transactions("POS-1"), private_key=wire.config.keys.public_key)


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.get_transaction("12345-1700000000-00000"),
        lambda c: c.get_payment_link("test_nope00"),
        lambda c: c.void_transaction("12345-1700000000-00000"),
        lambda c: c.set_payment_link_active("test_nope00", False),
    ],
)
def test_unknown_ids_are_not_found(wire: Wire, call: Callable[[WompiClient], Any]) -> None:
    with pytest.raises(WompiNotFoundError) as caught:
        wire.run(call)
    assert caught.value.http_status == 404
    assert len(wire.sent) == 1


def test_a_bad_signature_is_a_validation_error_on_the_signature_field(wire: Wire) -> None:
    async def scenario(client: WompiClient) -> None:
        request = await card_request(client, wire, "POS-1-0004", signature="0" * 64)
        await client.create_transaction(request)

    with pytest.raises(WompiValidationError) as caught:
        wire.run(scenario)
    assert "signature" in caught.value.field_messages
    assert "firma" in str(caught.value)


def test_a_reused_reference_is_a_validation_error_on_the_reference(wire: Wire) -> None:
    async def scenario(client: WompiClient) -> None:
        await client.create_transaction(await card_request(client, wire, "POS-1-0005"))
        await client.create_transaction(await card_request(client, wire, "POS-1-0005"))

    with pytest.raises(WompiValidationError) as caught:
        wire.run(scenario)
    assert list(caught.value.field_messages) == ["reference"]
    assert str(caught.value).startswith("Wompi rechazó los datos enviados. reference: ")


def test_voiding_a_declined_payment_is_refused(wire: Wire) -> None:
    tx_id = new_sale(wire.sandbox, "POS-1-0006")
    wire.sandbox.decline(tx_id)
    with pytest.raises(WompiValidationError) as caught:
        wire.run(lambda c: c.void_transaction(tx_id))
    assert caught.value.field_messages
    assert len(wire.sent) == 1


def test_a_bad_card_is_refused_with_field_messages(wire: Wire) -> None:
    with pytest.raises(WompiValidationError) as caught:
        wire.run(lambda c: c.tokenize_card("123", "1", "13", "10", "J"))
    assert caught.value.field_messages


def test_an_api_url_pointing_at_the_checkout_pages_is_a_bad_response(wire: Wire) -> None:
    link = wire.run(
        lambda c: c.create_payment_link(PaymentLinkRequest("L", "D", False, False, 100_000))
    )
    # A base URL that lands on the payer's link page (the "?" turns the API path into a
    # query string): a 200 with HTML, as from a captive portal or a pasted checkout address.
    page = f"{wire.base_url}/l/{link.id}?"
    with pytest.raises(WompiBadResponseError):
        wire.run(lambda c: c.get_payment_link(link.id), api_base_url=page)
    assert wire.sent[-1].url.path == f"/l/{link.id}"


# --- retries, timeouts, breaker ------------------------------------------------------------


def test_reads_retry_through_transient_5xx(wire: Wire) -> None:
    tx_id = new_sale(wire.sandbox, "POS-2-0001")
    wire.sandbox.fail_next_api_calls(2, status=503)
    assert wire.run(lambda c: c.get_transaction(tx_id)).id == tx_id
    assert len(wire.sent) == 3
    assert len(wire.sleeps) == 2
    assert all(0 <= s <= 2.0 for s in wire.sleeps)


def test_persistent_5xx_exhausts_the_retries(wire: Wire) -> None:
    wire.sandbox.fail_next_api_calls(3)
    with pytest.raises(WompiUnavailableError) as caught:
        wire.run(lambda c: c.pse_financial_institutions())
    assert type(caught.value) is WompiUnavailableError
    assert (caught.value.http_status, caught.value.attempts) == (500, 3)
    assert len(wire.sent) == 3


def test_a_failed_create_is_not_retried(wire: Wire) -> None:
    async def scenario(client: WompiClient) -> None:
        request = await card_request(client, wire, "POS-2-0002")
        wire.sandbox.fail_next_api_calls(1)
        await client.create_transaction(request)

    with pytest.raises(WompiUnavailableError):
        wire.run(scenario)
    assert [r.method for r in wire.sent] == ["GET", "POST", "POST"]  # merchant, token, create
    assert wire.sleeps == []
    assert wire.sandbox.transactions_by_reference("POS-2-0002") == []


def test_a_slow_sandbox_times_out(wire: Wire) -> None:
    wire.sandbox.set_latency(400)
    with pytest.raises(WompiTimeoutError) as caught:
        wire.run(lambda c: c.pse_financial_institutions(), timeout=0.1)
    assert caught.value.attempts == 3
    assert len(wire.sent) == 3
    wire.sandbox.set_latency(0)


def test_the_breaker_opens_fails_fast_then_recovers(wire: Wire) -> None:
    tx_id = new_sale(wire.sandbox, "POS-2-0003")
    wire.sandbox.fail_next_api_calls(5)

    async def scenario(client: WompiClient) -> None:
        for _ in range(2):  # 3 + 2 failed attempts: the fifth opens the breaker
            with pytest.raises(WompiUnavailableError):
                await client.get_transaction(tx_id)
        assert client.breaker.state is BreakerState.OPEN
        assert len(wire.sent) == 5
        with pytest.raises(WompiCircuitOpenError):
            await client.get_transaction(tx_id)
        with pytest.raises(WompiCircuitOpenError):
            await client.find_transactions("POS-2-0003")
        assert len(wire.sent) == 5  # failed fast: nothing reached the sandbox
        wire.now += 30
        assert (await client.get_transaction(tx_id)).id == tx_id  # the half-open trial
        assert client.breaker.state is BreakerState.CLOSED

    wire.run(scenario)


def test_validation_errors_never_trip_the_breaker(wire: Wire) -> None:
    async def scenario(client: WompiClient) -> BreakerState:
        for _ in range(8):
            with pytest.raises(WompiNotFoundError):
                await client.get_transaction("12345-1700000000-00000")
        return client.breaker.state

    assert wire.run(scenario, breaker=CircuitBreaker(failure_threshold=2)) is BreakerState.CLOSED


def test_no_private_key_sends_nothing(wire: Wire) -> None:
    with pytest.raises(WompiAuthError):
        wire.run(lambda c: c.search_transactions(FROM, UNTIL), private_key=None)
    assert wire.sent == []


def test_keys_reach_neither_logs_nor_errors(wire: Wire, caplog: pytest.LogCaptureFixture) -> None:
    stranger = generate_keys().private_key
    errors: list[Exception] = []

    async def scenario(client: WompiClient) -> None:
        for call in (client.find_transactions("X"), client.void_transaction("1-1-1")):
            try:
                await call
            except WompiAuthError as exc:
                errors.append(exc)

    with caplog.at_level(logging.DEBUG):
        wire.run(scenario, private_key=stranger)
    assert len(errors) == 2
    ours = [r.getMessage() for r in caplog.records if r.name.startswith("mestore_desktop.wompi")]
    assert len(ours) == 2
    everything = [r.getMessage() for r in caplog.records] + [str(e) for e in errors]
    everything += [repr(e) for e in errors]
    for text in everything:
        assert stranger not in text
        assert wire.config.keys.private_key not in text


# --- real sockets only ---------------------------------------------------------------------


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_connection_refused_is_unavailable_after_retries() -> None:
    sleeps: list[float] = []

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    async def scenario() -> None:
        async with httpx.AsyncClient() as http:
            client = WompiClient(
                http,
                api_base_url=f"http://127.0.0.1:{closed_port()}/v1",
                public_key="pub_test_" + "a" * 32,
                retry=RetryPolicy(sleep=sleep),
                timeout=2.0,
            )
            await client.get_merchant()

    with pytest.raises(WompiUnavailableError) as caught:
        asyncio.run(scenario())
    assert type(caught.value) is WompiUnavailableError
    assert caught.value.error_type == "connection_error"
    assert caught.value.attempts == 3
    assert len(sleeps) == 2
