"""The status timeline of one order: every status change of every attempt, and every audit note,
oldest first, each with where it came from (its source icon and word) and when.

Sources, as staff name them: *Caja* (the counter's checkout), *Webhook* (Wompi's event through
the relay), *Consulta* (we asked Wompi: the pending watcher or *Verificar*), *Búsqueda en Wompi*
(the gap filler searching after an outage; stored as source `reconcile` with evidence
`gap_fill …`), *Conciliación* and *Manual* (a person: who and why, from the audit log). The
status of each change carries its word, an icon and its colour: never colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from PySide6.QtCore import QByteArray, QCoreApplication, QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from mestore_desktop.domain.browse import OrderDetail
from mestore_desktop.domain.payment import PaymentStatus, StatusSource
from mestore_desktop.ui import icons
from mestore_desktop.ui.formatting import BOGOTA
from mestore_desktop.ui.theme import set_style_property

SYSTEM_ACTOR = "system"  # the store's actor for what the app did by itself
GAP_FILL_EVIDENCE = "gap_fill"


class Source(StrEnum):
    """Where a timeline line came from, as staff read it."""

    CHECKOUT = "checkout"
    WEBHOOK = "webhook"
    POLL = "poll"
    GAP_FILL = "gap_fill"
    RECONCILE = "reconcile"
    MANUAL = "manual"
    SYSTEM = "system"

    def word(self) -> str:
        words = {
            Source.CHECKOUT: QCoreApplication.translate("OrderTimeline", "Caja"),
            Source.WEBHOOK: QCoreApplication.translate("OrderTimeline", "Webhook"),
            Source.POLL: QCoreApplication.translate("OrderTimeline", "Consulta"),
            Source.GAP_FILL: QCoreApplication.translate("OrderTimeline", "Búsqueda en Wompi"),
            Source.RECONCILE: QCoreApplication.translate("OrderTimeline", "Conciliación"),
            Source.MANUAL: QCoreApplication.translate("OrderTimeline", "Manual"),
            Source.SYSTEM: QCoreApplication.translate("OrderTimeline", "Sistema"),
        }
        return words[self]

    @classmethod
    def of_change(cls, source: StatusSource, evidence: str) -> Source:
        if source is StatusSource.RECONCILE and evidence.startswith(GAP_FILL_EVIDENCE):
            return cls.GAP_FILL
        return cls(source.value)


def payment_status_word(status: PaymentStatus) -> str:
    words = {
        PaymentStatus.PENDING: QCoreApplication.translate("PaymentStatus", "Pendiente"),
        PaymentStatus.APPROVED: QCoreApplication.translate("PaymentStatus", "Aprobado"),
        PaymentStatus.DECLINED: QCoreApplication.translate("PaymentStatus", "Rechazado"),
        PaymentStatus.ERROR: QCoreApplication.translate("PaymentStatus", "Error"),
        PaymentStatus.VOIDED: QCoreApplication.translate("PaymentStatus", "Anulado"),
    }
    return words[status]


# The theme's status colours (QLabel[status=…] in resources/theme.qss) and icons, by status.
PAYMENT_STATUS_COLOUR = {
    PaymentStatus.PENDING: "pending",
    PaymentStatus.APPROVED: "approved",
    PaymentStatus.DECLINED: "declined",
    PaymentStatus.ERROR: "error",
    PaymentStatus.VOIDED: "voided",
}
COLOUR_ICON = {
    "approved": "approved",
    "pending": "pending",
    "declined": "declined",
    "error": "error",
    "voided": "cancelled",
}


def action_word(action: str) -> str:
    """An audit action code as staff read it; an unknown code is shown as it is."""
    words = {
        "payment.late_approval_acknowledged": QCoreApplication.translate(
            "OrderTimeline", "Pago tras cancelar: visto"
        ),
        "payment.duplicate": QCoreApplication.translate("OrderTimeline", "Pago doble detectado"),
        "payment.duplicate_acknowledged": QCoreApplication.translate(
            "OrderTimeline", "Pago doble: visto"
        ),
        "payment.approved_after_cancel": QCoreApplication.translate(
            "OrderTimeline", "Aprobado después de cancelar"
        ),
        "payment.conflict": QCoreApplication.translate("OrderTimeline", "Conflicto con Wompi"),
        "payment.checkout_expired": QCoreApplication.translate("OrderTimeline", "Cobro vencido"),
        "payment.watch_ended": QCoreApplication.translate(
            "OrderTimeline", "Fin de la vigilancia del pago"
        ),
        "reconcile.resolved": QCoreApplication.translate(
            "OrderTimeline", "Resuelto en conciliación"
        ),
        "payment.void_requested": QCoreApplication.translate(
            "OrderTimeline", "Anulación pedida a Wompi"
        ),
        "payment.voided": QCoreApplication.translate("OrderTimeline", "Pago anulado"),
        "payment.void_failed": QCoreApplication.translate("OrderTimeline", "Anulación fallida"),
        "payment.void_unconfirmed": QCoreApplication.translate(
            "OrderTimeline", "Anulación sin confirmar"
        ),
    }
    if action in words:
        return words[action]
    if "void" in action:
        return QCoreApplication.translate("OrderTimeline", "Anulación")
    return action


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One line: a status change (`status` set) or an audit note (`action` set)."""

    at: datetime
    source: Source
    reference: str = ""
    status: PaymentStatus | None = None
    from_status: PaymentStatus | None = None
    transaction_id: str = ""
    evidence: str = ""
    actor: str = ""
    action: str = ""
    detail: str = ""


def timeline_entries(detail: OrderDetail) -> list[TimelineEntry]:
    """Every change of every attempt and every note of the order, oldest first."""
    entries = [
        TimelineEntry(
            at=change.at,
            source=Source.of_change(change.source, change.evidence),
            reference=change.reference,
            status=change.to_status,
            from_status=change.from_status,
            transaction_id=change.transaction_id or "",
            evidence=change.evidence,
        )
        for attempt in detail.attempts
        for change in attempt.history
    ]
    entries += [
        TimelineEntry(
            at=note.at,
            source=Source.SYSTEM if note.actor in ("", SYSTEM_ACTOR) else Source.MANUAL,
            actor=note.actor,
            action=note.action,
            detail=note.detail,
        )
        for note in detail.notes
    ]
    return sorted(entries, key=lambda e: e.at)


# -- source icons: small line drawings in the theme's text colour ------------------------------

_INK = "#3e4c59"
_SVG = {
    # a till: screen on a body with keys
    Source.CHECKOUT: '<rect x="5" y="3" width="14" height="7" rx="1"/>'
    '<rect x="3" y="12" width="18" height="9" rx="1"/><path d="M7 15h2M11 15h2M15 15h2M7 18h10"/>',
    # a lightning bolt: Wompi pushed it
    Source.WEBHOOK: '<path d="M13 2 5 14h6l-1 8 9-13h-6z"/>',
    # circular arrows: we asked again
    Source.POLL: '<path d="M20 12a8 8 0 1 1-2.3-5.7"/><path d="M20 4v5h-5"/>',
    # a magnifier over a calendar page: searched by date
    Source.GAP_FILL: '<rect x="3" y="4" width="12" height="12" rx="1"/><path d="M3 8h12"/>'
    '<circle cx="16" cy="16" r="4"/><path d="m19 19 3 3"/>',
    # two opposite arrows: matched against Wompi
    Source.RECONCILE: '<path d="M4 8h15l-4-4M20 16H5l4 4"/>',
    # a person
    Source.MANUAL: '<circle cx="12" cy="7" r="4"/><path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7"/>',
    # a gear-like dot: the app itself
    Source.SYSTEM: '<circle cx="12" cy="12" r="3"/><circle cx="12" cy="12" r="8"/>',
}


def source_pixmap(source: Source, size: int = 16) -> QPixmap:
    """The source's icon, drawn from its SVG at `size` logical pixels."""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" '
        f'stroke="{_INK}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">'
        f"{_SVG[source]}</svg>"
    )
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    ratio = 2.0  # drawn at twice the size, so it stays crisp on a HiDPI screen
    image = QPixmap(round(size * ratio), round(size * ratio))
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image


# -- the widget --------------------------------------------------------------------------------


class OrderTimeline(QWidget):
    """The entries as rows: time, source (icon + word), what happened (status word + icon)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OrderTimeline")
        self.setAccessibleName(self.tr("Historial de estados"))
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setVerticalSpacing(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._grid)
        self.entries: list[TimelineEntry] = []

    def show_entries(self, entries: list[TimelineEntry]) -> None:
        self._clear()
        self.entries = list(entries)
        if not entries:
            empty = QLabel(self.tr("Sin cambios de estado registrados."))
            empty.setObjectName("PlaceholderText")
            self._grid.addWidget(empty, 0, 0)
            return
        for row, entry in enumerate(entries):
            self._add_row(row, entry)

    def lines(self) -> list[str]:
        """Each row as one line of text (what a screen reader announces for it)."""
        return [entry_text(entry) for entry in self.entries]

    def _clear(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _add_row(self, row: int, entry: TimelineEntry) -> None:
        self._grid.addWidget(_entry_widget(entry), row, 0)


def _entry_widget(entry: TimelineEntry) -> QWidget:
    """Two lines, narrow enough for the detail pane:
    [status icon] Pendiente → Aprobado            26/11 10:31:00
    [source icon] Webhook · T01-… · transacción …  (wraps)"""
    box = QWidget()
    box.setObjectName("TimelineEntry")
    box.setAccessibleName(entry_text(entry))
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(6)
    grid.setVerticalSpacing(0)
    grid.setColumnStretch(1, 1)
    mark, head = QLabel(), QLabel(_headline(entry))
    head.setTextFormat(Qt.TextFormat.PlainText)
    if entry.status is not None:
        colour = PAYMENT_STATUS_COLOUR[entry.status]
        set_style_property(head, "status", colour)
        mark.setPixmap(icons.pixmap(COLOUR_ICON[colour], 14))
    else:
        head.setObjectName("TimelineNote")
    when = QLabel(entry.at.astimezone(BOGOTA).strftime("%d/%m %H:%M:%S"))
    when.setObjectName("TimelineTime")
    when.setToolTip(entry.at.astimezone(BOGOTA).strftime("%d/%m/%Y %H:%M:%S (Bogotá)"))
    source_icon = QLabel()
    source_icon.setPixmap(source_pixmap(entry.source, 14))
    source_icon.setToolTip(entry.source.word())
    detail = QLabel(" · ".join(p for p in (entry.source.word(), _small_line(entry)) if p))
    detail.setObjectName("TimelineDetail")
    detail.setTextFormat(Qt.TextFormat.PlainText)
    detail.setWordWrap(True)
    detail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if entry.evidence:
        detail.setToolTip(entry.evidence)
    top = Qt.AlignmentFlag.AlignTop
    grid.addWidget(mark, 0, 0, top)
    grid.addWidget(head, 0, 1)
    grid.addWidget(when, 0, 2, Qt.AlignmentFlag.AlignRight | top)
    grid.addWidget(source_icon, 1, 0, top)
    grid.addWidget(detail, 1, 1, 1, 2)
    return box


def _headline(entry: TimelineEntry) -> str:
    if entry.status is None:
        return action_word(entry.action)
    if entry.from_status is None:
        return payment_status_word(entry.status)
    return f"{payment_status_word(entry.from_status)} → {payment_status_word(entry.status)}"


def _small_line(entry: TimelineEntry) -> str:
    if entry.status is None:
        who = (
            QCoreApplication.translate("OrderTimeline", "Por %1").replace("%1", entry.actor)
            if entry.source is Source.MANUAL
            else ""
        )
        return " · ".join(part for part in (who, note_text(entry.detail)) if part)
    parts = [entry.reference]
    if entry.transaction_id:
        parts.append(
            QCoreApplication.translate("OrderTimeline", "transacción %1").replace(
                "%1", entry.transaction_id
            )
        )
    return " · ".join(p for p in parts if p)


def note_text(detail: str) -> str:
    """An audit detail as staff read it: the reason a person gave ("… reason=why"), else the
    detail as it was written."""
    _, found, why = detail.partition("reason=")
    if found and why.strip():
        return QCoreApplication.translate("OrderTimeline", "Motivo: %1").replace("%1", why.strip())
    return detail


def entry_text(entry: TimelineEntry) -> str:
    """The whole line in words: time, source, what happened and its details."""
    when = entry.at.astimezone(BOGOTA).strftime("%d/%m/%Y %H:%M:%S")
    parts = [when, entry.source.word(), _headline(entry), _small_line(entry)]
    return " · ".join(p for p in parts if p)
