"""Generated mixes of attempts and Wompi transactions: each transaction lands in exactly one queue,
every row stands for something real, and the counts and totals add up (issue 10, must show)."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from mestore_desktop.domain.payment import PaymentStatus, Tender
from mestore_desktop.domain.reconciliation import (
    LocalAttempt,
    Queue,
    Reconciliation,
    WompiTransaction,
    bogota_day,
    reconcile,
)
from tests.unit.domain.recon_factories import DAY, T0, attempt, tx_id, wtx

FIRST, LAST = DAY - timedelta(days=1), DAY
STATUSES = st.sampled_from(list(PaymentStatus))
AMOUNTS = st.sampled_from([2_500_000, 2_500_000, 2_500_000, 1_000_000])
MINUTES = st.integers(min_value=-3 * 24 * 60, max_value=24 * 60)  # some before the range
METHODS = st.sampled_from(["CARD", "NEQUI", "PSE", ""])


@st.composite
def mixes(draw: st.DrawFn) -> tuple[list[LocalAttempt], list[WompiTransaction], dict]:
    """Orders with 1-3 attempts (cash or Wompi, any status), Wompi transactions under them (some
    known locally, some not, some under another reference), orphans and link payments."""
    counter = iter(range(1, 10_000))
    local: list[LocalAttempt] = []
    wompi: list[WompiTransaction] = []
    for order in range(1, draw(st.integers(0, 6)) + 1):
        for n in range(1, draw(st.integers(1, 3)) + 1):
            reference = f"T01-ABCD-{order:06d}-{n}"
            tender = draw(st.sampled_from([Tender.WOMPI, Tender.WOMPI, Tender.CASH]))
            amount = draw(AMOUNTS)
            known: list[tuple[str, PaymentStatus]] = []
            if tender is Tender.WOMPI:
                for _ in range(draw(st.integers(0, 3))):
                    tid = tx_id(next(counter))
                    at_wompi = draw(STATUSES)
                    if draw(st.booleans()):
                        known.append((tid, draw(STATUSES)))
                    if draw(st.integers(0, 4)):  # sometimes not fetched at all
                        ref = reference if draw(st.integers(0, 5)) else "otra"
                        wompi.append(
                            wtx(
                                tid,
                                ref,
                                at_wompi,
                                amount=draw(st.sampled_from([amount, amount, amount, 99])),
                                currency=draw(st.sampled_from(["COP"] * 5 + ["USD"])),
                                minute=draw(MINUTES),
                                method=draw(METHODS),
                            )
                        )
            followed = draw(st.sampled_from([None, *[tid for tid, _ in known]]))
            local.append(
                attempt(
                    reference,
                    order,
                    draw(STATUSES),
                    followed,
                    known=tuple(known),
                    tender=tender,
                    amount=amount,
                    minute=draw(MINUTES),
                    abandoned=draw(st.integers(0, 4)) == 0,
                    cancelled=draw(st.integers(0, 6)) == 0,
                    method=draw(METHODS),
                )
            )
    links = {"L1": None, "L2": 2_500_000}
    for _ in range(draw(st.integers(0, 4))):
        wompi.append(
            wtx(
                tx_id(next(counter)),
                draw(st.sampled_from(["desconocida", "T01-ABCD-000001-1"])),
                draw(STATUSES),
                amount=draw(AMOUNTS),
                minute=draw(MINUTES),
                method=draw(METHODS),
                link=draw(st.sampled_from([None, "L1", "L2", "ajeno"])),
            )
        )
    draw(st.randoms(use_true_random=False)).shuffle(wompi)
    return local, wompi, links


def run(local, wompi, links) -> Reconciliation:
    return reconcile(local, wompi, first_day=FIRST, last_day=LAST, link_amounts=links)


def wompi_rows(result: Reconciliation):
    return [row for q in Queue for row in result.rows(q) if row.status is not None]


@settings(max_examples=300, deadline=None)
@given(mixes())
def test_each_transaction_lands_in_exactly_one_queue(mix) -> None:
    local, wompi, links = mix
    result = run(local, wompi, links)

    rows = wompi_rows(result)
    by_id = {tx.transaction_id: tx for tx in wompi}
    assert Counter(row.transaction_id for row in rows) == Counter(set(by_id))
    assert len(rows) == len(wompi)  # ids are unique in these mixes
    for row in rows:
        tx = by_id[row.transaction_id]
        assert (row.reference, row.status, row.amount_cents) == (
            tx.reference,
            tx.status,
            tx.amount_cents,
        )
        assert row.day == bogota_day(tx.created_at)
        assert row.detail


@settings(max_examples=150, deadline=None)
@given(mixes())
def test_local_only_rows_are_paid_wompi_attempts_in_the_range(mix) -> None:
    local, wompi, links = mix
    result = run(local, wompi, links)

    attempts = {a.reference: a for a in local}
    fetched = {tx.transaction_id for tx in wompi}
    for q in Queue:
        for row in result.rows(q):
            if row.status is not None:
                continue
            assert q is Queue.PAID_WITHOUT_APPROVAL
            a = attempts[row.reference]
            assert a.tender is Tender.WOMPI and a.status is PaymentStatus.APPROVED
            assert FIRST <= bogota_day(a.created_at) <= LAST
            assert row.transaction_id not in fetched


@settings(max_examples=300, deadline=None)
@given(mixes())
def test_counts_totals_and_json_add_up(mix) -> None:
    local, wompi, links = mix
    result = run(local, wompi, links)

    data = result.to_json()
    for q in Queue:
        rows = result.rows(q)
        assert result.count(q) == len(rows) == data["queues"][str(q)]["count"]
        assert result.total_cents(q) == sum(r.amount_cents for r in rows)
        assert data["queues"][str(q)]["total_cents"] == result.total_cents(q)
    assert result.open_exceptions() == sum(result.count(q) for q in Queue) - result.count(
        Queue.MATCHED
    )

    approved = [
        tx.amount_cents
        for tx in wompi
        if tx.status is PaymentStatus.APPROVED and FIRST <= bogota_day(tx.created_at) <= LAST
    ]
    cash = [
        a.amount_cents
        for a in local
        if a.tender is Tender.CASH
        and a.status is PaymentStatus.APPROVED
        and FIRST <= bogota_day(a.created_at) <= LAST
    ]
    assert sum(t.total_cents for t in result.totals) == sum(approved) + sum(cash)
    assert sum(t.count for t in result.totals) == len(approved) + len(cash)
    assert sum(t.total_cents for t in result.totals if t.method == "CASH") == sum(cash)


@settings(max_examples=150, deadline=None)
@given(mixes(), st.randoms(use_true_random=False))
def test_the_queue_of_a_transaction_does_not_depend_on_the_input_order(mix, rnd) -> None:
    local, wompi, links = mix
    first = run(local, wompi, links)
    shuffled_local, shuffled_wompi = list(local), list(wompi)
    rnd.shuffle(shuffled_local)
    rnd.shuffle(shuffled_wompi)
    second = run(shuffled_local, shuffled_wompi, links)

    def queues(result: Reconciliation) -> dict[tuple[str, str, bool], Queue]:
        return {
            (row.reference, row.transaction_id, row.status is None): q
            for q in Queue
            for row in result.rows(q)
        }

    assert queues(first) == queues(second)
    assert first.totals == second.totals


@settings(max_examples=300, deadline=None)
@given(mixes())
def test_every_order_paid_more_than_once_shows_each_extra_approval(mix) -> None:
    local, wompi, links = mix
    result = run(local, wompi, links)

    order_of = {a.reference: a.order_number for a in local if a.tender is Tender.WOMPI}
    order_of_tx = {
        tid: a.order_number for a in local if a.tender is Tender.WOMPI for tid, _ in a.transactions
    }
    order_of_tx.update(
        {
            a.transaction_id: a.order_number
            for a in local
            if a.tender is Tender.WOMPI and a.transaction_id
        }
    )
    cash_paid: Counter[int] = Counter(
        a.order_number
        for a in local
        if a.tender is Tender.CASH and a.status is PaymentStatus.APPROVED
    )
    wompi_paid: Counter[int] = Counter()
    for tx in wompi:
        order = order_of_tx.get(tx.transaction_id, order_of.get(tx.reference))
        if order is not None and tx.status is PaymentStatus.APPROVED:
            wompi_paid[order] += 1
    flagged: Counter[int] = Counter(
        row.order_number
        for q in (Queue.DUPLICATE_PAYMENT, Queue.APPROVED_AFTER_CANCEL)
        for row in result.rows(q)
    )
    # Every approval after the first is flagged; Wompi queues only hold Wompi approvals (two
    # cash payments for one order are the counter's business, not Wompi's).
    for order, n in wompi_paid.items():
        assert flagged[order] >= min(n, n + cash_paid[order] - 1)
    for row in result.rows(Queue.DUPLICATE_PAYMENT):
        assert row.status is PaymentStatus.APPROVED


def test_a_seeded_large_mix_keeps_every_transaction_once() -> None:
    rnd = random.Random(10)
    local, wompi = [], []
    for order in range(1, 2001):
        reference = f"T01-ABCD-{order:06d}-1"
        tid = tx_id(order)
        status = rnd.choice(list(PaymentStatus))
        local.append(attempt(reference, order, status, tid))
        wompi.append(wtx(tid, reference, rnd.choice(list(PaymentStatus)), minute=order % 600))
    result = reconcile(local, wompi, first_day=DAY, last_day=DAY)
    assert len(wompi_rows(result)) == len(wompi)
    assert date.fromisoformat(result.to_json()["from"]) == DAY
    assert T0.date() == DAY
