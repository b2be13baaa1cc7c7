"""`GET /v1/transactions?…` (docs/wompi.md §5.3): by reference, or by date range with pages.

Without `reference`, `from_date`, `until_date` (YYYY-MM-DD, inclusive, UTC days), `page` (≥1)
and `page_size` (1–200) are all required. Optional filters: id, payment_method_type, status,
customer_email; `order_by=created_at` with `order=ASC` (default) or `DESC`.
`meta` carries `page`, `page_size` and `total_results` (Wompi's own `meta` is undocumented).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from mestore_desktop.sandbox.clock import parse_day
from mestore_desktop.sandbox.validation import MSG_REQUIRED, Problems

MAX_PAGE_SIZE = 200
FILTERS = ("id", "payment_method_type", "status", "customer_email")


def search(
    transactions: list[dict[str, Any]], params: Mapping[str, str]
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """(matching page, meta); `transactions` must be oldest first."""
    problems = Problems()
    reference = params.get("reference") or None
    by_date = reference is None or "from_date" in params or "until_date" in params
    days = _days(problems, params) if by_date else None
    paging = reference is None or "page" in params or "page_size" in params
    page = _int(problems, params, "page", 1, None) if paging else 1
    size = _int(problems, params, "page_size", 1, MAX_PAGE_SIZE) if paging else MAX_PAGE_SIZE
    descending = _descending(problems, params)
    problems.raise_if_any()
    found = [t for t in transactions if _matches(t, params, reference, days)]
    if descending:
        found.reverse()
    start = (page - 1) * size
    meta = {"page": page, "page_size": size, "total_results": len(found)}
    return found[start : start + size], meta


def _matches(
    tx: dict[str, Any],
    params: Mapping[str, str],
    reference: str | None,
    days: tuple[date, date] | None,
) -> bool:
    if reference is not None and tx["reference"] != reference:
        return False
    if days is not None and not days[0] <= date.fromisoformat(tx["created_at"][:10]) <= days[1]:
        return False
    return all(str(tx[f]) == params[f] for f in FILTERS if params.get(f))


def _days(problems: Problems, params: Mapping[str, str]) -> tuple[date, date] | None:
    parsed = []
    for field in ("from_date", "until_date"):
        text = params.get(field)
        day = parse_day(text) if text else None
        if day is None:
            problems.add(field, MSG_REQUIRED if not text else "Debe ser una fecha AAAA-MM-DD")
        parsed.append(day)
    if None in parsed:
        return None
    first, last = parsed[0] or date.min, parsed[1] or date.max
    if first > last:
        problems.add("until_date", "Debe ser igual o posterior a from_date")
    return first, last


def _int(
    problems: Problems, params: Mapping[str, str], field: str, low: int, high: int | None
) -> int:
    text = params.get(field)
    # ASCII digits only ("²".isdigit() is true) and short (int() refuses over 4300 digits).
    plain = text is not None and text.isascii() and text.isdigit() and len(text) <= 9
    value = int(text) if plain and text is not None else None
    if value is None or value < low or (high is not None and value > high):
        bounds = f"entre {low} y {high}" if high is not None else f"mayor o igual a {low}"
        problems.add(field, MSG_REQUIRED if text is None else f"Debe ser un entero {bounds}")
        return low
    return value


def _descending(problems: Problems, params: Mapping[str, str]) -> bool:
    if params.get("order_by", "created_at") != "created_at":
        problems.add("order_by", "Solo se puede ordenar por created_at")
    order = params.get("order", "ASC").upper()
    if order not in ("ASC", "DESC"):
        problems.add("order", "Debe ser ASC o DESC")
    return order == "DESC"
