"""DbExecutor: async callers, one dedicated database thread, exceptions come back."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from mestore_desktop.domain.order import Order, OrderSummary
from mestore_desktop.domain.payment import Tender
from mestore_desktop.store.db import Database
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.repositories import OrderRepository
from tests.unit.store.factories import PLENTY, at, make_order


@pytest.fixture
def executor(db: Database) -> Iterator[DbExecutor]:
    running = DbExecutor(db)
    yield running
    running.shutdown()


def thread_id(_: Session) -> int:
    return threading.get_ident()


def test_reads_and_writes_return_domain_objects(executor: DbExecutor) -> None:
    async def scenario() -> tuple[Order, Order | None]:
        saved = await executor.write(lambda s: OrderRepository(s).create_order(make_order()))
        await executor.write(
            lambda s: OrderRepository(s).new_attempt(1, Tender.CASH, at(1), cash_received=PLENTY)
        )
        loaded = await executor.read(lambda s: OrderRepository(s).get_order(1))
        return saved, loaded

    saved, loaded = asyncio.run(scenario())
    assert loaded == saved
    assert saved.number == 1


def test_every_call_runs_on_one_dedicated_thread(executor: DbExecutor) -> None:
    async def scenario() -> list[int]:
        calls = [executor.read(thread_id) if i % 2 else executor.write(thread_id) for i in range(8)]
        return list(await asyncio.gather(*calls))

    threads = set(asyncio.run(scenario()))
    assert len(threads) == 1
    assert threads != {threading.get_ident()}


def test_the_loop_keeps_running_while_the_database_works(executor: DbExecutor) -> None:
    started, release = threading.Event(), threading.Event()

    def slow(_: Session) -> str:
        started.set()
        release.wait(5)
        return "done"

    async def scenario() -> str:
        task = asyncio.ensure_future(executor.write(slow))
        await asyncio.to_thread(started.wait, 5)
        await asyncio.sleep(0)  # the loop is free: this returns at once
        release.set()
        return await task

    assert asyncio.run(scenario()) == "done"


def test_exceptions_propagate_and_roll_back(executor: DbExecutor) -> None:
    def create_then_fail(session: Session) -> None:
        OrderRepository(session).create_order(make_order())
        raise LookupError("nope")

    async def scenario() -> list[OrderSummary]:
        with pytest.raises(LookupError, match="nope"):
            await executor.write(create_then_fail)
        with pytest.raises(ZeroDivisionError):
            await executor.read(lambda s: 1 // 0)
        return await executor.read(lambda s: OrderRepository(s).list_orders())

    assert asyncio.run(scenario()) == []


def test_a_running_write_finishes_before_shutdown_returns(db: Database) -> None:
    executor = DbExecutor(db)
    started = threading.Event()

    def slow_create(session: Session) -> None:
        started.set()
        threading.Event().wait(0.2)
        OrderRepository(session).create_order(make_order())

    async def start_write() -> asyncio.Future[None]:
        future = asyncio.ensure_future(executor.write(slow_create))
        await asyncio.to_thread(started.wait, 5)
        return future

    async def main() -> None:
        pending = await start_write()
        executor.shutdown(wait=True)  # blocks this loop on purpose: the app does it at exit
        await pending

    asyncio.run(main())
    assert len(db.read(lambda s: OrderRepository(s).list_orders())) == 1


def test_shutdown_refuses_new_calls(db: Database) -> None:
    executor = DbExecutor(db)
    executor.shutdown()
    with pytest.raises(RuntimeError):
        asyncio.run(executor.read(thread_id))
