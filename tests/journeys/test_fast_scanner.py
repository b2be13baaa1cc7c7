"""A scanner that sends two codes and a cashier who presses the tender key at once: the sale
charged is the whole cart, never a cart missing the codes still being looked up."""

from __future__ import annotations

CAFE, GASEOSA = "7709900000112", "7709900000204"  # $ 18.900 and $ 5.500 in the sample shop


def test_a_tender_key_right_after_the_scans_charges_every_scanned_product(journey):
    orders_before = len(journey.order_statuses())

    journey.scan(CAFE)
    journey.scan(GASEOSA)
    journey.press("F10")  # no pause: the lookups are still running
    journey.wait(lambda: journey.modal() is not None)
    journey.press("Enter")

    journey.wait(lambda: len(journey.order_statuses()) == orders_before + 1)
    journey.wait(lambda: journey.order_statuses()[-1] == "paid")
    [(total,)] = journey.sql("SELECT total_cents FROM orders ORDER BY number DESC LIMIT 1")
    assert total == 2_440_000
    journey.find("Nueva venta")
    journey.press("Enter")
    journey.wait(lambda: journey.modal() is None)
