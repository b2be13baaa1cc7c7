"""How reconciliation's codes read for staff: queue names, Wompi statuses, money."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.payment import PaymentStatus
from mestore_desktop.domain.reconciliation import Queue, QueueRow
from mestore_desktop.ui.i18n import render


def queue_name(queue: Queue) -> str:
    """The tab caption of a queue (without its count)."""
    names = {
        Queue.MATCHED: QCoreApplication.translate("ReconciliationQueue", "Conciliadas"),
        Queue.STALE_PENDING: QCoreApplication.translate(
            "ReconciliationQueue", "Pendientes resueltas en Wompi"
        ),
        Queue.AMOUNT_MISMATCH: QCoreApplication.translate(
            "ReconciliationQueue", "Montos distintos"
        ),
        Queue.ORPHAN: QCoreApplication.translate("ReconciliationQueue", "Sin pedido"),
        Queue.PAID_WITHOUT_APPROVAL: QCoreApplication.translate(
            "ReconciliationQueue", "Pagadas sin Wompi"
        ),
        Queue.DUPLICATE_PAYMENT: QCoreApplication.translate("ReconciliationQueue", "Pago doble"),
        Queue.APPROVED_AFTER_CANCEL: QCoreApplication.translate(
            "ReconciliationQueue", "Aprobado tras cancelar"
        ),
    }
    return names[queue]


def queue_help(queue: Queue) -> str:
    """One sentence under the tab: what the rows mean and what to do with them."""
    texts = {
        Queue.MATCHED: QCoreApplication.translate(
            "ReconciliationQueue",
            "Pagos que coinciden en MeStore y en Wompi: mismo estado, monto y moneda.",
        ),
        Queue.STALE_PENDING: QCoreApplication.translate(
            "ReconciliationQueue",
            "Pendientes en MeStore pero ya finales en Wompi. «Aplicar estado de Wompi» los "
            "pone al día.",
        ),
        Queue.AMOUNT_MISMATCH: QCoreApplication.translate(
            "ReconciliationQueue",
            "La misma referencia con otro monto o moneda en Wompi. Revise el pedido y el cobro.",
        ),
        Queue.ORPHAN: QCoreApplication.translate(
            "ReconciliationQueue",
            "Transacciones de Wompi que no corresponden a ningún pedido de MeStore.",
        ),
        Queue.PAID_WITHOUT_APPROVAL: QCoreApplication.translate(
            "ReconciliationQueue",
            "Pedidos pagados por Wompi en MeStore sin una transacción aprobada en Wompi.",
        ),
        Queue.DUPLICATE_PAYMENT: QCoreApplication.translate(
            "ReconciliationQueue",
            "Pedidos con dos o más pagos aprobados. Devuelva los sobrantes desde el panel de "
            "comercios de Wompi.",
        ),
        Queue.APPROVED_AFTER_CANCEL: QCoreApplication.translate(
            "ReconciliationQueue",
            "Aprobados en Wompi después de cancelar el pago o el pedido. Entregue la compra o "
            "devuelva el dinero.",
        ),
    }
    return texts[queue]


def payment_status_word(status: PaymentStatus | None) -> str:
    """A Wompi or local status with a mark, so colour is never the only signal."""
    if status is None:
        return QCoreApplication.translate("PaymentStatusWord", "— sin registro")
    words = {
        PaymentStatus.APPROVED: QCoreApplication.translate("PaymentStatusWord", "✔ Aprobado"),
        PaymentStatus.PENDING: QCoreApplication.translate("PaymentStatusWord", "◔ Pendiente"),
        PaymentStatus.DECLINED: QCoreApplication.translate("PaymentStatusWord", "✖ Rechazado"),
        PaymentStatus.ERROR: QCoreApplication.translate("PaymentStatusWord", "⚠ Error"),
        PaymentStatus.VOIDED: QCoreApplication.translate("PaymentStatusWord", "↺ Anulado"),
    }
    return words[status]


# The theme's status colours (ui/formatting.STATUS_HEX keys), by payment status.
PAYMENT_STATUS_COLOUR = {
    PaymentStatus.APPROVED: "approved",
    PaymentStatus.PENDING: "pending",
    PaymentStatus.DECLINED: "declined",
    PaymentStatus.ERROR: "error",
    PaymentStatus.VOIDED: "voided",
}


def money(cents: int) -> str:
    return Money(cents).format()


def count_and_total(count: int, cents: int) -> str:
    """ "3 transacciones · $ 75.000" (one: "1 transacción")."""
    if count == 1:
        text = QCoreApplication.translate("ReconciliationQueue", "1 transacción · {total}")
    else:
        text = QCoreApplication.translate("ReconciliationQueue", "{n} transacciones · {total}")
    return text.format(n=count, total=money(cents))


def row_detail(row: QueueRow) -> str:
    """A row's detail sentence in the UI language.

    Matched rows carry a plain Spanish str (the domain words 100,000 of them fast); this says
    it from the order number instead. Every other row carries a Text, rendered translated.
    """
    if row.queue is Queue.MATCHED and isinstance(row.detail, str) and row.order_number:
        return QCoreApplication.translate(
            "ReconciliationQueue", "Coincide con el pedido {number}."
        ).format(number=row.order_number)
    return render(row.detail)
