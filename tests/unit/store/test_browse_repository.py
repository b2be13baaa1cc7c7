"""The back office's orders browser: filters, search, keyset pages, detail, choices."""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import replace
from datetime import timedelta
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mestore_desktop.domain.browse import OrderFilter, OrderPage, PageKey, SortKey
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import Order, OrderSummary
from mestore_desktop.domain.payment import OrderStatus, PaymentStatus, StatusSource, Tender
from mestore_desktop.store import browse_repository
from mestore_desktop.store.browse_repository import InvalidBrowseError, OrderBrowser
from mestore_desktop.store.db import Database
from mestore_desktop.store.repositories import OrderRepository
from tests.unit.store.browse_samples import (
    DAYS,
    TERMINALS,
    Known,
    expected,
    known,
    seed,
    tx_id,
)
from tests.unit.store.factories import T0, Repo, approved, at, observation, rich_order

Plan = str  # "auto", "walk" (always the sort's index) or "narrow" (always the best filter's)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, list[Known]]]:
    database = Database.open(tmp_path_factory.mktemp("browse") / "mestore.db")
    seed(database)
    yield database, known(database)
    database.close()


def forced(plan: Plan) -> ExitStack:
    """Make the browser take one plan whatever the counts say, to test both on small data."""
    stack = ExitStack()
    if plan == "walk":
        stack.enter_context(mock.patch.object(browse_repository, "COUNT_CAP", 0))
    elif plan == "narrow":
        stack.enter_context(
            mock.patch.object(browse_repository, "_walk_cost", return_value=math.inf)
        )
    return stack


def all_pages(
    database: Database, f: OrderFilter, sort: SortKey, descending: bool, size: int
) -> list[OrderSummary]:
    rows: list[OrderSummary] = []
    after: PageKey | None = None
    for _ in range(1000):
        page: OrderPage = database.read(
            lambda s, after=after: OrderBrowser(s).page(f, sort, descending, after, size)
        )
        assert len(page.rows) <= size
        rows.extend(page.rows)
        if page.next_key is None:
            return rows
        assert len(page.rows) == size  # only the last page may be short
        after = page.next_key
    raise AssertionError("the pages never ended")


def numbers(rows: list[OrderSummary]) -> list[int]:
    return [r.number for r in rows]


# -- filters and search --------------------------------------------------------------------------

FILTERS = {
    "everything": OrderFilter(),
    "one day": OrderFilter(first_day=DAYS[1], last_day=DAYS[1]),
    "from a day on": OrderFilter(first_day=DAYS[2]),
    "up to a day": OrderFilter(last_day=DAYS[0]),
    "paid": OrderFilter(statuses=frozenset({OrderStatus.PAID})),
    "failed or cancelled": OrderFilter(
        statuses=frozenset({OrderStatus.FAILED, OrderStatus.CANCELLED})
    ),
    "cash": OrderFilter(tender=Tender.CASH),
    "wompi": OrderFilter(tender=Tender.WOMPI),
    "nequi": OrderFilter(method="NEQUI"),
    "terminal": OrderFilter(terminal_id="T02"),
    "terminal and day": OrderFilter(terminal_id="CAJA2", first_day=DAYS[3], last_day=DAYS[3]),
    "unknown terminal": OrderFilter(terminal_id="T99"),
    "name word, any case and accent": OrderFilter(search="PEREZ"),
    "name word prefix": OrderFilter(search="nin"),
    "second word of a hyphenated name": OrderFilter(search="ruiz"),
    "two words": OrderFilter(search="ana pé"),
    "e-mail prefix, any case": OrderFilter(search="ANA@exam"),
    "whole e-mail": OrderFilter(search="jose.nino@correo.com"),
    "transaction id": OrderFilter(search=tx_id(2)),
    "transaction id of a declined try": OrderFilter(search=tx_id(7)),
    "transaction id prefix": OrderFilter(search="1102-"),
    "reference prefix": OrderFilter(search="t02-"),
    "nothing": OrderFilter(search="zzz"),
    "everything at once": OrderFilter(
        first_day=DAYS[0],
        last_day=DAYS[3],
        statuses=frozenset({OrderStatus.PAID}),
        tender=Tender.WOMPI,
        method="CARD",
        terminal_id="T01",
        search="ana",
    ),
}


@pytest.mark.parametrize("plan", ["auto", "walk", "narrow"])
@pytest.mark.parametrize("name", FILTERS)
def test_filters_and_search_list_exactly_the_matching_orders(
    sample: tuple[Database, list[Known]], name: str, plan: Plan
) -> None:
    database, rows = sample
    f = FILTERS[name]
    with forced(plan):
        listed = all_pages(database, f, SortKey.CREATED_AT, True, 7)
    assert listed == expected(rows, f, SortKey.CREATED_AT, True)


def test_the_sample_covers_what_the_filters_look_for(sample: tuple[Database, list[Known]]) -> None:
    # Guards the test above against passing on empty results.
    database, rows = sample
    for name in ("one day", "paid", "cash", "nequi", "terminal and day", "two words"):
        assert expected(rows, FILTERS[name], SortKey.CREATED_AT, True), name
    assert len(expected(rows, FILTERS["transaction id"], SortKey.TOTAL, False)) == 1
    reference = (
        rows[0].attempts[-1].reference if rows[0].attempts else rows[1].attempts[0].reference
    )
    by_reference = OrderFilter(search=reference.lower())
    found = database.read(lambda s: OrderBrowser(s).page(by_reference, limit=5))
    assert [r.last_reference for r in found.rows][:1] == [reference]


def test_a_search_by_reference_finds_its_order_with_its_shown_attempt(
    sample: tuple[Database, list[Known]],
) -> None:
    database, rows = sample
    retried = next(r for r in rows if len(r.attempts) == 2)
    declined_reference = retried.attempts[0].reference
    page = database.read(
        lambda s: OrderBrowser(s).page(OrderFilter(search=declined_reference), limit=10)
    )
    assert numbers(list(page.rows)) == [retried.summary.number]
    assert page.rows[0] == retried.summary  # the row as list_orders builds it
    assert page.rows[0].last_reference == retried.attempts[1].reference  # the approved retry
    assert page.rows[0].payment_method == "NEQUI"


# -- keyset pages ----------------------------------------------------------------------------------

filters = st.builds(
    OrderFilter,
    first_day=st.sampled_from((None, *DAYS)),
    last_day=st.sampled_from((None, *DAYS)),
    statuses=st.frozensets(st.sampled_from(OrderStatus), max_size=3),
    tender=st.sampled_from((None, Tender.CASH, Tender.WOMPI)),
    method=st.sampled_from(("", "", "CARD", "NEQUI", "PSE")),
    terminal_id=st.sampled_from(("", "", *TERMINALS)),
    search=st.sampled_from(("", "", "", "ana", "gomez", "andres@", "t01-", "110", "1105-")),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    f=filters,
    sort=st.sampled_from(SortKey),
    descending=st.booleans(),
    size=st.integers(1, 9),
    plan=st.sampled_from(("auto", "walk", "narrow")),
)
def test_pages_never_repeat_or_skip_a_row_under_any_sort_filter_or_plan(
    sample: tuple[Database, list[Known]],
    f: OrderFilter,
    sort: SortKey,
    descending: bool,
    size: int,
    plan: Plan,
) -> None:
    database, rows = sample
    if f.first_day and f.last_day and f.last_day < f.first_day:
        with pytest.raises(InvalidBrowseError, match="invertido"):
            database.read(lambda s: OrderBrowser(s).page(f, sort, descending, None, size))
        return
    with forced(plan):
        listed = all_pages(database, f, sort, descending, size)
    assert listed == expected(rows, f, sort, descending)


@pytest.mark.parametrize("sort", list(SortKey))
@pytest.mark.parametrize("descending", [True, False])
def test_iter_rows_reads_every_row_in_chunks(
    sample: tuple[Database, list[Known]], sort: SortKey, descending: bool
) -> None:
    database, rows = sample
    listed = database.read(
        lambda s: list(OrderBrowser(s).iter_rows(OrderFilter(), sort, descending, chunk=4))
    )
    assert listed == expected(rows, OrderFilter(), sort, descending)


def test_an_order_saved_while_paging_neither_repeats_nor_hides_a_row(db: Database) -> None:
    repo = Repo(db)
    for _ in range(5):
        repo.write(lambda r: r.create_order(rich_order()))
    first = db.read(lambda s: OrderBrowser(s).page(OrderFilter(), SortKey.TOTAL, True, None, 2))
    repo.write(lambda r: r.create_order(rich_order()))  # same total: a tie, newer number
    rest = db.read(
        lambda s: OrderBrowser(s).page(OrderFilter(), SortKey.TOTAL, True, first.next_key, 10)
    )
    assert numbers(list(first.rows)) == [5, 4]
    assert numbers(list(rest.rows)) == [3, 2, 1]


def test_page_sizes_and_keys_are_checked(sample: tuple[Database, list[Known]]) -> None:
    database, _ = sample
    for limit in (0, 501):
        with pytest.raises(InvalidBrowseError, match="entre 1 y 500"):
            database.read(lambda s, n=limit: OrderBrowser(s).page(OrderFilter(), limit=n))
    wrong = PageKey("paid", 3)  # a status key while sorting by total
    with pytest.raises(InvalidBrowseError, match="no corresponde"):
        database.read(
            lambda s: OrderBrowser(s).page(OrderFilter(), SortKey.CREATED_AT, True, wrong)
        )
    with pytest.raises(InvalidBrowseError, match="invertido"):
        database.read(
            lambda s: OrderBrowser(s).page(OrderFilter(first_day=DAYS[2], last_day=DAYS[1]))
        )
    page = database.read(lambda s: OrderBrowser(s).page(OrderFilter(), limit=500))
    assert page.next_key is None and len(page.rows) == 63


def test_days_are_bogota_days(db: Database) -> None:
    repo = Repo(db)
    # 23:30 in Bogotá is already the next day in UTC: it still belongs to its Bogotá day.
    late = T0.replace(hour=23, minute=30)
    early = T0.replace(hour=0, minute=10) + timedelta(days=1)
    for moment in (late, early):
        order = rich_order()
        repo.write(lambda r, o=order, m=moment: r.create_order(type(o)(o.terminal_id, o.lines, m)))
    day = late.date()
    page = db.read(lambda s: OrderBrowser(s).page(OrderFilter(first_day=day, last_day=day)))
    assert numbers(list(page.rows)) == [1]


def wompi_order() -> Order:
    """`rich_order` in whole pesos, so that Wompi can charge it."""
    lines = tuple(
        replace(ln, discount=Money(0), unit_price=Money.from_pesos(9_900))
        for ln in rich_order().lines
    )
    return replace(rich_order(), lines=lines)


# -- summaries, detail, choices --------------------------------------------------------------------


def test_summaries_keep_the_order_asked_for(sample: tuple[Database, list[Known]]) -> None:
    database, rows = sample
    by_number = {r.summary.number: r.summary for r in rows}
    asked = [9, 3, 999_999, 9, 41]
    got = database.read(lambda s: OrderBrowser(s).summaries(asked))
    assert got == [by_number[9], by_number[3], by_number[41]]
    assert database.read(lambda s: OrderBrowser(s).summaries([])) == []


def test_terminals_and_methods_list_each_value_once(sample: tuple[Database, list[Known]]) -> None:
    database, _ = sample
    assert database.read(lambda s: OrderBrowser(s).terminals()) == sorted(TERMINALS)
    # Wompi methods of the attempts shown: PSE only ever declined before a retry took over,
    # except where the declined try is the newest one.
    assert database.read(lambda s: OrderBrowser(s).methods()) == ["CARD", "NEQUI", "PSE"]


def test_detail_has_lines_attempts_with_their_timeline_and_the_notes_about_the_order(
    repo: Repo, db: Database
) -> None:
    order = repo.write(lambda r: r.create_order(wompi_order()))
    other = repo.write(lambda r: r.create_order(wompi_order()))
    number = order.number or 0
    first = repo.write(lambda r: r.new_attempt(number, Tender.WOMPI, at(10)))
    repo.write(
        lambda r: r.apply_observation(
            first.reference, observation("tx-1", PaymentStatus.DECLINED, at(20), StatusSource.POLL)
        )
    )
    second = repo.write(lambda r: r.new_attempt(number, Tender.WOMPI, at(30)))
    repo.write(lambda r: r.apply_observation(second.reference, approved("tx-2", at(40))))
    repo.write(
        lambda r: r.audit(
            "payment.voided",
            f"reference={second.reference} transaction_id=tx-2 reason=cliente devolvió",
            at(50),
            "ana.back",
        )
    )
    repo.write(lambda r: r.audit("reconcile.resolved", f"order={number} reason=ok", at(60), "luis"))
    repo.write(lambda r: r.audit("payment.voided", f"order={other.number}", at(70), "x"))
    repo.write(lambda r: r.audit("sync.bad_transaction", "reference=ZZZ-1 currency=USD", at(80)))
    repo.write(lambda r: r.audit("x", f"first_reference={first.reference}", at(90)))

    detail = db.read(lambda s: OrderBrowser(s).detail(number))
    assert detail is not None
    assert detail.order == order
    assert detail.order.totals.tax > Money(0)  # the lines with their IVA
    assert detail.status is OrderStatus.PAID
    assert [a.attempt.reference for a in detail.attempts] == [first.reference, second.reference]
    timeline = [(c.to_status, c.source) for c in detail.attempts[0].history]
    assert timeline == [
        (PaymentStatus.PENDING, StatusSource.CHECKOUT),
        (PaymentStatus.DECLINED, StatusSource.POLL),
    ]
    assert [(c.to_status, c.source, c.transaction_id) for c in detail.attempts[1].history] == [
        (PaymentStatus.PENDING, StatusSource.CHECKOUT, None),
        (PaymentStatus.APPROVED, StatusSource.WEBHOOK, "tx-2"),
    ]
    assert detail.attempts[1].attempt.transaction_id == "tx-2"
    assert [(n.actor, n.action, n.at) for n in detail.notes] == [
        ("ana.back", "payment.voided", at(50)),
        ("luis", "reconcile.resolved", at(60)),
    ]
    assert "cliente devolvió" in detail.notes[0].detail
    assert db.read(lambda s: OrderBrowser(s).detail(12345)) is None


def test_filters_follow_the_shown_attempt_as_it_changes(repo: Repo, db: Database) -> None:
    number = repo.write(lambda r: r.create_order(wompi_order())).number or 0

    def listed(f: OrderFilter) -> list[int]:
        return numbers(list(db.read(lambda s: OrderBrowser(s).page(f)).rows))

    assert listed(OrderFilter(tender=Tender.WOMPI)) == []
    attempt = repo.write(lambda r: r.new_attempt(number, Tender.WOMPI, at(1)))
    assert listed(OrderFilter(tender=Tender.WOMPI)) == [number]
    assert listed(OrderFilter(method="NEQUI")) == []
    obs = observation("tx-9", PaymentStatus.DECLINED, at(2))
    repo.write(lambda r: r.apply_observation(attempt.reference, obs))
    assert listed(OrderFilter(method="CARD")) == [number]  # Wompi named the method
    repo.write(lambda r: r.new_attempt(number, Tender.CASH, at(3), cash_received=Money(10**9)))
    assert listed(OrderFilter(tender=Tender.WOMPI)) == []
    assert listed(OrderFilter(tender=Tender.CASH, method="CASH")) == [number]
    assert db.read(lambda s: OrderRepository(s).list_orders())[0].payment_method == "CASH"
