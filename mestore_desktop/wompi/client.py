"""Async client for Wompi's merchant API (docs/wompi.md §1, §5–§8, §10) on `httpx.AsyncClient`.

Every call has a timeout, reads the `{"data": …, "meta": …}` envelope into typed models and
turns every failure into one `WompiError` subclass (see errors.py). Idempotent GETs are retried
with backoff on 5xx, 429, timeouts and connection errors; anything that creates or changes
something (transactions, voids, payment links, tokens) is sent exactly once, because a timed
out POST may still have happened. A circuit breaker shared by all calls fails fast while
Wompi is down.

Keys: the public key goes in the merchant path and as a Bearer; the private key (a string or a
callable asked on every call, so a key changed in Ajustes applies at once) is required by
search, void and payment-link writes. With no private key those calls fail closed before
sending anything. Keys never appear in `repr()`, in logs (one `key=value` line per request:
method, path, status, ms, attempt) or in exception text.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, TypeGuard
from urllib.parse import quote

import httpx

from mestore_desktop.domain.text import N_
from mestore_desktop.wompi.errors import (
    WompiAuthError,
    WompiBadResponseError,
    WompiCircuitOpenError,
    WompiError,
    WompiTimeoutError,
    WompiUnavailableError,
    error_from_response,
)
from mestore_desktop.wompi.models import (
    CardToken,
    FinancialInstitution,
    Merchant,
    NequiToken,
    PaymentLink,
    PaymentLinkRequest,
    Transaction,
    TransactionRequest,
    parse_transactions,
)
from mestore_desktop.wompi.resilience import (
    BreakerState,
    CircuitBreaker,
    RetryPolicy,
    parse_retry_after,
)

log = logging.getLogger(__name__)

MAX_PAGE_SIZE = 200  # docs/wompi.md §5.3 (SDK validation)
# A runaway paginator (a server that ignores `page`) must end; 1,000 pages of 200 is far beyond
# what one merchant does in a reconciliation window.
MAX_PAGES = 1_000
MASK = "••••••"
NO_PRIVATE_KEY_MESSAGE = N_(
    "Falta la llave privada de Wompi. Configúrela en Ajustes para consultar, anular o crear "
    "links de pago."
)
NO_PUBLIC_KEY_MESSAGE = N_(
    "Falta la llave pública de Wompi. Cópiela del dashboard de Wompi (Desarrolladores › Llaves) "
    "en Ajustes."
)
_NO_RETRY = RetryPolicy.no_retries()


class _Auth(Enum):
    NONE = "none"
    PUBLIC = "public"
    PRIVATE = "private"
    # Private when configured, else public: endpoints docs/wompi.md §1.3 says accept both, where
    # newer docs lean towards the private key.
    BEST = "best"


@dataclass(frozen=True, slots=True)
class _Failure:
    """An attempt that may be worth repeating (5xx, 429, timeout, connection error)."""

    error: WompiUnavailableError


class WompiClient:
    """Wompi's merchant API, typed. One instance per configured merchant and environment.

    The `httpx.AsyncClient` is the caller's: it is not closed here, so one pool can serve
    several clients (and tests can hand in `MockTransport` or `ASGITransport`).
    """

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        api_base_url: str,
        public_key: str,
        private_key: str | Callable[[], str | None] | None = None,
        retry: RetryPolicy | None = None,
        breaker: CircuitBreaker | None = None,
        timeout: httpx.Timeout | float = 10.0,
    ) -> None:
        # No public key yet (a first start, a cash-only shop) is a configuration to report, not
        # a crash: calls that need it raise WompiAuthError; reads by the private key still work.
        self._http = http
        self._base = api_base_url.rstrip("/")
        self._public_key = public_key
        self._private_key = _key_source(private_key)
        self._private_from_callable = callable(private_key)
        self.retry = retry or RetryPolicy()
        self.breaker = breaker or CircuitBreaker()
        self._timeout, self._deadline_s = _timeouts(timeout)

    def __repr__(self) -> str:
        if self._private_from_callable:
            private = "provider"
        else:
            private = "configured" if self._private_key() else "missing"
        return (
            f"WompiClient(api_base_url={self._base!r}, environment={self.environment!r}, "
            f"private_key={private}, breaker={self.breaker.state.value})"
        )

    @property
    def environment(self) -> str:
        """The environment the public key's prefix names: "test", "prod" or "unknown"."""
        for env in ("test", "prod"):
            if self._public_key.startswith(f"pub_{env}_"):
                return env
        return "unknown"

    # --- merchant and PSE -------------------------------------------------------------

    async def get_merchant(self) -> Merchant:
        """The merchant and its fresh acceptance tokens (docs/wompi.md §6); the key travels in the
        path."""
        self._require_public_key()
        body = await self._call(
            "GET",
            f"/merchants/{_segment(self._public_key)}",
            auth=_Auth.NONE,
            retry=True,
            log_path="/merchants/{public_key}",
        )
        return Merchant.from_api(_data(body))

    async def pse_financial_institutions(self) -> list[FinancialInstitution]:
        body = await self._call("GET", "/pse/financial_institutions", auth=_Auth.PUBLIC, retry=True)
        data = _data(body)
        if not isinstance(data, list):
            raise WompiBadResponseError(field="data")
        return [
            FinancialInstitution.from_api(item, f"financial_institutions[{i}]")
            for i, item in enumerate(data)
        ]

    # --- transactions -----------------------------------------------------------------

    async def get_transaction(self, transaction_id: str) -> Transaction:
        body = await self._call(
            "GET",
            f"/transactions/{_segment(transaction_id)}",
            auth=_Auth.BEST,
            retry=True,
            log_path="/transactions/{id}",
        )
        return Transaction.from_api(_data(body))

    async def find_transactions(self, reference: str) -> list[Transaction]:
        """Every transaction under a reference: a payer's retries share one (docs/wompi.md §4.5)."""
        if not reference:
            raise ValueError("reference must not be empty")
        body = await self._call(
            "GET", "/transactions", auth=_Auth.PRIVATE, retry=True, params={"reference": reference}
        )
        return parse_transactions(_data(body))

    async def iter_transaction_pages(
        self, from_date: date, until_date: date, *, page_size: int = MAX_PAGE_SIZE
    ) -> AsyncIterator[list[Transaction]]:
        """Transactions created in [from_date, until_date], one non-empty page at a time.

        Wompi's pagination `meta` is undocumented (docs/wompi.md §5.3), so the last page is the
        first one shorter than `page_size`, unless `meta` clearly says so earlier.
        """
        _check_range(from_date, until_date, page_size)
        previous_ids: tuple[str, ...] = ()
        for page in range(1, MAX_PAGES + 1):
            data, meta = await self._transaction_page(from_date, until_date, page, page_size)
            transactions = parse_transactions(data, f"transactions.page{page}")
            ids = tuple(t.id for t in transactions)
            if ids and ids == previous_ids:
                # The server ignored `page`: stop rather than loop or double-count.
                raise WompiBadResponseError(field="meta.page")
            if transactions:
                yield transactions
            # A server that caps page_size below what we asked would otherwise look finished.
            served = _served_page_size(meta, page_size)
            if len(transactions) < served or _meta_says_last(meta, page, len(transactions)):
                return
            previous_ids = ids
        raise WompiBadResponseError(field="meta.page")

    async def search_transactions(
        self, from_date: date, until_date: date, *, page_size: int = MAX_PAGE_SIZE
    ) -> list[Transaction]:
        found: list[Transaction] = []
        async for page in self.iter_transaction_pages(from_date, until_date, page_size=page_size):
            found.extend(page)
        return found

    async def create_transaction(self, request: TransactionRequest) -> Transaction:
        """Sent once, never retried: the reference is the only guard against a double charge."""
        body = await self._call(
            "POST", "/transactions", auth=_Auth.BEST, retry=False, json=request.to_api()
        )
        return Transaction.from_api(_data(body))

    async def void_transaction(self, transaction_id: str) -> Transaction:
        """Void an APPROVED card payment (docs/wompi.md §5.5) and return the transaction afterwards.

        Wompi answers either `{"data": {"status", "status_message", "transaction": {…}}}`, a
        bare transaction, or an empty 201; for the last we read the transaction again.
        Not retried: if this times out, read the transaction to see whether the void happened.
        """
        body = await self._call(
            "POST",
            f"/transactions/{_segment(transaction_id)}/void",
            auth=_Auth.PRIVATE,
            retry=False,
            log_path="/transactions/{id}/void",
        )
        data = body.get("data") if isinstance(body, Mapping) else None
        if isinstance(data, Mapping) and isinstance(data.get("transaction"), Mapping):
            _check_void_outcome(data)
            return Transaction.from_api(data["transaction"], "void.transaction")
        if isinstance(data, Mapping) and "id" in data and "amount_in_cents" in data:
            return Transaction.from_api(data, "void")
        return await self.get_transaction(transaction_id)

    # --- payment links ----------------------------------------------------------------

    async def create_payment_link(self, request: PaymentLinkRequest) -> PaymentLink:
        body = await self._call(
            "POST", "/payment_links", auth=_Auth.PRIVATE, retry=False, json=request.to_api()
        )
        return PaymentLink.from_api(_data(body))

    async def get_payment_link(self, link_id: str) -> PaymentLink:
        body = await self._call(
            "GET",
            f"/payment_links/{_segment(link_id)}",
            auth=_Auth.PUBLIC,
            retry=True,
            log_path="/payment_links/{id}",
        )
        return PaymentLink.from_api(_data(body))

    async def set_payment_link_active(self, link_id: str, active: bool) -> PaymentLink:
        """Deactivate (or re-enable) a link; the only field Wompi lets us change (docs/wompi.md
        §7.2)."""
        body = await self._call(
            "PATCH",
            f"/payment_links/{_segment(link_id)}",
            auth=_Auth.PRIVATE,
            retry=False,
            json={"active": active},
            log_path="/payment_links/{id}",
        )
        return PaymentLink.from_api(_data(body))

    # --- tokenization (direct API path) -----------------------------------------------

    async def tokenize_card(
        self, number: str, cvc: str, exp_month: str, exp_year: str, card_holder: str
    ) -> CardToken:
        card = {
            "number": number,
            "cvc": cvc,
            "exp_month": exp_month,
            "exp_year": exp_year,
            "card_holder": card_holder,
        }
        body = await self._call("POST", "/tokens/cards", auth=_Auth.PUBLIC, retry=False, json=card)
        return CardToken.from_api(_data(body))

    async def tokenize_nequi(self, phone_number: str) -> NequiToken:
        body = await self._call(
            "POST",
            "/tokens/nequi",
            auth=_Auth.PUBLIC,
            retry=False,
            json={"phone_number": phone_number},
        )
        return NequiToken.from_api(_data(body))

    # --- the request loop -------------------------------------------------------------

    async def _transaction_page(
        self, from_date: date, until_date: date, page: int, page_size: int
    ) -> tuple[Any, Mapping[str, Any]]:
        params: dict[str, str | int] = {
            "from_date": from_date.isoformat(),
            "until_date": until_date.isoformat(),
            "page": page,
            "page_size": page_size,
        }
        body = await self._call(
            "GET", "/transactions", auth=_Auth.PRIVATE, retry=True, params=params
        )
        meta = body.get("meta") if isinstance(body, Mapping) else None
        return _data(body), meta if isinstance(meta, Mapping) else {}

    async def _call(
        self,
        method: str,
        path: str,
        *,
        auth: _Auth,
        retry: bool,
        params: Mapping[str, str | int] | None = None,
        json: Any = None,
        log_path: str | None = None,
    ) -> Any:
        """Send with retries; return the parsed JSON body (None when empty) or raise."""
        log_path = log_path or path
        headers = self._headers(auth, method, log_path)
        policy = self.retry if retry else _NO_RETRY
        request = self._http.build_request(
            method,
            self._base + path,
            params=params,
            json=json,
            headers=headers,
            timeout=self._timeout,
        )
        last: WompiUnavailableError | None = None
        for attempt in range(1, policy.max_attempts + 1):
            if not self.breaker.allow():
                # Opened by this call's own failures, or another task holds the trial slot.
                raise last or self._circuit_open(method, log_path)
            outcome = await self._attempt(request, log_path, attempt)
            if not isinstance(outcome, _Failure):
                return outcome
            last = outcome.error
            last.attempts = attempt
            delay = policy.delay_s(attempt, last.retry_after_s)
            if delay is None or self.breaker.state is BreakerState.OPEN:
                break
            await policy.sleep(delay)
        raise last or WompiUnavailableError()  # the loop always runs, so `last` is set

    async def _attempt(self, request: httpx.Request, log_path: str, attempt: int) -> Any:
        """One HTTP exchange. Returns the body, or a _Failure; the breaker hears the verdict."""
        started = time.perf_counter()
        try:
            async with asyncio.timeout(self._deadline_s):
                response = await self._http.send(request)
        except (httpx.TimeoutException, TimeoutError) as exc:
            return self._transport_failure(request, log_path, attempt, started, exc)
        except httpx.TransportError as exc:
            return self._transport_failure(request, log_path, attempt, started, exc)
        except BaseException:
            self.breaker.release()  # cancelled or a bug: says nothing about Wompi's health
            raise
        _log_exchange(request.method, log_path, response.status_code, started, attempt)
        return self._handle_response(response)

    def _handle_response(self, response: httpx.Response) -> Any:
        status = response.status_code
        if status < 400:
            self.breaker.record_success()
            if status >= 300:  # Wompi never redirects its API: a proxy or portal answered
                raise WompiBadResponseError(field="status")
            return _parse_body(response)
        error = error_from_response(status, self._redact(_json_or_none(response)))
        if status >= 500:
            self.breaker.record_failure()
        elif status == 429:
            self.breaker.release()  # an answer, but not proof that Wompi is healthy
        else:
            self.breaker.record_success()  # a 4xx is Wompi answering: it is up
        if isinstance(error, WompiUnavailableError):
            error.retry_after_s = parse_retry_after(response.headers.get("Retry-After"))
            return _Failure(error)
        raise error

    def _transport_failure(
        self,
        request: httpx.Request,
        log_path: str,
        attempt: int,
        started: float,
        exc: BaseException,
    ) -> _Failure:
        self.breaker.record_failure()
        timed_out = isinstance(exc, httpx.TimeoutException | TimeoutError)
        status = "timeout" if timed_out else "connection_error"
        _log_exchange(request.method, log_path, status, started, attempt, type(exc).__name__)
        error_class = WompiTimeoutError if timed_out else WompiUnavailableError
        error = error_class(error_type=status)
        # Keep httpx's exception for the traceback: its text names no key or header.
        error.__cause__ = exc
        error.__suppress_context__ = True
        return _Failure(error)

    def _circuit_open(self, method: str, log_path: str) -> WompiCircuitOpenError:
        log.warning("wompi method=%s path=%s status=circuit_open sent=no", method, log_path)
        return WompiCircuitOpenError(
            error_type="circuit_open", retry_after_s=self.breaker.retry_in_s()
        )

    def _headers(self, auth: _Auth, method: str, log_path: str) -> dict[str, str]:
        if auth is _Auth.NONE:
            return {}
        key = self._private_key() if auth in (_Auth.PRIVATE, _Auth.BEST) else None
        if auth is _Auth.PRIVATE and not key:
            log.warning("wompi method=%s path=%s status=no_private_key sent=no", method, log_path)
            raise WompiAuthError(NO_PRIVATE_KEY_MESSAGE, error_type="NO_PRIVATE_KEY")
        if not key:
            self._require_public_key()
        return {"Authorization": f"Bearer {key or self._public_key}"}

    def _require_public_key(self) -> None:
        if not self._public_key:
            raise WompiAuthError(NO_PUBLIC_KEY_MESSAGE, error_type="NO_PUBLIC_KEY")

    def _redact(self, value: Any) -> Any:
        """Wompi's error text echoed back a key once too often: mask ours before keeping it."""
        keys = [k for k in (self._public_key, self._private_key()) if k]
        if isinstance(value, str):
            for key in keys:
                value = value.replace(key, MASK)
            return value
        if isinstance(value, Mapping):
            return {k: self._redact(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._redact(v) for v in value]
        return value


def _key_source(private_key: str | Callable[[], str | None] | None) -> Callable[[], str | None]:
    if callable(private_key):
        return private_key
    # A closure rather than an attribute, so that vars(client) shows no key either.
    return lambda: private_key or None


def _timeouts(timeout: httpx.Timeout | float) -> tuple[httpx.Timeout, float]:
    """httpx's per-phase timeouts, and a hard deadline for one whole attempt.

    A float is both: each phase and the whole exchange must fit in it. An httpx.Timeout keeps
    its phases, and the deadline is their sum, so it never cuts what the caller allowed.
    """
    if isinstance(timeout, httpx.Timeout):
        phases = [timeout.connect, timeout.read, timeout.write, timeout.pool]
        if any(p is None for p in phases):
            raise ValueError("every phase needs a timeout: a call must never wait forever")
        return timeout, float(sum(p for p in phases if p is not None))
    if timeout <= 0:
        raise ValueError("timeout must be positive")
    return httpx.Timeout(timeout), float(timeout)


def _segment(value: str) -> str:
    """A path segment from an id: quoted, so an id can never climb to another endpoint."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError("id must be a non-empty string")
    return quote(value, safe="")


def _check_range(from_date: date, until_date: date, page_size: int) -> None:
    if from_date > until_date:
        raise ValueError("from_date must not be after until_date")
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}")


def _meta_says_last(meta: Mapping[str, Any], page: int, count: int) -> bool:
    """Only trust pagination hints that cannot be misread; otherwise the short page decides.

    `total_results` counts only when it exceeds this page's own length: then it cannot be a
    per-page count, so it is the total (a misread here would lose transactions silently).
    """
    total_pages = meta.get("total_pages")
    if _is_int(total_pages):
        return page >= total_pages
    total = meta.get("total_results")
    page_size = meta.get("page_size")
    if _is_int(total) and _is_int(page_size) and total > count:
        return page * page_size >= total
    return meta.get("has_more") is False or ("next_page" in meta and meta["next_page"] is None)


def _served_page_size(meta: Mapping[str, Any], requested: int) -> int:
    served = meta.get("page_size")
    return served if _is_int(served) and 1 <= served < requested else requested


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_void_outcome(data: Mapping[str, Any]) -> None:
    status = data.get("status")
    if status in ("DECLINED", "ERROR"):
        message = data.get("status_message")
        raise WompiError(
            N_(
                "Wompi no anuló la transacción (resultado de la anulación: {status}).",
                status=status,
            ),
            http_status=201,
            error_type=f"VOID_{status}",
            reason=message if isinstance(message, str) else None,
        )


def _data(body: Any) -> Any:
    if not isinstance(body, Mapping) or "data" not in body:
        raise WompiBadResponseError(field="data")
    return body["data"]


def _parse_body(response: httpx.Response) -> Any:
    if not response.content.strip():
        return None
    try:
        return response.json()
    except ValueError:  # JSONDecodeError and UnicodeDecodeError both are
        raise WompiBadResponseError() from None


def _json_or_none(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _log_exchange(
    method: str,
    log_path: str,
    status: int | str,
    started: float,
    attempt: int,
    error: str | None = None,
) -> None:
    ms = round((time.perf_counter() - started) * 1000)
    # Failures and refused keys are what support looks for; everything else is routine.
    failed = not isinstance(status, int) or status >= 500 or status in (401, 403, 429)
    suffix = f" error={error}" if error else ""
    log.log(
        logging.WARNING if failed else logging.INFO,
        "wompi method=%s path=%s status=%s ms=%d attempt=%d%s",
        method,
        log_path,
        status,
        ms,
        attempt,
        suffix,
    )
