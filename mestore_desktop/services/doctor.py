"""The setup self-test: `mestore doctor` and *Ajustes › Verificar instalación* (issue 13 item 2).

Ten checks, each green or red with what was found and, when red, one plain sentence saying what
to do (Spanish `Text`s, translated on screen). They answer "will a payment taken here reach this
till?", piece by piece:

    wompi_keys           Wompi accepts the public key (GET /merchants/{key}) and the private
                         key (a search by reference, which needs it; docs/wompi.md §1, §5.3)
    keys_environment     pub_test_/prv_test_ or pub_prod_/prv_prod_: both of one environment,
                         the configured one (a private key of the other one fails here)
    integrity_secret     a signed checkout URL is accepted: fetched from a checkout that says so
                         (the local sandbox answers 422 to a bad signature); Wompi's hosted
                         checkout checks it only in the payer's browser, so there the secret's
                         environment is checked and the URL built (docs/wompi.md §2, §3)
    relay_reachable      HTTPS (plain HTTP only on loopback) and the relay's /healthz answers
    relay_token          the relay accepts this till's token (GET /v1/status): not revoked
    relay_events_secret  the relay accepts Wompi's events with a valid checksum. Sandbox: a real
                         round trip (a test-card transaction, approved, its event read from the
                         relay's feed with a cursor of our own: the till's stored cursor is never
                         touched). Production: the relay's /v1/status (newest event's age,
                         events refused for their signature since that relay process started)
    clock_drift          this machine's clock against Wompi's `Date` header
    keyring              a real OS keyring (not a file or the "fail" backend), and a value
                         written, read back and deleted
    database             the local database takes a write and is at the newest migration
    disk_space           free space where the data lives

Every check runs at once (they do not depend on each other: the secrets are read once, shared),
each under its own timeout; a check that crashes is red with the crash's kind; cancelling `run`
cancels them all. Nothing here writes to the till's data: the sandbox round trip leaves one test
transaction (reference `DOCTOR-…`), which the till lists as foreign in *Conciliación*.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import logging
import secrets as random_secrets
import shutil
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol, TypeVar
from urllib.parse import urlsplit

import httpx
from sqlalchemy import text
from sqlalchemy.orm import Session

from mestore_desktop.domain.text import N_, Text
from mestore_desktop.secrets import Secret, SecretName, SecretsError, SecretStore
from mestore_desktop.settings import Environment, Settings
from mestore_desktop.sync.relay_client import (
    RelayAuthError,
    RelayBadResponseError,
    RelayClient,
    RelayCursorExpiredError,
    RelayError,
)
from mestore_desktop.wompi.checkout import CheckoutRequest, build_checkout_url
from mestore_desktop.wompi.client import WompiClient
from mestore_desktop.wompi.errors import (
    WompiAuthError,
    WompiError,
    WompiNotFoundError,
    WompiUnavailableError,
)
from mestore_desktop.wompi.models import TransactionRequest
from mestore_desktop.wompi.resilience import RetryPolicy
from mestore_desktop.wompi.signatures import CURRENCY, integrity_signature

log = logging.getLogger(__name__)
T = TypeVar("T")

CHECK_NAMES = (
    "wompi_keys",
    "keys_environment",
    "integrity_secret",
    "relay_reachable",
    "relay_token",
    "relay_events_secret",
    "clock_drift",
    "keyring",
    "database",
    "disk_space",
)
# A reference nobody uses: searching for it proves the private key works and finds nothing.
PROBE_REFERENCE = "MESTORE-DOCTOR-PRUEBA"
PROBE_AMOUNT_IN_CENTS = 150_000  # $ 1.500: a test charge, sandbox only
PROBE_EMAIL = "doctor@example.com"
APPROVED_TEST_CARD = "4242424242424242"  # approved in Wompi's sandbox (docs/wompi.md §5.6)
KEYRING_PROBE_NAME = "doctor_probe"
_ENV_WORD = {Environment.SANDBOX: "test", Environment.PRODUCTION: "prod"}
_LOOPBACK = ("127.0.0.1", "::1", "localhost")


@dataclass(frozen=True)
class Check:
    name: str  # stable id, one of CHECK_NAMES
    ok: bool
    detail: Text  # what was found, one plain sentence
    fix: Text | None  # what to do; None when ok


@dataclass(frozen=True)
class DoctorReport:
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    def as_json(self) -> dict[str, object]:
        """`{"ok", "checks": [{"name", "ok", "detail", "fix"}]}`: Spanish text, fix "" when ok."""
        return {
            "ok": self.ok,
            "checks": [
                {
                    "name": c.name,
                    "ok": c.ok,
                    "detail": str(c.detail),
                    "fix": "" if c.fix is None else str(c.fix),
                }
                for c in self.checks
            ],
        }


@dataclass(frozen=True)
class DoctorLimits:
    check_timeout_s: float = 20.0
    # The sandbox round trip waits this long for its event (its check gets 10 s more).
    round_trip_s: float = 30.0
    http_timeout_s: float = 10.0
    max_clock_drift_s: float = 60.0
    min_free_bytes: int = 500 * 1024 * 1024


class SecretSource(Protocol):
    """What the doctor needs of `secrets.SecretStore`."""

    service: str

    def check_backend(self) -> None: ...

    def get(self, name: SecretName) -> Secret | None: ...


class KeyringProbe(Protocol):
    """Writes, reads back and deletes one throwaway value; True when it came back intact."""

    def __call__(self, service: str) -> bool: ...


class DoctorDatabase(Protocol):
    """`store.executor.DbExecutor` fits."""

    async def write(self, fn: Callable[[Session], T]) -> T: ...


def keyring_round_trip(service: str) -> bool:
    """The real keyring: a random value under a probe entry of our own service, then deleted."""
    import keyring

    value = "probe-" + random_secrets.token_hex(8)
    keyring.set_password(service, KEYRING_PROBE_NAME, value)
    try:
        return keyring.get_password(service, KEYRING_PROBE_NAME) == value
    finally:
        keyring.delete_password(service, KEYRING_PROBE_NAME)


def keyring_backend_name() -> str:
    import keyring

    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


@dataclass(frozen=True)
class _Secrets:
    values: Mapping[SecretName, Secret | None]

    def reveal(self, name: SecretName) -> str | None:
        secret = self.values.get(name)
        return None if secret is None else secret.reveal()


class _CheckFailedError(Exception):
    """Ends a check early as red; raised by helpers shared between checks."""

    def __init__(self, detail: Text, fix: Text) -> None:
        super().__init__(str(detail))
        self.detail = detail
        self.fix = fix


class Doctor:
    """The self-test, built in the composition root from the app's own parts (no globals)."""

    def __init__(
        self,
        *,
        settings: Settings,
        secrets: SecretSource,
        http: httpx.AsyncClient,
        home: Path,
        database: DoctorDatabase | None,
        database_problem: Text | None = None,
        limits: DoctorLimits | None = None,
        keyring_probe: KeyringProbe = keyring_round_trip,
        disk_usage: Callable[[Path], Any] = shutil.disk_usage,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = settings
        self._secret_source = secrets
        self._http = http
        self._home = home
        self._database = database
        self._database_problem = database_problem
        self.limits = limits or DoctorLimits()
        self._keyring_probe = keyring_probe
        self._disk_usage = disk_usage
        self._wall_clock = wall_clock
        self._secrets_task: asyncio.Task[_Secrets] | None = None
        self._status_task: asyncio.Task[Mapping[str, Any]] | None = None

    async def run(self, on_check: Callable[[Check], None] | None = None) -> DoctorReport:
        """Every check at once; `on_check` hears each as it ends. Never raises for a red check;
        cancelling the caller cancels every check."""
        self._secrets_task = None
        self._status_task = None
        tasks = [asyncio.ensure_future(self._guarded(name)) for name in CHECK_NAMES]
        found: dict[str, Check] = {}
        try:
            for next_done in asyncio.as_completed(tasks):
                check = await next_done
                found[check.name] = check
                if on_check is not None:
                    on_check(check)
        finally:
            for task in tasks:
                task.cancel()
            for shared in (self._secrets_task, self._status_task):
                if shared is not None:
                    shared.cancel()
        return DoctorReport(tuple(found[name] for name in CHECK_NAMES))

    async def run_check(self, name: str) -> Check:
        """One check alone (the UI may re-run a check after a fix)."""
        if name not in CHECK_NAMES:
            raise ValueError(f"unknown check {name!r}")
        self._secrets_task = None  # read again: staff may have just fixed a secret
        self._status_task = None
        return await self._guarded(name)

    async def _guarded(self, name: str) -> Check:
        budget = self.limits.check_timeout_s
        if name == "relay_events_secret":
            budget = self.limits.round_trip_s + 10.0
        checker: Callable[[], Awaitable[Check]] = getattr(self, f"_check_{name}")
        try:
            async with asyncio.timeout(budget):
                return await checker()
        except _CheckFailedError as failed:
            return Check(name, False, failed.detail, failed.fix)
        except TimeoutError:
            return Check(
                name,
                False,
                N_("La prueba no terminó en {seconds} segundos.", seconds=round(budget)),
                N_("Revise la conexión a internet de este equipo y vuelva a verificar."),
            )
        except Exception as exc:  # a crash is a red check, never a crashed self-test
            log.exception("doctor check %s crashed", name)
            return Check(
                name,
                False,
                N_("La prueba falló por un error inesperado ({error}).", error=type(exc).__name__),
                N_("Vuelva a verificar; si se repite, envíe el registro (log) a soporte."),
            )

    # -- shared inputs ------------------------------------------------------------------------

    async def _secrets(self) -> _Secrets:
        """Every secret, read once in a worker thread (a keyring call may block on D-Bus)."""
        if self._secrets_task is None:
            self._secrets_task = _shared(asyncio.to_thread(self._read_secrets))
        try:
            return await asyncio.shield(self._secrets_task)
        except SecretsError:
            raise _CheckFailedError(
                N_("No se pudieron leer los secretos del llavero del sistema."),
                N_("Corrija primero la prueba «Llavero del sistema»."),
            ) from None

    def _read_secrets(self) -> _Secrets:
        names = (
            SecretName.WOMPI_PRIVATE_KEY,
            SecretName.INTEGRITY_SECRET,
            SecretName.RELAY_TOKEN,
        )
        return _Secrets({name: self._secret_source.get(name) for name in names})

    def _environment(self) -> Environment:
        return Environment(self.settings.environment)

    def _wompi(self, private_key: str | None) -> WompiClient:
        return WompiClient(
            self._http,
            api_base_url=self.settings.effective_api_url,
            public_key=self.settings.public_key,
            private_key=private_key,
            retry=RetryPolicy.no_retries(),
            timeout=self.limits.http_timeout_s,
        )

    def _relay(self, token: str | None) -> RelayClient:
        return RelayClient(self._http, self.settings.relay_url, lambda: token)

    def _require_public_key(self) -> None:
        if not self.settings.public_key:
            raise _CheckFailedError(
                N_("No hay llave pública de Wompi en Ajustes."),
                N_(
                    "Copie la llave pública del dashboard de Wompi (Desarrolladores › Llaves) "
                    "en Ajustes."
                ),
            )

    async def _relay_token(self) -> str:
        if not self.settings.relay_url:
            raise _CheckFailedError(
                N_("No hay URL del relay en Ajustes, así que no se puede probar."),
                N_("Escriba en Ajustes la URL del relay que le dio quien lo administra."),
            )
        token = (await self._secrets()).reveal(SecretName.RELAY_TOKEN)
        if not token:
            raise _CheckFailedError(
                N_("No hay token del relay guardado en el llavero."),
                N_(
                    "Guarde en Ajustes › Secretos el token del relay que le dio quien lo "
                    "administra."
                ),
            )
        return token

    async def _relay_status(self) -> Mapping[str, Any]:
        """The relay's GET /v1/status for this till's token, fetched once per run."""
        token = await self._relay_token()
        if self._status_task is None:
            self._status_task = _shared(self._fetch_status(token))
        return await asyncio.shield(self._status_task)

    async def _fetch_status(self, token: str) -> Mapping[str, Any]:
        url = self.settings.relay_url.rstrip("/") + "/v1/status"
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        try:
            response = await self._http.get(
                url, headers=headers, timeout=self.limits.http_timeout_s
            )
        except httpx.HTTPError:
            raise _CheckFailedError(
                N_("El relay no respondió."),
                N_("Corrija primero la prueba «Relay accesible»."),
            ) from None
        if response.status_code in (401, 403):
            raise _CheckFailedError(
                N_("El relay rechazó el token de esta caja: fue revocado o no es de este relay."),
                N_(
                    "Pida a quien administra el relay un token nuevo para esta caja "
                    "(«mestore-relay token create») y guárdelo en Ajustes › Secretos."
                ),
            )
        if response.status_code == 404:
            raise _CheckFailedError(
                N_(
                    "El relay no tiene la consulta de estado (/v1/status): es de una versión "
                    "anterior."
                ),
                N_("Pida a quien administra el relay que lo actualice a la versión de esta caja."),
            )
        return _status_body(response)

    # -- the checks ---------------------------------------------------------------------------

    async def _check_keys_environment(self) -> Check:
        name = "keys_environment"
        self._require_public_key()
        environment = self._environment()
        word = _ENV_WORD[environment]
        private = (await self._secrets()).reveal(SecretName.WOMPI_PRIVATE_KEY)
        if not self.settings.public_key.startswith(f"pub_{word}_"):
            return Check(
                name,
                False,
                N_(
                    "La llave pública no es del ambiente configurado ({environment}).",
                    environment=environment.value,
                ),
                _copy_keys_fix(environment),
            )
        if not private:
            return Check(
                name,
                False,
                N_("No hay llave privada de Wompi guardada en el llavero."),
                _copy_keys_fix(environment),
            )
        if not private.startswith(f"prv_{word}_"):
            other = "prod" if word == "test" else "test"
            detail = (
                N_(
                    "La llave privada es de otro ambiente (prv_{other}_…), pero el ambiente "
                    "configurado es {environment}.",
                    other=other,
                    environment=environment.value,
                )
                if private.startswith(f"prv_{other}_")
                else N_("La llave privada no tiene forma de llave privada de Wompi (prv_…).")
            )
            return Check(name, False, detail, _copy_keys_fix(environment))
        return Check(
            name,
            True,
            N_(
                "Las dos llaves son del ambiente configurado ({environment}).",
                environment=environment.value,
            ),
            None,
        )

    async def _check_wompi_keys(self) -> Check:
        name = "wompi_keys"
        self._require_public_key()
        private = (await self._secrets()).reveal(SecretName.WOMPI_PRIVATE_KEY)
        client = self._wompi(private)
        try:
            merchant = await client.get_merchant()
        except (WompiNotFoundError, WompiAuthError):
            return Check(
                name,
                False,
                N_("Wompi no reconoce la llave pública."),
                _copy_keys_fix(self._environment()),
            )
        except WompiError as exc:
            return _wompi_unreachable(name, exc)
        if not private:
            return Check(
                name,
                False,
                N_("No hay llave privada de Wompi guardada en el llavero."),
                _copy_keys_fix(self._environment()),
            )
        try:
            await client.find_transactions(PROBE_REFERENCE)
        except WompiAuthError:
            return Check(
                name,
                False,
                N_("Wompi rechazó la llave privada (la pública sí la acepta)."),
                _copy_keys_fix(self._environment()),
            )
        except WompiError as exc:
            return _wompi_unreachable(name, exc)
        return Check(
            name,
            True,
            N_(
                "Wompi acepta la llave pública y la privada del comercio «{merchant}».",
                merchant=merchant.name,
            ),
            None,
        )

    async def _check_integrity_secret(self) -> Check:
        name = "integrity_secret"
        self._require_public_key()
        environment = self._environment()
        secret = (await self._secrets()).reveal(SecretName.INTEGRITY_SECRET)
        prefix = f"{_ENV_WORD[environment]}_integrity_"
        if not secret:
            return Check(
                name,
                False,
                N_("No hay secreto de integridad guardado en el llavero."),
                _copy_secret_fix(),
            )
        if not secret.startswith(prefix):
            return Check(
                name,
                False,
                N_(
                    "El secreto de integridad no es del ambiente {environment} (debería empezar "
                    "por «{prefix}»).",
                    environment=environment.value,
                    prefix=prefix,
                ),
                _copy_secret_fix(),
            )
        moment = datetime.now(UTC) + timedelta(minutes=30)
        request = CheckoutRequest(
            reference=_probe_reference(),
            amount_in_cents=PROBE_AMOUNT_IN_CENTS,
            expiration_time=moment,
        )
        url = build_checkout_url(
            self.settings.effective_checkout_url, self.settings.public_key, secret, request
        )
        if not self.settings.checkout_url:
            # Wompi's hosted checkout is a page that checks the signature in the payer's
            # browser: fetching it proves nothing, and no server call checks it for free.
            return Check(
                name,
                True,
                N_(
                    "El secreto de integridad es del ambiente {environment} y firma el enlace de "
                    "pago; el checkout de Wompi comprueba la firma al abrir el primer cobro.",
                    environment=environment.value,
                ),
                None,
            )
        return await self._fetch_checkout(name, url)

    async def _fetch_checkout(self, name: str, url: str) -> Check:
        try:
            response = await self._http.get(url, timeout=self.limits.http_timeout_s)
        except httpx.HTTPError:
            return Check(
                name,
                False,
                N_("El checkout no respondió."),
                N_("Revise la URL del checkout en Ajustes y la conexión a internet."),
            )
        if response.status_code == 200:
            return Check(
                name,
                True,
                N_("El checkout aceptó un enlace de pago firmado con el secreto de integridad."),
                None,
            )
        if response.status_code == 422 and "signature:integrity" in response.text:
            return Check(
                name,
                False,
                N_(
                    "El checkout rechazó la firma: el secreto de integridad no corresponde a la "
                    "llave pública."
                ),
                _copy_secret_fix(),
            )
        return Check(
            name,
            False,
            N_(
                "El checkout rechazó el enlace de pago (HTTP {status}).",
                status=response.status_code,
            ),
            N_("Revise en Ajustes la URL del checkout y la llave pública."),
        )

    async def _check_relay_reachable(self) -> Check:
        name = "relay_reachable"
        url = self.settings.relay_url
        if not url:
            return Check(
                name,
                False,
                N_("No hay URL del relay en Ajustes."),
                N_("Escriba en Ajustes la URL del relay que le dio quien lo administra."),
            )
        parts = urlsplit(url)
        if parts.scheme != "https" and not (parts.scheme == "http" and parts.hostname in _LOOPBACK):
            return Check(
                name,
                False,
                N_("La URL del relay no usa HTTPS (HTTP solo se permite en este mismo equipo)."),
                N_("Escriba en Ajustes la URL del relay con https://."),
            )
        try:
            health = await self._relay(None).health()
        except RelayBadResponseError:
            return Check(
                name,
                False,
                N_("La dirección responde, pero no es un relay de MeStore."),
                N_("Revise en Ajustes la URL del relay (sin /wompi/events ni /v1 al final)."),
            )
        except RelayError:
            return Check(
                name,
                False,
                N_("El relay no responde en {url}.", url=url),
                N_("Revise la URL del relay y que su servidor esté encendido y en internet."),
            )
        if health["status"] != "ok":
            return Check(
                name,
                False,
                N_("El relay responde, pero su base de datos no está disponible."),
                N_("Avise a quien administra el relay: su base de datos no responde."),
            )
        return Check(name, True, N_("El relay responde en {url}.", url=url), None)

    async def _check_relay_token(self) -> Check:
        name = "relay_token"
        status = await self._relay_status()
        return Check(
            name,
            True,
            N_(
                "El relay acepta el token de esta caja (comercio «{merchant}»).",
                merchant=status["merchant"],
            ),
            None,
        )

    async def _check_relay_events_secret(self) -> Check:
        status = await self._relay_status()
        if self._environment() is Environment.SANDBOX:
            return await self._events_round_trip(status)
        return _judge_production_status(status)

    async def _events_round_trip(self, before: Mapping[str, Any]) -> Check:
        """A test-card transaction, approved, and its event read back through the relay."""
        name = "relay_events_secret"
        self._require_public_key()
        token = await self._relay_token()
        started = time.monotonic()
        transaction_id = await self._create_test_transaction()
        relay = self._relay(token)
        cursor = int(before["cursor"])
        deadline = started + self.limits.round_trip_s
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                batch = await relay.fetch(cursor, limit=100, wait=min(1.0, remaining))
            except RelayCursorExpiredError:
                cursor = int((await self._fetch_status(token))["cursor"])
                continue
            except RelayAuthError:
                raise _CheckFailedError(
                    N_("El relay rechazó el token de esta caja."),
                    N_("Corrija primero la prueba «Token del relay»."),
                ) from None
            cursor = batch.next_after
            if any(_transaction_id(e.event) == transaction_id for e in batch.events):
                return Check(
                    name,
                    True,
                    N_(
                        "Una transacción de prueba se aprobó y su evento llegó al relay con firma "
                        "válida en {seconds} s.",
                        seconds=f"{time.monotonic() - started:.1f}".replace(".", ","),
                    ),
                    None,
                )
            now = await self._fetch_status(token)
            if int(now["checksum_failures"]) > int(before["checksum_failures"]):
                return _wrong_events_secret(
                    N_(
                        "El relay rechazó el evento de una transacción de prueba: su firma "
                        "(checksum) no coincide con el secreto de eventos del relay."
                    )
                )
        return Check(
            name,
            False,
            N_(
                "El evento de una transacción de prueba no llegó al relay en {seconds} s.",
                seconds=round(self.limits.round_trip_s),
            ),
            N_(
                "En el dashboard de Wompi (Desarrolladores › URL de eventos) ponga la URL de "
                "eventos del relay: {url}/wompi/events.",
                url=self.settings.relay_url.rstrip("/"),
            ),
        )

    async def _create_test_transaction(self) -> str:
        """A sandbox charge on Wompi's approved test card; approved at once where the local
        sandbox offers its controls. Returns the transaction's id."""
        values = await self._secrets()
        integrity = values.reveal(SecretName.INTEGRITY_SECRET)
        if not integrity:
            raise _CheckFailedError(
                N_("Sin secreto de integridad no se puede crear la transacción de prueba."),
                N_("Corrija primero la prueba «Secreto de integridad»."),
            )
        client = self._wompi(values.reveal(SecretName.WOMPI_PRIVATE_KEY))
        reference = _probe_reference()
        try:
            merchant = await client.get_merchant()
            year = str((datetime.now(UTC).year + 2) % 100)
            card = await client.tokenize_card(
                APPROVED_TEST_CARD, "123", "12", year, "MESTORE DOCTOR"
            )
            request = TransactionRequest(
                amount_in_cents=PROBE_AMOUNT_IN_CENTS,
                currency=CURRENCY,
                reference=reference,
                customer_email=PROBE_EMAIL,
                signature=integrity_signature(reference, PROBE_AMOUNT_IN_CENTS, integrity),
                acceptance_token=merchant.acceptance_token,
                accept_personal_auth=merchant.personal_data_auth_token,
                payment_method={"type": "CARD", "token": card.id, "installments": 1},
            )
            transaction = await client.create_transaction(request)
        except WompiError as exc:
            raise _CheckFailedError(
                N_("Wompi no creó la transacción de prueba ({error}).", error=str(exc)),
                N_("Corrija primero las pruebas «Llaves de Wompi» y «Secreto de integridad»."),
            ) from None
        await self._approve_in_local_sandbox(transaction.id)
        return transaction.id

    async def _approve_in_local_sandbox(self, transaction_id: str) -> None:
        """The local sandbox (demo, tests) approves at once on request; Wompi's own sandbox
        approves the test card by itself, and has no such control (a 404 there)."""
        api = urlsplit(self.settings.effective_api_url)
        if api.hostname not in _LOOPBACK:
            return
        url = f"{api.scheme}://{api.netloc}/_sandbox/transactions/{transaction_id}/approve"
        with contextlib.suppress(httpx.HTTPError):  # then it approves on its own, later
            await self._http.post(url, timeout=self.limits.http_timeout_s)

    async def _check_clock_drift(self) -> Check:
        name = "clock_drift"
        # Any answer carries Wompi's Date, a 404 too: without a public key yet (a first set-up)
        # the clock can still be compared, so this check never waits on the keys' check.
        api = self.settings.effective_api_url.rstrip("/")
        key = self.settings.public_key
        url = f"{api}/merchants/{key}" if key else f"{api}/merchants/"
        sent = self._wall_clock()
        try:
            response = await self._http.get(url, timeout=self.limits.http_timeout_s)
        except httpx.HTTPError:
            return Check(
                name,
                False,
                N_("Wompi no respondió, así que no se pudo comparar la hora."),
                N_("Revise la conexión a internet de este equipo y vuelva a verificar."),
            )
        received = self._wall_clock()
        date = _parse_http_date(response.headers.get("date"))
        if date is None:
            return Check(
                name,
                False,
                N_("Wompi no envió su hora (cabecera Date), así que no se pudo comparar."),
                N_("Vuelva a verificar en unos minutos."),
            )
        # Date has whole seconds: the answer was stamped somewhere in [sent, received].
        drift = (sent + received) / 2 - date
        slack = (received - sent) / 2 + 1.0
        return _judge_drift(name, drift, slack, self.limits.max_clock_drift_s)

    async def _check_keyring(self) -> Check:
        name = "keyring"
        source = self._secret_source
        try:
            await asyncio.to_thread(source.check_backend)
        except SecretsError:
            return Check(
                name,
                False,
                N_(
                    "No hay un llavero del sistema seguro disponible (se encontró «{backend}»).",
                    backend=keyring_backend_name(),
                ),
                _keyring_fix(),
            )
        try:
            round_trip = await asyncio.to_thread(self._keyring_probe, source.service)
        except Exception as exc:  # any backend failure: the keyring cannot be used
            log.warning("keyring round trip failed: %s", type(exc).__name__)
            round_trip = False
        if not round_trip:
            return Check(
                name,
                False,
                N_("El llavero del sistema no guardó y devolvió un valor de prueba."),
                N_(
                    "Desbloquee el llavero del sistema (o reinicie la sesión) y vuelva a verificar."
                ),
            )
        return Check(
            name,
            True,
            N_(
                "El llavero del sistema ({backend}) es seguro y guarda y lee secretos.",
                backend=keyring_backend_name(),
            ),
            None,
        )

    async def _check_database(self) -> Check:
        name = "database"
        if self._database is None:
            return Check(
                name,
                False,
                self._database_problem or N_("No se pudo abrir la base de datos local."),
                N_(
                    "Revise que la carpeta de datos exista y se pueda escribir, y que haya espacio."
                ),
            )
        head = await asyncio.to_thread(_migrations_head)
        try:
            revision = await self._database.write(_touch_and_read_revision)
        except Exception as exc:
            log.warning("database check failed: %s", type(exc).__name__)
            return Check(
                name,
                False,
                N_("La base de datos local no aceptó una escritura."),
                N_("Revise que el archivo de la base de datos y su carpeta se puedan escribir."),
            )
        if revision != head:
            return Check(
                name,
                False,
                N_(
                    "La base de datos está en la versión {found} y esta aplicación usa la {head}.",
                    found=revision or "-",
                    head=head,
                ),
                N_(
                    "Cierre la aplicación y ábrala de nuevo: al abrir se pone al día la base de "
                    "datos."
                ),
            )
        return Check(
            name,
            True,
            N_("La base de datos local se puede escribir y está al día ({head}).", head=head),
            None,
        )

    async def _check_disk_space(self) -> Check:
        name = "disk_space"
        usage = await asyncio.to_thread(self._disk_usage, self._home)
        free = int(usage.free)
        shown = _gigabytes(free)
        if free < self.limits.min_free_bytes:
            return Check(
                name,
                False,
                N_(
                    "Quedan {free} libres en el disco de los datos; se necesitan al menos {need}.",
                    free=shown,
                    need=_gigabytes(self.limits.min_free_bytes),
                ),
                N_("Libere espacio en el disco (borre archivos que no use) y vuelva a verificar."),
            )
        return Check(
            name, True, N_("Hay {free} libres en el disco de los datos.", free=shown), None
        )


def build_doctor(
    settings: Settings,
    *,
    home: Path,
    http: httpx.AsyncClient,
    database: DoctorDatabase | None,
    database_problem: Text | None = None,
) -> Doctor:
    """The doctor over the app's own parts: this environment's keyring entries, the app's HTTP
    client and database executor (the composition root's one line: app.py, cli)."""
    return Doctor(
        settings=settings,
        secrets=SecretStore(settings.environment),
        http=http,
        home=home,
        database=database,
        database_problem=database_problem,
    )


# -- pure helpers (unit-tested directly) ------------------------------------------------------


def _shared(work: Awaitable[T]) -> asyncio.Task[T]:
    """A task several checks await (shielded); its failure is theirs, and is marked as seen
    even when every one of them timed out first (no "exception never retrieved" noise)."""
    task: asyncio.Task[T] = asyncio.ensure_future(work)
    task.add_done_callback(lambda done: done.cancelled() or done.exception())
    return task


def _probe_reference() -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    return f"DOCTOR-{stamp}-{random_secrets.token_hex(4).upper()}"


def _copy_keys_fix(environment: Environment) -> Text:
    if environment is Environment.SANDBOX:
        return N_(
            "Copie las llaves de pruebas (pub_test_… y prv_test_…) del dashboard de Wompi "
            "(Desarrolladores › Llaves) en Ajustes y Ajustes › Secretos."
        )
    return N_(
        "Copie las llaves de producción (pub_prod_… y prv_prod_…) del dashboard de Wompi "
        "(Desarrolladores › Llaves) en Ajustes y Ajustes › Secretos."
    )


def _copy_secret_fix() -> Text:
    return N_(
        "Copie el secreto de integridad del dashboard de Wompi (Desarrolladores › Secretos), "
        "del mismo ambiente que las llaves, en Ajustes › Secretos."
    )


def _keyring_fix() -> Text:
    return N_(
        "Active el llavero del sistema: en Linux GNOME Keyring o KWallet (Secret Service); en "
        "Windows el Administrador de credenciales; en macOS el Llavero. Luego guarde de nuevo "
        "los secretos."
    )


def _wompi_unreachable(name: str, exc: WompiError) -> Check:
    if isinstance(exc, WompiUnavailableError):
        return Check(
            name,
            False,
            N_("Wompi no respondió."),
            N_("Revise la conexión a internet y la URL de la API en Ajustes; vuelva a verificar."),
        )
    return Check(
        name,
        False,
        N_("Wompi no aceptó la consulta ({error}).", error=str(exc)),
        N_("Revise las llaves y la URL de la API en Ajustes."),
    )


def _wrong_events_secret(detail: Text) -> Check:
    return Check(
        "relay_events_secret",
        False,
        detail,
        N_(
            "Copie el secreto de eventos del dashboard de Wompi (Desarrolladores › Secretos) en "
            "la configuración del relay (MESTORE_RELAY_EVENTS_SECRET) y reinicie el relay."
        ),
    )


def _judge_production_status(status: Mapping[str, Any]) -> Check:
    """Production: no test charge; the relay's own record says whether events get through."""
    name = "relay_events_secret"
    failures = int(status["checksum_failures"])
    last_event = _parse_iso(status.get("last_event_at"))
    last_failure = _parse_iso(status.get("last_checksum_failure_at"))
    if failures and last_failure is not None and (last_event is None or last_failure >= last_event):
        return _wrong_events_secret(
            N_(
                "El relay rechazó {count} eventos de Wompi porque su firma (checksum) no coincide "
                "con su secreto de eventos, y no ha aceptado ninguno después.",
                count=failures,
            )
        )
    if last_event is None:
        return Check(
            name,
            False,
            N_("El relay todavía no ha recibido ningún evento de Wompi para este comercio."),
            N_(
                "En el dashboard de Wompi (Desarrolladores › URL de eventos) ponga la URL de "
                "eventos del relay (…/wompi/events); con el primer pago esta prueba queda en verde."
            ),
        )
    minutes = round(float(status.get("last_event_age_s") or 0) / 60)
    return Check(
        name,
        True,
        N_(
            "El relay recibe los eventos de Wompi con firma válida (el último hace {minutes} min; "
            "rechazados por firma desde que arrancó el relay: {count}).",
            minutes=minutes,
            count=failures,
        ),
        None,
    )


def _judge_drift(name: str, drift: float, slack: float, limit: float) -> Check:
    seconds = round(abs(drift))
    if abs(drift) - slack <= limit:
        return Check(
            name,
            True,
            N_(
                "La hora de este equipo coincide con la de Wompi (diferencia: {seconds} s).",
                seconds=seconds,
            ),
            None,
        )
    detail = (
        N_("El reloj de este equipo está {seconds} s adelantado respecto a Wompi.", seconds=seconds)
        if drift > 0
        else N_(
            "El reloj de este equipo está {seconds} s atrasado respecto a Wompi.", seconds=seconds
        )
    )
    return Check(
        name,
        False,
        detail,
        N_(
            "Active la hora automática del sistema (sincronización por internet) y vuelva a "
            "verificar: los cobros vencen a la hora firmada."
        ),
    )


def _status_body(response: httpx.Response) -> Mapping[str, Any]:
    """The /v1/status answer, checked field by field (a proxy may answer anything)."""
    try:
        body = response.json() if response.status_code == 200 else None
    except ValueError:
        body = None
    if (
        not isinstance(body, Mapping)
        or not isinstance(body.get("merchant"), str)
        or not _is_count(body.get("cursor"))
        or not _is_count(body.get("checksum_failures"))
    ):
        raise _CheckFailedError(
            N_(
                "El relay respondió a la consulta de estado algo que no se puede leer "
                "(HTTP {status}).",
                status=response.status_code,
            ),
            N_("Corrija primero la prueba «Relay accesible»."),
        )
    return body


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _parse_iso(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _parse_http_date(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError):
        return None


def _transaction_id(event: Mapping[str, Any]) -> str | None:
    data = event.get("data")
    transaction = data.get("transaction") if isinstance(data, Mapping) else None
    found = transaction.get("id") if isinstance(transaction, Mapping) else None
    return found if isinstance(found, str) else None


def _gigabytes(count: int) -> str:
    return f"{count / 1024**3:.1f} GB".replace(".", ",")


def _migrations_head() -> str:
    """The newest revision of the store's migrations (Alembic imported only here, on demand)."""
    from alembic.script import ScriptDirectory

    from mestore_desktop.store.db import alembic_config

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    return str(head)


def _touch_and_read_revision(session: Session) -> str | None:
    # A real write that changes nothing: proves the file (and its WAL) can be written.
    session.execute(text("UPDATE alembic_version SET version_num = version_num"))
    found = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return None if found is None else str(found)
