"""The sandbox checkout in a real QWebEngineView (offscreen), as the POS's "Pagar aquí" shows it.

A real uvicorn sandbox on loopback serves a URL signed by the POS's own builder; the test types
into the page with runJavaScript and clicks like a payer. The page's redirect to the merchant's
`redirect-url` is caught in acceptNavigationRequest (it points at a closed loopback port, so
nothing must load there), and the transaction named by its `id` is then read from the sandbox.
"""

from __future__ import annotations

import json
import socket
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QEvent, QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication

from mestore_desktop.sandbox.config import SandboxConfig, generate_keys
from mestore_desktop.sandbox.server import SandboxServer
from mestore_desktop.wompi.checkout import CheckoutRequest, CustomerData, build_checkout_url

pytestmark = pytest.mark.gui

TIMEOUT_MS = 10_000


def closed_loopback_port() -> int:
    """A loopback port nobody listens on: the merchant's return page that must never load."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


RETURN_URL = f"http://127.0.0.1:{closed_loopback_port()}/return"


class ReturnCatchingPage(QWebEnginePage):
    """Stops (and records) any main-frame navigation to the merchant's return URL."""

    def __init__(self, profile: QWebEngineProfile, return_prefix: str) -> None:
        super().__init__(profile)
        self.return_prefix = return_prefix
        self.returned: list[str] = []

    def acceptNavigationRequest(
        self, url: QUrl, navigation_type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        if is_main_frame and url.toString().startswith(self.return_prefix):
            self.returned.append(url.toString())
            return False
        return super().acceptNavigationRequest(url, navigation_type, is_main_frame)


class Browser:
    """A view over a ReturnCatchingPage in an off-the-record profile, driven by a qtbot."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.profile = QWebEngineProfile()  # no storage name: off the record
        self.page = ReturnCatchingPage(self.profile, RETURN_URL)
        self.view = QWebEngineView()
        self.view.setPage(self.page)
        self.view.resize(900, 1100)

    def open(self, url: str) -> None:
        with self.qtbot.waitSignal(self.view.loadFinished, timeout=TIMEOUT_MS) as loaded:
            self.view.load(QUrl(url))
        assert loaded.args == [True], url

    def run(self, script: str) -> Any:
        with self.qtbot.waitCallback(timeout=TIMEOUT_MS) as callback:
            self.page.runJavaScript(script, 0, callback)
        return callback.args[0]

    def fill_and_click(self, form_id: str, values: dict[str, str], button: str = "") -> None:
        """Type `values` into form `form_id` and click its (or the named) submit button."""
        script = f"""(() => {{
            const form = document.getElementById({json.dumps(form_id)});
            const values = {json.dumps(values)};
            for (const [name, value] of Object.entries(values)) {{
                form.elements[name].value = value;
            }}
            const selector = {json.dumps(button or 'button[type="submit"]')};
            form.querySelector(selector).click();
            return true;
        }})()"""
        assert self.run(script) is True

    def returned_transaction_id(self) -> str:
        """Wait for the return navigation; check `env=test` and give its `id`."""
        self.qtbot.waitUntil(lambda: bool(self.page.returned), timeout=TIMEOUT_MS)
        assert len(self.page.returned) == 1
        query = parse_qs(urlsplit(self.page.returned[0]).query)
        assert query["env"] == ["test"]
        return query["id"][0]

    def close(self) -> None:
        # The page must be gone before its profile is released (else Qt warns "Release of
        # profile requested but WebEnginePage still not deleted"). processEvents() does not run
        # deferred deletions, so they are sent explicitly, page and view first.
        self.view.close()
        self.page.deleteLater()
        self.view.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.profile.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    config = SandboxConfig(keys=generate_keys(), finalize_delay_s=0.05)
    with SandboxServer(config) as running:
        yield running


@pytest.fixture
def browser(qtbot: Any) -> Iterator[Browser]:
    browser = Browser(qtbot)
    yield browser
    browser.close()


def signed_checkout_url(server: SandboxServer, reference: str) -> str:
    request = CheckoutRequest(
        reference=reference,
        amount_in_cents=2500000,
        redirect_url=RETURN_URL,
        customer=CustomerData(email="cliente@example.com", full_name="Cliente Ejemplo"),
    )
    keys = server.config.keys
    return build_checkout_url(
        server.config.checkout_url, keys.public_key, keys.integrity_secret, request
    )


def final_transaction(qtbot: Any, server: SandboxServer, tx_id: str) -> dict[str, Any]:
    """The transaction once the sandbox has finalized it."""
    qtbot.waitUntil(
        lambda: server.sandbox.get_transaction(tx_id)["status"] != "PENDING", timeout=TIMEOUT_MS
    )
    tx = server.sandbox.get_transaction(tx_id)
    assert tx is not None
    return tx


@pytest.mark.parametrize(
    ("number", "status"),
    [
        ("4242 4242 4242 4242", "APPROVED"),
        ("4111 1111 1111 1111", "DECLINED"),
        ("5555 5555 5555 4444", "ERROR"),
    ],
)
def test_card_checkout_ends_on_the_redirect_url(
    qtbot, server: SandboxServer, browser: Browser, number: str, status: str
) -> None:
    reference = f"POS-WEB-{uuid.uuid4().hex[:10]}"
    browser.open(signed_checkout_url(server, reference))
    assert browser.run("document.getElementById('amount').textContent") == "$ 25.000"
    assert browser.run("document.documentElement.lang") == "es-CO"
    card = {"card_number": number, "card_expiry": "12/30", "card_cvc": "123"}
    browser.fill_and_click("card-form", card)  # holder and e-mail come pre-filled
    tx = final_transaction(qtbot, server, browser.returned_transaction_id())
    assert tx["reference"] == reference
    assert tx["amount_in_cents"] == 2500000
    assert tx["status"] == status
    assert [t["id"] for t in server.sandbox.transactions_by_reference(reference)] == [tx["id"]]


def test_pse_checkout_goes_through_the_bank_page(
    qtbot, server: SandboxServer, browser: Browser
) -> None:
    reference = f"POS-WEB-{uuid.uuid4().hex[:10]}"
    browser.open(signed_checkout_url(server, reference))
    pse = {"pse_bank": "1", "pse_legal_id": "1099888777", "phone_number": "3001112233"}
    with qtbot.waitSignal(browser.view.loadFinished, timeout=TIMEOUT_MS):
        browser.fill_and_click("pse-form", pse)
    assert browser.view.url().path().startswith("/_sandbox/pse/")
    assert browser.run("document.getElementById('bank-name').textContent") == "Banco que aprueba"
    browser.fill_and_click("bank-form", {}, button='button[value="APPROVED"]')
    tx_id = browser.returned_transaction_id()
    tx = server.sandbox.get_transaction(tx_id)
    assert tx["status"] == "APPROVED"
    assert tx["reference"] == reference
    assert tx["payment_method_type"] == "PSE"
