"""Links de pago: charge customers who are not at the counter with a Wompi payment link.

On the left the links kept in SQLite (search, status filter, *Actualizar desde Wompi*,
*Desactivar…*), each with its status (Activo, Desactivado, Vencido, Pagado with when and how
much) and a countdown when it expires within a day, moved on every minute. On the right either
the form of a new link (*Nuevo link*, Ctrl+N; *Crear link*, Enter) or the chosen link ready to
share: its URL, a large QR, *Copiar*, *Compartir por WhatsApp*, *Enviar por correo* and the QR as
PNG or SVG. Every call goes through `LinksService` (coroutines: the UI never touches Wompi or the
database).

Built without a service (no database yet) the page only explains what it will offer.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.links import PaymentLinkRecord
from mestore_desktop.ui.errors import is_user_facing, user_message
from mestore_desktop.ui.links.creation import create_link
from mestore_desktop.ui.links.form import LinkForm
from mestore_desktop.ui.links.list_view import LinksListPanel
from mestore_desktop.ui.links.result import LinkResultPanel
from mestore_desktop.ui.links.tools import LinkTools
from mestore_desktop.ui.pages.placeholder import PlaceholderPage
from mestore_desktop.ui.qt_async import run_op
from mestore_desktop.ui.reconciliation.reason_dialog import ReasonDialog
from mestore_desktop.ui.theme import set_style_property

if TYPE_CHECKING:
    from mestore_desktop.services.links import LinksService

__all__ = ["LinkTools", "PaymentLinksPage"]  # the page's tools, for the composition root

log = logging.getLogger(__name__)

MINUTE_MS = 60_000  # statuses and countdowns move on once a minute
SIDE_MIN_WIDTH = 360  # the QR is bound by the page's height anyway
SIDE_WIDTH = 400
FORM_WIDTH = 500  # the form's fields and their messages need more room than the QR
EMPTY, FORM, RESULT = 0, 1, 2  # the right side's pages


def _placeholder_body() -> str:
    return QCoreApplication.translate(
        "PaymentLinksPage",
        "Aquí crearás links de pago de Wompi para cobrar a distancia y verás cuáles ya se pagaron.",
    )


class PaymentLinksPage(QWidget):
    """The links list beside a new link's form or the chosen link's QR and sharing."""

    def __init__(
        self, links: LinksService | LinkTools | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.title = QCoreApplication.translate("PaymentLinksPage", "Links de pago")
        self.tools: LinkTools | None = (
            links if isinstance(links, LinkTools) or links is None else LinkTools(links)
        )
        self.dialog: QWidget | None = None  # the deactivation dialog while it is open
        self._loaded_once = False
        self._creating = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 12, 16, 8)
        heading = QLabel(self.title, self)
        heading.setObjectName("PageTitle")
        if self.tools is None:
            self._build_placeholder(heading)
            return
        self._build(heading, self.tools)
        self._connect()

    # -- building ----------------------------------------------------------------------------

    def _build_placeholder(self, heading: QLabel) -> None:
        heading.hide()  # the placeholder has its own
        self._layout.setContentsMargins(0, 0, 0, 0)
        placeholder = PlaceholderPage(title=self.title, body=_placeholder_body(), parent=self)
        self._layout.addWidget(placeholder)

    def _build(self, heading: QLabel, tools: LinkTools) -> None:
        self.count_label = QLabel(self)
        self.count_label.setObjectName("PlaceholderText")
        self.new_button = QPushButton(self.tr("Nuevo link  Ctrl+N"), self)
        self.new_button.setAccessibleName(self.tr("Nuevo link"))
        self.new_button.setProperty("primary", "true")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addSpacing(16)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.new_button)
        self.message = QLabel(self)
        self.message.setObjectName("PageMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.links = LinksListPanel(self)
        self.form = LinkForm(self)
        self.result = LinkResultPanel(tools, self)
        self.side = QStackedWidget(self)
        self.side.setMinimumWidth(SIDE_MIN_WIDTH)
        self.side.addWidget(self._empty_side())
        self.side.addWidget(self._form_side())
        self.side.addWidget(self.result)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.links)
        self.splitter.addWidget(self.side)
        # The list takes what the window grows by; the QR is bound by the height anyway.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([10_000, SIDE_WIDTH])
        self._layout.addLayout(top)
        self._layout.addWidget(self.message)
        self._layout.addWidget(self.splitter, 1)
        self.minute = QTimer(self)
        self.minute.setInterval(MINUTE_MS)

    def _empty_side(self) -> QWidget:
        text = QLabel(
            self.tr(
                "Elija un link de la lista para ver su QR y compartirlo, o pulse «Nuevo link» "
                "para cobrar a un cliente que no está en la tienda: le llega por WhatsApp o "
                "por correo y paga con tarjeta, Nequi o PSE."
            ),
            self,
        )
        text.setObjectName("PlaceholderText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return text

    def _form_side(self) -> QWidget:
        side = QWidget(self)
        title = QLabel(self.tr("Nuevo link de pago"), side)
        title.setObjectName("SectionTitle")
        scroll = QScrollArea(side)
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.create_button = QPushButton(self.tr("Crear link"), side)
        self.create_button.setAccessibleName(self.tr("Crear link"))
        self.create_button.setProperty("primary", "true")
        self.cancel_button = QPushButton(self.tr("Cancelar"), side)
        self.cancel_button.setAccessibleName(self.tr("Cancelar"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)
        column = QVBoxLayout(side)
        column.setContentsMargins(8, 0, 0, 0)
        column.addWidget(title)
        column.addWidget(scroll, 1)
        column.addLayout(buttons)
        return side

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.new_link)
        self.create_button.clicked.connect(self.create)
        self.cancel_button.clicked.connect(self.cancel_form)
        self.form.submitted.connect(self.create)
        self.links.filter_changed.connect(self.reload)
        self.links.current_changed.connect(self._on_current)
        self.links.refresh_clicked.connect(self.refresh_from_wompi)
        self.links.deactivate_clicked.connect(self.ask_deactivate)
        self.minute.timeout.connect(self.tick)
        new = QShortcut(QKeySequence("Ctrl+N"), self)
        new.setContext(Qt.ShortcutContext.WindowShortcut)  # ignored while the page is hidden
        new.activated.connect(self.new_link)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.side)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancel_form)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.tools is None:
            return
        self.tick()
        self.minute.start()
        if not self._loaded_once:
            self._loaded_once = True
            self.reload()

    def hideEvent(self, event: object) -> None:
        super().hideEvent(event)  # type: ignore[arg-type]
        if self.tools is not None:
            self.minute.stop()  # nobody sees the countdowns

    def _show_side(self, index: int) -> None:
        """Show the form, the chosen link or the explanation, at the width it needs."""
        self.side.setCurrentIndex(index)
        wanted = FORM_WIDTH if index == FORM else SIDE_WIDTH
        sizes = self.splitter.sizes()
        if len(sizes) == 2 and sizes[1] != wanted and sum(sizes) > 0:
            self.splitter.setSizes([max(sum(sizes) - wanted, 0), wanted])

    # -- the list ----------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Read the links the search and filter ask for; keep (or move to) a selection."""
        tools = self.tools
        if tools is None:
            return
        chosen = select or (self.links.current().link_id if self.links.current() else None)
        search, status = self.links.search_text(), self.links.status_filter()
        run_op(
            self,
            lambda: tools.service.list(search, status),
            on_success=lambda records: self._show_records(records, chosen),
            on_error=lambda exc: self._fail(exc, self.tr("No se pudo leer la lista de links.")),
        )

    def on_links_changed(self, _ids: object = None) -> None:
        """Links changed elsewhere (a payment through one, the double-payment guard, the
        command line): the list again now, or when the page is next shown."""
        if self.tools is None:
            return
        if self.isVisible():
            self.reload()
        else:
            self._loaded_once = False

    def on_orders_changed(self, numbers: object = None) -> None:
        """The sync changed orders: a link may have been paid through (its status, what it
        collected)."""
        self.on_links_changed(numbers)

    def _show_records(self, records: list[PaymentLinkRecord], chosen: str | None) -> None:
        assert self.tools is not None  # noqa: S101  only reachable with tools
        self.links.model.set_records(records, self.tools.clock())
        count = len(records)
        self.count_label.setText(
            self.tr("1 link") if count == 1 else self.tr("%1 links").replace("%1", str(count))
        )
        self.links.show_empty("" if records else self._empty_text())
        if chosen is not None and self.links.select(chosen):
            return
        if self.side.currentIndex() == RESULT:
            self._show_side(EMPTY)

    def _empty_text(self) -> str:
        if self.links.search_text() or self.links.status_filter() is not None:
            return self.tr("Ningún link coincide con la búsqueda o el estado elegido.")
        return self.tr(
            "Todavía no hay links. Pulse «Nuevo link» (Ctrl+N), o cree uno para una venta "
            "desde la Caja (Link de pago, F7) o desde Pedidos (Crear link…)."
        )

    def _on_current(self, record: PaymentLinkRecord | None) -> None:
        if record is None:
            if self.side.currentIndex() == RESULT:
                self._show_side(EMPTY)
            return
        assert self.tools is not None  # noqa: S101  only reachable with tools
        self.result.show_record(record, self.tools.clock())
        self._show_side(RESULT)

    def tick(self) -> None:
        """Once a minute: statuses and countdowns move on."""
        if self.tools is None:
            return
        now = self.tools.clock()
        self.links.model.set_now(now)
        self.links.update_actions(self.links.current())
        if self.side.currentIndex() == RESULT:
            self.result.refresh_time(now)

    def refresh_from_wompi(self) -> None:
        """*Actualizar desde Wompi*: each link's state read back from Wompi, then the list."""
        tools = self.tools
        if tools is None:
            return
        self._say(self.tr("Consultando los links en Wompi…"))

        def refreshed(records: list[PaymentLinkRecord]) -> None:
            self._say(
                self.tr("Links actualizados desde Wompi (%1).").replace("%1", str(len(records)))
            )
            self.reload()

        run_op(
            self,
            lambda: tools.service.refresh(None),
            on_success=refreshed,
            on_error=lambda exc: self._fail(exc, self.tr("No se pudo consultar Wompi.")),
            busy=self.links.refresh,
        )

    # -- a new link --------------------------------------------------------------------------

    def new_link(self) -> None:
        """*Nuevo link* (Ctrl+N): an empty form, the keyboard on its name."""
        if self.tools is None or self._creating:
            return
        if self.side.currentIndex() != FORM:
            self.form.reset(self.tools.clock())
        self._show_side(FORM)
        self._say("")
        self.form.focus_first()

    def cancel_form(self) -> None:
        """*Cancelar* / Esc on the form: back to the chosen link (or the explanation)."""
        if self._creating or self.side.currentIndex() != FORM:
            return
        self._show_side(RESULT if self.links.current() is not None else EMPTY)
        self.links.table.setFocus()

    def create(self) -> None:
        """*Crear link* (Enter in the form)."""
        tools = self.tools
        if tools is None or self._creating or self.side.currentIndex() != FORM:
            return
        self._say("")
        self._creating = create_link(
            self, tools, self.form, self.create_button, self._created, self._create_failed
        )

    def _created(self, record: PaymentLinkRecord) -> None:
        assert self.tools is not None  # noqa: S101  only reachable with tools
        self._creating = False
        self.result.show_record(record, self.tools.clock())
        self._show_side(RESULT)
        self._say(self.tr("Link creado: %1").replace("%1", record.name))
        self.result.copy.setFocus()
        # The new link on top and chosen, whatever the filter showed (it is active).
        self.links.search.blockSignals(True)
        self.links.search.clear()
        self.links.search.blockSignals(False)
        self.links.status.setCurrentIndex(0)
        self.reload(select=record.link_id)

    def _create_failed(self, message: str) -> None:
        self._creating = False
        self._say(message, problem=True)
        self.create_button.setFocus()

    # -- deactivating ------------------------------------------------------------------------

    def ask_deactivate(self) -> None:
        """*Desactivar…*: why (required, audited), then Wompi switches the link off."""
        tools, record = self.tools, self.links.current()
        if tools is None or record is None:
            return
        dialog = ReasonDialog(
            title=self.tr("Desactivar link"),
            text=self.tr(
                "«%1» dejará de aceptar pagos en Wompi. Quien ya tenga el link verá que no "
                "está disponible. Queda en el registro de auditoría."
            ).replace("%1", record.name),
            actor=tools.who(),
            ok_caption=self.tr("Desactivar"),
            required=True,
            parent=self,
        )
        dialog.submitted.connect(lambda reason: self._deactivate(record, reason))
        self._open_dialog(dialog, give_back=self.links.table)

    def _deactivate(self, record: PaymentLinkRecord, reason: str) -> None:
        tools = self.tools
        if tools is None:
            return
        self._say(self.tr("Desactivando «%1» en Wompi…").replace("%1", record.name))

        def done(updated: PaymentLinkRecord) -> None:
            self._say(self.tr("Link desactivado: %1").replace("%1", updated.name))
            self.links.model.replace(updated)
            self.links.update_actions(self.links.current())  # after run_op re-enabled it
            self._on_current(self.links.current())
            self.reload(select=updated.link_id)

        run_op(
            self,
            lambda: tools.service.deactivate(record.link_id, tools.who(), reason),
            on_success=done,
            on_error=lambda exc: self._fail(exc, self.tr("El link sigue activo.")),
            busy=self.links.deactivate,
        )

    def _open_dialog(self, dialog: QWidget, *, give_back: QWidget) -> None:
        self.dialog = dialog

        def closed(_result: int = 0) -> None:
            self.dialog = None
            if shiboken6.isValid(self) and self.isVisible():
                self.window().activateWindow()
                if shiboken6.isValid(give_back) and give_back.isVisible():
                    give_back.setFocus()

        dialog.finished.connect(closed)  # type: ignore[attr-defined]
        dialog.open()  # type: ignore[attr-defined]

    # -- messages ----------------------------------------------------------------------------

    def _say(self, text: str, *, problem: bool = False) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        set_style_property(self.message, "status", "declined" if problem else "")

    def _fail(self, exc: Exception, what: str) -> None:
        """What went wrong and what it means, in plain words; the details go to the log."""
        if is_user_facing(exc):
            log.info("payment links: %s: %s", type(exc).__name__, exc)
        else:
            log.error("payment links failed", exc_info=(type(exc), exc, exc.__traceback__))
        self._say(f"{what} {user_message(exc)}", problem=True)
