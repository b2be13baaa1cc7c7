"""The sandbox as one Starlette app: `/v1` API, `/_sandbox` controls and the payer's pages.

Background work (finalizing transactions, delivering events) is bound to the serving loop in
the lifespan; under httpx.ASGITransport, which runs no lifespan, the first request binds it.
Tests using ASGITransport must `await app.state.sandbox.aclose()` when done.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from mestore_desktop.sandbox import pages
from mestore_desktop.sandbox.api import api_routes
from mestore_desktop.sandbox.config import SandboxConfig
from mestore_desktop.sandbox.controls import control_routes
from mestore_desktop.sandbox.errors import (
    NOT_FOUND_REASON,
    SandboxNotFoundError,
    SandboxValidationError,
    UnauthorizedError,
    error_body,
    not_found_response,
    unauthorized_response,
    validation_response,
)
from mestore_desktop.sandbox.state import Sandbox

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 1024 * 1024


def create_app(
    config: SandboxConfig,
    *,
    sandbox: Sandbox | None = None,
    events_transport: httpx.AsyncBaseTransport | None = None,
) -> Starlette:
    """The app; `app.state.sandbox` is its Sandbox (pass one in to share it)."""
    sandbox = sandbox or Sandbox(config, events_transport=events_transport)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        await sandbox.start()
        try:
            yield
        finally:
            await sandbox.aclose()

    app = Starlette(
        routes=[*api_routes(), *control_routes(), *pages.page_routes(sandbox)],
        middleware=[Middleware(SandboxMiddleware, sandbox=sandbox)],
        exception_handlers={
            SandboxValidationError: _validation_error,
            SandboxNotFoundError: _not_found,
            UnauthorizedError: _unauthorized,
            HTTPException: _http_error,
        },
        lifespan=lifespan,
        max_body_size=MAX_BODY_BYTES,
    )
    app.state.sandbox = sandbox
    return app


class SandboxMiddleware:
    """Binds background work on first use; applies the latency and fail-next controls to /v1."""

    def __init__(self, app: ASGIApp, sandbox: Sandbox) -> None:
        self.app = app
        self.sandbox = sandbox

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self.sandbox.start()
            if scope["path"].startswith("/v1/") or scope["path"] == "/v1":
                if self.sandbox.latency_s:
                    await asyncio.sleep(self.sandbox.latency_s)
                status = self.sandbox.take_api_failure()
                if status is not None:
                    reason = "Error simulado por el sandbox (fail_next_api_calls)"
                    body = error_body("INTERNAL_SERVER_ERROR", reason)
                    await JSONResponse(body, status_code=status)(scope, receive, send)
                    return
        await self.app(scope, receive, send)


async def _validation_error(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, SandboxValidationError)  # noqa: S101 (registered for this type)
    return validation_response(exc.messages)


async def _not_found(_: Request, __: Exception) -> Response:
    return not_found_response()


async def _unauthorized(_: Request, __: Exception) -> Response:
    return unauthorized_response()


async def _http_error(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)  # noqa: S101 (registered for this type)
    if exc.status_code == 404:
        return JSONResponse(error_body("NOT_FOUND_ERROR", NOT_FOUND_REASON), status_code=404)
    if exc.status_code == 413:
        reason = "El cuerpo de la petición es demasiado grande"
        return JSONResponse(error_body("INPUT_VALIDATION_ERROR", reason), status_code=413)
    reason = "Método no permitido" if exc.status_code == 405 else str(exc.detail)
    return JSONResponse(
        error_body("REQUEST_ERROR", reason), status_code=exc.status_code, headers=exc.headers
    )
