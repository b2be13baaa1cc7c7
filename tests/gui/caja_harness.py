"""The counter wired to real parts for end-to-end tests: the local Wompi sandbox and the relay
on loopback (`LoopbackStack`), real SQLite, the production CounterService and SyncService on the
qasync loop, and the Caja page with its locked-down QtWebEngine checkout.

The test plays the cashier through the page's API and keys, and the customer through the
checkout page (typing into Wompi's form with runJavaScript — the app itself never does) or the
sandbox's controls (the phone paying a QR).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
from PySide6.QtCore import QEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from mestore_desktop.domain.catalogue import Product
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate
from mestore_desktop.sandbox.config import SandboxKeys
from mestore_desktop.secrets import Secret
from mestore_desktop.services.catalogue import StoreCatalogue, import_catalogue
from mestore_desktop.services.checkout import CheckoutSettings
from mestore_desktop.services.counter import CounterService
from mestore_desktop.services.counter_setup import (
    EMBEDDED_RETURN_URL,
    CounterSetup,
    email_receipt,
)
from mestore_desktop.services.navigation import NavigationPolicy
from mestore_desktop.settings import Settings
from mestore_desktop.store.catalogue_repository import CatalogueRepository
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.sync.policy import SyncSettings
from mestore_desktop.ui.pages.caja import CajaPage, CajaServices
from mestore_desktop.ui.payment.dialog import View
from mestore_desktop.ui.payment.flow import PaymentFlow
from mestore_desktop.ui.payment.receipt_actions import default_printer
from mestore_desktop.ui.sync_status import SyncBridge
from tests.sync.harness import LoopbackStack, quick_wompi

TIMEOUT_MS = 15_000
SETTINGS = Settings(store_name="Tienda Prueba", store_nit="900123456-8", terminal_id="T01")
CAFE = Product(
    "CAFE-500", "Café molido 500 g", Money.from_pesos(18_000), IvaRate.REDUCED, "7701234567890"
)
CAMISETA = Product("CAM-M", "Camiseta talla M", Money.from_pesos(35_000), IvaRate.GENERAL)
# The watcher and gap filler stay quiet: outcomes must come through the redirect hint, the
# relay, or the payment dialog's own quick fallback.
SYNC = SyncSettings(long_poll_wait_s=2.0, first_check_after_s=3600.0, gap_check_s=3600.0)


def counter_setup(
    urls: tuple[str, str], keys: SandboxKeys, executor: DbExecutor, http: httpx.AsyncClient
) -> CounterSetup:
    """The counter over the sandbox at `urls` = (checkout URL, API URL)."""
    checkout_url, api_url = urls
    counter = CounterService(
        db=executor,
        wompi=quick_wompi(http, api_url, keys),
        checkout=CheckoutSettings(checkout_url, keys.public_key, EMBEDDED_RETURN_URL),
        integrity_secret=Secret(keys.integrity_secret),
        terminal_id=SETTINGS.terminal_id,
    )
    policy = NavigationPolicy(checkout_url, api_url, EMBEDDED_RETURN_URL)
    return CounterSetup(counter, policy)


def stack_urls(stack: LoopbackStack) -> tuple[str, str]:
    assert stack.sandbox_server is not None
    return stack.sandbox_server.config.checkout_url, stack.wompi_api_url


class CounterRig:
    """A Caja page over the stack, with the sync engine running; `close()` when done."""

    def __init__(self, qtbot: Any, loop: Any, stack: LoopbackStack, *, sync: bool = True) -> None:
        self.qtbot, self.loop, self.stack = qtbot, loop, stack
        self.executor = DbExecutor(stack.database)
        self.http = httpx.AsyncClient(timeout=10)
        stack.database.write(lambda s: CatalogueRepository(s).upsert_many([CAFE, CAMISETA]))
        self.settings = SETTINGS  # a test may point it at a local SMTP server
        # A test may print to a PDF file instead of the system's printer.
        self.printer_factory: Callable[[], QPrinter] = default_printer
        services = CajaServices(
            counter=lambda: counter_setup(stack_urls(stack), stack.keys, self.executor, self.http),
            settings=lambda: self.settings,
            catalogue=StoreCatalogue(self.executor),
            send_mail=lambda receipt, pdf, to: email_receipt(self.settings, receipt, pdf, to),
            import_catalogue=lambda data: import_catalogue(self.executor, data),
            printer_factory=lambda: self.printer_factory(),
        )
        # Not qtbot.addWidget: close() deletes the page itself, in the order QtWebEngine needs.
        self.page = CajaPage(services)
        self.page.show()
        self.sync_task = None
        if sync:
            service = stack.service(self.http, self.executor, settings=SYNC)
            self.bridge = SyncBridge(service, self.page)
            self.bridge.orders_changed.connect(self.page.on_orders_changed)
            self.sync_task = loop.create_task(service.run())

    # -- the cashier --------------------------------------------------------------------

    def ring_up(self, *products: Product) -> None:
        for product in products:
            self.page.ring_up.add_product(product)

    def charge(self, tender: str) -> PaymentFlow:
        self.page.charge(tender)
        self.qtbot.waitUntil(
            lambda: self.flow is not None and bool(self.flow.reference), timeout=TIMEOUT_MS
        )
        assert self.flow is not None
        # A cashier's next key goes to the payment dialog once it is the active window; a loaded
        # machine activates it a moment after it exists (an Esc sent earlier reached the counter).
        self.qtbot.waitUntil(self.flow.dialog.isActiveWindow, timeout=TIMEOUT_MS)
        return self.flow

    @property
    def flow(self) -> PaymentFlow | None:
        return self.page.flow

    def wait_result(self) -> str:
        """Wait for the outcome panel; its title and details as one text."""
        self.qtbot.waitUntil(
            lambda: self.flow is not None and self.flow.dialog.current_view() is View.RESULT,
            timeout=TIMEOUT_MS,
        )
        assert self.flow is not None
        result = self.flow.dialog.result
        return f"{result.title.text()}\n{result.details.text()}"

    # -- the customer -------------------------------------------------------------------

    def run_js(self, script: str) -> Any:
        assert self.flow is not None
        page = self.flow.dialog.checkout.view.page()
        with self.qtbot.waitCallback(timeout=TIMEOUT_MS) as callback:
            page.runJavaScript(script, 0, callback)
        return callback.args[0]

    def wait_for_checkout_of(self, reference: str) -> None:
        """Until the view shows the checkout signed for `reference` (not a previous one)."""
        probe = "new URL(location.href).searchParams.get('reference')"
        self.qtbot.waitUntil(lambda: self.run_js(probe) == reference, timeout=TIMEOUT_MS)

    def wait_for_form(self, form_id: str) -> None:
        probe = f"document.getElementById({json.dumps(form_id)}) !== null"
        self.qtbot.waitUntil(lambda: self.run_js(probe) is True, timeout=TIMEOUT_MS)

    def fill_and_submit(self, form_id: str, values: dict[str, str], button: str = "") -> None:
        self.wait_for_form(form_id)
        script = f"""(() => {{
            const form = document.getElementById({json.dumps(form_id)});
            for (const [name, value] of Object.entries({json.dumps(values)})) {{
                form.elements[name].value = value;
            }}
            form.querySelector({json.dumps(button or 'button[type="submit"]')}).click();
            return true;
        }})()"""
        assert self.run_js(script) is True

    def pay_from_phone(self, pay: str) -> str:
        """The customer's phone opens the QR and pays; the sandbox then settles it (`pay`)."""
        assert self.flow is not None
        reference = self.flow.reference
        attempt = self.stack.database.read(lambda s: OrderRepository(s).get_attempt(reference))
        tx_id = self.stack.add_transaction(attempt.reference, attempt.amount)
        getattr(self.stack.sandbox, pay)(tx_id)
        return tx_id

    def close(self) -> None:
        if self.flow is not None:
            self.flow.dialog.finish()
        if self.sync_task is not None:
            self.sync_task.cancel()
            self.qtbot.waitUntil(self.sync_task.done, timeout=5000)
        closing = self.loop.create_task(self.http.aclose())
        self.qtbot.waitUntil(closing.done, timeout=5000)
        self.executor.shutdown()
        # Delete the page (and its web views) now, on the GUI thread, rather than leaving it
        # to interpreter exit when the QApplication may already be going away.
        self.page.close()
        self.page.deleteLater()
        for _ in range(3):
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QApplication.processEvents()
