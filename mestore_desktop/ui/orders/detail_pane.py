"""The detail of the selected order: status, customer, lines with IVA and totals, every payment
attempt with its Wompi transactions, and the status timeline with its sources."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mestore_desktop.domain.browse import AttemptDetail, OrderDetail
from mestore_desktop.domain.order import Order
from mestore_desktop.domain.payment import Tender
from mestore_desktop.ui import icons
from mestore_desktop.ui.formatting import (
    BOGOTA,
    STATUS_COLOUR,
    local_time,
    method_word,
    status_word,
)
from mestore_desktop.ui.orders.timeline import (
    COLOUR_ICON,
    PAYMENT_STATUS_COLOUR,
    OrderTimeline,
    payment_status_word,
    timeline_entries,
)
from mestore_desktop.ui.theme import set_style_property


class OrderDetailPane(QScrollArea):
    """Shows one `OrderDetail`, or a sentence saying why there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OrderDetailPane")
        self.setAccessibleName(self.tr("Detalle del pedido"))
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.detail: OrderDetail | None = None
        self._message: str | None = None  # the sentence shown instead of a detail
        self.timeline = OrderTimeline()
        self._body = QWidget()
        self._body.setObjectName("OrderDetailBody")
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(4, 4, 12, 4)
        self._layout.setSpacing(10)
        self.setWidget(self._body)
        self.show_message(self.tr("Elija un pedido de la lista para ver su detalle."))

    # -- what it shows ---------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        if self.detail is None and text == self._message:
            return  # already shown: a new body would only lay the pane out again
        self.detail = None
        self._message = text
        self._reset()
        message = QLabel(text)
        message.setObjectName("PlaceholderText")
        message.setWordWrap(True)
        self._layout.addWidget(message)
        self._layout.addStretch(1)

    def show_detail(self, detail: OrderDetail) -> None:
        self.detail = detail
        self._message = None
        self._reset()
        order = detail.order
        self._layout.addLayout(self._header(detail))
        self._section(self.tr("Cliente"), self._customer(order))
        self._section(self.tr("Productos"), self._lines(order))
        self._section(self.tr("Pagos"), self._attempts(detail))
        self.timeline = OrderTimeline()
        self.timeline.show_entries(timeline_entries(detail))
        self._section(self.tr("Historial de estados"), self.timeline)
        self._layout.addStretch(1)

    def texts(self) -> list[str]:
        """Every text shown, for tests and screen readers."""
        return [label.text() for label in self._body.findChildren(QLabel) if label.text()]

    # -- building ----------------------------------------------------------------------------

    def _reset(self) -> None:
        # The old body goes as a whole (its labels with it); a fresh one is cheaper than diffing.
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self._body = QWidget()
        self._body.setObjectName("OrderDetailBody")
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(4, 4, 12, 4)
        self._layout.setSpacing(10)
        self.setWidget(self._body)

    def _section(self, title: str, content: QWidget) -> None:
        heading = QLabel(title)
        heading.setObjectName("SectionTitle")
        self._layout.addWidget(heading)
        self._layout.addWidget(content)

    def _header(self, detail: OrderDetail) -> QHBoxLayout:
        order = detail.order
        title = QLabel(self.tr("Pedido %1").replace("%1", str(order.number)))
        title.setObjectName("SectionTitle")
        when = QLabel(
            self.tr("%1 · Terminal %2")
            .replace("%1", local_time(order.created_at))
            .replace("%2", order.terminal_id)
        )
        when.setObjectName("PlaceholderText")
        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(when)
        row = QHBoxLayout()
        row.addLayout(column, 1)
        row.addWidget(status_badge(STATUS_COLOUR[detail.status], status_word(detail.status)))
        return row

    def _customer(self, order: Order) -> QWidget:
        customer = order.customer
        parts = [customer.name, customer.email, customer.phone]
        if customer.document_type is not None and customer.document_number:
            parts.append(f"{customer.document_type.value} {customer.document_number}")
        shown = [p for p in parts if p]
        text = "\n".join(shown) if shown else self.tr("Sin datos del cliente.")
        label = _wrapping(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _lines(self, order: Order) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(0, 1)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        row = 0
        # As on the receipt: the description on its own line, then quantity, IVA and total.
        for line in order.lines:
            grid.addWidget(_wrapping(line.description), row, 0, 1, 2)
            rate = self.tr("IVA %1 %").replace("%1", str(int(line.iva_rate)))
            facts = f"{line.quantity} × {line.unit_price.format()} · {rate}"
            if line.discount:
                facts += " · " + self.tr("descuento %1").replace("%1", (-line.discount).format())
            detail = _wrapping(facts)
            detail.setObjectName("PlaceholderText")
            grid.addWidget(detail, row + 1, 0)
            grid.addWidget(QLabel(line.total.format()), row + 1, 1, right)
            row += 2
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        grid.addWidget(rule, row, 0, 1, 2)
        for label, value, strong in self._total_rows(order):
            row += 1
            caption, amount = QLabel(label), QLabel(value)
            if strong:
                caption.setObjectName("DetailTotal")
                amount.setObjectName("DetailTotal")
            grid.addWidget(caption, row, 0, right)
            grid.addWidget(amount, row, 1, right)
        return box

    def _total_rows(self, order: Order) -> list[tuple[str, str, bool]]:
        totals = order.totals
        rows: list[tuple[str, str, bool]] = []
        if totals.discount:
            rows.append((self.tr("Descuentos"), (-totals.discount).format(), False))
        for group in totals.groups:
            rate = str(int(group.rate))
            rows.append((self.tr("Base IVA %1 %").replace("%1", rate), group.base.format(), False))
            rows.append((self.tr("IVA %1 %").replace("%1", rate), group.tax.format(), False))
        rows.append((self.tr("TOTAL"), totals.total.format(), True))
        return rows

    def _attempts(self, detail: OrderDetail) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        if not detail.attempts:
            column.addWidget(_wrapping(self.tr("Este pedido no tiene pagos.")))
        for attempt in detail.attempts:
            column.addWidget(self._attempt(attempt))
        return box

    def _attempt(self, item: AttemptDetail) -> QWidget:
        attempt = item.attempt
        frame = QFrame()
        frame.setObjectName("AttemptCard")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        top = QHBoxLayout()
        reference = QLabel(attempt.reference)
        reference.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(reference, 1)
        colour = PAYMENT_STATUS_COLOUR[attempt.status]
        top.addWidget(status_badge(colour, payment_status_word(attempt.status)))
        layout.addLayout(top)
        tender = (
            method_word("CASH")
            if attempt.tender is Tender.CASH
            else f"Wompi · {method_word(attempt.payment_method)}"
            if attempt.payment_method
            else "Wompi"
        )
        facts = [
            f"{attempt.amount.format()} · {tender}",
            self.tr("Creado %1").replace("%1", local_time(attempt.created_at)),
        ]
        if item.link_name:
            facts.insert(1, self.tr("Link de pago: %1").replace("%1", item.link_name))
        if attempt.transactions:
            facts += [
                self.tr("Transacción %1 · %2")
                .replace("%1", tx)
                .replace("%2", payment_status_word(status))
                for tx, status in attempt.transactions
            ]
        elif attempt.transaction_id:
            facts.append(self.tr("Transacción %1").replace("%1", attempt.transaction_id))
        if attempt.status_message:
            facts.append(attempt.status_message)
        if attempt.abandoned_at is not None:
            facts.append(
                self.tr("Cancelado en caja %1 (se siguió vigilando)").replace(
                    "%1", attempt.abandoned_at.astimezone(BOGOTA).strftime("%d/%m/%Y %H:%M")
                )
            )
        text = _wrapping("\n".join(facts))
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        return frame


def status_badge(colour: str, word: str) -> QWidget:
    """An icon and a word in the status colour (the theme's QLabel[status=…])."""
    badge = QWidget()
    badge.setObjectName("StatusBadge")
    row = QHBoxLayout(badge)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    mark = QLabel()
    mark.setPixmap(icons.pixmap(COLOUR_ICON[colour], 16))
    label = QLabel(word)
    label.setObjectName("StatusWord")
    set_style_property(label, "status", colour)
    badge.setAccessibleName(word)
    row.addWidget(mark)
    row.addWidget(label)
    return badge


def _wrapping(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    # Ignored horizontally: a long word must wrap inside the pane, not widen it.
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label
