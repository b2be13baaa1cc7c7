"""*Probar conexión*: check the configured keys against the configured Wompi, one plain answer each.

Each check says what was tried and what the result means for the vendor, in Spanish, so that a
wrong key is found at set-up time and not when the first customer is waiting to pay.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, TypeVar

from mestore_desktop.domain.text import N_, Text, message_of
from mestore_desktop.wompi.errors import (
    WompiAuthError,
    WompiError,
    WompiNotFoundError,
    WompiUnavailableError,
)
from mestore_desktop.wompi.models import Merchant, Transaction

T = TypeVar("T")

# A reference nobody uses: searching for it proves the private key works and finds nothing.
PROBE_REFERENCE = "MESTORE-PRUEBA-DE-CONEXION"


class CheckOutcome(StrEnum):
    OK = "ok"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class ConnectionCheck:
    label: Text
    outcome: CheckOutcome
    detail: Text

    @property
    def ok(self) -> bool:
        return self.outcome is CheckOutcome.OK


class WompiProbe(Protocol):
    """The two client calls the checks need (a `WompiClient` fits)."""

    async def get_merchant(self) -> Merchant: ...

    async def find_transactions(self, reference: str) -> list[Transaction]: ...


@dataclass(frozen=True, slots=True)
class ConnectionInputs:
    """What is configured, as booleans and prefixes only: never a secret's value."""

    environment: str
    public_key: str
    has_private_key: bool
    events_secret_prefix: str | None
    integrity_secret_prefix: str | None


_ENV_WORD = {"sandbox": "test", "production": "prod"}


async def check_wompi_connection(
    probe: WompiProbe, inputs: ConnectionInputs
) -> list[ConnectionCheck]:
    """Run every check; one failing never hides the others."""
    merchant_check = await _check_public_key(probe, inputs)
    checks = [merchant_check]
    if merchant_check.ok:
        checks.append(await _check_private_key(probe, inputs))
    else:
        checks.append(
            ConnectionCheck(
                N_("Llave privada"), CheckOutcome.SKIPPED, N_("Primero corrija la llave pública.")
            )
        )
    checks.append(
        _check_secret_prefix(
            N_("Secreto de integridad"), "integrity", inputs.integrity_secret_prefix, inputs
        )
    )
    checks.append(
        _check_secret_prefix(
            N_("Secreto de eventos"), "events", inputs.events_secret_prefix, inputs
        )
    )
    return checks


async def _check_public_key(probe: WompiProbe, inputs: ConnectionInputs) -> ConnectionCheck:
    label = N_("Llave pública")
    if not inputs.public_key:
        return ConnectionCheck(label, CheckOutcome.FAILED, N_("No hay llave pública en Ajustes."))
    merchant = await _attempt(probe.get_merchant)
    if isinstance(merchant, Merchant):
        return ConnectionCheck(
            label, CheckOutcome.OK, N_("Wompi reconoce el comercio «{name}».", name=merchant.name)
        )
    if isinstance(merchant, WompiNotFoundError):
        return ConnectionCheck(
            label,
            CheckOutcome.FAILED,
            N_("Wompi no reconoce esta llave pública; cópiela de nuevo."),
        )
    return ConnectionCheck(label, CheckOutcome.FAILED, _explain(merchant))


async def _check_private_key(probe: WompiProbe, inputs: ConnectionInputs) -> ConnectionCheck:
    label = N_("Llave privada")
    if not inputs.has_private_key:
        return ConnectionCheck(
            label, CheckOutcome.FAILED, N_("No hay llave privada guardada en el llavero.")
        )
    result = await _attempt(lambda: probe.find_transactions(PROBE_REFERENCE))
    if isinstance(result, list):
        return ConnectionCheck(label, CheckOutcome.OK, N_("Wompi acepta la llave privada."))
    return ConnectionCheck(label, CheckOutcome.FAILED, _explain(result))


def _check_secret_prefix(
    label: Text, kind: str, prefix: str | None, inputs: ConnectionInputs
) -> ConnectionCheck:
    # Wompi offers no call that proves these secrets; their prefix at least proves the
    # environment, which is the most common mistake (docs/wompi.md §3).
    if prefix is None:
        return ConnectionCheck(label, CheckOutcome.FAILED, N_("No está guardado en el llavero."))
    expected = f"{_ENV_WORD.get(inputs.environment, 'test')}_{kind}_"
    if prefix != expected:
        return ConnectionCheck(
            label,
            CheckOutcome.FAILED,
            N_(
                "Debería empezar por «{expected}»: parece de otro ambiente o de otro tipo.",
                expected=expected,
            ),
        )
    return ConnectionCheck(label, CheckOutcome.OK, N_("Guardado y del ambiente correcto."))


async def _attempt(call: Callable[[], Awaitable[T]]) -> T | WompiError:
    try:
        return await call()
    except WompiError as exc:
        return exc


def _explain(error: WompiError) -> Text:
    if isinstance(error, WompiAuthError):
        return message_of(error)  # already says which key Wompi refused
    if isinstance(error, WompiUnavailableError):
        return N_("No hubo respuesta de Wompi: {error}", error=error)
    return message_of(error)


def secret_prefix(value: str | None) -> str | None:
    """The `test_events_`-style prefix of a secret, or "" if it has none; never the value."""
    if value is None:
        return None
    parts = value.split("_", 2)
    return f"{parts[0]}_{parts[1]}_" if len(parts) == 3 else ""
