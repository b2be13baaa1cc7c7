"""How the orders browser reads its search box, and what an order is found by."""

from __future__ import annotations

import pytest

from mestore_desktop.domain.browse import SearchQuery, parse_search, search_terms


def test_an_order_is_found_by_each_folded_name_word_and_its_whole_e_mail() -> None:
    assert search_terms("  Ana María Pérez-Gómez ", "Ana.Perez@Example.CO") == {
        "ana",
        "maria",
        "perez",
        "gomez",
        "ana.perez@example.co",
    }
    assert search_terms("", "") == frozenset()


@pytest.mark.parametrize(
    ("typed", "wanted"),
    [
        ("", SearchQuery((), "", "", "")),
        ("   ", SearchQuery((), "", "", "")),
        ("ANA@Exam", SearchQuery((), "ana@exam", "", "")),
        ("rodríguez", SearchQuery(("rodriguez",), "", "", "")),  # 9 letters: no terminal id
        ("ana pé", SearchQuery(("ana", "pe"), "", "", "")),
        ("t01-7qkm", SearchQuery(("t01", "7qkm"), "", "T01-7QKM", "")),
        ("11004-1718", SearchQuery(("11004", "1718"), "", "11004-1718", "11004-1718")),
        ("Niño", SearchQuery(("nino",), "", "", "")),  # Ñ is not a reference's letter
        # A payment link's reference is Wompi's, mixed case: kept as typed.
        ("test_Bj99lR_17", SearchQuery(("test_bj99lr_17",), "", "test_Bj99lR_17", "")),
    ],
)
def test_a_search_looks_only_for_what_the_text_could_be(typed: str, wanted: SearchQuery) -> None:
    assert parse_search(typed) == wanted
    assert parse_search(typed).empty is (wanted == SearchQuery((), "", "", ""))


def test_a_pasted_wall_of_text_is_cut_short() -> None:
    assert len(parse_search("a" * 10_000).words[0]) == 100
