"""Properties of the pages' input handling: whatever arrives in a URL or a form, the answer is
a page (PageError / PaymentFormError), never an unexpected exception (which would be a 500)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mestore_desktop.sandbox.config import SandboxConfig, generate_keys
from mestore_desktop.sandbox.pages import (
    REQUIRED_PARAMS,
    PageError,
    PaymentFormError,
    escape,
    luhn_ok,
    parse_checkout,
    parse_payment,
    return_url,
)
from mestore_desktop.sandbox.state import Sandbox
from mestore_desktop.wompi.signatures import integrity_signature

KEYS = generate_keys()
SANDBOX = Sandbox(SandboxConfig(keys=KEYS, auto_finalize=False))  # no loop needed: never paid
CHECKOUT_NAMES = [*REQUIRED_PARAMS, "redirect-url", "expiration-time", "customer-data:email"]
FORM_NAMES = [
    "method",
    "customer_email",
    "card_number",
    "card_expiry",
    "card_cvc",
    "card_holder",
    "nequi_phone",
    "pse_bank",
    "pse_user_type",
    "pse_legal_id_type",
    "pse_legal_id",
    "full_name",
    "phone_number",
]
text = st.text(max_size=40)
likely = {
    "method": st.sampled_from(["CARD", "NEQUI", "PSE"]),
    "amount-in-cents": st.sampled_from(["2500000", "-1", "0", "1e3", "٣"]),
    "card_number": st.sampled_from(["4242424242424242", "4111 1111 1111 1111"]),
    "pse_bank": st.sampled_from(["1", "2", "3", "0"]),
}


def attempt(function: Callable[..., Any], *args: Any) -> tuple[Any, Exception | None]:
    """(result, None), or (None, the PageError / PaymentFormError raised); anything else fails."""
    try:
        return function(*args), None
    except (PageError, PaymentFormError) as problem:
        return None, problem


def fields(names: list[str]) -> st.SearchStrategy[dict[str, str]]:
    return st.fixed_dictionaries({}, optional={n: likely.get(n, text) | text for n in names})


@settings(max_examples=300, deadline=None)
@given(fields(CHECKOUT_NAMES))
def test_any_checkout_query_is_a_page_or_a_checkout(params: dict[str, str]) -> None:
    params.setdefault("public-key", KEYS.public_key)
    checkout, problem = attempt(parse_checkout, SANDBOX, params)
    if problem is None:
        assert checkout.params["reference"] == params["reference"]
    else:
        assert isinstance(problem, PageError)
        assert problem.status in (400, 422)
        assert problem.message


@settings(max_examples=100, deadline=None)
@given(
    st.text(min_size=1, max_size=255).filter(lambda r: r.isprintable() and r.strip()),
    st.integers(1, 10**10),
)
def test_any_correctly_signed_reference_is_accepted(reference: str, pesos: int) -> None:
    cents = pesos * 100
    params = {
        "public-key": KEYS.public_key,
        "currency": "COP",
        "amount-in-cents": str(cents),
        "reference": reference,
        "signature:integrity": integrity_signature(reference, cents, KEYS.integrity_secret),
    }
    checkout = parse_checkout(SANDBOX, params)
    assert (checkout.reference, checkout.amount_in_cents) == (reference, cents)


@settings(max_examples=300, deadline=None)
@given(fields(FORM_NAMES))
def test_any_payment_form_is_a_payment_or_a_list_of_problems(form: dict[str, str]) -> None:
    payment, problem = attempt(parse_payment, form, SANDBOX)
    if problem is None:
        assert payment.payment_method["type"] == form["method"]
    else:
        assert isinstance(problem, PaymentFormError)
        assert problem.problems
        assert problem.method in ("CARD", "NEQUI", "PSE")


@given(st.text())
def test_escape_leaves_no_markup(value: str) -> None:
    escaped = escape(value)
    assert not set("<>\"'") & set(escaped)


@given(st.from_regex(r"[0-9]{13,19}", fullmatch=True))
def test_luhn_accepts_exactly_one_check_digit(number: str) -> None:
    body = number[:-1]
    assert sum(luhn_ok(body + digit) for digit in "0123456789") == 1


def test_return_url_keeps_the_merchants_query_and_fragment() -> None:
    assert (
        return_url("https://shop.example/r", "1-2-3") == "https://shop.example/r?id=1-2-3&env=test"
    )
    assert (
        return_url("https://shop.example/r?a=1&b=%20#top", "1-2-3")
        == "https://shop.example/r?a=1&b=%20&id=1-2-3&env=test#top"
    )
