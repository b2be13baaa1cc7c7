"""Reconciliation queues, one small scenario each, and the edges between them (issue 10, §2)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from mestore_desktop.domain.reconciliation import (
    BOGOTA,
    EXCEPTION_QUEUES,
    Queue,
    QueueRow,
    Reconciliation,
    ReconciliationError,
    WompiTransaction,
    bogota_day,
    day_bounds,
    reconcile,
)
from tests.unit.domain.recon_factories import (
    AMOUNT,
    DAY,
    A,
    D,
    E,
    P,
    V,
    at,
    attempt,
    cash,
    tx_id,
    wtx,
)

R1, R2, R3 = "T01-ABCD-000001-1", "T01-ABCD-000001-2", "T01-ABCD-000001-3"
TX1, TX2, TX3 = tx_id(1), tx_id(2), tx_id(3)


def run(local, wompi, *, links=None, first=DAY, last=DAY) -> Reconciliation:
    return reconcile(local, wompi, first_day=first, last_day=last, link_amounts=links or {})


def queue_of(result: Reconciliation, transaction_id: str) -> Queue:
    found = [
        row.queue
        for q in Queue
        for row in result.rows(q)
        if row.transaction_id == transaction_id and row.status is not None
    ]
    assert len(found) == 1, found
    return found[0]


def only_row(result: Reconciliation, queue: Queue):
    rows = result.rows(queue)
    assert len(rows) == 1, rows
    return rows[0]


# -- days ---------------------------------------------------------------------------------------


def test_a_bogota_day_runs_from_five_utc_to_five_utc() -> None:
    assert bogota_day(datetime(2026, 3, 3, 4, 59, tzinfo=UTC)) == date(2026, 3, 2)
    assert bogota_day(datetime(2026, 3, 3, 5, 0, tzinfo=UTC)) == date(2026, 3, 3)
    # SQLite hands back naive UTC datetimes.
    assert bogota_day(datetime(2026, 3, 3, 4, 59)) == date(2026, 3, 2)
    assert bogota_day(datetime(2026, 3, 2, 23, 0, tzinfo=BOGOTA)) == date(2026, 3, 2)


def test_day_bounds_are_half_open_in_utc_and_refuse_an_inverted_range() -> None:
    start, end = day_bounds(date(2026, 3, 1), date(2026, 3, 2))
    assert start == datetime(2026, 3, 1, 5, 0, tzinfo=UTC)
    assert end == datetime(2026, 3, 3, 5, 0, tzinfo=UTC)
    with pytest.raises(ReconciliationError, match="invertido"):
        day_bounds(date(2026, 3, 2), date(2026, 3, 1))
    with pytest.raises(ReconciliationError):
        run([], [], first=date(2026, 3, 2), last=date(2026, 3, 1))


# -- matched ------------------------------------------------------------------------------------


def test_an_approval_known_on_both_sides_is_matched() -> None:
    result = run([attempt(R1, 1, A, TX1)], [wtx(TX1, R1, A)])

    row = only_row(result, Queue.MATCHED)
    assert (row.reference, row.transaction_id, row.status, row.local_status) == (R1, TX1, A, A)
    assert (row.amount_cents, row.local_amount_cents, row.order_number) == (AMOUNT, AMOUNT, 1)
    assert row.day == DAY and row.payment_method == "CARD"
    assert result.open_exceptions() == 0


def test_both_pending_agree_and_are_matched() -> None:
    result = run([attempt(R1, 1, P, TX1)], [wtx(TX1, R1, P)])
    assert queue_of(result, TX1) is Queue.MATCHED


def test_ours_ahead_of_wompis_list_is_matched() -> None:
    # A void heard by webhook after Wompi's search page was read: Wompi's list lags behind us.
    result = run([attempt(R1, 1, V, TX1)], [wtx(TX1, R1, A)])
    assert queue_of(result, TX1) is Queue.MATCHED


def test_a_transaction_found_by_id_under_a_different_reference_is_the_attempts() -> None:
    result = run([attempt(R1, 1, A, TX1)], [wtx(TX1, "otra-referencia", A)])
    row = only_row(result, Queue.MATCHED)
    assert row.order_number == 1 and row.reference == "otra-referencia"
    assert result.count(Queue.ORPHAN) == 0


def test_retries_under_one_reference_known_locally_are_all_matched() -> None:
    local = attempt(R1, 1, A, TX2, known=((TX1, D), (TX2, A)))
    result = run([local], [wtx(TX1, R1, D, minute=1), wtx(TX2, R1, A, minute=3)])
    assert queue_of(result, TX1) is Queue.MATCHED
    assert queue_of(result, TX2) is Queue.MATCHED
    assert result.open_exceptions() == 0


def test_an_unseen_failed_retry_under_a_decided_attempt_changes_nothing() -> None:
    result = run([attempt(R1, 1, A, TX1)], [wtx(TX1, R1, A), wtx(TX2, R1, D, minute=4)])
    assert queue_of(result, TX2) is Queue.MATCHED
    assert result.open_exceptions() == 0


# -- stale_pending ------------------------------------------------------------------------------


def test_pending_here_and_approved_at_wompi_is_stale_pending() -> None:
    result = run([attempt(R1, 12, P, TX1)], [wtx(TX1, R1, A)])

    row = only_row(result, Queue.STALE_PENDING)
    assert (row.status, row.local_status) == (A, P)
    assert (
        "$ 25.000" in str(row.detail) and "12" in str(row.detail) and "pendiente" in str(row.detail)
    )


def test_an_attempt_that_never_heard_of_its_transaction_is_stale_when_wompi_decided() -> None:
    result = run([attempt(R1, 1, P)], [wtx(TX1, R1, D)])
    row = only_row(result, Queue.STALE_PENDING)
    assert (row.status, row.local_status) == (D, P)


def test_an_unseen_transaction_still_pending_at_wompi_agrees_with_a_pending_attempt() -> None:
    result = run([attempt(R1, 1, P)], [wtx(TX1, R1, P)])
    assert queue_of(result, TX1) is Queue.MATCHED


def test_an_unseen_retry_approved_after_a_decline_is_stale_pending() -> None:
    result = run([attempt(R1, 1, D, TX1)], [wtx(TX1, R1, D), wtx(TX2, R1, A, minute=4)])
    assert queue_of(result, TX1) is Queue.MATCHED
    assert queue_of(result, TX2) is Queue.STALE_PENDING


def test_a_void_at_wompi_of_an_approval_here_is_stale_pending() -> None:
    result = run([attempt(R1, 1, A, TX1)], [wtx(TX1, R1, V)])
    assert queue_of(result, TX1) is Queue.STALE_PENDING
    assert result.count(Queue.PAID_WITHOUT_APPROVAL) == 0  # applying the void fixes it


# -- amount_mismatch ----------------------------------------------------------------------------


def test_a_different_amount_is_an_amount_mismatch() -> None:
    result = run([attempt(R1, 3, A, TX1)], [wtx(TX1, R1, A, amount=2_000_000)])

    row = only_row(result, Queue.AMOUNT_MISMATCH)
    assert (row.amount_cents, row.local_amount_cents) == (2_000_000, AMOUNT)
    assert "$ 20.000" in str(row.detail) and "$ 25.000" in str(row.detail)
    assert result.total_cents(Queue.AMOUNT_MISMATCH) == 2_000_000


def test_a_different_currency_is_an_amount_mismatch() -> None:
    result = run([attempt(R1, 3, A, TX1)], [wtx(TX1, R1, A, currency="USD")])
    row = only_row(result, Queue.AMOUNT_MISMATCH)
    assert "USD" in str(row.detail)


def test_an_amount_mismatch_still_pending_here_is_a_mismatch_not_stale() -> None:
    result = run([attempt(R1, 3, P, TX1)], [wtx(TX1, R1, A, amount=1)])
    assert queue_of(result, TX1) is Queue.AMOUNT_MISMATCH


# -- orphan -------------------------------------------------------------------------------------


def test_a_transaction_for_no_attempt_is_an_orphan() -> None:
    result = run([], [wtx(TX1, "desconocida", A, amount=990_000)])

    row = only_row(result, Queue.ORPHAN)
    assert (row.local_status, row.local_amount_cents, row.order_number) == (None, None, None)
    assert "desconocida" in str(row.detail) and "$ 9.900" in str(row.detail)


def test_a_declined_orphan_is_an_orphan_too() -> None:
    result = run([], [wtx(TX1, "desconocida", D)])
    assert queue_of(result, TX1) is Queue.ORPHAN


def test_cash_never_enters_wompi_queues() -> None:
    # Wompi never sees cash: a transaction that happens to carry a cash reference is an orphan,
    # and the cash sale itself makes no row at all.
    result = run([cash(R1, 1)], [wtx(TX1, R1, A)])
    assert queue_of(result, TX1) is Queue.ORPHAN
    assert all(row.status is not None for q in Queue for row in result.rows(q))
    assert sum(result.count(q) for q in Queue) == 1


# -- payment links ------------------------------------------------------------------------------


def test_a_payment_through_one_of_our_links_is_never_an_orphan() -> None:
    link_tx = wtx(TX1, "test_Bj99lR_1781936141_X9yR4XERF", A, link="test_Bj99lR")
    result = run([], [link_tx], links={"test_Bj99lR": None})

    row = only_row(result, Queue.MATCHED)
    assert row.local_status is None and row.order_number is None
    assert "test_Bj99lR" in str(row.detail)


def test_a_link_with_a_fixed_amount_checks_it() -> None:
    paid = [
        wtx(TX1, "l1", A, link="L1"),
        wtx(TX2, "l2", A, link="L1", amount=100_000),
        wtx(TX3, "l3", A, link="L1", currency="USD"),
    ]
    result = run([], paid, links={"L1": AMOUNT})
    assert queue_of(result, TX1) is Queue.MATCHED
    assert queue_of(result, TX2) is Queue.AMOUNT_MISMATCH
    assert queue_of(result, TX3) is Queue.AMOUNT_MISMATCH
    assert result.rows(Queue.AMOUNT_MISMATCH)[0].local_amount_cents == AMOUNT


def test_a_link_that_is_not_ours_does_not_save_a_transaction_from_the_orphans() -> None:
    result = run([], [wtx(TX1, "x", A, link="ajeno")], links={"L1": None})
    assert queue_of(result, TX1) is Queue.ORPHAN


def test_a_link_payment_under_a_reference_we_know_is_matched_to_the_attempt() -> None:
    result = run([attempt(R1, 4, P)], [wtx(TX1, R1, A, link="L1")], links={"L1": None})
    row = only_row(result, Queue.STALE_PENDING)
    assert row.order_number == 4


# -- paid_without_approval ----------------------------------------------------------------------


def test_paid_here_with_no_transaction_at_wompi_is_a_local_only_row() -> None:
    result = run([attempt(R1, 9, A, TX1)], [])

    row = only_row(result, Queue.PAID_WITHOUT_APPROVAL)
    assert (row.transaction_id, row.status, row.local_status) == (TX1, None, A)
    assert (row.amount_cents, row.order_number, row.day) == (AMOUNT, 9, DAY)
    assert "9" in str(row.detail) and "$ 25.000" in str(row.detail)


def test_paid_here_with_no_transaction_id_at_all() -> None:
    result = run([attempt(R1, 9, A)], [])
    assert only_row(result, Queue.PAID_WITHOUT_APPROVAL).transaction_id == ""


@pytest.mark.parametrize("wompi_status", [D, E, P])
def test_paid_here_and_not_approved_at_wompi_puts_that_transaction_there(wompi_status) -> None:
    result = run([attempt(R1, 9, A, TX1)], [wtx(TX1, R1, wompi_status)])

    row = only_row(result, Queue.PAID_WITHOUT_APPROVAL)
    assert (row.transaction_id, row.status, row.local_status) == (TX1, wompi_status, A)
    assert sum(result.count(q) for q in Queue) == 1


def test_paid_here_with_the_approval_under_another_fetched_transaction_is_fine() -> None:
    # We follow TX1 (approved here), Wompi shows TX1 declined but TX2 approved under it.
    result = run([attempt(R1, 9, A, TX1)], [wtx(TX1, R1, D), wtx(TX2, R1, A, minute=3)])
    assert result.count(Queue.PAID_WITHOUT_APPROVAL) == 0


def test_a_pending_attempt_with_nothing_at_wompi_is_an_abandoned_checkout_no_row() -> None:
    result = run([attempt(R1, 1, P), attempt(R2, 2, P, abandoned=True), attempt(R3, 3, D)], [])
    assert sum(result.count(q) for q in Queue) == 0


def test_a_local_only_row_comes_only_from_attempts_in_the_range() -> None:
    yesterday = attempt(R1, 1, A, TX1, created_at=at(-24 * 60))
    assert sum(run([yesterday], []).count(q) for q in Queue) == 0


# -- duplicate_payment --------------------------------------------------------------------------


def test_a_second_approved_attempt_of_one_order_is_a_duplicate_payment() -> None:
    local = [attempt(R1, 7, A, TX1, minute=0), attempt(R2, 7, A, TX2, minute=4)]
    result = run(local, [wtx(TX2, R2, A, minute=5), wtx(TX1, R1, A, minute=1)])

    assert queue_of(result, TX1) is Queue.MATCHED
    row = only_row(result, Queue.DUPLICATE_PAYMENT)
    assert row.transaction_id == TX2 and row.order_number == 7
    assert "7" in str(row.detail) and "$ 25.000" in str(row.detail)


def test_two_approvals_under_one_reference_are_a_duplicate_payment() -> None:
    local = attempt(R1, 7, A, TX1, known=((TX1, A), (TX2, A)))
    result = run([local], [wtx(TX1, R1, A, minute=1), wtx(TX2, R1, A, minute=2)])
    assert queue_of(result, TX1) is Queue.MATCHED
    assert queue_of(result, TX2) is Queue.DUPLICATE_PAYMENT


def test_an_unseen_second_approval_under_one_reference_is_a_duplicate_not_stale() -> None:
    result = run([attempt(R1, 7, A, TX1)], [wtx(TX1, R1, A, minute=1), wtx(TX2, R1, A, minute=2)])
    assert queue_of(result, TX2) is Queue.DUPLICATE_PAYMENT


def test_a_card_approval_after_the_order_was_paid_in_cash_is_a_duplicate() -> None:
    local = [attempt(R1, 7, P, TX1, minute=0), cash(R2, 7, A, minute=2)]
    result = run(local, [wtx(TX1, R1, A, minute=5)])
    assert queue_of(result, TX1) is Queue.DUPLICATE_PAYMENT


def test_a_cash_payment_after_a_card_approval_flags_the_card_payment() -> None:
    # Cash never shows in a Wompi queue: the card payment carries the flag whichever came first.
    local = [attempt(R1, 7, A, TX1, minute=0), cash(R2, 7, A, minute=9)]
    result = run(local, [wtx(TX1, R1, A, minute=1)])
    row = only_row(result, Queue.DUPLICATE_PAYMENT)
    assert row.transaction_id == TX1 and "efectivo" in str(row.detail)


def test_two_cash_payments_for_one_order_make_no_wompi_row() -> None:
    result = run([cash(R1, 7, A), cash(R2, 7, A)], [])
    assert sum(result.count(q) for q in Queue) == 0


def test_the_first_approval_is_the_earliest_whatever_the_input_order() -> None:
    local = [attempt(R1, 7, A, TX1, minute=0), attempt(R2, 7, A, TX2, minute=1)]
    txs = [wtx(TX1, R1, A, minute=9), wtx(TX2, R2, A, minute=3)]
    for order in (txs, txs[::-1]):
        result = run(local, order)
        assert queue_of(result, TX2) is Queue.MATCHED
        assert queue_of(result, TX1) is Queue.DUPLICATE_PAYMENT


def test_an_approval_seen_before_the_range_makes_todays_a_duplicate() -> None:
    yesterday = attempt(R1, 7, A, TX1, created_at=at(-24 * 60))
    result = run([yesterday, attempt(R2, 7, P, TX2)], [wtx(TX2, R2, A)])
    assert queue_of(result, TX2) is Queue.DUPLICATE_PAYMENT


def test_a_voided_first_payment_leaves_one_approval() -> None:
    local = [attempt(R1, 7, V, TX1, minute=0), attempt(R2, 7, A, TX2, minute=4)]
    result = run(local, [wtx(TX1, R1, V, minute=1), wtx(TX2, R2, A, minute=5)])
    assert result.open_exceptions() == 0


# -- approved_after_cancel ----------------------------------------------------------------------


def test_an_approval_of_an_abandoned_attempt_is_approved_after_cancel() -> None:
    result = run([attempt(R1, 5, P, TX1, abandoned=True)], [wtx(TX1, R1, A)])

    row = only_row(result, Queue.APPROVED_AFTER_CANCEL)
    assert row.order_number == 5 and "abandonado" in str(row.detail)


def test_an_approval_for_a_cancelled_order_is_approved_after_cancel_even_if_known() -> None:
    result = run([attempt(R1, 5, A, TX1, cancelled=True)], [wtx(TX1, R1, A)])
    row = only_row(result, Queue.APPROVED_AFTER_CANCEL)
    assert "cancelado" in str(row.detail)


def test_a_decline_of_an_abandoned_attempt_is_no_exception() -> None:
    result = run([attempt(R1, 5, D, TX1, abandoned=True)], [wtx(TX1, R1, D)])
    assert queue_of(result, TX1) is Queue.MATCHED


def test_old_qr_paid_late_then_the_retry_paid_too() -> None:
    # Issue 9's story: the old QR (abandoned by the retry) is paid first, then the new one.
    local = [
        attempt(R1, 8, A, TX1, minute=0, abandoned=True),
        attempt(R2, 8, A, TX2, minute=2),
    ]
    result = run(local, [wtx(TX1, R1, A, minute=3), wtx(TX2, R2, A, minute=6)])
    assert queue_of(result, TX1) is Queue.APPROVED_AFTER_CANCEL
    assert queue_of(result, TX2) is Queue.DUPLICATE_PAYMENT


def test_retry_paid_then_the_old_qr_paid_late() -> None:
    local = [
        attempt(R1, 8, P, TX1, minute=0, abandoned=True),
        attempt(R2, 8, A, TX2, minute=2),
    ]
    result = run(local, [wtx(TX1, R1, A, minute=9), wtx(TX2, R2, A, minute=3)])
    assert queue_of(result, TX2) is Queue.MATCHED
    assert queue_of(result, TX1) is Queue.APPROVED_AFTER_CANCEL


# -- totals, counts and the JSON ----------------------------------------------------------------


def test_totals_are_approved_money_per_bogota_day_and_method_cash_included() -> None:
    late_evening = datetime(2026, 3, 3, 4, 30, tzinfo=UTC)  # 23:30 on DAY in Bogota
    next_morning = datetime(2026, 3, 3, 13, 0, tzinfo=UTC)
    local = [
        attempt(R1, 1, A, TX1),
        cash(R2, 2, amount=1_000_000),
        cash(R3, 3, V, amount=7_000_000),
    ]
    wompi = [
        wtx(TX1, R1, A),
        wtx(TX2, "orphan", A, amount=300_000, method="NEQUI", created_at=late_evening),
        wtx(TX3, "x", V, amount=5_000_000),
        wtx(tx_id(4), "y", D, amount=5_000_000),
        wtx(tx_id(5), "z", A, method="NEQUI", created_at=next_morning),
    ]
    result = run(local, wompi, last=DAY + timedelta(days=1))

    totals = {(t.day, t.method): (t.count, t.total_cents) for t in result.totals}
    assert totals == {
        (DAY, "CARD"): (1, AMOUNT),
        (DAY, "NEQUI"): (1, 300_000),
        (DAY, "CASH"): (1, 1_000_000),
        (DAY + timedelta(days=1), "NEQUI"): (1, AMOUNT),
    }
    assert queue_of(result, TX2) is Queue.ORPHAN
    late = next(row for row in result.rows(Queue.ORPHAN) if row.transaction_id == TX2)
    assert late.day == DAY


def test_totals_leave_out_days_outside_the_range_but_every_transaction_has_a_queue() -> None:
    before = wtx(TX1, "x", A, created_at=at(-24 * 60))
    result = run([], [before])
    assert result.totals == ()
    assert queue_of(result, TX1) is Queue.ORPHAN


def test_an_unknown_payment_method_is_totalled_as_desconocido() -> None:
    result = run([], [wtx(TX1, "x", A, method="")])
    assert [t.method for t in result.totals] == ["DESCONOCIDO"]


def test_one_transaction_seen_twice_counts_once_and_the_later_sighting_wins() -> None:
    result = run([attempt(R1, 1, P, TX1)], [wtx(TX1, R1, P), wtx(TX1, R1, A)])
    assert sum(result.count(q) for q in Queue) == 1
    assert queue_of(result, TX1) is Queue.STALE_PENDING


def test_the_json_has_every_queue_with_count_total_and_rows() -> None:
    local = [attempt(R1, 1, A, TX1), attempt(R2, 2, P, TX2)]
    wompi = [wtx(TX1, R1, A), wtx(TX2, R2, A), wtx(TX3, "x", D, amount=100)]
    data = run(local, wompi).to_json()

    assert data["from"] == data["to"] == "2026-03-02"
    queues = data["queues"]
    assert list(queues) == [str(q) for q in Queue]
    assert queues["orphan"]["count"] == 1 and queues["orphan"]["total_cents"] == 100
    assert queues["duplicate_payment"] == {"count": 0, "total_cents": 0, "rows": []}
    row = queues["stale_pending"]["rows"][0]
    assert {k: row[k] for k in ("reference", "transaction_id", "status", "local_status")} == {
        "reference": R2,
        "transaction_id": TX2,
        "status": "APPROVED",
        "local_status": "PENDING",
    }
    assert row["amount_cents"] == AMOUNT and row["order_number"] == 2 and row["day"] == "2026-03-02"
    assert data["totals"] == [
        {"day": "2026-03-02", "method": "CARD", "count": 2, "total_cents": 2 * AMOUNT}
    ]


def test_counts_and_open_exceptions() -> None:
    local = [attempt(R1, 1, A, TX1), attempt(R2, 2, A, TX2)]
    result = run(local, [wtx(TX1, R1, A), wtx(TX3, "x", A)])
    assert result.count(Queue.MATCHED) == 1
    assert result.count(Queue.ORPHAN) == 1
    assert result.count(Queue.PAID_WITHOUT_APPROVAL) == 1
    assert result.open_exceptions() == 2
    assert tuple(q for q in Queue if q is not Queue.MATCHED) == EXCEPTION_QUEUES


def test_inputs_may_be_one_shot_iterators() -> None:
    local = iter([attempt(R1, 1, A, TX1)])
    wompi: list[WompiTransaction] = [wtx(TX1, R1, A)]
    result = run(local, iter(wompi))
    assert result.count(Queue.MATCHED) == 1


def test_rows_built_fast_are_frozen_queue_rows_equal_to_plain_ones() -> None:
    from dataclasses import FrozenInstanceError, asdict, fields

    result = run([attempt(R1, 1, A, TX1)], [wtx(TX1, R1, A)])
    row = only_row(result, Queue.MATCHED)
    plain = QueueRow(**{f.name: getattr(row, f.name) for f in fields(QueueRow)})
    assert type(row) is QueueRow
    assert row == plain and hash(row) == hash(plain) and asdict(row) == asdict(plain)
    with pytest.raises(FrozenInstanceError):
        row.detail = "otra"  # type: ignore[misc]
