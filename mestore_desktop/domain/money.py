"""Money as integer cents of Colombian pesos: parsing what staff type and es-CO formatting.

No floats ever touch an amount. Parsing follows es-CO conventions: a dot groups thousands
("25.000") and a comma starts the cents ("25.000,50"). Anything ambiguous is refused with a
message that says how to write it, rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Self

from mestore_desktop.domain.text import N_

CURRENCY = "COP"
CENTS_PER_PESO = 100
# Wompi's spec maximum for amount_in_cents; also a sane ceiling for anything typed at a counter.
MAX_CENTS = 1_000_000_000_000

_DIGITS_WITH_GROUPS = re.compile(r"^\d{1,3}(?:\.\d{3})+$", re.ASCII)
_PLAIN_DIGITS = re.compile(r"^\d+$", re.ASCII)
_CENTS = re.compile(r"^\d{1,2}$", re.ASCII)


class MoneyError(ValueError):
    """An amount that cannot be used. `str()` is a message staff can read (Spanish)."""


class MoneyParseError(MoneyError):
    """Typed text that is not an amount."""


class AmountNotAcceptedByWompiError(MoneyError):
    """Wompi only takes whole pesos: amount_in_cents must end in 00."""


@dataclass(frozen=True, slots=True, order=True)
class Money:
    """An amount of Colombian pesos held as integer cents (may be negative for adjustments)."""

    cents: int

    def __post_init__(self) -> None:
        # bool is an int subclass; True pesos is always a bug.
        if not isinstance(self.cents, int) or isinstance(self.cents, bool):
            raise TypeError(f"Money needs integer cents, got {type(self.cents).__name__}")
        if abs(self.cents) > MAX_CENTS:
            raise MoneyError(N_("El monto supera el máximo permitido."))

    @classmethod
    def zero(cls) -> Self:
        return cls(0)

    @classmethod
    def from_pesos(cls, pesos: int) -> Self:
        return cls(pesos * CENTS_PER_PESO)

    @classmethod
    def parse(cls, text: str) -> Self:
        """Parse an amount as staff type it: "25000", "25.000", "$ 25.000", "25.000,50"."""
        return cls(_parse_cents(text))

    @property
    def is_whole_pesos(self) -> bool:
        return self.cents % CENTS_PER_PESO == 0

    def require_wompi_amount(self) -> Self:
        """Return self if Wompi can charge it (positive, whole pesos), else raise."""
        if self.cents <= 0:
            raise AmountNotAcceptedByWompiError(N_("El monto a cobrar debe ser mayor que cero."))
        if not self.is_whole_pesos:
            raise AmountNotAcceptedByWompiError(
                N_(
                    "Wompi solo cobra pesos completos: {amount} tiene centavos.",
                    amount=self.format(),
                )
            )
        return self

    def format(self) -> str:
        """es-CO text: "$ 25.000"; cents only when non-zero ("$ 25.000,50")."""
        sign = "-" if self.cents < 0 else ""
        pesos, cents = divmod(abs(self.cents), CENTS_PER_PESO)
        text = f"{pesos:,}".replace(",", ".")
        if cents:
            text += f",{cents:02d}"
        return f"{sign}$ {text}"

    def __str__(self) -> str:
        return self.format()

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.cents + other.cents)

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.cents - other.cents)

    def __mul__(self, factor: int) -> Money:
        if not isinstance(factor, int) or isinstance(factor, bool):
            return NotImplemented
        return Money(self.cents * factor)

    __rmul__ = __mul__

    def __neg__(self) -> Money:
        return Money(-self.cents)

    def __bool__(self) -> bool:
        return self.cents != 0


def sum_money(amounts: list[Money] | tuple[Money, ...]) -> Money:
    return Money(sum(m.cents for m in amounts))


def divide_half_up(numerator: int, denominator: int) -> int:
    """Integer division rounding halves away from zero (how tax amounts are rounded)."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    quotient, remainder = divmod(abs(numerator), denominator)
    if remainder * 2 >= denominator:
        quotient += 1
    return quotient if numerator >= 0 else -quotient


def _parse_cents(text: str) -> int:
    if not isinstance(text, str):
        raise MoneyParseError(N_("Escriba el monto como texto, por ejemplo 25.000."))
    cleaned = _strip_decorations(text)
    if not cleaned:
        raise MoneyParseError(N_("Escriba un monto, por ejemplo 25.000."))
    if cleaned.startswith("-"):
        raise MoneyParseError(N_("El monto no puede ser negativo."))
    pesos_text, _, cents_text = cleaned.partition(",")
    if "," in cents_text:
        raise MoneyParseError(N_("«{text}» tiene más de una coma.", text=text.strip()))
    pesos = _parse_pesos(pesos_text, text)
    cents = _parse_cents_part(cents_text, text) if cents_text else 0
    total = pesos * CENTS_PER_PESO + cents
    if total > MAX_CENTS:
        raise MoneyParseError(N_("El monto supera el máximo permitido."))
    return total


def _strip_decorations(text: str) -> str:
    cleaned = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    cleaned = cleaned.removeprefix("COP").removesuffix("COP").strip()
    cleaned = cleaned.removeprefix("$").strip()
    return cleaned.replace(" ", "")


def _parse_pesos(pesos_text: str, original: str) -> int:
    if len(pesos_text) > 20:
        raise MoneyParseError(N_("El monto supera el máximo permitido."))
    if _PLAIN_DIGITS.fullmatch(pesos_text):
        return int(pesos_text)
    if _DIGITS_WITH_GROUPS.fullmatch(pesos_text):
        return int(pesos_text.replace(".", ""))
    raise MoneyParseError(
        N_(
            "«{original}» no es un monto válido. Use punto para miles y coma para "
            "centavos, por ejemplo 25.000 o 25.000,50.",
            original=original.strip(),
        )
    )


def _parse_cents_part(cents_text: str, original: str) -> int:
    if not _CENTS.fullmatch(cents_text):
        raise MoneyParseError(
            N_(
                "«{original}» no es un monto válido: después de la coma van uno o dos "
                "dígitos de centavos (25.000,50).",
                original=original.strip(),
            )
        )
    return int(cents_text.ljust(2, "0"))
