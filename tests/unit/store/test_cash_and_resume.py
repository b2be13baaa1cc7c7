"""Cash received with its change, and what a counter finds after a crash: unfinished attempts
and approvals that arrived after staff gave up."""

from __future__ import annotations

import pytest

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.payment import CashReceivedError, OrderStatus, PaymentStatus, Tender
from mestore_desktop.store.errors import UnknownReferenceError
from mestore_desktop.store.repositories import NotLateApprovalError
from tests.unit.store.factories import Repo, approved, at, make_order

TOTAL = Money.from_pesos(25_000)


def new_order(repo: Repo, terminal: str = "T01") -> int:
    number = repo.write(lambda r: r.create_order(make_order(25_000, terminal))).number
    assert number is not None
    return number


def test_cash_received_and_change_are_saved_with_the_attempt(repo: Repo) -> None:
    number = new_order(repo)
    attempt = repo.write(
        lambda r: r.new_attempt(number, Tender.CASH, at(1), cash_received=Money.from_pesos(50_000))
    )
    saved = repo.read(lambda r: r.get_attempt(attempt.reference))
    assert saved == attempt
    assert (saved.amount, saved.cash_received, saved.change) == (
        TOTAL,
        Money.from_pesos(50_000),
        Money.from_pesos(25_000),
    )
    assert repo.read(lambda r: r.order_status(number)) is OrderStatus.PAID


def test_the_exact_amount_gives_no_change(repo: Repo) -> None:
    number = new_order(repo)
    attempt = repo.write(lambda r: r.new_attempt(number, Tender.CASH, at(1), cash_received=TOTAL))
    assert attempt.change == Money.zero()


def test_too_little_cash_is_refused_in_spanish_and_nothing_is_saved(repo: Repo) -> None:
    number = new_order(repo)
    short = Money.from_pesos(20_000)
    with pytest.raises(CashReceivedError) as refused:
        repo.write(lambda r: r.new_attempt(number, Tender.CASH, at(1), cash_received=short))
    assert str(refused.value) == "El efectivo recibido ($ 20.000) no cubre el total ($ 25.000)."
    assert repo.read(lambda r: r.attempts_for(number)) == []
    assert repo.read(lambda r: r.order_status(number)) is OrderStatus.OPEN


def test_cash_needs_the_amount_received_and_wompi_takes_none(repo: Repo) -> None:
    number = new_order(repo)
    with pytest.raises(CashReceivedError, match="efectivo recibido"):
        repo.write(lambda r: r.new_attempt(number, Tender.CASH, at(1)))
    with pytest.raises(CashReceivedError, match="Wompi"):
        repo.write(lambda r: r.new_attempt(number, Tender.WOMPI, at(1), cash_received=TOTAL))
    wompi = repo.write(lambda r: r.new_attempt(number, Tender.WOMPI, at(2)))
    assert (wompi.cash_received, wompi.change) == (None, None)
    assert repo.read(lambda r: r.get_attempt(wompi.reference)).cash_received is None


def test_unfinished_attempts_are_this_terminals_pending_wompi_ones_oldest_first(
    repo: Repo,
) -> None:
    first, given_up, paid, cash, cancelled, other, second = (
        new_order(repo, "T02" if i == 5 else "T01") for i in range(7)
    )
    waiting = repo.write(lambda r: r.new_attempt(first, Tender.WOMPI, at(1)))
    abandoned = repo.write(lambda r: r.new_attempt(given_up, Tender.WOMPI, at(2)))
    repo.write(lambda r: r.abandon_attempt(abandoned.reference, at(3)))
    done = repo.write(lambda r: r.new_attempt(paid, Tender.WOMPI, at(4)))
    repo.write(lambda r: r.apply_observation(done.reference, approved("tx-1", at(5))))
    repo.write(lambda r: r.new_attempt(cash, Tender.CASH, at(6), cash_received=TOTAL))
    repo.write(lambda r: r.new_attempt(cancelled, Tender.WOMPI, at(7)))
    repo.write(lambda r: r.cancel_order(cancelled, at(8)))
    repo.write(lambda r: r.new_attempt(other, Tender.WOMPI, at(9)))
    later = repo.write(lambda r: r.new_attempt(second, Tender.WOMPI, at(10)))

    unfinished = repo.read(lambda r: r.unfinished_attempts("T01"))
    assert [a.reference for a in unfinished] == [waiting.reference, later.reference]
    assert all(a.status is PaymentStatus.PENDING for a in unfinished)
    assert [a.order_number for a in repo.read(lambda r: r.unfinished_attempts("T02"))] == [other]
    assert repo.read(lambda r: r.unfinished_attempts("T99")) == []


def late_approval(repo: Repo, terminal: str = "T01", tx: str = "tx-late") -> str:
    """An order cancelled while its Wompi attempt was pending, which Wompi then approved."""
    number = new_order(repo, terminal)
    attempt = repo.write(lambda r: r.new_attempt(number, Tender.WOMPI, at(1)))
    repo.write(lambda r: r.cancel_order(number, at(2)))
    repo.write(lambda r: r.apply_observation(attempt.reference, approved(tx, at(3))))
    return attempt.reference


def test_late_approvals_are_listed_until_acknowledged_once_with_an_audit_line(
    repo: Repo,
) -> None:
    first = late_approval(repo)
    second = late_approval(repo, tx="tx-late-2")
    late_approval(repo, terminal="T02", tx="tx-elsewhere")
    listed = repo.read(lambda r: r.late_approvals("T01"))
    assert [a.reference for a in listed] == [first, second]
    assert all(a.approved_after_cancel for a in listed)

    acked = repo.write(lambda r: r.acknowledge_late_approval(first, at(10), actor="cajero"))
    assert acked.reference == first
    assert [a.reference for a in repo.read(lambda r: r.late_approvals("T01"))] == [second]
    [entry] = [
        e
        for e in repo.read(lambda r: r.audit_entries())
        if e.action == "payment.late_approval_acknowledged"
    ]
    assert (entry.actor, entry.at) == ("cajero", at(10))
    assert f"reference={first}" in entry.detail and "tx-late" in entry.detail

    repo.write(lambda r: r.acknowledge_late_approval(first, at(11)))  # again: nothing new
    actions = [e.action for e in repo.read(lambda r: r.audit_entries())]
    assert actions.count("payment.late_approval_acknowledged") == 1
    assert len(repo.read(lambda r: r.late_approvals("T02"))) == 1


def test_only_a_late_approval_can_be_acknowledged(repo: Repo) -> None:
    number = new_order(repo)
    pending = repo.write(lambda r: r.new_attempt(number, Tender.WOMPI, at(1)))
    with pytest.raises(NotLateApprovalError, match="no es un pago aprobado"):
        repo.write(lambda r: r.acknowledge_late_approval(pending.reference, at(2)))
    with pytest.raises(UnknownReferenceError):
        repo.write(lambda r: r.acknowledge_late_approval("T01-999999-1", at(2)))
    assert not any(
        e.action == "payment.late_approval_acknowledged"
        for e in repo.read(lambda r: r.audit_entries())
    )
