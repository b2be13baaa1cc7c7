"""The day close of one terminal (issue 10, §3): expected per tender and method, the counted cash
difference recorded (never blocking), pending attempts carried, unresolved queues listed."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from mestore_desktop.domain.day_close import (
    DayCloseError,
    DayCloseRecord,
    DayCloseReport,
    NegativeCashCountError,
    TenderTotal,
    attempt_from_json,
    attempt_to_json,
    build_day_close,
)
from mestore_desktop.domain.reconciliation import Queue
from tests.unit.domain.recon_factories import DAY, A, D, E, P, V, at, attempt, cash, tx_id

YESTERDAY = -24 * 60


def day_of_sales():
    return [
        cash("T01-C-1", 1, A, amount=1_000_000),
        cash("T01-C-2", 2, A, amount=500_000, minute=10),
        cash("T01-C-3", 3, V, amount=9_900_000),  # voided: counts nothing
        attempt("T01-W-4", 4, A, tx_id(4), method="CARD", amount=2_500_000),
        attempt("T01-W-5", 5, A, tx_id(5), method="NEQUI", amount=300_000),
        attempt("T01-W-6", 6, A, tx_id(6), method="CARD", amount=700_000),
        attempt("T01-W-7", 7, V, tx_id(7), method="CARD", amount=8_000_000),
        attempt("T01-W-8", 8, D, tx_id(8)),
        attempt("T01-W-9", 9, E, tx_id(9)),
        attempt("T01-W-10", 10, P, tx_id(10), minute=30),
        attempt("T02-W-1", 1, A, tx_id(11), terminal="T02", amount=4_400_000),
    ]


def test_expected_money_per_tender_and_per_wompi_method() -> None:
    report = build_day_close("T01", DAY, day_of_sales())

    assert report.by_tender == (
        TenderTotal("CASH", 2, 1_500_000),
        TenderTotal("WOMPI", 3, 3_500_000),
    )
    assert report.by_method == (TenderTotal("CARD", 2, 3_200_000), TenderTotal("NEQUI", 1, 300_000))
    assert report.cash_expected_cents == 1_500_000
    assert report.expected_total_cents == 5_000_000
    assert (report.terminal_id, report.day) == ("T01", DAY)


def test_voided_declined_and_other_terminals_count_nothing() -> None:
    report = build_day_close("T02", DAY, day_of_sales())
    assert report.by_tender == (TenderTotal("CASH", 0, 0), TenderTotal("WOMPI", 1, 4_400_000))
    assert report.cash_expected_cents == 0
    voided_only = [cash("c", 1, V), attempt("w", 2, V, tx_id(2))]
    assert build_day_close("T01", DAY, voided_only).expected_total_cents == 0


def test_only_the_days_approvals_count() -> None:
    attempts = [cash("old", 1, A, minute=YESTERDAY), cash("new", 2, A, amount=100)]
    assert build_day_close("T01", DAY, attempts).cash_expected_cents == 100


def test_counted_cash_records_the_difference_short_or_over_never_blocking() -> None:
    short = build_day_close("T01", DAY, day_of_sales(), cash_counted_cents=1_400_000, note="  x ")
    assert short.difference_cents == -100_000
    assert short.note == "x"
    over = build_day_close("T01", DAY, day_of_sales(), cash_counted_cents=1_600_000)
    assert over.difference_cents == 100_000
    even = build_day_close("T01", DAY, day_of_sales(), cash_counted_cents=1_500_000)
    assert even.difference_cents == 0
    uncounted = build_day_close("T01", DAY, day_of_sales())
    assert uncounted.cash_counted_cents is None and uncounted.difference_cents is None


def test_pending_attempts_are_listed_and_carried_into_the_next_day() -> None:
    attempts = [
        *day_of_sales(),
        attempt("T01-W-11", 11, P, minute=YESTERDAY),  # still pending from the day before
        attempt("T01-W-12", 12, P, minute=20, abandoned=True),  # given up: not expected money
        attempt("T01-W-13", 13, P, minute=21, cancelled=True),
        attempt("T01-W-14", 14, P, minute=24 * 60 + 60),  # tomorrow's
        attempt("T02-W-15", 15, P, terminal="T02"),
    ]
    report = build_day_close("T01", DAY, attempts)
    assert [a.reference for a in report.pending] == ["T01-W-11", "T01-W-10"]


def test_unresolved_queues_keep_only_those_with_rows() -> None:
    report = build_day_close(
        "T01",
        DAY,
        [],
        unresolved={Queue.ORPHAN: 2, Queue.STALE_PENDING: 0, Queue.DUPLICATE_PAYMENT: 1},
    )
    assert dict(report.unresolved) == {Queue.ORPHAN: 2, Queue.DUPLICATE_PAYMENT: 1}
    assert list(report.unresolved) == [Queue.ORPHAN, Queue.DUPLICATE_PAYMENT]  # display order
    assert dict(build_day_close("T01", DAY, []).unresolved) == {}


def test_negative_counted_cash_is_refused_in_spanish() -> None:
    with pytest.raises(NegativeCashCountError, match="no puede ser negativo"):
        build_day_close("T01", DAY, [], cash_counted_cents=-1)
    assert issubclass(NegativeCashCountError, ValueError)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"terminal_id": " "}, "terminal"),
        ({"cash_counted_cents": 10.5}, "centavos"),
        ({"cash_counted_cents": True}, "centavos"),
        ({"cash_counted_cents": 10**13}, "máximo"),
        ({"note": "x" * 2001}, "2000"),
        ({"day": datetime(2026, 3, 2, tzinfo=UTC)}, "fecha"),
        ({"unresolved": {Queue.MATCHED: 3}}, "matched"),
        ({"unresolved": {Queue.ORPHAN: -1}}, "inválido"),
    ],
)
def test_bad_inputs_raise_a_typed_error_in_spanish(kwargs, message) -> None:
    args = {"terminal_id": "T01", "day": DAY, "attempts": []} | kwargs
    terminal, day, attempts = args.pop("terminal_id"), args.pop("day"), args.pop("attempts")
    with pytest.raises(DayCloseError, match=message):
        build_day_close(terminal, day, attempts, **args)


def test_the_report_survives_json_as_the_store_and_the_pdf_read_it() -> None:
    report = build_day_close(
        "T01",
        DAY,
        [*day_of_sales(), attempt("T01-W-20", 20, P, tx_id(20), known=((tx_id(19), D),))],
        cash_counted_cents=1_450_000,
        note="faltan $ 500",
        unresolved={Queue.ORPHAN: 1},
    )
    text = json.dumps(report.to_json())
    again = DayCloseReport.from_json(json.loads(text))
    assert again == report
    retried = next(a for a in again.pending if a.reference == "T01-W-20")
    assert retried.transactions == ((tx_id(19), D),)
    assert json.loads(text)["difference_cents"] == -50_000


def test_a_malformed_saved_report_raises_a_day_close_error() -> None:
    data = build_day_close("T01", DAY, []).to_json()
    del data["by_tender"]
    with pytest.raises(DayCloseError, match="no se puede leer"):
        DayCloseReport.from_json(data)
    with pytest.raises(DayCloseError):
        DayCloseReport.from_json({**build_day_close("T01", DAY, []).to_json(), "day": "ayer"})


def test_an_attempt_round_trips_through_json() -> None:
    original = attempt("r", 3, A, tx_id(3), created_at=at(5), abandoned=True, method="PSE")
    assert attempt_from_json(json.loads(json.dumps(attempt_to_json(original)))) == original


def test_a_record_is_open_again_once_reopened() -> None:
    report = build_day_close("T01", DAY, [])
    closed = DayCloseRecord(report, at(600), "caja1")
    assert not closed.is_open
    reopened = DayCloseRecord(report, at(600), "caja1", at(700), "admin", "conteo mal hecho")
    assert reopened.is_open and reopened.reopened_at - closed.closed_at == timedelta(minutes=100)
