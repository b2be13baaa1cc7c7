"""Payments through our payment links, attached to an order before the status machine sees them.

A customer paying one of our links makes a Wompi transaction that carries `payment_link_id` and
a reference Wompi made up (`<link id>_<unix>_<random>`, docs/wompi.md §7.2), never one of ours. So
`apply_transactions` asks `link_attempt` for the attempt to apply it to:

* the attempt already made for that reference (a redelivered event, the watcher's poll, the gap
  filler's search: nothing is made twice);
* else a new Wompi attempt under that reference, for what the payer paid, on the link's order
  (`OrderRepository.add_link_attempt`: even a paid order, whose approval is then a duplicate
  payment, or a cancelled one, whose approval is a late approval);
* else, when the link has no order, on a new order made from the link (one line: its name, the
  amount paid, its IVA rate), marked as coming from it. A single-use link is then that order's
  link, so a retry after a decline lands on the same order. A failure seen first as final on a
  link without order sold nothing: no order is made, it stays a foreign transaction.

None (a link that is not ours, a payment not in pesos, a reference clash) keeps it among the
foreign transactions, as before links were tracked. After the status machine applied it,
`count_link_payment` recounts what the link collected.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime

from sqlalchemy.orm import Session

from mestore_desktop.domain.links import PaymentLinkRecord, order_for_payment
from mestore_desktop.domain.order import Customer, OrderError
from mestore_desktop.domain.payment import FAILED_STATUSES, PaymentAttempt, StatusSource
from mestore_desktop.store.link_repository import LINK_ORDER_CREATED, LinkRepository
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.wompi.models import CURRENCY, Transaction

log = logging.getLogger(__name__)

LINK_AMOUNT_DIFFERS = "link.amount_differs"


def link_attempt(
    session: Session, tx: Transaction, source: StatusSource, at: datetime
) -> PaymentAttempt | None:
    """The attempt this link payment is applied to, made when first seen; None to keep it as
    a foreign transaction."""
    links = LinkRepository(session)
    link = None if tx.payment_link_id is None else links.get(tx.payment_link_id)
    if link is None:
        return None  # another till's link, or the online shop's
    orders = OrderRepository(session)
    attempt = orders.find_attempt(tx.reference)
    if attempt is not None:
        if links.link_of_attempt(tx.reference) == link.link_id:
            return attempt
        log.warning("link payment %s under a reference of another payment: kept apart", tx.id)
        return None
    if tx.currency != CURRENCY:
        return None  # never a sale's money; the reconciliation lists it
    number = link.order_number
    if number is None:
        if tx.status in FAILED_STATUSES:
            return None
        number = _order_from_link(session, link, tx, at)
    else:
        _check_amount(orders, link, tx, number, at)
    return orders.add_link_attempt(
        number, tx.reference, link.link_id, tx.amount, tx.created_at, source
    )


def count_link_payment(session: Session, tx: Transaction, at: datetime) -> None:
    """After the status machine: what the link collected, counted again from its attempts."""
    if tx.payment_link_id is None:
        return
    links = LinkRepository(session)
    if links.get(tx.payment_link_id) is not None:
        links.record_payment(tx.payment_link_id, tx.finalized_at or at)


def _order_from_link(
    session: Session, link: PaymentLinkRecord, tx: Transaction, at: datetime
) -> int:
    order = order_for_payment(link, tx.amount, tx.created_at)
    if tx.customer_email:
        try:
            order = replace(order, customer=Customer(email=tx.customer_email))
        except OrderError:
            log.warning("link payment %s: e-mail not kept (not an address)", tx.id)
    saved = OrderRepository(session).create_order(order)
    assert saved.number is not None  # noqa: S101  the store just numbered it
    links = LinkRepository(session)
    links.mark_order_from_link(saved.number, link.link_id)
    if link.single_use:
        links.tie_to_order(link.link_id, saved.number)
    links.audit_link(
        LINK_ORDER_CREATED,
        link.link_id,
        at,
        detail=f"reference={tx.reference} transaction_id={tx.id} amount_cents={tx.amount_in_cents}",
        order_number=saved.number,
    )
    return saved.number


def _check_amount(
    orders: OrderRepository, link: PaymentLinkRecord, tx: Transaction, number: int, at: datetime
) -> None:
    """An open amount, or an order changed after its link was made: the payment still counts
    (money taken), but someone must see that it is not the order's total."""
    order = orders.get_order(number)
    if order is None or order.total.cents == tx.amount_in_cents:
        return
    orders.audit(
        LINK_AMOUNT_DIFFERS,
        f"order={number} link={link.link_id} reference={tx.reference} transaction_id={tx.id} "
        f"amount_cents={tx.amount_in_cents} order_total_cents={order.total.cents}",
        at,
    )
