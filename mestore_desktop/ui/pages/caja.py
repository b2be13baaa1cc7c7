"""The counter (Caja): the ring-up view, one payment flow at a time, the customer display, the
pending-payments banner and the loud alert for late approvals and duplicate payments.

Services come in through `CajaServices` (built by the composition root). `counter()` builds the
payment service from the saved settings and keys; the page keeps it until Ajustes saves settings
or changes a secret. It may raise a Spanish error when the counter is not configured, which is
shown instead of a checkout.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mestore_desktop.domain.order import OrderError
from mestore_desktop.settings import Settings
from mestore_desktop.ui import icons
from mestore_desktop.ui.caja import CatalogueLookup, RingUpView
from mestore_desktop.ui.caja.catalogue_import import CatalogueImportAction, CatalogueImporter
from mestore_desktop.ui.caja.tender_bar import ChargeTender
from mestore_desktop.ui.customer_display import CustomerDisplay
from mestore_desktop.ui.errors import present_error, user_message
from mestore_desktop.ui.links.counter import CounterLink
from mestore_desktop.ui.links.tools import LinkTools
from mestore_desktop.ui.payment.late_approval import LateApprovalAlert
from mestore_desktop.ui.payment.receipt_actions import (
    MailSender,
    PrinterFactory,
    ReceiptActions,
    load_receipt,
)
from mestore_desktop.ui.qt_async import run_op

if TYPE_CHECKING:
    from mestore_desktop.domain.payment import PaymentAttempt
    from mestore_desktop.services.counter import CounterService
    from mestore_desktop.services.counter_setup import CounterSetup

    # The payment dialogs and the checkout's web view: imported at the first payment, not
    # when the counter opens (issue 13, cold start).
    from mestore_desktop.ui.payment.flow import PaymentFlow

log = logging.getLogger(__name__)

# Waits before re-running a failed background check; the last one repeats until it works.
CHECK_RETRY_MS: tuple[int, ...] = (2_000, 5_000, 15_000, 30_000, 60_000)


@dataclass
class CajaServices:
    counter: Callable[[], CounterSetup]
    settings: Callable[[], Settings]
    catalogue: CatalogueLookup | None = None
    send_mail: MailSender | None = None
    import_catalogue: CatalogueImporter | None = None
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    printer_factory: PrinterFactory | None = None  # None: the system's default printer
    links: LinkTools | None = None  # *Link de pago* (F7); None: the tender is not offered


class CajaPage(QWidget):
    """Ring up, charge, watch, confirm; nothing shown to the customer before it is saved."""

    orders_changed = Signal(object)  # set of order numbers this page's payments changed
    # A background check (pending payments, late approvals) failed: the sentence for the status
    # bar; "" once the checks work again.
    problem = Signal(str)

    def __init__(self, services: CajaServices | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QCoreApplication.translate("CajaPage", "Caja")
        self._services = services
        settings = services.settings() if services else Settings()
        self.ring_up = RingUpView(services.catalogue if services else None, settings.terminal_id)
        self.display = CustomerDisplay(settings.store_name, self)
        self.display.keyboard_target = self.ring_up.search.field
        self.display_button = QPushButton(self.tr("Pantalla del cliente  F9"))
        self.display_button.setAccessibleName(self.tr("Pantalla del cliente"))
        self.display_button.setIcon(icons.icon("display"))
        self.display_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.import_button = QPushButton(self.tr("Importar catálogo…"))
        self.import_button.setAccessibleName(self.tr("Importar catálogo…"))
        self.import_button.setIcon(icons.icon("import"))
        self.import_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        importer = services.import_catalogue if services else None
        self.catalogue_import = CatalogueImportAction(self, importer) if importer else None
        self.import_button.setVisible(self.catalogue_import is not None)
        self.flow: PaymentFlow | None = None
        self.alert = LateApprovalAlert(self)
        self.receipts = ReceiptActions(
            self,
            services.send_mail if services else None,
            services.printer_factory if services else None,
        )
        self._setup: CounterSetup | None = None
        self._unpaid_order: int | None = None  # saved, not paid: the next tender charges it
        self._unfinished: list[PaymentAttempt] = []
        self._display_offered = False
        self._painted = False
        self._check_when_painted = False
        self._check_failures = 0
        self._check_retry = QTimer(self)
        self._check_retry.setSingleShot(True)
        self._check_retry.timeout.connect(self.refresh_pending)
        self.link = CounterLink(self, services.links if services else None)
        self.ring_up.tenders.set_link_available(self.link.available)
        self._build()
        self._connect()

    def offer_links(self, links: LinkTools) -> None:
        """Offer *Link de pago* (F7) from now on: the app makes the counter ready for a scan
        first and its links service a moment later (issue 13, cold start)."""
        self.link.set_tools(links)
        self.ring_up.tenders.set_link_available(self.link.available)

    def _build(self) -> None:
        heading = QLabel(self.title)
        heading.setObjectName("PageTitle")
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.import_button)
        top.addWidget(self.display_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.ring_up, 1)

    def _connect(self) -> None:
        self.ring_up.charge_requested.connect(self.charge)
        self.ring_up.cancel_requested.connect(self._cancel_unpaid_order)
        self.ring_up.cart_changed.connect(self._on_cart_changed)
        self.ring_up.pending_clicked.connect(self.resume_oldest)
        self.display_button.clicked.connect(self.toggle_display)
        self.display.toggle_requested.connect(self.toggle_display)
        if self.catalogue_import is not None:
            self.import_button.clicked.connect(self.catalogue_import.choose_file)
        QShortcut(QKeySequence("F9"), self, self.toggle_display)
        self.alert.acknowledged.connect(self._acknowledge)
        self.link.started.connect(lambda: self.ring_up.set_busy(True))
        self.link.finished.connect(self._on_link_finished)
        self.alert.duplicate_acknowledged.connect(self._acknowledge_duplicate)

    # -- charging ---------------------------------------------------------------------------

    def charge(self, tender: str) -> None:
        """Start a payment of the cart (or of the saved unpaid order) with `tender`."""
        if self.flow is not None or self.link.busy:
            return  # one payment at a time; the dialog is modal anyway
        if tender == ChargeTender.PAYMENT_LINK:
            self.link.start(self._unpaid_order, lambda: self.ring_up.draft(self._services_clock()))
            return
        try:
            setup = self._counter_setup()
            sale = self._unpaid_order or self.ring_up.draft(self._services_clock())
        except Exception as exc:
            present_error(self, exc)
            return
        from mestore_desktop.ui.payment.flow import PaymentFlow

        self.flow = PaymentFlow(setup.counter, setup.policy, self.display, self)
        self.flow.finished.connect(self._on_flow_finished)
        self.flow.receipt_requested.connect(self._on_receipt)
        self.ring_up.set_busy(True)
        self.flow.start(sale, tender, self.ring_up.total)

    def _services_clock(self) -> datetime:
        return self._services.clock() if self._services else datetime.now(UTC)

    def _counter_setup(self) -> CounterSetup:
        """Built once from the saved settings and keys (a keyring read), then reused until
        Ajustes saves settings or changes a secret."""
        if self._services is None:
            raise OrderError(self.tr("La caja no está configurada: complete Ajustes."))
        if self._setup is None:
            self._setup = self._services.counter()
            self._setup.counter.on_orders_changed.append(self.orders_changed.emit)
        return self._setup

    def _on_flow_finished(self, how: str) -> None:
        flow, self.flow = self.flow, None
        self.ring_up.set_busy(False)
        if how == "paid":
            self._unpaid_order = None
            self.ring_up.clear()
        elif flow is not None and flow.order_number is not None:
            self._unpaid_order = flow.order_number  # cancelled or another tender: same order
        self._on_cart_changed(keep_order=True)
        if flow is not None:
            flow.dialog.deleteLater()
            flow.deleteLater()
        self.refresh_pending()
        self.ring_up.focus_search()

    def _on_link_finished(self, number: int | None, created: bool) -> None:
        """A link was made: the order waits for it (Pedidos) and the counter takes the next
        customer. None made: the saved order stays this sale's, as after a cancelled QR."""
        self.ring_up.set_busy(False)
        if created:
            self._unpaid_order = None
            self.ring_up.clear()
        elif number is not None:
            self._unpaid_order = number
        self._on_cart_changed(keep_order=True)
        if number is not None:
            self.orders_changed.emit({number})
        self.ring_up.focus_search()

    def _on_receipt(self, reference: str, action: str) -> None:
        if self._services is None or self.flow is None:
            return
        counter, settings = self._counter_setup().counter, self._services.settings()
        details = self.flow.last_details
        email = self.ring_up.customer.customer().email if action == "email" else ""
        self.receipts.run(
            lambda: load_receipt(counter, reference, settings, details), action, email
        )

    def on_secrets_changed(self) -> None:
        self._setup = None  # rebuilt with the new keys on the next use

    def on_settings_saved(self, settings: Settings) -> None:
        self._setup = None  # rebuilt from the new settings and keys on the next use
        self.ring_up.set_terminal_id(settings.terminal_id)
        self.display.set_store_name(settings.store_name)

    # -- the cart and the customer display --------------------------------------------------

    def _on_cart_changed(self, *, keep_order: bool = False) -> None:
        if self.flow is None:
            self.display.show_cart(self.ring_up.lines, self.ring_up.total)
        if not keep_order and self._unpaid_order is not None and self.flow is None:
            self._cancel_unpaid_order()  # the cart changed: that saved order is not this sale

    def _cancel_unpaid_order(self) -> None:
        number, self._unpaid_order = self._unpaid_order, None
        if number is None:
            return
        counter = self._counter_setup().counter
        run_op(self, lambda: counter.cancel_order(number), on_success=lambda _order: None)

    def toggle_display(self) -> None:
        """F9: show or hide the customer display; the search field keeps the keyboard."""
        if self.display.isVisible():
            self.display.hide()
        else:
            self.display.place(self._keep_visible())
            # Ask for the keyboard back at once, before the next key, should a window system
            # activate the display anyway.
            self.window().activateWindow()
        self.ring_up.focus_search()

    def _keep_visible(self) -> list[QWidget]:
        """What a display sharing the screen must not hide, most important first."""
        ring_up = self.ring_up
        return [ring_up.search, ring_up.tenders, ring_up.totals, ring_up.table, self.display_button]

    # -- watching: unfinished attempts, late approvals, duplicate payments ------------------

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._display_offered and len(QGuiApplication.screens()) > 1:
            self.display.place(self._keep_visible())  # a second screen for the customer: use it
        self._display_offered = True
        if self._painted:
            self.refresh_pending()
        else:  # the first check waits for the first paint (`paintEvent`)
            self._check_when_painted = True

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._check_when_painted:
            # The first check builds the payment service (its modules, a keyring read): after
            # the counter is on the screen, not before (issue 13, cold start).
            self._check_when_painted = False
            QTimer.singleShot(0, self, self.refresh_pending)
        self._painted = True

    def hideEvent(self, event: object) -> None:
        super().hideEvent(event)  # type: ignore[arg-type]
        # Away (another page, the window closed): the next show checks again at once.
        self._check_retry.stop()

    def on_orders_changed(self, numbers: object = None) -> None:
        """The sync engine changed orders: feed the open payment, re-check the counter."""
        if self.flow is not None:
            self.flow.on_orders_changed(numbers)
        self.refresh_pending()

    def refresh_pending(self) -> None:
        """Look for unfinished attempts, late approvals and duplicate payments; a failure is
        shown and retried."""
        if self._services is None:
            return  # no counter at all: nothing to watch
        try:
            counter = self._counter_setup().counter
        except Exception as exc:  # e.g. the keyring could not be read
            self._check_failed(exc)
            return
        run_op(
            self,
            lambda: _run_checks(counter),
            on_success=self._on_checks,
            on_error=self._check_failed,
        )

    def _on_checks(self, results: tuple[object, object, object]) -> None:
        unfinished, late, duplicates = results
        # Each check stands alone: a failing one must not hide what the others found.
        self.alert.show_alerts(
            duplicates if isinstance(duplicates, list) else [],
            late if isinstance(late, list) else [],
        )
        if isinstance(unfinished, list):
            self._show_unfinished(unfinished)
        checks = (duplicates, late, unfinished)
        failure = next((r for r in checks if isinstance(r, Exception)), None)
        if failure is not None:
            self._check_failed(failure)
        elif self._check_failures:
            self._check_failures = 0
            self._check_retry.stop()
            self.problem.emit("")

    def _check_failed(self, exc: Exception) -> None:
        delay_ms = CHECK_RETRY_MS[min(self._check_failures, len(CHECK_RETRY_MS) - 1)]
        self._check_failures += 1
        log.warning(
            "counter check failed (%d in a row); retrying in %d ms",
            self._check_failures,
            delay_ms,
            exc_info=(type(exc), exc, exc.__traceback__),
        )
        self.problem.emit(
            self.tr("Caja: no se pudieron revisar los pagos pendientes. %1 Nuevo intento en %2 s.")
            .replace("%1", user_message(exc))
            .replace("%2", str(max(1, round(delay_ms / 1000))))
        )
        self._check_retry.start(delay_ms)

    def _show_unfinished(self, attempts: list[PaymentAttempt]) -> None:
        shown = [a for a in attempts if self.flow is None or a.reference != self.flow.reference]
        self.ring_up.set_pending_count(len(shown))
        self._unfinished = shown

    def resume_oldest(self) -> None:
        """Open the oldest unfinished attempt (after a crash) and keep waiting for it."""
        attempts = self._unfinished
        if not attempts or self.flow is not None:
            return
        attempt = attempts[0]
        setup = self._counter_setup()
        from mestore_desktop.ui.payment.flow import PaymentFlow

        self.flow = PaymentFlow(setup.counter, setup.policy, self.display, self)
        self.flow.finished.connect(self._on_flow_finished)
        self.flow.receipt_requested.connect(self._on_receipt)
        waited = (self._services_clock() - attempt.created_at).total_seconds()
        self.flow.resume(attempt, max(waited, 0.0))

    def _acknowledge(self, reference: str) -> None:
        counter = self._counter_setup().counter
        run_op(
            self,
            lambda: counter.acknowledge_late_approval(reference),
            on_success=lambda _attempt: self.refresh_pending(),
        )

    def _acknowledge_duplicate(self, duplicate_id: int) -> None:
        counter = self._counter_setup().counter
        run_op(
            self,
            lambda: counter.acknowledge_duplicate_payment(duplicate_id),
            on_success=lambda _duplicate: self.refresh_pending(),
        )


async def _run_checks(counter: CounterService) -> tuple[object, object, object]:
    """The three checks, each one's list or its exception."""
    unfinished, late, duplicates = await asyncio.gather(
        counter.unfinished(),
        counter.late_approvals(),
        counter.duplicate_payments(),
        return_exceptions=True,
    )
    return unfinished, late, duplicates
