"""Settings: per-key validation, whole-object rules, schema upgrades and the atomic file."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest

from mestore_desktop import settings as st
from mestore_desktop.settings import (
    EDITABLE_KEYS,
    SCHEMA_VERSION,
    SETTING_LABELS,
    Environment,
    Settings,
    SettingsError,
    SettingsFile,
    SmtpSecurity,
    nit_check_digit,
    setting_label,
    to_display,
    validate,
    with_value,
)

PUB_TEST = "pub_test_Q5kbJ2a1qFyb9sS7aQKxH2dH3mC8xYz1"
PUB_PROD = "pub_prod_Q5kbJ2a1qFyb9sS7aQKxH2dH3mC8xYz1"


def write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data), encoding="utf-8")


# --- defaults and round trip -------------------------------------------------------------------


def test_missing_file_gives_defaults_and_writes_nothing(home: Path) -> None:
    assert SettingsFile(home).load() == Settings()
    assert list(home.iterdir()) == []


def test_defaults() -> None:
    s = Settings()
    assert s.environment is Environment.SANDBOX
    assert s.terminal_id == "T01"
    assert s.store_name == "Mi tienda"
    assert s.language == "es"
    assert s.effective_api_url == "https://sandbox.wompi.co/v1"
    assert s.effective_checkout_url == "https://checkout.wompi.co/p/"
    assert validate(s) is s


def test_effective_urls_follow_environment_and_overrides() -> None:
    prod = Settings(environment=Environment.PRODUCTION)
    assert prod.effective_api_url == "https://production.wompi.co/v1"
    local = Settings(wompi_api_url="http://127.0.0.1:8765/v1", checkout_url="http://localhost:1/p/")
    assert local.effective_api_url == "http://127.0.0.1:8765/v1"
    assert local.effective_checkout_url == "http://localhost:1/p/"


def test_round_trip(home: Path) -> None:
    original = Settings(
        environment=Environment.PRODUCTION,
        public_key=PUB_PROD,
        wompi_api_url="https://production.wompi.co/v1",
        checkout_url="https://checkout.wompi.co/p/",
        relay_url="https://relay.example.co/hooks",
        terminal_id="CAJA2",
        store_name="Panadería La Esquina Ñ",
        store_nit="900123456-8",
        language="en",
        smtp_host="smtp.mitienda.co",
        smtp_port=465,
        smtp_security=SmtpSecurity.SSL,
        smtp_username="ventas@mitienda.co",
        smtp_from="ventas@mitienda.co",
    )
    sf = SettingsFile(home)
    sf.save(original)
    loaded = sf.load()
    assert loaded == original
    assert loaded.environment is Environment.PRODUCTION
    assert loaded.smtp_security is SmtpSecurity.SSL
    assert loaded.smtp_port == 465
    on_disk = json.loads(sf.path.read_text(encoding="utf-8"))
    assert on_disk["schema_version"] == SCHEMA_VERSION
    assert on_disk["store_name"] == "Panadería La Esquina Ñ"


def test_editable_keys_are_the_fields_in_order() -> None:
    assert EDITABLE_KEYS == (
        "environment",
        "public_key",
        "wompi_api_url",
        "checkout_url",
        "relay_url",
        "terminal_id",
        "store_name",
        "store_nit",
        "language",
        "smtp_host",
        "smtp_port",
        "smtp_security",
        "smtp_username",
        "smtp_from",
        "checkout_expiry_minutes",
    )


def test_to_display_is_all_text() -> None:
    shown = to_display(Settings(public_key=PUB_TEST))
    assert list(shown) == list(EDITABLE_KEYS)
    assert shown["environment"] == "sandbox"
    assert shown["public_key"] == PUB_TEST
    assert all(isinstance(v, str) for v in shown.values())


# --- one key at a time -------------------------------------------------------------------------

VALID = [
    ("environment", "production", Environment.PRODUCTION),
    ("environment", " SANDBOX ", Environment.SANDBOX),
    ("public_key", PUB_TEST, PUB_TEST),
    ("public_key", "", ""),
    ("wompi_api_url", "https://sandbox.wompi.co/v1", "https://sandbox.wompi.co/v1"),
    ("wompi_api_url", "http://localhost:8080/v1", "http://localhost:8080/v1"),
    ("wompi_api_url", "", ""),
    ("checkout_url", "http://127.0.0.1:9000/p/", "http://127.0.0.1:9000/p/"),
    ("relay_url", "https://relay.mestore.co", "https://relay.mestore.co"),
    ("terminal_id", "caja1", "CAJA1"),
    ("terminal_id", "12345678", "12345678"),
    ("store_name", "  Tienda Doña Rosa  ", "Tienda Doña Rosa"),
    ("store_nit", "900123456-8", "900123456-8"),
    ("store_nit", "890903938-8", "890903938-8"),
    ("store_nit", "900.123.456", "900123456"),
    ("store_nit", "", ""),
    ("language", "EN", "en"),
    ("smtp_host", " SMTP.Gmail.com ", "smtp.gmail.com"),
    ("smtp_host", "127.0.0.1", "127.0.0.1"),
    ("smtp_host", "::1", "::1"),
    ("smtp_host", "", ""),
    ("smtp_port", "465", 465),
    ("smtp_port", " 25 ", 25),
    ("checkout_expiry_minutes", "30", 30),
    ("checkout_expiry_minutes", " 5 ", 5),
    ("checkout_expiry_minutes", "1440", 1440),
    ("smtp_security", "STARTTLS", SmtpSecurity.STARTTLS),
    ("smtp_security", "none", SmtpSecurity.NONE),
    ("smtp_username", "ventas@mitienda.co", "ventas@mitienda.co"),
    ("smtp_username", "", ""),
    ("smtp_from", "Ventas.Tienda@mitienda.co", "Ventas.Tienda@mitienda.co"),
    ("smtp_from", "", ""),
]


@pytest.mark.parametrize(("key", "raw", "expected"), VALID)
def test_with_value_accepts(key: str, raw: str, expected: object) -> None:
    updated = with_value(Settings(), key, raw)
    assert getattr(updated, key) == expected
    others = {k for k in EDITABLE_KEYS if k != key}
    assert all(getattr(updated, k) == getattr(Settings(), k) for k in others)


INVALID = [
    ("environment", "staging"),
    ("environment", ""),
    ("public_key", "pub_live_abc123"),
    ("public_key", "pk_test_abc"),
    ("public_key", "pub_test_abc def"),
    ("wompi_api_url", "sandbox.wompi.co/v1"),
    ("wompi_api_url", "ftp://sandbox.wompi.co/v1"),
    ("wompi_api_url", "http://sandbox.wompi.co/v1"),
    ("checkout_url", "https://user:pw@checkout.wompi.co/p/"),
    ("relay_url", "https://relay.mestore.co/?token=abc"),
    ("relay_url", "https:///v1"),
    ("terminal_id", ""),
    ("terminal_id", "CAJA-1"),
    ("terminal_id", "TERMINAL9"),
    ("terminal_id", "T Ñ1"),
    ("store_name", "   "),
    ("store_name", "x" * 81),
    ("store_name", "Tienda\nSegunda línea"),
    ("store_nit", "90012345A"),
    ("store_nit", "900123456-88"),
    ("store_nit", "900123456-7"),  # wrong check digit (DIAN's is 8)
    ("store_nit", "1234"),
    ("language", "fr"),
    ("smtp_host", "smtp://smtp.gmail.com"),
    ("smtp_host", "smtp.gmail.com:587"),
    ("smtp_host", "-bad-.example.co"),
    ("smtp_port", ""),
    ("smtp_port", "0"),
    ("smtp_port", "65536"),
    ("smtp_port", "58a"),
    ("checkout_expiry_minutes", ""),
    ("checkout_expiry_minutes", "2"),
    ("checkout_expiry_minutes", "9999"),
    ("checkout_expiry_minutes", "media hora"),
    ("smtp_security", "secure"),
    ("smtp_security", ""),
    ("smtp_username", "ventas\tcaja"),
    ("smtp_username", "u" * 255),
    ("smtp_from", "caja"),
    ("smtp_from", "caja@local"),
    ("smtp_from", "ventas@mitiénda.co"),
    ("smtp_from", "a@b.co\nBcc: x@y.co"),
]


@pytest.mark.parametrize(("key", "raw"), INVALID)
def test_with_value_refuses_and_names_the_key(key: str, raw: str) -> None:
    with pytest.raises(SettingsError) as info:
        with_value(Settings(), key, raw)
    assert info.value.key == key
    # Named as staff know it ("Puerto SMTP"), never by the internal key (issue 8, item 10).
    assert str(info.value) == f"{setting_label(key)}: {info.value.reason}"
    assert key not in str(info.value)
    if raw.strip():
        assert raw.strip() not in str(info.value)  # the message never echoes the value


def test_every_setting_has_a_spanish_label() -> None:
    assert set(SETTING_LABELS) == set(EDITABLE_KEYS)


def test_every_key_has_valid_and_invalid_cases() -> None:
    assert {k for k, _, _ in VALID} == set(EDITABLE_KEYS)
    assert {k for k, _ in INVALID} == set(EDITABLE_KEYS)


def test_smtp_port_and_security_are_typed() -> None:
    updated = with_value(with_value(Settings(), "smtp_port", "465"), "smtp_security", "ssl")
    assert updated.smtp_port == 465
    assert updated.smtp_security is SmtpSecurity.SSL
    assert to_display(updated)["smtp_port"] == "465"


@pytest.mark.parametrize("port", ["587", True, 587.0])
def test_validate_refuses_a_port_that_is_not_an_int(port: object) -> None:
    with pytest.raises(SettingsError, match="número entero") as info:
        validate(dataclasses.replace(Settings(), smtp_port=port))
    assert info.value.key == "smtp_port"


def test_smtp_host_needs_a_from_address() -> None:
    with pytest.raises(SettingsError) as info:
        validate(Settings(smtp_host="smtp.mitienda.co"))
    assert info.value.key == "smtp_from"
    complete = Settings(smtp_host="smtp.mitienda.co", smtp_from="ventas@mitienda.co")
    assert validate(complete) is complete


def test_a_password_never_crosses_the_network_unencrypted() -> None:
    remote = Settings(
        smtp_host="smtp.mitienda.co",
        smtp_from="ventas@mitienda.co",
        smtp_username="ventas",
        smtp_security=SmtpSecurity.NONE,
    )
    with pytest.raises(SettingsError, match="starttls") as info:
        validate(remote)
    assert info.value.key == "smtp_security"
    # A server on this machine, or no login at all, may go without TLS.
    local = dataclasses.replace(remote, smtp_host="localhost")
    assert validate(local) is local
    anonymous = dataclasses.replace(remote, smtp_username="")
    assert validate(anonymous) is anonymous


def test_unknown_key() -> None:
    with pytest.raises(SettingsError, match="'colour' desconocido") as info:
        with_value(Settings(), "colour", "blue")
    assert info.value.key == "colour"


SECRET_SHAPED = [
    "prv_test_abcDEF123",
    "prv_prod_abcDEF123",
    "test_events_abcDEF123",
    "prod_events_abcDEF123",
    "test_integrity_abcDEF123",
    "prod_integrity_abcDEF123",
]


@pytest.mark.parametrize("key", EDITABLE_KEYS)
@pytest.mark.parametrize("secret", SECRET_SHAPED)
def test_secret_shaped_values_refused_in_every_field(key: str, secret: str) -> None:
    with pytest.raises(SettingsError, match="llavero") as info:
        with_value(Settings(), key, secret)
    assert info.value.key == key
    assert secret not in str(info.value)
    # validate() catches it too, even when the object was built directly.
    with pytest.raises(SettingsError) as info2:
        validate(dataclasses.replace(Settings(), **{key: secret}))
    assert info2.value.key == key
    assert secret not in str(info2.value)


def test_secret_hidden_inside_a_url_is_refused() -> None:
    with pytest.raises(SettingsError, match="llavero"):
        with_value(Settings(), "relay_url", "https://relay.mestore.co/prv_test_abc123")


# --- whole-object rules ------------------------------------------------------------------------


def test_public_key_prefix_must_match_environment() -> None:
    mixed = with_value(Settings(public_key=PUB_TEST), "environment", "production")
    with pytest.raises(SettingsError, match="pub_prod_") as info:
        validate(mixed)
    assert info.value.key == "public_key"
    fixed = with_value(mixed, "public_key", PUB_PROD)
    assert validate(fixed) is fixed


def test_validate_checks_fields_of_a_directly_built_object() -> None:
    with pytest.raises(SettingsError) as info:
        validate(Settings(terminal_id="t01"))
    assert info.value.key == "terminal_id"


def test_save_refuses_invalid_settings_and_keeps_the_old_file(home: Path) -> None:
    sf = SettingsFile(home)
    sf.save(Settings(store_name="Vieja"))
    before = sf.path.read_bytes()
    with pytest.raises(SettingsError):
        sf.save(Settings(environment=Environment.PRODUCTION, public_key=PUB_TEST))
    assert sf.path.read_bytes() == before
    assert sorted(p.name for p in home.iterdir()) == ["settings.json"]


# --- the file ----------------------------------------------------------------------------------


def test_upgrade_from_v0_file(home: Path) -> None:
    # Prototype layout: no schema_version, "sandbox" flag, "api_url", lower-case terminal id.
    write_json(
        home / "settings.json",
        {
            "sandbox": False,
            "public_key": PUB_PROD,
            "api_url": "https://production.wompi.co/v1",
            "terminal_id": "caja3",
            "store_name": "Vieja tienda",
        },
    )
    loaded = SettingsFile(home).load()
    assert loaded == Settings(
        environment=Environment.PRODUCTION,
        public_key=PUB_PROD,
        wompi_api_url="https://production.wompi.co/v1",
        terminal_id="CAJA3",
        store_name="Vieja tienda",
    )


def test_upgrade_from_v1_file(home: Path) -> None:
    write_json(
        home / "settings.json",
        {"schema_version": 1, "environment": "sandbox", "api_url": "http://localhost:9/v1"},
    )
    assert SettingsFile(home).load().wompi_api_url == "http://localhost:9/v1"


def test_upgrade_from_v2_file_keeps_everything_and_leaves_mail_unset(home: Path) -> None:
    write_json(
        home / "settings.json",
        {"schema_version": 2, "terminal_id": "T05", "store_name": "Tienda v2", "language": "en"},
    )
    loaded = SettingsFile(home).load()
    assert loaded == Settings(terminal_id="T05", store_name="Tienda v2", language="en")
    assert loaded.smtp_host == ""
    assert loaded.smtp_port == 587


def test_upgrade_steps_cover_every_version() -> None:
    assert SCHEMA_VERSION == 4
    assert len(st.UPGRADES) == SCHEMA_VERSION
    assert st.upgrade({"sandbox": True}, 0) == {"environment": "sandbox"}
    assert st.upgrade({"terminal_id": "T01"}, 2) == {"terminal_id": "T01"}
    assert st.upgrade({"smtp_port": 465}, 3) == {"smtp_port": 465}


def test_a_v3_file_loads_with_the_default_checkout_expiry(home: Path) -> None:
    write_json(home / "settings.json", {"schema_version": 3, "smtp_port": 465})
    assert SettingsFile(home).load().checkout_expiry_minutes == 30


def test_a_hand_written_numeric_expiry_in_the_file_is_accepted(home: Path) -> None:
    write_json(
        home / "settings.json",
        {"schema_version": SCHEMA_VERSION, "checkout_expiry_minutes": 45},
    )
    assert SettingsFile(home).load().checkout_expiry_minutes == 45


def test_a_hand_written_numeric_port_in_the_file_is_accepted(home: Path) -> None:
    write_json(home / "settings.json", {"schema_version": SCHEMA_VERSION, "smtp_port": 465})
    assert SettingsFile(home).load().smtp_port == 465


@pytest.mark.parametrize("port", [0, True, "puerto"])
def test_a_bad_port_in_the_file_names_the_key(home: Path, port: object) -> None:
    write_json(home / "settings.json", {"schema_version": SCHEMA_VERSION, "smtp_port": port})
    with pytest.raises(SettingsError) as info:
        SettingsFile(home).load()
    assert info.value.key == "smtp_port"


def test_load_does_not_rewrite_an_old_file(home: Path) -> None:
    path = home / "settings.json"
    write_json(path, {"sandbox": True})
    before = path.read_bytes()
    SettingsFile(home).load()
    assert path.read_bytes() == before


def test_future_schema_refused_clearly(home: Path) -> None:
    write_json(home / "settings.json", {"schema_version": SCHEMA_VERSION + 1})
    with pytest.raises(SettingsError, match="versión más nueva") as info:
        SettingsFile(home).load()
    assert info.value.key == "schema_version"
    assert "Actualice" in str(info.value)


@pytest.mark.parametrize("version", ["2", -1, 1.5, True, None])
def test_bad_schema_version(home: Path, version: object) -> None:
    write_json(home / "settings.json", {"schema_version": version})
    with pytest.raises(SettingsError) as info:
        SettingsFile(home).load()
    assert info.value.key == "schema_version"


@pytest.mark.parametrize("content", ['{"environment": "sandbox",', "", "[1, 2]", "\xff\xfe"])
def test_corrupt_file_gives_settings_error_and_is_not_overwritten(home: Path, content: str) -> None:
    path = home / "settings.json"
    path.write_bytes(content.encode("latin-1"))
    before = path.read_bytes()
    with pytest.raises(SettingsError, match=r"settings\.json") as info:
        SettingsFile(home).load()
    assert info.value.key is None
    assert path.read_bytes() == before
    assert [p.name for p in home.iterdir()] == ["settings.json"]


def test_bad_value_in_file_names_the_key(home: Path) -> None:
    write_json(home / "settings.json", {"schema_version": SCHEMA_VERSION, "terminal_id": "A-1"})
    with pytest.raises(SettingsError, match="'terminal_id'") as info:
        SettingsFile(home).load()
    assert info.value.key == "terminal_id"


def test_non_text_value_in_file_names_the_key(home: Path) -> None:
    write_json(home / "settings.json", {"schema_version": SCHEMA_VERSION, "store_nit": 900123})
    with pytest.raises(SettingsError) as info:
        SettingsFile(home).load()
    assert info.value.key == "store_nit"


def test_unknown_key_in_file_names_the_key(home: Path) -> None:
    write_json(home / "settings.json", {"schema_version": SCHEMA_VERSION, "colour": "red"})
    with pytest.raises(SettingsError) as info:
        SettingsFile(home).load()
    assert info.value.key == "colour"


def test_secret_in_file_refused_without_echo(home: Path) -> None:
    secret = "prv_prod_Zz9Yy8Xx7Ww6"
    write_json(home / "settings.json", {"schema_version": SCHEMA_VERSION, "store_name": secret})
    with pytest.raises(SettingsError) as info:
        SettingsFile(home).load()
    assert info.value.key == "store_name"
    assert secret not in str(info.value)


def test_mismatched_prefix_in_file_refused(home: Path) -> None:
    write_json(
        home / "settings.json",
        {"schema_version": SCHEMA_VERSION, "environment": "production", "public_key": PUB_TEST},
    )
    with pytest.raises(SettingsError) as info:
        SettingsFile(home).load()
    assert info.value.key == "public_key"


def test_atomic_save_leaves_no_temp_files(home: Path) -> None:
    sf = SettingsFile(home)
    for name in ("Uno", "Dos", "Tres"):
        sf.save(Settings(store_name=name))
    assert [p.name for p in home.iterdir()] == ["settings.json"]
    assert sf.load().store_name == "Tres"


def test_failed_replace_keeps_old_file_and_cleans_temp(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sf = SettingsFile(home)
    sf.save(Settings(store_name="Antes"))

    def broken_replace(src: str, dst: object) -> None:
        raise OSError("disco lleno")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disco lleno"):
        sf.save(Settings(store_name="Después"))
    monkeypatch.undo()
    assert [p.name for p in home.iterdir()] == ["settings.json"]
    assert sf.load().store_name == "Antes"


def test_save_creates_missing_home(tmp_path: Path) -> None:
    sf = SettingsFile(tmp_path / "new-home")
    sf.save(Settings())
    assert sf.load() == Settings()


@pytest.mark.parametrize(
    ("number", "digit"), [("900123456", 8), ("890903938", 8), ("860002964", 4), ("800197268", 4)]
)
def test_nit_check_digit_matches_known_nits(number: str, digit: int) -> None:
    assert nit_check_digit(number) == digit
