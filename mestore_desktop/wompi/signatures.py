"""Wompi's two signatures, as pure functions (docs/wompi.md §3 and §4.3).

* The integrity signature proves to Wompi that an amount and reference came from the merchant:
  SHA-256 over reference + amount_in_cents + currency [+ expiration_time] + integrity secret.
* The event checksum proves to us that an event came from Wompi: SHA-256 over the values that
  `signature.properties` names (looked up under `data`, in order), then `timestamp`, then the
  events secret. Wompi's docs print it in upper case while real payloads carry lower case, so
  it is compared case-insensitively, and always in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Mapping
from typing import Any

CURRENCY = "COP"


class EventSignatureError(ValueError):
    """An event whose signature block is missing, malformed or does not verify."""


def integrity_signature(
    reference: str,
    amount_in_cents: int,
    integrity_secret: str,
    *,
    currency: str = CURRENCY,
    expiration_time: str | None = None,
) -> str:
    """Lower-case hex SHA-256 for `signature:integrity` (checkout) or `signature` (API)."""
    if not isinstance(amount_in_cents, int) or isinstance(amount_in_cents, bool):
        raise TypeError("amount_in_cents must be an integer")
    parts = [reference, str(amount_in_cents), currency]
    if expiration_time:
        parts.append(expiration_time)
    parts.append(integrity_secret)
    return _sha256("".join(parts))


def integrity_signature_matches(
    signature: str,
    reference: str,
    amount_in_cents: int,
    integrity_secret: str,
    *,
    currency: str = CURRENCY,
    expiration_time: str | None = None,
) -> bool:
    expected = integrity_signature(
        reference,
        amount_in_cents,
        integrity_secret,
        currency=currency,
        expiration_time=expiration_time,
    )
    return _equal_hex(signature, expected)


def event_checksum(event: Mapping[str, Any], events_secret: str) -> str:
    """The checksum an event should carry, computed from its own `signature.properties`."""
    properties = _signature_properties(event)
    data = event.get("data")
    if not isinstance(data, Mapping):
        raise EventSignatureError("event has no data object")
    timestamp = event.get("timestamp")
    if not isinstance(timestamp, int) or isinstance(timestamp, bool):
        raise EventSignatureError("event timestamp must be an integer")
    values = "".join(_property_text(data, path) for path in properties)
    return _sha256(f"{values}{timestamp}{events_secret}")


def verify_event(
    event: Mapping[str, Any],
    events_secrets: str | Iterable[str],
    *,
    header_checksum: str | None = None,
) -> bool:
    """True when the event's checksum (body, else header) matches one of the secrets.

    Several secrets are accepted so that an events secret can be rotated without losing events.
    """
    claimed = _claimed_checksum(event, header_checksum)
    secrets = [events_secrets] if isinstance(events_secrets, str) else list(events_secrets)
    matched = False
    for secret in secrets:
        if not secret:
            continue
        # No early exit: every secret is tried so timing says nothing about which one matched.
        matched |= _equal_hex(claimed, event_checksum(event, secret))
    return matched


def _claimed_checksum(event: Mapping[str, Any], header_checksum: str | None) -> str:
    signature = event.get("signature")
    body_checksum = signature.get("checksum") if isinstance(signature, Mapping) else None
    claimed = body_checksum or header_checksum
    if not isinstance(claimed, str) or not claimed:
        raise EventSignatureError("event carries no checksum")
    return claimed


def _signature_properties(event: Mapping[str, Any]) -> list[str]:
    signature = event.get("signature")
    if not isinstance(signature, Mapping):
        raise EventSignatureError("event has no signature object")
    properties = signature.get("properties")
    if (
        not isinstance(properties, list)
        or not properties
        or not all(isinstance(p, str) and p for p in properties)
    ):
        raise EventSignatureError("signature.properties must be a non-empty list of paths")
    return properties


def _property_text(data: Mapping[str, Any], path: str) -> str:
    value: Any = data
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            raise EventSignatureError(f"signed property {path!r} is missing from data")
        value = value[part]
    if value is None:
        return ""  # docs/wompi.md §4.3: a null is best rendered as an empty string
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | str):
        return str(value)
    raise EventSignatureError(f"signed property {path!r} is not a scalar")


def _equal_hex(a: str, b: str) -> bool:
    return hmac.compare_digest(a.strip().lower().encode(), b.strip().lower().encode())


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
