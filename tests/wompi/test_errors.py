"""The error tree: each Wompi envelope maps to one class with a Spanish message for staff."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mestore_desktop.wompi.errors import (
    WompiAuthError,
    WompiBadResponseError,
    WompiCircuitOpenError,
    WompiError,
    WompiNotFoundError,
    WompiTimeoutError,
    WompiUnavailableError,
    WompiValidationError,
    error_from_response,
    flatten_messages,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "wompi_examples"
ENV_MISMATCH = "La llave proporcionada no corresponde a este ambiente."


def envelope(error_type: str, **fields: Any) -> dict[str, Any]:
    return {"error": {"type": error_type, **fields}}


def test_the_tree_is_what_callers_catch() -> None:
    for leaf in (WompiAuthError, WompiNotFoundError, WompiValidationError, WompiBadResponseError):
        assert issubclass(leaf, WompiError)
    assert issubclass(WompiTimeoutError, WompiUnavailableError)
    assert issubclass(WompiCircuitOpenError, WompiUnavailableError)
    assert issubclass(WompiUnavailableError, WompiError)


def test_401_invalid_access_token_is_an_auth_error_whose_text_is_ours() -> None:
    error = error_from_response(401, envelope("INVALID_ACCESS_TOKEN", reason=ENV_MISMATCH))
    assert type(error) is WompiAuthError
    assert (error.http_status, error.error_type, error.reason) == (
        401,
        "INVALID_ACCESS_TOKEN",
        ENV_MISMATCH,
    )
    # Wompi's reason is free text: kept for the log, never shown as the message.
    assert ENV_MISMATCH not in str(error)
    assert "llave" in str(error)
    assert "ambiente" in str(error)


@pytest.mark.parametrize("error_type", ["NOT_FOUND_ERROR", "NOT_FOUND"])
def test_404_in_either_spelling_is_not_found(error_type: str) -> None:
    error = error_from_response(404, envelope(error_type, reason="La entidad solicitada no existe"))
    assert type(error) is WompiNotFoundError
    assert error.error_type == error_type
    assert "no encontró" in str(error)


def test_the_reference_422_example_names_the_field_and_keeps_wompis_spanish() -> None:
    body = json.loads((DATA / "error-422-input-validation.json").read_text(encoding="utf-8"))
    error = error_from_response(422, body)
    assert isinstance(error, WompiValidationError)
    assert error.field_messages == {"reference": ["La referencia ya ha sido usada"]}
    assert (
        str(error) == "Wompi rechazó los datos enviados. reference: La referencia ya ha sido usada"
    )


def test_nested_validation_messages_are_flattened_to_dotted_paths() -> None:
    messages = {
        "payment_method": {"token": ["El token es inválido"]},
        "signature": ["La firma es inválida"],
    }
    error = error_from_response(422, envelope("INPUT_VALIDATION_ERROR", messages=messages))
    assert isinstance(error, WompiValidationError)
    assert error.field_messages == {
        "payment_method.token": ["El token es inválido"],
        "signature": ["La firma es inválida"],
    }
    assert "payment_method.token: El token es inválido" in str(error)


def test_a_422_without_messages_is_still_a_validation_error() -> None:
    error = error_from_response(422, envelope("UNPROCESSABLE", reason="La fuente fue declinada"))
    assert isinstance(error, WompiValidationError)
    assert error.field_messages == {}
    assert error.error_type == "UNPROCESSABLE"
    assert str(error) == "Wompi rechazó los datos enviados."


@pytest.mark.parametrize("status", [500, 502, 503, 504, 429])
@pytest.mark.parametrize("body", [None, "<html>Bad gateway</html>", {"error": {}}])
def test_server_failures_and_throttling_are_unavailable(status: int, body: Any) -> None:
    error = error_from_response(status, body)
    assert type(error) is WompiUnavailableError
    assert error.http_status == status
    assert "Bad gateway" not in str(error)


def test_an_unmapped_4xx_is_a_plain_wompi_error_with_its_status() -> None:
    error = error_from_response(400, {"error": {"type": "BAD_REQUEST", "reason": "x"}})
    assert type(error) is WompiError
    assert "HTTP 400" in str(error)
    assert error.error_type == "BAD_REQUEST"


def test_403_is_treated_as_a_key_problem() -> None:
    assert type(error_from_response(403, None)) is WompiAuthError


def test_a_non_json_401_is_still_an_auth_error() -> None:
    error = error_from_response(401, None)
    assert type(error) is WompiAuthError
    assert error.error_type is None


def test_repr_is_compact_and_carries_no_text() -> None:
    error = WompiAuthError(http_status=401, error_type="INVALID_ACCESS_TOKEN", reason="secret-ish")
    assert repr(error) == "WompiAuthError(http_status=401, error_type='INVALID_ACCESS_TOKEN')"


def test_bad_response_names_the_field() -> None:
    error = WompiBadResponseError(field="transaction.amount_in_cents")
    assert "transaction.amount_in_cents" in str(error)
    assert error.field == "transaction.amount_in_cents"


def test_unavailable_errors_carry_attempts_and_retry_after() -> None:
    error = WompiCircuitOpenError(retry_after_s=12.5)
    assert error.attempts == 1
    assert error.retry_after_s == 12.5
    assert "varias veces" in str(error)


@pytest.mark.parametrize(
    ("messages", "expected"),
    [
        ("Texto suelto", {"general": ["Texto suelto"]}),
        ({"a": "uno"}, {"a": ["uno"]}),
        ({"taxes": [{"type": ["Tipo inválido"]}]}, {"taxes.0.type": ["Tipo inválido"]}),
        ({"a": ["uno", "dos"], "b": []}, {"a": ["uno", "dos"]}),
        ({"a": 3, "b": None, "c": ["ok"]}, {"c": ["ok"]}),
        (None, {}),
        (42, {}),
    ],
)
def test_flatten_messages(messages: Any, expected: dict[str, list[str]]) -> None:
    assert flatten_messages(messages) == expected


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=15,
)


@given(JSON)
def test_flatten_never_fails_and_yields_only_text(messages: Any) -> None:
    for key, texts in flatten_messages(messages).items():
        assert isinstance(key, str)
        assert all(isinstance(t, str) for t in texts)


@given(st.integers(min_value=400, max_value=599), JSON)
def test_every_error_status_maps_to_a_wompi_error_with_spanish_text(status: int, body: Any) -> None:
    error = error_from_response(status, {"error": body})
    assert isinstance(error, WompiError)
    assert str(error).startswith(("Wompi", "No fue posible"))
