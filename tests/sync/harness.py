"""Sandbox → relay → desktop sync → SQLite, wired for tests (reusable by the UI tests).

Two shapes, same helpers:

* `InProcessWorld` (async context manager): the sandbox and the real relay as ASGI apps in this
  event loop, joined by `httpx.ASGITransport` (the sandbox POSTs its events into the relay app).
  No sockets, fast; for most tests.
* `LoopbackStack` (sync context manager): `SandboxServer` and `RelayServer` on 127.0.0.1 in
  background threads, so everything crosses real HTTP. Build clients and a `SyncService` on
  any loop (qasync's too) with `stack.service(http, db_executor)`.

Both offer `sale(...)` (an order + Wompi attempt in SQLite and a PENDING transaction under
its reference in the sandbox), `order_status(n)`, `history(reference)` and `wait_delivered(n)`.

    async with InProcessWorld(tmp_path) as world:
        sale = world.sale()
        world.sandbox.approve(sale.transaction_id)
        await world.wait_delivered(1)
        report = await world.service().run_once()
        assert world.order_status(sale.order_number) is OrderStatus.PAID
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import httpx

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order, OrderLine
from mestore_desktop.domain.payment import OrderStatus, StatusChange, Tender
from mestore_desktop.relay.app import create_app as create_relay_app
from mestore_desktop.relay.config import RelayConfig
from mestore_desktop.relay.server import RelayServer
from mestore_desktop.sandbox.app import create_app as create_sandbox_app
from mestore_desktop.sandbox.config import SandboxConfig, SandboxKeys, generate_keys
from mestore_desktop.sandbox.server import SandboxServer
from mestore_desktop.sandbox.state import Sandbox
from mestore_desktop.store.db import Database
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.sync.policy import SyncSettings
from mestore_desktop.sync.relay_client import RelayClient
from mestore_desktop.sync.service import SyncService
from mestore_desktop.wompi.client import WompiClient
from mestore_desktop.wompi.resilience import CircuitBreaker, RetryPolicy

TERMINAL = "caja-1"
CARD = {
    "type": "CARD",
    "number": "4242424242424242",
    "cvc": "123",
    "exp_month": "12",
    "exp_year": "35",
    "card_holder": "Cliente Ejemplo",
    "installments": 1,
}
NEQUI = {"type": "NEQUI", "phone_number": "3991111111"}
PSE = {
    "type": "PSE",
    "user_type": 0,
    "user_legal_id_type": "CC",
    "user_legal_id": "1020304050",
    "financial_institution_code": "1",
    "payment_description": "Compra MeStore",
}


@dataclass(frozen=True)
class Sale:
    order_number: int
    reference: str
    transaction_id: str
    amount: Money


def relay_config(keys: SandboxKeys) -> RelayConfig:
    return RelayConfig(environment="test", events_secrets=(keys.events_secret,), prune_interval_s=0)


def sandbox_config(keys: SandboxKeys, **changes: Any) -> SandboxConfig:
    # Manual outcomes: tests approve/decline/error/void with the sandbox's controls.
    options: dict[str, Any] = {
        "finalize_delay_s": 0.0,
        "retry_time_factor": 1e-5,
        "auto_finalize": False,
        **changes,
    }
    return SandboxConfig(keys=keys, **options)


def quick_wompi(http: httpx.AsyncClient, api_url: str, keys: SandboxKeys) -> WompiClient:
    """A client with one try per call: tests see Wompi's failures at once."""
    return WompiClient(
        http,
        api_base_url=api_url,
        public_key=keys.public_key,
        private_key=keys.private_key,
        retry=RetryPolicy.no_retries(),
        breaker=CircuitBreaker(failure_threshold=1000),
        timeout=10.0,
    )


class _Common:
    """Order and sandbox helpers shared by both shapes."""

    keys: SandboxKeys
    database: Database
    sandbox: Sandbox

    def add_order(self, pesos: int = 25_000) -> tuple[int, str, Money]:
        """An order with one Wompi attempt, saved; returns (number, reference, amount)."""
        line = OrderLine("Café molido 500 g", 1, Money.from_pesos(pesos), IvaRate.REDUCED)
        draft = Order(terminal_id="T01", lines=(line,), created_at=datetime.now(UTC))

        def save(session: Any) -> tuple[int, str, Money]:
            repo = OrderRepository(session)
            order = repo.create_order(draft)
            assert order.number is not None
            attempt = repo.new_attempt(order.number, Tender.WOMPI, draft.created_at)
            return order.number, attempt.reference, attempt.amount

        return self.database.write(save)

    def add_transaction(
        self, reference: str, amount: Money, method: dict[str, Any] | None = None
    ) -> str:
        tx = self.sandbox.create_transaction(
            amount_in_cents=amount.cents,
            currency="COP",
            reference=reference,
            customer_email="cliente@example.com",
            payment_method=dict(method or CARD),
            customer_data={"full_name": "Cliente Ejemplo", "phone_number": "+573001112233"},
        )
        return str(tx["id"])

    def sale(self, pesos: int = 25_000, method: dict[str, Any] | None = None) -> Sale:
        number, reference, amount = self.add_order(pesos)
        return Sale(number, reference, self.add_transaction(reference, amount, method), amount)

    def order_status(self, number: int) -> OrderStatus:
        return self.database.read(lambda s: OrderRepository(s).order_status(number))

    def history(self, reference: str) -> list[StatusChange]:
        return self.database.read(lambda s: OrderRepository(s).history(reference))

    def delivered(self) -> int:
        return sum(1 for e in self.sandbox.sent_events() if e["status_code"] == 200)


class InProcessWorld(_Common):
    """Sandbox + real relay as ASGI apps in this loop; a real SQLite file."""

    def __init__(self, directory: Path, **sandbox_changes: Any) -> None:
        self.directory = directory
        self.keys = generate_keys()
        self.relay_app = create_relay_app(relay_config(self.keys), str(directory / "relay.db"))
        self.relay_transport = httpx.ASGITransport(app=self.relay_app)
        config = sandbox_config(
            self.keys,
            base_url="http://sandbox.test",
            events_url="http://relay.test/wompi/events",
            **sandbox_changes,
        )
        self.sandbox_app = create_sandbox_app(config, events_transport=self.relay_transport)
        self.sandbox = self.sandbox_app.state.sandbox
        self.token = self.relay_app.state.relay.store.create_token(TERMINAL)
        self.database = Database.open(directory / "mestore.db")
        self.executor = DbExecutor(self.database)
        self._clients: list[httpx.AsyncClient] = []

    async def __aenter__(self) -> Self:
        # Timers and event deliveries bind to this loop (ASGITransport runs no lifespan).
        await self.sandbox.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        for client in self._clients:
            await client.aclose()
        await self.sandbox.aclose()
        await self.relay_app.state.relay.aclose()
        self.executor.shutdown()
        self.database.close()

    def http(self, app: Any, base_url: str) -> httpx.AsyncClient:
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=base_url)
        self._clients.append(client)
        return client

    def wompi(self) -> WompiClient:
        http = self.http(self.sandbox_app, "http://sandbox.test")
        return quick_wompi(http, "http://sandbox.test/v1", self.keys)

    def relay_client(self, token: str | None = None) -> RelayClient:
        http = self.http(self.relay_app, "http://relay.test")
        return RelayClient(http, "http://relay.test", token or self.token)

    def service(self, *, relay: bool = True, **kwargs: Any) -> SyncService:
        kwargs.setdefault("settings", SyncSettings(long_poll_wait_s=0.2))
        return SyncService(
            db=kwargs.pop("db", self.executor),
            wompi=kwargs.pop("wompi", None) or self.wompi(),
            relay=self.relay_client() if relay else None,
            **kwargs,
        )

    async def wait_delivered(self, count: int, timeout: float = 5.0) -> None:
        """Until the relay acknowledged `count` sandbox events with 200."""
        deadline = time.monotonic() + timeout
        while self.delivered() < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.delivered()} of {count} events delivered")
            await asyncio.sleep(0.005)


class LoopbackStack(_Common):
    """SandboxServer → RelayServer → (your SyncService) over real HTTP on 127.0.0.1.

    `database` names the desktop's SQLite file (default `directory/mestore.db`), e.g. a CLI
    home's `database_path(home)`.
    """

    def __init__(
        self, directory: Path, *, database: Path | None = None, **sandbox_changes: Any
    ) -> None:
        self.directory = directory
        self.database_file = database or directory / "mestore.db"
        self.keys = generate_keys()
        self._sandbox_changes = sandbox_changes
        self.relay_server: RelayServer | None = None
        self.sandbox_server: SandboxServer | None = None

    def __enter__(self) -> Self:
        self.relay_server = RelayServer(relay_config(self.keys), self.directory / "relay.db")
        self.relay_server.start()
        try:
            self.token = self.relay_server.create_token(TERMINAL)
            config = sandbox_config(
                self.keys, events_url=self.relay_server.events_url, **self._sandbox_changes
            )
            self.sandbox_server = SandboxServer(config).start()
            self.sandbox = self.sandbox_server.sandbox
            self.database = Database.open(self.database_file)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if getattr(self, "database", None) is not None:
            self.database.close()
        if self.sandbox_server is not None:
            self.sandbox_server.stop()
        if self.relay_server is not None:
            self.relay_server.stop()

    @property
    def relay_url(self) -> str:
        assert self.relay_server is not None
        return self.relay_server.base_url

    def stop_relay(self) -> None:
        """The relay goes away; `start_relay_on_a_fresh_database` brings it back on its address."""
        assert self.relay_server is not None
        self._relay_port = int(self.relay_server.base_url.rsplit(":", 1)[1])
        self.relay_server.stop()

    def start_relay_on_a_fresh_database(self, name: str = "relay-fresh.db") -> None:
        """The relay back on its address over a new, empty database (a lost disk, a new host):
        a new epoch, seqs from 1 again, and a new terminal token (the old one was stored in the
        lost database), which `self.token` then holds, as the cashier would store it."""
        server = RelayServer(relay_config(self.keys), self.directory / name, port=self._relay_port)
        self.relay_server = server.start()
        self.token = server.create_token(TERMINAL)

    @property
    def wompi_api_url(self) -> str:
        assert self.sandbox_server is not None
        return self.sandbox_server.base_url + "/v1"

    def service(
        self, http: httpx.AsyncClient, db: DbExecutor, *, relay: bool = True, **kwargs: Any
    ) -> SyncService:
        """A SyncService over real HTTP; the caller owns `http` and `db`."""
        kwargs.setdefault("settings", SyncSettings(long_poll_wait_s=1.0))
        return SyncService(
            db=db,
            wompi=quick_wompi(http, self.wompi_api_url, self.keys),
            # Read at each request: a relay replaced under the service hands out a new token.
            relay=RelayClient(http, self.relay_url, lambda: self.token) if relay else None,
            **kwargs,
        )

    def wait_delivered(self, count: int, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while self.delivered() < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.delivered()} of {count} events delivered")
            time.sleep(0.01)
