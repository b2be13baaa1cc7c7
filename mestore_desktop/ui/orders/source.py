"""What *Pedidos* reads its orders from: the back office's `OrdersService`, or an older loader.

`OrdersSource` is the part of `services.back_office.OrdersService` the model and the page use
(every call is a coroutine: the database work runs on the store's executor, never on the GUI
thread). `LoaderSource` adapts the older `load_orders()` callable (the newest orders, one list)
to it, so a window still built with a loader keeps its live table until it passes a
`BackOffice`: it filters and sorts that one list in memory and has no detail or actions.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from mestore_desktop.domain.browse import OrderDetail, OrderFilter, OrderPage, PageKey, SortKey
from mestore_desktop.domain.order import OrderSummary
from mestore_desktop.domain.payment import PaymentAttempt, StatusChange, Tender
from mestore_desktop.ui.formatting import BOGOTA

OrdersLoader = Callable[[], Awaitable[list[OrderSummary]]]


class OrdersSource(Protocol):
    """The reads the orders table needs (a subset of `OrdersService`)."""

    async def page(
        self,
        filter: OrderFilter,
        sort: SortKey,
        descending: bool,
        after: PageKey | None,
        limit: int,
    ) -> OrderPage: ...

    async def summaries(self, numbers: Sequence[int]) -> list[OrderSummary]: ...


class OrderActionsSource(OrdersSource, Protocol):
    """Everything *Pedidos* calls on `OrdersService` beyond the table's reads."""

    async def detail(self, number: int) -> OrderDetail | None: ...
    async def terminals(self) -> list[str]: ...
    async def methods(self) -> list[str]: ...
    async def export_csv(
        self,
        filter: OrderFilter,
        sort: SortKey,
        descending: bool,
        path: Path,
    ) -> int: ...
    async def requery(self, number: int) -> list[StatusChange]: ...
    async def void_check(self, reference: str) -> Any: ...  # VoidCheck(can_void, reason)
    async def void(self, reference: str, actor: str, reason: str) -> PaymentAttempt: ...


class LoaderSource:
    """The older loader as a one-page source; filtering and sorting happen on its list."""

    def __init__(self, load: OrdersLoader) -> None:
        self._load = load

    async def page(
        self,
        filter: OrderFilter,
        sort: SortKey,
        descending: bool,
        after: PageKey | None,
        limit: int,
    ) -> OrderPage:
        if after is not None:
            return OrderPage(rows=(), next_key=None)  # everything came in the first page
        rows = [row for row in await self._load() if matches(filter, row)]
        rows.sort(key=lambda r: (_sort_value(r, sort), r.number), reverse=descending)
        return OrderPage(rows=tuple(rows), next_key=None)

    async def summaries(self, numbers: Sequence[int]) -> list[OrderSummary]:
        wanted = set(numbers)
        return [row for row in await self._load() if row.number in wanted]


def _sort_value(row: OrderSummary, sort: SortKey) -> Any:
    if sort is SortKey.TOTAL:
        return row.total.cents
    if sort is SortKey.STATUS:
        return row.status.value
    return row.created_at


def matches(filter: OrderFilter, row: OrderSummary) -> bool:
    """Whether a summary passes `filter`, as far as a summary can tell (no transaction ids)."""
    day = row.created_at.astimezone(BOGOTA).date()
    return (
        _in_days(day, filter.first_day, filter.last_day)
        and (not filter.statuses or row.status in filter.statuses)
        and (filter.tender is None or _tender(row) is filter.tender)
        and (not filter.method or row.payment_method == filter.method)
        and (not filter.terminal_id or row.terminal_id == filter.terminal_id)
        and _found(filter.search, row)
    )


def _in_days(day: date, first: date | None, last: date | None) -> bool:
    return (first is None or day >= first) and (last is None or day <= last)


def _tender(row: OrderSummary) -> Tender:
    return Tender.CASH if row.payment_method == "CASH" else Tender.WOMPI


def _found(search: str, row: OrderSummary) -> bool:
    needle = search.strip().casefold()
    if not needle:
        return True
    haystack = (row.last_reference, row.customer_name, row.customer_email)
    return any(needle in text.casefold() for text in haystack)
