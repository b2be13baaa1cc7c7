"""Wompi-shaped error bodies (docs/wompi.md §10) and the exceptions that produce them."""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse

WRONG_KEY_REASON = "La llave proporcionada no corresponde a este ambiente."
NOT_FOUND_REASON = "La entidad solicitada no existe"


class SandboxValidationError(Exception):
    """Invalid input: answered as 422 INPUT_VALIDATION_ERROR with Spanish `messages`."""

    def __init__(self, messages: dict[str, list[str]]) -> None:
        super().__init__("; ".join(f"{k}: {', '.join(v)}" for k, v in messages.items()))
        self.messages = messages

    @classmethod
    def single(cls, field: str, message: str) -> SandboxValidationError:
        return cls({field: [message]})


class SandboxNotFoundError(LookupError):
    """An unknown transaction, link, token or merchant: answered as 404 NOT_FOUND_ERROR."""


class SandboxStateError(SandboxValidationError):
    """A change the entity's current state forbids (resolving a final transaction, voiding a
    declined one). A validation error too, answered as 422 with `messages["status"]`."""

    def __init__(self, message: str) -> None:
        super().__init__({"status": [message]})


class UnauthorizedError(Exception):
    """A missing, foreign or insufficient key: answered as 401 INVALID_ACCESS_TOKEN."""


def error_body(error_type: str, reason: str) -> dict[str, Any]:
    return {"error": {"type": error_type, "reason": reason}}


def validation_body(messages: dict[str, list[str]]) -> dict[str, Any]:
    return {"error": {"type": "INPUT_VALIDATION_ERROR", "messages": messages}}


def unauthorized_response() -> JSONResponse:
    return JSONResponse(error_body("INVALID_ACCESS_TOKEN", WRONG_KEY_REASON), status_code=401)


def not_found_response() -> JSONResponse:
    return JSONResponse(error_body("NOT_FOUND_ERROR", NOT_FOUND_REASON), status_code=404)


def validation_response(messages: dict[str, list[str]]) -> JSONResponse:
    return JSONResponse(validation_body(messages), status_code=422)
