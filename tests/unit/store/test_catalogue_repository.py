"""`CatalogueRepository` against real SQLite: codes, search as the clerk types, imports."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from mestore_desktop.domain.catalogue import Product, fold_for_search, sku_key
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate
from mestore_desktop.store.catalogue_repository import CatalogueRepository
from mestore_desktop.store.db import Database
from mestore_desktop.store.tables import to_micros
from tests.unit.store.factories import at

T = TypeVar("T")


def product(sku: str, name: str, pesos: int = 1_000, barcode: str = "") -> Product:
    return Product(sku, name, Money.from_pesos(pesos), IvaRate.GENERAL, barcode)


CAFE = product("CAF-1", "Café Águila 500 g", 35_000, "7701234567890")
CAFETERA = product("ELE-7", "Cafetera italiana", 89_000)
NINO = product("JUG-2", "Muñeco Niño Dios", 12_000, "7709876543210")
PAN = product("7701", "Pan tajado", 6_500)
SHOP = (CAFE, CAFETERA, NINO, PAN)


class Catalogue:
    def __init__(self, db: Database) -> None:
        self.db = db

    def write(self, fn: Callable[[CatalogueRepository], T]) -> T:
        return self.db.write(lambda s: fn(CatalogueRepository(s)))

    def read(self, fn: Callable[[CatalogueRepository], T]) -> T:
        return self.db.read(lambda s: fn(CatalogueRepository(s)))

    def search(self, typed: str, limit: int = 20) -> list[str]:
        return [p.sku for p in self.read(lambda r: r.search(typed, limit))]


@pytest.fixture
def catalogue(db: Database) -> Catalogue:
    catalogue = Catalogue(db)
    assert catalogue.write(lambda r: r.upsert_many(SHOP, at(0))) == len(SHOP)
    return catalogue


def test_by_code_finds_the_sku_without_case_or_the_barcode(catalogue: Catalogue) -> None:
    assert catalogue.read(lambda r: r.by_code("caf-1")) == CAFE
    assert catalogue.read(lambda r: r.by_code("  7709876543210 ")) == NINO
    assert catalogue.read(lambda r: r.by_code("77098765432")) is None  # a prefix is not a code
    assert catalogue.read(lambda r: r.by_code("")) is None
    assert catalogue.read(lambda r: r.by_code("NOPE")) is None


def test_by_code_prefers_the_sku_when_a_code_is_both(catalogue: Catalogue) -> None:
    clash = product("X1", "Leche", barcode="77012345")
    catalogue.write(lambda r: r.upsert_many([clash, product("77012345", "Queso")], at(1)))
    assert catalogue.read(lambda r: r.by_code("77012345")).name == "Queso"


@pytest.mark.parametrize(
    ("typed", "skus"),
    [
        ("cafe", ["CAF-1", "ELE-7"]),  # accents and case ignored, by name
        ("ÁGUILA", ["CAF-1"]),
        ("nino", ["JUG-2"]),
        ("NIÑO DIOS", ["JUG-2"]),
        ("  muñeco   niño ", ["JUG-2"]),  # spaces collapsed as in the stored name
        ("ele-", ["ELE-7"]),  # SKU prefix, without case
        ("77098", ["JUG-2"]),  # barcode prefix
        ("770", ["CAF-1", "JUG-2", "7701"]),  # prefixes, then by name (Pan comes last)
        ("xyz", []),
    ],
)
def test_search_matches_names_without_accents_and_codes_by_prefix(
    catalogue: Catalogue, typed: str, skus: list[str]
) -> None:
    assert catalogue.search(typed) == skus


def test_exact_codes_come_before_name_matches(catalogue: Catalogue) -> None:
    extra = [product("A-1", "Acme 7701"), product("B-1", "Bolsa 77012345")]
    catalogue.write(lambda r: r.upsert_many(extra, at(1)))
    # «7701» is Pan's SKU exactly; the others merely contain or start with it.
    assert catalogue.search("7701") == ["7701", "A-1", "B-1", "CAF-1"]
    assert catalogue.search("7701234567890") == ["CAF-1"]


def test_a_product_matching_twice_is_listed_once(catalogue: Catalogue) -> None:
    catalogue.write(lambda r: r.upsert_many([product("PAN-2", "Pan de yuca")], at(1)))
    assert catalogue.search("pan") == ["PAN-2", "7701"]  # PAN-2: SKU prefix and name


def test_wildcards_in_the_search_are_plain_characters(catalogue: Catalogue) -> None:
    catalogue.write(
        lambda r: r.upsert_many([product("P-1", "Descuento 50% ya"), product("P-2", "a_b")], at(1))
    )
    assert catalogue.search("%") == ["P-1"]
    assert catalogue.search("_") == ["P-2"]
    assert catalogue.search("a%b") == []


def test_blank_search_lists_the_first_products_by_name(catalogue: Catalogue) -> None:
    assert catalogue.search("   ", limit=3) == ["CAF-1", "ELE-7", "JUG-2"]


def test_search_limit_is_bounded(catalogue: Catalogue) -> None:
    assert catalogue.search("a", limit=1) == ["CAF-1"]
    for bad in (0, 1001):
        with pytest.raises(ValueError, match="limit"):
            catalogue.search("a", limit=bad)


def test_upsert_overwrites_by_sku_without_case_and_keeps_the_count(
    catalogue: Catalogue, db: Database
) -> None:
    renamed = product("caf-1", "Café Águila 1 kg", 64_000, "7701234567890")
    assert catalogue.write(lambda r: r.upsert_many([renamed], at(5))) == 1
    assert catalogue.read(lambda r: r.count()) == len(SHOP)
    assert catalogue.read(lambda r: r.by_code("CAF-1")) == renamed
    assert catalogue.search("1 kg") == ["caf-1"]
    assert catalogue.search("500 g") == []  # the folded name followed the new one
    stamp = db.read(
        lambda s: s.execute(text("SELECT updated_at FROM products WHERE sku = 'caf-1'")).scalar()
    )
    assert stamp == to_micros(at(5))


def test_a_barcode_moves_to_the_product_the_import_gives_it(catalogue: Catalogue) -> None:
    taker = product("NEW-1", "Café Águila (nuevo empaque)", barcode=CAFE.barcode)
    catalogue.write(lambda r: r.upsert_many([taker], at(1)))
    assert catalogue.read(lambda r: r.by_code(CAFE.barcode)) == taker
    assert catalogue.read(lambda r: r.by_code("CAF-1")).barcode == ""


def test_a_product_keeping_its_own_barcode_is_not_a_move(catalogue: Catalogue) -> None:
    cheaper = product("CAF-1", CAFE.name, 30_000, CAFE.barcode)
    catalogue.write(lambda r: r.upsert_many([cheaper], at(1)))
    assert catalogue.read(lambda r: r.by_code(CAFE.barcode)) == cheaper


def test_a_batch_repeating_a_code_is_refused_and_writes_nothing(catalogue: Catalogue) -> None:
    for batch in (
        [product("Z-1", "Uno"), product("z-1", "Dos")],
        [product("Z-1", "Uno", barcode="12345678"), product("Z-2", "Dos", barcode="12345678")],
    ):
        with pytest.raises(ValueError, match="repeats"):
            catalogue.write(lambda r, b=batch: r.upsert_many(b, at(1)))
    assert catalogue.read(lambda r: r.count()) == len(SHOP)
    assert catalogue.write(lambda r: r.upsert_many([], at(1))) == 0


def test_upsert_without_a_time_stamps_now(db: Database) -> None:
    Catalogue(db).write(lambda r: r.upsert_many([PAN]))
    stamp = db.read(lambda s: s.execute(text("SELECT updated_at FROM products")).scalar_one())
    assert stamp > to_micros(at(0))


# -- search against a plain Python model ---------------------------------------------------

LETTERS = "aáAeéno ñÑ%_1"
codes = st.text("ABab01-", min_size=1, max_size=4).filter(lambda s: s[0] != "-")
products = st.builds(
    Product,
    sku=codes,
    name=st.text(LETTERS, min_size=1, max_size=8).filter(str.strip),
    price=st.just(Money(100)),
    iva_rate=st.just(IvaRate.EXEMPT),
    barcode=st.one_of(st.just(""), st.text("01", min_size=6, max_size=7)),
)
shops = st.lists(
    products,
    max_size=25,
    unique_by=(lambda p: sku_key(p.sku), lambda p: p.barcode or f"-{sku_key(p.sku)}"),
)


def expected_search(shop: list[Product], typed: str, limit: int) -> list[str]:
    code, folded = typed.strip(), fold_for_search(typed)

    def order(p: Product) -> tuple[str, str]:
        return fold_for_search(p.name), p.sku.lower()

    if not folded:
        return [p.sku for p in sorted(shop, key=order)][:limit]
    by_sku = [p for p in shop if sku_key(p.sku) == sku_key(code)]
    by_barcode = [p for p in shop if p.barcode == code and p not in by_sku]
    rest = [
        p
        for p in shop
        if p not in by_sku + by_barcode
        and (
            folded in fold_for_search(p.name)
            or sku_key(p.sku).startswith(sku_key(code))
            or (p.barcode and p.barcode.startswith(code))
        )
    ]
    return [p.sku for p in [*by_sku, *by_barcode, *sorted(rest, key=order)]][:limit]


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(shop=shops, typed=st.text(LETTERS + "AB-", max_size=4), limit=st.integers(1, 6))
def test_search_agrees_with_a_plain_python_model(
    db: Database, shop: list[Product], typed: str, limit: int
) -> None:
    db.write(lambda s: s.execute(text("DELETE FROM products")))
    Catalogue(db).write(lambda r: r.upsert_many(shop, at(0)))
    assert Catalogue(db).search(typed, limit) == expected_search(shop, typed, limit)
