"""Orders: exact totals with the IVA carved out of IVA-included prices."""

from __future__ import annotations

from datetime import UTC, datetime
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import (
    Customer,
    DocumentType,
    IvaRate,
    Order,
    OrderError,
    OrderLine,
    compute_totals,
)

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


def line(price_pesos: int, qty: int = 1, rate: IvaRate = IvaRate.GENERAL, discount: int = 0):
    return OrderLine(
        description="Camiseta",
        quantity=qty,
        unit_price=Money.from_pesos(price_pesos),
        iva_rate=rate,
        discount=Money.from_pesos(discount),
    )


def test_design_example_breakdown() -> None:
    # ui.md: 2 x $ 35.000 at 19 % and $ 12.000 at 0 % -> total $ 82.000.
    totals = compute_totals([line(35_000, 2), line(12_000, 1, IvaRate.EXEMPT)])
    assert totals.total == Money.from_pesos(82_000)
    general = next(g for g in totals.groups if g.rate == IvaRate.GENERAL)
    assert general.tax == Money(1_117_647)  # 70.000 * 19/119 = 11.176,47
    assert general.base == Money(5_882_353)
    assert totals.base + totals.tax == totals.total


def test_119_000_is_100_000_plus_19_000() -> None:
    totals = compute_totals([line(119_000)])
    assert totals.base == Money.from_pesos(100_000)
    assert totals.tax == Money.from_pesos(19_000)


def test_discount_per_line() -> None:
    discounted = line(10_000, 3).with_discount_percent(10)
    assert discounted.discount == Money.from_pesos(3_000)
    assert discounted.total == Money.from_pesos(27_000)
    assert compute_totals([discounted]).discount == Money.from_pesos(3_000)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"description": ""},
        {"description": "x" * 201},
        {"quantity": 0},
        {"quantity": 100_001},
        {"unit_price": Money(-1)},
        {"discount": Money.from_pesos(10_001)},
        {"discount": Money(-1)},
        {"iva_rate": 16},
    ],
)
def test_bad_lines_are_refused(kwargs: dict) -> None:
    base = {
        "description": "Gorra",
        "quantity": 1,
        "unit_price": Money.from_pesos(10_000),
        "iva_rate": IvaRate.GENERAL,
    }
    with pytest.raises((OrderError, ValueError)):
        OrderLine(**(base | kwargs))


def test_order_line_editing_and_chargeable_amount() -> None:
    order = Order(terminal_id="T01", lines=(), created_at=NOW)
    with pytest.raises(OrderError, match="no tiene productos"):
        order.chargeable_amount()
    order = order.add_line(line(1_000)).add_line(line(2_000))
    order = order.replace_line(0, line(5_000)).remove_line(1)
    assert order.chargeable_amount() == Money.from_pesos(5_000)
    with_cents = order.add_line(OrderLine("Suelto", 1, Money(50), IvaRate.EXEMPT))
    with pytest.raises(OrderError, match="pesos completos"):
        with_cents.chargeable_amount()


def test_order_needs_aware_time_and_valid_customer() -> None:
    with pytest.raises(OrderError):
        Order(terminal_id="T01", lines=(), created_at=datetime(2026, 1, 1))
    with pytest.raises(OrderError, match="correo"):
        Customer(email="no-es-correo")
    with pytest.raises(OrderError, match="tipo de documento"):
        Customer(document_number="123")
    assert Customer(document_type=DocumentType.NIT, document_number="900123456").document_number


lines_strategy = st.lists(
    st.builds(
        lambda price, qty, rate, pct: OrderLine(
            "Producto", qty, Money(price), rate
        ).with_discount_percent(pct),
        st.integers(min_value=0, max_value=50_000_000),
        st.integers(min_value=1, max_value=50),
        st.sampled_from(list(IvaRate)),
        st.integers(min_value=0, max_value=100),
    ),
    max_size=15,
)


@settings(max_examples=10_000, deadline=None)
@given(lines_strategy)
def test_totals_are_exact_over_random_carts(lines: list[OrderLine]) -> None:
    totals = compute_totals(lines)
    expected_total = sum(ln.unit_price.cents * ln.quantity - ln.discount.cents for ln in lines)
    assert totals.total.cents == expected_total
    assert totals.base + totals.tax == totals.total
    assert totals.discount.cents == sum(ln.discount.cents for ln in lines)
    for group in totals.groups:
        exact = Fraction(group.total.cents * int(group.rate), 100 + int(group.rate))
        assert abs(group.tax.cents - exact) <= Fraction(1, 2)
        assert group.base.cents >= 0
        assert group.tax.cents >= 0
        assert isinstance(group.tax.cents, int)
