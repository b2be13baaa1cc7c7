"""Secrets (Wompi keys, relay token, SMTP password) stored only in the OS keyring.

There is deliberately no file fallback: if the machine has no usable keyring, every operation
raises :class:`KeyringUnavailableError`, whose message tells staff how to get one, and nothing is
written anywhere. Backends that only pretend to be safe (the ``keyrings.alt`` plaintext and
"encrypted" file backends, the null backend) are refused for the same reason.

Values travel inside :class:`Secret`, which never shows its value in ``repr``, ``str``, format
strings or pickles; call :meth:`Secret.reveal` only at the moment of use. Every value this module
stores or reads is registered with the log redaction filter.
"""

from __future__ import annotations

import hmac
import logging
import unicodedata
from enum import StrEnum
from typing import NoReturn

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import chainer, fail, null

from mestore_desktop.domain.text import N_, Text
from mestore_desktop.logs import MASK, register_secret
from mestore_desktop.paths import APP_NAME

log = logging.getLogger(__name__)

MAX_SECRET_LENGTH = 1024
ENVIRONMENTS = ("sandbox", "production")


class SecretName(StrEnum):
    """Every secret the app keeps; the value is the keyring "username" under the service."""

    WOMPI_PRIVATE_KEY = "wompi_private_key"
    EVENTS_SECRET = "wompi_events_secret"  # noqa: S105  a keyring entry name, not a value
    INTEGRITY_SECRET = "wompi_integrity_secret"  # noqa: S105  a keyring entry name, not a value
    RELAY_TOKEN = "relay_token"  # noqa: S105  a keyring entry name, not a value
    SMTP_PASSWORD = "smtp_password"  # noqa: S105  a keyring entry name, not a value

    @property
    def label(self) -> str:
        """The name staff see in the UI and in error messages (Spanish)."""
        return str(_LABELS[self])

    @property
    def label_text(self) -> Text:
        """The name as a Text, for a message the UI shows translated."""
        return _LABELS[self]


_LABELS: dict[SecretName, Text] = {
    SecretName.WOMPI_PRIVATE_KEY: N_("Llave privada de Wompi"),
    SecretName.EVENTS_SECRET: N_("Secreto de eventos"),
    SecretName.INTEGRITY_SECRET: N_("Secreto de integridad"),
    SecretName.RELAY_TOKEN: N_("Token del relay"),
    SecretName.SMTP_PASSWORD: N_("Contraseña SMTP"),
}


class Secret:
    """A secret value that does not show itself by accident."""

    __slots__ = ("_value",)
    # Equal secrets must not be usable as dict keys or set members: hashing would need the value.
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError("Secret espera un texto (str).")
        self._value = value

    def reveal(self) -> str:
        """The real value; call it only where the value is actually used."""
        return self._value

    def __repr__(self) -> str:
        return f"Secret('{MASK}')"

    def __str__(self) -> str:
        return MASK

    def __format__(self, format_spec: str) -> str:
        return MASK

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        # Constant time, so comparing a guess does not leak how much of it was right.
        return hmac.compare_digest(self._value.encode(), other._value.encode())

    def __reduce_ex__(self, protocol: object) -> NoReturn:
        raise TypeError("Un secreto no se puede serializar (pickle).")

    def __reduce__(self) -> NoReturn:
        raise TypeError("Un secreto no se puede serializar (pickle).")

    def __copy__(self) -> Secret:
        return self  # immutable, so sharing is safe and avoids the pickle machinery

    def __deepcopy__(self, memo: object) -> Secret:
        return self


class SecretsError(Exception):
    """Base class; ``str()`` is a Spanish message for staff and never contains a secret."""


class KeyringUnavailableError(SecretsError):
    """No safe keyring backend on this machine."""


class InvalidSecretError(SecretsError):
    """A value that cannot be stored: empty, too long or with control characters."""


class MissingSecretError(SecretsError):
    """A secret the caller needs is not set; callers must stop rather than carry on without it."""


_HOW_TO_FIX = N_(
    "Active el llavero del sistema: en Linux instale y desbloquee GNOME Keyring o KWallet "
    "(un servicio Secret Service); en Windows se usa el Administrador de credenciales y en macOS "
    "el Llavero (Keychain). Luego intente de nuevo."
)


def _unavailable(reason: Text) -> KeyringUnavailableError:
    return KeyringUnavailableError(
        N_(
            "No hay un llavero del sistema seguro disponible ({reason}), así que no "
            "se guardó ni se leyó ningún secreto. {how_to_fix}",
            reason=reason,
            how_to_fix=_HOW_TO_FIX,
        )
    )


def service_name(environment: str) -> str:
    """The keyring service for one environment, so sandbox and production keys never mix."""
    if environment not in ENVIRONMENTS:
        raise SecretsError(
            N_(
                "Ambiente '{environment}' desconocido; use 'sandbox' o 'production'.",
                environment=environment,
            )
        )
    return f"{APP_NAME}/{environment}"


def _validate_value(name: SecretName, value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidSecretError(N_("{label}: el valor está vacío.", label=name.label_text))
    if len(value) > MAX_SECRET_LENGTH:
        raise InvalidSecretError(
            N_(
                "{label}: el valor es demasiado largo (máximo {max_secret_length} caracteres).",
                label=name.label_text,
                max_secret_length=MAX_SECRET_LENGTH,
            )
        )
    # Cc covers newlines, tabs and NUL; Zl/Zp are Unicode line breaks. A pasted value with one of
    # these is almost always a copy-paste accident, and some backends truncate at NUL.
    if any(unicodedata.category(ch) in {"Cc", "Zl", "Zp"} for ch in value):
        raise InvalidSecretError(
            N_(
                "{label}: el valor tiene saltos de línea o caracteres de control; "
                "cópielo de nuevo sin ellos.",
                label=name.label_text,
            )
        )


def _backend_problem(backend: keyring.backend.KeyringBackend) -> Text | None:
    """Why ``backend`` is not acceptable, or None if it is a real OS keyring."""
    cls = type(backend)
    if isinstance(backend, fail.Keyring):
        return N_("no se encontró ningún llavero")
    if isinstance(backend, null.Keyring):
        return N_("el llavero está desactivado")
    if cls.__module__.startswith("keyrings.alt") or "plaintext" in cls.__name__.lower():
        return N_(
            "'{backend}' guarda los secretos en un archivo, lo que no está permitido",
            backend=cls.__name__,
        )
    if isinstance(backend, chainer.ChainerBackend):
        chained = list(chainer.ChainerBackend.backends)
        if not chained:
            return N_("no se encontró ningún llavero")
        # The chainer writes to the first backend that accepts, so one unsafe member is enough
        # to risk a secret landing in a file.
        for member in chained:
            problem = _backend_problem(member)
            if problem is not None:
                return problem
    return None


class SecretStore:
    """Reads and writes one environment's secrets in the OS keyring."""

    def __init__(self, environment: str) -> None:
        self.environment = str(environment)
        self.service = service_name(self.environment)

    def check_backend(self) -> None:
        """Raise :class:`KeyringUnavailableError` unless a real OS keyring is in use."""
        problem = _backend_problem(keyring.get_keyring())
        if problem is not None:
            raise _unavailable(problem)

    def get(self, name: SecretName) -> Secret | None:
        """The stored secret, or None when it is not set."""
        self.check_backend()
        try:
            value = keyring.get_password(self.service, name.value)
        except Exception as exc:  # any backend failure becomes a staff message, never a traceback
            _raise_wrapped(exc, name, N_("leer"))
        if not value:
            return None
        register_secret(value)
        return Secret(value)

    def require(self, name: SecretName) -> Secret:
        """The stored secret; fail closed with :class:`MissingSecretError` when it is not set."""
        secret = self.get(name)
        if secret is None:
            raise MissingSecretError(
                N_(
                    "Falta configurar: {label} (ambiente {environment}). Guárdelo en Ajustes "
                    "> Secretos antes de continuar.",
                    label=name.label_text,
                    environment=self.environment,
                )
            )
        return secret

    def set(self, name: SecretName, value: str) -> None:
        """Validate and store ``value``; nothing is written if the keyring is unusable."""
        _validate_value(name, value)
        self.check_backend()
        # Register first, so even a backend error that echoes the value is masked in the log.
        register_secret(value)
        try:
            keyring.set_password(self.service, name.value, value)
        except Exception as exc:
            _raise_wrapped(exc, name, N_("guardar"))
        log.info("Secreto guardado: %s (%s)", name.value, self.environment)

    def delete(self, name: SecretName) -> None:
        """Remove the secret; removing one that is not set is not an error."""
        if self.get(name) is None:
            return
        try:
            keyring.delete_password(self.service, name.value)
        except Exception as exc:
            _raise_wrapped(exc, name, N_("borrar"))
        log.info("Secreto borrado: %s (%s)", name.value, self.environment)

    def status(self) -> dict[SecretName, bool]:
        """Which secrets are set, for every name; never the values."""
        return {name: self.get(name) is not None for name in SecretName}


def _raise_wrapped(exc: Exception, name: SecretName, action: Text) -> NoReturn:
    """Turn a backend exception into a SecretsError without its text (it might hold the value)."""
    log.warning("El llavero falló al %s %s: %s", action, name.value, type(exc).__name__)
    if isinstance(exc, keyring.errors.NoKeyringError | keyring.errors.InitError):
        raise _unavailable(N_("error {error_type}", error_type=type(exc).__name__)) from None
    if isinstance(exc, keyring.errors.KeyringLocked):
        raise _unavailable(N_("el llavero está bloqueado")) from None
    raise SecretsError(
        N_(
            "No se pudo {action} {label} en el llavero del sistema (error "
            "{error_type}). Revise que el llavero esté desbloqueado e intente de "
            "nuevo.",
            action=action,
            label=name.label_text,
            error_type=type(exc).__name__,
        )
    ) from None
