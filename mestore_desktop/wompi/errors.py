"""Errors from the Wompi API client, one tree that callers catch at the level they care about.

`str()` of every error is a Spanish sentence staff can read. It never contains a key, and never
contains text from Wompi's response except the Spanish field messages of a validation error
(which is what staff need to fix the data); Wompi's `reason` is kept on the exception for the
log, not shown.

    WompiError                      anything the client could not do; .http_status, .error_type
    ├── WompiAuthError              401 INVALID_ACCESS_TOKEN (or 403), or a private-key call
    │                               with no private key configured (then no request is sent)
    ├── WompiNotFoundError          404 NOT_FOUND_ERROR / NOT_FOUND: unknown id or key
    ├── WompiValidationError        422 INPUT_VALIDATION_ERROR; .field_messages, flattened
    │                               ({"payment_method.token": ["El token es inválido"]})
    ├── WompiUnavailableError       5xx, 429, connection refused/reset, after any retries
    │   ├── WompiTimeoutError       no answer in time
    │   └── WompiCircuitOpenError   too many failures in a row: failed fast, nothing sent
    └── WompiBadResponseError       a success that is not JSON, or lacks a field we need

Any other 4xx is a plain `WompiError`: the request was wrong in a way staff cannot fix.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from mestore_desktop.domain.text import N_, Text


class WompiError(Exception):
    """Base of all Wompi client errors. `str()` is Spanish text for staff."""

    default_message: ClassVar[Text] = N_("Wompi no pudo completar la operación.")

    def __init__(
        self,
        message: Text | str | None = None,
        *,
        http_status: int | None = None,
        error_type: str | None = None,
        reason: str | None = None,
    ) -> None:
        super().__init__(message or self.default_message)
        self.http_status = http_status
        self.error_type = error_type
        # Wompi's own explanation, for the log only: it is free text we do not control.
        self.reason = reason

    @property
    def message(self) -> str:
        return str(self.args[0])

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(http_status={self.http_status!r}, "
            f"error_type={self.error_type!r})"
        )


class WompiAuthError(WompiError):
    """Wompi refused the key, or the private key this call needs is not configured."""

    default_message = N_(
        "Wompi rechazó la llave configurada. Revise en Ajustes que las llaves "
        "sean las correctas y del mismo ambiente (pruebas o producción).",
    )


class WompiNotFoundError(WompiError):
    default_message = N_(
        "Wompi no encontró lo que se buscaba (transacción, link o comercio).",
    )


class WompiValidationError(WompiError):
    """Wompi refused the data sent; `field_messages` says which field and why (Spanish)."""

    default_message = N_("Wompi rechazó los datos enviados.")

    def __init__(
        self,
        message: Text | str | None = None,
        *,
        field_messages: Mapping[str, list[str]] | None = None,
        http_status: int | None = 422,
        error_type: str | None = "INPUT_VALIDATION_ERROR",
        reason: str | None = None,
    ) -> None:
        fields = {k: list(v) for k, v in (field_messages or {}).items()}
        super().__init__(
            message or _validation_message(fields),
            http_status=http_status,
            error_type=error_type,
            reason=reason,
        )
        self.field_messages: dict[str, list[str]] = fields


class WompiUnavailableError(WompiError):
    """Wompi could not be reached or failed on its side; trying again later may work."""

    default_message = N_(
        "No fue posible comunicarse con Wompi en este momento. Intente de nuevo en unos minutos.",
    )

    def __init__(
        self,
        message: Text | str | None = None,
        *,
        http_status: int | None = None,
        error_type: str | None = None,
        reason: str | None = None,
        attempts: int = 1,
        retry_after_s: float | None = None,
    ) -> None:
        super().__init__(message, http_status=http_status, error_type=error_type, reason=reason)
        self.attempts = attempts
        self.retry_after_s = retry_after_s


class WompiTimeoutError(WompiUnavailableError):
    default_message = N_("Wompi no respondió a tiempo. Intente de nuevo en unos minutos.")


class WompiCircuitOpenError(WompiUnavailableError):
    """Recent calls failed so often that this one was not even sent."""

    default_message = N_(
        "Wompi falló varias veces seguidas; se pausan las consultas unos "
        "segundos antes de volver a intentar.",
    )


class WompiBadResponseError(WompiError):
    """Wompi answered, but not with what its API promises; the field is named for the log."""

    default_message = N_("Wompi respondió con datos que no se pueden leer.")

    def __init__(self, message: Text | str | None = None, *, field: str | None = None) -> None:
        text = message or self.default_message
        if field and not message:
            text = N_(
                "Wompi respondió con datos que no se pueden leer (campo «{field}»).", field=field
            )
        super().__init__(text)
        self.field = field


def error_from_response(status: int, body: Any) -> WompiError:
    """The exception for a non-2xx answer, from its status and its parsed JSON (or None)."""
    envelope = body.get("error") if isinstance(body, Mapping) else None
    envelope = envelope if isinstance(envelope, Mapping) else {}
    error_type = _text_or_none(envelope.get("type"))
    reason = _text_or_none(envelope.get("reason"))
    common: dict[str, Any] = {"http_status": status, "error_type": error_type, "reason": reason}
    if status in (401, 403) or error_type == "INVALID_ACCESS_TOKEN":
        return WompiAuthError(**common)
    if status == 404 or error_type in ("NOT_FOUND_ERROR", "NOT_FOUND"):
        return WompiNotFoundError(**common)
    if status == 422 or error_type == "INPUT_VALIDATION_ERROR":
        return WompiValidationError(
            field_messages=flatten_messages(envelope.get("messages")), **common
        )
    if status == 429 or status >= 500:
        return WompiUnavailableError(**common)
    return WompiError(
        N_(
            "Wompi rechazó la solicitud (HTTP {status}). Si se repite, contacte a soporte.",
            status=status,
        ),
        **common,
    )


def flatten_messages(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """Wompi's `messages`, nested or not, as {"dotted.field": ["mensaje", ...]}.

    Nested objects become dotted paths and list items their index, so
    {"payment_method": {"token": ["El token es inválido"]}} -> {"payment_method.token": [...]}.
    Anything that is not text is dropped rather than shown raw.
    """
    if isinstance(messages, str):
        return {prefix or "general": [messages]}
    if isinstance(messages, Mapping):
        children = ((f"{prefix}.{key}" if prefix else str(key), v) for key, v in messages.items())
    elif isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        return {prefix or "general": list(messages)} if messages else {}
    elif isinstance(messages, list):
        children = ((f"{prefix}.{i}" if prefix else str(i), v) for i, v in enumerate(messages))
    else:
        return {}
    flat: dict[str, list[str]] = {}
    for path, value in children:
        for key, texts in flatten_messages(value, path).items():
            flat.setdefault(key, []).extend(texts)
    return flat


def _validation_message(fields: Mapping[str, list[str]]) -> Text:
    if not fields:
        return WompiValidationError.default_message
    # Wompi's own field messages are Spanish and are shown as they come (nothing to translate).
    details = "; ".join(f"{name}: {' '.join(texts)}" for name, texts in fields.items())
    return N_("Wompi rechazó los datos enviados. {details}", details=details)


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
