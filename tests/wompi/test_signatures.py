"""Wompi signatures against every vector in tests/data/wompi_examples (docs/wompi.md §3, §4.3),
and every way a check can fail."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path

import pytest

from mestore_desktop.wompi.signatures import (
    EventSignatureError,
    event_checksum,
    integrity_signature,
    integrity_signature_matches,
    verify_event,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "wompi_examples"
VECTORS = json.loads((DATA / "signature-vectors.json").read_text(encoding="utf-8"))
EVENT = json.loads((DATA / "event-transaction-updated.json").read_text(encoding="utf-8"))
EVENTS_SECRET = VECTORS["event_checksum"]["events_secret"]


def test_the_vectors_are_consistent_with_themselves() -> None:
    # The fixture's own concatenations hash to its own digests, so a vector edited by hand (one
    # value changed, not the others) fails here rather than weakening the tests below.
    for name, vector in VECTORS["integrity_signature"].items():
        if isinstance(vector, dict):
            digest = hashlib.sha256(vector["concatenated"].encode("utf-8")).hexdigest()
            assert digest == vector["sha256"], name
    checksum = VECTORS["event_checksum"]
    assert checksum["full_concatenation"] == (
        checksum["concatenated_property_values"]
        + str(checksum["timestamp"])
        + checksum["events_secret"]
    )
    digest = hashlib.sha256(checksum["full_concatenation"].encode("utf-8")).hexdigest()
    assert digest == checksum["checksum_lowercase_hex"]
    assert EVENT["timestamp"] == checksum["timestamp"]
    assert EVENT["signature"]["properties"] == checksum["properties"]


@pytest.mark.parametrize(
    "name", [k for k, v in VECTORS["integrity_signature"].items() if isinstance(v, dict)]
)
def test_integrity_vectors(name: str) -> None:
    vector = VECTORS["integrity_signature"][name]
    base = VECTORS["integrity_signature"]["official_docs_vector_verified"]
    reference = vector.get("reference", base["reference"])
    amount = vector.get("amount_in_cents", base["amount_in_cents"])
    secret = vector.get("integrity_secret", base["integrity_secret"])
    signature = integrity_signature(
        reference, amount, secret, expiration_time=vector.get("expiration_time")
    )
    assert signature == vector["sha256"]
    assert integrity_signature_matches(
        vector["sha256"].upper(),
        reference,
        amount,
        secret,
        expiration_time=vector.get("expiration_time"),
    )


def test_integrity_refuses_non_integer_amounts() -> None:
    with pytest.raises(TypeError):
        integrity_signature("R1", 2490000.0, "s")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        integrity_signature("R1", True, "s")  # type: ignore[arg-type]


def test_integrity_mismatches() -> None:
    good = integrity_signature("R1", 150000, "test_integrity_x")
    assert not integrity_signature_matches(good, "R2", 150000, "test_integrity_x")
    assert not integrity_signature_matches(good, "R1", 150001, "test_integrity_x")
    assert not integrity_signature_matches(good, "R1", 150000, "test_integrity_y")
    assert not integrity_signature_matches(
        good, "R1", 150000, "test_integrity_x", expiration_time="2030-01-01T05:00:00.000Z"
    )


def test_event_checksum_vector() -> None:
    expected = VECTORS["event_checksum"]["checksum_lowercase_hex"]
    assert event_checksum(EVENT, EVENTS_SECRET) == expected
    assert EVENT["signature"]["checksum"] == expected
    assert verify_event(EVENT, EVENTS_SECRET)


def test_event_checksum_is_case_insensitive_and_header_works() -> None:
    upper = copy.deepcopy(EVENT)
    upper["signature"]["checksum"] = EVENT["signature"]["checksum"].upper()
    assert verify_event(upper, EVENTS_SECRET)
    headless = copy.deepcopy(EVENT)
    del headless["signature"]["checksum"]
    assert verify_event(headless, EVENTS_SECRET, header_checksum=EVENT["signature"]["checksum"])
    with pytest.raises(EventSignatureError):
        verify_event(headless, EVENTS_SECRET)


def test_docs_example_checksum_does_not_reproduce() -> None:
    note = VECTORS["event_checksum"]["docs_example_note"]
    actual = hashlib.sha256(note["docs_concatenated_string"].encode()).hexdigest()
    assert actual == note["actual_sha256_of_that_string"]
    assert actual != note["checksum_printed_in_docs"].lower()


def test_rotation_accepts_any_configured_secret() -> None:
    assert verify_event(EVENT, ["test_events_old", EVENTS_SECRET])
    assert not verify_event(EVENT, ["test_events_old", "test_events_other"])
    assert not verify_event(EVENT, [])
    assert not verify_event(EVENT, [""])


@pytest.mark.parametrize(
    "mutate",
    [
        lambda e: e["data"]["transaction"].__setitem__("status", "DECLINED"),
        lambda e: e["data"]["transaction"].__setitem__("amount_in_cents", 2500001),
        lambda e: e["data"]["transaction"].__setitem__("id", "12345-1735750800-10002"),
        lambda e: e.__setitem__("timestamp", e["timestamp"] + 1),
        lambda e: e["signature"].__setitem__("checksum", "0" * 64),
        lambda e: e["signature"].__setitem__("properties", ["transaction.id"]),
    ],
)
def test_any_signed_change_is_rejected(mutate) -> None:
    event = copy.deepcopy(EVENT)
    mutate(event)
    assert not verify_event(event, EVENTS_SECRET)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda e: e.pop("signature"),
        lambda e: e["signature"].__setitem__("properties", []),
        lambda e: e["signature"].__setitem__("properties", "transaction.id"),
        lambda e: e["signature"].__setitem__("properties", ["transaction.nope"]),
        lambda e: e["signature"].__setitem__("properties", ["transaction"]),
        lambda e: e.__setitem__("timestamp", "1735750802"),
        lambda e: e.__setitem__("data", []),
        lambda e: e["signature"].__setitem__("checksum", None),
    ],
)
def test_malformed_signature_blocks_raise_a_typed_error(mutate) -> None:
    event = copy.deepcopy(EVENT)
    mutate(event)
    with pytest.raises(EventSignatureError):
        verify_event(event, EVENTS_SECRET)


def test_unsigned_fields_are_not_covered() -> None:
    # The reference is not signed: changing it keeps the checksum valid, which is why the
    # desktop re-reads every transaction from Wompi instead of trusting an event's body.
    event = copy.deepcopy(EVENT)
    event["data"]["transaction"]["reference"] = "OTHER-REF"
    assert verify_event(event, EVENTS_SECRET)
