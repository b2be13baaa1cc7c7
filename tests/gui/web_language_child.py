"""A process whose checkout web view runs in one UI language; prints what the page saw.

Chromium reads its UI locale once per process (``--lang`` in QTWEBENGINE_CHROMIUM_FLAGS, before
the web engine starts), so each language needs a process of its own. This one starts the way
the app does (``apply_web_engine_language`` before the QApplication, ``install_translators``
after it), opens a form with a required field in the real ``CheckoutWebView`` over loopback
HTTP, presses its submit button with the field empty, and prints one JSON line: the field's
``validationMessage``, whether the browser refused the submission, ``navigator.language`` and
the Accept-Language header the server received.

    python -m tests.gui.web_language_child LANG CACHE_DIR
"""

from __future__ import annotations

import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

from mestore_desktop.ui import i18n

TIMEOUT_MS = 60_000
FORM = (
    "<!doctype html><title>Checkout</title>"
    "<form action='/pagado'><input id='numero' name='numero' required>"
    "<button id='pagar'>Pagar</button></form>"
    "<script>window.refused = false;"
    "document.getElementById('numero').addEventListener('invalid', () => { refused = true; });"
    "</script>"
)
READ = """JSON.stringify({
    message: document.getElementById('numero').validationMessage,
    refused: window.refused,
    still_here: location.pathname,
    language: navigator.language,
})"""


class _Handler(BaseHTTPRequestHandler):
    accept_language: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Handler.accept_language.append(self.headers.get("Accept-Language", ""))
        body = FORM.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def main() -> None:
    language, cache_dir = sys.argv[1], Path(sys.argv[2])
    i18n.apply_web_engine_language(language)  # before the QApplication, as the app does

    import PySide6.QtWebEngineWidgets  # noqa: F401  (before the QApplication)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from mestore_desktop.services.navigation import NavigationPolicy
    from mestore_desktop.ui.payment.web_view import CheckoutWebView

    app = QApplication([])
    translators = i18n.install_translators(language, cache_dir=cache_dir)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    view = CheckoutWebView(NavigationPolicy(f"{base}/p/", f"{base}/v1", f"{base}/return"))
    view.resize(600, 400)
    view.show()
    result: dict[str, Any] = {}

    def report(text: str) -> None:
        result.update(json.loads(text), accept_language=_Handler.accept_language)
        app.quit()

    def submit_empty(ok: bool) -> None:
        if not ok:
            result["error"] = "the form page did not load"
            app.quit()
            return
        page = view.view.page()
        page.runJavaScript("document.getElementById('pagar').click()", 0)
        # A refused submission stays on the page; read once the click has been handled.
        QTimer.singleShot(500, lambda: page.runJavaScript(READ, 0, report))

    view.view.loadFinished.connect(submit_empty)
    result["translations"] = len(translators)  # and keeps them alive: Qt does not own them
    view.load_checkout(f"{base}/p/")
    QTimer.singleShot(TIMEOUT_MS, lambda: (result.setdefault("error", "timeout"), app.quit()))
    app.exec()
    print(json.dumps(result), flush=True)
    server.shutdown()
    # Skip Qt's teardown at exit: only the printed line matters to the test.
    os._exit(0)


if __name__ == "__main__":
    main()
