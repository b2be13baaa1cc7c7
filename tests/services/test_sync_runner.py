"""SyncRunner: one sync for the saved settings, rebuilt (serially) when they change."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field, replace

import pytest

from mestore_desktop.services.sync_runner import SyncRunner
from mestore_desktop.services.sync_setup import SyncConfigError
from mestore_desktop.settings import Settings
from mestore_desktop.sync.status import RelayState, SyncStatus

pytestmark = pytest.mark.anyio


@dataclass
class FakeService:
    settings: Settings
    log: list[str]
    on_orders_changed: list = field(default_factory=list)
    on_status: list = field(default_factory=list)

    async def run(self) -> None:
        self.log.append(f"start {self.settings.public_key}")
        try:
            await asyncio.Event().wait()
        finally:
            await asyncio.sleep(0.01)  # saving the cursor takes a moment
            self.log.append(f"stop {self.settings.public_key}")


class Harness:
    def __init__(self) -> None:
        self.settings = Settings()
        self.log: list[str] = []
        self.services: list[FakeService] = []
        self.runner = SyncRunner(lambda: self.settings, self.factory)
        self.statuses: list[SyncStatus] = []
        self.orders: list[set[int]] = []
        self.runner.on_status.append(self.statuses.append)
        self.runner.on_orders_changed.append(self.orders.append)

    def factory(self, settings: Settings) -> FakeService:
        if not settings.public_key:
            raise SyncConfigError("Falta la llave pública de Wompi")
        service = FakeService(settings, self.log)
        self.services.append(service)
        return service

    async def settle(self) -> None:
        for _ in range(20):
            await asyncio.sleep(0.01)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_not_configured_at_first_then_started_when_settings_are_saved():
    h = Harness()
    h.runner.start()
    await h.settle()
    assert h.services == []
    assert h.statuses[-1].relay is RelayState.NOT_CONFIGURED
    assert "llave pública" in h.statuses[-1].detail

    h.settings = replace(h.settings, public_key="pub_test_A")
    h.runner.restart()
    await h.settle()

    assert h.log == ["start pub_test_A"]
    assert h.runner.generation == 1
    await h.runner.stop()
    assert h.log == ["start pub_test_A", "stop pub_test_A"]


async def test_a_key_rotation_stops_the_old_sync_before_the_new_one_starts():
    h = Harness()
    h.settings = replace(h.settings, public_key="pub_test_A")
    h.runner.start()
    await h.settle()

    h.settings = replace(h.settings, public_key="pub_test_B")
    h.runner.restart()
    h.runner.restart()  # a save that also changed a secret: one rebuild, not two
    await h.settle()

    assert h.log == ["start pub_test_A", "stop pub_test_A", "start pub_test_B"]
    await h.runner.stop()


async def test_news_of_each_new_service_reach_the_same_observers():
    h = Harness()
    h.settings = replace(h.settings, public_key="pub_test_A")
    h.runner.start()
    await h.settle()
    h.services[-1].on_orders_changed[0]({1})
    h.settings = replace(h.settings, public_key="pub_test_B")
    h.runner.restart()
    await h.settle()
    h.services[-1].on_orders_changed[0]({2})
    status = SyncStatus(RelayState.CONNECTED, None, "", 0)
    h.services[-1].on_status[0](status)

    assert h.orders == [{1}, {2}]
    assert h.statuses[-1] == status
    await h.runner.stop()


async def test_switching_to_unconfigured_stops_the_running_sync():
    h = Harness()
    h.settings = replace(h.settings, public_key="pub_test_A")
    h.runner.start()
    await h.settle()
    h.settings = replace(h.settings, public_key="")
    h.runner.restart()
    await h.settle()

    assert h.log == ["start pub_test_A", "stop pub_test_A"]
    assert h.runner.service is None
    assert h.statuses[-1].relay is RelayState.NOT_CONFIGURED
