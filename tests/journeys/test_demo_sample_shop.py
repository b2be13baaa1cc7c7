"""A newcomer opens the demo and sells at once: the sample shop's codes from the README scan,
and the past sales are already there (issue 8, item 11)."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"
PAST_SALES = ["paid", "paid", "failed", "paid", "paid"]  # card, cash, declined, Nequi, cash


def test_the_three_readme_codes_scan_and_sell_next_to_the_past_sales(journey):
    codes = re.findall(r"`(77099\d{8})`", README.read_text(encoding="utf-8"))
    assert len(codes) == 3
    assert journey.order_statuses() == PAST_SALES

    for code in codes:
        journey.scan(code)
    # Café molido 18.900 + Gaseosa cola 5.500 + Huevos AA x 30 18.500
    journey.wait(lambda: "$ 42.900" in journey.texts())
    journey.press("F10")
    journey.wait(lambda: journey.modal() is not None)
    journey.press("Enter")  # the exact amount

    journey.wait(lambda: journey.order_statuses() == [*PAST_SALES, "paid"])
