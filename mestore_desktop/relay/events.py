"""Incoming Wompi events: parse the raw body, check its shape, verify it, derive its dedupe key.

Only the values listed in `signature.properties` are authenticated (docs/wompi.md §4.3), so a
`transaction.updated` must sign at least the transaction's id, status and amount (else 401,
like a bad checksum: the sender would choose what is authenticated), and the dedupe key is
built from signed values only: for transaction events (event type, transaction id, status,
amount_in_cents), for anything else a hash of every signed value. The same fact sent again, by
a Wompi retry or by an attacker replaying it, then maps to the same row.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from mestore_desktop.wompi.signatures import EventSignatureError, verify_event

MAX_EVENT_TYPE_CHARS = 200
TRANSACTION_PROPERTIES = ("transaction.id", "transaction.status", "transaction.amount_in_cents")
# What an event type must sign, whatever else it signs (Wompi may add fields over time, so a
# longer list, or another order, is fine). Other event types sign what Wompi decides.
REQUIRED_SIGNED: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"transaction.updated": TRANSACTION_PROPERTIES}
)


class MalformedEventError(ValueError):
    """A body that is not an event at all: bad JSON or a missing/mistyped field (400)."""


@dataclass(frozen=True)
class IncomingEvent:
    """A well-formed event body, not yet verified."""

    raw: bytes
    body: dict[str, Any]
    event_type: str
    environment: str
    properties: tuple[str, ...]
    header_checksum: str | None

    def verifies_with(self, secrets: Iterable[str]) -> bool:
        """True when the checksum matches one of `secrets`; a signed path that is missing or
        not a scalar cannot match any secret, so it is a mismatch too."""
        try:
            return verify_event(self.body, list(secrets), header_checksum=self.header_checksum)
        except EventSignatureError:
            return False

    def unsigned_required(self) -> tuple[str, ...]:
        """The paths this event type must sign that its `signature.properties` leave out."""
        required = REQUIRED_SIGNED.get(self.event_type, ())
        return tuple(path for path in required if path not in self.properties)

    def dedupe_key(self) -> str:
        """64 hex chars naming the signed fact this event reports (call after verifying)."""
        data = self.body["data"]
        if set(TRANSACTION_PROPERTIES) <= set(self.properties):
            paths: tuple[str, ...] = TRANSACTION_PROPERTIES
            fact: list[Any] = [self.event_type, *(_signed_text(data, p) for p in paths)]
        else:
            values = [_signed_text(data, p) for p in self.properties]
            fact = [self.event_type, list(self.properties), values]
        # A JSON list: no separator inside a value can make two facts share one key.
        return hashlib.sha256(json.dumps(fact).encode("utf-8")).hexdigest()


def parse_event(raw: bytes, header_checksum: str | None = None) -> IncomingEvent:
    """The event in `raw`, or MalformedEventError naming what is wrong (never the content)."""
    body = _json_object(raw)
    event_type = body.get("event")
    if not isinstance(event_type, str) or not 0 < len(event_type) <= MAX_EVENT_TYPE_CHARS:
        raise MalformedEventError("event must be a non-empty string")
    if not isinstance(body.get("data"), dict):
        raise MalformedEventError("data must be an object")
    environment = body.get("environment")
    if not isinstance(environment, str):
        raise MalformedEventError("environment must be a string")
    timestamp = body.get("timestamp")
    if not isinstance(timestamp, int) or isinstance(timestamp, bool):
        raise MalformedEventError("timestamp must be an integer")
    properties = _properties(body.get("signature"))
    _require_checksum(body["signature"], header_checksum)
    return IncomingEvent(raw, body, event_type, environment, properties, header_checksum)


def _json_object(raw: bytes) -> dict[str, Any]:
    try:
        # Strict UTF-8 and no NaN/Infinity: the feed hands these bytes on as JSON, verbatim.
        body = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise MalformedEventError("the body is not valid JSON") from None
    if not isinstance(body, dict):
        raise MalformedEventError("the body must be a JSON object")
    return body


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _properties(signature: Any) -> tuple[str, ...]:
    if not isinstance(signature, dict):
        raise MalformedEventError("signature must be an object")
    properties = signature.get("properties")
    if (
        not isinstance(properties, list)
        or not properties
        or not all(isinstance(p, str) and p for p in properties)
    ):
        raise MalformedEventError("signature.properties must be a non-empty list of strings")
    return tuple(properties)


def _require_checksum(signature: Mapping[str, Any], header_checksum: str | None) -> None:
    checksum = signature.get("checksum")
    if checksum is None and header_checksum:
        return
    if not isinstance(checksum, str) or not checksum:
        raise MalformedEventError("signature.checksum must be a non-empty string")


def _signed_text(data: Mapping[str, Any], path: str) -> str:
    """The value as the checksum saw it: 2500000 and "2500000" sign the same, so they are the
    same fact (otherwise retyping a field of a genuine event would store it a second time)."""
    value: Any = data
    for part in path.split("."):
        value = value[part]  # verified: every signed path exists and ends in a scalar
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
