"""`relay_events_secret` in the sandbox: the round trip, in-process (no sockets).

The sandbox app posts its events straight into the relay app (httpx.ASGITransport both ways),
so the doctor's test transaction really travels: tokenized card, signed transaction, approval,
event, checksum check at the relay, feed. Covered: the event comes back (green); the relay
refuses it for its checksum (red at once, with the events-secret fix); the event never comes
(red after the bounded wait, with the events-URL fix). The doctor reads the feed with a cursor of
its own (from /v1/status): here it has no database at all, so no till cursor to touch.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from mestore_desktop.relay.app import create_app as create_relay
from mestore_desktop.relay.config import RelayConfig
from mestore_desktop.relay.store import RelayStore
from mestore_desktop.sandbox.app import create_app as create_sandbox
from mestore_desktop.sandbox.config import SandboxConfig, generate_keys
from mestore_desktop.secrets import SecretName, SecretStore
from mestore_desktop.services.doctor import Check, Doctor, DoctorLimits
from mestore_desktop.settings import Environment, Settings
from tests.relay.helpers import new_events_secret

KEYS = generate_keys()


@pytest.fixture
def relay_store(tmp_path: Path) -> Iterator[RelayStore]:
    store = RelayStore(tmp_path / "relay.db")
    yield store
    store.dispose()


def round_trip(
    store: RelayStore,
    *,
    relay_secret: str = KEYS.events_secret,
    events_url: str | None = "http://relay.test/wompi/events",
    wait_s: float = 20.0,
) -> Check:
    relay_app = create_relay(RelayConfig(environment="test", events_secrets=(relay_secret,)), store)
    relay = httpx.ASGITransport(app=relay_app)
    config = SandboxConfig(
        keys=KEYS, base_url="http://sandbox.test", events_url=events_url, finalize_delay_s=0.05
    )
    sandbox_app = create_sandbox(config, events_transport=relay)
    sandbox = httpx.ASGITransport(app=sandbox_app)
    token = store.create_token("caja-doctor")
    secrets = SecretStore("sandbox")
    secrets.set(SecretName.WOMPI_PRIVATE_KEY, KEYS.private_key)
    secrets.set(SecretName.INTEGRITY_SECRET, KEYS.integrity_secret)
    secrets.set(SecretName.RELAY_TOKEN, token)

    async def route(request: httpx.Request) -> httpx.Response:
        transport = sandbox if request.url.host == "sandbox.test" else relay
        return await transport.handle_async_request(request)

    async def scenario() -> Check:
        async with httpx.AsyncClient(transport=httpx.MockTransport(route)) as http:
            doctor = Doctor(
                settings=Settings(
                    environment=Environment.SANDBOX,
                    public_key=KEYS.public_key,
                    wompi_api_url="http://sandbox.test/v1",
                    relay_url="http://relay.test",
                ),
                secrets=secrets,
                http=http,
                home=Path("."),
                database=None,
                limits=DoctorLimits(round_trip_s=wait_s),
            )
            try:
                return await doctor.run_check("relay_events_secret")
            finally:
                await sandbox_app.state.sandbox.aclose()
                await relay_app.state.relay.aclose()

    return asyncio.run(scenario())


def test_the_test_transactions_event_comes_back_through_the_relay(relay_store: RelayStore):
    check = round_trip(relay_store)
    assert check.ok, check.detail
    assert "firma válida" in str(check.detail)
    stored = relay_store.events_after(0, 10).events
    assert len(stored) == 1 and b"DOCTOR-" in stored[0].raw


def test_a_wrong_events_secret_at_the_relay_is_named_without_waiting_out_the_timeout(
    relay_store: RelayStore,
):
    check = round_trip(relay_store, relay_secret=new_events_secret(), wait_s=600)
    assert not check.ok
    assert "checksum" in str(check.detail)
    assert "Desarrolladores › Secretos" in str(check.fix)
    assert "MESTORE_RELAY_EVENTS_SECRET" in str(check.fix)
    assert relay_store.events_after(0, 10).events == []


def test_an_event_that_never_comes_is_red_after_the_bounded_wait(relay_store: RelayStore):
    check = round_trip(relay_store, events_url=None, wait_s=0.5)
    assert not check.ok
    assert "no llegó" in str(check.detail)
    assert "http://relay.test/wompi/events" in str(check.fix)
