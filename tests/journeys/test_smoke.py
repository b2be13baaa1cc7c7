"""The harness itself: the demo app opens, a key reaches the focus, a named control clicks."""

from __future__ import annotations


def test_the_demo_opens_on_the_counter_with_the_search_field_focused(journey):
    journey.wait(lambda: journey.window.isActiveWindow())
    assert journey.window.isVisible()
    assert journey.order_statuses() is not None


def test_a_cash_sale_by_keys_only(journey):
    journey.press("F4")  # free amount
    journey.wait(lambda: journey.modal() is not None)
    journey.type("18000")
    journey.press("Enter")
    journey.wait(lambda: journey.modal() is None)
    journey.press("F10")
    journey.wait(lambda: journey.modal() is not None)
    journey.press("Enter")  # the exact amount
    journey.wait(lambda: journey.order_statuses()[-1:] == ["paid"])
    journey.wait(lambda: any("$ 18.000" in text for text in journey.texts()))


def test_a_qr_sale_paid_from_the_customers_phone(journey):
    journey.press("F4")
    journey.wait(lambda: journey.modal() is not None)
    journey.type("25000")
    journey.press("Enter")
    journey.wait(lambda: journey.modal() is None)
    journey.press("F11")

    journey.phone_pays_card("4242424242424242")

    journey.wait(lambda: journey.order_statuses()[-1:] == ["paid"])
    journey.wait(lambda: any("aprobado" in text.lower() for text in journey.texts()))
