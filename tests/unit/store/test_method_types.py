"""The store keeps each attempt's Wompi method type beside its label, and the back office reads
the type: the browser's methods and filter, the order's shown method, the local attempts that
reconciliation and the day close group by method. The label ("VISA ••4242") stays for receipts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from mestore_desktop.domain.browse import OrderFilter
from mestore_desktop.domain.day_close import build_day_close
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order, OrderLine
from mestore_desktop.domain.payment import Observation, PaymentStatus, StatusSource, Tender
from mestore_desktop.domain.reconciliation import bogota_day
from mestore_desktop.store.browse_repository import OrderBrowser
from mestore_desktop.store.db import Database
from mestore_desktop.store.reconciliation_repository import (
    DayCloseRepository,
    ReconciliationRepository,
)
from tests.unit.store.factories import PLENTY, T0, Repo

DAY = bogota_day(T0)
A, D = PaymentStatus.APPROVED, PaymentStatus.DECLINED


def sale(repo: Repo, minutes: int, tender: Tender = Tender.WOMPI) -> tuple[int, str]:
    when = T0 + timedelta(minutes=minutes)
    line = OrderLine("Café", 1, Money.from_pesos(10_000 + minutes), IvaRate.REDUCED)
    order = repo.write(lambda r: r.create_order(Order("T01", (line,), when)))
    assert order.number is not None
    number = order.number
    cash = PLENTY if tender is Tender.CASH else None
    attempt = repo.write(lambda r: r.new_attempt(number, tender, when, cash_received=cash))
    return number, attempt.reference


def pay(
    repo: Repo, reference: str, tx: str, label: str, kind: str, status: PaymentStatus = A
) -> None:
    seen = T0 + timedelta(hours=1)
    obs = Observation(tx, status, StatusSource.WEBHOOK, seen, None, label, "", kind)
    repo.write(lambda r: r.apply_observation(reference, obs))


@pytest.fixture
def sales(repo: Repo) -> dict[str, int]:
    """Two card payments (two cards), one Nequi, a cash sale and a declined PSE try."""
    numbers: dict[str, int] = {}
    numbers["visa"], ref = sale(repo, 1)
    pay(repo, ref, "1-1700000001-1", "VISA ••4242", "CARD")
    numbers["master"], ref = sale(repo, 2)
    pay(repo, ref, "1-1700000002-2", "MASTERCARD ••5555", "CARD")
    numbers["nequi"], ref = sale(repo, 3)
    pay(repo, ref, "1-1700000003-3", "Nequi 399•••1111", "NEQUI")
    numbers["cash"], _ref = sale(repo, 4, Tender.CASH)
    numbers["pse"], ref = sale(repo, 5)
    pay(repo, ref, "1-1700000005-5", "PSE", "PSE", D)
    return numbers


def test_the_attempt_keeps_label_and_type(repo: Repo, sales: dict[str, int]) -> None:
    [visa] = repo.read(lambda r: r.attempts_for(sales["visa"]))
    assert (visa.payment_method, visa.payment_method_type) == ("VISA ••4242", "CARD")
    [cash] = repo.read(lambda r: r.attempts_for(sales["cash"]))
    assert (cash.payment_method, cash.payment_method_type) == ("", "")


def test_the_browser_lists_and_filters_methods_by_type(db: Database, sales: dict[str, int]) -> None:
    assert db.read(lambda s: OrderBrowser(s).methods()) == ["CARD", "NEQUI", "PSE"]

    def listed(method: str) -> set[int]:
        page = db.read(lambda s: OrderBrowser(s).page(OrderFilter(method=method), limit=50))
        return {row.number for row in page.rows}

    assert listed("CARD") == {sales["visa"], sales["master"]}
    assert listed("NEQUI") == {sales["nequi"]}
    assert listed("PSE") == {sales["pse"]}
    assert listed("VISA ••4242") == set()


def test_each_order_shows_its_method_type(db: Database, repo: Repo, sales: dict[str, int]) -> None:
    rows = db.read(lambda s: OrderBrowser(s).page(OrderFilter(), limit=50)).rows
    shown = {row.number: row.payment_method for row in rows}
    assert shown == {
        sales["visa"]: "CARD",
        sales["master"]: "CARD",
        sales["nequi"]: "NEQUI",
        sales["cash"]: "CASH",
        sales["pse"]: "PSE",
    }
    assert {s.number: s.payment_method for s in repo.read(lambda r: r.list_orders())} == shown
    column = db.read(
        lambda s: dict(s.execute(text("SELECT number, payment_method FROM orders")).all())
    )
    assert column == shown


def test_a_later_sighting_without_a_method_keeps_the_order_s_type(
    db: Database, repo: Repo, sales: dict[str, int]
) -> None:
    [nequi] = repo.read(lambda r: r.attempts_for(sales["nequi"]))
    pay(repo, nequi.reference, "1-1700000003-3", "", "")
    rows = db.read(lambda s: OrderBrowser(s).page(OrderFilter(method="NEQUI"), limit=50)).rows
    assert [r.number for r in rows] == [sales["nequi"]]


def test_reconciliation_and_the_day_close_group_by_type(
    db: Database, sales: dict[str, int]
) -> None:
    local = db.read(lambda s: ReconciliationRepository(s).local_attempts(DAY, DAY))
    assert [a.payment_method for a in local] == ["CARD", "CARD", "NEQUI", "", "PSE"]
    attempts = db.read(lambda s: DayCloseRepository(s).attempts_for_day("T01", DAY))
    report = build_day_close("T01", DAY, attempts)
    assert [(t.key, t.count) for t in report.by_method] == [("CARD", 2), ("NEQUI", 1)]


def test_an_attempt_whose_type_is_unknown_falls_back_to_its_label(
    db: Database, repo: Repo, sales: dict[str, int]
) -> None:
    """Saved before types were kept and not recognised by migration 0008's backfill."""
    [visa] = repo.read(lambda r: r.attempts_for(sales["visa"]))
    db.write(
        lambda s: s.execute(
            text(
                "UPDATE payment_attempts SET payment_method = 'MASTERCARD', "
                "payment_method_type = '' WHERE reference = :r"
            ),
            {"r": visa.reference},
        )
    )
    local = db.read(lambda s: ReconciliationRepository(s).local_attempts(DAY, DAY))
    assert [a.payment_method for a in local][:3] == ["MASTERCARD", "CARD", "NEQUI"]
