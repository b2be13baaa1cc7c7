"""Product rules, one rule per check function, and the folding used by catalogue search."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mestore_desktop.domain.catalogue import (
    Product,
    ProductError,
    check_barcode,
    check_sku,
    fold_for_search,
    sku_key,
)
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate


def test_a_valid_product_becomes_an_order_line() -> None:
    product = Product("CAF-500", "Café molido 500 g", Money.from_pesos(18_900), IvaRate.REDUCED)
    line = product.to_line(3)
    assert (line.description, line.quantity, line.sku) == ("Café molido 500 g", 3, "CAF-500")
    assert line.total == Money.from_pesos(56_700)


@pytest.mark.parametrize(
    ("fields", "fragment"),
    [
        ({"sku": "-A1"}, "SKU"),
        ({"sku": "A" * 41}, "SKU"),
        ({"sku": "A 1"}, "SKU"),
        ({"name": "   "}, "nombre"),
        ({"name": "x" * 201}, "nombre"),
        ({"price": Money(0)}, "mayor que cero"),
        ({"barcode": "12345"}, "6 a 14"),
        ({"barcode": "77012345678901X"}, "6 a 14"),
    ],
)
def test_products_that_break_a_rule_are_refused_in_spanish(
    fields: dict[str, object], fragment: str
) -> None:
    values: dict[str, object] = {
        "sku": "A1",
        "name": "Arroz",
        "price": Money.from_pesos(1_000),
        "iva_rate": IvaRate.EXEMPT,
        "barcode": "",
        **fields,
    }
    with pytest.raises(ProductError, match=fragment):
        Product(**values)  # type: ignore[arg-type]


def test_check_functions_match_the_product_rules() -> None:
    check_sku("abc.DEF_1-2")
    check_barcode("", "A1")  # the barcode is optional
    check_barcode("7701234567890", "A1")
    with pytest.raises(ProductError):
        check_sku("ñandú")


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Café Águila", "cafe aguila"),
        ("  NIÑO   pequeño ", "nino pequeno"),
        ("Pan\tde\nyuca", "pan de yuca"),
        ("Ünico ÇA", "unico ca"),
        ("Straße", "strasse"),
        ("", ""),
    ],
)
def test_fold_for_search_removes_case_accents_and_extra_spaces(text: str, folded: str) -> None:
    assert fold_for_search(text) == folded


@given(st.text())
def test_folding_twice_changes_nothing(text: str) -> None:
    # The stored name and the typed search are both folded: a folded query must still match.
    assert fold_for_search(fold_for_search(text)) == fold_for_search(text)


def test_sku_key_ignores_case() -> None:
    assert sku_key("abc-1") == sku_key("ABC-1")
    assert sku_key("abc-1") != sku_key("abc-2")
