"""How the UI writes dates, money and statuses for people in Colombia."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QCoreApplication

from mestore_desktop.domain.payment import OrderStatus

# Colombia has kept UTC-5 without daylight saving since 1993; a fixed offset needs no tz database
# (which a Windows bundle would otherwise have to ship).
BOGOTA = timezone(timedelta(hours=-5), "America/Bogota")

# The theme's shared status colours (resources/theme.qss), by order status.
STATUS_COLOUR = {
    OrderStatus.PAID: "approved",
    OrderStatus.AWAITING_PAYMENT: "pending",
    OrderStatus.OPEN: "pending",
    OrderStatus.FAILED: "declined",
    OrderStatus.CANCELLED: "voided",
    OrderStatus.VOIDED: "voided",
}

# The same colours as resources/theme.qss, for item models (which QSS does not reach).
STATUS_HEX = {
    "approved": "#1e7b34",
    "pending": "#b7791f",
    "declined": "#c62828",
    "error": "#c2410c",
    "voided": "#6b7280",
}


def local_time(moment: datetime) -> str:
    """26/11/2026 10:30 in Bogotá time."""
    return moment.astimezone(BOGOTA).strftime("%d/%m/%Y %H:%M")


def status_word(status: OrderStatus) -> str:
    words = {
        OrderStatus.OPEN: QCoreApplication.translate("OrderStatus", "Abierto"),
        OrderStatus.AWAITING_PAYMENT: QCoreApplication.translate("OrderStatus", "Esperando pago"),
        OrderStatus.PAID: QCoreApplication.translate("OrderStatus", "Pagado"),
        OrderStatus.FAILED: QCoreApplication.translate("OrderStatus", "Pago fallido"),
        OrderStatus.CANCELLED: QCoreApplication.translate("OrderStatus", "Cancelado"),
        OrderStatus.VOIDED: QCoreApplication.translate("OrderStatus", "Anulado"),
    }
    return words[status]


def status_mark(status: OrderStatus) -> str:
    """A symbol beside the word, so colour is never the only signal."""
    marks = {
        OrderStatus.PAID: "✔",
        OrderStatus.AWAITING_PAYMENT: "⏳",
        OrderStatus.OPEN: "○",
        OrderStatus.FAILED: "✖",
        OrderStatus.CANCELLED: "⊘",
        OrderStatus.VOIDED: "↺",
    }
    return marks[status]


def age_text(seconds: float) -> str:
    """ "hace 12 s", "hace 3 min", "hace 2 h" for the status bar."""
    seconds = max(0, int(seconds))
    if seconds < 60:
        return QCoreApplication.translate("Age", "hace {n} s").format(n=seconds)
    if seconds < 3600:
        return QCoreApplication.translate("Age", "hace {n} min").format(n=seconds // 60)
    return QCoreApplication.translate("Age", "hace {n} h").format(n=seconds // 3600)


def method_word(stored: str) -> str:
    """How a payment method reads in a table or a list: "CASH" and Wompi's payment_method_type
    ("CARD", "NEQUI"…) as words; anything else (an older attempt's label, "VISA ••4242", or a
    type Wompi added since) as it is."""
    words = {
        "CASH": QCoreApplication.translate("PaymentMethod", "Efectivo"),
        "CARD": QCoreApplication.translate("PaymentMethod", "Tarjeta"),
        "NEQUI": "Nequi",
        "PSE": "PSE",
        "BANCOLOMBIA_TRANSFER": "Bancolombia",
        "BANCOLOMBIA_QR": "Bancolombia QR",
        "BANCOLOMBIA_COLLECT": QCoreApplication.translate(
            "PaymentMethod", "Corresponsal Bancolombia"
        ),
        "BANCOLOMBIA_BNPL": QCoreApplication.translate(
            "PaymentMethod", "Compra y paga después Bancolombia"
        ),
        "DAVIPLATA": "Daviplata",
        "PCOL": "Puntos Colombia",
        "SU_PLUS": "SU+ Pay",
    }
    return words.get(stored, stored)
