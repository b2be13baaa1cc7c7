"""Merchants of a marketplace relay: one relay, many vendors, each with its own events secrets.

Every merchant posts to `/wompi/events/{merchant}` and its terminals' tokens belong to it, so a
terminal only ever reads its own merchant's events. The `default` merchant is the relay of
before merchants existed: `/wompi/events`, secrets from the config (never stored here).
"""

from __future__ import annotations

import re

DEFAULT_MERCHANT = "default"
_MERCHANT_ID = re.compile(r"[a-z0-9._-]{1,64}")


class MerchantError(ValueError):
    """A merchant id or secret that cannot be used; the message is plain English and never
    holds a secret (it is printed by the CLI and may reach a log)."""


def valid_merchant_id(text: str) -> bool:
    """Merchant ids: 1-64 of lowercase letters, digits, '.', '_' or '-' (they appear in URLs)."""
    return _MERCHANT_ID.fullmatch(text) is not None
