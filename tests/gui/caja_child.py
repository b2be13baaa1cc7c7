"""A counter process that starts a QR payment and then waits — to be SIGKILLed by a test.

Reads one JSON line on stdin (database path, sandbox URLs, test keys: never argv), rings up a
product, charges it by QR and prints `WAITING <reference>` once the attempt is on screen (and
so committed). Then it just runs until killed.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

import httpx
import PySide6.QtWebEngineWidgets  # noqa: F401  (before the QApplication)
import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from mestore_desktop.sandbox.config import SandboxKeys
from mestore_desktop.services.catalogue import StoreCatalogue
from mestore_desktop.store.db import Database
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.ui.pages.caja import CajaPage, CajaServices
from tests.gui.caja_harness import CAFE, SETTINGS, counter_setup


def main() -> None:
    config = json.loads(sys.stdin.readline())
    app = QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    executor = DbExecutor(Database.open(Path(config["database"])))
    http = httpx.AsyncClient(timeout=10)
    keys = SandboxKeys(**config["keys"])
    urls = (config["checkout_url"], config["api_url"])
    page = CajaPage(
        CajaServices(
            counter=lambda: counter_setup(urls, keys, executor, http),
            settings=lambda: SETTINGS,
            catalogue=StoreCatalogue(executor),
        )
    )
    page.show()
    page.ring_up.add_product(CAFE)
    page.charge("wompi_qr")

    def report_when_waiting() -> None:
        flow = page.flow
        if flow is not None and flow.reference and flow.dialog.isVisible():
            print("WAITING", flow.reference, flush=True)
            return
        QTimer.singleShot(20, report_when_waiting)

    report_when_waiting()
    with loop:
        loop.run_forever()


if __name__ == "__main__":
    main()
