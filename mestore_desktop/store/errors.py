"""Errors from local storage. `str()` is a message a clerk can read (Spanish).

Only failures a clerk can meet or act on get a class here: an order or reference that is not
in this terminal's database, a sale that can no longer be charged, a database that is busy or
cannot be written. A broken constraint is a bug, not a clerk's problem, and is left to surface
as SQLAlchemy's IntegrityError.
"""

from __future__ import annotations

from mestore_desktop.domain.text import N_


class StoreError(Exception):
    """Base for storage errors; `str()` is Spanish text for staff."""


class UnknownReferenceError(StoreError, LookupError):
    """No payment attempt with this reference was made at this terminal."""

    def __init__(self, reference: str) -> None:
        super().__init__(
            N_(
                "No hay ningún intento de pago con la referencia «{reference}».",
                reference=reference,
            )
        )
        self.reference = reference


class UnknownOrderError(StoreError, LookupError):
    def __init__(self, number: int) -> None:
        super().__init__(N_("No existe el pedido número {number}.", number=number))
        self.number = number


class OrderClosedError(StoreError):
    """The order is cancelled or already paid, so it cannot be charged or cancelled again."""

    def __init__(self, number: int, message: str) -> None:
        super().__init__(message)
        self.number = number


class StorageError(StoreError):
    """The database file could not be opened, read or written."""


class DatabaseBusyError(StorageError):
    """Another writer held the database longer than the busy timeout; retrying may work."""
