"""*Probar conexión* checks against the local Wompi sandbox (in-process, real client)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

import httpx
import pytest

from mestore_desktop.sandbox.app import create_app
from mestore_desktop.sandbox.config import SandboxConfig, generate_keys
from mestore_desktop.services.connection import (
    CheckOutcome,
    ConnectionInputs,
    check_wompi_connection,
    secret_prefix,
)
from mestore_desktop.wompi.client import WompiClient
from mestore_desktop.wompi.resilience import RetryPolicy

T = TypeVar("T")
KEYS = generate_keys()


def run_checks(
    *,
    public_key: str = KEYS.public_key,
    private_key: str | None = KEYS.private_key,
    events: str | None = KEYS.events_secret,
    integrity: str | None = KEYS.integrity_secret,
    environment: str = "sandbox",
    before: Callable[[object], None] | None = None,
):
    async def scenario():
        app = create_app(SandboxConfig(keys=KEYS, base_url="http://sandbox.test"))
        if before:
            before(app.state.sandbox)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport) as http:
            client = WompiClient(
                http,
                api_base_url="http://sandbox.test/v1",
                public_key=public_key,
                private_key=private_key,
                retry=RetryPolicy(max_attempts=2, base_delay_s=0.0, max_delay_s=0.0),
            )
            inputs = ConnectionInputs(
                environment=environment,
                public_key=public_key,
                has_private_key=private_key is not None,
                events_secret_prefix=secret_prefix(events),
                integrity_secret_prefix=secret_prefix(integrity),
            )
            try:
                return await check_wompi_connection(client, inputs)
            finally:
                await app.state.sandbox.aclose()

    return asyncio.run(scenario())


def outcomes(checks) -> dict[str, CheckOutcome]:
    return {str(c.label): c.outcome for c in checks}


def test_everything_right_is_all_green() -> None:
    checks = run_checks()
    assert all(c.ok for c in checks), checks
    assert "Tienda Demo MeStore" in str(checks[0].detail)
    assert [str(c.label) for c in checks] == [
        "Llave pública",
        "Llave privada",
        "Secreto de integridad",
        "Secreto de eventos",
    ]


def test_unknown_public_key() -> None:
    checks = run_checks(public_key="pub_test_" + "x" * 32)
    assert outcomes(checks)["Llave pública"] is CheckOutcome.FAILED
    assert "no reconoce" in str(checks[0].detail)
    assert outcomes(checks)["Llave privada"] is CheckOutcome.SKIPPED


def test_wrong_private_key_is_named() -> None:
    checks = run_checks(private_key="prv_test_" + "y" * 32)
    private = next(c for c in checks if str(c.label) == "Llave privada")
    assert private.outcome is CheckOutcome.FAILED
    assert "rechazó" in str(private.detail)
    assert "y" * 32 not in str(private.detail)


def test_missing_private_key_fails_closed() -> None:
    checks = run_checks(private_key=None)
    private = next(c for c in checks if str(c.label) == "Llave privada")
    assert private.outcome is CheckOutcome.FAILED
    assert "No hay llave privada" in str(private.detail)


@pytest.mark.parametrize(
    ("events", "integrity", "label"),
    [
        ("prod_events_abc", KEYS.integrity_secret, "Secreto de eventos"),
        (KEYS.events_secret, "test_events_abc", "Secreto de integridad"),
        (None, KEYS.integrity_secret, "Secreto de eventos"),
    ],
)
def test_secret_of_the_wrong_kind_or_environment(events, integrity, label) -> None:
    checks = run_checks(events=events, integrity=integrity)
    check = next(c for c in checks if str(c.label) == label)
    assert check.outcome is CheckOutcome.FAILED
    assert "abc" not in str(check.detail)


def test_wompi_down_is_said_plainly() -> None:
    checks = run_checks(before=lambda sandbox: sandbox.fail_next_api_calls(10))
    assert checks[0].outcome is CheckOutcome.FAILED
    assert "No hubo respuesta de Wompi" in str(checks[0].detail)


def test_secret_prefix_never_returns_the_value() -> None:
    assert secret_prefix("test_events_SECRETVALUE") == "test_events_"
    assert secret_prefix("nounderscore") == ""
    assert secret_prefix(None) is None
