"""Client for the relay's terminal feed: `GET /v1/events` (long poll) and `GET /healthz`.

Every answer is validated field by field: a relay (or a proxy or captive portal in front of it)
that answers something else gives a typed `RelayError`, never a KeyError or a half-read batch.
The terminal token is sent as a Bearer and never appears in logs, `repr()` or error text; with
no token configured, nothing is sent at all (fail closed).

    RelayError                    str() is Spanish text for staff
    ├── RelayAuthError            401/403, or no token configured
    ├── RelayCursorExpiredError   410: the cursor is older than the relay's retention
    └── RelayUnavailableError     connection error, timeout, 5xx, 429; .retry_after_s
        ├── RelayRateLimitedError 429
        └── RelayBadResponseError an answer that breaks the contract; .field names what
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar, TypeGuard

import httpx

from mestore_desktop.domain.text import N_, Text
from mestore_desktop.wompi.resilience import parse_retry_after

log = logging.getLogger(__name__)

MAX_LIMIT = 500
MAX_WAIT_S = 30.0
CONNECT_TIMEOUT_S = 5.0
# Beyond the long-poll wait, how long the relay may take to answer before we call it hung.
ANSWER_MARGIN_S = 10.0
_EPOCH = re.compile(r"[A-Za-z0-9_-]{1,64}")


class RelayError(Exception):
    """Base of the relay client's errors; `str()` is Spanish text for staff."""

    default_message: ClassVar[Text] = N_("No se pudo consultar el relay.")

    def __init__(
        self, message: Text | str | None = None, *, http_status: int | None = None
    ) -> None:
        super().__init__(message or self.default_message)
        self.http_status = http_status


class RelayAuthError(RelayError):
    default_message = N_(
        "El relay rechazó el token de esta caja. Revise el token del relay en Ajustes > Secretos."
    )


class RelayCursorExpiredError(RelayError):
    default_message = N_(
        "El relay ya no guarda los eventos desde el último que recibió esta caja; se consultará "
        "Wompi directamente para cubrir ese periodo."
    )


class RelayUnavailableError(RelayError):
    default_message = N_("El relay no responde en este momento; se reintentará.")

    def __init__(
        self,
        message: Text | str | None = None,
        *,
        http_status: int | None = None,
        retry_after_s: float | None = None,
    ) -> None:
        super().__init__(message, http_status=http_status)
        self.retry_after_s = retry_after_s


class RelayRateLimitedError(RelayUnavailableError):
    default_message = N_("El relay pidió esperar antes de volver a consultar.")


class RelayBadResponseError(RelayUnavailableError):
    """The relay answered, but not what the contract promises."""

    def __init__(self, field: str, *, http_status: int | None = None) -> None:
        super().__init__(
            N_(
                "El relay respondió con datos que no se pueden leer (campo «{field}»).", field=field
            ),
            http_status=http_status,
        )
        self.field = field


@dataclass(frozen=True, slots=True)
class RelayEvent:
    """One stored Wompi event: the relay's sequence number, arrival time and the original body."""

    seq: int
    received_at: datetime
    event: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class RelayBatch:
    events: list[RelayEvent]
    next_after: int
    # The relay database's id; another one means its seqs started again. None from a relay
    # that predates it.
    epoch: str | None = None


class RelayClient:
    """The relay feed for one terminal; the caller owns (and closes) the `httpx.AsyncClient`."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        base_url: str,
        token: str | Callable[[], str | None],
    ) -> None:
        self._http = http
        self._base = base_url.rstrip("/")
        # A closure, so that vars(client) shows no token either.
        self._token: Callable[[], str | None] = token if callable(token) else (lambda: token)

    def __repr__(self) -> str:
        return f"RelayClient(base_url={self._base!r})"

    @property
    def base_url(self) -> str:
        return self._base

    async def fetch(self, after: int, *, limit: int = 100, wait: float = 25.0) -> RelayBatch:
        """Events with seq > `after`, oldest first; waits up to `wait` s when there are none."""
        _check_fetch_args(after, limit, wait)
        params = {"after": str(after), "limit": str(limit), "wait": f"{wait:g}"}
        timeout = httpx.Timeout(CONNECT_TIMEOUT_S, read=wait + ANSWER_MARGIN_S)
        body = await self._get("/v1/events", params, timeout, auth=True)
        return parse_batch(body, after, limit)

    async def health(self) -> dict[str, Any]:
        """The relay's `/healthz`, validated; `last_event_at` comes back as a datetime."""
        timeout = httpx.Timeout(CONNECT_TIMEOUT_S, read=ANSWER_MARGIN_S)
        return parse_health(await self._get("/healthz", None, timeout, auth=False))

    async def _get(
        self,
        path: str,
        params: Mapping[str, str] | None,
        timeout: httpx.Timeout,
        *,
        auth: bool,
    ) -> Any:
        headers = {"Accept": "application/json"}
        if auth:
            token = self._token()
            if not token:
                raise RelayAuthError(
                    N_("Falta el token del relay de esta caja (Ajustes > Secretos).")
                )
            headers["Authorization"] = f"Bearer {token}"
        started = time.perf_counter()
        # A hard deadline over the whole exchange: httpx's read timeout is per chunk.
        deadline = (timeout.connect or 0) + (timeout.read or 0)
        try:
            async with asyncio.timeout(deadline):
                response = await self._http.get(
                    self._base + path, params=params, headers=headers, timeout=timeout
                )
        except (httpx.TimeoutException, TimeoutError):
            _log(path, "timeout", started)
            raise RelayUnavailableError(
                N_("El relay no respondió a tiempo; se reintentará.")
            ) from None
        except httpx.TransportError as exc:
            _log(path, f"connection_error:{type(exc).__name__}", started)
            raise RelayUnavailableError() from None
        _log(path, response.status_code, started)
        return _body_or_raise(response)


def _check_fetch_args(after: int, limit: int, wait: float) -> None:
    if after < 0:
        raise ValueError("after must not be negative")
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be between 1 and {MAX_LIMIT}")
    if not 0 <= wait <= MAX_WAIT_S:
        raise ValueError(f"wait must be between 0 and {MAX_WAIT_S:g} seconds")


def _body_or_raise(response: httpx.Response) -> Any:
    status = response.status_code
    if status in (401, 403):
        raise RelayAuthError(http_status=status)
    if status == 410:
        raise RelayCursorExpiredError(http_status=status)
    if status == 429:
        raise RelayRateLimitedError(
            http_status=status, retry_after_s=parse_retry_after(response.headers.get("Retry-After"))
        )
    if status >= 500:
        raise RelayUnavailableError(
            http_status=status, retry_after_s=parse_retry_after(response.headers.get("Retry-After"))
        )
    if status != 200:
        # A redirect (captive portal), a 404 (wrong relay URL) or a 400: not the contract.
        raise RelayBadResponseError("status", http_status=status)
    try:
        return response.json()
    except ValueError:  # JSONDecodeError and UnicodeDecodeError both are
        raise RelayBadResponseError("cuerpo", http_status=status) from None


def parse_batch(body: Any, after: int, limit: int) -> RelayBatch:
    """Check a `/v1/events` answer against the request: seqs increasing and after `after`."""
    if not isinstance(body, Mapping):
        raise RelayBadResponseError("cuerpo")
    items = body.get("events")
    if not isinstance(items, list) or len(items) > limit:
        raise RelayBadResponseError("events")
    events: list[RelayEvent] = []
    previous = after
    for index, item in enumerate(items):
        event = _parse_event(item, f"events[{index}]")
        if event.seq <= previous:
            raise RelayBadResponseError(f"events[{index}].seq")
        events.append(event)
        previous = event.seq
    next_after = body.get("next_after")
    if not _is_int(next_after) or next_after < previous:
        raise RelayBadResponseError("next_after")
    return RelayBatch(events, next_after, _epoch(body))


def _epoch(body: Mapping[str, Any]) -> str | None:
    if "epoch" not in body:
        return None
    epoch = body["epoch"]
    # Short and plain: it is stored, compared and written to the audit log as it is.
    if not isinstance(epoch, str) or not _EPOCH.fullmatch(epoch):
        raise RelayBadResponseError("epoch")
    return epoch


def _parse_event(item: Any, where: str) -> RelayEvent:
    if not isinstance(item, Mapping):
        raise RelayBadResponseError(where)
    seq = item.get("seq")
    if not _is_int(seq) or seq < 1:
        raise RelayBadResponseError(f"{where}.seq")
    received_at = _timestamp(item.get("received_at"), f"{where}.received_at")
    if received_at is None:
        raise RelayBadResponseError(f"{where}.received_at")
    event = item.get("event")
    if not isinstance(event, Mapping):
        raise RelayBadResponseError(f"{where}.event")
    return RelayEvent(seq=seq, received_at=received_at, event=event)


def parse_health(body: Any) -> dict[str, Any]:
    if not isinstance(body, Mapping):
        raise RelayBadResponseError("cuerpo")
    status = body.get("status")
    if not isinstance(status, str) or not status:
        raise RelayBadResponseError("status")
    counts = {}
    for name in ("events", "checksum_failures"):
        value = body.get(name)
        if not _is_int(value) or value < 0:
            raise RelayBadResponseError(name)
        counts[name] = value
    return {
        "status": status,
        **counts,
        "last_event_at": _timestamp(body.get("last_event_at"), "last_event_at"),
    }


def _timestamp(value: Any, where: str) -> datetime | None:
    """An ISO-8601 time (naive means UTC), None for null; anything else is refused."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise RelayBadResponseError(where)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise RelayBadResponseError(where) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _log(path: str, status: int | str, started: float) -> None:
    ms = round((time.perf_counter() - started) * 1000)
    failed = not isinstance(status, int) or status >= 400
    log.log(
        logging.WARNING if failed else logging.DEBUG,
        "relay path=%s status=%s ms=%d",
        path,
        status,
        ms,
    )
