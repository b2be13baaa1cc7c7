"""The counter's small local product catalogue: what a scanner code or a search finds.

Prices include IVA, as on the shelf. A product becomes an order line with `to_line`, so the
counter never copies fields by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import MAX_DESCRIPTION, IvaRate, OrderError, OrderLine

MAX_SKU = 40
_SKU = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
_BARCODE = re.compile(r"^[0-9]{6,14}$")


class ProductError(OrderError):
    """A product that breaks a rule; `str()` is a Spanish message for staff."""


@dataclass(frozen=True, slots=True)
class Product:
    sku: str
    name: str
    price: Money
    iva_rate: IvaRate
    barcode: str = ""

    def __post_init__(self) -> None:
        if not _SKU.fullmatch(self.sku):
            raise ProductError(
                f"El SKU «{self.sku}» no es válido: use hasta {MAX_SKU} letras, números, "
                "puntos, guiones o guiones bajos."
            )
        if not self.name.strip() or len(self.name) > MAX_DESCRIPTION:
            raise ProductError(
                f"El nombre del producto {self.sku} debe tener de 1 a {MAX_DESCRIPTION} caracteres."
            )
        if self.price.cents <= 0:
            raise ProductError(f"El precio del producto {self.sku} debe ser mayor que cero.")
        if self.barcode and not _BARCODE.fullmatch(self.barcode):
            raise ProductError(
                f"El código de barras «{self.barcode}» del producto {self.sku} debe tener "
                "de 6 a 14 dígitos."
            )

    def to_line(self, quantity: int = 1) -> OrderLine:
        return OrderLine(self.name, quantity, self.price, self.iva_rate, sku=self.sku)
