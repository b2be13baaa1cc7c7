"""A terminal with a relay but no private key (issue 9, defect 6: either is enough to charge):
its sync runs, hears of payments through the relay, reads each one by id with the public key,
and never asks Wompi for a search it has no key for."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from mestore_desktop.domain.payment import OrderStatus
from mestore_desktop.secrets import MissingSecretError, SecretName, SecretStore
from mestore_desktop.services.sync_setup import build_service, load_keys
from mestore_desktop.settings import Environment, Settings
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.sync.status import RelayState
from tests.sync.harness import LoopbackStack
from tests.sync.test_end_to_end import until


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[LoopbackStack]:
    with LoopbackStack(tmp_path) as stack:
        yield stack


def relay_only_settings(stack: LoopbackStack) -> Settings:
    SecretStore(Environment.SANDBOX).set(SecretName.RELAY_TOKEN, stack.token)
    return Settings(
        environment=Environment.SANDBOX,
        public_key=stack.keys.public_key,
        wompi_api_url=stack.wompi_api_url,
        relay_url=stack.relay_url,
    )


def test_defect6_a_relay_without_a_private_key_is_enough_for_the_sync(stack: LoopbackStack):
    keys = load_keys(relay_only_settings(stack))

    assert keys.private_key is None
    assert keys.relay_token is not None


def test_without_a_relay_the_private_key_is_still_required(stack: LoopbackStack):
    settings = Settings(environment=Environment.SANDBOX, public_key=stack.keys.public_key)

    with pytest.raises(MissingSecretError):
        load_keys(settings)


def test_a_relay_only_terminal_settles_payments_through_the_relay(stack: LoopbackStack):
    sale = stack.sale(32_000)
    settings = relay_only_settings(stack)

    async def scenario() -> None:
        db = DbExecutor(stack.database)
        async with httpx.AsyncClient() as http:
            service = build_service(load_keys(settings), db, http)
            task = asyncio.ensure_future(service.run())
            try:
                await until(lambda: service.status.relay is RelayState.CONNECTED)
                stack.sandbox.approve(sale.transaction_id)
                await until(lambda: stack.order_status(sale.order_number) is OrderStatus.PAID)
                await asyncio.sleep(0.5)  # a watcher round and a gap check would run by now
                assert not service.status.wompi_problem  # no key error was met
            finally:
                task.cancel()
                with pytest.raises(asyncio.CancelledError):
                    await task
                db.shutdown()

    asyncio.run(scenario())
