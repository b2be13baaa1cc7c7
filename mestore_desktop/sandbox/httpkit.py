"""Request helpers shared by the API and control routes: keys, JSON bodies, envelopes."""

from __future__ import annotations

import json
from enum import IntEnum
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from mestore_desktop.sandbox.errors import SandboxValidationError, UnauthorizedError
from mestore_desktop.sandbox.state import Sandbox

MSG_BODY_JSON = "El cuerpo debe ser un objeto JSON válido"
MAX_JSON_DEPTH = 16


class Access(IntEnum):
    """What a request's key allows, in increasing order of privilege."""

    NONE = 0
    PUBLIC = 1
    PRIVATE = 2


def sandbox_of(request: Request) -> Sandbox:
    return request.app.state.sandbox  # type: ignore[no-any-return]


def require(request: Request, needed: Access) -> Access:
    """The caller's access, or UnauthorizedError (401 INVALID_ACCESS_TOKEN).

    A header that is present must name one of this sandbox's keys: a production key, a key
    of another sandbox or a malformed header is refused even where no key is needed.
    """
    header = request.headers.get("authorization")
    granted = Access.NONE if header is None else _access_of(header, sandbox_of(request))
    if granted < needed:
        raise UnauthorizedError
    return granted


def _access_of(header: str, sandbox: Sandbox) -> Access:
    scheme, _, key = header.strip().partition(" ")
    keys = sandbox.config.keys
    if scheme.lower() == "bearer":
        if key.strip() == keys.public_key:
            return Access.PUBLIC
        if key.strip() == keys.private_key:
            return Access.PRIVATE
    raise UnauthorizedError


async def json_object(request: Request, *, optional: bool = False) -> dict[str, Any]:
    """The body as a JSON object; malformed or non-object bodies are a 422, never a 500."""
    raw = await request.body()
    if optional and not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        body = None
    if not isinstance(body, dict) or _too_deep(body):
        raise SandboxValidationError.single("body", MSG_BODY_JSON)
    return body


def _too_deep(value: Any) -> bool:
    """Deeper than any Wompi body: copying or re-encoding it could exhaust the stack."""
    level: list[Any] = [value]
    for _ in range(MAX_JSON_DEPTH):
        level = [
            child
            for item in level
            if isinstance(item, dict | list)
            for child in (item.values() if isinstance(item, dict) else item)
        ]
        if not level:
            return False
    return True


def data(payload: Any, status_code: int = 200, meta: dict[str, Any] | None = None) -> JSONResponse:
    """Wompi's success envelope `{"data": …, "meta": {…}}` (docs/wompi.md §1.3, §12.3)."""
    return JSONResponse({"data": payload, "meta": meta or {}}, status_code=status_code)
