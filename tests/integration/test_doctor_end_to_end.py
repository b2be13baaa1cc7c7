"""`mestore doctor --json` as a vendor runs it, against the real sandbox and relay on loopback.

The CLI runs as a subprocess with its own home, and its secrets in a real Secret Service
(gnome-keyring under a private D-Bus session, as tests/integration/test_keyring_secret_service.py
does), stored with `mestore secrets set` from standard input. One sandbox and one relay serve the
module. First every check passes (the sandbox round trip included: a test-card transaction,
approved, its event read back through the relay); then each broken set-up fails BY NAME:
(a) the relay's events secret is wrong, (b) the relay token is revoked, (c) the private key is
of the other environment, (d) there is no usable keyring.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from mestore_desktop.relay.config import RelayConfig
from mestore_desktop.relay.server import RelayServer
from mestore_desktop.sandbox.config import SandboxConfig, SandboxKeys, generate_keys
from mestore_desktop.sandbox.server import SandboxServer
from mestore_desktop.services.doctor import CHECK_NAMES
from mestore_desktop.settings import Environment, Settings, SettingsFile
from tests.relay.helpers import new_events_secret
from tests.support.private_session import private_session_env

ROOT = Path(__file__).resolve().parents[2]
KEYRING_PASSWORD = "pw"  # the throwaway test keyring's
# Stores the four secrets with `mestore secrets set` (their values from the environment and
# through standard input, never argv; one interpreter for the four), then runs the doctor.
STORE_SECRETS = """
import io, os, sys
from mestore_desktop.cli.main import main
for name in ("wompi_private_key", "wompi_integrity_secret", "wompi_events_secret", "relay_token"):
    value = io.StringIO(os.environ["SECRET_" + name.upper()])
    if main(["--home", os.environ["MESTORE_TEST_HOME"], "secrets", "set", name], stdin=value):
        sys.exit(99)
"""
SCRIPT = """
echo -n "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
"$PYTHON" -c "$STORE_SECRETS" >/dev/null || exit 99
exec "$PYTHON" -m mestore_desktop.cli --home "$MESTORE_TEST_HOME" doctor --json
"""


@dataclass
class World:
    keys: SandboxKeys
    sandbox: SandboxServer
    relay: RelayServer
    base: Path


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    for tool in ("dbus-run-session", "gnome-keyring-daemon"):
        assert shutil.which(tool), f"{tool} missing: install gnome-keyring and dbus (.ci/install)"
    base = tmp_path_factory.mktemp("doctor")
    keys = generate_keys()
    config = RelayConfig(environment="test", events_secrets=(keys.events_secret,))
    relay = RelayServer(config, base / "relay.db").start()
    sandbox = SandboxServer(
        SandboxConfig(keys=keys, events_url=relay.events_url, finalize_delay_s=0.2)
    ).start()
    try:
        yield World(keys, sandbox, relay, base)
    finally:
        sandbox.stop()
        relay.stop()


def run_doctor(
    world: World,
    name: str,
    *,
    relay: RelayServer | None = None,
    token: str | None = None,
    private_key: str | None = None,
    keyring_backend: str | None = None,
) -> tuple[int, dict[str, Any]]:
    """`mestore doctor --json` in a fresh home and keyring; its exit code and its JSON."""
    relay = relay or world.relay
    folder = world.base / name
    home = folder / "mestore"
    SettingsFile(home).save(
        Settings(
            environment=Environment.SANDBOX,
            public_key=world.keys.public_key,
            wompi_api_url=f"{world.sandbox.base_url}/v1",
            checkout_url=f"{world.sandbox.base_url}/p/",
            relay_url=relay.base_url,
        )
    )
    env = private_session_env(folder)
    env.update(
        {
            "PYTHON": sys.executable,
            "MESTORE_TEST_HOME": str(home),
            "KEYRING_PASSWORD": KEYRING_PASSWORD,
            "STORE_SECRETS": STORE_SECRETS,
            "SECRET_WOMPI_PRIVATE_KEY": private_key or world.keys.private_key,
            "SECRET_WOMPI_INTEGRITY_SECRET": world.keys.integrity_secret,
            "SECRET_WOMPI_EVENTS_SECRET": world.keys.events_secret,
            "SECRET_RELAY_TOKEN": token or relay.create_token(f"caja-{name}"),
        }
    )
    if keyring_backend is None:
        command = ["dbus-run-session", "--", "sh", "-c", SCRIPT]
    else:
        env["PYTHON_KEYRING_BACKEND"] = keyring_backend
        command = [sys.executable, "-m", "mestore_desktop.cli", "--home", str(home), "doctor"]
        command.append("--json")
    done = subprocess.run(
        command, env=env, cwd=folder, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    assert [c["name"] for c in report["checks"]] == list(CHECK_NAMES)
    assert report["ok"] is (done.returncode == 0)
    for secret in (world.keys.private_key, world.keys.integrity_secret, world.keys.events_secret):
        assert secret not in done.stdout + done.stderr
    return done.returncode, report


def failing(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["name"]: c for c in report["checks"] if not c["ok"]}


def test_a_good_set_up_passes_every_check(world: World):
    code, report = run_doctor(world, "good")
    assert failing(report) == {}
    assert code == 0
    for check in report["checks"]:
        assert check["detail"] and check["fix"] == ""
    # The round trip was real: a DOCTOR- transaction was approved in the sandbox.
    approved = [
        tx
        for tx in world.sandbox.sandbox.transactions()
        if tx["reference"].startswith("DOCTOR-") and tx["status"] == "APPROVED"
    ]
    assert approved


def test_a_wrong_events_secret_at_the_relay_fails_relay_events_secret(world: World):
    wrong = RelayServer(
        RelayConfig(environment="test", events_secrets=(new_events_secret(),)),
        world.base / "wrong-relay.db",
    ).start()
    sandbox = world.sandbox.sandbox
    sandbox.set_events_url(wrong.events_url)
    try:
        code, report = run_doctor(world, "wrong-secret", relay=wrong)
    finally:
        sandbox.set_events_url(world.relay.events_url)
        wrong.stop()
    assert code == 1
    assert set(failing(report)) == {"relay_events_secret"}
    check = failing(report)["relay_events_secret"]
    assert "secreto de eventos" in check["detail"]
    assert "Desarrolladores › Secretos" in check["fix"] and "relay" in check["fix"]


def test_a_revoked_relay_token_fails_relay_token(world: World):
    token = world.relay.create_token("caja-revocada")
    assert world.relay.store.revoke_token("caja-revocada")
    code, report = run_doctor(world, "revoked", token=token)
    assert code == 1
    failed = failing(report)
    assert "relay_token" in failed
    assert "revocado" in failed["relay_token"]["detail"]
    assert set(failed) <= {"relay_token", "relay_events_secret"}


def test_a_private_key_of_the_other_environment_fails_keys_environment(world: World):
    production_key = "prv_prod_" + world.keys.private_key.removeprefix("prv_test_")
    code, report = run_doctor(world, "other-env", private_key=production_key)
    assert code == 1
    failed = failing(report)
    assert "keys_environment" in failed
    assert "prv_prod_" in failed["keys_environment"]["detail"]
    assert "prv_test_" in failed["keys_environment"]["fix"]


def test_no_usable_keyring_fails_keyring(world: World):
    code, report = run_doctor(world, "no-keyring", keyring_backend="keyring.backends.fail.Keyring")
    assert code == 1
    failed = failing(report)
    assert "keyring" in failed
    assert "llavero" in failed["keyring"]["detail"]
    assert "GNOME Keyring" in failed["keyring"]["fix"]
    # What needs no secret still answers.
    for name in ("relay_reachable", "clock_drift", "database", "disk_space"):
        assert name not in failed
