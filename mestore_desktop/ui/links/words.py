"""How links read for staff: status words with a mark, icon and colour, amounts, expiry and the
countdown of a link about to expire (all times in Bogotá)."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from mestore_desktop.domain.links import LinkStatus, PaymentLinkRecord
from mestore_desktop.domain.money import Money
from mestore_desktop.ui.formatting import BOGOTA, local_time

# A link that expires sooner than this shows a countdown instead of its date.
COUNTDOWN_WINDOW = timedelta(hours=24)

# The theme's status colours (ui/formatting.STATUS_HEX keys): an active link is still waiting
# for its payment (amber), a paid one is done (green), an expired one failed to be paid in time
# (dark orange), a deactivated one was switched off by staff (grey).
STATUS_COLOUR = {
    LinkStatus.ACTIVE: "pending",
    LinkStatus.PAID: "approved",
    LinkStatus.EXPIRED: "error",
    LinkStatus.DEACTIVATED: "voided",
}
# ui/icons names, so colour is never the only signal.
STATUS_ICON = {
    LinkStatus.ACTIVE: "pending",
    LinkStatus.PAID: "approved",
    LinkStatus.EXPIRED: "error",
    LinkStatus.DEACTIVATED: "cancelled",
}


def status_word(status: LinkStatus) -> str:
    words = {
        LinkStatus.ACTIVE: QCoreApplication.translate("LinkWords", "Activo"),
        LinkStatus.DEACTIVATED: QCoreApplication.translate("LinkWords", "Desactivado"),
        LinkStatus.EXPIRED: QCoreApplication.translate("LinkWords", "Vencido"),
        LinkStatus.PAID: QCoreApplication.translate("LinkWords", "Pagado"),
    }
    return words[status]


def status_text(record: PaymentLinkRecord, now: datetime, *, compact: bool = False) -> str:
    """The status word, and when and what was collected: "Pagado · 26/11/2026 10:30 ·
    $ 25.000". `compact` (a table's cell): "Pagado 26/11 10:30", with the amount only when it
    is not the link's own (an open amount)."""
    status = record.status(now)
    word = status_word(status)
    if record.payments == 0:
        return word
    if status is LinkStatus.PAID and record.paid_at is not None:
        if not compact:
            return f"{word} · {local_time(record.paid_at)} · {record.collected.format()}"
        when = record.paid_at.astimezone(BOGOTA).strftime("%d/%m %H:%M")
        if record.amount == record.collected:
            return f"{word} {when}"
        return f"{word} {when} · {record.collected.format()}"
    if compact:
        paid = (
            QCoreApplication.translate("LinkWords", "1 pago")
            if record.payments == 1
            else QCoreApplication.translate("LinkWords", "{n} pagos").format(n=record.payments)
        )
    elif record.payments == 1:
        paid = QCoreApplication.translate("LinkWords", "1 pago de {total}").format(
            total=record.collected.format()
        )
    else:
        paid = QCoreApplication.translate("LinkWords", "{n} pagos, {total}").format(
            n=record.payments, total=record.collected.format()
        )
    return f"{word} · {paid}"


def amount_text(amount: Money | None) -> str:
    return QCoreApplication.translate("LinkWords", "Abierto") if amount is None else amount.format()


def countdown_text(left: timedelta) -> str:
    """ "Vence en 3 h 05 min", "Vence en 42 min", "Vence en menos de 1 min"."""
    minutes = int(left.total_seconds() // 60)
    if minutes < 1:
        return QCoreApplication.translate("LinkWords", "Vence en menos de 1 min")
    if minutes < 60:
        return QCoreApplication.translate("LinkWords", "Vence en {m} min").format(m=minutes)
    return QCoreApplication.translate("LinkWords", "Vence en {h} h {m:02d} min").format(
        h=minutes // 60, m=minutes % 60
    )


def expiry_text(record: PaymentLinkRecord, now: datetime, *, compact: bool = False) -> str:
    """Never / a countdown within 24 h (only while it can still be paid) / its date."""
    if record.expires_at is None:
        return QCoreApplication.translate("LinkWords", "Sin vencimiento")
    if record.expires_at <= now:
        if compact:
            when = record.expires_at.astimezone(BOGOTA).strftime("%d/%m %H:%M")
            return QCoreApplication.translate("LinkWords", "Venció {when}").format(when=when)
        return QCoreApplication.translate("LinkWords", "Venció el {when}").format(
            when=local_time(record.expires_at)
        )
    left = record.expires_in(now)
    if record.status(now) is LinkStatus.ACTIVE and left is not None and left < COUNTDOWN_WINDOW:
        return countdown_text(left)
    return local_time(record.expires_at)


def expires_soon(record: PaymentLinkRecord, now: datetime) -> bool:
    left = record.expires_in(now)
    return record.status(now) is LinkStatus.ACTIVE and left is not None and left < COUNTDOWN_WINDOW
