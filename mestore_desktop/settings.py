"""Non-secret settings, kept in ``settings.json`` in the home directory.

The file carries a ``schema_version``. Older files are brought up to date by a list of small
upgrade functions, one per version step (the way Picard upgrades its config), so every old layout
keeps loading. A file from a newer MeStore is refused rather than guessed at.

Secrets never go here: :func:`validate` refuses any value shaped like a Wompi private key or
secret, in any field, and points staff to the keyring instead. Error messages describe what was
expected and never repeat the offending value, in case it was a secret pasted in the wrong place.
"""

from __future__ import annotations

import contextlib
import dataclasses
import ipaddress
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mestore_desktop.domain.text import N_, Text
from mestore_desktop.paths import settings_path


class Environment(StrEnum):
    SANDBOX = "sandbox"
    PRODUCTION = "production"


DEFAULT_API_URLS: dict[Environment, str] = {
    Environment.SANDBOX: "https://sandbox.wompi.co/v1",
    Environment.PRODUCTION: "https://production.wompi.co/v1",
}
DEFAULT_CHECKOUT_URL = "https://checkout.wompi.co/p/"
PUBLIC_KEY_PREFIXES: dict[Environment, str] = {
    Environment.SANDBOX: "pub_test_",
    Environment.PRODUCTION: "pub_prod_",
}
LANGUAGES = ("es", "en")


class SmtpSecurity(StrEnum):
    """How the connection to the mail server is protected."""

    NONE = "none"  # plain SMTP: only for a server on this machine (no password over the network)
    STARTTLS = "starttls"  # usually port 587
    SSL = "ssl"  # TLS from the first byte, usually port 465


DEFAULT_SMTP_PORT = 587
# How long a Wompi checkout takes payments (its signed `expiration-time`); an attempt still
# open after it (plus Wompi's payer-retry window) is closed as abandoned, and still watched.
DEFAULT_CHECKOUT_EXPIRY_MINUTES = 30
CHECKOUT_EXPIRY_RANGE = (5, 1440)


@dataclass(frozen=True, slots=True)
class Settings:
    environment: Environment = Environment.SANDBOX
    public_key: str = ""
    wompi_api_url: str = ""
    checkout_url: str = ""
    relay_url: str = ""
    terminal_id: str = "T01"
    store_name: str = "Mi tienda"
    store_nit: str = ""
    language: str = "es"
    smtp_host: str = ""
    smtp_port: int = DEFAULT_SMTP_PORT
    smtp_security: SmtpSecurity = SmtpSecurity.STARTTLS
    smtp_username: str = ""
    smtp_from: str = ""
    checkout_expiry_minutes: int = DEFAULT_CHECKOUT_EXPIRY_MINUTES

    @property
    def effective_api_url(self) -> str:
        """The Wompi API base URL: the override, else the environment's default."""
        return self.wompi_api_url or DEFAULT_API_URLS[Environment(self.environment)]

    @property
    def effective_checkout_url(self) -> str:
        """The Web Checkout URL: the override (e.g. a local sandbox), else Wompi's."""
        return self.checkout_url or DEFAULT_CHECKOUT_URL


EDITABLE_KEYS: tuple[str, ...] = tuple(field.name for field in dataclasses.fields(Settings))


class SettingsError(Exception):
    """A setting or the settings file is invalid; ``str()`` is a Spanish message for staff.

    ``key`` names the offending setting, or is None when the file as a whole is the problem.
    ``reason`` is the message without the setting's name, for a screen that shows it beside
    the field's own label. Both are Texts (or plain Spanish str): the UI renders them translated.
    """

    def __init__(
        self, message: Text | str, key: str | None = None, reason: Text | str | None = None
    ) -> None:
        super().__init__(message)
        self.key = key
        self.reason = reason or message


# What staff call each setting (the labels of Ajustes), so that no message names an internal key.
SETTING_LABELS: dict[str, Text] = {
    "environment": N_("Ambiente"),
    "public_key": N_("Llave pública"),
    "wompi_api_url": N_("URL de la API"),
    "checkout_url": N_("URL del checkout"),
    "relay_url": N_("URL del relay"),
    "terminal_id": N_("Id de la terminal"),
    "store_name": N_("Nombre del comercio"),
    "store_nit": N_("NIT"),
    "language": N_("Idioma"),
    "smtp_host": N_("Servidor SMTP"),
    "smtp_port": N_("Puerto SMTP"),
    "smtp_security": N_("Seguridad SMTP"),
    "smtp_username": N_("Usuario SMTP"),
    "smtp_from": N_("Correo remitente"),
    "checkout_expiry_minutes": N_("Minutos para pagar un cobro"),
}


def setting_label(key: str) -> str:
    """The Spanish label of setting *key* (the key itself for one not described yet)."""
    return str(setting_label_text(key))


def setting_label_text(key: str) -> Text:
    """The label of setting *key*, for a message the UI shows translated."""
    return SETTING_LABELS.get(key) or Text(key)


def _invalid(key: str, why: Text) -> SettingsError:
    return SettingsError(N_("{label}: {why}", label=setting_label_text(key), why=why), key, why)


# --- per-key checks -------------------------------------------------------------------------
# Each check receives the value exactly as stored and raises SettingsError; normalisation of
# typed text (trimming, upper-casing) happens before, in with_value.

_SECRET_SHAPE = re.compile(r"prv_|(?:test|prod)_(?:events|integrity)_", re.IGNORECASE)
_PUBLIC_KEY = re.compile(r"^pub_(?:test|prod)_[A-Za-z0-9]{1,200}$")
_TERMINAL_ID = re.compile(r"^[A-Z0-9]{1,8}$")
_NIT = re.compile(r"^[0-9]{5,15}(?:-[0-9])?$")
_LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
MAX_STORE_NAME = 80
_HOST_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
_PORT = re.compile(r"^[0-9]{1,5}$")
# Deliberately plain ASCII: smtplib needs SMTPUTF8 (rarely offered) for anything else.
EMAIL_ADDRESS = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$"
)
MAX_EMAIL_LENGTH = 254


def _check_environment(key: str, value: str) -> None:
    if value not in {env.value for env in Environment}:
        raise _invalid(key, N_("use 'sandbox' o 'production'."))


def _check_public_key(key: str, value: str) -> None:
    if value and not _PUBLIC_KEY.fullmatch(value):
        raise _invalid(
            key,
            N_(
                "debe ser la llave pública de Wompi, que empieza por 'pub_test_' o 'pub_prod_'.",
            ),
        )


def _check_url(key: str, value: str) -> None:
    if not value:
        return
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _invalid(key, N_("debe ser una dirección web completa, por ejemplo https://..."))
    if parts.scheme == "http" and parts.hostname not in _LOCAL_HOSTS:
        raise _invalid(key, N_("debe usar https (http solo se permite para localhost)."))
    # Credentials or tokens in a URL would be a secret in a plain file.
    if parts.username or parts.password or parts.query or parts.fragment:
        raise _invalid(key, N_("no puede llevar usuario, contraseña ni parámetros (?...)."))


def _check_terminal_id(key: str, value: str) -> None:
    if not _TERMINAL_ID.fullmatch(value):
        raise _invalid(key, N_("use de 1 a 8 letras mayúsculas o dígitos, por ejemplo T01."))


def _check_store_name(key: str, value: str) -> None:
    if not value.strip() or len(value) > MAX_STORE_NAME or not value.isprintable():
        raise _invalid(
            key,
            N_(
                "escriba un nombre de 1 a {max_store_name} caracteres.",
                max_store_name=MAX_STORE_NAME,
            ),
        )


def _check_store_nit(key: str, value: str) -> None:
    if value and not _NIT.fullmatch(value):
        raise _invalid(key, N_("use solo dígitos y, si quiere, '-' y el dígito de verificación."))
    number, _, check_digit = value.partition("-")
    if check_digit and int(check_digit) != nit_check_digit(number):
        raise _invalid(
            key,
            N_(
                "el dígito de verificación no corresponde al NIT; revíselo en el RUT.",
            ),
        )


# DIAN's weights for the NIT check digit, applied from the rightmost digit.
_NIT_WEIGHTS = (3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71)


def nit_check_digit(number: str) -> int:
    """The DIAN check digit (dígito de verificación) of a NIT's digits."""
    total = sum(int(d) * w for d, w in zip(reversed(number), _NIT_WEIGHTS, strict=False))
    remainder = total % 11
    return remainder if remainder < 2 else 11 - remainder


def _check_language(key: str, value: str) -> None:
    if value not in LANGUAGES:
        raise _invalid(key, N_("use 'es' o 'en'."))


def _check_smtp_host(key: str, value: str) -> None:
    if value and not is_host_name(value):
        raise _invalid(key, N_("escriba solo el nombre del servidor, por ejemplo smtp.gmail.com."))


def is_host_name(value: str) -> bool:
    """A DNS name or an IP address (no scheme, port or path)."""
    with contextlib.suppress(ValueError):
        ipaddress.ip_address(value)
        return True
    labels = value.removesuffix(".").split(".")
    return len(value) <= 253 and all(_HOST_LABEL.fullmatch(label) for label in labels)


def _check_smtp_port(key: str, value: str) -> None:
    if not _PORT.fullmatch(value) or not 1 <= int(value) <= 65535:
        raise _invalid(
            key,
            N_(
                "use un número de puerto entre 1 y 65535 (587 o 465 casi siempre).",
            ),
        )


def _check_checkout_expiry(key: str, value: str) -> None:
    low, high = CHECKOUT_EXPIRY_RANGE
    if not re.fullmatch(r"[0-9]{1,5}", value) or not low <= int(value) <= high:
        raise _invalid(
            key,
            N_(
                "use un número de minutos entre {low} y {high} (30 es lo usual).",
                low=low,
                high=high,
            ),
        )


def _check_smtp_security(key: str, value: str) -> None:
    if value not in {security.value for security in SmtpSecurity}:
        raise _invalid(key, N_("use 'none', 'starttls' o 'ssl'."))


def _check_smtp_username(key: str, value: str) -> None:
    if len(value) > MAX_EMAIL_LENGTH or not value.isprintable() or value != value.strip():
        raise _invalid(
            key,
            N_(
                "escriba el usuario en una línea, sin espacios al principio o al final.",
            ),
        )


def _check_smtp_from(key: str, value: str) -> None:
    if value and not is_email_address(value):
        raise _invalid(key, N_("escriba una dirección de correo como ventas@mitienda.co."))


def is_email_address(value: str) -> bool:
    """A plain ASCII address: what the receipt mailer can send from and to."""
    return len(value) <= MAX_EMAIL_LENGTH and EMAIL_ADDRESS.fullmatch(value) is not None


_CHECKS: dict[str, Callable[[str, str], None]] = {
    "environment": _check_environment,
    "public_key": _check_public_key,
    "wompi_api_url": _check_url,
    "checkout_url": _check_url,
    "relay_url": _check_url,
    "terminal_id": _check_terminal_id,
    "store_name": _check_store_name,
    "store_nit": _check_store_nit,
    "language": _check_language,
    "smtp_host": _check_smtp_host,
    "smtp_port": _check_smtp_port,
    "smtp_security": _check_smtp_security,
    "smtp_username": _check_smtp_username,
    "smtp_from": _check_smtp_from,
    "checkout_expiry_minutes": _check_checkout_expiry,
}

# Fields that are not plain text in Settings, and how to get them from their checked text.
_PARSERS: dict[str, Callable[[str], object]] = {
    "environment": Environment,
    "smtp_security": SmtpSecurity,
    "smtp_port": int,
    "checkout_expiry_minutes": int,
}
# The whole-number fields: stored as JSON numbers, typed and checked as text.
_INT_KEYS = frozenset({"smtp_port", "checkout_expiry_minutes"})


def _normalize(key: str, raw: str) -> str:
    """Forgive harmless typing differences in text typed by staff."""
    value = raw.strip()
    if key in ("environment", "language", "smtp_security", "smtp_host"):
        return value.lower()
    if key == "terminal_id":
        return value.upper()
    if key == "store_nit":
        return value.replace(".", "").replace(" ", "")
    return value


def _check_not_secret(key: str, value: str) -> None:
    if _SECRET_SHAPE.search(value):
        raise _invalid(
            key,
            N_(
                "parece una llave privada o un secreto de Wompi. Los secretos no se "
                "guardan en los ajustes sino en el llavero del sistema (Ajustes > "
                "Secretos).",
            ),
        )


def _check_key(key: str, value: object) -> None:
    if not isinstance(value, str):
        raise _invalid(key, N_("debe ser un texto."))
    _check_not_secret(key, value)
    _CHECKS[key](key, value)


def _parse(key: str, value: str) -> object:
    """The field value for checked text (the text itself for plain text fields)."""
    parser = _PARSERS.get(key)
    return parser(value) if parser else value


def _field_text(key: str, value: object) -> object:
    """The text a typed field stands for, so the text checks also cover a built object."""
    if key not in _INT_KEYS:
        return value
    # bool is an int subclass, and a port given as text was never parsed: both are bugs.
    if type(value) is not int:
        raise _invalid(key, N_("debe ser un número entero."))
    return str(value)


def with_value(settings: Settings, key: str, raw: str) -> Settings:
    """Return ``settings`` with ``key`` parsed from ``raw``; only that key is checked.

    Cross-field rules (the public key's prefix against the environment) are left to
    :func:`validate`, so staff can change the environment and the key one after the other.
    """
    if key not in EDITABLE_KEYS:
        raise SettingsError(
            N_(
                "Ajuste '{key}' desconocido. Los ajustes son: {editable_keys}.",
                key=key,
                editable_keys=", ".join(EDITABLE_KEYS),
            ),
            key,
        )
    value = _normalize(key, raw)
    _check_key(key, value)
    return dataclasses.replace(settings, **{key: _parse(key, value)})


def validate(settings: Settings) -> Settings:
    """Check every field and the rules between fields; return ``settings`` unchanged if valid."""
    for key in EDITABLE_KEYS:
        _check_key(key, _field_text(key, getattr(settings, key)))
    _check_smtp_rules(settings)
    environment = Environment(settings.environment)
    prefix = PUBLIC_KEY_PREFIXES[environment]
    if settings.public_key and not settings.public_key.startswith(prefix):
        raise _invalid(
            "public_key",
            N_(
                "en el ambiente {environment} la llave pública debe empezar por '{prefix}'.",
                environment=environment.value,
                prefix=prefix,
            ),
        )
    return settings


def _check_smtp_rules(settings: Settings) -> None:
    if settings.smtp_host and not settings.smtp_from:
        raise _invalid("smtp_from", N_("escriba la dirección desde la que se envían los recibos."))
    # Without TLS the password would cross the network readable by anyone on the way.
    if (
        settings.smtp_username
        and settings.smtp_security == SmtpSecurity.NONE
        and settings.smtp_host not in _LOCAL_HOSTS
    ):
        raise _invalid(
            "smtp_security",
            N_(
                "con usuario y contraseña use 'starttls' o 'ssl'; sin cifrado solo se "
                "permite un servidor en este mismo equipo (localhost).",
            ),
        )


def to_display(settings: Settings) -> dict[str, str]:
    """Every setting as text, in display order (nothing here is secret)."""
    return {key: str(getattr(settings, key)) for key in EDITABLE_KEYS}


# --- schema upgrades ---------------------------------------------------------------------------
# v0: prototype files without "schema_version"; "sandbox": true/false instead of "environment".
# v1: "environment" added; the API override was still called "api_url", terminal ids any case.
# v2: the Wompi, relay, terminal, store and language fields.
# v3: adds the smtp_* fields for e-mailed receipts.
# v4: current layout: adds checkout_expiry_minutes.


def _upgrade_v0_to_v1(data: dict[str, Any]) -> None:
    if "sandbox" in data:
        sandbox = data.pop("sandbox")
        data["environment"] = "sandbox" if sandbox in (True, "true", "1") else "production"


def _upgrade_v1_to_v2(data: dict[str, Any]) -> None:
    if "api_url" in data:
        data["wompi_api_url"] = data.pop("api_url")
    if isinstance(data.get("terminal_id"), str):
        data["terminal_id"] = data["terminal_id"].upper()


def _upgrade_v2_to_v3(data: dict[str, Any]) -> None:
    """Nothing moves: the new smtp_* fields start at their defaults (no e-mail configured).

    The version still goes up so that an older MeStore opening a v3 file says it is from a
    newer version, instead of refusing the smtp_* keys as unknown.
    """


def _upgrade_v3_to_v4(data: dict[str, Any]) -> None:
    """Nothing moves: checkout_expiry_minutes starts at its default (30 minutes)."""


# UPGRADES[n] turns a version-n dict into a version-(n + 1) dict, in place.
UPGRADES: tuple[Callable[[dict[str, Any]], None], ...] = (
    _upgrade_v0_to_v1,
    _upgrade_v1_to_v2,
    _upgrade_v2_to_v3,
    _upgrade_v3_to_v4,
)
SCHEMA_VERSION = len(UPGRADES)


def upgrade(data: dict[str, Any], version: int) -> dict[str, Any]:
    """Run every upgrade step from ``version`` to :data:`SCHEMA_VERSION` on a copy of ``data``."""
    upgraded = dict(data)
    for step in UPGRADES[version:]:
        step(upgraded)
    return upgraded


class SettingsFile:
    """Loads and saves :class:`Settings` in ``settings.json`` under the home directory."""

    def __init__(self, home: Path) -> None:
        self.path = settings_path(home)

    def load(self) -> Settings:
        """The saved settings, or the defaults if there is no file yet. Never writes."""
        data = self._read()
        if data is None:
            return Settings()
        version = self._schema_version(data)
        data = upgrade(data, version)
        settings = Settings()
        for key, value in data.items():
            if key not in EDITABLE_KEYS:
                raise SettingsError(
                    N_(
                        "El archivo de ajustes '{path}' tiene un ajuste desconocido '{key}'; "
                        "corríjalo o bórrelo.",
                        path=self.path,
                        key=key,
                    ),
                    key,
                )
            if key in _INT_KEYS and type(value) is int:
                value = str(value)  # a hand-edited file may well say 465 rather than "465"
            try:
                _check_key(key, value)
            except SettingsError as exc:  # whoever fixes the file needs the key as written there
                raise SettingsError(
                    N_(
                        "El archivo de ajustes '{path}' tiene un valor inválido en '{key}' "
                        "({label}): {reason}",
                        path=self.path,
                        key=key,
                        label=setting_label_text(key),
                        reason=exc.reason,
                    ),
                    key,
                    exc.reason,
                ) from exc
            settings = dataclasses.replace(settings, **{key: _parse(key, value)})
        return validate(settings)

    def save(self, settings: Settings) -> None:
        """Validate and write atomically: a crash leaves the old file or the new one, never half."""
        validate(settings)
        data: dict[str, Any] = {"schema_version": SCHEMA_VERSION, **to_display(settings)}
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        directory = self.path.parent
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp_name = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name)
            raise
        _fsync_directory(directory)

    def _read(self) -> dict[str, Any] | None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            raise SettingsError(
                N_(
                    "No se pudo leer el archivo de ajustes '{path}' ({error_type}).",
                    path=self.path,
                    error_type=type(exc).__name__,
                )
            ) from exc
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SettingsError(
                N_(
                    "El archivo de ajustes '{path}' está dañado (JSON inválido en la línea "
                    "{lineno}). Corríjalo o bórrelo para volver a los valores por defecto.",
                    path=self.path,
                    lineno=exc.lineno,
                )
            ) from None
        if not isinstance(data, dict):
            raise SettingsError(
                N_(
                    "El archivo de ajustes '{path}' está dañado (se esperaba un objeto JSON).",
                    path=self.path,
                )
            )
        return data

    def _schema_version(self, data: dict[str, Any]) -> int:
        version = data.pop("schema_version", 0)
        if isinstance(version, bool) or not isinstance(version, int) or version < 0:
            raise SettingsError(
                N_(
                    "El archivo de ajustes '{path}' tiene un 'schema_version' inválido.",
                    path=self.path,
                ),
                "schema_version",
            )
        if version > SCHEMA_VERSION:
            raise SettingsError(
                N_(
                    "El archivo de ajustes '{path}' es de una versión más nueva de MeStore "
                    "(esquema {version}; esta versión entiende hasta el {schema_version}). "
                    "Actualice la aplicación.",
                    path=self.path,
                    version=version,
                    schema_version=SCHEMA_VERSION,
                ),
                "schema_version",
            )
        return version


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable; Windows cannot open directories, and needs no such step."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
