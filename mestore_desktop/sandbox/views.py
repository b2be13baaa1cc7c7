"""The transaction object in its three shapes (docs/wompi.md §5.1, §5.4, §4.6).

* create response: every field but `merchant` (the sandbox create response has none);
* GET responses: the same plus `merchant`;
* event body `data.transaction`: the fields of examples/event-transaction-updated.json only.
"""

from __future__ import annotations

import copy
from typing import Any

TRANSACTION_KEYS = (
    "id",
    "created_at",
    "finalized_at",
    "amount_in_cents",
    "reference",
    "customer_email",
    "currency",
    "payment_method_type",
    "payment_method",
    "status",
    "status_message",
    "shipping_address",
    "redirect_url",
    "payment_source_id",
    "payment_link_id",
    "customer_data",
    "billing_data",
    "bill_id",
    "taxes",
    "tip_in_cents",
)
EVENT_TRANSACTION_KEYS = TRANSACTION_KEYS[: TRANSACTION_KEYS.index("billing_data") + 1]


def created_view(tx: dict[str, Any]) -> dict[str, Any]:
    return {key: copy.deepcopy(tx[key]) for key in TRANSACTION_KEYS}


def full_view(tx: dict[str, Any], merchant: dict[str, Any]) -> dict[str, Any]:
    return {**created_view(tx), "merchant": dict(merchant)}


def event_view(tx: dict[str, Any]) -> dict[str, Any]:
    return {key: copy.deepcopy(tx[key]) for key in EVENT_TRANSACTION_KEYS}
