"""A small fake of the relay's terminal feed, for the client's and the feed poller's unit tests.

It implements the contract (`GET /v1/events?after&limit&wait` with a Bearer token, `GET
/healthz`) over an in-memory list, and can be scripted to answer the next requests with
anything at all: a status, a body (JSON or raw bytes), headers, a delay. The real relay is
used by the end-to-end tests; this fake exists to produce the answers a real one never gives.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

TOKEN = "mrt_fake_terminal_token_0123456789"


@dataclass
class Scripted:
    status: int = 200
    body: Any = None  # JSON-able, or bytes sent as they are
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0


@dataclass
class FakeRelay:
    token: str = TOKEN
    events: list[dict[str, Any]] = field(default_factory=list)
    script: list[Scripted] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    horizon: int = 0  # `after` below this is answered 410, as the real relay does
    epoch: str | None = None  # sent with every page when set (a relay before issue 9 had none)

    def add(self, event: dict[str, Any], received_at: str | None = None) -> int:
        seq = len(self.events) + 1
        stamp = received_at or datetime.now(UTC).isoformat().replace("+00:00", "Z")
        self.events.append({"seq": seq, "received_at": stamp, "event": event})
        return seq

    def then(self, status: int = 200, body: Any = None, **kwargs: Any) -> FakeRelay:
        self.script.append(Scripted(status, body, **kwargs))
        return self

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/v1/events", self._feed, methods=["GET"]),
                Route("/healthz", self._health, methods=["GET"]),
            ]
        )

    async def _scripted(self) -> Response | None:
        if not self.script:
            return None
        step = self.script.pop(0)
        if step.delay_s:
            await asyncio.sleep(step.delay_s)
        if isinstance(step.body, bytes):
            return Response(step.body, step.status, headers=step.headers)
        return JSONResponse(step.body, step.status, headers=step.headers)

    async def _feed(self, request: Request) -> Response:
        self.requests.append(request)
        scripted = await self._scripted()
        if scripted is not None:
            return scripted
        if request.headers.get("authorization") != f"Bearer {self.token}":
            return JSONResponse({"ok": False, "error": "unauthorized"}, 401)
        after = int(request.query_params.get("after", "0"))
        limit = int(request.query_params.get("limit", "100"))
        wait = float(request.query_params.get("wait", "0"))
        if after < self.horizon:
            return JSONResponse({"ok": False, "error": "cursor_expired"}, 410)
        page = [e for e in self.events if e["seq"] > after][:limit]
        if not page and wait:
            await asyncio.sleep(min(wait, 0.05))  # a short "long poll" keeps tests quick
        next_after = page[-1]["seq"] if page else after
        body: dict[str, Any] = {"events": page, "next_after": next_after}
        if self.epoch is not None:
            body["epoch"] = self.epoch
        return JSONResponse(body)

    async def _health(self, request: Request) -> Response:
        self.requests.append(request)
        scripted = await self._scripted()
        if scripted is not None:
            return scripted
        last = self.events[-1]["received_at"] if self.events else None
        body = {"status": "ok", "events": len(self.events), "last_event_at": last}
        return Response(json.dumps({**body, "checksum_failures": 0}), 200)
