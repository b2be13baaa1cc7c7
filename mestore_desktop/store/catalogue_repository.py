"""`CatalogueRepository`: the counter's products, searched as the clerk types or scans.

Like `OrderRepository` it works inside the caller's transaction and returns domain objects
only. Queries go through SQLAlchemy Core (not ORM entities), so a search after an import in the
same transaction never sees a stale cached row.

Search has three sources, each cheap on an index: an exact code (SKU without case, or
barcode), a code prefix (a range on the SKU key, which compares without case, or on the
barcode's unique index), and a substring of the name folded by `fold_for_search` (a walk of the
(search_name, sku) index in name order that stops at the first page of matches).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, Table, bindparam, func, or_, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from mestore_desktop.domain.catalogue import Product, fold_for_search, sku_key
from mestore_desktop.store import mapping
from mestore_desktop.store.tables import ProductRow

MAX_RESULTS = 1000
PRODUCTS: Table = ProductRow.__table__  # type: ignore[assignment]
# Sorts after every character a code can hold: [code, code + _TOP) is "starts with code".
_TOP = "\U0010ffff"


class CatalogueRepository:
    """The product catalogue, inside the caller's transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def search(self, text: str, limit: int = 20) -> list[Product]:
        """Exact code matches first, then products whose name contains the text (without case
        or accents) or whose SKU or barcode starts with it, by name. Blank text lists the first
        products by name."""
        if not 1 <= limit <= MAX_RESULTS:
            raise ValueError(f"limit must be between 1 and {MAX_RESULTS}")
        code, folded = text.strip(), fold_for_search(text)
        if not folded:
            return self._products(_by_name(select(PRODUCTS)).limit(limit))
        exact = self._products(select(PRODUCTS).where(_is_code(code)))
        found = {sku_key(p.sku) for p in exact}
        candidates = [
            *self._products(_by_name(select(PRODUCTS).where(_code_starts(code))).limit(limit)),
            *self._products(_by_name(select(PRODUCTS).where(_name_contains(folded))).limit(limit)),
        ]
        rest = {sku_key(p.sku): p for p in candidates if sku_key(p.sku) not in found}
        ranked = sorted(rest.values(), key=lambda p: (fold_for_search(p.name), p.sku.lower()))
        return [*_sku_first(exact, code), *ranked][:limit]

    def by_code(self, code: str) -> Product | None:
        """The product whose SKU is `code` (without case), else whose barcode is `code`."""
        code = code.strip()
        if not code:
            return None
        by_sku = self._products(select(PRODUCTS).where(PRODUCTS.c.sku == code))
        if by_sku:
            return by_sku[0]
        by_barcode = self._products(select(PRODUCTS).where(PRODUCTS.c.barcode == code))
        return by_barcode[0] if by_barcode else None

    def upsert_many(self, products: Iterable[Product], at: datetime | None = None) -> int:
        """Insert new products and overwrite existing ones (same SKU, without case); returns
        how many were written.

        The file being imported is the newer truth: a barcode it gives to a product is taken
        from whichever other product held it before. Duplicate SKUs or barcodes within one
        call are refused (`parse_catalogue_csv` never produces them).
        """
        batch = list(products)
        if not batch:
            return 0
        _refuse_duplicates(batch)
        when = at or datetime.now(UTC)
        connection = self._session.connection()
        moved = [{"wanted": p.barcode, "new_owner": p.sku} for p in batch if p.barcode]
        if moved:
            connection.execute(_RELEASE_BARCODE, moved)
        connection.execute(_UPSERT, [mapping.product_values(p, when) for p in batch])
        return len(batch)

    def import_products(self, products: Iterable[Product]) -> tuple[int, int]:
        """Upsert, and say how many were (new, updated): the count before and after tells
        them apart inside the same transaction."""
        before = self.count()
        written = self.upsert_many(products)
        added = self.count() - before
        return added, written - added

    def count(self) -> int:
        return self._session.execute(select(func.count()).select_from(PRODUCTS)).scalar_one()

    def _products(self, query: Select[Any]) -> list[Product]:
        return [mapping.to_product(row) for row in self._session.execute(query)]


def _by_name(query: Select[Any]) -> Select[Any]:
    return query.order_by(PRODUCTS.c.search_name, PRODUCTS.c.sku)


def _is_code(code: str) -> Any:
    return or_(PRODUCTS.c.sku == code, PRODUCTS.c.barcode == code)


def _code_starts(code: str) -> Any:
    # Ranges rather than LIKE: the SKU's NOCASE collation applies to them and both use an index.
    upper = code + _TOP
    return or_(
        PRODUCTS.c.sku.between(code, upper),
        PRODUCTS.c.barcode.between(code, upper),
    )


def _name_contains(folded: str) -> Any:
    return PRODUCTS.c.search_name.contains(folded, autoescape=True)


def _sku_first(exact: list[Product], code: str) -> list[Product]:
    """A SKU match before a barcode match, as in `by_code`."""
    return sorted(exact, key=lambda p: sku_key(p.sku) != sku_key(code))


def _refuse_duplicates(batch: list[Product]) -> None:
    skus = [sku_key(p.sku) for p in batch]
    barcodes = [p.barcode for p in batch if p.barcode]
    if len(set(skus)) != len(skus) or len(set(barcodes)) != len(barcodes):
        raise ValueError("a batch of products repeats a SKU or a barcode")


_RELEASE_BARCODE = (
    update(PRODUCTS)
    .where(PRODUCTS.c.barcode == bindparam("wanted"), PRODUCTS.c.sku != bindparam("new_owner"))
    .values(barcode=None)
)
_insert = sqlite_insert(PRODUCTS)
_UPSERT = _insert.on_conflict_do_update(
    index_elements=[PRODUCTS.c.sku],
    # The SKU too: a file that writes «abc-1» where the shop had «ABC-1» renames it.
    set_={column.name: _insert.excluded[column.name] for column in PRODUCTS.columns},
)
