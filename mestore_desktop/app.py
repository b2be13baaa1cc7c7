"""Composition root: the only module that builds the concrete objects and wires them together.

Order matters, and it is chosen for a cold start (issue 13, item 8): home, then logging (so
everything after is logged), settings, the demo's servers when asked for, the Qt application
and its look, the translation, and the main window's shell (header, sidebar, status bar), shown
and painted. Only then the store (opened; migrated only when its schema is behind), the counter
(ready for a scan), and, a step at a time with the event loop running in between, the
network, the payment sync, the keyring and the other pages. So this module imports at the top
only what the first paint needs: SQLAlchemy, httpx, qasync and the services come in the steps
that use them, the demo's sandbox and relay only with --demo, Alembic only for a migration.
Nothing imports this module; everything else receives what it needs through constructor
arguments.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from mestore_desktop import __version__
from mestore_desktop.domain.text import N_, Text, joined, message_of
from mestore_desktop.logs import setup_logging
from mestore_desktop.paths import (
    HomeError,
    database_path,
    demo_home,
    resolve_home,
    settings_path,
)
from mestore_desktop.settings import Settings, SettingsError, SettingsFile
from mestore_desktop.ui.i18n import (
    SUPPORTED_LANGUAGES,
    apply_web_engine_language,
    choose_language,
    install_translators,
    remove_translators,
    render,
)
from mestore_desktop.ui.main_window import MainWindow
from mestore_desktop.ui.startup_probe import PaintWatcher, probe_requested, report
from mestore_desktop.ui.theme import apply_theme

if TYPE_CHECKING:
    import asyncio

    import httpx
    import qasync

    from mestore_desktop.demo import DemoEnvironment
    from mestore_desktop.services.back_office import BackOffice
    from mestore_desktop.services.counter_setup import CounterSetup
    from mestore_desktop.services.link_guard import DoublePaymentGuard
    from mestore_desktop.services.links import LinksService
    from mestore_desktop.services.receipt import Receipt
    from mestore_desktop.services.sync_runner import SyncRunner
    from mestore_desktop.store.db import Database
    from mestore_desktop.store.executor import DbExecutor
    from mestore_desktop.ui.links.tools import LinkTools
    from mestore_desktop.ui.pages.caja import CajaServices
    from mestore_desktop.ui.settings.connection_panel import ConnectionTester
    from mestore_desktop.ui.settings.self_test import SelfTest, SelfTestFactory

log = logging.getLogger(__name__)

# After the desktop is complete: long enough for the first layout and paint, short enough for a
# CI smoke test.
SMOKE_DELAY_MS = 500
# The first paint is waited for this long at most (a window system that never exposes the
# window must not stop the start).
FIRST_PAINT_WAIT_MS = 3000


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
    """Everything below the UI: the settings before the first window exists; the demo's
    servers (`start_demo`) and the database (`open_database`) just after its first paint."""

    home: Path
    settings_file: SettingsFile
    settings: Settings
    database: Database | None = None
    demo: DemoEnvironment | None = None
    # With --demo: the home given, whose `demo` folder is `home` (demo.py starts there).
    demo_parent: Path | None = None

    def start_demo(self) -> Settings:
        """Start the demo's sandbox and relay once (with --demo); they write the demo's
        settings, which are read again. StartupError says why not."""
        if self.demo_parent is not None and self.demo is None:
            self.demo = _start_demo(self.demo_parent)
            self.settings = _load_settings(self.settings_file, self.home)
        return self.settings

    def open_database(self) -> Database:
        """Open the store (applying pending migrations) once; StartupError says why not."""
        if self.database is None:
            from mestore_desktop.store.db import Database
            from mestore_desktop.store.errors import StoreError

            try:
                self.database = Database.open(database_path(self.home))
            except StoreError as exc:
                raise StartupError(message_of(exc)) from exc
        return self.database

    def close(self) -> None:
        if self.database is not None:
            self.database.close()
        if self.demo is not None:
            self.demo.stop()


def main(argv: list[str] | None = None) -> int:
    """Start the desktop app; returns the process exit code."""
    args = parse_args(argv)
    _skip_httpx_command_line()
    if args.smoke_test:  # the bundle's self-check (README › Packaging)
        from mestore_desktop.ui import smoke_test

        smoke_test.prepare(args)  # the demo in a temporary home, offscreen
    smoke = args.smoke is not None or args.smoke_test
    try:
        backend = prepare_backend(args)
    except StartupError as exc:
        return _refuse_to_start(message_of(exc), args.lang, smoke=smoke)
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


def _skip_httpx_command_line() -> None:
    """httpx imports its command-line tool (click, rich, pygments: most of its import time)
    whenever those are installed, and falls back to a stub when that import fails. The app
    never runs it; marking the module absent before httpx is first imported skips it."""
    if "httpx" not in sys.modules:
        sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]


def open_backend(args: argparse.Namespace) -> Backend:
    """`prepare_backend` with the demo started and the database open: everything
    `build_desktop` needs."""
    backend = prepare_backend(args)
    try:
        backend.start_demo()
        backend.open_database()
    except BaseException:
        backend.close()
        raise
    return backend


def prepare_backend(args: argparse.Namespace) -> Backend:
    """Home, logging and the settings (with --demo, the demo folder's, from its last run):
    neither the demo's servers nor the database are started."""
    try:
        home = resolve_home(args.home)
    except HomeError as exc:
        raise StartupError(message_of(exc)) from exc
    setup_logging(home)
    log.info("MeStore Desktop %s starting; home=%s demo=%s", __version__, home, args.demo)
    folder = demo_home(home) if args.demo else home
    settings_file = SettingsFile(folder)
    settings = _load_settings(settings_file, folder)
    return Backend(folder, settings_file, settings, demo_parent=home if args.demo else None)


def _load_settings(settings_file: SettingsFile, home: Path) -> Settings:
    try:
        return settings_file.load()
    except SettingsError as exc:
        hint = N_(
            "Corrige o borra el archivo {path} y vuelve a abrir MeStore.",
            path=settings_path(home),
        )
        raise StartupError(joined(message_of(exc), hint, sep="\n\n")) from exc


def _start_demo(home: Path) -> DemoEnvironment:
    from mestore_desktop.demo import DemoError, start_demo  # the sandbox and relay: demo only

    try:
        return start_demo(home)
    except DemoError as exc:  # says what to do (a folder in use, a damaged state file)
        log.exception("demo failed to start")
        raise StartupError(message_of(exc)) from exc
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
    """Paint the window first, then open the store and make the counter ready; the rest of
    the desktop is built while the event loop runs. Returns the exit code."""
    _prepare_web_engine()
    # Chromium reads its UI language (form messages) once, before the QApplication exists.
    apply_web_engine_language(choose_language(args.lang, backend.settings.language))
    app = _application()
    window, translators = build_shell(args, backend.settings)
    _show_and_wait_for_first_paint(window)
    _import_past_the_qt_import_hook(("sqlalchemy.orm", "httpx"))
    try:
        if args.demo:
            window.show_settings(backend.start_demo())  # its store's name, on a first run
        backend.open_database()
    except StartupError as exc:
        window.hide()
        remove_translators(translators)
        return _refuse_to_start(message_of(exc), args.lang, smoke=args.smoke is not None)
    import qasync  # its loop is needed from here on, not for the first paint

    loop = qasync.QEventLoop(app)
    asyncio_module().set_event_loop(loop)
    checker = None
    if args.smoke_test:  # one demo sale driven by keys (ui/smoke_test.py), then the window closes
        from mestore_desktop.ui.smoke_test import SmokeTest

        checker = SmokeTest.start(args, window, loop)
    assembly = DesktopAssembly(args, backend, loop, DesktopOptions(), window, translators)
    assembly.build_counter()
    if probe_requested():
        _report_ready_once_the_counter_is_painted(window, backend)
    assembly.build_the_rest_in_the_loop(lambda desktop: _on_desktop_complete(args, desktop))
    _run(app, loop, assembly)
    assembly.db.shutdown()
    return checker.exit_code if checker is not None else 0


def asyncio_module() -> Any:
    """asyncio, imported once the first paint is done (its import is not free either)."""
    import asyncio

    return asyncio


def build_shell(
    args: argparse.Namespace, settings: Settings
) -> tuple[MainWindow, list[QTranslator]]:
    """The look, the translation and the main window's shell: what the first paint needs."""
    apply_theme(QApplication.instance())  # whoever made the QApplication, the look is ours
    translators = install_translators(choose_language(args.lang, settings.language))
    return MainWindow(settings=settings, demo=args.demo, pages=False), translators


def _import_past_the_qt_import_hook(modules: tuple[str, ...]) -> None:
    """Import the store's and the network's libraries with Python's own `__import__`.

    PySide6 replaces `builtins.__import__` with a hook that inspects every module imported after
    it, for its `__feature__` switches (MeStore uses none): about a quarter of SQLAlchemy's
    import time, whose ~150 modules never touch Qt (nor do httpx's). PySide6 keeps the original
    as `builtins.__orig_import__`; without it (another PySide6) the imports simply run hooked.
    Only third-party packages that never import Qt go through here, never MeStore's own modules.
    """
    import builtins
    import importlib

    original = getattr(builtins, "__orig_import__", None)
    hooked = builtins.__import__
    if original is not None:
        builtins.__import__ = original
    try:
        for name in modules:
            importlib.import_module(name)
    finally:
        builtins.__import__ = hooked


def _show_and_wait_for_first_paint(window: MainWindow) -> None:
    """Show the window and run Qt's events until its first paint is on the screen."""
    waiting = QEventLoop()
    watcher = PaintWatcher(window)
    watcher.painted.connect(waiting.quit)
    if probe_requested():
        watcher.painted.connect(lambda: report("paint"))
    timeout = QTimer(waiting)
    timeout.setSingleShot(True)
    timeout.timeout.connect(waiting.quit)
    timeout.start(FIRST_PAINT_WAIT_MS)
    window.show()
    if not watcher.seen_paint:
        waiting.exec()


def _report_ready_once_the_counter_is_painted(window: MainWindow, backend: Backend) -> None:
    """The probe's "ready": the counter is on the screen, its search field enabled (a scan's
    keys go there) and the store open."""
    assert window.caja_page is not None  # noqa: S101  just built
    watcher = PaintWatcher(window.caja_page)
    watcher.painted.connect(lambda: report("ready") if counter_ready(window, backend) else None)


def counter_ready(window: MainWindow, backend: Backend) -> bool:
    """The counter takes a scan: its page is added, its search field enabled, the store open."""
    page = window.caja_page
    return (
        page is not None and backend.database is not None and page.ring_up.search.field.isEnabled()
    )


def _on_desktop_complete(args: argparse.Namespace, desktop: Desktop) -> None:
    """Every page is built and the services run: what `main` does then."""
    if probe_requested():
        report("complete")
        QTimer.singleShot(0, desktop.window.close)
    if args.smoke is not None:
        QTimer.singleShot(SMOKE_DELAY_MS, lambda: _end_smoke(desktop.window, args.smoke))


def build_desktop(
    args: argparse.Namespace,
    backend: Backend,
    loop: asyncio.AbstractEventLoop,
    options: DesktopOptions | None = None,
) -> Desktop:
    """Build the main window and everything it uses over `backend` (its database open), on the
    running Qt app and its qasync `loop`, and start the payment sync. Nothing is shown yet.

    `main` runs the same steps, but paints the shell first and lets the loop run in between."""
    window, translators = build_shell(args, backend.settings)
    assembly = DesktopAssembly(
        args, backend, loop, options or DesktopOptions(), window, translators
    )
    assembly.build_counter()
    return assembly.build_the_rest()


class DesktopAssembly:
    """Everything below the window's shell, in steps: the counter first (`build_counter`:
    what a cashier waits for), then the sync and the back office, the other pages, and Ajustes
    (it reads the keyring) last. `desktop` is set by the last step."""

    def __init__(
        self,
        args: argparse.Namespace,
        backend: Backend,
        loop: asyncio.AbstractEventLoop,
        options: DesktopOptions,
        window: MainWindow,
        translators: list[QTranslator],
    ) -> None:
        self.args, self.backend, self.loop, self.options = args, backend, loop, options
        self.window, self.translators = window, translators
        self.desktop: Desktop | None = None
        self._rest: asyncio.Task[Desktop] | None = None

    def build_counter(self) -> None:
        """The store, the HTTP client (its connections made on first use) and the Caja page."""
        self._counter()

    def build_the_rest(self) -> Desktop:
        """Every other step at once (tests: the desktop is complete when this returns)."""
        for _step in self._other_steps():
            pass
        assert self.desktop is not None  # noqa: S101  the last step made it
        return self.desktop

    def build_the_rest_in_the_loop(self, then: Callable[[Desktop], None]) -> None:
        """The other steps as a task of the loop, yielding between steps: Qt handles input (a
        scan typed meanwhile is rung up) and paints in between. `then` gets the desktop."""

        asyncio = asyncio_module()
        counter_painted = asyncio.Event()
        assert self.window.caja_page is not None  # noqa: S101  build_counter came first
        PaintWatcher(self.window.caja_page).painted.connect(counter_painted.set)

        async def build() -> Desktop:
            # The counter on the screen first: a step started before its paint delays it.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(counter_painted.wait(), FIRST_PAINT_WAIT_MS / 1000)
            try:
                for _step in self._other_steps():
                    await asyncio.sleep(0)
            except Exception:
                log.exception("the desktop could not be completed")
                raise
            assert self.desktop is not None  # noqa: S101  the last step made it
            then(self.desktop)
            return self.desktop

        self._rest = self.loop.create_task(build())

    async def aclose(self) -> None:
        """Take the desktop down; a close while it is still being built waits for the last
        step (a few moments) so that everything started is also stopped."""
        if self._rest is not None:
            await self._rest
        if self.desktop is not None:
            await self.desktop.aclose()

    def _other_steps(self) -> Iterator[str]:
        self._services()
        yield "services"
        self.window.add_orders_page(self.back_office, links=self.link_tools)
        yield "orders"
        self.window.add_links_page(self.link_tools)
        self.links.on_links_changed.append(self.window.links_page.on_links_changed)  # the guard's
        yield "links"
        self.window.add_reconciliation_page(self.back_office, self.backend.settings_file)
        yield "reconciliation"
        self._settings()
        yield "settings"

    def _counter(self) -> None:
        from mestore_desktop.store.executor import DbExecutor

        window, settings_file = self.window, self.backend.settings_file
        self.db = DbExecutor(self.backend.open_database())
        if self.options.install_error_handlers:
            from mestore_desktop.ui.errors import install_global_handlers

            install_global_handlers(window, self.loop)
        _collect_garbage_on_the_gui_thread(window)  # parented to the window: lives as long
        self.http = _http_client()
        # No links service yet (it comes with the back office, in the next step): the counter
        # offers *Link de pago* from then on.
        window.add_caja_page(_caja_services(settings_file, self.db, self.http, self.options))

    def _services(self) -> None:
        """The payment links (the counter's F7 from now on), the payment sync and the back
        office, wired to the window; the sync starts."""
        from mestore_desktop.services.back_office import build_back_office
        from mestore_desktop.services.links import build_links
        from mestore_desktop.services.sync_runner import SyncRunner, service_factory

        window, settings_file = self.window, self.backend.settings_file
        self.links = build_links(settings_file, self.db, self.http)
        self.link_tools = _link_tools(settings_file, self.links)
        assert window.caja_page is not None  # noqa: S101  the counter comes first
        window.caja_page.offer_links(self.link_tools)
        self.sync = SyncRunner(settings_file.load, service_factory(self.db, self.http))
        self.back_office = build_back_office(settings_file, self.db, self.http)
        # A void or a "Consultar en Wompi" in Pedidos reaches the counter as the sync's news do.
        self.back_office.orders.on_orders_changed.append(window.on_orders_changed)
        _wire_sync_news(window, self.sync)
        _wire_links(window, self.sync, self.back_office, self.links)
        self.sync.start()
        # Re-checks paid orders that still have live links.
        self.loop.create_task(self.links.guard.start())

    def _settings(self) -> None:
        """Ajustes (it reads the keyring), its saves rebuilding the sync; the desktop is done."""
        from mestore_desktop.secrets import SecretStore

        window, backend, sync = self.window, self.backend, self.sync
        window.add_settings_page(
            settings=backend.settings,
            settings_file=backend.settings_file,
            secrets=SecretStore(backend.settings.environment),
            secrets_factory=SecretStore,
            connection_tester=_connection_tester(self.http),
            self_test=_self_test(backend, self.db, self.http),
        )
        page = window.settings_page
        assert page is not None  # noqa: S101  just added
        # Saving settings or a secret in Ajustes rebuilds the sync from what was saved.
        page.settings_saved.connect(lambda _settings: sync.restart())
        page.secrets_changed.connect(sync.restart)
        if not self.args.demo:
            _open_first_run_if_needed(window)
        self.desktop = Desktop(window, self.db, self.http, sync, self.translators, self.links.guard)


def _self_test(backend: Backend, db: DbExecutor, http: httpx.AsyncClient) -> SelfTestFactory:
    """*Verificar instalación*: a Doctor over the settings and keys saved when it is asked for
    (the first-run assistant saves them a step at a time), on the app's own database and HTTP."""

    def doctor() -> SelfTest:
        from mestore_desktop.services.doctor import build_doctor  # only when someone verifies

        settings = backend.settings_file.load()
        return build_doctor(settings, home=backend.home, http=http, database=db)

    return doctor


def _open_first_run_if_needed(window: MainWindow) -> None:
    """A start without Wompi keys (never the demo) opens Ajustes as the first-run assistant
    (issue 13, item 3); once a key is saved, starts go to the counter again."""
    page = window.settings_page
    if page is not None and page.first_run_needed():
        window.show_page(window.pages.indexOf(page))
        page.open_assistant()


def _caja_services(
    settings_file: SettingsFile,
    db: DbExecutor,
    http: httpx.AsyncClient,
    options: DesktopOptions,
) -> CajaServices:
    """The counter's services; its payment service is rebuilt from the saved settings and keys
    whenever Ajustes changes them."""
    from mestore_desktop.services.catalogue import StoreCatalogue, import_catalogue
    from mestore_desktop.ui.pages.caja import CajaServices

    # The payment service and the mailer are imported on first use: with them come the
    # keyring and the SMTP client, which a scan does not need (issue 13, cold start).
    def counter() -> CounterSetup:
        from mestore_desktop.services.counter_setup import build_counter

        return build_counter(settings_file.load(), db, http)

    async def send_mail(receipt: Receipt, pdf: bytes, to: str) -> None:
        from mestore_desktop.services.counter_setup import email_receipt

        await email_receipt(settings_file.load(), receipt, pdf, to)

    return CajaServices(
        counter=counter,
        settings=settings_file.load,
        catalogue=StoreCatalogue(db),
        send_mail=send_mail,
        import_catalogue=lambda data: import_catalogue(db, data),
        printer_factory=options.printer_factory,
    )


def _link_tools(settings_file: SettingsFile, links: LinksService) -> LinkTools:
    """What the links page, the counter's *Link de pago* and Pedidos share: the service, the
    store's name for the WhatsApp text and the mailer."""
    from mestore_desktop.ui.links.tools import LinkTools

    async def send_mail(to: str, subject: str, body: str, png: bytes) -> None:
        from mestore_desktop.services.counter_setup import email_link  # on first use

        await email_link(settings_file.load(), to, subject, body, png)

    return LinkTools(links, store_name=lambda: settings_file.load().store_name, send_mail=send_mail)


def _wire_links(
    window: MainWindow, sync: SyncRunner, back_office: BackOffice, links: LinksService
) -> None:
    """Whoever sees an order paid (the sync, the counter, Pedidos) tells the double-payment
    guard, which switches that order's other links off at Wompi; a sale saved for a link
    reaches the pages as any change does (the links page hears of the guard's changes once it
    is added)."""
    guard = links.guard.orders_changed
    sync.on_orders_changed.append(guard)
    back_office.orders.on_orders_changed.append(guard)
    assert window.caja_page is not None  # noqa: S101  the counter comes first
    window.caja_page.orders_changed.connect(guard)
    links.on_orders_changed.append(window.on_orders_changed)


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
    if QApplication.instance() is None:
        # What importing QtWebEngineWidgets first would do: the web view's module is imported
        # only when the counter is built, after the first paint.
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)  # noqa: S101  a QCoreApplication here is a wiring bug
    app.setApplicationName("MeStore Desktop")
    app.setOrganizationName("MeStore")
    app.setApplicationVersion(__version__)
    return app


class _Closable(Protocol):
    window: MainWindow

    async def aclose(self) -> None: ...


def _run(app: QApplication, loop: qasync.QEventLoop, desktop: _Closable) -> None:
    """Run the Qt + asyncio loop until the main window closes, then stop the sync and the
    network while the loop still runs, and only then quit.

    Quitting first and closing afterwards (qasync's plain pattern) lost a race: once its loop
    has stopped, qasync processes Qt's events one last time, and a sync task stepped then failed
    with "no running event loop" (a loaded smoke run exited 1).
    """
    asyncio = asyncio_module()
    app.setQuitOnLastWindowClosed(False)
    closing = asyncio.Event()
    desktop.window.closed.connect(closing.set)
    app.aboutToQuit.connect(closing.set)  # quit from elsewhere (the session ends)
    if not desktop.window.isVisible():  # closed before the loop ran (while it was being built)
        closing.set()
    with loop:
        serving = loop.create_task(_serve_until_closed(closing, desktop))
        try:
            loop.run_until_complete(serving)
        except RuntimeError:  # Qt quit before the services had stopped: let them finish
            loop.run_until_complete(serving)


async def _serve_until_closed(closing: asyncio.Event, desktop: _Closable) -> None:
    await closing.wait()
    await desktop.aclose()


def _wire_sync_news(window: MainWindow, sync: SyncRunner) -> None:
    """The sync's news reach the orders page, the counter and the status bar."""
    from mestore_desktop.ui.sync_status import RelayStatusPresenter, SyncBridge

    bridge = SyncBridge(sync, window)
    presenter = RelayStatusPresenter(window.status, parent=window)
    bridge.orders_changed.connect(window.on_orders_changed)
    bridge.status_changed.connect(presenter.show_status)


def _http_client() -> httpx.AsyncClient:
    """One HTTP client for the whole app: shared connections, explicit timeouts. Its transport
    (whose TLS context reads the CA bundle) is made on the first request, not at start-up."""
    import httpx

    class LazyTransport(httpx.AsyncBaseTransport):
        def __init__(self) -> None:
            self._transport: httpx.AsyncHTTPTransport | None = None

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            if self._transport is None:
                self._transport = httpx.AsyncHTTPTransport()
            return await self._transport.handle_async_request(request)

        async def aclose(self) -> None:
            if self._transport is not None:
                await self._transport.aclose()

    return httpx.AsyncClient(
        timeout=httpx.Timeout(10.0, connect=5.0),
        headers={"User-Agent": f"MeStoreDesktop/{__version__}"},
        transport=LazyTransport(),
    )


def _connection_tester(http: httpx.AsyncClient) -> ConnectionTester:
    """*Probar conexión* for the saved settings; secrets are read only to build the client."""
    from mestore_desktop.secrets import SecretName, SecretStore
    from mestore_desktop.services.connection import (
        ConnectionCheck,
        ConnectionInputs,
        check_wompi_connection,
        secret_prefix,
    )
    from mestore_desktop.wompi.client import WompiClient
    from mestore_desktop.wompi.resilience import RetryPolicy

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


def _refuse_to_start(message: Text | str, language: str | None, *, smoke: bool) -> int:
    """Explain why MeStore cannot start, in a dialog (stderr only in smoke mode), and exit 1.

    The log and the terminal get the Spanish sentence; the dialog, the UI language's."""
    log.error("cannot start: %s", message)
    print(str(message), file=sys.stderr)  # also visible when started from a terminal
    if not smoke:
        app = _application()
        apply_theme(app)
        translators = install_translators(choose_language(language, "es"))
        QMessageBox.critical(
            None, QCoreApplication.translate("app", "MeStore no puede abrir"), render(message)
        )
        remove_translators(translators)
        del app
    return 1
