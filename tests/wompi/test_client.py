"""WompiClient against `httpx.MockTransport`: every endpoint, every error, retries, the breaker.

Sleep and clock are injected, so backoff and the breaker's reset timeout cost no time.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from typing import Any, TypeVar

import httpx
import pytest

from mestore_desktop.domain.payment import PaymentStatus
from mestore_desktop.wompi.client import NO_PRIVATE_KEY_MESSAGE, WompiClient
from mestore_desktop.wompi.errors import (
    WompiAuthError,
    WompiBadResponseError,
    WompiCircuitOpenError,
    WompiError,
    WompiNotFoundError,
    WompiTimeoutError,
    WompiUnavailableError,
    WompiValidationError,
)
from mestore_desktop.wompi.models import PaymentLinkRequest
from mestore_desktop.wompi.resilience import BreakerState, CircuitBreaker, RetryPolicy
from tests.wompi.test_models import (
    link_payload,
    merchant_payload,
    transaction_payload,
    transaction_request,
)

T = TypeVar("T")
PUBLIC = "pub_test_UnitPublicKey0123456789abcdefXYZ"
PRIVATE = "prv_test_UnitPrivateKey0123456789abcdefXYZ"
BASE = "https://sandbox.wompi.test/v1"
TX_ID = "12345-1735750800-10001"
Handler = Callable[[httpx.Request], httpx.Response | Awaitable[httpx.Response]]


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Harness:
    """A client wired to a handler; records requests and the backoff sleeps asked for."""

    def __init__(self, handler: Handler, **client_kwargs: Any) -> None:
        self.handler = handler
        self.requests: list[httpx.Request] = []
        self.sleeps: list[float] = []
        self.clock = FakeClock()
        self.client_kwargs = client_kwargs

    async def _sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)

    async def _handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        result = self.handler(request)
        return await result if asyncio.iscoroutine(result) else result  # type: ignore[return-value]

    def run(self, scenario: Callable[[WompiClient], Awaitable[T]]) -> T:
        async def main() -> T:
            transport = httpx.MockTransport(self._handle)
            async with httpx.AsyncClient(transport=transport) as http:
                return await scenario(self.client(http))

        return asyncio.run(main())

    def client(self, http: httpx.AsyncClient) -> WompiClient:
        kwargs: dict[str, Any] = {
            "api_base_url": BASE,
            "public_key": PUBLIC,
            "private_key": PRIVATE,
            # random() == 1.0 makes full jitter land on the cap, so delays are predictable.
            "retry": RetryPolicy(sleep=self._sleep, random=lambda: 1.0),
            "breaker": CircuitBreaker(clock=self.clock),
        }
        kwargs.update(self.client_kwargs)
        return WompiClient(http, **kwargs)

    @property
    def auth_headers(self) -> list[str | None]:
        return [r.headers.get("Authorization") for r in self.requests]


def ok(data: Any, status: int = 200, meta: dict[str, Any] | None = None) -> httpx.Response:
    return httpx.Response(status, json={"data": data, "meta": meta or {}})


def wompi_error(status: int, error_type: str, **fields: Any) -> httpx.Response:
    return httpx.Response(status, json={"error": {"type": error_type, **fields}})


def always(response: httpx.Response) -> Handler:
    return lambda _request: response


def sequence(*responses: httpx.Response | Exception) -> Handler:
    queue = list(responses)

    def handler(request: httpx.Request) -> httpx.Response:
        item = queue.pop(0)
        if isinstance(item, Exception):
            raise item
        return item

    return handler


# --- endpoints -------------------------------------------------------------------------


def test_get_merchant_puts_the_key_in_the_path_and_sends_no_authorization() -> None:
    h = Harness(always(ok(merchant_payload())))
    merchant = h.run(lambda c: c.get_merchant())
    assert merchant.name == "Tienda Ejemplo POS"
    assert merchant.acceptance_token.endswith("acceptance.sig")
    (request,) = h.requests
    assert request.method == "GET"
    assert request.url.path == f"/v1/merchants/{PUBLIC}"
    assert "Authorization" not in request.headers


def test_every_request_carries_a_timeout() -> None:
    h = Harness(always(ok(merchant_payload())), timeout=2.5)
    h.run(lambda c: c.get_merchant())
    assert h.requests[0].extensions["timeout"] == {
        "connect": 2.5,
        "read": 2.5,
        "write": 2.5,
        "pool": 2.5,
    }


def test_get_transaction_prefers_the_private_key_and_falls_back_to_the_public_one() -> None:
    h = Harness(always(ok(transaction_payload())))
    tx = h.run(lambda c: c.get_transaction(TX_ID))
    assert tx.status is PaymentStatus.APPROVED
    assert h.requests[0].url.path == f"/v1/transactions/{TX_ID}"
    assert h.auth_headers == [f"Bearer {PRIVATE}"]

    h = Harness(always(ok(transaction_payload())), private_key=None)
    h.run(lambda c: c.get_transaction(TX_ID))
    assert h.auth_headers == [f"Bearer {PUBLIC}"]


def test_ids_are_quoted_so_they_cannot_reach_another_endpoint() -> None:
    h = Harness(always(ok(transaction_payload())))
    h.run(lambda c: c.get_transaction("../merchants/x?y"))
    assert h.requests[0].url.raw_path == b"/v1/transactions/..%2Fmerchants%2Fx%3Fy"
    with pytest.raises(ValueError, match="non-empty"):
        h.run(lambda c: c.get_transaction(" "))


def test_find_transactions_by_reference_returns_every_one() -> None:
    first = transaction_payload(status="DECLINED")
    second = transaction_payload(id="12345-1735750900-10002")
    h = Harness(always(ok([first, second])))
    found = h.run(lambda c: c.find_transactions("POS-CAJA1-000123"))
    assert [t.status for t in found] == [PaymentStatus.DECLINED, PaymentStatus.APPROVED]
    (request,) = h.requests
    assert request.url.path == "/v1/transactions"
    assert request.url.params["reference"] == "POS-CAJA1-000123"
    assert h.auth_headers == [f"Bearer {PRIVATE}"]


def paged_handler(total: int, meta: Callable[[int], dict[str, Any]] | None = None) -> Handler:
    items = [transaction_payload(id=f"1-1735750800-{n:05d}") for n in range(total)]

    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        size = int(request.url.params["page_size"])
        chunk = items[(page - 1) * size : page * size]
        return ok(chunk, meta=meta(page) if meta else None)

    return handler


def test_search_walks_every_page_until_a_short_one() -> None:
    h = Harness(paged_handler(450))
    pages = h.run(lambda c: collect_pages(c, page_size=200))
    assert [len(p) for p in pages] == [200, 200, 50]
    assert [r.url.params["page"] for r in h.requests] == ["1", "2", "3"]
    first = h.requests[0].url.params
    assert (first["from_date"], first["until_date"], first["page_size"]) == (
        "2025-01-01",
        "2025-01-31",
        "200",
    )
    assert set(h.auth_headers) == {f"Bearer {PRIVATE}"}


def test_search_over_an_exact_multiple_stops_at_the_empty_page() -> None:
    h = Harness(paged_handler(400))
    found = h.run(lambda c: c.search_transactions(date(2025, 1, 1), date(2025, 1, 31)))
    assert len(found) == 400
    assert len({t.id for t in found}) == 400
    assert len(h.requests) == 3


def test_search_trusts_total_pages_in_meta_when_present() -> None:
    h = Harness(paged_handler(400, meta=lambda page: {"page": page, "total_pages": 2}))
    found = h.run(lambda c: c.search_transactions(date(2025, 1, 1), date(2025, 1, 31)))
    assert len(found) == 400
    assert len(h.requests) == 2


def test_search_stops_on_total_results_only_when_it_is_clearly_a_total() -> None:
    h = Harness(paged_handler(400, meta=lambda page: {"page_size": 200, "total_results": 400}))
    found = h.run(lambda c: c.search_transactions(date(2025, 1, 1), date(2025, 1, 31)))
    assert len(found) == 400
    assert len(h.requests) == 2
    # 200 results on a page of 200 could be a per-page count: ask for the next page anyway.
    h = Harness(paged_handler(200, meta=lambda page: {"page_size": 200, "total_results": 200}))
    assert len(h.run(lambda c: c.search_transactions(date(2025, 1, 1), date(2025, 1, 1)))) == 200
    assert len(h.requests) == 2


def test_a_server_that_caps_the_page_size_is_still_walked_to_the_end() -> None:
    items = [transaction_payload(id=f"1-1735750800-{n:05d}") for n in range(250)]

    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        chunk = items[(page - 1) * 100 : page * 100]
        return ok(chunk, meta={"page": page, "page_size": 100})

    h = Harness(handler)
    pages = h.run(lambda c: collect_pages(c, page_size=200))
    assert [len(p) for p in pages] == [100, 100, 50]


def test_search_of_nothing_yields_no_page() -> None:
    h = Harness(always(ok([])))
    assert h.run(lambda c: collect_pages(c, page_size=200)) == []


def test_a_server_that_ignores_the_page_parameter_is_caught() -> None:
    page = [transaction_payload(id=f"1-1-{n}") for n in range(2)]
    h = Harness(always(ok(page)))
    with pytest.raises(WompiBadResponseError, match=r"meta\.page"):
        h.run(lambda c: collect_pages(c, page_size=2))
    assert len(h.requests) == 2


@pytest.mark.parametrize(
    ("from_date", "until_date", "page_size"),
    [(date(2025, 2, 1), date(2025, 1, 1), 200), (date(2025, 1, 1), date(2025, 1, 2), 201)],
)
def test_search_refuses_a_bad_range_or_page_size(
    from_date: date, until_date: date, page_size: int
) -> None:
    h = Harness(always(ok([])))
    with pytest.raises(ValueError, match=r"from_date|page_size"):
        h.run(lambda c: c.search_transactions(from_date, until_date, page_size=page_size))
    assert h.requests == []


async def collect_pages(client: WompiClient, page_size: int) -> list[list[Any]]:
    return [
        page
        async for page in client.iter_transaction_pages(
            date(2025, 1, 1), date(2025, 1, 31), page_size=page_size
        )
    ]


def test_void_reads_the_wrapped_shape() -> None:
    voided = transaction_payload(status="VOIDED")
    h = Harness(always(ok({"status": "APPROVED", "status_message": None, "transaction": voided})))
    tx = h.run(lambda c: c.void_transaction(TX_ID))
    assert tx.status is PaymentStatus.VOIDED
    (request,) = h.requests
    assert (request.method, request.url.path) == ("POST", f"/v1/transactions/{TX_ID}/void")
    assert h.auth_headers == [f"Bearer {PRIVATE}"]


def test_void_reads_a_bare_transaction() -> None:
    h = Harness(always(ok(transaction_payload(status="VOIDED"), status=201)))
    assert h.run(lambda c: c.void_transaction(TX_ID)).status is PaymentStatus.VOIDED


@pytest.mark.parametrize("empty", [httpx.Response(201), httpx.Response(201, json={"data": None})])
def test_an_empty_void_answer_is_followed_by_a_read(empty: httpx.Response) -> None:
    h = Harness(sequence(empty, ok(transaction_payload(status="VOIDED"))))
    tx = h.run(lambda c: c.void_transaction(TX_ID))
    assert tx.status is PaymentStatus.VOIDED
    assert [(r.method, r.url.path) for r in h.requests] == [
        ("POST", f"/v1/transactions/{TX_ID}/void"),
        ("GET", f"/v1/transactions/{TX_ID}"),
    ]


def test_a_declined_void_is_an_error() -> None:
    data = {"status": "DECLINED", "status_message": "Ya liquidada", "transaction": {}}
    h = Harness(always(ok(data, status=201)))
    with pytest.raises(WompiError, match="no anuló") as caught:
        h.run(lambda c: c.void_transaction(TX_ID))
    assert caught.value.error_type == "VOID_DECLINED"
    assert "Ya liquidada" not in str(caught.value)


def test_payment_links_create_get_and_deactivate() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            body = json.loads(request.content)
            return ok(link_payload(name=body["name"], active=True), status=201)
        if request.method == "PATCH":
            return ok(link_payload(active=json.loads(request.content)["active"]))
        return ok(link_payload())

    async def scenario(client: WompiClient) -> list[Any]:
        created = await client.create_payment_link(
            PaymentLinkRequest("Mesa 7", "Cuenta mesa 7", True, False, 5_000_000)
        )
        read = await client.get_payment_link(created.id)
        off = await client.set_payment_link_active(created.id, False)
        return [created, read, off]

    h = Harness(handler)
    created, read, off = h.run(scenario)
    assert created.name == "Mesa 7"
    assert read.id == created.id == "test_Ab12Cd"
    assert off.active is False
    assert [(r.method, r.url.path) for r in h.requests] == [
        ("POST", "/v1/payment_links"),
        ("GET", "/v1/payment_links/test_Ab12Cd"),
        ("PATCH", "/v1/payment_links/test_Ab12Cd"),
    ]
    assert json.loads(h.requests[0].content)["amount_in_cents"] == 5_000_000
    assert json.loads(h.requests[2].content) == {"active": False}
    assert h.auth_headers == [f"Bearer {PRIVATE}", f"Bearer {PUBLIC}", f"Bearer {PRIVATE}"]


def test_pse_financial_institutions_use_the_public_key() -> None:
    banks = [
        {"financial_institution_code": "1", "financial_institution_name": "Banco que aprueba"},
        {"financial_institution_code": "2", "financial_institution_name": "Banco que declina"},
    ]
    h = Harness(always(ok(banks)))
    found = h.run(lambda c: c.pse_financial_institutions())
    assert [(b.code, b.name) for b in found] == [
        ("1", "Banco que aprueba"),
        ("2", "Banco que declina"),
    ]
    assert h.requests[0].url.path == "/v1/pse/financial_institutions"
    assert h.auth_headers == [f"Bearer {PUBLIC}"]


def test_pse_list_of_the_wrong_shape_is_a_bad_response() -> None:
    h = Harness(always(ok({"banks": []})))
    with pytest.raises(WompiBadResponseError, match="data"):
        h.run(lambda c: c.pse_financial_institutions())


def test_tokenize_card_and_nequi_with_the_public_key() -> None:
    card = {"id": "tok_test_1_abc", "brand": "VISA", "last_four": "4242"}
    nequi = {"id": "nequi_1", "status": "PENDING", "phone_number": "3991111111"}
    h = Harness(sequence(ok(card, status=201), ok(nequi, status=201)))

    async def scenario(client: WompiClient) -> tuple[Any, Any]:
        token = await client.tokenize_card("4242424242424242", "123", "08", "28", "José Pérez")
        return token, await client.tokenize_nequi("3991111111")

    card_token, nequi_token = h.run(scenario)
    assert (card_token.brand, card_token.last_four) == ("VISA", "4242")
    assert nequi_token.status == "PENDING"
    assert json.loads(h.requests[0].content) == {
        "number": "4242424242424242",
        "cvc": "123",
        "exp_month": "08",
        "exp_year": "28",
        "card_holder": "José Pérez",
    }
    assert [r.url.path for r in h.requests] == ["/v1/tokens/cards", "/v1/tokens/nequi"]
    assert h.auth_headers == [f"Bearer {PUBLIC}"] * 2


def test_create_transaction_posts_the_request_body() -> None:
    h = Harness(always(ok(transaction_payload(status="PENDING", finalized_at=None), status=201)))
    tx = h.run(lambda c: c.create_transaction(transaction_request()))
    assert tx.status is PaymentStatus.PENDING
    (request,) = h.requests
    assert (request.method, request.url.path) == ("POST", "/v1/transactions")
    assert json.loads(request.content) == transaction_request().to_api()


# --- error mapping ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "error_class"),
    [
        (wompi_error(401, "INVALID_ACCESS_TOKEN", reason="x"), WompiAuthError),
        (wompi_error(404, "NOT_FOUND_ERROR", reason="x"), WompiNotFoundError),
        (wompi_error(404, "NOT_FOUND", code="MERCHANT_NOT_FOUND"), WompiNotFoundError),
        (httpx.Response(404, text="Not Found"), WompiNotFoundError),
        (wompi_error(422, "INPUT_VALIDATION_ERROR", messages={"a": ["b"]}), WompiValidationError),
        (httpx.Response(400, json={"error": {"type": "X"}}), WompiError),
    ],
)
def test_4xx_answers_map_to_their_class_and_are_not_retried(
    response: httpx.Response, error_class: type[WompiError]
) -> None:
    h = Harness(always(response))
    with pytest.raises(error_class) as caught:
        h.run(lambda c: c.get_transaction(TX_ID))
    assert type(caught.value) is error_class
    assert caught.value.http_status == response.status_code
    assert len(h.requests) == 1
    assert h.sleeps == []


def test_nested_validation_messages_reach_the_exception() -> None:
    messages = {"payment_method": {"token": ["El token es inválido"]}}
    h = Harness(always(wompi_error(422, "INPUT_VALIDATION_ERROR", messages=messages)))
    with pytest.raises(WompiValidationError) as caught:
        h.run(lambda c: c.create_transaction(transaction_request()))
    assert caught.value.field_messages == {"payment_method.token": ["El token es inválido"]}
    assert "El token es inválido" in str(caught.value)


def test_a_5xx_is_retried_with_backoff_then_reported_with_the_attempt_count() -> None:
    h = Harness(always(httpx.Response(503, text="<html>down</html>")))
    with pytest.raises(WompiUnavailableError) as caught:
        h.run(lambda c: c.get_transaction(TX_ID))
    assert type(caught.value) is WompiUnavailableError
    assert caught.value.attempts == 3
    assert caught.value.http_status == 503
    assert len(h.requests) == 3
    assert h.sleeps == pytest.approx([0.2, 0.4])
    assert "down" not in str(caught.value)


def test_a_transient_failure_then_success_returns_the_result() -> None:
    h = Harness(
        sequence(
            httpx.Response(500),
            httpx.ConnectError("refused"),
            ok(transaction_payload()),
        )
    )
    assert h.run(lambda c: c.get_transaction(TX_ID)).id == TX_ID
    assert len(h.requests) == 3
    assert len(h.sleeps) == 2


def test_jitter_spreads_the_delays_below_the_cap() -> None:
    draws = iter([0.25, 0.5])
    h = Harness(always(httpx.Response(500)))
    h.client_kwargs["retry"] = RetryPolicy(sleep=h._sleep, random=lambda: next(draws))
    with pytest.raises(WompiUnavailableError):
        h.run(lambda c: c.get_transaction(TX_ID))
    assert h.sleeps == pytest.approx([0.2 * 0.25, 0.4 * 0.5])


@pytest.mark.parametrize(
    "failure",
    [httpx.ReadTimeout("slow"), httpx.ConnectTimeout("slow"), httpx.PoolTimeout("slow")],
)
def test_httpx_timeouts_become_wompi_timeouts_after_retries(failure: Exception) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise failure

    h = Harness(handler)
    with pytest.raises(WompiTimeoutError) as caught:
        h.run(lambda c: c.get_transaction(TX_ID))
    assert caught.value.attempts == 3
    assert caught.value.__cause__ is failure
    assert "no respondió a tiempo" in str(caught.value)


def test_a_server_slower_than_the_whole_deadline_times_out() -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(5)
        return ok(transaction_payload())

    h = Harness(handler, timeout=0.05, retry=RetryPolicy.no_retries())
    with pytest.raises(WompiTimeoutError):
        h.run(lambda c: c.get_transaction(TX_ID))


@pytest.mark.parametrize(
    "failure",
    [httpx.ConnectError("refused"), httpx.ReadError("reset"), httpx.RemoteProtocolError("x")],
)
def test_connection_failures_become_unavailable(failure: Exception) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise failure

    h = Harness(handler)
    with pytest.raises(WompiUnavailableError) as caught:
        h.run(lambda c: c.get_merchant())
    assert type(caught.value) is WompiUnavailableError
    assert caught.value.error_type == "connection_error"
    assert len(h.requests) == 3


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(200, text="<html>portal cautivo</html>"),
        httpx.Response(200, content=b"\xff\xfe\x00"),
        httpx.Response(200, json={"transaction": {}}),
        httpx.Response(200, json=["data"]),
        httpx.Response(200),
        httpx.Response(200, json={"data": {"id": TX_ID}}),
        httpx.Response(302, headers={"Location": "https://elsewhere.example"}),
    ],
)
def test_answers_we_cannot_read_are_bad_responses_and_not_retried(
    response: httpx.Response,
) -> None:
    h = Harness(always(response))
    with pytest.raises(WompiBadResponseError):
        h.run(lambda c: c.get_transaction(TX_ID))
    h.requests.clear()

    async def scenario(client: WompiClient) -> BreakerState:
        for _ in range(6):
            with pytest.raises(WompiBadResponseError):
                await client.get_transaction(TX_ID)
        return client.breaker.state

    # Wompi (or something) answered: a health problem for support, not for the breaker.
    assert h.run(scenario) is BreakerState.CLOSED
    assert len(h.requests) == 6


# --- what is never retried -------------------------------------------------------------


async def _create_link(client: WompiClient) -> Any:
    return await client.create_payment_link(PaymentLinkRequest("L", "D", True, False, 100_000))


NON_IDEMPOTENT: list[Callable[[WompiClient], Awaitable[Any]]] = [
    lambda c: c.create_transaction(transaction_request()),
    lambda c: c.void_transaction(TX_ID),
    _create_link,
    lambda c: c.set_payment_link_active("test_Ab12Cd", False),
    lambda c: c.tokenize_card("4242424242424242", "123", "08", "28", "José Pérez"),
    lambda c: c.tokenize_nequi("3991111111"),
]


@pytest.mark.parametrize("call", NON_IDEMPOTENT)
@pytest.mark.parametrize("failure", [httpx.Response(500), httpx.ReadTimeout("slow")])
def test_writes_are_sent_exactly_once_even_when_they_fail(
    call: Callable[[WompiClient], Awaitable[Any]], failure: httpx.Response | Exception
) -> None:
    h = Harness(sequence(failure, ok(transaction_payload())))
    with pytest.raises(WompiUnavailableError) as caught:
        h.run(call)
    assert len(h.requests) == 1
    assert h.requests[0].method in ("POST", "PATCH")
    assert caught.value.attempts == 1
    assert h.sleeps == []


# --- Retry-After ---------------------------------------------------------------------------


def test_429_honours_a_short_retry_after() -> None:
    h = Harness(
        sequence(
            httpx.Response(429, headers={"Retry-After": "1"}),
            ok(transaction_payload()),
        )
    )
    h.run(lambda c: c.get_transaction(TX_ID))
    assert h.sleeps == [1.0]


def test_a_retry_after_longer_than_the_policy_allows_gives_up_at_once() -> None:
    h = Harness(always(httpx.Response(503, headers={"Retry-After": "120"})))
    with pytest.raises(WompiUnavailableError) as caught:
        h.run(lambda c: c.get_transaction(TX_ID))
    assert len(h.requests) == 1
    assert caught.value.retry_after_s == 120


def test_retry_after_as_an_http_date() -> None:
    soon = format_datetime(datetime.now(UTC) + timedelta(seconds=1), usegmt=True)
    h = Harness(
        sequence(httpx.Response(503, headers={"Retry-After": soon}), ok(transaction_payload()))
    )
    h.run(lambda c: c.get_transaction(TX_ID))
    assert len(h.sleeps) == 1
    assert 0 <= h.sleeps[0] <= 1.0


def test_an_unreadable_retry_after_falls_back_to_backoff() -> None:
    h = Harness(
        sequence(httpx.Response(503, headers={"Retry-After": "soon"}), ok(transaction_payload()))
    )
    h.run(lambda c: c.get_transaction(TX_ID))
    assert h.sleeps == pytest.approx([0.2])


# --- the circuit breaker ---------------------------------------------------------------


def test_the_breaker_opens_across_calls_then_fails_fast_then_recovers() -> None:
    healthy = False

    def handler(request: httpx.Request) -> httpx.Response:
        return ok(transaction_payload()) if healthy else httpx.Response(500)

    h = Harness(handler)

    async def scenario(client: WompiClient) -> None:
        nonlocal healthy
        with pytest.raises(WompiUnavailableError):
            await client.get_transaction(TX_ID)  # 3 failures
        assert client.breaker.state is BreakerState.CLOSED
        with pytest.raises(WompiUnavailableError) as second:
            await client.get_transaction(TX_ID)  # 2 more: open, stop retrying
        assert type(second.value) is WompiUnavailableError
        assert client.breaker.state is BreakerState.OPEN
        assert len(h.requests) == 5
        with pytest.raises(WompiCircuitOpenError) as fast:
            await client.get_transaction(TX_ID)
        assert len(h.requests) == 5  # nothing was sent
        assert fast.value.retry_after_s == 30
        h.clock.now += 30
        healthy = True
        assert (await client.get_transaction(TX_ID)).id == TX_ID  # the half-open trial
        assert client.breaker.state is BreakerState.CLOSED

    h.run(scenario)


def test_a_failed_trial_reopens_without_retrying() -> None:
    h = Harness(always(httpx.Response(500)), breaker=None)
    h.client_kwargs["breaker"] = CircuitBreaker(failure_threshold=1, clock=h.clock)

    async def scenario(client: WompiClient) -> None:
        with pytest.raises(WompiUnavailableError):
            await client.get_transaction(TX_ID)
        assert len(h.requests) == 1  # opened on the first failure: no retries into it
        h.clock.now += 30
        with pytest.raises(WompiUnavailableError) as trial:
            await client.get_transaction(TX_ID)
        assert type(trial.value) is WompiUnavailableError
        assert len(h.requests) == 2
        with pytest.raises(WompiCircuitOpenError):
            await client.get_transaction(TX_ID)

    h.run(scenario)


def test_4xx_answers_never_open_the_breaker() -> None:
    h = Harness(always(wompi_error(404, "NOT_FOUND_ERROR")))

    async def scenario(client: WompiClient) -> BreakerState:
        for _ in range(20):
            with pytest.raises(WompiNotFoundError):
                await client.get_transaction(TX_ID)
        return client.breaker.state

    assert h.run(scenario) is BreakerState.CLOSED


def test_an_open_breaker_also_stops_writes() -> None:
    h = Harness(always(httpx.Response(500)))
    h.client_kwargs["breaker"] = CircuitBreaker(failure_threshold=1, clock=h.clock)

    async def scenario(client: WompiClient) -> None:
        with pytest.raises(WompiUnavailableError):
            await client.get_transaction(TX_ID)
        with pytest.raises(WompiCircuitOpenError):
            await client.create_transaction(transaction_request())

    h.run(scenario)
    assert len(h.requests) == 1


def test_concurrent_calls_in_half_open_send_a_single_trial() -> None:
    release = asyncio.Event()

    async def handler(request: httpx.Request) -> httpx.Response:
        await release.wait()
        return ok(transaction_payload())

    h = Harness(handler)
    h.client_kwargs["breaker"] = CircuitBreaker(failure_threshold=1, clock=h.clock)

    async def scenario(client: WompiClient) -> list[Any]:
        client.breaker.record_failure()
        h.clock.now += 30
        calls = [asyncio.create_task(client.get_transaction(TX_ID)) for _ in range(5)]
        await asyncio.sleep(0.01)
        release.set()
        return await asyncio.gather(*calls, return_exceptions=True)

    results = h.run(scenario)
    assert len(h.requests) == 1
    assert sum(isinstance(r, WompiCircuitOpenError) for r in results) == 4
    assert sum(getattr(r, "id", None) == TX_ID for r in results) == 1


def test_a_cancelled_trial_frees_the_half_open_slot() -> None:
    release = asyncio.Event()
    hang = True

    async def handler(request: httpx.Request) -> httpx.Response:
        if hang:
            await release.wait()
        return ok(transaction_payload())

    h = Harness(handler)
    h.client_kwargs["breaker"] = CircuitBreaker(failure_threshold=1, clock=h.clock)

    async def scenario(client: WompiClient) -> None:
        nonlocal hang
        client.breaker.record_failure()
        h.clock.now += 30
        trial = asyncio.create_task(client.get_transaction(TX_ID))
        await asyncio.sleep(0.01)
        trial.cancel()
        with pytest.raises(asyncio.CancelledError):
            await trial
        hang = False
        assert (await client.get_transaction(TX_ID)).id == TX_ID

    h.run(scenario)


# --- keys: fail closed, never shown ----------------------------------------------------

PRIVATE_CALLS: list[Callable[[WompiClient], Awaitable[Any]]] = [
    lambda c: c.find_transactions("POS-1"),
    lambda c: c.search_transactions(date(2025, 1, 1), date(2025, 1, 2)),
    lambda c: c.void_transaction(TX_ID),
    _create_link,
    lambda c: c.set_payment_link_active("test_Ab12Cd", False),
]


@pytest.mark.parametrize("call", PRIVATE_CALLS)
@pytest.mark.parametrize("missing", [None, "", lambda: None])
def test_private_calls_without_a_private_key_fail_closed_without_sending(
    call: Callable[[WompiClient], Awaitable[Any]], missing: Any
) -> None:
    h = Harness(always(ok([])), private_key=missing)
    with pytest.raises(WompiAuthError) as caught:
        h.run(call)
    assert str(caught.value) == str(NO_PRIVATE_KEY_MESSAGE)
    assert caught.value.http_status is None
    assert h.requests == []


def test_a_key_provider_is_asked_on_every_call() -> None:
    keys = iter(["prv_test_first", "prv_test_second"])
    h = Harness(always(ok([])), private_key=lambda: next(keys))

    async def scenario(client: WompiClient) -> None:
        await client.find_transactions("A")
        await client.find_transactions("B")

    h.run(scenario)
    assert h.auth_headers == ["Bearer prv_test_first", "Bearer prv_test_second"]


def test_repr_shows_no_key() -> None:
    h = Harness(always(ok([])))
    text = h.run(lambda c: asyncio.sleep(0, repr(c)))
    assert PUBLIC not in text
    assert PRIVATE not in text
    assert "pub_test" not in text
    assert text == (
        f"WompiClient(api_base_url='{BASE}', environment='test', private_key=configured, "
        "breaker=closed)"
    )
    h = Harness(always(ok([])), private_key=lambda: PRIVATE)
    assert "private_key=provider" in h.run(lambda c: asyncio.sleep(0, repr(c)))


def test_auth_failures_leak_no_key_to_logs_or_exception_text(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Wompi echoing the key back is the worst case: it must still not reach our text.
    echoed = f"La llave {PRIVATE} no corresponde a este ambiente ({PUBLIC})."
    reject = wompi_error(401, "INVALID_ACCESS_TOKEN", reason=echoed)
    invalid = wompi_error(422, "INPUT_VALIDATION_ERROR", messages={"key": [echoed]})
    h = Harness(sequence(reject, reject, reject, invalid))
    errors: list[WompiError] = []

    async def scenario(client: WompiClient) -> None:
        calls = [
            client.get_merchant(),
            client.get_transaction(TX_ID),
            client.find_transactions("POS-1"),
            client.create_transaction(transaction_request()),
        ]
        for call in calls:
            try:
                await call
            except WompiError as exc:
                errors.append(exc)

    with caplog.at_level(logging.DEBUG):
        h.run(scenario)
    assert [type(e) for e in errors] == [WompiAuthError] * 3 + [WompiValidationError]
    texts = [r.getMessage() for r in caplog.records if r.name.startswith("mestore_desktop")]
    assert len(texts) == 4
    for error in errors:
        texts += [str(error), repr(error), str(error.args), str(vars(error))]
        texts += [str(error.__cause__), str(error.__context__)]
    for text in texts:
        assert PRIVATE not in text
        assert PUBLIC not in text
    # No other logger (httpx's own) ever sees the private key or the Authorization header.
    everything = "\n".join(r.getMessage() for r in caplog.records)
    assert PRIVATE not in everything
    assert "Bearer" not in everything


def test_one_log_line_per_request_with_method_path_status_ms(
    caplog: pytest.LogCaptureFixture,
) -> None:
    h = Harness(sequence(httpx.Response(500), ok(transaction_payload()), ok(merchant_payload())))

    async def scenario(client: WompiClient) -> None:
        await client.get_transaction(TX_ID)
        await client.get_merchant()

    with caplog.at_level(logging.INFO, logger="mestore_desktop.wompi.client"):
        h.run(scenario)
    lines = [r.getMessage() for r in caplog.records if r.name == "mestore_desktop.wompi.client"]
    assert len(lines) == 3
    assert lines[0].startswith("wompi method=GET path=/transactions/{id} status=500 ms=")
    assert lines[0].endswith("attempt=1")
    assert lines[1].startswith("wompi method=GET path=/transactions/{id} status=200 ms=")
    assert lines[1].endswith("attempt=2")
    assert lines[2].startswith("wompi method=GET path=/merchants/{public_key} status=200")
    levels = [r.levelno for r in caplog.records if r.name == "mestore_desktop.wompi.client"]
    assert levels == [logging.WARNING, logging.INFO, logging.INFO]


def test_without_a_public_key_its_calls_refuse_by_name_and_send_nothing() -> None:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"data": {}})

    async def scenario() -> None:
        transport = httpx.MockTransport(answer)
        async with httpx.AsyncClient(transport=transport) as http:
            client = WompiClient(http, api_base_url=BASE, public_key="")
            for call in (client.get_merchant, client.pse_financial_institutions):
                with pytest.raises(WompiAuthError, match="llave pública") as raised:
                    await call()
                assert raised.value.error_type == "NO_PUBLIC_KEY"
        assert sent == []

    asyncio.run(scenario())


def test_construction_refuses_endless_timeouts() -> None:
    async def scenario() -> None:
        async with httpx.AsyncClient() as http:
            with pytest.raises(ValueError, match="never wait forever"):
                WompiClient(http, api_base_url=BASE, public_key=PUBLIC, timeout=httpx.Timeout(None))
            with pytest.raises(ValueError, match="positive"):
                WompiClient(http, api_base_url=BASE, public_key=PUBLIC, timeout=0)
            client = WompiClient(
                http, api_base_url=BASE, public_key=PUBLIC, timeout=httpx.Timeout(1, read=3)
            )
            assert client._deadline_s == 6

    asyncio.run(scenario())


def test_environment_comes_from_the_key_prefix() -> None:
    async def scenario() -> list[str]:
        async with httpx.AsyncClient() as http:
            return [
                WompiClient(http, api_base_url=BASE, public_key=key).environment
                for key in ("pub_test_x", "pub_prod_x", "nonsense")
            ]

    assert asyncio.run(scenario()) == ["test", "prod", "unknown"]
