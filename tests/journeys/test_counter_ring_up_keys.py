"""Ringing up by keys (F4 monto libre, F6 descuento, F8 editar, Supr, +, -): each dialog left
every way a cashier leaves it (Esc, *Cancelar*, the window's X) gives the counter back with the
search field focused and the cart untouched; then the keys change the cart and a cash sale ends
it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

COFFEE = "7709900000112"  # Café molido 500 g, $ 18.900, IVA 5 %
SEARCH = "Buscar producto o escanear código"


def total(journey) -> str:
    return journey.find("Total de la venta").text()


def leave_by_esc(journey) -> None:
    journey.press("Esc")


def leave_by_cancelar(journey) -> None:
    journey.click("Cancelar")


def leave_by_closing(journey) -> None:
    modal = journey.modal()
    assert modal is not None
    journey.close_window(modal)


EXITS: dict[str, Callable[..., None]] = {
    "Esc": leave_by_esc,
    "Cancelar": leave_by_cancelar,
    "window close": leave_by_closing,
}


def back_on_the_counter(journey, search) -> None:
    journey.wait(lambda: journey.modal() is None)
    journey.wait(lambda: journey.focused() is search)


@pytest.mark.parametrize("key", ["F4", "F6", "F8"])
def test_every_way_out_of_a_line_dialog_gives_the_counter_back(journey, key: str):
    search = journey.find(SEARCH)
    journey.scan(COFFEE)
    journey.wait(lambda: total(journey) == "$ 18.900")
    for how, leave in EXITS.items():
        journey.press(key)
        journey.wait(lambda: journey.modal() is not None)
        journey.type("5")  # something typed, then abandoned
        leave(journey)
        back_on_the_counter(journey, search)
        assert total(journey) == "$ 18.900", f"{key} left by {how}"
    # The scanner still works, and so does the key itself.
    journey.scan(COFFEE)
    journey.wait(lambda: total(journey) == "$ 37.800")
    journey.press(key)
    journey.wait(lambda: journey.modal() is not None)
    journey.press("Esc")
    back_on_the_counter(journey, search)
    sell_for_cash(journey, "$ 37.800")


def test_ring_up_keys_change_the_cart_and_a_cash_sale_follows(journey):
    search = journey.find(SEARCH)
    journey.scan(COFFEE)
    journey.wait(lambda: total(journey) == "$ 18.900")
    journey.press("+")
    journey.wait(lambda: total(journey) == "$ 37.800")
    journey.press("-")
    journey.wait(lambda: total(journey) == "$ 18.900")

    journey.press("F4")  # a free amount of $ 5.000, then taken off again with Supr
    journey.wait(lambda: journey.modal() is not None)
    journey.type("5000")
    journey.press("Enter")
    back_on_the_counter(journey, search)
    journey.wait(lambda: total(journey) == "$ 23.900")
    journey.press("Del")
    journey.wait(lambda: total(journey) == "$ 18.900")

    journey.press("F6")  # 10 % off the coffee
    journey.wait(lambda: journey.modal() is not None)
    journey.type("10")
    journey.press("Enter")
    back_on_the_counter(journey, search)
    journey.wait(lambda: total(journey) == "$ 17.010")

    journey.press("F8")  # two bags instead of one; the percent discount follows
    journey.wait(lambda: journey.modal() is not None)
    journey.click("Cantidad")  # into the quantity box
    journey.press("Up")
    journey.press("Enter")
    back_on_the_counter(journey, search)
    journey.wait(lambda: total(journey) == "$ 34.020")

    sell_for_cash(journey, "$ 34.020")


def sell_for_cash(journey, amount: str) -> None:
    journey.press("F10")
    journey.wait(lambda: journey.modal() is not None)
    journey.press("Enter")  # the exact amount
    journey.wait(lambda: journey.order_statuses()[-1:] == ["paid"])
    journey.wait(lambda: any(amount in text for text in journey.texts()))
    journey.click("Nueva venta")
    journey.wait(lambda: journey.modal() is None)
    journey.wait(lambda: total(journey) == "$ 0")
