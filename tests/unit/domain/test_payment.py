"""The payment status machine: final statuses never go back, conflicts are refused and reported."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.payment import (
    ALLOWED_TRANSITIONS,
    Observation,
    OrderStatus,
    Outcome,
    PaymentAttempt,
    PaymentStatus,
    StatusSource,
    Tender,
    decide_transition,
    derive_order_status,
    observe,
    transaction_age_key,
)

P, A, D, E, V = (
    PaymentStatus.PENDING,
    PaymentStatus.APPROVED,
    PaymentStatus.DECLINED,
    PaymentStatus.ERROR,
    PaymentStatus.VOIDED,
)
T0 = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
AMOUNT = Money.from_pesos(25_000)


def attempt(status: PaymentStatus = P, **kw) -> PaymentAttempt:
    return PaymentAttempt(
        reference="T01-000001-1",
        order_number=1,
        attempt_number=1,
        tender=Tender.WOMPI,
        amount=AMOUNT,
        status=status,
        created_at=T0,
        updated_at=T0,
        **kw,
    )


def obs(tx: str, status: PaymentStatus, amount: Money | None = AMOUNT, minute: int = 1):
    return Observation(
        transaction_id=tx,
        status=status,
        source=StatusSource.WEBHOOK,
        observed_at=T0 + timedelta(minutes=minute),
        amount=amount,
        payment_method="CARD",
    )


@pytest.mark.parametrize(
    ("current", "incoming", "outcome"),
    [
        (P, A, Outcome.APPLY),
        (P, D, Outcome.APPLY),
        (P, E, Outcome.APPLY),
        (P, V, Outcome.APPLY),  # the APPROVED in between was lost
        (A, V, Outcome.APPLY),
        (A, A, Outcome.DUPLICATE),
        (A, P, Outcome.STALE),
        (V, A, Outcome.STALE),  # reordered: approved arrived after voided
        (V, P, Outcome.STALE),
        (D, P, Outcome.STALE),
        (A, D, Outcome.CONFLICT),
        (A, E, Outcome.CONFLICT),
        (D, A, Outcome.CONFLICT),
        (E, A, Outcome.CONFLICT),
        (D, E, Outcome.CONFLICT),
        (D, V, Outcome.CONFLICT),
        (V, D, Outcome.CONFLICT),
    ],
)
def test_transition_table(current, incoming, outcome) -> None:
    decision = decide_transition(current, incoming)
    assert decision.outcome is outcome
    if outcome is Outcome.CONFLICT:
        assert decision.reason


def test_wompi_semantics_table() -> None:
    assert ALLOWED_TRANSITIONS[A] == {V}
    for final in (D, E, V):
        assert not ALLOWED_TRANSITIONS[final]


def test_approve_then_conflicting_decline_is_refused() -> None:
    approved = observe(attempt(), obs("tx-1", A)).attempt
    assert approved.status is A
    assert approved.transaction_id == "tx-1"
    update = observe(approved, obs("tx-1", D, minute=2))
    assert update.decision.outcome is Outcome.CONFLICT
    assert update.attempt == approved


def test_amount_mismatch_is_a_conflict() -> None:
    update = observe(attempt(), obs("tx-1", A, amount=Money.from_pesos(1)))
    assert update.decision.outcome is Outcome.CONFLICT
    assert "monto distinto" in update.decision.reason
    assert update.attempt.status is P


def test_payer_retry_in_checkout_takes_over_a_declined_attempt() -> None:
    declined = observe(attempt(), obs("tx-1", D)).attempt
    retried = observe(declined, obs("tx-2", A, minute=3))
    assert retried.decision.outcome is Outcome.APPLY
    assert retried.status_changed
    assert retried.attempt.status is A
    assert retried.attempt.transaction_id == "tx-2"
    # The first transaction is still remembered as declined; a late copy changes nothing.
    assert retried.attempt.transaction_status("tx-1") is D
    late = observe(retried.attempt, obs("tx-1", D, minute=4))
    assert late.decision.outcome is Outcome.DUPLICATE


def test_second_approval_under_one_reference_is_a_double_charge() -> None:
    approved = observe(attempt(), obs("tx-1", A)).attempt
    update = observe(approved, obs("tx-2", A))
    assert update.decision.outcome is Outcome.CONFLICT
    assert "pago doble" in update.decision.reason


def test_late_approval_after_cancel_is_flagged_and_wins() -> None:
    abandoned = attempt(abandoned_at=T0 + timedelta(minutes=1))
    approved = observe(abandoned, obs("tx-1", A, minute=5)).attempt
    assert approved.approved_after_cancel
    assert derive_order_status([approved], cancelled=True) is OrderStatus.PAID


@pytest.mark.parametrize(
    ("statuses", "cancelled", "expected"),
    [
        ([], False, OrderStatus.OPEN),
        ([P], False, OrderStatus.AWAITING_PAYMENT),
        ([D, P], False, OrderStatus.AWAITING_PAYMENT),
        ([D, E], False, OrderStatus.FAILED),
        ([D, A], False, OrderStatus.PAID),
        ([V], False, OrderStatus.VOIDED),
        ([P], True, OrderStatus.CANCELLED),
        ([], True, OrderStatus.CANCELLED),
        ([A], True, OrderStatus.PAID),
    ],
)
def test_order_status_is_derived_from_attempts(statuses, cancelled, expected) -> None:
    attempts = [attempt(s) for s in statuses]
    assert derive_order_status(attempts, cancelled=cancelled) is expected


# --- Property: random observation streams (duplicates, any order) --------------------------

RANK = {P: 0, A: 1, D: 1, E: 1, V: 2}
observations = st.lists(
    st.tuples(st.sampled_from(["tx-1", "tx-2", "tx-3"]), st.sampled_from(list(PaymentStatus))),
    max_size=30,
)


@settings(max_examples=2_000, deadline=None)
@given(observations)
def test_no_final_status_ever_regresses(stream) -> None:
    current = attempt()
    for minute, (tx, status) in enumerate(stream):
        before = current
        update = observe(current, obs(tx, status, minute=minute))
        current = update.attempt
        for tx_id, old in before.transactions:
            new = current.transaction_status(tx_id)
            # Per transaction: a final status is kept, or moves only APPROVED -> VOIDED.
            if old.is_final:
                assert new == old or (old, new) == (A, V)
            assert RANK[new] >= RANK[old]
        if update.decision.outcome is Outcome.CONFLICT:
            assert update.decision.reason
            assert current == before  # refused, not applied
        if before.status is A and current.transaction_id == before.transaction_id:
            assert current.status in (A, V)
        if before.status is A:
            # Money taken is never silently replaced by a failure.
            assert current.status in (A, V)


@settings(max_examples=1_000, deadline=None)
@given(st.lists(st.sampled_from(list(PaymentStatus)), min_size=1, max_size=20), st.randoms())
def test_any_order_of_one_transactions_events_ends_at_its_latest_lifecycle_state(
    statuses, rnd
) -> None:
    # The real lifecycle is a prefix of PENDING -> X (-> VOIDED); deliver it shuffled and twice.
    final = next((s for s in statuses if s is not P), A)
    lifecycle = [P, final] + ([V] if final is A and V in statuses else [])
    delivered = lifecycle * 2
    rnd.shuffle(delivered)
    current = attempt()
    for minute, status in enumerate(delivered):
        current = observe(current, obs("tx-1", status, minute=minute)).attempt
    assert current.status is lifecycle[-1]


def test_first_pending_sighting_records_which_transaction_to_follow() -> None:
    update = observe(attempt(), obs("tx-9", P))
    assert update.decision.outcome is Outcome.APPLY
    assert update.status_changed
    assert update.attempt.transaction_id == "tx-9"
    assert update.attempt.status is P
    again = observe(update.attempt, obs("tx-9", P, minute=2))
    assert again.decision.outcome is Outcome.DUPLICATE


# --- A payer's retry under one reference: the outcome never depends on arrival order ---------

TX1, TX2 = "1-1700000000-10001", "1-1700000090-10002"  # the retry is 90 s newer


def test_a_failed_transaction_hands_the_attempt_to_a_retry_still_pending() -> None:
    following = observe(attempt(), obs(TX1, P)).attempt
    retry_seen = observe(following, obs(TX2, P, minute=2)).attempt
    assert retry_seen.transaction_id == TX2  # the newest open try is the one to watch
    declined = observe(retry_seen, obs(TX1, D, minute=3))
    assert (declined.attempt.status, declined.attempt.transaction_id) == (P, TX2)
    # Seen the other way round: the first transaction fails, then its retry shows up.
    first_failed = observe(observe(attempt(), obs(TX1, P)).attempt, obs(TX1, D, minute=2))
    assert first_failed.attempt.status is D
    handed = observe(first_failed.attempt, obs(TX2, P, minute=3))
    assert (handed.attempt.status, handed.attempt.transaction_id) == (P, TX2)
    assert handed.status_changed


def test_a_failed_retry_decides_over_the_first_failure() -> None:
    for order in ((TX1, TX2), (TX2, TX1)):
        current = attempt()
        for minute, tx in enumerate(order):
            current = observe(current, obs(tx, D if tx == TX1 else E, minute=minute)).attempt
        assert (current.status, current.transaction_id) == (E, TX2)


def test_transaction_age_key_reads_the_creation_second_of_wompi_ids() -> None:
    ids = ["12-1700000100-00001", "12-1700000099-99999", "odd-id", "12-99-5"]
    assert sorted(ids, key=transaction_age_key) == [
        "odd-id",
        "12-99-5",
        "12-1700000099-99999",
        "12-1700000100-00001",
    ]


RETRY_FIRST = [(P, D), (P, E)]
RETRY_THEN = [(P,), (P, A), (P, A, V), (P, D), (P, E)]


@settings(max_examples=1_000, deadline=None)
@given(
    st.sampled_from(RETRY_FIRST),
    st.sampled_from(RETRY_THEN),
    st.lists(st.tuples(st.booleans(), st.integers(0, 2)), max_size=12),
    st.randoms(),
)
def test_any_order_of_a_retry_s_observations_ends_as_wompi_s_final_state(
    first, then, extra, rnd
) -> None:
    # Every status each transaction went through, seen once, plus stale or repeated copies,
    # in any order: the attempt ends as the retry's final state says.
    seen = [(TX1, s) for s in first] + [(TX2, s) for s in then]
    for which, back in extra:
        tx, life = (TX1, first) if which else (TX2, then)
        seen.append((tx, life[max(0, len(life) - 1 - back)]))
    rnd.shuffle(seen)
    current = attempt()
    for minute, (tx, status) in enumerate(seen):
        current = observe(current, obs(tx, status, minute=minute)).attempt
    assert (current.status, current.transaction_id) == (then[-1], TX2)
