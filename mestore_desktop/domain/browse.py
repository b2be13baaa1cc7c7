"""What the back office's orders browser asks for and gets back: filters, sort keys, keyset
pages and an order's full detail. Pure types; the store answers them with indexed queries.

Pages are keyset pages: `PageKey` is the last row's sort value and order number, and the next
page starts strictly after it. Unlike OFFSET, a page costs the same at row 10 and at row
1,000,000, and an order saved while someone scrolls neither repeats nor hides a row.

The search box takes a reference (or its start), a Wompi transaction id (or its start), an
e-mail (or its start: anything with an «@») or the start of any word of the customer's name,
in any case and with or without accents. `search_terms` gives what an order is found by, and
`parse_search` what a typed search looks for; both fold text the same way. A text is only
looked up as what it could be: a reference starts with a terminal id (1 to 8 letters or
digits), a Wompi transaction id is digits and hyphens (`<merchant>-<unix time>-<digits>`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from mestore_desktop.domain.catalogue import fold_for_search
from mestore_desktop.domain.order import Order, OrderSummary
from mestore_desktop.domain.payment import (
    OrderStatus,
    PaymentAttempt,
    StatusChange,
    Tender,
)

MAX_PAGE_SIZE = 500
MAX_SEARCH_LENGTH = 100
_WORD_SEPARATORS = re.compile(r"[^\w]+")
_REFERENCE_START = re.compile(r"[A-Z0-9]{1,8}(-[A-Z0-9-]*)?", re.ASCII)
_TRANSACTION_START = re.compile(r"[0-9][0-9-]*", re.ASCII)
# A payment link's reference is made by Wompi: `<link id>_<unix seconds>_<random>`, mixed case
# (README, payment links), so it is searched exactly as typed.
_LINK_REFERENCE_START = re.compile(r"[A-Za-z0-9]+_[A-Za-z0-9_]*", re.ASCII)


class SortKey(StrEnum):
    CREATED_AT = "created_at"
    TOTAL = "total"
    STATUS = "status"


@dataclass(frozen=True, slots=True)
class OrderFilter:
    """Which orders to list; every field left at its default matches every order."""

    first_day: date | None = None  # Bogotá days, inclusive
    last_day: date | None = None
    statuses: frozenset[OrderStatus] = frozenset()
    tender: Tender | None = None
    method: str = ""  # Wompi payment_method_type ("CARD", "NEQUI", "PSE", …), "" = any
    terminal_id: str = ""
    search: str = ""  # a reference, a Wompi transaction id, a customer e-mail or name


@dataclass(frozen=True, slots=True)
class PageKey:
    """Keyset cursor: the last row's sort value (micros, cents or status name) and number."""

    value: int | str
    number: int


@dataclass(frozen=True, slots=True)
class OrderPage:
    rows: tuple[OrderSummary, ...]
    next_key: PageKey | None  # None: no more rows


@dataclass(frozen=True, slots=True)
class AttemptDetail:
    attempt: PaymentAttempt
    history: tuple[StatusChange, ...]  # oldest first; each line says its source
    link_name: str = ""  # the payment link it came through ("" for the counter's)


@dataclass(frozen=True, slots=True)
class ManualNote:
    """An audit log line about this order: who did what and why (voids, resolutions…)."""

    at: datetime
    actor: str
    action: str
    detail: str


@dataclass(frozen=True, slots=True)
class OrderDetail:
    order: Order
    status: OrderStatus
    attempts: tuple[AttemptDetail, ...]
    notes: tuple[ManualNote, ...]


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """What a typed search looks for; an empty field is not looked for."""

    words: tuple[str, ...]  # folded; each must start a name word (or the e-mail) of the order
    email: str  # folded start of an e-mail ("" unless the text has an «@»)
    reference: str  # upper-cased start of a reference
    transaction_id: str  # start of a Wompi transaction id, as typed

    @property
    def empty(self) -> bool:
        return not (self.words or self.email or self.reference or self.transaction_id)


def search_terms(name: str, email: str) -> frozenset[str]:
    """What an order is found by: each folded word of the customer's name, and the whole
    folded e-mail."""
    terms = set(_words(name))
    folded_email = fold_for_search(email).replace(" ", "")
    if folded_email:
        terms.add(folded_email)
    return frozenset(terms)


def parse_search(text: str) -> SearchQuery:
    """An «@» makes it an e-mail search; otherwise it may be name words and, when it has their
    shape, a reference or a transaction id."""
    text = text.strip()[:MAX_SEARCH_LENGTH]
    if not text:
        return SearchQuery((), "", "", "")
    if "@" in text:
        return SearchQuery((), fold_for_search(text).replace(" ", ""), "", "")
    return SearchQuery(
        words=tuple(dict.fromkeys(_words(text))),
        email="",
        reference=_reference_start(text),
        transaction_id=text if _TRANSACTION_START.fullmatch(text) else "",
    )


def _reference_start(text: str) -> str:
    """Our references are upper case whatever was typed; a link payment's is Wompi's, as typed."""
    if _LINK_REFERENCE_START.fullmatch(text):
        return text
    upper = text.upper()
    return upper if _REFERENCE_START.fullmatch(upper) else ""


def _words(text: str) -> list[str]:
    return [w for w in _WORD_SEPARATORS.split(fold_for_search(text)) if w]
