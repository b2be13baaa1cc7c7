"""A transaction's observation carries Wompi's method type beside the receipt label."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from mestore_desktop.domain.payment import StatusSource
from mestore_desktop.wompi.models import Transaction
from tests.wompi.test_models import transaction_payload

AT = datetime(2025, 1, 1, 17, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("method_type", "method", "label", "kind"),
    [
        ("CARD", {"type": "CARD", "extra": {"brand": "VISA", "last_four": "4242"}},
         "VISA ••4242", "CARD"),
        ("NEQUI", {"type": "NEQUI", "phone_number": "3991111111"}, "Nequi 399•••1111", "NEQUI"),
        ("PSE", {"type": "PSE", "financial_institution_code": "1"}, "PSE", "PSE"),
        ("BANCOLOMBIA_TRANSFER", {"type": "BANCOLOMBIA_TRANSFER"}, "Botón Bancolombia",
         "BANCOLOMBIA_TRANSFER"),
        ("SOMETHING_NEW", {"type": "SOMETHING_NEW"}, "SOMETHING_NEW", "SOMETHING_NEW"),
        # payment_method without its own type: the transaction's payment_method_type says it
        ("NEQUI", {"phone_number": "3991111111"}, "Nequi 399•••1111", "NEQUI"),
        (None, None, "Wompi", ""),
    ],
)  # fmt: skip
def test_the_observation_has_the_type_and_the_label(
    method_type: str | None, method: dict[str, Any] | None, label: str, kind: str
) -> None:
    payload = transaction_payload(payment_method_type=method_type, payment_method=method)
    obs = Transaction.from_api(payload).to_observation(StatusSource.WEBHOOK, AT)
    assert (obs.payment_method, obs.payment_method_type) == (label, kind)


def test_a_type_that_is_no_wompi_code_is_not_grouped_by() -> None:
    """Wompi's types are upper-case codes; text of another shape stays in the label only."""
    method = {"type": "Tarjeta de crédito", "extra": {}}
    payload = transaction_payload(payment_method_type=None, payment_method=method)
    obs = Transaction.from_api(payload).to_observation(StatusSource.POLL, AT)
    assert (obs.payment_method, obs.payment_method_type) == ("Tarjeta de crédito", "")
