"""Relay fixtures: both stores (SQLite file, throwaway PostgreSQL), the app in-process, tokens.

`store_url` is parametrized over "sqlite" and "postgresql", so every test that uses it (or
`relay_client`) runs against both. The PostgreSQL cluster starts once per session, only if a
test needs it; each test gets its own fresh database.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from mestore_desktop.relay.app import Relay, create_app
from mestore_desktop.relay.config import RelayConfig
from mestore_desktop.relay.store import RelayStore
from tests.relay.helpers import new_events_secret
from tests.relay.postgres import ThrowawayPostgres

STORES = ["sqlite", "postgresql"]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[ThrowawayPostgres]:
    # No skip when PostgreSQL is missing: the error says what to install.
    cluster = ThrowawayPostgres().start()
    try:
        yield cluster
    finally:
        cluster.stop()


def make_store_url(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if kind == "sqlite":
        return str(tmp_path / "relay.db")
    cluster: ThrowawayPostgres = request.getfixturevalue("pg_cluster")
    url = cluster.create_database()
    request.addfinalizer(lambda: cluster.drop_database(url))
    return url


@pytest.fixture(params=STORES)
def store_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def store_url(store_kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return make_store_url(store_kind, request, tmp_path)


@pytest.fixture
def store(store_url: str) -> Iterator[RelayStore]:
    store = RelayStore(store_url)
    yield store
    store.dispose()


@pytest.fixture
def secret() -> str:
    return new_events_secret("test")


@pytest.fixture
def config(secret: str) -> RelayConfig:
    return RelayConfig(environment="test", events_secrets=(secret,), prune_interval_s=0)


@dataclass
class RelayHarness:
    client: httpx.AsyncClient
    relay: Relay
    store: RelayStore
    token: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@pytest.fixture
async def relay_harness(config: RelayConfig, store: RelayStore) -> AsyncIterator[RelayHarness]:
    app = create_app(config, store)
    token = store.create_token("caja-1")
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://relay.test"
    ) as client:
        yield RelayHarness(client, app.state.relay, store, token)
    await app.state.relay.aclose()


@pytest.fixture
def relay_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG, logger="mestore_desktop.relay")
    return caplog
