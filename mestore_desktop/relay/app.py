"""The relay's HTTP contract as one Starlette app.

    POST /wompi/events   Wompi's event URL: 200 only after a durable commit
    GET  /v1/events      the terminals' feed: cursor `after`, `limit`, long-poll `wait`;
                         every page (and a 410) names the database's `epoch`
    GET  /healthz        counts only, no auth, no secrets

Blocking database work runs on the Relay's own thread pools, never on the event loop: one
writer thread on SQLite (one writer is what SQLite allows; more threads would only contend
for its lock), a few on PostgreSQL, and a few readers. Bad input is always a 4xx.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager, suppress
from datetime import UTC, datetime
from typing import Any, TypeVar

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from mestore_desktop.relay.config import RelayConfig
from mestore_desktop.relay.events import MalformedEventError, parse_event
from mestore_desktop.relay.ratelimit import RateLimiter
from mestore_desktop.relay.store import (
    NOTIFY_CHANNEL,
    FeedPage,
    NewEvent,
    RelayStore,
    StorageUnavailableError,
)
from mestore_desktop.relay.tokens import bearer_token
from mestore_desktop.relay.wakeup import PgListener, Wakeup

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_LIMIT = 500
DEFAULT_LIMIT = 100
MAX_WAIT_S = 30.0
PG_WRITERS = 4
READERS = 4
_NO_STORE = {"Cache-Control": "no-store"}


class Relay:
    """One instance's live parts: the store, thread pools, wake-ups, rate limits, counters."""

    def __init__(self, config: RelayConfig, store: RelayStore, *, owns_store: bool = False) -> None:
        self.config = config
        self.store = store
        self.wakeup = Wakeup(config.fallback_poll_s)
        self.limiter = RateLimiter(config.rate_per_s, config.rate_burst)
        self.checksum_failures = 0
        self._owns_store = owns_store
        writers = 1 if store.kind == "sqlite" else PG_WRITERS
        self._writer = ThreadPoolExecutor(writers, thread_name_prefix="relay-write")
        self._reader = ThreadPoolExecutor(READERS, thread_name_prefix="relay-read")
        self._listener: PgListener | None = None
        self._pruner: asyncio.Task[None] | None = None
        self._started = False
        self.closing = False

    def begin_shutdown(self) -> None:
        """Answer the open long-polls now (empty pages), so the server can stop without
        cancelling them mid-request; their terminals simply poll again elsewhere or later."""
        self.closing = True
        self.wakeup.bump()

    async def start(self) -> None:
        """Bind background work to the running loop (idempotent)."""
        if self._started:
            return
        self._started = True
        conninfo = self.store.listen_conninfo()
        if conninfo is not None:
            self._listener = PgListener(conninfo, NOTIFY_CHANNEL, self.wakeup)
            self._listener.start()
        if self.config.prune_interval_s > 0:
            self._pruner = asyncio.get_running_loop().create_task(self._prune_forever())

    async def aclose(self) -> None:
        if self._listener is not None:
            await self._listener.stop()
        if self._pruner is not None:
            self._pruner.cancel()
            with suppress(asyncio.CancelledError):
                await self._pruner
        # Let an in-flight commit finish before the store goes away.
        await asyncio.to_thread(self._writer.shutdown)
        await asyncio.to_thread(self._reader.shutdown)
        if self._owns_store:
            self.store.dispose()

    async def write(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._writer, fn, *args)

    async def read(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._reader, fn, *args)

    async def _prune_forever(self) -> None:
        while True:
            await asyncio.sleep(self.config.prune_interval_s)
            # A failure is logged by the store; the next round tries again.
            with suppress(StorageUnavailableError):
                await self.write(self.store.prune, self.config.retention_days)


def create_app(config: RelayConfig, store: RelayStore | str, *, debug: bool = False) -> Starlette:
    """The app; `app.state.relay` is its Relay. A URL/path `store` is opened (and migrated)."""
    if isinstance(store, RelayStore):
        relay = Relay(config, store)
    else:
        relay = Relay(config, RelayStore(store), owns_store=True)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        await relay.start()
        try:
            yield
        finally:
            await relay.aclose()

    app = Starlette(
        debug=debug,
        routes=[
            Route("/wompi/events", receive_event, methods=["POST"]),
            Route("/v1/events", feed, methods=["GET"]),
            Route("/healthz", healthz, methods=["GET"]),
        ],
        middleware=[Middleware(StartRelay, relay=relay)],
        exception_handlers={HTTPException: _http_error},
        lifespan=lifespan,
    )
    app.state.relay = relay
    return app


class StartRelay:
    """Starts the Relay on the first request too: httpx.ASGITransport runs no lifespan."""

    def __init__(self, app: ASGIApp, relay: Relay) -> None:
        self.app = app
        self.relay = relay

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self.relay.start()
        await self.app(scope, receive, send)


def relay_of(request: Request) -> Relay:
    return request.app.state.relay  # type: ignore[no-any-return]


def error(status: int, code: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"ok": False, "error": code}, status_code=status, headers=headers)


def _unavailable() -> JSONResponse:
    return error(503, "storage_unavailable", {"Retry-After": "1"})


# -- POST /wompi/events -------------------------------------------------------------------------


async def receive_event(request: Request) -> Response:
    relay = relay_of(request)
    raw = await _body_capped(request, relay.config.max_event_bytes)
    if raw is None:
        return error(413, "body_too_large")
    try:
        incoming = parse_event(raw, request.headers.get("x-event-checksum"))
    except MalformedEventError as exc:
        log.info("malformed event refused", extra={"reason": str(exc)})
        return error(400, "malformed_event")
    if incoming.environment != relay.config.environment:
        # `environment` is not signed: this is a routing guard (a dashboard pointing at the
        # wrong relay), not a security check; the checksum below is.
        log.warning("event for another environment", extra={"environment": incoming.environment})
        return error(422, "wrong_environment")
    if not relay.config.events_secrets:
        log.error("no events secret configured: every event is refused")
        return error(401, "no_events_secret")
    missing = incoming.unsigned_required()
    if missing:
        # Signed, perhaps, but over fields the sender chose: the id, status and amount that
        # the terminals rely on would be unauthenticated. Counted with the forgeries.
        relay.checksum_failures += 1
        log.warning(
            "event does not sign the required fields",
            extra={"event_type": incoming.event_type[:64], "missing": ",".join(missing)},
        )
        return error(401, "unsigned_fields")
    if not incoming.verifies_with(relay.config.events_secrets):
        relay.checksum_failures += 1
        log.warning(
            "event checksum mismatch",
            extra={"event_type": incoming.event_type[:64], "client": _client(request)},
        )
        return error(401, "checksum_mismatch")
    new = NewEvent(incoming.event_type, incoming.environment, incoming.dedupe_key(), raw)
    try:
        result = await relay.write(relay.store.insert_event, new)
    except StorageUnavailableError:
        return _unavailable()
    if not result.duplicate:
        relay.wakeup.bump()
    log.info(
        "event stored",
        extra={"seq": result.seq, "duplicate": result.duplicate, "event_type": new.event_type[:64]},
    )
    return JSONResponse({"ok": True, "seq": result.seq, "duplicate": result.duplicate})


async def _body_capped(request: Request, limit: int) -> bytes | None:
    """The body, or None once it is known to exceed `limit` (read no further)."""
    declared = request.headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                return None
            chunks.append(chunk)
    except ClientDisconnect:
        return b""  # nobody will read the answer; an empty body is simply malformed
    return b"".join(chunks)


def _client(request: Request) -> str:
    return request.client.host if request.client else "-"


# -- GET /v1/events -----------------------------------------------------------------------------


class _BadQueryError(ValueError):
    pass


async def feed(request: Request) -> Response:
    relay = relay_of(request)
    token = bearer_token(request.headers.get("authorization"))
    try:
        name = None if token is None else await relay.read(relay.store.token_name, token)
    except StorageUnavailableError:
        return _unavailable()
    if name is None:
        return error(401, "unauthorized", {"WWW-Authenticate": "Bearer"})
    retry_after = relay.limiter.take(name)
    if retry_after is not None:
        return error(429, "rate_limited", {"Retry-After": str(max(1, math.ceil(retry_after)))})
    try:
        after, limit, wait = _feed_query(request)
    except _BadQueryError as exc:
        return JSONResponse({"ok": False, "error": "bad_query", "detail": str(exc)}, 400)
    try:
        page = await _poll(request, relay, after, limit, wait)
    except StorageUnavailableError:
        return _unavailable()
    if after < page.horizon_seq:
        body = {"ok": False, "error": "cursor_expired", "epoch": page.epoch}
        return JSONResponse(body, status_code=410, headers=_NO_STORE)
    return _feed_response(page, after)


def _feed_query(request: Request) -> tuple[int, int, float]:
    q = request.query_params
    after = _int_param(q.get("after"), "after", default=0, low=0, high=2**63 - 1)
    limit = _int_param(q.get("limit"), "limit", default=DEFAULT_LIMIT, low=1, high=MAX_LIMIT)
    raw_wait = q.get("wait")
    try:
        wait = 0.0 if raw_wait is None else float(raw_wait) if raw_wait.isascii() else math.nan
    except ValueError:
        wait = math.nan
    if not 0.0 <= wait <= MAX_WAIT_S:  # also refuses nan
        raise _BadQueryError(f"wait must be a number of seconds from 0 to {MAX_WAIT_S:g}")
    return after, limit, wait


def _int_param(raw: str | None, name: str, *, default: int, low: int, high: int) -> int:
    if raw is None:
        return default
    # isdigit() alone would accept other scripts' digits; int() would accept '_' and spaces.
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 19 and low <= int(raw) <= high):
        raise _BadQueryError(f"{name} must be an integer from {low} to {high}")
    return int(raw)


async def _poll(request: Request, relay: Relay, after: int, limit: int, wait: float) -> FeedPage:
    """Events after `after`; with none, wait up to `wait` s for one (holding no connection)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    while True:
        seen = relay.wakeup.generation  # before reading: an insert after the read moves it
        page = await relay.read(relay.store.events_after, after, limit)
        remaining = deadline - loop.time()
        if page.events or after < page.horizon_seq or remaining <= 0 or relay.closing:
            return page
        if await request.is_disconnected():
            return page
        await relay.wakeup.wait(seen, relay.wakeup.slice_s(remaining))


def _feed_response(page: FeedPage, after: int) -> Response:
    # The stored bytes were checked to be a strict UTF-8 JSON object at ingest, so they are
    # spliced in verbatim: the terminal gets exactly what Wompi signed, without a re-encode.
    items = b",".join(
        b'{"seq":%d,"received_at":"%s","event":%s}' % (e.seq, iso_time(e.received_at_us), e.raw)
        for e in page.events
    )
    next_after = page.events[-1].seq if page.events else after
    # The epoch names the database these seqs come from: a terminal that sees another one
    # knows the seqs started again and reads from 0 (additive: older terminals ignore it).
    epoch = json.dumps(page.epoch).encode("ascii")
    body = b'{"events":[%s],"next_after":%d,"epoch":%s}' % (items, next_after, epoch)
    return Response(body, media_type="application/json", headers=_NO_STORE)


def iso_time(us: int) -> bytes:
    moment = datetime.fromtimestamp(us / 1_000_000, UTC)
    return moment.isoformat(timespec="microseconds").replace("+00:00", "Z").encode("ascii")


# -- GET /healthz -------------------------------------------------------------------------------


async def healthz(request: Request) -> Response:
    relay = relay_of(request)
    try:
        stats = await relay.read(relay.store.stats)
    except StorageUnavailableError:
        body: dict[str, Any] = {"status": "unavailable", "events": None, "last_event_at": None}
        body["checksum_failures"] = relay.checksum_failures
        return JSONResponse(body, status_code=503, headers=_NO_STORE)
    last = None if stats.last_event_at_us is None else iso_time(stats.last_event_at_us).decode()
    return JSONResponse(
        {
            "status": "ok",
            "events": stats.event_count,
            "last_event_at": last,
            "checksum_failures": relay.checksum_failures,
        },
        headers=_NO_STORE,
    )


async def _http_error(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)  # noqa: S101 (registered for this type)
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    return error(exc.status_code, code, dict(exc.headers or {}))
