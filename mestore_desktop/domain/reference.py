"""Payment references: unique per attempt and per installation, readable, and traceable.

Format `<terminal>-<installation>-<order, 6+ digits>-<attempt>`, e.g. `T01-7QKM-000123-2` for
the second attempt at order 123 on terminal T01 of installation 7QKM. Only `[A-Z0-9-]`, at most
64 characters, so it is safe in URLs, Wompi's reference field and a spoken phone call.

The installation id is a short random id made once per database (store migration 0005). Without
it two tills left on the same terminal id, or a reinstall whose order numbers start again at 1,
would make the same reference twice; Wompi's events reach every till (the relay fans them out),
and an approval of one sale would match the other. References made before it
(`T01-000123-2`, no installation id) are still read: old databases and Wompi keep them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

MAX_REFERENCE_LENGTH = 64
TERMINAL_ID_PATTERN = re.compile(r"^[A-Z0-9]{1,8}$")
# Crockford's base 32: digits and capitals without I, L, O and U, so that an id read aloud or
# copied by hand is never taken for another (0/O, 1/I/L). 32**4: about a million ids.
INSTALLATION_ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
INSTALLATION_ID_LENGTH = 4
# Ids are made INSTALLATION_ID_LENGTH long; from 3 to 8 are read, so that the length may change
# without making older references unreadable.
_INSTALLATION = r"[0-9A-HJKMNP-TV-Z]{3,8}"
INSTALLATION_ID_PATTERN = re.compile(rf"^{_INSTALLATION}$", re.ASCII)
_REFERENCE = re.compile(
    rf"^(?P<terminal>[A-Z0-9]{{1,8}})(?:-(?P<installation>{_INSTALLATION}))?"
    r"-(?P<order>\d{6,})-(?P<attempt>[1-9]\d*)$",
    re.ASCII,
)


class InvalidReferenceError(ValueError):
    """A terminal id, order number or attempt number that cannot make a reference."""


@dataclass(frozen=True, slots=True)
class ReferenceParts:
    terminal_id: str
    order_number: int
    attempt_number: int
    installation_id: str | None = None  # None: a reference made before installation ids


def new_installation_id(choose: Callable[[str], str]) -> str:
    """A fresh installation id, `choose` picking each character (`secrets.choice` in use)."""
    return "".join(choose(INSTALLATION_ID_ALPHABET) for _ in range(INSTALLATION_ID_LENGTH))


def make_reference(
    terminal_id: str, order_number: int, attempt_number: int, *, installation_id: str
) -> str:
    if not TERMINAL_ID_PATTERN.fullmatch(terminal_id):
        raise InvalidReferenceError(
            f"El id de terminal «{terminal_id}» debe tener de 1 a 8 letras mayúsculas o dígitos."
        )
    if not INSTALLATION_ID_PATTERN.fullmatch(installation_id):
        raise InvalidReferenceError(
            f"El id de instalación «{installation_id}» no es válido: de 3 a 8 letras mayúsculas "
            "o dígitos, sin I, L, O ni U."
        )
    if order_number < 1 or attempt_number < 1:
        raise InvalidReferenceError("El número de pedido y el de intento empiezan en 1.")
    reference = f"{terminal_id}-{installation_id}-{order_number:06d}-{attempt_number}"
    if len(reference) > MAX_REFERENCE_LENGTH:
        raise InvalidReferenceError("La referencia supera 64 caracteres.")
    return reference


def parse_reference(reference: str) -> ReferenceParts | None:
    """The parts of one of our references, old format included, or None for anybody else's
    (kept for reconciling)."""
    if len(reference) > MAX_REFERENCE_LENGTH:
        return None
    match = _REFERENCE.fullmatch(reference)
    if match is None:
        return None
    return ReferenceParts(
        terminal_id=match["terminal"],
        order_number=int(match["order"]),
        attempt_number=int(match["attempt"]),
        installation_id=match["installation"],
    )
