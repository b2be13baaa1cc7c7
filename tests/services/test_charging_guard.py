"""Issue 9, defect 6: a Wompi charge that could never settle is refused before anything is saved.

A QR payment is only ever confirmed by the relay's events or by searching Wompi (which needs the
private key). With neither configured the counter refuses to start a Wompi charge, saying in
plain words what to set up; cash sales go on as before.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order, OrderLine
from mestore_desktop.domain.payment import PaymentStatus
from mestore_desktop.secrets import SecretName, SecretStore
from mestore_desktop.services.checkout import CheckoutNotConfiguredError
from mestore_desktop.services.counter_setup import build_counter, can_settle_wompi_payments
from mestore_desktop.settings import Settings
from mestore_desktop.store.db import Database
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.repositories import OrderRepository

pytestmark = pytest.mark.anyio

PUB = "pub_test_EXAMPLEONLYnotArealPublicKey0000"
SETTINGS = Settings(public_key=PUB, terminal_id="T01")
RELAYED = Settings(public_key=PUB, terminal_id="T01", relay_url="https://relay.example.co")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def parts(tmp_path: Path) -> AsyncIterator[tuple[Database, DbExecutor, httpx.AsyncClient]]:
    database = Database.open(tmp_path / "mestore.db")
    executor = DbExecutor(database)
    http = httpx.AsyncClient()
    SecretStore(SETTINGS.environment).set(
        SecretName.INTEGRITY_SECRET, "test_integrity_EXAMPLEONLYnotArealSecret000"
    )
    yield database, executor, http
    await http.aclose()
    executor.shutdown()
    database.close()


def draft() -> Order:
    line = OrderLine("Café molido 500 g", 1, Money.from_pesos(18_000), IvaRate.REDUCED)
    return Order(terminal_id="T01", lines=(line,), created_at=datetime.now(UTC))


def saved_orders(database: Database) -> int:
    return len(database.read(lambda s: OrderRepository(s).list_orders()))


async def test_defect6_no_relay_and_no_private_key_refuses_wompi_charges_but_not_cash(
    parts: tuple[Database, DbExecutor, httpx.AsyncClient],
) -> None:
    database, executor, http = parts
    counter = build_counter(SETTINGS, executor, http).counter

    with pytest.raises(CheckoutNotConfiguredError) as refused:
        await counter.start_wompi(draft())
    message = str(refused.value)
    assert "llave privada" in message and "relay" in message and "Ajustes" in message
    assert "\n" not in message
    assert saved_orders(database) == 0  # refused before anything was saved

    cash = await counter.pay_cash(draft(), Money.from_pesos(20_000))
    assert cash.attempt.status is PaymentStatus.APPROVED
    assert cash.change == Money.from_pesos(2_000)
    assert saved_orders(database) == 1


@pytest.mark.parametrize(
    ("settings", "secret"),
    [(SETTINGS, SecretName.WOMPI_PRIVATE_KEY), (RELAYED, SecretName.RELAY_TOKEN)],
    ids=["private key", "relay"],
)
async def test_either_a_private_key_or_a_relay_lets_the_counter_charge(
    parts: tuple[Database, DbExecutor, httpx.AsyncClient], settings: Settings, secret: SecretName
) -> None:
    database, executor, http = parts
    store = SecretStore(settings.environment)
    assert not can_settle_wompi_payments(settings, store)
    store.set(secret, "prv_test_EXAMPLEONLYvalue")
    assert can_settle_wompi_payments(settings, store)

    started = await build_counter(settings, executor, http).counter.start_wompi(draft())

    assert started.attempt.status is PaymentStatus.PENDING
    assert saved_orders(database) == 1


async def test_a_relay_url_without_its_token_is_no_relay(
    parts: tuple[Database, DbExecutor, httpx.AsyncClient],
) -> None:
    database, executor, http = parts
    assert not can_settle_wompi_payments(RELAYED, SecretStore(RELAYED.environment))
    with pytest.raises(CheckoutNotConfiguredError, match="llave privada"):
        await build_counter(RELAYED, executor, http).counter.start_wompi(draft())
    assert saved_orders(database) == 0
