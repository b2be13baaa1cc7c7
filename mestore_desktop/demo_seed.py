"""The demo's sample data: a shop's catalogue and a few past sales, on the first start only.

A newcomer can scan a product at once (resources/demo/catalogo.csv: 30 products of a Colombian
neighbourhood shop with EAN-13 barcodes and IVA 0/5/19 %; the rates are illustrative) and finds
a paid card sale, a cash sale with change, a declined card, a Nequi payment and a declined card
paid in cash afterwards in *Pedidos*. The Wompi payments are real transactions of the demo's
sandbox, read back and applied through the same path as the status sync, so receipts, details
and the sync all agree with them.

Everything is written in one database transaction together with an audit entry
(`demo.seeded`), so a restart (even after a crash half-way) never seeds twice and never finds
half a seed. A folder that already holds orders or products is never seeded.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mestore_desktop.domain.catalogue import Product
from mestore_desktop.domain.catalogue_csv import parse_catalogue_csv
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import Customer, Order
from mestore_desktop.domain.payment import PaymentAttempt, StatusSource, Tender
from mestore_desktop.sandbox.payments import CARD_APPROVED, CARD_DECLINED, NEQUI_APPROVED
from mestore_desktop.sandbox.state import Sandbox
from mestore_desktop.store.catalogue_repository import CatalogueRepository
from mestore_desktop.store.db import Database
from mestore_desktop.store.repositories import OrderRepository
from mestore_desktop.store.sync_repository import SyncRepository
from mestore_desktop.store.tables import AuditLogRow, OrderRow
from mestore_desktop.sync.apply import apply_transactions
from mestore_desktop.wompi.models import Transaction

log = logging.getLogger(__name__)

SEEDED = "demo.seeded"
CURSOR_RESET = "demo.relay_cursor_reset"
CATALOGUE = ("demo", "catalogo.csv")
SEED_EVIDENCE = "demo_seed"
CASH_STEP = Money.from_pesos(10_000)  # customers hand over round notes


@dataclass(frozen=True, slots=True)
class PastSale:
    """One sample sale: what was bought, how long ago, and how each attempt to pay ended."""

    minutes_ago: int
    items: tuple[tuple[str, int], ...]  # (sku, quantity)
    payments: tuple[str, ...]  # "card", "declined card", "nequi", "cash", in order
    customer: Customer = field(default_factory=Customer)


PAST_SALES = (
    PastSale(
        180,
        (("CAF-500", 1), ("HUE-AA30", 1), ("LEC-1L", 2)),
        ("card",),
        Customer(name="Ana María Restrepo", email="ana.restrepo@example.com"),
    ),
    PastSale(140, (("GAS-15L", 2), ("PFR-110", 1), ("CHT-30", 3)), ("cash",)),
    PastSale(
        95,
        (("DET-1K", 1), ("PHI-X4", 1), ("JAB-X3", 1)),
        ("declined card",),
        Customer(name="Carlos Gómez", email="carlos.gomez@example.com"),
    ),
    PastSale(50, (("CER-330", 6), ("AGU-600", 2)), ("nequi",)),
    PastSale(25, (("ARR-1K", 2), ("PAN-500", 1), ("ACE-1L", 1)), ("declined card", "cash")),
)
_METHODS: dict[str, dict[str, Any]] = {
    "card": {"type": "CARD", "number": CARD_APPROVED},
    "declined card": {"type": "CARD", "number": CARD_DECLINED},
    "nequi": {"type": "NEQUI", "phone_number": NEQUI_APPROVED},
}


def resources_dir() -> Path:
    """The project's `resources/`, from source or a PyInstaller bundle (as ui/resources.py)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def sample_catalogue() -> tuple[Product, ...]:
    """The bundled sample catalogue; a row that does not parse is a bug in the bundle."""
    path = resources_dir().joinpath(*CATALOGUE)
    parsed = parse_catalogue_csv(path.read_text(encoding="utf-8"))
    if parsed.errors:
        raise ValueError(f"{path}: {'; '.join(str(error) for error in parsed.errors)}")
    return parsed.products


def seed_first_start(
    database: Database, sandbox: Sandbox, terminal_id: str, now: datetime | None = None
) -> bool:
    """Seed the catalogue and the past sales unless this folder was seeded or used; True if
    it seeded now."""
    products = sample_catalogue()
    at = now or datetime.now(UTC)

    def seed(session: Session) -> bool:
        if _seeded_or_used(session):
            return False
        CatalogueRepository(session).import_products(products)
        catalogue = {product.sku: product for product in products}
        for sale in PAST_SALES:
            _record_sale(session, sandbox, sale, catalogue, terminal_id, at)
        OrderRepository(session).audit(
            SEEDED, f"products={len(products)} orders={len(PAST_SALES)}", at
        )
        return True

    seeded = database.write(seed)
    if seeded:
        log.info("demo seeded: %d products, %d past sales", len(products), len(PAST_SALES))
    return seeded


def align_relay_cursor(database: Database, *, relay_is_new: bool) -> None:
    """A new relay numbers its events from 1 again; a cursor left from a lost relay database
    would skip them, so it starts over (applying an event twice changes nothing)."""
    if not relay_is_new:
        return

    def reset(session: Session) -> None:
        sync = SyncRepository(session)
        old = sync.cursor()
        if old:
            sync.set_cursor(0)
            OrderRepository(session).audit(CURSOR_RESET, f"cursor={old}", datetime.now(UTC))
            log.warning("the demo relay database is new; relay cursor %d reset to 0", old)

    database.write(reset)


def _seeded_or_used(session: Session) -> bool:
    marked = session.scalar(select(AuditLogRow.id).where(AuditLogRow.action == SEEDED).limit(1))
    has_order = session.scalar(select(OrderRow.number).limit(1))
    return marked is not None or has_order is not None or CatalogueRepository(session).count() > 0


def _record_sale(
    session: Session,
    sandbox: Sandbox,
    sale: PastSale,
    catalogue: dict[str, Product],
    terminal_id: str,
    now: datetime,
) -> None:
    at = now - timedelta(minutes=sale.minutes_ago)
    lines = tuple(catalogue[sku].to_line(quantity) for sku, quantity in sale.items)
    orders = OrderRepository(session)
    order = orders.create_order(Order(terminal_id, lines, at, customer=sale.customer))
    assert order.number is not None  # noqa: S101  assigned by create_order
    for step, payment in enumerate(sale.payments):
        moment = at + timedelta(minutes=step + 1)
        if payment == "cash":
            received = _round_up(order.total, CASH_STEP)
            orders.new_attempt(order.number, Tender.CASH, moment, cash_received=received)
            continue
        attempt = orders.new_attempt(order.number, Tender.WOMPI, moment)
        paid = _sandbox_payment(sandbox, attempt, _METHODS[payment], sale.customer, now)
        apply_transactions(
            session, [paid], source=StatusSource.POLL, at=moment, evidence=SEED_EVIDENCE
        )


def _sandbox_payment(
    sandbox: Sandbox,
    attempt: PaymentAttempt,
    method: dict[str, Any],
    customer: Customer,
    now: datetime,
) -> Transaction:
    """The attempt paid in the sandbox with the test data that gives the wanted outcome.

    A transaction left by an earlier seed that crashed before its commit is reused (the
    sandbox refuses a second approved payment under one reference)."""
    existing = sandbox.transactions_by_reference(attempt.reference)
    if existing:
        tx_id = existing[-1]["id"]
    else:
        tx_id = sandbox.create_transaction(
            amount_in_cents=attempt.amount.cents,
            currency="COP",
            reference=attempt.reference,
            customer_email=customer.email or "cliente@example.com",
            payment_method=_with_card_details(method, customer, now),
            customer_data={"full_name": customer.name or "Cliente de mostrador"},
        )["id"]
    view = sandbox.get_transaction(tx_id)
    if view is not None and view["status"] == "PENDING":
        view = sandbox.resolve(tx_id, sandbox.expected_outcome(tx_id))
    return Transaction.from_api(view)


def _with_card_details(method: dict[str, Any], customer: Customer, now: datetime) -> dict[str, Any]:
    if method["type"] != "CARD":
        return dict(method)
    return {
        **method,
        "cvc": "123",
        "exp_month": "12",
        "exp_year": f"{(now.year + 4) % 100:02d}",
        "card_holder": customer.name or "Cliente de mostrador",
        "installments": 1,
    }


def _round_up(amount: Money, step: Money) -> Money:
    return Money(-(-amount.cents // step.cents) * step.cents)
