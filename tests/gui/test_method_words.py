"""Payment methods read as words wherever the back office lists them (Pedidos' *Medio* filter
and column, the day close): Wompi's type codes are not for people."""

from __future__ import annotations

import pytest

from mestore_desktop.ui.formatting import method_word
from mestore_desktop.wompi.models import _METHOD_NAMES

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(
    ("stored", "word"),
    [
        ("CASH", "Efectivo"),
        ("CARD", "Tarjeta"),
        ("NEQUI", "Nequi"),
        ("PSE", "PSE"),
        ("BANCOLOMBIA_TRANSFER", "Bancolombia"),
        ("DAVIPLATA", "Daviplata"),
        ("SU_PLUS", "SU+ Pay"),
        ("VISA ••4242", "VISA ••4242"),  # an older attempt's label reads as it is
        ("SOMETHING_NEW", "SOMETHING_NEW"),
    ],
)
def test_method_word(stored: str, word: str) -> None:
    assert method_word(stored) == word


@pytest.mark.parametrize("code", sorted(_METHOD_NAMES))
def test_every_wompi_method_the_app_knows_has_a_word(code: str) -> None:
    assert method_word(code) not in ("", code) or code == "PSE"
