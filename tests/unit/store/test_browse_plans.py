"""Every query the orders browser and the reconciliation repository run reads through an index.

Each statement they send to SQLite is captured and asked for its EXPLAIN QUERY PLAN, then:

* no table or index is read whole (`SCAN o`, `SCAN t USING COVERING INDEX …`), except by a
  walk: a statement reading through the index of its own ORDER BY, which stops at the page's
  end;
* such a walk (and the ties of a keyset step) sorts nothing (`USE TEMP B-TREE FOR ORDER BY`
  would mean reading every row).

SQLite plans from its fixed guesses (the app never runs ANALYZE), so the plans on this small
sample are the plans on a million orders. The last test shows the check failing when an index
the search needs is dropped.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from mestore_desktop.domain.browse import OrderFilter, SortKey
from mestore_desktop.store.browse_repository import OrderBrowser
from mestore_desktop.store.db import Database
from mestore_desktop.store.reconciliation_repository import (
    DayCloseRepository,
    ReconciliationRepository,
)
from tests.unit.store.browse_samples import DAYS, seed
from tests.unit.store.test_browse_repository import FILTERS, Plan, forced

# `ORDER BY <column>` -> the indexes that return rows in that order.
_ORDERED_BY = {
    "o.created_at": {"ix_orders_created_at", "ix_orders_terminal_id_created_at"},
    "o.total_cents": {"ix_orders_total_cents"},
    "o.status": {"ix_orders_status"},
}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Path]]:
    path = tmp_path_factory.mktemp("plans") / "mestore.db"
    database = Database.open(path)
    seed(database, count=30)
    yield database, path
    database.close()


@contextmanager
def captured(database: Database) -> Iterator[list[tuple[str, Any]]]:
    statements: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(database.engine, "before_cursor_execute", record)


def problems(path: Path, statements: list[tuple[str, Any]]) -> list[str]:
    """What is wrong with these statements' plans; [] when every one reads by index."""
    found: list[str] = []
    conn = sqlite3.connect(path)
    try:
        for statement, parameters in statements:
            plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)]
            found += [f"{line}  <-  {statement}" for line in _bad_lines(statement, plan)]
    finally:
        conn.close()
    return found


def _bad_lines(statement: str, plan: list[str]) -> list[str]:
    indexed = re.search(r"INDEXED BY (\w+)", statement)
    order_by = re.search(r"ORDER BY (o\.\w+)", statement)
    walk_index = ""
    if indexed and order_by:
        ties = order_by.group(1) == "o.number"  # the rest of one sort value, by rowid
        if ties or indexed.group(1) in _ORDERED_BY.get(order_by.group(1), set()):
            walk_index = indexed.group(1)
    bad = []
    for line in plan:
        scan = re.match(r"SCAN (?!CONSTANT ROW)(\w+)(?: USING (?:COVERING )?INDEX (\w+))?", line)
        # Reading a whole table or index is only right for a walk in its ORDER BY's index,
        # which stops at the page's end.
        if scan and not (walk_index and scan.group(2) == walk_index):
            bad.append(line)
        if walk_index and re.match(r"USE TEMP B-TREE FOR .*ORDER BY", line):
            bad.append(line)
    return bad


def read_two_pages(database: Database, f: OrderFilter, sort: SortKey, descending: bool) -> None:
    def two(session: Any) -> None:
        browser = OrderBrowser(session)
        first = browser.page(f, sort, descending, None, 2)
        if first.next_key is not None:
            browser.page(f, sort, descending, first.next_key, 2)

    database.read(two)


@pytest.mark.parametrize("plan", ["walk", "narrow", "auto"])
@pytest.mark.parametrize("sort", list(SortKey))
@pytest.mark.parametrize("name", FILTERS)
def test_every_page_query_reads_by_index(
    sample: tuple[Database, Path], name: str, sort: SortKey, plan: Plan
) -> None:
    database, path = sample
    with captured(database) as statements, forced(plan):
        for descending in (True, False):
            read_two_pages(database, FILTERS[name], sort, descending)
    assert statements
    assert problems(path, statements) == []


@pytest.mark.parametrize(
    "call",
    [
        lambda s: OrderBrowser(s).detail(7),
        lambda s: OrderBrowser(s).summaries([3, 1, 2]),
        lambda s: OrderBrowser(s).terminals(),
        lambda s: OrderBrowser(s).methods(),
        lambda s: list(OrderBrowser(s).iter_rows(OrderFilter(terminal_id="T01"), chunk=3)),
        lambda s: ReconciliationRepository(s).local_attempts(DAYS[0], DAYS[1]),
        lambda s: DayCloseRepository(s).get("T01", DAYS[0]),
        lambda s: DayCloseRepository(s).pending_before("T01", DAYS[2]),
        lambda s: DayCloseRepository(s).attempts_for_day("T02", DAYS[1]),
    ],
    ids=[
        "detail",
        "summaries",
        "terminals",
        "methods",
        "iter_rows",
        "local_attempts",
        "day_close",
        "pending_before",
        "attempts_for_day",
    ],
)
def test_the_other_reads_use_indexes_too(
    sample: tuple[Database, Path], call: Callable[[Any], object]
) -> None:
    database, path = sample
    with captured(database) as statements:
        database.read(call)
    assert statements
    assert problems(path, statements) == []


def test_the_check_fails_when_the_search_loses_an_index(tmp_path: Path) -> None:
    path = tmp_path / "mestore.db"
    database = Database.open(path)
    try:
        seed(database, count=10)
        database.write(
            lambda s: s.execute(text("DROP INDEX ix_attempt_transactions_transaction_id"))
        )
        with captured(database) as statements, forced("narrow"):
            database.read(lambda s: OrderBrowser(s).page(OrderFilter(search="1102-")))
        found = problems(path, statements)
    finally:
        database.close()
    assert any(line.startswith("SCAN t") for line in found), found


def test_the_check_fails_when_a_walk_must_sort_everything(sample: tuple[Database, Path]) -> None:
    _, path = sample
    statement = (
        "SELECT o.number FROM orders AS o INDEXED BY ix_orders_terminal_id_created_at "
        "WHERE o.terminal_id = ? ORDER BY o.total_cents LIMIT 5"
    )
    assert problems(path, [(statement, ("T01",))]) == []  # not a walk: may sort its rows
    walk = statement.replace("ix_orders_terminal_id_created_at", "ix_orders_total_cents")
    walk = walk.replace("o.terminal_id = ?", "o.total_cents > ? AND o.created_at > 0")
    assert problems(path, [(walk, (0,))]) == []
    unordered = (
        "SELECT o.number FROM orders AS o INDEXED BY ix_orders_created_at "
        "WHERE o.created_at > ? ORDER BY o.created_at + 0, o.number LIMIT 5"
    )
    assert problems(path, [(unordered, (0,))]) != []
    bare = "SELECT o.number FROM orders AS o WHERE o.customer_name = ? LIMIT 5"
    assert problems(path, [(bare, ("x",))]) == [f"SCAN o  <-  {bare}"]
