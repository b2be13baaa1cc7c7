"""The main window: a thin shell composing header, sidebar navigation, pages and status bar.

It owns no business logic. Pages receive what they need through their constructors, and the
window only keeps the header and status bar in step with the saved settings.

The shell (header, sidebar, status bar, an empty slot per page) needs only the settings, so the
app paints it before it opens the database, the keyring or the network; the composition root
then adds the pages one by one (`add_caja_page` first: the counter is what a cashier waits for),
letting the event loop run in between (issue 13, cold start). Each page's module is imported
when its page is added. Built with every service at once (`pages=True`, the default), the
window adds all its pages in its constructor, as tests do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.settings import Settings, SettingsFile
from mestore_desktop.ui.widgets.badge import BadgeKind
from mestore_desktop.ui.widgets.header import Header
from mestore_desktop.ui.widgets.navigation import NavigationSidebar
from mestore_desktop.ui.widgets.status import ConnectionState, ConnectionStatusBar

if TYPE_CHECKING:
    from mestore_desktop.secrets import SecretStore
    from mestore_desktop.services.back_office import BackOffice
    from mestore_desktop.ui.links.tools import LinkTools
    from mestore_desktop.ui.orders.actions import OrderReceipts
    from mestore_desktop.ui.pages.caja import CajaPage, CajaServices
    from mestore_desktop.ui.pages.orders import OrdersLoader, OrdersPage
    from mestore_desktop.ui.pages.payment_links import PaymentLinksPage
    from mestore_desktop.ui.pages.reconciliation import ReconciliationPage
    from mestore_desktop.ui.settings.connection_panel import ConnectionTester
    from mestore_desktop.ui.settings.page import SecretStoreFactory, SettingsPage
    from mestore_desktop.ui.settings.self_test import SelfTestFactory

# Fits a 1366x768 screen with the taskbar; the default size fills such a screen.
MINIMUM_SIZE = (1024, 640)
DEFAULT_SIZE = (1280, 720)

# The pages in sidebar order. Each page's title, as the page itself translates it (same
# context and source), so the sidebar shows it before the page exists.
CAJA, ORDERS, LINKS, RECONCILIATION, SETTINGS = range(5)
_PAGE_TITLES = (
    ("CajaPage", "Caja"),
    ("OrdersPage", "Pedidos"),
    ("PaymentLinksPage", "Links de pago"),
    ("ReconciliationPage", "Conciliación"),
    ("SettingsPage", "Ajustes"),
)


class MainWindow(QMainWindow):
    """Header with store and environment, sidebar + pages, connection status bar.

    Signals:
        closed(): the window was closed; the app shuts its services down and then quits.
    """

    closed = Signal()

    def __init__(
        self,
        *,
        settings: Settings,
        settings_file: SettingsFile | None = None,
        secrets: SecretStore | None = None,
        secrets_factory: SecretStoreFactory | None = None,
        connection_tester: ConnectionTester | None = None,
        load_orders: OrdersLoader | None = None,
        back_office: BackOffice | None = None,
        links: LinkTools | None = None,
        caja: CajaServices | None = None,
        demo: bool = False,
        self_test: SelfTestFactory | None = None,
        parent: QWidget | None = None,
        pages: bool = True,
    ) -> None:
        super().__init__(parent)
        self.demo = demo
        self.setWindowTitle(self.tr("MeStore Desktop"))
        self.setMinimumSize(*MINIMUM_SIZE)
        self.resize(*DEFAULT_SIZE)
        self.header = Header()
        self.sidebar = NavigationSidebar()
        self.pages = QStackedWidget()
        self.status = ConnectionStatusBar(self)
        self.setStatusBar(self.status)
        self.caja_page: CajaPage | None = None
        self.orders_page: OrdersPage | None = None
        self.links_page: PaymentLinksPage | None = None
        self.reconciliation_page: ReconciliationPage | None = None
        self.settings_page: SettingsPage | None = None
        self._caja_services = caja
        self._add_slots()
        self.setCentralWidget(self._build_central())
        self.show_settings(settings)
        if not pages:
            return
        if settings_file is None or secrets is None or secrets_factory is None:
            raise TypeError(
                "a window with its pages needs settings_file, secrets and secrets_factory"
            )
        self.add_caja_page(caja)
        # The back office pages through every order; without one (older callers, some tests)
        # Pedidos lists what `load_orders` gives and Conciliación explains what it will do.
        self.add_orders_page(back_office or load_orders, links=links)
        self.add_links_page(links)
        self.add_reconciliation_page(back_office, settings_file)
        self.add_settings_page(
            settings=settings,
            settings_file=settings_file,
            secrets=secrets,
            secrets_factory=secrets_factory,
            connection_tester=connection_tester,
            self_test=self_test,
        )

    # -- the pages, added one by one ---------------------------------------------------------

    def add_caja_page(self, caja: CajaServices | None) -> CajaPage:
        from mestore_desktop.ui.pages.caja import CajaPage

        self._caja_services = caja
        page = self.caja_page = CajaPage(caja)
        page.problem.connect(self.status.show_counter_problem)
        if self.orders_page is not None:
            page.orders_changed.connect(self.orders_page.on_orders_changed)
        if self.settings_page is not None:
            self._connect_settings_to_caja(self.settings_page, page)
        self._install(CAJA, page)
        return page

    def add_orders_page(
        self, source: BackOffice | OrdersLoader | None, *, links: LinkTools | None
    ) -> OrdersPage:
        from mestore_desktop.ui.pages.orders import OrdersPage

        page = self.orders_page = OrdersPage(
            source, receipts=_receipts(self._caja_services), links=links
        )
        if self.caja_page is not None:
            self.caja_page.orders_changed.connect(page.on_orders_changed)
        self._install(ORDERS, page)
        page.start_loading()  # its rows are ready before anyone opens Pedidos
        return page

    def add_links_page(self, links: LinkTools | None) -> PaymentLinksPage:
        from mestore_desktop.ui.pages.payment_links import PaymentLinksPage

        page = self.links_page = PaymentLinksPage(links)
        self._install(LINKS, page)
        return page

    def add_reconciliation_page(
        self, back_office: BackOffice | None, settings_file: SettingsFile
    ) -> ReconciliationPage:
        from mestore_desktop.ui.pages.reconciliation import ReconciliationPage

        page = self.reconciliation_page = ReconciliationPage(
            back_office, store=lambda: _store_identity(settings_file)
        )
        self._install(RECONCILIATION, page)
        return page

    def add_settings_page(
        self,
        *,
        settings: Settings,
        settings_file: SettingsFile,
        secrets: SecretStore,
        secrets_factory: SecretStoreFactory,
        connection_tester: ConnectionTester | None,
        self_test: SelfTestFactory | None = None,
    ) -> SettingsPage:
        from mestore_desktop.ui.settings.page import SettingsPage

        page = self.settings_page = SettingsPage(
            settings=settings,
            settings_file=settings_file,
            secrets=secrets,
            secrets_factory=secrets_factory,
            connection_tester=connection_tester,
            self_test=self_test,
        )
        page.settings_saved.connect(self._on_settings_saved)
        if self.caja_page is not None:
            self._connect_settings_to_caja(page, self.caja_page)
        self._install(SETTINGS, page)
        return page

    @staticmethod
    def _connect_settings_to_caja(settings: SettingsPage, caja: CajaPage) -> None:
        settings.settings_saved.connect(caja.on_settings_saved)
        settings.secrets_changed.connect(caja.on_secrets_changed)

    def _add_slots(self) -> None:
        """One sidebar entry and one empty slot per page; `_install` fills the slot."""
        for context, title in _PAGE_TITLES:
            self.sidebar.add_page(QCoreApplication.translate(context, title), self)
            self.pages.addWidget(QWidget())
        self.sidebar.page_selected.connect(self.pages.setCurrentIndex)
        self.sidebar.setCurrentRow(0)

    def _install(self, index: int, page: QWidget) -> None:
        slot = self.pages.widget(index)
        self.pages.insertWidget(index, page)
        self.pages.removeWidget(slot)
        slot.deleteLater()
        self.pages.setCurrentIndex(self.sidebar.currentRow())

    def _build_central(self) -> QWidget:
        central = QWidget()
        central.setObjectName("Central")
        body = QHBoxLayout()
        body.setSpacing(0)
        body.addWidget(self.sidebar)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        if self.demo:
            layout.addWidget(self._demo_notice())
        layout.addLayout(body, 1)
        return central

    def _demo_notice(self) -> QLabel:
        notice = QLabel(
            self.tr(
                "Modo DEMO: los pagos van a un sandbox local de Wompi con llaves de prueba; "
                "no se mueve dinero real y los pedidos se guardan aparte."
            )
        )
        notice.setObjectName("Notice")
        notice.setWordWrap(True)
        return notice

    def show_settings(self, settings: Settings) -> None:
        """The header and the status bar show `settings` (the store, the environment)."""
        kind = BadgeKind.for_environment(settings.environment, demo=self.demo)
        self.header.show_store(settings.store_name, kind)
        self.status.set_terminal(settings.terminal_id)
        if not settings.relay_url:
            self.status.set_relay_state(ConnectionState.NOT_CONFIGURED)
        elif self.status.relay.state is ConnectionState.NOT_CONFIGURED:
            self.status.set_relay_state(ConnectionState.UNVERIFIED)

    def _on_settings_saved(self, settings: Settings) -> None:
        self.show_settings(settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()

    def on_orders_changed(self, numbers: object = None) -> None:
        """The sync engine changed orders: the open payment, the counter's watch list and the
        orders table all need to know (those of them already added)."""
        if self.caja_page is not None:
            self.caja_page.on_orders_changed(numbers)
        if self.orders_page is not None:
            self.orders_page.on_orders_changed(numbers)
        if self.links_page is not None:
            self.links_page.on_orders_changed(numbers)  # a link paid: its status and amount

    def current_page(self) -> QWidget:
        """The page on screen."""
        return self.pages.currentWidget()

    def show_page(self, index: int) -> None:
        """Switch page as if the sidebar entry had been chosen."""
        self.sidebar.setCurrentRow(index)

    def set_wompi_state(self, state: ConnectionState, detail: str = "") -> None:
        """Report what is known about the Wompi API connection."""
        self.status.set_wompi_state(state, detail)

    def set_relay_state(self, state: ConnectionState, detail: str = "") -> None:
        """Report what is known about the webhook relay connection."""
        self.status.set_relay_state(state, detail)


def _receipts(caja: CajaServices | None) -> OrderReceipts | None:
    """Pedidos reprints and resends receipts with the counter's own settings, mailer and printer."""
    if caja is None:
        return None
    from mestore_desktop.ui.orders.actions import OrderReceipts

    return OrderReceipts(caja.settings, caja.send_mail, caja.printer_factory)


def _store_identity(settings_file: SettingsFile) -> tuple[str, str]:
    """The store's name and NIT as last saved, for the head of the day-close report."""
    settings = settings_file.load()
    return settings.store_name, settings.store_nit
