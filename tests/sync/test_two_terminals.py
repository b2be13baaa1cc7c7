"""Issue 9, defect 1, end to end over real HTTP: the sandbox posts its signed events to the relay
on loopback, which hands every event to every till; each till runs the production
`CounterService` and `SyncService` over its own data folder.

* Two tills configured identically (both `T01`, each with its own folder, so each numbers its
  orders from 1) sell the same amount at the same time by QR; each turns green only on its own
  customer's payment, the other's being recorded as a transaction that is not ours.
* A reinstall (a new data folder, order numbers from 1 again) never takes an approval of the
  previous installation, which the relay replays to it and Wompi's search still holds.

Payments are made as a customer's phone makes them: the QR's checkout URL is opened on the
sandbox (which checks its integrity signature) and paid with a test card that it approves.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from contextlib import AsyncExitStack
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order, OrderLine
from mestore_desktop.domain.payment import OrderStatus, PaymentAttempt, PaymentStatus
from mestore_desktop.domain.reference import parse_reference
from mestore_desktop.secrets import Secret
from mestore_desktop.services.checkout import CheckoutSettings
from mestore_desktop.services.counter import CounterService, StartedPayment
from mestore_desktop.store.db import Database
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.store.sync_repository import SyncRepository
from mestore_desktop.sync.policy import SyncSettings
from mestore_desktop.sync.relay_client import RelayClient
from mestore_desktop.sync.service import SyncService
from mestore_desktop.sync.status import RelayState
from tests.sync.harness import LoopbackStack, quick_wompi

TERMINAL = "T01"  # what both tills are left on
PESOS = 42_000  # the same amount at both tills
# The pending watcher is kept away: each till learns of payments through the relay alone.
RELAY_ONLY = SyncSettings(long_poll_wait_s=1.0, first_check_after_s=3600.0)
CARD = {
    "method": "CARD",
    "card_number": "4242 4242 4242 4242",  # the sandbox approves it
    "card_expiry": "12/35",
    "card_cvc": "123",
    "card_holder": "Cliente Ejemplo",
    "customer_email": "cliente@example.com",
}


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[LoopbackStack]:
    # The sandbox settles a paid checkout by itself, by the test card, as Wompi does.
    with LoopbackStack(tmp_path, auto_finalize=True, finalize_delay_s=0.1) as stack:
        yield stack


class Till:
    """One installation of MeStore: its own data folder and relay token, the same terminal id."""

    def __init__(self, stack: LoopbackStack, folder: Path, http: httpx.AsyncClient) -> None:
        assert stack.relay_server is not None and stack.sandbox_server is not None
        folder.mkdir()
        self.stack = stack
        self.database = Database.open(folder / "mestore.sqlite3")
        self.executor = DbExecutor(self.database)
        wompi = quick_wompi(http, stack.wompi_api_url, stack.keys)
        self.counter = CounterService(
            self.executor,
            wompi,
            CheckoutSettings(stack.sandbox_server.config.checkout_url, stack.keys.public_key),
            Secret(stack.keys.integrity_secret),
            TERMINAL,
        )
        token = stack.relay_server.create_token(folder.name)
        self.sync = SyncService(
            db=self.executor,
            wompi=wompi,
            relay=RelayClient(http, stack.relay_url, token),
            settings=RELAY_ONLY,
        )
        self._task: asyncio.Task[None] | None = None
        self._closed = False

    def start_sync(self) -> None:
        self._task = asyncio.ensure_future(self.sync.run())

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._task is not None:
            self._task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await self._task
        self.executor.shutdown()
        self.database.close()

    def attempt(self, reference: str) -> PaymentAttempt:
        return self.database.read(lambda s: OrderRepository(s).get_attempt(reference))

    def order_status(self, number: int) -> OrderStatus:
        return self.database.read(lambda s: OrderRepository(s).order_status(number))

    def knows_as_foreign(self, transaction_id: str) -> bool:
        """The till has read this transaction and filed it as another sale's."""
        found = self.database.read(lambda s: SyncRepository(s).get_foreign(transaction_id))
        return found is not None

    def is_green(self, started: StartedPayment) -> bool:
        return (
            self.attempt(started.reference).status is PaymentStatus.APPROVED
            and self.order_status(started.order_number) is OrderStatus.PAID
        )


def draft() -> Order:
    line = OrderLine("Camiseta talla M", 1, Money.from_pesos(PESOS), IvaRate.GENERAL)
    return Order(terminal_id=TERMINAL, lines=(line,), created_at=datetime.now(UTC))


async def phone_pays(stack: LoopbackStack, http: httpx.AsyncClient, qr_url: str) -> str:
    """The customer's phone opens the QR's checkout and pays by card; the transaction's id."""
    page = await http.get(qr_url)
    assert page.status_code == 200, page.text  # the sandbox accepted the signed checkout
    params = dict(parse_qsl(urlsplit(qr_url).query))
    assert stack.sandbox_server is not None
    paid = await http.post(f"{stack.sandbox_server.base_url}/p/pay", data={**params, **CARD})
    assert paid.status_code in (200, 303), paid.text
    [tx] = stack.sandbox.transactions_by_reference(params["reference"])
    return str(tx["id"])


async def until(condition: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting until {what}")
        await asyncio.sleep(0.02)


async def connected(*tills: Till) -> None:
    for till in tills:
        till.start_sync()
    for till in tills:
        await until(lambda t=till: t.sync.status.relay is RelayState.CONNECTED, "connected")


def run(scenario: Callable[[LoopbackStack, AsyncExitStack, httpx.AsyncClient], Any]) -> Any:
    """Run `scenario` with an HTTP client; tills it registers are closed however it ends."""

    async def main(stack: LoopbackStack) -> None:
        async with AsyncExitStack() as cleanup, httpx.AsyncClient(timeout=10) as http:
            await scenario(stack, cleanup, http)

    return main


def open_till(
    stack: LoopbackStack, cleanup: AsyncExitStack, http: httpx.AsyncClient, folder: Path
) -> Till:
    till = Till(stack, folder, http)
    cleanup.push_async_callback(till.close)
    return till


def test_two_tills_both_t01_sell_the_same_amount_and_each_turns_green_on_its_own_payment(
    stack: LoopbackStack,
) -> None:
    async def scenario(stack: LoopbackStack, cleanup: AsyncExitStack, http: Any) -> None:
        caja_a = open_till(stack, cleanup, http, stack.directory / "caja-a")
        caja_b = open_till(stack, cleanup, http, stack.directory / "caja-b")
        await connected(caja_a, caja_b)

        sale_a, sale_b = await asyncio.gather(
            caja_a.counter.start_wompi(draft()), caja_b.counter.start_wompi(draft())
        )
        # Configured alike, numbered alike, the same amount: only the installation differs.
        assert (sale_a.order_number, sale_b.order_number) == (1, 1)
        assert sale_a.amount == sale_b.amount == Money.from_pesos(PESOS)
        parts_a, parts_b = parse_reference(sale_a.reference), parse_reference(sale_b.reference)
        assert parts_a is not None and parts_b is not None
        assert parts_a.terminal_id == parts_b.terminal_id == TERMINAL
        assert sale_a.reference != sale_b.reference

        tx_a = await phone_pays(stack, http, sale_a.phone_checkout_url)
        await until(lambda: caja_a.is_green(sale_a), "till A turns green")
        # Till B read the same event (the relay hands it to every till) and kept it apart.
        await until(lambda: caja_b.knows_as_foreign(tx_a), "till B files A's payment")
        assert caja_b.attempt(sale_b.reference).status is PaymentStatus.PENDING
        assert caja_b.order_status(sale_b.order_number) is OrderStatus.AWAITING_PAYMENT
        # Asking Wompi at the counter (Verificar ahora) does not find A's payment either.
        checked = await caja_b.counter.refresh(sale_b.reference)
        assert checked.status is PaymentStatus.PENDING

        tx_b = await phone_pays(stack, http, sale_b.phone_checkout_url)
        await until(lambda: caja_b.is_green(sale_b), "till B turns green")
        await until(lambda: caja_a.knows_as_foreign(tx_b), "till A files B's payment")
        assert caja_a.attempt(sale_a.reference).transaction_id == tx_a
        assert caja_b.attempt(sale_b.reference).transaction_id == tx_b

    asyncio.run(run(scenario)(stack))


def test_a_reinstall_never_takes_an_approval_of_the_previous_installation(
    stack: LoopbackStack,
) -> None:
    async def scenario(stack: LoopbackStack, cleanup: AsyncExitStack, http: Any) -> None:
        before = open_till(stack, cleanup, http, stack.directory / "instalacion-1")
        await connected(before)
        old_sale = await before.counter.start_wompi(draft())
        old_tx = await phone_pays(stack, http, old_sale.phone_checkout_url)
        await until(lambda: before.is_green(old_sale), "the first installation's sale is paid")
        await before.close()

        # Reinstalled: a new data folder, so order numbers start at 1 again; the relay replays
        # its events to the new till (cursor 0) and Wompi still holds the old approval.
        after = open_till(stack, cleanup, http, stack.directory / "instalacion-2")
        new_sale = await after.counter.start_wompi(draft())
        assert new_sale.order_number == old_sale.order_number == 1
        assert new_sale.amount == old_sale.amount
        assert new_sale.reference != old_sale.reference
        await connected(after)

        await until(lambda: after.knows_as_foreign(old_tx), "the replayed approval is read")
        assert after.attempt(new_sale.reference).status is PaymentStatus.PENDING
        assert after.order_status(new_sale.order_number) is OrderStatus.AWAITING_PAYMENT
        checked = await after.counter.refresh(new_sale.reference)  # Wompi, by reference
        assert checked.status is PaymentStatus.PENDING

        new_tx = await phone_pays(stack, http, new_sale.phone_checkout_url)
        await until(lambda: after.is_green(new_sale), "the new sale turns green on its payment")
        assert after.attempt(new_sale.reference).transaction_id == new_tx != old_tx

    asyncio.run(run(scenario)(stack))
