"""SecretStore against an in-memory keyring, the masked Secret wrapper, and refused backends."""

from __future__ import annotations

import copy
import logging
import pickle
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import chainer, fail, null

from mestore_desktop import logs
from mestore_desktop.secrets import (
    MAX_SECRET_LENGTH,
    InvalidSecretError,
    KeyringUnavailableError,
    MissingSecretError,
    Secret,
    SecretName,
    SecretsError,
    SecretStore,
    service_name,
)
from tests.support.memory_keyring import MemoryKeyring

CANARY = "prv_test_CANARY7f3a9c1e5b"


def all_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*"))


# --- Secret ------------------------------------------------------------------------------------


def test_secret_is_masked_everywhere() -> None:
    s = Secret(CANARY)
    renderings = [
        repr(s),
        str(s),
        format(s),
        format(s, ">40"),
        f"{s}",
        f"{s!r}",
        f"{s!s}",
        "%s %r" % (s, s),  # noqa: UP031  the old style must be masked too
        "{}".format(s),  # noqa: UP032
        repr([s]),
        repr({"k": s}),
    ]
    for text in renderings:
        assert CANARY not in text
        assert "CANARY" not in text
    assert repr(s) == "Secret('••••••')"
    assert s.reveal() == CANARY


def test_secret_equality_and_no_hash() -> None:
    assert Secret("abc\u00f1") == Secret("abc\u00f1")
    assert Secret("abc") != Secret("abd")
    assert Secret("abc") != "abc"
    with pytest.raises(TypeError):
        hash(Secret("abc"))


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_secret_refuses_pickling(protocol: int) -> None:
    with pytest.raises(TypeError, match="serializar"):
        pickle.dumps(Secret(CANARY), protocol=protocol)


def test_secret_copy_is_safe() -> None:
    s = Secret(CANARY)
    assert copy.copy(s) is s
    assert copy.deepcopy({"s": s})["s"] is s


def test_secret_requires_text() -> None:
    with pytest.raises(TypeError):
        Secret(b"bytes")  # type: ignore[arg-type]


# --- names and services ------------------------------------------------------------------------


def test_labels_are_spanish() -> None:
    assert {n: n.label for n in SecretName} == {
        SecretName.WOMPI_PRIVATE_KEY: "Llave privada de Wompi",
        SecretName.EVENTS_SECRET: "Secreto de eventos",
        SecretName.INTEGRITY_SECRET: "Secreto de integridad",
        SecretName.RELAY_TOKEN: "Token del relay",
        SecretName.SMTP_PASSWORD: "Contraseña SMTP",
    }


def test_service_names() -> None:
    assert service_name("sandbox") == "mestore-desktop/sandbox"
    assert service_name("production") == "mestore-desktop/production"
    with pytest.raises(SecretsError, match="desconocido"):
        service_name("staging")


# --- the store ---------------------------------------------------------------------------------


def test_round_trip_uses_per_environment_service(memory_keyring: MemoryKeyring) -> None:
    sandbox, production = SecretStore("sandbox"), SecretStore("production")
    sandbox.set(SecretName.WOMPI_PRIVATE_KEY, CANARY)
    production.set(SecretName.WOMPI_PRIVATE_KEY, "prv_prod_other123")
    assert memory_keyring.values == {
        ("mestore-desktop/sandbox", "wompi_private_key"): CANARY,
        ("mestore-desktop/production", "wompi_private_key"): "prv_prod_other123",
    }
    got = sandbox.get(SecretName.WOMPI_PRIVATE_KEY)
    assert got is not None
    assert got.reveal() == CANARY
    assert sandbox.require(SecretName.WOMPI_PRIVATE_KEY) == Secret(CANARY)
    sandbox.delete(SecretName.WOMPI_PRIVATE_KEY)
    assert sandbox.get(SecretName.WOMPI_PRIVATE_KEY) is None
    assert production.get(SecretName.WOMPI_PRIVATE_KEY) == Secret("prv_prod_other123")


def test_delete_unset_is_fine(memory_keyring: MemoryKeyring) -> None:
    SecretStore("sandbox").delete(SecretName.RELAY_TOKEN)
    assert memory_keyring.values == {}


def test_require_fails_closed_naming_the_label() -> None:
    with pytest.raises(MissingSecretError, match="Secreto de integridad"):
        SecretStore("sandbox").require(SecretName.INTEGRITY_SECRET)


def test_status_has_every_name_and_no_values() -> None:
    store = SecretStore("sandbox")
    store.set(SecretName.EVENTS_SECRET, "test_events_CANARYabc123")
    status = store.status()
    assert status == {
        SecretName.WOMPI_PRIVATE_KEY: False,
        SecretName.EVENTS_SECRET: True,
        SecretName.INTEGRITY_SECRET: False,
        SecretName.RELAY_TOKEN: False,
        SecretName.SMTP_PASSWORD: False,
    }
    assert all(type(v) is bool for v in status.values())
    assert "CANARY" not in repr(status)


def test_set_registers_value_for_log_redaction() -> None:
    value = "smtp-Only-Known-To-The-Keyring-42"
    assert value in logs.redact(f"pw={value}")
    SecretStore("sandbox").set(SecretName.SMTP_PASSWORD, value)
    assert logs.redact(f"pw={value}") == "pw=••••••"


def test_get_registers_value_read_from_keyring(memory_keyring: MemoryKeyring) -> None:
    value = "relay-token-from-a-previous-run-77"
    memory_keyring.values[("mestore-desktop/sandbox", "relay_token")] = value
    SecretStore("sandbox").get(SecretName.RELAY_TOKEN)
    assert value not in logs.redact(value)


BAD_VALUES = [
    ("", "vacío"),
    ("   ", "vacío"),
    ("x" * (MAX_SECRET_LENGTH + 1), "demasiado largo"),
    ("prv_test_abc\n", "saltos de línea"),
    ("abc\r\ndef", "saltos de línea"),
    ("abc\x00def", "control"),
    ("abc\tdef", "control"),
    ("abc\u2028def", "saltos de línea"),
]


@pytest.mark.parametrize(("value", "why"), BAD_VALUES)
def test_invalid_values_refused_without_echo(
    memory_keyring: MemoryKeyring, value: str, why: str
) -> None:
    with pytest.raises(InvalidSecretError, match=why) as info:
        SecretStore("sandbox").set(SecretName.RELAY_TOKEN, value)
    assert "Token del relay" in str(info.value)
    if value.strip():
        assert value.strip() not in str(info.value)
    assert memory_keyring.values == {}


def test_max_length_is_accepted(memory_keyring: MemoryKeyring) -> None:
    SecretStore("sandbox").set(SecretName.RELAY_TOKEN, "y" * MAX_SECRET_LENGTH)
    assert len(memory_keyring.values[("mestore-desktop/sandbox", "relay_token")]) == 1024


# --- unusable backends -------------------------------------------------------------------------


def assert_how_to_fix(message: str) -> None:
    for hint in ("GNOME Keyring", "KWallet", "Secret Service", "Administrador de credenciales"):
        assert hint in message
    assert "Keychain" in message
    assert "no se guardó" in message


def test_fail_backend_refused_nothing_written(
    home: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # Point every place a careless fallback could write to at the empty home.
    monkeypatch.chdir(home)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.setenv("MESTORE_HOME", str(home))
    keyring.set_keyring(fail.Keyring())
    store = SecretStore("sandbox")
    caplog.set_level(logging.DEBUG)
    with pytest.raises(KeyringUnavailableError) as info:
        store.set(SecretName.WOMPI_PRIVATE_KEY, CANARY)
    message = str(info.value)
    assert_how_to_fix(message)
    assert CANARY not in message
    assert "CANARY" not in repr(info.value)
    assert "CANARY" not in caplog.text
    assert all_files(home) == []
    for call in (store.get, store.require, store.delete):
        with pytest.raises(KeyringUnavailableError):
            call(SecretName.WOMPI_PRIVATE_KEY)
    with pytest.raises(KeyringUnavailableError):
        store.status()
    assert all_files(home) == []


def fake_backend(module: str, name: str) -> keyring.backend.KeyringBackend:
    """A working in-memory backend dressed up as another one (e.g. keyrings.alt's plaintext)."""
    cls = type(name, (MemoryKeyring,), {"__module__": module})
    # keyring registers every subclass for its own backend discovery; keep the fakes out of it.
    keyring.backend.KeyringBackend._classes.discard(cls)
    return cls()


@pytest.mark.parametrize(
    "backend",
    [
        null.Keyring(),
        fake_backend("keyrings.alt.file", "PlaintextKeyring"),
        fake_backend("keyrings.alt.file", "EncryptedKeyring"),
        fake_backend("some.vendor", "PlaintextKeyring"),
    ],
    ids=["null", "alt-plaintext", "alt-encrypted", "other-plaintext"],
)
def test_unsafe_backends_refused(backend: keyring.backend.KeyringBackend) -> None:
    keyring.set_keyring(backend)
    with pytest.raises(KeyringUnavailableError) as info:
        SecretStore("sandbox").set(SecretName.RELAY_TOKEN, CANARY)
    assert_how_to_fix(str(info.value))
    assert CANARY not in str(info.value)
    assert getattr(backend, "values", {}) == {}


@pytest.mark.parametrize(
    ("members", "usable"),
    [
        ([], False),
        ([fake_backend("keyrings.alt.file", "PlaintextKeyring")], False),
        ([MemoryKeyring(), fake_backend("keyrings.alt.file", "PlaintextKeyring")], False),
        ([MemoryKeyring()], True),
    ],
    ids=["empty", "only-plaintext", "mixed", "real"],
)
def test_chainer_needs_only_safe_members(
    monkeypatch: pytest.MonkeyPatch, members: list[keyring.backend.KeyringBackend], usable: bool
) -> None:
    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: members)
    keyring.set_keyring(chainer.ChainerBackend())
    store = SecretStore("sandbox")
    if usable:
        store.check_backend()
    else:
        with pytest.raises(KeyringUnavailableError):
            store.check_backend()


class ExplodingKeyring(MemoryKeyring):
    priority = -1  # never chosen by keyring's own discovery

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (keyring.errors.NoKeyringError(f"no backend {CANARY}"), KeyringUnavailableError),
        (keyring.errors.KeyringLocked(f"locked {CANARY}"), KeyringUnavailableError),
        (keyring.errors.InitError(f"init {CANARY}"), KeyringUnavailableError),
        (keyring.errors.PasswordSetError(f"refused {CANARY}"), SecretsError),
        (RuntimeError(f"dbus went away {CANARY}"), SecretsError),
    ],
)
def test_backend_errors_wrapped_without_the_value(
    error: Exception, expected: type[SecretsError]
) -> None:
    keyring.set_keyring(ExplodingKeyring(error))
    with pytest.raises(expected) as info:
        SecretStore("sandbox").set(SecretName.WOMPI_PRIVATE_KEY, CANARY)
    assert "CANARY" not in str(info.value)
    assert info.value.__cause__ is None
    assert info.value.__suppress_context__
