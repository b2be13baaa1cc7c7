"""The relay's HTTP contract as one Starlette app.

    POST /wompi/events             Wompi's event URL (the `default` merchant, config secrets):
                                   200 only after the commit holding the event
    POST /wompi/events/{merchant}  the same for a merchant added with the CLI (its stored
                                   secrets); 404 `unknown_merchant` for any other
    GET  /v1/events                the terminals' feed: cursor `after`, `limit`, long-poll `wait`;
                                   every page (and a 410) names the database's `epoch`; the
                                   merchant is the token's
    GET  /v1/status                the token's merchant: its newest event and that event's
                                   age, events refused for their signature (this process's
                                   count), a feed cursor at the end (`mestore doctor` reads it)
    GET  /healthz                  counts only, no auth, no secrets

The two hot routes are bare ASGI endpoints (no Request/Response objects, no middleware): events
are committed in groups by relay/writer.py; polls are answered from recently committed events
in memory (relay/feed.py) and tokens come from a cache (relay/access.py), so a poll usually
costs no database read. When the writer falls behind (its oldest event has waited more than
`backpressure_ms`), new events get 503 `overloaded` with Retry-After instead of queueing.
Blocking database reads run on the Relay's reader threads, never on the event loop. Bad input
is always a 4xx. Per-request log lines are debug; one info line per `summary_log_s` counts
the outcomes.

A terminal whose token is revoked while its long-poll waits gets 401 within `config_check_s`
(the same answer its next poll would get).
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any, Protocol, TypeVar
from urllib.parse import parse_qsl

import anyio
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Message, Receive, Scope, Send

from mestore_desktop.relay.access import AccessCache
from mestore_desktop.relay.config import RelayConfig
from mestore_desktop.relay.events import IncomingEvent, MalformedEventError, parse_event
from mestore_desktop.relay.feed import HeldEvent, LiveFeed, read_state
from mestore_desktop.relay.logs import OutcomeSummary
from mestore_desktop.relay.ratelimit import RateLimiter
from mestore_desktop.relay.store import (
    DEFAULT_MERCHANT,
    NOTIFY_CHANNEL,
    NewEvent,
    RelayStore,
    StorageUnavailableError,
)
from mestore_desktop.relay.tokens import bearer_token
from mestore_desktop.relay.wakeup import PgListener, Wakeup
from mestore_desktop.relay.writer import Committed, GroupWriter

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_LIMIT = 500
DEFAULT_LIMIT = 100
MAX_WAIT_S = 30.0
READERS = 4
_US_PER_DAY = 86_400 * 1_000_000
_NO_STORE = {"Cache-Control": "no-store"}
_Headers = tuple[tuple[bytes, bytes], ...]


class Relay:
    """One instance's live parts: store, group writer, in-memory feed, caches, rate limits."""

    def __init__(self, config: RelayConfig, store: RelayStore, *, owns_store: bool = False) -> None:
        self.config = config
        self.store = store
        self.wakeup = Wakeup(config.fallback_poll_s)
        self.limiter = RateLimiter(config.rate_per_s, config.rate_burst)
        self.summary = OutcomeSummary(log, config.summary_log_s)
        self.checksum_failures = 0
        # Per merchant, for GET /v1/status: counted in this process since `started_at_us`
        # (not stored: a forged post must not cost a database write). Only live merchants'
        # URLs get this far, so the dicts stay as small as the merchant list.
        self.started_at_us = store.clock()
        self.refused_by_merchant: dict[str, int] = {}
        self.last_refused_us: dict[str, int] = {}
        self.writer = GroupWriter(store, on_committed=self._on_committed)
        self._reader = ThreadPoolExecutor(READERS, thread_name_prefix="relay-read")
        self.feed = LiveFeed(
            store,
            self.read,
            max_events=config.feed_memory_events,
            max_bytes=config.feed_memory_bytes,
            busy=lambda: self.writer.depth > 0,
        )
        self.access = AccessCache(
            store,
            self.read,
            on_revoked=self.feed.waiters.wake_all,
            reload_gap_s=config.config_check_s,
        )
        self._owns_store = owns_store
        self._listener: PgListener | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._starting: asyncio.Task[None] | None = None
        self._check_now = asyncio.Event()  # binds to the loop on first use
        self.ready = False
        self.closing = False

    # -- life cycle ---------------------------------------------------------------------------

    async def start(self) -> None:
        """Bind background work to the running loop. Idempotent and cheap once done: the
        routes call it too, since httpx.ASGITransport (tests, the desktop's demo) runs no
        lifespan."""
        if self.ready:
            return
        if self._starting is None:
            self._starting = asyncio.get_running_loop().create_task(self._start())
        await asyncio.shield(self._starting)

    async def _start(self) -> None:
        await self.writer.start()
        # Both may fail with the database down: the state check retries every round.
        with suppress(StorageUnavailableError):
            self.feed.prime(await self.read(read_state, self.store))
        with suppress(StorageUnavailableError):
            await self.access.reload()
        conninfo = self.store.listen_conninfo()
        if conninfo is not None:
            self._listener = PgListener(
                conninfo,
                NOTIFY_CHANNEL,
                self.wakeup,
                on_events=self.feed.behind,
                on_config=self._check_now.set,
                on_connected=self._listening_again,
            )
            self._listener.start()
        loop = asyncio.get_running_loop()
        self._tasks.append(loop.create_task(self._housekeep()))
        if self.config.prune_interval_s > 0:
            self._tasks.append(loop.create_task(self._prune_forever()))
        self.ready = True

    def _listening_again(self) -> None:
        # Notifications may have been missed while LISTEN was down: memory cannot vouch for
        # what it holds until the state check (now) primes it again; polls read the store.
        self.feed.memory.unprime()
        self.feed.waiters.wake_all()
        self._check_now.set()

    def begin_shutdown(self) -> None:
        """Answer the open long-polls now (empty pages), so the server can stop without
        cancelling them mid-request; their terminals simply poll again elsewhere or later."""
        self.closing = True
        self.feed.waiters.wake_all()
        self.wakeup.bump()

    async def aclose(self) -> None:
        self.begin_shutdown()
        if self._starting is not None:
            with suppress(Exception):
                await self._starting
        if self._listener is not None:
            await self._listener.stop()
        for task in self._tasks:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task
        await self.feed.aclose()
        await self.writer.aclose()  # the events already waiting are committed and answered
        await asyncio.to_thread(self._reader.shutdown)
        self.summary.flush()
        if self._owns_store:
            self.store.dispose()

    async def read(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._reader, fn, *args)

    # -- background ---------------------------------------------------------------------------

    async def _housekeep(self) -> None:
        """Every `config_check_s` (or at once on NOTIFY 'config' / a LISTEN reconnect): read
        relay_state, drop stale caches, notice commits and prunes made elsewhere."""
        while True:
            with suppress(TimeoutError):
                async with asyncio.timeout(self.config.config_check_s):
                    await self._check_now.wait()
            self._check_now.clear()
            try:
                await self._check_state()
            except StorageUnavailableError:
                pass  # logged by the store; the next round tries again
            except Exception:  # a bug here must not stop revocations from taking effect
                log.exception("relay state check failed")
            self.summary.flush_if_due()

    async def _check_state(self) -> None:
        row = await self.read(read_state, self.store)
        if self.access.outdated(row.config_version):
            await self.access.reload()
        self.feed.observe(row)

    async def _prune_forever(self) -> None:
        while True:
            await asyncio.sleep(self.config.prune_interval_s)
            # A failure is logged by the store; the next round tries again.
            with suppress(StorageUnavailableError):
                result = await asyncio.to_thread(self.store.prune, self.config.retention_days)
                self.feed.memory.set_horizon(result.horizon_seq)

    def _on_committed(self, committed: Committed) -> None:
        # Runs on the loop before the submitters get their 200: a poll right after finds it.
        self.feed.committed(HeldEvent(r.seq, at, e.merchant, e.raw) for e, r, at in committed)

    # -- answers --------------------------------------------------------------------------------

    def count_refused(self, merchant: str) -> None:
        """An event on `merchant`'s URL refused for its signature (or for want of a secret)."""
        self.refused_by_merchant[merchant] = self.refused_by_merchant.get(merchant, 0) + 1
        self.last_refused_us[merchant] = self.store.clock()

    def overloaded(self) -> bool:
        return self.writer.oldest_wait_s() * 1000 > self.config.backpressure_ms

    async def secrets_of(self, merchant: str) -> tuple[str, ...] | None:
        """The events secrets for `merchant`'s URL; None if there is no such merchant."""
        if merchant == DEFAULT_MERCHANT:
            return self.config.events_secrets
        return await self.access.secrets(merchant)

    async def page(self, after: int, limit: int, merchant: str) -> Page:
        """From memory when it covers `after`, else from the store (the truth). Without a
        trusted LISTEN (PostgreSQL, connection down) memory cannot know what the other
        instances commit: the fallback short-polls read the store, as they always did."""
        cutoff = self.store.clock() - self.config.retention_days * _US_PER_DAY
        held = self.feed.answer(after, limit, merchant, cutoff) if self.wakeup.trusted else None
        if held is not None:
            self.summary.count("poll_memory")
            memory = self.feed.memory
            return Page(held, memory.horizon, memory.epoch)
        self.summary.count("poll_store")
        stored = await self.read(self.store.events_after, after, limit, merchant)
        return Page(stored.events, stored.horizon_seq, stored.epoch)


class _Served(Protocol):
    @property
    def seq(self) -> int: ...
    @property
    def received_at_us(self) -> int: ...
    @property
    def raw(self) -> bytes: ...


@dataclass(frozen=True)
class Page:
    events: Sequence[_Served]
    horizon_seq: int
    epoch: str


def create_app(config: RelayConfig, store: RelayStore | str, *, debug: bool = False) -> RelayApp:
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

    ingest, poll = IngestEndpoint(relay), FeedEndpoint(relay)
    app = RelayApp(
        ingest,
        poll,
        debug=debug,
        routes=[
            Route("/wompi/events", ingest, methods=["POST"]),
            Route("/wompi/events/{merchant}", ingest, methods=["POST"]),
            Route("/v1/events", poll, methods=["GET"]),
            Route("/v1/status", status, methods=["GET"]),
            Route("/healthz", healthz, methods=["GET"]),
        ],
        exception_handlers={HTTPException: _http_error},
        lifespan=lifespan,
    )
    app.state.relay = relay
    return app


_EVENTS_PATH = "/wompi/events"
_MERCHANT_PREFIX = "/wompi/events/"


class RelayApp(Starlette):
    """Starlette, except that the two hot routes skip its error and exception middleware and
    its router (a third of a poll's CPU in a profile): they are plain ASGI and answer every
    error themselves. The same routes are registered too, so anything unusual (another
    method, a root_path, HEAD) still gets Starlette's answer."""

    def __init__(self, ingest: IngestEndpoint, poll: FeedEndpoint, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._ingest = ingest
        self._poll = poll

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        endpoint = self._hot_route(scope)
        if endpoint is None:
            await super().__call__(scope, receive, send)
        else:
            await endpoint(scope, receive, send)

    def _hot_route(self, scope: Scope) -> IngestEndpoint | FeedEndpoint | None:
        if scope["type"] != "http" or scope.get("root_path"):
            return None
        method, path = scope["method"], scope["path"]
        if method == "GET" and path == "/v1/events":
            return self._poll
        if method != "POST":
            return None
        if path == _EVENTS_PATH:
            return self._ingest
        merchant = path[len(_MERCHANT_PREFIX) :] if path.startswith(_MERCHANT_PREFIX) else ""
        if not merchant or "/" in merchant:
            return None
        scope["path_params"] = {"merchant": merchant}
        return self._ingest


# -- bare ASGI answers --------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    headers: _Headers = ()


@cache
def refusal(status: int, code: str, headers: _Headers = ()) -> Answer:
    """`{"ok":false,"error":code}`, made once per kind (the same bytes as JSONResponse)."""
    return Answer(status, _json({"ok": False, "error": code}), headers)


def _json(content: object) -> bytes:
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


_RETRY_1: _Headers = ((b"retry-after", b"1"),)
_NO_STORE_H: _Headers = ((b"cache-control", b"no-store"),)
_JSON_TYPE = (b"content-type", b"application/json")


async def send_answer(send: Send, answer: Answer) -> None:
    length = (b"content-length", b"%d" % len(answer.body))
    start = {"type": "http.response.start", "status": answer.status}
    await send({**start, "headers": [length, _JSON_TYPE, *answer.headers]})
    await send({"type": "http.response.body", "body": answer.body})


def header(scope: Scope, name: bytes) -> str | None:
    """The first `name` header (lower case), as Starlette's Headers.get would give it."""
    for key, value in scope["headers"]:
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _unavailable() -> Answer:
    return refusal(503, "storage_unavailable", _RETRY_1)


# -- POST /wompi/events[/{merchant}] ------------------------------------------------------------


class IngestEndpoint:
    """Both event URLs; the merchant is the path's, else `default`."""

    def __init__(self, relay: Relay) -> None:
        self.relay = relay

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        relay = self.relay
        if not relay.ready:
            await relay.start()
        merchant = scope.get("path_params", {}).get("merchant", DEFAULT_MERCHANT)
        answer, outcome = await receive_event(relay, scope, receive, merchant)
        relay.summary.count(outcome)
        await send_answer(send, answer)


async def receive_event(
    relay: Relay, scope: Scope, receive: Receive, merchant: str
) -> tuple[Answer, str]:
    """The answer to one posted event and its outcome's name (for the summary line)."""
    try:
        secrets = await relay.secrets_of(merchant)
    except StorageUnavailableError:
        return _unavailable(), "storage_unavailable"
    if secrets is None:
        return refusal(404, "unknown_merchant"), "unknown_merchant"
    raw = await read_body(receive, header(scope, b"content-length"), relay.config.max_event_bytes)
    if raw is None:
        return refusal(413, "body_too_large"), "too_large"
    try:
        incoming = parse_event(raw, header(scope, b"x-event-checksum"))
    except MalformedEventError as exc:
        log.debug("malformed event refused", extra={"reason": str(exc)})
        return refusal(400, "malformed_event"), "malformed"
    refused = _refuse_unverified(relay, scope, incoming, secrets)
    if refused is not None:
        if refused[1] != "wrong_environment":
            relay.count_refused(merchant)
        return refused
    if relay.overloaded():
        return refusal(503, "overloaded", _RETRY_1), "overloaded"
    new = NewEvent(incoming.event_type, incoming.environment, incoming.dedupe_key(), raw, merchant)
    try:
        result = await relay.writer.submit(new)
    except StorageUnavailableError:
        return _unavailable(), "storage_unavailable"
    log.debug(
        "event stored",
        extra={"seq": result.seq, "duplicate": result.duplicate, "merchant": merchant},
    )
    body = b'{"ok":true,"seq":%d,"duplicate":%s}' % (
        result.seq,
        b"true" if result.duplicate else b"false",
    )
    return Answer(200, body), "duplicate" if result.duplicate else "stored"


def _refuse_unverified(
    relay: Relay, scope: Scope, incoming: IncomingEvent, secrets: tuple[str, ...]
) -> tuple[Answer, str] | None:
    """The refusal of an event that is for another environment or not signed with one of
    `secrets` (the merchant's: another merchant's secret is a mismatch), else None."""
    if incoming.environment != relay.config.environment:
        # `environment` is not signed: this is a routing guard (a dashboard pointing at the
        # wrong relay), not a security check; the checksum below is.
        log.warning("event for another environment", extra={"environment": incoming.environment})
        return refusal(422, "wrong_environment"), "wrong_environment"
    if not secrets:
        log.error("no events secret configured: every event is refused")
        return refusal(401, "no_events_secret"), "no_events_secret"
    missing = incoming.unsigned_required()
    if missing:
        # Signed, perhaps, but over fields the sender chose: the id, status and amount that
        # the terminals rely on would be unauthenticated. Counted with the forgeries.
        relay.checksum_failures += 1
        log.warning(
            "event does not sign the required fields",
            extra={"event_type": incoming.event_type[:64], "missing": ",".join(missing)},
        )
        return refusal(401, "unsigned_fields"), "unsigned_fields"
    if not incoming.verifies_with(secrets):
        relay.checksum_failures += 1
        client = scope.get("client")
        log.warning(
            "event checksum mismatch",
            extra={"event_type": incoming.event_type[:64], "client": client[0] if client else "-"},
        )
        return refusal(401, "checksum_mismatch"), "checksum_mismatch"
    return None


async def read_body(receive: Receive, declared: str | None, limit: int) -> bytes | None:
    """The body, or None once it is known to exceed `limit` (read no further)."""
    if declared is not None and declared.isascii() and declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b""  # nobody will read the answer; an empty body is simply malformed
        chunk: bytes = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return chunks[0] if len(chunks) == 1 else b"".join(chunks)


# -- GET /v1/events -----------------------------------------------------------------------------


class _BadQueryError(ValueError):
    pass


class FeedEndpoint:
    def __init__(self, relay: Relay) -> None:
        self.relay = relay

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        relay = self.relay
        if not relay.ready:
            await relay.start()
        answer, outcome = await serve_feed(relay, scope, receive)
        relay.summary.count(outcome)
        await send_answer(send, answer)


_UNAUTHORIZED = ((b"www-authenticate", b"Bearer"),)


async def serve_feed(relay: Relay, scope: Scope, receive: Receive) -> tuple[Answer, str]:
    token = bearer_token(header(scope, b"authorization"))
    try:
        info = None if token is None else await relay.access.token(token)
    except StorageUnavailableError:
        return _unavailable(), "poll_storage_unavailable"
    if token is None or info is None:
        return refusal(401, "unauthorized", _UNAUTHORIZED), "poll_unauthorized"
    retry_after = relay.limiter.take(info.name)
    if retry_after is not None:
        seconds = str(max(1, math.ceil(retry_after))).encode("ascii")
        return refusal(429, "rate_limited", ((b"retry-after", seconds),)), "poll_rate_limited"
    try:
        after, limit, wait = _feed_query(scope)
    except _BadQueryError as exc:
        body = _json({"ok": False, "error": "bad_query", "detail": str(exc)})
        return Answer(400, body), "poll_bad_query"
    try:
        page = await _poll(relay, receive, token, info.merchant, (after, limit, wait))
    except StorageUnavailableError:
        return _unavailable(), "poll_storage_unavailable"
    if page is None:  # revoked while it waited
        return refusal(401, "unauthorized", _UNAUTHORIZED), "poll_revoked"
    if after < page.horizon_seq:
        body = _json({"ok": False, "error": "cursor_expired", "epoch": page.epoch})
        return Answer(410, body, _NO_STORE_H), "poll_expired"
    return Answer(200, feed_body(page, after), _NO_STORE_H), "poll"


def _feed_query(scope: Scope) -> tuple[int, int, float]:
    # As Starlette's QueryParams: latin-1, then percent-decoding; the last repeat wins.
    q = dict(parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True))
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


async def _poll(
    relay: Relay, receive: Receive, token: str, merchant: str, query: tuple[int, int, float]
) -> Page | None:
    """Events after `after`; with none, wait up to `wait` s for one of `merchant`'s (holding
    no connection, no task). None when the token was revoked meanwhile."""
    after, limit, wait = query
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    waiters = relay.feed.waiters
    while True:
        seen = waiters.generation(merchant)  # before reading: an event after the read moves it
        page = await relay.page(after, limit, merchant)
        remaining = deadline - loop.time()
        if page.events or after < page.horizon_seq or remaining <= 0 or relay.closing:
            return page
        if await _disconnected(receive):
            return page
        await waiters.wait(merchant, seen, relay.wakeup.slice_s(remaining))
        if await relay.access.token(token) is None:
            return None


async def _disconnected(receive: Receive) -> bool:
    """Whether the client hung up, without waiting (as Starlette's Request.is_disconnected)."""
    message: Message = {}
    with anyio.CancelScope() as scope:
        scope.cancel()
        message = await receive()
    return message.get("type") == "http.disconnect"


def feed_body(page: Page, after: int) -> bytes:
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
    return b'{"events":[%s],"next_after":%d,"epoch":%s}' % (items, next_after, epoch)


def iso_time(us: int) -> bytes:
    moment = datetime.fromtimestamp(us / 1_000_000, UTC)
    return moment.isoformat(timespec="microseconds").replace("+00:00", "Z").encode("ascii")


# -- GET /healthz -------------------------------------------------------------------------------


def relay_of(request: Request) -> Relay:
    return request.app.state.relay  # type: ignore[no-any-return]


def error(status: int, code: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"ok": False, "error": code}, status_code=status, headers=headers)


async def healthz(request: Request) -> Response:
    relay = relay_of(request)
    if not relay.ready:
        await relay.start()
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


# -- GET /v1/status -----------------------------------------------------------------------------


async def status(request: Request) -> Response:
    """The token's merchant as the setup self-test sees it (token-authenticated: the times
    and counts of one merchant are nobody else's business)."""
    relay = relay_of(request)
    if not relay.ready:
        await relay.start()
    token = bearer_token(request.headers.get("authorization"))
    try:
        info = None if token is None else await relay.access.token(token)
    except StorageUnavailableError:
        return error(503, "storage_unavailable", {"Retry-After": "1"})
    if info is None:
        return error(401, "unauthorized", {"WWW-Authenticate": "Bearer"})
    if relay.limiter.take(info.name) is not None:
        return error(429, "rate_limited", {"Retry-After": "1"})
    try:
        found = await relay.read(relay.store.merchant_status, info.merchant)
    except StorageUnavailableError:
        return error(503, "storage_unavailable", {"Retry-After": "1"})
    now = relay.store.clock()
    refused_at = relay.last_refused_us.get(info.merchant)
    last_at = found.last_event_at_us
    body = {
        "ok": True,
        "merchant": info.merchant,
        "cursor": found.last_seq,
        "last_event_at": None if last_at is None else iso_time(last_at).decode(),
        "last_event_age_s": None if last_at is None else max(0, now - last_at) / 1_000_000,
        "checksum_failures": relay.refused_by_merchant.get(info.merchant, 0),
        "last_checksum_failure_at": None if refused_at is None else iso_time(refused_at).decode(),
        "checksum_failures_scope": "process",
        "counting_since": iso_time(relay.started_at_us).decode(),
    }
    return JSONResponse(body, headers=_NO_STORE)


async def _http_error(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)  # noqa: S101 (registered for this type)
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    return error(exc.status_code, code, dict(exc.headers or {}))
