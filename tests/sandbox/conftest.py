"""Sandbox fixtures: an in-process app reached through httpx.ASGITransport, closed after use."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from mestore_desktop.sandbox.app import create_app
from mestore_desktop.sandbox.config import SandboxConfig, SandboxKeys, generate_keys
from mestore_desktop.sandbox.state import Sandbox


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def keys() -> SandboxKeys:
    return generate_keys()


@pytest.fixture
def config(keys: SandboxKeys) -> SandboxConfig:
    # Manual finalization by default: tests decide when a PENDING transaction settles.
    return SandboxConfig(
        keys=keys,
        base_url="http://sandbox.test",
        finalize_delay_s=0.0,
        retry_time_factor=1e-5,
        auto_finalize=False,
    )


class Harness:
    """An app, its Sandbox and a client; `with_config(...)` makes siblings."""

    def __init__(self) -> None:
        self._open: list[tuple[httpx.AsyncClient, Sandbox]] = []

    def make(self, config: SandboxConfig, **app_kwargs: Any) -> tuple[httpx.AsyncClient, Sandbox]:
        app = create_app(config, **app_kwargs)
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=config.base_url)
        self._open.append((client, app.state.sandbox))
        return client, app.state.sandbox

    async def close(self) -> None:
        for client, sandbox in self._open:
            await client.aclose()
            await sandbox.aclose()


@pytest.fixture
async def harness() -> AsyncIterator[Harness]:
    harness = Harness()
    yield harness
    await harness.close()


@pytest.fixture
async def client(harness: Harness, config: SandboxConfig) -> httpx.AsyncClient:
    return harness.make(config)[0]


@pytest.fixture
def sandbox(harness: Harness, client: httpx.AsyncClient) -> Sandbox:
    return harness._open[0][1]


@pytest.fixture
def replace_config(config: SandboxConfig) -> Callable[..., SandboxConfig]:
    return lambda **changes: dataclasses.replace(config, **changes)
