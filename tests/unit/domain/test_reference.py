"""References: unique per attempt and installation, safe characters, traceable to terminal and
order; references made before installation ids are still read."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mestore_desktop.domain.reference import (
    INSTALLATION_ID_ALPHABET,
    INSTALLATION_ID_LENGTH,
    INSTALLATION_ID_PATTERN,
    InvalidReferenceError,
    ReferenceParts,
    make_reference,
    new_installation_id,
    parse_reference,
)

INSTALLATION = "7QKM"


def test_documented_example() -> None:
    assert make_reference("T01", 123, 2, installation_id=INSTALLATION) == "T01-7QKM-000123-2"
    assert parse_reference("T01-7QKM-000123-2") == ReferenceParts("T01", 123, 2, "7QKM")


def test_references_made_before_installation_ids_are_still_read() -> None:
    assert parse_reference("T01-000123-2") == ReferenceParts("T01", 123, 2, None)


@pytest.mark.parametrize("installation", ["", "7Q", "7qkm", "7QKI", "7QKO", "ABCDEFGHJ", "7-QK"])
def test_bad_installation_ids_are_refused(installation: str) -> None:
    with pytest.raises(InvalidReferenceError, match="instalación"):
        make_reference("T01", 1, 1, installation_id=installation)


def test_new_installation_ids_are_short_and_unambiguous() -> None:
    picks = iter(INSTALLATION_ID_ALPHABET[-INSTALLATION_ID_LENGTH:])
    made = new_installation_id(lambda alphabet: next(picks))
    assert made == "WXYZ"
    assert INSTALLATION_ID_PATTERN.fullmatch(made)
    assert not set("ILOU") & set(INSTALLATION_ID_ALPHABET)


@pytest.mark.parametrize("terminal", ["", "t01", "T 1", "T01\n", "ABCDEFGHI", "T-1"])
def test_bad_terminal_ids_are_refused(terminal: str) -> None:
    with pytest.raises(InvalidReferenceError):
        make_reference(terminal, 1, 1, installation_id=INSTALLATION)


@pytest.mark.parametrize("numbers", [(0, 1), (1, 0), (-1, 1)])
def test_numbers_start_at_one(numbers: tuple[int, int]) -> None:
    with pytest.raises(InvalidReferenceError):
        make_reference("T01", *numbers, installation_id=INSTALLATION)


@pytest.mark.parametrize(
    "foreign",
    [
        "ORDER-1",
        "T01-123-1",
        "T01-000123-0",
        "t01-000123-1",
        "T01-000123-1\n",
        "x" * 70,
        "T01-7QKM-123-1",
        "T01-7QKL-000123-1",
        "T01-7qkm-000123-1",
        "T01-7QKM-000123-0",
        "T01--000123-1",
        "POS-CAJA1-000123",
    ],
)
def test_other_peoples_references_are_not_ours(foreign: str) -> None:
    assert parse_reference(foreign) is None


@given(
    st.from_regex(r"[A-Z0-9]{1,8}", fullmatch=True),
    st.text(INSTALLATION_ID_ALPHABET, min_size=3, max_size=8),
    st.integers(min_value=1, max_value=10**20),
    st.integers(min_value=1, max_value=10**6),
)
def test_references_round_trip_and_stay_short_and_safe(
    term: str, installation: str, order: int, attempt: int
) -> None:
    ref = make_reference(term, order, attempt, installation_id=installation)
    assert len(ref) <= 64
    assert re.fullmatch(r"[A-Z0-9-]+", ref)
    assert parse_reference(ref) == ReferenceParts(term, order, attempt, installation)
    old = f"{term}-{order:06d}-{attempt}"  # the same attempt before installation ids
    assert parse_reference(old) == ReferenceParts(term, order, attempt, None)


def test_attempts_of_one_order_never_share_a_reference() -> None:
    refs = {make_reference("T01", 7, n, installation_id=INSTALLATION) for n in range(1, 200)}
    assert len(refs) == 199


def test_defect1_the_installation_id_makes_same_terminal_and_numbers_differ() -> None:
    # Two tills left on T01 (or a reinstall, order numbers from 1 again) differ by installation.
    first = make_reference("T01", 123, 2, installation_id="7QKM")
    second = make_reference("T01", 123, 2, installation_id="H3XZ")
    assert first == "T01-7QKM-000123-2"
    assert first != second
    assert parse_reference(first) == ReferenceParts("T01", 123, 2, "7QKM")
    assert parse_reference(second) == ReferenceParts("T01", 123, 2, "H3XZ")
