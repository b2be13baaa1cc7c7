"""The self-test's checks one by one (services/doctor.py), with fakes where the world is broken.

Wompi is the local sandbox in-process (its real answers to good and bad keys) or, for what it
cannot do (a Date header, an outage), an httpx.MockTransport; the relay is a fake of its
/healthz and /v1/status answers; secrets live in the test's in-memory keyring (tests/conftest.py)
through the real SecretStore. The end-to-end run is tests/integration/test_doctor_end_to_end.py.
"""

from __future__ import annotations

import asyncio
import dataclasses
import email.utils
import io
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from mestore_desktop.cli.doctor_command import print_check
from mestore_desktop.domain.text import N_
from mestore_desktop.sandbox.app import create_app
from mestore_desktop.sandbox.config import SandboxConfig, SandboxKeys, generate_keys
from mestore_desktop.secrets import KeyringUnavailableError, SecretName, SecretStore
from mestore_desktop.services.doctor import (
    CHECK_NAMES,
    Check,
    Doctor,
    DoctorLimits,
    DoctorReport,
    _judge_production_status,
)
from mestore_desktop.settings import Environment, Settings
from mestore_desktop.store.db import Database
from mestore_desktop.store.executor import DbExecutor

KEYS = generate_keys()
SANDBOX = "http://sandbox.test"
RELAY = "https://relay.example.com"
GIB = 1024**3
Handler = Callable[[httpx.Request], httpx.Response]


def relay_status(**changes: Any) -> dict[str, Any]:
    body = {
        "ok": True,
        "merchant": "default",
        "cursor": 7,
        "last_event_at": "2026-12-07T10:00:00.000000Z",
        "last_event_age_s": 120.0,
        "checksum_failures": 0,
        "last_checksum_failure_at": None,
        "checksum_failures_scope": "process",
        "counting_since": "2026-12-07T08:00:00.000000Z",
    }
    return {**body, **changes}


class World:
    """Routes a doctor's requests: the in-process sandbox, a fake relay, overrides by path."""

    def __init__(self, keys: SandboxKeys = KEYS) -> None:
        self.sandbox_app = create_app(SandboxConfig(keys=keys, base_url=SANDBOX))
        self.sandbox = httpx.ASGITransport(app=self.sandbox_app)
        self.overrides: dict[str, Handler] = {}
        self.requests: list[httpx.Request] = []
        self.status = relay_status()
        self.status_code = 200

    async def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if path in self.overrides:
            return self.overrides[path](request)
        if request.url.host == "sandbox.test":
            return await self.sandbox.handle_async_request(request)
        if request.url.host != "relay.example.com":
            raise httpx.ConnectError("nothing listens there", request=request)
        if path == "/healthz":
            return httpx.Response(200, json={"status": "ok", "events": 3, "checksum_failures": 0})
        if path == "/v1/status":
            return httpx.Response(self.status_code, json=self.status)
        raise httpx.ConnectError("nothing listens there", request=request)


def settings(**changes: Any) -> Settings:
    base = Settings(
        environment=Environment.PRODUCTION,
        public_key=KEYS.public_key,
        wompi_api_url=f"{SANDBOX}/v1",
        relay_url=RELAY,
    )
    return dataclasses.replace(base, **changes)


def store_secrets(environment: str = "production", **values: str) -> SecretStore:
    store = SecretStore(environment)
    defaults = {
        SecretName.WOMPI_PRIVATE_KEY: KEYS.private_key,
        SecretName.INTEGRITY_SECRET: KEYS.integrity_secret.replace("test_", "prod_"),
        SecretName.RELAY_TOKEN: "mrt_token",
    }
    for name, value in defaults.items():
        store.set(name, values.get(name.value, value))
    return store


def run_check(
    name: str,
    *,
    world: World | None = None,
    config: Settings | None = None,
    secrets: Any = None,
    home: Path = Path("."),
    **parts: Any,
) -> Check:
    world = world or World()
    config = config or settings()
    source = secrets if secrets is not None else store_secrets(config.environment.value)

    async def scenario() -> Check:
        async with httpx.AsyncClient(transport=httpx.MockTransport(world.handle)) as http:
            doctor = Doctor(
                settings=config,
                secrets=source,
                http=http,
                home=home,
                database=parts.pop("database", None),
                **parts,
            )
            try:
                return await doctor.run_check(name)
            finally:
                await world.sandbox_app.state.sandbox.aclose()

    check = asyncio.run(scenario())
    assert check.name == name
    assert (check.fix is None) is check.ok  # a red check always says what to do
    return check


def sandbox_settings(**changes: Any) -> Settings:
    return settings(environment=Environment.SANDBOX, **changes)


# -- keys_environment ----------------------------------------------------------------------------


def test_keys_of_the_configured_environment_pass():
    config = sandbox_settings()
    check = run_check("keys_environment", config=config, secrets=store_secrets("sandbox"))
    assert check.ok and "sandbox" in str(check.detail)


def test_a_private_key_of_the_other_environment_is_named():
    secrets = store_secrets("sandbox", wompi_private_key="prv_prod_" + "a" * 32)
    check = run_check("keys_environment", config=sandbox_settings(), secrets=secrets)
    assert not check.ok
    assert "prv_prod_" in str(check.detail) and "sandbox" in str(check.detail)
    assert "prv_test_" in str(check.fix)


def test_a_public_key_of_the_other_environment_fails():
    check = run_check("keys_environment", config=settings(), secrets=store_secrets())
    assert not check.ok and "pública" in str(check.detail)
    assert "pub_prod_" in str(check.fix)


def test_a_missing_or_malformed_private_key_fails():
    store = SecretStore("sandbox")
    check = run_check("keys_environment", config=sandbox_settings(), secrets=store)
    assert not check.ok and "No hay llave privada" in str(check.detail)
    secrets = store_secrets("sandbox", wompi_private_key="pub_test_" + "a" * 32)
    check = run_check("keys_environment", config=sandbox_settings(), secrets=secrets)
    assert not check.ok and "forma de llave privada" in str(check.detail)


# -- wompi_keys ----------------------------------------------------------------------------------


def test_wompi_accepting_both_keys_passes():
    check = run_check("wompi_keys", config=sandbox_settings(), secrets=store_secrets("sandbox"))
    assert check.ok and "Tienda Demo MeStore" in str(check.detail)


def test_an_unknown_public_key_fails():
    config = sandbox_settings(public_key="pub_test_" + "b" * 32)
    check = run_check("wompi_keys", config=config, secrets=store_secrets("sandbox"))
    assert not check.ok and "llave pública" in str(check.detail)


def test_a_refused_private_key_fails():
    secrets = store_secrets("sandbox", wompi_private_key="prv_test_" + "c" * 32)
    check = run_check("wompi_keys", config=sandbox_settings(), secrets=secrets)
    assert not check.ok and "llave privada" in str(check.detail)


def test_wompi_out_of_reach_fails_with_the_connection_to_check():
    config = sandbox_settings(wompi_api_url="https://nowhere.test/v1")
    check = run_check("wompi_keys", config=config, secrets=store_secrets("sandbox"))
    assert not check.ok and "no respondió" in str(check.detail)
    assert "internet" in str(check.fix)


# -- integrity_secret ----------------------------------------------------------------------------


def test_the_local_checkout_accepts_a_url_signed_with_the_right_secret():
    config = sandbox_settings(checkout_url=f"{SANDBOX}/p/")
    secrets = store_secrets("sandbox", wompi_integrity_secret=KEYS.integrity_secret)
    check = run_check("integrity_secret", config=config, secrets=secrets)
    assert check.ok and "aceptó" in str(check.detail)


def test_the_local_checkout_refusing_the_signature_fails():
    config = sandbox_settings(checkout_url=f"{SANDBOX}/p/")
    secrets = store_secrets("sandbox", wompi_integrity_secret="test_integrity_" + "d" * 32)
    check = run_check("integrity_secret", config=config, secrets=secrets)
    assert not check.ok and "firma" in str(check.detail)
    assert "Desarrolladores › Secretos" in str(check.fix)


def test_a_secret_of_the_other_environment_fails_before_any_request():
    world = World()
    secrets = store_secrets(wompi_integrity_secret=KEYS.integrity_secret)  # test_ in production
    check = run_check("integrity_secret", world=world, config=settings(), secrets=secrets)
    assert not check.ok and "prod_integrity_" in str(check.detail)
    assert world.requests == []


def test_with_wompis_hosted_checkout_the_secret_is_checked_by_its_environment_only():
    world = World()
    check = run_check("integrity_secret", world=world, config=settings(), secrets=store_secrets())
    assert check.ok and "primer cobro" in str(check.detail)
    assert world.requests == []  # the hosted page checks in the payer's browser


# -- relay_reachable and relay_token -------------------------------------------------------------


def test_a_relay_that_answers_over_https_passes():
    assert run_check("relay_reachable").ok


@pytest.mark.parametrize("url", ["", "http://relay.example.com"])
def test_no_relay_url_or_plain_http_off_loopback_fails(url: str):
    world = World()
    check = run_check("relay_reachable", world=world, config=settings(relay_url=url))
    assert not check.ok and world.requests == []


def test_something_else_than_a_relay_fails():
    world = World()
    world.overrides["/healthz"] = lambda r: httpx.Response(200, text="<html>portal</html>")
    check = run_check("relay_reachable", world=world)
    assert not check.ok and "no es un relay" in str(check.detail)


def test_a_relay_down_fails():
    check = run_check("relay_reachable", config=settings(relay_url="https://down.example.com"))
    world = World()
    world.overrides["/healthz"] = lambda r: httpx.Response(503, json={"status": "unavailable"})
    assert not check.ok and not run_check("relay_reachable", world=world).ok


def test_an_accepted_token_passes_and_names_the_merchant():
    check = run_check("relay_token")
    assert check.ok and "default" in str(check.detail)


def test_a_revoked_token_fails_by_name():
    world = World()
    world.status_code, world.status = 401, {"ok": False, "error": "unauthorized"}
    check = run_check("relay_token", world=world)
    assert not check.ok and "revocado" in str(check.detail)
    assert "token nuevo" in str(check.fix)


def test_no_token_in_the_keyring_fails():
    secrets = SecretStore("production")
    secrets.set(SecretName.WOMPI_PRIVATE_KEY, KEYS.private_key)
    check = run_check("relay_token", secrets=secrets)
    assert not check.ok and "token" in str(check.detail)


# -- relay_events_secret in production: the relay's own record -----------------------------------


def test_events_refused_after_the_last_accepted_one_mean_a_wrong_events_secret():
    status = relay_status(checksum_failures=4, last_checksum_failure_at="2026-12-07T10:05:00Z")
    check = _judge_production_status(status)
    assert (check.name, check.ok) == ("relay_events_secret", False)
    assert "4" in str(check.detail)
    assert "Desarrolladores › Secretos" in str(check.fix) and "relay" in str(check.fix)


def test_refusals_followed_by_an_accepted_event_pass():
    status = relay_status(checksum_failures=1, last_checksum_failure_at="2026-12-07T09:00:00Z")
    check = _judge_production_status(status)
    assert check.ok and "2 min" in str(check.detail)


def test_a_relay_that_never_got_an_event_fails_with_the_events_url_to_set():
    status = relay_status(last_event_at=None, last_event_age_s=None)
    check = _judge_production_status(status)
    assert not check.ok and "URL de eventos" in str(check.fix)
    refused = relay_status(
        last_event_at=None, checksum_failures=2, last_checksum_failure_at="2026-12-07T10:00:00Z"
    )
    assert "secreto de eventos" in str(_judge_production_status(refused).fix)


def test_in_production_the_check_reads_the_relay_status():
    world = World()
    world.status = relay_status(checksum_failures=1, last_checksum_failure_at="2027-01-01T00:00Z")
    check = run_check("relay_events_secret", world=world)
    assert not check.ok and "secreto de eventos" in str(check.fix)
    assert [r.url.path for r in world.requests] == ["/v1/status"]


def test_an_old_relay_without_status_fails_with_an_update_to_ask_for():
    world = World()
    world.status_code = 404
    check = run_check("relay_events_secret", world=world)
    assert not check.ok and "actualice" in str(check.fix)


# -- clock_drift ---------------------------------------------------------------------------------


def dated(offset_s: float) -> Handler:
    def answer(request: httpx.Request) -> httpx.Response:
        date = email.utils.formatdate(time.time() + offset_s, usegmt=True)
        return httpx.Response(404, headers={"Date": date}, json={})

    return answer


@pytest.mark.parametrize(
    ("offset_s", "ok", "word"), [(0, True, "coincide"), (300, False, "atrasado")]
)
def test_the_clock_is_compared_with_wompis_date_header(offset_s: float, ok: bool, word: str):
    world = World()
    world.overrides[f"/v1/merchants/{KEYS.public_key}"] = dated(offset_s)
    check = run_check("clock_drift", world=world)
    assert check.ok is ok and word in str(check.detail)


def test_a_clock_ahead_of_wompi_fails():
    world = World()
    world.overrides[f"/v1/merchants/{KEYS.public_key}"] = dated(-600)
    check = run_check("clock_drift", world=world)
    assert not check.ok and "adelantado" in str(check.detail)
    assert "hora automática" in str(check.fix)


def test_the_clock_is_compared_before_any_key_is_set():
    world = World()
    world.overrides["/v1/merchants/"] = dated(0)
    check = run_check("clock_drift", world=world, config=settings(public_key=""))
    assert check.ok and "coincide" in str(check.detail)


def test_no_date_header_fails():
    world = World()
    world.overrides[f"/v1/merchants/{KEYS.public_key}"] = lambda r: httpx.Response(200, json={})
    assert not run_check("clock_drift", world=world).ok


# -- keyring -------------------------------------------------------------------------------------


class BrokenSecrets:
    service = "mestore-desktop/production"

    def check_backend(self) -> None:
        raise KeyringUnavailableError("no hay llavero")

    def get(self, name: SecretName) -> None:
        raise KeyringUnavailableError("no hay llavero")


def test_an_unavailable_keyring_fails_by_name_and_every_secret_check_points_to_it():
    check = run_check("keyring", secrets=BrokenSecrets())
    assert not check.ok and "llavero" in str(check.detail)
    assert "GNOME Keyring" in str(check.fix)
    for name in ("wompi_keys", "relay_token", "integrity_secret"):
        assert "«Llavero del sistema»" in str(run_check(name, secrets=BrokenSecrets()).fix)


def test_the_keyring_round_trip_really_writes_reads_and_deletes(memory_keyring):
    check = run_check("keyring")
    assert check.ok
    assert all(username != "doctor_probe" for _, username in memory_keyring.values)


@pytest.mark.parametrize("probe", [lambda service: False, lambda service: 1 / 0])
def test_a_keyring_that_does_not_keep_a_value_fails(probe: Callable[[str], bool]):
    check = run_check("keyring", keyring_probe=probe)
    assert not check.ok and "valor de prueba" in str(check.detail)


# -- database and disk_space ---------------------------------------------------------------------


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = Database.open(tmp_path / "mestore.sqlite3")
    yield db
    db.close()


def check_database(db: Any) -> Check:
    async def scenario() -> Check:
        executor = DbExecutor(db) if isinstance(db, Database) else db
        try:
            return await asyncio.wait_for(_database_check(executor), 30)
        finally:
            if isinstance(executor, DbExecutor):
                executor.shutdown()

    return asyncio.run(scenario())


async def _database_check(executor: Any) -> Check:
    async with httpx.AsyncClient() as http:
        doctor = Doctor(
            settings=settings(),
            secrets=SecretStore("production"),
            http=http,
            home=Path("."),
            database=executor,
        )
        return await doctor.run_check("database")


def test_a_migrated_writable_database_passes(database: Database):
    check = check_database(database)
    assert check.ok and "al día" in str(check.detail)


class FakeDb:
    def __init__(self, answer: Callable[[], str | None]) -> None:
        self.answer = answer

    async def write(self, fn: Any) -> str | None:
        return self.answer()


def test_a_database_behind_the_newest_migration_fails():
    check = check_database(FakeDb(lambda: "0001"))
    assert not check.ok and "0001" in str(check.detail)


def test_a_database_that_refuses_writes_fails():
    def refuse() -> str:
        raise OSError("read-only file system")

    check = check_database(FakeDb(refuse))
    assert not check.ok and "escritura" in str(check.detail)


def test_a_database_that_did_not_open_fails_with_why():
    check = run_check("database", database_problem=N_("No se pudo abrir: disco lleno"))
    assert not check.ok and "disco lleno" in str(check.detail)


@pytest.mark.parametrize(("free", "ok"), [(10 * GIB, True), (100 * 1024**2, False)])
def test_free_disk_space_is_compared_with_the_threshold(free: int, ok: bool):
    check = run_check("disk_space", disk_usage=lambda path: SimpleNamespace(free=free))
    assert check.ok is ok
    assert ("10,0 GB" if ok else "0,1 GB") in str(check.detail)


# -- the whole run ---------------------------------------------------------------------------------


def run_all(doctor_parts: dict[str, Any], patch: Callable[[Doctor], None]) -> tuple:
    seen: list[Check] = []

    async def scenario() -> DoctorReport:
        world = World()
        async with httpx.AsyncClient(transport=httpx.MockTransport(world.handle)) as http:
            doctor = Doctor(
                settings=settings(),
                secrets=store_secrets(),
                http=http,
                home=Path("."),
                database=None,
                **doctor_parts,
            )
            patch(doctor)
            try:
                return await doctor.run(seen.append)
            finally:
                await world.sandbox_app.state.sandbox.aclose()

    return asyncio.run(scenario()), seen


def test_run_reports_every_check_in_order_and_each_as_it_ends():
    report, seen = run_all({}, lambda doctor: None)
    assert [c.name for c in report.checks] == list(CHECK_NAMES)
    assert sorted(c.name for c in seen) == sorted(CHECK_NAMES)
    assert not report.ok  # no database here
    data = report.as_json()
    assert set(data) == {"ok", "checks"} and data["ok"] is False
    for item, check in zip(data["checks"], report.checks, strict=True):
        assert set(item) == {"name", "ok", "detail", "fix"}
        assert item["detail"] == str(check.detail)
        assert item["fix"] == ("" if check.ok else str(check.fix))


def test_a_crashing_check_is_red_with_its_reason_and_the_others_still_run():
    async def crash() -> Check:
        raise KeyError("boom")

    report, _ = run_all({}, lambda doctor: setattr(doctor, "_check_disk_space", crash))
    check = dict((c.name, c) for c in report.checks)["disk_space"]
    assert not check.ok and "KeyError" in str(check.detail)
    assert dict((c.name, c) for c in report.checks)["relay_token"].ok


def test_a_check_that_hangs_is_red_after_its_timeout():
    async def hang() -> Check:
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    limits = DoctorLimits(check_timeout_s=0.05)
    report, _ = run_all(
        {"limits": limits}, lambda doctor: setattr(doctor, "_check_clock_drift", hang)
    )
    check = dict((c.name, c) for c in report.checks)["clock_drift"]
    assert not check.ok and "no terminó" in str(check.detail)


def test_cancelling_the_run_cancels_every_check():
    cancelled: list[str] = []

    async def scenario() -> None:
        started = asyncio.Event()

        async def hang() -> Check:
            started.set()
            try:
                await asyncio.Event().wait()
            except asyncio.CancelledError:
                cancelled.append("hang")
                raise
            raise AssertionError("unreachable")

        async with httpx.AsyncClient(transport=httpx.MockTransport(World().handle)) as http:
            doctor = Doctor(
                settings=settings(),
                secrets=store_secrets(),
                http=http,
                home=Path("."),
                database=None,
            )
            doctor._check_disk_space = hang  # type: ignore[method-assign]
            run = asyncio.ensure_future(doctor.run())
            await started.wait()
            run.cancel()
            with pytest.raises(asyncio.CancelledError):
                await run
            await asyncio.sleep(0)  # let the cancelled checks unwind

    asyncio.run(scenario())
    assert cancelled == ["hang"]


def test_the_text_output_marks_each_check_and_gives_the_fix():
    out = io.StringIO()
    print_check(Check("keyring", True, N_("Bien."), None), out)
    print_check(Check("relay_token", False, N_("Revocado."), N_("Pida uno nuevo.")), out)
    assert out.getvalue() == "✓ keyring: Bien.\n✗ relay_token: Revocado.\n    → Pida uno nuevo.\n"
