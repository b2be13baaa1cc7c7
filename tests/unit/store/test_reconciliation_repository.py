"""Our side of reconciliation (local attempts of a range of days) and the saved day closes."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from mestore_desktop.domain.day_close import DayCloseReport, build_day_close
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate, Order, OrderLine
from mestore_desktop.domain.payment import PaymentStatus, StatusSource, Tender
from mestore_desktop.domain.reconciliation import Queue, bogota_day
from mestore_desktop.store.db import Database
from mestore_desktop.store.errors import StoreError
from mestore_desktop.store.reconciliation_repository import (
    DayAlreadyClosedError,
    DayCloseRepository,
    DayNotClosedError,
    MissingActorError,
    ReconciliationRepository,
    ReopenReasonRequiredError,
)
from tests.unit.store.factories import PLENTY, T0, Repo, approved, observation

DAY = bogota_day(T0)  # 2026-03-14
NEXT = DAY + timedelta(days=1)


def sale(repo: Repo, terminal: str, when_hours: float, pesos: int = 25_000) -> int:
    """A saved order created `when_hours` after T0 (09:26 Bogotá on DAY)."""
    when = T0 + timedelta(hours=when_hours)
    line = OrderLine("Café", 1, Money.from_pesos(pesos), IvaRate.REDUCED)
    order = repo.write(lambda r: r.create_order(Order(terminal, (line,), when)))
    assert order.number is not None
    return order.number


def attempt(repo: Repo, number: int, tender: Tender, when_hours: float) -> str:
    when = T0 + timedelta(hours=when_hours)
    cash = PLENTY if tender is Tender.CASH else None
    return repo.write(lambda r: r.new_attempt(number, tender, when, cash_received=cash)).reference


@pytest.fixture
def day_of_sales(repo: Repo) -> dict[str, str]:
    """On DAY at T01: a card sale, a cash sale, a pending QR, a cancelled order's pending QR,
    an abandoned attempt then a retry declined twice; at T02 a card sale; a pending QR at T01
    the day before, one at 23:50 Bogotá (next day in UTC), and one the next day."""
    refs: dict[str, str] = {}
    card = sale(repo, "T01", 1)
    refs["card"] = attempt(repo, card, Tender.WOMPI, 1)
    repo.write(lambda r: r.apply_observation(refs["card"], approved("tx-card", T0)))
    refs["cash"] = attempt(repo, sale(repo, "T01", 2), Tender.CASH, 2)
    refs["pending"] = attempt(repo, sale(repo, "T01", 3), Tender.WOMPI, 3)
    cancelled = sale(repo, "T01", 4)
    refs["cancelled"] = attempt(repo, cancelled, Tender.WOMPI, 4)
    repo.write(lambda r: r.cancel_order(cancelled, T0 + timedelta(hours=4, minutes=5)))
    retried = sale(repo, "T01", 5)
    refs["abandoned"] = attempt(repo, retried, Tender.WOMPI, 5)
    repo.write(lambda r: r.abandon_attempt(refs["abandoned"], T0 + timedelta(hours=5.1)))
    refs["retry"] = attempt(repo, retried, Tender.WOMPI, 5.2)
    for tx in ("tx-r1", "tx-r2"):
        obs = observation(tx, PaymentStatus.DECLINED, T0, StatusSource.POLL)
        repo.write(lambda r, o=obs: r.apply_observation(refs["retry"], o))
    refs["other_terminal"] = attempt(repo, sale(repo, "T02", 6), Tender.WOMPI, 6)
    refs["yesterday"] = attempt(repo, sale(repo, "T01", -20), Tender.WOMPI, -20)
    refs["late_night"] = attempt(repo, sale(repo, "T01", 14.4), Tender.WOMPI, 14.4)  # 23:50
    refs["tomorrow"] = attempt(repo, sale(repo, "T01", 24), Tender.WOMPI, 24)
    return refs


def local(db: Database, first: date, last: date) -> dict[str, object]:
    attempts = db.read(lambda s: ReconciliationRepository(s).local_attempts(first, last))
    return {a.reference: a for a in attempts}


def test_local_attempts_are_the_range_s_bogota_days_at_every_terminal(
    db: Database, day_of_sales: dict[str, str]
) -> None:
    refs = day_of_sales
    found = db.read(lambda s: ReconciliationRepository(s).local_attempts(DAY, DAY))
    by_ref = {a.reference: a for a in found}
    day_refs = {k: v for k, v in refs.items() if k not in ("yesterday", "tomorrow")}
    assert set(by_ref) == set(day_refs.values())
    assert [a.created_at for a in found] == sorted(a.created_at for a in found)

    card = by_ref[refs["card"]]
    assert (card.tender, card.status, card.transaction_id, card.payment_method) == (
        Tender.WOMPI,
        PaymentStatus.APPROVED,
        "tx-card",
        "CARD",
    )
    assert card.transactions == (("tx-card", PaymentStatus.APPROVED),)
    assert card.amount_cents == 2_500_000 and card.currency == "COP"
    assert by_ref[refs["retry"]].transactions == (
        ("tx-r1", PaymentStatus.DECLINED),
        ("tx-r2", PaymentStatus.DECLINED),
    )
    assert by_ref[refs["cash"]].tender is Tender.CASH
    assert by_ref[refs["cancelled"]].order_cancelled and by_ref[refs["cancelled"]].abandoned
    assert by_ref[refs["abandoned"]].abandoned and not by_ref[refs["abandoned"]].order_cancelled
    assert not by_ref[refs["pending"]].abandoned
    assert by_ref[refs["other_terminal"]].terminal_id == "T02"
    assert set(local(db, DAY - timedelta(days=1), NEXT)) == set(refs.values())
    assert db.read(lambda s: ReconciliationRepository(s).link_amounts()) == {}


def test_pending_before_carries_the_terminal_s_live_pending_attempts(
    db: Database, day_of_sales: dict[str, str]
) -> None:
    refs = day_of_sales
    pending = db.read(lambda s: DayCloseRepository(s).pending_before("T01", DAY))
    # Not the cancelled order's, not the abandoned one, not T02's, not tomorrow's.
    assert [a.reference for a in pending] == [
        refs["yesterday"],
        refs["pending"],
        refs["late_night"],
    ]
    earlier = db.read(lambda s: DayCloseRepository(s).pending_before("T01", DAY - timedelta(1)))
    assert [a.reference for a in earlier] == [refs["yesterday"]]


def test_attempts_for_day_build_the_day_close(db: Database, day_of_sales: dict[str, str]) -> None:
    refs = day_of_sales
    attempts = db.read(lambda s: DayCloseRepository(s).attempts_for_day("T01", DAY))
    references = [a.reference for a in attempts]
    assert refs["other_terminal"] not in references and refs["tomorrow"] not in references
    assert references[-1] == refs["yesterday"]  # carried in from the day before
    assert len(references) == len(set(references))
    report = build_day_close("T01", DAY, attempts, cash_counted_cents=2_000_000, note="faltan")
    assert {t.key: t.total_cents for t in report.by_tender} == {
        "CASH": 2_500_000,
        "WOMPI": 2_500_000,
    }
    assert report.difference_cents == -500_000
    assert [a.reference for a in report.pending] == [
        refs["yesterday"],
        refs["pending"],
        refs["late_night"],
    ]


def a_report(counted: int | None = 2_400_000, note: str = "") -> DayCloseReport:
    return build_day_close(
        "T01",
        DAY,
        [],
        cash_counted_cents=counted,
        note=note,
        unresolved={Queue.ORPHAN: 2},
    )


def test_a_day_is_closed_once_until_reopened_with_a_reason(db: Database, repo: Repo) -> None:
    closes = DayCloseRepository
    at1, at2, at3 = T0 + timedelta(hours=10), T0 + timedelta(hours=11), T0 + timedelta(hours=12)
    assert db.read(lambda s: closes(s).get("T01", DAY)) is None
    report = a_report(note="Faltó sencillo")
    record = db.write(lambda s: closes(s).save_close(report, at1, "marta"))
    assert (record.closed_at, record.closed_by, record.is_open) == (at1, "marta", False)
    assert record.report.to_json() == report.to_json()
    assert db.read(lambda s: closes(s).get("T01", DAY)) == record
    assert db.read(lambda s: closes(s).get("T02", DAY)) is None

    with pytest.raises(DayAlreadyClosedError, match=r"ya está cerrado \(por marta\)"):
        db.write(lambda s: closes(s).save_close(a_report(counted=None), at2, "luis"))
    for reason in ("", "   "):
        with pytest.raises(ReopenReasonRequiredError, match="motivo"):
            db.write(lambda s, r=reason: closes(s).reopen("T01", DAY, r, at2, "luis"))
    with pytest.raises(DayNotClosedError, match="no está cerrado"):
        db.write(lambda s: closes(s).reopen("T01", NEXT, "error", at2, "luis"))

    reopened = db.write(
        lambda s: closes(s).reopen("T01", DAY, " contamos mal la caja ", at2, "luis")
    )
    assert (reopened.reopened_at, reopened.reopened_by, reopened.reopen_reason) == (
        at2,
        "luis",
        "contamos mal la caja",
    )
    assert reopened.is_open
    with pytest.raises(DayNotClosedError):
        db.write(lambda s: closes(s).reopen("T01", DAY, "otra vez", at2, "luis"))

    again = db.write(lambda s: closes(s).save_close(a_report(counted=0), at3, "luis"))
    assert (again.closed_at, again.is_open, again.report.difference_cents) == (at3, False, 0)
    entries = repo.read(lambda r: r.audit_entries())
    assert [(e.action, e.actor) for e in entries][:3] == [
        ("day_close.closed", "luis"),
        ("day_close.reopened", "luis"),
        ("day_close.closed", "marta"),
    ]
    assert "reason=contamos mal la caja" in entries[1].detail
    assert "difference_cents=2400000" in entries[2].detail and "Faltó sencillo" in entries[2].detail


def test_closing_needs_who_closes(db: Database) -> None:
    with pytest.raises(MissingActorError):
        db.write(lambda s: DayCloseRepository(s).save_close(a_report(), T0, " "))


def test_a_close_without_a_count_keeps_no_difference(db: Database) -> None:
    record = db.write(lambda s: DayCloseRepository(s).save_close(a_report(None), T0, "ana"))
    assert record.report.cash_counted_cents is None and record.report.difference_cents is None
    assert record.report.unresolved == {Queue.ORPHAN: 2}


def test_the_table_refuses_inconsistent_closes(db: Database) -> None:
    db.write(lambda s: DayCloseRepository(s).save_close(a_report(), T0, "ana"))
    bad = (
        "UPDATE day_closes SET difference_cents = 5",  # not counted - expected
        "UPDATE day_closes SET cash_counted_cents = NULL",  # a difference with no count
        "UPDATE day_closes SET reopened_at = 1, reopen_reason = ' '",  # reopened, no reason
        "UPDATE day_closes SET report = 'no es json'",
        "UPDATE day_closes SET day = '14/03/2026'",
        "UPDATE day_closes SET cash_expected_cents = 1.5",
    )
    for statement in bad:
        with pytest.raises(IntegrityError), db.engine.begin() as conn:
            conn.execute(text(statement))
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO day_closes (terminal_id, day, report, cash_expected_cents, note, "
                "closed_at, closed_by, reopened_by, reopen_reason) "
                "SELECT terminal_id, day, report, 0, '', 1, 'x', '', '' FROM day_closes"
            )
        )


def test_a_damaged_saved_close_is_reported_not_guessed(db: Database, db_path: object) -> None:
    db.write(lambda s: DayCloseRepository(s).save_close(a_report(), T0, "ana"))
    conn = sqlite3.connect(str(db_path))
    with conn:
        conn.execute('UPDATE day_closes SET report = \'{"day": "x"}\'')
    conn.close()
    with pytest.raises(StoreError, match="dañado"):
        db.read(lambda s: DayCloseRepository(s).get("T01", DAY))


def test_local_attempts_of_a_day_without_sales_are_empty(db: Database) -> None:
    assert db.read(lambda s: ReconciliationRepository(s).local_attempts(DAY, DAY)) == []
