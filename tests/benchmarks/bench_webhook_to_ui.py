"""Benchmark (not a test): a Wompi webhook → the order's row turns "Pagado" in the Qt model.

Run: `.venv/bin/python -m tests.benchmarks.bench_webhook_to_ui [--samples 200]`

The whole production path over real HTTP on loopback: the local Wompi sandbox (uvicorn) posts
its signed event to the relay (uvicorn, SQLite WAL + synchronous=FULL); the desktop's
SyncService, on a qasync loop under an offscreen QApplication, long-polls the relay, re-reads
the transaction from the sandbox, writes SQLite, and the Pedidos page reloads its model. The
clock starts when the sandbox approves the transaction (the moment Wompi would send the
webhook) and stops when the model shows that order as paid. Sales are settled one at a time.

Printed beside it, as the machine's yardstick: a bare Starlette "hello" app's throughput and
its single-request round trip; the ratio says how many bare round trips one sale's journey
costs (target: webhook → UI p95 < 1 s on loopback).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx
import qasync
from PySide6.QtWidgets import QApplication

from mestore_desktop.domain.payment import OrderStatus
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.sync.policy import SyncSettings
from mestore_desktop.ui.models.orders_model import NUMBER_ROLE, STATUS_ROLE, Column
from mestore_desktop.ui.pages.orders import OrdersPage
from mestore_desktop.ui.sync_status import SyncBridge
from tests.benchmarks.bench_wompi import measure, start_hello
from tests.sync.harness import LoopbackStack

TARGET_P95_MS = 1000.0
# Only the relay may settle these sales: the pending watcher and gap filler stay asleep.
WEBHOOK_ONLY = SyncSettings(long_poll_wait_s=25.0, first_check_after_s=3600.0, gap_check_s=3600.0)


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1]


def paid_numbers(page: OrdersPage) -> set[int]:
    model = page.model
    return {
        model.data(model.index(row, Column.NUMBER), NUMBER_ROLE)
        for row in range(model.rowCount())
        if model.data(model.index(row, Column.STATUS), STATUS_ROLE) == OrderStatus.PAID.value
    }


async def journeys(stack: LoopbackStack, page: OrdersPage, samples: int) -> list[float]:
    """Settle `samples` sales one by one; milliseconds from approval to a paid row."""
    changed = asyncio.Event()
    page.model.dataChanged.connect(lambda *_: changed.set())
    page.model.rowsInserted.connect(lambda *_: changed.set())
    latencies: list[float] = []
    for _ in range(samples):
        sale = stack.sale()
        while sale.order_number not in {
            page.model.data(page.model.index(r, Column.NUMBER), NUMBER_ROLE)
            for r in range(page.model.rowCount())
        }:
            page.on_orders_changed()
            await asyncio.sleep(0.01)
        started = time.perf_counter()
        stack.sandbox.approve(sale.transaction_id)
        while sale.order_number not in paid_numbers(page):
            changed.clear()
            await asyncio.wait_for(changed.wait(), 10)
        latencies.append((time.perf_counter() - started) * 1000)
    return latencies


async def run_desktop(stack: LoopbackStack, samples: int) -> list[float]:
    executor = DbExecutor(stack.database)
    async with httpx.AsyncClient(timeout=30) as http:
        service = stack.service(http, executor, settings=WEBHOOK_ONLY)
        page = OrdersPage(
            lambda: executor.read(lambda s: OrderRepository(s).list_orders(limit=200))
        )
        bridge = SyncBridge(service, page)
        bridge.orders_changed.connect(page.on_orders_changed)
        page.show()
        task = asyncio.ensure_future(service.run())
        try:
            await journeys(stack, page, 10)  # warm-up: connections, caches, first queries
            return await journeys(stack, page, samples)
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            executor.shutdown()


async def hello_round_trips(url: str, samples: int) -> list[float]:
    async with httpx.AsyncClient() as http:
        await http.get(url)
        times = []
        for _ in range(samples):
            started = time.perf_counter()
            (await http.get(url)).raise_for_status()
            times.append((time.perf_counter() - started) * 1000)
        return times


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=5.0, help="hello throughput run")
    parser.add_argument("--concurrency", type=int, default=32)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        hello, hello_url = start_hello(Path(tmp))
        try:
            hello_rate, tool = measure(hello_url, args.seconds, args.concurrency)
            rtt = asyncio.run(hello_round_trips(hello_url, 500))
        finally:
            hello.terminate()
            hello.wait(10)
        with LoopbackStack(Path(tmp)) as stack:
            loop = qasync.QEventLoop(app)
            with loop:
                ui = loop.run_until_complete(run_desktop(stack, args.samples))
    report(ui, rtt, hello_rate, tool, args.concurrency)
    return 0


def report(ui: list[float], rtt: list[float], hello_rate: float, tool: str, conns: int) -> None:
    print(f"loopback, {os.cpu_count()} CPUs; sandbox, relay and hello: one uvicorn worker each")
    print(f"bare Starlette hello ({tool}, {conns} conns): {hello_rate:8.0f} req/s")
    print(
        f"bare Starlette hello, one request at a time: p50 {pct(rtt, 50):6.2f} ms"
        f"   p95 {pct(rtt, 95):6.2f} ms"
    )
    verdict = "OK" if pct(ui, 95) < TARGET_P95_MS else "ABOVE TARGET"
    print(
        f"webhook -> order row paid in the Qt model ({len(ui)} sales): p50 {pct(ui, 50):6.2f} ms"
        f"   p95 {pct(ui, 95):6.2f} ms   max {max(ui):6.2f} ms"
        f"  (= {pct(ui, 50) / pct(rtt, 50):.0f}x a bare round trip at p50;"
        f" target p95 < {TARGET_P95_MS:.0f} ms: {verdict})"
    )


if __name__ == "__main__":
    sys.exit(main())
