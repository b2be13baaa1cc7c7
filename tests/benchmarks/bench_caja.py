"""Benchmark (not a test): the two waits at the counter that the customer sees.

Run: `.venv/bin/python -m tests.benchmarks.bench_caja [--samples 30]`

Real parts, as in tests/gui/test_caja_e2e.py: the local Wompi sandbox and the relay on loopback
(uvicorn threads), real SQLite, the production CounterService and SyncService on a qasync loop
under an offscreen QApplication, and the Caja page with its locked-down QtWebEngine checkout.

* *Cobrar* → checkout on screen: from `page.charge("wompi_here")` (the order and its attempt
  are saved first, then the signed URL loads in a new private web view) to the view reporting
  the sandbox's checkout loaded, with its card form in the page. Each sale is then cancelled.
* approval → green: a QR sale (`charge("wompi_qr")`); the customer's phone pays, i.e. a
  transaction is created for the reference; the clock starts when the sandbox approves it
  (Wompi's webhook leaves then) and stops when the dialog switches to the approved outcome.
  The path: sandbox → relay → long-poll → sync re-reads Wompi → SQLite → page → dialog.

Printed beside them, as this machine's yardstick: a plain QWebEngineView (off-the-record
profile, nothing else) loading a tiny static page from a loopback server and the very same
sandbox checkout URLs, both in one reused view (steady-state page loads) and in a fresh view
each time (what the counter does: every payment gets a new view, profile and renderer).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import PySide6.QtWebEngineWidgets  # noqa: F401  (must precede the QApplication)
import qasync
from PySide6.QtCore import QEvent, QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mestore_desktop.services.catalogue import StoreCatalogue
from mestore_desktop.store.catalogue_repository import CatalogueRepository
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.ui.pages.caja import CajaPage, CajaServices
from mestore_desktop.ui.payment.dialog import View
from mestore_desktop.ui.payment.flow import PaymentFlow
from mestore_desktop.ui.sync_status import SyncBridge
from tests.gui.caja_harness import (
    CAFE,
    CAMISETA,
    SETTINGS,
    SYNC,
    counter_setup,
    stack_urls,
)
from tests.sync.harness import LoopbackStack

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 15.0
WARM_UP = 3  # first loads in a process pay for Chromium's start; not what a cashier waits for
CHECKOUT_READY = (
    "document.getElementById('card-form') !== null"
    " && new URL(location.href).searchParams.get('reference')"
)
TINY_PAGE = b"<!doctype html><html><head><title>ok</title></head><body><p>ok</p></body></html>"
VIEW_SIZE = (980, 620)  # about the payment dialog's web view


def prepare_headless_qt() -> None:
    """As tests/conftest.py: offscreen, no Chromium sandbox (CI runs as root), caches in the
    work tree. Before the QApplication exists; a developer's own values win."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
    os.environ.setdefault("XDG_CACHE_HOME", str(ROOT / ".cache"))
    os.environ.setdefault("XDG_DATA_HOME", str(ROOT / ".local-share"))
    os.environ.setdefault("XDG_RUNTIME_DIR", str(ROOT / ".xdg-runtime"))
    Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, exist_ok=True)


def pct(values: list[float], q: int) -> float:
    # Inclusive: with a few dozen samples, p95 stays within what was seen.
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


# -- waiting on a qasync loop (no qtbot outside pytest) --------------------------------------


async def wait_until(
    predicate: Callable[[], object], what: str, timeout_s: float = TIMEOUT_S
) -> None:
    """Spin the loop (Qt events included) until `predicate()` is true."""
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.002)


async def run_js(page: QWebEnginePage, script: str) -> Any:
    """The page's answer to `script` (the benchmark plays the customer; the app never does)."""
    answer: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
    page.runJavaScript(script, 0, lambda value: answer.done() or answer.set_result(value))
    return await asyncio.wait_for(answer, TIMEOUT_S)


async def until_checkout_form(page: QWebEnginePage, reference: str) -> None:
    """Until `page` shows the sandbox checkout's card form signed for `reference`."""
    deadline = time.monotonic() + TIMEOUT_S
    while await run_js(page, CHECKOUT_READY) != reference:
        if time.monotonic() > deadline:
            raise TimeoutError("the checkout's card form never appeared")
        await asyncio.sleep(0.002)


def delete_now(widget: QWidget) -> None:
    """Delete `widget` and its children now, on the GUI thread, in Qt's child order."""
    widget.close()
    widget.deleteLater()
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


# -- the counter ------------------------------------------------------------------------------


class CounterBench:
    """A Caja page over the stack with the sync engine running, wired as in caja_harness."""

    def __init__(self, stack: LoopbackStack) -> None:
        self.stack = stack
        self.executor = DbExecutor(stack.database)
        self.http = httpx.AsyncClient(timeout=10)
        stack.database.write(lambda s: CatalogueRepository(s).upsert_many([CAFE, CAMISETA]))
        services = CajaServices(
            counter=lambda: counter_setup(stack_urls(stack), stack.keys, self.executor, self.http),
            settings=lambda: SETTINGS,
            catalogue=StoreCatalogue(self.executor),
        )
        self.page = CajaPage(services)
        self.page.show()
        service = stack.service(self.http, self.executor, settings=SYNC)
        self.bridge = SyncBridge(service, self.page)
        self.bridge.orders_changed.connect(self.page.on_orders_changed)
        self.sync_task = asyncio.ensure_future(service.run())
        self.checkout_urls: list[str] = []

    @property
    def flow(self) -> PaymentFlow:
        flow = self.page.flow
        if flow is None:
            raise RuntimeError("no payment in play")
        return flow

    async def charge(self, tender: str) -> PaymentFlow:
        self.page.ring_up.add_product(CAFE)
        self.page.charge(tender)
        flow = self.flow  # made at once; the order and attempt are saved on the loop
        await wait_until(lambda: bool(flow.reference), "the attempt to be saved")
        return flow

    async def checkout_shown_ms(self) -> float:
        """*Cobrar* → the checkout's card form on screen; the sale is then cancelled."""
        loaded: list[float] = []
        self.page.ring_up.add_product(CAFE)
        started = time.perf_counter()
        self.page.charge("wompi_here")
        flow = self.flow
        flow.dialog.checkout.page_loaded.connect(
            lambda ok: loaded.append(time.perf_counter()) if ok else None
        )
        await wait_until(lambda: loaded, "the checkout page to load")
        page = flow.dialog.checkout.view.page()
        ready = await run_js(page, CHECKOUT_READY)
        if ready != flow.reference:  # loaded, but not yet the form for this reference
            await until_checkout_form(page, flow.reference)
            loaded.append(time.perf_counter())
        self.checkout_urls.append(page.url().toString())
        await self._cancel(flow)
        return (loaded[-1] - started) * 1000

    async def _cancel(self, flow: PaymentFlow) -> None:
        """The cashier cancels (Esc, Sí) and empties the cart: the order is cancelled too."""
        flow.dialog.cancel_requested.emit()
        await wait_until(
            lambda: flow.dialog.findChild(QMessageBox, "ConfirmCancelPayment") is not None,
            "the cancel confirmation",
        )
        confirm = flow.dialog.findChild(QMessageBox, "ConfirmCancelPayment")
        confirm.button(QMessageBox.StandardButton.Yes).click()
        await wait_until(lambda: self.page.flow is None, "the dialog to close")
        self.page.ring_up.clear()

    async def approval_to_green_ms(self) -> float:
        """Sandbox approval of a QR sale → the dialog shows the approved outcome."""
        flow = await self.charge("wompi_qr")
        await wait_until(lambda: flow.dialog.current_view() is View.QR, "the QR view")
        switched: list[float] = []
        flow.dialog.views.currentChanged.connect(
            lambda index: switched.append(time.perf_counter()) if index == View.RESULT else None
        )
        reference = flow.reference
        attempt = self.stack.database.read(lambda s: OrderRepository(s).get_attempt(reference))
        tx_id = self.stack.add_transaction(attempt.reference, attempt.amount)  # the phone pays
        started = time.perf_counter()
        self.stack.sandbox.approve(tx_id)
        await wait_until(lambda: switched, "the outcome")
        result = flow.dialog.result
        if not (result.isVisible() and result.property("status") == "approved"):
            raise RuntimeError(f"expected the approved outcome, saw {result.title.text()!r}")
        elapsed = (switched[0] - started) * 1000
        result.new_sale_button.click()
        await wait_until(lambda: self.page.flow is None, "a new sale")
        return elapsed

    async def close(self) -> None:
        if self.page.flow is not None:
            self.page.flow.dialog.finish()
        self.sync_task.cancel()
        await asyncio.gather(self.sync_task, return_exceptions=True)
        await self.http.aclose()
        self.executor.shutdown()
        # Web pages go before their profiles: delete the page now, not at interpreter exit.
        delete_now(self.page)


async def measure(sample: Callable[[], Any], samples: int) -> list[float]:
    """`WARM_UP` unrecorded runs, then `samples` timings; cycles collected between runs."""
    times = []
    for i in range(WARM_UP + samples):
        elapsed = await sample()
        if i >= WARM_UP:
            times.append(elapsed)
        gc.collect()  # here, on the GUI thread (see run_benchmark)
    return times


async def run_counter(stack: LoopbackStack, samples: int) -> dict[str, Any]:
    bench = CounterBench(stack)
    try:
        checkout = await measure(bench.checkout_shown_ms, samples)
        approval = await measure(bench.approval_to_green_ms, samples)
        return {"checkout": checkout, "approval": approval, "urls": bench.checkout_urls}
    finally:
        await bench.close()


# -- the yardstick: a plain QWebEngineView ----------------------------------------------------


class PlainView:
    """A QWebEngineView with its own off-the-record profile; the profile is deleted last."""

    def __init__(self) -> None:
        self.holder = QWidget()
        self.view = QWebEngineView(self.holder)
        self.view.resize(*VIEW_SIZE)
        self.profile = QWebEngineProfile(self.holder)  # after the view: deleted after its page
        page = QWebEnginePage(self.profile, self.view)
        self.view.setPage(page)
        self.holder.resize(*VIEW_SIZE)
        self.holder.show()

    async def load_ms(self, url: str) -> float:
        finished: list[tuple[float, bool]] = []
        self.view.loadFinished.connect(lambda ok: finished.append((time.perf_counter(), ok)))
        started = time.perf_counter()
        self.view.load(QUrl(url))
        await wait_until(lambda: finished, f"{url} to load")
        self.view.loadFinished.disconnect()
        at, ok = finished[0]
        if not ok:
            raise RuntimeError(f"{url} did not load")
        return (at - started) * 1000

    def close(self) -> None:
        delete_now(self.holder)


async def plain_loads(urls: Callable[[int], str], samples: int, *, fresh: bool) -> list[float]:
    """Load `urls(i)` for each sample, in one reused view or in a fresh view each time."""
    reused = None if fresh else PlainView()
    counter = iter(range(WARM_UP + samples))

    async def one() -> float:
        view = PlainView() if fresh else reused
        assert view is not None
        try:
            return await view.load_ms(urls(next(counter)))
        finally:
            if fresh:
                view.close()

    try:
        return await measure(one, samples)
    finally:
        if reused is not None:
            reused.close()


@contextmanager
def tiny_page_server() -> Iterator[str]:
    """A static page from a thread on 127.0.0.1; no caching, so each load is fetched."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(TINY_PAGE)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            # A view deleted mid-load (or its favicon request) may hang up: harmless.
            with suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(TINY_PAGE)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


async def run_plain(tiny_url: str, checkout_urls: list[str], samples: int) -> dict[str, Any]:
    def tiny(i: int) -> str:
        return f"{tiny_url}?n={i}"

    def checkout(i: int) -> str:
        return checkout_urls[i % len(checkout_urls)]  # unpaid references: the page accepts them

    return {
        "tiny_reused": await plain_loads(tiny, samples, fresh=False),
        "tiny_fresh": await plain_loads(tiny, samples, fresh=True),
        "checkout_reused": await plain_loads(checkout, samples, fresh=False),
        "checkout_fresh": await plain_loads(checkout, samples, fresh=True),
    }


# -- running and reporting --------------------------------------------------------------------


def run_benchmark(samples: int) -> dict[str, Any]:
    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)  # views come and go; the loop must not stop with them
    # The sandbox and the relay run Python in server threads; a cyclic collection there could
    # delete a Qt object off its thread. Collect only on the GUI thread (as app.py does).
    gc.disable()
    with tempfile.TemporaryDirectory() as tmp, LoopbackStack(Path(tmp)) as stack:
        loop = qasync.QEventLoop(app)
        with loop, tiny_page_server() as tiny_url:
            # One run of the loop: a second app.exec() after deleted web views crashes Qt here.
            figures = loop.run_until_complete(run_all(stack, tiny_url, samples))
    gc.enable()
    return figures


async def run_all(stack: LoopbackStack, tiny_url: str, samples: int) -> dict[str, Any]:
    counter = await run_counter(stack, samples)
    plain = await run_plain(tiny_url, counter["urls"], samples)
    return {**counter, **plain}


def row(label: str, values: list[float]) -> str:
    return (
        f"{label:<58} p50 {pct(values, 50):7.1f} ms   p95 {pct(values, 95):7.1f} ms"
        f"   max {max(values):7.1f} ms"
    )


def report(figures: dict[str, list[float]], samples: int) -> None:
    checkout, approval = figures["checkout"], figures["approval"]
    print(
        f"loopback, {os.cpu_count()} CPUs, QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']};"
        f" {samples} samples each after {WARM_UP} warm-up runs"
    )
    print(row("Cobrar -> checkout card form shown (counter)", checkout))
    print(row("sandbox approval -> green outcome, QR sale (counter)", approval))
    print("plain QWebEngineView, off-the-record profile, load() -> loadFinished:")
    print(row("  tiny static page, same view", figures["tiny_reused"]))
    print(row("  tiny static page, fresh view + profile each time", figures["tiny_fresh"]))
    print(row("  sandbox checkout URL, same view", figures["checkout_reused"]))
    print(row("  sandbox checkout URL, fresh view + profile each time", figures["checkout_fresh"]))
    at50 = pct(checkout, 50)
    print(
        "ratios at p50: counter checkout = "
        f"{at50 / pct(figures['checkout_fresh'], 50):.2f}x plain checkout in a fresh view, "
        f"{at50 / pct(figures['checkout_reused'], 50):.2f}x in the same view, "
        f"{at50 / pct(figures['tiny_reused'], 50):.1f}x a tiny page"
    )
    print(
        "ratios at p95: counter checkout = "
        f"{pct(checkout, 95) / pct(figures['checkout_fresh'], 95):.2f}x plain checkout in a fresh"
        f" view; approval -> green = {pct(approval, 95) / pct(figures['tiny_reused'], 95):.1f}x"
        " a tiny page load"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--samples", type=int, default=30)
    args = parser.parse_args()
    if args.samples < 2:
        parser.error("--samples must be at least 2")
    prepare_headless_qt()
    report(run_benchmark(args.samples), args.samples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
