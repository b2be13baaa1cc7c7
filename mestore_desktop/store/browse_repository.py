"""`OrderBrowser`: the back office's orders list, filtered, searched and paged by index.

Every page is a keyset page (`domain.browse.PageKey`) of at most `MAX_PAGE_SIZE` rows, and every
query reads through an index (tests run EXPLAIN QUERY PLAN on each shape). With a million orders
a page must cost a few milliseconds whatever the filters, so the browser picks one of two plans:

* walk: read the sort's index in order (`ix_orders_created_at`, `..._total_cents`,
  `..._status`; `(terminal_id, created_at)` when a terminal is chosen) and keep the rows that
  pass the filters, stopping at the page's end. Cheap when the filtered rows are common.
* narrow: list the rows of the most selective filter through its own index (a day range, a
  terminal, statuses, a tender, a method, or the search's lookups) and sort just those. Cheap
  when that filter holds few rows.

Each filter's rows are counted through its index, stopping at `COUNT_CAP`, and the plan that
reads fewer rows (walk: page size ÷ the filters' estimated share) wins. The SQL is written out
here rather than built by SQLAlchemy's expression language because it needs SQLite's INDEXED BY
(the planner, without statistics, would rather sort a million rows of a common terminal than
walk an index in order); every value is a bound parameter, never text in the SQL.

A keyset step after (value, number) is two index range reads — the rest of `value`'s rows after
`number`, then the values after `value` — because SQLite does not use the rowid that ends an
index in a row-value range: `(status, number) > (?, ?)` would read every row of that status.

The search box (`domain.browse.parse_search`) looks up references and transaction ids by prefix
(`payment_attempts.reference`, `.transaction_id`, `attempt_transactions.transaction_id`) and
name words and e-mails by prefix in `order_search_terms`, each an index range.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Integer, Text, column, text
from sqlalchemy.orm import Session

from mestore_desktop.domain.browse import (
    MAX_PAGE_SIZE,
    AttemptDetail,
    ManualNote,
    OrderDetail,
    OrderFilter,
    OrderPage,
    PageKey,
    SearchQuery,
    SortKey,
    parse_search,
)
from mestore_desktop.domain.order import OrderSummary
from mestore_desktop.domain.payment import OrderStatus, Tender
from mestore_desktop.domain.reconciliation import day_bounds
from mestore_desktop.domain.text import N_
from mestore_desktop.store import mapping
from mestore_desktop.store.errors import StoreError
from mestore_desktop.store.repositories import MAX_PAGE, OrderRepository
from mestore_desktop.store.tables import (
    AuditLogRow,
    OrderRow,
    PaymentLinkRow,
    StatusHistoryRow,
    UtcTimestamp,
    to_micros,
)

# A filter's rows are counted up to here: below it, listing and sorting them is cheap.
COUNT_CAP = 20_000
MAX_NOTES = 500  # audit lines shown in an order's detail (the newest)
MAX_DISTINCT = 1000  # terminals or methods listed
_EVERYTHING_AFTER = "\U0010ffff"  # sorts after any text that starts with a given prefix

_COLUMNS = (
    "o.number, o.terminal_id, o.created_at, o.total_cents, o.status, "
    "o.customer_name, o.customer_email"
)
_RESULT_COLUMNS = (
    column("number", Integer),
    column("terminal_id", Text),
    column("created_at", UtcTimestamp()),
    column("total_cents", Integer),
    column("status", Text),
    column("customer_name", Text),
    column("customer_email", Text),
    column("sort_value"),  # raw: micros, cents or the status text, for the next PageKey
)
_SORT_COLUMN = {
    SortKey.CREATED_AT: "o.created_at",
    SortKey.TOTAL: "o.total_cents",
    SortKey.STATUS: "o.status",
}
_SORT_INDEX = {
    SortKey.CREATED_AT: "ix_orders_created_at",
    SortKey.TOTAL: "ix_orders_total_cents",
    SortKey.STATUS: "ix_orders_status",
}
_TERMINAL_INDEX = "ix_orders_terminal_id_created_at"
# The search: each kind as a check of the order `o` and as a lookup listing order numbers.
_REFERENCE_CHECK = (
    "EXISTS (SELECT 1 FROM payment_attempts AS pa WHERE pa.order_number = o.number "
    "AND pa.reference >= :ref_lo AND pa.reference < :ref_hi)"
)
_REFERENCE_LOOKUP = (
    "SELECT pa.order_number FROM payment_attempts AS pa "
    "WHERE pa.reference >= :ref_lo AND pa.reference < :ref_hi"
)
_TRANSACTION_CHECK = (
    "EXISTS (SELECT 1 FROM payment_attempts AS pa WHERE pa.order_number = o.number "
    "AND (pa.transaction_id >= :tx_lo AND pa.transaction_id < :tx_hi "
    "OR EXISTS (SELECT 1 FROM attempt_transactions AS t WHERE t.attempt_id = pa.id "
    "AND t.transaction_id >= :tx_lo AND t.transaction_id < :tx_hi)))"
)
_TRANSACTION_LOOKUPS = (
    "SELECT pa.order_number FROM payment_attempts AS pa "
    "WHERE pa.transaction_id >= :tx_lo AND pa.transaction_id < :tx_hi",
    "SELECT pa.order_number FROM attempt_transactions AS t "
    "JOIN payment_attempts AS pa ON pa.id = t.attempt_id "
    "WHERE t.transaction_id >= :tx_lo AND t.transaction_id < :tx_hi",
)
_TERM_CHECK = (
    "EXISTS (SELECT 1 FROM order_search_terms AS st WHERE st.order_number = o.number "
    "AND st.term >= :w{i}_lo AND st.term < :w{i}_hi)"
)
_TERM_LOOKUP = (
    "SELECT st.order_number FROM order_search_terms AS st "
    "WHERE st.term >= :w{i}_lo AND st.term < :w{i}_hi"
)


class InvalidBrowseError(StoreError, ValueError):
    """A filter, page size or page key the browser cannot use; `str()` is Spanish."""


@dataclass(frozen=True, slots=True)
class _Source:
    """A filter that can list its own rows through an index."""

    name: str
    count: int  # capped at COUNT_CAP
    index: str | None  # None: the search's lookups (rowid IN ...)
    absorbed: bool  # the walk over the sort's index already reads only its rows


@dataclass(slots=True)
class _Query:
    """Filter predicates in SQL with their bound parameters."""

    where: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    search_source: str = ""  # SQL listing the search's order numbers ("" = no search)
    search_counts: list[str] = field(default_factory=list)  # each lookup, to count


@dataclass(frozen=True, slots=True)
class _Plan:
    sort: SortKey
    descending: bool
    query: _Query
    index: str | None  # the index to read through; None: the search's rowids
    walk: bool


class OrderBrowser:
    """Read-only queries of the back office's orders list, inside the caller's transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # -- pages ---------------------------------------------------------------------------------

    def page(
        self,
        filter: OrderFilter,
        sort: SortKey = SortKey.CREATED_AT,
        descending: bool = True,
        after: PageKey | None = None,
        limit: int = 100,
    ) -> OrderPage:
        """Up to `limit` (≤ MAX_PAGE_SIZE) orders after `after`; `next_key` None at the end."""
        if not 1 <= limit <= MAX_PAGE_SIZE:
            raise InvalidBrowseError(
                N_(
                    "Una página tiene entre 1 y {max_page_size} pedidos.",
                    max_page_size=MAX_PAGE_SIZE,
                )
            )
        return self._page(self._plan(filter, SortKey(sort), descending, limit), after, limit)

    def iter_rows(
        self,
        filter: OrderFilter,
        sort: SortKey = SortKey.CREATED_AT,
        descending: bool = True,
        chunk: int = 1000,
    ) -> Iterator[OrderSummary]:
        """Every matching order, read `chunk` (≤ 1000) at a time by keyset (for a CSV export);
        consume it inside the same read transaction."""
        if not 1 <= chunk <= MAX_PAGE:
            raise InvalidBrowseError(
                N_(
                    "Se leen entre 1 y {max_page} pedidos a la vez.",
                    max_page=MAX_PAGE,
                )
            )
        plan = self._plan(filter, SortKey(sort), descending, chunk)
        after: PageKey | None = None
        while True:
            page = self._page(plan, after, chunk)
            yield from page.rows
            if page.next_key is None:
                return
            after = page.next_key

    def summaries(self, numbers: Sequence[int]) -> list[OrderSummary]:
        """These orders' rows, in the order given; unknown numbers are left out."""
        wanted = list(dict.fromkeys(numbers))
        if len(wanted) > MAX_PAGE:
            raise InvalidBrowseError(
                N_("Se piden hasta {max_page} pedidos a la vez.", max_page=MAX_PAGE)
            )
        if not wanted:
            return []
        params = {f"n{i}": n for i, n in enumerate(wanted)}
        marks = ", ".join(f":{name}" for name in params)
        sql = f"SELECT {_COLUMNS}, 0 AS sort_value FROM orders AS o WHERE o.number IN ({marks})"  # noqa: S608
        rows = {row.number: row for row in self._rows(sql, params)}
        found = [rows[n] for n in wanted if n in rows]
        return OrderRepository(self._session).summaries(found)

    # -- one order -----------------------------------------------------------------------------

    def detail(self, number: int) -> OrderDetail | None:
        """The order with its lines, every attempt with its timeline, and its audit notes."""
        row = self._session.get(OrderRow, number)
        if row is None:
            return None
        attempts = [mapping.to_attempt(a) for a in row.attempts]
        ids = [a.id for a in row.attempts]
        history: dict[int, list[StatusHistoryRow]] = {i: [] for i in ids}
        if ids:
            lines = self._session.query(StatusHistoryRow).filter(
                StatusHistoryRow.attempt_id.in_(ids)
            )
            for line in lines.order_by(StatusHistoryRow.id):
                history[line.attempt_id].append(line)
        links = self._link_names({a.payment_link_id for a in row.attempts} - {None})
        return OrderDetail(
            order=mapping.to_order(row),
            status=OrderStatus(row.status),
            attempts=tuple(
                AttemptDetail(
                    attempt,
                    tuple(mapping.to_status_change(h, attempt.reference) for h in history[i]),
                    links.get(stored.payment_link_id or "", ""),
                )
                for attempt, i, stored in zip(attempts, ids, row.attempts, strict=True)
            ),
            notes=self._notes(number),
        )

    def _link_names(self, link_ids: set[str | None]) -> dict[str, str]:
        """The names of these payment links, by primary key (none asked: no query)."""
        if not link_ids:
            return {}
        query = self._session.query(PaymentLinkRow.link_id, PaymentLinkRow.name)
        return dict(query.filter(PaymentLinkRow.link_id.in_(link_ids)).all())

    def _notes(self, number: int) -> tuple[ManualNote, ...]:
        newest = (
            self._session.query(AuditLogRow)
            .filter(AuditLogRow.order_number == number)
            .order_by(AuditLogRow.id.desc())
            .limit(MAX_NOTES)
            .all()
        )
        return tuple(ManualNote(r.at, r.actor, r.action, r.detail) for r in reversed(newest))

    # -- choices for the filters ---------------------------------------------------------------

    def terminals(self) -> list[str]:
        """Every terminal with orders, in order (one index step each)."""
        return self._distinct("terminal_id", {""})

    def methods(self) -> list[str]:
        """Every Wompi method of a shown attempt ("CARD", "NEQUI"…), in order."""
        return self._distinct("payment_method", {"", Tender.CASH.value})

    def _distinct(self, column: str, skip: set[str]) -> list[str]:
        # min(column) > previous walks the column's index one step per value (a skip scan),
        # where SELECT DISTINCT would read every entry.
        sql = text(f"SELECT min({column}) FROM orders WHERE {column} > :previous")  # noqa: S608 - fixed column names
        found: list[str] = []
        previous: str | None = ""
        for _ in range(MAX_DISTINCT):
            previous = self._session.execute(sql, {"previous": previous}).scalar_one()
            if previous is None:
                break
            if previous not in skip:
                found.append(previous)
        return found

    # -- planning ------------------------------------------------------------------------------

    def _plan(self, f: OrderFilter, sort: SortKey, descending: bool, limit: int) -> _Plan:
        query = _build_query(f)
        sources = self._sources(f, sort, query)
        walk_index = _TERMINAL_INDEX if sort is SortKey.CREATED_AT and f.terminal_id else None
        walk_index = walk_index or _SORT_INDEX[sort]
        walk = _Plan(sort, descending, query, walk_index, walk=True)
        narrow = [s for s in sources if s.count < COUNT_CAP]
        if not narrow:
            return walk
        best = min(narrow, key=lambda s: s.count)
        if best.count > _walk_cost(sources, self._row_estimate(), limit):
            return walk
        return _Plan(sort, descending, query, best.index, walk=False)

    def _row_estimate(self) -> int:
        # The newest number: the rows ever saved (none are deleted), from one index step.
        return int(self._session.execute(text("SELECT max(number) FROM orders")).scalar() or 0)

    def _sources(self, f: OrderFilter, sort: SortKey, query: _Query) -> list[_Source]:
        p = query.params
        day = "o.created_at >= :day_start AND o.created_at < :day_end"
        by_date = sort is SortKey.CREATED_AT
        sources: list[_Source] = []
        if f.terminal_id:
            where = "o.terminal_id = :terminal" + (f" AND {day}" if "day_start" in p else "")
            sources.append(self._source("terminal", _TERMINAL_INDEX, where, p, absorbed=by_date))
        elif "day_start" in p:
            sources.append(self._source("day", "ix_orders_created_at", day, p, absorbed=by_date))
        if f.statuses:
            where = _status_in(f)
            by_status = sort is SortKey.STATUS
            sources.append(self._source("status", "ix_orders_status", where, p, by_status))
        if f.tender is not None:
            where = "o.tender = :tender"
            sources.append(self._source("tender", "ix_orders_tender", where, p, absorbed=False))
        if f.method:
            where = "o.payment_method = :method"
            sources.append(self._source("method", "ix_orders_payment_method", where, p, False))
        if query.search_source:
            count = min(COUNT_CAP, sum(self._count(sql, p) for sql in query.search_counts))
            sources.append(_Source("search", count, None, absorbed=False))
        return sources

    def _source(
        self, name: str, index: str, where: str, params: dict[str, Any], absorbed: bool
    ) -> _Source:
        sql = f"SELECT 1 FROM orders AS o INDEXED BY {index} WHERE {where}"  # noqa: S608 - fixed fragments
        return _Source(name, self._count(sql, params), index, absorbed)

    def _count(self, rows_sql: str, params: dict[str, Any]) -> int:
        sql = f"SELECT count(*) FROM ({rows_sql} LIMIT {COUNT_CAP})"  # noqa: S608 - fixed fragments
        return int(self._session.execute(text(sql), params).scalar_one())

    # -- reading a page ------------------------------------------------------------------------

    def _page(self, plan: _Plan, after: PageKey | None, limit: int) -> OrderPage:
        if after is not None:
            _check_key(plan.sort, after)
        rows = (
            self._walk(plan, after, limit + 1)
            if plan.walk
            else self._narrow(plan, after, limit + 1)
        )
        more = len(rows) > limit
        rows = rows[:limit]
        next_key = PageKey(rows[-1].sort_value, rows[-1].number) if more else None
        return OrderPage(tuple(OrderRepository(self._session).summaries(rows)), next_key)

    def _walk(self, plan: _Plan, after: PageKey | None, limit: int) -> list[Any]:
        column, order = _SORT_COLUMN[plan.sort], "DESC" if plan.descending else "ASC"
        beyond = "<" if plan.descending else ">"
        source = f"orders AS o INDEXED BY {plan.index}"
        params = dict(plan.query.params, limit=limit)
        rows: list[Any] = []
        if after is not None:
            # The rest of the rows that share the key's value, then the values beyond it.
            params.update(after_value=after.value, after_number=after.number)
            ties = [f"{column} = :after_value", f"o.number {beyond} :after_number"]
            rows = self._select(plan, source, ties + plan.query.where, f"o.number {order}", params)
            if len(rows) >= limit:
                return rows
            params["limit"] = limit - len(rows)
        where = list(plan.query.where)
        if after is not None:
            where.insert(0, f"{column} {beyond} :after_value")
        order_by = f"{column} {order}, o.number {order}"
        return rows + self._select(plan, source, where, order_by, params)

    def _narrow(self, plan: _Plan, after: PageKey | None, limit: int) -> list[Any]:
        column, order = _SORT_COLUMN[plan.sort], "DESC" if plan.descending else "ASC"
        params = dict(plan.query.params, limit=limit)
        where = list(plan.query.where)
        if plan.index is None:
            source = "orders AS o NOT INDEXED"  # the search's order numbers, by rowid
            where.insert(0, f"o.number IN ({plan.query.search_source})")
        else:
            source = f"orders AS o INDEXED BY {plan.index}"
        if after is not None:
            beyond = "<" if plan.descending else ">"
            params.update(after_value=after.value, after_number=after.number)
            where.append(f"({column}, o.number) {beyond} (:after_value, :after_number)")
        return self._select(plan, source, where, f"{column} {order}, o.number {order}", params)

    def _select(
        self, plan: _Plan, source: str, where: list[str], order_by: str, params: dict[str, Any]
    ) -> list[Any]:
        sort_column = _SORT_COLUMN[plan.sort]
        sql = f"SELECT {_COLUMNS}, {sort_column} AS sort_value FROM {source}"  # noqa: S608 - fixed fragments, values bound
        if where:
            sql += " WHERE " + " AND ".join(where)
        return self._rows(f"{sql} ORDER BY {order_by} LIMIT :limit", params)

    def _rows(self, sql: str, params: dict[str, Any]) -> list[Any]:
        statement = text(sql).columns(*_RESULT_COLUMNS)
        return list(self._session.execute(statement, params).all())


# -- SQL fragments ---------------------------------------------------------------------------------


def _build_query(f: OrderFilter) -> _Query:
    query = _Query()
    p = query.params
    if f.first_day is not None or f.last_day is not None:
        first = f.first_day if f.first_day is not None else f.last_day
        last = f.last_day if f.last_day is not None else f.first_day
        if first is None or last is None:  # unreachable: one of them is set
            raise InvalidBrowseError(N_("Indique el rango de días."))
        if last < first:
            raise InvalidBrowseError(
                N_(
                    "El rango de días está invertido: {first} es posterior a {last}.",
                    first=first.isoformat(),
                    last=last.isoformat(),
                )
            )
        start, end = day_bounds(first, last)
        p.update(day_start=to_micros(start), day_end=to_micros(end))
        if f.first_day is not None:
            query.where.append("o.created_at >= :day_start")
        if f.last_day is not None:
            query.where.append("o.created_at < :day_end")
    if f.statuses:
        p.update({f"status{i}": s.value for i, s in enumerate(sorted(f.statuses))})
        query.where.append(_status_in(f))
    if f.tender is not None:
        p["tender"] = Tender(f.tender).value
        query.where.append("o.tender = :tender")
    if f.method:
        p["method"] = f.method
        query.where.append("o.payment_method = :method")
    if f.terminal_id:
        p["terminal"] = f.terminal_id
        query.where.append("o.terminal_id = :terminal")
    search = parse_search(f.search)
    if not search.empty:
        _add_search(query, search)
    return query


def _status_in(f: OrderFilter) -> str:
    marks = ", ".join(f":status{i}" for i in range(len(f.statuses)))
    return f"o.status IN ({marks})"


def _add_search(query: _Query, search: SearchQuery) -> None:
    """The search as a check of one order (`where`) and as lookups listing its orders."""
    p = query.params
    checks: list[str] = []
    lookups: list[str] = []
    if search.reference:
        p.update(ref_lo=search.reference, ref_hi=search.reference + _EVERYTHING_AFTER)
        checks.append(_REFERENCE_CHECK)
        lookups.append(_REFERENCE_LOOKUP)
    if search.transaction_id:
        p.update(tx_lo=search.transaction_id, tx_hi=search.transaction_id + _EVERYTHING_AFTER)
        checks.append(_TRANSACTION_CHECK)
        lookups.extend(_TRANSACTION_LOOKUPS)
    words = (search.email,) if search.email else search.words
    if words:
        for i, word in enumerate(words):
            p.update({f"w{i}_lo": word, f"w{i}_hi": word + _EVERYTHING_AFTER})
        checks.append("(" + " AND ".join(_TERM_CHECK.format(i=i) for i in range(len(words))) + ")")
        # Every word must match, so the longest one's (likely the fewest) orders are enough.
        longest = max(range(len(words)), key=lambda i: len(words[i]))
        lookups.append(_TERM_LOOKUP.format(i=longest))
    query.where.append("(" + " OR ".join(checks) + ")")
    query.search_source = " UNION ".join(lookups)
    query.search_counts = lookups


def _walk_cost(sources: list[_Source], rows: int, limit: int) -> float:
    """Rows the walk is expected to read: the page, divided by each filter's share of the
    orders that it does not already restrict (filters assumed independent)."""
    cost = float(limit)
    for source in sources:
        if not source.absorbed:
            cost *= max(rows, 1) / max(source.count, 1)
    return cost


def _check_key(sort: SortKey, key: PageKey) -> None:
    wanted = str if sort is SortKey.STATUS else int
    if not isinstance(key.value, wanted) or isinstance(key.value, bool):
        raise InvalidBrowseError(
            N_("La página pedida no corresponde a este orden; vuelva al inicio.")
        )
