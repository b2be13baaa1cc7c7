"""Screenshots of the counter (Caja) for resources/screenshots, taken offscreen over real parts.

Run: `.venv/bin/python -m tests.screenshots.take_screenshots [--out resources/screenshots]`

The window is built as `app.py` builds it (MainWindow, `build_counter` from the saved settings
and keyring, the sync service from `build_service`, Spanish, the theme) over the local Wompi
sandbox and relay on loopback (`LoopbackStack`), with a throwaway home and an in-memory keyring.
The script plays the cashier through the page's API and keys, and the customer through the
sandbox: typing into its checkout form (runJavaScript) or its controls (the phone paying a QR).
Every step waits for a condition (a view, a signal, a visible widget), never for luck, and the
run stops at the first unexpected error dialog. What changes between runs: the sandbox's port
and keys (so the QR's pattern), transaction ids, dates and the waiting clock.

Dialogs are separate windows and offscreen there is no window manager to compose them, so a
step's picture is the main window's `grab()` with each dialog's own `grab()` painted over its
centre, where a desktop would show it. Web content: `QWidget.grab()` of the dialog does
include QtWebEngine's page offscreen, once the page has loaded and painted: the script waits
for the card form signed for this reference in the DOM (runJavaScript), then 300 ms, and checks
that the web view's own `grab()` is not one flat colour (retrying for up to 5 s).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import sys
import tempfile
import time
from pathlib import Path

import httpx
import keyring
import qasync
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWidgets import QApplication, QGroupBox, QMessageBox, QWidget

from mestore_desktop.demo import DemoKeyring
from mestore_desktop.domain.catalogue import Product
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate
from mestore_desktop.secrets import SecretName, SecretStore
from mestore_desktop.services.catalogue import StoreCatalogue
from mestore_desktop.services.counter_setup import build_counter, email_receipt
from mestore_desktop.services.sync_setup import build_service, load_keys
from mestore_desktop.settings import Environment, Settings, SettingsFile, SmtpSecurity
from mestore_desktop.store.catalogue_repository import CatalogueRepository
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.ui.i18n import install_translator
from mestore_desktop.ui.main_window import MainWindow
from mestore_desktop.ui.pages.caja import CajaPage, CajaServices
from mestore_desktop.ui.payment.cash_dialog import CashDialog
from mestore_desktop.ui.payment.dialog import View
from mestore_desktop.ui.payment.flow import PaymentFlow
from mestore_desktop.ui.sync_status import RelayStatusPresenter, SyncBridge
from mestore_desktop.ui.theme import apply_theme
from mestore_desktop.ui.widgets.status import ConnectionState
from tests.benchmarks.bench_caja import (
    delete_now,
    prepare_headless_qt,
    run_js,
    until_checkout_form,
    wait_until,
)
from tests.sync.harness import LoopbackStack

ROOT = Path(__file__).resolve().parents[2]
WINDOW_SIZE = (1366, 768)
SETTLE_S = 0.3  # after a change: layout, paint, and QtWebEngine's compositor frame
ORDERS_SHOWN = 200


def product(sku: str, name: str, pesos: int, iva: IvaRate, barcode: str = "") -> Product:
    return Product(sku, name, Money.from_pesos(pesos), iva, barcode)


CAFE = product("CAFE-500", "Café molido 500 g", 18_000, IvaRate.REDUCED, "7701234567890")
CAMISETA_M = product("CAM-M", "Camiseta talla M", 35_000, IvaRate.GENERAL)
PANELA = product("PAN-1K", "Panela 1 kg", 6_500, IvaRate.EXEMPT, "7702345678901")
CATALOGUE = (
    CAFE,
    CAMISETA_M,
    PANELA,
    product("CAM-S", "Camiseta talla S", 35_000, IvaRate.GENERAL),
    product("CAM-L", "Camiseta talla L", 37_000, IvaRate.GENERAL),
    product("CAM-XL", "Camiseta talla XL", 39_000, IvaRate.GENERAL),
    product("CHOC-250", "Chocolate de mesa 250 g", 9_800, IvaRate.REDUCED),
    product("GORRA-1", "Gorra bordada", 28_000, IvaRate.GENERAL),
)
CUSTOMER = {
    "name": "María Fernanda Gómez",
    "email": "maria.gomez@example.com",
    "phone": "300 123 4567",
    "document_number": "52123456",
}
CARD = {
    "card_number": "4242 4242 4242 4242",
    "card_expiry": "12/30",
    "card_cvc": "123",
    "card_holder": "María Fernanda Gómez",
    "customer_email": "maria.gomez@example.com",
}


# -- pictures -------------------------------------------------------------------------------


def is_flat(image: QImage, step: int = 16) -> bool:
    """Whether `image` is one colour (a web view that has not painted yet)."""
    first = image.pixel(0, 0)
    return all(
        image.pixel(x, y) == first
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    )


def composite(window: QWidget, *dialogs: QWidget) -> QPixmap:
    """The window with each dialog painted over it, centred, as a desktop shows a dialog over
    its parent (offscreen, Qt leaves dialogs near the screen's corner)."""
    picture = window.grab()
    painter = QPainter(picture)
    for dialog in dialogs:
        frame = dialog.grab()
        at = QPoint(
            max(0, (picture.width() - frame.width()) // 2),
            max(0, (picture.height() - frame.height()) // 2),
        )
        painter.setPen(QColor("#5f6b7a"))
        painter.drawRect(at.x() - 1, at.y() - 1, frame.width() + 1, frame.height() + 1)
        painter.drawPixmap(at, frame)
    painter.end()
    return picture


class Album:
    """Saves numbered PNGs into one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.saved: list[Path] = []

    def save(self, name: str, picture: QPixmap) -> None:
        path = self.folder / f"{name}.png"
        if not picture.save(str(path), "PNG", 9):  # 9: smallest file; these are flat UI colours
            raise RuntimeError(f"could not write {path}")
        self.saved.append(path)
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}", flush=True)


# -- the app over the stack -----------------------------------------------------------------


def demo_settings(stack: LoopbackStack) -> Settings:
    return Settings(
        environment=Environment.SANDBOX,
        public_key=stack.keys.public_key,
        wompi_api_url=stack.wompi_api_url,
        checkout_url=stack.wompi_api_url.removesuffix("/v1") + "/p/",
        relay_url=stack.relay_url,
        terminal_id="T01",
        store_name="Tienda La Esquina",
        store_nit="900123456-8",
        smtp_host="smtp.example.com",
        smtp_port=587,
        smtp_security=SmtpSecurity.STARTTLS,
        smtp_username="ventas@example.com",
        smtp_from="ventas@example.com",
    )


def keep_keys_in_memory(stack: LoopbackStack) -> None:
    """As demo mode: the test keys live in a keyring that dies with the process."""
    keyring.set_keyring(DemoKeyring())
    secrets = SecretStore(Environment.SANDBOX)
    secrets.set(SecretName.WOMPI_PRIVATE_KEY, stack.keys.private_key)
    secrets.set(SecretName.EVENTS_SECRET, stack.keys.events_secret)
    secrets.set(SecretName.INTEGRITY_SECRET, stack.keys.integrity_secret)
    secrets.set(SecretName.RELAY_TOKEN, stack.token)
    secrets.set(SecretName.SMTP_PASSWORD, "contraseña-de-ejemplo")


class Shop:
    """The main window as app.py wires it, the sync running; `close()` when done."""

    def __init__(self, stack: LoopbackStack, home: Path) -> None:
        self.stack = stack
        settings_file = SettingsFile(home)
        settings_file.save(demo_settings(stack))
        keep_keys_in_memory(stack)
        stack.database.write(lambda s: CatalogueRepository(s).upsert_many(list(CATALOGUE)))
        settings = settings_file.load()
        self.db = DbExecutor(stack.database)
        self.http = httpx.AsyncClient(timeout=httpx.Timeout(10.0, connect=5.0))
        db, http = self.db, self.http
        self.window = MainWindow(
            settings=settings,
            settings_file=settings_file,
            secrets=SecretStore(settings.environment),
            secrets_factory=SecretStore,
            load_orders=lambda: db.read(
                lambda s: OrderRepository(s).list_orders(limit=ORDERS_SHOWN)
            ),
            caja=CajaServices(
                counter=lambda: build_counter(settings_file.load(), db, http),
                settings=settings_file.load,
                catalogue=StoreCatalogue(db),
                send_mail=lambda r, pdf, to: email_receipt(settings_file.load(), r, pdf, to),
            ),
        )
        self.sync_task = self._start_sync(settings)
        self.window.resize(*WINDOW_SIZE)
        self.window.show()

    def _start_sync(self, settings: Settings) -> asyncio.Task[None]:
        service = build_service(load_keys(settings), self.db, self.http)
        bridge = SyncBridge(service, self.window)
        presenter = RelayStatusPresenter(self.window.status, parent=self.window)
        bridge.orders_changed.connect(self.window.orders_page.on_orders_changed)
        # app.py does not make this connection (see the report of issue 5); without it the
        # counter hears of a relay event only through its own slower polls.
        bridge.orders_changed.connect(self.window.caja_page.on_orders_changed)
        bridge.status_changed.connect(presenter.show_status)
        return asyncio.ensure_future(service.run())

    @property
    def caja(self) -> CajaPage:
        return self.window.caja_page

    @property
    def flow(self) -> PaymentFlow:
        flow = self.caja.flow
        if flow is None:
            raise RuntimeError("no payment in play")
        return flow

    async def close(self) -> None:
        if self.caja.flow is not None:
            self.caja.flow.dialog.finish()
        self.sync_task.cancel()
        await asyncio.gather(self.sync_task, return_exceptions=True)
        await self.http.aclose()
        self.db.shutdown()
        delete_now(self.caja.display)  # a window of its own, parented to the page
        delete_now(self.window)


# -- the steps ----------------------------------------------------------------------------


async def settle() -> None:
    await asyncio.sleep(SETTLE_S)


def refuse_error_dialogs(shop: Shop, *expected: QWidget) -> None:
    """Stop at an error dialog nobody asked for: a picture of it would document a bug."""
    for box in shop.window.findChildren(QMessageBox):
        if box.isVisible() and box not in expected:
            raise RuntimeError(f"unexpected dialog: {box.windowTitle()}: {box.text()}")


class Steps:
    """One method per picture group, in the order a shift at the counter would go."""

    def __init__(self, shop: Shop, album: Album) -> None:
        self.shop, self.album = shop, album
        self.window = shop.window
        self.ring_up = shop.caja.ring_up

    def shoot(self, name: str, *dialogs: QWidget) -> None:
        refuse_error_dialogs(self.shop, *dialogs)
        self.album.save(name, composite(self.window, *dialogs))

    async def empty_counter(self) -> None:
        await wait_until(self.window.isVisible, "the window")
        # The sync's first status, so every run shows the same one (until its first long-poll
        # returns, the relay reads "con demoras · Conectando con el relay…").
        relay = self.window.status.relay
        await wait_until(lambda: relay.state is not ConnectionState.UNVERIFIED, "the relay state")
        await settle()
        self.shoot("01-caja-vacia")

    async def cart_with_search(self) -> None:
        for item in (CAFE, CAFE, CAMISETA_M, PANELA):  # the scanner: coffee twice
            self.ring_up.add_product(item)
        QTest.keyClicks(self.ring_up.search.field, "camis")
        await wait_until(self.ring_up.search.results_visible, "the search results")
        await settle()
        self.shoot("02-carrito-y-busqueda")
        self.ring_up.search.reset()

    async def customer_panel(self) -> None:
        panel = self.ring_up.customer
        panel.toggle.click()
        panel.name.setText(CUSTOMER["name"])
        panel.email.setText(CUSTOMER["email"])
        panel.phone.setText(CUSTOMER["phone"])
        panel.document_type.setCurrentIndex(panel.document_type.findData("CC"))
        panel.document_number.setText(CUSTOMER["document_number"])
        await settle()
        self.shoot("03-datos-del-cliente")

    async def card_paid_here(self) -> None:
        """04 the embedded checkout, 06 waiting after the customer paid, 07 approved."""
        self.shop.caja.charge("wompi_here")
        flow = self.shop.flow
        await wait_until(lambda: bool(flow.reference), "the attempt")
        page = flow.dialog.checkout.view.page()
        await until_checkout_form(page, flow.reference)
        await self._until_painted(flow)
        self.shoot("04-cobro-checkout-wompi", flow.dialog)
        await self._customer_pays_by_card(page)
        await wait_until(lambda: flow.dialog.current_view() is View.WAITING, "the waiting view")
        # A second on the clock, so the picture shows it running.
        elapsed = flow.dialog.waiting.elapsed
        await wait_until(lambda: not elapsed.text().endswith(" 0:00"), "the clock to tick")
        self.shoot("06-esperando-confirmacion", flow.dialog)
        (transaction,) = self.shop.stack.sandbox.transactions_by_reference(flow.reference)
        self.shop.stack.sandbox.approve(transaction["id"])
        await self._until_outcome(flow, "approved")
        self.shoot("07-pago-aprobado", flow.dialog)
        flow.dialog.result.new_sale_button.click()
        await wait_until(lambda: self.shop.caja.flow is None, "a new sale")

    async def _until_painted(self, flow: PaymentFlow) -> None:
        view = flow.dialog.checkout.view
        deadline = time.monotonic() + 5
        await settle()
        while is_flat(view.grab().toImage()):
            if time.monotonic() > deadline:
                raise TimeoutError("the web view stayed blank in grab()")
            await asyncio.sleep(0.1)

    async def _customer_pays_by_card(self, page: QWebEnginePage) -> None:
        script = f"""(() => {{
            const form = document.getElementById('card-form');
            for (const [name, value] of Object.entries({json.dumps(CARD)})) {{
                form.elements[name].value = value;
            }}
            form.querySelector('button[type="submit"]').click();
            return true;
        }})()"""
        if await run_js(page, script) is not True:
            raise RuntimeError("could not fill the checkout's card form")

    async def _until_outcome(self, flow: PaymentFlow, status: str) -> None:
        result = flow.dialog.result
        await wait_until(
            lambda: result.isVisible() and result.property("status") == status, f"{status}"
        )
        await settle()

    async def qr_declined_then_cash(self) -> None:
        """05 the QR, 10 the customer display, 08 declined, 09 cash with change."""
        caja = self.shop.caja
        for item in (CAMISETA_M, PANELA):
            self.ring_up.add_product(item)
        caja.toggle_display()
        caja.charge("wompi_qr")
        flow = self.shop.flow
        await wait_until(lambda: flow.dialog.current_view() is View.QR, "the QR view")
        await settle()
        self.shoot("05-qr-al-celular", flow.dialog)
        self.album.save("10-pantalla-del-cliente-qr", caja.display.grab())
        self._phone_pays(flow.reference, "decline")
        await self._until_outcome(flow, "declined")
        self.shoot("08-pago-rechazado", flow.dialog)
        caja.display.hide()
        flow.dialog.result.other_button.click()
        await wait_until(lambda: caja.flow is None, "the dialog to close")
        await self._cash_with_change()

    def _phone_pays(self, reference: str, outcome: str) -> None:
        stack = self.shop.stack
        attempt = stack.database.read(lambda s: OrderRepository(s).get_attempt(reference))
        tx_id = stack.add_transaction(attempt.reference, attempt.amount)
        getattr(stack.sandbox, outcome)(tx_id)

    async def _cash_with_change(self) -> None:
        caja = self.shop.caja
        caja.charge("cash")
        await wait_until(lambda: caja.findChild(CashDialog, "CashDialog") is not None, "cash")
        cash = caja.findChild(CashDialog, "CashDialog")
        await wait_until(cash.isVisible, "the cash dialog")
        QTest.keyClicks(cash.received_field, "50.000")
        await settle()
        self.shoot("09-efectivo-con-cambio", cash)
        QTest.keyClick(cash.received_field, Qt.Key.Key_Return)
        flow = self.shop.flow
        await self._until_outcome(flow, "approved")
        flow.dialog.result.new_sale_button.click()
        await wait_until(lambda: caja.flow is None, "a new sale")

    async def late_approval(self) -> None:
        """11: the cashier cancelled a QR payment, then the phone paid anyway."""
        caja = self.shop.caja
        self.ring_up.add_product(CAFE)
        caja.charge("wompi_qr")
        flow = self.shop.flow
        await wait_until(lambda: flow.dialog.current_view() is View.QR, "the QR view")
        reference = flow.reference
        flow.dialog.cancel_requested.emit()
        confirm = await self._confirm_cancel(flow)
        confirm.button(QMessageBox.StandardButton.Yes).click()
        await wait_until(lambda: caja.flow is None, "the dialog to close")
        self._phone_pays(reference, "approve")
        await wait_until(caja.alert.isVisible, "the late-approval alert")
        await settle()
        self.shoot("11-aprobado-despues-de-cancelar", caja.alert)
        caja.alert.button(QMessageBox.StandardButton.Ok).click()
        await wait_until(lambda: not caja.alert.isVisible(), "the alert to close")

    async def _confirm_cancel(self, flow: PaymentFlow) -> QMessageBox:
        def box() -> QMessageBox | None:
            return flow.dialog.findChild(QMessageBox, "ConfirmCancelPayment")

        await wait_until(lambda: box() is not None and box().isVisible(), "the confirmation")
        found = box()
        assert found is not None
        return found

    async def orders(self) -> None:
        self.window.show_page(1)
        page = self.window.orders_page
        await wait_until(lambda: page.model.rowCount() >= 3, "the orders")
        await settle()
        self.shoot("12-pedidos")

    async def mail_settings(self) -> None:
        self.window.show_page(4)
        page = self.window.settings_page
        await settle()
        # The page ends just below the mail section, so it cannot scroll to the top: start at
        # the section before it (Idioma) for a clean upper edge.
        boxes = sorted(
            (b.mapTo(page.widget(), QPoint(0, 0)).y(), b.title())
            for b in page.form.findChildren(QGroupBox)
        )
        titles = [title for _y, title in boxes]
        above = boxes[max(titles.index("Correo (SMTP)") - 1, 0)][0]
        page.verticalScrollBar().setValue(above - 8)
        await settle()
        self.shoot("13-ajustes-correo")


async def take_all(stack: LoopbackStack, home: Path, album: Album) -> None:
    shop = Shop(stack, home)  # on the running loop: the sync task must be one of its tasks
    steps = Steps(shop, album)
    try:
        await steps.empty_counter()
        await steps.cart_with_search()
        await steps.customer_panel()
        await steps.card_paid_here()
        await steps.qr_declined_then_cash()
        await steps.late_approval()
        await steps.orders()
        await steps.mail_settings()
    finally:
        await shop.close()


def take_screenshots(out: Path) -> list[Path]:
    prepare_headless_qt()
    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)
    apply_theme(app)
    translator = install_translator("es")  # Spanish is the source language: nothing to load
    album = Album(out)
    gc.disable()  # collect only on the GUI thread, as app.py does (server threads run Python)
    with tempfile.TemporaryDirectory() as tmp, LoopbackStack(Path(tmp)) as stack:
        home = Path(tmp) / "home"
        home.mkdir()
        loop = qasync.QEventLoop(app)
        with loop:
            loop.run_until_complete(take_all(stack, home, album))
    gc.enable()
    del translator
    return album.saved


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    args = parser.parse_args()
    started = time.monotonic()
    saved = take_screenshots(args.out.resolve())
    print(f"{len(saved)} screenshots in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
