"""Keys, acceptance tokens and the state file (restart with pending work)."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import re
import time
from pathlib import Path

import pytest

from mestore_desktop.sandbox import acceptance
from mestore_desktop.sandbox.config import SandboxConfig, generate_keys
from mestore_desktop.sandbox.persistence import load_keys
from mestore_desktop.sandbox.state import Sandbox

NEQUI = {"type": "NEQUI", "phone_number": "3992222222"}


def test_generated_keys_look_like_wompi_test_keys():
    first, second = generate_keys(), generate_keys()
    for name, prefix in [
        ("public_key", "pub_test_"),
        ("private_key", "prv_test_"),
        ("events_secret", "test_events_"),
        ("integrity_secret", "test_integrity_"),
    ]:
        value = getattr(first, name)
        assert re.fullmatch(rf"{prefix}[A-Za-z0-9]{{32}}", value), value
        assert value != getattr(second, name)


def test_config_defaults_and_urls():
    config = SandboxConfig(keys=generate_keys())
    assert (config.finalize_delay_s, config.retry_time_factor, config.auto_finalize) == (
        1.0,
        1.0,
        True,
    )
    assert config.events_url is None and config.state_file is None
    assert config.merchant_name == "Tienda Demo MeStore"
    assert config.api_url == "http://127.0.0.1:0/v1"
    assert config.checkout_url == "http://127.0.0.1:0/p/"
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.base_url = "x"  # type: ignore[misc]


def test_acceptance_tokens_are_checked_for_signature_contract_and_expiry():
    key, other = b"k" * 32, b"o" * 32
    token = acceptance.issue(acceptance.Contract.END_USER_POLICY, key)
    assert acceptance.check(token, acceptance.Contract.END_USER_POLICY, key) is None
    invalid = acceptance.TokenProblem.INVALID
    assert acceptance.check(token, acceptance.Contract.PERSONAL_DATA_AUTH, key) is invalid
    assert acceptance.check(token, acceptance.Contract.END_USER_POLICY, other) is invalid
    head, body, sig = token.split(".")
    assert acceptance.check(f"{head}.{body}x.{sig}", acceptance.Contract.END_USER_POLICY, key)
    for junk in (None, 5, "", "a.b", "a.b.c.d"):
        assert acceptance.check(junk, acceptance.Contract.END_USER_POLICY, key) is invalid
    old = acceptance.issue(acceptance.Contract.END_USER_POLICY, key, now=time.time() - 3601)
    expired = acceptance.check(old, acceptance.Contract.END_USER_POLICY, key)
    assert expired is acceptance.TokenProblem.EXPIRED


def test_checkout_signature_verification(keys):
    from mestore_desktop.wompi.signatures import integrity_signature

    sandbox = Sandbox(SandboxConfig(keys=keys))
    good = integrity_signature("R-1", 150000, keys.integrity_secret)
    assert sandbox.verify_checkout_signature("R-1", 150000, "COP", good, None)
    assert sandbox.verify_checkout_signature("R-1", 150000, "COP", good.upper(), None)
    assert not sandbox.verify_checkout_signature("R-1", 150001, "COP", good, None)
    assert not sandbox.verify_checkout_signature("R-1", 150000, "USD", good, None)
    assert not sandbox.verify_checkout_signature("R-1", 150000, "COP", good, "2030-01-01")
    with_expiry = integrity_signature(
        "R-1", 150000, keys.integrity_secret, expiration_time="2030-01-01T05:00:00.000Z"
    )
    assert sandbox.verify_checkout_signature(
        "R-1", 150000, "COP", with_expiry, "2030-01-01T05:00:00.000Z"
    )
    assert not sandbox.verify_checkout_signature("R-1", "150000", "COP", good, None)  # type: ignore[arg-type]


@pytest.mark.anyio
async def test_state_file_restores_everything_and_finishes_pending_work(tmp_path: Path, keys):
    path = tmp_path / "state.json"
    config = SandboxConfig(keys=keys, state_file=path, auto_finalize=False, finalize_delay_s=0)
    first = Sandbox(config)
    pending = first.create_transaction(
        amount_in_cents=150000,
        currency="COP",
        reference="KEEP-1",
        customer_email="a@example.com",
        payment_method=NEQUI,
    )
    link = first.create_payment_link(
        {"name": "L", "description": "D", "single_use": True, "collect_shipping": False}
        | {"currency": "COP"}
    )
    assert json.loads(path.read_text())["version"] == 1
    assert load_keys(path) == keys
    assert load_keys(tmp_path / "missing.json") is None

    second = Sandbox(dataclasses.replace(config, auto_finalize=True))
    assert second.get_transaction(pending["id"])["status"] == "PENDING"
    assert second.get_payment_link(link["id"]) == link
    with pytest.raises(Exception, match="referencia"):
        second.create_transaction(
            amount_in_cents=150000,
            currency="COP",
            reference="KEEP-1",
            customer_email="a@example.com",
            payment_method=NEQUI,
            strict_reference=True,
        )
    await second.start()  # the restored PENDING transaction is finalized now
    for _ in range(100):
        if second.get_transaction(pending["id"])["status"] != "PENDING":
            break
        await asyncio.sleep(0.01)
    assert second.get_transaction(pending["id"])["status"] == "DECLINED"
    await second.aclose()
    await first.aclose()
    third = Sandbox(config)
    assert third.get_transaction(pending["id"])["status"] == "DECLINED"


def test_a_foreign_state_file_is_refused(tmp_path: Path, keys):
    path = tmp_path / "other.json"
    path.write_text('{"version": 99}')
    with pytest.raises(ValueError, match="archivo de estado"):
        Sandbox(SandboxConfig(keys=keys, state_file=path))
