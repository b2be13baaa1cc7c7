"""Money: what staff type is parsed exactly, and amounts print the es-CO way."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mestore_desktop.domain.money import (
    MAX_CENTS,
    AmountNotAcceptedByWompiError,
    Money,
    MoneyError,
    MoneyParseError,
    divide_half_up,
)


@pytest.mark.parametrize(
    ("typed", "cents"),
    [
        ("25000", 2_500_000),
        ("25.000", 2_500_000),
        ("$ 25.000", 2_500_000),
        ("$25.000", 2_500_000),
        ("  $ 25.000  ", 2_500_000),
        ("25.000,50", 2_500_050),
        ("25.000,5", 2_500_050),
        ("25000,05", 2_500_005),
        ("1.234.567", 123_456_700),
        ("0", 0),
        ("0,99", 99),
        ("COP 1.500", 150_000),
        ("1.500 COP", 150_000),
        ("$\u00a025.000", 2_500_000),
        ("25,", 2_500),
    ],
)
def test_parse_accepts_what_staff_type(typed: str, cents: int) -> None:
    assert Money.parse(typed) == Money(cents)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "$",
        "abc",
        "25.00",  # a dot groups thousands in es-CO: 25.00 is not a valid grouping
        "25,000",  # three digits after the comma are not cents
        "2.5000",
        "25.000,505",
        "1,2,3",
        "-5.000",
        "25 000 x",
        "1e5",
        "٣",  # non-ASCII digits are refused, not silently read
        "9" * 30,
        "10.000.000.001",  # over Wompi's maximum
    ],
)
def test_parse_refuses_anything_ambiguous(typed: str) -> None:
    with pytest.raises(MoneyParseError) as info:
        Money.parse(typed)
    assert str(info.value)  # always a message a cashier can read


def test_parse_error_says_how_to_write_it() -> None:
    with pytest.raises(MoneyParseError, match="punto para miles y coma para centavos"):
        Money.parse("25.00")


@pytest.mark.parametrize(
    ("cents", "text"),
    [
        (2_500_000, "$ 25.000"),
        (2_500_050, "$ 25.000,50"),
        (2_500_005, "$ 25.000,05"),
        (0, "$ 0"),
        (99, "$ 0,99"),
        (123_456_700, "$ 1.234.567"),
        (-150_000, "-$ 1.500"),
        (100, "$ 1"),
    ],
)
def test_format_es_co(cents: int, text: str) -> None:
    assert Money(cents).format() == text
    assert str(Money(cents)) == text


@given(st.integers(min_value=0, max_value=MAX_CENTS))
def test_format_then_parse_round_trips(cents: int) -> None:
    assert Money.parse(Money(cents).format()) == Money(cents)


def test_only_integer_cents() -> None:
    with pytest.raises(TypeError):
        Money(25.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(True)
    with pytest.raises(MoneyError):
        Money(MAX_CENTS + 1)


def test_arithmetic_stays_in_cents() -> None:
    assert Money(150) + Money(50) == Money(200)
    assert Money(150) - Money(50) == Money(100)
    assert Money(150) * 3 == Money(450) == 3 * Money(150)
    assert -Money(5) == Money(-5)
    assert not Money(0)
    with pytest.raises(TypeError):
        Money(1) * 1.5  # type: ignore[operator]


def test_wompi_needs_whole_pesos() -> None:
    assert Money.from_pesos(25_000).require_wompi_amount() == Money(2_500_000)
    assert Money(2_500_000).is_whole_pesos
    assert not Money(2_500_050).is_whole_pesos
    with pytest.raises(AmountNotAcceptedByWompiError, match="pesos completos"):
        Money(2_500_050).require_wompi_amount()
    with pytest.raises(AmountNotAcceptedByWompiError, match="mayor que cero"):
        Money(0).require_wompi_amount()


@pytest.mark.parametrize(
    ("num", "den", "expected"),
    [(5, 2, 3), (4, 2, 2), (7, 3, 2), (-5, 2, -3), (1, 3, 0), (2, 3, 1), (0, 7, 0)],
)
def test_divide_half_up(num: int, den: int, expected: int) -> None:
    assert divide_half_up(num, den) == expected
