"""The demo's sample shop: catalogue and past sales on the first start only (issue 8, item 11)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mestore_desktop.demo_seed import PAST_SALES, sample_catalogue, seed_first_start
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order
from mestore_desktop.domain.payment import PaymentStatus, Tender
from mestore_desktop.sandbox.config import SandboxConfig, generate_keys
from mestore_desktop.sandbox.state import Sandbox
from mestore_desktop.store.catalogue_repository import CatalogueRepository
from mestore_desktop.store.db import Database
from mestore_desktop.store.repositories import OrderRepository

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2025, 3, 14, 18, 0, tzinfo=UTC)


@pytest.fixture
def database(tmp_path) -> Iterator[Database]:
    database = Database.open(tmp_path / "mestore.sqlite3")
    yield database
    database.close()


@pytest.fixture
def sandbox(tmp_path) -> Sandbox:
    # Manual: nothing finalizes by itself, so only the seed decides each outcome.
    return Sandbox(
        SandboxConfig(
            keys=generate_keys(), auto_finalize=False, state_file=tmp_path / "sandbox.json"
        )
    )


def orders_and_attempts(database: Database) -> list[tuple[str, list[tuple[Tender, str, str]]]]:
    def read(session):
        repo = OrderRepository(session)
        return [
            (
                summary.status.value,
                [
                    (a.tender, a.status.value, a.reference)
                    for a in repo.attempts_for(summary.number)
                ],
            )
            for summary in reversed(repo.list_orders())
        ]

    return database.read(read)


def test_the_sample_catalogue_is_a_colombian_shop_with_barcodes_and_every_iva_rate():
    products = sample_catalogue()

    assert 25 <= len(products) <= 40
    assert {p.iva_rate for p in products} == {IvaRate.EXEMPT, IvaRate.REDUCED, IvaRate.GENERAL}
    assert all(p.barcode for p in products)
    assert len({p.barcode for p in products}) == len(products)
    assert all(p.price == Money.from_pesos(p.price.cents // 100) for p in products)  # whole pesos


def test_the_first_start_seeds_the_catalogue_and_past_sales_paid_through_the_sandbox(
    database, sandbox
):
    assert seed_first_start(database, sandbox, "T01", NOW) is True

    assert database.read(lambda s: CatalogueRepository(s).count()) == len(sample_catalogue())
    seeded = orders_and_attempts(database)
    assert [status for status, _ in seeded] == ["paid", "paid", "failed", "paid", "paid"]
    assert [[(t, s) for t, s, _ in attempts] for _, attempts in seeded] == [
        [(Tender.WOMPI, "APPROVED")],
        [(Tender.CASH, "APPROVED")],
        [(Tender.WOMPI, "DECLINED")],
        [(Tender.WOMPI, "APPROVED")],
        [(Tender.WOMPI, "DECLINED"), (Tender.CASH, "APPROVED")],
    ]
    # Each Wompi attempt is a real sandbox transaction with the same outcome.
    for _, attempts in seeded:
        for tender, status, reference in attempts:
            if tender is Tender.WOMPI:
                (tx,) = sandbox.transactions_by_reference(reference)
                assert tx["status"] == status
                attempt = database.read(lambda s, r=reference: OrderRepository(s).get_attempt(r))
                assert attempt.transaction_id == tx["id"]


def test_past_sales_happened_before_the_first_start_and_cash_gets_change(database, sandbox):
    seed_first_start(database, sandbox, "T01", NOW)

    def read(session):
        repo = OrderRepository(session)
        return [
            (repo.get_order(summary.number), repo.attempts_for(summary.number))
            for summary in repo.list_orders()
        ]

    for order, attempts in database.read(read):
        assert isinstance(order, Order) and order.created_at < NOW
        for attempt in attempts:
            if attempt.tender is Tender.CASH:
                assert attempt.cash_received is not None
                assert attempt.cash_received >= attempt.amount
                assert attempt.status is PaymentStatus.APPROVED


def test_a_restart_never_seeds_twice(database, sandbox):
    seed_first_start(database, sandbox, "T01", NOW)
    before = orders_and_attempts(database)

    assert seed_first_start(database, sandbox, "T01", NOW) is False

    assert orders_and_attempts(database) == before
    assert database.read(lambda s: CatalogueRepository(s).count()) == len(sample_catalogue())


def test_a_folder_already_in_use_is_not_seeded(database, sandbox):
    products = sample_catalogue()[:1]
    database.write(lambda s: CatalogueRepository(s).import_products(products))

    assert seed_first_start(database, sandbox, "T01", NOW) is False

    assert database.read(lambda s: CatalogueRepository(s).count()) == 1
    assert orders_and_attempts(database) == []


def test_a_seed_interrupted_after_its_sandbox_payments_is_redone_on_the_same_transactions(
    tmp_path, sandbox
):
    # The sandbox kept its transactions but the database never committed (a kill mid-seed):
    # the second start finds the database as it was before the seed (its installation id, so
    # its references, included).
    first = Database.open(tmp_path / "first.sqlite3")
    first.close()
    shutil.copyfile(tmp_path / "first.sqlite3", tmp_path / "second.sqlite3")
    first = Database.open(tmp_path / "first.sqlite3")
    seed_first_start(first, sandbox, "T01", NOW)
    first.close()
    transactions = sandbox.transactions()
    second = Database.open(tmp_path / "second.sqlite3")

    try:
        assert seed_first_start(second, sandbox, "T01", NOW) is True

        assert sandbox.transactions() == transactions
        assert [status for status, _ in orders_and_attempts(second)] == [
            "paid",
            "paid",
            "failed",
            "paid",
            "paid",
        ]
    finally:
        second.close()


def test_the_readme_lists_three_codes_of_the_sample_catalogue(database, sandbox):
    seed_first_start(database, sandbox, "T01", NOW)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    codes = re.findall(r"`(77099\d{8})`", readme)

    assert len(codes) == 3
    for code in codes:
        product = database.read(lambda s, c=code: CatalogueRepository(s).by_code(c))
        assert product is not None and product.barcode == code
    assert len(PAST_SALES) >= 3
