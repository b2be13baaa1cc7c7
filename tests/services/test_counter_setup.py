"""The counter built from settings and the keyring, as the app builds it."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order, OrderLine
from mestore_desktop.secrets import SecretName, SecretStore
from mestore_desktop.services.checkout import CheckoutNotConfiguredError
from mestore_desktop.services.counter_setup import EMBEDDED_RETURN_URL, build_counter
from mestore_desktop.services.navigation import NavAction
from mestore_desktop.settings import Environment, Settings
from mestore_desktop.store.db import Database
from mestore_desktop.store.executor import DbExecutor

TX = "12345-1668624561-38705"


@pytest.fixture
def db(tmp_path):
    database = Database.open(tmp_path / "mestore.db")
    executor = DbExecutor(database)
    yield executor
    executor.shutdown()
    database.close()


@pytest.mark.parametrize(
    ("relay_url", "return_url"),
    [
        ("https://relay.mitienda.co", "https://relay.mitienda.co/wompi/return"),
        ("http://127.0.0.1:8787/", "http://127.0.0.1:8787/wompi/return"),  # the demo's relay
        ("", EMBEDDED_RETURN_URL),
    ],
)
def test_the_return_url_is_on_a_host_we_control_and_is_always_caught(db, relay_url, return_url):
    settings = Settings(
        environment=Environment.SANDBOX, public_key="pub_test_x", relay_url=relay_url
    )
    SecretStore(settings.environment).set(SecretName.INTEGRITY_SECRET, "test_integrity_x")
    # Without it (or a relay's token) the counter refuses to charge (test_charging_guard.py).
    SecretStore(settings.environment).set(SecretName.WOMPI_PRIVATE_KEY, "prv_test_x")

    setup = build_counter(settings, db, httpx.AsyncClient())

    decision = setup.policy.decide(f"{return_url}?id={TX}&env=test", in_popup=False)
    assert (decision.action, decision.transaction_id) == (NavAction.REDIRECT, TX)
    line = OrderLine("Café", 1, Money.from_pesos(18_000), IvaRate.REDUCED)
    draft = Order(terminal_id=settings.terminal_id, lines=(line,), created_at=datetime.now(UTC))
    started = asyncio.run(setup.counter.start_wompi(draft))
    params = parse_qs(urlsplit(started.checkout_url).query)
    assert params["redirect-url"] == [return_url]
    assert "redirect-url" not in parse_qs(urlsplit(started.phone_checkout_url).query)


def test_without_a_public_key_the_counter_is_built_and_wompi_refused(db):
    """A first start (or a cash-only shop): the counter's start-up check built the payment
    service, and the Wompi client refused an empty key, so Caja showed "Ocurrió un error
    inesperado" every 2 s (seen by hand at a first start). Cash works; Wompi says what is
    missing, before anything is saved."""
    setup = build_counter(Settings(), db, httpx.AsyncClient())

    line = OrderLine("Café", 1, Money.from_pesos(18_000), IvaRate.REDUCED)
    draft = Order(terminal_id="T01", lines=(line,), created_at=datetime.now(UTC))
    with pytest.raises(CheckoutNotConfiguredError, match="Falta la llave pública"):
        asyncio.run(setup.counter.start_wompi(draft))
