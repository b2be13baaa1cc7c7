"""What the back office services share: their errors, the clock and access to Wompi.

`WompiAccess` hands out a Wompi client built from the current settings and keyring, each time
it is asked, as the counter does per sale: a key saved in Ajustes a minute ago is used at
once, and the orders browser keeps working on a machine where Wompi is not configured yet.
Reading a transaction by id needs only the public key; searching Wompi (reconciliation,
*Consultar en Wompi* by reference) and voids need the private key, and fail closed without it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

import httpx

from mestore_desktop.domain.text import N_
from mestore_desktop.secrets import SecretName, SecretStore
from mestore_desktop.settings import SettingsFile
from mestore_desktop.wompi.client import WompiClient

Clock = Callable[[], datetime]

MAX_REASON = 500


def now_utc() -> datetime:
    return datetime.now(UTC)


class BackOfficeError(Exception):
    """A back office step that could not be done; `str()` is one Spanish sentence for staff."""


class WompiNotConfiguredError(BackOfficeError):
    def __init__(self) -> None:
        super().__init__(
            N_(
                "Falta la llave pública de Wompi: configúrela en Ajustes › Wompi (o "
                "«mestore config set public_key …») para consultar pagos.",
            )
        )


class MissingPrivateKeyError(BackOfficeError):
    """Searching Wompi's transactions and voiding need the private key (docs/wompi.md §1.3)."""

    def __init__(self, what: str = "consultar las transacciones de Wompi") -> None:
        super().__init__(
            N_(
                "Falta la llave privada de Wompi: sin ella no es posible {what}. "
                "Guárdela en Ajustes › Secretos (o «mestore secrets set "
                "wompi_private_key»).",
                what=what,
            )
        )


class ReasonRequiredError(BackOfficeError):
    def __init__(self) -> None:
        super().__init__(
            N_(
                "Escriba el motivo: queda en el registro de auditoría con su nombre.",
            )
        )


def require_reason(actor: str, reason: str) -> tuple[str, str]:
    """Who and why, trimmed; both are required for anything a person decides (audited)."""
    who, why = actor.strip(), " ".join(reason.split())
    if not who:
        raise BackOfficeError(N_("Falta quién hace el cambio (el usuario de esta caja)."))
    if not why:
        raise ReasonRequiredError()
    if len(why) > MAX_REASON:
        raise BackOfficeError(
            N_(
                "El motivo admite hasta {max_reason} caracteres.",
                max_reason=MAX_REASON,
            )
        )
    return who, why


class WompiAccess(Protocol):
    def client(self) -> WompiClient:
        """A client for the configured merchant; `WompiNotConfiguredError` without a public
        key."""
        ...

    def has_private_key(self) -> bool: ...


@dataclass(frozen=True)
class FixedWompi:
    """One client, built by the caller (tests, the loopback harness)."""

    wompi: WompiClient
    private_key: bool = True

    def client(self) -> WompiClient:
        return self.wompi

    def has_private_key(self) -> bool:
        return self.private_key


class KeyringWompi:
    """A client from settings.json and the OS keyring, read again on every use."""

    def __init__(self, settings_file: SettingsFile, http: httpx.AsyncClient) -> None:
        self._settings_file = settings_file
        self._http = http

    def client(self) -> WompiClient:
        settings = self._settings_file.load()
        if not settings.public_key:
            raise WompiNotConfiguredError()
        store = SecretStore(settings.environment)
        return WompiClient(
            self._http,
            api_base_url=settings.effective_api_url,
            public_key=settings.public_key,
            # Asked on every call: a key removed in Ajustes stops searches at once.
            private_key=lambda: _private_key(store),
        )

    def has_private_key(self) -> bool:
        store = SecretStore(self._settings_file.load().environment)
        return _private_key(store) is not None


def _private_key(store: SecretStore) -> str | None:
    secret = store.get(SecretName.WOMPI_PRIVATE_KEY)
    return secret.reveal() if secret is not None else None
