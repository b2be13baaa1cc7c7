"""References: unique per attempt, safe characters, traceable to terminal and order."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mestore_desktop.domain.reference import (
    InvalidReferenceError,
    ReferenceParts,
    make_reference,
    parse_reference,
)


def test_documented_example() -> None:
    assert make_reference("T01", 123, 2) == "T01-000123-2"
    assert parse_reference("T01-000123-2") == ReferenceParts("T01", 123, 2)


@pytest.mark.parametrize("terminal", ["", "t01", "T 1", "T01\n", "ABCDEFGHI", "T-1"])
def test_bad_terminal_ids_are_refused(terminal: str) -> None:
    with pytest.raises(InvalidReferenceError):
        make_reference(terminal, 1, 1)


@pytest.mark.parametrize("numbers", [(0, 1), (1, 0), (-1, 1)])
def test_numbers_start_at_one(numbers: tuple[int, int]) -> None:
    with pytest.raises(InvalidReferenceError):
        make_reference("T01", *numbers)


@pytest.mark.parametrize(
    "foreign", ["ORDER-1", "T01-123-1", "T01-000123-0", "t01-000123-1", "T01-000123-1\n", "x" * 70]
)
def test_other_peoples_references_are_not_ours(foreign: str) -> None:
    assert parse_reference(foreign) is None


@given(
    st.from_regex(r"[A-Z0-9]{1,8}", fullmatch=True),
    st.integers(min_value=1, max_value=10**20),
    st.integers(min_value=1, max_value=10**6),
)
def test_references_round_trip_and_stay_short_and_safe(term: str, order: int, attempt: int) -> None:
    ref = make_reference(term, order, attempt)
    assert len(ref) <= 64
    assert re.fullmatch(r"[A-Z0-9-]+", ref)
    assert parse_reference(ref) == ReferenceParts(term, order, attempt)


def test_attempts_of_one_order_never_share_a_reference() -> None:
    refs = {make_reference("T01", 7, n) for n in range(1, 200)}
    assert len(refs) == 199
