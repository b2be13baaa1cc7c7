"""The counter's checkout, pointed at a sandbox running in this process (the demo), opens that
sandbox's bank host (the 3-D Secure challenge) in a bank window; nothing else gains from it."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from mestore_desktop.sandbox.config import SandboxConfig, generate_keys
from mestore_desktop.sandbox.server import SandboxServer
from mestore_desktop.services.counter_setup import build_counter
from mestore_desktop.services.navigation import NavAction
from mestore_desktop.settings import Environment, Settings
from mestore_desktop.store.db import Database
from mestore_desktop.store.executor import DbExecutor


@pytest.fixture
def db(tmp_path) -> Iterator[DbExecutor]:
    database = Database.open(tmp_path / "mestore.db")
    executor = DbExecutor(database)
    yield executor
    executor.shutdown()
    database.close()


def settings_for(server: SandboxServer, environment: Environment) -> Settings:
    return Settings(
        environment=environment,
        public_key=server.config.keys.public_key,
        wompi_api_url=server.config.api_url,
        checkout_url=server.config.checkout_url,
    )


def decide(settings: Settings, db: DbExecutor, url: str) -> tuple[NavAction, NavAction]:
    policy = build_counter(settings, db, httpx.AsyncClient()).policy
    return policy.decide(url, in_popup=False).action, policy.decide(url, in_popup=True).action


def test_the_running_sandboxs_bank_host_opens_a_bank_window(db) -> None:
    with SandboxServer(SandboxConfig(keys=generate_keys())) as server:
        challenge = f"{server.bank_url}/_sandbox/3ds/12345-1700000000-12345"
        sandbox_settings = settings_for(server, Environment.SANDBOX)

        assert decide(sandbox_settings, db, challenge) == (NavAction.OPEN_POPUP, NavAction.ALLOW)
        assert decide(sandbox_settings, db, server.config.checkout_url)[0] is NavAction.ALLOW
        # The production counter never lists a loopback sandbox's host.
        production = settings_for(server, Environment.PRODUCTION)
        assert decide(production, db, challenge) == (NavAction.BLOCK, NavAction.BLOCK)
        # The default bank hosts stay listed beside it.
        assert decide(sandbox_settings, db, "https://registro.pse.com.co/")[0] is (
            NavAction.OPEN_POPUP
        )
    # A stopped sandbox announces nothing: its old port is an unknown host again.
    assert decide(sandbox_settings, db, challenge) == (NavAction.BLOCK, NavAction.BLOCK)


def test_another_sandbox_does_not_lend_its_bank_host(db) -> None:
    with (
        SandboxServer(SandboxConfig(keys=generate_keys())) as ours,
        SandboxServer(SandboxConfig(keys=generate_keys())) as other,
    ):
        challenge = f"{other.bank_url}/_sandbox/3ds/12345-1700000000-12345"
        settings = settings_for(ours, Environment.SANDBOX)
        assert decide(settings, db, challenge) == (NavAction.BLOCK, NavAction.BLOCK)
