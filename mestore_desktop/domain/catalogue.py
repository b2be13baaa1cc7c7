"""The counter's small local product catalogue: what a scanner code or a search finds.

Prices include IVA, as on the shelf. A product becomes an order line with `to_line`, so the
counter never copies fields by hand. Each rule is also a function of its own (`check_sku`...)
so that an import can say which column of a row broke it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import MAX_DESCRIPTION, IvaRate, OrderError, OrderLine
from mestore_desktop.domain.text import N_, Text

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
        check_sku(self.sku)
        check_name(self.name, self.sku)
        check_price(self.price, self.sku)
        check_barcode(self.barcode, self.sku)

    def to_line(self, quantity: int = 1) -> OrderLine:
        return OrderLine(self.name, quantity, self.price, self.iva_rate, sku=self.sku)


def check_sku(sku: str) -> None:
    if not _SKU.fullmatch(sku):
        raise ProductError(
            N_(
                "El SKU «{sku}» no es válido: use hasta {max_sku} letras, números, "
                "puntos, guiones o guiones bajos.",
                sku=sku,
                max_sku=MAX_SKU,
            )
        )


def check_name(name: str, sku: str | Text) -> None:
    if not name.strip() or len(name) > MAX_DESCRIPTION:
        raise ProductError(
            N_(
                "El nombre del producto {sku} debe tener de 1 a {max_description} caracteres.",
                sku=sku,
                max_description=MAX_DESCRIPTION,
            )
        )


def check_price(price: Money, sku: str | Text) -> None:
    if price.cents <= 0:
        raise ProductError(N_("El precio del producto {sku} debe ser mayor que cero.", sku=sku))


def check_barcode(barcode: str, sku: str | Text) -> None:
    if barcode and not _BARCODE.fullmatch(barcode):
        raise ProductError(
            N_(
                "El código de barras «{barcode}» del producto {sku} debe tener de 6 a 14 dígitos.",
                barcode=barcode,
                sku=sku,
            )
        )


def sku_key(sku: str) -> str:
    """SKUs are compared without case: «abc-1» and «ABC-1» are the same product."""
    return sku.upper()


def fold_for_search(text: str) -> str:
    """Lower case, accents removed, runs of spaces collapsed: «  Café  Águila» -> «cafe aguila».

    Both the stored names and what the clerk types are folded, so a search for «nino» finds
    «Niño» and a plain substring match in SQL is enough (SQLite's own LIKE folds ASCII only).
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())
