"""Payment references: unique per attempt, readable, and traceable to terminal and order.

Format `<terminal>-<order, 6+ digits>-<attempt>`, e.g. `T01-000123-2` for the second attempt
at order 123 on terminal T01. Only `[A-Z0-9-]`, at most 64 characters, so it is safe in URLs,
Wompi's reference field and a spoken phone call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_REFERENCE_LENGTH = 64
TERMINAL_ID_PATTERN = re.compile(r"^[A-Z0-9]{1,8}$")
_REFERENCE = re.compile(
    r"^(?P<terminal>[A-Z0-9]{1,8})-(?P<order>\d{6,})-(?P<attempt>[1-9]\d*)$", re.ASCII
)


class InvalidReferenceError(ValueError):
    """A terminal id, order number or attempt number that cannot make a reference."""


@dataclass(frozen=True, slots=True)
class ReferenceParts:
    terminal_id: str
    order_number: int
    attempt_number: int


def make_reference(terminal_id: str, order_number: int, attempt_number: int) -> str:
    if not TERMINAL_ID_PATTERN.fullmatch(terminal_id):
        raise InvalidReferenceError(
            f"El id de terminal «{terminal_id}» debe tener de 1 a 8 letras mayúsculas o dígitos."
        )
    if order_number < 1 or attempt_number < 1:
        raise InvalidReferenceError("El número de pedido y el de intento empiezan en 1.")
    reference = f"{terminal_id}-{order_number:06d}-{attempt_number}"
    if len(reference) > MAX_REFERENCE_LENGTH:
        raise InvalidReferenceError("La referencia supera 64 caracteres.")
    return reference


def parse_reference(reference: str) -> ReferenceParts | None:
    """The parts of one of our references, or None for anybody else's (kept for reconciling)."""
    if len(reference) > MAX_REFERENCE_LENGTH:
        return None
    match = _REFERENCE.fullmatch(reference)
    if match is None:
        return None
    return ReferenceParts(
        terminal_id=match["terminal"],
        order_number=int(match["order"]),
        attempt_number=int(match["attempt"]),
    )
