"""The merchant registry (stub by relay-store; relay-cli owns this module and completes it).

Only what the store needs today: the error it raises and the id rule.
"""

from __future__ import annotations

import re

_MERCHANT_ID = re.compile(r"[a-z0-9._-]{1,64}")


class MerchantError(ValueError):
    """A merchant id that is malformed, taken, unknown or removed (plain English, no secret)."""


def valid_merchant_id(text: str) -> bool:
    """Merchant ids: 1-64 of lowercase letters, digits, '.', '_' or '-' (they appear in URLs)."""
    return _MERCHANT_ID.fullmatch(text) is not None
