"""Composition root: the only module that builds the concrete objects and wires them together.

Order matters: home, then logging (so everything after is logged), settings, secrets, the Qt
application and its look, the translation, the qasync loop, and finally the main window. Nothing
imports this module; everything else receives what it needs through constructor arguments.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import qasync
from PySide6.QtCore import QCoreApplication, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from mestore_desktop import __version__
from mestore_desktop.demo import DemoEnvironment, DemoError, start_demo
from mestore_desktop.logs import setup_logging
from mestore_desktop.paths import HomeError, database_path, resolve_home, settings_path
from mestore_desktop.secrets import SecretName, SecretStore
from mestore_desktop.services.back_office import BackOffice, build_back_office
from mestore_desktop.services.catalogue import StoreCatalogue, import_catalogue
from mestore_desktop.services.connection import (
    ConnectionCheck,
    ConnectionInputs,
    check_wompi_connection,
    secret_prefix,
)
from mestore_desktop.services.counter_setup import build_counter, email_link, email_receipt
from mestore_desktop.services.link_guard import DoublePaymentGuard
from mestore_desktop.services.links import LinksService, build_links
from mestore_desktop.services.sync_runner import SyncRunner, service_factory
from mestore_desktop.settings import Settings, SettingsError, SettingsFile
from mestore_desktop.store.db import Database
from mestore_desktop.store.errors import StoreError
from mestore_desktop.store.executor import DbExecutor
from mestore_desktop.ui.errors import install_global_handlers
from mestore_desktop.ui.i18n import (
    SUPPORTED_LANGUAGES,
    apply_web_engine_language,
    choose_language,
    install_translators,
    remove_translators,
)
from mestore_desktop.ui.links.tools import LinkTools
from mestore_desktop.ui.main_window import MainWindow
from mestore_desktop.ui.pages.caja import CajaServices
from mestore_desktop.ui.settings.connection_panel import ConnectionTester
from mestore_desktop.ui.sync_status import RelayStatusPresenter, SyncBridge
from mestore_desktop.ui.theme import apply_theme
from mestore_desktop.wompi.client import WompiClient
from mestore_desktop.wompi.resilience import RetryPolicy

log = logging.getLogger(__name__)

# Long enough for the first layout and paint, short enough for a CI smoke test.
SMOKE_DELAY_MS = 500


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line; unknown options are an error (nothing is passed on to Qt)."""
    parser = argparse.ArgumentParser(prog="mestore-desktop", description="MeStore Desktop")
    parser.add_argument("--home", metavar="DIR", help="carpeta de datos (o MESTORE_HOME)")
    parser.add_argument("--demo", action="store_true", help="modo demostración")
    parser.add_argument("--lang", choices=SUPPORTED_LANGUAGES, help="idioma de la interfaz")
    parser.add_argument(
        "--smoke",
        nargs="?",
        const="",
        metavar="PNG",
        help="abrir la ventana, opcionalmente guardar una captura en PNG, y salir",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="probar la instalación: una venta de demostración sin pantalla, y salir",
    )
    parser.add_argument("--version", action="version", version=__version__)
    return parser.parse_args(argv)


class StartupError(Exception):
    """Why MeStore cannot start, in words for the person in front of it."""


@dataclass
class Backend:
    """Everything below the UI, built before the first window exists."""

    home: Path
    settings_file: SettingsFile
    settings: Settings
    database: Database
    demo: DemoEnvironment | None = None

    def close(self) -> None:
        self.database.close()
        if self.demo is not None:
            self.demo.stop()


def main(argv: list[str] | None = None) -> int:
    """Start the desktop app; returns the process exit code."""
    args = parse_args(argv)
    if args.smoke_test:  # the bundle's self-check (README › Packaging)
        from mestore_desktop.ui import smoke_test

        smoke_test.prepare(args)  # the demo in a temporary home, offscreen
    smoke = args.smoke is not None or args.smoke_test
    try:
        backend = open_backend(args)
    except StartupError as exc:
        return _refuse_to_start(str(exc), args.lang, smoke=smoke)
    problem = _display_problem()
    if problem:
        backend.close()
        return _refuse_to_start(problem, args.lang, smoke=True)
    try:
        code = _run_ui(args, backend)
    finally:
        backend.close()
    log.info("MeStore Desktop closed")
    return code


def open_backend(args: argparse.Namespace) -> Backend:
    try:
        home = resolve_home(args.home)
    except HomeError as exc:
        raise StartupError(str(exc)) from exc
    setup_logging(home)
    log.info("MeStore Desktop %s starting; home=%s demo=%s", __version__, home, args.demo)
    demo = _start_demo(home) if args.demo else None
    if demo is not None:
        home = demo.home
    settings_file = SettingsFile(home)
    try:
        settings = settings_file.load()
        database = Database.open(database_path(home))  # applies pending migrations
    except SettingsError as exc:
        hint = QCoreApplication.translate(
            "app", "Corrige o borra el archivo {path} y vuelve a abrir MeStore."
        ).format(path=settings_path(home))
        raise StartupError(f"{exc}\n\n{hint}") from exc
    except StoreError as exc:
        raise StartupError(str(exc)) from exc
    return Backend(home, settings_file, settings, database, demo)


def _start_demo(home: Path) -> DemoEnvironment:
    try:
        return start_demo(home)
    except DemoError as exc:  # says what to do (a folder in use, a damaged state file)
        log.exception("demo failed to start")
        raise StartupError(str(exc)) from exc
    except (OSError, RuntimeError) as exc:
        log.exception("demo sandbox failed to start")
        raise StartupError(
            QCoreApplication.translate("app", "No se pudo iniciar el sandbox local de Wompi.")
        ) from exc


@dataclass
class DesktopOptions:
    """Seams for whoever builds the desktop other than `main` (the journey tests)."""

    # Route uncaught exceptions to an error dialog (the app) or leave them to the caller.
    install_error_handlers: bool = True
    # Receipts are printed on what this returns; None: the system's default printer.
    printer_factory: Callable[[], Any] | None = None


@dataclass
class Desktop:
    """The running desktop: what `build_desktop` made, and how to take it down again."""

    window: MainWindow
    db: DbExecutor
    http: httpx.AsyncClient
    sync: SyncRunner
    translators: list[QTranslator]
    guard: DoublePaymentGuard

    async def aclose(self) -> None:
        """Stop the sync (it saves its cursor) and close the network; the window stays."""
        await self.sync.stop()
        await self.guard.aclose()
        await self.http.aclose()
        remove_translators(self.translators)


def _run_ui(args: argparse.Namespace, backend: Backend) -> int:
    _prepare_web_engine()
    # Chromium reads its UI language (form messages) once, before the QApplication exists.
    apply_web_engine_language(choose_language(args.lang, backend.settings.language))
    app = _application()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    desktop = build_desktop(args, backend, loop)
    desktop.window.show()
    checker = None
    if args.smoke_test:  # one demo sale driven by keys (ui/smoke_test.py), then the window closes
        from mestore_desktop.ui.smoke_test import SmokeTest

        checker = SmokeTest.start(args, desktop.window, loop)
    if args.smoke is not None:
        QTimer.singleShot(SMOKE_DELAY_MS, lambda: _end_smoke(desktop.window, args.smoke))
    _run(app, loop, desktop)
    desktop.db.shutdown()
    return checker.exit_code if checker is not None else 0


def build_desktop(
    args: argparse.Namespace,
    backend: Backend,
    loop: asyncio.AbstractEventLoop,
    options: DesktopOptions | None = None,
) -> Desktop:
    """Build the main window and everything it uses over `backend`, on the running Qt app and
    its qasync `loop`, and start the payment sync. Nothing is shown yet."""
    options = options or DesktopOptions()
    apply_theme(QApplication.instance())  # whoever made the QApplication, the look is ours
    db = DbExecutor(backend.database)
    translators = install_translators(choose_language(args.lang, backend.settings.language))
    http = _http_client()
    sync = SyncRunner(backend.settings_file.load, service_factory(db, http))
    back_office = build_back_office(backend.settings_file, db, http)
    links = build_links(backend.settings_file, db, http)
    link_tools = _link_tools(backend.settings_file, links)
    window = MainWindow(
        settings=backend.settings,
        settings_file=backend.settings_file,
        secrets=SecretStore(backend.settings.environment),
        secrets_factory=SecretStore,
        connection_tester=_connection_tester(http),
        back_office=back_office,
        links=link_tools,
        caja=_caja_services(backend.settings_file, db, http, options, link_tools),
        demo=args.demo,
    )
    if options.install_error_handlers:
        install_global_handlers(window, loop)
    _collect_garbage_on_the_gui_thread(window)  # parented to the window: lives as long
    _wire_sync(window, sync)
    # A void or a "Consultar en Wompi" in Pedidos reaches the counter as the sync's news do.
    back_office.orders.on_orders_changed.append(window.on_orders_changed)
    _wire_links(window, sync, back_office, links)
    sync.start()
    loop.create_task(links.guard.start())  # re-checks paid orders that still have live links
    return Desktop(window, db, http, sync, translators, links.guard)


def _caja_services(
    settings_file: SettingsFile,
    db: DbExecutor,
    http: httpx.AsyncClient,
    options: DesktopOptions,
    links: LinkTools,
) -> CajaServices:
    """The counter's services; its payment service is rebuilt from the saved settings and keys
    whenever Ajustes changes them."""
    return CajaServices(
        counter=lambda: build_counter(settings_file.load(), db, http),
        settings=settings_file.load,
        catalogue=StoreCatalogue(db),
        send_mail=lambda receipt, pdf, to: email_receipt(settings_file.load(), receipt, pdf, to),
        import_catalogue=lambda data: import_catalogue(db, data),
        printer_factory=options.printer_factory,
        links=links,
    )


def _link_tools(settings_file: SettingsFile, links: LinksService) -> LinkTools:
    """What the links page, the counter's *Link de pago* and Pedidos share: the service, the
    store's name for the WhatsApp text and the mailer."""
    return LinkTools(
        links,
        store_name=lambda: settings_file.load().store_name,
        send_mail=lambda to, subject, body, png: email_link(
            settings_file.load(), to, subject, body, png
        ),
    )


def _wire_links(
    window: MainWindow, sync: SyncRunner, back_office: BackOffice, links: LinksService
) -> None:
    """Whoever sees an order paid (the sync, the counter, Pedidos) tells the double-payment
    guard, which switches that order's other links off at Wompi; a sale saved for a link
    reaches the pages as any change does."""
    guard = links.guard.orders_changed
    sync.on_orders_changed.append(guard)
    back_office.orders.on_orders_changed.append(guard)
    window.caja_page.orders_changed.connect(guard)
    links.on_orders_changed.append(window.on_orders_changed)
    links.on_links_changed.append(window.links_page.on_links_changed)  # e.g. the guard's


GC_INTERVAL_MS = 10_000


def _collect_garbage_on_the_gui_thread(parent: MainWindow) -> QTimer:
    """Cyclic garbage is collected only here, on the GUI thread (as Anki does).

    The demo's sandbox and relay run Python in server threads; an automatic collection there
    could delete a Qt object off its thread, which Qt does not survive. Reference counting
    still frees almost everything at once; only cycles wait for this timer.
    """
    gc.disable()
    timer = QTimer(parent)
    timer.timeout.connect(gc.collect)
    timer.start(GC_INTERVAL_MS)
    return timer


def _display_problem() -> str | None:
    """On Linux with no screen Qt aborts the whole process; say so in plain words instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "No hay una pantalla disponible (ni DISPLAY ni WAYLAND_DISPLAY). Abre MeStore desde "
        "el escritorio, o usa 'xvfb-run' o QT_QPA_PLATFORM=offscreen para pruebas."
    )


def _prepare_web_engine() -> None:
    """Chromium refuses to run as root with its sandbox on; kiosks and CI often run as root."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
        log.warning("running as root: the web view's sandbox is disabled")


def _application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)  # noqa: S101  a QCoreApplication here is a wiring bug
    app.setApplicationName("MeStore Desktop")
    app.setOrganizationName("MeStore")
    app.setApplicationVersion(__version__)
    return app


def _run(app: QApplication, loop: qasync.QEventLoop, desktop: Desktop) -> None:
    """Run the Qt + asyncio loop until the main window closes, then stop the sync and the
    network while the loop still runs, and only then quit.

    Quitting first and closing afterwards (qasync's plain pattern) lost a race: once its loop
    has stopped, qasync processes Qt's events one last time, and a sync task stepped then failed
    with "no running event loop" (a loaded smoke run exited 1).
    """
    app.setQuitOnLastWindowClosed(False)
    closing = asyncio.Event()
    desktop.window.closed.connect(closing.set)
    app.aboutToQuit.connect(closing.set)  # quit from elsewhere (the session ends)
    with loop:
        serving = loop.create_task(_serve_until_closed(closing, desktop))
        try:
            loop.run_until_complete(serving)
        except RuntimeError:  # Qt quit before the services had stopped: let them finish
            loop.run_until_complete(serving)


async def _serve_until_closed(closing: asyncio.Event, desktop: Desktop) -> None:
    await closing.wait()
    await desktop.aclose()


def _wire_sync(window: MainWindow, sync: SyncRunner) -> None:
    """The sync's news reach the orders page, the counter and the status bar; saving settings or
    a secret in Ajustes rebuilds the sync from what was saved (no restart needed)."""
    bridge = SyncBridge(sync, window)
    presenter = RelayStatusPresenter(window.status, parent=window)
    bridge.orders_changed.connect(window.on_orders_changed)
    bridge.status_changed.connect(presenter.show_status)
    window.settings_page.settings_saved.connect(lambda _settings: sync.restart())
    window.settings_page.secrets_changed.connect(sync.restart)


def _http_client() -> httpx.AsyncClient:
    """One HTTP client for the whole app: shared connections, explicit timeouts."""
    return httpx.AsyncClient(
        timeout=httpx.Timeout(10.0, connect=5.0),
        headers={"User-Agent": f"MeStoreDesktop/{__version__}"},
    )


def _connection_tester(http: httpx.AsyncClient) -> ConnectionTester:
    """*Probar conexión* for the saved settings; secrets are read only to build the client."""

    async def test(settings: Settings) -> list[ConnectionCheck]:
        secrets = SecretStore(settings.environment)
        private = secrets.get(SecretName.WOMPI_PRIVATE_KEY)
        events = secrets.get(SecretName.EVENTS_SECRET)
        integrity = secrets.get(SecretName.INTEGRITY_SECRET)
        inputs = ConnectionInputs(
            environment=str(settings.environment),
            public_key=settings.public_key,
            has_private_key=private is not None,
            events_secret_prefix=secret_prefix(events.reveal() if events else None),
            integrity_secret_prefix=secret_prefix(integrity.reveal() if integrity else None),
        )
        client = WompiClient(
            http,
            api_base_url=settings.effective_api_url,
            public_key=settings.public_key or "pub_test_unset",
            private_key=private.reveal() if private else None,
            # Staff are waiting for the answer: one quick try, no backoff.
            retry=RetryPolicy.no_retries(),
            timeout=5.0,
        )
        return await check_wompi_connection(client, inputs)

    return test


def _end_smoke(window: MainWindow, screenshot: str) -> None:
    if screenshot:
        window.grab().save(str(Path(screenshot)))
    window.close()  # as a person ends the app: the services stop, then it quits


def _refuse_to_start(message: str, language: str | None, *, smoke: bool) -> int:
    """Explain why MeStore cannot start, in a dialog (stderr only in smoke mode), and exit 1."""
    log.error("cannot start: %s", message)
    print(message, file=sys.stderr)  # also visible when started from a terminal
    if not smoke:
        app = _application()
        apply_theme(app)
        translators = install_translators(choose_language(language, "es"))
        QMessageBox.critical(
            None, QCoreApplication.translate("app", "MeStore no puede abrir"), message
        )
        remove_translators(translators)
        del app
    return 1
