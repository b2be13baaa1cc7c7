"""Every error family whose `str()` is a Spanish sentence written for staff.

The UI shows these verbatim and anything else as one generic sentence (raw text of an
unexpected error can carry URLs, keys or SQL). Kept in one place so a new family is not
forgotten by one screen and shown by another.
"""

from __future__ import annotations

from mestore_desktop.domain.day_close import DayCloseError
from mestore_desktop.domain.money import MoneyError
from mestore_desktop.domain.order import OrderError
from mestore_desktop.domain.reconciliation import ReconciliationError
from mestore_desktop.secrets import SecretsError
from mestore_desktop.services.back_office_base import BackOfficeError
from mestore_desktop.services.checkout import CheckoutNotConfiguredError
from mestore_desktop.services.counter import CounterError
from mestore_desktop.services.mailer import MailError
from mestore_desktop.services.navigation import NavigationPolicyError
from mestore_desktop.services.receipt import ReceiptError
from mestore_desktop.services.sync_setup import SyncConfigError
from mestore_desktop.settings import SettingsError
from mestore_desktop.store.errors import StoreError
from mestore_desktop.wompi.checkout import CheckoutUrlError
from mestore_desktop.wompi.errors import WompiError

USER_FACING_ERRORS: tuple[type[Exception], ...] = (
    SettingsError,
    SecretsError,
    MoneyError,
    OrderError,
    StoreError,
    CheckoutNotConfiguredError,
    CounterError,
    MailError,
    ReceiptError,
    NavigationPolicyError,
    WompiError,
    CheckoutUrlError,
    SyncConfigError,
    BackOfficeError,
    DayCloseError,
    ReconciliationError,
)
